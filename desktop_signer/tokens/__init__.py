"""Tokens and identities: find PKCS#11 modules and tokens, list signing certificates, log
in without ever locking a PIN by accident, and hand signing code a ``SigningIdentity``
(DESIGN §4.1–§4.3). No Qt here; the core never prompts: PINs come in as arguments.

Entry points:
  * :func:`open_pkcs11_identity` / :func:`load_pkcs12_identity` -> ``SigningIdentity``
  * :func:`desktop_signer.tokens.inventory.scan` -> modules tried, tokens, certificates
  * errors: :mod:`desktop_signer.tokens.errors`
"""

from __future__ import annotations

from desktop_signer.tokens.errors import TokenError
from desktop_signer.tokens.pkcs11_identity import Pkcs11Identity, open_pkcs11_identity
from desktop_signer.tokens.pkcs12_identity import Pkcs12Identity, load_pkcs12_identity

__all__ = [
    "Pkcs11Identity",
    "Pkcs12Identity",
    "TokenError",
    "load_pkcs12_identity",
    "open_pkcs11_identity",
]
