"""The ESC simulator on 127.0.0.1 for the remote-signing tests (real HTTP, real pyHanko
signatures with the training TSA), and what the tests share."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_signer.appearance import PlacementRequest
from desktop_signer.appearance.profile import StampProfile
from desktop_signer.remote import EscAccount, EscCredential
from desktop_signer.signing import SignOptions, TsaConfig
from desktop_signer.training import letters
from desktop_signer.training.esc_sim import EscSimulator
from desktop_signer.training.esc_users import CLIENT_USER
from desktop_signer.training.services import TrainingServices
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import trust_for

PROFILE = StampProfile(name="Budi Santoso", title="Kepala Dinas", nip="198503152010011002")


@pytest.fixture(scope="session", name="esc_server")
def esc_server_fixture(training: TrainingSetup,
               training_services: TrainingServices) -> Iterator[EscSimulator]:
    with EscSimulator(Path(training.directory)) as sim:
        yield sim


@pytest.fixture(name="esc")
def esc_fixture(esc_server: EscSimulator) -> Iterator[EscSimulator]:
    """The simulator with no latency and no fault; whatever a test sets is undone."""
    esc_server.control.latency = 0.0
    esc_server.control.fault = None
    yield esc_server
    esc_server.control.latency = 0.0
    esc_server.control.fault = None


def account(training: TrainingSetup, sim: EscSimulator, label: str = "budi",
            **kw: object) -> EscAccount:
    base: dict[str, object] = {"url": sim.url, "user": CLIENT_USER,
                               "password": training.esc_client_password,
                               "nik": training.identity(label).nik, "timeout": 30.0}
    base.update(kw)
    return EscAccount(**base)  # type: ignore[arg-type]


def passphrase(training: TrainingSetup) -> EscCredential:
    return EscCredential.passphrase(training.esc_passphrase)


def remote_options(training: TrainingSetup, **kw: object) -> SignOptions:
    base: dict[str, object] = {"level": "B-T", "tsa": TsaConfig(training.tsa_url, timeout=10),
                               "trust": trust_for(training), "training": True,
                               "placement": PlacementRequest(anchor="#")}
    base.update(kw)
    return SignOptions(**base)  # type: ignore[arg-type]


def letters_in(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    data = letters.surat_dinas()
    paths = []
    for n in range(count):
        path = folder / f"surat_{n:02d}.pdf"
        path.write_bytes(data)
        paths.append(path)
    return paths


def besign_code(sim: EscSimulator, nik: str) -> str:
    """What the BeSign app shows after a TOTP request (the simulator's training page)."""
    with urllib.request.urlopen(f"{sim.url}/training/besign/{nik}", timeout=10) as reply:
        return str(json.loads(reply.read())["totp"])


def leftovers(folder: Path) -> list[Path]:
    """Outputs or temporary files a failure must not leave."""
    return sorted(p for p in folder.iterdir()
                  if p.name.endswith(".part") or "_signed" in p.name)
