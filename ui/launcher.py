"""The ``desktop-signer`` entry point: command-line commands go to the core CLI,
anything else (no arguments, or PDF files) is for the window.

Lives in ``ui`` because only ``ui`` may import both the core and, later, Qt; Qt itself
is imported only when the window is really opened, so CLI commands start fast.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence

from desktop_signer import cli, frozen
from ui.display import has_display

SCREENSHOT_OPTION = "--screenshot"


def main(argv: Sequence[str] | None = None) -> int:
    # A frozen (PyInstaller) build starts the window's rendering process by running this
    # entry point again with multiprocessing's own arguments: hand those over first.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if frozen.is_frozen() and len(args) >= 2 and args[0] == "-m":  # python -m, frozen
        return frozen.run_child_module(args[1], args[2:])
    if args and args[0] != SCREENSHOT_OPTION and (
            args[0] in cli.COMMANDS or args[0].startswith("-")):
        return cli.main(args)
    return open_window(args)


def open_window(files: list[str]) -> int:
    """The window (``ui.app``); ``--screenshot OUT.png [FILE ...]`` saves a picture of it
    once the files are rendered, then exits (a developer option, see README)."""
    screenshot = None
    if files and files[0] == SCREENSHOT_OPTION:
        if len(files) < 2:
            print(f"{cli.PROG}: {SCREENSHOT_OPTION} OUT.png [FILE ...]", file=sys.stderr)
            return cli.EXIT_USAGE
        screenshot, files = files[1], files[2:]
    if screenshot is not None or has_display():
        start_children_early()
    from ui import app

    return app.run(files, screenshot=screenshot)


def start_children_early() -> None:
    """Start the rendering process and the verifier's forkserver before the window's
    imports (Qt, widgets): their own imports (PyMuPDF; pyHanko and the verifier) then run in
    parallel with them instead of after. The window adopts the renderer; the forkserver is
    the one its checks use."""
    from desktop_signer.render.client import start_early
    from desktop_signer.reports.window_check import warm_up

    start_early()
    warm_up()


if __name__ == "__main__":
    raise SystemExit(main())
