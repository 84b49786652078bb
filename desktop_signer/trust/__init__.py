"""Trust anchors, pins and known non-production CAs (DESIGN §5.4)."""

from desktop_signer.trust.certfiles import load_certificates, sha256_hex
from desktop_signer.trust.errors import TrustError
from desktop_signer.trust.registry import Registry, load_registry
from desktop_signer.trust.store import (
    Anchor,
    ImportedCertificate,
    TrustConfig,
    import_certificates,
    load_trust,
    remove_certificate,
)

__all__ = [
    "Anchor",
    "ImportedCertificate",
    "Registry",
    "TrustConfig",
    "TrustError",
    "import_certificates",
    "load_certificates",
    "load_registry",
    "load_trust",
    "remove_certificate",
    "sha256_hex",
]
