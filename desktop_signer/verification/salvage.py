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

from desktop_signer.verification.pdfdata import PdfData

MAX_OBJECT_BYTES = 4 << 20  # a signature field with a large /Contents, and then some
_SIGNATURE_MARK = re.compile(rb"/FT\s*/Sig(?![A-Za-z0-9])|/ByteRange\s*\[")
_PARTIAL_NAME = re.compile(rb"/T\s*(?=[(<])(?!<<)")
_VALUE_REF = re.compile(rb"/V\s+(\d{1,10})\s+(\d{1,5})\s+R\b")


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


@dataclass(frozen=True)
class SalvagedField:
    name: str
    value_number: int | None  # the object number its raw ``/V N G R`` names, if any


def salvage_signature_field(reader: PdfFileReader, broken: BrokenObject) -> SalvagedField | None:
    """The field name to report for an unparseable field object that looks like a
    signature field (``#<object number>`` when its name cannot be read) and the signature
    object it refers to; None when it does not look like a signature field (a damaged text
    field is not a signature)."""
    try:
        raw = raw_object_bytes(reader, broken.ref)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        raw = None
    if raw is None or _SIGNATURE_MARK.search(raw) is None:
        return None
    value = _VALUE_REF.search(raw)
    number = int(value.group(1)) if value is not None else None
    partial = _partial_name(raw)
    if partial is None:
        return SalvagedField(f"#{broken.ref.idnum}", number)
    name = f"{broken.parent_name}.{partial}" if broken.parent_name else partial
    return SalvagedField(name, number)


# ---------------------------------------------------------------- raw bytes

_OBJ_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b")
# "N G obj" ending exactly at the search end (``$`` matches at ``endpos``)
_HEADER_AT_END = re.compile(rb"(?<![0-9])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj$")
_HEADER_REACH = 40  # enough for a 10-digit number, a generation and the spaces between


@dataclass(frozen=True)
class RawHeader:
    number: int
    generation: int
    start: int  # offset of "N G obj"


def enclosing_header(data: PdfData, offset: int) -> RawHeader | None:
    """The last ``N G obj`` header before ``offset`` (the object the offset lies in),
    found by walking back over the occurrences of ``obj`` (a signature's hex /Contents can
    be large, and contains no ``obj``)."""
    end = offset
    while end > 0:
        at = data.rfind(b"obj", 0, end)
        if at < 0:
            return None
        after = data[at + 3 : at + 4]
        if not (after.isalnum() or after == b"_"):
            match = _HEADER_AT_END.search(data, max(0, at - _HEADER_REACH), at + 3)
            if match is not None:
                return RawHeader(int(match.group(1)), int(match.group(2)), match.start())
        end = at
    return None


def _object_body(data: PdfData, start: int) -> bytes:
    end = data.find(b"endobj", start, start + MAX_OBJECT_BYTES)
    return data[start : end if end >= 0 else start + MAX_OBJECT_BYTES]


def referring_field_name(data: PdfData, number: int) -> str | None:
    """The /T of a field object whose raw bytes name object ``number`` as its /V, or of
    object ``number`` itself when it is a field with the signature written inline."""
    own = re.compile(rb"(?<![0-9])%d[ \t\r\n\f\x00]+\d{1,5}[ \t\r\n\f\x00]+obj\b" % number)
    value = re.compile(rb"/V\s+%d\s+\d{1,5}\s+R\b" % number)
    for match in value.finditer(data):
        header = enclosing_header(data, match.start())
        if header is not None:
            name = _partial_name(_object_body(data, header.start))
            if name is not None:
                return name
    for match in own.finditer(data):
        body = _object_body(data, match.start())
        if _SIGNATURE_MARK.search(body) is not None:
            name = _partial_name(body)
            if name is not None:
                return name
    return None
