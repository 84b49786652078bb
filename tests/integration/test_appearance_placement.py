"""Placement and footer on real pages: presets, explicit rectangles, anchors, rotated pages
and crop boxes, checked in the rendered pixels of signed documents (PKCS#12 signer)."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from PIL import Image
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers

from desktop_signer.appearance import (
    AppearanceError,
    BsreStampStyle,
    FooterSpec,
    Placement,
    PlacementRequest,
    StampProfile,
    add_footer,
    find_anchor,
    resolve_placement,
)
from desktop_signer.appearance.footer import footer_height
from desktop_signer.appearance.placement import PageGeometry, page_geometry
from desktop_signer.training import letters
from desktop_signer.training.setup import TrainingSetup

pytestmark = pytest.mark.integration
SCALE = 2  # render at 144 dpi


def make_pdf(rotation: int = 0, cropbox: tuple[float, float, float, float] | None = None,
             markers: tuple[tuple[int, float, float], ...] = ()) -> bytes:
    """A 2-page 600x800 document; ``markers``: (page, x, y) of lone '#' (PyMuPDF coords,
    unrotated, from the top-left of the media box)."""
    doc = pymupdf.open()
    for _ in range(2):
        page = doc.new_page(width=600, height=800)
        page.insert_text((80, 120), "Isi surat", fontsize=12)
    for number, x, y in markers:
        doc[number].insert_text((x, y), "#", fontsize=12)
    for page in doc:
        if cropbox is not None:
            page.set_cropbox(pymupdf.Rect(*cropbox))
        page.set_rotation(rotation)
    return bytes(doc.tobytes())


def sign(data: bytes, training: TrainingSetup, request: PlacementRequest,
         footer: FooterSpec | None = None, name: str = "Budi Santoso") -> tuple[bytes, Placement]:
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    hit = None
    if request.anchor:
        with pymupdf.open("pdf", data) as doc:
            hit = find_anchor(doc, request.anchor)
    placement = resolve_placement(writer, request, hit)
    if footer is not None:
        add_footer(writer, footer)
    ident = training.identity("budi")
    assert ident.pkcs12 is not None
    signer = signers.SimpleSigner.load_pkcs12(ident.pkcs12, passphrase=training.pin.encode())
    assert signer is not None
    prof = StampProfile(name=name, title="Kepala Dinas", nip="198503152010011002",
                        place="Kota Latihan", signing_date=date(2025, 6, 5))
    meta = signers.PdfSignatureMetadata(field_name="Tanda_Tangan",
                                        subfilter=fields.SigSeedSubFilter.PADES)
    pdf_signer = signers.PdfSigner(
        meta, signer, stamp_style=BsreStampStyle(profile=prof, rotation=placement.rotation),
        new_field_spec=fields.SigFieldSpec("Tanda_Tangan", on_page=placement.page_index,
                                           box=placement.rect))
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue(), placement


def render(data: bytes, page: int) -> Image.Image:
    with pymupdf.open("pdf", data) as doc:
        pix = doc[page].get_pixmap(matrix=pymupdf.Matrix(SCALE, SCALE), alpha=False)
        return Image.open(io.BytesIO(pix.tobytes("png"))).convert("RGB")


def crop_display(img: Image.Image, rect: tuple[float, float, float, float]) -> Image.Image:
    """``rect`` in displayed points from the lower-left corner."""
    h = img.height / SCALE
    x0, y0, x1, y1 = rect
    return img.crop((int(x0 * SCALE), int((h - y1) * SCALE), int(x1 * SCALE),
                     int((h - y0) * SCALE)))


def navy_share(img: Image.Image) -> float:
    px = list(img.get_flattened_data())
    return sum(1 for p in px if p[2] > 90 and p[0] < 60 and p[1] < 110) / max(len(px), 1)


def assert_upright_stamp(img: Image.Image, rect: tuple[float, float, float, float]) -> None:
    """Logo on the left (navy), nothing navy-heavy on the right, ink in the notice strip."""
    x0, y0, x1, y1 = rect
    w, h = x1 - x0, y1 - y0
    assert abs(w - 200) < 0.5 and abs(h - 80) < 0.5, rect
    left = crop_display(img, (x0 + 4, y0 + 20, x0 + 40, y1 - 4))
    right = crop_display(img, (x1 - 40, y0 + 20, x1 - 4, y1 - 4))
    assert navy_share(left) > 0.2, "the BSrE logo is at the stamp's displayed left"
    assert navy_share(right) < 0.1
    strip = crop_display(img, (x0 + 4, y0 + 2, x1 - 4, y0 + 14))
    ink = sum(1 for p in strip.get_flattened_data() if sum(p) < 500)
    assert ink > 0.04 * strip.width * strip.height, "the notice runs along the bottom"


def test_page_geometry_round_trips() -> None:
    for rotation in (0, 90, 180, 270):
        geom = PageGeometry(0, (0, 0, 600, 800), (50, 100, 550, 700), rotation)
        for point in ((0, 0), (10, 20), (123.5, 77)):
            assert geom.to_display(*geom.to_user(*point)) == pytest.approx(point)
        dw, dh = geom.display_size
        corners = [geom.to_user(x, y) for x, y in ((0, 0), (dw, 0), (0, dh), (dw, dh))]
        assert {(round(x), round(y)) for x, y in corners} == {(50, 100), (550, 100),
                                                               (50, 700), (550, 700)}


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_bottom_right_preset_on_rotated_cropped_pages(training: TrainingSetup,
                                                      rotation: int) -> None:
    data = make_pdf(rotation, cropbox=(50, 100, 550, 700))
    signed, placement = sign(data, training, PlacementRequest(position="bottom-right"))
    assert placement.page_index == 1 and placement.rotation == rotation
    dw, dh = (600, 500) if rotation in (90, 270) else (500, 600)
    drect = placement.display_rect
    assert drect == pytest.approx((dw - 36 - 200, 36, dw - 36, 116))
    img = render(signed, 1)
    assert (img.width, img.height) == (dw * SCALE, dh * SCALE)
    assert_upright_stamp(img, drect)


def test_explicit_rect_in_displayed_coordinates(training: TrainingSetup) -> None:
    data = make_pdf(90, cropbox=(50, 100, 550, 700))
    rect = (40.0, 300.0, 240.0, 380.0)
    signed, placement = sign(data, training, PlacementRequest(page=1, rect=rect))
    assert placement.page_index == 0
    assert_upright_stamp(render(signed, 0), rect)
    reader = PdfFileReader(io.BytesIO(signed))
    geom = page_geometry(reader, 0)
    annot = reader.root["/AcroForm"]["/Fields"][0].get_object()
    user = tuple(float(v) for v in annot["/Rect"])
    assert geom.rect_to_display(user) == pytest.approx(rect)


def test_anchor_last_occurrence_on_last_page(training: TrainingSetup) -> None:
    markers = ((0, 300, 300), (1, 100, 200), (1, 320, 500))
    data = make_pdf(markers=markers)
    with pymupdf.open("pdf", data) as doc:
        hit = find_anchor(doc, "#")
    assert hit is not None and hit.page_index == 1 and hit.occurrences == 2
    signed, placement = sign(data, training, PlacementRequest(anchor="#"))
    drect = placement.display_rect
    # marker baseline at y=500 from the top -> about 800-500 = 300 from the bottom
    assert drect[0] == pytest.approx(320, abs=1)
    assert drect[1] < 300 + 4 < drect[3]
    assert_upright_stamp(render(signed, 1), drect)
    with pymupdf.open("pdf", signed) as doc:  # the marker lies under the (opaque) stamp
        marker = doc[1].search_for("#")[-1]
    mx0, my0 = marker.x0, 800 - marker.y1
    assert drect[0] <= mx0 and drect[1] <= my0 and marker.x1 <= drect[2]
    assert 800 - marker.y0 <= drect[3]


def test_anchor_in_the_sample_letter(training: TrainingSetup) -> None:
    data = letters.surat_dinas()
    _, placement = sign(data, training, PlacementRequest(anchor="#"))
    assert placement.page_index == 2
    with pymupdf.open("pdf", data) as doc:
        hit = find_anchor(doc, "#")
        assert hit is not None
        marker = doc[2].search_for("#")[0]
    x0, y0, x1, y1 = placement.rect
    # A4 unrotated, no crop box: user y = 842 - PyMuPDF y
    assert x0 <= marker.x0 and x1 >= marker.x1
    assert y0 <= 842 - marker.y1 and y1 >= 842 - marker.y0


def test_anchor_marker_must_stand_alone(training: TrainingSetup) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((100, 100), "No. #12 dan ${ttd}x", fontsize=12)
    with pytest.raises(AppearanceError) as err:
        sign(bytes(doc.tobytes()), training, PlacementRequest(anchor="#"))
    assert err.value.code == "anchor_not_found"


@pytest.mark.parametrize(("request_", "code"), [
    (PlacementRequest(page=3), "page_out_of_range"),
    (PlacementRequest(page=-3), "page_out_of_range"),
    (PlacementRequest(page=0), "page_out_of_range"),
    (PlacementRequest(rect=(10, 10, 5, 50)), "rect_invalid"),
    (PlacementRequest(rect=(400, 10, 700, 90)), "rect_outside_page"),
    (PlacementRequest(position="middle"), "unknown_position"),
])
def test_placement_errors(request_: PlacementRequest, code: str) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(make_pdf()))
    with pytest.raises(AppearanceError) as err:
        resolve_placement(writer, request_)
    assert err.value.code == code


def test_footer_inside_the_signed_revision(training: TrainingSetup, tmp_path: Path) -> None:
    data = letters.nota_dinas()
    spec = FooterSpec(pages="all")
    reserve = footer_height(spec, 595, 842)
    signed, placement = sign(data, training, PlacementRequest(bottom_reserve=reserve), spec)
    assert placement.display_rect[1] >= 36 + reserve - 0.01
    with pymupdf.open("pdf", signed) as doc:
        text = " ".join(doc[0].get_text().split())
    assert "Catatan:" in text
    assert "UU Nomor 11 Tahun 2008 Pasal 5 ayat 1" in text
    assert "memindai kode QR atau di https://tte.komdigi.go.id/verifyPDF." in text
    out = tmp_path / "signed.pdf"
    out.write_bytes(signed)
    pdfsig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in pdfsig.stdout
    assert "Total document signed" in pdfsig.stdout
    # the footer is part of the signed revision: the signature covers the whole file
    reader = PdfFileReader(io.BytesIO(signed))
    assert reader.xrefs.total_revisions == 2
    # and a signed document refuses a footer
    with pytest.raises(AppearanceError) as err:
        add_footer(IncrementalPdfFileWriter(io.BytesIO(signed)), spec)
    assert err.value.code == "footer_on_signed_document"


def test_footer_on_a_rotated_page_reads_along_the_displayed_bottom(
        training: TrainingSetup) -> None:
    data = make_pdf(90, cropbox=(50, 100, 550, 700))
    signed, _ = sign(data, training, PlacementRequest(position="top-left"),
                     FooterSpec(pages="last"))
    with pymupdf.open("pdf", signed) as doc:
        page = doc[1]
        rect = page.search_for("Catatan:")[0] * page.rotation_matrix
        assert rect.y1 > page.rect.height - 60  # near the displayed bottom
        assert rect.x0 == pytest.approx(36, abs=2)
        # the text runs along the displayed bottom edge, i.e. upright for the reader
        blocks = page.get_text("dict")["blocks"]
        line = next(ln for b in blocks for ln in b.get("lines", [])
                    if "Catatan" in "".join(s["text"] for s in ln["spans"]))
        rot = page.rotation_matrix
        direction = pymupdf.Point(line["dir"]) * rot - pymupdf.Point(0, 0) * rot
        assert tuple(direction) == pytest.approx((1.0, 0.0), abs=1e-3)
        assert not doc[0].search_for("Catatan:")  # last page only
