"""Bytes that pyHanko did not analyse (DESIGN §5.3 item 1).

The Incremental Saving Attack in ``attacks/isa/isa-3.pdf`` appends objects after the signed
revision together with an empty xref section and a broken trailer. pyHanko reads that as a
revision without changes ("extended with no modifications"), while poppler, MuPDF and PDFium
repair the file and show the appended page. Rule: after the signed part of a document, every
``N G obj`` must be the object an xref section points to at exactly that offset, and after
the last revision only whitespace and comments may follow. Anything else is
``unanalysed_trailing_data``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyhanko.pdf_utils.reader import PdfFileReader

from desktop_signer.verification.pdfdata import PdfData

_OBJ_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b")
_EOF = re.compile(rb"%%EOF")
_BENIGN_TAIL = re.compile(rb"(?:[ \t\r\n\f\x00]|%[^\r\n]*)*")


@dataclass(frozen=True)
class UnanalysedData:
    offset: int  # first byte of the data pyHanko did not analyse
    kind: str  # "object" (an object no xref points to) or "tail" (bytes after the last %%EOF)
    detail: str


# Writers often point an xref entry a few bytes before or after the object header (the
# preceding end-of-line); readers tolerate it, so do we.
OFFSET_SLACK = 32


def _listed_offsets(reader: PdfFileReader) -> dict[tuple[int, int], list[int]]:
    """(id, generation) -> offsets where xref tables or streams say the object is."""
    listed: dict[tuple[int, int], list[int]] = {}
    xrefs = reader.xrefs
    for revision in range(xrefs.total_revisions):
        data = xrefs.get_xref_data(revision)
        sections = [data] + ([data.hybrid.xref_data] if data.hybrid is not None else [])
        for section in sections:
            for idnum, (generation, offset) in section.standard_xrefs.items():
                listed.setdefault((idnum, generation), []).append(offset)
        meta = xrefs.get_xref_container_info(revision)
        if meta.stream_ref is not None:
            ref = meta.stream_ref
            listed.setdefault((ref.idnum, ref.generation), []).append(meta.start_location)
    return listed


def _last_revision_end(reader: PdfFileReader) -> int:
    xrefs = reader.xrefs
    return max(xrefs.get_xref_container_info(r).end_location for r in range(xrefs.total_revisions))


def find_unanalysed_data(
    data: PdfData, reader: PdfFileReader, signed_end: int
) -> UnanalysedData | None:
    """The first piece of unanalysed data after ``signed_end`` (end of the earliest signed
    revision), or None."""
    listed = _listed_offsets(reader)
    listed_offsets = sorted(off for offs in listed.values() for off in offs)
    for match in _OBJ_HEADER.finditer(data, signed_end):
        idnum, generation, offset = int(match.group(1)), int(match.group(2)), match.start()
        if any(abs(off - offset) <= OFFSET_SLACK for off in listed.get((idnum, generation), ())):
            continue
        if _inside_listed_stream(data, listed_offsets, offset):
            continue
        return UnanalysedData(offset, "object", f"{idnum} {generation} obj")
    last_end = _last_revision_end(reader)
    eof = _EOF.search(data, max(last_end, signed_end - 5))
    if eof is None:
        tail_start = max(last_end, signed_end)
    else:
        tail_start = eof.end()
    benign = _BENIGN_TAIL.match(data, tail_start)
    end_of_benign = benign.end() if benign else tail_start
    if end_of_benign < len(data):
        return UnanalysedData(end_of_benign, "tail", f"{len(data) - end_of_benign} bytes")
    return None


def _inside_listed_stream(data: PdfData, listed_offsets: list[int], offset: int) -> bool:
    """Whether ``offset`` lies in the stream data of the listed object just before it (a
    header-like byte sequence inside compressed or content data is no object)."""
    import bisect

    i = bisect.bisect_left(listed_offsets, offset) - 1
    if i < 0:
        return False
    between = data[listed_offsets[i] : offset]
    start = between.find(b"stream")
    return start >= 0 and between.find(b"endstream", start) < 0
