"""The one place where the window's page points meet the core's.

The page view measures from the displayed page's top-left corner (y down); the core's
placement (DESIGN §6) measures PDF points from the displayed page's lower-left corner
(y up). Both are "as displayed" (crop box and rotation applied), so only y flips."""

from __future__ import annotations

from desktop_signer.render.models import Rect

PdfRect = tuple[float, float, float, float]  # x0, y0, x1, y1 from the lower-left


def view_to_pdf(rect: Rect, page_height: float) -> PdfRect:
    return (rect.x0, page_height - rect.y1, rect.x1, page_height - rect.y0)


def pdf_to_view(rect: PdfRect, page_height: float) -> Rect:
    x0, y0, x1, y1 = rect
    return Rect(x0, page_height - y1, x1, page_height - y0)
