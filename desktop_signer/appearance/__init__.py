"""The visible signature: the BSrE stamp, where it goes, and the "Catatan" footer.

One renderer (:func:`render_stamp`) produces the vector appearance that pyHanko puts into
the signature field and, through :func:`render_preview`, the picture the user sees before
signing, so the preview is exactly what gets signed. Qt-free; returns data and raises
:class:`AppearanceError` with stable codes.
"""

from __future__ import annotations

from desktop_signer.appearance.errors import AppearanceError
from desktop_signer.appearance.footer import FooterSpec, add_footer, footer_height, footer_lines
from desktop_signer.appearance.placement import (
    PRESETS,
    Placement,
    PlacementRequest,
    find_anchor,
    resolve_placement,
)
from desktop_signer.appearance.preview import Preview, render_preview
from desktop_signer.appearance.profile import StampProfile, format_date_id
from desktop_signer.appearance.stamp import (
    DEFAULT_BOX,
    BsreStampStyle,
    StampContent,
    render_stamp,
)

__all__ = [
    "DEFAULT_BOX",
    "PRESETS",
    "AppearanceError",
    "BsreStampStyle",
    "FooterSpec",
    "Placement",
    "PlacementRequest",
    "Preview",
    "StampContent",
    "StampProfile",
    "add_footer",
    "find_anchor",
    "footer_height",
    "footer_lines",
    "format_date_id",
    "render_preview",
    "render_stamp",
    "resolve_placement",
]
