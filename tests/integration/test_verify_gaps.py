"""The gaps of DESIGN §5.3 that pyHanko alone leaves open, each on the corpus file that shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_signer.verification import VerifyOptions, verify_in_process
from desktop_signer.verification.model import FileReport, SignatureResult

OFFLINE = VerifyOptions(offline=True)


def _codes(sig: SignatureResult) -> set[str]:
    return {f.code for f in sig.findings}


def _verify(corpus: Path, rel: str) -> FileReport:
    return verify_in_process(corpus / rel, OFFLINE)


def test_isa_with_broken_trailing_update_is_unanalysed_data_and_invalid(corpus: Path) -> None:
    report = _verify(corpus, "attacks/isa/isa-3.pdf")
    (sig,) = report.signatures
    assert sig.integrity == "ok"  # the signed bytes are intact: that is the attack
    assert "unanalysed_trailing_data" in _codes(sig)
    assert sig.verdict == "invalid" and report.verdict == "invalid"


def test_form_filling_after_approval_is_a_warning_naming_the_fields(corpus: Path) -> None:
    report = _verify(corpus, "real/dss/pades-signed-filled-form.pdf")
    (sig,) = report.signatures
    filled = [f for f in sig.findings if f.code == "form_filled_after_signing"]
    assert filled and filled[0].severity == "warning" and filled[0].effect == "none"
    assert filled[0].param("fields")
    assert sig.modification == "form_filling" and sig.changed_fields
    assert "modified_after_signing" not in _codes(sig)
    assert sig.verdict == "indeterminate"  # only because the signer is not trusted here


def test_field_whose_appearance_does_not_show_its_value_is_not_valid(corpus: Path) -> None:
    rel = "attacks/shadow-replace/pdfinsecurity-replace-shadow-file-signed-manipulated.pdf"
    report = _verify(corpus, rel)
    (sig,) = report.signatures
    mismatch = [
        f
        for f in sig.findings
        if f.code == "modified_after_signing" and f.param("reason") == "appearance_mismatch"
    ]
    assert mismatch and mismatch[0].param("field") == "Text1"
    assert "form_filled_after_signing" in _codes(sig)
    assert sig.verdict == "invalid"


def test_control_without_changes_stays_clean(corpus: Path) -> None:
    rel = "attacks/shadow-replace/rub-replace-v1-overlay-forms_3_signed-control.pdf"
    (sig,) = _verify(corpus, rel).signatures
    assert sig.coverage == "entire_file" and sig.modification == "none"
    assert not {"modified_after_signing", "form_filled_after_signing"} & _codes(sig)


@pytest.mark.parametrize(
    ("rel", "count", "subfilter"),
    [
        ("real/dss/pkcs7_sha1.pdf", 2, "/adbe.pkcs7.sha1"),
        ("real/dss/wrong-digest-algo.pdf", 4, "/adbe.pkcs7.sha1"),
    ],
)
def test_unsupported_subfilters_are_reported_not_skipped(
    corpus: Path, rel: str, count: int, subfilter: str
) -> None:
    report = _verify(corpus, rel)
    assert len(report.signatures) == count
    unsupported = [
        f for s in report.signatures for f in s.findings if f.code == "unsupported_signature"
    ]
    assert [f.param("subfilter") for f in unsupported] == [subfilter]
    assert report.verdict != "valid"
    # the SHA-1 digest inside the CMS still matches the signed bytes: merely unsupported,
    # not altered (a renamed /SubFilter over changed bytes is invalid, see the fuzz tests)
    (sig,) = [s for s in report.signatures if "unsupported_signature" in _codes(s)]
    assert sig.verdict == "indeterminate" and sig.integrity == "unknown"
    assert "integrity_failed" not in _codes(sig)


def test_one_signature_referenced_from_two_fields_is_one_signature(corpus: Path) -> None:
    report = _verify(corpus, "real/dss/signature-referenced-from-multiple-fields.pdf")
    (sig,) = report.signatures
    assert len(sig.field.split(", ")) == 2


def test_an_exception_in_one_signature_leaves_the_others_reported(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stand-in: pyHanko's validation is made to raise for one field (a real crash cannot be
    produced on demand); the exception must become that signature's could_not_validate."""
    from desktop_signer.verification import signature as signature_module

    real = signature_module.async_validate_pdf_signature

    async def flaky(emb, *args, **kwargs):  # type: ignore[no-untyped-def]
        if emb.field_name == "Sig2":
            raise RuntimeError("stand-in failure")
        return await real(emb, *args, **kwargs)

    monkeypatch.setattr(signature_module, "async_validate_pdf_signature", flaky)
    report = _verify(corpus, "real/pyhanko/minimal-two-fields-signed-twice.pdf")
    by_name = {s.field: s for s in report.signatures}
    assert set(by_name) == {"Sig1", "Sig2"}
    assert _codes(by_name["Sig2"]) == {"could_not_validate"}
    assert by_name["Sig2"].verdict == "indeterminate"
    assert by_name["Sig1"].integrity == "ok"
    assert "could_not_validate" not in _codes(by_name["Sig1"])


def test_unparseable_signed_file_is_invalid_not_a_crash(corpus: Path) -> None:
    report = _verify(corpus, "attacks/byterange-anomalies/dss-pdf-signed-corrupted.pdf")
    assert report.verdict == "invalid"
    # named by the field object that still refers to the signature in the raw bytes
    assert [s.field for s in report.signatures] == ["Signature1"]
    assert {"malformed_signature", "coverage_partial", "integrity_failed"} <= _codes(
        report.signatures[0]
    )


def test_annotation_after_p2_certification_violates_it(corpus: Path) -> None:
    report = _verify(corpus, "attacks/disallowed-incremental-updates/itext-modifyPageAnnots.pdf")
    first = report.signatures[0]
    assert first.kind == "certification"
    assert "certification_violated" in _codes(first)
    assert first.certification is not None and first.certification.violated
    assert report.verdict == "invalid"
