"""Property tests for the visual comparison: whatever bytes and offsets it gets, it returns a
comparison or raises :class:`VisualError`, nothing else (it runs on hostile files)."""

from __future__ import annotations

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_signer.verification.visual import (
    RevisionComparer,
    VisualComparison,
    VisualError,
    compare_revision,
)

pymupdf.TOOLS.mupdf_display_errors(False)

FUZZ = settings(
    max_examples=100, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[int]]:
    """A two-page letter with three incremental updates (text, annotation, new page)."""
    path = tmp_path_factory.mktemp("visual-fuzz") / "surat.pdf"
    doc = pymupdf.open()
    for n in range(2):
        doc.new_page().insert_text((72, 100), f"Halaman {n + 1}: Nomor 800/123/2025")
    doc.save(path)
    ends = [path.stat().st_size]
    for step in range(3):
        doc = pymupdf.open(path)
        if step == 0:
            doc[0].insert_text((72, 300), "diubah")
        elif step == 1:
            doc[1].add_text_annot((200, 200), "komentar")
        else:
            doc.new_page()
        doc.save(path, incremental=True, encryption=pymupdf.PDF_ENCRYPT_KEEP)
        doc.close()
        ends.append(path.stat().st_size)
    return path.read_bytes(), ends


OUTCOMES: dict[str, int] = {}


def _check(data: bytes, end: int) -> None:
    try:
        result = compare_revision(data, end)
    except VisualError as exc:
        OUTCOMES[exc.code] = OUTCOMES.get(exc.code, 0) + 1
        return
    OUTCOMES["compared"] = OUTCOMES.get("compared", 0) + 1
    assert isinstance(result, VisualComparison)
    for change in result.changes:
        x0, y0, x1, y1 = change.rect
        assert x0 <= x1 and y0 <= y1
        assert change.page >= 1


def test_the_base_document_reports_each_update(base: tuple[bytes, list[int]]) -> None:
    data, ends = base
    with RevisionComparer(data) as comparer:
        kinds = [sorted(c.kind.value for c in comparer.compare(end).changes) for end in ends]
    assert kinds[-1] == []
    assert "page_added" in kinds[2]
    assert "added_annotation" in kinds[1] and "page_added" in kinds[1]
    assert "content" in kinds[0]


@FUZZ
@given(st.data())
def test_flipped_bytes_and_any_end_offset(
    base: tuple[bytes, list[int]], data: st.DataObject
) -> None:
    pdf, ends = base
    flips = data.draw(st.lists(st.integers(0, len(pdf) - 1), min_size=1, max_size=4), label="at")
    mutated = bytearray(pdf)
    for at in flips:
        mutated[at] ^= data.draw(st.integers(1, 255))
    end = data.draw(st.one_of(st.sampled_from(ends), st.integers(-2, len(pdf) + 2)), label="end")
    _check(bytes(mutated), end)


@FUZZ
@given(st.data())
def test_truncated_or_extended_files(base: tuple[bytes, list[int]], data: st.DataObject) -> None:
    pdf, ends = base
    cut = data.draw(st.integers(1, len(pdf)), label="cut")
    junk = data.draw(st.binary(max_size=64), label="junk")
    mutated = pdf[:cut] + junk
    end = data.draw(st.one_of(st.sampled_from(ends), st.integers(1, len(mutated))), label="end")
    _check(mutated, end)


def test_the_fuzzing_mostly_reached_the_comparison() -> None:
    """Guard against a fuzz run that only ever hit the error path (runs after the above)."""
    if not OUTCOMES:
        pytest.skip("run together with the property tests")
    assert OUTCOMES.get("compared", 0) > sum(OUTCOMES.values()) // 3, OUTCOMES
