"""The search bar of a document (Ctrl+F): a field, previous/next, how many hits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ui.icons import icon

# Searching starts this long after the last keystroke (each search restarts the worker's).
TYPING_PAUSE_MS = 300


class FindBar(QWidget):
    searchRequested = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.previous_button = QToolButton(self)
        self.previous_button.setIcon(icon("go-up"))
        self.next_button = QToolButton(self)
        self.next_button.setIcon(icon("go-down"))
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.close_button = QToolButton(self)
        self.close_button.setIcon(icon("document-close"))
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setBuddy(self.field)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.close_button)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._search_now)
        self._searched = ""
        self.field.textEdited.connect(lambda _text: self._typing.start())
        self.field.returnPressed.connect(self._enter)
        self.next_button.clicked.connect(self.nextRequested)
        self.previous_button.clicked.connect(self.previousRequested)
        self.close_button.clicked.connect(self.close_bar)
        self.field.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Find:"))
        self.field.setPlaceholderText(self.tr("Text in the document"))
        self.field.setAccessibleName(self.tr("Text to find"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.previous_button.setAccessibleName(self.tr("Previous match"))
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.close_button.setToolTip(self.tr("Close the search bar (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the search bar"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self._typing.stop()
        self._searched = ""
        self.hide()
        self.closed.emit()

    def search(self, text: str) -> None:
        """Type ``text`` and search at once (used by tests and the Enter key)."""
        self.field.setText(text)
        self._search_now()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def _search_now(self) -> None:
        self._typing.stop()
        self._searched = self.field.text()
        self.searchRequested.emit(self._searched)

    def _enter(self) -> None:
        if self.field.text() != self._searched:
            self._search_now()
        else:
            self.nextRequested.emit()

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previousRequested.emit()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
