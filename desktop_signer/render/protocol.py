"""Messages between :class:`~desktop_signer.render.client.RenderClient` and the worker.

Each message is one JSON object, optionally followed by one raw binary payload (the pixels
of a page). JSON rather than pickle on purpose: the worker parses untrusted PDFs, and a
worker taken over by a malicious file must not be able to run code in the application
through what it sends back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Literal

from desktop_signer.render.errors import DocumentError
from desktop_signer.render.models import DocumentInfo, PageImage, PageSize, Rect, SearchHit

ImageKind = Literal["page", "thumb"]


def send(conn: Connection, message: dict[str, Any], payload: bytes | None = None) -> None:
    message = dict(message, payload=payload is not None)
    conn.send_bytes(json.dumps(message).encode("utf-8"))
    if payload is not None:
        conn.send_bytes(payload)


def receive(conn: Connection) -> tuple[dict[str, Any], bytes | None]:
    """One message; raises EOFError when the other side is gone."""
    message = json.loads(conn.recv_bytes().decode("utf-8"))
    if not isinstance(message, dict):
        raise ValueError("message is not a JSON object")
    payload = conn.recv_bytes() if message.get("payload") else None
    return message, payload


# --- responses, as the client hands them to its caller ---------------------------------


@dataclass(frozen=True)
class Opened:
    doc: int
    info: DocumentInfo


@dataclass(frozen=True)
class Failed:
    """A request failed; ``op`` is "open", "render" or "search"."""

    doc: int
    op: str
    error: DocumentError
    page: int | None = None


@dataclass(frozen=True)
class Rendered:
    doc: int
    kind: ImageKind
    requested: float  # the scale (page) or longest side in pixels (thumb) that was asked for
    image: PageImage


@dataclass(frozen=True)
class Found:
    """Search results so far. ``hits`` holds only the pages new since the last message."""

    doc: int
    search: int
    hits: tuple[SearchHit, ...]
    pages_searched: int
    done: bool


@dataclass(frozen=True)
class Stopped:
    """The worker process ended (crashed, killed, or stopped)."""

    detail: str


Response = Opened | Failed | Rendered | Found | Stopped


def info_to_json(info: DocumentInfo) -> dict[str, Any]:
    return {
        "path": info.path,
        "page_count": info.page_count,
        "page_sizes": [[s.width, s.height] for s in info.page_sizes],
        "size_bytes": info.size_bytes,
        "sha256": info.sha256,
        "encrypted": info.encrypted,
        "repaired": info.repaired,
        "title": info.title,
    }


def info_from_json(data: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        path=str(data["path"]),
        page_count=int(data["page_count"]),
        page_sizes=tuple(PageSize(float(w), float(h)) for w, h in data["page_sizes"]),
        size_bytes=int(data["size_bytes"]),
        sha256=str(data["sha256"]),
        encrypted=bool(data["encrypted"]),
        repaired=bool(data["repaired"]),
        title=str(data["title"]),
    )


def hits_to_json(hits: list[SearchHit]) -> list[dict[str, Any]]:
    return [
        {"page": h.page, "rects": [[r.x0, r.y0, r.x1, r.y1] for r in h.rects]} for h in hits
    ]


def hits_from_json(data: list[dict[str, Any]]) -> tuple[SearchHit, ...]:
    return tuple(
        SearchHit(int(h["page"]), tuple(Rect(*(float(v) for v in r)) for r in h["rects"]))
        for h in data
    )


def response_from(message: dict[str, Any], payload: bytes | None) -> Response:
    """Turn a worker message into a typed response (raises on anything malformed)."""
    kind = message["kind"]
    doc = int(message.get("doc", -1))
    if kind == "opened":
        return Opened(doc, info_from_json(message["info"]))
    if kind == "failed":
        page = message.get("page")
        error = DocumentError(str(message["code"]), str(message.get("detail", "")),
                              path=str(message.get("path", "")),
                              **({"page": int(page)} if page is not None else {}))
        return Failed(doc, str(message["op"]), error, None if page is None else int(page))
    if kind == "image":
        if payload is None:
            raise ValueError("image without pixels")
        width, height, stride = int(message["width"]), int(message["height"]),\
            int(message["stride"])
        if width <= 0 or height <= 0 or stride < width * 3 or len(payload) < stride * height:
            raise ValueError("image geometry does not match its pixels")
        image = PageImage(int(message["page"]), float(message["scale"]), width, height, stride,
                          payload)
        image_kind: ImageKind = "thumb" if message["image_kind"] == "thumb" else "page"
        return Rendered(doc, image_kind, float(message["requested"]), image)
    if kind == "found":
        return Found(doc, int(message["search"]), hits_from_json(message["hits"]),
                     int(message["pages_searched"]), bool(message["done"]))
    raise ValueError(f"unknown message kind {kind!r}")
