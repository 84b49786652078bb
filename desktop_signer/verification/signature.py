"""Validate one signature or document timestamp into a :class:`SignatureResult`.

Every exception is caught here (DESIGN §5.3 item 4): structural ones become the finding
they stand for (``malformed_signature``, ``no_certificates``...), anything else becomes that
signature's ``could_not_validate`` while the file's other signatures are still reported.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from datetime import datetime
from typing import Any

from asn1crypto import x509
from pyhanko.pdf_utils import generic, misc
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.general import CMSExtractionError
from pyhanko.sign.validation import EmbeddedPdfSignature
from pyhanko.sign.validation.errors import DisallowedAlgorithmError, SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import (
    async_validate_pdf_signature,
    async_validate_pdf_timestamp,
)
from pyhanko_certvalidator import ValidationContext

from desktop_signer.verification import certinfo
from desktop_signer.verification.algorithms import cms_findings
from desktop_signer.verification.chain import (
    SIGNING_KEY_USAGE,
    TIMESTAMP_KEY_USAGE,
    Revinfo,
    merge,
    signature_revinfo,
    timestamp_token_certs,
    validation_context,
)
from desktop_signer.verification.changes import ChangeJudgement, byte_range_problem, judge_changes
from desktop_signer.verification.content_time import apply_content_time
from desktop_signer.verification.digest_match import signed_bytes_match
from desktop_signer.verification.fields import (
    SUPPORTED_SIGNATURE_SUBFILTERS,
    TIMESTAMP_SUBFILTER,
    SignatureEntry,
    widget_location,
)
from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import (
    Certification,
    Finding,
    Integrity,
    Kind,
    PadesLevel,
    SignatureResult,
    Signer,
    SigningTime,
    verdict_from,
)
from desktop_signer.verification.options import VerifyOptions
from desktop_signer.verification.pdfget import pdf_get, signature_contents
from desktop_signer.verification.structure import UnanalysedData
from desktop_signer.verification.trustcheck import TrustJudgement, judge_certificate


@dataclass
class DocumentContext:
    reader: PdfFileReader
    size: int
    options: VerifyOptions
    pages: dict[generic.Reference, int]
    revinfo: Revinfo
    certification_p: int | None
    unanalysed: UnanalysedData | None
    doc_timestamp_revisions: list[int]  # revisions signed by document timestamps
    # (1-based revision, time) of intact, trusted document timestamps: proofs of existence
    # for everything in earlier revisions (filled as the timestamps are validated)
    existence_proofs: list[tuple[int, datetime]] = dc_field(default_factory=list)

    def proof_of_existence(self, revision: int) -> datetime | None:
        """Earliest time a trusted document timestamp proves ``revision`` existed."""
        times = [t for r, t in self.existence_proofs if r > revision]
        return min(times) if times else None


# BSI TR-03111 plain ECDSA (ecdsa-plain-SHA*): neither pyHanko nor cryptography verify it, and
# saying "invalid" about a signature we cannot check would be wrong (DSS: valid).
PLAIN_ECDSA_ARC = "0.4.0.127.0.7.1.1.4.1."


class _TimestampAsSig(EmbeddedPdfSignature):
    """An /ETSI.RFC3161 signature dictionary typed /Sig (seen in ETSI plugtest files)."""

    @property
    def sig_object_type(self) -> generic.NameObject:
        return generic.NameObject("/DocTimeStamp")


def _text(d: generic.DictionaryObject | None, key: str) -> str | None:
    if d is None or key not in d:
        return None
    try:
        value = d[key]
    except (misc.PdfError, KeyError, TypeError, ValueError):
        return None
    return str(value) if isinstance(value, str) else None


def _kind(entry: SignatureEntry) -> Kind:
    if entry.is_document_timestamp:
        return "document_timestamp"
    refs = pdf_get(entry.sig_dict, "/Reference") if entry.sig_dict is not None else None
    if isinstance(refs, generic.ArrayObject):
        for ref in refs:
            obj = ref.get_object()
            method = (
                pdf_get(obj, "/TransformMethod")
                if isinstance(obj, generic.DictionaryObject)
                else None
            )
            if method == "/DocMDP":
                return "certification"
    return "approval"


def _base(ctx: DocumentContext, entry: SignatureEntry) -> SignatureResult:
    page = rect = None
    for widget in entry.widgets:
        try:
            page, rect = widget_location(ctx.reader, widget, ctx.pages)
        except (misc.PdfError, KeyError, TypeError, ValueError, AttributeError):
            continue
        if page is not None:
            break
    return SignatureResult(
        field=entry.name,
        kind=_kind(entry) if entry.sig_dict is not None else "approval",
        verdict="indeterminate",
        integrity="unknown",
        coverage="unknown",
        modification="unknown",
        trust="unknown",
        revocation="not_checked",
        findings=(),
        reason=_text(entry.sig_dict, "/Reason"),
        location=_text(entry.sig_dict, "/Location"),
        page=page,
        rect=rect,
    )


def _finish(result: SignatureResult, findings: list[Finding]) -> SignatureResult:
    return replace(result, findings=tuple(findings), verdict=verdict_from(findings))


def _signer_from_cms(emb: EmbeddedPdfSignature | None) -> Signer | None:
    if emb is None:
        return None
    try:
        return certinfo.signer_of(emb.signer_cert)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        return None


async def validate_entry(ctx: DocumentContext, entry: SignatureEntry) -> SignatureResult:
    base = _base(ctx, entry)
    try:
        result = await _validate(ctx, entry, base)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception as exc:
        result = _finish(
            base, [finding("could_not_validate", detail=f"{type(exc).__name__}: {exc}"[:300])]
        )
    if entry.detached:
        # No field shows this signature any more: its field was damaged or its /V removed
        # after signing, so the document as displayed no longer carries it.
        detached = finding("modified_after_signing", reason="signature_detached")
        result = _finish(result, [*result.findings, detached])
    return result


async def _validate(
    ctx: DocumentContext, entry: SignatureEntry, base: SignatureResult
) -> SignatureResult:
    if entry.broken is not None:
        # A signature dictionary that no longer parses is a broken structure: whatever the
        # damage, the signature as it stands cannot be the one that was made (DESIGN §5.1).
        return _finish(
            replace(base, revision=_revision_of(ctx, entry)),
            [finding("malformed_signature", reason="unreadable_dictionary", detail=entry.broken)],
        )
    if entry.sig_dict is None:
        return _finish(base, [finding("malformed_signature", reason="value_not_a_dictionary")])
    subfilter = entry.subfilter
    timestamp = entry.is_document_timestamp
    if (not timestamp and subfilter not in SUPPORTED_SIGNATURE_SUBFILTERS) or (
        timestamp and subfilter != TIMESTAMP_SUBFILTER
    ):
        return _unsupported(ctx, entry, base, timestamp, subfilter)
    try:
        emb = _embedded(ctx, entry, timestamp)
    except _Malformed as m:
        return _finish(base, [m.finding])
    return await _validate_embedded(ctx, entry, base, emb, timestamp)


def _unsupported(
    ctx: DocumentContext,
    entry: SignatureEntry,
    base: SignatureResult,
    timestamp: bool,
    subfilter: str | None,
) -> SignatureResult:
    """A subfilter we do not handle: ``unsupported_signature`` (indeterminate), unless the
    digest of the signed bytes matches no subfilter's reading of the CMS. The /SubFilter
    entry is itself signed, so a renamed one must not hide that the signed bytes changed."""
    findings = [finding("unsupported_signature", subfilter=subfilter or "")]
    emb = _try_embedded(ctx, entry, timestamp)
    integrity: Integrity = "unknown"
    if emb is not None:
        problem = byte_range_problem(emb, ctx.size)
        try:
            match = None if problem is not None else signed_bytes_match(emb)
        except MemoryError:  # the child's memory limit: never a verdict
            raise
        except Exception:
            match = None
        if problem is not None:
            integrity = "failed"
            findings += [finding("coverage_partial", reason=problem), finding("integrity_failed")]
        elif match is False:
            integrity = "failed"
            findings.append(finding("integrity_failed", reason="no_subfilter_matches"))
    return _finish(
        replace(
            base,
            signer=_signer_from_cms(emb),
            integrity=integrity,
            revision=_revision_of(ctx, entry),
        ),
        findings,
    )


def _revision_of(ctx: DocumentContext, entry: SignatureEntry) -> int | None:
    """1-based revision that last wrote the signature object (None when unknown)."""
    if entry.sig_ref is None:
        return None
    try:
        return int(ctx.reader.xrefs.get_last_change(entry.sig_ref)) + 1
    except (KeyError, misc.PdfError):
        return None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


class _Malformed(Exception):
    def __init__(self, f: Finding) -> None:
        super().__init__(f.code)
        self.finding = f


def _try_embedded(
    ctx: DocumentContext, entry: SignatureEntry, timestamp: bool
) -> EmbeddedPdfSignature | None:
    try:
        return _embedded(ctx, entry, timestamp)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        return None


def _embedded(ctx: DocumentContext, entry: SignatureEntry, timestamp: bool) -> EmbeddedPdfSignature:
    assert entry.sig_dict is not None
    contents = signature_contents(entry.sig_dict)
    if isinstance(contents, (generic.ByteStringObject, generic.TextStringObject)):
        raw = contents.original_bytes
        if not raw.strip(b"\x00"):
            raise _Malformed(finding("malformed_signature", reason="empty_contents"))
    cls = (
        _TimestampAsSig
        if timestamp and pdf_get(entry.sig_dict, "/Type") != "/DocTimeStamp"
        else EmbeddedPdfSignature
    )
    try:
        emb = cls(ctx.reader, entry.field_dict, entry.names[0])
    except CMSExtractionError as exc:
        if "certificate" in str(exc).lower():
            raise _Malformed(finding("no_certificates", detail=str(exc)[:300])) from exc
        raise _Malformed(finding("malformed_signature", detail=str(exc)[:300])) from exc
    except (misc.PdfError, ValueError, TypeError, KeyError, AssertionError) as exc:
        raise _Malformed(
            finding("malformed_signature", detail=f"{type(exc).__name__}: {exc}"[:300])
        ) from exc
    try:
        emb.signer_cert  # noqa: B018  (raises when the CMS carries no signer certificate)
    except CMSExtractionError as exc:
        raise _Malformed(finding("no_certificates", detail=str(exc)[:300])) from exc
    return emb


def _pades_level(
    subfilter: str | None,
    has_timestamp: bool,
    ltv: bool,
    lta: bool,
) -> PadesLevel | None:
    if subfilter != "/ETSI.CAdES.detached":
        return None
    if not has_timestamp:
        return "B-B"
    if not ltv:
        return "B-T"
    return "B-LTA" if lta else "B-LT"


async def _validate_embedded(
    ctx: DocumentContext,
    entry: SignatureEntry,
    base: SignatureResult,
    emb: EmbeddedPdfSignature,
    timestamp: bool,
) -> SignatureResult:
    findings: list[Finding] = []
    options = ctx.options
    br_problem = byte_range_problem(emb, ctx.size)
    signed_end = 0
    if br_problem is None:
        signed_end = int(emb.byte_range[2]) + int(emb.byte_range[3])
    try:
        revinfo = merge(ctx.revinfo, signature_revinfo(emb.signed_data, emb.signer_info))
        embedded_certs = list(emb.other_embedded_certs)
    except (CMSExtractionError, ValueError, KeyError, TypeError, AssertionError) as exc:
        return _finish(base, [finding("malformed_signature", detail=_describe(exc))])
    mechanism = emb.signer_info["signature_algorithm"]["algorithm"].dotted
    if mechanism.startswith(PLAIN_ECDSA_ARC):
        return _finish(
            replace(base, signer=_signer_from_cms(emb)),
            [finding("unsupported_signature", algorithm=mechanism)],
        )
    # pyHanko checks integrity and the timestamp token here; trust and revocation are judged
    # below (judge_certificate), so its path checks run without revocation data.
    first_vc = validation_context(
        options.trust,
        revinfo,
        options.at,
        fetching=False,
        hard_fail=False,
        timeout=options.fetch_timeout,
        check_revocation=False,
    )
    status: Any
    try:
        if timestamp:
            status = await async_validate_pdf_timestamp(emb, first_vc, skip_diff=True)
        else:
            status = await async_validate_pdf_signature(
                emb, first_vc, skip_diff=True, key_usage_settings=SIGNING_KEY_USAGE
            )
    except DisallowedAlgorithmError as exc:
        weak = _cms_weakness(emb, first_vc, options.at) or [
            finding("weak_digest", detail=str(exc)[:300])
        ]
        return _finish(replace(base, signer=_signer_from_cms(emb)), weak)
    except SignatureValidationError as exc:
        return _finish(
            replace(base, signer=_signer_from_cms(emb)),
            [finding("malformed_signature", detail=str(exc)[:300])],
        )
    except (
        CMSExtractionError,
        AssertionError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        NotImplementedError,
    ) as exc:
        return _finish(
            replace(base, signer=_signer_from_cms(emb)),
            [finding("malformed_signature", detail=f"{type(exc).__name__}: {exc}"[:300])],
        )

    intact = bool(status.intact and status.valid)
    if br_problem is not None:
        intact = False
        findings.append(finding("coverage_partial", reason=br_problem))
    if not intact:
        findings.append(finding("integrity_failed"))
    indic = status.trust_problem_indic
    crypto_objection = indic is not None and "CRYPTO_CONSTRAINTS" in str(indic)
    if crypto_objection:
        # the signature's own algorithms; a weak certificate signature on the path is
        # reported by judge_certificate below
        findings.extend(_cms_weakness(emb, first_vc, options.at))

    changes = ChangeJudgement()
    if br_problem is None:
        changes = judge_changes(ctx.reader, emb, ctx.certification_p, ctx.unanalysed, signed_end)
        findings.extend(changes.findings)

    revision = emb.signed_revision
    # a later trusted document timestamp proves the signature existed at its time
    later_proof = ctx.proof_of_existence(revision + 1)
    # signing time: a trusted signature timestamp proves it; /M or signingTime only claims it
    ts_status = None if timestamp else status.timestamp_validity
    claimed: datetime | None = None if timestamp else status.signer_reported_dt
    proven: datetime | None = None
    signing_time = SigningTime(claimed=claimed)
    if timestamp:
        proven = _earliest(status.timestamp if intact else None, later_proof)
    elif ts_status is not None:
        ts_ok = bool(ts_status.intact and ts_status.valid)
        ts_trusted = ts_ok and await _timestamp_trusted(
            ctx, emb, ts_status, revinfo, later_proof
        )
        proven = _earliest(ts_status.timestamp if ts_trusted else None, later_proof)
        signing_time = SigningTime(
            claimed=claimed,
            timestamp=ts_status.timestamp,
            timestamp_authority=ts_status.signing_cert.subject.human_friendly,
            timestamp_valid=ts_trusted,
        )
        if not ts_ok:
            findings.append(finding("timestamp_invalid"))
        elif not ts_trusted:
            findings.append(
                finding("untrusted", severity="warning", effect="none", what="timestamp")
            )
    else:
        proven = later_proof
        findings.append(finding("no_timestamp"))

    cert: x509.Certificate = status.signing_cert
    judgement = TrustJudgement()
    if intact:
        judgement = await judge_certificate(
            cert,
            embedded_certs + list(revinfo.certs),
            revinfo,
            options,
            TIMESTAMP_KEY_USAGE if timestamp else SIGNING_KEY_USAGE,
            claimed_time=claimed,
            proven_time=proven,
            what="timestamp" if timestamp else "signer",
            # pyHanko validated the path with the same anchors, certificates, moment and
            # key usage (first_vc): judge_certificate need not build it again
            validated_path=None if timestamp or not status.trusted else status.validation_path,
        )
        findings.extend(judgement.findings)
    content_time = None
    if not timestamp and intact:
        content_time = await _trusted_content_time(ctx, emb, status, revinfo, later_proof)
        if content_time is not None:
            findings = apply_content_time(findings, cert, content_time)
            signing_time = replace(signing_time, content_timestamp=content_time)
    if crypto_objection and not any(f.code in ("weak_key", "weak_digest") for f in findings):
        findings.append(finding("weak_digest", digest=status.md_algorithm))
    if timestamp:
        signing_time = SigningTime(
            timestamp=status.timestamp,
            timestamp_authority=status.signing_cert.subject.human_friendly,
            timestamp_valid=intact
            and judgement.trust == "trusted"
            and verdict_from(judgement.findings) == "valid",
        )

    ltv = (
        judgement.revocation == "good"
        and judgement.revocation_source == "embedded"
        and (timestamp or signing_time.timestamp_valid is True)
    )
    if not ltv and not timestamp and intact:
        findings.append(finding("no_ltv"))
    lta = any(r > revision for r in ctx.doc_timestamp_revisions)
    certification = None
    if base.kind == "certification" and changes.permission is not None:
        certification = Certification(changes.permission, changes.certification_violated)

    result = replace(
        base,
        integrity="ok" if intact else "failed",
        coverage="partial" if br_problem else changes.coverage,
        modification="other" if br_problem else changes.modification,
        trust=judgement.trust,
        revocation=judgement.revocation,
        revocation_source=judgement.revocation_source,
        trust_anchor=judgement.trust_anchor,
        chain=judgement.chain,
        revision=revision + 1,
        signer=certinfo.signer_of(cert),
        signing_time=signing_time,
        pades_level=None
        if timestamp
        else _pades_level(entry.subfilter, signing_time.timestamp is not None, ltv, lta),
        ltv=ltv,
        certification=certification,
        digest_algorithm=str(status.md_algorithm),
        signature_algorithm=str(status.pkcs7_signature_mechanism),
        changed_fields=changes.changed_fields,
        signed_revision_end=signed_end or None,
    )
    return _finish(result, findings)


def _earliest(*moments: datetime | None) -> datetime | None:
    known = [m for m in moments if m is not None]
    return min(known) if known else None


def _cms_weakness(
    emb: EmbeddedPdfSignature, vc: ValidationContext, moment: datetime | None
) -> list[Finding]:
    """``weak_key`` / ``weak_digest`` for the CMS signature itself, by the same algorithm
    policy pyHanko applied."""
    try:
        return cms_findings(
            vc.algorithm_policy,
            emb.md_algorithm,
            emb.signer_info["signature_algorithm"],
            emb.signer_cert.public_key,
            moment,
        )
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        return []


async def _trusted_content_time(
    ctx: DocumentContext,
    emb: EmbeddedPdfSignature,
    status: Any,
    revinfo: Revinfo,
    later_proof: datetime | None,
) -> datetime | None:
    """The time of an intact content timestamp whose authority is trusted (else None)."""
    cts = getattr(status, "content_timestamp_validity", None)
    if cts is None or not (cts.intact and cts.valid):
        return None
    if not await _timestamp_trusted(ctx, emb, cts, revinfo, later_proof):
        return None
    when: datetime = cts.timestamp
    return when


async def _timestamp_trusted(
    ctx: DocumentContext,
    emb: EmbeddedPdfSignature,
    ts_status: Any,
    revinfo: Revinfo,
    later_proof: datetime | None,
) -> bool:
    """Whether the signature timestamp's authority is trusted: its chain judged like a
    signer's (offline, with the document's data; soft-fail), where a later document
    timestamp is proof that the token existed while the authority's certificate was valid."""
    judgement = await judge_certificate(
        ts_status.signing_cert,
        timestamp_token_certs(emb.signer_info) + list(revinfo.certs),
        revinfo,
        replace(ctx.options, offline=True, revocation_soft_fail=True),
        TIMESTAMP_KEY_USAGE,
        claimed_time=ts_status.timestamp,
        proven_time=later_proof,
        what="timestamp",
    )
    return judgement.trust == "trusted" and verdict_from(judgement.findings) == "valid"
