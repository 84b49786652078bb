"""Plain, immutable values that cross from the preview service to its callers.

Coordinates are PDF points (1/72 inch) with the origin at the **top-left** of the page as
displayed (rotation and CropBox applied), which is what a viewer draws. Signing code that
needs the PDF's own lower-left origin converts with the page height.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSize:
    width: float  # points, as displayed
    height: float


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class DocumentInfo:
    path: str
    page_count: int
    page_sizes: tuple[PageSize, ...]
    size_bytes: int
    sha256: str  # of the bytes that are shown: signing can check the file is still the same
    encrypted: bool
    repaired: bool  # MuPDF had to rebuild a broken structure; the view may be incomplete
    title: str  # from the document's metadata; may be empty


@dataclass(frozen=True)
class PageImage:
    """A rendered page: tightly described raw RGB (3 bytes per pixel, rows ``stride`` apart)."""

    page: int  # 0-based
    scale: float  # pixels per point
    width: int
    height: int
    stride: int
    samples: bytes


@dataclass(frozen=True)
class SearchHit:
    page: int  # 0-based
    rects: tuple[Rect, ...]  # one per match on that page
