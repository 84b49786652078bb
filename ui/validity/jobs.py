"""The core calls the validity panel makes, run off the GUI thread by ``ui.tasks.Tasks``.

Verification, reading certificates and building the report PDF run in a child process
(``desktop_signer.reports.window_check``: forked from the verifier's forkserver, with its
time and memory limits), so the window process never loads pyHanko, PyMuPDF or asn1crypto;
these functions only wait for the child in a worker thread. None touches a widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_signer.settings import Settings


def verify(path: str, settings: Settings, online: bool = False,
           password: str | None = None) -> Any:
    """A FileReport for ``path``; ``online`` overrides the offline setting once
    ("Periksa ulang secara daring"); ``password`` opens an encrypted file. Trust anchors
    are read in the child too."""
    from desktop_signer.reports.window_check import verify_for_window

    return verify_for_window(path, settings, online, password=password)


def warm_up() -> None:
    """Start the verifier's forkserver (it preloads pyHanko) before the first file needs it."""
    from desktop_signer.reports.window_check import warm_up as start

    start()


def preview(path: str) -> Any:
    from desktop_signer.reports.window_check import call_in_child, preview_in_child

    return call_in_child(preview_in_child, path)


def import_anchor(path: str) -> Any:
    from desktop_signer import paths
    from desktop_signer.reports.window_check import call_in_child, import_in_child

    return call_in_child(import_in_child, path, str(paths.user_config()))


def export(report: Any, language: str, target: str) -> Any:
    from desktop_signer.reports.window_check import call_in_child, export_in_child

    return call_in_child(export_in_child, report, language, target)


def signed_copy(source: str, end: int, target: str) -> Any:
    from desktop_signer.reports.signed_copy import write_signed_revision

    return write_signed_revision(source, end, Path(target))


def export_checked(report: Any, language: str, target: str) -> Any:
    """Like :func:`export`, with a failure to write as the error the window explains."""
    from desktop_signer.errors import DesktopSignerError

    try:
        return export(report, language, target)
    except OSError as exc:
        raise DesktopSignerError("report_not_writable", str(exc), path=target) from exc
