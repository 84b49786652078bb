"""Words of verification results (desktop_signer.reports): the four answers, severity that
never draws an untrusted chain worse than a change, unknown finding codes, and the PDF
report read back as text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pymupdf

from desktop_signer.reports import summary
from desktop_signer.reports.texts import Texts
from desktop_signer.reports.validation_pdf import build_validation_pdf
from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import FileReport, Finding, SignatureResult, Signer

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


def _signature(**kw: object) -> SignatureResult:
    base: dict[str, object] = dict(
        field="Tanda_Tangan_1", kind="approval", verdict="valid", integrity="ok",
        coverage="entire_file", modification="none", trust="trusted", revocation="good",
        findings=(), revision=2, revocation_source="embedded", ltv=True, pades_level="B-LT",
        signer=Signer("Budi Santoso", "Pemerintah Kabupaten Latihan", "CN=Budi", "CN=CA",
                      "1001", "AB" * 32, NOW, NOW, "198503152010011002"))
    base.update(kw)
    return SignatureResult(**base)  # type: ignore[arg-type]


def _report(*sigs: SignatureResult, verdict: str = "valid") -> FileReport:
    # "ff" in a hash once came out of the PDF as a ligature glyph
    return FileReport(file="/tmp/surat-dinas.pdf", sha256="ffd1" * 16,
                      verdict=verdict,  # type: ignore[arg-type]
                      validated_at=NOW, signatures=sigs)


def test_four_answers_in_both_languages() -> None:
    sig = _signature()
    for language, who in (("id", "Siapa yang menandatangani?"), ("en", "Who signed?")):
        answers = summary.four_answers(sig, Texts(language))
        assert [a.key for a in answers] == ["who", "unchanged", "timestamp", "ltv"]
        assert answers[0].question == who
        assert "Budi Santoso" in answers[0].answer and "198503152010011002" in answers[0].answer
        assert answers[0].status == "ok"


def test_an_untrusted_chain_is_never_drawn_worse_than_a_change_after_signing() -> None:
    untrusted = finding("untrusted", what="signer")
    changed = finding("modified_after_signing")
    assert summary.finding_status(untrusted) == "unknown"
    assert summary.finding_status(changed) == "bad"
    sig = _signature(verdict="indeterminate", trust="untrusted", findings=(untrusted,))
    answers = summary.four_answers(sig, Texts("en"))
    assert answers[0].status == "unknown" and answers[1].status == "ok"
    head = summary.headline(_report(sig, verdict="indeterminate"), Texts("id"))
    assert head.tone == "indeterminate"
    assert head.reason == "penerbit sertifikat tidak dipercaya"


def test_a_finding_code_this_build_does_not_know_still_gets_a_sentence() -> None:
    future = Finding(code="annotation_covers_content_v9", severity="warning",
                     effect="indeterminate")
    t = Texts("id")
    assert t.describe(future) == "Catatan pemeriksaan: annotation_covers_content_v9."
    assert t.reason(future) == "lihat rincian tanda tangan"
    sig = _signature(verdict="indeterminate", findings=(future,))
    assert summary.findings(sig, t)[0].status == "unknown"
    assert summary.headline(_report(sig, verdict="indeterminate"), t).reason


def test_the_pdf_report_reads_back_with_file_hash_verdict_and_answers() -> None:
    sig = _signature(verdict="invalid", modification="other",
                     findings=(finding("modified_after_signing"),))
    report = _report(sig, verdict="invalid")
    for language, words in (("id", ["Laporan Validasi Tanda Tangan Elektronik",
                                    "Ada tanda tangan tidak sah",
                                    "TIDAK. Dokumen diubah setelah ditandatangani.",
                                    "Siapa yang menandatangani?", "Yang perlu dilakukan"]),
                            ("en", ["Electronic Signature Validation Report",
                                    "A signature is not valid",
                                    "NO. The document was changed after signing.",
                                    "Who signed?", "What to do"])):
        doc = pymupdf.open("pdf", build_validation_pdf(report, language))
        text = " ".join(page.get_text() for page in doc).replace("\n", " ")
        assert "surat-dinas.pdf" in text
        assert "ffd1" * 16 in text.replace(" ", "")
        for w in words:
            assert w in text, (language, w)
        assert "Desktop Signer" in text


def test_the_training_root_is_found_without_the_set_up_builder(tmp_path: Path,
                                                                 monkeypatch: Any) -> None:
    import json
    import subprocess
    import sys

    from desktop_signer.training import active, setup

    assert active.MANIFEST_NAME == setup.MANIFEST_NAME
    (tmp_path / setup.MANIFEST_NAME).write_text(json.dumps({"root_certificate": "/x/root.pem"}))
    monkeypatch.setenv(active.ENV_VAR, str(tmp_path))
    assert active.training_root_certificate() == "/x/root.pem"
    # the window's worker thread must not import certomancer or PyMuPDF for this
    code = ("import sys; from desktop_signer.training import active; "
            "active.training_root_certificate(); "
            "print(any(m in sys.modules for m in ('certomancer', 'pymupdf', 'pyhanko')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def test_the_window_watches_the_folder_the_trust_store_reads(isolated_dirs: Any) -> None:
    from desktop_signer.reports.window_check import user_anchor_folder
    from desktop_signer.trust.store import ANCHORS_DIR, user_trust_dir

    assert user_anchor_folder() == user_trust_dir() / ANCHORS_DIR
