"""The settings dialog: pages on the left, OK / Apply / Cancel, administrator locks.

Values come from and go to ``desktop_signer.settings`` through the window's
:class:`~ui.settings_store.SettingsStore` (the user's file holds only what differs from the
defaults; locked keys are never written). The TSA password goes to the keyring.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
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
from ui.settings_fields import Field, all_keys, get_value, with_value
from ui.settings_pages import GeneralPage, Page, ProfilePage, SigningPage, TimestampPage
from ui.settings_store import SettingsStore
from ui.settings_tokens import TokensPage
from ui.settings_trust import TrustPage
from ui.tasks import Tasks


def _keyring_state(url: str, user: str) -> str:
    from desktop_signer.secrets import Remembered, SecretStore

    store = SecretStore()
    if not store.status().available:
        return "missing"
    if url and store.tsa_password(url, user).outcome == Remembered.FOUND:
        return "stored"
    return "available"


def _remember_password(url: str, user: str, password: str) -> str:
    from desktop_signer.secrets import SecretStore

    return str(SecretStore().remember_tsa_password(url, user, password))


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
        self.trust = TrustPage(settings.training_mode, False, presenter, self.tasks, self)
        self.pages: list[QWidget] = [self.general, self.tokens, self.timestamp, self.profile,
                                     self.signing, self.trust]
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
        self.tasks.run(lambda: _keyring_state(settings.tsa_url, settings.tsa_user),
                       self.timestamp.set_keyring_state,
                       lambda _error: self.timestamp.set_keyring_state("missing"))

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
        self._store_password(new)
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

    def _store_password(self, new: Settings) -> None:
        password = self.timestamp.password.text()
        if not password or not new.tsa_url:
            return
        self.timestamp.password.clear()
        presenter, window = self.presenter, self.parentWidget()

        def done(outcome: Any) -> None:
            if outcome != "stored":
                presenter.present(window, DesktopSignerError(
                    "keyring_unavailable", str(outcome)), Action.SAVE_PASSWORD)

        self.lasting_tasks.run(
            lambda: _remember_password(new.tsa_url, new.tsa_user, password), done,
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
