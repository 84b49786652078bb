"""Who signs, through which service, with what: the plain objects a caller builds.

:class:`EscAccount` is the identity *source* the window's chooser and the CLI offer as
"BSrE eSign (NIK + passphrase)": the agency's eSign Client Service (URL, client user and
password), the signer's NIK (or the email address BSrE knows them by) and the settings
that govern it. :class:`EscCredential` is the
passphrase or the TOTP for one batch; it lives only in memory, for the batch.

Typical use (the core never prompts; a caller asks the user)::

    account = EscAccount.from_settings(settings.esc, password=..., nik="3273...")
    check_http(account, acknowledged=...)              # one-time http:// warning
    status = check_account(account)                    # raises esc_status_* unless ISSUE
    result = sign_remote_batch(account, EscCredential.passphrase(p), jobs, options)
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from desktop_signer.remote.errors import RemoteSigningError
from desktop_signer.remote.esc_client import (
    DEFAULT_TIMEOUT,
    EscClient,
    Login,
    UserStatus,
    check_url,
)
from desktop_signer.settings import EscSettings

KIND = "remote"  # the journal's key_kind
DEFAULT_BATCH_SIZE = 10


@dataclass(frozen=True)
class EscAccount:
    url: str
    user: str
    password: str  # the agency's client password (keyring or environment); never logged
    nik: str  # the NIK, or "" when the signer logs in with ``email``
    timeout: float = DEFAULT_TIMEOUT
    allow_http: bool = True
    batch_size: int = DEFAULT_BATCH_SIZE
    email: str = ""  # used only when ``nik`` is empty

    kind = KIND

    def __repr__(self) -> str:
        who = (f"nik={self.nik[:4] + '…'!r}" if self.nik
               else f"email={self.email[:3] + '…' if self.email else ''!r}")
        return f"EscAccount(url={self.url!r}, user={self.user!r}, {who})"

    @classmethod
    def from_settings(cls, esc: EscSettings, *, password: str, nik: str = "",
                      email: str = "", url: str = "", user: str | None = None
                      ) -> EscAccount:
        """``nik`` or ``email`` given: that one; neither: the remembered one
        (``esc.nik``, else ``esc.email``)."""
        if not nik and not email:
            nik, email = esc.nik, ("" if esc.nik else esc.email)
        return cls(url=url or esc.url, user=esc.user if user is None else user,
                   password=password, nik=nik.strip(), email=email.strip(),
                   timeout=esc.timeout_seconds, allow_http=esc.allow_http,
                   batch_size=max(1, esc.batch_size))

    @property
    def login(self) -> Login:
        return Login(self.nik.strip()) if self.nik.strip() else Login(email=self.email.strip())

    @property
    def who(self) -> str:
        """"NIK 3273…" or "email budi@…", for messages."""
        return str(self.login)

    @property
    def plain_http(self) -> bool:
        return urlsplit(self.url.strip()).scheme == "http"

    def validate(self) -> None:
        """Refuses before anything is sent: a malformed URL, http:// when an administrator
        forbade it, a NIK that is not 16 digits, an email address that is not one."""
        check_url(self.url)
        if self.plain_http and not self.allow_http:
            raise RemoteSigningError("esc_http_forbidden", self.url, url=self.url)
        login = self.login
        if login.email:
            if not looks_like_email(login.email):
                raise RemoteSigningError("esc_email_invalid", email=login.email)
        elif not (len(login.nik) == 16 and login.nik.isdigit()):
            raise RemoteSigningError("esc_nik_invalid", nik=login.nik)

    def client(self) -> EscClient:
        return EscClient(self.url, self.user, self.password, self.timeout)


@dataclass(frozen=True)
class EscCredential:
    """The passphrase, or a TOTP from the BeSign app, for one batch."""

    value: str
    is_totp: bool = False

    @classmethod
    def passphrase(cls, value: str) -> EscCredential:
        return cls(value, False)

    @classmethod
    def totp(cls, value: str) -> EscCredential:
        return cls(value.strip(), True)

    def __repr__(self) -> str:
        return f"EscCredential({'totp' if self.is_totp else 'passphrase'})"


def http_warning_needed(account: EscAccount, acknowledged: tuple[str, ...]) -> bool:
    """Whether to warn that the passphrase travels unencrypted (once per URL: the caller
    records the URL in ``esc.http_acknowledged`` after showing it)."""
    return account.plain_http and account.url.rstrip("/") not in {
        u.rstrip("/") for u in acknowledged}


def check_account(account: EscAccount) -> UserStatus:
    """The certificate's state at BSrE; raises ``esc_status_<state>`` unless ``ISSUE``."""
    account.validate()
    with account.client() as client:
        return require_issue(client.check_status(account.login), account.login)


def looks_like_email(text: str) -> bool:
    """One @, something before it, a dotted domain after it, no spaces: enough to catch a
    slip before asking BSrE (which knows whether the address is registered)."""
    local, at, domain = text.partition("@")
    return bool(local and at and "." in domain.strip(".") and "@" not in domain
                and not any(c.isspace() for c in text))


def require_issue(status: UserStatus, login: Login) -> UserStatus:
    from desktop_signer.remote.errors import BLOCKING_STATUSES

    if status.status == "ISSUE":
        return status
    code = (f"esc_status_{status.status.lower()}" if status.status in BLOCKING_STATUSES
            else "esc_status_unknown")
    raise RemoteSigningError(code, status.message, status=status.status,
                             nik=login.nik or login.email, who=str(login))
