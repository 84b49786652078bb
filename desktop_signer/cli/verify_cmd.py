"""``desktop-signer verify FILE... [--json] [--trust F] [--certs F] [--crl F] [--offline]
[--at ISO-TIME]`` (DESIGN §6).

Exit codes: 0 every file valid; 1 some file invalid; 2 indeterminate; 3 unsigned;
4 unreadable; 64 usage. With several files the most serious outcome wins, in this order:
invalid (1), unreadable (4), indeterminate (2), unsigned (3), valid (0).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_signer import settings
from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.messages import MESSAGES

if TYPE_CHECKING:  # the verifier (pyHanko, PyMuPDF) is imported only when verify runs
    from desktop_signer.verification import FileReport, Finding, VerifyOptions
    from desktop_signer.verification.model import SignatureResult

EXIT_CODES = {"valid": 0, "invalid": 1, "indeterminate": 2, "unsigned": 3, "unreadable": 4}
_SERIOUSNESS = ["invalid", "unreadable", "indeterminate", "unsigned", "valid"]


def register(sub: Any, t: Catalogue) -> None:
    p = sub.add_parser("verify", help=t("verify_help"), description=t("verify_help"), t=t)
    p.add_argument("files", nargs="+", metavar="FILE", help=t("verify_files_help"))
    p.add_argument("--json", action="store_true", help=t("verify_json_help"))
    p.add_argument(
        "--trust", action="append", default=[], metavar="PEM", help=t("verify_trust_help")
    )
    p.add_argument(
        "--certs", action="append", default=[], metavar="PEM", help=t("verify_certs_help")
    )
    p.add_argument("--crl", action="append", default=[], metavar="FILE", help=t("verify_crl_help"))
    p.add_argument("--offline", action="store_true", help=t("verify_offline_help"))
    p.add_argument("--at", metavar="ISO-TIME", help=t("verify_at_help"))
    p.add_argument("--training", action="store_true", help=t("verify_training_help"))
    p.set_defaults(handler=run, parser=p)


def parse_time(value: str) -> datetime:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def exit_code(reports: list[FileReport]) -> int:
    verdicts = {r.verdict for r in reports}
    for verdict in _SERIOUSNESS:
        if verdict in verdicts:
            return EXIT_CODES[verdict]
    return 0


def _training_root(loaded: settings.LoadedSettings, training: bool) -> str | None:
    """The active training set-up's root (training/active.py: the environment variable,
    the folder ``training init`` recorded, or the default), in training mode only."""
    if not training:
        return None
    from desktop_signer.training.active import training_setup

    found = training_setup(loaded.settings)
    return found.root_certificate if found is not None else None


def options_from(args: argparse.Namespace) -> VerifyOptions:
    from desktop_signer.trust import load_trust
    from desktop_signer.verification import VerifyOptions

    loaded = settings.load()
    training = bool(getattr(args, "training", False)) or loaded.settings.training_mode
    trust = load_trust(
        cli_anchors=args.trust,
        cli_certs=args.certs,
        cli_crls=args.crl,
        training_mode=training,
        training_root=_training_root(loaded, training),
    )
    return VerifyOptions(
        trust=trust,
        offline=args.offline or loaded.settings.offline,
        at=parse_time(args.at) if args.at else None,
        revocation_soft_fail=loaded.settings.revocation_soft_fail,
    )


def run(args: argparse.Namespace, t: Catalogue) -> int:
    from desktop_signer.trust import TrustError
    from desktop_signer.verification import verify_file
    from desktop_signer.verification.report_json import report_json

    if args.at:
        try:
            parse_time(args.at)
        except ValueError:
            args.parser.error(t("verify_bad_time", value=args.at))
    try:
        options = options_from(args)
    except TrustError as exc:
        what = t(f"trust_err_{exc.code}")
        print(t("verify_trust_error", path=exc.params.get("path", ""), what=what), file=sys.stderr)
        return 64
    reports: list[FileReport] = []
    for file in args.files:
        report = verify_file(Path(file), options)
        reports.append(report)
        if args.json:
            doc = report_json(report, describer(t), summariser(t), t.language)
            if len(args.files) > 1:
                print(json.dumps(doc, ensure_ascii=False), flush=True)
            else:
                print(json.dumps(doc, ensure_ascii=False, indent=2), flush=True)
        else:
            print(render_text(report, t), flush=True)
    return exit_code(reports)


# ---------------------------------------------------------------- messages


def _what(t: Catalogue, f: Finding) -> str:
    what = f.param("what", "signer")
    return t(f"what_{what}") if what in ("signer", "timestamp") else what


def describe(f: Finding, t: Catalogue) -> str:
    code = f.code
    params = dict(f.params)
    key = f"finding_{code}"
    variant = {
        "modified_after_signing": f.param("reason"),
        "could_not_validate": f.param("reason"),
        "malformed_signature": f.param("reason"),
        "integrity_failed": f.param("reason"),
        "untrusted": "timestamp" if f.severity == "warning" else "",
        "expired": "at" if f.severity == "info" else f.param("reason"),
        "weak_key": f.param("where"),
        "revocation_unknown": f.param("reason"),
        "revoked": f.param("proof"),
        "training_ca": "training" if f.severity == "info" else "",
    }.get(code, "")
    if variant and f"{key}_{variant}" in MESSAGES:
        key = f"{key}_{variant}"
    params["what"] = _what(t, f)
    if code == "unsupported_signature":
        params["kind"] = f.param("subfilter") or f.param("algorithm") or "?"
    if code == "weak_digest":
        params["digest_note"] = f" ({f.param('digest')})" if f.param("digest") else ""
    if code == "revocation_unknown":
        params["offline_note"] = t("offline_note") if f.param("offline") == "yes" else ""
    if code == "annotation_covers_content":
        params["page"] = str(f.page) if f.page is not None else "?"
        params["region"] = _region(f.rect)
    if code == "visual_change":
        params["page"] = str(f.page) if f.page is not None else "?"
        params.setdefault("kind", "")
    text = t(key).format_map(_Blank(params))  # t(key) without params: the template
    return text[0].upper() + text[1:] if text else text


def _region(rect: tuple[float, float, float, float] | None) -> str:
    """A rectangle in PDF points from the page's lower-left corner, as people read it."""
    if rect is None:
        return "?"
    x0, y0, x1, y1 = rect
    return f"x {x0:.0f}–{x1:.0f}, y {y0:.0f}–{y1:.0f} pt"


class _Blank(dict[str, str]):
    """Format parameters where a missing one is empty (a finding carries what it knows)."""

    def __missing__(self, key: str) -> str:
        return ""


def describer(t: Catalogue) -> Any:
    return lambda f: describe(f, t)


def _first_problem(report: FileReport, effect: str, t: Catalogue) -> str:
    for sig in report.signatures:
        for f in sig.findings:
            if f.effect == effect:
                return describe(f, t)
    return ""


def summarise(report: FileReport, t: Catalogue) -> str:
    verdict = report.verdict
    if verdict == "unreadable":
        problem = t(f"problem_{report.problem or 'read_error'}")
        return t("summary_unreadable", problem=problem)
    if verdict == "unsigned":
        return t("summary_unsigned")
    if verdict == "valid":
        noisy = any(f.severity != "info" for s in report.signatures for f in s.findings)
        key = "summary_valid_warnings" if noisy else "summary_valid"
        return t(key, count=len(report.signatures))
    reason = _first_problem(report, verdict, t)
    return t(f"summary_{verdict}", reason=reason)


def summariser(t: Catalogue) -> Any:
    return lambda r: summarise(r, t)


# ---------------------------------------------------------------- text report


def _signature_title(sig: SignatureResult, n: int, t: Catalogue) -> str:
    key = {
        "approval": "label_signature",
        "certification": "label_certification_sig",
        "document_timestamp": "label_timestamp_sig",
    }[sig.kind]
    where = [f'{t("label_field")} "{sig.field}"']
    if sig.revision:
        where.append(f"{t('label_revision')} {sig.revision}")
    if sig.page:
        where.append(f"{t('label_page')} {sig.page}")
    return f"{t(key, n=n)} ({', '.join(where)}): {t('verdict_' + sig.verdict)}"


def _signature_lines(sig: SignatureResult, t: Catalogue) -> list[str]:
    lines: list[str] = []
    if sig.signer is not None:
        who = [sig.signer.name]
        if sig.signer.organization:
            who.append(sig.signer.organization)
        if sig.signer.identifier:
            who.append(f"{t('nip')} {sig.signer.identifier}")
        lines.append(f"{t('label_signer')}: {' — '.join(who)}")
        lines.append(f"{t('label_issuer')}: {sig.signer.issuer}")
    if sig.integrity == "failed":
        unchanged = t("no")
    elif sig.modification in ("none", "signatures_and_timestamps"):
        unchanged = t(f"modification_{sig.modification}")
    else:
        unchanged = t("changed_how", what=t(f"modification_{sig.modification}"))
    lines.append(f"{t('label_unchanged')}: {unchanged}")
    st = sig.signing_time
    if st.timestamp is not None and st.timestamp_valid:
        ts = t("timestamp_yes", time=st.timestamp.isoformat(), tsa=st.timestamp_authority or "?")
    elif st.timestamp is not None:
        ts = t("timestamp_untrusted", time=st.timestamp.isoformat())
    else:
        ts = t("none")
    lines.append(f"{t('label_timestamp')}: {ts}")
    if st.claimed is not None and sig.kind != "document_timestamp":
        lines.append(f"{t('label_claimed')}: {st.claimed.isoformat()}")
    if sig.kind != "document_timestamp":
        ltv = t("unknown") if sig.ltv is None else t("yes" if sig.ltv else "no")
        lines.append(f"{t('label_ltv')}: {ltv}")
    trust = t(f"trust_{sig.trust}", anchor=sig.trust_anchor or "?")
    lines.append(f"{t('label_trust')}: {trust}")
    source = t(f"source_{sig.revocation_source}")
    lines.append(f"{t('label_revocation')}: {t(f'revocation_{sig.revocation}', source=source)}")
    if sig.pades_level:
        lines.append(f"{t('label_level')}: {sig.pades_level}")
    if sig.findings:
        lines.append(f"{t('label_findings')}:")
        for f in sig.findings:
            lines.append(f"  {t('severity_' + f.severity)} {describe(f, t)}")
    return lines


def render_text(report: FileReport, t: Catalogue) -> str:
    out = [
        f"{t('label_file')}: {report.file}",
        f"{t('label_result')}: {t('verdict_' + report.verdict)} — {summarise(report, t)}",
    ]
    for n, sig in enumerate(report.signatures, start=1):
        out.append("")
        out.append(_signature_title(sig, n, t))
        out.extend(f"  {line}" for line in _signature_lines(sig, t))
    return "\n".join(out) + "\n"
