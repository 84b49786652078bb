"""Language choice and message catalogue for the command line.

The window translates with Qt Linguist; the CLI cannot load Qt (the core never imports
it), so its few strings live here, Indonesian first. The language is Indonesian by
default (also on ``C``/``POSIX`` locales, which name no language) and when the locale says
so (``id``/``in``), English when the locale names another language; the language chosen in
the settings comes first, and ``DESKTOP_SIGNER_LANG`` overrides both.
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
        if value and not _neutral(value):
            first = value.split(":")[0].lower()
            return "id" if first.startswith(("id", "in_", "indonesian")) else "en"
    if environ is None:
        try:
            loc = locale.getlocale()[0] or ""
        except ValueError:
            loc = ""
        if loc and not _neutral(loc) and not loc.lower().startswith(("id", "indonesian")):
            return "en"
    return "id"  # Indonesian by default: no locale, or one that names no language


def _neutral(value: str) -> bool:
    """``C``, ``POSIX``, ``C.UTF-8``: a locale that says nothing about a language (servers,
    containers, a fresh Linux install), so it must not switch the program to English."""
    return value.split(".")[0].split("@")[0] in ("C", "POSIX")


class Catalogue:
    """Messages keyed by a stable id, each with an Indonesian and an English text."""

    def __init__(self, messages: dict[str, tuple[str, str]], language: Language) -> None:
        self._messages = messages
        self.language: Language = language

    def __call__(self, key: str, **params: object) -> str:
        ind, eng = self._messages[key]
        text = ind if self.language == "id" else eng
        return text.format(**params) if params else text
