"""What we send: the input (with our footer when it carries no signature yet), our stamp as
an image at print resolution, and the box we computed ourselves (DESIGN §4.1, §4.4).

The box comes from the same placement code as token signing (marker, presets, explicit
rectangle), so the window's preview is what the document gets; the service only pastes our
picture into it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

import pymupdf
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import enumerate_sig_fields

from desktop_signer.appearance import (
    AppearanceError,
    Placement,
    add_footer,
    find_anchor,
    render_preview,
    resolve_placement,
)
from desktop_signer.appearance.footer import footer_height
from desktop_signer.appearance.placement import AnchorHit, page_geometry, page_index
from desktop_signer.appearance.profile import StampProfile
from desktop_signer.appearance.stamp import layout_stamp
from desktop_signer.remote.errors import RemoteSigningError
from desktop_signer.remote.esc_client import SignatureProperties
from desktop_signer.signing import document
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.options import SignJob, SignOptions
from desktop_signer.signing.output import check_target

PRINT_DPI = 300  # the stamp picture: sharp on paper, a few hundred kB at most


@dataclass(frozen=True)
class PreparedDocument:
    job: SignJob
    data: bytes  # exactly what is sent; the returned file must begin with these bytes
    properties: SignatureProperties
    placement: Placement | None
    signature_fields: frozenset[str]  # signed fields already in ``data``
    footer_added: bool

    def __repr__(self) -> str:
        return f"PreparedDocument({self.job!r}, {len(self.data)} bytes)"


def read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SigningError("input_unreadable", str(exc), path=str(path)) from exc


def prepare(job: SignJob, options: SignOptions, profile: StampProfile,
            stamp_cache: dict[tuple[float, float, int], bytes] | None = None
            ) -> PreparedDocument:
    """Raises the same typed errors as token signing (``SigningError``,
    ``AppearanceError``) for a document that cannot be signed; nothing is sent then."""
    check_target(job.output, job.input, options.overwrite)
    original = read_input(job.input)
    stream = io.BytesIO(original)
    writer = document.open_writer(job.input, stream, job.password)
    if writer.prev.encrypted:
        raise RemoteSigningError("esc_encrypted_input", path=str(job.input))
    state = document.inspect(writer)
    if state.certification_p == 1:
        raise SigningError("certified_no_changes", path=str(job.input))
    if options.visible and state.certification_p is not None:
        raise SigningError("certified_new_visible_field", path=str(job.input))
    signed = frozenset(name for name, value, _ in enumerate_sig_fields(writer.prev)
                       if value is not None)
    footer = options.footer if not state.signed else None
    placement = None
    if options.visible:
        placement = _placement(job, original, writer, options, footer is not None)
        layout_stamp(profile, *placement.display_size)  # refuses a box too small
    data = original
    if footer is not None:
        add_footer(writer, footer)
        writer.write_in_place()
        data = stream.getvalue()
    return PreparedDocument(job, data, _properties(options, profile, placement, stamp_cache),
                            placement, signed, footer is not None)


def _placement(job: SignJob, data: bytes, writer: IncrementalPdfFileWriter,
               options: SignOptions, with_footer: bool) -> Placement:
    request = options.placement
    hit: AnchorHit | None = None
    if request.rect is None and request.anchor is not None:
        hit = _find_anchor(data, request.anchor)
    if with_footer and options.footer is not None and request.rect is None \
            and request.anchor is None:
        count = int(writer.root["/Pages"]["/Count"])
        geom = page_geometry(writer, page_index(
            -1 if request.page is None else request.page, count))
        request = replace(request, bottom_reserve=footer_height(options.footer,
                                                                *geom.display_size))
    return resolve_placement(writer, request, hit)


def _find_anchor(data: bytes, marker: str) -> AnchorHit | None:
    try:
        doc = pymupdf.open("pdf", data)
    except Exception as exc:  # MuPDF raises its own types for broken files
        raise AppearanceError("pdf_unreadable", str(exc)) from exc
    with doc:
        return find_anchor(doc, marker)


def _properties(options: SignOptions, profile: StampProfile, placement: Placement | None,
                cache: dict[tuple[float, float, int], bytes] | None) -> SignatureProperties:
    reason, location = options.reason or "", options.location or ""
    if placement is None:
        return SignatureProperties(False, reason=reason, location=location)
    x0, y0, x1, y1 = placement.display_rect
    key = (round(x1 - x0, 2), round(y1 - y0, 2), PRINT_DPI)
    png = cache.get(key) if cache is not None else None
    if png is None:
        png = render_preview(profile, x1 - x0, y1 - y0, dpi=PRINT_DPI).png
        if cache is not None:
            cache[key] = png
    return SignatureProperties(True, png, placement.page, x0, y0, x1 - x0, y1 - y0,
                               reason, location)
