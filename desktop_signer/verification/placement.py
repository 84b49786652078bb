"""Where each signature's widget appears on its page as a viewer shows it.

A widget's ``/Rect`` is in the page's own PDF space: origin at the lower-left of the
MediaBox coordinate system, before the page's ``/Rotate``. A viewer shows the CropBox,
rotated. MuPDF's page transformation (``pdf_page_transform``, what it renders with) maps
the one to the other, so the rectangle lands where MuPDF draws the widget. PyMuPDF's
``Page.transformation_matrix`` is not used: for a rotated page it leaves out the CropBox's
offset (PyMuPDF 2.0, checked by ``tests/unit/test_placement.py``).

The result, :attr:`SignatureResult.display_rect`, is in the convention of the visual
comparison's regions: points from the lower-left corner of the page as displayed.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import pymupdf

from desktop_signer.verification.model import SignatureResult

log = logging.getLogger(__name__)

Rect = tuple[float, float, float, float]


def _page_matrix(page: Any) -> pymupdf.Matrix:
    """PDF space -> the page as displayed (top-left origin), as MuPDF renders it."""
    ctm = pymupdf.mupdf.FzMatrix()
    pymupdf.mupdf.pdf_page_transform(
        page._pdf_page(), pymupdf.mupdf.FzRect(pymupdf.mupdf.FzRect.Fixed_UNIT), ctm)
    return pymupdf.Matrix(ctm.a, ctm.b, ctm.c, ctm.d, ctm.e, ctm.f)


def displayed_rect(page: Any, rect: Rect) -> Rect:
    """``rect`` (PDF space of ``page``) on the page as displayed, from its lower-left."""
    box = pymupdf.Rect(*rect) * _page_matrix(page)
    height = float(page.rect.height)
    return (round(float(box.x0), 2), round(height - float(box.y1), 2),
            round(float(box.x1), 2), round(height - float(box.y0), 2))


def with_display_rects(data: bytes, results: list[SignatureResult],
                       password: str | None = None) -> list[SignatureResult]:
    """``results`` with ``display_rect`` set where the widget has a page and a rectangle.
    A file MuPDF cannot open leaves them unset (the window then draws no outline)."""
    if not any(r.page and r.rect for r in results):
        return results
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:
        log.debug("widget placement unavailable: %s", exc)
        return results
    out: list[SignatureResult] = []
    with doc:
        if doc.needs_pass and not (doc.authenticate("") or
                                   (password and doc.authenticate(password))):
            return results
        for result in results:
            if not (result.page and result.rect and 0 < result.page <= doc.page_count):
                out.append(result)
                continue
            try:
                shown = displayed_rect(doc.load_page(result.page - 1), result.rect)
            except Exception as exc:  # one broken page does not lose the others
                log.debug("widget placement failed on page %s: %s", result.page, exc)
                out.append(result)
                continue
            out.append(replace(result, display_rect=shown))
    return out
