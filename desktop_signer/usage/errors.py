"""Errors of the usage report (codes; the CLI and the window word them)."""

from __future__ import annotations

from desktop_signer.errors import DesktopSignerError


class UsageError(DesktopSignerError):
    """Codes (params): ``csv_unreadable`` (path), ``csv_columns`` (path, found, expected),
    ``csv_year`` (path, found, expected), ``csv_value`` (path, line, column),
    ``year_invalid`` (year), ``output_failed`` (path)."""
