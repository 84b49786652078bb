"""A small log of what trainees did that leaves no file behind (JSON Lines).

The exercises (:mod:`desktop_signer.training.exercises`) are checked from durable evidence:
the signing journal and the files on disk. Some steps leave neither — a trainee verified an
exercise file and saw its verdict, opened the compare view, was refused by an expired
identity before anything was signed, typed a wrong PIN. The window's parts call
:func:`record` for those, one line each; the log lives in the training folder
(``aktivitas.jsonl``), so a new classroom set-up starts with an empty one.

Recording never fails the caller: a training aid must not break signing or verifying.
Nothing secret is written (never a PIN, never document content): event names, file names,
SHA-256 digests, verdicts and codes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ACTIVITY_FILE = "aktivitas.jsonl"

# the events the exercises look at (other names are kept and ignored)
VERIFIED = "verified"  # file, sha256, verdict
COMPARE_OPENED = "compare_opened"  # file, sha256
PIN_INCORRECT = "pin_incorrect"  # token, retries_left (optional)
IDENTITY_REFUSED = "identity_refused"  # serial (hex), code (certificate_expired, ...)

_FORBIDDEN_KEYS = frozenset({"pin", "passphrase", "password", "so_pin"})


@dataclass(frozen=True)
class ActivityEvent:
    time_utc: datetime
    event: str
    data: tuple[tuple[str, str], ...]

    def get(self, key: str, default: str = "") -> str:
        return dict(self.data).get(key, default)


def _directory(directory: Path | None) -> Path | None:
    if directory is not None:
        return directory
    from desktop_signer.training import active

    try:
        folder = active.training_dir()
    except Exception:  # unreadable settings: nowhere to record
        return None
    return folder if (folder / active.MANIFEST_NAME).is_file() else None


def record(event: str, directory: Path | None = None, **data: object) -> bool:
    """Append one event to the active training set-up's log; False when none exists.

    Values are stored as text; keys that could carry a secret are refused outright."""
    if _FORBIDDEN_KEYS & set(data):
        raise ValueError("secrets never go into the training activity log")
    folder = _directory(directory)
    if folder is None:
        return False
    line = json.dumps({"time_utc": datetime.now(UTC).isoformat(timespec="milliseconds"),
                       "event": event, **{k: str(v) for k, v in data.items()}},
                      ensure_ascii=False)
    try:
        # one write() of a short line with O_APPEND: lines of two processes never interleave
        fd = os.open(folder / ACTIVITY_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, (line + "\n").encode("utf-8"))
        finally:
            os.close(fd)
    except OSError:
        return False
    return True


def events(directory: Path, since: datetime | None = None) -> list[ActivityEvent]:
    """Every readable event (a damaged line is skipped), oldest first."""
    try:
        text = (directory / ACTIVITY_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return []
    except (OSError, UnicodeDecodeError):
        return []
    found: list[ActivityEvent] = []
    for raw in text.splitlines():
        try:
            item: dict[str, Any] = json.loads(raw)
            when = datetime.fromisoformat(str(item.pop("time_utc")))
            name = str(item.pop("event"))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        if since is not None and when < since:
            continue
        found.append(ActivityEvent(when, name, tuple((str(k), str(v))
                                                     for k, v in item.items())))
    return found
