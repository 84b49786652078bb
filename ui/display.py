"""Whether a window can be shown at all; Qt-free, so the launcher can ask before importing Qt."""

from __future__ import annotations

import os
import sys


def has_display(environ: dict[str, str] | None = None) -> bool:
    """False on Linux/BSD with neither X11 nor Wayland and no Qt platform chosen."""
    env = os.environ if environ is None else environ
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))
