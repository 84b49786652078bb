"""Signing off the GUI thread: ``sign_batch`` on a thread of its own, its progress and
result sent back as signals. The identity (already logged in) is closed when the run
ends, whatever happens; the PIN never reaches this module."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

from desktop_signer.identity import SigningIdentity
from desktop_signer.journal import Journal
from desktop_signer.signing import SignJob, SignOptions, sign_batch


class SignRun(QObject):
    progressed = Signal(int, int, str)  # done, total, current file ("" at the end)
    finished = Signal(object)  # BatchResult
    failed = Signal(object)  # an exception concerning the whole run

    def __init__(self, identity: SigningIdentity, jobs: Sequence[SignJob],
                 options: SignOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.identity = identity
        self.jobs = list(jobs)
        self.options = options
        self.cancel_event = threading.Event()
        self.started_at = 0.0
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.started_at = time.perf_counter()
        self._thread = threading.Thread(target=self._run, name="sign-run", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    def wait(self, timeout: float = 60.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        def progress(done: int, total: int, current: Path | None) -> None:
            self._emit(self.progressed, done, total, str(current) if current else "")

        try:
            with Journal() as journal:
                result = sign_batch(self.identity, self.jobs, self.options, progress=progress,
                                    cancel=self.cancel_event, journal=journal)
        except Exception as exc:  # to the error presenter
            self.identity.close()
            self._emit(self.failed, exc)
            return
        self.identity.close()
        self._emit(self.finished, result)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            pass  # the window was closed meanwhile
