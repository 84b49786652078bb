"""What the window calls for the usage report (no Qt here; results are immutable): build the
report of a year, its PDF for the preview, and the exports."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop_signer.usage.aggregate import build_report
from desktop_signer.usage.csvfile import write_csv
from desktop_signer.usage.model import ReportInfo, UsageReport


@dataclass(frozen=True)
class Preview:
    report: UsageReport
    pdf: Path  # a temporary file for the rendering process; the caller removes it


def make_report(year: int, workstation_csvs: Sequence[Path] = (), local: bool = True,
                journal_path: Path | None = None) -> UsageReport:
    return build_report(year, workstation_csvs=workstation_csvs, local=local,
                        journal_path=journal_path)


def make_preview(report: UsageReport, info: ReportInfo) -> Preview:
    """The report's PDF in a temporary file (the window shows it through the rendering
    process, as it shows any document)."""
    from desktop_signer.usage.pdf import render_pdf  # PyMuPDF: only when a PDF is made

    data = render_pdf(report, info)
    with tempfile.NamedTemporaryFile(prefix="laporan-pemanfaatan-", suffix=".pdf",
                                     delete=False) as f:
        f.write(data)
    return Preview(report, Path(f.name))


def export(report: UsageReport, path: Path, info: ReportInfo) -> Path:
    """CSV or PDF by the file's suffix; written atomically."""
    if path.suffix.lower() == ".pdf":
        from desktop_signer.usage.pdf import write_pdf

        write_pdf(report, path, info)
    else:
        write_csv(report.rows, path)
    return path
