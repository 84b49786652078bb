"""Secrets the user may ask us to remember: the TSA password, the eSign Client Service's
client password, and a PKCS#12 passphrase
only when the user opted in (``settings.remember_pkcs12_passphrase``). Never the PIN.

They live in the operating system's keyring (Windows Credential Manager, macOS Keychain,
Secret Service on Linux) through ``keyring``. When there is no usable keyring we work
without remembering and say so (:class:`SecretsStatus`); we never fall back to a file:
``keyring``'s own "fail" backend, and the plaintext / file backends of ``keyrings.alt``,
count as "no keyring".

Every call returns what happened (``Remembered``) instead of raising: a keyring that fails
must never stop a signature.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import keyring

log = logging.getLogger(__name__)

SERVICE = "desktop-signer"

# Backends that would store secrets in a file we control no better than a plaintext one.
_REFUSED_BACKENDS = (
    "keyring.backends.fail.",
    "keyring.backends.null.",
    "keyrings.alt.file.",
    "keyrings.alt.Gnome.",  # obsolete, unmaintained
)


class Remembered(StrEnum):
    STORED = "stored"  # written to the keyring
    FOUND = "found"  # read from the keyring
    NOT_FOUND = "not_found"  # the keyring works but holds nothing for this
    NOT_OPTED_IN = "not_opted_in"  # the user did not ask us to remember it
    NO_KEYRING = "no_keyring"  # no usable keyring: nothing remembered
    FAILED = "failed"  # the keyring refused (locked, D-Bus error, ...)


@dataclass(frozen=True)
class SecretsStatus:
    available: bool
    backend: str  # class path of the keyring backend
    reason: str = ""  # why not available


@dataclass(frozen=True)
class SecretResult:
    outcome: Remembered
    value: str | None = None

    def __repr__(self) -> str:  # the value is a secret: never in a repr
        return f"SecretResult(outcome={self.outcome.value!r})"


def _backend_name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _usable(backend: Any) -> tuple[bool, str]:
    name = _backend_name(backend)
    if any(name.startswith(prefix) for prefix in _REFUSED_BACKENDS):
        return False, "no_backend"
    # A chainer wraps the real backends: usable when one of them is.
    inner = getattr(backend, "backends", None)
    if inner is not None and name.startswith("keyring.backends.chainer."):
        if not any(_usable(b)[0] for b in inner):
            return False, "no_backend"
    return True, ""


class SecretStore:
    """Secrets in the OS keyring. ``backend`` is for tests and for a keyring chosen by
    the window; by default ``keyring``'s own choice is used."""

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend

    def _keyring(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def status(self) -> SecretsStatus:
        try:
            backend = self._keyring()
        except Exception as exc:  # keyring's backend discovery can fail in many ways
            return SecretsStatus(False, "", type(exc).__name__)
        ok, reason = _usable(backend)
        return SecretsStatus(ok, _backend_name(backend), reason)

    # -- generic ----------------------------------------------------------------------------
    def _get(self, key: str) -> SecretResult:
        if not self.status().available:
            return SecretResult(Remembered.NO_KEYRING)
        try:
            value = self._keyring().get_password(SERVICE, key)
        except Exception as exc:  # any backend failure (D-Bus, locked keychain) is "failed"
            log.warning("keyring refused to read %s: %s", key, type(exc).__name__)
            return SecretResult(Remembered.FAILED)
        if value is None:
            return SecretResult(Remembered.NOT_FOUND)
        return SecretResult(Remembered.FOUND, value)

    def _set(self, key: str, value: str) -> Remembered:
        if not self.status().available:
            return Remembered.NO_KEYRING
        try:
            self._keyring().set_password(SERVICE, key, value)
        except Exception as exc:  # any backend failure (D-Bus, locked keychain) is "failed"
            log.warning("keyring refused to store %s: %s", key, type(exc).__name__)
            return Remembered.FAILED
        return Remembered.STORED

    def _delete(self, key: str) -> None:
        if not self.status().available:
            return
        try:
            self._keyring().delete_password(SERVICE, key)
        except Exception:  # nothing stored (PasswordDeleteError) or keyring failing: same
            log.debug("nothing deleted from the keyring for %s", key)

    # -- TSA password ---------------------------------------------------------------------------
    @staticmethod
    def tsa_key(url: str, user: str) -> str:
        return f"tsa:{user}@{url}"

    def tsa_password(self, url: str, user: str) -> SecretResult:
        return self._get(self.tsa_key(url, user))

    def remember_tsa_password(self, url: str, user: str, password: str) -> Remembered:
        return self._set(self.tsa_key(url, user), password)

    def forget_tsa_password(self, url: str, user: str) -> None:
        self._delete(self.tsa_key(url, user))

    # -- eSign Client Service client password (the agency's HTTP Basic credential) ---------
    @staticmethod
    def esc_key(url: str, user: str) -> str:
        return f"esc:{user}@{url}"

    def esc_password(self, url: str, user: str) -> SecretResult:
        return self._get(self.esc_key(url, user))

    def remember_esc_password(self, url: str, user: str, password: str) -> Remembered:
        return self._set(self.esc_key(url, user), password)

    def forget_esc_password(self, url: str, user: str) -> None:
        self._delete(self.esc_key(url, user))

    # -- PKCS#12 passphrase (opt-in) ----------------------------------------------------------
    @staticmethod
    def pkcs12_key(path: str | os.PathLike[str]) -> str:
        return f"pkcs12:{os.path.abspath(os.fspath(path))}"

    def pkcs12_passphrase(self, path: str | os.PathLike[str], *, opted_in: bool
                          ) -> SecretResult:
        if not opted_in:
            return SecretResult(Remembered.NOT_OPTED_IN)
        return self._get(self.pkcs12_key(path))

    def remember_pkcs12_passphrase(self, path: str | os.PathLike[str], passphrase: str, *,
                                   opted_in: bool) -> Remembered:
        """Store the passphrase only when the user opted in; otherwise also remove any copy
        stored earlier (the user may have withdrawn the choice)."""
        if not opted_in:
            self._delete(self.pkcs12_key(path))
            return Remembered.NOT_OPTED_IN
        return self._set(self.pkcs12_key(path), passphrase)

    def forget_pkcs12_passphrase(self, path: str | os.PathLike[str]) -> None:
        self._delete(self.pkcs12_key(path))
