"""certomancer reads the training keys without RSA's full consistency check.

certomancer loads every private key of the training PKI twice through cryptography with
RSA key validation (primality checks of p and q, about 20 ms each for 2048 bits), so
loading the set-up took about 1 s. Worse, that work runs in native code in stretches that
hold the GIL, so while the window starts its training services in a worker thread, every
Qt callback of the GUI thread waits: the window stalled for about 0.4 s
(``benchmarks/bench_panel.py``, first 8-signature letter in training mode).

The keys are the ones ``training init`` generated and wrote into the user's own training
folder, so the check protects against nothing here. cryptography offers exactly this
switch (``unsafe_skip_rsa_key_validation``); certomancer has no option to pass it, so its
backend is wrapped here rather than forked. Only key *loading* changes: the PrivateKeyInfo
and PublicKeyInfo it returns are the same as the library's.
"""

from __future__ import annotations

import threading

from asn1crypto import keys, pem
from certomancer import crypto_utils
from cryptography.hazmat.primitives import serialization

_install_lock = threading.Lock()


class OwnKeysBackend(crypto_utils.PycaCryptographyBackend):
    def load_private_key(self, key_bytes: bytes, password: bytes | None
                         ) -> tuple[keys.PrivateKeyInfo, keys.PublicKeyInfo]:
        load = serialization.load_pem_private_key if pem.detect(key_bytes) \
            else serialization.load_der_private_key
        key = load(key_bytes, password=password, unsafe_skip_rsa_key_validation=True)
        private_info = keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        public_info = keys.PublicKeyInfo.load(key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo))
        return private_info, public_info


def install() -> None:
    """Use :class:`OwnKeysBackend` for certomancer in this process (once; certomancer is
    used for the training PKI only)."""
    with _install_lock:
        if type(crypto_utils.CRYPTO_BACKEND) is crypto_utils.PycaCryptographyBackend:
            crypto_utils.CRYPTO_BACKEND = OwnKeysBackend()
