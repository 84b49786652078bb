"""A CAdES content timestamp is a lower bound of the signing time (issue 10, class 4).

The signed attribute ``id-aa-ets-contentTimestamp`` (ETSI EN 319 122-1 §5.2.8) timestamps
the signed content *before* it is signed: the signature cannot be older than the token. So
when a trusted content timestamp is later than the signer certificate's expiry, or than its
revocation, the certificate was already expired or revoked when the document was signed:
the signature is invalid (EN 319 102-1 §5.6.2.5: TOTAL-FAILED, not INDETERMINATE), not
merely unprovable. Without such a lower bound the same certificate problem stays what
:mod:`.trustcheck` judged (``expired`` indeterminate, ``revoked`` by its dates).
"""

from __future__ import annotations

from datetime import datetime

from asn1crypto import x509

from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import Finding


def _when(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def apply_content_time(
    findings: list[Finding], cert: x509.Certificate, content_time: datetime
) -> list[Finding]:
    """``findings`` with the certificate problems that the content time proves turned into
    ``invalid`` (reason ``content_timestamp``, the time in ``at``)."""
    at = content_time.isoformat()
    out: list[Finding] = []
    expired_added = False
    for f in findings:
        if f.code == "expired" and f.param("what", "signer") == "signer" and f.effect != "none":
            if content_time > cert.not_valid_after:
                out.append(
                    finding("expired", effect="invalid", what="signer",
                            reason="content_timestamp",
                            expired_on=cert.not_valid_after.isoformat(), at=at)
                )
                expired_added = True
                continue
        if f.code == "revoked" and f.param("what", "signer") == "signer" and f.effect != "invalid":
            revoked_on = _when(f.param("date"))
            if revoked_on is not None and revoked_on < content_time:
                params = {**dict(f.params), "proof": "content_timestamp", "at": at}
                out.append(Finding("revoked", "error", "invalid", tuple(sorted(params.items()))))
                continue
        out.append(f)
    if not expired_added and content_time > cert.not_valid_after and not any(
        f.code == "expired" and f.effect == "invalid" for f in out
    ):
        # judged at a moment (--at) when the certificate was still valid, yet the content
        # was timestamped after it expired: the signature was made with an expired certificate
        out.append(
            finding("expired", effect="invalid", what="signer", reason="content_timestamp",
                    expired_on=cert.not_valid_after.isoformat(), at=at)
        )
    return out
