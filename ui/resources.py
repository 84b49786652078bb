"""Where the window finds its files in ``resources/`` (source tree, installed, or frozen).

Same rule as the core's trust registry: ``DESKTOP_SIGNER_RESOURCES`` overrides, a frozen
(PyInstaller) build has them beside the executable, otherwise the source tree's folder.
"""

from __future__ import annotations

from pathlib import Path

from desktop_signer.paths import resources_dir

# The BSrE logo shown in the window (PKS Pasal 4(1)i). Until BSrE supplies its artwork the
# project ships a placeholder; the real file replaces it under the same name.
BSRE_LOGO_NAMES = ("bsre-logo.svg", "bsre-logo.png", "bsre-logo-placeholder.svg",
                   "bsre-logo-placeholder.png")


def bsre_logo_path(configured: str = "") -> Path | None:
    """The logo the user or administrator configured (``profile.bsre_logo``), else the first
    bundled file that exists, else None (the window then draws a text badge)."""
    if configured and Path(configured).is_file():
        return Path(configured)
    folder = resources_dir() / "logos"
    for name in BSRE_LOGO_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


def translations_dir() -> Path:
    return resources_dir() / "translations"
