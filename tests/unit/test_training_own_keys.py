"""The training PKI's key loading without RSA's consistency check returns exactly what
certomancer's own backend returns (``desktop_signer/training/own_keys.py``)."""

from __future__ import annotations

import pytest
from certomancer import crypto_utils
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from desktop_signer.training import own_keys


def _pem(key: object, password: bytes | None = None) -> bytes:
    encryption = serialization.BestAvailableEncryption(password) if password else \
        serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM,  # type: ignore[attr-defined]
                             serialization.PrivateFormat.PKCS8, encryption)


@pytest.mark.parametrize("password", [None, b"latihan"])
@pytest.mark.parametrize("make", [lambda: rsa.generate_private_key(65537, 2048),
                                  lambda: ec.generate_private_key(ec.SECP256R1())],
                         ids=["rsa", "ec"])
def test_same_key_infos_as_the_library(make: object, password: bytes | None) -> None:
    data = _pem(make(), password)  # type: ignore[operator]
    ours = own_keys.OwnKeysBackend().load_private_key(data, password)
    theirs = crypto_utils.PycaCryptographyBackend().load_private_key(data, password)
    assert ours[0].dump() == theirs[0].dump() and ours[1].dump() == theirs[1].dump()


def test_a_wrong_password_still_fails() -> None:
    data = _pem(rsa.generate_private_key(65537, 2048), b"benar")
    with pytest.raises(ValueError):
        own_keys.OwnKeysBackend().load_private_key(data, b"salah")


def test_installed_for_certomancer_once() -> None:
    own_keys.install()
    own_keys.install()
    assert type(crypto_utils.CRYPTO_BACKEND) is own_keys.OwnKeysBackend
