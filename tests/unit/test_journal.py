"""The journal's storage: rows survive reopening, the year filter, the default location."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_signer.journal import SCHEMA_VERSION, Journal, JournalEntry, default_path


def entry(when: str, result: str = "signed") -> JournalEntry:
    return JournalEntry(time_utc=when, input_name="a.pdf", output_name="a_signed.pdf",
                        output_sha256="ab" * 32, cert_subject="Common Name: Budi",
                        cert_serial="1f", cert_issuer="Common Name: CA", key_kind="pkcs12",
                        requested_level="B-LT", level="B-LT", result=result, error_code="")


def test_rows_persist_and_filter_by_year(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        first = journal.record(entry("2024-12-31T23:59:59+00:00"))
        journal.record(entry("2025-01-01T00:00:00+00:00", "failed"))
    with Journal(path) as journal:
        rows = journal.entries()
        assert [r.id for r in rows] == [first, first + 1]
        assert [r.result for r in journal.entries(year=2025)] == ["failed"]
        assert [r.time_utc[:4] for r in journal.entries(year=2024)] == ["2024"]
        assert rows[0] == entry("2024-12-31T23:59:59+00:00").__class__(
            **{**rows[0].__dict__})


def test_default_location_is_the_user_data_folder(isolated_dirs: dict[str, Path]) -> None:
    assert default_path().is_relative_to(isolated_dirs["data"])
    with Journal() as journal:
        journal.record(entry("2025-06-05T08:00:00+00:00"))
    assert default_path().is_file()


V1_SCHEMA = """
CREATE TABLE signings (
    id INTEGER PRIMARY KEY AUTOINCREMENT, time_utc TEXT NOT NULL, input_name TEXT NOT NULL,
    output_name TEXT NOT NULL, output_sha256 TEXT NOT NULL, cert_subject TEXT NOT NULL,
    cert_serial TEXT NOT NULL, cert_issuer TEXT NOT NULL, key_kind TEXT NOT NULL,
    requested_level TEXT NOT NULL, level TEXT NOT NULL, result TEXT NOT NULL,
    error_code TEXT NOT NULL, app_version TEXT NOT NULL);
CREATE INDEX signings_time ON signings (time_utc);
"""


def test_a_version_1_journal_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with sqlite3.connect(path) as db:  # as the first release wrote it
        db.executescript(V1_SCHEMA)
        db.execute("INSERT INTO signings VALUES (NULL, '2025-03-01T02:00:00+00:00', 'a.pdf', "
                   "'a_signed.pdf', 'ab', 'Common Name: Budi Santoso, Organization: Dinas', "
                   "'1f', 'Common Name: CA', 'pkcs11', 'B-LT', 'B-LT', 'signed', '', '0.1.0')")
        db.execute("PRAGMA user_version = 1")
    db.close()
    with Journal(path) as journal:
        assert journal.schema_version() == SCHEMA_VERSION == 2
        (row,) = journal.entries()
        assert row.signer_name == "Budi Santoso" and row.app_version == "0.1.0"
        journal.record(entry("2025-03-02T02:00:00+00:00"))
        assert len(journal.entries()) == 2
    with Journal(path) as journal:  # opening again migrates nothing twice
        assert journal.schema_version() == 2 and len(journal.entries()) == 2


def test_a_broken_file_is_set_aside_and_a_new_journal_started(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not SQLite" * 300)
    with Journal(path) as journal:
        assert journal.available and journal.problem == ""
        assert journal.set_aside is not None and journal.set_aside.name.startswith(
            "journal.sqlite3.broken-")
        assert journal.set_aside.read_bytes() == b"this is not SQLite" * 300
        assert journal.record(entry("2025-06-05T08:00:00+00:00")) is not None
    with Journal(path) as journal:
        assert len(journal.entries()) == 1 and journal.set_aside is None


def test_a_locked_journal_keeps_the_row_and_writes_it_later(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    other = sqlite3.connect(path, isolation_level=None)  # another program holds the lock
    other.execute("BEGIN EXCLUSIVE")
    journal = Journal(path, busy_timeout=0.2)
    assert journal.record(entry("2025-06-05T08:00:00+00:00")) is None
    assert journal.problem == "journal_locked" and len(journal.unwritten) == 1
    other.execute("ROLLBACK")
    other.close()
    assert journal.record(entry("2025-06-06T08:00:00+00:00")) is not None
    assert journal.problem == "" and journal.unwritten == []
    assert [e.time_utc[:10] for e in journal.entries()] == ["2025-06-05", "2025-06-06"]
    journal.close()


def test_a_journal_locked_while_it_is_opened_is_opened_again_later(tmp_path: Path) -> None:
    # Two programs creating the journal together: the one that finds it locked at opening
    # must not stay without a journal for the rest of its run.
    path = tmp_path / "journal.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # the other program is creating it right now
    other.execute("CREATE TABLE being_made (x)")
    journal = Journal(path, busy_timeout=0.2)
    assert not journal.available and journal.problem == "journal_locked"
    other.execute("ROLLBACK")
    other.close()
    assert journal.record(entry("2025-06-05T08:00:00+00:00")) is not None
    assert journal.available and journal.problem == "" and journal.unwritten == []
    journal.close()


def test_a_journal_that_cannot_be_made_never_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    journal = Journal(blocker / "journal.sqlite3")
    assert not journal.available and journal.problem == "journal_unavailable"
    assert journal.record(entry("2025-06-05T08:00:00+00:00")) is None
    assert journal.entries() == []
    journal.close()


def test_uses_wal_so_readers_do_not_block_writers(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path):
        pass
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_failure_rows_carry_names_and_only_the_output_path(tmp_path: Path) -> None:
    row = JournalEntry.for_failure(tmp_path / "rahasia" / "surat.pdf",
                                   tmp_path / "out" / "surat_signed.pdf", "pin_incorrect",
                                   "pkcs11", "B-LT")
    assert (row.input_name, row.output_name, row.result) == ("surat.pdf", "surat_signed.pdf",
                                                             "failed")
    assert row.cert_serial == "" and row.error_code == "pin_incorrect"
    assert row.output_path == str(tmp_path / "out" / "surat_signed.pdf")
    assert "rahasia" not in repr(row), "the input's folder is not kept"


def test_rows_from_a_worker_thread(tmp_path: Path) -> None:
    """The window opens the journal on its GUI thread and signs on a worker."""
    import threading

    with Journal(tmp_path / "journal.sqlite3") as journal:
        ids: list[int | None] = []
        workers = [threading.Thread(target=lambda: ids.append(
            journal.record(entry("2025-06-05T08:00:00+00:00")))) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert sorted(i for i in ids if i is not None) == [1, 2, 3, 4]
        assert journal.problem == "" and len(journal.entries()) == 4


def test_the_command_line_says_what_the_journal_could_not_do(tmp_path: Path) -> None:
    from desktop_signer.cli.i18n import Catalogue
    from desktop_signer.cli.journal_notice import journal_notices
    from desktop_signer.cli.messages import MESSAGES

    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    journal = Journal(blocker / "journal.sqlite3")
    journal.record(entry("2025-06-05T08:00:00+00:00"))
    (line,) = journal_notices(journal, Catalogue(MESSAGES, "id"))
    assert "tidak dapat dibuka" in line and "1 catatan belum masuk jurnal" in line
    (line,) = journal_notices(journal, Catalogue(MESSAGES, "en"))
    assert "signatures were made all the same" in line
    broken = tmp_path / "j.sqlite3"
    broken.write_bytes(b"x" * 4096)
    with Journal(broken) as repaired:
        (line,) = journal_notices(repaired, Catalogue(MESSAGES, "en"))
    assert "kept as" in line and ".broken-" in line
