"""``desktop-signer selfcheck [--keyring] [--json]``: is this installation complete?

Exit codes: 0 every check passed, 1 some check failed, 64 usage error.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from desktop_signer import selfcheck
from desktop_signer.cli.i18n import Catalogue


def register(sub: Any, t: Catalogue) -> None:
    p = sub.add_parser("selfcheck", help=t("selfcheck_help"), description=t("selfcheck_help"),
                       t=t)
    p.add_argument("--keyring", action="store_true", help=t("selfcheck_keyring_help"))
    p.add_argument("--json", action="store_true", help=t("selfcheck_json_help"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, t: Catalogue) -> int:
    checks = selfcheck.run_all(keyring_round_trip=args.keyring)
    passed = all(check.passed for check in checks)
    if args.json:
        print(json.dumps({"ok": passed, "checks": [
            {**asdict(check), "passed": check.passed} for check in checks]},
                         ensure_ascii=False))
        return 0 if passed else 1
    for check in checks:
        mark = t("selfcheck_ok") if check.ok else (
            t("selfcheck_note") if check.optional else t("selfcheck_failed"))
        detail = f"  ({check.detail})" if check.detail else ""
        print(f"{mark} {t('selfcheck_' + check.name)}{detail}")
        for name in check.missing:
            print(t("selfcheck_missing", name=name))
        if check.optional and not check.ok:
            print(t("selfcheck_no_keyring"))
    print(t("selfcheck_summary_ok") if passed else t("selfcheck_summary_failed"))
    return 0 if passed else 1
