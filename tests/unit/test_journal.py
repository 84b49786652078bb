"""The journal's storage: rows survive reopening, the year filter, the default location."""

from __future__ import annotations

from pathlib import Path

from desktop_signer.journal import Journal, JournalEntry, default_path


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
