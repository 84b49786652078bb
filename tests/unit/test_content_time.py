"""A trusted content timestamp is a lower bound of the signing time (issue 10, class 4):
the rule on findings, for revocations and expiry (the end-to-end case with a real TSA is in
tests/integration/test_verify_verdict_classes.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from asn1crypto import x509

from desktop_signer.verification.content_time import apply_content_time
from desktop_signer.verification.findings import finding
from tests.integration.fresh_pki import make_pki


def _cert(tmp_path: Path) -> x509.Certificate:
    return make_pki(tmp_path).signer.signing_cert


def test_a_revocation_before_the_content_time_is_invalid(tmp_path: Path) -> None:
    cert = _cert(tmp_path)
    revoked_on = cert.not_valid_before + timedelta(hours=1)
    # revoked after the claimed signing time: on its own only indeterminate
    claimed = finding("revoked", effect="indeterminate", what="signer",
                      date=revoked_on.isoformat(), reason="key_compromise", ca="no")
    after = apply_content_time([claimed], cert, revoked_on + timedelta(minutes=5))
    (f,) = after
    assert (f.code, f.effect, f.param("proof")) == ("revoked", "invalid", "content_timestamp")
    assert f.param("reason") == "key_compromise"
    before = apply_content_time([claimed], cert, revoked_on - timedelta(minutes=5))
    assert before == [claimed]  # content made before the revocation: nothing proven


def test_expiry_before_the_content_time_is_invalid_and_within_validity_changes_nothing(
    tmp_path: Path,
) -> None:
    cert = _cert(tmp_path)
    expired = finding("expired", what="signer", reason="no_proof")
    late = apply_content_time([expired], cert, cert.not_valid_after + timedelta(days=1))
    assert [(f.code, f.effect, f.param("reason")) for f in late] == [
        ("expired", "invalid", "content_timestamp")
    ]
    inside = cert.not_valid_after - timedelta(days=1)
    assert apply_content_time([expired], cert, inside) == [expired]
    assert apply_content_time([], cert, inside) == []
    # judged at a moment (--at) when the certificate was valid: the content time still shows
    # the signature was made after it had expired
    (added,) = apply_content_time([], cert, cert.not_valid_after + timedelta(days=1))
    assert (added.code, added.effect) == ("expired", "invalid")
