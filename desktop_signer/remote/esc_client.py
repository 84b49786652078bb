"""The eSign Client Service's REST API v2 (research/bsre-ecosystem.md §2.3), over HTTP.

Three calls: ``POST /api/v2/user/check/status``, ``POST /api/v2/sign/get/totp`` and
``POST /api/v2/sign/pdf``; HTTP Basic with the agency's client credential; JSON in and out,
PDFs base64-encoded. Every failure becomes a :class:`RemoteSigningError` with a stable code.

Why ``requests``: it is already installed (pyHanko's TSA client and the OCSP/CRL fetchers
use it), its ``Session`` keeps the connection to the ESC open between the status check and
the groups of a batch, and it needs no event loop; httpx would add four packages for the
same synchronous calls.

Secrets: the passphrase or TOTP travels only in the request body; it is never logged, never
part of an exception text (a reply that echoes it is scrubbed), and the client's ``repr``
shows no password.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from desktop_signer.remote.errors import RemoteSigningError

SIGN_PATH = "/api/v2/sign/pdf"
STATUS_PATH = "/api/v2/user/check/status"
TOTP_PATH = "/api/v2/sign/get/totp"
DEFAULT_TIMEOUT = 60.0
CONNECT_TIMEOUT = 10.0
DETAIL_LIMIT = 2000  # characters of the service's own text kept for "Details"

# the service's codes (public clients, research §2.2/§2.3)
CODE_NOT_REGISTERED = 2011
CODE_NO_CERTIFICATE = 2021
CODE_WRONG_PASSPHRASE = 2031


@dataclass(frozen=True)
class Login:
    """Who signs: the NIK, or the email address BSrE knows the signer by (each of the
    three calls takes ``nik`` or ``email``)."""

    nik: str = ""
    email: str = ""

    def to_json(self) -> dict[str, str]:
        return {"nik": self.nik} if self.nik else {"email": self.email}

    def __str__(self) -> str:  # for messages: "NIK 3273…" or "email budi@…"
        return f"NIK {self.nik}" if self.nik else f"email {self.email}"


@dataclass(frozen=True)
class UserStatus:
    status: str  # ISSUE, EXPIRED, RENEW, ...
    status_code: int | None
    message: str


@dataclass(frozen=True)
class SignatureProperties:
    """One entry of ``signatureProperties[]``; coordinates are PDF points from the
    displayed page's lower-left corner, ``page`` counts from 1."""

    visible: bool
    image_png: bytes = b""
    page: int = 1
    origin_x: float = 0.0
    origin_y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    reason: str = ""
    location: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"tampilan": "VISIBLE" if self.visible else "INVISIBLE",
                                "reason": self.reason, "location": self.location}
        if self.visible:
            data.update({
                "imageBase64": base64.b64encode(self.image_png).decode("ascii"),
                "page": self.page,
                "originX": round(self.origin_x, 2), "originY": round(self.origin_y, 2),
                "width": round(self.width, 2), "height": round(self.height, 2),
            })
        return data

    def __repr__(self) -> str:
        return (f"SignatureProperties(visible={self.visible}, page={self.page}, "
                f"box=({self.origin_x:.1f}, {self.origin_y:.1f}, {self.width:.1f}, "
                f"{self.height:.1f}))")


@dataclass(frozen=True)
class SignReply:
    files: tuple[bytes, ...]  # in the order sent
    time: str  # the service's own "time" field, as given
    seconds: float  # the round trip


def check_url(url: str) -> str:
    """The base URL without a trailing slash; refuses what is not http(s)://host."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteSigningError("esc_url_invalid", url, url=url)
    return url.strip().rstrip("/")


class EscClient:
    """One connection (kept alive) to one ESC with the agency's client credential."""

    def __init__(self, url: str, user: str, password: str,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = check_url(url)
        self.timeout = timeout
        self._session = requests.Session()
        self._session.auth = (user, password)
        self._session.headers.update({"Accept": "application/json"})
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=2, max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def __repr__(self) -> str:
        return f"EscClient(url={self.url!r}, timeout={self.timeout!r})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> EscClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the three calls ----------------------------------------------------------------------
    def check_status(self, login: Login) -> UserStatus:
        body = self._post(STATUS_PATH, login.to_json(), secrets=())
        status = body.get("status")
        if not isinstance(status, str):
            nested = body.get("data")
            status = nested.get("status") if isinstance(nested, dict) else None
        if not isinstance(status, str):
            raise RemoteSigningError("esc_bad_reply", _clip(json.dumps(body)), what="status")
        code = body.get("status_code")
        return UserStatus(status.strip().upper(), code if isinstance(code, int) else None,
                          str(body.get("message", "")))

    def request_totp(self, login: Login, count: int) -> str:
        """Asks the service to issue a TOTP for ``count`` files (shown in the BeSign app);
        returns the service's message."""
        body = self._post(TOTP_PATH, {**login.to_json(), "data": count}, secrets=())
        return str(body.get("message", ""))

    def sign_pdfs(self, login: Login, files: Sequence[bytes],
                  properties: Sequence[SignatureProperties], *,
                  passphrase: str | None = None, totp: str | None = None) -> SignReply:
        if (passphrase is None) == (totp is None):
            raise ValueError("exactly one of passphrase and totp")
        payload: dict[str, Any] = {
            **login.to_json(),
            "signatureProperties": [p.to_json() for p in properties],
            "file": [base64.b64encode(f).decode("ascii") for f in files],
        }
        secret = passphrase if passphrase is not None else totp
        assert secret is not None
        payload["passphrase" if passphrase is not None else "totp"] = secret
        started = time.perf_counter()
        body = self._post(SIGN_PATH, payload, secrets=(secret,), totp=totp is not None)
        seconds = time.perf_counter() - started
        raw = body.get("file")
        if not isinstance(raw, list) or len(raw) != len(files):
            found = len(raw) if isinstance(raw, list) else "none"
            raise RemoteSigningError("esc_bad_reply", f"file: {found} of {len(files)}",
                                     what="file")
        out: list[bytes] = []
        for index, item in enumerate(raw):
            try:
                data = base64.b64decode(item, validate=True) if isinstance(item, str) else b""
            except (binascii.Error, ValueError):
                data = b""
            if not data.lstrip()[:5] == b"%PDF-":
                raise RemoteSigningError("esc_not_pdf", f"file[{index}]", index=index + 1)
            out.append(data)
        return SignReply(tuple(out), str(body.get("time", "")), seconds)

    # -- transport and errors -----------------------------------------------------------------
    def _post(self, path: str, payload: dict[str, Any], *, secrets: Sequence[str],
              totp: bool = False) -> dict[str, Any]:
        url = self.url + path
        try:
            response = self._session.post(url, json=payload,
                                          timeout=(min(CONNECT_TIMEOUT, self.timeout),
                                                   self.timeout))
        except requests.Timeout as exc:
            raise RemoteSigningError("esc_timeout", type(exc).__name__, url=self.url,
                                     seconds=round(self.timeout)) from None
        except requests.exceptions.SSLError as exc:
            raise RemoteSigningError("esc_tls_failed", _scrub(str(exc), secrets),
                                     url=self.url) from None
        except requests.ConnectionError as exc:
            raise RemoteSigningError("esc_unreachable", _scrub(str(exc), secrets),
                                     url=self.url) from None
        except requests.RequestException as exc:
            raise RemoteSigningError("esc_unreachable", _scrub(str(exc), secrets),
                                     url=self.url) from None
        text = _scrub(response.text, secrets)
        status = response.status_code
        if status in (401, 403):
            raise RemoteSigningError("esc_auth_failed", _clip(text), url=self.url,
                                     status=status)
        body = _json(response.content)
        if status >= 500:
            raise RemoteSigningError("esc_server_error", _clip(_service_text(body, text)),
                                     status=status)
        if status >= 400 or (isinstance(body, dict) and "error" in body
                             and "file" not in body and "status" not in body):
            raise _refusal(status, body, text, totp)
        if not isinstance(body, dict):
            raise RemoteSigningError("esc_bad_reply", _clip(text), what="json")
        return body


def _json(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return None


def _service_text(body: Any, text: str) -> str:
    if isinstance(body, dict):
        for key in ("error", "message", "detail"):
            if isinstance(body.get(key), str) and body[key]:
                return str(body[key])
    return text


def _refusal(status: int, body: Any, text: str, totp: bool) -> RemoteSigningError:
    code = body.get("status_code") if isinstance(body, dict) else None
    message = _clip(_service_text(body, text))
    if code == CODE_NOT_REGISTERED:
        return RemoteSigningError("esc_not_registered", message)
    if code == CODE_NO_CERTIFICATE:
        return RemoteSigningError("esc_no_certificate", message)
    if code == CODE_WRONG_PASSPHRASE:
        return RemoteSigningError("esc_wrong_passphrase", message)
    if totp and "totp" in message.lower():
        return RemoteSigningError("esc_wrong_totp", message)
    return RemoteSigningError("esc_rejected", message, status=status,
                              service_code=code if code is not None else "")


def _scrub(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def _clip(text: str) -> str:
    return text if len(text) <= DETAIL_LIMIT else text[:DETAIL_LIMIT] + "…"
