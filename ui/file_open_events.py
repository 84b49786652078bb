"""macOS "Open With" (Finder, Dock): the system hands the file to the running application
as a ``QFileOpenEvent``, not as a command-line argument. This filter opens it in the window
(a tab, as every other way of opening does). Elsewhere the event never comes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from ui.main_window import MainWindow


class FileOpenEvents(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            if event.file():
                self._window.open_paths([event.file()])
                return True
        return super().eventFilter(watched, event)


def install(app: QObject, window: MainWindow) -> FileOpenEvents:
    events = FileOpenEvents(window)
    app.installEventFilter(events)
    return events
