"""Write training identities onto SoftHSM tokens (runs as a child process).

Invoked as ``python -m desktop_signer.training.provision`` with ``SOFTHSM2_CONF`` set and a
JSON job on standard input (the PIN travels there, never on the command line). Prints a
JSON result on standard output.

Job: {"module": PATH, "pin": PIN, "steps": [STEP, ...]} where STEP is one of
  {"op": "generate", "token": T, "label": L, "id": HEX}         -> public key PEM in result
  {"op": "import_key", "token": T, "label": L, "id": HEX, "key": PEM_PATH}
  {"op": "import_cert", "token": T, "label": L, "id": HEX, "cert": DER_PATH}
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pkcs11
from asn1crypto import keys as asn1_keys
from asn1crypto import pem
from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass
from pkcs11.util.rsa import decode_rsa_private_key, decode_rsa_public_key, encode_rsa_public_key
from pkcs11.util.x509 import decode_x509_certificate

RSA_BITS = 2048


def _private_key_der(path: Path) -> bytes:
    data = path.read_bytes()
    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    info = asn1_keys.PrivateKeyInfo.load(data)
    # PKCS#11 wants the PKCS#1 RSAPrivateKey inside the PKCS#8 wrapper
    der: bytes = info["private_key"].parsed.dump()
    return der


def _generate(session: Any, step: dict[str, Any]) -> str:
    key_id = bytes.fromhex(step["id"])
    pub, _priv = session.generate_keypair(
        KeyType.RSA,
        RSA_BITS,
        id=key_id,
        label=step["label"],
        store=True,
        public_template={Attribute.VERIFY: True, Attribute.TOKEN: True},
        private_template={
            Attribute.SIGN: True,
            Attribute.SENSITIVE: True,
            Attribute.EXTRACTABLE: False,
            Attribute.PRIVATE: True,
            Attribute.TOKEN: True,
        },
    )
    rsa_pub = asn1_keys.RSAPublicKey.load(encode_rsa_public_key(pub))
    spki = asn1_keys.PublicKeyInfo(
        {"algorithm": {"algorithm": "rsa", "parameters": None}, "public_key": rsa_pub}
    )
    armored: bytes = pem.armor("PUBLIC KEY", spki.dump())
    return armored.decode("ascii")


def _import_key(session: Any, step: dict[str, Any]) -> None:
    key_id = bytes.fromhex(step["id"])
    der = _private_key_der(Path(step["key"]))
    attrs = decode_rsa_private_key(der)
    attrs.update(
        {
            Attribute.TOKEN: True,
            Attribute.PRIVATE: True,
            Attribute.SENSITIVE: True,
            Attribute.EXTRACTABLE: False,
            Attribute.SIGN: True,
            Attribute.ID: key_id,
            Attribute.LABEL: step["label"],
        }
    )
    session.create_object(attrs)
    rsa_priv = asn1_keys.RSAPrivateKey.load(der)
    pub_der = asn1_keys.RSAPublicKey(
        {"modulus": rsa_priv["modulus"], "public_exponent": rsa_priv["public_exponent"]}
    ).dump()
    pub_attrs = decode_rsa_public_key(pub_der)
    pub_attrs.update(
        {
            Attribute.TOKEN: True,
            Attribute.VERIFY: True,
            Attribute.ID: key_id,
            Attribute.LABEL: step["label"],
        }
    )
    session.create_object(pub_attrs)


def _import_cert(session: Any, step: dict[str, Any]) -> None:
    attrs = decode_x509_certificate(Path(step["cert"]).read_bytes())
    attrs.update(
        {
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True,
            Attribute.PRIVATE: False,
            Attribute.ID: bytes.fromhex(step["id"]),
            Attribute.LABEL: step["label"],
        }
    )
    session.create_object(attrs)


def run(job: dict[str, Any]) -> dict[str, Any]:
    lib = pkcs11.lib(job["module"])
    sessions: dict[str, Any] = {}
    result: dict[str, Any] = {"public_keys": {}}
    try:
        for step in job["steps"]:
            token_label = step["token"]
            if token_label not in sessions:
                token = lib.get_token(token_label=token_label)
                sessions[token_label] = token.open(rw=True, user_pin=job["pin"])
            session = sessions[token_label]
            if step["op"] == "generate":
                result["public_keys"][step["label"]] = _generate(session, step)
            elif step["op"] == "import_key":
                _import_key(session, step)
            elif step["op"] == "import_cert":
                _import_cert(session, step)
            else:
                raise ValueError(f"unknown step {step['op']!r}")
    finally:
        for session in sessions.values():
            session.close()
    return result


def main() -> int:
    job = json.loads(sys.stdin.read())
    try:
        result = run(job)
    except Exception as exc:  # reported to the parent, which raises a typed error
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
