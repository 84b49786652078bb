"""Many documents, one login (DESIGN §4.6, issue 4 item 7).

Progress is reported before each file and once at the end; cancellation is checked between
files (the file being written is finished or rolled back, never left half-written); one
file's failure is recorded and the batch goes on; an existing output is skipped unless
overwriting was asked for. Every attempt is written to the journal when one is given.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop_signer.errors import DesktopSignerError
from desktop_signer.identity import SigningIdentity
from desktop_signer.journal import Journal, JournalEntry
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.options import SignJob, SignOptions
from desktop_signer.signing.signer import SigningSession, SignResult

Progress = Callable[[int, int, Path | None], None]  # done, total, current file (None: end)


@dataclass(frozen=True)
class BatchResult:
    results: tuple[SignResult, ...]
    cancelled: bool
    seconds: float

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
    the options) are raised before the first file; per-file errors become results."""
    started = time.perf_counter()
    session = SigningSession(identity, options)
    results: list[SignResult] = []
    cancelled = False
    for done, job in enumerate(jobs):
        if cancel is not None and cancel.is_set():
            cancelled = True
            break
        if progress is not None:
            progress(done, len(jobs), job.input)
        if job.output.exists() and not options.overwrite:
            results.append(SignResult(job.input, job.output, "skipped", options.level,
                                      error=SigningError("output_exists",
                                                         path=str(job.output))))
            continue
        result = sign_one(session, job)
        results.append(result)
        if journal is not None:
            journal.record(JournalEntry.for_result(result, session.certificate,
                                                   identity.kind))
    if progress is not None:
        progress(len(results), len(jobs), None)
    return BatchResult(tuple(results), cancelled, time.perf_counter() - started)


def sign_one(session: SigningSession, job: SignJob) -> SignResult:
    """A result instead of an exception, for batches."""
    started = time.perf_counter()
    try:
        return session.sign(job)
    except DesktopSignerError as exc:
        return SignResult(job.input, job.output, "failed", session.options.level, error=exc,
                          seconds=time.perf_counter() - started)
    except Exception as exc:  # one broken PDF must not end a batch of two hundred
        error = SigningError("signing_failed", f"{type(exc).__name__}: {exc}")
        return SignResult(job.input, job.output, "failed", session.options.level, error=error,
                          seconds=time.perf_counter() - started)
