"""``desktop-signer training init|serve|info``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_signer.cli.i18n import Catalogue
from desktop_signer.training import active, setup
from desktop_signer.training.errors import TrainingError
from desktop_signer.training.services import TrainingServices


def register(sub: Any, t: Catalogue) -> None:
    training = sub.add_parser("training", help=t("training_help"), description=t("training_help"),
                              t=t)
    tsub = training.add_subparsers(dest="training_command", title=t("commands"),
                                   parser_class=type(training))
    default = str(active.training_dir())

    init = tsub.add_parser("init", help=t("training_init_help"),
                           description=t("training_init_help"), t=t)
    init.add_argument("dir", nargs="?", default=default, metavar="DIR",
                      help=t("dir_help", default=default))
    init.add_argument("--port", type=int, help=t("port_help"))
    init.set_defaults(handler=run_init)

    serve = tsub.add_parser("serve", help=t("training_serve_help"),
                            description=t("training_serve_help"), t=t)
    serve.add_argument("dir", nargs="?", default=default, metavar="DIR",
                       help=t("dir_help", default=default))
    serve.add_argument("--port", type=int, help=t("port_help"))
    serve.set_defaults(handler=run_serve)

    from desktop_signer.cli import training_esc  # the ESC simulator (issue 13)

    training_esc.register(tsub, t, default)

    info = tsub.add_parser("info", help=t("training_info_help"),
                           description=t("training_info_help"), t=t)
    info.add_argument("dir", nargs="?", default=default, metavar="DIR",
                      help=t("dir_help", default=default))
    info.set_defaults(handler=run_info)

    training.set_defaults(handler=lambda args, t: _help(training))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 64


def error_line(exc: TrainingError, t: Catalogue) -> str:
    params = {"detail": exc.detail, **exc.params}
    try:
        return t(f"err_{exc.code}", **params)
    except KeyError:
        return t("err_unexpected", detail=str(exc))


def run_init(args: argparse.Namespace, t: Catalogue) -> int:
    target = Path(args.dir)
    try:
        made = setup.create(target, port=args.port)
    except TrainingError as exc:
        print(error_line(exc, t), file=sys.stderr)
        return 1
    print_info(made, t)
    if active.remember(Path(made.directory)):
        print(t("training_now_active"))
    return 0


def run_info(args: argparse.Namespace, t: Catalogue) -> int:
    try:
        made = setup.load(Path(args.dir).expanduser().absolute())
    except TrainingError as exc:
        print(error_line(exc, t), file=sys.stderr)
        return 1
    print_info(made, t)
    return 0


def run_serve(args: argparse.Namespace, t: Catalogue) -> int:
    directory = Path(args.dir).expanduser().absolute()
    try:
        made = setup.load(directory)
        port = args.port or made.port
        if port != made.port:
            print(t("serve_port_differs", recorded=made.port, port=port), file=sys.stderr)
        services = TrainingServices(directory, port).start()
    except TrainingError as exc:
        print(error_line(exc, t), file=sys.stderr)
        return 1
    urls = services.urls
    print(t("serving", base=urls.base, tsa=urls.tsa, ocsp=urls.ocsp, crl=urls.crl_issuing),
          flush=True)
    if services.esc_url:
        print(t("training_esc_info", url=services.esc_url, user="esign-latihan",
                password=made.esc_client_password, passphrase=made.esc_passphrase), flush=True)
    try:
        services.wait()
    except KeyboardInterrupt:
        pass
    finally:
        services.stop()
        print(t("stopped"))
    return 0


def print_info(made: setup.TrainingSetup, t: Catalogue) -> None:
    tokens = ", ".join(
        f"{label} ({sum(1 for i in made.identities if i.token == label)})" for label in made.tokens
    )
    print(t("info_header", path=made.directory))
    from desktop_signer.cli import training_esc

    training_esc.print_info(made, t)
    print(t("info_body", module=made.module, conf=made.softhsm_conf, tokens=tokens,
            pin=made.pin, so_pin=made.so_pin, p12_dir=str(Path(made.directory) / "p12"),
            root=made.root_certificate, tsa=made.tsa_url, ocsp=made.ocsp_url,
            crls=", ".join(made.crl_urls)))
    print(t("identities_header"))
    for ident in made.identities:
        where = ident.token or "PKCS#12"
        problem = t(f"problem_{ident.problem}") if ident.problem else t("problem_none")
        if ident.pkcs12 is None:
            problem += f"; {t('generated_on_token')}"
        print(t("identity_line", label=ident.label, name=ident.name, where=where, problem=problem))
    print()
    print(t("info_next", path=made.directory))
