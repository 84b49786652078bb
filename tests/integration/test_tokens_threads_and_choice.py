"""One session per token shared by identities and threads; the last choice remembered
without any PIN."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from desktop_signer import settings
from desktop_signer.tokens import load_pkcs12_identity, loader, open_pkcs11_identity, session
from desktop_signer.tokens.choice import last_choice, remember
from desktop_signer.training.setup import TrainingSetup
from tests.integration.test_tokens_identities import sign_and_validate

pytestmark = pytest.mark.integration


def test_two_identities_on_one_token_share_one_session(training: TrainingSetup) -> None:
    module = loader.load(training.module)
    rahmat = open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN-2",
                                  certificate_label="rahmat")
    putri = open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN-2",
                                 certificate_label="putri")
    try:
        assert module.open_sessions == 1
        results: list[object] = []
        failures: list[BaseException] = []

        def sign_with(identity: object) -> None:
            try:
                for _ in range(2):
                    results.append(sign_and_validate(identity, training))  # type: ignore[arg-type]
            except BaseException as exc:  # reported to the main thread
                failures.append(exc)

        threads = [threading.Thread(target=sign_with, args=(i,)) for i in (rahmat, putri)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert failures == []
        assert len(results) == 4 and all(r.valid for r in results)  # type: ignore[attr-defined]
        assert rahmat.signatures_made == putri.signatures_made == 2
    finally:
        rahmat.close()
        assert module.open_sessions == 1  # putri still uses it
        putri.close()
    assert module.open_sessions == 0


def test_signing_waits_while_another_thread_uses_the_module(training: TrainingSetup) -> None:
    identity = open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN",
                                    certificate=training.identity("budi").key_id)
    module = loader.load(training.module)
    done = threading.Event()

    def sign() -> None:
        sign_and_validate(identity, training)
        done.set()

    try:
        with module.lock:  # another thread is talking to the module
            worker = threading.Thread(target=sign)
            worker.start()
            # the signature cannot reach the token while the lock is held
            assert not done.wait(0.5)
            assert identity.signatures_made == 0
        worker.join()
        assert done.is_set() and identity.signatures_made == 1
    finally:
        identity.close()


def test_close_all_closes_every_session(training: TrainingSetup) -> None:
    module = loader.load(training.module)
    identity = open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN-2",
                                    certificate_label="rahmat")
    assert module.open_sessions == 1
    session.close_all()  # what runs at interpreter exit
    assert module.open_sessions == 0
    identity.close()  # still safe


def test_last_choice_is_remembered_without_the_pin(training: TrainingSetup,
                                                   isolated_dirs: dict[str, Path]) -> None:
    loaded = settings.load()
    assert last_choice(loaded) is None
    identity = open_pkcs11_identity(training.module, pin=training.pin, token_label="LATIHAN-2",
                                    certificate_label="putri")
    try:
        loaded = remember(loaded, identity)
    finally:
        identity.close()
    choice = last_choice(settings.load())
    assert choice is not None and not choice.is_pkcs12
    # the module as first loaded in this process: SoftHSM has two names (a symlink)
    assert loader.real_path(choice.module) == loader.real_path(training.module)
    assert choice.token_serial == identity.token.serial
    assert choice.certificate == training.identity("putri").key_id
    stored = json.loads(loaded.user_file.read_text(encoding="utf-8"))
    assert set(stored) == {"last_module", "last_token", "last_certificate"}
    assert training.pin not in stored.values()

    p12 = training.identity("budi").pkcs12
    assert p12 is not None
    remember(loaded, load_pkcs12_identity(p12, training.pkcs12_passphrase))
    choice = last_choice(settings.load())
    assert choice is not None and choice.is_pkcs12 and choice.certificate == p12
