"""What a trainee did that leaves no file, noted for the exercises' automatic checks.

The checks (``desktop_signer.training.exercises``) read the journal, the files on disk and
the training activity log; the window's parts call these functions at the moments the
log needs: a verdict shown, the compare view opened, a wrong PIN, an identity refused.
Only in training (training mode on, or a training identity): a real document's name and
digest never go into the training folder. Noting never fails the caller.
"""

from __future__ import annotations

import contextlib
from typing import Any

from desktop_signer.training import activity


def _note(event: str, **data: object) -> None:
    with contextlib.suppress(Exception):  # a training aid never breaks signing or verifying
        activity.record(event, **data)


def verified(settings: Any, path: str, report: Any) -> None:
    if getattr(settings, "training_mode", False) and report is not None:
        from pathlib import Path

        _note(activity.VERIFIED, file=Path(path).name, sha256=report.sha256,
              verdict=report.verdict)


def compare_opened(settings: Any, path: str, report: Any) -> None:
    if getattr(settings, "training_mode", False) and report is not None:
        from pathlib import Path

        _note(activity.COMPARE_OPENED, file=Path(path).name, sha256=report.sha256)


def _token_label(option: Any) -> str:
    parts = str(getattr(option, "key", "")).split("\n")
    return parts[2] if getattr(option, "source", "") == "pkcs11" and len(parts) > 2 else ""


def pin_incorrect(option: Any) -> None:
    if getattr(option, "training", False):
        _note(activity.PIN_INCORRECT, token=_token_label(option))


def identity_refused(option: Any) -> None:
    info = getattr(option, "info", None)
    if getattr(option, "training", False) and info is not None and not option.usable:
        reasons = tuple(getattr(option, "reasons", ()))
        _note(activity.IDENTITY_REFUSED, serial=info.serial_hex,
              code=reasons[0] if reasons else "")
