"""What a certificate file holds, before the user decides to trust it: subject, SHA-256 and
whether it matches a pin of the bundled registry (DESIGN §5.4: an imported file whose
SHA-256 equals a pin is marked as confirmed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CertificatePreview:
    subject: str
    issuer: str
    sha256: str  # upper-case hex
    is_ca: bool
    self_signed: bool
    pin_name: str | None  # the registry pin this certificate matches
    flag: str | None  # development_ca / training_ca


def preview_certificates(path: str | Path) -> tuple[CertificatePreview, ...]:
    """Raises :class:`desktop_signer.trust.TrustError` for a file that is not a certificate."""
    # imported here: the window unpickles CertificatePreview without loading asn1crypto
    from desktop_signer.trust import load_certificates, load_registry, sha256_hex

    registry = load_registry()
    out = []
    for cert in load_certificates(path):
        digest = sha256_hex(cert)
        pin = registry.pin_for(digest)
        out.append(CertificatePreview(
            subject=cert.subject.human_friendly,
            issuer=cert.issuer.human_friendly,
            sha256=digest.upper(),
            is_ca=bool(cert.ca),
            self_signed=cert.self_signed == "maybe" or cert.self_signed == "yes",
            pin_name=pin.name if pin else None,
            flag=registry.flag_for(cert),
        ))
    return tuple(out)
