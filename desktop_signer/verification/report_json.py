"""A :class:`FileReport` as the JSON of ``schemas/verification-report.schema.json``.

The core has no sentences: the caller passes ``describe`` (finding -> message) and
``summarise`` (report -> one sentence), in the report's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from desktop_signer.verification.model import (
    ChainCertificate,
    FileReport,
    Finding,
    SignatureResult,
    Signer,
)

SCHEMA_ID = "desktop-signer/verification-report/2"

# A --crl file is not part of the document (so never "embedded", and it does not make a
# signature LTV); the schema (version 2) calls it "local".
_SCHEMA_REVOCATION_SOURCE = {"local_file": "local"}


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _signer(s: Signer | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "name": s.name,
        "organization": s.organization,
        "subject": s.subject,
        "issuer": s.issuer,
        "serial": s.serial,
        "sha256": s.sha256,
        "not_before": _time(s.not_before),
        "not_after": _time(s.not_after),
        "identifier": s.identifier,
    }


def _chain(c: ChainCertificate) -> dict[str, Any]:
    return {
        "subject": c.subject,
        "issuer": c.issuer,
        "not_before": _time(c.not_before),
        "not_after": _time(c.not_after),
        "sha256": c.sha256,
    }


def _finding(f: Finding, describe: Callable[[Finding], str]) -> dict[str, Any]:
    out: dict[str, Any] = {"code": f.code, "severity": f.severity, "message": describe(f)}
    if f.page is not None:
        out["page"] = f.page
    if f.rect is not None:
        out["rect"] = list(f.rect)
    return out


def signature_json(s: SignatureResult, describe: Callable[[Finding], str]) -> dict[str, Any]:
    st = s.signing_time
    return {
        "field": s.field,
        "kind": s.kind,
        "revision": s.revision,
        "verdict": s.verdict,
        "signer": _signer(s.signer),
        "signing_time": {
            "claimed": _time(st.claimed),
            "timestamp": _time(st.timestamp),
            "timestamp_authority": st.timestamp_authority,
            "timestamp_valid": st.timestamp_valid,
            "content_timestamp": _time(st.content_timestamp),
        },
        "integrity": s.integrity,
        "coverage": s.coverage,
        "modification": s.modification,
        "trust": s.trust,
        "trust_anchor": s.trust_anchor,
        "chain": [_chain(c) for c in s.chain],
        "revocation": s.revocation,
        "revocation_source": _SCHEMA_REVOCATION_SOURCE.get(
            s.revocation_source, s.revocation_source
        ),
        "pades_level": s.pades_level,
        "ltv": s.ltv,
        "certification": (
            {"permission": s.certification.permission, "violated": s.certification.violated}
            if s.certification
            else None
        ),
        "digest_algorithm": s.digest_algorithm,
        "signature_algorithm": s.signature_algorithm,
        "reason": s.reason,
        "location": s.location,
        "page": s.page,
        "rect": list(s.rect) if s.rect else None,
        "findings": [_finding(f, describe) for f in s.findings],
    }


def report_json(
    report: FileReport,
    describe: Callable[[Finding], str],
    summarise: Callable[[FileReport], str],
    language: str,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "file": report.file,
        "sha256": report.sha256,
        "verdict": report.verdict,
        "summary": summarise(report),
        "language": language,
        "validated_at": _time(report.validated_at),
        "offline": report.offline,
        "signatures": [signature_json(s, describe) for s in report.signatures],
    }
    if report.validation_time is not None:
        out["validation_time"] = _time(report.validation_time)
    if report.revisions is not None and report.revisions >= 1:
        out["revisions"] = report.revisions
    return out
