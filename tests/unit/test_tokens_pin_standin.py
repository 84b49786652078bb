"""FINAL_TRY, LOCKED and PIN-pad through the real login code, with ``StandInToken``.

SoftHSM never reports USER_PIN_FINAL_TRY or USER_PIN_LOCKED and has no PIN pad, so these
tests use a stand-in for a python-pkcs11 Token that reports such flags and records every
``open`` call: they prove that no PIN reaches a locked or final-try token unless allowed.
(COUNT_LOW is tested against real SoftHSM in tests/integration/test_tokens_pin.py.)"""

from __future__ import annotations

from typing import Any

import pkcs11
import pytest

from desktop_signer.cli import catalogue
from desktop_signer.cli.tokens_cmd import error_line
from desktop_signer.tokens.errors import PinFinalTryError, PinLockedError, WrongPinError
from desktop_signer.tokens.loader import LoadedModule
from desktop_signer.tokens.session import TokenSession
from desktop_signer.tokens.state import (
    CKF_LOGIN_REQUIRED,
    CKF_PROTECTED_AUTHENTICATION_PATH,
    CKF_TOKEN_INITIALIZED,
    CKF_USER_PIN_COUNT_LOW,
    CKF_USER_PIN_FINAL_TRY,
    CKF_USER_PIN_INITIALIZED,
    CKF_USER_PIN_LOCKED,
)

READY = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED | CKF_LOGIN_REQUIRED
PIN = "Pin-Stand-In-4711"


class StandInSession:
    closed = False

    def close(self) -> None:
        self.closed = True


class StandInSlot:
    slot_id = 7
    flags = 0

    def __init__(self, token: StandInToken) -> None:
        self._token = token

    def get_token(self) -> StandInToken:
        return self._token


class StandInToken:
    """Stand-in for pkcs11.Token: flags as a real eToken would report them; ``open``
    records its arguments and can refuse the PIN like a card does."""

    label = "ETOKEN-STAND-IN"
    serial = b"0042"
    manufacturer_id = "Stand-in"
    model = "stand-in"

    def __init__(self, flags: int, refuse_pin_then: int | None = None) -> None:
        self.flags = flags
        self.slot = StandInSlot(self)
        self.opens: list[dict[str, Any]] = []
        self._refuse_then = refuse_pin_then

    def open(self, **kwargs: Any) -> StandInSession:
        self.opens.append(kwargs)
        if self._refuse_then is not None and kwargs.get("user_pin") not in (None,
                                                                           pkcs11.PROTECTED_AUTH):
            self.flags = self._refuse_then  # what the card reports after the failure
            raise pkcs11.PinIncorrect()
        return StandInSession()


def session_for(token: StandInToken) -> TokenSession:
    return TokenSession(LoadedModule(path="stand-in.so", real_path="stand-in.so", lib=None), token)


def test_locked_pin_is_never_tried() -> None:
    token = StandInToken(READY | CKF_USER_PIN_LOCKED)
    with pytest.raises(PinLockedError) as err:
        session_for(token).login(PIN, confirm_final_try=True)
    assert token.opens == []  # no C_OpenSession, no C_Login
    assert err.value.params == {"token": "ETOKEN-STAND-IN", "unblock": "so_pin"}
    t = catalogue()
    assert "PUK/SO" in error_line(err.value, t)


def test_final_try_is_refused_without_confirmation() -> None:
    token = StandInToken(READY | CKF_USER_PIN_FINAL_TRY)
    with pytest.raises(PinFinalTryError):
        session_for(token).login(PIN)
    assert token.opens == []


def test_final_try_with_confirmation_logs_in_and_warns() -> None:
    token = StandInToken(READY | CKF_USER_PIN_FINAL_TRY)
    ts = session_for(token)
    result = ts.login(PIN, confirm_final_try=True)
    assert token.opens == [{"user_pin": PIN}]
    assert result.warnings == ("pin_final_try",) and ts.logged_in


def test_wrong_pin_on_final_try_reports_the_token_is_now_locked() -> None:
    token = StandInToken(READY | CKF_USER_PIN_FINAL_TRY,
                         refuse_pin_then=READY | CKF_USER_PIN_LOCKED)
    with pytest.raises(WrongPinError) as err:
        session_for(token).login(PIN, confirm_final_try=True)
    assert err.value.state is not None and err.value.state.pin_locked
    assert err.value.params["now_locked"] is True
    assert "LOCKED" in error_line(err.value, catalogue()) or \
        "TERKUNCI" in error_line(err.value, catalogue())


def test_wrong_pin_leaving_one_try_says_so() -> None:
    token = StandInToken(READY | CKF_USER_PIN_COUNT_LOW,
                         refuse_pin_then=READY | CKF_USER_PIN_FINAL_TRY)
    with pytest.raises(WrongPinError) as err:
        session_for(token).login(PIN)
    assert err.value.params["final_try_next"] is True


def test_pin_pad_logs_in_without_a_pin() -> None:
    token = StandInToken(READY | CKF_PROTECTED_AUTHENTICATION_PATH)
    ts = session_for(token)
    result = ts.login(None)
    assert token.opens == [{"user_pin": pkcs11.PROTECTED_AUTH}]
    assert "pin_pad" in result.warnings and ts.pin_pad


def test_pin_pad_ignores_a_typed_pin() -> None:
    token = StandInToken(READY | CKF_PROTECTED_AUTHENTICATION_PATH)
    session_for(token).login(PIN)
    assert token.opens == [{"user_pin": pkcs11.PROTECTED_AUTH}]
