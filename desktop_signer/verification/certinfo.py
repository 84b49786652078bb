"""Who signed: signer and chain details from X.509 certificates (agency question 1)."""

from __future__ import annotations

import re
from datetime import datetime

from asn1crypto import x509

from desktop_signer.pki import names as _names  # noqa: F401  (registers 'description')
from desktop_signer.trust.certfiles import sha256_hex
from desktop_signer.verification.model import ChainCertificate, Signer

# BSrE: "<NIP or NIK>_Tanda Tangan Elektronik" in the description attribute
_ID_IN_DESCRIPTION = re.compile(r"^\s*(\d{8,20})(?![0-9])")


def _first(value: object) -> str | None:
    if isinstance(value, list):
        return str(value[0]) if value else None
    return None if value is None else str(value)


def identifier_of(cert: x509.Certificate) -> str | None:
    subject = cert.subject.native
    description = _first(subject.get("description"))
    if description:
        m = _ID_IN_DESCRIPTION.match(description)
        if m:
            return m.group(1)
    serial = _first(subject.get("serial_number"))
    return serial or None


def _time(cert: x509.Certificate, which: str) -> datetime:
    value: datetime = cert["tbs_certificate"]["validity"][which].native
    return value


def signer_of(cert: x509.Certificate) -> Signer:
    subject = cert.subject.native
    name = _first(subject.get("common_name")) or cert.subject.human_friendly
    return Signer(
        name=name,
        organization=_first(subject.get("organization_name")),
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
        serial=format(cert.serial_number, "X"),
        sha256=sha256_hex(cert),
        not_before=_time(cert, "not_before"),
        not_after=_time(cert, "not_after"),
        identifier=identifier_of(cert),
    )


def chain_entry(cert: x509.Certificate) -> ChainCertificate:
    return ChainCertificate(
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
        not_before=_time(cert, "not_before"),
        not_after=_time(cert, "not_after"),
        sha256=sha256_hex(cert),
    )


def issuer_walk(
    cert: x509.Certificate, pool: list[x509.Certificate], limit: int = 10
) -> list[x509.Certificate]:
    """``cert`` and its issuers found in ``pool`` by name (no signature checks: this is for
    naming and flagging a chain that may not validate, never for trust)."""
    chain = [cert]
    current = cert
    for _ in range(limit):
        if current.self_issued:
            break
        issuer = next(
            (c for c in pool if c.subject == current.issuer and c.dump() != current.dump()), None
        )
        if issuer is None or any(issuer.dump() == c.dump() for c in chain):
            break
        chain.append(issuer)
        current = issuer
    return chain
