"""Refuse a revoked certificate before signing, once it is known: a PKCS#12 file's
certificate is readable only after its passphrase, so the chooser cannot ask its OCSP/CRL
beforehand as it does for a token's (issue 12).

The same question as the chooser's (:func:`~desktop_signer.tokens.revocation_status.
check_revocation`), time-boxed. Only "revoked" refuses; "unknown" (offline, a service that
does not answer) goes on, as in the chooser: signing at B-LT asks again itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop_signer.identity import SigningIdentity
from desktop_signer.signing.errors import SigningError
from desktop_signer.tokens import revocation_status as rs

REQUEST_TIMEOUT_S = 2.0
TOTAL_TIMEOUT_S = 5.0

Lookup = Callable[[bytes, Sequence[bytes]], rs.RevocationStatus]


def _lookup(der: bytes, cas: Sequence[bytes]) -> rs.RevocationStatus:
    return rs.check_revocation(der, cas, request_timeout=REQUEST_TIMEOUT_S,
                               total_timeout=TOTAL_TIMEOUT_S)


def refuse_if_revoked(identity: SigningIdentity, known_cas: Sequence[bytes] = (), *,
                      lookup: Lookup = _lookup) -> rs.RevocationStatus:
    """The identity's revocation status; when revoked the identity is closed and
    ``SigningError("certificate_revoked")`` raised (params ``revoked_at``: ISO date or "",
    ``reason``: the CRL reason code's name or ""). ``known_cas``: DER of more CA
    certificates that may have issued it; the identity's own chain is added. Blocking."""
    cert = identity.certificate
    cas = [c.dump() for c in identity.other_certificates if c.ca] + list(known_cas)
    status = lookup(cert.dump(), cas)
    if status.state == rs.REVOKED:
        identity.close()
        raise SigningError(
            "certificate_revoked", status.detail,
            revoked_at=status.revoked_at.date().isoformat() if status.revoked_at else "",
            reason=status.reason, ca_revoked=status.ca_revoked)
    return status
