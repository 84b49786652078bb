"""The preview service's document: geometry, pixels, search, and a clear code for each
kind of bad file (real files made with PyMuPDF, nothing mocked)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pymupdf
import pytest

from desktop_signer.render import document
from desktop_signer.render.document import MAX_PIXELS, PdfDocument, read_pdf_bytes
from desktop_signer.render.errors import DocumentError, Problem


def make_pdf(path: Path, pages: int = 3, *, rotate: int = 0, password: str | None = None,
             size: tuple[float, float] = (595, 842)) -> Path:
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=size[0], height=size[1])
        page.insert_text((72, 100), f"Halaman {number + 1} penanda-{number + 1}", fontsize=14)
        if rotate:
            page.set_rotation(rotate)
    options = {}
    if password:
        options = {"encryption": pymupdf.PDF_ENCRYPT_AES_256, "user_pw": password,
                   "owner_pw": password + "-pemilik"}
    doc.save(path, **options)
    doc.close()
    return path


def ink_box(image_samples: bytes, width: int, height: int, stride: int) -> tuple[int, ...]:
    xs, ys = [], []
    for y in range(height):
        row = image_samples[y * stride:y * stride + width * 3]
        for x in range(width):
            if row[x * 3] < 128:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else ()


def test_opens_and_describes_a_document(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "surat.pdf", pages=4, size=(500, 700))
    with PdfDocument.open(path) as doc:
        info = doc.info
        assert info.page_count == 4
        assert {(s.width, s.height) for s in info.page_sizes} == {(500.0, 700.0)}
        assert not info.encrypted and not info.repaired
        assert info.size_bytes == path.stat().st_size
        import hashlib

        assert info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_renders_pixels_at_the_asked_scale(tmp_path: Path) -> None:
    with PdfDocument.open(make_pdf(tmp_path / "a.pdf")) as doc:
        image = doc.render(0, 2.0)
        assert (image.width, image.height) == (1190, 1684)
        assert image.stride >= image.width * 3
        assert len(image.samples) >= image.stride * image.height
        box = ink_box(image.samples, image.width, image.height, image.stride)
        # The text starts at x=72 pt, baseline y=100 pt: ink sits around there at scale 2.
        assert box and 140 <= box[0] <= 150 and 150 <= box[1] <= 200
        assert doc.render_png(0, 0.5).startswith(b"\x89PNG")


def test_a_huge_scale_is_capped_not_exhausting_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A smaller ceiling than the real one keeps the test fast; the rule is the same.
    monkeypatch.setattr(document, "MAX_PIXELS", 2_000_000)
    with PdfDocument.open(make_pdf(tmp_path / "a.pdf", pages=1)) as doc:
        image = doc.render(0, 40.0)
        assert image.width * image.height <= 2_000_000
        assert image.width * image.height > 1_900_000
        assert image.scale < 40.0
    assert MAX_PIXELS > 2_000_000


def test_rotated_pages_report_displayed_geometry_and_hit_boxes(tmp_path: Path) -> None:
    with PdfDocument.open(make_pdf(tmp_path / "r.pdf", pages=2, rotate=90)) as doc:
        assert (doc.info.page_sizes[0].width, doc.info.page_sizes[0].height) == (842.0, 595.0)
        hits = doc.search("penanda-2")
        assert [h.page for h in hits] == [1]
        rect = hits[0].rects[0]
        image = doc.render(1, 1.0)
        box = ink_box(image.samples, image.width, image.height, image.stride)
        # Rotated 90°: the text runs downwards near the right edge; the hit box is there too.
        assert rect.x0 > 600 and box[0] > 600
        assert rect.x0 - 5 <= box[0] and box[2] <= rect.x1 + 5


def test_search_is_case_insensitive_by_page_range(tmp_path: Path) -> None:
    with PdfDocument.open(make_pdf(tmp_path / "s.pdf", pages=12)) as doc:
        assert [h.page for h in doc.search("HALAMAN 1")] == [0, 9, 10, 11]
        assert [h.page for h in doc.search("halaman 1", 5, 10)] == [9]
        assert doc.search("   ") == []
        assert doc.search("tidak ada di dokumen") == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", Problem.EMPTY_FILE),
        (b"Ini surat biasa, bukan PDF.\n" * 20, Problem.NOT_A_PDF),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 200, Problem.NOT_A_PDF),
        (b"%PDF-1.7\n%%EOF\n", Problem.DAMAGED),
    ],
)
def test_bad_files_get_their_own_code(tmp_path: Path, content: bytes,
                                      problem: Problem) -> None:
    path = tmp_path / "berkas.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        PdfDocument.open(path)
    assert caught.value.code == problem
    assert caught.value.params["path"] == str(path)


def test_a_truncated_pdf_is_refused_not_shown_with_blank_pages(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "utuh.pdf", pages=30).read_bytes()
    cut = tmp_path / "terpotong.pdf"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DocumentError) as caught:
        PdfDocument.open(cut)
    assert caught.value.code == Problem.TRUNCATED


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        read_pdf_bytes(tmp_path / "tidak-ada.pdf")
    assert caught.value.code == Problem.FILE_MISSING
    folder = tmp_path / "folder.pdf"
    folder.mkdir()  # a folder where a file was expected: unreadable even for root
    with pytest.raises(DocumentError) as caught:
        read_pdf_bytes(folder)
    assert caught.value.code == Problem.UNREADABLE


def test_password_protected_documents(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "rahasia.pdf", password="kunci123")
    with pytest.raises(DocumentError) as caught:
        PdfDocument.open(path)
    assert caught.value.code == Problem.PASSWORD_REQUIRED
    with pytest.raises(DocumentError) as caught:
        PdfDocument.open(path, "salah")
    assert caught.value.code == Problem.WRONG_PASSWORD
    with PdfDocument.open(path, "kunci123") as doc:
        assert doc.info.encrypted and doc.info.page_count == 3
        assert doc.render(0, 0.5).width > 0


def test_the_preview_keeps_what_was_read_when_the_file_goes(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "hilang.pdf", pages=5)
    copy = tmp_path / "salinan.pdf"
    shutil.copy(path, copy)
    with PdfDocument.open(path) as doc:
        path.unlink()
        path.mkdir()  # replaced by a folder while open
        assert doc.render(4, 0.5).width > 0  # the bytes read at opening are still shown


def test_a_page_outside_the_document(tmp_path: Path) -> None:
    with PdfDocument.open(make_pdf(tmp_path / "a.pdf", pages=2)) as doc:
        with pytest.raises(DocumentError) as caught:
            doc.render(2, 1.0)
        assert caught.value.code == Problem.PAGE_OUT_OF_RANGE


def test_a_document_refuses_a_second_thread(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    with PdfDocument.open(make_pdf(tmp_path / "a.pdf")) as doc:
        def other() -> None:
            try:
                doc.render(0, 1.0)
            except BaseException as exc:  # collected for the assertion below
                errors.append(exc)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert len(errors) == 1 and isinstance(errors[0], DocumentError)
    assert errors[0].code == Problem.WRONG_THREAD
