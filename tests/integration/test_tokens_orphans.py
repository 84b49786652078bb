"""Certificates and keys that do not pair up, and pairing by label and by public key,
on a test-owned SoftHSM token."""

from __future__ import annotations

import pytest

from desktop_signer.tokens import open_pkcs11_identity
from desktop_signer.tokens.discovery import discover
from desktop_signer.tokens.errors import (
    CertificateWithoutKeyError,
    KeyWithoutCertificateError,
    TokenError,
)
from desktop_signer.tokens.inventory import LoginRequest, TokenReport, scan
from desktop_signer.training.setup import TrainingSetup
from tests.integration.test_tokens_helpers import Put, extra_token
from tests.integration.test_tokens_identities import sign_and_validate

pytestmark = pytest.mark.integration

MIXED = [
    Put("budi", cert_id=b"\xc1", cert_label="sertifikat-yatim"),  # certificate, no key
    Put("siti", key_id=b"\xa1", key_label="kunci-yatim"),  # key, no certificate
    Put("putri", key_id=b"\x01", key_label="kunci-putri",  # linked by public key only
        cert_id=b"\x02", cert_label="sertifikat-putri"),
    Put("rahmat", key_id=b"\x10", key_label="rahmat",  # linked by label only
        cert_id=b"\x11", cert_label="rahmat"),
]


def report(training: TrainingSetup, label: str, pin: str | None) -> TokenReport:
    found = discover(None, [training.module], use_known=False, p11kit_dirs=())
    login = LoginRequest(label, pin) if pin else None
    (tok,) = [t for t in scan(discovery=found, login=login).tokens if t.label == label]
    return tok


def test_listing_before_and_after_login(training: TrainingSetup) -> None:
    with extra_token(training, "UJI-YATIM", MIXED):
        before = report(training, "UJI-YATIM", None)
        assert {(c.label, c.key, c.matched_by) for c in before.certificates} == {
            ("sertifikat-putri", "public_key", "public_key"),
            ("rahmat", "public_key", "label"),
        }
        assert [c.label for c in before.other_certificates] == ["sertifikat-yatim"]
        assert before.other_certificates[0].problems == ()  # cannot tell before login
        assert before.keys_without_certificate == ()  # private keys are hidden

        after = report(training, "UJI-YATIM", training.pin)
        assert after.logged_in
        assert {(c.label, c.key, c.matched_by) for c in after.certificates} == {
            ("sertifikat-putri", "private_key", "public_key"),
            ("rahmat", "private_key", "label"),
        }
        (lonely,) = after.other_certificates
        assert lonely.label == "sertifikat-yatim"
        assert lonely.problems[0] == "certificate_without_key"
        assert [(k.cka_id, k.label) for k in after.keys_without_certificate] == [
            ("a1", "kunci-yatim")]


def test_identity_errors_for_orphans(training: TrainingSetup) -> None:
    with extra_token(training, "UJI-YATIM-2", MIXED):
        with pytest.raises(CertificateWithoutKeyError) as err:
            open_pkcs11_identity(training.module, pin=training.pin, token_label="UJI-YATIM-2",
                                 certificate="c1")
        assert err.value.params["certificate_id"] == "c1"
        assert "Budi Santoso" in str(err.value.params["subject"])
        with pytest.raises(TokenError) as many:
            open_pkcs11_identity(training.module, pin=training.pin, token_label="UJI-YATIM-2")
        assert many.value.code == "certificate_ambiguous"


def test_key_without_any_certificate(training: TrainingSetup) -> None:
    with extra_token(training, "UJI-KUNCI", [Put("siti", key_id=b"\xa1", key_label="k")]):
        with pytest.raises(KeyWithoutCertificateError) as err:
            open_pkcs11_identity(training.module, pin=training.pin, token_label="UJI-KUNCI")
        assert err.value.params == {"token": "UJI-KUNCI", "key_id": "a1", "key_label": "k"}


@pytest.mark.parametrize("cert_label", ["sertifikat-putri", "rahmat"])
def test_keys_found_by_public_key_or_label_really_sign(training: TrainingSetup,
                                                      cert_label: str) -> None:
    # pyHanko alone looks keys up by id/label; the public-key pairing needs our key handle
    with extra_token(training, f"UJI-PASANG-{cert_label[:5]}", MIXED):
        identity = open_pkcs11_identity(training.module, pin=training.pin,
                                        token_label=f"UJI-PASANG-{cert_label[:5]}",
                                        certificate_label=cert_label)
        try:
            assert identity.matched_by == ("public_key" if cert_label != "rahmat" else "label")
            assert sign_and_validate(identity, training).valid  # type: ignore[attr-defined]
        finally:
            identity.close()
