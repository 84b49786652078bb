"""Where the bundled resources (fonts, logos) are.

In a source checkout or an editable install they are in ``resources/`` at the repository
root; a frozen build (PyInstaller) unpacks them under ``sys._MEIPASS``. The environment
variable ``DESKTOP_SIGNER_RESOURCES`` overrides both (packagers, tests).
"""

from __future__ import annotations

from pathlib import Path

from desktop_signer.paths import resources_dir

FONT_REGULAR = "fonts/DejaVuSansCondensed-DS.ttf"
FONT_BOLD = "fonts/DejaVuSansCondensed-Bold-DS.ttf"
BSRE_LOGO_PLACEHOLDER = "logos/bsre-logo-placeholder.svg"


def resource(relative: str) -> Path:
    return resources_dir() / relative
