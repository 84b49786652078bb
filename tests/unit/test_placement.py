"""Signature widgets are placed on the page as displayed: rotated pages (90/180/270) and a
CropBox/MediaBox that does not start at 0,0. The truth is MuPDF's own rendering: a red box
drawn in the page content at the widget's PDF rectangle."""

from __future__ import annotations

import pymupdf
import pytest

from desktop_signer.verification.placement import displayed_rect

WIDGET = (250.0, 400.0, 350.0, 450.0)  # PDF space of the page


def turned_page(rotation: int, offset: bool) -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=600, height=800)
    if offset:
        doc.xref_set_key(page.xref, "MediaBox", "[100 200 700 1000]")
        doc.xref_set_key(page.xref, "CropBox", "[150 260 650 960]")
    doc.xref_set_key(page.xref, "Rotate", str(rotation))
    x0, y0, x1, y1 = WIDGET
    content = doc.get_new_xref()
    doc.update_object(content, "<<>>")
    doc.update_stream(content, f"q 1 0 0 rg {x0} {y0} {x1 - x0} {y1 - y0} re f Q".encode())
    doc.xref_set_key(page.xref, "Contents", f"{content} 0 R")
    return pymupdf.open("pdf", doc.tobytes())


def red_box(page: pymupdf.Page) -> tuple[int, int, int, int]:
    """Where the red pixels are at 72 dpi: top-left origin, as displayed."""
    pix = page.get_pixmap(alpha=False)
    xs, ys = [], []
    for y in range(pix.height):
        row = pix.samples[y * pix.stride:y * pix.stride + pix.width * 3]
        for x in range(pix.width):
            r, g, b = row[3 * x:3 * x + 3]
            if r > 200 and g < 60 and b < 60:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


@pytest.mark.parametrize("offset", [False, True], ids=["boxes-at-0", "boxes-offset"])
@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_widget_lands_where_mupdf_draws_it(rotation: int, offset: bool) -> None:
    page = turned_page(rotation, offset)[0]
    x0, top, x1, bottom = red_box(page)
    height = page.rect.height
    expected = (x0, height - bottom, x1, height - top)  # lower-left origin, as displayed
    assert displayed_rect(page, WIDGET) == pytest.approx(expected, abs=1.0)


def test_pymupdf_page_matrix_misses_the_crop_offset_of_a_rotated_page() -> None:
    """Why placement uses MuPDF's page transform: if PyMuPDF's own matrices become right,
    this fails and placement may use them instead."""
    page = turned_page(90, True)[0]
    x0, top, _x1, _bottom = red_box(page)
    naive = pymupdf.Rect(*WIDGET) * page.transformation_matrix * page.rotation_matrix
    assert abs(naive.x0 - x0) > 50 or abs(naive.y0 - top) > 50
