"""The PIN dialog (DESIGN §4.3): what the token's flags say before a PIN is typed.

States: normal; ``count_low`` (a wrong PIN was entered before); ``final_try`` (the next
wrong PIN locks the token: OK only after an explicit tick); ``locked`` (no PIN field at
all, how to unblock); ``pin_pad`` (type the PIN on the reader). The PIN's length must fit
the token's limits before OK is enabled; a Caps Lock hint appears when letters arrive in
the wrong case. The PIN leaves this dialog only through ``pinEntered`` and the field is
cleared at once: nothing here keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_signer.identity_sources import (
    SECRET_PASSPHRASE,
    SECRET_PIN_PAD,
    SECRET_TOTP,
    IdentityOption,
)
from desktop_signer.tokens.state import TokenState
from ui.message_bar import MessageBar

NORMAL, COUNT_LOW, FINAL_TRY, LOCKED, PIN_PAD, PASSPHRASE, TOTP = (
    "normal", "count_low", "final_try", "locked", "pin_pad", "passphrase", "totp")


def pin_state(option: IdentityOption, state: TokenState | None) -> str:
    if option.secret.kind == SECRET_PASSPHRASE:
        return PASSPHRASE
    if option.secret.kind == SECRET_TOTP:
        return TOTP
    if state is not None:
        if state.pin_locked:
            return LOCKED
        if state.pin_final_try:
            return FINAL_TRY
        if state.pin_pad:
            return PIN_PAD
        if state.pin_count_low:
            return COUNT_LOW
    if option.secret.kind == SECRET_PIN_PAD:
        return PIN_PAD
    return NORMAL


class _CapsLockWatch(QObject):
    """Qt cannot ask the keyboard for Caps Lock; a letter typed in the case Shift does not
    explain says it is on."""

    changed = Signal(bool)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.changed.emit(text.isupper() != shift)
        return False


class PinDialog(QDialog):
    pinEntered = Signal(object, bool)  # the PIN (None on a PIN pad), final try confirmed

    def __init__(self, option: IdentityOption, state: TokenState | None,
                 parent: QWidget | None = None, *, wrong_before: bool = False,
                 batch_count: int = 0, totp_message: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self._totp_message = totp_message
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.option = option
        self.state_name = pin_state(option, state)
        self._wrong_before = wrong_before
        self._batch = batch_count
        self.bar = MessageBar(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("pinHeading")
        self.heading.setWordWrap(True)
        self.pin_field = QLineEdit(self)
        self.pin_field.setObjectName("pinField")
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        high = option.secret.max_length
        if high and self.state_name not in (PASSPHRASE, TOTP):
            self.pin_field.setMaxLength(high)
        self.pin_label = QLabel(self)
        self.pin_label.setBuddy(self.pin_field)
        self.limits = QLabel(self)
        self.limits.setObjectName("pinLimits")
        self.caps = QLabel(self)
        self.caps.setObjectName("capsLockHint")
        self.caps.setStyleSheet("color: #8a5a00;")
        self.caps.hide()
        self.confirm = QCheckBox(self)
        self.confirm.setObjectName("finalTryConfirm")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("pinOk")
        form = QFormLayout()
        form.addRow(self.pin_label, self.pin_field)
        form.addRow("", self.limits)
        form.addRow("", self.caps)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self._caps_watch = _CapsLockWatch(self)
        self._caps_watch.changed.connect(self.caps.setVisible)
        self.pin_field.installEventFilter(self._caps_watch)
        self.pin_field.textChanged.connect(lambda _t: self._update_ok())
        self.confirm.toggled.connect(lambda _c: self._update_ok())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self._apply_state()
        self.setMinimumWidth(460)

    # --- texts and state ----------------------------------------------------------------

    def retranslate(self) -> None:
        holder = self.option.secret.holder or self.option.holder
        passphrase = self.state_name == PASSPHRASE
        self.setWindowTitle(self.tr("Passphrase") if passphrase else self.tr("Token PIN"))
        who = self.option.display_name
        if self.state_name == TOTP:
            self._retranslate_totp()
            return
        if passphrase and self.option.source == "remote":
            text = self.tr("Enter your BSrE passphrase for %1 (%2). It is never stored.")
            holder = self.option.holder
        elif passphrase:
            text = self.tr("Enter the passphrase of the certificate file “%1”.")
        elif self.state_name == PIN_PAD:
            text = self.tr("Type the PIN on the keypad of the reader for the token “%1”, "
                           "then press Enter there.")
        else:
            text = self.tr("Enter the PIN of the token “%1” to sign as %2.")
        text = text.replace("%1", who if self.option.source == "remote" else holder) \
            .replace("%2", holder if self.option.source == "remote" else who)
        if self._batch > 1:
            text += " " + (self.tr("One passphrase signs all %1 files.") if passphrase
                           else self.tr("One PIN signs all %1 files.")).replace(
                               "%1", str(self._batch))
        self.heading.setText(text)
        self.pin_label.setText(self.tr("&Passphrase:") if passphrase else self.tr("&PIN:"))
        self.pin_field.setAccessibleName(self.tr("Passphrase") if passphrase
                                         else self.tr("Token PIN"))
        low, high = self.option.secret.min_length, self.option.secret.max_length
        if not passphrase and (low or high):
            self.limits.setText(self.tr("%1 to %2 characters").replace("%1", str(low or 1))
                                .replace("%2", str(high)) if high else
                                self.tr("at least %1 characters").replace("%1", str(low)))
        else:
            self.limits.setText("")
        self.limits.setVisible(bool(self.limits.text()))
        self.caps.setText(self.tr("Caps Lock is on."))
        self.confirm.setText(self.tr("I understand: a wrong PIN now locks the token."))
        self.ok_button.setText(self.tr("&Sign") if self.state_name != LOCKED
                               else self.tr("OK"))

    def _retranslate_totp(self) -> None:
        self.setWindowTitle(self.tr("BeSign code (TOTP)"))
        text = self.tr("BSrE sent a one-time code for %1 file(s) to the BeSign app on your "
                       "phone. Enter the code shown there.").replace(
                           "%1", str(max(self._batch, 1)))
        self.heading.setText(text)
        self.pin_label.setText(self.tr("&Code:"))
        self.pin_field.setAccessibleName(self.tr("BeSign code"))
        self.limits.setText("")
        self.limits.hide()
        self.caps.setText(self.tr("Caps Lock is on."))
        self.confirm.setText("")
        self.ok_button.setText(self.tr("&Sign"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._apply_state()
        super().changeEvent(event)

    def _apply_state(self) -> None:
        name = self.state_name
        show_field = name not in (LOCKED, PIN_PAD)
        self.pin_field.setVisible(show_field)
        self.pin_label.setVisible(show_field)
        self.limits.setVisible(show_field and bool(self.limits.text()))
        self.confirm.setVisible(name == FINAL_TRY)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.heading.setVisible(name != LOCKED)
        if name == LOCKED:
            self.ok_button.hide()
            cancel.setText(self.tr("Close"))
            unblock = "reissue" if self.option.secret.token_state is not None and \
                self.option.secret.token_state.so_pin_locked else "so_pin"
            how = (self.tr("The PIN of this token is locked after too many wrong PINs; "
                           "Desktop Signer will not try it. Unblock it with the token's "
                           "PUK/SO PIN in the token vendor's tool, or ask your agency's "
                           "registration officer (RA) to unblock it.")
                   if unblock == "so_pin" else
                   self.tr("The PIN and the PUK/SO PIN of this token are locked. Only the "
                           "issuer can help: ask your registration officer (RA) for a new "
                           "certificate."))
            self.bar.show_message("error", how)
            self.setAccessibleDescription(how)
            return
        messages = []
        if self._wrong_before:
            messages.append(self.tr("The PIN was not correct."))
        if name == FINAL_TRY:
            messages.append(self.tr("Only one attempt is left: if this PIN is wrong too, the "
                                    "token is locked."))
        elif name == COUNT_LOW:
            messages.append(self.tr("A wrong PIN was entered before: the token counts wrong "
                                    "PINs and locks itself after a few."))
        elif name == PIN_PAD:
            messages.append(self.tr("This reader has its own keypad: the PIN is typed there, "
                                    "not on the computer."))
        elif name == TOTP and self._totp_message:
            messages.append(self._totp_message)  # the service's own answer to get/totp
        if messages:
            kind = "error" if name == FINAL_TRY or self._wrong_before else "warning"
            if name in (PIN_PAD, TOTP) and not self._wrong_before:
                kind = "info"
            self.bar.show_message(kind, " ".join(messages))
            self.setAccessibleDescription(" ".join(messages))
        else:
            self.bar.hide()
        self._update_ok()
        if show_field:
            self.pin_field.setFocus()

    def _update_ok(self) -> None:
        name = self.state_name
        if name == LOCKED:
            return
        ok = True
        if name not in (PIN_PAD,):
            length = len(self.pin_field.text())
            low = self.option.secret.min_length if name not in (PASSPHRASE, TOTP) else 0
            ok = length >= max(low, 1)
        if name == FINAL_TRY:
            ok = ok and self.confirm.isChecked()
        self.ok_button.setEnabled(ok)

    def accept(self) -> None:
        if self.state_name == LOCKED or not self.ok_button.isEnabled():
            return
        pin = None if self.state_name == PIN_PAD else self.pin_field.text()
        self.pin_field.clear()  # the PIN is handed on, never kept here
        super().accept()
        self.pinEntered.emit(pin, self.state_name == FINAL_TRY and self.confirm.isChecked())
