"""Export a verification report as the schema's JSON or as the PDF report, atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from desktop_signer.reports.texts import Texts
from desktop_signer.verification.model import FileReport

ExportFormat = Literal["pdf", "json"]


def report_json_bytes(report: FileReport, language: str) -> bytes:
    """``schemas/verification-report.schema.json``, with messages in ``language``."""
    from desktop_signer.cli.verify_cmd import summarise
    from desktop_signer.verification.report_json import report_json

    t = Texts(language)
    doc = report_json(report, t.describe, lambda r: summarise(r, t.cli()), t.language)
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_report(report: FileReport, language: str, target: Path,
                  fmt: ExportFormat | None = None) -> Path:
    """Write the report to ``target``; the format follows ``fmt`` or the file's suffix.
    Raises OSError when the folder cannot be written (nothing is left half-written)."""
    from desktop_signer.settings import write_atomic

    kind = fmt or ("json" if target.suffix.lower() == ".json" else "pdf")
    if kind == "json":
        data = report_json_bytes(report, language)
    else:
        from desktop_signer.reports.validation_pdf import build_validation_pdf

        data = build_validation_pdf(report, language)
    write_atomic(target, data)
    return target
