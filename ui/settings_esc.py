"""The settings page of BSrE remote signing (issue 13): the agency's eSign Client Service
(``esc.url``, ``esc.user``, files per request, time-out) and its client password.

The client password is the agency's HTTP Basic credential, not the signer's passphrase: it
goes to the system keyring (``SecretStore.remember_esc_password``, keyed by address and
user), never to the settings file. An administrator usually sets and locks ``esc.url`` and
``esc.user``; the page then shows them greyed out and the password is stored for them.
The signer's passphrase is never stored anywhere.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

from ui.settings_fields import Field, line_field, number_field
from ui.settings_pages import Page


def int_field(key: str, widget: QSpinBox, label: QLabel | None = None) -> Field:
    return Field(key, widget, lambda v: widget.setValue(int(v)), widget.value, label)


class EscPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escPage")
        self.intro = self._note()
        self.form.addRow(self.intro)
        self.url = QLineEdit(self)
        self.url.setObjectName("escUrlField")
        self.url_label = self._row(self.url)
        self.user = QLineEdit(self)
        self.user.setObjectName("escUserField")
        self.user_label = self._row(self.user)
        self.password = QLineEdit(self)
        self.password.setObjectName("escPasswordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = self._row(self.password)
        self.keyring_note = self._note()
        self.keyring_note.setObjectName("escKeyringNote")
        self.form.addRow(self.keyring_note)
        self.batch_size = QSpinBox(self)
        self.batch_size.setObjectName("escBatchSizeField")
        self.batch_size.setRange(1, 100)
        self.batch_size_label = self._row(self.batch_size)
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setObjectName("escTimeoutField")
        self.timeout.setRange(5.0, 600.0)
        self.timeout.setDecimals(0)
        self.timeout_label = self._row(self.timeout)
        self.fields = [
            line_field("esc.url", self.url, self.url_label),
            line_field("esc.user", self.user, self.user_label),
            int_field("esc.batch_size", self.batch_size, self.batch_size_label),
            number_field("esc.timeout_seconds", self.timeout, self.timeout_label),
        ]
        self._keyring_state = "unknown"
        self.retranslate()

    def title(self) -> str:
        return self.tr("BSrE eSign")

    def set_keyring_state(self, state: str) -> None:
        """"available", "stored" (a password is remembered), "missing" (no keyring)."""
        self._keyring_state = state
        self.password.setEnabled(state != "missing")
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "Signing with a BSrE key kept on BSrE's servers, through your agency's eSign "
            "Client Service. The administrator gives the address, the client user and its "
            "password; your own passphrase is asked at each signing and never stored."))
        self._name(self.url_label, self.url, self.tr("Service &address (URL):"))
        self.url.setPlaceholderText(self.tr("http://esc.agency.go.id"))
        self._name(self.user_label, self.user, self.tr("&Client user:"))
        self._name(self.password_label, self.password, self.tr("Client &password:"))
        self._name(self.batch_size_label, self.batch_size, self.tr("&Files per request:"))
        self._name(self.timeout_label, self.timeout, self.tr("&Wait at most (seconds):"))
        self.password.setPlaceholderText(
            self.tr("(a password is stored)") if self._keyring_state == "stored" else "")
        notes = {
            "unknown": self.tr("Checking the system's password store…"),
            "available": self.tr("The agency's client password is kept in the system's "
                                 "password store (keyring), never in the settings file."),
            "stored": self.tr("A client password is stored in the system's password store. "
                              "Type a new one to replace it."),
            "missing": self.tr("This computer has no password store (keyring): the client "
                               "password cannot be kept. Ask the administrator."),
        }
        self.keyring_note.setText(notes.get(self._keyring_state, notes["unknown"]))
