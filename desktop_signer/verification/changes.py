"""Coverage and changes after signing for one signature (agency question 2)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyhanko.pdf_utils import misc
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel, SuspiciousModification
from pyhanko.sign.validation import EmbeddedPdfSignature, SignatureCoverageLevel

from desktop_signer.verification.appearance import appearance_mismatch
from desktop_signer.verification.fields import signature_entries, signature_field_names
from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import Coverage, Finding, Modification
from desktop_signer.verification.policy import verification_policy
from desktop_signer.verification.structure import UnanalysedData

_LEVEL_NAMES: dict[ModificationLevel, Modification] = {
    ModificationLevel.NONE: "none",
    ModificationLevel.LTA_UPDATES: "signatures_and_timestamps",
    ModificationLevel.FORM_FILLING: "form_filling",
    ModificationLevel.ANNOTATIONS: "annotations",
    ModificationLevel.OTHER: "other",
}


@dataclass
class ChangeJudgement:
    coverage: Coverage = "unknown"
    modification: Modification = "unknown"
    changed_fields: tuple[str, ...] = ()
    permission: int | None = None  # DocMDP P in force for this signature
    certification_violated: bool = False
    findings: list[Finding] = field(default_factory=list)


def coverage_name(level: SignatureCoverageLevel | None) -> Coverage:
    if level == SignatureCoverageLevel.ENTIRE_FILE:
        return "entire_file"
    if level == SignatureCoverageLevel.ENTIRE_REVISION:
        return "entire_revision"
    if level is None:
        return "unknown"
    return "partial"


def byte_range_problem(emb: EmbeddedPdfSignature, file_size: int) -> str | None:
    """Ranges that are not four non-negative numbers inside the file (USF/SWA family)."""
    br = emb.byte_range
    try:
        nums = [int(x) for x in br]
    except (TypeError, ValueError):
        return "not_numbers"
    if len(nums) != 4 or any(n < 0 for n in nums):
        return "shape"
    if nums[0] + nums[1] > file_size or nums[2] + nums[3] > file_size:
        return "outside_file"
    if nums[2] < nums[0] + nums[1]:
        return "overlap"
    return None


def _signature_field_names(reader: PdfFileReader) -> set[str]:
    names: set[str] = set()
    for entry in signature_entries(reader):
        names.update(entry.names)
    return names


def judge_changes(
    reader: PdfFileReader,
    emb: EmbeddedPdfSignature,
    certification_p: int | None,
    unanalysed: UnanalysedData | None,
    signed_end: int,
) -> ChangeJudgement:
    """``emb.compute_integrity_info(skip_diff=True)`` must have run (coverage is known)."""
    j = ChangeJudgement(coverage=coverage_name(emb.coverage))
    own_p = emb.docmdp_level
    permission = (
        min(p for p in (own_p.value if own_p else None, certification_p) if p)
        if (own_p or certification_p)
        else None
    )
    j.permission = permission
    if j.coverage == "partial":
        j.modification = "other"
        j.findings.append(finding("coverage_partial"))
        return j
    if j.coverage == "entire_file":
        j.modification = "none"
    else:
        _diff(reader, emb, permission, j)
    if unanalysed is not None and unanalysed.offset >= signed_end - 1:
        j.modification = "other"
        j.findings.append(
            finding(
                "unanalysed_trailing_data",
                offset=unanalysed.offset,
                kind=unanalysed.kind,
                detail=unanalysed.detail,
            )
        )
    return j


def _diff(
    reader: PdfFileReader,
    emb: EmbeddedPdfSignature,
    permission: int | None,
    j: ChangeJudgement,
) -> None:
    try:
        result = emb.evaluate_modifications(verification_policy())
    except (misc.PdfError, KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
        # A later revision that cannot even be read is a broken structure after signing.
        result = SuspiciousModification(f"unreadable update: {type(exc).__name__}: {exc}")
    if isinstance(result, SuspiciousModification):
        j.modification = "other"
        j.findings.append(finding("modified_after_signing", detail=str(result)[:300]))
        if permission is not None:
            j.certification_violated = True
            j.findings.append(finding("certification_violated", permission=permission))
        return
    assert isinstance(result, DiffResult)
    level = result.modification_level
    j.modification = _LEVEL_NAMES[level]
    if level == ModificationLevel.NONE:
        # extended, but nothing pyHanko could diff changed (see structure.py for the rest)
        j.modification = "signatures_and_timestamps"
    signature_fields = _signature_field_names(reader)
    filled = sorted(f for f in result.changed_form_fields if f not in signature_fields)
    j.changed_fields = tuple(filled)
    if level == ModificationLevel.FORM_FILLING and not filled:
        j.modification = "signatures_and_timestamps"  # countersignatures, not form filling
    if filled:
        j.findings.append(finding("form_filled_after_signing", fields=", ".join(filled)))
        _check_appearances(reader, emb, filled, j)
    if level == ModificationLevel.ANNOTATIONS:
        j.findings.append(finding("annotations_after_signing"))
    if permission is not None:
        _unsigned_fields_added(reader, emb, j)
    if permission is not None and level.value > permission:
        j.certification_violated = True
        j.findings.append(finding("certification_violated", permission=permission))


def _unsigned_fields_added(
    reader: PdfFileReader, emb: EmbeddedPdfSignature, j: ChangeJudgement
) -> None:
    """After a certification, signing is permitted (P=2/3) but adding a signature field that
    stays empty is not: it is how the Sneaky Signature Attack draws content (ISO 32000-2
    §12.8.2.2.2; iText flags it as UNEXPECTED_FORM_FIELD). pyHanko clears new invisible
    signature fields as long-term-validation updates, whether or not they were ever signed."""
    before = signature_field_names(reader.get_historical_resolver(emb.signed_revision).root)
    now = signature_field_names(reader.root)
    added = sorted(name for name, filled in now.items() if name not in before and not filled)
    if added and not j.certification_violated:
        j.modification = "other"
        j.certification_violated = True
        j.findings.append(
            finding(
                "modified_after_signing", reason="unsigned_field_added", fields=", ".join(added)
            )
        )
        j.findings.append(finding("certification_violated", permission=j.permission))


def _check_appearances(
    reader: PdfFileReader, emb: EmbeddedPdfSignature, names: list[str], j: ChangeJudgement
) -> None:
    signed_root = reader.get_historical_resolver(emb.signed_revision).root
    current_root = reader.root
    for name in names:
        for which, root in (("signed", signed_root), ("current", current_root)):
            try:
                mismatch = appearance_mismatch(root, name)
            except (misc.PdfError, KeyError, TypeError, AttributeError, ValueError):
                mismatch = None
            if mismatch:
                j.modification = "other"
                j.findings.append(
                    finding(
                        "modified_after_signing",
                        reason="appearance_mismatch",
                        field=name,
                        revision=which,
                    )
                )
                return
