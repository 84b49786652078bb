"""The signing journal (DESIGN §7): one SQLite row per signing attempt, success or failure.

What a row holds: when, the input and output file names (names only, no folders), the
output's SHA-256, the certificate's subject, serial and issuer, the key's kind, the level
asked for and the level made, the result and the error code, and the application version.
Never document content, never a PIN or a password. It feeds the yearly usage report an
agency sends BSrE (PKS Pasal 4 ayat 1 huruf g).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_signer import __version__, paths

if TYPE_CHECKING:
    from asn1crypto import x509

    from desktop_signer.signing.signer import SignResult

JOURNAL_FILE = "journal.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS signings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time_utc TEXT NOT NULL,
    input_name TEXT NOT NULL,
    output_name TEXT NOT NULL,
    output_sha256 TEXT NOT NULL,
    cert_subject TEXT NOT NULL,
    cert_serial TEXT NOT NULL,
    cert_issuer TEXT NOT NULL,
    key_kind TEXT NOT NULL,
    requested_level TEXT NOT NULL,
    level TEXT NOT NULL,
    result TEXT NOT NULL,
    error_code TEXT NOT NULL,
    app_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS signings_time ON signings (time_utc);
"""


def default_path() -> Path:
    return paths.user_data() / JOURNAL_FILE


@dataclass(frozen=True)
class JournalEntry:
    time_utc: str
    input_name: str
    output_name: str
    output_sha256: str
    cert_subject: str
    cert_serial: str  # hex
    cert_issuer: str
    key_kind: str  # "pkcs11", "pkcs12"
    requested_level: str
    level: str  # made; "" when it failed
    result: str  # "signed" or "failed"
    error_code: str
    app_version: str = __version__
    id: int | None = None

    @classmethod
    def for_result(cls, result: SignResult, cert: x509.Certificate, key_kind: str,
                   when: datetime | None = None) -> JournalEntry:
        return cls(
            time_utc=(when or datetime.now(UTC)).isoformat(timespec="seconds"),
            input_name=result.input.name,
            output_name=result.output.name,
            output_sha256=result.output_sha256,
            cert_subject=cert.subject.human_friendly,
            cert_serial=format(cert.serial_number, "x"),
            cert_issuer=cert.issuer.human_friendly,
            key_kind=key_kind,
            requested_level=result.requested_level,
            level=result.level or "",
            result=result.status,
            error_code=result.error_code,
        )


_COLUMNS = [f.name for f in fields(JournalEntry) if f.name != "id"]


class Journal:
    """Append-only in practice; safe to open from several processes (SQLite locking)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=10.0)
        with self._db:
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def record(self, entry: JournalEntry) -> int:
        values = asdict(entry)
        with self._db:
            cursor = self._db.execute(
                f"INSERT INTO signings ({', '.join(_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in _COLUMNS)})",
                [values[c] for c in _COLUMNS])
        return int(cursor.lastrowid or 0)

    def entries(self, year: int | None = None) -> list[JournalEntry]:
        query = f"SELECT id, {', '.join(_COLUMNS)} FROM signings"
        args: list[Any] = []
        if year is not None:
            query += " WHERE time_utc >= ? AND time_utc < ?"
            args = [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        query += " ORDER BY id"
        return [JournalEntry(**dict(zip(_COLUMNS, row[1:], strict=True)), id=row[0])
                for row in self._db.execute(query, args)]

    def __iter__(self) -> Iterator[JournalEntry]:
        return iter(self.entries())

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
