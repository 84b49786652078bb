"""Does a form field show its value? (DESIGN §5.3 item 2, the Shadow Replace attack)

Filling a form after an approval signature is permitted, but a field whose appearance does
not show its value lets the signer see one text and the document carry another: in
``attacks/shadow-replace/pdfinsecurity-replace-shadow-file-signed-manipulated.pdf`` the
signed revision has ``/V (Attacker)`` drawn as "World Health Organisation", and the update
after signing only swaps the appearance. For every field changed after a signature we compare
the text drawn by the widget's normal appearance with ``/V``, in the signed revision and in
the current one. Text we cannot decode (CID fonts, hex strings) is left undecided rather
than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pyhanko.pdf_utils import generic

from desktop_signer.verification.pdfget import pdf_get

_HIDDEN = 2  # annotation flag
_PASSWORD = 1 << 13  # text field flag
_TEXT_SHOW = re.compile(rb"(Tj|TJ|'|\")")
MAX_XOBJECT_DEPTH = 3


def _literal_strings(content: bytes) -> Iterator[tuple[bytes, int]]:
    """Literal strings ``( ... )`` with their end offsets; escapes and nesting handled."""
    i, n = 0, len(content)
    while i < n:
        c = content[i]
        if c == 0x25:  # % comment
            j = content.find(b"\n", i)
            i = n if j < 0 else j + 1
            continue
        if c != 0x28:  # (
            i += 1
            continue
        depth, j, out = 1, i + 1, bytearray()
        while j < n and depth:
            ch = content[j]
            if ch == 0x5C and j + 1 < n:  # backslash escape
                nxt = content[j + 1]
                mapping = {0x6E: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12}
                if nxt in mapping:
                    out.append(mapping[nxt])
                    j += 2
                elif 0x30 <= nxt <= 0x37:
                    k = j + 1
                    while k < n and k < j + 4 and 0x30 <= content[k] <= 0x37:
                        k += 1
                    out.append(int(content[j + 1 : k], 8) & 0xFF)
                    j = k
                elif nxt in (0x0A, 0x0D):
                    j += 2
                else:
                    out.append(nxt)
                    j += 2
                continue
            if ch == 0x28:
                depth += 1
            elif ch == 0x29:
                depth -= 1
                if depth == 0:
                    break
            out.append(ch)
            j += 1
        yield bytes(out), j + 1
        i = j + 1


def _shown_text(content: bytes) -> str | None:
    """Concatenated text of the strings shown with Tj/TJ/'/"; None when undecidable."""
    if re.search(rb"<[0-9A-Fa-f\s]+>\s*(Tj|')", content) or re.search(
        rb"\[[^\]]*<[0-9A-Fa-f]", content
    ):
        return None  # hex strings: usually CID fonts we cannot map without ToUnicode
    parts: list[str] = []
    for raw, end in _literal_strings(content):
        after = content[end : end + 40]
        # the string is shown when a text-showing operator follows it (TJ arrays: the
        # operator follows the closing bracket)
        m = _TEXT_SHOW.search(after)
        if m is None:
            continue
        if raw.startswith(b"\xfe\xff"):
            parts.append(raw[2:].decode("utf-16-be", errors="replace"))
        else:
            parts.append(raw.decode("latin-1"))
    return "".join(parts)


def _appearance_content(widget: generic.DictionaryObject, depth: int = 0) -> bytes | None:
    ap = pdf_get(widget, "/AP")
    if not isinstance(ap, generic.DictionaryObject):
        return None
    normal = pdf_get(ap, "/N")
    if isinstance(normal, generic.StreamObject):
        return _with_xobjects(normal, depth)
    return None


def _with_xobjects(stream: generic.StreamObject, depth: int) -> bytes:
    data = stream.data
    if depth >= MAX_XOBJECT_DEPTH:
        return data
    resources = pdf_get(stream, "/Resources")
    xobjects = (
        pdf_get(resources, "/XObject") if isinstance(resources, generic.DictionaryObject) else None
    )
    if not isinstance(xobjects, generic.DictionaryObject):
        return data
    parts = [data]
    for name in re.findall(rb"/([^\s/\[\]()<>]+)\s+Do", data):
        xobj = pdf_get(xobjects, "/" + name.decode("latin-1"))
        if isinstance(xobj, generic.StreamObject) and pdf_get(xobj, "/Subtype") == "/Form":
            parts.append(_with_xobjects(xobj, depth + 1))
    return b"\n".join(parts)


def _as_text(value: object) -> str:
    """A field value as text (a byte string that is not UTF-16 is PDFDocEncoding, which
    agrees with Latin-1 for the characters forms use)."""
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", errors="replace")
        return value.decode("latin-1")
    return str(value) if isinstance(value, str) else ""


def _normalise(text: str) -> str:
    return "".join(text.split())


def _inherited(
    field: generic.DictionaryObject, key: str, parents: list[generic.DictionaryObject]
) -> object:
    for d in [field, *parents]:
        if key in d:
            return d.get(key)
    return None


def field_by_name(
    root: generic.DictionaryObject, name: str
) -> tuple[generic.DictionaryObject, list[generic.DictionaryObject]] | None:
    """The field dictionary with fully qualified ``name`` and its parents (nearest first)."""
    try:
        fields = root["/AcroForm"]["/Fields"]
    except (KeyError, TypeError):
        return None
    parts = name.split(".")

    def search(
        array: object, depth: int, parents: list[generic.DictionaryObject]
    ) -> tuple[generic.DictionaryObject, list[generic.DictionaryObject]] | None:
        if not isinstance(array, generic.ArrayObject) or depth >= len(parts):
            return None
        for item in array:
            obj = item.get_object()
            if not isinstance(obj, generic.DictionaryObject) or pdf_get(obj, "/T") != parts[depth]:
                continue
            if depth == len(parts) - 1:
                return obj, parents
            found = search(pdf_get(obj, "/Kids"), depth + 1, [obj, *parents])
            if found:
                return found
        return None

    return search(fields, 0, [])


def appearance_mismatch(root: generic.DictionaryObject, name: str) -> bool | None:
    """True when text field ``name`` draws something other than its value in this revision;
    False when it draws its value; None when undecidable (not a text field, hidden, password,
    NeedAppearances set, no appearance, undecodable text)."""
    try:
        acroform = root["/AcroForm"]
        if pdf_get(acroform, "/NeedAppearances") is True or acroform.get(
            "/NeedAppearances"
        ) == generic.BooleanObject(True):
            return None  # viewers regenerate appearances from the values
    except (KeyError, TypeError):
        return None
    found = field_by_name(root, name)
    if found is None:
        return None
    field, parents = found
    if _inherited(field, "/FT", parents) != "/Tx":
        return None
    flags = _inherited(field, "/Ff", parents)
    if isinstance(flags, int) and flags & _PASSWORD:
        return None
    value = _inherited(field, "/V", parents)
    value_text = _as_text(value)
    widgets: list[generic.DictionaryObject] = []
    kids = pdf_get(field, "/Kids")
    if isinstance(kids, generic.ArrayObject):
        widgets = [k.get_object() for k in kids if "/T" not in k.get_object()]
    if not widgets:
        widgets = [field]
    decided: bool | None = None
    for widget in widgets:
        annot_flags = pdf_get(widget, "/F")
        if isinstance(annot_flags, int) and annot_flags & _HIDDEN:
            continue
        content = _appearance_content(widget)
        if content is None:
            continue
        shown = _shown_text(content)
        if shown is None:
            continue
        if _normalise(shown) != _normalise(value_text):
            return True
        decided = False
    return decided
