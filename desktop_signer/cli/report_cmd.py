"""``desktop-signer report`` (DESIGN §6, §7): the yearly usage report an agency sends BSrE
under PKS Pasal 4 ayat 1 huruf g, as CSV or PDF.

Exit codes: 0 written, 1 a workstation CSV was refused or the output could not be
written, 64 usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_signer import settings as settings_mod
from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.journal_notice import journal_notices
from desktop_signer.journal import Journal
from desktop_signer.usage import UsageError, build_report, write_csv
from desktop_signer.usage.aggregate import entries_for_year

EXIT_USAGE = 64
PROG = "desktop-signer report"


def register(sub: Any, t: Catalogue) -> None:
    p = sub.add_parser("report", help=t("report_help"), description=t("report_description"),
                       t=t)
    p.add_argument("--year", type=int, required=True, metavar="YYYY",
                   help=t("report_year_help"))
    p.add_argument("--format", choices=("csv", "pdf"), default=None,
                   help=t("report_format_help"))
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help=t("report_output_help"))
    p.add_argument("workstations", nargs="*", metavar="WORKSTATION.csv",
                   help=t("report_workstations_help"))
    p.add_argument("--no-local", action="store_true", help=t("report_no_local_help"))
    p.add_argument("--language", choices=("id", "en"), default="id",
                   help=t("report_language_help"))
    p.set_defaults(handler=run)


def error_line(exc: UsageError, t: Catalogue) -> str:
    params: dict[str, Any] = {"detail": exc.detail, **exc.params}
    try:
        return t(f"report_err_{exc.code}", **params)
    except (KeyError, IndexError, ValueError):
        return t("err_unexpected", detail=f"{exc.code}: {exc.detail}")


def _usage(t: Catalogue, key: str, **params: object) -> int:
    sys.stderr.write(t("error", prog=PROG, message=t(key, **params)) + "\n")
    return EXIT_USAGE


def run(args: argparse.Namespace, t: Catalogue) -> int:
    output = Path(args.output)
    fmt = args.format or ("pdf" if output.suffix.lower() == ".pdf" else "csv")
    if not 1900 < args.year < 10000:
        return _usage(t, "report_usage_year", year=args.year)
    if args.no_local and not args.workstations:
        return _usage(t, "report_usage_nothing")
    if not output.parent.is_dir():
        return _usage(t, "report_usage_out_dir", path=output.parent)
    workstations = [Path(p) for p in args.workstations]
    if any(p.resolve() == output.resolve() for p in workstations):
        return _usage(t, "report_usage_output_is_input", path=output)
    seen: set[Path] = set()
    for p in workstations:
        if p.resolve() in seen:  # counted twice would be reported twice
            return _usage(t, "report_usage_twice", path=p)
        seen.add(p.resolve())
    journal = None
    try:
        entries = None
        if not args.no_local:
            with Journal() as journal:
                entries = entries_for_year(journal, args.year)
        report = build_report(args.year, workstation_csvs=workstations,
                              local=not args.no_local, entries=entries)
        if fmt == "csv":
            write_csv(report.rows, output)
        else:
            from desktop_signer.usage.pdf import ReportInfo, write_pdf

            settings = settings_mod.load().settings
            logo = Path(settings.profile.bsre_logo) if settings.profile.bsre_logo else None
            write_pdf(report, output, ReportInfo(agency=settings.agency.name,
                                                 language=args.language, logo=logo,
                                                 generated_at=datetime.now().astimezone()))
    except UsageError as exc:
        print(error_line(exc, t), file=sys.stderr)
        return 1
    finally:
        for line in journal_notices(journal, t) if journal is not None else []:
            print(line, file=sys.stderr)
    print(t("report_done", output=output, year=args.year, signed=report.signed,
            failed=report.failed, rows=len(report.rows)))
    return 0
