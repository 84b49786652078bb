"""What the remote-signing tests share (the simulator itself, fixtures ``esc_server`` and
``esc``, is in ``tests/conftest.py``): real HTTP on 127.0.0.1, real pyHanko signatures with
the training TSA."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from desktop_signer.appearance import PlacementRequest
from desktop_signer.appearance.profile import StampProfile
from desktop_signer.remote import EscAccount, EscCredential, RemoteBatchResult, sign_remote_batch
from desktop_signer.signing import SignJob, SignOptions, TsaConfig
from desktop_signer.training import letters
from desktop_signer.training.esc_sim import EscSimulator
from desktop_signer.training.esc_users import CLIENT_USER
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import trust_for

PROFILE = StampProfile(name="Budi Santoso", title="Kepala Dinas", nip="198503152010011002")


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


def sign_remote(training: TrainingSetup, sim: EscSimulator, paths: list[Path], *,
                credential: EscCredential | None = None, check_status: bool = True,
                account_kw: dict[str, object] | None = None,
                **options_kw: object) -> RemoteBatchResult:
    """``paths`` signed through ``sim`` into ``<stem>_signed.pdf`` beside them, as Budi
    (:data:`PROFILE`) with the trainees' passphrase unless told otherwise."""
    jobs = [SignJob(p, p.with_name(p.stem + "_signed.pdf")) for p in paths]
    return sign_remote_batch(account(training, sim, **(account_kw or {})),
                             credential or passphrase(training), jobs,
                             remote_options(training, **options_kw), profile=PROFILE,
                             check_status=check_status)


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
