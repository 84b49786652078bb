"""The yearly usage report: counting, the CSV and its refusals, merging workstations, the PDF
read back, and ``desktop-signer report``."""

from __future__ import annotations

import csv
import io
import os
import time
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pymupdf
import pytest

from desktop_signer import __version__
from desktop_signer.cli import main
from desktop_signer.journal import Journal, JournalEntry
from desktop_signer.usage import COLUMNS, UsageError, build_report, read_csv, write_csv
from desktop_signer.usage.pdf import ReportInfo, render_pdf

BUDI = "Common Name: Budi Santoso, Organization: Dinas"
CA = "Common Name: BSrE Latihan CA, Organization: BSrE"


def row(when: datetime, result: str = "signed", *, subject: str = BUDI, serial: str = "1001",
        kind: str = "pkcs11", level: str = "B-LT", code: str = "") -> JournalEntry:
    return JournalEntry(
        time_utc=when.astimezone(UTC).isoformat(timespec="seconds"), input_name="s.pdf",
        output_name="s_signed.pdf", output_sha256="", cert_subject=subject,
        cert_serial=serial, cert_issuer=CA, key_kind=kind, requested_level=level,
        level=level if result == "signed" else "", result=result, error_code=code,
        signer_name=subject.split(", ")[0].removeprefix("Common Name: "))


WIB = timezone(timedelta(hours=7))


@pytest.fixture(autouse=True)
def _jakarta_clock() -> Iterator[None]:
    """This computer's clock on WIB (months are counted in local time)."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Jakarta"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


def year_of_rows() -> list[JournalEntry]:
    rows = [row(datetime(2026, m, 10, 9, tzinfo=WIB)) for m in (1, 1, 2, 3)]
    rows += [row(datetime(2026, 3, 11, 9, tzinfo=WIB), "failed", code="pin_incorrect"),
             row(datetime(2026, 3, 11, 9, 1, tzinfo=WIB), "failed", code="pin_incorrect"),
             row(datetime(2026, 7, 1, 9, tzinfo=WIB), "failed", kind="pkcs12", level="B-B",
                 code="tsa_unreachable", subject="Common Name: Siti Rahayu", serial="1002"),
             row(datetime(2026, 7, 1, 10, tzinfo=WIB), kind="pkcs12", level="B-B",
                 subject="Common Name: Siti Rahayu", serial="1002"),
             # 06:00 WIB on 1 January 2027 is still 2026 in UTC: it belongs to 2027
             row(datetime(2027, 1, 1, 6, tzinfo=WIB)),
             # 23:30 WIB on 31 December 2025 is 2025
             row(datetime(2025, 12, 31, 23, 30, tzinfo=WIB)),
             row(datetime(2026, 8, 1, 9, tzinfo=WIB), "skipped")]
    return rows


def test_counts_per_month_certificate_level_and_kind() -> None:
    report = build_report(2026, entries=year_of_rows())
    assert (report.signed, report.failed) == (5, 3)
    assert [(r.month, r.signer, r.level, r.key_kind, r.signed, r.failed)
            for r in report.rows] == [
        (1, "Budi Santoso", "B-LT", "pkcs11", 2, 0),
        (2, "Budi Santoso", "B-LT", "pkcs11", 1, 0),
        (3, "Budi Santoso", "B-LT", "pkcs11", 1, 2),
        (7, "Siti Rahayu", "B-B", "pkcs12", 1, 1)]
    assert report.rows[0].issuer == "BSrE Latihan CA"
    assert report.failure_reasons == (("pin_incorrect", 2), ("tsa_unreachable", 1))
    assert report.by_month()[2] == (3, 1, 2)


def test_csv_round_trip_and_merge(tmp_path: Path) -> None:
    here = build_report(2026, entries=year_of_rows())
    other = tmp_path / "pc-keuangan.csv"
    write_csv(here.rows, other)
    text = other.read_bytes().decode("utf-8")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert text.splitlines()[1] == "2026,1,Budi Santoso,1001,BSrE Latihan CA,B-LT,pkcs11,2,0"
    assert read_csv(other, 2026) == list(here.rows)
    merged = build_report(2026, entries=year_of_rows(), workstation_csvs=[other])
    assert (merged.signed, merged.failed) == (10, 6)
    assert len(merged.rows) == len(here.rows), "same keys are added, not repeated"
    assert merged.rows[0].signed == 4 and merged.workstations == ("pc-keuangan.csv",)
    only = build_report(2026, workstation_csvs=[other], local=False)
    assert (only.signed, only.failed, only.failure_reasons) == (5, 3, ())


def test_spreadsheet_bom_and_quoted_names_are_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerow([2026, 4, "Dr. Ani, S.Kom., M.T.", "0a", "BSrE", "B-LTA", "remote", 3, 1])
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode())
    (r,) = read_csv(path, 2026)
    assert (r.signer, r.key_kind, r.signed, r.failed) == ("Dr. Ani, S.Kom., M.T.", "remote", 3, 1)


@pytest.mark.parametrize(("content", "code"), [
    (b"year,month,signer\n2026,1,Budi\n", "csv_columns"),
    (b"", "csv_columns"),
    (",".join(COLUMNS).encode() + b"\n2025,1,B,1,CA,B-LT,pkcs11,1,0\n", "csv_year"),
    (",".join(COLUMNS).encode() + b"\n2026,13,B,1,CA,B-LT,pkcs11,1,0\n", "csv_value"),
    (",".join(COLUMNS).encode() + b"\n2026,1,B,1,CA,B-LT,pkcs11,lima,0\n", "csv_value"),
    (",".join(COLUMNS).encode() + b"\n2026,1,B,1,CA,B-LT,pkcs11,-1,0\n", "csv_value"),
    (",".join(COLUMNS).encode() + b"\n2026,1,B\n", "csv_value"),
    (b"\xff\xfe\x00y\x00e", "csv_unreadable"),
])
def test_bad_csv_is_refused(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "other.csv"
    path.write_bytes(content)
    with pytest.raises(UsageError) as err:
        build_report(2026, workstation_csvs=[path], entries=[])
    assert err.value.code == code


def pdf_text(data: bytes) -> str:
    with pymupdf.open("pdf", data) as doc:
        text = "\n".join(page.get_text() for page in doc)
    return unicodedata.normalize("NFKC", text)  # the "fi" ligature back to two letters


def test_pdf_says_year_totals_agency_and_bsre() -> None:
    report = build_report(2026, entries=year_of_rows())
    data = render_pdf(report, ReportInfo(agency="Dinas Kominfo Kabupaten Latihan"))
    text = pdf_text(data)
    flowing = " ".join(text.split())  # lines may wrap anywhere
    assert "Laporan Pemanfaatan Sertifikat Elektronik Tahun 2026" in flowing
    assert "Dinas Kominfo Kabupaten Latihan" in text
    assert "Pasal 4 ayat 1 huruf g" in flowing and "BSrE" in text
    assert "Balai Sertifikasi Elektronik" in flowing
    assert f"Desktop Signer versi {__version__}" in flowing
    assert "PIN salah (pin_incorrect)" in text
    lines = text.splitlines()
    summary = lines.index("Ringkasan")
    assert lines[summary + 4: summary + 7] == ["5", "3", "2"]  # signed, failed, certificates
    with pymupdf.open("pdf", data) as doc:
        page = doc[0]
        assert page.get_images(), "the BSrE logo"
        bars = [d for d in page.get_drawings() if d.get("fill") is not None
                and d["rect"].height > 3 and d["rect"].width < 40]
        assert len(bars) >= 5, "vector bars of the monthly chart"


def test_pdf_in_english() -> None:
    report = build_report(2026, entries=year_of_rows())
    text = " ".join(pdf_text(render_pdf(report, ReportInfo(language="en"))).split())
    assert "Electronic Certificate Usage Report for 2026" in text
    assert "Article 4 (1) (g)" in text and "Wrong PIN" in text


def test_cli_report_csv_pdf_and_refusal(tmp_path: Path, isolated_dirs: dict[str, Path],
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "id")
    with Journal() as journal:
        for entry in year_of_rows():
            journal.record(entry)
    out = tmp_path / "laporan-2026.csv"
    assert main(["report", "--year", "2026", "-o", str(out)]) == 0
    assert "5 ditandatangani, 3 gagal" in capsys.readouterr().out
    merged = tmp_path / "gabungan.csv"
    assert main(["report", "--year", "2026", "--format", "csv", "-o", str(merged),
                 str(out)]) == 0
    assert read_csv(merged, 2026)[0].signed == 4
    pdf = tmp_path / "laporan.pdf"
    assert main(["report", "--year", "2026", "-o", str(pdf), "--no-local", str(out)]) == 0
    assert "Tahun 2026" in " ".join(pdf_text(pdf.read_bytes()).split())
    capsys.readouterr()
    before = merged.read_bytes()
    assert main(["report", "--year", "2027", "-o", str(merged), str(out)]) == 1
    err = capsys.readouterr().err
    assert "laporan tahun 2026, bukan 2027" in err
    assert merged.read_bytes() == before, "nothing written over"
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    assert main(["report", "--year", "2026", "--no-local", "-o", str(tmp_path / "x.csv")]) \
        == 64
    assert "nothing to count" in capsys.readouterr().err
    assert main(["report", "--year", "2026", "-o", str(tmp_path / "y.csv"), str(out),
                 str(out)]) == 64
    assert "given twice" in capsys.readouterr().err


def test_no_heading_is_left_alone_at_the_foot_of_a_page() -> None:
    from desktop_signer.usage import UsageReport, UsageRow
    from desktop_signer.usage.texts import TEXTS

    headings = {TEXTS[k][0] for k in ("totals", "chart", "by_month", "by_certificate",
                                      "by_level", "failures")}
    seen_pages = set()
    # the sources line grows from one to four lines: page 1 ends at every place in turn
    for people, others in [(p, o) for p in (1, 12, 30) for o in (0, 3, 6, 12, 20)]:
        rows = tuple(UsageRow(2026, m, f"Pegawai {p:02d}", f"{p:04x}", "BSrE Latihan CA",
                              "B-LT", "pkcs11", 3, 1) for p in range(people) for m in (1, 6))
        reasons = tuple((f"code_{i}", i + 1) for i in range(people % 6))
        workstations = tuple(f"pc-bidang-{i:02d}.csv" for i in range(others))
        data = render_pdf(UsageReport(2026, rows, reasons, workstations=workstations))
        with pymupdf.open("pdf", data) as doc:
            seen_pages.add(doc.page_count)
            for page in doc:
                blocks = [b for b in page.get_text("blocks") if not b[4].startswith("Halaman")]
                last = unicodedata.normalize("NFKC", max(blocks, key=lambda b: b[3])[4]).strip()
                assert last not in headings, (people, page.number, last)
    assert len(seen_pages) > 1, "the sizes cover more than one page break"


def test_the_configured_official_logo_is_the_one_shown(tmp_path: Path) -> None:
    logo = tmp_path / "logo resmi BSrE.png"
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 30, 32), False)
    pixmap.set_rect(pixmap.irect, (20, 60, 140))
    pixmap.save(str(logo))
    report = build_report(2026, entries=year_of_rows())
    with pymupdf.open("pdf", render_pdf(report, ReportInfo(logo=logo))) as doc:
        assert [(i[2], i[3]) for i in doc[0].get_images()] == [(30, 32)]
    with pymupdf.open("pdf", render_pdf(report, ReportInfo(logo=tmp_path / "gone.png"))) as doc:
        assert [(i[2], i[3]) for i in doc[0].get_images()] == [(480, 512)], "the bundled one"
