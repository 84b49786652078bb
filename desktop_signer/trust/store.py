"""Where trust anchors come from (DESIGN §5.4) and how users and administrators add them.

Anchors: the bundled registry's certificate files (none are shipped today: the production
chain is known only by its pins), the administrator's folder, the user's folder, files given
on the command line (``--trust``), and the training root in training mode only. The
operating system's trust store is never used. Pins: a certificate whose SHA-256 equals an
accepted pin is an anchor wherever it is found, also inside a received document.

A :class:`TrustConfig` is plain bytes and strings so it crosses into the validation child.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from asn1crypto import x509

from desktop_signer import paths
from desktop_signer.paths import resources_dir
from desktop_signer.trust.certfiles import load_certificates, load_crl_bytes, sha256_hex, to_pem
from desktop_signer.trust.errors import TrustError
from desktop_signer.trust.registry import Registry, load_registry

Origin = Literal["bundled", "admin", "user", "cli", "training"]
TRUST_DIR = "trust"
ANCHORS_DIR = "anchors"
PINS_FILE = "pins.json"
_CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der", ".p7b", ".p7c")


@dataclass(frozen=True)
class Anchor:
    der: bytes
    origin: Origin
    sha256: str
    subject: str

    @classmethod
    def of(cls, cert: x509.Certificate, origin: Origin) -> Anchor:
        return cls(cert.dump(), origin, sha256_hex(cert), cert.subject.human_friendly)


@dataclass(frozen=True)
class TrustConfig:
    anchors: tuple[Anchor, ...] = ()
    accepted_pins: frozenset[str] = frozenset()
    extra_certs: tuple[bytes, ...] = ()  # --certs: intermediates for path building, not anchors
    local_crls: tuple[bytes, ...] = ()  # --crl: DER
    training_mode: bool = False
    refused: tuple[Anchor, ...] = ()  # anchors not used (the training root outside training mode)
    registry_file: str | None = None  # None: the bundled registry

    def registry(self) -> Registry:
        return load_registry(self.registry_file)


def user_trust_dir(base: Path | None = None) -> Path:
    return (base or paths.user_config()) / TRUST_DIR


def admin_trust_dir(base: Path | None = None) -> Path:
    return (base or paths.site_config()) / TRUST_DIR


def _certs_in_dir(folder: Path) -> list[x509.Certificate]:
    """Certificates of every readable file in ``folder``; unreadable files are skipped (an
    administrator's stray README must not stop verification)."""
    out: list[x509.Certificate] = []
    if not folder.is_dir():
        return out
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() in _CERT_SUFFIXES and file.is_file():
            try:
                out.extend(load_certificates(file))
            except TrustError:
                continue
    return out


def _read_pin_decisions(folder: Path) -> tuple[set[str], set[str]]:
    try:
        raw = json.loads((folder / PINS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set(), set()
    if not isinstance(raw, dict):
        return set(), set()
    accepted = {str(s).upper() for s in raw.get("accepted", []) if isinstance(s, str)}
    rejected = {str(s).upper() for s in raw.get("rejected", []) if isinstance(s, str)}
    return accepted, rejected


def accepted_pins(
    registry: Registry, user_dir: Path | None, admin_dir: Path | None
) -> frozenset[str]:
    """Bundled defaults, then the user's decisions, then the administrator's (which win)."""
    accepted = {p.sha256 for p in registry.pins if p.accepted_by_default}
    if user_dir is not None:
        ua, ur = _read_pin_decisions(user_dir)
        accepted = (accepted | (ua & {p.sha256 for p in registry.pins})) - ur
    if admin_dir is not None:
        aa, ar = _read_pin_decisions(admin_dir)
        accepted = (accepted | (aa & {p.sha256 for p in registry.pins})) - ar
    return frozenset(accepted)


def load_trust(
    *,
    cli_anchors: Sequence[str | Path] = (),
    cli_certs: Sequence[str | Path] = (),
    cli_crls: Sequence[str | Path] = (),
    training_mode: bool = False,
    training_root: str | Path | None = None,
    use_installed: bool = True,
    user_base: Path | None = None,
    admin_base: Path | None = None,
    registry_file: str | None = None,
) -> TrustConfig:
    """Collect every anchor for one verification run.

    ``use_installed=False`` leaves out the bundled, administrator and user anchors and pin
    decisions (the conformance test and ``--trust``-only runs use exactly what they list).
    Raises :class:`TrustError` for a command-line file that cannot be read.
    """
    registry = load_registry(registry_file)
    found: list[tuple[x509.Certificate, Origin]] = []
    user_dir = admin_dir = None
    if use_installed:
        user_dir, admin_dir = user_trust_dir(user_base), admin_trust_dir(admin_base)
        found += [(c, "bundled") for c in _certs_in_dir(resources_dir() / TRUST_DIR / ANCHORS_DIR)]
        found += [(c, "admin") for c in _certs_in_dir(admin_dir / ANCHORS_DIR)]
        found += [(c, "user") for c in _certs_in_dir(user_dir / ANCHORS_DIR)]
    for file in cli_anchors:
        found += [(c, "cli") for c in load_certificates(file)]
    if training_mode and training_root is not None:
        found += [(c, "training") for c in load_certificates(training_root)]

    anchors: list[Anchor] = []
    refused: list[Anchor] = []
    seen: set[str] = set()
    for cert, origin in found:
        anchor = Anchor.of(cert, origin)
        if anchor.sha256 in seen:
            continue
        seen.add(anchor.sha256)
        # The training root is never trusted outside training mode, whoever installed it.
        if registry.flag_for(cert) == "training_ca" and not training_mode:
            refused.append(anchor)
        else:
            anchors.append(anchor)

    extra = [c.dump() for file in cli_certs for c in load_certificates(file)]
    crls = [load_crl_bytes(file) for file in cli_crls]
    pins = (
        accepted_pins(registry, user_dir, admin_dir)
        if use_installed
        else frozenset(p.sha256 for p in registry.pins if p.accepted_by_default)
    )
    return TrustConfig(
        anchors=tuple(anchors),
        accepted_pins=pins,
        extra_certs=tuple(extra),
        local_crls=tuple(crls),
        training_mode=training_mode,
        refused=tuple(refused),
        registry_file=registry_file,
    )


@dataclass(frozen=True)
class ImportedCertificate:
    sha256: str
    subject: str
    is_ca: bool
    confirmed_pin: str | None  # name of the registry pin this file matches, if any
    stored_at: str
    flag: str | None  # development_ca / training_ca


def import_certificates(
    files: Iterable[str | Path],
    scope: Literal["user", "admin"] = "user",
    base: Path | None = None,
    registry_file: str | None = None,
) -> list[ImportedCertificate]:
    """Copy the certificates of PEM/DER/.p7b/.p7c files into the user's (or, for an
    administrator, the system-wide) anchor folder, one PEM file per certificate named by its
    SHA-256. A certificate matching a pin is reported as confirmed."""
    registry = load_registry(registry_file)
    folder = (user_trust_dir(base) if scope == "user" else admin_trust_dir(base)) / ANCHORS_DIR
    certs = [c for f in files for c in load_certificates(f)]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TrustError("anchors_not_writable", str(exc), path=str(folder)) from exc
    from desktop_signer.settings import write_atomic

    out: list[ImportedCertificate] = []
    for cert in certs:
        digest = sha256_hex(cert)
        target = folder / f"{digest.lower()}.pem"
        try:
            write_atomic(target, to_pem(cert))
        except OSError as exc:
            raise TrustError("anchors_not_writable", str(exc), path=str(folder)) from exc
        pin = registry.pin_for(digest)
        out.append(
            ImportedCertificate(
                sha256=digest,
                subject=cert.subject.human_friendly,
                is_ca=bool(cert.ca),
                confirmed_pin=pin.name if pin else None,
                stored_at=str(target),
                flag=registry.flag_for(cert),
            )
        )
    return out


def remove_certificate(
    sha256: str,
    scope: Literal["user", "admin"] = "user",
    base: Path | None = None,
) -> int:
    """Take a certificate out of the user's (or administrator's) anchor folder.

    Files holding only that certificate are deleted; a bundle holding others too is
    rewritten without it (atomically). Returns how many files changed; 0 when the
    certificate was not in that folder (bundled, command-line and training anchors are
    not stored there and cannot be removed this way)."""
    folder = (user_trust_dir(base) if scope == "user" else admin_trust_dir(base)) / ANCHORS_DIR
    wanted = sha256.upper()
    if not folder.is_dir():
        return 0
    from desktop_signer.settings import write_atomic

    changed = 0
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() not in _CERT_SUFFIXES or not file.is_file():
            continue
        try:
            certs = load_certificates(file)
        except TrustError:
            continue
        keep = [c for c in certs if sha256_hex(c).upper() != wanted]
        if len(keep) == len(certs):
            continue
        try:
            if keep:
                write_atomic(file, b"".join(to_pem(c) for c in keep))
            else:
                file.unlink()
        except OSError as exc:
            raise TrustError("anchors_not_writable", str(exc), path=str(folder)) from exc
        changed += 1
    return changed
