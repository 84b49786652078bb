"""Signature dictionaries that no field refers to any more (issue 5: "reported, not dropped").

pyHanko's parser is lenient: a damaged byte in a signature field (a stray ``>`` in
``/F 132``) can end the field's dictionary early, and the field silently loses its ``/V``.
The signature dictionary itself is intact and current, but nothing refers to it, so a
verifier that walks the form never sees it, and a signature whose signed bytes changed
disappears from the report. Removing ``/V`` from a signed field in a later update does the
same on purpose.

Rule: every current object holding a signature dictionary (``/ByteRange`` and ``/Contents``)
must be the ``/V`` of a signature field or a ``/Perms`` entry (DocMDP, usage rights).
Each other one is validated like any signature, under the name of the field whose raw bytes
still refer to it (else ``#<object number>``), and marked as detached.
"""

from __future__ import annotations

import re

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from desktop_signer.verification.fields import SignatureEntry
from desktop_signer.verification.pdfdata import PdfData
from desktop_signer.verification.pdfget import pdf_get, signature_contents
from desktop_signer.verification.salvage import enclosing_header, referring_field_name

BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
OFFSET_SLACK = 32  # writers point xref entries a few bytes off; readers tolerate it


def _accounted(reader: PdfFileReader, entries: list[SignatureEntry]) -> set[int]:
    numbers: set[int] = set()
    for entry in entries:
        if entry.sig_ref is not None:
            numbers.add(entry.sig_ref.idnum)
        container = getattr(entry.field_dict, "container_ref", None)
        if isinstance(container, generic.Reference):
            numbers.add(container.idnum)  # a signature dictionary written inline
    perms = pdf_get(reader.root, "/Perms")
    if isinstance(perms, generic.DictionaryObject):
        for key in list(perms.keys()):
            value = perms.raw_get(key)
            if isinstance(value, generic.IndirectObject):
                numbers.add(value.reference.idnum)
    return numbers


def _is_placeholder(sig: generic.DictionaryObject) -> bool:
    """A reserved, never-signed dictionary: /Contents all zeros."""
    contents = signature_contents(sig)
    if isinstance(contents, (generic.ByteStringObject, generic.TextStringObject)):
        return not contents.original_bytes.strip(b"\x00")
    return True


def with_orphans(
    reader: PdfFileReader, data: PdfData, entries: list[SignatureEntry]
) -> list[SignatureEntry]:
    """``entries`` plus entries for current signature dictionaries that no field or /Perms
    refers to. A field that no longer parses but whose raw bytes name such a dictionary as
    its /V is replaced by that dictionary's entry (the signature itself can be checked)."""
    accounted = _accounted(reader, entries)
    broken_by_value = {
        e.raw_value_number: e for e in entries if e.broken and e.raw_value_number is not None
    }
    out = list(entries)
    for match in BYTE_RANGE.finditer(data):
        header = enclosing_header(data, match.start())
        if header is None or header.number in accounted:
            continue
        number, generation, start = header.number, header.generation, header.start
        accounted.add(number)
        ref = generic.Reference(number, generation)
        try:
            offset = reader.xrefs[ref]
            if not isinstance(offset, int) or abs(offset - start) > OFFSET_SLACK:
                continue  # an older version of the object, or one no xref points to
            sig = reader.get_object(ref)
        except MemoryError:  # the child's memory limit: never a verdict
            raise
        except Exception:
            continue  # unreadable: the structure checks report what cannot be parsed
        if not isinstance(sig, generic.DictionaryObject) or isinstance(sig, generic.StreamObject):
            continue
        if "/ByteRange" not in sig or "/Contents" not in sig or _is_placeholder(sig):
            continue
        broken_field = broken_by_value.get(number)
        if broken_field is not None:
            out.remove(broken_field)
            name = broken_field.name
        else:
            name = referring_field_name(data, number) or f"#{number}"
        field = generic.DictionaryObject(
            {
                generic.NameObject("/FT"): generic.NameObject("/Sig"),
                generic.NameObject("/T"): generic.TextStringObject(name),
                generic.NameObject("/V"): generic.IndirectObject(number, generation, reader),
            }
        )
        out.append(SignatureEntry([name], field, ref, sig, [], detached=True))
    return out
