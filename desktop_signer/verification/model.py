"""The verification result: plain, immutable, picklable data (no sentences).

These objects cross the process boundary (the child validates, the parent reports), drive the
CLI's text and JSON output and later the panel. They mirror
``schemas/verification-report.schema.json``; :mod:`.report_json` turns them into that JSON.
Texts people read are made from the finding codes and params by the caller's catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from typing import Literal

FileVerdict = Literal["valid", "indeterminate", "invalid", "unsigned", "unreadable"]
SignatureVerdict = Literal["valid", "indeterminate", "invalid"]
Severity = Literal["error", "warning", "info"]
Effect = Literal["invalid", "indeterminate", "none"]  # what a finding does to the verdict
Kind = Literal["approval", "certification", "document_timestamp"]
Integrity = Literal["ok", "failed", "unknown"]
Coverage = Literal["entire_file", "entire_revision", "partial", "unknown"]
Modification = Literal[
    "none", "signatures_and_timestamps", "form_filling", "annotations", "other", "unknown"
]
Trust = Literal["trusted", "untrusted", "unknown"]
Revocation = Literal["good", "revoked", "unknown", "not_checked"]
# "local_file": a --crl file (written as "local" in the JSON report, schema version 2).
RevocationSource = Literal["embedded", "online", "local_file", "none"]
PadesLevel = Literal["B-B", "B-T", "B-LT", "B-LTA"]

_VERDICT_RANK: dict[str, int] = {"valid": 0, "indeterminate": 1, "invalid": 2}


def worse(a: SignatureVerdict, b: SignatureVerdict) -> SignatureVerdict:
    """The worse of two verdicts (ETSI: TOTAL-FAILED > INDETERMINATE > TOTAL-PASSED)."""
    return a if _VERDICT_RANK[a] >= _VERDICT_RANK[b] else b


@dataclass(frozen=True)
class Finding:
    code: str  # one of findings.CODES
    severity: Severity
    effect: Effect = "none"
    params: tuple[tuple[str, str], ...] = ()  # named values for the message (all text)
    page: int | None = None
    rect: tuple[float, float, float, float] | None = None

    def param(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)


@dataclass(frozen=True)
class Signer:
    name: str
    organization: str | None
    subject: str
    issuer: str
    serial: str
    sha256: str
    not_before: datetime
    not_after: datetime
    identifier: str | None  # NIP/NIK from the subject's description or serialNumber


@dataclass(frozen=True)
class ChainCertificate:
    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    sha256: str


@dataclass(frozen=True)
class SigningTime:
    claimed: datetime | None = None
    timestamp: datetime | None = None
    timestamp_authority: str | None = None
    timestamp_valid: bool | None = None
    # a trusted CAdES content timestamp: the signature was made after this time
    content_timestamp: datetime | None = None


@dataclass(frozen=True)
class Certification:
    permission: int  # DocMDP P: 1, 2 or 3
    violated: bool


@dataclass(frozen=True)
class SignatureResult:
    field: str  # field name(s); several when one signature is referenced from several fields
    kind: Kind
    verdict: SignatureVerdict
    integrity: Integrity
    coverage: Coverage
    modification: Modification
    trust: Trust
    revocation: Revocation
    findings: tuple[Finding, ...]
    revision: int | None = None  # 1-based revision this signature signed
    signer: Signer | None = None
    signing_time: SigningTime = dc_field(default_factory=SigningTime)
    trust_anchor: str | None = None
    chain: tuple[ChainCertificate, ...] = ()
    revocation_source: RevocationSource = "none"
    pades_level: PadesLevel | None = None
    ltv: bool | None = None
    certification: Certification | None = None
    digest_algorithm: str | None = None
    signature_algorithm: str | None = None
    reason: str | None = None
    location: str | None = None
    page: int | None = None
    rect: tuple[float, float, float, float] | None = None  # the widget's /Rect (PDF space)
    # the widget on its page as displayed (CropBox and /Rotate applied), points from the
    # lower-left corner like the visual regions; None when MuPDF could not place it
    display_rect: tuple[float, float, float, float] | None = None
    changed_fields: tuple[str, ...] = ()  # form fields filled after this signature
    signed_revision_end: int | None = None  # byte offset where the signed revision ends


@dataclass(frozen=True)
class FileReport:
    file: str
    sha256: str
    verdict: FileVerdict
    validated_at: datetime
    signatures: tuple[SignatureResult, ...]
    validation_time: datetime | None = None
    offline: bool = False
    revisions: int | None = None
    problem: str | None = None  # code when the file is unreadable (see findings.FILE_PROBLEMS)
    problem_detail: str = ""


def verdict_from(findings: tuple[Finding, ...] | list[Finding]) -> SignatureVerdict:
    """A signature is valid unless a finding makes it indeterminate or invalid."""
    verdict: SignatureVerdict = "valid"
    for f in findings:
        if f.effect != "none":
            verdict = worse(verdict, f.effect)
    return verdict


def file_verdict(signatures: tuple[SignatureResult, ...]) -> FileVerdict:
    """The worst signature decides; no signature at all is ``unsigned``."""
    if not signatures:
        return "unsigned"
    verdict: SignatureVerdict = "valid"
    for sig in signatures:
        verdict = worse(verdict, sig.verdict)
    return verdict
