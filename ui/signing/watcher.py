"""A background watcher of identity sources: lists them every second on its own thread
and reports a listing only when it differs from the previous one, so a token put in or
pulled out shows up in the chooser within two seconds. Never on the GUI thread (a token
module can take its time). It lists only while the chooser is open: paused otherwise, and
above all while a login or a signature is under way (re-initialising SoftHSM to see new
tokens would pull the token from under them); ``pause`` waits for a listing in progress."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal, SignalInstance

from desktop_signer.identity_sources import IdentitySource, SourceListing

log = logging.getLogger(__name__)
INTERVAL_S = 1.0


class IdentityWatcher(QObject):
    listed = Signal(object)  # tuple[SourceListing, ...], on every change
    failed = Signal(object)  # an exception from a source

    def __init__(self, sources: Sequence[IdentitySource], parent: QObject | None = None,
                 interval: float = INTERVAL_S) -> None:
        super().__init__(parent)
        self.sources = list(sources)
        self.interval = interval
        self.latest: tuple[SourceListing, ...] | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._paused = threading.Event()
        self._thread: threading.Thread | None = None
        self._scanning = threading.Lock()
        self.scans = 0

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="identity-watcher",
                                            daemon=True)
            self._thread.start()
        else:
            self.refresh_now()

    def refresh_now(self) -> None:
        self._wake.set()

    def pause(self) -> None:
        self._paused.set()
        with self._scanning:  # a listing under way finishes first
            pass

    def resume(self) -> None:
        self._paused.clear()
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._scanning:
                if not self._paused.is_set():
                    self._scan()
            self._wake.wait(self.interval)
            self._wake.clear()

    def _scan(self) -> None:
        listings = []
        for source in list(self.sources):
            try:
                listings.append(source.list())
            except Exception as exc:  # shown, the watcher goes on
                log.warning("identity source %s failed: %s", source.id, exc)
                listings.append(SourceListing(source.id))
                self._emit(self.failed, exc)
        self.scans += 1
        result = tuple(listings)
        if result != self.latest:
            self.latest = result
            self._emit(self.listed, result)

    def _emit(self, signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            self._stop.set()  # the QObject is gone
