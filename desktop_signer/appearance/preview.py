"""The preview: the stamp drawn by the same renderer on a page of its own size, rendered
to PNG by PyMuPDF. What the user sees here is byte for byte the appearance that signing
puts into the document (same layout, same drawing code)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pymupdf
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

from desktop_signer.appearance.profile import StampProfile
from desktop_signer.appearance.stamp import DEFAULT_BOX, render_stamp


@dataclass(frozen=True)
class Preview:
    pdf: bytes  # one page, exactly the stamp's size
    png: bytes
    width_px: int
    height_px: int
    dpi: int


def stamp_pdf(profile: StampProfile, width: float = DEFAULT_BOX[0],
              height: float = DEFAULT_BOX[1]) -> bytes:
    """A one-page PDF whose page is the stamp (placed as a form XObject)."""
    writer = PdfFileWriter(init_page_tree=True)
    stamp = render_stamp(profile, width, height, writer=writer)
    ref = stamp.register()
    contents = writer.add_object(generic.StreamObject(stream_data=b"q /Stamp Do Q"))
    resources = generic.DictionaryObject({
        generic.NameObject("/XObject"): generic.DictionaryObject(
            {generic.NameObject("/Stamp"): ref}),
    })
    page = PageObject(contents, generic.ArrayObject(
        [generic.FloatObject(0), generic.FloatObject(0), generic.FloatObject(width),
         generic.FloatObject(height)]), resources)
    writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_preview(profile: StampProfile, width: float = DEFAULT_BOX[0],
                   height: float = DEFAULT_BOX[1], dpi: int = 192) -> Preview:
    pdf = stamp_pdf(profile, width, height)
    with pymupdf.open("pdf", pdf) as doc:
        pix = doc[0].get_pixmap(dpi=dpi, alpha=False)
        return Preview(pdf, pix.tobytes("png"), pix.width, pix.height, dpi)
