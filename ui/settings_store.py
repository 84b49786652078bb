"""The settings the window runs with, and the one way to change them (``save``)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from desktop_signer import settings as core_settings
from desktop_signer.errors import DesktopSignerError
from desktop_signer.settings import LoadedSettings, Settings


class SettingsStore(QObject):
    changed = Signal(object)  # the new Settings

    def __init__(self, loaded: LoadedSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loaded = loaded
        # With nothing configured at all (no user or administrator file) the window starts
        # in training mode, so a first run shows something safe to practise with.
        self.first_run = not loaded.user_file.exists() and not loaded.admin_file.exists()
        self._session_training = self.first_run and not loaded.is_locked("training_mode")

    @classmethod
    def load(cls) -> SettingsStore:
        return cls(core_settings.load())

    @property
    def settings(self) -> Settings:
        current = self.loaded.settings
        if self._session_training and not current.training_mode:
            return replace(current, training_mode=True)
        return current

    def is_locked(self, key: str) -> bool:
        return self.loaded.is_locked(key)

    def save(self, new: Settings) -> None:
        """Write the user's file (atomically; locked keys never).

        Raises DesktopSignerError ``settings_not_writable``."""
        try:
            self.loaded = core_settings.save(self.loaded, new)
        except OSError as exc:
            raise DesktopSignerError("settings_not_writable", str(exc),
                                     path=str(self.loaded.user_file)) from exc
        self._session_training = False
        self.changed.emit(self.settings)
