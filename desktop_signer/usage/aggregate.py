"""Counting journal rows into report rows, and adding other workstations' rows in.

A row's month is the month on this computer's clock (WIB, WITA or WIT), not UTC: a letter
signed on 1 January at 06:00 WIB belongs to January even though it was still 31 December
in UTC.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from desktop_signer.journal import Journal, JournalEntry, common_name_of
from desktop_signer.usage.csvfile import read_csv
from desktop_signer.usage.errors import UsageError
from desktop_signer.usage.model import UsageReport, UsageRow


def local_time(entry: JournalEntry) -> datetime:
    return datetime.fromisoformat(entry.time_utc).astimezone()


def _row_of(entry: JournalEntry, year: int, month: int) -> UsageRow:
    signed = entry.result == "signed"
    return UsageRow(
        year=year, month=month,
        signer=entry.signer_name or common_name_of(entry.cert_subject),
        certificate_serial=entry.cert_serial,
        issuer=common_name_of(entry.cert_issuer) or entry.cert_issuer,
        level=(entry.level if signed else entry.requested_level) or entry.requested_level,
        key_kind=entry.key_kind,
        signed=1 if signed else 0, failed=0 if signed else 1)


def rows_from_entries(entries: Iterable[JournalEntry], year: int) -> list[UsageRow]:
    """Signed and failed attempts of ``year`` (local time) counted per key; skipped
    documents (their output existed) are not attempts."""
    rows = []
    for entry in entries:
        if entry.result not in ("signed", "failed"):
            continue
        when = local_time(entry)
        if when.year == year:
            rows.append(_row_of(entry, year, when.month))
    return merge(rows)


def merge(rows: Iterable[UsageRow]) -> list[UsageRow]:
    """Rows with the same year, month, certificate, level and key kind added together."""
    totals: dict[tuple[int, int, str, str, str, str, str], list[int]] = {}
    for row in rows:
        counts = totals.setdefault(row.key, [0, 0])
        counts[0] += row.signed
        counts[1] += row.failed
    return sorted(UsageRow(*key, signed=v[0], failed=v[1]) for key, v in totals.items())


def failure_reasons(entries: Iterable[JournalEntry], year: int) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter(
        e.error_code or "unknown" for e in entries
        if e.result == "failed" and local_time(e).year == year)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def entries_for_year(journal: Journal, year: int) -> list[JournalEntry]:
    """The journal's rows that can fall in ``year`` on this computer's clock: the UTC
    year and a day on either side of it (Indonesia is UTC+7 to UTC+9)."""
    before = [e for e in journal.entries(year=year - 1) if e.time_utc >= f"{year - 1}-12-31"]
    after = [e for e in journal.entries(year=year + 1) if e.time_utc < f"{year + 1}-01-02"]
    return before + journal.entries(year=year) + after


def journal_entries(year: int, journal_path: Path | None = None) -> list[JournalEntry]:
    with Journal(journal_path) as journal:
        return entries_for_year(journal, year)


def build_report(year: int, *, workstation_csvs: Sequence[Path] = (), local: bool = True,
                 entries: Iterable[JournalEntry] | None = None,
                 journal_path: Path | None = None) -> UsageReport:
    """This workstation's journal (unless ``local`` is False) plus the given CSV files of
    the same year. Raises :class:`UsageError` for a CSV of another year or layout."""
    if not 1900 < year < 10000:
        raise UsageError("year_invalid", year=year)
    rows: list[UsageRow] = []
    reasons: list[tuple[str, int]] = []
    if local:
        found = list(entries) if entries is not None else journal_entries(year, journal_path)
        rows += rows_from_entries(found, year)
        reasons = failure_reasons(found, year)
    for path in workstation_csvs:
        rows += read_csv(path, year)
    return UsageReport(year=year, rows=tuple(merge(rows)), failure_reasons=tuple(reasons),
                       local=local, workstations=tuple(p.name for p in workstation_csvs))
