"""The yearly usage report (PKS Pasal 4 ayat 1 huruf g; DESIGN §7).

An agency reports its use of BSrE certificates to BSrE at least once a year. This package
counts the journal's attempts per month × certificate × level × key kind
(:mod:`~desktop_signer.usage.aggregate`), reads and writes the CSV that workstations hand
in (:mod:`~desktop_signer.usage.csvfile`), and builds the PDF report with PyMuPDF's Story
(:mod:`~desktop_signer.usage.pdf`). No Qt; texts of the PDF in Indonesian and English.
"""

from __future__ import annotations

from desktop_signer.usage.aggregate import build_report, rows_from_entries
from desktop_signer.usage.csvfile import read_csv, write_csv
from desktop_signer.usage.errors import UsageError
from desktop_signer.usage.model import COLUMNS, UsageReport, UsageRow

__all__ = [
    "COLUMNS",
    "UsageError",
    "UsageReport",
    "UsageRow",
    "build_report",
    "read_csv",
    "rows_from_entries",
    "write_csv",
]
