"""What a user is told about a certificate (built here with cryptography, BSrE-style)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop_signer.tokens.certinfo import describe, find_id_number

NOW = datetime(2026, 1, 15, tzinfo=UTC)


def make(subject: list[x509.NameAttribute], *, days_valid: tuple[int, int] = (-10, 365),
         usage: dict[str, bool] | None = None, eku: bool = False, ec_key: bool = False
         ) -> asn1_x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1()) if ec_key else \
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(subject)
    builder = (
        x509.CertificateBuilder().subject_name(name)
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "BSrE Latihan CA")]))
        .public_key(key.public_key()).serial_number(0x1A2B)
        .not_valid_before(NOW + timedelta(days=days_valid[0]))
        .not_valid_after(NOW + timedelta(days=days_valid[1]))
    )
    if usage is not None:
        flags = {k: False for k in ("digital_signature", "content_commitment",
                                    "key_encipherment", "data_encipherment", "key_agreement",
                                    "key_cert_sign", "crl_sign", "encipher_only",
                                    "decipher_only")}
        flags.update(usage)
        builder = builder.add_extension(x509.KeyUsage(**flags), critical=True)
    if eku:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
    cert = builder.sign(key, hashes.SHA256())
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


BSRE = [
    x509.NameAttribute(NameOID.COMMON_NAME, "Budi Santoso"),
    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pemerintah Kabupaten Latihan"),
    x509.NameAttribute(x509.ObjectIdentifier("2.5.4.13"),
                       "198503152010011002_Tanda Tangan Elektronik"),
]


def test_bsre_subject_gives_name_agency_and_nip() -> None:
    info = describe(make(BSRE, usage={"digital_signature": True, "content_commitment": True},
                         eku=True), NOW)
    assert (info.subject_name, info.organization) == ("Budi Santoso",
                                                      "Pemerintah Kabupaten Latihan")
    assert (info.id_number, info.id_kind) == ("198503152010011002", "nip")
    assert info.issuer_name == "BSrE Latihan CA" and info.serial_hex == "1A2B"
    assert info.key_usage == ("digital_signature", "non_repudiation")
    assert info.extended_key_usage == ("email_protection",)
    assert (info.key_type, info.key_size) == ("rsa", 2048)
    assert info.can_sign and not info.missing_non_repudiation and info.problems == ()


def test_nik_in_serial_number_attribute() -> None:
    subject = [x509.NameAttribute(NameOID.COMMON_NAME, "Siti"),
               x509.NameAttribute(NameOID.SERIAL_NUMBER, "NIK3201010101900001")]
    info = describe(make(subject), NOW)
    assert (info.id_number, info.id_kind) == ("3201010101900001", "nik")
    assert info.can_sign  # no keyUsage extension: unrestricted (RFC 5280)


def test_missing_non_repudiation_is_a_warning_not_a_refusal() -> None:
    info = describe(make(BSRE, usage={"digital_signature": True}), NOW)
    assert info.can_sign and info.missing_non_repudiation
    assert info.problems == ("missing_non_repudiation",)


def test_encryption_only_certificate_cannot_sign() -> None:
    info = describe(make(BSRE, usage={"key_encipherment": True}, ec_key=True), NOW)
    assert not info.can_sign and info.problems == ("no_signing_usage",)
    assert (info.key_type, info.key_size) == ("ec", 256)


@pytest.mark.parametrize(("days", "expected"), [
    ((-400, -1), ("expired",)),
    ((-10, 10), ("expiring_soon",)),
    ((-10, 30), ("expiring_soon",)),
    ((-10, 31), ()),
    ((5, 400), ("not_yet_valid",)),
])
def test_validity(days: tuple[int, int], expected: tuple[str, ...]) -> None:
    info = describe(make(BSRE, days_valid=days), NOW)
    assert info.problems == expected


def test_no_id_in_subject() -> None:
    cert = make([x509.NameAttribute(NameOID.COMMON_NAME, "Tanpa Id")])
    assert find_id_number(cert.subject) == ("", "")
