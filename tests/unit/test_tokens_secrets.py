"""Secrets in the OS keyring, never in a file; without a keyring nothing is remembered.

This machine (like CI) has no OS keyring, so "no keyring" is tested for real. Storing and
reading use ``StandInKeyring``, a stand-in for the OS keyring (Secret Service / Windows
Credential Manager / Keychain cannot run here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop_signer.secrets import Remembered, SecretStore


class StandInKeyring(KeyringBackend):
    """Stand-in for an OS keyring: keeps secrets in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class PlaintextKeyring(StandInKeyring):
    """Stand-in named and placed like keyrings.alt's plaintext file backend."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


def test_without_a_keyring_nothing_is_remembered_and_that_is_said(tmp_path: Path) -> None:
    store = SecretStore(fail.Keyring())
    status = store.status()
    assert not status.available and status.reason == "no_backend"
    assert store.remember_tsa_password("https://tsa", "u", "rahasia") == Remembered.NO_KEYRING
    assert store.tsa_password("https://tsa", "u").outcome == Remembered.NO_KEYRING
    assert store.remember_pkcs12_passphrase(tmp_path / "a.p12", "x", opted_in=True) == \
        Remembered.NO_KEYRING
    assert list(tmp_path.iterdir()) == []  # and no file appeared anywhere we control


def test_default_backend_of_this_machine_is_reported_honestly() -> None:
    status = SecretStore().status()
    assert status.backend  # whatever keyring chose is named
    if isinstance(keyring.get_keyring(), fail.Keyring):
        assert not status.available


def test_plaintext_file_backends_are_refused() -> None:
    store = SecretStore(PlaintextKeyring())
    assert not store.status().available
    assert store.remember_tsa_password("u", "v", "w") == Remembered.NO_KEYRING


def test_tsa_password_round_trip_in_a_stand_in_keyring() -> None:
    backend = StandInKeyring()
    store = SecretStore(backend)
    assert store.status().available
    assert store.tsa_password("https://tsa.example", "budi").outcome == Remembered.NOT_FOUND
    assert store.remember_tsa_password("https://tsa.example", "budi", "s3cret") == \
        Remembered.STORED
    found = store.tsa_password("https://tsa.example", "budi")
    assert found.outcome == Remembered.FOUND and found.value == "s3cret"
    assert "s3cret" not in repr(found)
    store.forget_tsa_password("https://tsa.example", "budi")
    store.forget_tsa_password("https://tsa.example", "budi")  # twice: no error
    assert backend.items == {}


def test_pkcs12_passphrase_only_when_opted_in(tmp_path: Path) -> None:
    backend = StandInKeyring()
    store = SecretStore(backend)
    p12 = tmp_path / "budi.p12"
    assert store.remember_pkcs12_passphrase(p12, "frasa", opted_in=False) == \
        Remembered.NOT_OPTED_IN
    assert backend.items == {}
    assert store.remember_pkcs12_passphrase(p12, "frasa", opted_in=True) == Remembered.STORED
    assert store.pkcs12_passphrase(p12, opted_in=True).value == "frasa"
    assert store.pkcs12_passphrase(p12, opted_in=False).outcome == Remembered.NOT_OPTED_IN
    # withdrawing the choice removes the stored copy
    store.remember_pkcs12_passphrase(p12, "frasa", opted_in=False)
    assert backend.items == {}


def test_a_failing_keyring_never_raises(caplog: pytest.LogCaptureFixture) -> None:
    class Broken(StandInKeyring):
        def get_password(self, service: str, username: str) -> Any:
            raise RuntimeError("dbus went away")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("locked")

    store = SecretStore(Broken())
    assert store.remember_tsa_password("u", "v", "TOPSECRET") == Remembered.FAILED
    assert store.tsa_password("u", "v").outcome == Remembered.FAILED
    assert "TOPSECRET" not in caplog.text
