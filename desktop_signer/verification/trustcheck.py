"""Judge a signer's (or a timestamp authority's) certificate: trust, revocation, flags."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from asn1crypto import x509
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.path import ValidationPath
from pyhanko_certvalidator.util import get_declared_revinfo

from desktop_signer.pki.parsed import certificate_from_der
from desktop_signer.trust.certfiles import sha256_hex
from desktop_signer.trust.store import TrustConfig
from desktop_signer.verification.algorithms import key_description
from desktop_signer.verification.certinfo import chain_entry, issuer_walk
from desktop_signer.verification.chain import (
    ChainOutcome,
    Revinfo,
    evaluate_chain,
    validation_context,
)
from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import (
    ChainCertificate,
    Finding,
    Revocation,
    RevocationSource,
    Trust,
)
from desktop_signer.verification.options import VerifyOptions


@dataclass
class TrustJudgement:
    trust: Trust = "unknown"
    revocation: Revocation = "not_checked"
    revocation_source: RevocationSource = "none"
    trust_anchor: str | None = None
    chain: tuple[ChainCertificate, ...] = ()
    findings: list[Finding] = field(default_factory=list)
    validated_at_timestamp: bool = False  # trusted only at the proven signing time (LTV)


def pinned_anchors(trust: TrustConfig, pool: list[x509.Certificate]) -> list[x509.Certificate]:
    """Certificates carried by the document that equal an accepted pin become anchors."""
    return [c for c in pool if sha256_hex(c) in trust.accepted_pins]


def flag_findings(
    trust: TrustConfig, cert: x509.Certificate, pool: list[x509.Certificate]
) -> list[Finding]:
    """``development_ca`` / ``training_ca`` when the chain ends in a known non-production CA."""
    registry = trust.registry()
    out: list[Finding] = []
    seen: set[str] = set()
    for c in issuer_walk(cert, pool):
        flag = registry.flag_for(c)
        if flag is None or flag in seen:
            continue
        seen.add(flag)
        name = c.subject.human_friendly
        if flag == "training_ca" and trust.training_mode:
            out.append(finding("training_ca", severity="info", effect="none", ca=name))
        else:
            out.append(finding(flag, ca=name))
    return out


async def judge_certificate(
    cert: x509.Certificate,
    others: list[x509.Certificate],
    revinfo: Revinfo,
    options: VerifyOptions,
    usage: KeyUsageConstraints | None,
    *,
    claimed_time: datetime | None,
    proven_time: datetime | None,
    what: str = "signer",
    validated_path: ValidationPath | None = None,
) -> TrustJudgement:
    """Trust and revocation of ``cert`` at the validation time (``--at`` or now).

    ``proven_time`` is a time at which the signature is proven to have existed (a trusted
    signature timestamp, or a later trusted document timestamp): an expired certificate
    that was valid then, with revocation data embedded, is judged at that time (past
    signature validation, ETSI EN 319 102-1 §5.6.2.4 in the simple form pyhanko-certvalidator
    supports: path validation at that moment with retroactive revocation data); a
    revocation after it does not make the signature invalid.

    ``validated_path``: a path for ``cert`` that pyHanko has just validated, with key usage,
    without revocation data, against the same anchors, certificates and moment. Unless the
    document brings pinned anchors (a context pyHanko did not have), it stands for our own
    first evaluation, which would only build the same path again.
    """
    trust = options.trust
    moment = options.at
    extra = pinned_anchors(trust, [cert, *others])
    pool = [cert, *others, *extra] + [certificate_from_der(a.der) for a in trust.anchors]
    j = TrustJudgement()
    j.findings.extend(flag_findings(trust, cert, pool))

    def vc(
        hard: bool = True,
        fetch: bool = False,
        at: datetime | None = moment,
        retro: bool = False,
        revocation: bool = True,
        local: bool = False,
        declared: bool = False,
    ) -> ValidationContext:
        return validation_context(
            trust,
            revinfo,
            at,
            fetching=fetch,
            hard_fail=hard,
            timeout=options.fetch_timeout,
            extra_anchors=extra,
            retroactive=retro,
            check_revocation=revocation,
            local_crls=local,
            only_declared=declared,
        )

    # The path alone first: revocation data that is stale at the validation time must not
    # stop certvalidator before it has checked the certificates' validity periods.
    if validated_path is not None and not extra:
        outcome = ChainOutcome("ok", validated_path)
    else:
        outcome = await evaluate_chain(cert, others, vc(revocation=False), usage)
    expired_reason = "no_proof"
    if outcome.status == "expired" and proven_time is not None:
        then = await evaluate_chain(cert, others, vc(at=proven_time, revocation=False), usage)
        expired_reason = "expired_then" if then.status == "expired" else "no_revocation_data"
        if then.status == "ok" and revinfo.has_revocation_data:
            at_proof = await evaluate_chain(cert, others, vc(at=proven_time, retro=True), usage)
            if at_proof.status == "ok":
                outcome = at_proof
                j.validated_at_timestamp = True
                j.findings.append(
                    finding(
                        "expired",
                        severity="info",
                        effect="none",
                        what=what,
                        at=proven_time.isoformat(),
                    )
                )
            elif at_proof.status == "revoked":
                j.chain = _chain_of(at_proof)
                _revoked(j, at_proof, "embedded", claimed_time, proven_time, what)
                return j
    j.chain = _chain_of(outcome)
    if outcome.status == "ok":
        j.trust = "trusted"
        if outcome.path is not None:
            j.trust_anchor = outcome.path.trust_anchor.authority.name.human_friendly
        # In training mode a chain that ends at the training root is an exercise, trusted only
        # there and never legally valid; its services run on the trainer's laptop (training
        # serve). An unknown status is then a warning, as under soft-fail, so offline
        # exercises keep working; online, "dicabut" is still revoked.
        training = any(f.code == "training_ca" and f.effect == "none" for f in j.findings)
        await _revocation(j, cert, others, options, usage, vc, claimed_time, proven_time, what,
                          document_data=revinfo.has_revocation_data, path=outcome.path,
                          training=training)
        return j
    j.trust = "untrusted"
    detail = outcome.detail[:300]
    if outcome.status == "expired":
        j.findings.append(
            finding(
                "expired",
                what=what,
                reason=expired_reason,
                expired_on=cert.not_valid_after.isoformat(),
                at=_iso(proven_time),
                detail=detail,
            )
        )
    elif outcome.status == "weak_key":
        algorithm, bits = (
            key_description(outcome.weak_key) if outcome.weak_key is not None else ("?", "?")
        )
        j.findings.append(
            finding(
                "weak_key", what=what, where="chain", algorithm=algorithm, bits=bits, detail=detail
            )
        )
    else:
        code = {
            "not_yet_valid": "not_yet_valid",
            "key_usage": "key_usage",
            "weak_algorithm": "weak_digest",
        }.get(outcome.status, "untrusted")
        j.findings.append(finding(code, what=what, detail=detail))
    if outcome.status != "untrusted" and outcome.path is None:
        j.findings.append(finding("untrusted", what=what))
    return j


def _chain_of(outcome: ChainOutcome) -> tuple[ChainCertificate, ...]:
    if outcome.path is None:
        return ()
    return tuple(chain_entry(c) for c in outcome.path.iter_certs(include_root=True))


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


async def _revocation(
    j: TrustJudgement,
    cert: x509.Certificate,
    others: list[x509.Certificate],
    options: VerifyOptions,
    usage: KeyUsageConstraints | None,
    vc: Callable[..., ValidationContext],
    claimed_time: datetime | None,
    proven_time: datetime | None,
    what: str,
    *,
    document_data: bool,
    path: ValidationPath | None,
    training: bool = False,
) -> None:
    """Embedded data at the validation time, then embedded data at the proven signing time
    (what long-term validation embeds it for), then ``--crl`` files, then online.

    Without any embedded OCSP response or CRL (``document_data``), the embedded attempts are
    skipped: with revocation data required for every certificate after the anchor and none
    to be had, certvalidator can only answer "insufficient", and building the path again
    to hear it cost a millisecond per signature. A path of the anchor alone needs no data
    and is still evaluated.

    When no source decided: a path on which no certificate names a CRL or OCSP service has
    nothing to ask (``no_revocation_service``, a note); a path on which some do and some do
    not is tried again checking only those that do (certvalidator's "hard-fail" mode);
    otherwise ``revocation_unknown`` (:func:`revocation_unknown`)."""
    path_length = path.pkix_len if path is not None else 0
    if j.validated_at_timestamp:
        j.revocation, j.revocation_source = "good", "embedded"
        return
    attempts: list[tuple[RevocationSource, dict[str, object]]] = []
    if document_data or path_length == 0:
        attempts.append(("embedded", {}))
        if proven_time is not None:
            attempts.append(("embedded", {"at": proven_time, "retro": True}))
    if options.trust.local_crls:
        attempts.append(("local_file", {"local": True}))
    if not options.offline:
        attempts.append(("online", {"fetch": True, "local": True}))
    if await _decide(j, cert, others, usage, vc, attempts, claimed_time, proven_time, what):
        return
    j.revocation, j.revocation_source = "unknown", "none"
    undeclared = _without_revocation_service(path)
    if path is not None and len(undeclared) == path.pkix_len:
        # nobody on the path names a CRL or OCSP service: there is nothing to ask (a note)
        j.findings.append(finding("no_revocation_service", what=what,
                                  certificates=", ".join(undeclared)))
        return
    if undeclared and await _decide(
        j, cert, others, usage, vc, [(s, {**k, "declared": True})
                                     for s, k in attempts],
        claimed_time, proven_time, what,
    ):
        # every certificate that names a service was decided; the others name none
        j.findings.append(finding("no_revocation_service", what=what,
                                  certificates=", ".join(undeclared)))
        return
    j.findings.append(revocation_unknown(options, what, document_data, training=training))


async def _decide(
    j: TrustJudgement,
    cert: x509.Certificate,
    others: list[x509.Certificate],
    usage: KeyUsageConstraints | None,
    vc: Callable[..., ValidationContext],
    attempts: list[tuple[RevocationSource, dict[str, object]]],
    claimed_time: datetime | None,
    proven_time: datetime | None,
    what: str,
) -> bool:
    """Try the sources in order; True once one of them decided (good or revoked)."""
    for source, kwargs in attempts:
        outcome = await evaluate_chain(cert, others, vc(**kwargs), usage)
        if outcome.status == "ok":
            j.revocation, j.revocation_source = "good", source
            return True
        if outcome.status == "revoked":
            _revoked(j, outcome, source, claimed_time, proven_time, what)
            return True
    return False


def _without_revocation_service(path: ValidationPath | None) -> list[str]:
    """Names of the path's certificates (the anchor excluded) that name neither a CRL
    distribution point nor an OCSP responder."""
    if path is None:
        return []
    out: list[str] = []
    for c in path.iter_certs(include_root=False):
        if not isinstance(c, x509.Certificate):
            continue
        has_crl, has_ocsp = get_declared_revinfo(c)
        if not (has_crl or has_ocsp):
            out.append(c.subject.human_friendly)
    return out


def revocation_unknown(
    options: VerifyOptions, what: str, document_data: bool, *, training: bool = False
) -> Finding:
    """No source decided for a certificate that names a revocation service. Strict by
    default (EN 319 102-1: INDETERMINATE, sub-indication TRY_LATER); the
    administrator setting ``revocation_soft_fail`` makes it a warning. ``reason`` says why:
    ``unreachable`` (online, no service answered usefully), ``offline`` (the document's own
    data did not cover it) or ``no_document_data`` (offline, the document carries none).
    ``training``: a training-root chain in training mode (a warning, see the caller)."""
    if not options.offline:
        reason = "unreachable"
    elif document_data:
        reason = "offline"
    else:
        reason = "no_document_data"
    offline = "yes" if options.offline else "no"
    if options.revocation_soft_fail or training:
        return finding("revocation_unknown", severity="warning", effect="none", what=what,
                       offline=offline, reason=reason, training="yes" if training else "")
    return finding("revocation_unknown", severity="error", effect="indeterminate", what=what,
                   offline=offline, reason=reason)


def _revoked(
    j: TrustJudgement,
    outcome: ChainOutcome,
    source: RevocationSource,
    claimed_time: datetime | None,
    proven_time: datetime | None,
    what: str,
) -> None:
    """Revoked before the signing time: invalid. After a signing time proven by a trusted
    timestamp: the signature stands (a warning). After a merely claimed time: indeterminate
    (ETSI REVOKED_NO_POE)."""
    j.revocation, j.revocation_source = "revoked", source
    j.trust = "untrusted"
    when = outcome.revocation_date
    date = when.isoformat() if when else ""
    reason = outcome.revocation_reason or ""
    ca = "yes" if outcome.ca_revoked else "no"
    if when is not None and proven_time is not None and when > proven_time:
        j.trust = "trusted"
        j.findings.append(
            finding(
                "revoked",
                severity="warning",
                effect="none",
                what=what,
                date=date,
                reason=reason,
                ca=ca,
            )
        )
    elif when is not None and claimed_time is not None and when > claimed_time:
        j.findings.append(
            finding("revoked", effect="indeterminate", what=what, date=date, reason=reason, ca=ca)
        )
    else:
        j.findings.append(finding("revoked", what=what, date=date, reason=reason, ca=ca))
