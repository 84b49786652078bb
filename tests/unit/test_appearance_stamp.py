"""The stamp renderer: what the preview shows is checked in its pixels and its text."""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from desktop_signer.appearance import AppearanceError, StampProfile, render_preview
from desktop_signer.appearance.fonts import missing_characters
from desktop_signer.appearance.profile import (
    expand_qr_template,
    format_date_id,
    nip_from_certificate,
)
from desktop_signer.appearance.resources import BSRE_LOGO_PLACEHOLDER, resource
from desktop_signer.appearance.stamp import MIN_FONT, layout_stamp

DPI = 144  # 2 px per pt
NOTICE = "Dokumen ini telah ditandatangani secara elektronik"


def profile(**kw: object) -> StampProfile:
    base: dict[str, object] = {
        "name": "Budi Santoso", "title": "Kepala Dinas Komunikasi dan Informatika",
        "nip": "198503152010011002", "place": "Kota Latihan",
        "signing_date": date(2025, 6, 5),
    }
    base.update(kw)
    return StampProfile(**base)  # type: ignore[arg-type]


def image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def region_pixels(img: Image.Image, box_pt: tuple[float, float, float, float],
                  height_pt: float) -> list[tuple[int, int, int]]:
    """Pixels of a region given in PDF points from the lower-left corner."""
    s = DPI / 72
    x0, y0, x1, y1 = box_pt
    crop = img.crop((int(x0 * s), int((height_pt - y1) * s), int(x1 * s),
                     int((height_pt - y0) * s)))
    return list(crop.get_flattened_data())


def is_navy(p: tuple[int, int, int]) -> bool:
    return p[2] > 90 and p[0] < 60 and p[1] < 110


def is_dark(p: tuple[int, int, int]) -> bool:
    return sum(p) < 200


def is_ink(p: tuple[int, int, int]) -> bool:
    """Any grey or black ink, anti-aliased edges included."""
    return sum(p) < 500 and max(p) - min(p) < 40


def is_red(p: tuple[int, int, int]) -> bool:
    """The training mark: translucent red, pink where it lies on white."""
    return p[0] > 200 and p[0] - p[1] > 40 and abs(p[1] - p[2]) < 25


def preview_text(pdf: bytes) -> str:
    with pymupdf.open("pdf", pdf) as doc:
        return str(doc[0].get_text())


def test_default_stamp_shows_logo_left_text_middle_notice_bottom() -> None:
    prev = render_preview(profile(), dpi=DPI)
    assert (prev.width_px, prev.height_px) == (400, 160)
    img = image(prev.png)
    lay = layout_stamp(profile())
    logo = lay.logos[0]
    logo_px = region_pixels(img, (logo.x, logo.y, logo.x + logo.width, logo.y + logo.height), 80)
    assert sum(map(is_navy, logo_px)) > 0.2 * len(logo_px), "the BSrE logo is on the left"
    # the name line: dark ink where the layout says the name is
    name = next(t for t in lay.texts if t.text == "Budi Santoso")
    name_px = region_pixels(img, (name.x, name.baseline, name.x + 50, name.baseline + name.size),
                            80)
    assert sum(map(is_dark, name_px)) > 0.1 * len(name_px)
    # the notice: the bottom strip, under the separator, has ink across the width
    notice_px = region_pixels(img, (4, 2, 196, lay.separator_y - 2), 80)
    assert sum(map(is_ink, notice_px)) > 0.05 * len(notice_px)
    # nothing red without the training mark
    assert not any(is_red(p) for p in img.get_flattened_data())
    text = preview_text(prev.pdf)
    for expected in ("Ditandatangani secara elektronik oleh:", "KEPALA DINAS", "Budi Santoso",
                     "NIP. 198503152010011002", "Kota Latihan, 5 Juni 2025", NOTICE):
        assert expected in " ".join(text.split()), expected


def test_the_preview_is_the_signing_appearance(tmp_path: Path) -> None:
    """The preview PDF embeds the very form XObject the signer embeds: same operators."""
    from pyhanko.pdf_utils.writer import PdfFileWriter

    from desktop_signer.appearance import render_stamp

    one = render_stamp(profile(), writer=PdfFileWriter()).render()
    two = render_stamp(profile(), writer=PdfFileWriter()).render()
    strip = [line for line in one.splitlines() if b"/Logo" not in line]
    assert strip == [line for line in two.splitlines() if b"/Logo" not in line]


@pytest.mark.parametrize("name", ["Ṡiti Nur'aini", unicodedata.normalize("NFD", "Ṡiti Nur'aini")])
def test_diacritics_render(name: str) -> None:
    prev = render_preview(profile(name=name), dpi=DPI)
    assert "Ṡiti Nur'aini" in unicodedata.normalize("NFC", preview_text(prev.pdf))
    lay = layout_stamp(profile(name=name))
    line = next(t for t in lay.texts if t.bold and "Nur" in t.text)
    # the dot above the S is drawn: ink above the cap height of the first letter
    img = image(prev.png)
    above = region_pixels(img, (line.x, line.baseline + line.size * 0.75, line.x + line.size * 0.6,
                                line.baseline + line.size * 1.0), 80)
    assert any(is_dark(p) for p in above)


def test_arabic_script_name_renders_joined() -> None:
    name = "محمد عبد الله"
    assert missing_characters(name) == ""
    prev = render_preview(profile(name=name), dpi=DPI)
    assert "محمد" in preview_text(prev.pdf)  # ActualText keeps the logical order
    lay = layout_stamp(profile(name=name))
    line = next(t for t in lay.texts if t.text == name)
    img = image(prev.png)
    px = region_pixels(img, (line.x, line.baseline - 2, line.x + 40, line.baseline + line.size),
                       80)
    assert sum(map(is_dark, px)) > 0.05 * len(px)


def test_unsupported_characters_are_a_clear_error() -> None:
    with pytest.raises(AppearanceError) as err:
        render_preview(profile(name="山田 太郎"))
    assert err.value.code == "unsupported_characters"
    assert "山" in str(err.value.params["chars"])


def test_long_names_wrap_and_shrink_then_box_too_small() -> None:
    short = layout_stamp(profile())
    long_name = ("Prof. Dr. Ir. Raden Mas Muhammad Abdurrahman Wahyudiningrat "
                 "Kusumawardhani, S.H., M.Hum.")
    long = layout_stamp(profile(name=long_name))
    name_lines = [t for t in long.texts if t.bold and t.text in long_name]
    assert len(name_lines) >= 2, "the long name wraps"
    assert long.base_font < short.base_font, "and the font shrinks"
    assert long.base_font >= MIN_FONT
    for t in long.texts:  # everything stays inside the box
        assert t.x >= 0 and t.baseline > 0 and t.baseline + t.size <= 80
    with pytest.raises(AppearanceError) as err:
        layout_stamp(profile(name=long_name), 120, 40)
    assert err.value.code == "box_too_small"
    assert err.value.params["min_font"] == MIN_FONT


def test_training_mark_is_drawn_diagonally_in_red() -> None:
    prev = render_preview(profile(training=True), dpi=DPI)
    img = image(prev.png)
    w, h = img.size
    red_low_left = sum(is_red(img.getpixel((x, y))) for x in range(0, w // 3)
                       for y in range(2 * h // 3, h))
    red_up_left = sum(is_red(img.getpixel((x, y))) for x in range(0, w // 3)
                      for y in range(0, h // 4))
    assert red_low_left > 50 and red_low_left > 5 * red_up_left, "rises from lower left"
    assert "LATIHAN — TIDAK SAH" in preview_text(prev.pdf)


def test_qr_code_on_the_right_and_agency_logo(tmp_path: Path) -> None:
    agency = resource(BSRE_LOGO_PLACEHOLDER).with_suffix(".png")
    prof = profile(qr_url="https://tte.komdigi.go.id/verifyPDF", agency_logo=agency)
    lay = layout_stamp(prof)
    assert lay.qr is not None and len(lay.logos) == 2
    _, qx, qy, side = lay.qr
    assert qx + side <= 200 and qx > 120
    img = image(render_preview(prof, dpi=DPI).png)
    qr_px = region_pixels(img, (qx, qy, qx + side, qy + side), 80)
    dark = sum(map(is_dark, qr_px)) / len(qr_px)
    assert 0.3 < dark < 0.7, "a QR code is about half dark modules"


def test_unreadable_logo(tmp_path: Path) -> None:
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not a png")
    for path in (bad, tmp_path / "missing.svg"):
        with pytest.raises(AppearanceError) as err:
            layout_stamp(profile(bsre_logo=path))
        assert err.value.code == "logo_unreadable"


def test_qr_template_and_date() -> None:
    assert format_date_id(date(2025, 8, 17)) == "17 Agustus 2025"
    url = expand_qr_template("https://x.go.id/v?s={serial}&n={nip}", serial="ab", nip="1")
    assert url == "https://x.go.id/v?s=ab&n=1"
    with pytest.raises(AppearanceError) as err:
        expand_qr_template("https://x.go.id/{file}")
    assert err.value.code == "qr_template_invalid"


def test_nip_from_a_bsre_style_subject() -> None:
    from asn1crypto import x509

    import desktop_signer.pki.names  # noqa: F401

    name = x509.Name.build({"common_name": "Budi",
                            "description": "198503152010011002_Tanda Tangan Elektronik"})

    class Cert:
        subject = name

    assert nip_from_certificate(Cert()) == "198503152010011002"  # type: ignore[arg-type]


def test_stamp_background_is_opaque_white() -> None:
    """The stamp covers what is under it (an anchor marker): first thing drawn is a white
    fill of the whole box."""
    from pyhanko.pdf_utils.writer import PdfFileWriter

    from desktop_signer.appearance import render_stamp

    ops = render_stamp(profile(), writer=PdfFileWriter()).render().splitlines()
    assert ops[1] == b"1 1 1 rg 0 0 200 80 re f"
