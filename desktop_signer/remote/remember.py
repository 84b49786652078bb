"""What the settings keep after a successful remote signature (issue 13 item 2): the login
that worked (``esc.nik`` or ``esc.email``; the other one is cleared, so the next start uses
the same) and the certificate's name, for the stamp before the next first signature
(``esc.signer_name``: the service's certificate is known only once it has signed). Never a
secret. The CLI and the window both save exactly this."""

from __future__ import annotations

from typing import Any

from asn1crypto import x509

from desktop_signer.remote.account import EscAccount


def remembered_login(account: EscAccount, certificate: x509.Certificate | None
                     ) -> dict[str, Any]:
    """Dotted settings keys and their new values."""
    login = account.login
    values: dict[str, Any] = {"esc.nik": login.nik, "esc.email": login.email}
    name = signer_name(certificate) if certificate is not None else ""
    if name:
        values["esc.signer_name"] = name
    return values


def signer_name(certificate: x509.Certificate) -> str:
    common = certificate.subject.native.get("common_name", "")
    if isinstance(common, list):  # several CN attributes: the first
        common = common[0] if common else ""
    return str(common).strip()
