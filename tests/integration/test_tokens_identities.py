"""PKCS#11 and PKCS#12 identities really sign: pyHanko signs a PDF through them and the
signature validates against the training root (SoftHSM, no stand-ins)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from asn1crypto import x509
from pyhanko.pdf_utils import generic, writer
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from desktop_signer.identity import SigningIdentity
from desktop_signer.tokens import load_pkcs12_identity, open_pkcs11_identity
from desktop_signer.tokens.errors import (
    CertificateNotFoundError,
    Pkcs12Error,
    TokenError,
)
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_certificates

pytestmark = pytest.mark.integration


def load_cert(path: str) -> x509.Certificate:
    return load_certificates(path)[0]


def tiny_pdf() -> bytes:
    w = writer.PdfFileWriter()
    text = b"BT /F1 12 Tf 72 720 Td (Surat) Tj ET"
    content = w.add_object(generic.StreamObject(stream_data=text))
    w.insert_page(writer.PageObject(contents=content, media_box=[0, 0, 595, 842]))
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def sign_and_validate(identity: SigningIdentity, training: TrainingSetup) -> object:
    out = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(tiny_pdf())),
        signers.PdfSignatureMetadata(field_name="Tanda_Tangan"),
        signer=identity.pyhanko_signer(),
        output=out,
    )
    reader = PdfFileReader(out)
    vc = ValidationContext(
        trust_roots=[load_cert(training.root_certificate)],
        other_certs=[load_cert(training.issuing_ca_certificate)],
        allow_fetching=False, revocation_mode="soft-fail",
    )
    return validate_pdf_signature(reader.embedded_signatures[0], vc)


@pytest.mark.parametrize("label", ["budi", "kunci-token"])
def test_pkcs11_identity_signs_a_pdf_that_validates(training: TrainingSetup, label: str) -> None:
    ident = training.identity(label)
    identity = open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN",
                                    certificate=ident.key_id)
    try:
        assert identity.kind == "pkcs11"
        assert identity.certificate.dump() == load_cert(ident.certificate).dump()
        status = sign_and_validate(identity, training)
        assert status.intact and status.valid and status.trusted  # type: ignore[attr-defined]
        assert status.signing_cert.serial_number == ident.serial  # type: ignore[attr-defined]
        assert identity.signatures_made == 1  # went through our guarded key handle
    finally:
        identity.close()


def test_pkcs11_identity_on_second_token_by_label(training: TrainingSetup) -> None:
    identity = open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN-2",
                                    certificate_label="putri")
    try:
        assert identity.info.subject_name == "Putri Maharani"
        assert identity.token.label == "LATIHAN-2"
        status = sign_and_validate(identity, training)
        assert status.valid  # type: ignore[attr-defined]
    finally:
        identity.close()


def test_token_with_two_certificates_needs_a_choice(training: TrainingSetup) -> None:
    with pytest.raises(TokenError) as err:
        open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN-2")
    assert err.value.code == "certificate_ambiguous"
    assert err.value.params["count"] == 2


def test_unknown_certificate_id_is_a_typed_error(training: TrainingSetup) -> None:
    with pytest.raises(CertificateNotFoundError) as err:
        open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN",
                             certificate="00ff00")
    assert err.value.code == "certificate_not_found"


def test_chain_from_extra_certificates_travels_with_the_signature(
    training: TrainingSetup,
) -> None:
    ca = load_cert(training.issuing_ca_certificate)
    identity = open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN",
                                    certificate=training.identity("siti").key_id,
                                    extra_certificates=[ca])
    try:
        assert [c.dump() for c in identity.other_certificates] == [ca.dump()]
        signer = identity.pyhanko_signer()
        assert any(c.dump() == ca.dump() for c in signer.cert_registry)
    finally:
        identity.close()


def test_pkcs12_identity_signs_a_pdf_that_validates(training: TrainingSetup) -> None:
    ident = training.identity("budi")
    assert ident.pkcs12 is not None
    identity = load_pkcs12_identity(ident.pkcs12, training.pkcs12_passphrase)
    assert identity.kind == "pkcs12"
    assert identity.info.id_number == "198503152010011002"
    status = sign_and_validate(identity, training)
    assert status.intact and status.valid and status.trusted  # type: ignore[attr-defined]
    identity.close()
    with pytest.raises(Pkcs12Error):
        identity.pyhanko_signer()


def test_pkcs12_wrong_passphrase_is_told_apart_from_a_broken_file(
    training: TrainingSetup, tmp_path: Path
) -> None:
    p12 = training.identity("siti").pkcs12
    assert p12 is not None
    with pytest.raises(Pkcs12Error) as wrong:
        load_pkcs12_identity(p12, training.pkcs12_passphrase + "x")
    assert wrong.value.code == "pkcs12_passphrase_incorrect"
    broken = tmp_path / "rusak.p12"
    broken.write_bytes(Path(p12).read_bytes()[:200])
    with pytest.raises(Pkcs12Error) as bad:
        load_pkcs12_identity(broken, training.pkcs12_passphrase)
    assert bad.value.code == "pkcs12_unreadable"
    with pytest.raises(Pkcs12Error) as missing:
        load_pkcs12_identity(tmp_path / "tidak-ada.p12", training.pkcs12_passphrase)
    assert missing.value.code == "pkcs12_unreadable"


def test_no_token_and_unloadable_module_are_typed_errors(training: TrainingSetup,
                                                         tmp_path: Path) -> None:
    from desktop_signer.tokens.errors import ModuleLoadError, NoTokenError

    with pytest.raises(NoTokenError) as none:
        open_pkcs11_identity(training.module, pin=training.pin, token_label="TIDAK-ADA")
    assert none.value.code == "no_token" and none.value.params["wanted"] == "label=TIDAK-ADA"
    broken = tmp_path / "librusak.so"
    broken.write_bytes(b"bukan modul")
    with pytest.raises(ModuleLoadError) as bad:
        open_pkcs11_identity(broken, pin=training.pin)
    assert bad.value.code == "module_load_failed" and bad.value.params["path"] == str(broken)
    with pytest.raises(ModuleLoadError) as missing:
        open_pkcs11_identity(tmp_path / "tidak-ada.so", pin=training.pin)
    assert missing.value.reason == "file not found"
