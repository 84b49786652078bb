"""Verification and report export for the window, done entirely in a child process.

The window process stays free of pyHanko, PyMuPDF and asn1crypto (checked by a test):
even the trust anchors are read in the child, from the settings the window passes. The
child is forked from the verifier's forkserver (PyMuPDF and pyHanko already imported) and
runs the same validation with the same memory limit as ``verify_file``; the parent waits at
most ``time_limit`` seconds. What comes back is plain data (a FileReport, bytes, a path).

This module imports nothing heavy at the top; the functions named ``_in_child`` run in the
child only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_signer import processes
from desktop_signer.settings import Settings
from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import FileReport, SignatureResult, file_verdict

TIME_LIMIT = 60.0  # seconds per file, as verification.options.DEFAULT_TIME_LIMIT
EXPORT_TIME_LIMIT = 120.0
# The verifier's forkserver preload (verification.isolation.PRELOAD) plus this module.
PRELOAD = [
    "desktop_signer.verification.document",
    "desktop_signer.verification.visual",
    "desktop_signer.reports.window_check",
    "desktop_signer.verification.preloaded",  # last: freezes the above for the collector
]
CHILD_NAME = processes.PREFIX + "check"  # started without the main module
_context: Any = None


def context() -> Any:
    """The same kind of context as ``verification.isolation.mp_context`` (one forkserver
    per process; its preload is set before it starts)."""
    global _context
    if _context is None:
        _context = processes.forkserver_context(PRELOAD)
    return _context


def warm_up() -> None:
    """Start the forkserver now, so the first letter does not wait for its imports."""
    if context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def user_anchor_folder() -> Path:
    """``trust.store.user_trust_dir() / ANCHORS_DIR`` (a test checks), without importing
    the trust store (asn1crypto): the window watches this folder."""
    from desktop_signer import paths

    return paths.user_config() / "trust" / "anchors"


# ------------------------------------------------------------------ in the child


@dataclass(frozen=True)
class Folders:
    """Where the window's anchors live, decided in the window: the forkserver's child has
    the environment of the moment the forkserver started, not of now."""

    user_config: str
    site_config: str
    training_root: str | None

    @classmethod
    def now(cls, settings: Settings) -> Folders:
        from desktop_signer import paths
        from desktop_signer.training import active

        root = active.training_root_certificate(settings) if settings.training_mode else None
        return cls(str(paths.user_config()), str(paths.site_config()), root)


def options_in_child(settings: Settings, online: bool, folders: Folders,
                     password: str | None = None) -> Any:
    from desktop_signer.trust import load_trust
    from desktop_signer.verification import VerifyOptions

    trust = load_trust(training_mode=settings.training_mode, training_root=folders.training_root,
                       user_base=Path(folders.user_config), admin_base=Path(folders.site_config))
    return VerifyOptions(trust=trust, offline=settings.offline and not online,
                         revocation_soft_fail=settings.revocation_soft_fail, password=password)


def _verify_in_child(conn: Connection, path: str, settings: Settings, online: bool,
                     folders: Folders, password: str | None) -> None:
    try:
        options = options_in_child(settings, online, folders, password)
        data = Path(path).read_bytes()
    except OSError as exc:
        from desktop_signer.verification.document import unreadable

        problem = "not_found" if isinstance(exc, FileNotFoundError) else "read_error"
        conn.send(("ok", unreadable(path, None, problem, str(exc))))
        conn.close()
        return
    except BaseException as exc:  # a broken trust file or setting: report, never hang
        conn.send(("crashed", f"{type(exc).__name__}: {exc}"))
        conn.close()
        return
    from desktop_signer.verification import isolation  # the child only: not the window

    isolation._child(conn, path, data, options)  # memory limit, validation, send


def _call_in_child(conn: Connection, fn: Any, args: tuple[Any, ...]) -> None:
    from desktop_signer.errors import DesktopSignerError

    try:
        conn.send(("ok", fn(*args)))
    except DesktopSignerError as exc:  # rebuilt in the parent (its __init__ takes a code)
        conn.send(("coded", (exc.code, exc.detail, dict(exc.params))))
    except OSError as exc:
        conn.send(("os_error", (exc.errno, exc.strerror or str(exc), exc.filename)))
    except BaseException as exc:  # handed back to the caller as an exception
        conn.send(("crashed", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


# ------------------------------------------------------------------ in the window


def _wait(target: Any, args: tuple[Any, ...], time_limit: float) -> tuple[str, Any, int | None]:
    ctx = context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = processes.start_child(ctx, target, (sender, *args), CHILD_NAME)
    sender.close()
    try:
        if receiver.poll(time_limit):
            try:
                kind, payload = receiver.recv()
            except (EOFError, OSError):
                kind, payload = "crashed", "the child exited"
        else:
            kind, payload = "timeout", f"no result within {time_limit:g} s"
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    return kind, payload, process.exitcode


def verify_for_window(path: str, settings: Settings, online: bool = False,
                      time_limit: float = TIME_LIMIT, password: str | None = None) -> FileReport:
    """The FileReport of ``path`` as the settings say (trust, offline, strictness);
    ``online`` allows fetching revocation data this once; ``password`` is the one the user
    opened an encrypted file with (it goes to the child through the pipe, nowhere else)."""
    folders = Folders.now(settings)
    kind, payload, exitcode = _wait(_verify_in_child,
                                    (path, settings, online, folders, password), time_limit)
    if kind == "ok" and isinstance(payload, FileReport):
        return payload
    detail = str(payload)
    if kind == "crashed" and exitcode not in (0, None):
        detail = f"{detail} (exit code {exitcode})"
    return _could_not_validate(path, kind, detail, settings.offline and not online)


def call_in_child(fn: Any, *args: Any, time_limit: float = EXPORT_TIME_LIMIT) -> Any:
    """``fn(*args)`` in a child (``fn`` a module-level function); its result or its
    exception. Raises TimeoutError or ChildProcessError when the child gives none."""
    kind, payload, exitcode = _wait(_call_in_child, (fn, args), time_limit)
    if kind == "ok":
        return payload
    if kind == "coded":
        from desktop_signer.errors import DesktopSignerError

        code, detail, params = payload
        raise DesktopSignerError(code, detail, **params)
    if kind == "os_error":
        errno, text, filename = payload
        raise OSError(errno, text, filename)
    if kind == "timeout":
        raise TimeoutError(str(payload))
    raise ChildProcessError(f"{payload} (exit code {exitcode})")


def _could_not_validate(path: str, problem: str, detail: str, offline: bool) -> FileReport:
    """As ``verification.document.could_not_validate``, without importing pyHanko here."""
    try:
        with open(path, "rb") as f:
            sha = hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        sha = hashlib.sha256(b"").hexdigest()
    placeholder = SignatureResult(
        field="", kind="approval", verdict="indeterminate", integrity="unknown",
        coverage="unknown", modification="unknown", trust="unknown", revocation="not_checked",
        findings=(finding("could_not_validate", reason=problem, detail=detail[:300]),),
    )
    report = FileReport(file=path, sha256=sha, verdict="indeterminate",
                        validated_at=datetime.now(UTC), signatures=(placeholder,),
                        offline=offline, problem=problem, problem_detail=detail[:300])
    return replace(report, verdict=file_verdict(report.signatures))


def export_in_child(report: FileReport, language: str, target: str) -> str:
    """Build and write the PDF or JSON report (PyMuPDF runs in the child)."""
    from desktop_signer.reports.report_export import export_report

    return str(export_report(report, language, Path(target)))


def preview_in_child(path: str) -> Any:
    from desktop_signer.reports.cert_preview import preview_certificates

    return preview_certificates(path)


def import_in_child(path: str, user_config: str) -> tuple[str, ...]:
    """Import into the user's anchors; the SHA-256 of each certificate stored."""
    from desktop_signer.trust import import_certificates

    stored = import_certificates([path], scope="user", base=Path(user_config))
    return tuple(c.sha256 for c in stored)
