"""Remembering which module, token and certificate the user signed with last time.

Stored in the user's settings (``last_module``, ``last_token`` = the token's serial,
because labels are not unique, ``last_certificate`` = the certificate reference or the
PKCS#12 path). Never a PIN or passphrase: there is no field for one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop_signer import settings as settings_mod
from desktop_signer.identity import SigningIdentity
from desktop_signer.settings import LoadedSettings


@dataclass(frozen=True)
class LastChoice:
    module: str
    token_serial: str
    certificate: str  # CKA_ID hex / sha256:<hex>, or a PKCS#12 path

    @property
    def is_pkcs12(self) -> bool:
        return not self.module and bool(self.certificate)


def last_choice(loaded: LoadedSettings) -> LastChoice | None:
    s = loaded.settings
    if not (s.last_module or s.last_certificate):
        return None
    return LastChoice(s.last_module, s.last_token, s.last_certificate)


def remember(loaded: LoadedSettings, identity: SigningIdentity) -> LoadedSettings:
    """Store the identity's module/token/certificate as the last choice."""
    from desktop_signer.tokens.pkcs11_identity import Pkcs11Identity
    from desktop_signer.tokens.pkcs12_identity import Pkcs12Identity

    if isinstance(identity, Pkcs11Identity):
        token = identity.token
        new = replace(loaded.settings, last_module=identity.module_path,
                      last_token=token.serial, last_certificate=identity.certificate_ref)
    elif isinstance(identity, Pkcs12Identity):
        new = replace(loaded.settings, last_module="", last_token="",
                      last_certificate=str(identity.path))
    else:  # a future remote identity remembers nothing here
        return loaded
    if new == loaded.settings:
        return loaded
    return settings_mod.save(loaded, new)
