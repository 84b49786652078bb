"""Enumerate signature fields ourselves (DESIGN §5.3 items 3 and 5).

pyHanko's ``collect_embedded_signatures`` drops fields whose ``/SubFilter`` it does not
support and lists a signature twice when two fields share one ``/V``. Here every filled
signature field is listed, fields sharing a signature dictionary are merged into one entry,
and a ``/V`` that is not a signature dictionary is kept as a problem to report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from desktop_signer.verification.pdfget import pdf_get
from desktop_signer.verification.salvage import BrokenObject, salvage_signature_field

SUPPORTED_SIGNATURE_SUBFILTERS = ("/adbe.pkcs7.detached", "/ETSI.CAdES.detached")
TIMESTAMP_SUBFILTER = "/ETSI.RFC3161"
MAX_FIELDS = 10_000  # a hostile form tree must not keep us walking forever
MAX_PAGES = 100_000


@dataclass
class SignatureEntry:
    names: list[str]
    field_dict: generic.DictionaryObject  # the first field that references the signature
    sig_ref: generic.Reference | None  # None when /V is direct or not a reference
    sig_dict: generic.DictionaryObject | None  # None when /V is not a dictionary
    widgets: list[generic.DictionaryObject] = field(default_factory=list)
    # Why the signature dictionary (or the whole field) no longer parses; None when it does.
    broken: str | None = None
    # No field refers to this signature dictionary any more (see orphans.py).
    detached: bool = False
    # For a field that no longer parses: the object its raw bytes name as /V, if any.
    raw_value_number: int | None = None

    @property
    def name(self) -> str:
        return ", ".join(self.names)

    @property
    def subfilter(self) -> str | None:
        if self.sig_dict is None:
            return None
        value = pdf_get(self.sig_dict, "/SubFilter")
        return str(value) if value is not None else None

    @property
    def is_document_timestamp(self) -> bool:
        if self.sig_dict is None:
            return False
        return (
            pdf_get(self.sig_dict, "/Type") == "/DocTimeStamp"
            or self.subfilter == TIMESTAMP_SUBFILTER
        )


def _field_type(
    field_dict: generic.DictionaryObject, parents: list[generic.DictionaryObject]
) -> object:
    for d in [field_dict, *parents]:
        if "/FT" in d:
            return pdf_get(d, "/FT")
    return None


def _walk(
    refs: object,
    parent_name: str,
    parents: list[generic.DictionaryObject],
    seen: set[generic.Reference],
    out: list[tuple[str, generic.DictionaryObject]],
    broken: list[BrokenObject] | None = None,
) -> None:
    if not isinstance(refs, generic.ArrayObject):
        return
    for item in refs:
        if len(seen) > MAX_FIELDS:
            return
        if isinstance(item, generic.IndirectObject):
            if item.reference in seen:
                continue  # a cycle or a field listed twice
            seen.add(item.reference)
            try:
                obj = item.get_object()
            except MemoryError:  # the child's memory limit: never a verdict
                raise
            except Exception as exc:
                # A field object that no longer parses (e.g. a damaged signature dictionary
                # written inline): kept so that a signature field cannot vanish this way.
                if broken is not None:
                    broken.append(BrokenObject(parent_name, item.reference, _describe(exc)))
                continue
        else:
            obj = item
        if not isinstance(obj, generic.DictionaryObject):
            continue
        partial = pdf_get(obj, "/T")
        if partial is None:
            continue  # a bare widget: it belongs to its parent field
        name = f"{parent_name}.{partial}" if parent_name else str(partial)
        if _field_type(obj, parents) == "/Sig":
            out.append((name, obj))
        kids = pdf_get(obj, "/Kids")
        if kids is not None:
            _walk(kids, name, [obj, *parents], seen, out, broken)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _widgets_of(field_dict: generic.DictionaryObject) -> list[generic.DictionaryObject]:
    kids = pdf_get(field_dict, "/Kids")
    if isinstance(kids, generic.ArrayObject):
        widgets = []
        for kid in kids:
            obj = kid.get_object()
            if isinstance(obj, generic.DictionaryObject) and "/T" not in obj:
                widgets.append(obj)
        if widgets:
            return widgets
    return [field_dict] if "/Rect" in field_dict else []


def signature_entries(reader: PdfFileReader) -> list[SignatureEntry]:
    """Filled signature fields, one entry per distinct signature dictionary."""
    try:
        fields = reader.root["/AcroForm"]["/Fields"]
    except (KeyError, TypeError):
        return []
    found: list[tuple[str, generic.DictionaryObject]] = []
    broken_fields: list[BrokenObject] = []
    _walk(fields, "", [], set(), found, broken_fields)
    entries: list[SignatureEntry] = []
    by_ref: dict[generic.Reference, SignatureEntry] = {}
    for name, field_dict in found:
        raw_value = field_dict.raw_get("/V") if "/V" in field_dict else None
        if raw_value is None or isinstance(raw_value, generic.NullObject):
            continue  # an empty field: nothing was signed here
        ref = raw_value.reference if isinstance(raw_value, generic.IndirectObject) else None
        if ref is not None and ref in by_ref:
            by_ref[ref].names.append(name)
            by_ref[ref].widgets.extend(_widgets_of(field_dict))
            continue
        try:
            value = raw_value.get_object()
        except MemoryError:  # the child's memory limit: never a verdict
            raise
        except Exception as exc:
            # The signature dictionary no longer parses (a non-hex byte in /Contents, a
            # stray "(" in the padding...): the field is still there, so it is named.
            entry = SignatureEntry(
                [name], field_dict, ref, None, _widgets_of(field_dict), broken=_describe(exc)
            )
        else:
            sig_dict = value if isinstance(value, generic.DictionaryObject) else None
            if sig_dict is not None and isinstance(value, generic.StreamObject):
                sig_dict = None  # a stream (e.g. an appearance XObject) is no signature dict
            entry = SignatureEntry([name], field_dict, ref, sig_dict, _widgets_of(field_dict))
        entries.append(entry)
        if ref is not None:
            by_ref[ref] = entry
    for item in broken_fields:
        salvaged = salvage_signature_field(reader, item)
        if salvaged is not None:
            entries.append(
                SignatureEntry(
                    [salvaged.name],
                    generic.DictionaryObject(),
                    item.ref,
                    None,
                    broken=item.detail,
                    raw_value_number=salvaged.value_number,
                )
            )
    return entries


def signature_field_names(root: generic.DictionaryObject) -> dict[str, bool]:
    """Every signature field of a revision (given its catalog): name -> filled."""
    try:
        fields = root["/AcroForm"]["/Fields"]
    except (KeyError, TypeError):
        return {}
    found: list[tuple[str, generic.DictionaryObject]] = []
    _walk(fields, "", [], set(), found)
    out: dict[str, bool] = {}
    for name, field_dict in found:
        value = pdf_get(field_dict, "/V") if "/V" in field_dict else None
        out[name] = value is not None and not isinstance(value, generic.NullObject)
    return out


def page_numbers(reader: PdfFileReader) -> dict[generic.Reference, int]:
    """Page object reference -> 1-based page number (cycle-safe page-tree walk)."""
    out: dict[generic.Reference, int] = {}
    seen: set[generic.Reference] = set()

    def walk(node_ref: object) -> None:
        if len(out) > MAX_PAGES or not isinstance(node_ref, generic.IndirectObject):
            return
        if node_ref.reference in seen:
            return
        seen.add(node_ref.reference)
        node = node_ref.get_object()
        if not isinstance(node, generic.DictionaryObject):
            return
        if pdf_get(node, "/Type") == "/Pages" or "/Kids" in node:
            kids = pdf_get(node, "/Kids")
            if isinstance(kids, generic.ArrayObject):
                for kid in kids:
                    walk(kid)
        else:
            out[node_ref.reference] = len(out) + 1

    try:
        walk(reader.root.raw_get("/Pages"))
    except (KeyError, TypeError, ValueError, AttributeError):
        pass
    return out


def widget_location(
    reader: PdfFileReader,
    widget: generic.DictionaryObject,
    pages: dict[generic.Reference, int],
) -> tuple[int | None, tuple[float, float, float, float] | None]:
    """Page (1-based) and rectangle of a widget; rectangle None when invisible (zero area)."""
    page: int | None = None
    raw_page = widget.raw_get("/P") if "/P" in widget else None
    if isinstance(raw_page, generic.IndirectObject):
        page = pages.get(raw_page.reference)
    rect: tuple[float, float, float, float] | None = None
    raw_rect = pdf_get(widget, "/Rect")
    if isinstance(raw_rect, generic.ArrayObject) and len(raw_rect) == 4:
        try:
            x0, y0, x1, y1 = (float(v) for v in raw_rect)
            if abs(x1 - x0) > 0 and abs(y1 - y0) > 0:
                rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        except (TypeError, ValueError):
            rect = None
    if page is None and rect is not None:
        page = _page_listing(reader, widget, pages)
    return page, rect


def _page_listing(
    reader: PdfFileReader, widget: generic.DictionaryObject, pages: dict[generic.Reference, int]
) -> int | None:
    """The page whose /Annots lists the widget (when the widget has no /P)."""
    container = getattr(widget, "container_ref", None)
    for page_ref, number in pages.items():
        page_obj = page_ref.get_object()
        annots = (
            pdf_get(page_obj, "/Annots") if isinstance(page_obj, generic.DictionaryObject) else None
        )
        if isinstance(annots, generic.ArrayObject):
            for a in annots:
                if isinstance(a, generic.IndirectObject) and (
                    a.reference == container or a.get_object() is widget
                ):
                    return number
    return None
