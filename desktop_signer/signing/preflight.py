"""Before the PIN: can the services the chosen level needs be reached? (issue 12 item 4)

B-T needs the TSA; B-LT and B-LTA also need the certificate's revocation services (OCSP or
a CRL). A failure found here is a question for the user (lower the level, or cancel),
asked before a PIN is typed, instead of a failed signature after it. "Reachable" means the
server answered HTTP at all (any status): whether it signs or knows the certificate is for
signing itself to find out.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests
from asn1crypto import x509

from desktop_signer.signing.options import Level


@dataclass(frozen=True)
class ServiceCheck:
    kind: str  # "tsa", "ocsp", "crl"
    url: str
    reachable: bool
    detail: str = ""


@dataclass(frozen=True)
class Preflight:
    level: Level
    checks: tuple[ServiceCheck, ...]
    missing_tsa: bool = False  # the level needs a TSA and none is configured

    @property
    def tsa_ok(self) -> bool:
        tsa = [c for c in self.checks if c.kind == "tsa"]
        return not self.missing_tsa and all(c.reachable for c in tsa)

    @property
    def revocation_ok(self) -> bool:
        rev = [c for c in self.checks if c.kind in ("ocsp", "crl")]
        return not rev or any(c.reachable for c in rev)

    @property
    def ok(self) -> bool:
        if self.level == "B-B":
            return True
        if self.level == "B-T":
            return self.tsa_ok
        return self.tsa_ok and self.revocation_ok

    @property
    def highest_possible(self) -> Level:
        """The best level the services allow now (what the window offers instead)."""
        if not self.tsa_ok:
            return "B-B"
        if self.level in ("B-LT", "B-LTA") and not self.revocation_ok:
            return "B-T"
        return self.level


def revocation_urls(cert: x509.Certificate) -> list[tuple[str, str]]:
    out = [("ocsp", str(url)) for url in cert.ocsp_urls]
    out += [("crl", str(dp.url)) for dp in cert.crl_distribution_points if dp.url]
    return out


def _reach(kind: str, url: str, timeout: float) -> ServiceCheck:
    try:
        requests.get(url, timeout=timeout, allow_redirects=False)
    except requests.RequestException as exc:
        return ServiceCheck(kind, url, False, type(exc).__name__)
    return ServiceCheck(kind, url, True)


def check_services(level: Level, tsa_url: str | None, certificate_der: bytes,
                   *, timeout: float = 5.0) -> Preflight:
    """Ask every service the level needs whether it answers (in parallel)."""
    wanted: list[tuple[str, str]] = []
    missing_tsa = False
    if level != "B-B":
        if tsa_url:
            wanted.append(("tsa", tsa_url))
        else:
            missing_tsa = True
    if level in ("B-LT", "B-LTA") and certificate_der:
        wanted += revocation_urls(x509.Certificate.load(certificate_der))
    if not wanted:
        return Preflight(level, (), missing_tsa)
    with ThreadPoolExecutor(max_workers=min(len(wanted), 4)) as pool:
        checks: Sequence[ServiceCheck] = list(pool.map(
            lambda kw: _reach(kw[0], kw[1], timeout), wanted))
    return Preflight(level, tuple(checks), missing_tsa)
