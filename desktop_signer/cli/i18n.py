"""Language choice and message catalogue for the command line.

The window translates with Qt Linguist; the CLI cannot load Qt (the core never imports
it), so its few strings live here, Indonesian first. The language is Indonesian when
the locale says so (``id``/``in``), English otherwise; the language chosen in the settings
comes first, and ``DESKTOP_SIGNER_LANG`` overrides both.
"""

from __future__ import annotations

import locale
import os
from typing import Literal

Language = Literal["id", "en"]


def detect_language(environ: dict[str, str] | None = None, setting: str = "") -> Language:
    """``DESKTOP_SIGNER_LANG``, else the language chosen in the settings (the window's
    choice holds for the command line too), else the locale."""
    env = os.environ if environ is None else environ
    override = env.get("DESKTOP_SIGNER_LANG", "").strip().lower()
    if override in ("id", "en"):
        return "id" if override == "id" else "en"
    if setting in ("id", "en"):
        return "id" if setting == "id" else "en"
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value and value not in ("C", "POSIX"):
            first = value.split(":")[0].lower()
            return "id" if first.startswith(("id", "in_", "indonesian")) else "en"
    if environ is None:
        try:
            loc = locale.getlocale()[0] or ""
        except ValueError:
            loc = ""
        if loc.lower().startswith(("id", "indonesian")):
            return "id"
    return "en"


class Catalogue:
    """Messages keyed by a stable id, each with an Indonesian and an English text."""

    def __init__(self, messages: dict[str, tuple[str, str]], language: Language) -> None:
        self._messages = messages
        self.language: Language = language

    def __call__(self, key: str, **params: object) -> str:
        ind, eng = self._messages[key]
        text = ind if self.language == "id" else eng
        return text.format(**params) if params else text
