"""What a user needs to know about a signing certificate, as plain data.

BSrE puts the holder's id into the subject: the NIP (18 digits) or NIK (16 digits) in the
``description`` attribute as ``<id>_Tanda Tangan Elektronik``; other CAs use
``serialNumber`` (e.g. ``NIK3201...`` or ``PNOID-...``). We show whichever is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import x509

import desktop_signer.pki.names  # noqa: F401  (teaches asn1crypto the description attribute)

EXPIRY_WARNING_DAYS = 30
_DIGITS = re.compile(r"\d{8,}")


@dataclass(frozen=True)
class CertificateInfo:
    subject_name: str  # common name
    organization: str
    id_number: str  # NIP/NIK or another id found in the subject; "" if none
    id_kind: str  # "nip" (18 digits), "nik" (16 digits), "other", or ""
    subject: str  # the whole subject, readable
    issuer_name: str  # issuer's common name
    issuer: str  # the whole issuer, readable
    serial_hex: str
    not_before: datetime
    not_after: datetime
    key_usage: tuple[str, ...]  # asn1crypto names, sorted
    extended_key_usage: tuple[str, ...]
    key_type: str  # "rsa", "ec", ...
    key_size: int  # bits
    is_ca: bool
    can_sign: bool  # digitalSignature or nonRepudiation (or no keyUsage extension at all)
    missing_non_repudiation: bool
    expired: bool
    not_yet_valid: bool
    expiring_soon: bool  # valid now, but ends within EXPIRY_WARNING_DAYS
    days_left: int
    sha256: str  # fingerprint, hex

    @property
    def problems(self) -> tuple[str, ...]:
        """Stable codes for what is wrong or worth a warning, most serious first."""
        out: list[str] = []
        if self.expired:
            out.append("expired")
        if self.not_yet_valid:
            out.append("not_yet_valid")
        if not self.can_sign:
            out.append("no_signing_usage")
        elif self.missing_non_repudiation:
            out.append("missing_non_repudiation")
        if self.expiring_soon:
            out.append("expiring_soon")
        return tuple(out)


def _attr(name: x509.Name, key: str) -> str:
    value = name.native.get(key, "")
    if isinstance(value, list):  # repeated attribute
        value = ", ".join(str(v) for v in value)
    return str(value)


def find_id_number(subject: x509.Name) -> tuple[str, str]:
    """(id, kind) from ``description`` (BSrE) or ``serialNumber``; ("", "") if none."""
    for key in ("description", "serial_number"):
        text = _attr(subject, key)
        match = _DIGITS.search(text)
        if match:
            number = match.group(0)
            kind = {18: "nip", 16: "nik"}.get(len(number), "other")
            return number, kind
        if key == "serial_number" and text:
            return text, "other"
    return "", ""


def describe(cert: x509.Certificate, now: datetime | None = None) -> CertificateInfo:
    now = now or datetime.now(UTC)
    not_before = cert.not_valid_before
    not_after = cert.not_valid_after
    ku = cert.key_usage_value
    key_usage = tuple(sorted(ku.native)) if ku is not None else ()
    eku = cert.extended_key_usage_value
    ext_usage = tuple(sorted(str(u) for u in eku.native)) if eku is not None else ()
    # RFC 5280: without a keyUsage extension the key is not restricted.
    can_sign = ku is None or bool({"digital_signature", "non_repudiation"} & set(key_usage))
    missing_nr = ku is not None and "non_repudiation" not in key_usage
    expired = now > not_after
    not_yet_valid = now < not_before
    left = not_after - now
    id_number, id_kind = find_id_number(cert.subject)
    public_key = cert.public_key
    try:
        key_size = int(public_key.bit_size)
    except (ValueError, KeyError):  # unknown curves and algorithms
        key_size = 0
    return CertificateInfo(
        subject_name=_attr(cert.subject, "common_name"),
        organization=_attr(cert.subject, "organization_name"),
        id_number=id_number,
        id_kind=id_kind,
        subject=cert.subject.human_friendly,
        issuer_name=_attr(cert.issuer, "common_name"),
        issuer=cert.issuer.human_friendly,
        serial_hex=format(cert.serial_number, "X"),
        not_before=not_before,
        not_after=not_after,
        key_usage=key_usage,
        extended_key_usage=ext_usage,
        key_type=str(public_key.algorithm),
        key_size=key_size,
        is_ca=bool(cert.ca),
        can_sign=can_sign,
        missing_non_repudiation=missing_nr,
        expired=expired,
        not_yet_valid=not_yet_valid,
        expiring_soon=(not expired and not not_yet_valid
                       and left <= timedelta(days=EXPIRY_WARNING_DAYS)),
        days_left=left.days,
        sha256=cert.sha256.hex(),
    )
