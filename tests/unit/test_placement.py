"""Signature widgets are placed on the page as displayed: rotated pages (90/180/270) and a
CropBox/MediaBox that does not start at 0,0. The truth is MuPDF's own rendering: a red box
drawn in the page content at the widget's PDF rectangle."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from desktop_signer.verification.placement import displayed_rect

# Qt-free builders shared with the window's placement test
from tests.gui.validity_helpers import red_box_as_displayed, write_turned_letter

WIDGET = (250.0, 400.0, 350.0, 450.0)  # PDF space of the page


def turned_page(tmp_path: Path, rotation: int, offset: bool) -> tuple[Path, pymupdf.Page]:
    path = write_turned_letter(tmp_path / f"putar-{rotation}.pdf", rotation, WIDGET, offset)
    return path, pymupdf.open(path)[0]


@pytest.mark.parametrize("offset", [False, True], ids=["boxes-at-0", "boxes-offset"])
@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_widget_lands_where_mupdf_draws_it(tmp_path: Path, rotation: int, offset: bool
                                           ) -> None:
    path, page = turned_page(tmp_path, rotation, offset)
    x0, top, x1, bottom = red_box_as_displayed(path)
    height = page.rect.height
    expected = (x0, height - bottom, x1, height - top)  # lower-left origin, as displayed
    assert displayed_rect(page, WIDGET) == pytest.approx(expected, abs=1.0)


def test_pymupdf_page_matrix_misses_the_crop_offset_of_a_rotated_page(tmp_path: Path
                                                                      ) -> None:
    """Why placement uses MuPDF's page transform: if PyMuPDF's own matrices become right,
    this fails and placement may use them instead."""
    path, page = turned_page(tmp_path, 90, True)
    x0, top, _x1, _bottom = red_box_as_displayed(path)
    naive = pymupdf.Rect(*WIDGET) * page.transformation_matrix * page.rotation_matrix
    assert abs(naive.x0 - x0) > 50 or abs(naive.y0 - top) > 50
