"""A coloured strip above a document or the window: a short text and optional buttons.

For states that last (training mode, a file deleted on disk, a repaired file), where a
dialog would be in the way. Failures of an action go to the error presenter instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.icons import icon

COLOURS = {
    "info": ("#e8f1fb", "#1d4f91"),
    "warning": ("#fff4d6", "#8a5a00"),
    "error": ("#fde8e8", "#8a1c1c"),
    "training": ("#fff0c2", "#6b4a00"),
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.icon_label = QLabel(self)
        self.text_label = QLabel(self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._layout.addWidget(self.icon_label)
        self._layout.addWidget(self.text_label, 1)
        self._buttons: list[QPushButton] = []
        self.level = "info"
        self.hide()

    def show_message(self, level: str, text: str,
                     actions: list[tuple[str, Callable[[], None]]] | None = None) -> None:
        self.level = level
        background, foreground = COLOURS.get(level, COLOURS["info"])
        self.setStyleSheet(
            f"QFrame#messageBar {{ background: {background}; border-bottom: 1px solid "
            f"{foreground}40; }} QFrame#messageBar QLabel {{ color: {foreground}; }}"
        )
        name = "dialog-information" if level == "info" else "dialog-warning"
        self.icon_label.setPixmap(icon(name).pixmap(20, 20))
        self.text_label.setText(text)
        self.setAccessibleName(text)
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for label, callback in actions or []:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()

    @property
    def text(self) -> str:
        return self.text_label.text()

    @property
    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)
