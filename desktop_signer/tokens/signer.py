"""pyHanko's PKCS11Signer, wrapped for what pyHanko does not do.

pyHanko (0.38) signs through ``PKCS11Signer``: it looks the key up by id or label and calls
``key.sign`` in an executor thread. We keep its mechanism selection (RSA PKCS#1 v1.5 and
PSS, ECDSA, EdDSA, ...) and change three things:

1. **Context-specific login** (CKA_ALWAYS_AUTHENTICATE, e.g. SafeNet eToken 5110 CC):
   such keys refuse to sign (CKR_USER_NOT_LOGGED_IN) unless ``C_Login(CKU_CONTEXT_SPECIFIC)``
   comes between ``C_SignInit`` and ``C_Sign`` of *every* signature. pyHanko never does
   that. python-pkcs11 does it when ``sign(..., pin=PIN)`` is given, so the key handle we
   hand pyHanko adds the PIN to each call for such keys (and only for them).
   python-pkcs11 cannot make that login without a PIN (it always encodes a string), and an
   empty PIN could count as a wrong try on some PIN-pad readers, so a PIN-pad token with
   such a key is refused with ``pinpad_context_login`` instead of guessed at.
2. **One thread at a time**: pyHanko calls ``key.sign`` from its executor thread; the
   handle takes the module's lock there, so no other thread enters the module meanwhile.
3. **Typed errors**: PKCS#11 failures while signing become our errors (wrong PIN during the
   context login with the token's state after it, token removed, ...).

The key is the one we matched ourselves (by CKA_ID, label or public key), so pyHanko's own
id/label lookup (which fails when only the public key links key and certificate) is
bypassed by overriding ``_pull_signing_key_handle``.
"""

from __future__ import annotations

from typing import Any

import pkcs11
from asn1crypto import x509
from pyhanko.sign.pkcs11 import PKCS11Signer

from desktop_signer.tokens.errors import PinPadContextLoginError, TokenRemovedError
from desktop_signer.tokens.session import TokenSession


class GuardedKey:
    """The private key as pyHanko sees it: ``sign`` under the module lock, with the
    context-specific login when the key demands it, and typed errors."""

    def __init__(self, ts: TokenSession, key: Any, *, always_authenticate: bool,
                 pin: str | None) -> None:
        self._ts = ts
        self._key = key
        self.always_authenticate = always_authenticate
        self._pin = pin
        self.signatures = 0

    def forget_pin(self) -> None:
        self._pin = None

    def sign(self, data: bytes, **kwargs: Any) -> bytes:
        with self._ts.lock:
            if self._ts.closed:
                raise TokenRemovedError(self._ts.label, "session closed")
            if self.always_authenticate:
                if self._ts.pin_pad or self._pin is None:
                    raise PinPadContextLoginError(self._ts.label)
                kwargs["pin"] = self._pin
            try:
                signature: bytes = self._key.sign(data, **kwargs)
            except pkcs11.PKCS11Error as exc:
                raise self._ts.translate(exc) from exc
            self.signatures += 1
            return signature

    def __getitem__(self, item: Any) -> Any:  # pyHanko reads key attributes on occasion
        with self._ts.lock:
            return self._key[item]


class TokenSigner(PKCS11Signer):
    def __init__(self, ts: TokenSession, key: GuardedKey, signing_cert: x509.Certificate,
                 chain: list[x509.Certificate], *, prefer_pss: bool = False,
                 embed_roots: bool = True) -> None:
        super().__init__(
            pkcs11_session=ts.raw,
            signing_cert=signing_cert,
            ca_chain=chain,
            other_certs_to_pull=(),  # the chain is given; nothing to fetch from the token
            prefer_pss=prefer_pss,
            embed_roots=embed_roots,
            key_label="(matched by desktop_signer)",  # unused: see _pull_signing_key_handle
        )
        self.guarded_key = key

    def _pull_signing_key_handle(self) -> GuardedKey:
        return self.guarded_key
