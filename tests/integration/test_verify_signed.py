"""Documents signed with the training identities (pyHanko directly) verify as they should."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyhanko.sign.fields import MDPPerm

from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_trust
from desktop_signer.verification import FileReport, VerifyOptions, verify_file, verify_in_process
from desktop_signer.verification.document import validate_bytes
from tests.integration.verify_signing_helpers import add_comment, letter, sign

pytestmark = pytest.mark.integration


def _training_options(training: TrainingSetup, offline: bool = True) -> VerifyOptions:
    trust = load_trust(
        training_mode=True, training_root=training.root_certificate, use_installed=False
    )
    return VerifyOptions(trust=trust, offline=offline, visual=False)


def _codes(report: FileReport) -> set[str]:
    return {f.code for s in report.signatures for f in s.findings}


def _check(data: bytes, options: VerifyOptions) -> FileReport:
    return validate_bytes("signed.pdf", data, options)


@pytest.fixture(scope="module")
def signed(training: TrainingSetup, training_services: object) -> dict[str, bytes]:
    base = letter()
    return {level: sign(training, "budi", base, level) for level in ("B-B", "B-T", "B-LT", "B-LTA")}


@pytest.mark.parametrize("level", ["B-B", "B-T", "B-LT", "B-LTA"])
def test_every_level_is_valid_with_the_training_root_in_training_mode(
    training: TrainingSetup, signed: dict[str, bytes], level: str
) -> None:
    report = _check(signed[level], _training_options(training, offline=level != "B-B"))
    assert report.verdict == "valid", [(f.code, f.params) for f in report.signatures[0].findings]
    sig = report.signatures[0]
    assert sig.pades_level == level
    assert sig.signer is not None and sig.signer.name == "Budi Santoso"
    assert sig.signer.identifier == "198503152010011002"
    assert sig.integrity == "ok" and sig.trust == "trusted"
    assert "training_ca" in {f.code for f in sig.findings}  # flagged, but trusted in training
    if level == "B-B":
        assert (sig.revocation, sig.revocation_source) == ("good", "online")
        assert sig.signing_time.timestamp is None and not sig.ltv
    else:
        assert sig.signing_time.timestamp_valid is True
    if level in ("B-LT", "B-LTA"):
        assert (sig.revocation, sig.revocation_source, sig.ltv) == ("good", "embedded", True)
    if level == "B-LTA":
        assert [s.kind for s in report.signatures] == ["approval", "document_timestamp"]


@pytest.mark.parametrize("level", ["B-B", "B-LTA"])
def test_no_anchor_is_indeterminate_and_says_why(signed: dict[str, bytes], level: str) -> None:
    options = VerifyOptions(trust=load_trust(use_installed=False), offline=True, visual=False)
    report = _check(signed[level], options)
    assert report.verdict == "indeterminate"
    codes = _codes(report)
    assert "untrusted" in codes
    assert "training_ca" in codes  # the chain ends in our training root
    assert all(s.integrity == "ok" for s in report.signatures)


def test_training_root_is_refused_outside_training_mode(
    training: TrainingSetup, signed: dict[str, bytes]
) -> None:
    trust = load_trust(cli_anchors=[training.root_certificate], use_installed=False)
    assert trust.anchors == () and len(trust.refused) == 1
    report = _check(signed["B-LT"], VerifyOptions(trust=trust, offline=True, visual=False))
    assert report.verdict == "indeterminate"
    assert {"untrusted", "training_ca"} <= _codes(report)


def test_isolated_verification_gives_the_same_report(
    training: TrainingSetup, signed: dict[str, bytes], tmp_path: Path
) -> None:
    path = tmp_path / "lta.pdf"
    path.write_bytes(signed["B-LTA"])
    options = _training_options(training)
    isolated = verify_file(path, options)
    direct = verify_in_process(path, options)
    assert isolated.verdict == direct.verdict == "valid"
    assert [s.findings for s in isolated.signatures] == [s.findings for s in direct.signatures]


def test_expired_certificate_is_indeterminate(
    training: TrainingSetup, training_services: object
) -> None:
    report = _check(sign(training, "kedaluwarsa", letter()), _training_options(training, False))
    assert report.verdict == "indeterminate"
    assert "expired" in _codes(report)


def test_a_timestamp_proves_the_certificate_had_already_expired_when_signing(
    training: TrainingSetup, training_services: object
) -> None:
    """The timestamp is proof of time, and at that time the certificate had expired: the
    message says so (ask for a new signature), not that LTV data is missing."""
    report = _check(
        sign(training, "kedaluwarsa", letter(), "B-T"), _training_options(training, False)
    )
    assert report.verdict == "indeterminate"
    sig = report.signatures[0]
    assert sig.signing_time.timestamp_valid is True
    assert [f.param("reason") for f in sig.findings if f.code == "expired"] == ["expired_then"]


def test_revoked_certificate_is_invalid_with_the_online_source(
    training: TrainingSetup, training_services: object
) -> None:
    report = _check(sign(training, "dicabut", letter()), _training_options(training, False))
    assert report.verdict == "invalid"
    sig = report.signatures[0]
    assert (sig.revocation, sig.revocation_source) == ("revoked", "online")
    assert "revoked" in _codes(report)


def test_offline_without_revocation_data_is_a_warning_for_training_signatures(
    training: TrainingSetup, training_services: object
) -> None:
    """Strict revocation is the default (tests/integration/test_verify_verdict_classes.py
    shows it on a fresh PKI), but a training-root chain in training mode is an exercise: an
    unknown status offline stays a warning, saying why; online, "dicabut" is revoked (the
    test above)."""
    data = sign(training, "dicabut", letter())
    report = _check(data, _training_options(training, True))
    (unknown,) = [f for f in report.signatures[0].findings if f.code == "revocation_unknown"]
    assert (unknown.severity, unknown.effect) == ("warning", "none")
    assert (unknown.param("reason"), unknown.param("training")) == ("no_document_data", "yes")
    assert report.signatures[0].revocation == "unknown"
    assert report.verdict == "valid"
    # outside training mode the same chain is not trusted at all
    foreign = _check(data, VerifyOptions(trust=load_trust(use_installed=False), offline=True,
                                         visual=False))
    assert foreign.verdict == "indeterminate"


def test_foreign_root_is_untrusted(training: TrainingSetup, training_services: object) -> None:
    report = _check(sign(training, "asing", letter()), _training_options(training, False))
    assert report.verdict == "indeterminate"
    assert "untrusted" in _codes(report)


def test_comment_after_p3_certification_is_permitted_with_a_warning(
    training: TrainingSetup, training_services: object
) -> None:
    """pyHanko's default policy calls any added annotation illegal; ISO 32000 permits it at
    P=3 (we differ on purpose, see README "## Verification")."""
    certified = sign(training, "budi", letter(), certify=MDPPerm.ANNOTATE)
    report = _check(add_comment(certified), _training_options(training, False))
    sig = report.signatures[0]
    assert sig.kind == "certification" and sig.certification is not None
    assert (sig.certification.permission, sig.certification.violated) == (3, False)
    assert sig.modification == "annotations"
    assert "annotations_after_signing" in {f.code for f in sig.findings}
    assert report.verdict == "valid"


def test_comment_after_p2_certification_violates_it(
    training: TrainingSetup, training_services: object
) -> None:
    certified = sign(training, "budi", letter(), certify=MDPPerm.FILL_FORMS)
    report = _check(add_comment(certified), _training_options(training, False))
    sig = report.signatures[0]
    assert sig.certification is not None and sig.certification.violated
    assert "certification_violated" in {f.code for f in sig.findings}
    assert report.verdict == "invalid"


def test_comment_after_approval_signature_is_a_warning(
    training: TrainingSetup, signed: dict[str, bytes]
) -> None:
    report = _check(add_comment(signed["B-LT"]), _training_options(training))
    sig = report.signatures[0]
    assert "annotations_after_signing" in {f.code for f in sig.findings}
    assert report.verdict == "valid"


def test_countersignature_keeps_the_first_signature_valid(
    training: TrainingSetup, signed: dict[str, bytes]
) -> None:
    twice = sign(training, "siti", signed["B-LT"], "B-LT", field="Tanda2")
    report = _check(twice, _training_options(training))
    assert report.verdict == "valid"
    first = report.signatures[0]
    assert first.modification == "signatures_and_timestamps"
    assert "form_filled_after_signing" not in {f.code for f in first.findings}


def test_a_changed_signed_byte_is_invalid(
    signed: dict[str, bytes], training: TrainingSetup
) -> None:
    data = bytearray(signed["B-B"])
    pos = data.find(b"Surat") if b"Surat" in data else 200
    data[pos] ^= 0x01
    report = _check(bytes(data), _training_options(training))
    assert report.verdict == "invalid"
