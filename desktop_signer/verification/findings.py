"""Finding codes (DESIGN §5.2) and what each one does to a verdict by default.

Severity says how loudly to show a finding; effect says what it does to the signature's
verdict (DESIGN §5.1, mirroring ETSI EN 319 102-1: TOTAL-FAILED / INDETERMINATE). A few
codes change effect with context (a revocation that happened after a proven signing time,
``revocation_unknown`` under the soft-fail setting); the caller passes the effect explicitly
there.
"""

from __future__ import annotations

from desktop_signer.verification.model import Effect, Finding, Severity

# code -> (default severity, default effect)
CODES: dict[str, tuple[Severity, Effect]] = {
    "integrity_failed": ("error", "invalid"),
    "modified_after_signing": ("error", "invalid"),
    "form_filled_after_signing": ("warning", "none"),
    "annotations_after_signing": ("warning", "none"),
    "annotation_covers_content": ("error", "invalid"),  # decided from pixels (.covering)
    "coverage_partial": ("error", "invalid"),
    "unanalysed_trailing_data": ("error", "invalid"),
    "untrusted": ("error", "indeterminate"),
    "revoked": ("error", "invalid"),
    "revocation_unknown": ("error", "indeterminate"),  # revocation_soft_fail: a warning
    "no_revocation_service": ("info", "none"),
    "expired": ("error", "indeterminate"),
    "not_yet_valid": ("error", "indeterminate"),
    "weak_digest": ("error", "indeterminate"),
    "weak_key": ("error", "indeterminate"),
    "key_usage": ("error", "indeterminate"),
    "certification_violated": ("error", "invalid"),
    "timestamp_invalid": ("error", "invalid"),
    "no_timestamp": ("info", "none"),
    "no_ltv": ("info", "none"),
    "malformed_signature": ("error", "invalid"),
    "unsupported_signature": ("error", "indeterminate"),
    "no_certificates": ("error", "indeterminate"),
    "development_ca": ("error", "indeterminate"),
    "training_ca": ("error", "indeterminate"),
    "visual_change": ("warning", "none"),
    "could_not_validate": ("error", "indeterminate"),
}

# Why a whole file could not be read (FileReport.problem); verdict "unreadable".
FILE_PROBLEMS = ("not_found", "not_a_pdf", "encrypted", "read_error")

# Why a whole file could not be validated (isolation); verdict "indeterminate".
ISOLATION_PROBLEMS = ("timeout", "memory", "crashed")


def finding(
    code: str,
    severity: Severity | None = None,
    effect: Effect | None = None,
    page: int | None = None,
    rect: tuple[float, float, float, float] | None = None,
    **params: object,
) -> Finding:
    default_severity, default_effect = CODES[code]
    return Finding(
        code=code,
        severity=severity or default_severity,
        effect=effect or default_effect,
        params=tuple(sorted((k, "" if v is None else str(v)) for k, v in params.items())),
        page=page,
        rect=rect,
    )
