"""Presentation mode for a classroom projector: larger interface text, larger pages.

On: the application font grows by :data:`FONT_FACTOR`, toolbar icons grow, the page
thumbnails make room, and every document (open now or opened later) fills the width of the
window (the sides of a letter stay in view).
Off: everything returns to what it was before. Nothing is stored: presentation mode is for
one session in front of a class.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QTabBar, QToolBar, QWidget

from ui.document_tab import DocumentTab
from ui.page_view import ZoomMode

FONT_FACTOR = 1.5


class PresentationMode(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self._font: QFont | None = None
        self._icon_sizes: dict[QToolBar, QSize] = {}
        self._zooms: dict[DocumentTab, tuple[ZoomMode, float]] = {}
        self._thumbnails: bool | None = None
        self._tab_sheets: dict[QTabBar, str] = {}

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if on:
            self._font = QFont(app.font())
            bigger = QFont(self._font)
            bigger.setPointSizeF(self._font.pointSizeF() * FONT_FACTOR)
            app.setFont(bigger)
            self._restyle()
            for bar in self.window.findChildren(QTabBar):
                # a tab bar with a style sheet takes its font from the sheet only
                self._tab_sheets[bar] = bar.styleSheet()
                bar.setStyleSheet(bar.styleSheet() + " QTabBar { font-size: "
                                  f"{bigger.pointSizeF():.1f}pt; }}")
            for bar in self.window.findChildren(QToolBar):
                self._icon_sizes[bar] = bar.iconSize()
                bar.setIconSize(bar.iconSize() * FONT_FACTOR)
            self._thumbnails = self._set_thumbnails(False)
            for tab in self._tabs():
                self.enlarge(tab)
        else:
            if self._font is not None:
                app.setFont(self._font)
                self._restyle()
            for bar, sheet in self._tab_sheets.items():
                bar.setStyleSheet(sheet)
            self._tab_sheets.clear()
            if self._thumbnails:
                self._set_thumbnails(True)
            self._thumbnails = None
            for bar, size in self._icon_sizes.items():
                bar.setIconSize(size)
            self._icon_sizes.clear()
            for tab, (mode, factor) in list(self._zooms.items()):
                if tab in self._tabs():
                    if mode in (ZoomMode.FIT_PAGE, ZoomMode.FIT_WIDTH):
                        tab.set_zoom_mode(mode)
                    else:
                        tab.set_zoom(factor)
            self._zooms.clear()

    def enlarge(self, tab: DocumentTab) -> None:
        """Zoom one document for the projector (also for documents opened later)."""
        if not self.active or tab in self._zooms or not tab.is_open:
            return
        self._zooms[tab] = (tab.view.zoom_mode, tab.view.zoom)
        # the page fills the width the thumbnails made free: as large as it gets without
        # cutting off the sides of a letter
        tab.set_zoom_mode(ZoomMode.FIT_WIDTH)

    def _set_thumbnails(self, visible: bool) -> bool:
        """Show or hide the page thumbnails through the window's own action; returns
        whether they were shown before."""
        action = getattr(self.window, "thumbnails_action", None)
        if action is None:
            return False
        was = bool(action.isChecked())
        if was != visible:
            action.trigger()
        return was

    def _restyle(self) -> None:
        # widgets with their own style sheet keep the font they were polished with; setting
        # the sheet again makes them take the application font
        for widget in self.window.findChildren(QWidget):
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet(sheet)

    def _tabs(self) -> list[DocumentTab]:
        return list(self.window.findChildren(DocumentTab))
