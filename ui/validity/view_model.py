"""What the panel shows for a report, built from the core's answers
(``desktop_signer.reports.summary``) in the window's language. Plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_signer.reports import summary
from desktop_signer.reports.texts import Texts


@dataclass(frozen=True)
class ChainView:
    subject: str
    state: str
    validity: str
    status: str
    sha256: str


@dataclass(frozen=True)
class SignatureView:
    index: int  # position in the report's signatures
    title: str
    kind_word: str
    verdict: str
    verdict_word: str
    status: str
    answers: tuple[summary.Answer, ...]
    findings: tuple[summary.FindingText, ...]
    chain: tuple[ChainView, ...]
    no_chain_text: str
    details: tuple[summary.Detail, ...]
    page: int | None  # 1-based
    # the widget on its page as displayed (crop box and rotation applied by the core),
    # points from the lower-left corner, like ``regions``
    rect: tuple[float, float, float, float] | None
    revision: int | None
    signed_end: int | None
    regions: tuple[tuple[int, tuple[float, float, float, float], str], ...]
    untrusted: bool
    revocation_open: bool  # the status is not known: checking online may settle it


@dataclass(frozen=True)
class ReportView:
    tone: str
    reason: str
    signatures: tuple[SignatureView, ...]


def build(report: Any, language: str) -> ReportView:
    t = Texts(language)
    head = summary.headline(report, t)
    at = report.validation_time or report.validated_at
    views = []
    ordered = summary.sorted_signatures(report)
    for sig in ordered:
        index = report.signatures.index(sig)
        chain = tuple(
            ChainView(row.subject, summary.cert_state(cert, at, t), row.validity, row.status,
                      row.sha256)
            for row, cert in zip(summary.chain_rows(sig, at), sig.chain, strict=True))
        views.append(SignatureView(
            index=index,
            title=summary.row_title(sig, t),
            kind_word=t(f"kind_{sig.kind}"),
            verdict=sig.verdict,
            verdict_word=t(f"sig_{sig.verdict}"),
            status=summary.VERDICT_STATUS[sig.verdict],
            answers=summary.four_answers(sig, t),
            findings=summary.findings(sig, t),
            chain=chain,
            no_chain_text=t("d_no_chain"),
            details=summary.details(sig, t),
            page=sig.page,
            rect=sig.display_rect,
            revision=sig.revision,
            signed_end=sig.signed_revision_end,
            regions=summary.changed_regions(sig),
            untrusted=sig.trust != "trusted" and sig.kind != "document_timestamp",
            revocation_open=(sig.revocation in ("unknown", "not_checked")
            and sig.trust == "trusted")
            or any(f.code == "revocation_unknown" for f in sig.findings),
        ))
    return ReportView(head.tone, head.reason, tuple(views))


def plain_text(view: SignatureView) -> str:
    """The details of one signature as text (the "copy details" action)."""
    lines = [f"{view.kind_word}: {view.title}", view.verdict_word, ""]
    for a in view.answers:
        lines += [a.question, f"  {a.answer}"]
    if view.findings:
        lines.append("")
        for f in view.findings:
            lines.append(f"- {f.message}")
            if f.what_to_do:
                lines.append(f"  → {f.what_to_do}")
    if view.chain:
        lines.append("")
        for depth, c in enumerate(view.chain):
            lines.append(f"{'  ' * depth}{c.subject} ({c.state}, {c.validity}) SHA-256 {c.sha256}")
    lines.append("")
    lines += [f"{d.label}: {d.value}" for d in view.details]
    return "\n".join(lines) + "\n"
