"""The classroom exercises and their automatic checks (DESIGN §8).

Each exercise is marked done from what the trainee actually did, read from durable evidence:

- the signing journal (:mod:`desktop_signer.journal`): rows of signatures made, and of
  attempts that failed with their error code;
- the files on disk: a signed copy of an exercise letter whose SHA-256 is the one the journal
  recorded, checked here for where its stamp sits;
- the training activity log (:mod:`desktop_signer.training.activity`) for what leaves no file
  (a verdict seen, the compare view opened, an identity refused before signing).

Progress is per machine: it lives in the training folder (``kemajuan.json`` holds when it
was last reset; evidence older than that is ignored). The texts a trainee reads (titles,
instructions) are the window's; this module has identifiers and facts only.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from desktop_signer.journal import Journal, JournalEntry, default_path
from desktop_signer.training import activity, exercise_files
from desktop_signer.training.setup import TrainingSetup, load

PROGRESS_FILE = "kemajuan.json"
SIGNATURE_WIDGET = 6  # PyMuPDF's PDF_WIDGET_TYPE_SIGNATURE (not in its type stubs)


class ExerciseId(StrEnum):
    SIGN_AT_MARKER = "sign_at_marker"
    WRONG_PIN = "wrong_pin"
    REFUSED_EXPIRED = "refused_expired"
    REFUSED_REVOKED = "refused_revoked"
    BATCH_TEN = "batch_ten"
    VERIFY_VALID = "verify_valid"
    VERIFY_MODIFIED = "verify_modified"
    VERIFY_OVERLAY = "verify_overlay"
    VERIFY_UNTRUSTED = "verify_untrusted"
    COMPARE_CHANGE = "compare_change"


ORDER: tuple[ExerciseId, ...] = tuple(ExerciseId)

# which identity each refusal exercise uses (labels of desktop_signer.training.identities)
EXPIRED_IDENTITY = "kedaluwarsa"
REVOKED_IDENTITY = "dicabut"
# the verdicts that count as "seen the lesson" for each verification exercise (the answer
# key; tests/integration/test_training_exercises.py checks the files really give them)
EXPECTED_VERDICTS: dict[ExerciseId, frozenset[str]] = {
    ExerciseId.VERIFY_VALID: frozenset({"valid"}),
    ExerciseId.VERIFY_MODIFIED: frozenset({"invalid"}),
    ExerciseId.VERIFY_OVERLAY: frozenset({"invalid"}),  # annotation_covers_content
    ExerciseId.VERIFY_UNTRUSTED: frozenset({"indeterminate"}),
}


@dataclass(frozen=True)
class ExerciseStatus:
    id: ExerciseId
    done: bool
    file: Path | None  # the exercise's file (to open it), if it has one
    seen: str = ""  # what the evidence showed: a verdict, an output name, a count


@dataclass(frozen=True)
class Evidence:
    setup: TrainingSetup
    journal: tuple[JournalEntry, ...]
    events: tuple[activity.ActivityEvent, ...]
    since: datetime | None


def exercise_file(training_dir: Path, exercise: ExerciseId) -> Path | None:
    where = exercise_files.paths(training_dir)
    return {
        ExerciseId.SIGN_AT_MARKER: where.sign_letter,
        ExerciseId.REFUSED_EXPIRED: where.sign_letter,
        ExerciseId.REFUSED_REVOKED: where.sign_letter,
        ExerciseId.WRONG_PIN: where.sign_letter,
        ExerciseId.BATCH_TEN: where.batch[0].parent,
        ExerciseId.VERIFY_VALID: where.valid,
        ExerciseId.VERIFY_MODIFIED: where.modified,
        ExerciseId.VERIFY_OVERLAY: where.overlay,
        ExerciseId.VERIFY_UNTRUSTED: where.untrusted,
        ExerciseId.COMPARE_CHANGE: where.modified,
    }[exercise]


# --- progress ----------------------------------------------------------------------------

def _progress(training_dir: Path) -> dict[str, object]:
    try:
        raw = json.loads((training_dir / PROGRESS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def progress_since(training_dir: Path) -> datetime | None:
    try:
        return datetime.fromisoformat(str(_progress(training_dir)["reset_at"]))
    except (ValueError, KeyError, TypeError):
        return None


def _journal_file(journal_path: Path | None) -> Path:
    return journal_path if journal_path is not None else default_path()


def _last_journal_id(journal_file: Path) -> int:
    if not journal_file.is_file():
        return 0
    with Journal(journal_file) as journal:
        rows = journal.entries()
    return rows[-1].id or 0 if rows else 0


def reset_progress(training_dir: Path, journal_path: Path | None = None,
                   when: datetime | None = None) -> datetime:
    """Start the exercises afresh on this machine: earlier evidence no longer counts (the
    journal's rows up to now, by row number; activity events, by time)."""
    moment = when or datetime.now(UTC)
    text = json.dumps({"reset_at": moment.isoformat(timespec="milliseconds"),
                       "journal_after_id": _last_journal_id(_journal_file(journal_path))})
    fd, tmp = tempfile.mkstemp(dir=training_dir, prefix=".kemajuan-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, training_dir / PROGRESS_FILE)
    return moment


# --- evidence ----------------------------------------------------------------------------

def gather(training_dir: Path, journal_path: Path | None = None) -> Evidence:
    """Read the set-up, the journal and the activity log (nothing is written)."""
    made = load(training_dir)
    since = progress_since(training_dir)
    rows: list[JournalEntry] = []
    journal_file = _journal_file(journal_path)
    after_id = _progress(training_dir).get("journal_after_id")
    if journal_file.is_file():  # no journal yet: nothing signed (opening would create one)
        with Journal(journal_file) as journal:
            rows = journal.entries()
        if isinstance(after_id, int):  # exact: rows are numbered in the order written
            rows = [r for r in rows if (r.id or 0) > after_id]
        else:
            rows = [r for r in rows if _after(r.time_utc, since)]
    return Evidence(made, tuple(rows), tuple(activity.events(training_dir, since)), since)


def _after(iso: str, since: datetime | None) -> bool:
    if since is None:
        return True
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    # journal times have whole seconds: a row of the reset's own second is taken as made
    # before it (starting again right after an exercise must clear it)
    return when > since.replace(microsecond=0)


def _serial(value: str) -> int | None:
    try:
        return int(value, 16)
    except ValueError:
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _find_output(folder: Path, name: str, sha256: str) -> Path | None:
    """The signed output the journal row names, below the exercise folder, unchanged."""
    if not name or not folder.is_dir():
        return None
    for candidate in folder.rglob(name):
        try:
            if candidate.is_file() and _sha256(candidate) == sha256:
                return candidate
        except OSError:
            continue
    return None


def stamp_at_marker(original: Path, signed: Path) -> bool:
    """Does a signed signature field of ``signed`` cover the ``#`` marker of ``original``?"""
    import pymupdf

    from desktop_signer.appearance.placement import find_anchor

    with pymupdf.open(original) as doc:
        hit = find_anchor(doc, "#")
    if hit is None:
        return False
    x0, y0, x1, y1 = hit.mupdf_rect
    centre = pymupdf.Point((x0 + x1) / 2, (y0 + y1) / 2)
    with pymupdf.open(signed) as doc:
        if hit.page_index >= doc.page_count:
            return False
        for widget in doc[hit.page_index].widgets() or []:
            if widget.field_type != SIGNATURE_WIDGET:
                continue
            signed_value = doc.xref_get_key(widget.xref, "V")[0] == "xref"
            if signed_value and widget.rect.contains(centre):
                return True
    return False


# --- the checks --------------------------------------------------------------------------

def _training_serials(made: TrainingSetup) -> set[int]:
    return {i.serial for i in made.identities}


def _check_sign_at_marker(ev: Evidence, directory: Path) -> tuple[bool, str]:
    where = exercise_files.paths(directory)
    serials = _training_serials(ev.setup)
    for row in reversed(ev.journal):
        if (row.result != "signed" or row.input_name != where.sign_letter.name
                or _serial(row.cert_serial) not in serials):
            continue
        output = _find_output(where.folder, row.output_name, row.output_sha256)
        if output is not None and stamp_at_marker(where.sign_letter, output):
            return True, output.name
    return False, ""


def _check_wrong_pin(ev: Evidence, _directory: Path) -> tuple[bool, str]:
    serials = _training_serials(ev.setup)
    for row in ev.journal:
        if row.error_code == "pin_incorrect" and _serial(row.cert_serial) in serials:
            return True, row.cert_subject
    for event in ev.events:
        if event.event == activity.PIN_INCORRECT and event.get("token") in ev.setup.tokens:
            return True, event.get("retries_left")
    return False, ""


def _refused(label: str, code: str) -> Callable[[Evidence, Path], tuple[bool, str]]:
    def check(ev: Evidence, _directory: Path) -> tuple[bool, str]:
        serial = ev.setup.identity(label).serial
        for row in ev.journal:
            if (row.result == "failed" and row.error_code == code
                    and _serial(row.cert_serial) == serial):
                return True, code
        for event in ev.events:
            if (event.event == activity.IDENTITY_REFUSED
                    and _serial(event.get("serial")) == serial):
                return True, event.get("code")
        return False, ""

    return check


def _check_batch(ev: Evidence, directory: Path) -> tuple[bool, str]:
    where = exercise_files.paths(directory)
    names = {p.name for p in where.batch}
    serials = _training_serials(ev.setup)
    done: set[str] = set()
    for row in ev.journal:
        if (row.result == "signed" and row.input_name in names and row.input_name not in done
                and _serial(row.cert_serial) in serials
                and _find_output(where.folder, row.output_name, row.output_sha256)):
            done.add(row.input_name)
    return len(done) >= len(names), f"{len(done)}/{len(names)}"


def _verified(exercise: ExerciseId) -> Callable[[Evidence, Path], tuple[bool, str]]:
    def check(ev: Evidence, directory: Path) -> tuple[bool, str]:
        target = exercise_file(directory, exercise)
        if target is None or not target.is_file():
            return False, ""
        digest = _sha256(target)
        seen = ""
        for event in ev.events:
            if event.event == activity.VERIFIED and event.get("sha256") == digest:
                seen = event.get("verdict")
                if seen in EXPECTED_VERDICTS[exercise]:
                    return True, seen
        return False, seen

    return check


def _check_compare(ev: Evidence, directory: Path) -> tuple[bool, str]:
    target = exercise_files.paths(directory).modified
    if not target.is_file():
        return False, ""
    digest = _sha256(target)
    for event in ev.events:
        if event.event == activity.COMPARE_OPENED and event.get("sha256") == digest:
            return True, event.get("file")
    return False, ""


CHECKS: dict[ExerciseId, Callable[[Evidence, Path], tuple[bool, str]]] = {
    ExerciseId.SIGN_AT_MARKER: _check_sign_at_marker,
    ExerciseId.WRONG_PIN: _check_wrong_pin,
    ExerciseId.REFUSED_EXPIRED: _refused(EXPIRED_IDENTITY, "certificate_expired"),
    ExerciseId.REFUSED_REVOKED: _refused(REVOKED_IDENTITY, "certificate_revoked"),
    ExerciseId.BATCH_TEN: _check_batch,
    ExerciseId.VERIFY_VALID: _verified(ExerciseId.VERIFY_VALID),
    ExerciseId.VERIFY_MODIFIED: _verified(ExerciseId.VERIFY_MODIFIED),
    ExerciseId.VERIFY_OVERLAY: _verified(ExerciseId.VERIFY_OVERLAY),
    ExerciseId.VERIFY_UNTRUSTED: _verified(ExerciseId.VERIFY_UNTRUSTED),
    ExerciseId.COMPARE_CHANGE: _check_compare,
}


def evaluate(training_dir: Path, journal_path: Path | None = None) -> tuple[ExerciseStatus, ...]:
    """Every exercise's state, in the order trainees do them (reads files; run off the GUI
    thread). Raises TrainingError when ``training_dir`` is not a set-up."""
    evidence = gather(training_dir, journal_path)
    found = []
    for exercise in ORDER:
        try:
            done, seen = CHECKS[exercise](evidence, training_dir)
        except (OSError, RuntimeError, ValueError):  # a damaged output counts as not done
            done, seen = False, ""
        found.append(ExerciseStatus(exercise, done, exercise_file(training_dir, exercise), seen))
    return tuple(found)
