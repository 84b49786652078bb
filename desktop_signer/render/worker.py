"""The rendering process: owns every open :class:`PdfDocument` and answers requests.

Why a process and not a thread: PyMuPDF keeps the GIL while MuPDF renders (measured: a
worker *thread* stalls the window's thread for the whole render), it is not thread-safe,
and a hostile PDF that crashes MuPDF must not take the window with it.

Work is pulled, not pushed. The window says which pages it *wants* now (visible pages
first, then neighbours); a newer wish replaces the older one, so scrolling fast through
500 pages never leaves a queue of pages nobody looks at any more. Between two pieces of
work the worker reads every waiting request, so new wishes take effect at once.
Priority: pages, then search (a few pages per step), then thumbnails.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from desktop_signer.render import protocol
from desktop_signer.render.errors import DocumentError, Problem

if TYPE_CHECKING:  # the application imports this module; only the child loads PyMuPDF
    from desktop_signer.render.document import PdfDocument

SEARCH_PAGES_PER_STEP = 8


@dataclass
class _Want:
    requested: float  # scale for pages, longest side in pixels for thumbnails
    pages: deque[int] = field(default_factory=deque)


@dataclass
class _Search:
    search: int
    text: str
    pages_searched: int = 0


class Worker:
    def __init__(self, requests: Connection, responses: Connection) -> None:
        self._requests = requests
        self._responses = responses
        self._docs: dict[int, PdfDocument] = {}
        self._wants: dict[tuple[int, str], _Want] = {}
        self._searches: dict[int, _Search] = {}

    def run(self) -> None:
        while True:
            while not self._has_work() or self._requests.poll(0):
                try:
                    message, _ = protocol.receive(self._requests)
                except (EOFError, OSError):
                    return  # the application has gone: nothing left to do
                if message.get("op") == "quit":
                    return
                self._handle(message)
            self._work_once()

    # --- requests -------------------------------------------------------------------

    def _handle(self, message: dict[str, Any]) -> None:
        op = message.get("op")
        doc = int(message.get("doc", -1))
        if op == "open":
            self._open(doc, str(message["path"]), message.get("password"))
        elif op == "close":
            self._drop(doc)
        elif op == "want":
            kind = "thumb" if message.get("kind") == "thumb" else "page"
            pages = [int(p) for p in message.get("pages", [])]
            if doc in self._docs and pages:
                self._wants[(doc, kind)] = _Want(float(message["requested"]), deque(pages))
            else:
                self._wants.pop((doc, kind), None)
        elif op == "search":
            self._searches.pop(doc, None)
            if doc in self._docs:
                self._searches[doc] = _Search(int(message["search"]),
                                              str(message.get("text", "")))
        elif op == "stop_search":
            self._searches.pop(doc, None)

    def _open(self, doc: int, path: str, password: object) -> None:
        from desktop_signer.render.document import PdfDocument

        self._drop(doc)
        try:
            opened = PdfDocument.open(path, password if isinstance(password, str) else None)
        except DocumentError as exc:
            self._fail(doc, "open", exc, path)
            return
        self._docs[doc] = opened
        protocol.send(self._responses, {"kind": "opened", "doc": doc,
                                        "info": protocol.info_to_json(opened.info)})

    def _drop(self, doc: int) -> None:
        self._searches.pop(doc, None)
        for kind in ("page", "thumb"):
            self._wants.pop((doc, kind), None)
        document = self._docs.pop(doc, None)
        if document is not None:
            document.close()

    # --- work -----------------------------------------------------------------------

    def _has_work(self) -> bool:
        return bool(self._wants or self._searches)

    def _work_once(self) -> None:
        pages = [key for key in self._wants if key[1] == "page"]
        if pages:
            self._render_next(pages[0])
            return
        if self._searches:
            self._search_step(next(iter(self._searches)))
            return
        if self._wants:
            self._render_next(next(iter(self._wants)))

    def _render_next(self, key: tuple[int, str]) -> None:
        doc, kind = key
        want = self._wants[key]
        page = want.pages.popleft()
        if not want.pages:
            del self._wants[key]
        document = self._docs[doc]
        try:
            if kind == "thumb":
                image = document.thumbnail(page, int(want.requested))
            else:
                image = document.render(page, want.requested)
        except DocumentError as exc:
            self._fail(doc, "render", exc, document.info.path, page)
            return
        protocol.send(
            self._responses,
            {"kind": "image", "doc": doc, "image_kind": kind, "requested": want.requested,
             "page": image.page, "scale": image.scale, "width": image.width,
             "height": image.height, "stride": image.stride},
            image.samples,
        )

    def _search_step(self, doc: int) -> None:
        state = self._searches[doc]
        document = self._docs[doc]
        start = state.pages_searched
        state.pages_searched = min(start + SEARCH_PAGES_PER_STEP, document.info.page_count)
        found = document.search(state.text, start, state.pages_searched)
        done = state.pages_searched >= document.info.page_count
        if done:
            del self._searches[doc]
        protocol.send(self._responses, {
            "kind": "found", "doc": doc, "search": state.search,
            "hits": protocol.hits_to_json(found), "pages_searched": state.pages_searched,
            "done": done,
        })

    def _fail(self, doc: int, op: str, exc: DocumentError, path: str,
              page: int | None = None) -> None:
        message: dict[str, Any] = {"kind": "failed", "doc": doc, "op": op, "code": exc.code,
                                   "detail": exc.detail, "path": path}
        if page is not None:
            message["page"] = page
        protocol.send(self._responses, message)


def serve(requests: Connection, responses: Connection) -> None:
    """Entry point of the child process."""
    import pymupdf

    # MuPDF prints warnings about broken files on stderr; the window reports problems itself.
    pymupdf.TOOLS.mupdf_display_errors(False)
    try:
        Worker(requests, responses).run()
    except (BrokenPipeError, EOFError):
        pass  # the application closed its end while we were writing
    finally:
        responses.close()


__all__ = ["Problem", "Worker", "serve"]
