"""The signing history as the window shows it: the journal's rows as plain, immutable
values, newest first, with the time on this computer's clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_signer.journal import Journal, JournalEntry, common_name_of


@dataclass(frozen=True)
class HistoryRow:
    id: int
    when: datetime  # local time
    input_name: str
    output_name: str
    output_path: str  # "" for rows written before version 2
    signer: str
    certificate_serial: str
    level: str  # made (signed) or asked for (failed)
    key_kind: str
    result: str  # "signed" or "failed"
    error_code: str
    output_exists: bool  # the signed file is still where it was written

    @property
    def folder(self) -> str:
        return str(Path(self.output_path).parent) if self.output_path else ""


@dataclass(frozen=True)
class History:
    rows: tuple[HistoryRow, ...]
    journal_path: Path
    problem: str = ""  # the journal could not be read (a code of desktop_signer.journal)
    set_aside: Path | None = None  # a broken journal was moved here when it was opened

    def years(self) -> list[int]:
        return sorted({r.when.year for r in self.rows}, reverse=True)


def _row(entry: JournalEntry) -> HistoryRow:
    signed = entry.result == "signed"
    return HistoryRow(
        id=entry.id or 0,
        when=datetime.fromisoformat(entry.time_utc).astimezone(),
        input_name=entry.input_name, output_name=entry.output_name,
        output_path=entry.output_path,
        signer=entry.signer_name or common_name_of(entry.cert_subject),
        certificate_serial=entry.cert_serial,
        level=(entry.level if signed else entry.requested_level) or entry.requested_level,
        key_kind=entry.key_kind, result=entry.result, error_code=entry.error_code,
        output_exists=signed and bool(entry.output_path) and Path(entry.output_path).is_file())


def load_history(journal_path: Path | None = None) -> History:
    """Every row of the journal (opening it repairs a broken one, see ``journal``)."""
    with Journal(journal_path) as journal:
        entries = journal.entries()
        problem = journal.problem if not journal.available else ""
        return History(tuple(_row(e) for e in reversed(entries)), journal.path, problem,
                       journal.set_aside)


@dataclass(frozen=True)
class JournalHealth:
    problem: str  # "" when the journal can be written
    set_aside: Path | None  # a broken journal moved aside just now


def check_journal(journal_path: Path | None = None) -> JournalHealth:
    """Open the journal once at start: a broken file is set aside (and a new journal
    started) before the first signature, and the window can say so."""
    with Journal(journal_path) as journal:
        return JournalHealth(journal.problem, journal.set_aside)
