"""DSS updates after signing: pyHanko's rule, with VRI entries allowed to change.

pyHanko's ``DSSCompareRule`` rejects a later revision that rewrites or drops an existing
``/VRI`` entry ("VRI key ... was modified or deleted"). PAdES (ETSI EN 319 142-1 §5.4)
treats the DSS and its VRI dictionaries as validation data that later long-term-validation
updates maintain; DSS and iText accept such updates, and real LT/LTA files do it
(``real/dss/PAdES-LT.pdf``, ``Signature-P-FR_CS-5.pdf``). A VRI entry only tells a validator
where revocation data is; it is never drawn, so rewriting it cannot change what a reader
sees. We therefore clear rewritten and removed VRI entries at ``LTA_UPDATES`` level, with the
same structural checks pyHanko applies to new entries, and with a path-level approval, so an
object that the signed revision also used elsewhere is still caught as clobbered.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyhanko.pdf_utils import generic, misc
from pyhanko.pdf_utils.reader import HistoricalResolver, RawPdfPath
from pyhanko.sign.diff_analysis import ReferenceUpdate, SuspiciousModification
from pyhanko.sign.diff_analysis.commons import assert_not_stream, compare_key_refs
from pyhanko.sign.diff_analysis.constants import VRI_KEY_PATTERN
from pyhanko.sign.diff_analysis.rules.form_field_rules import (
    DSSCompareRule,
    _validate_dss_substructure,
)
from pyhanko.sign.diff_analysis.rules_api import Context

_DSS_STREAM_KEYS = {"/Certs", "/CRLs", "/OCSPs"}
_VRI_STREAM_KEYS = {"/Cert", "/CRL", "/OCSP"}
_VRI_KEYS = {"/Type", "/TU", "/TS"} | _VRI_STREAM_KEYS


class LenientVRIDSSRule(DSSCompareRule):
    def apply(self, old: HistoricalResolver, new: HistoricalResolver) -> Iterable[ReferenceUpdate]:
        dss_context = Context.from_absolute(old, RawPdfPath("/Root", "/DSS"))
        old_dss, new_dss = yield from misc.map_with_return(
            compare_key_refs("/DSS", old, old.root, new.root),
            ReferenceUpdate.curry_ref(context_checked=dss_context),
        )
        if new_dss is None:
            return
        if old_dss is None:
            old_dss = generic.DictionaryObject()
        if not isinstance(old_dss, generic.DictionaryObject):
            raise misc.PdfReadError("/DSS is not a dictionary")
        if not isinstance(new_dss, generic.DictionaryObject):
            raise SuspiciousModification("/DSS is not a dictionary")
        unexpected = set(new_dss.keys()) - ({"/Type", "/VRI"} | _DSS_STREAM_KEYS)
        if unexpected:
            raise SuspiciousModification(f"Unexpected keys in DSS: {unexpected}.")
        yield from _validate_dss_substructure(
            old, new, old_dss, new_dss, _DSS_STREAM_KEYS, is_vri=False, context=dss_context
        )
        vri_context = Context.from_absolute(old, RawPdfPath("/Root", "/DSS", "/VRI"))
        old_vri, new_vri = yield from misc.map_with_return(
            compare_key_refs("/VRI", old, old_dss, new_dss),
            ReferenceUpdate.curry_ref(context_checked=vri_context),
        )
        if new_vri is None:
            return
        if not isinstance(new_vri, generic.DictionaryObject):
            raise SuspiciousModification("/VRI is not a dictionary")
        if not isinstance(old_vri, generic.DictionaryObject):
            old_vri = generic.DictionaryObject()
        yield from _vri_entries(old, new, old_vri, new_vri)


def _vri_entries(
    old: HistoricalResolver,
    new: HistoricalResolver,
    old_vri: generic.DictionaryObject,
    new_vri: generic.DictionaryObject,
) -> Iterator[ReferenceUpdate]:
    for key in new_vri.keys():
        raw_new = new_vri.raw_get(key)
        raw_old = old_vri.raw_get(key) if key in old_vri else None
        if (
            raw_old is not None
            and raw_new == raw_old
            and not isinstance(raw_new, generic.IndirectObject)
        ):
            continue  # a direct entry left as it was
        if not VRI_KEY_PATTERN.match(key):
            raise SuspiciousModification(f"VRI key {key} is not formatted correctly.")
        context = Context.from_absolute(old, RawPdfPath("/Root", "/DSS", "/VRI", key))
        value = raw_new
        if isinstance(raw_new, generic.IndirectObject):
            ref = raw_new.reference
            if old.is_ref_unassignable(ref):
                yield ReferenceUpdate(ref)
            elif isinstance(raw_old, generic.IndirectObject) and raw_old.reference == ref:
                # rewritten in place: cleared for this path only (clobbering stays visible)
                yield ReferenceUpdate(ref, context_checked=context)
            else:
                raise SuspiciousModification(f"VRI entry {key} reuses {ref} unexpectedly.")
            value = raw_new.get_object()
        assert_not_stream(value)
        if not isinstance(value, generic.DictionaryObject):
            raise SuspiciousModification("VRI entries should be dictionaries")
        unexpected = set(value.keys()) - _VRI_KEYS
        if unexpected:
            raise SuspiciousModification(f"Unexpected keys in VRI dictionary: {unexpected}.")
        old_value = raw_old.get_object() if raw_old is not None else generic.DictionaryObject()
        if not isinstance(old_value, generic.DictionaryObject):
            old_value = generic.DictionaryObject()
        yield from _validate_dss_substructure(
            old, new, old_value, value, _VRI_STREAM_KEYS, is_vri=True, context=context
        )
        try:
            ts_ref = value.get_value_as_reference("/TS", optional=True)
            if ts_ref is not None and old.is_ref_unassignable(ts_ref):
                yield ReferenceUpdate(ts_ref)
        except misc.IndirectObjectExpected:
            pass
