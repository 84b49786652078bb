"""The training PKI and tokens, checked over real HTTP and a real PKCS#11 module."""

from __future__ import annotations

import asyncio
import hashlib
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pkcs11
import pytest
from asn1crypto import ocsp as asn1_ocsp
from asn1crypto import x509
from cryptography import x509 as cx509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import ocsp
from pkcs11 import Attribute, ObjectClass
from pyhanko.sign.timestamps.requests_client import HTTPTimeStamper
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import RevokedError

from desktop_signer.pki.names import DESCRIPTION_OID
from desktop_signer.tokens import loader
from desktop_signer.training.identities import (
    ON_TOKEN_KEY_LABEL,
    SECOND_TOKEN_LABEL,
    TRAINEES,
    TRAINING_TOKEN_LABEL,
)
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_certificates

pytestmark = pytest.mark.integration


def load_cert(path: str) -> x509.Certificate:
    return load_certificates(path)[0]


def crypto_cert(path: str) -> cx509.Certificate:
    return cx509.load_pem_x509_certificate(Path(path).read_bytes())


def test_timestamp_from_the_tsa_validates_against_the_training_chain(
    training: TrainingSetup, training_services: object
) -> None:
    digest = hashlib.sha256(b"surat dinas").digest()
    token = asyncio.run(HTTPTimeStamper(training.tsa_url).async_timestamp(digest, "sha256"))
    root = load_cert(training.root_certificate)
    vc = ValidationContext(trust_roots=[root], allow_fetching=True)
    status = asyncio.run(
        validate_tst_signed_data(token["content"], vc, expected_tst_imprint=lambda _: digest)
    )
    assert status["intact"] and status["valid"]
    assert status["trust_problem_indic"] is None
    assert status["signing_cert"].subject.native["common_name"] == "TSA Latihan"


def test_timestamp_does_not_validate_against_an_unrelated_root(
    training: TrainingSetup, training_services: object
) -> None:
    digest = hashlib.sha256(b"surat dinas").digest()
    token = asyncio.run(HTTPTimeStamper(training.tsa_url).async_timestamp(digest, "sha256"))
    foreign = load_cert(str(Path(training.directory) / "certs" / "root-asing.pem"))
    vc = ValidationContext(trust_roots=[foreign])
    status = asyncio.run(
        validate_tst_signed_data(token["content"], vc, expected_tst_imprint=lambda _: digest)
    )
    assert status["trust_problem_indic"] is not None


def _ocsp_status(training: TrainingSetup, label: str) -> asn1_ocsp.SingleResponse:
    cert = crypto_cert(training.identity(label).certificate)
    issuer = crypto_cert(training.issuing_ca_certificate)
    request = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, hashes.SHA256()).build()
    # the responder URL is the one the certificate itself names (AIA)
    aia = cert.extensions.get_extension_for_class(cx509.AuthorityInformationAccess).value
    url = next(d.access_location.value for d in aia
               if d.access_method == cx509.oid.AuthorityInformationAccessOID.OCSP)
    assert url == training.ocsp_url
    http_req = urllib.request.Request(
        url, data=request.public_bytes(serialization.Encoding.DER),
        headers={"Content-Type": "application/ocsp-request"},
    )
    with urllib.request.urlopen(http_req, timeout=10) as resp:
        # asn1crypto, not cryptography: the latter rejects the fractional seconds that
        # certomancer writes into producedAt (legal in GeneralizedTime, rare in the wild)
        response = asn1_ocsp.OCSPResponse.load(resp.read())
    assert response["response_status"].native == "successful"
    basic = response.basic_ocsp_response
    responder = basic["certs"][0]
    assert responder.subject.native["common_name"] == "OCSP Latihan"
    single: asn1_ocsp.SingleResponse = basic["tbs_response_data"]["responses"][0]
    assert single["cert_id"]["serial_number"].native == training.identity(label).serial
    return single


def test_ocsp_says_good_for_a_good_certificate(
    training: TrainingSetup, training_services: object
) -> None:
    assert _ocsp_status(training, "budi")["cert_status"].name == "good"


def test_ocsp_says_revoked_for_the_revoked_certificate(
    training: TrainingSetup, training_services: object
) -> None:
    status = _ocsp_status(training, "dicabut")["cert_status"]
    assert status.name == "revoked"
    assert status.chosen["revocation_time"].native < datetime.now(UTC)


def test_crl_lists_the_revoked_serial_and_only_it(
    training: TrainingSetup, training_services: object
) -> None:
    cert = crypto_cert(training.identity("budi").certificate)
    dp = cert.extensions.get_extension_for_class(cx509.CRLDistributionPoints).value
    url = dp[0].full_name[0].value
    assert url == training.crl_urls[0]
    with urllib.request.urlopen(url, timeout=10) as resp:
        crl = cx509.load_der_x509_crl(resp.read())
    issuer = crypto_cert(training.issuing_ca_certificate)
    assert crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    serials = {entry.serial_number for entry in crl}
    assert serials == {training.identity("dicabut").serial}


def test_certvalidator_fetches_revocation_over_http(
    training: TrainingSetup, training_services: object
) -> None:
    """The AIA/CRL DP URLs in the certificates lead pyhanko-certvalidator to our services."""
    root = load_cert(training.root_certificate)
    ca = load_cert(training.issuing_ca_certificate)

    def validator(label: str) -> CertificateValidator:
        vc = ValidationContext(
            trust_roots=[root], other_certs=[ca], allow_fetching=True, revocation_mode="require"
        )
        return CertificateValidator(load_cert(training.identity(label).certificate),
                                    validation_context=vc)

    path = asyncio.run(validator("budi").async_validate_usage({"non_repudiation"}))
    assert path.leaf.subject.native["common_name"] == "Budi Santoso"
    with pytest.raises(RevokedError):
        asyncio.run(validator("dicabut").async_validate_usage({"non_repudiation"}))


def test_certificates_have_bsre_style_subjects_and_urls(training: TrainingSetup) -> None:
    for trainee in TRAINEES:
        cert = load_cert(training.identity(trainee.label).certificate)
        subject = cert.subject.native
        assert subject["common_name"] == trainee.name
        assert subject["organization_name"] == trainee.organization
        assert subject["description"] == f"{trainee.id_number}_Tanda Tangan Elektronik"
    budi = crypto_cert(training.identity("budi").certificate)
    descr = budi.subject.get_attributes_for_oid(cx509.ObjectIdentifier(DESCRIPTION_OID))
    assert descr[0].value.endswith("_Tanda Tangan Elektronik")
    ku = budi.extensions.get_extension_for_class(cx509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment
    assert f"127.0.0.1:{training.port}" in training.ocsp_url
    ca = load_cert(training.issuing_ca_certificate)
    assert ca.subject.native["common_name"] == "BSrE Latihan CA"
    assert ca.issuer.native["common_name"] == "Root CA Latihan"


def test_problem_identities_have_their_defects(training: TrainingSetup) -> None:
    now = datetime.now(UTC)

    def cert(label: str) -> cx509.Certificate:
        return crypto_cert(training.identity(label).certificate)

    assert cert("kedaluwarsa").not_valid_after_utc < now
    assert cert("belum-berlaku").not_valid_before_utc > now
    ku = cert("tanpa-ttd").extensions.get_extension_for_class(cx509.KeyUsage).value
    assert not ku.digital_signature and not ku.content_commitment
    assert cert("asing").issuer.rfc4514_string() == (
        "CN=Root CA Asing Latihan,O=Lembaga Asing Latihan,C=ID"
    )
    soon = cert("segera-berakhir").not_valid_after_utc
    assert now < soon and (soon - now).days < 30


def _objects(training: TrainingSetup, token_label: str) -> list[dict[str, object]]:
    # through our loader: an earlier test may have loaded SoftHSM under its other name
    # (a symlink), and python-pkcs11 would initialise the same file twice
    lib = loader.load(training.module).lib
    token = lib.get_token(token_label=token_label)
    found = []
    with token.open(user_pin=training.pin) as session:
        for obj in session.get_objects():
            cls = obj[Attribute.CLASS]
            entry: dict[str, object] = {
                "class": cls, "id": obj[Attribute.ID].hex(), "label": obj[Attribute.LABEL]
            }
            if cls == ObjectClass.PRIVATE_KEY:
                entry.update(
                    sensitive=obj[Attribute.SENSITIVE],
                    extractable=obj[Attribute.EXTRACTABLE],
                    local=obj[Attribute.LOCAL],
                )
            found.append(entry)
    return found


def test_training_token_holds_non_extractable_keys_beside_their_certificates(
    training: TrainingSetup,
) -> None:
    objects = _objects(training, TRAINING_TOKEN_LABEL)
    keys = {o["label"]: o for o in objects if o["class"] == ObjectClass.PRIVATE_KEY}
    certs = {o["label"]: o for o in objects if o["class"] == ObjectClass.CERTIFICATE}
    expected = {t.label for t in TRAINEES if t.token == TRAINING_TOKEN_LABEL}
    assert set(keys) == expected
    assert set(certs) == expected
    for label in expected:
        assert keys[label]["id"] == certs[label]["id"] == training.identity(label).key_id
        assert keys[label]["sensitive"] is True
        assert keys[label]["extractable"] is False
    # generated on the token itself, so it never existed outside it
    assert keys[ON_TOKEN_KEY_LABEL]["local"] is True
    assert keys["budi"]["local"] is False
    assert training.identity(ON_TOKEN_KEY_LABEL).pkcs12 is None


def test_second_token_holds_two_certificates(training: TrainingSetup) -> None:
    objects = _objects(training, SECOND_TOKEN_LABEL)
    certs = sorted(str(o["label"]) for o in objects if o["class"] == ObjectClass.CERTIFICATE)
    assert certs == ["putri", "rahmat"]


def test_a_token_key_signs_and_its_certificate_verifies_the_signature(
    training: TrainingSetup,
) -> None:
    from cryptography.hazmat.primitives.asymmetric import padding

    # through our loader: an earlier test may have loaded SoftHSM under its other name
    # (a symlink), and python-pkcs11 would initialise the same file twice
    lib = loader.load(training.module).lib
    token = lib.get_token(token_label=TRAINING_TOKEN_LABEL)
    ident = training.identity(ON_TOKEN_KEY_LABEL)
    with token.open(user_pin=training.pin) as session:
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=bytes.fromhex(ident.key_id))
        signature = key.sign(b"halo", mechanism=pkcs11.Mechanism.SHA256_RSA_PKCS)
    public = crypto_cert(ident.certificate).public_key()
    public.verify(signature, b"halo", padding.PKCS1v15(), hashes.SHA256())  # type: ignore[union-attr,call-arg]


def test_pkcs12_files_hold_the_same_identities(training: TrainingSetup) -> None:
    for ident in training.identities:
        if ident.pkcs12 is None:
            continue
        key, cert, chain = pkcs12.load_key_and_certificates(
            Path(ident.pkcs12).read_bytes(), training.pkcs12_passphrase.encode()
        )
        assert cert == crypto_cert(ident.certificate)
        assert key is not None
        assert key.public_key() == cert.public_key()  # type: ignore[union-attr]
        assert chain
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(
            Path(training.identity("budi").pkcs12 or "").read_bytes(), b"salah"
        )


def test_ca_issuers_link_serves_the_issuing_ca(
    training: TrainingSetup, training_services: object
) -> None:
    budi = crypto_cert(training.identity("budi").certificate)
    aia = budi.extensions.get_extension_for_class(cx509.AuthorityInformationAccess).value
    url = next(d.access_location.value for d in aia
               if d.access_method == cx509.oid.AuthorityInformationAccessOID.CA_ISSUERS)
    with urllib.request.urlopen(url, timeout=10) as resp:
        served = cx509.load_der_x509_certificate(resp.read())
    assert served == crypto_cert(training.issuing_ca_certificate)
    eku = budi.extensions.get_extension_for_class(cx509.ExtendedKeyUsage)
    assert eku.critical
    assert [u.dotted_string for u in eku.value] == ["1.2.840.113583.1.1.5"]
