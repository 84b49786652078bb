"""Reading the input for signing: open (and decrypt) it, and learn what it already holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.crypt import AuthStatus, StandardSecurityHandler
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation.pdf_embedded import read_certification_data

from desktop_signer.signing.errors import SigningError


@dataclass(frozen=True)
class ExistingField:
    name: str
    signed: bool
    page_index: int | None  # of its widget; None when it has no page (invisible)
    rect: tuple[float, float, float, float] | None  # widget /Rect, None or empty: invisible


@dataclass(frozen=True)
class InputState:
    certification_p: int | None  # DocMDP P of a certification signature, if any
    fields: tuple[ExistingField, ...]

    @property
    def signed(self) -> bool:
        return any(f.signed for f in self.fields)

    def field(self, name: str) -> ExistingField | None:
        return next((f for f in self.fields if f.name == name), None)


def open_writer(path: Path, stream: BinaryIO, password: str | None) -> IncrementalPdfFileWriter:
    try:
        writer = IncrementalPdfFileWriter(stream, strict=False)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise SigningError("input_not_pdf", str(exc), path=str(path)) from exc
    if writer.prev.encrypted:
        handler = writer.prev.security_handler
        if not isinstance(handler, StandardSecurityHandler):
            raise SigningError("password_required", "public-key encryption", path=str(path))
        if password is None:
            # an empty user password opens many "protected" files without asking
            result = writer.encrypt(b"")
            if result.status == AuthStatus.FAILED:
                raise SigningError("password_required", path=str(path))
        else:
            result = writer.encrypt(password.encode("utf-8"))
            if result.status == AuthStatus.FAILED:
                raise SigningError("password_incorrect", path=str(path))
        _indirect_encrypt_dictionary(writer)
    return writer


def _indirect_encrypt_dictionary(writer: IncrementalPdfFileWriter) -> None:
    """MuPDF writes the trailer's /Encrypt dictionary direct; pyHanko's writer (and its
    strict reader) want an indirect one. Our revision's trailer points to an indirect copy
    of the very same dictionary (same key, same settings), which pyHanko leaves
    unencrypted as it does for every /Encrypt object."""
    encrypt = writer._encrypt
    if isinstance(encrypt, generic.DictionaryObject):
        writer._encrypt = writer.add_object(generic.DictionaryObject(encrypt))


def _page_index_of(writer: IncrementalPdfFileWriter, widget: object) -> int | None:
    page_ref = widget.get("/P") if isinstance(widget, dict) else None
    reader = writer.prev
    count = int(reader.root["/Pages"]["/Count"])
    for index in range(count):
        ref, _ = reader.find_page_for_modification(index)
        if page_ref is not None and ref.reference == getattr(page_ref, "reference", None):
            return index
        annots = ref.get_object().get("/Annots")
        if annots is None:
            continue
        for annot in annots.get_object():
            if annot.get_object() is widget:
                return index
    return None


def inspect(writer: IncrementalPdfFileWriter) -> InputState:
    reader = writer.prev
    try:
        docmdp = read_certification_data(reader)
    except (PdfError, KeyError, ValueError, TypeError):
        docmdp = None
    fields: list[ExistingField] = []
    for name, value, ref in enumerate_sig_fields(reader):
        field = ref.get_object()
        widget = field
        kids = field.get("/Kids")
        if kids is not None and len(kids) > 0:
            widget = kids[0].get_object()
        rect = None
        raw = widget.get("/Rect")
        if raw is not None:
            x0, y0, x1, y1 = (float(v) for v in raw)
            if abs(x1 - x0) > 0.5 and abs(y1 - y0) > 0.5:
                rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        fields.append(ExistingField(str(name), value is not None,
                                    _page_index_of(writer, widget) if rect else None, rect))
    p = int(docmdp.permission.value) if docmdp is not None else None
    return InputState(p, tuple(fields))


def next_field_name(state: InputState, prefix: str) -> str:
    taken = {f.name for f in state.fields}
    number = 1
    while f"{prefix}_{number}" in taken:
        number += 1
    return f"{prefix}_{number}"
