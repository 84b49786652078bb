"""One session per token, used from one thread at a time.

A :class:`TokenSession` owns the only PKCS#11 session we keep on a token. Every call into
the module happens under the module's lock (see ``loader``), so a token is never used from
two threads at once even when pyHanko signs in its executor thread. Sessions are shared by
reference count (two identities on one token use one session and one login), closed when
the last user releases them, when the token disappears, and at interpreter exit.

PIN safety lives in :meth:`TokenSession.login`: the token's flags are read again right
before the PIN is sent, and ``advise_login`` refuses a locked PIN and an unconfirmed final
try without ever calling ``C_Login``.

Known limit (python-pkcs11 0.9.5): ``Token.open(user_pin=...)`` opens the session before
``C_Login`` and does not close it when the login fails, so each *wrong* PIN leaves one
public session handle open in the module until the module is finalised. The login state is
not affected (a public session holds no rights).
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pkcs11
from pkcs11 import exceptions as p11e

from desktop_signer.tokens import loader
from desktop_signer.tokens.errors import (
    NoTokenError,
    PinExpiredError,
    PinInvalidError,
    PinLockedError,
    TokenError,
    TokenFailure,
    TokenRemovedError,
    WrongPinError,
)
from desktop_signer.tokens.state import LoginAdvice, TokenState, advise_login

log = logging.getLogger(__name__)

# Return values after which we ask the token whether it is still there: modules report a
# pulled token in many ways (SoftHSM answers ObjectHandleInvalid for a key and
# CKR_GENERAL_ERROR for the token info after its token was deleted).
_REMOVAL_SUSPECTS: tuple[type[Exception], ...] = (
    p11e.SessionHandleInvalid, p11e.SessionClosed, p11e.ObjectHandleInvalid,
    p11e.KeyHandleInvalid, p11e.GeneralError, p11e.DeviceError, p11e.FunctionFailed,
    p11e.UserNotLoggedIn,
)
_REMOVED: tuple[type[Exception], ...] = (
    p11e.DeviceRemoved, p11e.TokenNotPresent, p11e.TokenNotRecognised,
)


def token_serial(token: Any) -> str:
    serial = token.serial
    if isinstance(serial, bytes):
        serial = serial.decode("ascii", "replace")
    return str(serial).strip()


@dataclass(frozen=True)
class TokenKey:
    """Identifies a token: module file, slot, serial and label (labels are not unique)."""

    module: str  # the module's resolved path
    slot_id: int
    serial: str
    label: str


@dataclass(frozen=True)
class LoginResult:
    warnings: tuple[str, ...]  # codes from advise_login (pin_count_low, pin_pad, ...)
    state_before: TokenState | None
    already_logged_in: bool = False


def read_state(token: Any) -> TokenState:
    """The token's current state. python-pkcs11's Token keeps the flags of the moment it
    was made, so we ask the slot again."""
    fresh = token.slot.get_token()
    return TokenState.from_flags(int(fresh.flags), int(token.slot.flags))


class TokenSession:
    def __init__(self, module: loader.LoadedModule, token: Any) -> None:
        self.module = module
        self.token = token
        self.key = TokenKey(module.real_path, int(token.slot.slot_id), token_serial(token),
                            str(token.label).strip())
        self.lock = module.lock
        self.logged_in = False
        self.pin_pad = False
        self.closed = False
        self._session: Any = None

    @property
    def label(self) -> str:
        return self.key.label

    # -- low level -------------------------------------------------------------------------
    @property
    def raw(self) -> Any:
        """The python-pkcs11 Session (public until :meth:`login`). Use under :attr:`lock`."""
        with self.lock:
            self.ensure_open()
            return self._session

    def ensure_open(self) -> None:
        with self.lock:
            if self.closed:
                raise TokenRemovedError(self.label, "session closed")
            if self._session is None:
                try:
                    self._session = self.token.open()
                except pkcs11.PKCS11Error as exc:
                    raise self.translate(exc) from exc
                self.module.open_sessions += 1

    def state(self) -> TokenState:
        with self.lock:
            try:
                return read_state(self.token)
            except pkcs11.PKCS11Error as exc:
                raise self.translate(exc) from exc

    def still_present(self) -> bool:
        """Ask the slot whether the same token is still in it."""
        with self.lock:
            try:
                fresh = self.token.slot.get_token()
            except pkcs11.PKCS11Error:
                return False
            return token_serial(fresh) == self.key.serial and \
                str(fresh.label).strip() == self.key.label

    def translate(self, exc: BaseException) -> TokenError:
        """A python-pkcs11 exception as one of our typed errors. A suspected removal is
        confirmed by asking the slot, and a removed token's session is closed."""
        if isinstance(exc, TokenError):
            return exc
        if isinstance(exc, _REMOVED) or (
            isinstance(exc, _REMOVAL_SUSPECTS) and not self.still_present()
        ):
            self._forget(type(exc).__name__)
            return TokenRemovedError(self.label, type(exc).__name__)
        if isinstance(exc, p11e.PinIncorrect):
            return WrongPinError(self.label, self._state_or_none())
        if isinstance(exc, p11e.PinLocked):
            return PinLockedError(self.label, self._state_or_none())
        if isinstance(exc, p11e.PinExpired):
            return PinExpiredError(self.label, self._state_or_none())
        if isinstance(exc, p11e.PinInvalid | p11e.PinLenRange):
            return PinInvalidError(self.label, self._state_or_none(), type(exc).__name__)
        return TokenFailure(type(exc).__name__, self.label)

    def _state_or_none(self) -> TokenState | None:
        try:
            return read_state(self.token)
        except pkcs11.PKCS11Error:
            return None

    # -- login -----------------------------------------------------------------------------
    def login(self, pin: str | None, *, confirm_final_try: bool = False) -> LoginResult:
        """Log the user in (once per session). ``pin`` is ignored on PIN-pad tokens, where
        the PIN is typed on the reader. Raises PinLockedError / PinFinalTryError without
        touching the PIN counter, WrongPinError (with the state after the failure),
        TokenRemovedError, TokenFailure."""
        with self.lock:
            if self.closed:
                raise TokenRemovedError(self.label, "session closed")
            if self.logged_in:
                return LoginResult((), None, already_logged_in=True)
            state = self.state()
            if not state.login_required:
                self.ensure_open()
                return LoginResult(state.conditions, state)
            advice: LoginAdvice = advise_login(state, self.label,
                                               confirm_final_try=confirm_final_try)
            if advice.use_pin_pad:
                user_pin: object = pkcs11.PROTECTED_AUTH
            elif pin is None:
                raise TokenError("pin_required", token=self.label)
            else:
                user_pin = pin
            log.debug("logging in to token %r (pin pad: %s)", self.label, advice.use_pin_pad)
            try:
                session = self.token.open(user_pin=user_pin)
            except p11e.UserAlreadyLoggedIn:
                # another session of this process logged in; rights are shared per token
                session = self._open_public()
            except pkcs11.PKCS11Error as exc:
                raise self.translate(exc) from exc
            if self._session is not None:
                self._close_quietly(self._session)
                self.module.open_sessions -= 1
            self._session = session
            self.module.open_sessions += 1
            self.logged_in = True
            self.pin_pad = advice.use_pin_pad
            return LoginResult(advice.warnings, state)

    def _open_public(self) -> Any:
        try:
            return self.token.open()
        except pkcs11.PKCS11Error as exc:
            raise self.translate(exc) from exc

    # -- life cycle --------------------------------------------------------------------------
    def _close_quietly(self, session: Any) -> None:
        try:
            session.close()
        except pkcs11.PKCS11Error:
            pass  # the token is gone or the session already died: nothing left to release

    def _forget(self, reason: str) -> None:
        with self.lock:
            if self._session is not None:
                self._close_quietly(self._session)
                self.module.open_sessions -= 1
                self._session = None
            self.closed = True
            self.logged_in = False
            _registry.discard(self)
            log.debug("token %r gone (%s); session closed", self.label, reason)

    def close(self) -> None:
        """Log out and close the session (idempotent)."""
        self._forget("closed")


class _Registry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[TokenKey, TokenSession] = {}
        self._users: dict[TokenKey, int] = {}

    def acquire(self, module: loader.LoadedModule, token: Any) -> TokenSession:
        key = TokenKey(module.real_path, int(token.slot.slot_id), token_serial(token),
                       str(token.label).strip())
        with self._lock:
            ts = self._sessions.get(key)
            if ts is None or ts.closed:
                ts = TokenSession(module, token)
                self._sessions[key] = ts
                self._users[key] = 0
            self._users[key] += 1
            return ts

    def release(self, ts: TokenSession) -> None:
        with self._lock:
            count = self._users.get(ts.key, 0) - 1
            if count > 0 and self._sessions.get(ts.key) is ts:
                self._users[ts.key] = count
                return
        ts.close()

    def discard(self, ts: TokenSession) -> None:
        with self._lock:
            if self._sessions.get(ts.key) is ts:
                del self._sessions[ts.key]
                self._users.pop(ts.key, None)

    def existing(self, key: TokenKey) -> TokenSession | None:
        with self._lock:
            ts = self._sessions.get(key)
            return ts if ts is not None and not ts.closed else None

    def close_all(self) -> None:
        with self._lock:
            sessions = list(self._sessions.values())
        for ts in sessions:
            ts.close()

    def open_labels(self) -> list[str]:
        with self._lock:
            return sorted(ts.label for ts in self._sessions.values() if not ts.closed)


_registry = _Registry()
atexit.register(_registry.close_all)


def find_token(module: loader.LoadedModule, *, serial: str | None = None,
               label: str | None = None) -> Any:
    """The one present token matching ``serial`` (preferred) or ``label``; the only token
    when neither is given. Raises NoTokenError (params: module, wanted)."""
    wanted = f"serial={serial}" if serial else (f"label={label}" if label else "")
    with module.lock:
        found = []
        for token in present_tokens(module):
            if serial and token_serial(token) != serial:
                continue
            if label and not serial and str(token.label).strip() != label:
                continue
            found.append(token)
    if not found:
        raise NoTokenError(module.path, wanted)
    if len(found) > 1:
        raise TokenError("token_ambiguous", wanted, module=module.path, wanted=wanted,
                         count=len(found))
    return found[0]


def present_tokens(module: loader.LoadedModule, *, initialized_only: bool = True) -> list[Any]:
    """Tokens in the module's slots; slots whose token cannot be read are skipped, and so
    are uninitialised tokens unless asked for (SoftHSM always offers one empty slot)."""
    tokens = []
    with module.lock:
        try:
            slots = module.lib.get_slots(token_present=True)
        except pkcs11.PKCS11Error:
            return []
        for slot in slots:
            try:
                token = slot.get_token()
            except pkcs11.PKCS11Error:
                continue  # pulled between the two calls, or a stale slot (see rescan)
            if not initialized_only or TokenState.from_flags(int(token.flags)).initialized:
                tokens.append(token)
    return tokens


@contextmanager
def token_session(module: loader.LoadedModule, token: Any) -> Iterator[TokenSession]:
    """Borrow the token's session for a while (shared with open identities)."""
    ts = _registry.acquire(module, token)
    try:
        yield ts
    finally:
        _registry.release(ts)


def acquire(module: loader.LoadedModule, token: Any) -> TokenSession:
    return _registry.acquire(module, token)


def release(ts: TokenSession) -> None:
    _registry.release(ts)


def open_sessions() -> list[str]:
    """Labels of tokens with an open session (tests use it to catch leaked sessions)."""
    return _registry.open_labels()


def close_all() -> None:
    """Close every session (also runs at interpreter exit)."""
    _registry.close_all()
