"""Many documents, one login (DESIGN §4.6, issue 4 item 7).

Progress is reported before each file and once at the end; cancellation is checked between
files (the file being written is finished or rolled back, never left half-written); one
file's failure is recorded and the batch goes on; an existing output is skipped unless
overwriting was asked for. Every attempt is written to the journal when one is given,
also when the whole batch fails before its first file (an expired certificate, a level
without a time-stamp service); a journal that cannot be written never stops the batch
(``BatchResult.journal_problem`` says so).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509

from desktop_signer.errors import DesktopSignerError
from desktop_signer.identity import SigningIdentity
from desktop_signer.journal import Journal, JournalEntry, certificate_of
from desktop_signer.signing.checker import BackgroundChecker, CheckAnswer
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.options import SignJob, SignOptions
from desktop_signer.signing.signer import SignedPending, SigningSession, SignResult

Progress = Callable[[int, int, Path | None], None]  # done, total, current file (None: end)


@dataclass(frozen=True)
class BatchResult:
    results: tuple[SignResult, ...]
    cancelled: bool
    seconds: float
    # the journal's problem code when some rows could not be written (the signatures are
    # made all the same); the broken journal moved aside when it was opened
    journal_problem: str = ""
    journal_set_aside: Path | None = None

    @property
    def signed(self) -> int:
        return sum(1 for r in self.results if r.status == "signed")

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.status == "failed")

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.results if r.status == "skipped")


def sign_batch(identity: SigningIdentity, jobs: Sequence[SignJob], options: SignOptions, *,
               progress: Progress | None = None, cancel: threading.Event | None = None,
               journal: Journal | None = None) -> BatchResult:
    """Sign every job with one session. Errors that concern the whole batch (the identity,
    the options) are raised before the first file; per-file errors become results.

    While document N is checked by a worker process, document N+1 is being signed here
    (see :mod:`desktop_signer.signing.checker`); results keep the order of ``jobs``."""
    if identity.kind == "remote":  # BSrE's service signs whole documents (issue 13)
        from desktop_signer.remote.identity import RemoteIdentity, sign_batch_remote

        assert isinstance(identity, RemoteIdentity)
        return sign_batch_remote(identity, jobs, options, progress=progress, cancel=cancel,
                                 journal=journal)
    started = time.perf_counter()
    try:
        session = SigningSession(identity, options)
    except Exception as exc:
        record_failures(journal, jobs, exc, identity.kind, options.level,
                        certificate_of(identity))
        raise
    checker = BackgroundChecker.for_batch(len(jobs), options.verify_output)
    results: dict[int, SignResult] = {}
    in_flight: deque[tuple[int, SignedPending, Future[CheckAnswer] | None]] = deque()
    cancelled = False

    def complete(index: int, result: SignResult) -> None:
        results[index] = result
        if journal is not None:
            journal.record(JournalEntry.for_result(result, session.certificate, identity.kind))

    def complete_oldest() -> None:
        index, signed, future = in_flight.popleft()
        complete(index, finish_one(session, signed, checker, future))

    try:
        for index, job in enumerate(jobs):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            if progress is not None:
                progress(index, len(jobs), job.input)
            if job.output.exists() and not options.overwrite:
                results[index] = SignResult(job.input, job.output, "skipped", options.level,
                                            error=SigningError("output_exists",
                                                               path=str(job.output)))
                continue
            signed = start_one(session, job)
            if isinstance(signed, SignResult):
                complete(index, signed)
                continue
            future = None
            if checker is not None and not signed.encrypted:
                future = checker.submit(str(signed.pending.path), job.output.name,
                                        signed.field_name, options.trust, signed.before)
            in_flight.append((index, signed, future))
            # one document checked elsewhere while the next one is signed here
            while len(in_flight) > (1 if future is not None else 0):
                complete_oldest()
        while in_flight:  # also after a cancellation: started files are finished
            complete_oldest()
    finally:
        for _index, signed, _future in in_flight:  # only after an unexpected exception
            signed.pending.discard()
        if checker is not None:
            checker.close()
    ordered = tuple(results[i] for i in sorted(results))
    if progress is not None:
        progress(len(ordered), len(jobs), None)
    problem, aside = journal_status(journal)
    return BatchResult(ordered, cancelled, time.perf_counter() - started,
                       journal_problem=problem, journal_set_aside=aside)


def journal_status(journal: Journal | None) -> tuple[str, Path | None]:
    """What to tell the user about the journal after a batch: a problem code while rows
    are still unwritten (one more try with the full busy timeout first)."""
    if journal is None:
        return "", None
    if journal.unwritten:
        journal.flush()
    problem = journal.problem if (journal.unwritten or not journal.available) else ""
    return problem, journal.set_aside


def record_failures(journal: Journal | None, jobs: Sequence[SignJob], error: BaseException,
                    key_kind: str, level: str, certificate: x509.Certificate | None = None
                    ) -> None:
    """One failed row per document the user asked to sign, when the attempt failed before
    any document was touched (wrong PIN, locked token, a service that did not answer)."""
    if journal is None:
        return
    code = error.code if isinstance(error, DesktopSignerError) else "signing_failed"
    for job in jobs:
        journal.record(JournalEntry.for_failure(job.input, job.output, code, key_kind, level,
                                                certificate))


def start_one(session: SigningSession, job: SignJob) -> SignedPending | SignResult:
    """A failed result instead of an exception, for batches."""
    started = time.perf_counter()
    try:
        return session.start(job)
    except Exception as exc:  # one broken PDF must not end a batch of two hundred
        return _failed(session, job, exc, started)


def finish_one(session: SigningSession, signed: SignedPending,
               checker: BackgroundChecker | None,
               future: Future[CheckAnswer] | None) -> SignResult:
    try:
        checked = None
        if checker is not None and future is not None:
            try:
                checked = checker.outcome(future)  # None: the worker failed, check here
            except BaseException:
                signed.pending.discard()
                raise
        return session.finish(signed, checked)
    except Exception as exc:
        return _failed(session, signed.job, exc, signed.started)


def _failed(session: SigningSession, job: SignJob, exc: Exception,
            started: float) -> SignResult:
    error = (exc if isinstance(exc, DesktopSignerError)
             else SigningError("signing_failed", f"{type(exc).__name__}: {exc}"))
    return SignResult(job.input, job.output, "failed", session.options.level, error=error,
                      seconds=time.perf_counter() - started)
