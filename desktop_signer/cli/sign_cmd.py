"""``desktop-signer sign`` (DESIGN §6): many files, one login, the stamp, the levels.

The PIN comes from a prompt (getpass), ``--pin-env VAR`` or ``--pin-stdin``; never from an
argument. Exit codes: 0 every file signed (or skipped because its output exists), 1 a file
or the key failed, 64 usage error, 130 cancelled with Ctrl+C.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

from desktop_signer import settings as settings_mod
from desktop_signer.appearance import PRESETS, FooterSpec, PlacementRequest
from desktop_signer.appearance.profile import profile_from_settings
from desktop_signer.appearance.stamp import DEFAULT_BOX
from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.journal_notice import journal_notices
from desktop_signer.errors import DesktopSignerError
from desktop_signer.identity import SigningIdentity
from desktop_signer.journal import Journal
from desktop_signer.settings import DEFAULT_QR_TEMPLATE
from desktop_signer.signing import LEVELS, Level, SignJob, SignOptions, SignResult, TsaConfig
from desktop_signer.signing.attempts import open_identity
from desktop_signer.signing.batch import sign_batch
from desktop_signer.signing.services import tsa_password

if TYPE_CHECKING:
    from desktop_signer.training.setup import TrainingSetup

EXIT_USAGE = 64
EXIT_CANCELLED = 130
PROG = "desktop-signer sign"


def register(sub: Any, t: Catalogue) -> None:
    defaults = settings_mod.load().settings
    p = sub.add_parser("sign", help=t("sign_help"), description=t("sign_help"), t=t)
    p.add_argument("inputs", nargs="+", metavar="IN.pdf", help=t("sign_inputs_help"))
    out = p.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="OUT.pdf", help=t("sign_output_help"))
    out.add_argument("--out-dir", metavar="DIR", help=t("sign_out_dir_help"))
    key = p.add_mutually_exclusive_group()
    key.add_argument("--module", metavar="PATH", help=t("sign_module_help"))
    key.add_argument("--pkcs12", metavar="FILE", help=t("sign_pkcs12_help"))
    p.add_argument("--token", metavar="LABEL", help=t("sign_token_help"))
    cert = p.add_mutually_exclusive_group()
    cert.add_argument("--cert-label", metavar="L", help=t("sign_cert_label_help"))
    cert.add_argument("--cert-id", metavar="HEX", help=t("sign_cert_id_help"))
    pin = p.add_mutually_exclusive_group()
    pin.add_argument("--pin-env", metavar="VAR", help=t("sign_pin_env_help"))
    pin.add_argument("--pin-stdin", action="store_true", help=t("sign_pin_stdin_help"))
    pas = p.add_mutually_exclusive_group()
    pas.add_argument("--passphrase-env", metavar="VAR", help=t("sign_passphrase_env_help"))
    pas.add_argument("--passphrase-stdin", action="store_true",
                     help=t("sign_passphrase_stdin_help"))
    p.add_argument("--confirm-final-try", action="store_true",
                   help=t("sign_confirm_final_try_help"))
    p.add_argument("--page", type=int, metavar="N", help=t("sign_page_help"))
    where = p.add_mutually_exclusive_group()
    where.add_argument("--rect", metavar="X0,Y0,X1,Y1", help=t("sign_rect_help"))
    where.add_argument("--anchor", metavar="TEXT", help=t("sign_anchor_help"))
    where.add_argument("--position", choices=PRESETS, metavar="NAME",
                       help=t("sign_position_help", choices=", ".join(PRESETS)))
    where.add_argument("--invisible", action="store_true", help=t("sign_invisible_help"))
    p.add_argument("--size", metavar="WxH", help=t("sign_size_help"))
    p.add_argument("--field", metavar="NAME", help=t("sign_field_help"))
    p.add_argument("--level", choices=LEVELS, default=None,
                   help=t("sign_level_help", default=defaults.pades_level))
    p.add_argument("--tsa", metavar="URL", help=t("sign_tsa_help"))
    p.add_argument("--tsa-user", metavar="U", help=t("sign_tsa_user_help"))
    p.add_argument("--tsa-password-env", metavar="VAR", help=t("sign_tsa_password_env_help"))
    p.add_argument("--allow-downgrade", action="store_true",
                   help=t("sign_allow_downgrade_help"))
    p.add_argument("--certify", type=int, choices=(1, 2, 3), help=t("sign_certify_help"))
    p.add_argument("--reason", metavar="TEXT", help=t("sign_reason_help"))
    p.add_argument("--location", metavar="TEXT", help=t("sign_location_help"))
    p.add_argument("--footer", action="store_true", help=t("sign_footer_help"))
    p.add_argument("--footer-pages", choices=("last", "all"), default=None,
                   help=t("sign_footer_pages_help"))
    p.add_argument("--signer-name", metavar="N", help=t("sign_signer_name_help"))
    p.add_argument("--signer-title", metavar="T", help=t("sign_signer_title_help"))
    p.add_argument("--nip", metavar="NIP", help=t("sign_nip_help"))
    p.add_argument("--place", metavar="TEXT", help=t("sign_place_help"))
    p.add_argument("--password-env", metavar="VAR", help=t("sign_password_env_help"))
    p.add_argument("--overwrite", action="store_true", help=t("sign_overwrite_help"))
    p.add_argument("--trust", action="append", default=[], metavar="PEM",
                   help=t("sign_trust_help"))
    p.add_argument("--training", action="store_true", help=t("sign_training_help"))
    p.add_argument("--json", action="store_true", help=t("sign_json_help"))
    from desktop_signer.cli import sign_remote  # BSrE remote signing (issue 13)

    sign_remote.register(p, t)
    p.set_defaults(handler=run)


def error_line(exc: DesktopSignerError, t: Catalogue) -> str:
    from desktop_signer.tokens.errors import TokenError

    if isinstance(exc, TokenError):
        from desktop_signer.cli.tokens_cmd import error_line as token_line

        return token_line(exc, t)
    if exc.code == "certificate_revoked" and "revoked_at" in exc.params:
        from desktop_signer.cli.revocation_text import revoked_sentence_of

        # refused before signing (a PKCS#12 file): the issuer's date and reason are known
        return revoked_sentence_of(str(exc.params["revoked_at"]),
                                   str(exc.params.get("reason", "")),
                                   bool(exc.params.get("ca_revoked")), t)
    params: dict[str, Any] = {"detail": exc.detail, **exc.params}
    try:
        return t(f"sign_err_{exc.code}", **params)
    except (KeyError, IndexError, ValueError):
        return t("sign_err_unexpected", detail=f"{exc.code}: {exc.detail}")


class _Usage:
    def __init__(self, t: Catalogue) -> None:
        self.t = t

    def __call__(self, key: str, **params: object) -> NoReturn:
        sys.stderr.write(self.t("error", prog=PROG, message=self.t(key, **params)) + "\n")
        raise SystemExit(EXIT_USAGE)


def _secret(env: str | None, from_stdin: bool, prompt: str, missing_key: str,
            usage: _Usage) -> str:
    if env:
        value = os.environ.get(env)
        if not value:
            usage("sign_usage_env_missing", name=env)
        return value
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        usage(missing_key)
    return getpass.getpass(prompt)


def _numbers(text: str, sep: str, count: int, usage: _Usage, key: str) -> tuple[float, ...]:
    try:
        values = tuple(float(v) for v in text.replace(" ", "").split(sep))
    except ValueError:
        usage(key)
    if len(values) != count:
        usage(key)
    return values


def _jobs(args: argparse.Namespace, pattern: str, usage: _Usage) -> list[SignJob]:
    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if password is None:
            usage("sign_usage_env_missing", name=args.password_env)
    inputs = [Path(p) for p in args.inputs]
    if args.output and len(inputs) > 1:
        usage("sign_usage_one_output")
    if args.out_dir and not Path(args.out_dir).is_dir():
        usage("sign_usage_out_dir_missing", path=args.out_dir)  # once, before any PIN
    jobs = []
    for path in inputs:
        if args.output:
            out = Path(args.output)
        else:
            folder = Path(args.out_dir) if args.out_dir else path.parent
            out = folder / pattern.format(stem=path.stem, name=path.name)
        jobs.append(SignJob(path, out, password))
    return jobs


def _training_setup(training: bool, settings: settings_mod.Settings) -> TrainingSetup | None:
    if not training:
        return None
    from desktop_signer.training.active import training_setup

    return training_setup(settings)


def _options(args: argparse.Namespace, settings: settings_mod.Settings,
             usage: _Usage) -> SignOptions:
    from desktop_signer.trust.store import load_trust

    level = cast(Level, args.level or settings.pades_level)
    training = args.training or settings.training_mode
    classroom = _training_setup(training, settings)
    # in training mode the classroom's own TSA is the natural default
    tsa_url = args.tsa or settings.tsa_url or (classroom.tsa_url if classroom else "")
    tsa = None
    if tsa_url:
        user = args.tsa_user if args.tsa_user is not None else settings.tsa_user
        if args.tsa_password_env and not os.environ.get(args.tsa_password_env):
            usage("sign_usage_env_missing", name=args.tsa_password_env)
        tsa = TsaConfig(tsa_url, user, tsa_password(tsa_url, user, args.tsa_password_env),
                        settings.tsa_timeout_seconds)
    size = DEFAULT_BOX
    if args.size:
        w, h = _numbers(args.size.lower(), "x", 2, usage, "sign_usage_size")
        size = (w, h)
    rect = None
    if args.rect:
        x0, y0, x1, y1 = _numbers(args.rect, ",", 4, usage, "sign_usage_rect")
        rect = (x0, y0, x1, y1)
    placement = PlacementRequest(page=args.page, rect=rect, anchor=args.anchor,
                                 position=args.position, size=size)
    profile = settings.profile
    footer = None
    if args.footer or profile.footer:
        template = profile.qr_url_template
        # the footer names the portal; a per-document template (with {fields}) is for the QR
        url = template if template and "{" not in template else DEFAULT_QR_TEMPLATE
        footer = FooterSpec(url=url,
                            with_qr=bool(profile.qr_url_template),
                            pages=args.footer_pages or profile.footer_pages,
                            notice=profile.notice_text)
    trust = load_trust(cli_anchors=args.trust, training_mode=training,
                       training_root=classroom.root_certificate if classroom else None)
    return SignOptions(
        level=level, tsa=tsa, allow_downgrade=args.allow_downgrade, certify=args.certify,
        reason=args.reason if args.reason is not None else SignOptions.reason,
        location=args.location if args.location is not None else (profile.place or None),
        field_name=args.field, visible=not args.invisible, placement=placement,
        footer=footer, overwrite=args.overwrite, trust=trust, training=training,
        revocation_timeout=settings.tsa_timeout_seconds,
    )


def _identity(args: argparse.Namespace, settings: settings_mod.Settings, t: Catalogue,
              usage: _Usage) -> SigningIdentity:
    from desktop_signer.tokens import load_pkcs12_identity, open_pkcs11_identity

    if args.pkcs12:
        passphrase = _secret(args.passphrase_env, args.passphrase_stdin,
                             t("sign_passphrase_prompt"), "sign_usage_no_passphrase", usage)
        identity = load_pkcs12_identity(args.pkcs12, passphrase)
        # its certificate is known only now: a revoked one is refused before it signs
        from desktop_signer.identity_sources import pkcs12_revocation_cas
        from desktop_signer.signing.revocation_gate import refuse_if_revoked

        cas = pkcs12_revocation_cas(settings)
        if cas is not None:
            refuse_if_revoked(identity, cas)
        return identity
    module = args.module or settings.last_module
    if not module:
        usage("sign_usage_key")
    pin = _secret(args.pin_env, args.pin_stdin, t("sign_pin_prompt"), "sign_usage_no_pin",
                  usage)
    return open_pkcs11_identity(
        module, pin=pin, token_label=args.token,
        token_serial=None if args.token else (settings.last_token or None),
        certificate=args.cert_id, certificate_label=args.cert_label,
        confirm_final_try=args.confirm_final_try)


def _result_json(r: SignResult) -> str:
    return json.dumps({
        "input": str(r.input), "output": str(r.output), "status": r.status,
        "level": r.level, "requested_level": r.requested_level, "downgraded": r.downgraded,
        "field": r.field_name, "page": r.page, "sha256": r.output_sha256,
        "verification": r.verdict or None, "error": r.error_code or None,
        "error_params": {k: str(v) for k, v in (r.error.params if r.error else {}).items()},
    }, ensure_ascii=False)


def _report(r: SignResult, t: Catalogue, as_json: bool) -> None:
    if as_json:
        print(_result_json(r), flush=True)
        return
    if r.status == "signed":
        if r.downgraded:
            print(t("sign_downgraded", level=r.level, requested=r.requested_level))
        key = "sign_done" if r.page is not None else "sign_done_invisible"
        print(t(key, output=r.output, level=r.level, page=r.page, verdict=r.verdict))
    elif r.status == "skipped":
        print(t("sign_skipped", output=r.output))
    else:
        assert r.error is not None
        print(t("sign_failed", file=r.input, reason=error_line(r.error, t)), file=sys.stderr)


def run(args: argparse.Namespace, t: Catalogue) -> int:
    from desktop_signer.cli import sign_remote

    if sign_remote.wanted(args):
        return sign_remote.run(args, t)
    usage = _Usage(t)
    loaded = settings_mod.load()
    settings = loaded.settings
    jobs = _jobs(args, settings.output_pattern, usage)
    try:
        options = _options(args, settings, usage)
    except DesktopSignerError as exc:
        print(error_line(exc, t), file=sys.stderr)
        return 1
    # every attempt from here on is a journal row, the login included
    with Journal() as journal:
        code = _sign(args, t, usage, settings, jobs, options, journal)
    for line in journal_notices(journal, t):
        print(line, file=sys.stderr)
    return code


def _key_kind(args: argparse.Namespace) -> str:
    """What the journal calls the key of a login that may still fail."""
    if getattr(args, "esc_url", None):  # BSrE's remote signing service (issue 13)
        return "remote"
    return "pkcs12" if args.pkcs12 else "pkcs11"


def _sign(args: argparse.Namespace, t: Catalogue, usage: _Usage,
          settings: settings_mod.Settings, jobs: list[SignJob], options: SignOptions,
          journal: Journal) -> int:
    try:
        identity = open_identity(lambda: _identity(args, settings, t, usage), jobs,
                                 options.level, key_kind=_key_kind(args), journal=journal)
    except DesktopSignerError as exc:
        print(error_line(exc, t), file=sys.stderr)
        return 1
    cancel = threading.Event()
    try:
        profile_settings = settings.profile
        if args.place:
            profile_settings = replace(profile_settings, place=args.place)
        profile = profile_from_settings(profile_settings, identity.certificate,
                                        training=options.training,
                                        name=args.signer_name or "",
                                        title=args.signer_title or "", nip=args.nip or "")
        options = replace(options, profile=profile)

        def progress(done: int, total: int, current: Path | None) -> None:
            if current is not None and not args.json:
                print(t("sign_progress", n=done + 1, total=total, file=current),
                      file=sys.stderr, flush=True)

        try:
            batch = sign_batch(identity, jobs, options, progress=progress, cancel=cancel,
                               journal=journal)
        except KeyboardInterrupt:
            print(t("sign_cancelled"), file=sys.stderr)
            return EXIT_CANCELLED
    except DesktopSignerError as exc:
        print(error_line(exc, t), file=sys.stderr)
        return 1
    finally:
        identity.close()
    for result in batch.results:
        _report(result, t, args.json)
    if not args.json:
        print(t("sign_summary", signed=batch.signed, skipped=batch.skipped,
                failed=batch.failed), file=sys.stderr)
    return 1 if batch.failed else 0
