"""The ``desktop-signer`` entry point: command-line commands go to the core CLI,
anything else (no arguments, or PDF files) is for the window.

Lives in ``ui`` because only ``ui`` may import both the core and, later, Qt; Qt itself
is imported only when the window is really opened, so CLI commands start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desktop_signer import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in cli.COMMANDS or args[0].startswith("-")):
        return cli.main(args)
    return open_window(args)


def open_window(files: list[str]) -> int:
    # The window arrives with issue 6. Until then the run command prepares the training
    # set-up (or shows the existing one) so a newcomer has something that works.
    t = cli.catalogue()
    if files:
        print(t("err_no_window"), file=sys.stderr)
        return cli.EXIT_USAGE
    return cli.quickstart(t)


if __name__ == "__main__":
    raise SystemExit(main())
