"""Shared steps of the signing tests: settings for the training classroom, finding
dialogs the flow shows, and a stand-in token source (FINAL_TRY/LOCKED cannot be made on
SoftHSM)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from desktop_signer.identity_sources import SECRET_PIN, IdentityOption, SecretSpec, SourceListing
from desktop_signer.tokens.loader import LoadedModule
from desktop_signer.tokens.session import TokenSession
from desktop_signer.tokens.state import TokenState
from desktop_signer.training.setup import TrainingSetup


def write_settings(config_dir: Path, training: TrainingSetup, **extra: Any) -> None:
    folder = config_dir / "desktop-signer"
    folder.mkdir(parents=True, exist_ok=True)
    # the training module as a user module: discovery then names SoftHSM as the other
    # tests load it (python-pkcs11 caches libraries by the name they were loaded under)
    values = {"training_mode": True, "training_dir": training.directory,
              "modules": [training.module], "pades_level": "B-B",
              **extra}
    (folder / "settings.json").write_text(json.dumps(values), "utf-8")


def letter_copy(training: TrainingSetup, folder: Path, name: str = "surat.pdf",
                which: str = "surat-dinas-3-halaman.pdf") -> Path:
    target = folder / name
    shutil.copyfile(Path(training.directory) / "surat" / which, target)
    return target


def select_pkcs12(qtbot: QtBot, chooser: Any, p12: Path | None) -> Any:
    """Add ``p12`` with the chooser's PKCS#12 entry, wait for its row and select it; the
    option."""
    assert p12 is not None
    chooser.add_pkcs12(p12)
    qtbot.waitUntil(lambda: any(o.source == "pkcs12" for o in chooser.options),
                    timeout=10_000)
    option = next(o for o in chooser.options if o.source == "pkcs12")
    assert chooser.select_key(option.key)
    return option


class Dialogs:
    def __init__(self, flow: Any) -> None:
        self.seen: list[Any] = []
        flow.dialogShown.connect(self.seen.append)

    def wait(self, qtbot: QtBot, kind: str, after: Any = None, timeout: int = 20_000) -> Any:
        def found() -> bool:
            last = self.seen[-1] if self.seen else None
            return last is not None and type(last).__name__ == kind and last is not after

        qtbot.waitUntil(found, timeout=timeout)
        return self.seen[-1]


class StandInTokenSource:
    """A stand-in identity source over ``StandInToken`` (tests/unit/test_tokens_pin_standin):
    its PIN state is what a real eToken reports for FINAL_TRY / LOCKED; ``open`` runs the
    real login code (TokenSession.login) against it, then stops (there is no key)."""

    id = "stand-in"

    def __init__(self, token: Any) -> None:
        self.token = token
        self.logins: list[bool] = []

    def option(self) -> IdentityOption:
        state = TokenState.from_flags(self.token.flags)
        reasons = ("pin_locked",) if state.pin_locked else ()
        return IdentityOption(
            source=self.id, key="stand-in", holder=self.token.label,
            label="Stand-in", info=None, usable=not reasons, reasons=reasons,
            secret=SecretSpec(SECRET_PIN, 4, 16, state, self.token.label))

    def list(self) -> SourceListing:
        return SourceListing(self.id, (self.option(),))

    def open(self, option: IdentityOption, secret: str | None, *,
             confirm_final_try: bool = False) -> Any:
        ts = TokenSession(LoadedModule(path="stand-in.so", real_path="stand-in.so",
                                       lib=None), self.token)
        self.logins.append(confirm_final_try)
        ts.login(secret, confirm_final_try=confirm_final_try)
        raise RuntimeError("stand-in token has no key")
