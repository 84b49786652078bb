"""One tab's verification: when to run it, and its latest result.

Runs when the document opens, when the file changes on disk (after it settles), when the
trust anchors or the verification settings change, and when the user asks. A run that is
overtaken (the file changed again while it ran) is discarded: only the newest answer is
shown. The verifier runs in a child process; here a worker thread only waits for it, and
then also turns the report into what the panel shows (``describe``), so the GUI thread
only has to display it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ui.tasks import Tasks
from ui.training import evidence
from ui.validity import jobs

SETTLE_MS = 400  # a file being written fires several change events: wait for the last


class ValidityController(QObject):
    started = Signal()
    finished = Signal(object)  # FileReport
    failed = Signal(object)  # exception (the verifier itself failed: shown as "could not check")

    def __init__(self, path: str, settings: Any, parent: QObject | None = None,
                 describer: Callable[[], Callable[[Any], Any]] | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._settings = settings
        # called on the GUI thread when a run starts; the function it returns is called in
        # the worker thread with the report (must not touch widgets) and its result is
        # ``described`` when ``finished`` is emitted
        self._describer = describer
        self._tasks = Tasks(self)
        self._generation = 0
        self._running = False
        self._again = False
        self._online_once = False
        self.password: str | None = None  # of an encrypted file, as the user opened it
        self.report: Any = None
        self.described: Any = None  # describe(report) of the report shown
        self.error: BaseException | None = None
        self.runs = 0  # finished runs (tests, screenshots)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.verify)

    @property
    def busy(self) -> bool:
        return self._running

    def set_settings(self, settings: Any) -> None:
        self._settings = settings

    def start(self) -> None:
        """The document is shown: watch its file and verify it."""
        if self.path not in self._watcher.files():
            self._watcher.addPath(self.path)
        self.verify()

    def verify(self, online: bool = False) -> None:
        self._online_once = self._online_once or online
        if self._running:
            self._again = True  # the newer run starts when this one ends
            return
        self._generation += 1
        generation = self._generation
        self._running = True
        online_now, self._online_once = self._online_once, False
        settings, path, password = self._settings, self.path, self.password
        describe = self._describer() if self._describer is not None else None
        self.started.emit()

        def job() -> tuple[Any, Any]:
            report = jobs.verify(path, settings, online_now, password)
            return report, describe(report) if describe is not None else None

        self._tasks.run(job, lambda done: self._done(generation, *done),
                        lambda error: self._error(generation, error))

    def _done(self, generation: int, report: Any, described: Any = None) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.verify()
            return
        if generation != self._generation:
            return
        self.report, self.described, self.error = report, described, None
        self.runs += 1
        self.finished.emit(report)
        evidence.verified(self._settings, self.path, report)  # training exercises

    def _error(self, generation: int, error: BaseException) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.verify()
            return
        self.report, self.described, self.error = None, None, error
        self.runs += 1
        self.failed.emit(error)

    def _file_changed(self, path: str) -> None:
        if path != self.path:
            return
        import os

        if os.path.exists(self.path) and self.path not in self._watcher.files():
            self._watcher.addPath(self.path)  # replaced by a rename: watch the new file
        self._settle.start()

    def stop(self) -> None:
        self._settle.stop()
        for path in self._watcher.files():
            self._watcher.removePath(path)
