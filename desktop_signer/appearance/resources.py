"""Where the bundled resources (fonts, logos) are.

In a source checkout or an editable install they are in ``resources/`` at the repository
root; a frozen build (PyInstaller) unpacks them under ``sys._MEIPASS``. The environment
variable ``DESKTOP_SIGNER_RESOURCES`` overrides both (packagers, tests).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FONT_REGULAR = "fonts/DejaVuSansCondensed-DS.ttf"
FONT_BOLD = "fonts/DejaVuSansCondensed-Bold-DS.ttf"
BSRE_LOGO_PLACEHOLDER = "logos/bsre-logo-placeholder.svg"


def resources_dir() -> Path:
    override = os.environ.get("DESKTOP_SIGNER_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(relative: str) -> Path:
    return resources_dir() / relative
