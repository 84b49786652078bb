"""The verifier reads a mapped file (our check of a large signed output) exactly as it reads
bytes: the same report for every corpus file, through the buffered stream over the mapping
that large files use."""

from __future__ import annotations

import dataclasses
import json
import mmap
from pathlib import Path

import pytest

from desktop_signer.verification import VerifyOptions, pdfdata
from desktop_signer.verification.document import validate_bytes


def _comparable(report: object) -> object:
    """The report without its clock times and without free-text details: pyHanko's
    messages may show object addresses and set orders that differ between any two runs."""
    data = dataclasses.asdict(report)  # type: ignore[call-overload]
    data.pop("validated_at")
    if data.get("validation_time") is not None:
        data.pop("validation_time")
    for sig in data["signatures"]:
        for f in sig["findings"]:
            f["params"] = tuple(p for p in f["params"] if p[0] != "detail")
    return data


def test_mapped_and_in_memory_reports_agree(corpus: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    expected = json.loads((corpus / "expected.json").read_text())
    names = sorted(expected)[::4]  # a quarter of the corpus, attacks and real files
    assert len(names) >= 10
    # every file through the stream large files use, and the hash on a second thread
    monkeypatch.setattr(pdfdata, "COPY_BELOW", 0)
    monkeypatch.setattr(pdfdata, "HASH_ASIDE_FROM", 0)
    options = VerifyOptions(offline=True, visual=False)
    for name in names:
        path = corpus / name
        in_memory = validate_bytes(name, path.read_bytes(), options)
        with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
            mapped = validate_bytes(name, view, options)
        assert _comparable(mapped) == _comparable(in_memory), name
        assert mapped.sha256 == in_memory.sha256
