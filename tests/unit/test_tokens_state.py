"""Token flags turned into meaning, and the PIN rules applied before any login."""

from __future__ import annotations

import pytest

from desktop_signer.tokens.errors import PinFinalTryError, PinLockedError
from desktop_signer.tokens.state import (
    CKF_LOGIN_REQUIRED,
    CKF_PROTECTED_AUTHENTICATION_PATH,
    CKF_REMOVABLE_DEVICE,
    CKF_SO_PIN_LOCKED,
    CKF_TOKEN_INITIALIZED,
    CKF_USER_PIN_COUNT_LOW,
    CKF_USER_PIN_FINAL_TRY,
    CKF_USER_PIN_INITIALIZED,
    CKF_USER_PIN_LOCKED,
    CKF_USER_PIN_TO_BE_CHANGED,
    TokenState,
    advise_login,
)

READY = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED | CKF_LOGIN_REQUIRED


def state(extra: int = 0, slot: int = 0) -> TokenState:
    return TokenState.from_flags(READY | extra, slot)


def test_softhsm_flags_of_a_fresh_token_mean_ready() -> None:
    s = TokenState.from_flags(1069)  # what SoftHSM 2.6 reports for a fresh token
    assert s.initialized and s.user_pin_initialized and s.login_required
    assert not (s.pin_count_low or s.pin_final_try or s.pin_locked or s.pin_pad)
    assert s.conditions == ()


def test_softhsm_flags_after_a_wrong_pin_mean_count_low() -> None:
    s = TokenState.from_flags(66605)  # measured: 1069 | USER_PIN_COUNT_LOW
    assert s.pin_count_low and s.conditions == ("pin_count_low",)


def test_every_flag_has_a_meaning() -> None:
    s = state(CKF_USER_PIN_TO_BE_CHANGED | CKF_SO_PIN_LOCKED | CKF_PROTECTED_AUTHENTICATION_PATH,
              CKF_REMOVABLE_DEVICE)
    assert s.pin_to_be_changed and s.so_pin_locked and s.pin_pad and s.removable
    assert s.conditions == ("pin_to_be_changed", "so_pin_locked", "pin_pad")
    assert TokenState.from_flags(0).conditions == ("token_not_initialized",)


def test_locked_pin_is_refused_before_login_and_says_how_to_unblock() -> None:
    with pytest.raises(PinLockedError) as err:
        advise_login(state(CKF_USER_PIN_LOCKED), "T", confirm_final_try=True)
    assert err.value.code == "pin_locked" and err.value.unblock == "so_pin"
    with pytest.raises(PinLockedError) as both:
        advise_login(state(CKF_USER_PIN_LOCKED | CKF_SO_PIN_LOCKED), "T", confirm_final_try=True)
    assert both.value.unblock == "reissue"


def test_final_try_needs_explicit_confirmation() -> None:
    with pytest.raises(PinFinalTryError) as err:
        advise_login(state(CKF_USER_PIN_FINAL_TRY), "T", confirm_final_try=False)
    assert err.value.code == "pin_final_try" and err.value.params["token"] == "T"
    advice = advise_login(state(CKF_USER_PIN_FINAL_TRY), "T", confirm_final_try=True)
    assert advice.warnings == ("pin_final_try",)


def test_count_low_to_be_changed_and_pin_pad_are_warnings() -> None:
    advice = advise_login(
        state(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_TO_BE_CHANGED
              | CKF_PROTECTED_AUTHENTICATION_PATH), "T", confirm_final_try=False)
    assert advice.warnings == ("pin_count_low", "pin_to_be_changed", "pin_pad")
    assert advice.use_pin_pad
    assert advise_login(state(), "T", confirm_final_try=False).warnings == ()
