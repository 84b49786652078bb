"""Errors of the stamp, placement and footer code (codes only; the CLI/window word them)."""

from __future__ import annotations

from desktop_signer.errors import DesktopSignerError


class AppearanceError(DesktopSignerError):
    """Codes:

    - ``box_too_small`` (width, height, min_font): the text does not fit even at the
      smallest allowed font size;
    - ``unsupported_characters`` (chars): the bundled font cannot draw these characters;
    - ``logo_unreadable`` (path): the logo file is missing or not an SVG/PDF/PNG/JPEG;
    - ``font_missing`` (path): a bundled font file is missing (broken installation);
    - ``qr_template_invalid`` (template): the verification URL template has an unknown field;
    - ``page_out_of_range`` (page, pages);
    - ``rect_invalid`` (rect): not four numbers with x0 < x1 and y0 < y1;
    - ``rect_outside_page`` (rect, width, height): the rectangle leaves the visible page;
    - ``unknown_position`` (position): not one of the presets;
    - ``anchor_not_found`` (anchor);
    - ``footer_on_signed_document``: a footer would break the existing signatures;
    - ``pdf_unreadable``: PyMuPDF could not open the document for placement.
    """
