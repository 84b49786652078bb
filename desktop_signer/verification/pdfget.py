"""Dictionary lookups that follow indirect references.

pyHanko's ``DictionaryObject.get`` returns an ``IndirectObject`` for an indirect value (only
``[]`` dereferences), and ``[]`` raises on a missing key. Hostile files put anything
anywhere indirectly, so every lookup in the verifier goes through :func:`pdf_get`.

A signature's ``/Contents`` is never encrypted, even in an encrypted file (ISO 32000-1
7.6.1): read it with :func:`signature_contents`, as pyHanko does, not decrypted.
"""

from __future__ import annotations

from pyhanko.pdf_utils import generic

MAX_HOPS = 8  # an indirect object pointing at an indirect object... is not followed forever


def pdf_get(d: object, key: str, default: object = None,
            decrypt: generic.EncryptedObjAccess = generic.EncryptedObjAccess.TRANSPARENT
            ) -> object:
    if not isinstance(d, generic.DictionaryObject) or key not in d:
        return default
    value: object = d.raw_get(key, decrypt=decrypt)
    for _ in range(MAX_HOPS):
        if not isinstance(value, generic.IndirectObject):
            break
        value = value.get_object()
    return value


def signature_contents(sig_dict: object) -> object:
    """The ``/Contents`` of a signature dictionary as stored (never decrypted)."""
    return pdf_get(sig_dict, "/Contents", decrypt=generic.EncryptedObjAccess.RAW)
