"""Conformance over the shared corpus (``expected.json`` in it).

Every PDF is verified with the trust roots and the validation time its entry lists, offline
(the README says no entry needs online revocation) and with the default settings (strict
revocation: an unknown status is indeterminate, which expected.json accepts where it
applies). The corpus comes from ``DESKTOP_SIGNER_CORPUS`` or ``../shared/corpus``; without
either these tests are skipped (tests/conftest.py says how to get it). Hard bars:
no attack file is ever ``valid``; at least 95 % agreement; the disagreements are exactly the
ones explained in ``DISAGREEMENTS.md`` (a new one, or one that disappeared, fails the test
until the file is updated).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_signer.trust import load_trust
from desktop_signer.verification import VerifyOptions, verify_in_process

DISAGREEMENTS = Path(__file__).with_name("DISAGREEMENTS.md")
ROW = re.compile(r"^\| `([^`]+\.pdf)` \| (\w+) \| (\w+) \|")


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _verdict(corpus: Path, rel: str, entry: dict[str, Any]) -> str:
    trust = load_trust(cli_anchors=[corpus / r for r in entry["trust_roots"]], use_installed=False)
    options = VerifyOptions(trust=trust, offline=True, at=_moment(entry["validation_time"]))
    report = verify_in_process(corpus / rel, options)
    return "no_signature" if report.verdict == "unsigned" else report.verdict


@pytest.fixture(scope="module")
def results(corpus: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    spec = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    return {rel: (_verdict(corpus, rel, entry), entry) for rel, entry in spec.items()}


def _agrees(verdict: str, entry: dict[str, Any]) -> bool:
    return verdict == entry["expected"] or verdict in entry.get("also_acceptable", [])


def test_no_attack_file_is_valid(results: dict[str, tuple[str, dict[str, Any]]]) -> None:
    bad = {
        rel: verdict for rel, (verdict, entry) in results.items() if verdict in entry["must_not_be"]
    }
    assert bad == {}


def test_agreement_at_least_95_percent(results: dict[str, tuple[str, dict[str, Any]]]) -> None:
    agreeing = sum(1 for verdict, entry in results.values() if _agrees(verdict, entry))
    assert agreeing / len(results) >= 0.95, f"{agreeing}/{len(results)}"


def test_disagreements_are_exactly_the_documented_ones(
    results: dict[str, tuple[str, dict[str, Any]]],
) -> None:
    documented = {
        m.group(1): (m.group(2), m.group(3))
        for m in map(ROW.match, DISAGREEMENTS.read_text(encoding="utf-8").splitlines())
        if m
    }
    actual = {
        rel: (entry["expected"], verdict)
        for rel, (verdict, entry) in results.items()
        if not _agrees(verdict, entry)
    }
    assert actual == documented


def test_signature_counts_match(
    corpus: Path, results: dict[str, tuple[str, dict[str, Any]]]
) -> None:
    """A signature shared by two fields counts once; unsupported ones are listed, not skipped."""
    from desktop_signer.verification.document import validate_bytes

    for rel in (
        "real/dss/signature-referenced-from-multiple-fields.pdf",
        "real/dss/pkcs7_sha1.pdf",
        "real/dss/wrong-digest-algo.pdf",
        "real/dss/Signature-P-SK-6.pdf",
    ):
        entry = results[rel][1]
        report = validate_bytes(rel, (corpus / rel).read_bytes(), VerifyOptions(offline=True))
        assert len(report.signatures) == entry["signatures"], rel
