"""Where the stamp goes: page and rectangle, presets, anchor text (DESIGN §4.4, §6).

Conventions (the command line's contract): pages count from 1, negative pages from the end
(-1 = last); rectangles are PDF points measured from the lower-left corner of the page *as
displayed*, i.e. after the crop box and the page's /Rotate. pyHanko wants the widget
rectangle in the page's user space, so :class:`PageGeometry` converts.

Anchor rule: the marker (e.g. ``#`` or ``${ttd}``) must stand alone as a word (markers with
spaces are matched as a phrase). When it occurs several times, the **last occurrence on the
last page that has one** is used: signature blocks close a letter, and earlier ``#`` signs
(e.g. "No. #12" would not match, but a stray lone ``#`` in a table) come before it. The
stamp's left edge is put at the marker's left edge and its middle on the marker's middle
line, then it is moved inside the page if it would stick out; its white background covers
the marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pymupdf
from pyhanko.pdf_utils.rw_common import PdfHandler, find_inherited_value_in_tree

from desktop_signer.appearance.errors import AppearanceError
from desktop_signer.appearance.stamp import DEFAULT_BOX

Rect = tuple[float, float, float, float]
PRESETS = ("bottom-right", "bottom-left", "bottom-center", "top-right", "top-left")
DEFAULT_PRESET = "bottom-right"
DEFAULT_MARGIN = 36.0  # half an inch from the displayed page edges
EPSILON = 0.01


@dataclass(frozen=True)
class PageGeometry:
    """One page's boxes (user space) and rotation."""

    index: int  # 0-based
    mediabox: Rect
    cropbox: Rect  # effective: clipped to the media box
    rotation: int  # 0, 90, 180, 270 (clockwise on display)

    @property
    def display_size(self) -> tuple[float, float]:
        w = self.cropbox[2] - self.cropbox[0]
        h = self.cropbox[3] - self.cropbox[1]
        return (h, w) if self.rotation in (90, 270) else (w, h)

    def to_user(self, x: float, y: float) -> tuple[float, float]:
        """Displayed point (from the displayed lower-left corner) -> user space."""
        cx0, cy0, cx1, cy1 = self.cropbox
        match self.rotation:
            case 90:
                return cx1 - y, cy0 + x
            case 180:
                return cx1 - x, cy1 - y
            case 270:
                return cx0 + y, cy1 - x
            case _:
                return cx0 + x, cy0 + y

    def to_display(self, x: float, y: float) -> tuple[float, float]:
        cx0, cy0, cx1, cy1 = self.cropbox
        match self.rotation:
            case 90:
                return y - cy0, cx1 - x
            case 180:
                return cx1 - x, cy1 - y
            case 270:
                return cy1 - y, x - cx0
            case _:
                return x - cx0, y - cy0

    def rect_to_user(self, rect: Rect) -> Rect:
        return _normalise(*self.to_user(rect[0], rect[1]), *self.to_user(rect[2], rect[3]))

    def rect_to_display(self, rect: Rect) -> Rect:
        return _normalise(*self.to_display(rect[0], rect[1]),
                          *self.to_display(rect[2], rect[3]))

    def mupdf_rect_to_user(self, rect: Rect) -> Rect:
        """PyMuPDF reports text positions unrotated, from the crop box's top-left."""
        cx0, _, _, cy1 = self.cropbox
        return _normalise(cx0 + rect[0], cy1 - rect[1], cx0 + rect[2], cy1 - rect[3])


def _normalise(x0: float, y0: float, x1: float, y1: float) -> Rect:
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _box(value: Any) -> Rect | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return _normalise(x0, y0, x1, y1)


def page_count(handler: PdfHandler) -> int:
    return int(handler.root["/Pages"]["/Count"])


def page_index(page: int, count: int) -> int:
    """1-based (negative: from the end) -> 0-based, checked."""
    index = page - 1 if page > 0 else count + page
    if page == 0 or not 0 <= index < count:
        raise AppearanceError("page_out_of_range", f"{page} of {count}", page=page, pages=count)
    return index


def page_geometry(handler: PdfHandler, index: int) -> PageGeometry:
    page_ref, _ = handler.find_page_for_modification(index)
    page = page_ref.get_object()
    media = _box(find_inherited_value_in_tree(page, "/MediaBox", "/Parent")) or (0, 0, 612, 792)
    crop = _box(find_inherited_value_in_tree(page, "/CropBox", "/Parent")) or media
    crop = (max(crop[0], media[0]), max(crop[1], media[1]),
            min(crop[2], media[2]), min(crop[3], media[3]))
    if crop[0] >= crop[2] or crop[1] >= crop[3]:
        crop = media
    rotate = find_inherited_value_in_tree(page, "/Rotate", "/Parent")
    rotation = int(rotate) % 360 if rotate is not None else 0
    if rotation not in (0, 90, 180, 270):
        rotation = 0  # invalid /Rotate values are ignored by viewers too
    return PageGeometry(index, media, crop, rotation)


@dataclass(frozen=True)
class PlacementRequest:
    """What the user asked for; exactly one of rect / anchor / position is used
    (rect wins, then anchor, then position; nothing: the default preset)."""

    page: int | None = None  # 1-based, negative from the end; None: the last page
    rect: Rect | None = None  # displayed coordinates
    anchor: str | None = None
    position: str | None = None
    size: tuple[float, float] = DEFAULT_BOX  # stamp size (displayed) for anchor/presets
    margin: float = DEFAULT_MARGIN
    bottom_reserve: float = 0.0  # kept free at the bottom (the footer's height)


@dataclass(frozen=True)
class Placement:
    page_index: int  # 0-based
    rect: Rect  # user space: the signature widget's /Rect
    display_rect: Rect  # the same, as displayed (for previews and messages)
    rotation: int

    @property
    def display_size(self) -> tuple[float, float]:
        r = self.display_rect
        return r[2] - r[0], r[3] - r[1]

    @property
    def page(self) -> int:
        return self.page_index + 1


@dataclass(frozen=True)
class AnchorHit:
    page_index: int
    mupdf_rect: Rect  # as PyMuPDF reports it (unrotated, crop box top-left origin)
    occurrences: int  # how many times the marker appears on that page


def find_anchor(doc: pymupdf.Document, marker: str) -> AnchorHit | None:
    """The last occurrence on the last page that has the marker (see module doc)."""
    marker = marker.strip()
    if not marker:
        return None
    # from the last page backwards: the first page with a hit is the one the rule wants
    for number in range(doc.page_count - 1, -1, -1):
        page = doc[number]
        if not page.get_fonts() and page.first_annot is None and page.first_widget is None:
            # no font anywhere on the page (its forms included) and no annotation: no text
            # to find, and extracting it would only decode the page's images (~10 ms a page)
            continue
        if " " in marker:
            rects = [tuple(r) for r in page.search_for(marker)]
        else:
            rects = [tuple(w[:4]) for w in page.get_text("words") if w[4] == marker]
            if len(rects) > 1:
                # which one is last depends on PyMuPDF's reading order (lines grouped with a
                # tolerance); sorting every word costs more than finding them, so only when
                # there is a choice to make
                rects = [tuple(w[:4]) for w in page.get_text("words", sort=True)
                         if w[4] == marker]
        if rects:
            r = rects[-1]
            return AnchorHit(number, (r[0], r[1], r[2], r[3]), len(rects))
    return None


def _clamp(rect: Rect, width: float, height: float, margin: float) -> Rect:
    w, h = rect[2] - rect[0], rect[3] - rect[1]
    x0 = min(max(rect[0], margin), width - margin - w)
    y0 = min(max(rect[1], margin), height - margin - h)
    x0, y0 = max(x0, 0.0), max(y0, 0.0)
    return (x0, y0, x0 + w, y0 + h)


def _preset(name: str, width: float, height: float, size: tuple[float, float],
            margin: float, bottom_reserve: float) -> Rect:
    w, h = size
    bottom = margin + bottom_reserve
    match name:
        case "bottom-right":
            return (width - margin - w, bottom, width - margin, bottom + h)
        case "bottom-left":
            return (margin, bottom, margin + w, bottom + h)
        case "bottom-center":
            return ((width - w) / 2, bottom, (width + w) / 2, bottom + h)
        case "top-right":
            return (width - margin - w, height - margin - h, width - margin, height - margin)
        case "top-left":
            return (margin, height - margin - h, margin + w, height - margin)
    raise AppearanceError("unknown_position", name, position=name)


def resolve_placement(handler: PdfHandler, request: PlacementRequest,
                      anchor_hit: AnchorHit | None = None) -> Placement:
    """Turn a request into the page and user-space rectangle pyHanko needs.

    For ``request.anchor`` the caller passes :func:`find_anchor`'s result (it owns the
    PyMuPDF document); ``None`` then means the marker was not found."""
    count = page_count(handler)
    requested_page = -1 if request.page is None else request.page
    w, h = request.size
    if request.rect is not None:
        x0, y0, x1, y1 = request.rect
        if not (x0 < x1 and y0 < y1):
            raise AppearanceError("rect_invalid", repr(request.rect), rect=request.rect)
        geom = page_geometry(handler, page_index(requested_page, count))
        dw, dh = geom.display_size
        if x0 < -EPSILON or y0 < -EPSILON or x1 > dw + EPSILON or y1 > dh + EPSILON:
            raise AppearanceError("rect_outside_page", repr(request.rect), rect=request.rect,
                                  width=round(dw, 1), height=round(dh, 1))
        display = (x0, y0, x1, y1)
    elif request.anchor is not None:
        if anchor_hit is None:
            raise AppearanceError("anchor_not_found", request.anchor, anchor=request.anchor)
        geom = page_geometry(handler, anchor_hit.page_index)
        dw, dh = geom.display_size
        marker = geom.rect_to_display(geom.mupdf_rect_to_user(anchor_hit.mupdf_rect))
        middle = (marker[1] + marker[3]) / 2
        wanted = (marker[0], middle - h / 2, marker[0] + w, middle + h / 2)
        display = _clamp(wanted, dw, dh, min(request.margin, 12.0))
    else:
        geom = page_geometry(handler, page_index(requested_page, count))
        dw, dh = geom.display_size
        display = _preset(request.position or DEFAULT_PRESET, dw, dh, (w, h), request.margin,
                          request.bottom_reserve)
        display = _clamp(display, dw, dh, 0.0)
    return Placement(geom.index, geom.rect_to_user(display), display, geom.rotation)


def display_matrix(geom: PageGeometry) -> tuple[float, float, float, float, float, float]:
    """The ``cm`` that maps displayed coordinates onto the page's user space."""
    cx0, cy0, cx1, cy1 = geom.cropbox
    match geom.rotation:
        case 90:
            return (0, 1, -1, 0, cx1, cy0)
        case 180:
            return (-1, 0, 0, -1, cx1, cy1)
        case 270:
            return (0, -1, 1, 0, cx0, cy1)
        case _:
            return (1, 0, 0, 1, cx0, cy0)
