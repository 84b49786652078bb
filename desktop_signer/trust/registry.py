"""The bundled trust registry (``resources/trust/registry.json``): pins and non-production CAs.

Data, not code: a new BSrE chain or another development CA is a change to the JSON file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from asn1crypto import x509

from desktop_signer.paths import resources_dir
from desktop_signer.trust.certfiles import sha256_hex
from desktop_signer.trust.errors import TrustError

REGISTRY_NAME = "registry.json"


@dataclass(frozen=True)
class Pin:
    name: str
    operator: str
    role: str  # "root" or "intermediate"
    sha256: str  # upper-case hex
    accepted_by_default: bool


@dataclass(frozen=True)
class NonProductionCA:
    flag: str  # "development_ca" or "training_ca"
    name: str
    common_name: str
    organization_name: str | None
    sha256: frozenset[str]

    def matches(self, cert: x509.Certificate) -> bool:
        if sha256_hex(cert) in self.sha256:
            return True
        subject = cert.subject.native
        if subject.get("common_name") != self.common_name:
            return False
        return self.organization_name is None or (
            subject.get("organization_name") == self.organization_name
        )


@dataclass(frozen=True)
class Registry:
    pins: tuple[Pin, ...]
    non_production: tuple[NonProductionCA, ...]

    def pin_for(self, sha256: str) -> Pin | None:
        for pin in self.pins:
            if pin.sha256 == sha256.upper():
                return pin
        return None

    def flag_for(self, cert: x509.Certificate) -> str | None:
        """``development_ca``/``training_ca`` when ``cert`` is a known non-production CA."""
        for ca in self.non_production:
            if ca.matches(cert):
                return ca.flag
        return None


def _parse(raw: dict[str, Any]) -> Registry:
    pins = tuple(
        Pin(
            name=str(p["name"]),
            operator=str(p.get("operator", "")),
            role=str(p.get("role", "root")),
            sha256=str(p["sha256"]).upper(),
            accepted_by_default=bool(p.get("accepted_by_default", False)),
        )
        for p in raw.get("pins", [])
    )
    non_production = tuple(
        NonProductionCA(
            flag=str(n["flag"]),
            name=str(n.get("name", "")),
            common_name=str(n["subject"]["common_name"]),
            organization_name=n["subject"].get("organization_name"),
            sha256=frozenset(str(h).upper() for h in n.get("sha256", [])),
        )
        for n in raw.get("non_production", [])
    )
    return Registry(pins, non_production)


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> Registry:
    file = Path(path) if path else resources_dir() / "trust" / REGISTRY_NAME
    try:
        return _parse(json.loads(file.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TrustError("registry_broken", str(exc), path=str(file)) from exc
