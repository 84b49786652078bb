"""The one interface signing code sees, wherever the key lives.

A token key (PKCS#11), a PKCS#12 file, and later BSrE's remote signing service all
implement :class:`SigningIdentity`. Signing code asks for ``pyhanko_signer()`` and never
cares where the key is. Implementations: ``desktop_signer.tokens`` (PKCS#11 and PKCS#12);
``desktop_signer.remote.identity`` (the service signs whole documents: ``sign_batch``
hands it to the remote batch).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asn1crypto import x509
    from pyhanko.sign.signers import Signer


class SigningIdentity(ABC):
    """A certificate with access to its private key, ready to sign."""

    #: "pkcs11", "pkcs12", "remote" (``desktop_signer.remote.identity``)
    kind: str

    @property
    @abstractmethod
    def certificate(self) -> x509.Certificate:
        """The signer's certificate."""

    @property
    @abstractmethod
    def other_certificates(self) -> list[x509.Certificate]:
        """Chain certificates available with the key (embedded into signatures)."""

    @abstractmethod
    def pyhanko_signer(self) -> Signer:
        """A pyHanko signer bound to this key. Raises typed errors
        (``desktop_signer.tokens.errors``) for PIN, token and key problems."""

    def close(self) -> None:  # noqa: B027  (optional hook; most identities hold nothing)
        """Release sessions or secrets held by this identity."""
