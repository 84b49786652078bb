"""The window's side of the rendering process: Qt signals around the core's RenderClient.

One rendering process serves every open document (each document lives in that process's
single thread). Requests go out from the GUI thread; a reader thread waits for answers,
turns pixels into QImages (allowed outside the GUI thread) and hands them to the GUI
thread through queued signals. Nothing here blocks the GUI thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from desktop_signer.render.client import RenderClient, take_started_early
from desktop_signer.render.models import PageImage
from desktop_signer.render.protocol import Failed, Found, Opened, Rendered, Response, Stopped


def to_qimage(image: PageImage) -> QImage:
    wrapped = QImage(image.samples, image.width, image.height, image.stride,
                     QImage.Format.Format_RGB888)
    return wrapped.copy()  # own the pixels: the bytes object goes away with the message


class _Reader(QThread):
    arrived = Signal(object, object)  # response, QImage | None

    def __init__(self, client: RenderClient) -> None:
        super().__init__()
        self._client = client
        self.setObjectName("render-reader")

    def run(self) -> None:
        while True:
            response: Response = self._client.receive()
            image = to_qimage(response.image) if isinstance(response, Rendered) else None
            self.arrived.emit(response, image)
            if isinstance(response, Stopped):
                return


class RenderService(QObject):
    opened = Signal(int, object)  # doc, DocumentInfo
    failed = Signal(int, str, object)  # doc, op ("open"/"render"), DocumentError
    rendered = Signal(int, str, float, int, object)  # doc, kind, requested, page, QImage
    found = Signal(int, int, object, int, bool)  # doc, search, hits, pages searched, done
    stopped = Signal(str)  # the process ended unexpectedly; detail

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._client: RenderClient | None = None
        self._reader: _Reader | None = None
        self._closing = False

    def start(self) -> None:
        """Start (or restart after a crash) the rendering process."""
        self._closing = False
        client = take_started_early()  # the launcher's, on the first start of a window
        if client is None:
            client = RenderClient()
            client.start()
        reader = _Reader(client)
        reader.arrived.connect(self._dispatch)
        reader.start()
        self._client, self._reader = client, reader

    @property
    def running(self) -> bool:
        return self._client is not None and self._client.running

    def new_document_id(self) -> int:
        return next(self._ids)

    def _ensure(self) -> RenderClient:
        if self._client is None or not self._client.running:
            self.start()
        assert self._client is not None
        return self._client

    def open(self, doc: int, path: str, password: str | None = None) -> None:
        self._ensure().open(doc, path, password)

    def close_document(self, doc: int) -> None:
        if self._client is not None:
            self._client.close_document(doc)

    def want_pages(self, doc: int, scale: float, pages: Sequence[int]) -> None:
        if self._client is not None:
            self._client.want_pages(doc, scale, pages)

    def want_thumbnails(self, doc: int, max_side: int, pages: Sequence[int]) -> None:
        if self._client is not None:
            self._client.want_thumbnails(doc, max_side, pages)

    def search(self, doc: int, search: int, text: str) -> None:
        if self._client is not None:
            self._client.search(doc, search, text)

    def stop_search(self, doc: int) -> None:
        if self._client is not None:
            self._client.stop_search(doc)

    def kill_for_test(self) -> None:
        """End the process abruptly, as a crash would (tests only)."""
        if self._client is not None:
            self._client.kill()

    def shutdown(self) -> None:
        self._closing = True
        if self._client is not None:
            self._client.stop()
        if self._reader is not None:
            self._reader.wait(3000)
        self._client = self._reader = None

    def _dispatch(self, response: Response, image: QImage | None) -> None:
        if isinstance(response, Opened):
            self.opened.emit(response.doc, response.info)
        elif isinstance(response, Failed):
            self.failed.emit(response.doc, response.op, response.error)
        elif isinstance(response, Rendered) and image is not None:
            self.rendered.emit(response.doc, response.kind, response.requested,
                               response.image.page, image)
        elif isinstance(response, Found):
            self.found.emit(response.doc, response.search, response.hits,
                            response.pages_searched, response.done)
        elif isinstance(response, Stopped):
            if self.sender() is self._reader and not self._closing:
                self._client = None
                self.stopped.emit(response.detail)
