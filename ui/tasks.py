"""Run a core call off the GUI thread; get its result or error back on the GUI thread.

For short blocking work that is not PDF rendering (that has its own process): token
module discovery, reading trust anchors, keyring calls. The function must not touch
widgets; ``on_done``/``on_error`` run on the GUI thread (queued signal), so they may.
If the owner of a :class:`Tasks` is deleted first (a dialog closed), its callbacks are
simply not called.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], tasks: Tasks, job: int) -> None:
        super().__init__()
        self._fn = fn
        self._tasks = tasks
        self._job = job

    def run(self) -> None:
        try:
            result: Any = self._fn()
            ok = True
        except Exception as exc:  # handed to the caller's on_error, never lost
            result, ok = exc, False
        try:
            self._tasks.finished.emit(self._job, ok, result)
        except RuntimeError:
            pass  # the owner is gone (its C++ object deleted): nobody waits for this


class Tasks(QObject):
    finished = Signal(int, bool, object)  # job, ok, result or exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None],
                                         Callable[[BaseException], None]]] = {}
        self.finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        job = next(self._ids)
        self._callbacks[job] = (on_done, on_error)
        QThreadPool.globalInstance().start(_Job(fn, self, job))

    def _deliver(self, job: int, ok: bool, result: Any) -> None:
        callbacks = self._callbacks.pop(job, None)
        if callbacks is not None:
            (callbacks[0] if ok else callbacks[1])(result)
