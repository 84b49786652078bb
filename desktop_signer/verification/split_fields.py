"""Form filling on a split field: the value in the field, the appearance in its widget.

A terminal field may keep its value (``/V``) in the field dictionary and its appearance
(``/AP``) in a separate kid widget annotation (``/Kids [widget]``, the widget without a
``/T``): ISO 32000-2 §12.7.4 allows both the merged and the split layout, and PyMuPDF and
many form tools write the split one. pyHanko's field rule approves a new appearance only on
the field dictionary itself, so filling a split field after an approval signature looked
like an unexplained change of the widget (``modified_after_signing``), while the same filling
of a merged field is permitted.

:class:`SplitFieldModificationRule` approves, for a field that pyHanko's rule has judged
(value keys only, see :data:`.policy.VALUE_KEYS`), the update of each of its kid widgets that
existed when the document was signed and whose dictionary changed in nothing but its
appearance (:data:`WIDGET_APPEARANCE_KEYS`: ``/AP``, ``/AS`` the state of check boxes,
``/MK`` and ``/BS`` border and colours...), with the new appearance streams. The update
carries the field's name and is not valid when the field is locked, so a FieldMDP lock or a
DocMDP level below form filling still forbids it, exactly as for a merged field; whether
the new appearance shows the value is checked afterwards (:mod:`.appearance`).
"""

from __future__ import annotations

from collections.abc import Iterable

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.diff_analysis.commons import compare_dicts, compare_key_refs
from pyhanko.sign.diff_analysis.constants import VALUE_UPDATE_KEYS
from pyhanko.sign.diff_analysis.form_rules_api import (
    FieldComparisonContext,
    FieldComparisonSpec,
    FormUpdate,
)
from pyhanko.sign.diff_analysis.rules.form_field_rules import GenericFieldModificationRule

from desktop_signer.verification.pdfget import pdf_get

# what a form filler rewrites on the widget of a split field: pyHanko's value keys minus /V
# (the value lives in the field), plus the border and appearance characteristics that
# PyMuPDF and others rewrite when they regenerate an appearance; what is drawn is then
# checked against the value (.appearance)
WIDGET_APPEARANCE_KEYS = (VALUE_UPDATE_KEYS - {"/V"}) | frozenset({"/MK", "/BS"})
MAX_KIDS = 1000


def _kid_widget_refs(field: generic.DictionaryObject) -> list[generic.Reference]:
    kids = pdf_get(field, "/Kids") if "/Kids" in field else None
    if not isinstance(kids, generic.ArrayObject):
        return []
    out: list[generic.Reference] = []
    for item in list(kids)[:MAX_KIDS]:
        if not isinstance(item, generic.IndirectObject):
            continue
        kid = item.get_object()
        if isinstance(kid, generic.DictionaryObject) and "/T" not in kid:
            out.append(item.reference)
    return out


def _widget_updates(
    old: HistoricalResolver, new: HistoricalResolver, ref: generic.Reference
) -> list[generic.Reference]:
    """The widget itself and its new appearance streams, when only its appearance changed
    (else nothing: the other rules judge it)."""
    old_widget, new_widget = old(ref), new(ref)
    if not isinstance(old_widget, generic.DictionaryObject) or not isinstance(
        new_widget, generic.DictionaryObject
    ):
        return []
    if pdf_get(new_widget, "/Subtype") != "/Widget":
        return []
    try:
        compare_dicts(old_widget, new_widget, WIDGET_APPEARANCE_KEYS)
    except SuspiciousModification:
        return []
    gen = compare_key_refs("/AP", old, old_widget, new_widget)
    deps: list[generic.Reference] = []
    try:
        while True:
            deps.append(next(gen))
    except StopIteration as stop:
        _old_ap, new_ap = stop.value
    except SuspiciousModification:
        return []
    if isinstance(new_ap, generic.DictionaryObject):
        for key in ("/N", "/R", "/D"):
            if key in new_ap:
                deps.extend(
                    new.collect_dependencies(new_ap.raw_get(key), since_revision=old.revision + 1)
                )
    return [ref, *deps]


class SplitFieldModificationRule(GenericFieldModificationRule):
    """pyHanko's rule for non-signature fields, plus the kid widgets of split fields."""

    def check_form_field(
        self,
        fq_name: str,
        spec: FieldComparisonSpec,
        context: FieldComparisonContext,
    ) -> Iterable[tuple[ModificationLevel, FormUpdate]]:
        yield from super().check_form_field(fq_name, spec, context)
        if spec.field_type == "/Sig" or not spec.new_field_ref or not spec.old_field_ref:
            return
        old_field, new_field = spec.old_field, spec.new_field
        if old_field is None or new_field is None:
            return
        old_kids = set(_kid_widget_refs(old_field))
        for ref in _kid_widget_refs(new_field):
            if ref not in old_kids:
                continue  # a new widget is not an appearance update
            for updated in _widget_updates(context.old, context.new, ref):
                yield ModificationLevel.FORM_FILLING, FormUpdate(
                    updated_ref=updated, field_name=fq_name, valid_when_locked=False
                )
