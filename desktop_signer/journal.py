"""The signing journal (DESIGN §7): one SQLite row per signing attempt, success or failure.

What a row holds: when, the input and output file names, the output's full path (only
for this computer's history window: reports and CSVs never carry folders), the output's
SHA-256, the certificate's subject, signer name, serial and issuer, the key's kind,
the level asked for and the level made, the result and the error code, and the application
version. Never document content, never a PIN or a password. It feeds the yearly usage report
an agency sends BSrE (PKS Pasal 4 ayat 1 huruf g): see :mod:`desktop_signer.usage`.

A journal that cannot be written never blocks or undoes a signature. :class:`Journal`
never raises for its own storage: a row that cannot be written stays in memory, is tried
again with the next row and at :meth:`Journal.close`, and :attr:`Journal.problem` names
what went wrong (``journal_locked``, ``journal_corrupt``, ``journal_full``,
``journal_readonly``, ``journal_unavailable``) for the CLI and the window to tell the user.
A file that is not a readable journal is moved aside (``journal.sqlite3.broken-<time>``)
when the journal is next opened, and a new one is started. Several processes may write at
once: WAL mode and a busy timeout.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from desktop_signer import __version__, paths

if TYPE_CHECKING:
    from asn1crypto import x509

    from desktop_signer.identity import SigningIdentity
    from desktop_signer.signing.signer import SignResult

JOURNAL_FILE = "journal.sqlite3"
SCHEMA_VERSION = 2
BUSY_TIMEOUT = 5.0  # seconds another process may hold the write lock before we give up
RETRY_TIMEOUT = 0.2  # after a failed write: do not make every later document wait again

_CREATE_V1 = """
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


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Version 2: the signer's name (certificate common name) for the yearly report, and
    the output's full path for the window's history (open the file or its folder)."""
    db.execute("ALTER TABLE signings ADD COLUMN signer_name TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE signings ADD COLUMN output_path TEXT NOT NULL DEFAULT ''")
    for row_id, subject in db.execute("SELECT id, cert_subject FROM signings").fetchall():
        db.execute("UPDATE signings SET signer_name = ? WHERE id = ?",
                   (common_name_of(subject), row_id))


# migrations[n] turns version n into n + 1; version 0 is an empty file
_MIGRATIONS = {0: lambda db: [db.execute(s) for s in _CREATE_V1.split(";") if s.strip()],
               1: _v1_to_v2}


def common_name_of(human_friendly: str) -> str:
    """The common name in asn1crypto's ``human_friendly`` subject (rows of version 1)."""
    for part in human_friendly.split(", "):
        if part.startswith("Common Name: "):
            return part[len("Common Name: "):]
    return ""


def default_path() -> Path:
    return paths.user_data() / JOURNAL_FILE


@dataclass(frozen=True)
class JournalEntry:
    time_utc: str
    input_name: str
    output_name: str
    output_sha256: str
    cert_subject: str
    cert_serial: str  # hex; "" when the certificate was never reached (wrong PIN)
    cert_issuer: str
    key_kind: str  # "pkcs11", "pkcs12", "remote"
    requested_level: str
    level: str  # made; "" when it failed
    result: str  # "signed" or "failed"
    error_code: str
    app_version: str = __version__
    signer_name: str = ""  # the certificate's common name
    # where the output was (to be) written; only for this computer's history window,
    # never in a report or CSV
    output_path: str = ""
    id: int | None = None

    @classmethod
    def for_result(cls, result: SignResult, cert: x509.Certificate | None, key_kind: str,
                   when: datetime | None = None) -> JournalEntry:
        return cls(
            time_utc=_time(when),
            input_name=result.input.name,
            output_name=result.output.name,
            output_path=str(result.output.absolute()),
            output_sha256=result.output_sha256,
            level=result.level or "",
            result=result.status,
            error_code=result.error_code,
            key_kind=key_kind,
            requested_level=result.requested_level,
            **_certificate_fields(cert),
        )

    @classmethod
    def for_failure(cls, input_path: Path, output_path: Path, error_code: str,
                    key_kind: str, requested_level: str,
                    cert: x509.Certificate | None = None,
                    when: datetime | None = None) -> JournalEntry:
        """A document that was not signed because of ``error_code`` (a wrong PIN, a
        locked token, a service that did not answer, ...)."""
        return cls(
            time_utc=_time(when), input_name=input_path.name, output_name=output_path.name,
            output_path=str(output_path.absolute()),
            output_sha256="", level="", result="failed", error_code=error_code,
            key_kind=key_kind, requested_level=requested_level,
            **_certificate_fields(cert))


def certificate_of(identity: SigningIdentity) -> x509.Certificate | None:
    """The identity's certificate for a row, or None when it cannot say (a remote
    identity before the service answered): a failure row must never raise."""
    try:
        return identity.certificate
    except Exception:
        return None


def _time(when: datetime | None) -> str:
    return (when or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


class _CertificateFields(TypedDict):
    cert_subject: str
    cert_serial: str
    cert_issuer: str
    signer_name: str


def _certificate_fields(cert: x509.Certificate | None) -> _CertificateFields:
    if cert is None:
        return {"cert_subject": "", "cert_serial": "", "cert_issuer": "", "signer_name": ""}
    names = cert.subject.native
    common = names.get("common_name", "") if isinstance(names, dict) else ""
    return {
        "cert_subject": cert.subject.human_friendly,
        "cert_serial": format(cert.serial_number, "x"),
        "cert_issuer": cert.issuer.human_friendly,
        "signer_name": common if isinstance(common, str) else str(common),
    }


_COLUMNS = [f.name for f in fields(JournalEntry) if f.name != "id"]


def problem_code(exc: sqlite3.Error) -> str:
    """Our code for what SQLite said (its messages are stable across versions)."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "journal_locked"
    if "full" in text:
        return "journal_full"
    if "readonly" in text or "read-only" in text:
        return "journal_readonly"
    if isinstance(exc, sqlite3.DatabaseError) and (
            "malformed" in text or "not a database" in text or "corrupt" in text):
        return "journal_corrupt"
    return "journal_unavailable"


class Journal:
    """Safe to open from several processes; never raises because of its own file."""

    def __init__(self, path: Path | None = None, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = path or default_path()
        self.busy_timeout = busy_timeout
        self.problem = ""  # the last storage problem (a code), "" while all is well
        self.set_aside: Path | None = None  # where a broken journal was moved at opening
        self.unwritten: list[JournalEntry] = []  # rows not (yet) in the file
        self._db: sqlite3.Connection | None = None
        self._last_id = 0
        self._lock = threading.RLock()
        self._connect()

    def _connect(self, wait: float | None = None) -> None:
        """Open the file (``self._db``), or say in :attr:`problem` why not; ``wait``: how
        long a locked file is tried again (default: the busy timeout)."""
        try:
            self._db = self._open_waiting(self.busy_timeout if wait is None else wait)
        except sqlite3.Error as exc:
            code = problem_code(exc)
            if code == "journal_corrupt" and self._move_aside():
                try:
                    self._db = self._open()
                    return
                except sqlite3.Error as again:
                    exc, code = again, problem_code(again)
            self.problem = code
        except OSError as exc:  # the folder cannot be made
            self.problem = "journal_readonly" if exc.errno in (13, 30) else \
                "journal_unavailable"

    def _open_waiting(self, wait: float) -> sqlite3.Connection:
        # Two processes creating the journal at once (a window and a command-line batch
        # started together): switching to WAL needs a lock that SQLite does not wait for,
        # so "database is locked" can come at once despite the busy timeout. Try again
        # for as long as the busy timeout would have waited.
        deadline = time.monotonic() + wait
        pause = 0.02
        while True:
            try:
                return self._open()
            except sqlite3.OperationalError as exc:
                if problem_code(exc) != "journal_locked" or time.monotonic() >= deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread off: the window opens the journal on the GUI thread and signs
        # on a worker; our lock keeps one statement at a time
        db = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None,
                             check_same_thread=False)
        try:
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None:
                raise sqlite3.DatabaseError("file is not a database")
            db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            self._check(db)
            self._migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _check(db: sqlite3.Connection) -> None:
        verdict = db.execute("PRAGMA quick_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version == 0 and db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'signings'").fetchone():
            version = 1  # journals written before the version was kept (same as 1)
        if version > SCHEMA_VERSION:
            return  # a newer application wrote it: its rows only gain columns
        while version < SCHEMA_VERSION:
            db.execute("BEGIN IMMEDIATE")
            try:
                # another process may have migrated it while we waited for the lock
                current = int(db.execute("PRAGMA user_version").fetchone()[0])
                if current == 0 and db.execute(
                        "SELECT 1 FROM sqlite_master WHERE name = 'signings'").fetchone():
                    current = 1
                if current == version:
                    _MIGRATIONS[version](db)
                    current = version + 1
                    db.execute(f"PRAGMA user_version = {current}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            version = current

    def _move_aside(self) -> bool:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        try:
            self.path.replace(target)
        except OSError:
            return False
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").replace(Path(f"{target}{suffix}"))
        self.set_aside = target
        return True

    @property
    def available(self) -> bool:
        return self._db is not None

    def record(self, entry: JournalEntry) -> int | None:
        """Write ``entry`` (and any row that could not be written before); its row id, or
        None when it stays unwritten (:attr:`problem` says why). Never raises for the
        journal's file."""
        with self._lock:
            self.unwritten.append(entry)
            if not self._flush(RETRY_TIMEOUT if self.problem else None):
                return None
            return self._last_id

    def flush(self, timeout: float | None = None) -> bool:
        """Write the rows kept in memory; False when they stay there."""
        with self._lock:
            return self._flush(timeout)

    def _flush(self, timeout: float | None) -> bool:
        if not self.unwritten:
            return True
        if self._db is None and self.problem == "journal_locked":
            # it was busy when we opened it; it may not be now (a short try: a batch must
            # not wait the full busy timeout for every document while it stays locked)
            self._connect(timeout if timeout is not None else self.busy_timeout)
        if self._db is None:
            return False
        try:
            if timeout is not None:
                self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for entry in self.unwritten:
                    values = asdict(entry)
                    cursor = self._db.execute(
                        f"INSERT INTO signings ({', '.join(_COLUMNS)}) "
                        f"VALUES ({', '.join('?' for _ in _COLUMNS)})",
                        [values[c] for c in _COLUMNS])
                    self._last_id = int(cursor.lastrowid or 0)
                self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            self.problem = problem_code(exc)
            return False
        finally:
            if timeout is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
        self.unwritten.clear()
        self.problem = ""
        return True

    def entries(self, year: int | None = None) -> list[JournalEntry]:
        """The rows in the file (oldest first), of one year when asked; ``[]`` when the
        journal cannot be read."""
        if self._db is None:
            return []
        try:
            with self._lock:
                names = {row[1] for row in self._db.execute("PRAGMA table_info(signings)")}
                present = [c for c in _COLUMNS if c in names]
                query = f"SELECT id, {', '.join(present)} FROM signings"
                args: list[Any] = []
                if year is not None:
                    query += " WHERE time_utc >= ? AND time_utc < ?"
                    args = [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
                rows = self._db.execute(query + " ORDER BY id", args).fetchall()
        except sqlite3.Error as exc:
            self.problem = problem_code(exc)
            return []
        return [JournalEntry(**dict(zip(present, row[1:], strict=True)), id=row[0])
                for row in rows]

    def schema_version(self) -> int:
        if self._db is None:
            return 0
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def __iter__(self) -> Iterator[JournalEntry]:
        return iter(self.entries())

    def close(self) -> None:
        """Last try for unwritten rows (with the full busy timeout), then close."""
        with self._lock:
            if self._db is None:
                return
            self._flush(None)
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
