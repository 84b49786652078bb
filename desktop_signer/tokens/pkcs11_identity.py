"""A certificate and its private key on a PKCS#11 token, as a ``SigningIdentity``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from asn1crypto import x509
from pyhanko.sign.signers import Signer

from desktop_signer.identity import SigningIdentity
from desktop_signer.tokens import loader, session
from desktop_signer.tokens.certinfo import CertificateInfo, describe
from desktop_signer.tokens.errors import (
    CertificateNotFoundError,
    CertificateWithoutKeyError,
    KeyWithoutCertificateError,
    TokenError,
    TokenRemovedError,
)
from desktop_signer.tokens.matching import CertRef, Matching, Pair, match
from desktop_signer.tokens.objects import key_always_authenticate, key_can_sign, read_objects
from desktop_signer.tokens.session import TokenKey, TokenSession
from desktop_signer.tokens.signer import GuardedKey, TokenSigner


def certificate_ref(cert: CertRef[x509.Certificate]) -> str:
    """How we name a certificate on a token (and remember it in settings): its CKA_ID in
    hex, or ``sha256:<fingerprint>`` when it has no CKA_ID."""
    return cert.id.hex() if cert.id else f"sha256:{cert.obj.sha256.hex()}"


def refers_to(cert: CertRef[x509.Certificate], ref: str) -> bool:
    ref = ref.strip().lower()
    if ref.startswith("sha256:"):
        return bool(cert.obj.sha256.hex() == ref[7:])
    return bool(cert.id) and cert.id.hex() == ref.replace(":", "")


def chain_for(cert: x509.Certificate, others: Sequence[x509.Certificate]) -> list[x509.Certificate]:
    """The CA certificates among ``others`` that issued ``cert`` (walking issuer names).
    Only these travel with the signature; other people's certificates on a shared token
    must not."""
    chain: list[x509.Certificate] = []
    current = cert
    cas = [c for c in others if c.ca]
    while not current.self_issued:
        issuer = next((c for c in cas if c.subject == current.issuer and c not in chain), None)
        if issuer is None:
            break
        chain.append(issuer)
        current = issuer
    return chain


class Pkcs11Identity(SigningIdentity):
    kind = "pkcs11"

    def __init__(self, ts: TokenSession, pair: Pair[x509.Certificate, Any],
                 chain: list[x509.Certificate], login_warnings: tuple[str, ...],
                 pin_for_context_login: str | None) -> None:
        self._ts = ts
        self._pair = pair
        self._chain = chain
        self.login_warnings = login_warnings
        self.always_authenticate = key_always_authenticate(pair.key.obj)
        self._key = GuardedKey(ts, pair.key.obj, always_authenticate=self.always_authenticate,
                               pin=pin_for_context_login if self.always_authenticate else None)
        self.info: CertificateInfo = describe(pair.cert.obj)
        self.certificate_ref = certificate_ref(pair.cert)
        self.matched_by = pair.matched_by
        self._closed = False

    @property
    def token(self) -> TokenKey:
        return self._ts.key

    @property
    def module_path(self) -> str:
        """The module as it was first given (what settings.last_module remembers)."""
        return self._ts.module.path

    @property
    def certificate(self) -> x509.Certificate:
        return self._pair.cert.obj

    @property
    def other_certificates(self) -> list[x509.Certificate]:
        return list(self._chain)

    @property
    def signatures_made(self) -> int:
        return self._key.signatures

    def pyhanko_signer(self, *, prefer_pss: bool = False, embed_roots: bool = True) -> Signer:
        if self._closed:
            raise TokenError("identity_closed", token=self._ts.label)
        with self._ts.lock:
            if self._ts.closed:
                raise TokenRemovedError(self._ts.label, "session closed")
            return TokenSigner(self._ts, self._key, self.certificate, self._chain,
                               prefer_pss=prefer_pss, embed_roots=embed_roots)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._key.forget_pin()
        session.release(self._ts)


def read_matching(ts: TokenSession) -> tuple[Matching[x509.Certificate, Any],
                                             list[x509.Certificate]]:
    """Certificates paired with private keys in the (logged-in) session, and all
    certificates on the token."""
    objects = read_objects(ts)
    return match(objects.certificates, objects.private_keys), [c.obj for c in
                                                              objects.certificates]


def _choose(matching: Matching[x509.Certificate, Any], ts: TokenSession,
            certificate: str | None, certificate_label: str | None
            ) -> Pair[x509.Certificate, Any]:
    def wanted(c: CertRef[x509.Certificate]) -> bool:
        if certificate:
            return refers_to(c, certificate)
        return c.label == certificate_label

    if certificate or certificate_label:
        for pair in matching.pairs:
            if wanted(pair.cert):
                return pair
        for cert in matching.certs_without_key:
            if wanted(cert):
                raise CertificateWithoutKeyError(ts.label, certificate_ref(cert),
                                                 cert.obj.subject.human_friendly)
        raise CertificateNotFoundError(ts.label, certificate or certificate_label or "")
    signing = [p for p in matching.pairs if not p.cert.obj.ca]
    if len(signing) == 1:
        return signing[0]
    if not signing:
        if matching.keys_without_cert:
            key = matching.keys_without_cert[0]
            raise KeyWithoutCertificateError(ts.label, key.id.hex(), key.label)
        raise CertificateNotFoundError(ts.label, "")
    raise TokenError("certificate_ambiguous", token=ts.label, count=len(signing))


def open_pkcs11_identity(
    module: str | os.PathLike[str],
    *,
    pin: str | None,
    token_serial: str | None = None,
    token_label: str | None = None,
    certificate: str | None = None,
    certificate_label: str | None = None,
    confirm_final_try: bool = False,
    extra_certificates: Sequence[x509.Certificate] = (),
) -> Pkcs11Identity:
    """Log in to a token and return the identity for one of its certificates.

    ``certificate`` is a certificate reference (CKA_ID hex, or ``sha256:<hex>``, as
    listed by ``desktop-signer tokens``); ``certificate_label`` picks by CKA_LABEL. With
    neither, the token must hold exactly one signing certificate with a key.
    ``pin`` may be None on PIN-pad tokens. ``extra_certificates`` (e.g. the bundled CA
    certificates) complete the chain when the token holds only the signer's certificate.
    Raises the errors of ``desktop_signer.tokens.errors``.
    """
    loaded = loader.load(module)
    token = session.find_token(loaded, serial=token_serial, label=token_label)
    ts = session.acquire(loaded, token)
    try:
        result = ts.login(pin, confirm_final_try=confirm_final_try)
        matching, all_certs = read_matching(ts)
        pair = _choose(matching, ts, certificate, certificate_label)
        if not key_can_sign(pair.key.obj):
            raise TokenError("key_cannot_sign", token=ts.label,
                             certificate_id=certificate_ref(pair.cert))
        candidates = [c for c in all_certs if c != pair.cert.obj] + list(extra_certificates)
        chain = chain_for(pair.cert.obj, candidates)
        return Pkcs11Identity(ts, pair, chain, result.warnings, pin)
    except BaseException:
        session.release(ts)
        raise
