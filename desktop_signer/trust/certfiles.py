"""Read certificate files: PEM (one or many), DER, and PKCS#7 bundles (.p7b/.p7c, DER or PEM).

These are the formats BSrE's repository and agencies' administrators hand out. Parsing is
asn1crypto's (the same ASN.1 library pyHanko uses); we only pick the container.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from asn1crypto import cms, pem, x509

from desktop_signer.pki import names as _names  # noqa: F401  (registers 'description')
from desktop_signer.trust.errors import TrustError

_PEM_CERT_TYPES = ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE")
_PEM_PKCS7_TYPES = ("PKCS7", "PKCS #7 SIGNED DATA", "CMS")


def sha256_hex(cert: x509.Certificate) -> str:
    """Upper-case hex SHA-256 of the DER encoding: how BSrE's service names certificates."""
    return hashlib.sha256(cert.dump()).hexdigest().upper()


def _certs_from_pkcs7(der: bytes) -> list[x509.Certificate]:
    info = cms.ContentInfo.load(der)
    if info["content_type"].native != "signed_data":
        raise ValueError("PKCS#7 data is not SignedData")
    out: list[x509.Certificate] = []
    for choice in info["content"]["certificates"] or ():
        if choice.name == "certificate":
            out.append(choice.chosen)
    return out


def _certs_from_der(der: bytes) -> list[x509.Certificate]:
    try:
        cert = x509.Certificate.load(der, strict=True)
        cert.native  # noqa: B018  (force a full parse so garbage is rejected here)
        return [cert]
    except ValueError:
        return _certs_from_pkcs7(der)


def certificates_from_bytes(data: bytes) -> list[x509.Certificate]:
    """Every certificate in ``data``; raises ValueError when there is none."""
    certs: list[x509.Certificate] = []
    if pem.detect(data):
        for kind, _headers, der in pem.unarmor(data, multiple=True):
            if kind in _PEM_CERT_TYPES:
                certs.extend(_certs_from_der(der))
            elif kind in _PEM_PKCS7_TYPES:
                certs.extend(_certs_from_pkcs7(der))
    else:
        certs = _certs_from_der(data)
    if not certs:
        raise ValueError("no certificate found")
    return certs


def load_certificates(path: str | Path) -> list[x509.Certificate]:
    """Certificates in a PEM/DER/.p7b/.p7c file, or :class:`TrustError`."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise TrustError("certificate_file_unreadable", str(exc), path=str(p)) from exc
    try:
        return certificates_from_bytes(data)
    except (ValueError, TypeError, KeyError) as exc:
        raise TrustError("not_a_certificate_file", str(exc), path=str(p)) from exc


def to_pem(cert: x509.Certificate) -> bytes:
    return bytes(pem.armor("CERTIFICATE", cert.dump()))


def load_crl_bytes(path: str | Path) -> bytes:
    """A CRL file (DER or PEM) as DER, checked to parse."""
    from asn1crypto import crl

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise TrustError("crl_file_unreadable", str(exc), path=str(p)) from exc
    try:
        if pem.detect(data):
            _kind, _headers, data = pem.unarmor(data)
        parsed = crl.CertificateList.load(data, strict=True)
        parsed.native  # noqa: B018  (full parse)
    except (ValueError, TypeError, KeyError) as exc:
        raise TrustError("not_a_crl_file", str(exc), path=str(p)) from exc
    return bytes(data)
