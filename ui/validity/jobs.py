"""The core calls the validity panel makes, run off the GUI thread by ``ui.tasks.Tasks``.

Verification itself runs in a child process (``desktop_signer.verification.verify_file``
isolates every file with a time and memory limit); these functions only wait for it in a
worker thread, so the window stays responsive. None of them touches a widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_signer.settings import Settings


def trust_for(settings: Settings) -> Any:
    """The anchors of this run: installed ones, and the training root in training mode."""
    from desktop_signer.trust import load_trust

    root = None
    if settings.training_mode:
        from desktop_signer.training import active

        root = active.training_root_certificate(settings)
    return load_trust(training_mode=settings.training_mode, training_root=root)


def verify(path: str, settings: Settings, online: bool = False) -> Any:
    """A FileReport for ``path``; ``online`` overrides the offline setting once
    ("Periksa ulang secara daring")."""
    from desktop_signer.verification import VerifyOptions, verify_file

    options = VerifyOptions(
        trust=trust_for(settings),
        offline=settings.offline and not online,
        revocation_hard_fail=settings.revocation_hard_fail,
    )
    return verify_file(Path(path), options)


def warm_up() -> None:
    """Start the verifier's forkserver (it preloads pyHanko) before the first file needs it."""
    from desktop_signer.verification.isolation import mp_context

    ctx = mp_context()
    if hasattr(ctx, "get_start_method") and ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def preview(path: str) -> Any:
    from desktop_signer.reports.cert_preview import preview_certificates

    return preview_certificates(path)


def import_anchor(path: str) -> Any:
    from desktop_signer.trust import import_certificates

    return import_certificates([path], scope="user")


def export(report: Any, language: str, target: str) -> Any:
    from desktop_signer.reports.report_export import export_report

    return export_report(report, language, Path(target))


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
