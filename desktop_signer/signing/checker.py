"""Our check of signed files in a second process, while this one signs the next file.

Why: the check (our whole verifier, DESIGN §4.6) costs about a third of signing a letter,
and it is Python work that holds the GIL, so a thread would only take turns with the
signer. In a batch, a worker process checks document N while this process signs
document N+1: on two cores, a batch of letters pays almost nothing for the check.

The worker is forked from the verification forkserver (pyHanko and our verifier already
imported). It starts on a helper thread; until it is ready, and for single documents and
small batches, the check runs in this process as before. A worker that dies is not
replaced: the remaining checks run in this process.
"""

from __future__ import annotations

import mmap
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from desktop_signer.errors import DesktopSignerError
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.postcheck import CheckOutcome, check_output
from desktop_signer.trust.store import TrustConfig
from desktop_signer.verification.isolation import mp_context

# below this many documents, starting the worker costs more than it saves
WORKER_FROM = 8

CheckAnswer = tuple[Any, ...]  # ("ok", CheckOutcome) | ("failed", code, detail, params)


def check_file(path: str, name: str, field_name: str, trust: TrustConfig,
               before: dict[str, str] | None) -> CheckAnswer:
    """Runs in the worker: our check of the temporary output at ``path``."""
    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return ("ok", check_output(name, view, field_name, trust, before))
    except DesktopSignerError as exc:  # typed errors travel as plain data
        return ("failed", exc.code, exc.detail, exc.params)


def _ready() -> bool:
    return True


class BackgroundChecker:
    def __init__(self) -> None:
        self._executor = ProcessPoolExecutor(max_workers=1, mp_context=mp_context())
        self._ready = threading.Event()
        self._broken = False
        threading.Thread(target=self._start, name="check-worker-start", daemon=True).start()

    @classmethod
    def for_batch(cls, documents: int, verify_output: bool) -> BackgroundChecker | None:
        if not verify_output or documents < WORKER_FROM or (os.cpu_count() or 1) < 2:
            return None
        return cls()

    def _start(self) -> None:
        try:
            self._executor.submit(_ready).result()
        except Exception:  # no worker (no fork server, no memory): checks stay here
            self._broken = True
            return
        self._ready.set()

    def wait_ready(self, timeout: float) -> bool:
        """Whether the worker is up (waiting at most ``timeout`` seconds)."""
        return self._ready.wait(timeout) and not self._broken

    def submit(self, path: str, name: str, field_name: str, trust: TrustConfig,
               before: dict[str, str] | None) -> Future[CheckAnswer] | None:
        """``None`` while the worker is not ready (or gone): check in this process."""
        if self._broken or not self._ready.is_set():
            return None
        try:
            return self._executor.submit(check_file, path, name, field_name, trust, before)
        except Exception:
            self._broken = True
            return None

    def outcome(self, future: Future[CheckAnswer]) -> CheckOutcome | None:
        """The worker's answer; ``None`` when the worker failed (check here instead).
        A failed check raises its ``SigningError`` as the in-process check would."""
        try:
            answer = future.result()
        except Exception:  # the worker died (BrokenProcessPool) or could not answer
            self._broken = True
            return None
        if answer[0] == "failed":
            _, code, detail, params = answer
            raise SigningError(code, detail, **params)
        outcome: CheckOutcome = answer[1]
        return outcome

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
