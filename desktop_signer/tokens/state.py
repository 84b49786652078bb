"""What a token's flags mean, and the PIN rules that follow from them (DESIGN §4.3).

PKCS#11 reports the PIN's state in ``CK_TOKEN_INFO.flags``. We read them before every
login, because a token counts wrong PINs and a civil servant's token must never be locked
by an application that did not warn. The bits are taken from the PKCS#11 v2.40 header
(python-pkcs11's ``TokenFlag`` lacks the SO-PIN and TO_BE_CHANGED bits).
"""

from __future__ import annotations

from dataclasses import dataclass

# CK_TOKEN_INFO.flags (pkcs11t.h)
CKF_WRITE_PROTECTED = 0x00000002
CKF_LOGIN_REQUIRED = 0x00000004
CKF_USER_PIN_INITIALIZED = 0x00000008
CKF_PROTECTED_AUTHENTICATION_PATH = 0x00000100
CKF_TOKEN_INITIALIZED = 0x00000400
CKF_USER_PIN_COUNT_LOW = 0x00010000
CKF_USER_PIN_FINAL_TRY = 0x00020000
CKF_USER_PIN_LOCKED = 0x00040000
CKF_USER_PIN_TO_BE_CHANGED = 0x00080000
CKF_SO_PIN_COUNT_LOW = 0x00100000
CKF_SO_PIN_FINAL_TRY = 0x00200000
CKF_SO_PIN_LOCKED = 0x00400000
CKF_SO_PIN_TO_BE_CHANGED = 0x00800000
# CK_SLOT_INFO.flags
CKF_REMOVABLE_DEVICE = 0x00000002
CKF_HW_SLOT = 0x00000004


@dataclass(frozen=True)
class TokenState:
    """The token's flags turned into meaning."""

    initialized: bool
    user_pin_initialized: bool
    login_required: bool
    write_protected: bool
    pin_pad: bool  # PROTECTED_AUTHENTICATION_PATH: the PIN is typed on the reader
    pin_count_low: bool  # a wrong PIN was entered since the last good one
    pin_final_try: bool  # the next wrong PIN locks the token
    pin_locked: bool
    pin_to_be_changed: bool
    so_pin_locked: bool
    removable: bool
    hardware_slot: bool
    flags: int  # the raw CK_TOKEN_INFO.flags, for the "details" part of a message

    @classmethod
    def from_flags(cls, token_flags: int, slot_flags: int = 0) -> TokenState:
        f = int(token_flags)
        s = int(slot_flags)
        return cls(
            initialized=bool(f & CKF_TOKEN_INITIALIZED),
            user_pin_initialized=bool(f & CKF_USER_PIN_INITIALIZED),
            login_required=bool(f & CKF_LOGIN_REQUIRED),
            write_protected=bool(f & CKF_WRITE_PROTECTED),
            pin_pad=bool(f & CKF_PROTECTED_AUTHENTICATION_PATH),
            pin_count_low=bool(f & CKF_USER_PIN_COUNT_LOW),
            pin_final_try=bool(f & CKF_USER_PIN_FINAL_TRY),
            pin_locked=bool(f & CKF_USER_PIN_LOCKED),
            pin_to_be_changed=bool(f & CKF_USER_PIN_TO_BE_CHANGED),
            so_pin_locked=bool(f & CKF_SO_PIN_LOCKED),
            removable=bool(s & CKF_REMOVABLE_DEVICE),
            hardware_slot=bool(s & CKF_HW_SLOT),
            flags=f,
        )

    @property
    def conditions(self) -> tuple[str, ...]:
        """Stable codes for what a user must be told, most serious first."""
        out: list[str] = []
        if not self.initialized:
            out.append("token_not_initialized")
        elif not self.user_pin_initialized and self.login_required:
            out.append("user_pin_not_initialized")
        if self.pin_locked:
            out.append("pin_locked")
        elif self.pin_final_try:
            out.append("pin_final_try")
        elif self.pin_count_low:
            out.append("pin_count_low")
        if self.pin_to_be_changed:
            out.append("pin_to_be_changed")
        if self.so_pin_locked:
            out.append("so_pin_locked")
        if self.pin_pad:
            out.append("pin_pad")
        return tuple(out)


@dataclass(frozen=True)
class LoginAdvice:
    """What the PIN rules say before a login: ``warnings`` are codes to show (they do not
    stop the login); ``use_pin_pad`` means log in without a PIN, on the reader's keypad."""

    warnings: tuple[str, ...]
    use_pin_pad: bool


def advise_login(state: TokenState, token_label: str, *, confirm_final_try: bool) -> LoginAdvice:
    """Apply DESIGN §4.3 before any PIN reaches the token.

    Raises ``PinLockedError`` (never try a locked PIN) and ``PinFinalTryError`` (the next
    wrong PIN locks the token; only an explicit confirmation lets the attempt through).
    """
    from desktop_signer.tokens.errors import PinFinalTryError, PinLockedError

    if state.pin_locked:
        raise PinLockedError(token_label, state)
    warnings: list[str] = []
    if state.pin_final_try:
        if not confirm_final_try:
            raise PinFinalTryError(token_label, state)
        warnings.append("pin_final_try")
    elif state.pin_count_low:
        warnings.append("pin_count_low")
    if state.pin_to_be_changed:
        warnings.append("pin_to_be_changed")
    if state.pin_pad:
        warnings.append("pin_pad")
    return LoginAdvice(tuple(warnings), use_pin_pad=state.pin_pad)
