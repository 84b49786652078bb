"""Is a listed signing certificate revoked? Asked of its issuer's own OCSP/CRL services.

The chooser shows a revoked certificate as one that cannot be chosen, like an expired one
(issue 12). This module answers for one certificate, with pyhanko-certvalidator doing all
the work: it fetches the OCSP response or CRL the certificate names (AIA OCSP, CRL
distribution points), checks the responder's or the CRL's signature, and tells revoked
from good from "could not find out".

Only the certificate's own revocation is asked, not whether its chain is trusted (that is
verification's question, and signing's at B-LT): every CA certificate we know of — the
token's own CA certificates, the active training set-up's CAs, the configured trust
anchors — is handed to certvalidator as an anchor, so the path is the certificate and the
CA that issued it. certvalidator still checks that this CA really signed the certificate
and that the OCSP/CRL answer comes from it (or from a responder it delegated to), so a CA
certificate that only *names* the issuer cannot fake an answer. When none of them issued
the certificate, the issuer is fetched from the certificate's AIA caIssuers link (again by
certvalidator) and asked in the same way.

The answer is never an exception: offline, a service that does not answer, a certificate
that names no service, an issuer nowhere to be found are all :data:`UNKNOWN`, with a short
technical ``detail``. Unknown never blocks signing (an offline user must be able to sign;
signing at B-LT checks revocation itself). Blocking network work: call it off the GUI
thread (:mod:`desktop_signer.tokens.revocation_monitor` does, with a cache).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from asn1crypto import x509
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator import errors as cv_errors
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

log = logging.getLogger(__name__)

RevocationState = Literal["checking", "good", "revoked", "unknown"]
CHECKING: RevocationState = "checking"
GOOD: RevocationState = "good"
REVOKED: RevocationState = "revoked"
UNKNOWN: RevocationState = "unknown"

REQUEST_TIMEOUT_S = 3.0  # one OCSP/CRL/caIssuers request
TOTAL_TIMEOUT_S = 8.0  # the whole question, whatever certvalidator still tries


@dataclass(frozen=True)
class RevocationStatus:
    state: RevocationState
    revoked_at: datetime | None = None  # REVOKED: when, if the answer says
    reason: str = ""  # REVOKED: the CRL reason code's name (``key_compromise``, ...), or ""
    ca_revoked: bool = False  # REVOKED: the issuing CA, not the certificate itself
    # why UNKNOWN, or which answer said REVOKED (technical, for the log and the details);
    # not compared, so a second "unreachable" with another wording is no change
    detail: str = field(default="", compare=False)


def check_revocation(certificate_der: bytes, ca_certificates: Sequence[bytes] = (), *,
                     request_timeout: float = REQUEST_TIMEOUT_S,
                     total_timeout: float = TOTAL_TIMEOUT_S) -> RevocationStatus:
    """The revocation status of ``certificate_der`` now (blocking; at most about
    ``total_timeout`` seconds). ``ca_certificates``: DER of every CA certificate that may
    have issued it. Never raises."""
    try:
        cert = x509.Certificate.load(certificate_der)
        if not cert.ocsp_urls and not any(dp.url for dp in cert.crl_distribution_points):
            return RevocationStatus(UNKNOWN, detail="no OCSP or CRL service named")
        cas = [x509.Certificate.load(d) for d in ca_certificates if d]
        return asyncio.run(asyncio.wait_for(
            _ask(cert, cas, request_timeout), total_timeout))
    except TimeoutError:
        return RevocationStatus(UNKNOWN, detail=f"no answer within {total_timeout:g} s")
    except Exception as exc:  # a broken certificate or a library surprise: unknown
        log.info("revocation status of a certificate unknown: %r", exc)
        return RevocationStatus(UNKNOWN, detail=f"{type(exc).__name__}: {exc}")


async def _ask(cert: x509.Certificate, cas: list[x509.Certificate],
               timeout: float) -> RevocationStatus:
    backend = RequestsFetcherBackend(per_request_timeout=timeout)
    status = await _validate(cert, cas, backend)
    if status is not None:
        return status
    # none of the known CAs issued it: ask certvalidator's fetcher for the AIA caIssuers
    issuers: list[x509.Certificate] = []
    if cert.authority_information_access_value is not None:
        fetcher = backend.get_fetchers().cert_fetcher
        try:
            issuers = [c async for c in fetcher.fetch_cert_issuers(cert)]
        except Exception as exc:  # unreachable, not a certificate: unknown
            return RevocationStatus(UNKNOWN, detail=f"issuer not found ({exc})")
    if issuers:
        status = await _validate(cert, [*issuers, *cas], backend)
        if status is not None:
            return status
    return RevocationStatus(UNKNOWN, detail="issuer not found")


async def _validate(cert: x509.Certificate, anchors: list[x509.Certificate],
                    backend: RequestsFetcherBackend) -> RevocationStatus | None:
    """The status with ``anchors`` as the CAs that may have issued ``cert``; None when no
    path could be built (none of them did)."""
    if not anchors:
        return None
    context = ValidationContext(
        trust_roots=anchors,
        allow_fetching=True,
        # "hard-fail": a certificate naming a service must get an answer from it, so an
        # unreachable service is InsufficientRevinfoError (unknown), not a silent "good"
        revocation_mode="hard-fail",
        fetcher_backend=backend,
    )
    validator = CertificateValidator(cert, validation_context=context)
    try:
        await validator.async_validate_path()
    except cv_errors.RevokedError as exc:
        reason = exc.reason.native if exc.reason is not None else ""
        return RevocationStatus(REVOKED, exc.revocation_dt, str(reason or ""),
                                ca_revoked=not exc.is_ee_cert, detail=exc.failure_msg)
    except cv_errors.PathBuildingError:
        return None
    except cv_errors.InsufficientRevinfoError as exc:
        return RevocationStatus(UNKNOWN, detail=exc.failure_msg)
    except cv_errors.PathValidationError as exc:  # expired, weak algorithm, bad signature
        return RevocationStatus(UNKNOWN, detail=exc.failure_msg)
    except cv_errors.ValidationError as exc:
        return RevocationStatus(UNKNOWN, detail=exc.failure_msg)
    return RevocationStatus(GOOD)
