"""Remote signing of many files with one passphrase (or one TOTP) (issue 13 item 5).

Files go to the service in groups (``EscAccount.batch_size``, default 10), one request per
group; the next group is on the wire while the previous one is checked. Progress is
reported per file; cancellation is checked between groups (a group on the wire is
finished: its files are checked and written, or rolled back). A problem with one document
(unreadable, no room for the stamp, a reply that fails our checks) fails that document; a
problem with the account or the service (wrong passphrase, client credential refused,
certificate not usable, timeout, service unreachable) ends the batch before the next
group, as an exception. Every finished attempt is journalled with key kind "remote".
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import x509

from desktop_signer.appearance.profile import StampProfile, profile_from_settings
from desktop_signer.errors import DesktopSignerError
from desktop_signer.journal import Journal, JournalEntry
from desktop_signer.remote.accept import Staged, judge, stage
from desktop_signer.remote.account import EscAccount, EscCredential, require_issue
from desktop_signer.remote.errors import RemoteSigningError
from desktop_signer.remote.esc_client import EscClient
from desktop_signer.remote.prepare import PreparedDocument, prepare
from desktop_signer.settings import SignerProfile
from desktop_signer.signing.batch import BatchResult
from desktop_signer.signing.checker import BackgroundChecker, CheckAnswer
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.options import SignJob, SignOptions
from desktop_signer.signing.output import PendingOutput
from desktop_signer.signing.postcheck import CheckOutcome, check_output
from desktop_signer.signing.signer import SignResult

Progress = Callable[[int, int, Path | None], None]  # done, total, current file (None: end)
KEY_KIND = "remote"

# errors that concern the account or the service: the batch stops
BATCH_ERRORS = frozenset({
    "esc_not_registered", "esc_no_certificate", "esc_wrong_passphrase", "esc_wrong_totp",
    "esc_auth_failed", "esc_timeout", "esc_unreachable", "esc_tls_failed",
})


@dataclass(frozen=True)
class RemoteBatchResult(BatchResult):
    groups_sent: int = 0
    service_seconds: float = 0.0  # time spent waiting for the service (round trips)


class RemoteSigningSession:
    """One account, one credential, many documents. ``profile``: the stamp's content
    (name, jabatan, NIP); the service's certificate is only known after the first
    signature, so the caller supplies the name (settings, the last remote signature)."""

    def __init__(self, account: EscAccount, credential: EscCredential,
                 options: SignOptions, profile: StampProfile | None = None) -> None:
        account.validate()
        if not credential.value:
            raise RemoteSigningError("esc_wrong_totp" if credential.is_totp
                                     else "esc_wrong_passphrase", "empty")
        self.account = account
        self.credential = credential
        self.options = options
        base = profile or options.profile or profile_from_settings(SignerProfile())
        if options.visible and not base.name.strip():
            raise RemoteSigningError("esc_name_required")
        self.profile = replace(base, training=base.training or options.training)
        self.client: EscClient = account.client()
        self._stamps: dict[tuple[float, float, int], bytes] = {}
        self.service_seconds = 0.0
        self.groups_sent = 0
        self.last_certificate: x509.Certificate | None = None

    def close(self) -> None:
        self.client.close()

    def check_status(self) -> None:
        require_issue(self.client.check_status(self.account.login), self.account.login)

    def request_totp(self, count: int) -> str:
        return self.client.request_totp(self.account.login, count)

    def prepare(self, job: SignJob) -> PreparedDocument:
        return prepare(job, self.options, self.profile, self._stamps)

    def send(self, prepared: Sequence[PreparedDocument]) -> tuple[bytes, ...]:
        cred = self.credential
        reply = self.client.sign_pdfs(
            self.account.login, [p.data for p in prepared], [p.properties for p in prepared],
            passphrase=None if cred.is_totp else cred.value,
            totp=cred.value if cred.is_totp else None)
        self.service_seconds += reply.seconds
        self.groups_sent += 1
        return reply.files

    def stage(self, sent: PreparedDocument, data: bytes) -> tuple[Staged, PendingOutput]:
        """Checks 1-3 of :mod:`desktop_signer.remote.accept`, and the bytes written to the
        hidden temporary output (not yet published)."""
        staged = stage(sent, data, self.options)
        pending = PendingOutput.create(sent.job.output, self.options.overwrite)
        try:
            pending.file.write(staged.data)
            pending.start_sync()  # fsync on its thread while the file is checked
        except BaseException:
            pending.discard()
            raise
        return staged, pending

    def publish(self, sent: PreparedDocument, staged: Staged, pending: PendingOutput,
                checked: CheckOutcome | None, started: float) -> SignResult:
        """Our verifier's check (unless done elsewhere), then the file gets its name."""
        opts = self.options
        try:
            if checked is None:
                checked = check_output(sent.job.output.name, staged.data, staged.field_name,
                                       opts.trust, None)
            accepted = judge(sent, staged, checked)
            pending.wait_synced()
            pending.publish()
        except BaseException:
            pending.discard()
            raise
        self.last_certificate = accepted.certificate
        return SignResult(
            input=sent.job.input, output=sent.job.output, status="signed",
            requested_level=opts.level, level=accepted.level,
            downgraded=accepted.downgraded, field_name=accepted.field_name,
            page=sent.placement.page if sent.placement else None,
            output_sha256=accepted.checked.report.sha256,
            verdict=accepted.checked.verdict, seconds=time.perf_counter() - started)


def sign_remote_batch(account: EscAccount, credential: EscCredential,
                      jobs: Sequence[SignJob], options: SignOptions, *,
                      profile: StampProfile | None = None, progress: Progress | None = None,
                      cancel: threading.Event | None = None, journal: Journal | None = None,
                      check_status: bool = True,
                      certificate_seen: Callable[[x509.Certificate], None] | None = None
                      ) -> RemoteBatchResult:
    """Sign ``jobs`` through the service. The status check runs first (nothing is sent for
    a certificate that is not ``ISSUE``). For a TOTP credential the caller has already
    asked for the code (:meth:`RemoteSigningSession.request_totp` with ``len(jobs)``).

    While the service signs group N+1 (its request waits on a thread), this thread checks
    and writes the files of group N, and a worker process checks every other file (see
    :mod:`desktop_signer.signing.checker`): the batch costs little beyond the service's
    own time."""
    started = time.perf_counter()
    session = RemoteSigningSession(account, credential, options, profile)
    results: dict[int, SignResult] = {}
    cancelled = False
    sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="esc-send")
    checker: BackgroundChecker | None = None

    def complete(index: int, result: SignResult) -> None:
        results[index] = result
        if certificate_seen is not None and session.last_certificate is not None \
                and result.status == "signed":
            certificate_seen(session.last_certificate)
        if journal is not None:
            _journal(journal, result,
                     session.last_certificate if result.status == "signed" else None)

    def finish(group: _Group) -> None:
        try:
            files = group.reply.result()
        except RemoteSigningError as exc:
            if exc.code in BATCH_ERRORS:
                raise
            for index, sent, t0 in group.prepared:  # e.g. 5xx: the service refused it
                complete(index, _failed(sent.job, options, exc, t0))
            return
        _finish_group(session, group, files, checker, complete)

    try:
        if check_status:
            session.check_status()
        checker = BackgroundChecker.for_batch(len(jobs), options.verify_output)
        size = max(1, account.batch_size)
        previous: _Group | None = None
        for first in range(0, len(jobs), size):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            prepared: list[tuple[int, PreparedDocument, float]] = []
            for index in range(first, min(first + size, len(jobs))):
                job = jobs[index]
                if progress is not None:
                    progress(index, len(jobs), job.input)
                t0 = time.perf_counter()
                if job.output.exists() and not options.overwrite:
                    results[index] = SignResult(
                        job.input, job.output, "skipped", options.level,
                        error=SigningError("output_exists", path=str(job.output)))
                    continue
                try:
                    prepared.append((index, session.prepare(job), t0))
                except Exception as exc:  # this document only
                    complete(index, _failed(job, options, exc, t0))
            if not prepared:
                continue
            group = _Group(prepared, sender.submit(session.send, [p for _, p, _ in prepared]))
            if previous is not None:
                try:
                    finish(previous)  # while the service works on ``group``
                except RemoteSigningError:
                    # the batch ends; what the service already signed in ``group`` (say,
                    # after the previous group's timeout) is still checked and written
                    with contextlib.suppress(RemoteSigningError):
                        finish(group)
                    raise
            previous = group
        if previous is not None:
            finish(previous)
    finally:
        sender.shutdown(wait=True)  # a request on the wire is answered, never abandoned
        if checker is not None:
            checker.close()
        session.close()
    ordered = tuple(results[i] for i in sorted(results))
    if progress is not None:
        progress(len(ordered), len(jobs), None)
    return RemoteBatchResult(ordered, cancelled, time.perf_counter() - started,
                             groups_sent=session.groups_sent,
                             service_seconds=session.service_seconds)


@dataclass(frozen=True)
class _Group:
    prepared: list[tuple[int, PreparedDocument, float]]
    reply: Future[tuple[bytes, ...]]


def _finish_group(session: RemoteSigningSession, group: _Group, files: tuple[bytes, ...],
                  checker: BackgroundChecker | None,
                  complete: Callable[[int, SignResult], None]) -> None:
    """Stage every file, check every other one in the worker process and the rest here at
    the same time, then publish them in order."""
    options = session.options
    staged: list[tuple[int, PreparedDocument, float, Staged, PendingOutput,
                       Future[CheckAnswer] | None]] = []
    for n, ((index, sent, t0), data) in enumerate(zip(group.prepared, files, strict=True)):
        try:
            item, pending = session.stage(sent, data)
        except Exception as exc:
            complete(index, _failed(sent.job, options, exc, t0))
            continue
        future = None
        if checker is not None and n % 2 == 0:
            future = checker.submit(str(pending.path), sent.job.output.name, item.field_name,
                                    options.trust, None)
        staged.append((index, sent, t0, item, pending, future))
    outcomes: dict[int, CheckOutcome | Exception | None] = {}
    for index, sent, _t0, item, _pending, future in staged:
        if future is None:  # here, while the worker checks the others
            try:
                outcomes[index] = check_output(sent.job.output.name, item.data,
                                               item.field_name, options.trust, None)
            except Exception as exc:
                outcomes[index] = exc
    for index, sent, t0, item, pending, future in staged:
        outcome = outcomes.get(index)
        try:
            if future is not None and checker is not None:
                outcome = checker.outcome(future)  # None: the worker failed, check here
            if isinstance(outcome, Exception):
                raise outcome
            complete(index, session.publish(sent, item, pending, outcome, t0))
        except Exception as exc:
            pending.discard()
            complete(index, _failed(sent.job, options, exc, t0))


def _failed(job: SignJob, options: SignOptions, exc: Exception, started: float) -> SignResult:
    error = (exc if isinstance(exc, DesktopSignerError)
             else SigningError("signing_failed", f"{type(exc).__name__}: {exc}"))
    return SignResult(job.input, job.output, "failed", options.level, error=error,
                      seconds=time.perf_counter() - started)


def _journal(journal: Journal, result: SignResult,
             certificate: x509.Certificate | None) -> None:
    """A journal that cannot be written never blocks a signature (DESIGN §7)."""
    try:
        if certificate is not None:
            entry = JournalEntry.for_result(result, certificate, KEY_KIND)
        else:  # a failure: the service's certificate is not known
            entry = JournalEntry(
                time_utc=datetime.now(UTC).isoformat(timespec="seconds"),
                input_name=result.input.name, output_name=result.output.name,
                output_sha256="", cert_subject="", cert_serial="", cert_issuer="",
                key_kind=KEY_KIND, requested_level=result.requested_level, level="",
                result=result.status, error_code=result.error_code)
        journal.record(entry)
    except Exception:
        pass
