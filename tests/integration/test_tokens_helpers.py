"""Test-owned extra SoftHSM tokens for the token tests (no tests in this file).

They live in the training SoftHSM folder (SOFTHSM2_CONF is read once per process, so a
separate SoftHSM set-up is impossible in-process). SoftHSM enumerates tokens only in
C_Initialize: after ``softhsm2-util --init-token`` the module must be initialised again
(``loader.rescan``), which is refused while any of our sessions is open on it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem
from pkcs11 import Attribute, CertificateType, ObjectClass
from pkcs11.util.rsa import decode_rsa_private_key, decode_rsa_public_key
from pkcs11.util.x509 import decode_x509_certificate

from desktop_signer.tokens import loader
from desktop_signer.training import softhsm
from desktop_signer.training.provision import _private_key_der
from desktop_signer.training.setup import TrainingSetup


@dataclass(frozen=True)
class Put:
    """One object to write: the key and/or the certificate of a training identity."""

    identity: str  # training label whose key/cert files are used
    key_id: bytes | None = None  # None: no private key
    key_label: str = ""
    cert_id: bytes | None = None  # None: no certificate
    cert_label: str = ""
    public_key: bool = True  # also a public key object beside the private key
    always_authenticate: bool = False


def key_pem(training: TrainingSetup, label: str) -> Path:
    return Path(training.directory) / "pki" / "keys" / f"{label}.key.pem"


def cert_der(training: TrainingSetup, label: str) -> bytes:
    _, _, der = pem.unarmor(Path(training.identity(label).certificate).read_bytes())
    return bytes(der)


def _write(session: object, training: TrainingSetup, put: Put) -> None:
    from asn1crypto import keys as asn1_keys

    if put.key_id is not None:
        der = _private_key_der(key_pem(training, put.identity))
        attrs = decode_rsa_private_key(der)
        attrs.update({
            Attribute.TOKEN: True, Attribute.PRIVATE: True, Attribute.SENSITIVE: True,
            Attribute.EXTRACTABLE: False, Attribute.SIGN: True, Attribute.ID: put.key_id,
            Attribute.LABEL: put.key_label, Attribute.ALWAYS_AUTHENTICATE:
            put.always_authenticate,
        })
        session.create_object(attrs)  # type: ignore[attr-defined]
        if put.public_key:
            rsa = asn1_keys.RSAPrivateKey.load(der)
            pub = decode_rsa_public_key(asn1_keys.RSAPublicKey(
                {"modulus": rsa["modulus"], "public_exponent": rsa["public_exponent"]}).dump())
            pub.update({Attribute.TOKEN: True, Attribute.VERIFY: True,
                        Attribute.ID: put.key_id, Attribute.LABEL: put.key_label})
            session.create_object(pub)  # type: ignore[attr-defined]
    if put.cert_id is not None:
        attrs = decode_x509_certificate(cert_der(training, put.identity))
        attrs.update({
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
            Attribute.PRIVATE: False, Attribute.ID: put.cert_id, Attribute.LABEL: put.cert_label,
        })
        session.create_object(attrs)  # type: ignore[attr-defined]


def create_token(training: TrainingSetup, label: str, puts: list[Put],
                 pin: str | None = None) -> None:
    pin = pin or training.pin
    softhsm.init_token(Path(training.softhsm_conf), label, pin, training.so_pin)
    assert loader.rescan(training.module), "a session is still open on SoftHSM"
    lib = loader.load(training.module).lib
    session = lib.get_token(token_label=label).open(rw=True, user_pin=pin)
    try:
        for put in puts:
            _write(session, training, put)
    finally:
        session.close()


def delete_token(training: TrainingSetup, label: str) -> None:
    subprocess.run(
        [str(softhsm.find_util()), "--delete-token", "--token", label],
        env=softhsm.env_for(Path(training.softhsm_conf)), check=True, capture_output=True,
    )


@contextmanager
def extra_token(training: TrainingSetup, label: str, puts: list[Put],
                pin: str | None = None) -> Iterator[str]:
    """A token that exists for the duration of the block, then is deleted again."""
    create_token(training, label, puts, pin)
    try:
        yield label
    finally:
        delete_token(training, label)
        loader.rescan(training.module)
