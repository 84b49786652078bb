"""Signing as the user asked for it, every attempt journaled (DESIGN §7, issue 15).

The login is part of the attempt: a wrong PIN, a locked token, a wrong PKCS#12 passphrase
or a remote service that refuses are journal rows like a document that failed, so the CLI,
the window and the remote signer record them the same way by opening the identity through
:func:`open_identity` (or signing with :func:`sign_files`), not each in its own way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from asn1crypto import x509

from desktop_signer.identity import SigningIdentity
from desktop_signer.journal import Journal
from desktop_signer.signing.batch import BatchResult, Progress, record_failures, sign_batch
from desktop_signer.signing.options import SignJob, SignOptions

Opener = Callable[[], SigningIdentity]


def open_identity(opener: Opener, jobs: Sequence[SignJob], level: str, *, key_kind: str,
                  journal: Journal | None, certificate: x509.Certificate | None = None
                  ) -> SigningIdentity:
    """``opener()`` (which logs in); when it raises, one failed row per job is journaled
    with the error's code before the error goes on to the caller. ``certificate``: the
    one the user chose, when known before the login (it names the rows)."""
    try:
        return opener()
    except Exception as exc:
        record_failures(journal, jobs, exc, key_kind, level, certificate)
        raise


def sign_files(opener: Opener, jobs: Sequence[SignJob], options: SignOptions, *,
               key_kind: str, journal: Journal | None,
               prepare: Callable[[SigningIdentity, SignOptions], SignOptions] | None = None,
               certificate: x509.Certificate | None = None, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> BatchResult:
    """Log in, sign every job, log out; every attempt journaled. ``prepare`` may adjust
    the options once the identity is known (the stamp's name from its certificate)."""
    identity = open_identity(opener, jobs, options.level, key_kind=key_kind, journal=journal,
                             certificate=certificate)
    try:
        if prepare is not None:
            options = prepare(identity, options)
        return sign_batch(identity, jobs, options, progress=progress, cancel=cancel,
                          journal=journal)
    finally:
        identity.close()


def open_identity_journaled(opener: Opener, jobs: Sequence[SignJob], level: str, *,
                            key_kind: str, certificate_der: bytes = b"") -> SigningIdentity:
    """:func:`open_identity` with this user's journal, for callers that log in on their own
    (the window's PIN dialog): a wrong PIN, a locked token or a refused passphrase is a
    failed row for each document the user asked to sign. A journal that cannot be opened
    never stops the login."""
    certificate = None
    if certificate_der:
        try:
            certificate = x509.Certificate.load(certificate_der)
            certificate.native  # noqa: B018 - parse now, not while writing the row
        except (ValueError, TypeError):
            certificate = None
    try:
        journal: Journal | None = Journal()
    except Exception:  # the journal never blocks signing
        journal = None
    try:
        return open_identity(opener, jobs, level, key_kind=key_kind, journal=journal,
                             certificate=certificate)
    finally:
        if journal is not None:
            journal.close()
