"""Revocation statuses for a listing, without making the listing wait for the network.

The window's watcher lists the tokens every second (``desktop_signer.identity_sources``);
asking OCSP each time would hammer the service and, offline, make every listing wait for
time-outs. :meth:`RevocationMonitor.status` answers at once from a cache kept per
certificate fingerprint: the first time with :data:`~desktop_signer.tokens.
revocation_status.CHECKING` while a lookup starts on one of a few background threads,
then with the answer until it is old (a good answer for ten minutes, an unknown one for a
minute, so a network that comes back is noticed). An old answer is still given while it
is asked again, so a row does not flicker back to "checking" every minute. When an
answer arrives, ``on_change`` is called (from that background thread): the watcher lists
again and shows it.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop_signer.tokens import revocation_status as rs

log = logging.getLogger(__name__)

# how long an answer is used before it is asked again (seconds)
TTL_S: dict[rs.RevocationState, float] = {rs.GOOD: 600.0, rs.REVOKED: 3600.0,
                                          rs.UNKNOWN: 60.0}
WORKERS = 3  # lookups at once (a token with ten certificates, one OCSP service)
IDLE_S = 5.0  # a worker with nothing to do for this long ends (a new lookup starts one)

Lookup = Callable[[bytes, Sequence[bytes]], rs.RevocationStatus]


@dataclass
class _Entry:
    status: rs.RevocationStatus
    at: float  # time.monotonic() of the answer (0: none yet)
    asking: bool


class RevocationMonitor:
    """Thread-safe; ``status`` never blocks on the network. ``anchors`` gives more CA
    certificates (DER) that may have issued a listed certificate (the configured trust
    anchors); it is called on a background thread, so it may read files."""

    def __init__(self, on_change: Callable[[], None] | None = None, *,
                 anchors: Callable[[], Sequence[bytes]] | None = None,
                 lookup: Lookup | None = None, workers: int = WORKERS) -> None:
        self.on_change = on_change
        self.anchors = anchors
        self._lookup: Lookup = lookup or rs.check_revocation
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()
        self._jobs: queue.Queue[tuple[str, bytes, tuple[bytes, ...]]] = queue.Queue()
        self._workers = workers
        self._threads: list[threading.Thread] = []
        self.lookups = 0  # how many were made (tests: the cache is used)

    def status(self, fingerprint: str, certificate_der: bytes,
               ca_certificates: Sequence[bytes] = ()) -> rs.RevocationStatus:
        """The latest answer for the certificate with SHA-256 ``fingerprint``, or CHECKING;
        starts a lookup when there is none or it is old."""
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(fingerprint)
            if entry is None:
                entry = _Entry(rs.RevocationStatus(rs.CHECKING), 0.0, False)
                self._entries[fingerprint] = entry
            stale = entry.at == 0.0 or now - entry.at >= TTL_S.get(entry.status.state, 60.0)
            if stale and not entry.asking:
                entry.asking = True
                self._jobs.put((fingerprint, certificate_der, tuple(ca_certificates)))
                self._start_workers()
            return entry.status

    def forget(self) -> None:
        """Ask every certificate again (the known CAs changed: training mode, anchors)."""
        with self._lock:
            for entry in self._entries.values():
                entry.at = 0.0 if not entry.asking else entry.at

    def _start_workers(self) -> None:
        """(With the lock held.) One more worker, up to ``workers``; idle ones end."""
        if len(self._threads) < self._workers:
            thread = threading.Thread(target=self._work, name="revocation-status",
                                      daemon=True)  # a lookup never holds up quitting
            self._threads.append(thread)
            thread.start()

    def _work(self) -> None:
        while True:
            try:
                fingerprint, der, cas = self._jobs.get(timeout=IDLE_S)
            except queue.Empty:
                with self._lock:  # status() queues and counts workers under this lock
                    if self._jobs.empty():
                        self._threads.remove(threading.current_thread())
                        return
                continue
            try:
                extra = tuple(self.anchors()) if self.anchors is not None else ()
            except Exception as exc:  # unreadable anchors: ask with what the token has
                log.info("trust anchors for the revocation check: %r", exc)
                extra = ()
            try:
                answer = self._lookup(der, (*cas, *extra))
            except Exception as exc:  # check_revocation never raises; a stand-in might
                answer = rs.RevocationStatus(rs.UNKNOWN, detail=repr(exc))
            with self._lock:
                self.lookups += 1
                entry = self._entries[fingerprint]
                changed = entry.status != answer
                entry.status, entry.at, entry.asking = answer, time.monotonic(), False
            if changed and self.on_change is not None:
                try:
                    self.on_change()
                except Exception as exc:  # the window is gone
                    log.debug("revocation status listener: %r", exc)
