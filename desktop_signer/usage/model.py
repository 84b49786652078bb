"""What the yearly report is made of: counted rows, immutable."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

# the CSV's columns, in order (DESIGN §7; agencies merge these files, keep them stable)
COLUMNS = ("year", "month", "signer", "certificate_serial", "issuer", "level", "key_kind",
           "signed", "failed")


@dataclass(frozen=True, order=True)
class UsageRow:
    year: int
    month: int  # 1..12
    signer: str  # the certificate's common name; "" when the certificate was never reached
    certificate_serial: str  # hex
    issuer: str  # the issuing CA's common name
    level: str  # made (signed) or asked for (failed)
    key_kind: str  # pkcs11, pkcs12, remote
    signed: int = 0
    failed: int = 0

    @property
    def key(self) -> tuple[int, int, str, str, str, str, str]:
        return (self.year, self.month, self.signer, self.certificate_serial, self.issuer,
                self.level, self.key_kind)


@dataclass(frozen=True)
class CertificateTotal:
    signer: str
    certificate_serial: str
    issuer: str
    signed: int
    failed: int


@dataclass(frozen=True)
class UsageReport:
    year: int
    rows: tuple[UsageRow, ...]  # merged: one per key, sorted
    # failures by error code, from this workstation's journal (the CSV has no reasons)
    failure_reasons: tuple[tuple[str, int], ...] = ()
    local: bool = True  # this workstation's journal is counted
    workstations: tuple[str, ...] = field(default=())  # names of the CSV files added in

    @property
    def signed(self) -> int:
        return sum(r.signed for r in self.rows)

    @property
    def failed(self) -> int:
        return sum(r.failed for r in self.rows)

    @property
    def certificates_used(self) -> int:
        """Certificates with a known serial (attempts that failed before the login name
        none)."""
        return len({(r.certificate_serial, r.issuer) for r in self.rows
                    if r.certificate_serial})

    def by_month(self) -> list[tuple[int, int, int]]:
        """(month, signed, failed) for all twelve months."""
        signed: Counter[int] = Counter()
        failed: Counter[int] = Counter()
        for r in self.rows:
            signed[r.month] += r.signed
            failed[r.month] += r.failed
        return [(m, signed[m], failed[m]) for m in range(1, 13)]

    def by_certificate(self) -> list[CertificateTotal]:
        totals: dict[tuple[str, str, str], list[int]] = {}
        for r in self.rows:
            counts = totals.setdefault((r.signer, r.certificate_serial, r.issuer), [0, 0])
            counts[0] += r.signed
            counts[1] += r.failed
        return sorted((CertificateTotal(k[0], k[1], k[2], v[0], v[1])
                       for k, v in totals.items()),
                      key=lambda c: (-c.signed, c.signer, c.certificate_serial))

    def by_level_and_kind(self) -> list[tuple[str, str, int, int]]:
        """(level, key kind, signed, failed)."""
        totals: dict[tuple[str, str], list[int]] = {}
        for r in self.rows:
            counts = totals.setdefault((r.level, r.key_kind), [0, 0])
            counts[0] += r.signed
            counts[1] += r.failed
        return sorted((k[0], k[1], v[0], v[1]) for k, v in totals.items())


@dataclass(frozen=True)
class ReportInfo:
    """What the PDF says besides the counts."""

    agency: str = ""
    language: Literal["id", "en"] = "id"
    # the official logo configured as profile.bsre_logo (PNG, JPEG or SVG); None or another
    # kind of file: the bundled one
    logo: Path | None = None
    generated_at: datetime | None = None
