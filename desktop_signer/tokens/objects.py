"""Reading certificates and keys off a token (under the token's lock).

Before login a token usually shows its certificates and public keys but hides its private
keys (CKA_PRIVATE). :func:`read_objects` returns what is visible; callers pair
certificates with private keys when logged in, and with public keys (a strong hint that the
private key sits beside them) when not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pkcs11
from asn1crypto import x509
from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

from desktop_signer.tokens.matching import (
    CertRef,
    KeyRef,
    certificate_fingerprint,
    ec_fingerprint,
    rsa_fingerprint,
)
from desktop_signer.tokens.session import TokenSession


@dataclass(frozen=True)
class TokenObjects:
    certificates: tuple[CertRef[x509.Certificate], ...]
    private_keys: tuple[KeyRef[Any], ...]  # obj: python-pkcs11 PrivateKey
    public_keys: tuple[KeyRef[Any], ...]


def attribute(obj: Any, name: Attribute, default: Any = None) -> Any:
    """An attribute, or ``default`` when the token does not have or will not show it."""
    try:
        return obj[name]
    except (pkcs11.PKCS11Error, KeyError, NotImplementedError):
        return default


def _id(obj: Any) -> bytes:
    value = attribute(obj, Attribute.ID, b"")
    return bytes(value) if value else b""


def _label(obj: Any) -> str:
    value = attribute(obj, Attribute.LABEL, "")
    return str(value).strip() if value else ""


def _key_fingerprint(obj: Any) -> bytes | None:
    key_type = attribute(obj, Attribute.KEY_TYPE)
    if key_type == KeyType.RSA:
        modulus = attribute(obj, Attribute.MODULUS)
        return rsa_fingerprint(modulus) if modulus else None
    if key_type == KeyType.EC:
        point = attribute(obj, Attribute.EC_POINT)  # public keys only, as a rule
        return ec_fingerprint(bytes(point)) if point else None
    return None


def read_objects(ts: TokenSession) -> TokenObjects:
    """Certificates (X.509 only), private keys and public keys visible in the session."""
    with ts.lock:
        session = ts.raw
        try:
            certs = []
            for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                if attribute(obj, Attribute.CERTIFICATE_TYPE) != CertificateType.X_509:
                    continue
                der = attribute(obj, Attribute.VALUE)
                if not der:
                    continue
                try:
                    cert = x509.Certificate.load(bytes(der))
                    fingerprint = certificate_fingerprint(cert.public_key)
                except ValueError:
                    continue  # unparsable certificate: nothing a user could sign with
                certs.append(CertRef(cert, _id(obj), _label(obj), fingerprint))
            private = [
                KeyRef(obj, _id(obj), _label(obj), _key_fingerprint(obj))
                for obj in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
            ]
            public = [
                KeyRef(obj, _id(obj), _label(obj), _key_fingerprint(obj))
                for obj in session.get_objects({Attribute.CLASS: ObjectClass.PUBLIC_KEY})
            ]
        except pkcs11.PKCS11Error as exc:
            raise ts.translate(exc) from exc
    # EC private keys carry no point: borrow it from the public key with the same id/label
    public_by_id = {k.id: k.fingerprint for k in public if k.id and k.fingerprint}
    public_by_label = {k.label: k.fingerprint for k in public if k.label and k.fingerprint}
    private = [
        k if k.fingerprint is not None else KeyRef(
            k.obj, k.id, k.label,
            (public_by_id.get(k.id) if k.id else None)
            or (public_by_label.get(k.label) if k.label else None),
        )
        for k in private
    ]
    return TokenObjects(tuple(certs), tuple(private), tuple(public))


def key_always_authenticate(key: Any) -> bool:
    return bool(attribute(key, Attribute.ALWAYS_AUTHENTICATE, False))


def key_can_sign(key: Any) -> bool:
    return bool(attribute(key, Attribute.SIGN, True))
