"""The ``desktop-signer`` command line (DESIGN §6).

Each command lives in its own module with ``register(subparsers, t)`` and a handler that
returns an exit code. Usage errors exit with 64.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from desktop_signer import __version__
from desktop_signer.cli.i18n import Catalogue, detect_language
from desktop_signer.cli.messages import MESSAGES

EXIT_USAGE = 64
PROG = "desktop-signer"

# Commands handled by the core CLI; anything else on the command line is a file for the window.
COMMANDS = ("training", "tokens", "sign", "verify", "report", "selfcheck")


def catalogue() -> Catalogue:
    return Catalogue(MESSAGES, detect_language(setting=_language_setting()))


def _language_setting() -> str:
    from desktop_signer import settings

    try:
        return settings.load().settings.language
    except Exception:  # unreadable settings are reported by the commands that need them
        return ""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    usage_prefix = "Usage: "

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


class TranslatedParser(argparse.ArgumentParser):
    """argparse with our texts for its furniture and exit code 64 on usage errors."""

    t: Catalogue

    def __init__(self, *args: object, t: Catalogue, **kwargs: object) -> None:
        usage_prefix = t("usage")

        class Formatter(_Formatter):
            pass

        Formatter.usage_prefix = usage_prefix
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.t = t
        self._positionals.title = t("positionals")
        self._optionals.title = t("options")
        self.add_argument("-h", "--help", action="help", help=t("help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(self.t("error", prog=self.prog, message=message) + "\n")
        raise SystemExit(EXIT_USAGE)


def build_parser(t: Catalogue) -> TranslatedParser:
    # the window's form (`desktop-signer FILE.pdf ...`, handled by ui/launcher.py) is named
    # in the usage so that --help shows both ways in
    usage = (f"{PROG} [FILE.pdf ...]   ({t('files_help')})\n"
             f"{' ' * len(t('usage'))}{PROG} [-h] [--version] COMMAND ...")
    parser = TranslatedParser(prog=PROG, description=t("description"), t=t)
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help=t("version")
    )
    sub = parser.add_subparsers(dest="command", title=t("commands"), parser_class=TranslatedParser)
    # Commands are imported here, not at the top: the window's launcher imports this
    # package, and the training set-up pulls certomancer and PyMuPDF (~0.2 s).
    from desktop_signer.cli import training_cmd
    training_cmd.register(sub, t)
    from desktop_signer.cli import tokens_cmd
    tokens_cmd.register(sub, t)
    from desktop_signer.cli import verify_cmd
    verify_cmd.register(sub, t)
    from desktop_signer.cli import sign_cmd
    sign_cmd.register(sub, t)
    from desktop_signer.cli import selfcheck_cmd
    selfcheck_cmd.register(sub, t)
    from desktop_signer.cli import report_cmd
    report_cmd.register(sub, t)
    # set last: argparse derives the subcommands' prog from the usage at add_subparsers time
    parser.usage = usage
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    t = catalogue()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(t)
    if not args_list:
        parser.print_help()
        return 0
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    code: int = handler(args, t)
    return code

