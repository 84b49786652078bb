"""What the window needs for placing the stamp, as plain data: the stamp's picture (the
core's own renderer, as PNG), and where a marker or a preset would put it.

Rectangles here are in the command line's convention (DESIGN §6): PDF points from the
displayed page's lower-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_signer.appearance import PlacementRequest, Preview, render_preview, resolve_placement
from desktop_signer.appearance.placement import Rect, find_anchor
from desktop_signer.appearance.profile import StampProfile, profile_from_settings
from desktop_signer.settings import SignerProfile

DEFAULT_MARKER = "#"


@dataclass(frozen=True)
class StampFields:
    """The profile fields the user may change in the window for one signature."""

    title: str = ""
    name: str = ""
    nip: str = ""
    place: str = ""


def stamp_profile(settings_profile: SignerProfile, certificate_der: bytes,
                  fields: StampFields, *, training: bool, day: date | None = None
                  ) -> StampProfile:
    from dataclasses import replace

    from asn1crypto import x509

    cert = x509.Certificate.load(certificate_der) if certificate_der else None
    base = replace(settings_profile, place=fields.place) if fields.place else settings_profile
    return profile_from_settings(base, cert, training=training, day=day, name=fields.name,
                                 title=fields.title, nip=fields.nip)


def preview_png(profile: StampProfile, width: float, height: float, dpi: int) -> Preview:
    """The stamp at ``width`` x ``height`` pt. Raises AppearanceError ``box_too_small``."""
    return render_preview(profile, width, height, dpi=max(36, min(dpi, 1200)))


@dataclass(frozen=True)
class Proposal:
    page_index: int  # 0-based
    rect: Rect  # displayed, from the lower-left corner
    how: str  # "marker" or "preset"
    occurrences: int = 0


def propose(pdf: str | Path, size: tuple[float, float], *, marker: str = DEFAULT_MARKER,
            preset: str = "bottom-right", password: str | None = None,
            use_marker: bool = True) -> Proposal:
    """Where the stamp goes by default: at the marker when the letter has one, else the
    preset on the last page."""
    import pymupdf
    from pyhanko.pdf_utils.reader import PdfFileReader

    hit = None
    if use_marker and marker:
        with pymupdf.open(str(pdf)) as doc:
            if doc.needs_pass:
                doc.authenticate(password or "")
            hit = find_anchor(doc, marker)
    with open(pdf, "rb") as f:
        reader = PdfFileReader(f, strict=False)
        if reader.encrypted and password:
            reader.decrypt(password)
        if hit is not None:
            placement = resolve_placement(reader, PlacementRequest(anchor=marker, size=size),
                                          hit)
            return Proposal(placement.page_index, placement.display_rect, "marker",
                            hit.occurrences)
        placement = resolve_placement(reader, PlacementRequest(position=preset, size=size))
        return Proposal(placement.page_index, placement.display_rect, "preset")
