"""Our own verification of what we just wrote, before it gets its name (DESIGN §4.6).

The new signature must be intact and cover the whole file; a signature that was not invalid
in the input must not be invalid in the output (countersigning must never break earlier
signatures). Trust and revocation are reported, not required: a signer whose root the user
has not imported still gets a signed file, and the verifier says why it is indeterminate.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_signer.signing.errors import SigningError
from desktop_signer.trust.store import TrustConfig
from desktop_signer.verification.document import validate_bytes
from desktop_signer.verification.model import FileReport
from desktop_signer.verification.options import VerifyOptions
from desktop_signer.verification.pdfdata import PdfData


@dataclass(frozen=True)
class CheckOutcome:
    verdict: str  # the file verdict of the output
    report: FileReport


def check_options(trust: TrustConfig) -> VerifyOptions:
    # offline and without the visual comparison: we made the file a moment ago from an
    # input the caller already had; revocation was fetched while signing (B-LT) or is not
    # part of the level (B-B, B-T): an unknown status is reported, never the verdict of a
    # file we just signed, whatever the verifier's strict default (issue 10)
    return VerifyOptions(trust=trust, offline=True, visual=False, revocation_soft_fail=True)


def verdicts_by_field(report: FileReport) -> dict[str, str]:
    return {s.field: s.verdict for s in report.signatures}


def check_output(name: str, data: PdfData, field_name: str, trust: TrustConfig,
                 before: dict[str, str] | None) -> CheckOutcome:
    report = validate_bytes(name, data, check_options(trust))
    ours = [s for s in report.signatures if field_name in s.field.split(",")]
    problems: list[str] = []
    if report.problem:
        problems.append(report.problem)
    if not ours:
        problems.append("signature_missing")
    for sig in ours:
        if sig.integrity != "ok":
            problems.append(f"integrity_{sig.integrity}")
        if sig.coverage not in ("entire_file", "entire_revision"):
            problems.append(f"coverage_{sig.coverage}")
        problems += [f.code for f in sig.findings if f.effect == "invalid"]
    for sig in report.signatures:
        if sig in ours:
            continue
        if sig.verdict == "invalid" and (before or {}).get(sig.field) != "invalid":
            problems.append(f"broke:{sig.field}")
    if problems:
        raise SigningError("verification_failed", ", ".join(problems),
                           findings=", ".join(problems))
    return CheckOutcome(report.verdict, report)


def check_encrypted_output(data: bytes, password: str, field_name: str,
                           trust: TrustConfig) -> CheckOutcome | None:
    """Our verifier reads no encrypted files; for those pyHanko checks, with the password,
    that every signature is intact and ours covers the whole file. Returns ``None`` when
    the file is not encrypted (use :func:`check_output`)."""
    import io

    from asn1crypto import x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    if not reader.encrypted:
        return None
    reader.decrypt(password.encode("utf-8"))
    roots = [x509.Certificate.load(a.der) for a in trust.anchors]
    problems: list[str] = []
    found = False
    for sig in reader.embedded_signatures:
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=roots,
                                                               allow_fetching=False),
                                        skip_diff=True)
        if not (status.intact and status.valid):
            problems.append(f"integrity:{sig.field_name}")
        if sig.field_name == field_name:
            found = True
            if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
                problems.append(f"coverage_{status.coverage}")
    if not found:
        problems.append("signature_missing")
    if problems:
        raise SigningError("verification_failed", ", ".join(problems),
                           findings=", ".join(problems))
    return CheckOutcome("encrypted", _empty_report(data))


def _empty_report(data: bytes) -> FileReport:
    import hashlib
    from datetime import UTC, datetime

    return FileReport(file="", sha256=hashlib.sha256(data).hexdigest(), verdict="unreadable",
                      validated_at=datetime.now(UTC), signatures=(), problem="encrypted")
