"""Which changes after signing are permitted: pyHanko's difference analysis, read per the PDF
specification (ISO 32000-2 §12.8.2.2, DocMDP P=1/2/3).

Deliberate differences from pyHanko's ``DEFAULT_DIFF_POLICY`` (each also in README
"## Verification"):

1. **Annotations** (comments, stamps, highlights). pyHanko has no rule for them and calls
   every added annotation ``OTHER`` (illegal), also under P=3, where the specification
   permits "creating, deleting and modifying annotations". :class:`AnnotationRule` clears a
   new non-widget annotation (and its new appearance streams, popups, the page's ``/Annots``
   entry) at level ``ANNOTATIONS``. Consequences: after a P=3 certification or an approval
   signature an added comment is a warning (``annotations_after_signing``); after P=1/P=2 it
   is ``certification_violated``. Deleting or rewriting an annotation that existed when the
   document was signed stays ``OTHER``: removing an overlay is exactly how the Shadow Hide
   attack works, and a verifier cannot tell a harmless removal from that.
2. **Form filling after an approval signature** is accepted by pyHanko silently; we report it
   (``form_filled_after_signing`` with the field names) and check that each changed field
   draws its value (:mod:`.appearance`).
3. **VRI entries of the DSS** may be rewritten by later long-term-validation updates
   (:mod:`.dss_rule`).
4. **Choice fields**: ``/I`` (selected indices) and ``/RV`` may change with ``/V`` when a
   form is filled.
5. **Freed objects** are accepted when nothing in the new revision refers to them
   (:class:`UnreachableFreedRule`); pyHanko rejects every freeing.
6. **Split fields** (value in the field, appearance in a kid widget): filling one is the
   same permitted change as filling a merged field and widget; the kid widget may change its
   appearance (``/AP``, ``/AS``) and nothing else, under the field's name, so FieldMDP locks
   and DocMDP levels apply as to the field (:mod:`.split_fields`).
7. **Annotations that cover signed content** are decided from pixels, not from the object
   analysis: after any signature, an added annotation whose drawing hides or overdraws the
   signed revision's ink (a white box or a stamp over an amount, new text drawn over it) is
   ``annotation_covers_content`` (invalid, with page and region); one that leaves the signed
   content visible (a sticky-note icon in a margin, highlight or underline markup, a link, a
   thin line) stays ``annotations_after_signing`` (a warning). The rule and its thresholds
   are in :mod:`.covering`; it runs with the visual comparison (:mod:`.visual_hook`).
8. Everything else (signature fields, DSS/VRI, document timestamps, metadata, object and xref
   streams, clobbering of shared objects) is pyHanko's rules as they
   are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    ModificationLevel,
    QualifiedWhitelistRule,
    ReferenceUpdate,
    StandardDiffPolicy,
    SuspiciousModification,
)
from pyhanko.sign.diff_analysis.commons import compare_dicts
from pyhanko.sign.diff_analysis.constants import VALUE_UPDATE_KEYS
from pyhanko.sign.diff_analysis.form_rules_api import FormUpdatingRule
from pyhanko.sign.diff_analysis.rules.form_field_rules import (
    DSSCompareRule,
    SigFieldCreationRule,
    SigFieldModificationRule,
)

from desktop_signer.verification.dss_rule import LenientVRIDSSRule
from desktop_signer.verification.pdfget import pdf_get
from desktop_signer.verification.split_fields import SplitFieldModificationRule

MAX_PAGES = 100_000


def _page_refs(resolver: HistoricalResolver) -> list[generic.Reference]:
    out: list[generic.Reference] = []
    seen: set[generic.Reference] = set()

    def walk(node: object) -> None:
        if not isinstance(node, generic.IndirectObject) or len(out) > MAX_PAGES:
            return
        if node.reference in seen:
            return
        seen.add(node.reference)
        obj = node.get_object()
        if not isinstance(obj, generic.DictionaryObject):
            return
        kids = pdf_get(obj, "/Kids") if "/Kids" in obj else None
        if pdf_get(obj, "/Type") == "/Pages" or isinstance(kids, generic.ArrayObject):
            for kid in kids if isinstance(kids, generic.ArrayObject) else ():
                walk(kid)
        else:
            out.append(node.reference)

    walk(resolver.root.raw_get("/Pages"))
    return out


def _annot_refs(
    page: generic.DictionaryObject,
) -> tuple[list[generic.Reference], generic.Reference | None]:
    if "/Annots" not in page:
        return [], None
    raw = page.raw_get("/Annots")
    array_ref = raw.reference if isinstance(raw, generic.IndirectObject) else None
    array = raw.get_object()
    if not isinstance(array, generic.ArrayObject):
        raise SuspiciousModification("/Annots is not an array")
    refs = []
    for item in array:
        if not isinstance(item, generic.IndirectObject):
            raise SuspiciousModification("/Annots holds a direct annotation")
        refs.append(item.reference)
    return refs, array_ref


class AnnotationRule(QualifiedWhitelistRule):
    """Clear annotations added after signing at level ``ANNOTATIONS`` (see module doc)."""

    def apply_qualified(
        self, old: HistoricalResolver, new: HistoricalResolver
    ) -> Iterable[tuple[ModificationLevel, ReferenceUpdate]]:
        try:
            old_pages = _page_refs(old)
            new_pages = _page_refs(new)
        except (KeyError, TypeError, AttributeError):
            return
        if old_pages != new_pages:
            return  # page tree changed: not an annotation matter
        for page_ref in new_pages:
            yield from self._page(old, new, page_ref)

    def _page(
        self, old: HistoricalResolver, new: HistoricalResolver, page_ref: generic.Reference
    ) -> Iterator[tuple[ModificationLevel, ReferenceUpdate]]:
        old_page = old(page_ref)
        new_page = new(page_ref)
        if not isinstance(old_page, generic.DictionaryObject) or not isinstance(
            new_page, generic.DictionaryObject
        ):
            return
        try:
            old_annots, old_array_ref = _annot_refs(old_page)
            new_annots, new_array_ref = _annot_refs(new_page)
        except SuspiciousModification:
            return
        if old_annots == new_annots:
            return
        if set(old_annots) - set(new_annots):
            return  # deleting annotations of the signed revision is not cleared (Shadow Hide)
        try:
            compare_dicts(old_page, new_page, frozenset(["/Annots"]))
        except SuspiciousModification:
            return  # the page changed beyond its /Annots
        added = [r for r in new_annots if r not in set(old_annots)]
        updates: list[tuple[ModificationLevel, ReferenceUpdate]] = []
        for ref in added:
            annot = new(ref)
            if not isinstance(annot, generic.DictionaryObject):
                return
            if pdf_get(annot, "/Subtype") == "/Widget":
                continue  # form fields are the form rules' business
            if not old.is_ref_unassignable(ref):
                return  # an "added" annotation that reuses an object of the signed revision
            updates.append((ModificationLevel.ANNOTATIONS, ReferenceUpdate(ref)))
            for key in ("/AP", "/Popup", "/RC"):
                if key in annot:
                    deps = new.collect_dependencies(
                        annot.raw_get(key), since_revision=old.revision + 1
                    )
                    updates.extend(
                        (ModificationLevel.ANNOTATIONS, ReferenceUpdate(d)) for d in deps
                    )
        if not updates:
            return
        # the page itself (blanket: pages are referenced from many places) and its /Annots
        updates.append((ModificationLevel.ANNOTATIONS, ReferenceUpdate(page_ref)))
        if new_array_ref is not None and (
            new_array_ref == old_array_ref or old.is_ref_unassignable(new_array_ref)
        ):
            updates.append((ModificationLevel.ANNOTATIONS, ReferenceUpdate(new_array_ref)))
        yield from updates


class UnreachableFreedRule(QualifiedWhitelistRule):
    """Clear objects freed in a later revision when nothing in that revision refers to them.

    pyHanko rejects every freeing instruction. Writers such as iText free objects that an
    update made unused (``real/itext/SVIT_*``); freeing an object nobody refers to cannot
    change what is drawn. Freeing an object that is still referenced turns it into ``null``
    under the reader's feet (the Hide-and-Replace trick); that stays unexplained.
    """

    def apply_qualified(
        self, old: HistoricalResolver, new: HistoricalResolver
    ) -> Iterable[tuple[ModificationLevel, ReferenceUpdate]]:
        freed = new.refs_freed_in_revision()
        if not freed:
            return
        new._load_reverse_xref_cache()
        for ref in freed:
            if not new._get_usages_of_ref(ref):
                yield ModificationLevel.LTA_UPDATES, ReferenceUpdate(ref)


# ISO 32000-2 table 231: /I (selected option indices) is part of a choice field's value and
# changes with /V; /RV is a text field's rich-text value. pyHanko only lets /V change, so
# filling a list box flagged the whole document as modified (real/dss/pades-signed-filled-form).
VALUE_KEYS = VALUE_UPDATE_KEYS | frozenset({"/I", "/RV"})


def _rules() -> list[QualifiedWhitelistRule]:
    rules: list[QualifiedWhitelistRule] = []
    for rule in DEFAULT_DIFF_POLICY.global_rules:
        if isinstance(getattr(rule, "rule", None), DSSCompareRule):
            rules.append(LenientVRIDSSRule().as_qualified(ModificationLevel.LTA_UPDATES))
        else:
            rules.append(rule)
    rules.append(AnnotationRule())
    rules.append(UnreachableFreedRule())
    return rules


def verification_policy() -> StandardDiffPolicy:
    """pyHanko's default rules with the differences listed in the module doc."""
    base = DEFAULT_DIFF_POLICY
    return StandardDiffPolicy(
        global_rules=_rules(),
        form_rule=FormUpdatingRule(
            field_rules=[
                SigFieldCreationRule(),
                SigFieldModificationRule(),
                SplitFieldModificationRule(value_update_keys=VALUE_KEYS),
            ],
        ),
        reject_object_freeing=False,  # see UnreachableFreedRule
        ignore_orphaned_objects=base.ignore_orphaned_objects,
        ignore_identical_objects=base.ignore_identical_objects,
    )
