"""``desktop-signer tokens [--module PATH] [--json] [--offline] [--token T (--pin-env VAR |
--pin-stdin)]``.

Lists the PKCS#11 modules tried (found / not found / failed to load, with the reason), the
tokens present and their signing certificates. Without ``--module`` modules are detected
(``desktop_signer.tokens.discovery``); with it only the given modules are used. A PIN is
optional and goes to exactly one token (``--token``): it confirms which certificates have
a private key and shows keys without a certificate. The PIN is never printed.

Each signing certificate's revocation status is asked of its issuer's OCSP/CRL (the same
question the window's chooser asks, with short time-outs: a few seconds when offline);
a revoked one is shown as one that cannot sign. ``--offline`` (or the offline setting)
skips the question.

Exit codes: 0 listed; 1 a ``--module`` could not be loaded or the login failed; 64 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from datetime import datetime
from typing import Any

from desktop_signer import settings as settings_mod
from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.revocation_text import revoked_sentence
from desktop_signer.errors import DesktopSignerError
from desktop_signer.tokens.discovery import discover
from desktop_signer.tokens.inventory import (
    CertificateEntry,
    Inventory,
    LoginRequest,
    ModuleReport,
    TokenReport,
    scan,
)
from desktop_signer.tokens.revocation_status import REVOKED, RevocationStatus

Statuses = dict[str, RevocationStatus] | None  # fingerprint → status; None: not asked

EXIT_USAGE = 64
JSON_VERSION = 1


def register(sub: Any, t: Catalogue) -> None:
    p = sub.add_parser("tokens", help=t("tokens_help"), description=t("tokens_help"), t=t)
    p.add_argument("--module", action="append", default=[], metavar="PATH",
                   help=t("tokens_module_help"))
    p.add_argument("--json", action="store_true", help=t("tokens_json_help"))
    p.add_argument("--offline", action="store_true", help=t("tokens_offline_help"))
    p.add_argument("--token", metavar="LABEL|SERIAL", help=t("tokens_token_help"))
    pin = p.add_mutually_exclusive_group()
    pin.add_argument("--pin-env", metavar="VAR", help=t("tokens_pin_env_help"))
    pin.add_argument("--pin-stdin", action="store_true", help=t("tokens_pin_stdin_help"))
    p.add_argument("--confirm-final-try", action="store_true",
                   help=t("tokens_confirm_final_try_help"))
    p.set_defaults(handler=run)


def error_line(exc: DesktopSignerError, t: Catalogue) -> str:
    """One line for a token/PIN/PKCS#12 error (reused by other commands)."""
    params: dict[str, Any] = {"detail": exc.detail, "code": exc.code, **exc.params}
    key = f"tokens_err_{exc.code}"
    if exc.code == "pin_incorrect":
        if params.get("now_locked"):
            key = "tokens_err_pin_incorrect_locked"
        elif params.get("final_try_next"):
            key = "tokens_err_pin_incorrect_final"
    elif exc.code == "pin_locked" and params.get("unblock") == "reissue":
        key = "tokens_err_pin_locked_reissue"
    try:
        return t(key, **params)
    except (KeyError, IndexError):
        return t("tokens_err_unknown", code=exc.code, detail=exc.detail)


def _read_pin(args: argparse.Namespace, parser_error: Any) -> str | None:
    if args.pin_env:
        value = os.environ.get(args.pin_env)
        if value is None:
            parser_error("usage_pin_env_missing", var=args.pin_env)
        return value
    if args.pin_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return None


def run(args: argparse.Namespace, t: Catalogue) -> int:
    def usage(key: str, **params: object) -> None:
        sys.stderr.write(t("error", prog="desktop-signer tokens",
                           message=t(f"tokens_{key}", **params)) + "\n")
        raise SystemExit(EXIT_USAGE)

    if (args.pin_env or args.pin_stdin) and not args.token:
        usage("usage_pin_needs_token")
    pin = _read_pin(args, usage)
    login = LoginRequest(args.token, pin, args.confirm_final_try) if args.token and (
        args.pin_env or args.pin_stdin) else None
    loaded = settings_mod.load()
    found = discover(None, args.module, use_known=False, p11kit_dirs=()) if args.module \
        else discover(loaded)
    inventory = scan(loaded, login=login, discovery=found)
    statuses = None if args.offline or loaded.settings.offline else \
        revocation_statuses(inventory, loaded.settings)
    if args.json:
        print(json.dumps(inventory_json(inventory, statuses), ensure_ascii=False, indent=2))
    else:
        print_text(inventory, t, statuses)
    failed_module = any(m.status in ("load_failed", "not_found") and
                        "command_line" in m.sources for m in inventory.modules)
    failed_login = login is not None and any(
        tok.error for tok in inventory.tokens if login.applies_to(tok.serial, tok.label))
    return 1 if failed_module or failed_login else 0


def revocation_statuses(inventory: Inventory, settings: Any) -> dict[str, RevocationStatus]:
    from desktop_signer.identity_sources import revocation_anchors, training_cas
    from desktop_signer.tokens.revocation_batch import check_inventory

    try:
        known = [*training_cas(settings), *revocation_anchors(settings)]
    except Exception:  # unreadable anchors: ask with the tokens' own CA certificates
        known = []
    return check_inventory(inventory, known)


# -- JSON ----------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def revocation_json(status: RevocationStatus | None) -> dict[str, Any]:
    if status is None:
        return {"state": "not_checked", "revoked_at": None, "reason": "",
                "ca_revoked": False, "detail": ""}
    return {"state": status.state, "revoked_at": _plain(status.revoked_at),
            "reason": status.reason, "ca_revoked": status.ca_revoked,
            "detail": status.detail}


def certificate_json(entry: CertificateEntry,
                     statuses: Statuses = None) -> dict[str, Any]:
    info = asdict(entry.info)
    info["serial"] = info.pop("serial_hex")
    status = (statuses or {}).get(entry.info.sha256)
    problems = list(entry.problems)
    if status is not None and status.state == REVOKED:
        problems.insert(0, "revoked")
    out: dict[str, Any] = _plain({
        "ref": entry.ref, "cka_id": entry.cka_id, "label": entry.label, "key": entry.key,
        "matched_by": entry.matched_by, "always_authenticate": entry.always_authenticate,
        "problems": problems, **info, "revocation": revocation_json(status),
    })
    return out


def token_json(tok: TokenReport, statuses: Statuses = None) -> dict[str, Any]:
    state = asdict(tok.state)
    flags = state.pop("flags")
    return {
        "module": tok.module, "slot_id": tok.slot_id, "slot_description": tok.slot_description,
        "label": tok.label, "manufacturer": tok.manufacturer, "model": tok.model,
        "serial": tok.serial, "flags": flags, "state": state,
        "conditions": list(tok.state.conditions), "logged_in": tok.logged_in,
        "login_warnings": list(tok.login_warnings),
        "error": {"code": tok.error, "params": _plain(dict(tok.error_params))}
        if tok.error else None,
        "certificates": [certificate_json(c, statuses) for c in tok.certificates],
        "other_certificates": [certificate_json(c, statuses)
                               for c in tok.other_certificates],
        "keys_without_certificate": [asdict(k) for k in tok.keys_without_certificate],
    }


def module_json(m: ModuleReport) -> dict[str, Any]:
    out: dict[str, Any] = _plain(asdict(m))
    return out


def inventory_json(inv: Inventory, statuses: Statuses = None) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "revocation_checked": statuses is not None,
        "system": inv.system,
        "search_dirs": list(inv.search_dirs),
        "p11kit_dirs": list(inv.p11kit_dirs),
        "modules": [module_json(m) for m in inv.modules],
        "tokens": [token_json(tok, statuses) for tok in inv.tokens],
    }


# -- text ----------------------------------------------------------------------------------
def _module_name(m: ModuleReport, t: Catalogue) -> str:
    return m.family or t("tokens_module_unnamed")


def print_text(inv: Inventory, t: Catalogue, statuses: Statuses = None) -> None:
    print(t("tokens_modules_header"))
    for m in inv.modules:
        name = _module_name(m, t)
        sources = ", ".join(t(f"tokens_source_{s}") for s in m.sources)
        if m.status == "loaded":
            print(t("tokens_module_loaded", name=name, path=m.path, sources=sources,
                    count=m.token_count))
        elif m.status == "load_failed":
            print(t("tokens_module_failed", name=name, path=m.path, sources=sources,
                    reason=m.reason))
        elif m.status == "hidden":
            print(t("tokens_module_hidden", name=name, path=m.path))
        else:
            print(t("tokens_module_not_found", name=name,
                    looked_for=m.path or ", ".join(m.looked_for)))
    if inv.search_dirs:
        print(t("tokens_search_dirs", dirs=", ".join(inv.search_dirs)))
    if inv.p11kit_dirs:
        print(t("tokens_p11kit_dirs", dirs=", ".join(inv.p11kit_dirs)))
    print()
    if not inv.tokens:
        print(t("tokens_none"))
        return
    print(t("tokens_header"))
    if statuses is None:
        print(t("revocation_not_checked_offline"))
    for tok in inv.tokens:
        print(t("tokens_token_line", label=tok.label, manufacturer=tok.manufacturer,
                model=tok.model, serial=tok.serial, slot=tok.slot_id))
        for cond in tok.state.conditions:
            print(t("tokens_state_line", text=t(f"tokens_condition_{cond}")))
        if tok.error:
            from desktop_signer.tokens.errors import TokenError

            err = TokenError(tok.error, **dict(tok.error_params))
            print(t("tokens_error_line", text=error_line(err, t)))
        if tok.logged_in:
            print(t("tokens_logged_in"))
        if tok.certificates:
            print(t("tokens_certificates_header"))
            for cert in tok.certificates:
                _print_cert(cert, t, show_key=True, statuses=statuses)
        else:
            print(t("tokens_no_certificates"))
        if tok.other_certificates:
            print(t("tokens_others_header"))
            for cert in tok.other_certificates:
                _print_cert(cert, t, show_key=False, statuses=statuses)
        if tok.keys_without_certificate:
            print(t("tokens_keys_without_header"))
            for key in tok.keys_without_certificate:
                print(t("tokens_key_line", cka_id=key.cka_id or "-", label=key.label))
        print()


def _print_cert(c: CertificateEntry, t: Catalogue, *, show_key: bool,
                statuses: Statuses = None) -> None:
    info = c.info
    id_part = t(f"tokens_cert_id_{info.id_kind}", id=info.id_number) if info.id_number else ""
    print(t("tokens_cert_line", name=info.subject_name or info.subject,
            organization=info.organization or "-", id_part=id_part))
    usage = ", ".join(info.key_usage + info.extended_key_usage) or t("tokens_usage_none")
    print(t("tokens_cert_details", issuer=info.issuer_name or info.issuer,
            serial=info.serial_hex, start=info.not_before.date().isoformat(),
            end=info.not_after.date().isoformat(), key_type=info.key_type.upper(),
            key_size=info.key_size, usage=usage, ref=c.ref, label=c.label))
    if show_key and c.key in ("private_key", "public_key"):
        print(t(f"tokens_key_{c.key}"))
    if c.always_authenticate:
        print(t("tokens_always_authenticate"))
    status = (statuses or {}).get(info.sha256)
    if status is not None and status.state == REVOKED:
        print(t("tokens_warning", text=revoked_sentence(status, t)))
    for problem in c.problems:
        print(t("tokens_warning", text=t(f"tokens_problem_{problem}", days=info.days_left)))
    if status is not None and status.state == "good":
        print(t("revocation_line_good"))
    elif status is not None and status.state == "unknown":
        print(t("revocation_line_unknown", detail=status.detail or "-"))
