"""Texts of ``desktop-signer verify --report``, Indonesian first, English second."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "verify_report_help": (
        "simpan juga laporan validasi sebagai PDF (untuk satu berkas masukan)",
        "also save the validation report as a PDF (for one input file)",
    ),
    "verify_report_one_file": (
        "--report hanya untuk satu berkas masukan",
        "--report takes exactly one input file",
    ),
    "verify_report_written": ("Laporan validasi: {path}", "Validation report: {path}"),
    "verify_report_failed": (
        "laporan validasi tidak dapat ditulis ke {path}: {error}",
        "the validation report cannot be written to {path}: {error}",
    ),
}
