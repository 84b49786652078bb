""""What was signed": the visual comparison of a signed revision with the current document.

Oracles are independent of the renderer diff: words whose text differs between the two
versions (MuPDF's text extraction, widget text included) must lie inside a reported region, and
synthetic documents put their changes at coordinates the test chooses.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from desktop_signer.verification import visual
from desktop_signer.verification.visual import (
    ChangeKind,
    RevisionComparer,
    VisualComparison,
    VisualError,
    compare_revision,
    signed_revision_bytes,
)

pymupdf.TOOLS.mupdf_display_errors(False)  # the attack files make MuPDF complain on stderr

_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


def signature_ends(data: bytes) -> list[int]:
    """End offsets of every /ByteRange in the file (the shadow files have one signature)."""
    return sorted({int(m.group(3)) + int(m.group(4)) for m in _BYTE_RANGE.finditer(data)})


def displayed(page: pymupdf.Page, rect: pymupdf.Rect) -> tuple[float, float, float, float]:
    """A MuPDF page-space rectangle in our convention: points from the displayed lower-left."""
    r = rect * page.rotation_matrix
    h = page.rect.height
    return (r.x0, h - r.y1, r.x1, h - r.y0)


def covered(box: tuple[float, float, float, float], result: VisualComparison, page: int) -> bool:
    """The centre of ``box`` lies inside a reported region of a signed-content kind."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(
        c.page == page and c.kind in visual.SIGNED_CONTENT_KINDS
        and c.rect[0] - 1 <= cx <= c.rect[2] + 1 and c.rect[1] - 1 <= cy <= c.rect[3] + 1
        for c in result.changes
    )


def changed_words(data: bytes, end: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Words of page 1 that exist in only one of the two versions, located in that version."""
    out = []
    signed = pymupdf.open(stream=data[:end], filetype="pdf")
    current = pymupdf.open(stream=data, filetype="pdf")
    words_s = signed[0].get_text("words")
    words_c = current[0].get_text("words")
    texts_s, texts_c = [w[4] for w in words_s], [w[4] for w in words_c]
    for page, words, other in ((signed[0], words_s, texts_c), (current[0], words_c, texts_s)):
        for w in words:
            if w[4] not in other:
                out.append((w[4], displayed(page, pymupdf.Rect(w[:4]))))
    return out


# --------------------------------------------------------------------------- the corpus

# manipulated file -> kinds of change the signed revision must show (decided by looking at
# what each attack changes; see the report in the pull request and MANIFEST.md)
SHADOW_ATTACKS: dict[str, set[ChangeKind]] = {
    # hide-and-replace: the xref points object numbers at other definitions already in the
    # signed bytes: the page text changes
    "shadow-hide-and-replace/pdfinsecurity-hide-and-replace-shadow-file-signed-1.pdf":
        {ChangeKind.CONTENT},
    "shadow-hide-and-replace/pdfinsecurity-hide-and-replace-shadow-file-signed-2.pdf":
        {ChangeKind.CONTENT},
    "shadow-hide-and-replace/pdfinsecurity-hide-and-replace-shadow-file-signed-3.pdf":
        {ChangeKind.CONTENT},
    # page content re-pointed and the widgets (incl. the signature's own stamp) dropped
    "shadow-hide-and-replace/rub-hnr-v1-change-refs_4_manipulated.pdf":
        {ChangeKind.CONTENT, ChangeKind.ANNOTATION},
    # a hidden field takes the place of the visible one
    "shadow-hide-and-replace/rub-hnr-v2-change-usage_4_manipulated.pdf":
        {ChangeKind.ANNOTATION, ChangeKind.ADDED_ANNOTATION},
    # hide: an overlay (image / field) that covered the real text disappears
    "shadow-hide/pdfinsecurity-hide-shadow-file-signed.pdf": {ChangeKind.CONTENT},
    "shadow-hide/rub-hide-v1-ref-object_4_manipulated_v2.pdf": {ChangeKind.CONTENT},
    "shadow-hide/rub-early-form_v2-signed-manipulated.pdf": {ChangeKind.ANNOTATION},
    "shadow-hide/rub-hide-v2-text-via-form_4_manipulated.pdf": {ChangeKind.ANNOTATION},
    # replace: form fields drawn over static text show other values; an overwritten font
    "shadow-replace/pdfinsecurity-replace-shadow-file-signed-manipulated.pdf":
        {ChangeKind.ANNOTATION},
    "shadow-replace/rub-replace-v1-overlay-forms_4_manipulated.pdf": {ChangeKind.ANNOTATION},
    "shadow-replace/rub-replace-v2-font-overwrite_4_manipulated.pdf": {ChangeKind.CONTENT},
}

# Text that is only visible after the attack although its codes did not change (the hide
# attacks remove an overlay; the font attack changes glyphs, not codes): where the change is.
REVEALED_TEXT = {
    "shadow-hide/pdfinsecurity-hide-shadow-file-signed.pdf": "fired",
    "shadow-hide/rub-hide-v1-ref-object_4_manipulated_v2.pdf": "fired",
    "shadow-replace/rub-replace-v2-font-overwrite_4_manipulated.pdf": "3174",
}

CONTROLS = [
    "shadow-hide-and-replace/rub-hnr-v1-change-refs_3_signed-control.pdf",
    "shadow-hide-and-replace/rub-hnr-v2-change-usage_3_signed-control.pdf",
    "shadow-hide/rub-early-form_v2-signed-control.pdf",
    "shadow-hide/rub-hide-v1-ref-object_3_signed-control.pdf",
    "shadow-hide/rub-hide-v2-form-via-form_3_signed-control.pdf",
    "shadow-hide/rub-hide-v2-text-via-form_3_signed-control.pdf",
    "shadow-replace/rub-replace-v1-overlay-forms_3_signed-control.pdf",
    "shadow-replace/rub-replace-v2-font-overwrite_3_signed-control.pdf",
]


@pytest.mark.parametrize("rel", sorted(SHADOW_ATTACKS))
def test_shadow_attack_shows_a_visual_change_where_the_text_changed(
    corpus: Path, rel: str
) -> None:
    data = (corpus / "attacks" / rel).read_bytes()
    [end] = signature_ends(data)
    result = compare_revision(data, end)

    assert result.signed_content_changed
    assert result.complete
    assert {c.kind for c in result.changes} == SHADOW_ATTACKS[rel]
    words = changed_words(data, end)
    for word, box in words:
        assert covered(box, result, 1), (word, box, result.changes)
    if rel in REVEALED_TEXT:
        page = pymupdf.open(stream=data, filetype="pdf")[0]
        hits = page.search_for(REVEALED_TEXT[rel])
        assert hits
        assert all(covered(displayed(page, hit), result, 1) for hit in hits)
    else:
        assert words  # the oracle had something to check


@pytest.mark.parametrize("rel", CONTROLS)
def test_unmanipulated_control_shows_no_change(corpus: Path, rel: str) -> None:
    data = (corpus / "attacks" / rel).read_bytes()
    [end] = signature_ends(data)
    assert end == len(data)
    result = compare_revision(data, end)
    assert result.changes == ()
    assert result.complete
    assert result.rendered_pages + result.skipped_pages == result.current_pages


def test_manipulations_that_mupdf_does_not_display_show_no_visual_change(corpus: Path) -> None:
    """Two attack files change nothing MuPDF displays; the structural checks catch them.

    * hide-v1 ``_manipulated_v1``: the update's xref points object 8 (the overlay image) at an
      offset where ``6 0 obj`` starts; MuPDF refuses the mismatched object number and keeps
      the signed definition, so the overlay stays (viewers that trust the offset lose it).
    * hide-v2 form-via-form: the update re-states four widget objects byte for byte with broken
      xref offsets; MuPDF rebuilds the xref (``current_repaired``) and draws what was signed.
    """
    v1 = (corpus / "attacks/shadow-hide/rub-hide-v1-ref-object_4_manipulated_v1.pdf").read_bytes()
    result = compare_revision(v1, signature_ends(v1)[0])
    assert not result.changes and result.complete

    form = (corpus / "attacks/shadow-hide/rub-hide-v2-form-via-form_4_manipulated.pdf")
    data = form.read_bytes()
    result = compare_revision(data, signature_ends(data)[0])
    assert not result.changes and result.complete
    assert result.current_repaired and not result.signed_repaired


@pytest.mark.parametrize(
    "rel",
    [
        *sorted("attacks/" + r for r in SHADOW_ATTACKS),
        *("attacks/" + r for r in CONTROLS),
        "real/dss/PAdES-LT.pdf",
        "real/dss/pades-signed-filled-form.pdf",
        "real/dss/pades-5-signatures-and-1-document-timestamp.pdf",
        "real/pyhanko/minimal-two-fields-signed-twice.pdf",
        "attacks/disallowed-incremental-updates/dss-pdf-removed-pages.pdf",
        "attacks/certification-eaa-ssa/rub-cert-ex2_04_NDA_cert_p2_sign_sign_manipulate.pdf",
    ],
)
def test_skipping_identical_pages_never_changes_the_result(corpus: Path, rel: str) -> None:
    data = (corpus / rel).read_bytes()
    with RevisionComparer(data) as fast, RevisionComparer(data, skip_identical_pages=False) as slow:
        for end in signature_ends(data):
            a, b = fast.compare(end), slow.compare(end)
            assert a.changes == b.changes, end
            assert b.skipped_pages == 0


def test_multi_signature_files_skip_pages_that_did_not_change(corpus: Path) -> None:
    data = (corpus / "real/dss/pades-5-signatures-and-1-document-timestamp.pdf").read_bytes()
    with RevisionComparer(data) as comparer:
        results = [comparer.compare(end) for end in signature_ends(data)]
    assert all(not r.signed_content_changed for r in results)
    assert results[-1].skipped_pages == results[-1].current_pages  # the last revision


# --------------------------------------------------------------------------- synthetic files


def _letter(path: Path, pages: int = 2, rotate: int = 0) -> bytes:
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page()
        page.insert_text((72, 100), f"Surat dinas halaman {i + 1}", fontsize=14)
        page.insert_text((72, 300), "Nomor: 800/123/2025", fontsize=11)
        if rotate:
            page.set_rotation(rotate)
    doc.save(path)
    return path.read_bytes()


def _update(path: Path, change: object) -> bytes:
    """Apply ``change(doc)`` as an incremental update (the signed bytes stay as they are)."""
    doc = pymupdf.open(path)
    change(doc)  # type: ignore[operator]
    doc.save(path, incremental=True, encryption=pymupdf.PDF_ENCRYPT_KEEP)
    doc.close()
    return path.read_bytes()


def test_changed_text_is_reported_where_it_is_on_a_rotated_page(tmp_path: Path) -> None:
    path = tmp_path / "surat.pdf"
    end = len(_letter(path, rotate=90))

    def overwrite(doc: pymupdf.Document) -> None:
        page = doc[1]
        page.add_redact_annot(page.search_for("123")[0], fill=(1, 1, 1))
        page.apply_redactions()
        page.insert_text((150, 300), "999", fontsize=11)

    data = _update(path, overwrite)
    result = compare_revision(data, end)

    assert {(c.page, c.kind) for c in result.changes} == {(2, ChangeKind.CONTENT)}
    current = pymupdf.open(stream=data, filetype="pdf")[1]
    signed = pymupdf.open(stream=data[:end], filetype="pdf")[1]
    assert current.rotation == 90
    assert current.rect.width > current.rect.height  # displayed as landscape
    # the new number and the removed one sit inside reported regions of the displayed page
    assert covered(displayed(current, current.search_for("999")[0]), result, 2)
    assert covered(displayed(signed, signed.search_for("123")[0]), result, 2)
    # and the regions are tight: around the digits, not the page
    assert all((c.rect[2] - c.rect[0]) * (c.rect[3] - c.rect[1]) < 40 * 40 for c in result.changes)


def test_added_and_removed_pages_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "surat.pdf"
    end = len(_letter(path, pages=2))
    data = _update(path, lambda doc: doc.new_page(width=300, height=400))
    result = compare_revision(data, end)
    assert [(c.page, c.kind, c.rect) for c in result.changes] == [
        (3, ChangeKind.PAGE_ADDED, (0.0, 0.0, 300.0, 400.0))
    ]
    assert result.skipped_pages == 2  # the two signed pages are provably unchanged

    path2 = tmp_path / "surat2.pdf"
    end = len(_letter(path2, pages=3))
    data = _update(path2, lambda doc: doc.delete_page(2))
    result = compare_revision(data, end)
    assert [(c.page, c.kind) for c in result.changes] == [(3, ChangeKind.PAGE_REMOVED)]
    assert (result.signed_pages, result.current_pages) == (3, 2)


def test_an_annotation_added_after_signing_is_reported_as_such(tmp_path: Path) -> None:
    path = tmp_path / "surat.pdf"
    end = len(_letter(path, pages=1))
    box = pymupdf.Rect(300, 200, 500, 260)  # MuPDF page space (top-left origin)

    def annotate(doc: pymupdf.Document) -> None:
        annot = doc[0].add_freetext_annot(box, "DISETUJUI", fontsize=20, fill_color=(1, 1, 0))
        annot.update()

    data = _update(path, annotate)
    result = compare_revision(data, end)
    assert {c.kind for c in result.changes} == {ChangeKind.ADDED_ANNOTATION}
    assert result.signed_content_changed
    page = pymupdf.open(stream=data, filetype="pdf")[0]
    assert covered(displayed(page, box), result, 1)


def test_unchanged_update_reports_nothing_and_renders_nothing(tmp_path: Path) -> None:
    path = tmp_path / "surat.pdf"
    end = len(_letter(path, pages=2))
    data = _update(path, lambda doc: doc.set_metadata({"title": "Surat"}))
    assert len(data) > end
    result = compare_revision(data, end)
    assert result.changes == ()
    assert (result.rendered_pages, result.skipped_pages) == (0, 2)


def test_the_current_document_is_rendered_once_for_all_signatures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "surat.pdf"
    ends = [len(_letter(path, pages=1))]
    for text in ("satu", "dua", "tiga"):
        data = _update(path, lambda doc, t=text: doc[0].insert_text((72, 500), t))  # type: ignore[misc]
        ends.append(len(data))
    calls: list[bool] = []
    real = visual._render

    def counting(page: object, zoom: float, annots: bool) -> visual._Render:
        calls.append(annots)
        return real(page, zoom, annots)

    monkeypatch.setattr(visual, "_render", counting)
    with RevisionComparer(data) as comparer:
        results = [comparer.compare(end) for end in ends[:-1]]
    assert all(r.changes and r.changes[0].kind is ChangeKind.CONTENT for r in results)
    # 3 signed revisions + the current document once, content layer only (no annotations)
    assert calls == [False] * 4


def test_signed_revision_bytes_is_the_prefix_and_checks_its_bounds() -> None:
    data = b"%PDF-1.7\n" + b"x" * 100
    assert signed_revision_bytes(data, 50) == data[:50]
    assert signed_revision_bytes(data, len(data)) == data
    for bad in (0, -1, len(data) + 1):
        with pytest.raises(VisualError) as err:
            signed_revision_bytes(data, bad)
        assert err.value.code == "revision_out_of_range"


def test_unreadable_input_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(VisualError) as err:
        compare_revision(b"not a pdf at all", 5)
    assert err.value.code in ("unreadable_document", "unreadable_revision")
    path = tmp_path / "surat.pdf"
    data = _letter(path, pages=1)
    # a "revision" that ends inside the header: MuPDF opens nothing useful or refuses
    try:
        result = compare_revision(data, 20)
    except VisualError as exc:
        assert exc.code == "unreadable_revision"
    else:
        assert result.signed_content_changed


def test_the_render_cache_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "surat.pdf"
    end = len(_letter(path, pages=5))

    def everywhere(doc: pymupdf.Document) -> None:
        for page in doc:
            page.insert_text((72, 500), "tambahan")

    data = _update(path, everywhere)
    unbounded = compare_revision(data, end)
    monkeypatch.setattr(visual, "RENDER_CACHE_SIZE", 2)
    with RevisionComparer(data) as comparer:
        bounded = comparer.compare(end)
        assert len(comparer._renders) <= 2
    assert bounded.changes == unbounded.changes
    assert {c.page for c in bounded.changes} == {1, 2, 3, 4, 5}
