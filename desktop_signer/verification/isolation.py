"""Validate each untrusted file in a child process with a time and a memory limit.

A hostile PDF may make a parser loop, allocate without bound or crash the interpreter. Each
file is validated in its own child process: the child sets ``RLIMIT_AS`` on POSIX, the
parent waits at most ``time_limit`` seconds, then kills it. A timeout, an out-of-memory or a
crash becomes ``could_not_validate`` for that file; the caller never hangs.

The parent never imports pyHanko (``document`` is imported only where it is needed): the
window waits for reports in a worker thread, and importing pyHanko there would stall it.

Per-file cost: on POSIX the children are forked from a *forkserver* that has already
imported pyHanko, certvalidator and PyMuPDF (``set_forkserver_preload``), so a child starts
in milliseconds instead of paying the import time (about 0.5 s) again; each child is still a
fresh process, so one file cannot leave state behind for the next. On Windows (no fork) the
children are spawned, which costs the imports once per file.

A child does not run the application's main module again (:mod:`desktop_signer.processes`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop_signer import processes
from desktop_signer.verification.model import FileReport
from desktop_signer.verification.options import VerifyOptions

PRELOAD = [
    "desktop_signer.verification.document",
    "desktop_signer.verification.visual",
    "desktop_signer.verification.preloaded",  # last: freezes the above for the collector
]
CHILD_NAME = processes.PREFIX + "check"  # started without the main module
_context: Any = None  # the multiprocessing context, chosen once


def mp_context() -> Any:
    """The context for child processes: a forkserver with our verifier imported (POSIX),
    else spawn."""
    global _context
    if _context is None:
        _context = processes.forkserver_context(PRELOAD)
    return _context


def start_child(ctx: Any, target: Callable[..., None], args: tuple[Any, ...]) -> Any:
    """A started daemon child of ``ctx`` running ``target(*args)`` (without the main
    module)."""
    return processes.start_child(ctx, target, args, CHILD_NAME)


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    try:
        import resource
    except ImportError:  # Windows: no rlimits (a job object would be the equivalent)
        return
    limit = megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(conn: Connection, name: str, data: bytes, options: VerifyOptions) -> None:
    """Runs in the child: validate and send the report back (or the error that stopped us)."""
    logging.disable(logging.CRITICAL)  # pyHanko logs every rejected path with a traceback
    try:
        import pymupdf

        pymupdf.TOOLS.mupdf_display_errors(False)
    except Exception:
        pass
    _limit_memory(options.memory_limit_mb)
    try:
        from desktop_signer.verification.document import validate_bytes

        report = validate_bytes(name, data, options)
        conn.send(("ok", report))
    except MemoryError:
        conn.send(("memory", "MemoryError"))
    except BaseException as exc:  # (report, never die silently)
        conn.send(("crashed", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def verify_bytes(name: str, data: bytes, options: VerifyOptions) -> FileReport:
    """Validate in a child process within ``options.time_limit`` seconds."""
    ctx = mp_context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = start_child(ctx, _child, (sender, name, data, options))
    sender.close()
    try:
        if receiver.poll(options.time_limit):
            try:
                kind, payload = receiver.recv()
            except (EOFError, OSError):
                kind, payload = "crashed", f"child exited with code {process.exitcode}"
        else:
            kind, payload = "timeout", f"no result within {options.time_limit:g} s"
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    if kind == "ok":
        report: FileReport = payload
        return report
    if kind == "crashed" and process.exitcode not in (0, None):
        payload = f"{payload} (exit code {process.exitcode})"
    from desktop_signer.verification.document import could_not_validate

    return could_not_validate(name, data, kind, str(payload), options)


def verify_file(path: str | Path, options: VerifyOptions | None = None) -> FileReport:
    """Read ``path`` and validate it isolated; unreadable files never reach the child."""
    options = options or VerifyOptions()
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        from desktop_signer.verification.document import unreadable

        problem = "not_found" if isinstance(exc, FileNotFoundError) else "read_error"
        return unreadable(name, None, problem, str(exc), options)
    return verify_bytes(name, data, options)


def verify_in_process(path: str | Path, options: VerifyOptions | None = None) -> FileReport:
    """Like :func:`verify_file` without the child (tests of the logic, benchmarks)."""
    from desktop_signer.verification.document import unreadable, validate_bytes

    options = options or VerifyOptions()
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        problem = "not_found" if isinstance(exc, FileNotFoundError) else "read_error"
        return unreadable(str(path), None, problem, str(exc), options)
    return validate_bytes(str(path), data, options)
