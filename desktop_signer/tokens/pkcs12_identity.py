"""A PKCS#12 file (.p12/.pfx) as a ``SigningIdentity``.

The file is decrypted once, when the identity is opened, so a wrong passphrase is reported
before any document is touched. The passphrase itself is not kept.
"""

from __future__ import annotations

import os
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign.signers import Signer, SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop_signer.identity import SigningIdentity
from desktop_signer.tokens.certinfo import CertificateInfo, describe
from desktop_signer.tokens.errors import Pkcs12Error


class Pkcs12Identity(SigningIdentity):
    kind = "pkcs12"

    def __init__(self, path: Path, key: asn1_keys.PrivateKeyInfo, cert: x509.Certificate,
                 others: list[x509.Certificate]) -> None:
        self.path = path
        self._key: asn1_keys.PrivateKeyInfo | None = key
        self._cert = cert
        self._others = others
        self.info: CertificateInfo = describe(cert)
        self.certificate_ref = str(path)  # what settings.last_certificate remembers

    @property
    def certificate(self) -> x509.Certificate:
        return self._cert

    @property
    def other_certificates(self) -> list[x509.Certificate]:
        return list(self._others)

    def pyhanko_signer(self, *, prefer_pss: bool = False, embed_roots: bool = True) -> Signer:
        if self._key is None:
            raise Pkcs12Error("pkcs12_closed", str(self.path))
        return SimpleSigner(
            signing_key=self._key,
            signing_cert=self._cert,
            cert_registry=SimpleCertificateStore.from_certs(self._others),
            prefer_pss=prefer_pss,
            embed_roots=embed_roots,
        )

    def close(self) -> None:
        self._key = None  # drop our reference to the decrypted key


def _is_pkcs12_container(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        pfx["auth_safe"]["content_type"].native  # noqa: B018  (forces parsing)
        return bool(pfx["version"].native == "v3")
    except (ValueError, TypeError, KeyError):
        return False


def load_pkcs12_identity(path: str | os.PathLike[str], passphrase: str | None) -> Pkcs12Identity:
    """Open a PKCS#12 file. Raises Pkcs12Error with code ``pkcs12_unreadable`` (missing,
    unreadable, not PKCS#12), ``pkcs12_passphrase_incorrect`` (intact file, wrong
    passphrase) or ``pkcs12_no_key`` (no private key or no certificate inside)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise Pkcs12Error("pkcs12_unreadable", str(file), exc.strerror or type(exc).__name__
                          ) from None
    secret = passphrase.encode("utf-8") if passphrase else None
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, secret)
    except ValueError:
        # cryptography says "Invalid password or PKCS12 data" for both; the structure
        # tells them apart. ``from None``: nothing of the attempt is kept in the chain.
        code = "pkcs12_passphrase_incorrect" if _is_pkcs12_container(data) else \
            "pkcs12_unreadable"
        raise Pkcs12Error(code, str(file)) from None
    if key is None or cert is None:
        raise Pkcs12Error("pkcs12_no_key", str(file))
    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return Pkcs12Identity(
        file,
        asn1_keys.PrivateKeyInfo.load(key_der),
        x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        [x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in others],
    )
