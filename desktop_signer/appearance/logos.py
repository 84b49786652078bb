"""Logos in the stamp: SVG and PDF stay vector (imported as form XObjects), PNG and JPEG
are embedded as images.

SVG files are converted to a one-page PDF by PyMuPDF once per file version and cached.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pymupdf
from PIL import Image
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.content import PdfContent, ResourceType
from pyhanko.pdf_utils.images import pil_image
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import BasePdfFileWriter

from desktop_signer.appearance.errors import AppearanceError

VECTOR_SUFFIXES = (".svg", ".pdf")
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class LogoSource:
    """A logo file read into memory: a one-page PDF (vector) or an image."""

    path: Path
    pdf: bytes | None
    image: Image.Image | None
    width: float  # natural size, only the ratio matters
    height: float

    @property
    def aspect(self) -> float:
        return self.width / self.height


def load_logo(path: Path) -> LogoSource:
    try:
        stat = path.stat()
    except OSError as exc:
        raise AppearanceError("logo_unreadable", str(exc), path=str(path)) from exc
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load(path: Path, _mtime: int, _size: int) -> LogoSource:
    suffix = path.suffix.lower()
    try:
        if suffix in VECTOR_SUFFIXES:
            with pymupdf.open(path) as doc:
                if doc.page_count < 1:
                    raise ValueError("no page")
                rect = doc[0].rect
                pdf = doc.convert_to_pdf(0, 0) if suffix == ".svg" else path.read_bytes()
            return LogoSource(path, pdf, None, rect.width, rect.height)
        if suffix in RASTER_SUFFIXES:
            with Image.open(path) as img:
                img.load()
                image = img.convert("RGBA") if img.mode not in ("RGB", "RGBA", "L") else img
            return LogoSource(path, None, image, float(image.width), float(image.height))
    except AppearanceError:
        raise
    except Exception as exc:  # any decoder failure means the same thing to the user
        raise AppearanceError("logo_unreadable", repr(exc), path=str(path)) from exc
    raise AppearanceError("logo_unreadable", f"unsupported type {suffix}", path=str(path))


def draw_logo(content: PdfContent, writer: BasePdfFileWriter, logo: LogoSource,
              x: float, y: float, width: float, height: float) -> bytes:
    """Operators drawing ``logo`` fitted (aspect kept, centred) into the given box."""
    if width <= 0 or height <= 0:
        return b""
    scale = min(width / logo.width, height / logo.height)
    w, h = logo.width * scale, logo.height * scale
    x += (width - w) / 2
    y += (height - h) / 2
    name = f"/Logo{uuid.uuid4().hex[:12]}"
    if logo.pdf is not None:
        reader = PdfFileReader(io.BytesIO(logo.pdf), strict=False)
        ref = writer.import_page_as_xobject(reader, 0)
        x0, y0, x1, y1 = (float(v) for v in ref.get_object()["/BBox"])
        sx, sy = w / (x1 - x0), h / (y1 - y0)
        # map the XObject's BBox onto the target box
        ops = b"q %g 0 0 %g %g %g cm %s Do Q" % (sx, sy, x - x0 * sx, y - y0 * sy,
                                                  name.encode("ascii"))
    else:
        assert logo.image is not None
        ref = pil_image(logo.image, writer)
        ops = b"q %g 0 0 %g %g %g cm %s Do Q" % (w, h, x, y, name.encode("ascii"))
    content.set_resource(ResourceType.XOBJECT, generic.NameObject(name), ref)
    return ops
