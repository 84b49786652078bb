"""The one place that shows errors: a title, what to do, and Details for IT support.

Every action in the window that can fail hands its exception here with the
:class:`~ui.messages.Action` it was doing. The dialog is window-modal but opened with
``open()``, never ``exec()``: no nested event loop, and tests and the screenshot tool can
look at it (``shown`` signal) and close it.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop_signer.errors import DesktopSignerError
from ui.messages import Action, Message, describe

log = logging.getLogger(__name__)


class ErrorDialog(QMessageBox):
    def __init__(self, message: Message, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.message = message
        self.setObjectName("errorDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(message.title)
        self.setText(f"<b>{_html(message.title)}</b>")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setInformativeText(message.text)
        self.setDetailedText(message.details)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setAccessibleName(message.title)
        self.setAccessibleDescription(message.text)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # QMessageBox sizes itself to its title line; give the advice room to breathe.
        advice = self.findChild(QLabel, "qt_msgbox_informativelabel")
        if advice is not None:
            advice.setMinimumWidth(440)


class ErrorPresenter(QObject):
    shown = Signal(object)  # the ErrorDialog

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last: Message | None = None

    def present(self, parent: QWidget | None, error: BaseException,
                action: Action) -> ErrorDialog:
        message = describe(error, action)
        if not isinstance(error, DesktopSignerError):
            log.error("%s", message.title, exc_info=error)
        self.last = message
        dialog = ErrorDialog(message, parent)
        dialog.open()
        self.shown.emit(dialog)
        return dialog

    def excepthook(self, kind: type[BaseException], error: BaseException,
                   tb: TracebackType | None) -> None:
        """For ``sys.excepthook``: a bug in a slot becomes a message, not a silent failure."""
        if issubclass(kind, KeyboardInterrupt):
            return
        dialog = self.present(None, error, Action.UNEXPECTED)
        dialog.setDetailedText(dialog.message.details + "\n\n"
                               + "".join(traceback.format_exception(kind, error, tb)))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
