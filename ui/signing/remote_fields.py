"""The chooser's row for BSrE eSign: the NIK or the email address BSrE knows the signer by
(remembered in ``esc.nik`` / ``esc.email``, not a secret; an "@" makes it an email) and the
eSign Client Service's address (``esc.url``; read-only when the administrator set it;
left empty in training mode, the training simulator, shown as the placeholder).
"Check status" saves both and lists again, which asks BSrE for the certificate's state."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class RemoteFields(QWidget):
    def __init__(self, flow: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remoteFields")
        self._flow = flow
        store = flow.window.store
        esc = store.settings.esc
        self.title = QLabel(self.tr("BSrE eSign:"), self)
        self.nik_label = QLabel(self.tr("NIK or email"), self)
        self.nik_edit = QLineEdit(esc.nik or esc.email, self)
        self.nik_edit.setObjectName("escNik")
        self.nik_edit.setMaxLength(254)
        self.nik_edit.setPlaceholderText(self.tr("3273… or name@agency.go.id"))
        self.nik_edit.setAccessibleName(self.tr("NIK or email address for BSrE eSign"))
        self.nik_label.setBuddy(self.nik_edit)
        self.url_label = QLabel(self.tr("Service"), self)
        self.url_edit = QLineEdit(esc.url, self)
        self.url_edit.setObjectName("escUrl")
        # in training mode an empty address means the training services' ESC simulator
        from desktop_signer.training.active import training_esc

        classroom = training_esc(store.settings)
        self.url_edit.setPlaceholderText(classroom.url if classroom is not None
                                         else self.tr("http://esc.agency.go.id"))
        self.url_edit.setAccessibleName(self.tr("Address of the eSign Client Service"))
        self.url_edit.setReadOnly(store.is_locked("esc.url"))
        self.url_label.setBuddy(self.url_edit)
        self.check = QPushButton(self.tr("Check status"), self)
        self.check.setObjectName("escCheck")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title)
        row.addWidget(self.nik_label)
        row.addWidget(self.nik_edit, 1)
        row.addWidget(self.url_label)
        row.addWidget(self.url_edit, 2)
        row.addWidget(self.check)
        self.check.clicked.connect(self.apply)

    def apply(self) -> None:
        store = self._flow.window.store
        esc = store.loaded.settings.esc
        login = self.nik_edit.text().strip()
        email = "@" in login  # the one way or the other; the other one is forgotten
        new = replace(esc, nik="" if email else login, email=login if email else "",
                      url=esc.url if store.is_locked("esc.url") else
                      self.url_edit.text().strip())
        try:
            store.save(replace(store.loaded.settings, esc=new))  # lists again (settings)
        except Exception as error:
            from ui.messages import Action

            self._flow.window.presenter.present(self, error, Action.SIGN)
