"""``desktop-signer training esc [DIR] [--port N]``: the eSign Client Service simulator.

It also starts the training TSA/OCSP/CRL when nothing serves them yet (the simulator's
signatures need the training TSA); ``training serve`` runs the simulator itself at
``/esc`` on the services' port.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_signer.cli.i18n import Catalogue
from desktop_signer.training import setup
from desktop_signer.training.errors import TrainingError


def register(tsub: Any, t: Catalogue, default: str) -> None:
    from desktop_signer.training.esc_sim import FAULTS

    esc = tsub.add_parser("esc", help=t("training_esc_help"), description=t("training_esc_help"),
                          t=t)
    esc.add_argument("dir", nargs="?", default=default, metavar="DIR",
                     help=t("dir_help", default=default))
    esc.add_argument("--port", type=int, help=t("training_esc_port_help"))
    esc.add_argument("--latency", type=float, default=0.0, metavar="S",
                     help=t("training_esc_latency_help"))
    esc.add_argument("--fault", choices=FAULTS, metavar="NAME",
                     help=t("training_esc_fault_help", choices=", ".join(FAULTS)))
    esc.set_defaults(handler=run_esc)


def print_info(made: setup.TrainingSetup, t: Catalogue) -> None:
    """The simulator's credentials and the trainees' NIKs (``training init``/``info``)."""
    if not made.esc_passphrase:
        return
    from desktop_signer.training import pki
    from desktop_signer.training.esc_users import CLIENT_USER

    print(t("training_esc_info", url=f"{pki.base_url(made.port)}/esc", user=CLIENT_USER,
            password=made.esc_client_password, passphrase=made.esc_passphrase))
    users = ", ".join(f"{i.label} {i.nik}" + (f" / {i.email}" if i.email else "")
                      for i in made.identities if i.nik)
    print(t("training_esc_users", users=users))


def run_esc(args: argparse.Namespace, t: Catalogue) -> int:
    from desktop_signer.cli.training_cmd import error_line
    from desktop_signer.training.esc_sim import EscSimulator, SimulatorControl
    from desktop_signer.training.esc_users import CLIENT_USER
    from desktop_signer.training.ports import ensure_port_free
    from desktop_signer.training.services import TrainingServices

    directory = Path(args.dir).expanduser().absolute()
    services = None
    try:
        made = setup.load(directory)
        try:
            ensure_port_free(made.port)
            services = TrainingServices(directory, made.port).start()
        except TrainingError:
            pass  # ``training serve`` already runs them
        control = SimulatorControl(latency=max(0.0, args.latency), fault=args.fault)
        simulator = EscSimulator(directory, args.port or 0, control).start()
    except TrainingError as exc:
        if services is not None:
            services.stop()
        print(error_line(exc, t), file=sys.stderr)
        return 1
    print(t("training_esc_serving", url=simulator.url, user=CLIENT_USER,
            password=made.esc_client_password, passphrase=made.esc_passphrase), flush=True)
    try:
        simulator.wait()
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()
        if services is not None:
            services.stop()
        print(t("stopped"))
    return 0
