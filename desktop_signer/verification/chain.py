"""Chain of trust and revocation for one certificate (DESIGN §5.4, issue item 6).

Trust (path, validity, key usage, algorithms) is judged without revocation checks; then
revocation is decided in this order: data embedded in the document (DSS, the Adobe
revocation-info attribute, the CMS ``crls`` field), local CRLs given with ``--crl``, then,
unless offline, OCSP and CRL fetched online with a timeout. The outcome says which source
decided. Path building and checks are pyhanko-certvalidator's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from asn1crypto import cms, crl, ocsp, x509
from asn1crypto.keys import PublicKeyInfo
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.errors import NoDSSFoundError
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator import errors as cv_errors
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend
from pyhanko_certvalidator.path import ValidationPath

from desktop_signer.pki.parsed import certificate_from_der
from desktop_signer.trust.store import TrustConfig
from desktop_signer.verification.algorithms import path_weakness

ChainStatus = Literal[
    "ok",
    "untrusted",
    "expired",
    "not_yet_valid",
    "revoked",
    "revocation_unknown",
    "key_usage",
    "weak_algorithm",
    "weak_key",
    "error",
]

# A signing certificate must allow signing: digitalSignature or nonRepudiation (either one;
# pyHanko's default demands nonRepudiation alone, which rejects ordinary AdES certificates).
SIGNING_KEY_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)
TIMESTAMP_KEY_USAGE = KeyUsageConstraints(extd_key_usage={"time_stamping"})


@dataclass
class Revinfo:
    """Validation material available without going online."""

    ocsps: list[ocsp.OCSPResponse] = field(default_factory=list)
    crls: list[crl.CertificateList] = field(default_factory=list)
    certs: list[x509.Certificate] = field(default_factory=list)

    @property
    def has_revocation_data(self) -> bool:
        return bool(self.ocsps or self.crls)


def document_revinfo(reader: PdfFileReader) -> Revinfo:
    """Certificates, OCSP responses and CRLs in the document's DSS."""
    out = Revinfo()
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return out
    out.certs.extend(dss.load_certs())
    for stream in dss.ocsps:
        out.ocsps.append(ocsp.OCSPResponse.load(stream.get_object().data))
    for stream in dss.crls:
        out.crls.append(crl.CertificateList.load(stream.get_object().data))
    return out


def signature_revinfo(signed_data: cms.SignedData, signer_info: cms.SignerInfo) -> Revinfo:
    """Revocation data carried inside the CMS (``crls`` field, Adobe archival attribute)."""
    out = Revinfo()
    for choice in signed_data["crls"] or ():
        if choice.name == "crl":
            out.crls.append(choice.chosen)
    for attr in signer_info["signed_attrs"] or ():
        if attr["type"].native == "adobe_revocation_info_archival":
            for value in attr["values"]:
                out.crls.extend(value["crl"] or ())
                out.ocsps.extend(value["ocsp"] or ())
    return out


def timestamp_token_certs(signer_info: cms.SignerInfo) -> list[x509.Certificate]:
    """Certificates carried in the timestamp token(s) of a CMS signature: the signature
    timestamp (unsigned) and the CAdES content timestamp (signed attribute)."""
    out: list[x509.Certificate] = []
    attrs = [*(signer_info["unsigned_attrs"] or ()), *(signer_info["signed_attrs"] or ())]
    for attr in attrs:
        if attr["type"].native not in ("signature_time_stamp_token", "content_time_stamp"):
            continue
        for token in attr["values"]:
            for choice in token["content"]["certificates"] or ():
                if choice.name == "certificate":
                    out.append(choice.chosen)
    return out


def merge(*parts: Revinfo) -> Revinfo:
    out = Revinfo()
    for p in parts:
        out.ocsps += p.ocsps
        out.crls += p.crls
        out.certs += p.certs
    return out


def validation_context(
    trust: TrustConfig,
    revinfo: Revinfo,
    moment: datetime | None,
    *,
    fetching: bool,
    hard_fail: bool,
    timeout: float,
    extra_anchors: list[x509.Certificate] | None = None,
    retroactive: bool = False,
    check_revocation: bool = True,
    local_crls: bool = True,
    only_declared: bool = False,
) -> ValidationContext:
    """``check_revocation=False`` judges the path alone (anchors, validity, algorithms):
    stale or missing revocation data must not stop path validation before it has looked at
    the certificates' validity. ``local_crls=False`` leaves out ``--crl`` files, so that a
    decision can be attributed to the document's own data. ``only_declared`` checks only the
    certificates that name a CRL or OCSP service, and requires an answer for those
    (certvalidator's "hard-fail")."""
    roots = [certificate_from_der(a.der) for a in trust.anchors] + list(extra_anchors or ())
    others = list(revinfo.certs) + [certificate_from_der(d) for d in trust.extra_certs]
    crls = list(revinfo.crls)
    if local_crls:
        crls += [crl.CertificateList.load(d) for d in trust.local_crls]
    kwargs: dict[str, object] = {}
    if fetching:
        kwargs["fetcher_backend"] = RequestsFetcherBackend(per_request_timeout=timeout)
    return ValidationContext(
        trust_roots=roots,
        other_certs=others,
        moment=moment,
        allow_fetching=fetching,
        crls=crls,
        ocsps=list(revinfo.ocsps),
        # "require": every certificate needs revocation data, so "unknown" is visible;
        # certvalidator's "hard-fail" passes certificates that name no revocation source.
        revocation_mode=(
            "none" if not check_revocation
            else "hard-fail" if only_declared
            else "require" if hard_fail
            else "soft-fail"
        ),
        retroactive_revinfo=retroactive,
        **kwargs,  # type: ignore[arg-type]
    )


@dataclass
class ChainOutcome:
    status: ChainStatus
    path: ValidationPath | None = None
    revocation_date: datetime | None = None
    revocation_reason: str | None = None
    ca_revoked: bool = False
    detail: str = ""
    weak_key: PublicKeyInfo | None = None  # the key the algorithm policy finds too small


async def evaluate_chain(
    cert: x509.Certificate,
    other_certs: list[x509.Certificate],
    vc: ValidationContext,
    usage: KeyUsageConstraints | None,
) -> ChainOutcome:
    """Build and check a path for ``cert``; classify the failure precisely."""
    validator = CertificateValidator(cert, intermediate_certs=other_certs, validation_context=vc)
    try:
        path = await validator.async_validate_path()
    except cv_errors.RevokedError as e:
        return ChainOutcome(
            "revoked",
            e.original_path,
            revocation_date=e.revocation_dt,
            revocation_reason=str(e.reason.native) if e.reason is not None else None,
            ca_revoked=not e.is_ee_cert,
            detail=e.failure_msg,
        )
    except cv_errors.ExpiredError as e:
        return ChainOutcome("expired", e.original_path, detail=e.failure_msg)
    except cv_errors.NotYetValidError as e:
        return ChainOutcome("not_yet_valid", e.original_path, detail=e.failure_msg)
    except cv_errors.InsufficientRevinfoError as e:
        return ChainOutcome("revocation_unknown", e.original_path, detail=e.failure_msg)
    except cv_errors.DisallowedAlgorithmError as e:
        weak = path_weakness(vc.algorithm_policy, e.original_path, vc.moment)
        status: ChainStatus = "weak_key" if weak and weak[0] == "weak_key" else "weak_algorithm"
        return ChainOutcome(
            status, e.original_path, detail=e.failure_msg, weak_key=weak[1] if weak else None
        )
    except cv_errors.PathBuildingError as e:
        return ChainOutcome("untrusted", detail=str(e))
    except cv_errors.PathValidationError as e:
        return ChainOutcome("untrusted", e.original_path, detail=e.failure_msg)
    except cv_errors.ValidationError as e:
        return ChainOutcome("untrusted", detail=e.failure_msg)
    if usage is not None and path.pkix_len > 0:
        try:
            usage.validate(cert)
        except cv_errors.InvalidCertificateError as e:
            return ChainOutcome("key_usage", path, detail=e.failure_msg)
    return ChainOutcome("ok", path)
