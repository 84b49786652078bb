"""A verification result in plain answers: the banner's headline and reason, the four
agency questions (DESIGN §1) and the details, as data with words (:mod:`.texts`).

The panel in the window and the exported PDF report both draw from here, so they can never
disagree. Every answer carries a *status* that decides its colour and icon:

``ok`` (green), ``note`` (amber: worth reading, changes nothing), ``unknown`` (amber: not
established), ``bad`` (red), ``neutral`` (grey: absent, e.g. no timestamp on a B-B
signature). Severity stays consistent with the verdicts (DESIGN §5.1): an untrusted or
unknown chain is ``unknown`` (amber), never drawn as badly as a change after signing (red).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from desktop_signer.reports.texts import Texts
from desktop_signer.verification.model import (
    ChainCertificate,
    FileReport,
    Finding,
    SignatureResult,
)

Status = Literal["ok", "note", "unknown", "bad", "neutral"]
Tone = Literal["valid", "indeterminate", "invalid", "unsigned", "unreadable"]

VERDICT_STATUS: dict[str, Status] = {
    "valid": "ok",
    "indeterminate": "unknown",
    "invalid": "bad",
    "unsigned": "neutral",
    "unreadable": "unknown",
}


_CHANGED_CODES = ("modified_after_signing", "unanalysed_trailing_data", "certification_violated")


@dataclass(frozen=True)
class Answer:
    key: str  # who / unchanged / timestamp / ltv
    question: str
    answer: str
    status: Status


@dataclass(frozen=True)
class Headline:
    tone: Tone
    title: str
    reason: str  # "" for valid and unsigned


@dataclass(frozen=True)
class Detail:
    label: str
    value: str
    status: Status = "neutral"


@dataclass(frozen=True)
class ChainRow:
    subject: str
    issuer: str
    validity: str
    status: Status
    sha256: str
    depth: int  # 0 = the trust anchor (root) end of the chain


@dataclass(frozen=True)
class FindingText:
    code: str
    status: Status
    message: str
    what_to_do: str
    page: int | None


def when(moment: datetime | None) -> str:
    """A time as people read it on a letter: ``2026-12-03 14:05:09 UTC``."""
    if moment is None:
        return ""
    return moment.strftime("%Y-%m-%d %H:%M:%S %Z").strip() or moment.isoformat()


def finding_status(f: Finding) -> Status:
    """Drawn by what the finding does to the verdict, not by its loudness, so an untrusted
    chain (indeterminate) is never shown worse than a change after signing (invalid)."""
    if f.effect == "invalid":
        return "bad"
    if f.effect == "indeterminate":
        return "unknown"
    if f.severity in ("warning", "error"):
        return "note"
    return "neutral"


def main_finding(report: FileReport) -> Finding | None:
    """The finding that made the file's verdict (the first one with that effect)."""
    if report.verdict not in ("invalid", "indeterminate"):
        return None
    for sig in report.signatures:
        for f in sig.findings:
            if f.effect == report.verdict:
                return f
    return None


def headline(report: FileReport, t: Texts) -> Headline:
    verdict = report.verdict
    if verdict == "valid":
        noted = any(finding_status(f) == "note" for s in report.signatures for f in s.findings)
        return Headline("valid", t("file_valid_notes" if noted else "file_valid"), "")
    if verdict == "unsigned":
        return Headline("unsigned", t("file_unsigned"), "")
    if verdict == "unreadable":
        problem = t.cli()(f"problem_{report.problem or 'read_error'}")
        return Headline("unreadable", t("file_unreadable"), problem)
    return Headline(verdict, t(f"file_{verdict}"), t.reason(main_finding(report)))


def signer_line(sig: SignatureResult) -> str:
    s = sig.signer
    if s is None:
        return ""
    parts = [s.name]
    if s.organization:
        parts.append(s.organization)
    if s.identifier:
        parts.append(f"NIP/NIK {s.identifier}")
    return ", ".join(parts)


def row_title(sig: SignatureResult, t: Texts) -> str:
    """One line for the list: signer (or the timestamp authority) and the time."""
    if sig.kind == "document_timestamp":
        tsa = sig.signing_time.timestamp_authority or ""
        who = _common_name(tsa) or t("kind_document_timestamp")
    else:
        who = sig.signer.name if sig.signer else sig.field
    moment = sig.signing_time.timestamp or sig.signing_time.claimed
    return f"{who} — {when(moment)}" if moment else who


def _common_name(name: str) -> str:
    for part in name.split(", "):
        if part.startswith("Common Name: "):
            return part.removeprefix("Common Name: ")
    return name


def four_answers(sig: SignatureResult, t: Texts) -> tuple[Answer, ...]:
    return (_who(sig, t), _unchanged(sig, t), _timestamp(sig, t), _ltv(sig, t))


def _who(sig: SignatureResult, t: Texts) -> Answer:
    if sig.kind == "document_timestamp":
        tsa = sig.signing_time.timestamp_authority
        status: Status = "ok" if sig.trust == "trusted" else "unknown"
        return Answer("who", t("q_who_ts"), _common_name(tsa) if tsa else t("unknown"), status)
    line = signer_line(sig)
    if not line:
        return Answer("who", t("q_who"), t("a_who_none"), "unknown")
    if sig.trust == "trusted":
        return Answer("who", t("q_who"), t("a_who_trusted", who=line), "ok")
    key = "a_who_untrusted" if sig.trust == "untrusted" else "a_who_unknown"
    return Answer("who", t("q_who"), t(key, who=line), "unknown")


def _unchanged(sig: SignatureResult, t: Texts) -> Answer:
    q = t("q_unchanged")
    visual_bad = any(f.code == "visual_change" and f.effect == "invalid" for f in sig.findings)
    if sig.integrity == "failed" or sig.coverage == "partial":
        return Answer("unchanged", q, t("a_unchanged_broken"), "bad")
    if sig.modification == "other" or visual_bad or any(
            f.effect == "invalid" and f.code in _CHANGED_CODES for f in sig.findings):
        return Answer("unchanged", q, t("a_unchanged_no"), "bad")
    if sig.integrity == "unknown" or sig.modification == "unknown":
        return Answer("unchanged", q, t("a_unchanged_unknown"), "unknown")
    if sig.modification == "form_filling":
        fields = ", ".join(sig.changed_fields) or "?"
        return Answer("unchanged", q, t("a_unchanged_form", fields=fields), "note")
    if sig.modification == "annotations":
        return Answer("unchanged", q, t("a_unchanged_annotations"), "note")
    if sig.modification == "signatures_and_timestamps":
        return Answer("unchanged", q, t("a_unchanged_added"), "ok")
    return Answer("unchanged", q, t("a_unchanged_yes"), "ok")


def _timestamp(sig: SignatureResult, t: Texts) -> Answer:
    q = t("q_timestamp")
    st = sig.signing_time
    if st.timestamp is not None and st.timestamp_valid:
        tsa = _common_name(st.timestamp_authority or "") or "?"
        return Answer("timestamp", q, t("a_timestamp_yes", time=when(st.timestamp), tsa=tsa), "ok")
    if st.timestamp is not None:
        bad = any(f.code == "timestamp_invalid" for f in sig.findings)
        return Answer("timestamp", q, t("a_timestamp_untrusted", time=when(st.timestamp)),
                      "bad" if bad else "unknown")
    if st.claimed is not None:
        return Answer("timestamp", q, t("a_timestamp_no", claimed=when(st.claimed)), "neutral")
    return Answer("timestamp", q, t("a_timestamp_none"), "neutral")


def _ltv(sig: SignatureResult, t: Texts) -> Answer:
    q = t("q_ltv")
    if sig.ltv is None:
        return Answer("ltv", q, t("a_ltv_unknown"), "neutral")
    return Answer("ltv", q, t("a_ltv_yes") if sig.ltv else t("a_ltv_no"),
                  "ok" if sig.ltv else "neutral")


def chain_rows(sig: SignatureResult, at: datetime | None) -> tuple[ChainRow, ...]:
    """The chain from the anchor down to the signer, each with its validity at ``at``."""
    rows: list[ChainRow] = []
    for depth, cert in enumerate(sig.chain):
        rows.append(_chain_row(cert, depth, at))
    return tuple(rows)


def _chain_row(cert: ChainCertificate, depth: int, at: datetime | None) -> ChainRow:
    status: Status = "ok"
    if at is not None and cert.not_after < at:
        status = "unknown"
    elif at is not None and cert.not_before > at:
        status = "unknown"
    validity = f"{cert.not_before:%Y-%m-%d} – {cert.not_after:%Y-%m-%d}"
    return ChainRow(_common_name(cert.subject), _common_name(cert.issuer), validity, status,
                    cert.sha256, depth)


def cert_state(cert: ChainCertificate, at: datetime | None, t: Texts) -> str:
    if at is not None and cert.not_after < at:
        return t("d_cert_expired")
    if at is not None and cert.not_before > at:
        return t("d_cert_not_yet")
    return t("d_cert_ok")


def revocation_text(sig: SignatureResult, t: Texts) -> Detail:
    status_word = t(f"revocation_{sig.revocation}") if t.has(
        f"revocation_{sig.revocation}") else sig.revocation
    source_key = f"source_{sig.revocation_source}"
    source = t(source_key) if t.has(source_key) else str(sig.revocation_source)
    status: Status = {"good": "ok", "revoked": "bad", "unknown": "unknown"}.get(
        sig.revocation, "neutral")  # type: ignore[assignment]
    text = t("revocation_with_source", status=status_word, source=source) \
        if sig.revocation_source != "none" else status_word
    return Detail(t("d_revocation"), text, status)


def details(sig: SignatureResult, t: Texts) -> tuple[Detail, ...]:
    """Everything below the four answers except the chain and the findings."""
    out: list[Detail] = []
    if sig.signer is not None:
        out.append(Detail(t("d_issuer"), _common_name(sig.signer.issuer)))
        out.append(Detail(t("d_serial"), sig.signer.serial))
    out.append(revocation_text(sig, t))
    st = sig.signing_time
    if st.timestamp_authority:
        out.append(Detail(t("d_tsa"), _common_name(st.timestamp_authority),
                          "ok" if st.timestamp_valid else "unknown"))
    if st.claimed is not None and sig.kind != "document_timestamp":
        out.append(Detail(t("d_claimed"), when(st.claimed)))
    content = getattr(st, "content_timestamp", None)
    if content is not None:
        out.append(Detail(t("d_content_ts"), when(content)))
    out.append(Detail(t("d_level"), sig.pades_level or t("unknown")))
    algorithms = " / ".join(a for a in (sig.digest_algorithm, sig.signature_algorithm) if a)
    out.append(Detail(t("d_algorithms"), algorithms or t("unknown")))
    coverage_status: Status = "bad" if sig.coverage == "partial" else "neutral"
    out.append(Detail(t("d_coverage"), t(f"coverage_{sig.coverage}"), coverage_status))
    out.append(Detail(t("d_changes"), changes_text(sig, t), _changes_status(sig)))
    if sig.certification is not None:
        c = sig.certification
        meaning_key = f"certification_p{c.permission}"
        meaning = t(meaning_key) if t.has(meaning_key) else "?"
        out.append(Detail(t("d_certification"), t(
            "certification_text", permission=c.permission, meaning=meaning,
            violated=t("certification_violated") if c.violated else ""),
            "bad" if c.violated else "neutral"))
    if sig.reason:
        out.append(Detail(t("d_reason"), sig.reason))
    if sig.location:
        out.append(Detail(t("d_location"), sig.location))
    where = [f"{t('d_field')} {sig.field}"]
    if sig.revision:
        where.append(f"{t('d_revision')} {sig.revision}")
    if sig.page:
        where.append(f"{t('d_page')} {sig.page}")
    out.append(Detail(t("d_where"), ", ".join(where)))
    return tuple(out)


def changed_pages(sig: SignatureResult) -> list[int]:
    return sorted({f.page for f in sig.findings if f.code == "visual_change" and f.page})


def changes_text(sig: SignatureResult, t: Texts) -> str:
    key = f"changes_{sig.modification}"
    parts = [t(key, fields=", ".join(sig.changed_fields) or "?") if t.has(key)
             else str(sig.modification)]
    pages = changed_pages(sig)
    if pages:
        parts.append(t("changes_pages", pages=", ".join(str(p) for p in pages)))
    return "; ".join(parts)


def _changes_status(sig: SignatureResult) -> Status:
    if sig.modification == "other" or any(
            f.code == "visual_change" and f.effect == "invalid" for f in sig.findings):
        return "bad"
    if sig.modification in ("form_filling", "annotations") or changed_pages(sig):
        return "note"
    if sig.modification == "unknown":
        return "unknown"
    return "ok"


def findings(sig: SignatureResult, t: Texts) -> tuple[FindingText, ...]:
    """Every finding with its message and what to do, the worst first."""
    order = {"bad": 0, "unknown": 1, "note": 2, "neutral": 3, "ok": 4}
    rows = [FindingText(f.code, finding_status(f), t.describe(f), t.what_to_do(f), f.page)
            for f in sig.findings]
    return tuple(sorted(rows, key=lambda r: order[r.status]))


def changed_regions(sig: SignatureResult) -> tuple[tuple[int, tuple[float, float, float, float],
                                                         str], ...]:
    """(page 1-based, rect in PDF points with a lower-left origin, kind) of each visual change."""
    out = []
    for f in sig.findings:
        if f.code == "visual_change" and f.page is not None and f.rect is not None:
            out.append((f.page, f.rect, f.param("kind")))
    return tuple(out)


def sorted_signatures(report: FileReport) -> tuple[SignatureResult, ...]:
    """Signatures and document timestamps in revision order (unknown revisions last)."""
    return tuple(sorted(report.signatures,
                        key=lambda s: (s.revision is None, s.revision or 0)))
