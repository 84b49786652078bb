"""The caller's side of the rendering process (no Qt: the window wraps it in a thread).

Requests are cheap, non-blocking messages; answers arrive in order through
:meth:`RenderClient.receive`, which blocks and is meant for one reader thread. Sending
happens from one other thread (the window's), so the two pipes are separate.

The child is started with the ``spawn`` method on every OS: forking a process that runs Qt
threads is unsafe, and spawn behaves the same on Linux, Windows and macOS. (A frozen
build must call ``multiprocessing.freeze_support()`` first thing in its entry point.)
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from desktop_signer import processes
from desktop_signer.render import protocol, worker
from desktop_signer.render.protocol import Response, Stopped


class RenderClient:
    def __init__(self) -> None:
        self._process: BaseProcess | None = None
        self._requests: Connection | None = None
        self._responses: Connection | None = None
        self._send_lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def start(self) -> None:
        """Start the child. Returns at once; the child imports PyMuPDF in parallel."""
        processes.skip_main_module()  # the worker needs PyMuPDF, not the window's imports
        context = multiprocessing.get_context("spawn")
        requests_read, requests_write = context.Pipe(duplex=False)
        responses_read, responses_write = context.Pipe(duplex=False)
        process = context.Process(
            target=worker.serve, args=(requests_read, responses_write),
            name=processes.PREFIX + "render", daemon=True,
        )
        process.start()
        # The child holds its own copies; closing ours lets each side see the other's end.
        requests_read.close()
        responses_write.close()
        self._process, self._requests, self._responses = process, requests_write, responses_read

    # --- requests -------------------------------------------------------------------

    def open(self, doc: int, path: str, password: str | None = None) -> None:
        self._send({"op": "open", "doc": doc, "path": path, "password": password})

    def close_document(self, doc: int) -> None:
        self._send({"op": "close", "doc": doc})

    def want_pages(self, doc: int, scale: float, pages: Sequence[int]) -> None:
        """Render these pages (in this order) at ``scale`` pixels per point; replaces the
        previous wish for this document. An empty list cancels it."""
        self._send({"op": "want", "doc": doc, "kind": "page", "requested": scale,
                    "pages": list(pages)})

    def want_thumbnails(self, doc: int, max_side: int, pages: Sequence[int]) -> None:
        self._send({"op": "want", "doc": doc, "kind": "thumb", "requested": max_side,
                    "pages": list(pages)})

    def search(self, doc: int, search: int, text: str) -> None:
        self._send({"op": "search", "doc": doc, "search": search, "text": text})

    def stop_search(self, doc: int) -> None:
        self._send({"op": "stop_search", "doc": doc})

    def _send(self, message: dict[str, Any]) -> None:
        if self._requests is None:
            raise RuntimeError("RenderClient.start() was not called")
        with self._send_lock:
            try:
                protocol.send(self._requests, message)
            except OSError:
                pass  # the child is gone; receive() reports Stopped

    # --- answers --------------------------------------------------------------------

    def receive(self) -> Response:
        """The next answer (blocks). After :class:`Stopped` nothing more arrives."""
        if self._responses is None:
            raise RuntimeError("RenderClient.start() was not called")
        try:
            message, payload = protocol.receive(self._responses)
            return protocol.response_from(message, payload)
        except (EOFError, OSError):
            return Stopped(self._exit_detail())
        except (ValueError, KeyError, TypeError) as exc:
            # A worker that sends garbage is not trusted any further.
            self.stop()
            return Stopped(f"malformed message from the renderer: {exc}")

    def _exit_detail(self) -> str:
        process = self._process
        if process is None:
            return "not started"
        process.join(timeout=1.0)
        return f"renderer exit code {process.exitcode}"

    def stop(self, timeout: float = 2.0) -> None:
        """Ask the child to quit; kill it if it does not. Safe to call more than once."""
        process = self._process
        if process is None:
            return
        self._send({"op": "quit"})
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join(timeout)
        if self._requests is not None:
            self._requests.close()

    def kill(self) -> None:
        """End the child at once (tests use this to check that a crash is survived)."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()


# The window's launcher starts the rendering process before it imports Qt and the window's
# modules, so the child's interpreter start and PyMuPDF import (a few hundred ms) overlap
# the parent's own imports instead of following them. The window adopts it once.
_started_early: RenderClient | None = None


def start_early() -> None:
    global _started_early
    if _started_early is None:
        client = RenderClient()
        client.start()
        _started_early = client


def take_started_early() -> RenderClient | None:
    """The client started by :func:`start_early`, once, if its process is still alive."""
    global _started_early
    client, _started_early = _started_early, None
    return client if client is not None and client.running else None
