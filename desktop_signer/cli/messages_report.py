"""Texts of ``desktop-signer report`` and of the journal's notices (Indonesian, English)."""

from __future__ import annotations

_NOT_RECORDED = (
    " Tanda tangan tetap dibuat; {count} catatan belum masuk jurnal.",
    " The signatures were made all the same; {count} record(s) are not in the journal.",
)


def _problem(ind: str, eng: str) -> tuple[str, str]:
    return (f"Peringatan: {ind}" + _NOT_RECORDED[0], f"Warning: {eng}" + _NOT_RECORDED[1])


MESSAGES: dict[str, tuple[str, str]] = {
    "report_help": (
        "laporan pemanfaatan sertifikat tahunan (PKS Pasal 4 ayat 1 huruf g) sebagai CSV/PDF",
        "the yearly certificate usage report (PKS Article 4 (1) (g)) as CSV or PDF",
    ),
    "report_description": (
        "Hitung penandatanganan per bulan, sertifikat, tingkat dan jenis kunci dari jurnal "
        "komputer ini, tambahkan laporan CSV dari komputer lain, lalu tulis CSV atau PDF "
        "untuk dikirim ke BSrE.",
        "Count signings per month, certificate, level and key kind from this computer's "
        "journal, add other computers' CSV reports, and write the CSV or PDF to send to BSrE.",
    ),
    "report_year_help": ("tahun laporan, mis. 2026", "the report's year, e.g. 2026"),
    "report_format_help": (
        "csv atau pdf (bawaan: dari akhiran nama FILE, selain .pdf berarti csv)",
        "csv or pdf (default: from FILE's suffix; anything but .pdf means csv)",
    ),
    "report_output_help": ("berkas yang ditulis", "the file to write"),
    "report_workstations_help": (
        "laporan CSV tahun yang sama dari komputer lain, dijumlahkan",
        "other computers' CSV reports of the same year, added in",
    ),
    "report_no_local_help": (
        "jangan hitung jurnal komputer ini (hanya berkas CSV yang diberikan)",
        "leave this computer's journal out (only the CSV files given)",
    ),
    "report_language_help": (
        "bahasa laporan PDF: id (bawaan) atau en",
        "language of the PDF report: id (default) or en",
    ),
    "report_done": (
        "Laporan {year} ditulis ke {output}: {signed} ditandatangani, {failed} gagal "
        "({rows} baris).",
        "Report {year} written to {output}: {signed} signed, {failed} failed ({rows} rows).",
    ),
    "report_usage_year": ("tahun {year} tidak sah", "year {year} is not valid"),
    "report_usage_nothing": (
        "--no-local tanpa berkas CSV: tidak ada yang dihitung",
        "--no-local without CSV files: nothing to count",
    ),
    "report_usage_out_dir": ("folder {path} tidak ada", "folder {path} does not exist"),
    "report_usage_output_is_input": (
        "{path} juga diberikan sebagai masukan; pilih nama keluaran lain",
        "{path} is also given as an input; choose another output name",
    ),
    "report_usage_twice": (
        "{path} diberikan dua kali; setiap komputer dihitung sekali",
        "{path} is given twice; each computer is counted once",
    ),
    "report_err_csv_unreadable": (
        "Berkas {path} tidak dapat dibaca sebagai CSV UTF-8 ({detail}); berkas tidak dipakai.",
        "{path} cannot be read as UTF-8 CSV ({detail}); the file was not used.",
    ),
    "report_err_csv_columns": (
        "Berkas {path} bukan laporan pemanfaatan: kolomnya \"{found}\", seharusnya "
        "\"{expected}\". Tidak ada yang ditulis.",
        "{path} is not a usage report: its columns are \"{found}\", expected \"{expected}\". "
        "Nothing was written.",
    ),
    "report_err_csv_year": (
        "Berkas {path} adalah laporan tahun {found}, bukan {expected}. Tidak ada yang ditulis.",
        "{path} is the report of {found}, not {expected}. Nothing was written.",
    ),
    "report_err_csv_value": (
        "Berkas {path} baris {line}: nilai kolom {column} tidak sah. Tidak ada yang ditulis.",
        "{path} line {line}: the value in column {column} is not valid. Nothing was written.",
    ),
    "report_err_year_invalid": ("Tahun {year} tidak sah.", "Year {year} is not valid."),
    "report_err_output_failed": (
        "Gagal menulis {path} ({detail}).",
        "Could not write {path} ({detail}).",
    ),
    # the journal (sign and report)
    "journal_set_aside": (
        "Jurnal penandatanganan rusak; disimpan sebagai {path}, jurnal baru dimulai di {new}.",
        "The signing journal was damaged; it was kept as {path} and a new one started at {new}.",
    ),
    "journal_problem_journal_locked": _problem(
        "jurnal {path} sedang dikunci program lain.",
        "the journal {path} is locked by another program."),
    "journal_problem_journal_corrupt": _problem(
        "jurnal {path} rusak (akan diganti saat aplikasi dibuka lagi).",
        "the journal {path} is damaged (it is replaced the next time the application starts)."),
    "journal_problem_journal_full": _problem(
        "disk penuh, jurnal {path} tidak dapat ditulisi.",
        "the disk is full; the journal {path} cannot be written."),
    "journal_problem_journal_readonly": _problem(
        "jurnal {path} hanya dapat dibaca.",
        "the journal {path} is read-only."),
    "journal_problem_journal_unavailable": _problem(
        "jurnal {path} tidak dapat dibuka.",
        "the journal {path} cannot be opened."),
}
