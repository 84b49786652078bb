"""User settings with administrator defaults and locks.

Three layers, later wins except where the administrator locked a key:
  1. built-in defaults (the dataclasses below);
  2. the administrator's ``settings.json`` in :func:`desktop_signer.paths.site_config`:
     ``{"defaults": {KEY: VALUE, ...}, "locked": [KEY, ...]}``;
  3. the user's ``settings.json`` in :func:`desktop_signer.paths.user_config` (only the
     keys the user changed).
Keys are dotted field paths, e.g. ``tsa_url`` or ``profile.notice_text``.
Secrets (TSA password, PKCS#12 passphrase) never live here: see ``desktop_signer.secrets``.
The PIN is never stored anywhere.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from desktop_signer import paths

SETTINGS_FILE = "settings.json"

DEFAULT_NOTICE = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
    "yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN."
)
DEFAULT_QR_TEMPLATE = "https://tte.komdigi.go.id/verifyPDF"


@dataclass(frozen=True)
class SignerProfile:
    name_override: str = ""  # empty: the certificate's common name
    title: str = ""  # jabatan
    nip: str = ""  # empty: taken from the certificate subject when present
    place: str = ""
    bsre_logo: str = ""  # empty: the bundled placeholder logo
    agency_logo: str = ""
    qr_url_template: str = ""  # empty: no QR code
    notice_text: str = DEFAULT_NOTICE
    footer: bool = False
    footer_pages: str = "last"  # "last" or "all"


@dataclass(frozen=True)
class AgencySettings:
    name: str = ""  # the agency named in the yearly usage report (desktop_signer.usage)


@dataclass(frozen=True)
class EscSettings:
    """BSrE remote signing through the agency's eSign Client Service (issue 13)."""

    url: str = ""  # the ESC's base URL, e.g. http://esc.dinas.go.id (administrator default)
    user: str = ""  # the agency's client user (HTTP Basic); its password is in the keyring
    allow_http: bool = True  # False: an administrator forbids plain http:// (no TLS)
    batch_size: int = 10  # files per request
    timeout_seconds: float = 60.0
    nik: str = ""  # the signer's NIK, remembered (not a secret); never the passphrase
    email: str = ""  # or the email address BSrE knows the signer by (used when nik is empty)
    signer_name: str = ""  # the certificate's name from the last remote signature (stamp)
    http_acknowledged: tuple[str, ...] = ()  # http:// URLs whose warning was shown once


@dataclass(frozen=True)
class Settings:
    language: str = ""  # "", "id" or "en"; empty follows the system locale
    modules: tuple[str, ...] = ()  # PKCS#11 module paths the user added
    removed_modules: tuple[str, ...] = ()  # detected modules the user hid
    last_module: str = ""
    last_token: str = ""  # token serial (labels are not unique)
    last_certificate: str = ""  # CKA_ID hex or PKCS#12 path; never a PIN
    tsa_url: str = ""
    tsa_user: str = ""
    tsa_timeout_seconds: float = 20.0
    pades_level: str = "B-LT"
    output_pattern: str = "{stem}_signed.pdf"
    offline: bool = False
    # an unknown revocation status is a warning instead of "indeterminate" (administrator
    # setting; replaces revocation_hard_fail, which is still read: see _renamed)
    revocation_soft_fail: bool = False
    training_mode: bool = False
    training_dir: str = ""  # the active training set-up; empty: the default data folder
    remember_pkcs12_passphrase: bool = False
    profile: SignerProfile = field(default_factory=SignerProfile)
    agency: AgencySettings = field(default_factory=AgencySettings)
    esc: EscSettings = field(default_factory=EscSettings)


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    locked: frozenset[str]  # dotted keys the administrator locked
    admin_file: Path
    user_file: Path
    problems: tuple[str, ...] = ()  # files that could not be read (shown, not fatal)
    admin_defaults: tuple[tuple[str, Any], ...] = ()

    def is_locked(self, key: str) -> bool:
        return key in self.locked


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(value):
        v = getattr(value, f.name)
        key = f"{prefix}{f.name}"
        if is_dataclass(v):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = list(v) if isinstance(v, tuple) else v
    return out


def _apply(base: Any, flat: dict[str, Any], prefix: str = "") -> Any:
    changes: dict[str, Any] = {}
    for f in fields(base):
        key = f"{prefix}{f.name}"
        current = getattr(base, f.name)
        if is_dataclass(current):
            changes[f.name] = _apply(current, flat, key + ".")
        elif key in flat:
            value = flat[key]
            if isinstance(current, tuple):
                value = tuple(str(v) for v in value) if isinstance(value, list) else current
            elif isinstance(current, bool):
                value = value if isinstance(value, bool) else current
            elif isinstance(current, int) and not isinstance(current, bool):
                value = (value if isinstance(value, int) and not isinstance(value, bool)
                         else current)
            elif isinstance(current, float):
                value = float(value) if isinstance(value, int | float) else current
            elif isinstance(current, str):
                value = value if isinstance(value, str) else current
            changes[f.name] = value
    return replace(base, **changes)


def _read_json(path: Path) -> tuple[dict[str, Any], str | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, ValueError) as exc:
        return {}, f"{path}: {exc}"
    if not isinstance(data, dict):
        return {}, f"{path}: not a JSON object"
    return data, None


# Keys that were replaced: old key -> (new key, how the old value reads as the new one).
# The old key is read wherever the new one is not given in the same layer; a lock on the old
# key locks the new one.
_RENAMED: dict[str, tuple[str, Any]] = {
    "revocation_hard_fail": ("revocation_soft_fail", lambda v: not v if isinstance(v, bool) else v),
}


def _renamed(layer: dict[str, Any]) -> dict[str, Any]:
    out = dict(layer)
    for old, (new, convert) in _RENAMED.items():
        if old in out:
            value = out.pop(old)
            out.setdefault(new, convert(value))
    return out


def load(user_dir: Path | None = None, admin_dir: Path | None = None) -> LoadedSettings:
    user_file = (user_dir or paths.user_config()) / SETTINGS_FILE
    admin_file = (admin_dir or paths.site_config()) / SETTINGS_FILE
    problems: list[str] = []
    admin, problem = _read_json(admin_file)
    if problem:
        problems.append(problem)
    user, problem = _read_json(user_file)
    if problem:
        problems.append(problem)
    admin_defaults = admin.get("defaults", {})
    locked_keys = {str(k) for k in admin.get("locked", []) if isinstance(k, str)}
    locked = frozenset(
        locked_keys | {_RENAMED[k][0] for k in locked_keys if k in _RENAMED}
    )
    if not isinstance(admin_defaults, dict):
        admin_defaults = {}
    admin_defaults = _renamed(admin_defaults)
    user = _renamed(user)
    merged: dict[str, Any] = dict(admin_defaults)
    merged.update({k: v for k, v in user.items() if k not in locked})
    settings = _apply(Settings(), merged)
    return LoadedSettings(settings, locked, admin_file, user_file, tuple(problems),
                          tuple(admin_defaults.items()))


def save(loaded: LoadedSettings, settings: Settings) -> LoadedSettings:
    """Store only what differs from what the user gets without a settings file (built-in
    and administrator defaults); locked keys are never written. The write is atomic."""
    baseline = _flatten(_apply(Settings(), dict(loaded.admin_defaults)))
    user_values = {
        k: v for k, v in _flatten(settings).items()
        if k not in loaded.locked and v != baseline.get(k)
    }
    loaded.user_file.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(loaded.user_file, json.dumps(user_values, indent=2, ensure_ascii=False).encode())
    return load(loaded.user_file.parent, loaded.admin_file.parent)


def write_atomic(path: Path, data: bytes) -> None:
    """Temporary file in the same folder, fsync, rename: a crash leaves old or new, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def as_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)


def replace_values(settings: Settings, values: dict[str, Any]) -> Settings:
    """A copy of ``settings`` with dotted keys replaced (wrong types are ignored)."""
    result: Settings = _apply(settings, values)
    return result
