"""BSrE remote signing behind the one signer interface (:class:`SigningIdentity`).

For the window's identity chooser, a remote source lists one option per remembered NIK
("BSrE eSign (NIK + passphrase)"), checks the certificate's state with
:func:`desktop_signer.remote.check_account` (off the GUI thread; every state but ``ISSUE``
is a stable ``esc_status_*`` code with a message saying what to do), asks for the
passphrase, or requests a TOTP with :func:`request_totp` and asks for the BeSign code, and
returns a :class:`RemoteIdentity` from ``open``. ``desktop_signer.signing.sign_batch``
hands a remote identity to :func:`~desktop_signer.remote.sign_remote_batch`, so the
window's batch flow (progress per file, cancel) needs nothing else.

The service makes the whole signature, so there is no pyHanko signer, and the signer's
certificate is only known after the first signature: :attr:`RemoteIdentity.known_certificate`
is ``None`` until then (the stamp's name comes from the profile or ``esc.signer_name``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_signer.identity import SigningIdentity
from desktop_signer.remote.account import KIND, EscAccount, EscCredential
from desktop_signer.remote.errors import RemoteSigningError

if TYPE_CHECKING:
    from asn1crypto import x509
    from pyhanko.sign.signers import Signer

    from desktop_signer.journal import Journal
    from desktop_signer.remote.batch import RemoteBatchResult
    from desktop_signer.signing.options import SignJob, SignOptions

SOURCE_LABEL = "BSrE eSign (NIK + passphrase)"


class RemoteIdentity(SigningIdentity):
    kind = KIND

    def __init__(self, account: EscAccount, credential: EscCredential,
                 certificate: x509.Certificate | None = None) -> None:
        self.account = account
        self.credential: EscCredential | None = credential
        self.known_certificate = certificate

    def __repr__(self) -> str:
        return f"RemoteIdentity({self.account!r})"

    @property
    def certificate(self) -> x509.Certificate:
        if self.known_certificate is None:
            raise RemoteSigningError("esc_certificate_unknown")
        return self.known_certificate

    @property
    def other_certificates(self) -> list[x509.Certificate]:
        return []

    def pyhanko_signer(self) -> Signer:
        raise RemoteSigningError("esc_no_local_signer")

    def close(self) -> None:
        self.credential = None  # the passphrase lives no longer than the batch


def request_totp(account: EscAccount, count: int) -> str:
    """Asks the service for a TOTP covering ``count`` files (shown in BeSign); returns the
    service's message."""
    account.validate()
    with account.client() as client:
        return client.request_totp(account.login, count)


def sign_batch_remote(identity: RemoteIdentity, jobs: Sequence[SignJob],
                      options: SignOptions, *,
                      progress: Callable[[int, int, Path | None], None] | None = None,
                      cancel: threading.Event | None = None,
                      journal: Journal | None = None) -> RemoteBatchResult:
    """``signing.sign_batch`` for a remote identity; the certificate learned from the first
    signature is kept on the identity."""
    from desktop_signer.remote.batch import sign_remote_batch

    if identity.credential is None:
        raise RemoteSigningError("esc_wrong_passphrase", "closed")
    result = sign_remote_batch(identity.account, identity.credential, jobs, options,
                               progress=progress, cancel=cancel, journal=journal,
                               certificate_seen=_keeper(identity))
    return result


def _keeper(identity: RemoteIdentity) -> Callable[[x509.Certificate], None]:
    def keep(cert: x509.Certificate) -> None:
        identity.known_certificate = cert

    return keep
