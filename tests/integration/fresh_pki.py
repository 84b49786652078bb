"""A fresh, independent PKI per call (new keys every run): a root and a signer certificate
whose revocation services are chosen by the test, to sign files the verifier has never seen.

Made with ``cryptography`` (certificates are test input here, not something the product
builds); documents are signed with pyHanko's ``SimpleSigner`` as a third-party signer would.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata
from pyhanko_certvalidator.registry import SimpleCertificateStore


@dataclass(frozen=True)
class FreshPki:
    root_pem: Path
    signer: signers.SimpleSigner


def _name(cn: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Uji Mandiri"),
    ])


def make_pki(
    folder: Path, *, crl_url: str | None = None, ocsp_url: str | None = None
) -> FreshPki:
    """Root CA -> signer. The signer names ``crl_url`` / ``ocsp_url`` (or nothing); the root,
    being the anchor, needs none."""
    now = datetime.now(UTC)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = _name("Root Uji Mandiri")
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name).issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=30)).not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                       critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()),
                       critical=False)
        .sign(root_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name("Penanda Tangan Uji")).issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=180))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                       critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
            critical=False,
        )
    )
    if crl_url:
        builder = builder.add_extension(
            x509.CRLDistributionPoints([
                x509.DistributionPoint([x509.UniformResourceIdentifier(crl_url)], None, None, None)
            ]),
            critical=False,
        )
    if ocsp_url:
        builder = builder.add_extension(
            x509.AuthorityInformationAccess([
                x509.AccessDescription(AuthorityInformationAccessOID.OCSP,
                                       x509.UniformResourceIdentifier(ocsp_url))
            ]),
            critical=False,
        )
    cert = builder.sign(root_key, hashes.SHA256())
    root_pem = folder / "root-uji.pem"
    root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    root_asn1 = asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER))
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
        ),
        cert_registry=SimpleCertificateStore.from_certs([root_asn1]),
    )
    return FreshPki(root_pem, signer)


def sign_with(
    pki: FreshPki,
    data: bytes,
    field: str = "Tanda1",
    *,
    certify: fields.MDPPerm | None = None,
    lock_fields: list[str] | None = None,
) -> bytes:
    """An approval signature, or a certification with ``certify``; ``lock_fields``: a
    FieldMDP lock on those fields in the new signature field."""
    meta = PdfSignatureMetadata(
        field_name=field, subfilter=fields.SigSeedSubFilter.PADES,
        certify=certify is not None, docmdp_permissions=certify or fields.MDPPerm.FILL_FORMS,
    )
    lock = (
        fields.FieldMDPSpec(fields.FieldMDPAction.INCLUDE, fields=lock_fields)
        if lock_fields else None
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    out = signers.PdfSigner(
        meta, pki.signer,
        new_field_spec=fields.SigFieldSpec(
            field, box=(350, 60, 550, 140), on_page=0, field_mdp_spec=lock
        ),
    ).sign_pdf(writer)
    return bytes(out.getbuffer())
