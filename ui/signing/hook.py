"""How the main window gets signing: the "Tanda tangani" toolbar button and the File menu
entries, enabled when a document is open. The window calls :func:`install` once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from ui.icons import icon

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.signing.flow import SigningFlow


class SigningHook(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._flow: SigningFlow | None = None
        self.sign_action = QAction(icon("document-sign"), "", window)
        self.sign_action.setObjectName("actionSign")
        self.sign_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sign_action.triggered.connect(lambda: self.flow.start())
        self.batch_action = QAction(window)
        self.batch_action.setObjectName("actionSignBatch")
        self.batch_action.triggered.connect(lambda: self.flow.open_batch(None))
        window.addAction(self.sign_action)
        window.addAction(self.batch_action)
        menu = window.file_menu
        before = window.close_action
        menu.insertAction(before, self.sign_action)
        menu.insertAction(before, self.batch_action)
        menu.insertSeparator(before)
        toolbar = window.toolbar
        logo = next((a for a in toolbar.actions()
                     if toolbar.widgetForAction(a) is window.logo), None)
        toolbar.insertAction(logo, self.sign_action)  # type: ignore[arg-type]
        button = toolbar.widgetForAction(self.sign_action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setObjectName("signButton")
        window.installEventFilter(self)
        window.tabs.currentChanged.connect(lambda _i: self.update_state())
        window.documentOpened.connect(lambda _t: self.update_state())
        self.retranslate()
        self.update_state()

    @property
    def flow(self) -> SigningFlow:
        if self._flow is None:
            from ui.signing.flow import SigningFlow

            self._flow = SigningFlow(self.window)
        return self._flow

    def retranslate(self) -> None:
        self.sign_action.setText(self.tr("&Sign…"))
        self.sign_action.setIconText(self.tr("Sign"))
        self.sign_action.setToolTip(self.tr("Sign this document (Ctrl+Shift+S)"))
        self.batch_action.setText(self.tr("Sign Se&veral Files…"))

    def update_state(self) -> None:
        tab = self.window.current_tab()
        self.sign_action.setEnabled(tab is not None and tab.is_open)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close and self._flow is not None:
                self._flow.shutdown()
        return False


def install(window: MainWindow) -> SigningHook:
    return SigningHook(window)
