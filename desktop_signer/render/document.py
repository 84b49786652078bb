"""One open PDF for the preview: page geometry, rendering, text search (PyMuPDF).

The file is read into memory once. What the preview shows is therefore exactly the bytes
whose SHA-256 is in :attr:`DocumentInfo.sha256`, whatever later happens to the file on disk
(deleted, replaced, truncated while open): the signing flow can compare that hash with the
file it is about to sign.

A :class:`PdfDocument` belongs to the thread that opened it. PyMuPDF is not thread-safe and
keeps the GIL while it renders, so the window runs documents in a child process
(:mod:`desktop_signer.render.worker`); using a document from another thread raises
:class:`DocumentError` ``wrong_thread`` instead of corrupting memory.
"""

from __future__ import annotations

import hashlib
import math
import threading
from pathlib import Path

import pymupdf

from desktop_signer.render.errors import DocumentError, Problem
from desktop_signer.render.models import DocumentInfo, PageImage, PageSize, Rect, SearchHit

# PDF readers look for the header in the first 1024 bytes and for %%EOF in the last 1024.
HEADER_WINDOW = 1024
EOF_WINDOW = 1024
# A page image never exceeds this many pixels (about 100 MB of RGB): a huge page or zoom is
# rendered at a lower scale instead of exhausting memory.
MAX_PIXELS = 36_000_000
# Used for a page whose geometry cannot be read (the page itself then fails to render).
FALLBACK_SIZE = PageSize(595.0, 842.0)


def read_pdf_bytes(path: str | Path) -> bytes:
    """The file's bytes, after the checks that give a clear reason instead of a MuPDF error."""
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(Problem.FILE_MISSING, str(exc), path=where) from exc
    except OSError as exc:  # a folder, no permission, an I/O error, a vanished network share
        raise DocumentError(Problem.UNREADABLE, str(exc), path=where) from exc
    if not data:
        raise DocumentError(Problem.EMPTY_FILE, "0 bytes", path=where)
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise DocumentError(
            Problem.NOT_A_PDF, f"no %PDF- header in the first {HEADER_WINDOW} bytes", path=where
        )
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        # MuPDF would "repair" such a file and show blank pages where the data is missing.
        raise DocumentError(
            Problem.TRUNCATED, f"no %%EOF in the last {EOF_WINDOW} bytes ({len(data)} bytes)",
            path=where,
        )
    return data


class PdfDocument:
    """An open PDF. Use :meth:`open`; call :meth:`close` (or use ``with``) when done."""

    def __init__(self, doc: pymupdf.Document, info: DocumentInfo) -> None:
        self._doc = doc
        self._info = info
        self._owner = threading.get_ident()

    @classmethod
    def open(cls, path: str | Path, password: str | None = None) -> PdfDocument:
        data = read_pdf_bytes(path)
        return cls.from_bytes(data, str(path), password)

    @classmethod
    def from_bytes(cls, data: bytes, path: str, password: str | None = None) -> PdfDocument:
        try:
            doc = pymupdf.open(stream=data, filetype="pdf")
        except Exception as exc:  # MuPDF raises FileDataError and plain RuntimeErrors
            raise DocumentError(Problem.DAMAGED, str(exc), path=path) from exc
        try:
            encrypted = bool(doc.is_encrypted or doc.needs_pass)
            if doc.needs_pass:
                if password is None:
                    raise DocumentError(Problem.PASSWORD_REQUIRED, "user password set", path=path)
                if not doc.authenticate(password):
                    raise DocumentError(Problem.WRONG_PASSWORD, "authentication failed",
                                        path=path)
            if doc.page_count < 1:
                raise DocumentError(Problem.DAMAGED, "no pages", path=path)
            info = DocumentInfo(
                path=path,
                page_count=doc.page_count,
                page_sizes=tuple(_page_size(doc, i) for i in range(doc.page_count)),
                size_bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                encrypted=encrypted,
                repaired=bool(doc.is_repaired),
                title=str((doc.metadata or {}).get("title") or ""),
            )
        except DocumentError:
            doc.close()
            raise
        except Exception as exc:
            doc.close()
            raise DocumentError(Problem.DAMAGED, str(exc), path=path) from exc
        return cls(doc, info)

    def __enter__(self) -> PdfDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def info(self) -> DocumentInfo:
        return self._info

    def close(self) -> None:
        self._check_thread()
        if not self._doc.is_closed:
            self._doc.close()

    def render(self, page: int, scale: float) -> PageImage:
        """Page ``page`` (0-based) as RGB at ``scale`` pixels per point (lowered if the image
        would exceed :data:`MAX_PIXELS`)."""
        pix, used = self._pixmap(page, scale)
        return PageImage(page, used, pix.width, pix.height, pix.stride, bytes(pix.samples))

    def render_png(self, page: int, scale: float) -> bytes:
        pix, _ = self._pixmap(page, scale)
        return bytes(pix.tobytes("png"))

    def thumbnail(self, page: int, max_side: int) -> PageImage:
        size = self._size(page)
        return self.render(page, max_side / max(size.width, size.height, 1.0))

    def search(self, text: str, start: int = 0, stop: int | None = None) -> list[SearchHit]:
        """Pages in ``start``..``stop``-1 (0-based; default: to the end) with matches, in page
        order. Case-insensitive, as MuPDF searches. Callers that must stay responsive search
        a few pages at a time. A page that cannot be read is skipped."""
        self._check_thread()
        if not text.strip():
            return []
        end = self._info.page_count if stop is None else min(stop, self._info.page_count)
        hits: list[SearchHit] = []
        for number in range(max(start, 0), end):
            try:
                page = self._doc.load_page(number)
                found = page.search_for(text)
                rotate = page.rotation_matrix  # MuPDF reports unrotated coordinates
            except Exception:
                continue
            if found:
                hits.append(SearchHit(number, tuple(_rect(r * rotate) for r in found)))
        return hits

    def _size(self, page: int) -> PageSize:
        self._check_page(page)
        return self._info.page_sizes[page]

    def _pixmap(self, page: int, scale: float) -> tuple[pymupdf.Pixmap, float]:
        self._check_thread()
        size = self._size(page)
        scale = max(scale, 0.01)
        pixels = size.width * size.height * scale * scale
        if pixels > MAX_PIXELS:
            scale *= (MAX_PIXELS / pixels) ** 0.5
            # MuPDF rounds the pixel size up: step down until the rounded image fits too.
            while math.ceil(size.width * scale) * math.ceil(size.height * scale) > MAX_PIXELS:
                scale *= 0.999
        try:
            pix = self._doc.load_page(page).get_pixmap(
                matrix=pymupdf.Matrix(scale, scale), alpha=False, colorspace=pymupdf.csRGB
            )
        except Exception as exc:
            raise DocumentError(Problem.RENDER_FAILED, str(exc), path=self._info.path,
                                page=page) from exc
        return pix, scale

    def _check_page(self, page: int) -> None:
        if not 0 <= page < self._info.page_count:
            raise DocumentError(Problem.PAGE_OUT_OF_RANGE, f"page {page}", path=self._info.path,
                                page=page)

    def _check_thread(self) -> None:
        if threading.get_ident() != self._owner:
            raise DocumentError(Problem.WRONG_THREAD, "PyMuPDF documents are not thread-safe",
                                path=self._info.path)


def _page_size(doc: pymupdf.Document, number: int) -> PageSize:
    try:
        rect = doc.load_page(number).rect  # CropBox with /Rotate applied
    except Exception:
        return FALLBACK_SIZE
    if rect.width <= 0 or rect.height <= 0:
        return FALLBACK_SIZE
    return PageSize(float(rect.width), float(rect.height))


def _rect(r: pymupdf.Rect) -> Rect:
    return Rect(float(r.x0), float(r.y0), float(r.x1), float(r.y1))
