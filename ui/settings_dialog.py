"""The settings dialog: pages on the left, OK / Apply / Cancel, administrator locks.

Values come from and go to ``desktop_signer.settings`` through the window's
:class:`~ui.settings_store.SettingsStore` (the user's file holds only what differs from the
defaults; locked keys are never written). The TSA password and the eSign Client Service's
client password go to the keyring, never to the file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_signer.errors import DesktopSignerError
from desktop_signer.settings import Settings
from ui.error_presenter import ErrorPresenter
from ui.message_bar import MessageBar
from ui.messages import Action
from ui.settings_esc import EscPage
from ui.settings_fields import Field, all_keys, get_value, with_value
from ui.settings_pages import GeneralPage, Page, ProfilePage, SigningPage, TimestampPage
from ui.settings_store import SettingsStore
from ui.settings_tokens import TokensPage
from ui.settings_trust import TrustPage
from ui.tasks import Tasks

# which password: the TSA's, or the eSign Client Service's client password
TSA, ESC = "tsa", "esc"


def _keyring_state(kind: str, url: str, user: str) -> str:
    from desktop_signer.secrets import Remembered, SecretStore

    store = SecretStore()
    if not store.status().available:
        return "missing"
    found = store.tsa_password if kind == TSA else store.esc_password
    if url and found(url, user).outcome == Remembered.FOUND:
        return "stored"
    return "available"


def _remember_password(kind: str, url: str, user: str, password: str) -> str:
    from desktop_signer.secrets import SecretStore

    store = SecretStore()
    remember = store.remember_tsa_password if kind == TSA else store.remember_esc_password
    return str(remember(url, user, password))


class SettingsDialog(QDialog):
    saved = Signal()  # after a successful save (OK or Apply)

    def __init__(self, store: SettingsStore, presenter: ErrorPresenter,
                 parent: QWidget | None = None, lasting_tasks: Tasks | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self.presenter = presenter
        self.tasks = Tasks(self)
        # Storing the password may finish after the dialog has closed: that job belongs to
        # the window, which outlives the dialog.
        self.lasting_tasks = lasting_tasks or Tasks(parent)
        settings = store.settings
        self.general = GeneralPage(self)
        self.tokens = TokensPage(store.loaded, presenter, self.tasks, self)
        self.timestamp = TimestampPage(self)
        self.profile = ProfilePage(self)
        self.signing = SigningPage(self)
        self.esc = EscPage(self)
        self.trust = TrustPage(settings.training_mode, False, presenter, self.tasks, self)
        self.pages: list[QWidget] = [self.general, self.tokens, self.timestamp, self.profile,
                                     self.signing, self.esc, self.trust]
        self.page_list = QListWidget(self)
        self.page_list.setObjectName("settingsPages")
        self.page_list.setMaximumWidth(200)
        self.page_list.setStyleSheet("QListWidget#settingsPages::item { padding: 4px 6px; }")
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.page_list.addItem("")
            if isinstance(page, Page):
                scroller = QScrollArea(self)
                scroller.setWidget(page)
                scroller.setWidgetResizable(True)
                scroller.setFrameShape(QScrollArea.Shape.NoFrame)
                self.stack.addWidget(scroller)
            else:
                self.stack.addWidget(page)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        self.lock_bar = MessageBar(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.clicked.connect(self.apply)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        self.show_settings(settings)
        self.retranslate()
        for kind, page, url, user in (
                (TSA, self.timestamp, settings.tsa_url, settings.tsa_user),
                (ESC, self.esc, settings.esc.url, settings.esc.user)):
            self.tasks.run(lambda k=kind, u=url, n=user: _keyring_state(k, u, n),
                           page.set_keyring_state,
                           lambda _error, p=page: p.set_keyring_state("missing"))

    @property
    def fields(self) -> list[Field]:
        return [f for page in self.pages for f in getattr(page, "fields", [])
                if isinstance(f, Field)]

    def field(self, key: str) -> Field:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    def show_settings(self, settings: Settings) -> None:
        for f in self.fields:
            f.show(get_value(settings, f.key))
            if self.store.is_locked(f.key):
                f.lock()

    def collect(self) -> Settings:
        """The settings as the dialog shows them (locked keys keep their value)."""
        settings = self.store.settings
        for f in self.fields:
            if not f.locked:
                settings = with_value(settings, f.key, f.read())
        return self.tokens.collect(settings)

    def apply(self) -> bool:
        try:
            new = self.collect()
            problem = self._check(new)
            if problem is not None:
                raise problem
            self.store.save(new)
        except DesktopSignerError as error:
            self.presenter.present(self, error, Action.SAVE_SETTINGS)
            return False
        self._store_password(TSA, self.timestamp.password, new.tsa_url, new.tsa_user)
        self._store_password(ESC, self.esc.password, new.esc.url, new.esc.user)
        self.saved.emit()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def _check(self, new: Settings) -> DesktopSignerError | None:
        from ui.settings_pages import preview_output_name

        if preview_output_name(new.output_pattern) is None:
            return DesktopSignerError("output_pattern_invalid", new.output_pattern,
                                      pattern=new.output_pattern)
        return None

    def _store_password(self, kind: str, field: QLineEdit, url: str, user: str) -> None:
        """To the keyring under the saved address and user (an administrator's, when
        locked), off the GUI thread; the field is emptied at once."""
        password = field.text()
        if not password or not url:
            return
        field.clear()
        presenter, window = self.presenter, self.parentWidget()

        def done(outcome: Any) -> None:
            if outcome != "stored":
                presenter.present(window, DesktopSignerError(
                    "keyring_unavailable", str(outcome)), Action.SAVE_PASSWORD)

        self.lasting_tasks.run(
            lambda: _remember_password(kind, url, user, password), done,
            lambda error: presenter.present(window, error, Action.SAVE_PASSWORD))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, page in enumerate(self.pages):
            title = getattr(page, "title", None)
            item = self.page_list.item(index)
            if item is not None and callable(title):
                item.setText(title())
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        locked = [k for k in all_keys(self.store.settings) if self.store.is_locked(k)]
        if locked:
            self.lock_bar.show_message("info", self.tr(
                "Some settings are managed by your administrator. They are shown greyed out "
                "and cannot be changed here."))
        else:
            self.lock_bar.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
