"""What a signature field that no longer parses still tells (issue 5, fuzz findings).

A damaged byte inside a field object (a signature dictionary written inline in its field, a
non-hex byte in ``/Contents``, a stray ``(`` in the padding) makes pyHanko's parser give up
on the whole object. Such a field must not vanish from the report: if the raw bytes of the
object still look like a signature field, it is reported as a broken signature, named by its
``/T`` when that string can still be read (with pyHanko's string reader).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

MAX_OBJECT_BYTES = 4 << 20  # a signature field with a large /Contents, and then some
_SIGNATURE_MARK = re.compile(rb"/FT\s*/Sig(?![A-Za-z0-9])|/ByteRange\s*\[")
_PARTIAL_NAME = re.compile(rb"/T\s*(?=[(<])(?!<<)")


@dataclass(frozen=True)
class BrokenObject:
    parent_name: str  # fully qualified name of the parent field ("" at the top level)
    ref: generic.Reference
    detail: str  # the parser's complaint


def raw_object_bytes(reader: PdfFileReader, ref: generic.Reference) -> bytes | None:
    """The bytes of an object stored directly in the file (not in an object stream), from
    its xref offset up to its ``endobj``."""
    try:
        offset = reader.xrefs[ref]
    except (KeyError, TypeError, ValueError):
        return None
    if not isinstance(offset, int) or offset < 0:
        return None  # in an object stream: no raw bytes of its own
    stream = reader.stream
    stream.seek(offset)
    chunk: bytes = stream.read(MAX_OBJECT_BYTES)
    end = chunk.find(b"endobj")
    return chunk if end < 0 else chunk[:end]


def _partial_name(raw: bytes) -> str | None:
    match = _PARTIAL_NAME.search(raw)
    if match is None:
        return None
    stream = io.BytesIO(raw[match.end() :])
    try:
        if raw[match.end() : match.end() + 1] == b"(":
            value: object = generic.read_string_from_stream(stream)
        else:
            value = generic.read_hex_string_from_stream(stream)
    except Exception:  # damaged too: the field stays unnamed
        return None
    if isinstance(value, generic.ByteStringObject):
        return bytes(value).decode("latin-1")
    return str(value)


def salvage_signature_field(reader: PdfFileReader, broken: BrokenObject) -> str | None:
    """The field name to report for an unparseable field object that looks like a
    signature field; ``#<object number>`` when its name cannot be read; None when it does
    not look like a signature field (a damaged text field is not a signature)."""
    try:
        raw = raw_object_bytes(reader, broken.ref)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        raw = None
    if raw is None or _SIGNATURE_MARK.search(raw) is None:
        return None
    partial = _partial_name(raw)
    if partial is None:
        return f"#{broken.ref.idnum}"
    return f"{broken.parent_name}.{partial}" if broken.parent_name else partial


# ---------------------------------------------------------------- files that do not parse

_OBJ_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b")
_VALUE_REF = re.compile(rb"/V\s+(\d{1,10})\s+(\d{1,5})\s+R\b")


@dataclass(frozen=True)
class RawObjects:
    """Object headers found in raw bytes, for files pyHanko cannot open at all."""

    starts: list[int]  # offsets of "N G obj", ascending
    numbers: list[int]  # object number of each header
    names: dict[int, str]  # signature object number -> field name (/T) of the field using it

    def enclosing(self, offset: int) -> int | None:
        """Number of the object whose header comes last before ``offset``."""
        import bisect

        i = bisect.bisect_right(self.starts, offset) - 1
        return self.numbers[i] if i >= 0 else None


def raw_objects(data: bytes) -> RawObjects:
    """Headers and signature field names, read from the bytes: when the PDF structure
    cannot be parsed, this is how a signature found by its /ByteRange gets its field name
    (a field object that says ``/T (...)`` and ``/V N 0 R``, or carries the /ByteRange
    itself)."""
    starts: list[int] = []
    numbers: list[int] = []
    for match in _OBJ_HEADER.finditer(data):
        starts.append(match.start())
        numbers.append(int(match.group(1)))
    names: dict[int, str] = {}
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(data)
        body = data[start:end]
        cut = body.find(b"endobj")
        body = body if cut < 0 else body[:cut]
        if b"/T" not in body:
            continue
        partial = _partial_name(body)
        if partial is None:
            continue
        value = _VALUE_REF.search(body)
        if value is not None:
            names.setdefault(int(value.group(1)), partial)
        elif _SIGNATURE_MARK.search(body) is not None:
            names.setdefault(numbers[i], partial)  # the signature dictionary written inline
    return RawObjects(starts, numbers, names)
