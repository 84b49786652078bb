"""The "Catatan" footer (DESIGN §4.4), drawn into the revision that gets signed.

The footer goes into the same incremental update as the signature (the caller passes the
:class:`IncrementalPdfFileWriter` that pyHanko then signs), so the signature covers it and
the input file is untouched. A document that already carries signatures is refused: a
change to page content after a signature would invalidate (or at least taint) it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from pyhanko.pdf_utils import generic, layout
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import enumerate_sig_fields

from desktop_signer.appearance.errors import AppearanceError
from desktop_signer.appearance.fonts import check_characters, fonts_for
from desktop_signer.appearance.placement import (
    PageGeometry,
    display_matrix,
    page_count,
    page_geometry,
)
from desktop_signer.appearance.stamp import INK
from desktop_signer.appearance.textfit import LEADING, Line, Paragraph, fit_block
from desktop_signer.settings import DEFAULT_NOTICE, DEFAULT_QR_TEMPLATE

HEADING = "Catatan:"
LAW = ("UU Nomor 11 Tahun 2008 Pasal 5 ayat 1: \"Informasi Elektronik dan/atau Dokumen "
       "Elektronik dan/atau hasil cetaknya merupakan alat bukti hukum yang sah.\"")
FONT_MAX = 6.5
FONT_MIN = 4.0
SIDE_MARGIN = 36.0
BOTTOM_MARGIN = 12.0
MAX_HEIGHT_SHARE = 0.12  # of the displayed page height


def footer_lines(url: str = DEFAULT_QR_TEMPLATE, with_qr: bool = True,
                 notice: str = DEFAULT_NOTICE) -> list[str]:
    """The three numbered lines, worded as in DESIGN §4.4."""
    check = (f"Keaslian dokumen dapat diperiksa dengan memindai kode QR atau di {url}."
             if with_qr else f"Keaslian dokumen dapat diperiksa di {url}.")
    return [f"1. {LAW}", f"2. {notice}", f"3. {check}"]


@dataclass(frozen=True)
class FooterSpec:
    url: str = DEFAULT_QR_TEMPLATE
    with_qr: bool = True
    pages: str = "last"  # "last" or "all"
    notice: str = DEFAULT_NOTICE


@dataclass(frozen=True)
class FooterLayout:
    width: float
    height: float
    lines: tuple[Line, ...]


def layout_footer(spec: FooterSpec, page_width: float, page_height: float) -> FooterLayout:
    paragraphs = [Paragraph(HEADING, bold=True)] + [
        Paragraph(text) for text in footer_lines(spec.url, spec.with_qr, spec.notice)]
    check_characters(*(p.text for p in paragraphs))
    width = max(page_width - 2 * SIDE_MARGIN, 1.0)
    fitted = fit_block(paragraphs, width, page_height * MAX_HEIGHT_SHARE, FONT_MAX, FONT_MIN)
    if fitted is None:
        raise AppearanceError("box_too_small", f"footer on {page_width:g}x{page_height:g}",
                              width=round(page_width, 1), height=round(page_height, 1),
                              min_font=FONT_MIN)
    _, lines = fitted
    return FooterLayout(width, sum(line.size * LEADING for line in lines) + 3, tuple(lines))


def footer_height(spec: FooterSpec, page_width: float, page_height: float) -> float:
    """Space the footer takes from the bottom of the displayed page (for stamp presets)."""
    return BOTTOM_MARGIN + layout_footer(spec, page_width, page_height).height


class FooterContent(PdfContent):
    def __init__(self, writer: IncrementalPdfFileWriter, footer: FooterLayout) -> None:
        super().__init__(box=layout.BoxConstraints(width=footer.width, height=footer.height),
                         writer=writer)
        self.footer = footer

    def render(self) -> bytes:
        assert self.writer is not None
        fonts = fonts_for(self.writer)
        top = self.footer.height
        ops = [b"q 0.6 0.6 0.6 RG 0.4 w 0 %g m %g %g l S" % (top - 0.5, self.footer.width,
                                                            top - 0.5),
               b"%g %g %g rg" % INK]
        top -= 3
        for line in self.footer.lines:
            baseline = top - line.size * 0.95
            ops.append(fonts.face(line.bold).show(self, line.text, line.size, 0, baseline))
            top -= line.size * LEADING
        ops.append(b"Q")
        return b"\n".join(ops)


def _draw_on_page(writer: IncrementalPdfFileWriter, geom: PageGeometry,
                  spec: FooterSpec) -> None:
    dw, dh = geom.display_size
    content = FooterContent(writer, layout_footer(spec, dw, dh))
    ref = writer.add_object(content.as_form_xobject())
    name = f"/DSFooter{uuid.uuid4().hex[:12]}"
    a, b, c, d, e, f = display_matrix(geom)
    paint = b"q %g %g %g %g %g %g cm 1 0 0 1 %g %g cm %s Do Q" % (
        a, b, c, d, e, f, SIDE_MARGIN, BOTTOM_MARGIN, name.encode("ascii"))
    resources = generic.DictionaryObject({generic.NameObject("/XObject"): generic.DictionaryObject(
        {generic.NameObject(name): ref})})
    # the page's own content may leave the graphics state changed: isolate it first
    writer.add_stream_to_page(geom.index, writer.add_object(
        generic.StreamObject(stream_data=b"q")), prepend=True)
    writer.add_stream_to_page(geom.index, writer.add_object(
        generic.StreamObject(stream_data=b"Q")))
    writer.add_stream_to_page(geom.index, writer.add_object(
        generic.StreamObject(stream_data=paint)), resources)


def ensure_unsigned(writer: IncrementalPdfFileWriter) -> None:
    if any(True for _ in enumerate_sig_fields(writer.prev, filled_status=True)):
        raise AppearanceError("footer_on_signed_document")


def add_footer(writer: IncrementalPdfFileWriter, spec: FooterSpec) -> list[int]:
    """Draw the footer on the last page or on every page; returns the 0-based pages."""
    ensure_unsigned(writer)
    count = page_count(writer)
    indexes = list(range(count)) if spec.pages == "all" else [count - 1]
    for index in indexes:
        _draw_on_page(writer, page_geometry(writer, index), spec)
    return indexes
