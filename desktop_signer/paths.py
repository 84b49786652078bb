"""Where Desktop Signer keeps things (platformdirs; never hard-coded paths).

On Linux these follow XDG variables, so tests isolate themselves with XDG_CONFIG_HOME,
XDG_DATA_HOME and XDG_CONFIG_DIRS.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import site_config_dir, user_config_dir, user_data_dir

APP_NAME = "desktop-signer"


def user_config() -> Path:
    """User settings (settings.json) and the user's trust anchors."""
    return Path(user_config_dir(APP_NAME, appauthor=False))


def user_data() -> Path:
    """Journal, caches, the default training set-up."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def site_config() -> Path:
    """The administrator's system-wide settings: /etc/xdg/desktop-signer on Linux,
    C:\\ProgramData\\desktop-signer on Windows, /Library/Application Support/desktop-signer
    on macOS."""
    return Path(site_config_dir(APP_NAME, appauthor=False))


def default_training_dir() -> Path:
    return user_data() / "latihan"


def resources_dir() -> Path:
    """``resources/`` (logos, fonts, trust registry, translations) of the source tree or of a
    frozen (PyInstaller) build; ``DESKTOP_SIGNER_RESOURCES`` overrides."""
    override = os.environ.get("DESKTOP_SIGNER_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"
