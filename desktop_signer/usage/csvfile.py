"""The report's CSV: UTF-8, a header row, one row per month × certificate × level × key
kind (DESIGN §7). Written atomically; a file of another year or with other columns is
refused, never half read."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from desktop_signer.settings import write_atomic
from desktop_signer.usage.errors import UsageError
from desktop_signer.usage.model import COLUMNS, UsageRow


def to_csv(rows: Iterable[UsageRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([r.year, r.month, r.signer, r.certificate_serial, r.issuer, r.level,
                         r.key_kind, r.signed, r.failed])
    return out.getvalue()


def write_csv(rows: Iterable[UsageRow], path: Path) -> None:
    try:
        write_atomic(path, to_csv(rows).encode("utf-8"))
    except OSError as exc:
        raise UsageError("output_failed", exc.strerror or str(exc), path=str(path)) from exc


def read_csv(path: Path, year: int) -> list[UsageRow]:
    """Another workstation's report for ``year``. A BOM (spreadsheets add one) is fine."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("csv_unreadable", str(exc), path=str(path)) from exc
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        raise UsageError("csv_columns", path=str(path),
                         found=",".join(header or []), expected=",".join(COLUMNS))
    rows = []
    for line, values in enumerate(reader, start=2):
        if not values or all(not v.strip() for v in values):
            continue
        if len(values) != len(COLUMNS):
            raise UsageError("csv_value", path=str(path), line=line, column="*")
        record = dict(zip(COLUMNS, values, strict=True))
        numbers = {}
        for column in ("year", "month", "signed", "failed"):
            try:
                numbers[column] = int(record[column])
            except ValueError:
                raise UsageError("csv_value", path=str(path), line=line,
                                 column=column) from None
            if numbers[column] < 0:
                raise UsageError("csv_value", path=str(path), line=line, column=column)
        if numbers["year"] != year:
            raise UsageError("csv_year", path=str(path), found=numbers["year"], expected=year)
        if not 1 <= numbers["month"] <= 12:
            raise UsageError("csv_value", path=str(path), line=line, column="month")
        rows.append(UsageRow(
            year=year, month=numbers["month"], signer=record["signer"],
            certificate_serial=record["certificate_serial"], issuer=record["issuer"],
            level=record["level"], key_kind=record["key_kind"],
            signed=numbers["signed"], failed=numbers["failed"]))
    return rows
