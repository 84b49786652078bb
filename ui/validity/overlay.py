"""Drawn over the pages (``PageView.add_overlay``): where each signature's widget is, the
selected one outlined, and in compare mode the regions that changed since signing.

The core reports rectangles on the page as displayed (crop box and rotation already applied,
``SignatureResult.display_rect`` and the visual regions), in points from its lower-left
corner; the page view counts from the top-left, so y is flipped with the page height.
Clicking a signature's widget selects its row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen

from desktop_signer.render.models import Rect
from ui.page_view import PageView
from ui.validity import style

PdfRect = tuple[float, float, float, float]


def to_view_rect(rect: PdfRect, page_height: float) -> Rect:
    x0, y0, x1, y1 = rect
    return Rect(x0, page_height - y1, x1, page_height - y0)


class SignatureOverlay:
    def __init__(self, view: PageView, on_click: Callable[[int], None]) -> None:
        self._view = view
        self._on_click = on_click
        # (signature position in the list, 0-based page, rect, tone)
        self._widgets: list[tuple[int, int, PdfRect, str]] = []
        self._selected: int | None = None
        self._regions: list[tuple[int, PdfRect, str]] = []
        self.comparing = False

    def set_widgets(self, widgets: list[tuple[int, int, PdfRect, str]]) -> None:
        self._widgets = widgets
        self._view.viewport().update()

    def select(self, position: int | None) -> None:
        self._selected = position
        self._view.viewport().update()

    def set_regions(self, regions: list[tuple[int, PdfRect, str]] | None) -> None:
        """Changed regions to highlight (0-based page), or None to leave compare mode."""
        self._regions = list(regions or [])
        self.comparing = regions is not None
        self._view.viewport().update()

    @property
    def regions(self) -> list[tuple[int, PdfRect, str]]:
        return list(self._regions)

    def _page_rect(self, page: int, rect: PdfRect, target: QRectF, scale: float) -> QRectF:
        height = self._view.page_size(page).height
        r = to_view_rect(rect, height)
        return QRectF(target.x() + r.x0 * scale, target.y() + r.y0 * scale,
                      (r.x1 - r.x0) * scale, (r.y1 - r.y0) * scale)

    def paint(self, painter: QPainter, page: int, target: QRectF, scale: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.comparing:
            for region_page, rect, _kind in self._regions:
                if region_page != page:
                    continue
                box = self._page_rect(page, rect, target, scale).adjusted(-2, -2, 2, 2)
                painter.fillRect(box, QColor(220, 38, 38, 60))
                pen = QPen(QColor("#b91c1c"), 2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(box)
        for position, widget_page, rect, tone in self._widgets:
            if widget_page != page:
                continue
            box = self._page_rect(page, rect, target, scale)
            colour = QColor(style.foreground(tone))
            if position == self._selected:
                painter.setPen(QPen(colour, 3))
                fill = QColor(colour)
                fill.setAlpha(28)
                painter.setBrush(QBrush(fill))
                painter.drawRoundedRect(box.adjusted(-3, -3, 3, 3), 3, 3)
            else:
                colour.setAlpha(150)
                painter.setPen(QPen(colour, 1, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(box.adjusted(-1, -1, 1, 1))

    def widget_at(self, point: QPointF) -> int | None:
        found = self._view.page_point_at(point)
        if found is None:
            return None
        page, x, y = found
        for position, widget_page, rect, _tone in self._widgets:
            if widget_page != page:
                continue
            r = to_view_rect(rect, self._view.page_size(page).height)
            if r.x0 <= x <= r.x1 and r.y0 <= y <= r.y1:
                return position
        return None

    def mouse_event(self, view: PageView, event: QMouseEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove:
            over = self.widget_at(event.position()) is not None
            if over:
                view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                view.viewport().unsetCursor()
            return False
        if event.type() == QEvent.Type.MouseButtonPress \
                and event.button() == Qt.MouseButton.LeftButton:
            position = self.widget_at(event.position())
            if position is not None:
                self._on_click(position)
                return True
        return False
