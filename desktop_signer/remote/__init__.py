"""BSrE remote signing through the agency's eSign Client Service (DESIGN §4.1, issue 13).

The service holds the key and makes the signature; we compute the box, render the stamp,
add the footer, check what comes back, add the long-term data, write and journal it.

- :class:`EscAccount` / :class:`EscCredential`: the identity source and its secret;
- :func:`check_account`: the certificate's state (raises unless ``ISSUE``);
- :func:`sign_remote_batch`: many files, one passphrase or TOTP, in groups;
- :func:`remembered_login`: what the settings keep after a success (never a secret);
- :class:`RemoteSigningError`: every refusal, with a stable code.
"""

from __future__ import annotations

from desktop_signer.remote.account import (
    EscAccount,
    EscCredential,
    check_account,
    http_warning_needed,
)
from desktop_signer.remote.batch import (
    RemoteBatchResult,
    RemoteSigningSession,
    sign_remote_batch,
)
from desktop_signer.remote.errors import BLOCKING_STATUSES, RemoteSigningError
from desktop_signer.remote.esc_client import EscClient, Login, SignatureProperties, UserStatus
from desktop_signer.remote.remember import remembered_login

__all__ = [
    "BLOCKING_STATUSES",
    "EscAccount",
    "EscClient",
    "EscCredential",
    "Login",
    "RemoteBatchResult",
    "RemoteSigningError",
    "RemoteSigningSession",
    "SignatureProperties",
    "UserStatus",
    "check_account",
    "http_warning_needed",
    "remembered_login",
    "sign_remote_batch",
]
