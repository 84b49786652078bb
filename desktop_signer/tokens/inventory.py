"""Modules tried, tokens present, and the signing certificates on them.

``scan`` loads every module that was found (reporting those that fail, with the reason),
lists the tokens in their slots with their flags turned into meaning, and pairs
certificates with keys. Without a login a token usually hides its private keys, so a
certificate is listed as signing-capable when its private key is visible *or* its public
key object sits beside it (``key == "public_key"``: confirmed at login). With a login
(``LoginRequest``, one token only, so a PIN never reaches a token it was not meant for)
certificates without a private key and private keys without a certificate are reported.

Everything returned is plain, immutable data (the window and the CLI show it as is).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import pkcs11
from asn1crypto import x509

from desktop_signer.settings import LoadedSettings
from desktop_signer.tokens import loader, session
from desktop_signer.tokens.certinfo import CertificateInfo, describe
from desktop_signer.tokens.discovery import Candidate, Discovery, discover
from desktop_signer.tokens.errors import TokenError
from desktop_signer.tokens.matching import CertRef, KeyRef, match
from desktop_signer.tokens.objects import key_always_authenticate, read_objects
from desktop_signer.tokens.pkcs11_identity import certificate_ref
from desktop_signer.tokens.session import TokenSession, token_serial
from desktop_signer.tokens.state import TokenState


@dataclass(frozen=True)
class ModuleReport:
    path: str | None
    family: str
    sources: tuple[str, ...]
    status: str  # "loaded", "load_failed", "not_found", "hidden"
    reason: str = ""  # why loading failed
    looked_for: tuple[str, ...] = ()
    registration: str = ""
    description: str = ""
    manufacturer: str = ""
    version: str = ""
    token_count: int = 0


@dataclass(frozen=True)
class CertificateEntry:
    ref: str  # CKA_ID hex or sha256:<hex>; what open_pkcs11_identity(certificate=) takes
    cka_id: str
    label: str
    info: CertificateInfo
    key: str  # "private_key", "public_key" (private key hidden until login) or "none"
    matched_by: str  # "id", "label", "public_key" or ""
    always_authenticate: bool | None  # None: unknown (key not visible)
    problems: tuple[str, ...]
    certificate_der: bytes = field(default=b"", repr=False)  # for previews of the stamp


@dataclass(frozen=True)
class KeyEntry:
    cka_id: str
    label: str


@dataclass(frozen=True)
class TokenReport:
    module: str
    slot_id: int
    slot_description: str
    label: str
    manufacturer: str
    model: str
    serial: str
    state: TokenState
    logged_in: bool
    certificates: tuple[CertificateEntry, ...] = ()  # can sign: a key is there
    other_certificates: tuple[CertificateEntry, ...] = ()  # CA certificates, no key seen
    keys_without_certificate: tuple[KeyEntry, ...] = ()  # only known after login
    login_warnings: tuple[str, ...] = ()
    error: str = ""  # code of a TokenError met while reading (e.g. pin_incorrect)
    error_params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class LoginRequest:
    token: str  # serial or label
    pin: str | None = field(repr=False)  # never shown in reprs or logs
    confirm_final_try: bool = False

    def applies_to(self, serial: str, label: str) -> bool:
        return self.token in (serial, label)


@dataclass(frozen=True)
class Inventory:
    system: str
    search_dirs: tuple[str, ...]
    p11kit_dirs: tuple[str, ...]
    modules: tuple[ModuleReport, ...]
    tokens: tuple[TokenReport, ...]


def _entry(cert: CertRef[x509.Certificate], key: KeyRef[Any] | None, key_kind: str,
           matched_by: str, logged_in: bool, now: datetime | None) -> CertificateEntry:
    info = describe(cert.obj, now)
    problems = list(info.problems)
    if key is None and logged_in and not info.is_ca:
        problems.insert(0, "certificate_without_key")
    always = key_always_authenticate(key.obj) if key is not None and key_kind == \
        "private_key" else None
    return CertificateEntry(
        ref=certificate_ref(cert), cka_id=cert.id.hex(), label=cert.label, info=info,
        key=key_kind if key is not None else "none", matched_by=matched_by,
        always_authenticate=always, problems=tuple(problems),
        certificate_der=cert.obj.dump(),
    )


def read_token(ts: TokenSession, now: datetime | None = None
               ) -> tuple[tuple[CertificateEntry, ...], tuple[CertificateEntry, ...],
                          tuple[KeyEntry, ...]]:
    """(signing certificates, other certificates, keys without certificate)."""
    objects = read_objects(ts)
    private = match(objects.certificates, objects.private_keys)
    signing: list[CertificateEntry] = [
        _entry(p.cert, p.key, "private_key", p.matched_by, ts.logged_in, now)
        for p in private.pairs
    ]
    others: list[CertificateEntry] = []
    by_public = match(private.certs_without_key, objects.public_keys)
    for p in by_public.pairs:
        if ts.logged_in:  # the public key is there but the private key is not
            others.append(_entry(p.cert, None, "none", "", True, now))
        else:
            signing.append(_entry(p.cert, p.key, "public_key", p.matched_by, False, now))
    for cert in by_public.certs_without_key:
        others.append(_entry(cert, None, "none", "", ts.logged_in, now))
    keys_without = tuple(KeyEntry(k.id.hex(), k.label) for k in private.keys_without_cert)
    # a CA certificate with a key (a CA's own token) is not for signing letters
    def order(e: CertificateEntry) -> tuple[str, str]:
        return e.info.subject_name.casefold(), e.ref

    signing_out = tuple(sorted((e for e in signing if not e.info.is_ca), key=order))
    others_out = tuple(sorted(others + [e for e in signing if e.info.is_ca], key=order))
    return signing_out, others_out, keys_without


def _token_report(module: loader.LoadedModule, token: Any, login: LoginRequest | None,
                  now: datetime | None) -> TokenReport:
    serial = token_serial(token)
    label = str(token.label).strip()
    slot = token.slot
    base: dict[str, Any] = {
        "module": module.path, "slot_id": int(slot.slot_id),
        "slot_description": str(getattr(slot, "slot_description", "")).strip(),
        "label": label, "manufacturer": str(token.manufacturer_id).strip(),
        "model": str(token.model).strip(), "serial": serial,
    }
    with session.token_session(module, token) as ts:
        warnings: tuple[str, ...] = ()
        error: TokenError | None = None
        try:
            if login is not None and login.applies_to(serial, label):
                warnings = ts.login(login.pin, confirm_final_try=login.confirm_final_try).warnings
        except TokenError as exc:
            error = exc
        try:
            state = ts.state()
            certs, others, keys = read_token(ts, now)
        except TokenError as exc:
            state = TokenState.from_flags(int(token.flags), int(slot.flags))
            return TokenReport(**base, state=state, logged_in=False, error=exc.code,
                               error_params=tuple(exc.params.items()))
        return TokenReport(
            **base, state=state, logged_in=ts.logged_in, certificates=certs,
            other_certificates=others, keys_without_certificate=keys,
            login_warnings=warnings, error=error.code if error else "",
            error_params=tuple(error.params.items()) if error else (),
        )


def _module_report(cand: Candidate) -> tuple[ModuleReport, loader.LoadedModule | None]:
    common: dict[str, Any] = {
        "path": cand.path, "family": cand.family, "sources": tuple(cand.sources),
        "looked_for": cand.looked_for, "registration": cand.registration,
    }
    if not cand.found or cand.path is None:
        return ModuleReport(**common, status="not_found"), None
    if cand.hidden:
        return ModuleReport(**common, status="hidden"), None
    try:
        module = loader.load(cand.path)
    except TokenError as exc:
        return ModuleReport(**common, status="load_failed", reason=exc.detail), None
    return ModuleReport(**common, status="loaded", description=module.description,
                        manufacturer=module.manufacturer, version=module.version), module


def scan(
    loaded_settings: LoadedSettings | None = None,
    modules: Iterable[str] = (),
    *,
    login: LoginRequest | None = None,
    rescan: bool = False,
    now: datetime | None = None,
    discovery: Discovery | None = None,
) -> Inventory:
    """Look for modules, load those found, list tokens and certificates.

    ``modules``: paths given on the command line (``--module``). ``rescan``: initialise
    idle modules again first, for modules (SoftHSM) that see new tokens only then."""
    found = discovery or discover(loaded_settings, modules)
    reports: list[ModuleReport] = []
    tokens: list[TokenReport] = []
    for cand in found.candidates:
        report, module = _module_report(cand)
        if module is not None:
            if rescan:
                loader.rescan(module.path)
            module_tokens: list[TokenReport] = []
            for token in session.present_tokens(module):
                try:
                    module_tokens.append(_token_report(module, token, login, now))
                except pkcs11.PKCS11Error:
                    continue  # the token went away while we looked at it
            tokens.extend(module_tokens)
            report = replace(report, token_count=len(module_tokens))
        reports.append(report)
    return Inventory(found.system, found.search_dirs, found.p11kit_dirs, tuple(reports),
                     tuple(tokens))
