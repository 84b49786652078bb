"""Languages of the window: Qt Linguist catalogues, chosen at start and switched at runtime.

Source strings in ``ui/`` are English; ``resources/translations/desktop_signer_id.ts`` holds
the Indonesian text (every string, checked by a test), ``desktop_signer_en.ts`` only the
English plural forms. ``qtbase_id.ts`` translates the few Qt strings the window shows (the
standard buttons, "Show Details..."), because Qt ships no Indonesian catalogue.

Choice, first match wins: ``DESKTOP_SIGNER_LANG`` (id/en, for screenshots and trainers),
the ``language`` setting, then the system: Indonesian where the system locale is
Indonesian or names no language (``C``), English where it names another one.

Switching installs the other catalogues; Qt then sends every widget a LanguageChange
event and each widget sets its texts again in its ``retranslate()``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from ui.resources import translations_dir

LANGUAGES = ("id", "en")
CATALOGUES = {"id": ("desktop_signer_id", "qtbase_id"), "en": ("desktop_signer_en",)}


def system_language() -> str:
    from desktop_signer.cli.i18n import detect_language

    if QLocale.system().language() == QLocale.Language.Indonesian:
        return "id"
    return detect_language()


def choose_language(setting: str) -> str:
    override = os.environ.get("DESKTOP_SIGNER_LANG", "").strip().lower()
    if override in LANGUAGES:
        return override
    if setting in LANGUAGES:
        return setting
    return system_language()


class Translations(QObject):
    """The installed catalogues; one per application."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed: list[QTranslator] = []
        self.language = ""
        self.missing: list[str] = []  # catalogues that could not be loaded (shown in About)

    def apply(self, language: str) -> None:
        if language not in LANGUAGES:
            language = "en"
        if language == self.language:
            return
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.missing = []
        for name in CATALOGUES[language]:
            translator = QTranslator(self)
            if translator.load(name, str(translations_dir())):
                QCoreApplication.installTranslator(translator)
                self._installed.append(translator)
            else:
                self.missing.append(name)
        locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia) \
            if language == "id" else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        QLocale.setDefault(locale)
        self.language = language
        self.changed.emit(language)
