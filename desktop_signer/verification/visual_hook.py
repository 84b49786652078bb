"""Turn "what was signed" (issue 5 item 4) into ``visual_change`` findings.

The comparison itself is :mod:`desktop_signer.verification.visual` (API in
helper-notes/visual-api.md): one :class:`RevisionComparer` per file, ``compare(end)`` per
signature, ``end`` = ByteRange end of the signed revision.

What a change does to the verdict: the page content itself looking different
(``content``), or pages added or removed, is never a permitted change after signing, so it is
an error that makes the signature invalid even when the object-level analysis found nothing
(a renderer repaired the file differently, as with the ISA). Widgets and annotations looking
different (``annotation``, ``added_annotation``) are warnings: form filling and comments can
be permitted, and the object-level analysis judges them. ``added_signature`` (the stamp of a
later countersignature) is expected and not reported. An added annotation whose pixels
hide or overdraw signed content (:mod:`.covering`) is ``annotation_covers_content``, an
error that makes the signature invalid. A failure of the comparison never changes a
verdict.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import replace
from typing import Any

from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import Finding, SignatureResult, verdict_from

log = logging.getLogger(__name__)

_ERROR_KINDS = frozenset({"content", "page_added", "page_removed"})
_WARNING_KINDS = frozenset({"annotation", "added_annotation"})


def _visual_module() -> Any | None:
    try:
        return importlib.import_module("desktop_signer.verification.visual")
    except ImportError:
        return None


def _findings_for(comparison: Any) -> list[Finding]:
    out: list[Finding] = []
    for change in comparison.changes:
        kind = str(change.kind)
        x0, y0, x1, y1 = (float(v) for v in change.rect)
        rect = (x0, y0, x1, y1)
        if kind in _ERROR_KINDS:
            out.append(
                finding(
                    "visual_change",
                    severity="error",
                    effect="invalid",
                    page=change.page,
                    rect=rect,
                    kind=kind,
                )
            )
        elif kind == "added_annotation" and getattr(change, "covers_signed_content", False):
            out.append(
                finding(
                    "annotation_covers_content",
                    page=change.page,
                    rect=rect,
                    region=f"{x0:.0f} {y0:.0f} {x1:.0f} {y1:.0f}",
                )
            )
        elif kind in _WARNING_KINDS:
            out.append(
                finding(
                    "visual_change",
                    page=change.page,
                    rect=rect,
                    kind=kind,
                )
            )
    return out


def add_visual_findings(data: bytes, results: list[SignatureResult],
                        password: str = "") -> list[SignatureResult]:
    visual = _visual_module()
    if visual is None:
        return results
    out: list[SignatureResult] = []
    try:
        comparer = visual.RevisionComparer(data, password=password)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception as exc:
        log.warning("visual comparison unavailable: %s", exc)
        return results
    with comparer:
        for result in results:
            end = result.signed_revision_end
            if end is None or end >= len(data) or result.integrity != "ok":
                out.append(result)  # covers the whole file, or nothing trustworthy to render
                continue
            try:
                extra = _findings_for(comparer.compare(end))
            except MemoryError:  # the child's memory limit: never a verdict
                raise
            except Exception as exc:
                log.warning("visual comparison failed: %s", exc)
                extra = []
            if not extra:
                out.append(result)
                continue
            findings = (*result.findings, *extra)
            out.append(replace(result, findings=findings, verdict=verdict_from(findings)))
    return out
