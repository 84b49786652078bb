"""Identity sources: where the signing identities a user can choose from come from.

The window's chooser lists identities *by source*, never by key technology, so a new kind
of key (BSrE remote signing through an eSign Client Service) is one new class here and no
change in the window. A source is anything with this small protocol
(:class:`IdentitySource`)::

    source.id                  -> str   stable: "pkcs11", "pkcs12", later "remote"
    source.list()              -> SourceListing   (blocking; called off the GUI thread)
    source.open(option, secret, confirm_final_try=False) -> SigningIdentity  (blocking)

``list()`` returns every identity the source can see as an :class:`IdentityOption`: the
certificate's details when known, whether it can be chosen (``usable``) and why not
(``reasons``, stable codes), warnings worth a sentence (``warnings``), and what secret
``open`` needs (:class:`SecretSpec`: a PIN with length limits and the token's PIN state, a
passphrase, a PIN pad, a one-time code, or nothing). ``diagnostics`` says what was tried
and why something failed (module not found, load error, a token that could not be read),
so "no certificate" is never shown without its reason. ``list()`` must not raise for one
broken device: report it as a :class:`Diagnostic`. Listings are frozen and comparable;
the window's watcher compares two in a row to notice a token inserted or pulled.

``open()`` gets back the option the user chose and the secret typed into the window (the
window keeps no copy), logs in, and returns a :class:`~desktop_signer.identity.
SigningIdentity` for ``signing.sign_batch``; it raises the typed errors of
``desktop_signer.tokens.errors`` (``WrongPinError`` carries the token's state after the
failure, so the PIN dialog can warn before the next try). ``option.key`` is the source's
own reference (opaque to the window).

A token's certificate also carries its revocation status (``option.revocation``): the
issuer's OCSP/CRL is asked in the background by a
:class:`~desktop_signer.tokens.revocation_monitor.RevocationMonitor` (``Pkcs11Source.
revocation``), so a listing never waits for the network; a revoked certificate gets the
blocking reason ``revoked``, a status still being looked up or unknown (offline) blocks
nothing. PKCS#12 files show their certificate only after the passphrase, so they are not
asked here (signing at B-LT checks revocation itself).

A remote source would list the identities it knows (e.g. the NIK remembered in the
settings) with ``SecretSpec(kind="passphrase")`` or ``kind="totp"``, put the reachability
of its gateway into ``diagnostics``, and return its remote ``SigningIdentity`` from
``open``. Sources: :class:`Pkcs11Source` (tokens), :class:`Pkcs12Source` (files) and
:class:`RemoteSource` (BSrE eSign through the agency's ESC).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from desktop_signer.identity import SigningIdentity
from desktop_signer.settings import EscSettings, LoadedSettings, Settings
from desktop_signer.tokens.certinfo import CertificateInfo
from desktop_signer.tokens.state import TokenState

if TYPE_CHECKING:
    from desktop_signer.remote import EscAccount
    from desktop_signer.tokens.inventory import CertificateEntry
    from desktop_signer.tokens.revocation_monitor import RevocationMonitor
    from desktop_signer.tokens.revocation_status import RevocationStatus

SECRET_PIN = "pin"
SECRET_PIN_PAD = "pin_pad"
SECRET_PASSPHRASE = "passphrase"
SECRET_TOTP = "totp"
SECRET_NONE = "none"
SOFTHSM_FAMILY = "SoftHSM2 (latihan)"


@dataclass(frozen=True)
class SecretSpec:
    """What ``open`` needs from the user."""

    kind: str  # SECRET_PIN, SECRET_PIN_PAD, SECRET_PASSPHRASE, SECRET_TOTP, SECRET_NONE
    min_length: int = 0  # 0: no limit known
    max_length: int = 0
    token_state: TokenState | None = None  # PKCS#11: the PIN's state when listed
    holder: str = ""  # what the secret unlocks: token label, file name, service name


@dataclass(frozen=True)
class IdentityOption:
    source: str  # the source's id
    key: str  # the source's own reference; opaque to the window
    holder: str  # where the key lives, for people: "Token LATIHAN", "budi.p12"
    label: str  # the certificate's name on its holder, or the file name
    info: CertificateInfo | None  # None: details only after opening (PKCS#12)
    certificate_der: bytes = field(default=b"", repr=False)  # for the stamp preview
    usable: bool = True
    reasons: tuple[str, ...] = ()  # why it cannot be chosen (stable codes)
    warnings: tuple[str, ...] = ()  # expiring_soon, training, pin_count_low, ...
    secret: SecretSpec = field(default_factory=lambda: SecretSpec(SECRET_NONE))
    training: bool = False
    # what the issuer's OCSP/CRL says (a token's certificate); None: not asked. "revoked"
    # is also a blocking reason; "checking" and "unknown" never block
    revocation: RevocationStatus | None = None

    @property
    def display_name(self) -> str:
        return self.info.subject_name if self.info is not None and \
            self.info.subject_name else self.label


@dataclass(frozen=True)
class Diagnostic:
    """One thing that was tried: a module, a token, a file, a service."""

    subject: str  # a path, a token label, a URL
    status: str  # "ok", "not_found", "load_failed", "hidden", "unreadable", "empty"
    reason: str = ""  # technical reason (a PKCS#11 return value's name, a library message)
    looked_for: tuple[str, ...] = ()  # file names tried (a module family not found)
    family: str = ""


@dataclass(frozen=True)
class SourceListing:
    source: str
    options: tuple[IdentityOption, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


@runtime_checkable
class IdentitySource(Protocol):
    id: str

    def list(self) -> SourceListing:
        """Every identity this source sees, with diagnostics. Blocking; never prompts."""
        ...

    def open(self, option: IdentityOption, secret: str | None, *,
             confirm_final_try: bool = False) -> SigningIdentity:
        """Log in and return the identity. Raises ``desktop_signer.tokens.errors``."""
        ...


# reasons an option cannot be chosen (CertificateInfo.problems that block signing)
BLOCKING_PROBLEMS = frozenset({"expired", "not_yet_valid", "no_signing_usage",
                               "certificate_without_key", "pin_locked", "revoked",
                               "token_not_initialized", "user_pin_not_initialized"})


def is_training_chain(der: bytes, others: Sequence[bytes] = ()) -> bool:
    """The certificate is, or is issued (directly or through ``others``) by, a training CA
    of the trust registry (``resources/trust``): its signatures carry the training mark."""
    if not der:
        return False
    from asn1crypto import x509

    from desktop_signer.trust.registry import load_registry

    registry = load_registry()
    leaf = x509.Certificate.load(der)
    cas = [x509.Certificate.load(d) for d in others if d]
    certs = [leaf]
    while not certs[-1].self_issued:  # walk up by issuer name, as far as we know it
        issuer = next((c for c in cas if c.subject == certs[-1].issuer and c not in certs),
                      None)
        if issuer is None:
            break
        certs.append(issuer)
    for cert in certs:
        if registry.flag_for(cert) == "training_ca":
            return True
        issuer = cert.issuer.native
        for ca in registry.non_production:
            if ca.flag == "training_ca" and issuer.get("common_name") == ca.common_name and (
                    ca.organization_name is None
                    or issuer.get("organization_name") == ca.organization_name):
                return True
    return False


class Pkcs11Source:
    """Certificates on PKCS#11 tokens, from every module discovery finds (DESIGN §4.2).

    SoftHSM enumerates tokens only when initialised, so its module is initialised again
    before each listing (refused by the loader while a session is open, which is harmless:
    then nothing was inserted that we could miss). Other modules handle hot-plugging."""

    id = "pkcs11"

    def __init__(self, loaded: LoadedSettings | None, modules: Sequence[str] = (),
                 *, now: datetime | None = None, known_cas: Sequence[bytes] = (),
                 revocation: RevocationMonitor | None = None) -> None:
        self._loaded = loaded
        self._modules = tuple(modules)
        self._now = now
        # CA certificates (DER) that complete chains when a token holds only the signer's
        # certificate: whether a certificate is a training one is decided along its chain
        self.known_cas = tuple(known_cas)
        # asks each certificate's OCSP/CRL in the background; None: never asked
        self.revocation = revocation

    def set_settings(self, loaded: LoadedSettings | None) -> None:
        """New settings (modules added or hidden) for the next listing."""
        self._loaded = loaded

    def list(self) -> SourceListing:
        from desktop_signer.tokens import loader
        from desktop_signer.tokens.discovery import discover
        from desktop_signer.tokens.inventory import scan

        found = discover(self._loaded, self._modules)
        for cand in found.candidates:
            if cand.found and cand.path and cand.family == SOFTHSM_FAMILY \
                    and loader.loaded(cand.path) is not None:
                try:
                    loader.rescan(cand.path)
                except Exception:  # reported by the scan below
                    pass
        inventory = scan(discovery=found, now=self._now)
        diagnostics: list[Diagnostic] = []
        for m in inventory.modules:
            diagnostics.append(Diagnostic(m.path or "", m.status, m.reason, m.looked_for,
                                          m.family))
        options: list[IdentityOption] = []
        for tok in inventory.tokens:
            limits = pin_limits(tok.module, tok.slot_id)
            state = tok.state
            kind = SECRET_PIN_PAD if state.pin_pad else (
                SECRET_PIN if state.login_required else SECRET_NONE)
            spec = SecretSpec(kind, limits[0], limits[1], state, tok.label)
            token_reasons = tuple(c for c in state.conditions if c in BLOCKING_PROBLEMS)
            token_warnings = tuple(c for c in state.conditions
                                   if c in ("pin_count_low", "pin_final_try",
                                            "pin_to_be_changed"))
            if tok.error:
                diagnostics.append(Diagnostic(tok.label, "unreadable", tok.error))
            if not tok.certificates:
                diagnostics.append(Diagnostic(tok.label, "empty",
                                              f"{len(tok.other_certificates)} other"))
            ca_ders = [e.certificate_der for e in (*tok.certificates, *tok.other_certificates)
                       if e.info.is_ca] + list(self.known_cas)
            for entry in (*tok.certificates, *tok.other_certificates):
                if entry.info.is_ca:
                    continue
                der = _der_of(entry)
                reasons = tuple(p for p in entry.problems if p in BLOCKING_PROBLEMS)
                revocation = self._revocation(entry, ca_ders)
                if revocation is not None and revocation.state == "revoked":
                    reasons = ("revoked", *reasons)
                if entry.key == "none" and "certificate_without_key" not in reasons:
                    reasons = ("certificate_without_key", *reasons)
                reasons = (*token_reasons, *reasons)
                training = is_training_chain(der, ca_ders)
                warnings = tuple(p for p in entry.problems if p in ("expiring_soon",
                                                                  "missing_non_repudiation"))
                warnings = (*warnings, *token_warnings, *(("training",) if training else ()))
                options.append(IdentityOption(
                    source=self.id,
                    key="\n".join((tok.module, tok.serial, tok.label, entry.ref)),
                    holder=tok.label, label=entry.label, info=entry.info,
                    certificate_der=der, usable=not reasons, reasons=reasons,
                    warnings=warnings, secret=spec, training=training,
                    revocation=revocation))
        return SourceListing(self.id, tuple(options), tuple(diagnostics))

    def _revocation(self, entry: CertificateEntry,
                    ca_ders: Sequence[bytes]) -> RevocationStatus | None:
        """The certificate's revocation status so far (never waits for the network). Not
        asked for a certificate outside its validity period: that already blocks it, and
        its issuer need not answer for it any more."""
        info = entry.info
        if self.revocation is None or info.expired or info.not_yet_valid \
                or not entry.certificate_der:
            return None
        return self.revocation.status(info.sha256, entry.certificate_der, ca_ders)

    def open(self, option: IdentityOption, secret: str | None, *,
             confirm_final_try: bool = False) -> SigningIdentity:
        from desktop_signer.tokens import open_pkcs11_identity

        module, serial, label, ref = option.key.split("\n")
        return open_pkcs11_identity(module, pin=secret, token_serial=serial or None,
                                    token_label=None if serial else label,
                                    certificate=ref, confirm_final_try=confirm_final_try)

    def test(self, option: IdentityOption) -> tuple[Diagnostic, ...]:
        """"Test token": the module and token answer, without a PIN (what the window's
        "test" action shows)."""
        from desktop_signer.tokens import loader, session

        module_path, serial, label, _ref = option.key.split("\n")
        out: list[Diagnostic] = []
        try:
            module = loader.load(module_path)
            out.append(Diagnostic(module_path, "ok",
                                  f"{module.description} {module.version}".strip()))
            token = session.find_token(module, serial=serial or None, label=label or None)
            state = session.read_state(token)
            out.append(Diagnostic(label, "ok", ", ".join(state.conditions) or "ready"))
            with session.token_session(module, token) as ts:
                from desktop_signer.tokens.objects import read_objects

                objects = read_objects(ts)
                out.append(Diagnostic(label, "ok", f"{len(objects.certificates)} certificates"))
        except Exception as exc:  # the test reports, it does not fail
            code = getattr(exc, "code", type(exc).__name__)
            out.append(Diagnostic(label or module_path, "unreadable",
                                  f"{code}: {getattr(exc, 'detail', '') or exc}"))
        return tuple(out)


def _der_of(entry: CertificateEntry) -> bytes:
    return entry.certificate_der


class Pkcs12Source:
    """PKCS#12 files (.p12/.pfx) the user chose. Their certificates are usually encrypted
    with the passphrase, so details appear only once the file is opened."""

    id = "pkcs12"

    def __init__(self, files: Sequence[str | os.PathLike[str]] = (), *,
                 revocation_cas: Callable[[], Sequence[bytes] | None] | None = None) -> None:
        self._files: list[Path] = []
        for f in files:
            self.add(f)
        # after the passphrase the certificate is known: its OCSP/CRL is asked before it
        # signs, with these CA certificates (DER); None from it, or no callable: not asked
        self.revocation_cas = revocation_cas

    def add(self, path: str | os.PathLike[str]) -> None:
        p = Path(path).expanduser().absolute()
        if p not in self._files:
            self._files.append(p)

    def list(self) -> SourceListing:
        options = []
        diagnostics = []
        for path in self._files:
            exists = path.is_file()
            diagnostics.append(Diagnostic(str(path), "ok" if exists else "not_found"))
            options.append(IdentityOption(
                source=self.id, key=str(path), holder=path.name, label=path.name, info=None,
                usable=exists, reasons=() if exists else ("file_missing",),
                secret=SecretSpec(SECRET_PASSPHRASE, holder=path.name)))
        return SourceListing(self.id, tuple(options), tuple(diagnostics))

    def open(self, option: IdentityOption, secret: str | None, *,
             confirm_final_try: bool = False) -> SigningIdentity:
        from desktop_signer.tokens import load_pkcs12_identity

        identity = load_pkcs12_identity(option.key, secret)
        cas = self.revocation_cas() if self.revocation_cas is not None else None
        if cas is not None:
            from desktop_signer.signing.revocation_gate import refuse_if_revoked

            refuse_if_revoked(identity, cas)  # revoked: closed, SigningError
        return identity


def training_cas(settings: Settings) -> list[bytes]:
    """The active training set-up's CA certificates (DER), in training mode; else none."""
    if not settings.training_mode:
        return []
    from desktop_signer.training.active import training_setup
    from desktop_signer.trust.certfiles import load_certificates

    classroom = training_setup(settings)
    if classroom is None:
        return []
    out: list[bytes] = []
    for path in (classroom.issuing_ca_certificate, classroom.root_certificate):
        try:
            out += [c.dump() for c in load_certificates(path)]
        except Exception:  # a missing file only means no training mark in the list
            continue
    return out


def pkcs12_revocation_cas(settings: Settings) -> list[bytes] | None:
    """The CA certificates to ask a PKCS#12 file's revocation status with, once its
    passphrase opened it; None in offline mode (not asked). Reads files."""
    if settings.offline:
        return None
    try:
        return [*training_cas(settings), *revocation_anchors(settings)]
    except Exception:  # unreadable anchors: ask with the file's own chain
        return []


def revocation_anchors(settings: Settings) -> list[bytes]:
    """More CA certificates (DER) that may have issued a token's certificate, for asking its
    revocation status: the configured trust anchors, with the active training set-up's root
    in training mode only (as verification uses them). Reads files: call it off the GUI
    thread (the :class:`~desktop_signer.tokens.revocation_monitor.RevocationMonitor` does)."""
    from desktop_signer.training.active import training_root_certificate
    from desktop_signer.trust.store import load_trust

    root = training_root_certificate(settings) if settings.training_mode else None
    trust = load_trust(cli_anchors=[], training_mode=settings.training_mode,
                       training_root=root)
    return [a.der for a in trust.anchors]


def pin_limits(module_path: str, slot_id: int) -> tuple[int, int]:
    """(min, max) PIN length from the token's CK_TOKEN_INFO; (0, 0) when unknown."""
    from desktop_signer.tokens.pin_limits import read_pin_limits

    return read_pin_limits(module_path, slot_id)


REMOTE_STATUS_TTL_S = 60.0  # the watcher lists every few seconds; BSrE is asked once a minute


class RemoteSource:
    """BSrE remote signing through the agency's eSign Client Service: the remembered NIK
    or email (``esc.nik`` / ``esc.email`` at ``esc.url``), with the certificate's state from
    ``user/check/status`` (every state but ``ISSUE`` is a blocking reason
    ``esc_status_<state>``). ``open`` only
    pairs the account with the passphrase; the service checks it with the first group."""

    id = "remote"

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._cache: tuple[float, tuple[str, str, str], SourceListing] | None = None

    def set_settings(self, settings: Settings) -> None:
        self._settings = settings
        self._cache = None

    def _esc(self) -> EscSettings:
        """The settings' service; in training mode without one, the training simulator."""
        from desktop_signer.training.active import effective_esc

        return effective_esc(self._settings)

    def account(self) -> EscAccount:
        from desktop_signer.remote import EscAccount

        esc = self._esc()
        return EscAccount.from_settings(esc, password=self._client_password(esc))

    def _client_password(self, esc: EscSettings) -> str:
        from desktop_signer.secrets import SecretStore

        try:
            stored = SecretStore().esc_password(esc.url, esc.user).value
        except Exception:  # no keyring: the training credential below, or none
            stored = None
        if stored:
            return stored
        from desktop_signer.training.active import training_esc

        classroom = training_esc(self._settings)
        if classroom is not None and esc.user == classroom.user:
            return classroom.password  # printed by training init
        return ""

    def list(self) -> SourceListing:
        import time

        esc = self._esc()
        if not esc.url:
            return SourceListing(self.id)
        key = (esc.url, esc.user, esc.nik or esc.email)
        now = time.monotonic()
        if self._cache is not None and self._cache[1] == key and \
                now - self._cache[0] < REMOTE_STATUS_TTL_S:
            return self._cache[2]
        listing = self._check()
        self._cache = (now, key, listing)
        return listing

    def _check(self) -> SourceListing:
        from desktop_signer.remote import RemoteSigningError, check_account
        from desktop_signer.remote.identity import SOURCE_LABEL

        esc = self._esc()
        reasons: tuple[str, ...] = ()
        account = self.account()
        try:
            if not account.login.nik and not account.login.email:
                # nobody typed a login yet: nothing to ask BSrE, and nothing wrong either
                raise RemoteSigningError("esc_login_missing")
            status = check_account(account)
            diag = Diagnostic(esc.url, "ok", status.status)
        except RemoteSigningError as exc:
            reasons = (exc.code,)
            diag = Diagnostic(esc.url, "ok" if exc.code.startswith("esc_status_")
                              or exc.code == "esc_login_missing" else "unreadable", exc.code)
        training = self._settings.training_mode
        login = account.login
        holder = str(login) if login.nik or login.email else "NIK"
        option = IdentityOption(
            source=self.id, key=f"remote\n{esc.url}\n{login.nik or login.email}",
            holder=holder,
            label=esc.signer_name or holder, info=None, usable=not reasons,
            reasons=reasons, warnings=("training",) if training else (),
            secret=SecretSpec(SECRET_PASSPHRASE, holder=SOURCE_LABEL), training=training)
        # the same key with a one-time code from the BeSign app instead of the passphrase
        totp = replace(option, key=option.key + "\ntotp",
                       label=f"{option.label} — TOTP (BeSign)",
                       secret=SecretSpec(SECRET_TOTP, holder=SOURCE_LABEL))
        options = (option, totp) if option.usable else (option,)  # one row says why not
        return SourceListing(self.id, options, (diag,))

    def request_totp(self, count: int) -> str:
        """Asks BSrE for a TOTP covering ``count`` files (shown in BeSign); the service's
        message."""
        from desktop_signer.remote.identity import request_totp

        return request_totp(self.account(), count)

    def open(self, option: IdentityOption, secret: str | None, *,
             confirm_final_try: bool = False) -> SigningIdentity:
        from desktop_signer.remote import EscCredential
        from desktop_signer.remote.identity import RemoteIdentity

        account = self.account()
        account.validate()
        credential = EscCredential.totp(secret or "") if option.secret.kind == SECRET_TOTP \
            else EscCredential.passphrase(secret or "")
        return RemoteIdentity(account, credential)
