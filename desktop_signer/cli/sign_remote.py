"""``desktop-signer sign … --esc-url URL (--nik NIK | --email ADDRESS)``: BSrE remote
signing (issue 13).

The passphrase comes from a prompt (getpass), ``--passphrase-env VAR`` or
``--passphrase-stdin``; with ``--totp-stdin`` a TOTP for all files is requested first and
the BeSign app's code is read from standard input. Never from an argument, never stored.
The agency's client password: ``--esc-password-env VAR``, ``DESKTOP_SIGNER_ESC_PASSWORD``
or the keyring. Exit codes as ``sign``: 0, 1 (a file or the account failed), 64, 130.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import Any

from desktop_signer import settings as settings_mod
from desktop_signer.appearance.profile import profile_from_settings
from desktop_signer.cli import sign_cmd
from desktop_signer.cli.i18n import Catalogue
from desktop_signer.errors import DesktopSignerError
from desktop_signer.journal import Journal
from desktop_signer.remote import (
    EscAccount,
    EscCredential,
    RemoteSigningError,
    check_account,
    http_warning_needed,
    remembered_login,
    sign_remote_batch,
)

ESC_PASSWORD_ENV = "DESKTOP_SIGNER_ESC_PASSWORD"


def register(p: Any, t: Catalogue) -> None:
    """Adds the remote options to ``sign`` (its --passphrase-env/--passphrase-stdin serve
    for the BSrE passphrase too)."""
    p.add_argument("--esc-url", metavar="URL", help=t("sign_esc_url_help"))
    who = p.add_mutually_exclusive_group()
    who.add_argument("--nik", metavar="NIK", help=t("sign_nik_help"))
    who.add_argument("--email", metavar="ADDRESS", help=t("sign_email_help"))
    p.add_argument("--totp-stdin", action="store_true", help=t("sign_totp_stdin_help"))
    p.add_argument("--esc-user", metavar="U", help=t("sign_esc_user_help"))
    p.add_argument("--esc-password-env", metavar="VAR", help=t("sign_esc_password_env_help"))


def wanted(args: argparse.Namespace) -> bool:
    return bool(args.esc_url or args.nik or args.email or args.totp_stdin)


def _locked_value(loaded: settings_mod.LoadedSettings, key: str, given: str | None,
                  current: str, usage: sign_cmd._Usage) -> str:
    if given is not None and loaded.is_locked(key) and given != current:
        usage("sign_usage_esc_locked", setting=key, value=current)
    return given if given is not None else current


def _client_password(args: argparse.Namespace, url: str, user: str,
                     usage: sign_cmd._Usage, classroom: Any) -> str:
    for name in (args.esc_password_env, ESC_PASSWORD_ENV):
        if name and os.environ.get(name):
            return os.environ[name]
    if args.esc_password_env:
        usage("sign_usage_env_missing", name=args.esc_password_env)
    from desktop_signer.secrets import SecretStore

    stored = SecretStore().esc_password(url, user).value
    if stored:
        return stored
    if classroom is not None and classroom.esc_client_password:
        from desktop_signer.training.esc_users import CLIENT_USER

        if user == CLIENT_USER:  # the simulator's credential, printed by training init
            return str(classroom.esc_client_password)
    usage("sign_usage_no_esc_password")


def _remember(loaded: settings_mod.LoadedSettings, values: dict[str, Any]) -> None:
    """NIK, the certificate's name and acknowledged http:// URLs (never a secret)."""
    values = {k: v for k, v in values.items() if not loaded.is_locked(k)}
    current = settings_mod.as_dict(loaded.settings)
    changed = {k: v for k, v in values.items() if _get(current, k) != v}
    if not changed:
        return
    try:
        settings_mod.save(loaded, settings_mod.replace_values(loaded.settings, changed))
    except OSError:
        pass  # remembering is a convenience; the signature stands


def _get(tree: dict[str, Any], dotted: str) -> Any:
    node: Any = tree
    for part in dotted.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return list(node) if isinstance(node, tuple) else node


def run(args: argparse.Namespace, t: Catalogue) -> int:
    usage = sign_cmd._Usage(t)
    if args.module or args.pkcs12 or args.pin_env or args.pin_stdin:
        usage("sign_usage_esc_key")
    if args.password_env:
        usage("sign_usage_esc_pdf_password")
    loaded = settings_mod.load()
    settings = loaded.settings
    esc = settings.esc
    jobs = sign_cmd._jobs(args, settings.output_pattern, usage)
    url = _locked_value(loaded, "esc.url", args.esc_url, esc.url, usage)
    if not url:
        usage("sign_usage_no_esc_url")
    user = _locked_value(loaded, "esc.user", args.esc_user, esc.user, usage)
    # the one given, else the one remembered (a NIK before an email)
    nik = (args.nik or "").strip()
    email = (args.email or "").strip()
    if not nik and not email:
        nik, email = esc.nik.strip(), ("" if esc.nik.strip() else esc.email.strip())
    if not nik and not email:
        usage("sign_usage_no_nik")
    try:
        options = sign_cmd._options(args, settings, usage)
        classroom = sign_cmd._training_setup(options.training, settings)
        if not user and classroom is not None:
            from desktop_signer.training.esc_users import CLIENT_USER

            user = CLIENT_USER
        if not user:
            usage("sign_usage_no_esc_user")
        password = _client_password(args, url, user, usage, classroom)
        account = EscAccount.from_settings(esc, password=password, nik=nik, email=email,
                                           url=url, user=user)
        account.validate()
        profile_settings = settings.profile
        if args.place:
            profile_settings = settings_mod.replace_values(
                settings, {"profile.place": args.place}).profile
        name = args.signer_name or profile_settings.name_override or esc.signer_name
        profile = profile_from_settings(profile_settings, None, training=options.training,
                                        name=name, title=args.signer_title or "",
                                        nip=args.nip or "")
        if options.visible and not profile.name.strip():
            raise RemoteSigningError("esc_name_required")
        if http_warning_needed(account, esc.http_acknowledged):
            print(t("sign_esc_http_warning", url=account.url), file=sys.stderr)
            _remember(loaded, {"esc.http_acknowledged": [*esc.http_acknowledged,
                                                         account.url]})
        status = check_account(account)  # before any secret is asked for
        if not args.json:
            print(t("sign_esc_status_ok", who=account.who, status=status.status),
                  file=sys.stderr)
        credential = _credential(args, account, len(jobs), t, usage)
    except DesktopSignerError as exc:
        print(sign_cmd.error_line(exc, t), file=sys.stderr)
        return 1

    def progress(done: int, total: int, current: Any) -> None:
        if current is not None and not args.json:
            print(t("sign_progress", n=done + 1, total=total, file=current),
                  file=sys.stderr, flush=True)

    cancel = threading.Event()
    certificates: list[Any] = []  # the service's certificate, seen with the first signature
    try:
        with Journal() as journal:
            batch = sign_remote_batch(account, credential, jobs, options, profile=profile,
                                      progress=progress, cancel=cancel, journal=journal,
                                      check_status=False,
                                      certificate_seen=certificates.append)
    except KeyboardInterrupt:
        print(t("sign_cancelled"), file=sys.stderr)
        return sign_cmd.EXIT_CANCELLED
    except DesktopSignerError as exc:
        print(sign_cmd.error_line(exc, t), file=sys.stderr)
        return 1
    for result in batch.results:
        sign_cmd._report(result, t, args.json)
    if batch.signed:  # the login that worked, and the certificate's name for the next stamp
        _remember(settings_mod.load(), remembered_login(
            account, certificates[0] if certificates else None))
    if not args.json:
        print(t("sign_esc_groups", files=len(jobs), groups=batch.groups_sent,
                seconds=batch.service_seconds), file=sys.stderr)
        print(t("sign_summary", signed=batch.signed, skipped=batch.skipped,
                failed=batch.failed), file=sys.stderr)
    return 1 if batch.failed else 0


def _credential(args: argparse.Namespace, account: EscAccount, count: int, t: Catalogue,
                usage: sign_cmd._Usage) -> EscCredential:
    if args.totp_stdin:
        if args.passphrase_env or args.passphrase_stdin:
            usage("sign_usage_esc_key")
        with account.client() as client:
            message = client.request_totp(account.login, count)
        print(t("sign_esc_totp_requested", count=count, message=message), file=sys.stderr,
              flush=True)
        return EscCredential.totp(sys.stdin.readline().strip())
    value = sign_cmd._secret(args.passphrase_env, args.passphrase_stdin,
                             t("sign_esc_passphrase_prompt", who=account.who),
                             "sign_usage_no_esc_passphrase", usage)
    return EscCredential.passphrase(value)
