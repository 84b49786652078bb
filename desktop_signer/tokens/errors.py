"""Typed errors for tokens, PINs and key files.

Every error carries a stable ``code`` (the CLI's catalogue and the window's error presenter
turn it into words) and plain ``params``. None of them ever carries a PIN or a passphrase:
the constructors do not accept one, and ``detail`` only ever holds the name of a PKCS#11
return value or a library's own message about a file.

Codes (``TokenError.code``):

==============================  ========================================================
``module_load_failed``          the PKCS#11 module could not be loaded (params: path)
``no_token``                    no token matches / no token is present (params: module)
``token_removed``               the token disappeared during an operation
``token_failure``               any other PKCS#11 failure (detail: the return value name)
``pin_incorrect``               wrong PIN; ``state`` is the token's state *after* it
``pin_locked``                  the PIN is blocked; nothing was tried (``unblock``)
``pin_final_try``               one try left; refused without ``confirm_final_try``
``pin_invalid``                 the PIN has characters or a length the token refuses
``pin_expired``                 the token says the PIN must be changed before use
``pinpad_context_login``        a PIN-pad token's key wants a per-signature login, which
                                python-pkcs11 cannot do without a PIN (see signer.py)
``certificate_not_found``       no certificate with that id/label on the token
``certificate_without_key``     the certificate has no private key on the token
``key_without_certificate``     a private key has no certificate on the token
``pkcs12_passphrase_incorrect`` the PKCS#12 file is intact but the passphrase is wrong
``pkcs12_unreadable``           the file is missing, unreadable or not PKCS#12
``pkcs12_no_key``               the PKCS#12 file holds no private key or no certificate
==============================  ========================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_signer.errors import DesktopSignerError

if TYPE_CHECKING:
    from desktop_signer.tokens.state import TokenState


class TokenError(DesktopSignerError):
    """A token, PIN or key-file problem (see the module docstring for codes)."""


class ModuleLoadError(TokenError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__("module_load_failed", reason, path=path)
        self.path = path
        self.reason = reason


class NoTokenError(TokenError):
    def __init__(self, module: str, wanted: str = "") -> None:
        super().__init__("no_token", wanted, module=module, wanted=wanted)


class TokenRemovedError(TokenError):
    def __init__(self, token_label: str, detail: str = "") -> None:
        super().__init__("token_removed", detail, token=token_label)


class TokenFailure(TokenError):
    """A PKCS#11 error we have no better name for (detail: the return value's name)."""

    def __init__(self, detail: str, token_label: str = "") -> None:
        super().__init__("token_failure", detail, token=token_label)


class PinError(TokenError):
    """Base of all PIN problems; ``state`` is the token's PIN state when it was raised."""

    def __init__(self, code: str, token_label: str, state: TokenState | None,
                 detail: str = "", **params: object) -> None:
        super().__init__(code, detail, token=token_label, **params)
        self.state = state


class WrongPinError(PinError):
    """The token refused the PIN. ``state`` was read *after* the failure, so callers can
    warn about the next attempt (COUNT_LOW, FINAL_TRY) or say that it is now LOCKED."""

    def __init__(self, token_label: str, state: TokenState | None) -> None:
        super().__init__("pin_incorrect", token_label, state,
                         now_locked=bool(state and state.pin_locked),
                         final_try_next=bool(state and state.pin_final_try))


class PinLockedError(PinError):
    """The PIN is blocked. Nothing was sent to the token. ``unblock`` says how:
    ``so_pin`` (the token's PUK/SO PIN through the vendor's token tool, or the agency's
    registration officer) or ``reissue`` (the SO PIN is blocked too: only the issuer can
    help)."""

    def __init__(self, token_label: str, state: TokenState | None) -> None:
        unblock = "reissue" if state is not None and state.so_pin_locked else "so_pin"
        super().__init__("pin_locked", token_label, state, unblock=unblock)
        self.unblock = unblock


class PinFinalTryError(PinError):
    """One attempt is left and the caller did not confirm it. Nothing was sent."""

    def __init__(self, token_label: str, state: TokenState | None) -> None:
        super().__init__("pin_final_try", token_label, state)


class PinInvalidError(PinError):
    def __init__(self, token_label: str, state: TokenState | None, detail: str) -> None:
        super().__init__("pin_invalid", token_label, state, detail)


class PinExpiredError(PinError):
    def __init__(self, token_label: str, state: TokenState | None) -> None:
        super().__init__("pin_expired", token_label, state)


class PinPadContextLoginError(TokenError):
    def __init__(self, token_label: str) -> None:
        super().__init__("pinpad_context_login", token=token_label)


class CertificateNotFoundError(TokenError):
    def __init__(self, token_label: str, wanted: str) -> None:
        super().__init__("certificate_not_found", wanted, token=token_label, wanted=wanted)


class CertificateWithoutKeyError(TokenError):
    def __init__(self, token_label: str, certificate_id: str, subject: str) -> None:
        super().__init__("certificate_without_key", token=token_label,
                         certificate_id=certificate_id, subject=subject)


class KeyWithoutCertificateError(TokenError):
    def __init__(self, token_label: str, key_id: str, key_label: str) -> None:
        super().__init__("key_without_certificate", token=token_label, key_id=key_id,
                         key_label=key_label)


class Pkcs12Error(TokenError):
    """PKCS#12 problems (codes pkcs12_*); params: path."""

    def __init__(self, code: str, path: str, detail: str = "") -> None:
        super().__init__(code, detail, path=path)
