"""The JSON report follows docs/verification-report.schema.json, in both languages,
and the four agency questions can be answered from it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from desktop_signer.cli import verify_cmd
from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.messages import MESSAGES
from desktop_signer.trust import load_trust
from desktop_signer.verification import VerifyOptions, verify_in_process
from desktop_signer.verification.document import could_not_validate
from desktop_signer.verification.findings import CODES
from desktop_signer.verification.report_json import report_json
from tests.conftest import REPORT_SCHEMA

SCHEMA = REPORT_SCHEMA

FILES = [
    "real/itext/SVIT_validDoc.pdf",
    "attacks/isa/isa-3.pdf",
    "attacks/shadow-replace/pdfinsecurity-replace-shadow-file-signed-manipulated.pdf",
    "attacks/certification-eaa-ssa/rub-signed_fieldmdp.pdf",
    "attacks/byterange-anomalies/dss-pdf-signed-corrupted.pdf",
    "real/dss/pkcs7_sha1.pdf",
    "real/dss/PAdES-LT.pdf",
    "bsre/pdfs/file_4d811be0271200d8c8135753c1604d1f.pdf",
]


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


def _validator(schema: dict[str, object]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("rel", FILES)
def test_report_matches_the_schema(
    corpus: Path, schema: dict[str, object], rel: str, language: str
) -> None:
    t = Catalogue(MESSAGES, language)  # type: ignore[arg-type]
    trust = load_trust(cli_anchors=[corpus / "real/certs/itext/root_cert.pem"], use_installed=False)
    report = verify_in_process(corpus / rel, VerifyOptions(trust=trust, offline=True))
    doc = report_json(report, verify_cmd.describer(t), verify_cmd.summariser(t), language)
    _validator(schema).validate(doc)
    assert all(f["message"] for s in doc["signatures"] for f in s["findings"])
    assert doc["summary"]


def test_unreadable_and_timeout_reports_match_the_schema(
    schema: dict[str, object], tmp_path: Path
) -> None:
    t = Catalogue(MESSAGES, "id")
    missing = verify_in_process(tmp_path / "tidak-ada.pdf", VerifyOptions())
    assert missing.verdict == "unreadable"
    garbage = tmp_path / "bukan.pdf"
    garbage.write_bytes(b"this is not a pdf")
    not_pdf = verify_in_process(garbage, VerifyOptions())
    assert (not_pdf.verdict, not_pdf.problem) == ("unreadable", "not_a_pdf")
    timed_out = could_not_validate(
        "x.pdf", b"%PDF", "timeout", "no result within 60 s", VerifyOptions()
    )
    for report in (missing, not_pdf, timed_out):
        doc = report_json(report, verify_cmd.describer(t), verify_cmd.summariser(t), "id")
        _validator(schema).validate(doc)


def test_every_finding_code_is_in_the_schema_and_has_messages(schema: dict[str, object]) -> None:
    text = json.dumps(schema)
    for code in CODES:
        assert f'"{code}"' in text
        ind, eng = MESSAGES[f"finding_{code}"]
        assert ind and eng and ind != eng


def test_every_verify_message_exists_in_both_languages() -> None:
    from desktop_signer.cli.messages_verify import MESSAGES as VERIFY

    for key, (ind, eng) in VERIFY.items():
        assert ind.strip() and eng.strip(), key


def test_the_four_agency_questions_are_answered(corpus: Path) -> None:
    """Who signed; unchanged since signing; trusted timestamp; LTV."""
    trust = load_trust(
        cli_anchors=[corpus / "real/certs/pyhanko/testing-ca_root_root.cert.pem"],
        use_installed=False,
    )
    options = VerifyOptions(offline=True, trust=trust, at=datetime(2020, 11, 1, tzinfo=UTC))
    report = verify_in_process(
        corpus / "real/pyhanko/pades-lta-dss-indirect-arrs-test.pdf", options
    )
    t = Catalogue(MESSAGES, "en")
    doc = report_json(report, verify_cmd.describer(t), verify_cmd.summariser(t), "en")
    sig = doc["signatures"][0]
    assert sig["signer"]["name"]  # 1. who signed
    assert sig["integrity"] == "ok"  # 2. unchanged since signing
    assert sig["modification"] in ("none", "signatures_and_timestamps")
    assert sig["signing_time"]["timestamp"] and sig["signing_time"]["timestamp_valid"]  # 3.
    assert sig["ltv"] is True  # 4. long-term validation data embedded
    assert doc["verdict"] == "valid"
