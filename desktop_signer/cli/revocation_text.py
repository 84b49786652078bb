"""A revoked certificate's sentence on the command line, with its date and reason
(``tokens`` and ``sign`` both say it the same way)."""

from __future__ import annotations

from desktop_signer.cli.i18n import Catalogue
from desktop_signer.tokens.revocation_status import RevocationStatus


def revoked_sentence(status: RevocationStatus, t: Catalogue) -> str:
    return revoked_sentence_of(
        status.revoked_at.date().isoformat() if status.revoked_at is not None else "",
        status.reason, status.ca_revoked, t)


def revoked_sentence_of(day: str, reason: str, ca_revoked: bool, t: Catalogue) -> str:
    """``day``: ISO date or ""; ``reason``: the CRL reason code's name or ""."""
    date = t("revocation_date", date=day) if day else ""
    try:
        why = t(f"revocation_reason_{reason}") if reason else ""
    except KeyError:  # "unspecified", or a code RFC 5280 may add
        why = ""
    because = t("revocation_reason", reason=why) if why else ""
    key = "certificate_status_ca_revoked" if ca_revoked else "certificate_status_revoked"
    return t(key, date=date, reason=because)
