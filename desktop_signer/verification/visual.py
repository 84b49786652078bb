"""What was signed: render each page of a signed revision and of the current document and
report the regions that look different (DESIGN §5.3 item 6, finding ``visual_change``).

Shadow attacks (NDSS 2021) leave every signed byte intact and change what a viewer shows with
an incremental update: an overlay disappears (hide), a form field or a font shows other text
(replace), or the xref points an object number at a second definition that was already in the
signed bytes (hide-and-replace). Comparing pixels catches all of them without knowing the trick,
as far as our renderer (MuPDF) follows the same trick as the viewer the attacker had in mind.

Each page is compared in two layers so the report says *what* changed:

* the page content with no annotations drawn (``content``): text, images, fonts;
* the page as displayed, annotations and form widgets included (``annotation``), with the
  annotations that legitimately arrived later taken out of the picture: annotations that are
  new on the page (``added_annotation``, or ``added_signature`` for signature widgets, e.g. the
  stamp of a countersignature) and signature fields that were empty when this signature was
  made and were signed later. Those are hidden (annotation flag Hidden, in memory only) in the
  render they would disturb, and their own visible area is reported under their own kind.

Skipping pages (``skip_identical_pages``). Rendering is the expensive part, so a page is only
rendered when an object it is drawn from differs between the two versions. The check is safe
because MuPDF's picture of page *i* is a deterministic function of the objects it reads, and we
compare a superset of them, as MuPDF resolved them in each version (so an xref that re-points an
object number at another definition, or frees it, is a difference):

* the page dictionary (all keys; /Annots separately) and, up the /Parent chain, the inheritable
  attributes of its ancestors (/Resources, /MediaBox, /CropBox, /Rotate): the only things a page
  reads from the page tree;
* every object reachable by any reference from those (contents, resources, fonts, images, forms,
  patterns, optional-content groups ...), and from /Annots every annotation and everything
  reachable from it (appearance streams, field parents, signature dictionaries ...). Only page
  dictionaries reached through references (an annotation's /P, a link's destination) are not
  followed further than their own dictionary, because MuPDF never draws another page's objects
  while drawing this one; they are still compared as dictionaries;
* the document-wide inputs of drawing: the catalog's /OCProperties (which layers are visible)
  and /OutputIntents (colour), and /AcroForm except its /Fields and /SigFlags (defaults MuPDF
  uses when it has to synthesise a widget appearance: /NeedAppearances, /DA, /DR, /Q).

Each object is compared as MuPDF's serialisation of the dictionary (which names referenced
objects by number) plus the raw stream bytes. If everything is equal, both versions give MuPDF
the same input and the same pixels come out, so the page is counted as compared and unchanged
without rendering it. Encrypted documents are always rendered. ``tests/unit/test_visual.py``
checks over the shadow-attack corpus that skipping never changes the result.

Rendering: 72 dpi RGB, MuPDF's own pixmaps; differences are found with byte comparisons of
pixmap rows (no numpy), grouped into 8x8-pixel tiles, then joined into rectangles and tightened
to the changed pixels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from types import TracebackType
from typing import Any

import pymupdf

from desktop_signer.errors import DesktopSignerError
from desktop_signer.verification.covering import covers_signed_content

DEFAULT_ZOOM = 1.0  # 72 dpi: a changed glyph of 8 pt text still changes dozens of pixels
TILE = 8  # pixels; changes closer than two tiles are reported as one region
MAX_REGIONS_PER_PAGE = 32  # beyond this, one rectangle around all of them is more useful
RENDER_CACHE_SIZE = 48  # current-document renders kept (an A4 page at 72 dpi is 1.5 MB)

_REF = re.compile(rb"(?<![\d.])(\d++)\s++(\d++)\s++R\b")  # possessive: linear on long hex
_INHERITABLE = ("Resources", "MediaBox", "CropBox", "Rotate")
_ANNOT_HIDDEN = 2  # annotation flag bit 2 (PDF 32000-1 table 165)
# /Fields lists fields (their widgets are reached from the pages); /CO orders JavaScript
# calculations, which MuPDF does not run (JavaScript is off unless enabled explicitly).
_ACROFORM_NOT_DRAWN = frozenset({"Fields", "SigFlags", "CO"})


class ChangeKind(StrEnum):
    CONTENT = "content"
    ANNOTATION = "annotation"
    ADDED_ANNOTATION = "added_annotation"
    ADDED_SIGNATURE = "added_signature"
    PAGE_ADDED = "page_added"
    PAGE_REMOVED = "page_removed"


# Kinds that mean "what is shown now is not what was signed" (the visual_change finding).
SIGNED_CONTENT_KINDS = frozenset(
    {
        ChangeKind.CONTENT,
        ChangeKind.ANNOTATION,
        ChangeKind.ADDED_ANNOTATION,
        ChangeKind.PAGE_ADDED,
        ChangeKind.PAGE_REMOVED,
    }
)

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class VisualChange:
    """A region that looks different. ``page`` counts from 1 (in the current document; in the
    signed revision for ``page_removed``). ``rect`` is (x0, y0, x1, y1) in PDF points from the
    lower-left corner of the page as displayed (crop box and rotation applied)."""

    page: int
    rect: Rect
    kind: ChangeKind
    # added_annotation only: the annotation hides or overdraws signed content (.covering)
    covers_signed_content: bool = False


@dataclass(frozen=True)
class VisualComparison:
    signed_end: int
    signed_pages: int
    current_pages: int
    changes: tuple[VisualChange, ...] = ()
    unchecked_pages: tuple[int, ...] = ()  # current pages that could not be rendered
    signed_repaired: bool = False  # MuPDF rebuilt the xref: the structure is damaged
    current_repaired: bool = False
    rendered_pages: int = 0
    skipped_pages: int = 0  # proven identical by comparing their objects

    @property
    def signed_content_changed(self) -> bool:
        """True when the document no longer shows what was signed (``visual_change``)."""
        return any(c.kind in SIGNED_CONTENT_KINDS for c in self.changes)

    @property
    def complete(self) -> bool:
        return not self.unchecked_pages


class VisualError(DesktopSignerError):
    """Codes: revision_out_of_range, unreadable_revision, unreadable_document,
    encrypted_document."""


def signed_revision_bytes(pdf_bytes: bytes, end: int) -> bytes:
    """The signed revision: the file up to the end of the signature's ByteRange."""
    if not 0 < end <= len(pdf_bytes):
        raise VisualError("revision_out_of_range", f"{end} of {len(pdf_bytes)}", end=end)
    return pdf_bytes[:end]


def compare_revision(
    pdf_bytes: bytes, signed_end: int, *, zoom: float = DEFAULT_ZOOM,
    skip_identical_pages: bool = True,
) -> VisualComparison:
    """One-off comparison; use :class:`RevisionComparer` for several signatures of a file."""
    with RevisionComparer(pdf_bytes, zoom=zoom, skip_identical_pages=skip_identical_pages) as c:
        return c.compare(signed_end)


# --------------------------------------------------------------------------- documents


def _open(data: bytes, code: str, password: str = "") -> Any:
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # MuPDF raises several types for unreadable input
        raise VisualError(code, f"{type(exc).__name__}: {exc}") from exc
    try:
        locked = bool(doc.needs_pass) and not (
            doc.authenticate("") or (password and doc.authenticate(password)))
    except Exception:
        locked = True
    if locked:
        doc.close()
        raise VisualError("encrypted_document")
    return doc


def _is_encrypted(doc: Any) -> bool:
    try:
        return str(doc.xref_get_key(-1, "Encrypt")[0]) != "null"
    except Exception:
        return True


class _Objects:
    """The objects of one document as MuPDF resolves them, for equality checks.

    Uses its own document instance that is never rendered: MuPDF may add objects while it loads
    a page (synthesised widget appearances), and fingerprints must describe the file."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.size = int(doc.xref_length())
        self._cache: dict[tuple[int, bool], tuple[bytes, bytes | None]] = {}

    def fingerprint(self, xref: int, page: bool) -> tuple[bytes, bytes | None]:
        """Serialised object + raw stream. Page dictionaries without /Annots: only the page
        itself draws its annotations (see _Sameness)."""
        found = self._cache.get((xref, page))
        if found is None:
            found = self._read(xref, page)
            self._cache[(xref, page)] = found
        return found

    def _read(self, xref: int, page: bool) -> tuple[bytes, bytes | None]:
        if not 0 < xref < self.size:
            return b"<missing>", None
        if page:
            entries = [(k, *self.entry(xref, k)) for k in self.keys(xref) if k != "Annots"]
            text = repr(sorted(entries)).encode("utf-8", "replace")
        else:
            text = str(self.doc.xref_object(xref, compressed=True)).encode("utf-8", "replace")
        raw = self.doc.xref_stream_raw(xref)  # None when it is not a stream
        return text, bytes(raw) if raw is not None else None

    def entry(self, xref: int, key: str) -> tuple[str, str]:
        try:
            kind, value = self.doc.xref_get_key(xref, key)
        except Exception:
            return "error", ""
        return str(kind), str(value)

    def keys(self, xref: int) -> list[str]:
        try:
            return [str(k) for k in self.doc.xref_get_keys(xref)]
        except Exception:
            return []

    def catalog(self) -> int:
        return int(self.doc.pdf_catalog())

    def page_xref(self, index: int) -> int:
        return int(self.doc.page_xref(index))

    def page_xrefs(self) -> set[int]:
        found: set[int] = set()
        for i in range(int(self.doc.page_count)):
            try:
                found.add(self.page_xref(i))
            except Exception:
                continue
        return found


def _refs(text: str | bytes) -> list[int]:
    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    return [int(m.group(1)) for m in _REF.finditer(data)]


ValuePair = tuple[tuple[str, str], tuple[str, str]]


@dataclass(frozen=True)
class _PageSameness:
    content: bool
    annotations: bool


class _Sameness:
    """Which pages of a signed revision provably render like the current document.

    Generic rule, the same for every object wherever it is reached from: compare its
    fingerprint in both versions and follow every reference in it. So once a walk finished
    without a difference, every object it visited has an identical closure, and later walks
    (other pages, other layers) may stop there (``clean``). Starting points (a page's own keys,
    its ancestors' inheritable keys, selected catalog keys) are compared as key/value pairs and
    only their references enter the generic walk."""

    def __init__(self, signed: _Objects, current: _Objects) -> None:
        self.signed = signed
        self.current = current
        self.pages = frozenset(signed.page_xrefs() | current.page_xrefs())
        self.clean: set[int] = set()
        self.dirty: set[int] = set()
        self.global_same = self._global()

    def values(self, pairs: Iterable[ValuePair]) -> bool:
        refs: list[int] = []
        for a, b in pairs:
            if a != b:
                return False
            refs.extend(_refs(a[1]))
        return self.objects(refs)

    def objects(self, start: Iterable[int]) -> bool:
        visited: set[int] = set()
        stack = [x for x in start if x not in self.clean]
        while stack:
            xref = stack.pop()
            if xref in visited or xref in self.clean:
                continue
            if xref in self.dirty:
                return False
            visited.add(xref)
            is_page = xref in self.pages
            a = self.signed.fingerprint(xref, is_page)
            if a != self.current.fingerprint(xref, is_page):
                self.dirty.add(xref)
                return False
            stack.extend(_refs(a[0]))
        self.clean |= visited
        return True

    def keyed(self, xref: int, keys: Iterable[str]) -> list[ValuePair]:
        return [
            ((k + " " + a[0], a[1]), (k + " " + b[0], b[1]))
            for k in keys
            for a, b in [(self.signed.entry(xref, k), self.current.entry(xref, k))]
        ]

    def page(self, index: int) -> _PageSameness:
        """Which layers of page ``index`` provably render the same in both versions."""
        if not self.global_same:
            return _PageSameness(False, False)
        try:
            xref = self.signed.page_xref(index)
            keys = self.signed.keys(xref)
            if xref != self.current.page_xref(index) or sorted(keys) != sorted(
                self.current.keys(xref)
            ):
                return _PageSameness(False, False)
            own = [k for k in keys if k not in ("Annots", "Parent")]
            content = self.values(self.keyed(xref, own)) and self._ancestors(xref)
            annotations = self.values(self.keyed(xref, ["Annots"]))
            return _PageSameness(content, annotations)
        except Exception:  # anything odd: render
            return _PageSameness(False, False)

    def _ancestors(self, page: int) -> bool:
        """A page reads only the inheritable attributes of its ancestors (never their /Kids)."""
        node, seen = page, set[int]()
        while True:
            parent = self.signed.entry(node, "Parent")
            if parent != self.current.entry(node, "Parent"):
                return False
            if parent[0] == "null":
                return True
            refs = _refs(parent[1])
            if parent[0] != "xref" or not refs or refs[0] in seen or len(seen) > 64:
                return False
            node = refs[0]
            seen.add(node)
            if not self.values(self.keyed(node, _INHERITABLE)):
                return False

    def _global(self) -> bool:
        """Document-wide inputs of drawing (see the module docstring)."""
        try:
            cat = self.signed.catalog()
            if cat != self.current.catalog():
                return False
            if not self.values(self.keyed(cat, ("OCProperties", "OutputIntents"))):
                return False
            form_s, form_c = self.signed.entry(cat, "AcroForm"), self.current.entry(cat, "AcroForm")
            if form_s[0] != form_c[0]:
                return False
            if form_s[0] == "xref":
                ref_s, ref_c = _refs(form_s[1]), _refs(form_c[1])
                if ref_s != ref_c or not ref_s:
                    return False
                form = ref_s[0]
                keys = set(self.signed.keys(form)) | set(self.current.keys(form))
                return self.values(self.keyed(form, sorted(keys - _ACROFORM_NOT_DRAWN)))
            if form_s[0] == "dict":  # inline /AcroForm
                inline = _acroform_keys(form_s[1], form_c[1])
                return self.values(self.keyed(cat, ["AcroForm/" + k for k in inline]))
            return form_s == form_c
        except Exception:
            return False


_NAME = re.compile(r"/([A-Za-z][A-Za-z0-9_.-]*)")


def _acroform_keys(text_s: str, text_c: str) -> list[str]:
    # the top-level names of an inline dictionary; extra names from nested values only add
    # comparisons (harmless), never remove one
    names = set(_NAME.findall(text_s)) | set(_NAME.findall(text_c))
    return sorted(n for n in names if n not in _ACROFORM_NOT_DRAWN)


# --------------------------------------------------------------------------- pixels


@dataclass(frozen=True)
class _Render:
    samples: bytes
    width: int
    height: int
    n: int
    page_width: float  # points, page as displayed
    page_height: float


def _render(page: Any, zoom: float, annots: bool) -> _Render:
    pix = page.get_pixmap(
        matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csRGB, alpha=False, annots=annots
    )
    rect = page.rect
    return _Render(
        bytes(pix.samples), int(pix.width), int(pix.height), int(pix.n),
        float(rect.width), float(rect.height),
    )


Tile = tuple[int, int]  # (tile row, tile column)


def _changed_tiles(a: _Render, b: _Render) -> set[Tile]:
    """Tiles of TILE x TILE pixels in which any sample differs. Same geometry required."""
    if a.samples == b.samples:
        return set()
    stride = a.width * a.n
    tile_bytes = TILE * a.n
    tiles: set[Tile] = set()
    sa, sb = a.samples, b.samples
    for top in range(0, a.height, TILE):
        bottom = min(a.height, top + TILE)
        if sa[top * stride:bottom * stride] == sb[top * stride:bottom * stride]:
            continue
        band = top // TILE
        for y in range(top, bottom):
            row_a, row_b = sa[y * stride:(y + 1) * stride], sb[y * stride:(y + 1) * stride]
            if row_a == row_b:
                continue
            first, last = _first_last_difference(row_a, row_b)
            for col in range(first // tile_bytes, last // tile_bytes + 1):
                if (band, col) in tiles:
                    continue
                s = col * tile_bytes
                if row_a[s:s + tile_bytes] != row_b[s:s + tile_bytes]:
                    tiles.add((band, col))
    return tiles


def _first_last_difference(a: bytes, b: bytes) -> tuple[int, int]:
    """Indexes of the first and the last differing byte of two equal-length, unequal rows."""
    x = int.from_bytes(a, "big") ^ int.from_bytes(b, "big")
    size = len(a)
    first = size - (x.bit_length() + 7) // 8
    last = size - 1 - ((x & -x).bit_length() - 1) // 8
    return first, last


TileBox = tuple[int, int, int, int]  # first row, first column, last row, last column


def _components(tiles: set[Tile]) -> list[TileBox]:
    """Bounding boxes of groups of tiles at most one tile apart (a changed word is one
    region). Works on runs of tiles per row, so large changed areas stay cheap."""
    rows: dict[int, list[int]] = {}
    for r, c in tiles:
        rows.setdefault(r, []).append(c)
    runs: list[list[int]] = []  # [row, first col, last col]
    for r in sorted(rows):
        cols = sorted(rows[r])
        start = prev = cols[0]
        for c in cols[1:]:
            if c - prev > 2:
                runs.append([r, start, prev])
                start = c
            prev = c
        runs.append([r, start, prev])
    parent = list(range(len(runs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    recent: list[int] = []  # runs of the previous two rows
    for i, (r, c0, c1) in enumerate(runs):
        recent = [j for j in recent if r - runs[j][0] <= 2]
        for j in recent:
            if runs[j][0] < r and c0 <= runs[j][2] + 2 and runs[j][1] <= c1 + 2:
                parent[root(i)] = root(j)
        recent.append(i)
    boxes: dict[int, list[int]] = {}
    for i, (r, c0, c1) in enumerate(runs):
        box = boxes.setdefault(root(i), [r, c0, r, c1])
        box[0], box[1] = min(box[0], r), min(box[1], c0)
        box[2], box[3] = max(box[2], r), max(box[3], c1)
    return [(b[0], b[1], b[2], b[3]) for b in boxes.values()]


def _pixel_box(a: _Render, b: _Render, group: TileBox) -> tuple[int, int, int, int] | None:
    """The changed pixels' bounding box (x0, y0, x1, y1 exclusive) inside a tile box."""
    r0 = group[0] * TILE
    r1 = min(a.height, (group[2] + 1) * TILE)
    c0 = group[1] * TILE
    c1 = min(a.width, (group[3] + 1) * TILE)
    stride, n = a.width * a.n, a.n
    x0, y0, x1, y1 = c1, r1, c0, r0
    for y in range(r0, r1):
        s, e = y * stride + c0 * n, y * stride + c1 * n
        row_a, row_b = a.samples[s:e], b.samples[s:e]
        if row_a == row_b:
            continue
        first, last = _first_last_difference(row_a, row_b)
        x0, x1 = min(x0, c0 + first // n), max(x1, c0 + last // n + 1)
        y0, y1 = min(y0, y), y + 1
    return (x0, y0, x1, y1) if x1 > x0 else None


def _regions(a: _Render, b: _Render, tiles: set[Tile], zoom: float) -> list[Rect]:
    return [_to_points(box, b, zoom) for box in _region_boxes(a, b, tiles)]


def _region_boxes(a: _Render, b: _Render, tiles: set[Tile]) -> list[tuple[int, int, int, int]]:
    """Changed regions in pixels (x0, y0, x1, y1 exclusive), top to bottom."""
    boxes = [box for g in _components(tiles) if (box := _pixel_box(a, b, g)) is not None]
    boxes = _merge_overlapping(boxes)
    if len(boxes) > MAX_REGIONS_PER_PAGE:
        boxes = [(min(x[0] for x in boxes), min(x[1] for x in boxes),
                  max(x[2] for x in boxes), max(x[3] for x in boxes))]
    return sorted(boxes, key=lambda x: (x[1], x[0]))


def _merge_overlapping(
    boxes: list[tuple[int, int, int, int]],
) -> list[tuple[int, int, int, int]]:
    merged = True
    while merged:
        merged = False
        out: list[tuple[int, int, int, int]] = []
        for box in boxes:
            for i, other in enumerate(out):
                if _overlap(box, other):
                    out[i] = (min(box[0], other[0]), min(box[1], other[1]),
                              max(box[2], other[2]), max(box[3], other[3]))
                    merged = True
                    break
            else:
                out.append(box)
        boxes = out
    return boxes


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _to_points(box: tuple[int, int, int, int], r: _Render, zoom: float) -> Rect:
    """Pixels (top-left origin) to PDF points from the displayed page's lower-left corner."""
    x0, y0, x1, y1 = box
    w, h = r.page_width, r.page_height
    return (
        round(max(0.0, x0 / zoom), 2),
        round(max(0.0, h - y1 / zoom), 2),
        round(min(w, x1 / zoom), 2),
        round(min(h, h - y0 / zoom), 2),
    )


def _whole_page(r: _Render) -> Rect:
    return (0.0, 0.0, round(r.page_width, 2), round(r.page_height, 2))


# --------------------------------------------------------------------------- annotations


def _annotation_xrefs(page: Any) -> set[int]:
    return {int(a[0]) for a in page.annot_xrefs()}


def _inherited(doc: Any, xref: int, key: str) -> tuple[str, str]:
    """A field attribute, looked up through the /Parent chain of fields."""
    seen: set[int] = set()
    while xref not in seen and len(seen) < 32:
        seen.add(xref)
        kind, value = doc.xref_get_key(xref, key)
        if kind != "null":
            return str(kind), str(value)
        kind, value = doc.xref_get_key(xref, "Parent")
        refs = _refs(str(value)) if kind == "xref" else []
        if not refs:
            break
        xref = refs[0]
    return "null", "null"


def _is_signature_widget(doc: Any, xref: int) -> bool:
    try:
        return _inherited(doc, xref, "FT")[1] == "/Sig"
    except Exception:
        return False


def _is_signed_field(doc: Any, xref: int) -> bool:
    """The field's /V is a signature dictionary (has /ByteRange and /Contents). A signature
    widget without one (the sneaky-signature attack breaks or drops /V) signs nothing, so its
    appearance counts as an added annotation, not as a later signature."""
    try:
        kind, value = _inherited(doc, xref, "V")
        refs = _refs(value) if kind == "xref" else []
        if not refs:
            return False
        # key names only: reading /Contents as a value would convert kilobytes of hex
        return {"ByteRange", "Contents"} <= set(doc.xref_get_keys(refs[0]))
    except Exception:
        return False


def _is_later_signature(doc: Any, xref: int) -> bool:
    return _is_signature_widget(doc, xref) and _is_signed_field(doc, xref)


@contextmanager
def _hidden(doc: Any, xrefs: Iterable[int]) -> Iterator[None]:
    """Hide annotations for one render (in memory only; restored afterwards)."""
    saved: list[tuple[int, str]] = []
    try:
        for xref in xrefs:
            kind, value = doc.xref_get_key(xref, "F")
            saved.append((xref, "null" if kind == "null" else str(value)))
            doc.xref_set_key(xref, "F", str(_ANNOT_HIDDEN))
        yield
    finally:
        for xref, value in reversed(saved):
            doc.xref_set_key(xref, "F", value)


# --------------------------------------------------------------------------- comparer


@dataclass
class _PageCollector:
    zoom: float
    changes: list[VisualChange] = field(default_factory=list)

    def add(
        self, page: int, kind: ChangeKind, a: _Render, b: _Render, tiles: set[Tile],
        signed: _Render | None = None, drawn: _Render | None = None,
    ) -> None:
        """``signed``: the signed revision's picture, to decide for each region whether the
        change covers signed content (:mod:`.covering`) in ``drawn`` (default ``b``)."""
        now = drawn or b
        for box in _region_boxes(a, b, tiles):
            covers = signed is not None and covers_signed_content(
                signed.samples, now.samples, b.width, b.height, b.n, box
            )
            self.changes.append(VisualChange(page, _to_points(box, b, self.zoom), kind, covers))


class RevisionComparer:
    """Compares signed revisions of one file with the current document.

    Keeps the current document open and caches its renders across the file's signatures.
    Not thread-safe (MuPDF documents belong to one thread); use one comparer per file."""

    def __init__(
        self, pdf_bytes: bytes, *, zoom: float = DEFAULT_ZOOM, skip_identical_pages: bool = True,
        password: str = "",
    ) -> None:
        self.pdf_bytes = pdf_bytes
        self.zoom = zoom
        self._password = password  # of an encrypted file (the one the user opened it with)
        self._doc = _open(pdf_bytes, "unreadable_document", password)
        try:
            self._pristine = _Objects(_open(pdf_bytes, "unreadable_document", password))
        except VisualError:
            self._doc.close()
            raise
        self.skip_identical_pages = skip_identical_pages and not _is_encrypted(self._doc)
        self._renders: dict[tuple[int, bool, frozenset[int]], _Render] = {}
        self._annots: dict[int, set[int]] = {}

    # -- context manager
    def __enter__(self) -> RevisionComparer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._renders.clear()
        self._doc.close()
        self._pristine.doc.close()

    @property
    def current_pages(self) -> int:
        return int(self._doc.page_count)

    # -- current document, cached
    def _current(self, index: int, annots: bool, hidden: frozenset[int] = frozenset()) -> _Render:
        key = (index, annots, hidden if annots else frozenset())
        found = self._renders.get(key)
        if found is None:
            with _hidden(self._doc, hidden):
                found = _render(self._doc.load_page(index), self.zoom, annots)
            if len(self._renders) >= RENDER_CACHE_SIZE:  # oldest first: dicts keep order
                del self._renders[next(iter(self._renders))]
            self._renders[key] = found
        return found

    def _current_annots(self, index: int) -> set[int]:
        found = self._annots.get(index)
        if found is None:
            found = _annotation_xrefs(self._doc.load_page(index))
            self._annots[index] = found
        return found

    # -- the comparison
    def compare(self, signed_end: int) -> VisualComparison:
        signed_doc = _open(signed_revision_bytes(self.pdf_bytes, signed_end), "unreadable_revision",
                           self._password)
        signed_objects_doc = None
        try:
            signed_objects_doc = _open(self.pdf_bytes[:signed_end], "unreadable_revision",
                                       self._password)
            return self._compare(signed_end, signed_doc, _Objects(signed_objects_doc))
        finally:
            signed_doc.close()
            if signed_objects_doc is not None:
                signed_objects_doc.close()

    def _compare(self, end: int, signed_doc: Any, signed: _Objects) -> VisualComparison:
        n_signed, n_current = int(signed_doc.page_count), self.current_pages
        collector = _PageCollector(self.zoom)
        unchecked: list[int] = []
        rendered = skipped = 0
        sameness = None
        if self.skip_identical_pages and not _is_encrypted(signed_doc):
            sameness = _Sameness(signed, self._pristine)
        for index in range(min(n_signed, n_current)):
            same = _PageSameness(False, False)
            if sameness is not None:
                same = sameness.page(index)
                if same.content and same.annotations:
                    skipped += 1
                    continue
            try:
                self._compare_page(signed_doc, index, same, collector)
                rendered += 1
            except Exception:
                unchecked.append(index + 1)
        for index in range(n_current, n_signed):
            self._whole(collector, signed_doc, index, ChangeKind.PAGE_REMOVED, unchecked)
        for index in range(n_signed, n_current):
            self._whole(collector, self._doc, index, ChangeKind.PAGE_ADDED, unchecked)
        return VisualComparison(
            signed_end=end,
            signed_pages=n_signed,
            current_pages=n_current,
            changes=tuple(sorted(collector.changes, key=_order)),
            unchecked_pages=tuple(unchecked),
            signed_repaired=bool(signed_doc.is_repaired),
            current_repaired=bool(self._doc.is_repaired),
            rendered_pages=rendered,
            skipped_pages=skipped,
        )

    def _whole(
        self, collector: _PageCollector, doc: Any, index: int, kind: ChangeKind,
        unchecked: list[int],
    ) -> None:
        try:
            rect = doc.load_page(index).rect
            whole = (0.0, 0.0, round(float(rect.width), 2), round(float(rect.height), 2))
        except Exception:
            whole = (0.0, 0.0, 0.0, 0.0)
            if kind is ChangeKind.PAGE_ADDED:
                unchecked.append(index + 1)
        collector.changes.append(VisualChange(index + 1, whole, kind))

    def _compare_page(
        self, signed_doc: Any, index: int, same: _PageSameness, collector: _PageCollector
    ) -> None:
        number = index + 1
        signed_page = signed_doc.load_page(index)
        signed_annots = _annotation_xrefs(signed_page)
        current_annots = self._current_annots(index)
        # Signature fields that were empty when this signature was made and were signed later:
        # their new stamp belongs to the later signature.
        later_signed = frozenset(
            x for x in signed_annots & current_annots
            if _is_signature_widget(signed_doc, x)
            and not _is_signed_field(signed_doc, x)
            and _is_later_signature(self._doc, x)
        )
        new = frozenset(current_annots - signed_annots)
        hide_current = new | later_signed

        content_tiles: set[Tile] = set()
        if not same.content:
            a = _render(signed_page, self.zoom, annots=False)
            b = self._current(index, annots=False)
            if (a.width, a.height) != (b.width, b.height):
                collector.changes.append(VisualChange(number, _whole_page(b), ChangeKind.CONTENT))
                return
            content_tiles = _changed_tiles(a, b)
            collector.add(number, ChangeKind.CONTENT, a, b, content_tiles)
        if same.annotations:
            return
        with _hidden(signed_doc, later_signed):
            a = _render(signed_doc.load_page(index), self.zoom, annots=True)
        shown = self._current(index, annots=True, hidden=hide_current)
        if (a.width, a.height) != (shown.width, shown.height):
            collector.changes.append(VisualChange(number, _whole_page(shown), ChangeKind.CONTENT))
            return
        collector.add(
            number, ChangeKind.ANNOTATION, a, shown, _changed_tiles(a, shown) - content_tiles
        )
        if not hide_current:
            return
        everything = self._current(index, annots=True)
        signatures = frozenset(x for x in hide_current if _is_later_signature(self._doc, x))
        others = hide_current - signatures
        # MuPDF draws its own "SIGN" marker for an unsigned signature field instead of the
        # field's appearance: that marker is MuPDF's, not the file's, so it never counts as
        # covering signed content (it is still reported as an added annotation); later
        # signatures' stamps are judged as signatures, not here
        unsigned = frozenset(x for x in others if _is_signature_widget(self._doc, x))
        not_judged = unsigned | signatures
        drawn = (self._current(index, annots=True, hidden=not_judged) if not_judged
                 else everything)
        if not others:
            collector.add(number, ChangeKind.ADDED_SIGNATURE, shown, everything,
                          _changed_tiles(shown, everything))
        elif not signatures:
            collector.add(number, ChangeKind.ADDED_ANNOTATION, shown, everything,
                          _changed_tiles(shown, everything), signed=a, drawn=drawn)
        else:
            with_signatures = self._current(index, annots=True, hidden=others)
            collector.add(number, ChangeKind.ADDED_SIGNATURE, shown, with_signatures,
                          _changed_tiles(shown, with_signatures))
            collector.add(number, ChangeKind.ADDED_ANNOTATION, with_signatures, everything,
                          _changed_tiles(with_signatures, everything), signed=a, drawn=drawn)


def _order(change: VisualChange) -> tuple[int, str, float, float]:
    return (change.page, change.kind.value, -change.rect[3], change.rect[0])
