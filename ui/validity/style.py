"""Colours and icons of verdicts and answers: always an icon and words, never colour alone.

The shapes differ too (a tick, a question mark, a cross, a dash), so the states can be told
apart in grey-scale print and by people who do not see red and green apart.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

# tone -> (background, foreground/border): the banner's strip and its text
TONES: dict[str, tuple[str, str]] = {
    "valid": ("#e6f4ea", "#1b5e20"),
    "indeterminate": ("#fff4d6", "#7a4f00"),
    "invalid": ("#fde8e8", "#8a1c1c"),
    "unsigned": ("#eef0f2", "#3c4043"),
    "unreadable": ("#fff4d6", "#7a4f00"),
    "verifying": ("#e8f1fb", "#1d4f91"),
}
# answer status -> tone (see desktop_signer.reports.summary)
STATUS_TONE = {"ok": "valid", "note": "indeterminate", "unknown": "indeterminate",
               "bad": "invalid", "neutral": "unsigned"}
VERDICT_SHAPE = {"valid": "tick", "indeterminate": "question", "invalid": "cross",
                 "unsigned": "dash", "unreadable": "question", "verifying": "dots"}
STATUS_SHAPE = {"ok": "tick", "note": "bang", "unknown": "question", "bad": "cross",
                "neutral": "dash"}


def foreground(tone: str) -> str:
    return TONES.get(tone, TONES["unsigned"])[1]


def _draw(painter: QPainter, shape: str, side: float, colour: QColor) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(0.5, 0.5, side - 1, side - 1))
    pen = QPen(QColor("white"), max(side * 0.13, 1.5))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    s = side
    if shape == "tick":
        path = QPainterPath(QPointF(s * 0.27, s * 0.52))
        path.lineTo(QPointF(s * 0.43, s * 0.68))
        path.lineTo(QPointF(s * 0.73, s * 0.34))
        painter.drawPath(path)
    elif shape == "cross":
        painter.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
        painter.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
    elif shape == "dash":
        painter.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5))
    elif shape == "dots":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        for x in (0.3, 0.5, 0.7):
            painter.drawEllipse(QPointF(s * x, s * 0.5), s * 0.06, s * 0.06)
    else:  # question, bang: a glyph in a bold font
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(round(s * 0.7), 6))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter,
                         "?" if shape == "question" else "!")


@cache
def _icon(shape: str, colour: str) -> QIcon:
    result = QIcon()
    for side in (16, 20, 24, 32, 40, 48, 64):
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        _draw(painter, shape, float(side), QColor(colour))
        painter.end()
        result.addPixmap(pixmap)
    return result


def verdict_icon(tone: str) -> QIcon:
    return _icon(VERDICT_SHAPE.get(tone, "question"), foreground(tone))


def status_icon(status: str) -> QIcon:
    return _icon(STATUS_SHAPE.get(status, "dash"), foreground(STATUS_TONE.get(status, "unsigned")))


def verdict_pixmap(tone: str, side: int) -> QPixmap:
    return verdict_icon(tone).pixmap(side, side)


def status_pixmap(status: str, side: int) -> QPixmap:
    return status_icon(status).pixmap(side, side)
