"""Icons: the desktop theme's where it has one (freedesktop names), ours otherwise."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ui.resources import bsre_logo_path, icon_path

NAVY = "#123f7a"  # the BSrE placeholder logo's blue, used for accents


@cache
def icon(name: str) -> QIcon:
    path = icon_path(name)
    fallback = QIcon()
    if path.is_file():
        fallback = QIcon(str(path))
        disabled = path.parent / "disabled" / path.name
        if disabled.is_file():
            fallback.addFile(str(disabled), QSize(), QIcon.Mode.Disabled)
    return QIcon.fromTheme(name, fallback)


def bsre_logo(height: int, device_pixel_ratio: float = 1.0, configured: str = "") -> QPixmap:
    """The BSrE logo scaled to ``height`` logical pixels; a drawn badge if no file exists."""
    path = bsre_logo_path(configured)
    target = round(height * device_pixel_ratio)
    # Explicit device pixel ratio 1: we want exactly ``target`` device pixels, then say
    # how many logical pixels they cover.
    pixmap = (QIcon(str(path)).pixmap(QSize(target * 4, target), 1.0)
              if path is not None else QPixmap())
    if pixmap.isNull():
        pixmap = _badge(target)
    elif pixmap.height() != target:
        pixmap = pixmap.scaledToHeight(target, Qt.TransformationMode.SmoothTransformation)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def _badge(height: int) -> QPixmap:
    pixmap = QPixmap(round(height * 1.6), height)
    pixmap.fill(QColor(NAVY))
    painter = QPainter(pixmap)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(round(height * 0.45), 6))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "BSrE")
    painter.end()
    return pixmap
