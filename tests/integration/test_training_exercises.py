"""The exercise files ``training init`` makes, and each exercise's automatic check, done and
not done, from real signatures (our signer, the training identities), the real journal and
the activity log the window writes."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_signer.appearance.placement import PlacementRequest
from desktop_signer.journal import Journal, JournalEntry
from desktop_signer.signing import SigningError, SignJob, SignOptions, sign_batch
from desktop_signer.tokens import load_pkcs12_identity
from desktop_signer.training import activity, exercise_files, exercises
from desktop_signer.training.exercises import ExerciseId
from desktop_signer.training.services import TrainingServices
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.verification import VerifyOptions, verify_in_process
from tests.integration.sign_helpers import trust_for

pytestmark = pytest.mark.integration


@pytest.fixture
def classroom(training: TrainingSetup, tmp_path: Path) -> tuple[Path, Path]:
    """The session's set-up with fresh progress, and a journal of this test only."""
    directory = Path(training.directory)
    journal = tmp_path / "journal.sqlite3"
    exercises.reset_progress(directory, journal)
    yield directory, journal
    where = exercise_files.paths(directory)
    for signed in where.folder.rglob("*_signed*.pdf"):
        signed.unlink()


def _done(directory: Path, journal: Path) -> dict[ExerciseId, bool]:
    return {s.id: s.done for s in exercises.evaluate(directory, journal)}


def _sign(training: TrainingSetup, jobs: list[SignJob], journal_path: Path,
          label: str = "budi", **options: object) -> None:
    ident = training.identity(label)
    assert ident.pkcs12 is not None
    identity = load_pkcs12_identity(ident.pkcs12, training.pkcs12_passphrase)
    with Journal(journal_path) as journal:
        result = sign_batch(identity, jobs, SignOptions(level="B-B", verify_output=False,
                                                        **options),  # type: ignore[arg-type]
                            journal=journal)
    assert result.signed == len(jobs), [r.error for r in result.results]


def test_training_init_writes_every_exercise_file(training: TrainingSetup) -> None:
    where = exercise_files.paths(Path(training.directory))
    for path in (where.sign_letter, *where.batch, where.valid, where.modified, where.overlay,
                 where.untrusted):
        assert path.is_file() and path.read_bytes().startswith(b"%PDF"), path
    assert len(where.batch) == 10


def test_exercise_files_give_the_verdicts_the_answer_key_names(
        training: TrainingSetup, training_services: TrainingServices) -> None:
    where = exercise_files.paths(Path(training.directory))
    options = VerifyOptions(trust=trust_for(training))
    reports = {path.name: verify_in_process(path, options)
               for path in (where.valid, where.modified, where.overlay, where.untrusted)}

    def codes(name: str) -> set[str]:
        return {f.code for s in reports[name].signatures for f in s.findings}

    assert reports[where.valid.name].verdict == "valid"
    assert reports[where.modified.name].verdict == "invalid"
    assert {"modified_after_signing", "visual_change"} <= codes(where.modified.name)
    assert {"annotations_after_signing", "annotation_covers_content"} <= codes(
        where.overlay.name)
    assert reports[where.overlay.name].verdict == "invalid"
    assert reports[where.untrusted.name].verdict == "indeterminate"
    assert "untrusted" in codes(where.untrusted.name)
    for exercise, path in ((ExerciseId.VERIFY_VALID, where.valid),
                           (ExerciseId.VERIFY_MODIFIED, where.modified),
                           (ExerciseId.VERIFY_OVERLAY, where.overlay),
                           (ExerciseId.VERIFY_UNTRUSTED, where.untrusted)):
        assert reports[path.name].verdict in exercises.EXPECTED_VERDICTS[exercise]


def test_nothing_is_done_at_first(classroom: tuple[Path, Path]) -> None:
    assert not any(_done(*classroom).values())


def test_letter_signed_at_its_marker_is_done(training: TrainingSetup,
                                             classroom: tuple[Path, Path]) -> None:
    directory, journal = classroom
    where = exercise_files.paths(directory)
    output = where.folder / "01-surat-untuk-ditandatangani_signed.pdf"
    _sign(training, [SignJob(where.sign_letter, output)], journal,
          placement=PlacementRequest(anchor="#"))
    assert _done(directory, journal)[ExerciseId.SIGN_AT_MARKER]


def test_stamp_elsewhere_or_output_changed_is_not_done(training: TrainingSetup,
                                                       classroom: tuple[Path, Path]) -> None:
    directory, journal = classroom
    where = exercise_files.paths(directory)
    output = where.folder / "01-surat-untuk-ditandatangani_signed.pdf"
    _sign(training, [SignJob(where.sign_letter, output)], journal,
          placement=PlacementRequest(position="top-left"))
    assert not _done(directory, journal)[ExerciseId.SIGN_AT_MARKER]
    output.unlink()
    _sign(training, [SignJob(where.sign_letter, output)], journal,
          placement=PlacementRequest(anchor="#"))
    with output.open("ab") as f:  # not the file the journal recorded any more
        f.write(b"\n% changed\n")
    assert not _done(directory, journal)[ExerciseId.SIGN_AT_MARKER]


def test_signed_outside_the_exercise_folder_is_not_done(training: TrainingSetup,
                                                        classroom: tuple[Path, Path],
                                                        tmp_path: Path) -> None:
    directory, journal = classroom
    where = exercise_files.paths(directory)
    _sign(training, [SignJob(where.sign_letter, tmp_path / "ditandatangani.pdf")], journal,
          placement=PlacementRequest(anchor="#"))
    assert not _done(directory, journal)[ExerciseId.SIGN_AT_MARKER]


def test_ten_letters_signed_is_done_nine_is_not(training: TrainingSetup,
                                                classroom: tuple[Path, Path]) -> None:
    directory, journal = classroom
    where = exercise_files.paths(directory)
    jobs = [SignJob(p, p.with_name(p.stem + "_signed.pdf")) for p in where.batch]
    _sign(training, jobs[:9], journal)
    states = {s.id: s for s in exercises.evaluate(directory, journal)}
    assert not states[ExerciseId.BATCH_TEN].done
    assert states[ExerciseId.BATCH_TEN].seen == "9/10"
    _sign(training, jobs[9:], journal)
    assert _done(directory, journal)[ExerciseId.BATCH_TEN]


def test_refusals_are_done_from_the_journal_or_the_activity_log(
        training: TrainingSetup, classroom: tuple[Path, Path]) -> None:
    directory, journal_path = classroom
    where = exercise_files.paths(directory)
    expired = training.identity("kedaluwarsa")
    assert expired.pkcs12 is not None
    identity = load_pkcs12_identity(expired.pkcs12, training.pkcs12_passphrase)
    # the real refusal: the core refuses an expired certificate before signing anything
    with pytest.raises(SigningError) as refused:
        sign_batch(identity, [SignJob(where.sign_letter, where.folder / "x.pdf")],
                   SignOptions(level="B-B"))
    assert refused.value.code == "certificate_expired"
    assert not _done(directory, journal_path)[ExerciseId.REFUSED_EXPIRED]
    # what the window records when it shows that refusal
    activity.record(activity.IDENTITY_REFUSED, directory,
                    serial=format(identity.certificate.serial_number, "x"),
                    code=refused.value.code)
    done = _done(directory, journal_path)
    assert done[ExerciseId.REFUSED_EXPIRED]
    assert not done[ExerciseId.REFUSED_REVOKED]
    # a failure row of the journal (as a failed attempt is recorded) counts as well
    revoked = training.identity("dicabut")
    with Journal(journal_path) as journal:
        journal.record(JournalEntry(
            time_utc=datetime.now(UTC).isoformat(timespec="seconds"),
            input_name=where.sign_letter.name, output_name="", output_sha256="",
            cert_subject=revoked.name, cert_serial=format(revoked.serial, "x"),
            cert_issuer="BSrE Latihan", key_kind="pkcs11", requested_level="B-LT", level="",
            result="failed", error_code="certificate_revoked"))
    assert _done(directory, journal_path)[ExerciseId.REFUSED_REVOKED]


def test_wrong_pin_counts_only_on_a_training_token(training: TrainingSetup,
                                                   classroom: tuple[Path, Path]) -> None:
    directory, journal = classroom
    activity.record(activity.PIN_INCORRECT, directory, token="TOKEN-KANTOR",
                    retries_left=2)
    assert not _done(directory, journal)[ExerciseId.WRONG_PIN]
    activity.record(activity.PIN_INCORRECT, directory, token=training.tokens[0],
                    retries_left=2)
    assert _done(directory, journal)[ExerciseId.WRONG_PIN]


def test_verification_exercises_need_the_file_and_the_right_verdict(
        classroom: tuple[Path, Path], tmp_path: Path) -> None:
    directory, journal = classroom
    where = exercise_files.paths(directory)
    digest = exercises._sha256(where.modified)
    activity.record(activity.VERIFIED, directory, file=where.modified.name,
                    sha256=exercises._sha256(where.valid), verdict="invalid")
    activity.record(activity.VERIFIED, directory, file=where.modified.name, sha256=digest,
                    verdict="valid")  # a verdict the file cannot have: not the lesson
    states = {s.id: s for s in exercises.evaluate(directory, journal)}
    assert not states[ExerciseId.VERIFY_MODIFIED].done
    assert states[ExerciseId.VERIFY_MODIFIED].seen == "valid"
    activity.record(activity.VERIFIED, directory, file=where.modified.name, sha256=digest,
                    verdict="invalid")
    activity.record(activity.VERIFIED, directory, file=where.untrusted.name,
                    sha256=exercises._sha256(where.untrusted), verdict="indeterminate")
    activity.record(activity.VERIFIED, directory, file=where.overlay.name,
                    sha256=exercises._sha256(where.overlay), verdict="invalid")
    done = _done(directory, journal)
    assert done[ExerciseId.VERIFY_MODIFIED]
    assert done[ExerciseId.VERIFY_UNTRUSTED]
    assert done[ExerciseId.VERIFY_OVERLAY]
    assert not done[ExerciseId.VERIFY_VALID]
    assert not done[ExerciseId.COMPARE_CHANGE]
    activity.record(activity.COMPARE_OPENED, directory, file=where.modified.name,
                    sha256=digest)
    assert _done(directory, journal)[ExerciseId.COMPARE_CHANGE]


def test_reset_progress_forgets_what_was_done(training: TrainingSetup,
                                              classroom: tuple[Path, Path]) -> None:
    directory, journal = classroom
    activity.record(activity.PIN_INCORRECT, directory, token=training.tokens[0])
    output = exercise_files.paths(directory).folder / "01-surat_signed.pdf"
    _sign(training, [SignJob(exercise_files.paths(directory).sign_letter, output)], journal,
          placement=PlacementRequest(anchor="#"))
    done = _done(directory, journal)
    assert done[ExerciseId.WRONG_PIN] and done[ExerciseId.SIGN_AT_MARKER]
    exercises.reset_progress(directory, journal)  # at once: the same second as signing
    done = _done(directory, journal)
    assert not done[ExerciseId.WRONG_PIN] and not done[ExerciseId.SIGN_AT_MARKER]


def test_activity_log_never_takes_a_secret_and_skips_damaged_lines(tmp_path: Path) -> None:
    (tmp_path / "latihan.json").write_text("{}", "utf-8")
    with pytest.raises(ValueError):
        activity.record("pin_incorrect", tmp_path, pin="123456")
    assert activity.record(activity.VERIFIED, tmp_path, file="a.pdf", verdict="valid")
    with (tmp_path / activity.ACTIVITY_FILE).open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    assert activity.record(activity.COMPARE_OPENED, tmp_path, file="a.pdf")
    found = activity.events(tmp_path)
    assert [e.event for e in found] == [activity.VERIFIED, activity.COMPARE_OPENED]
    assert "123456" not in (tmp_path / activity.ACTIVITY_FILE).read_text("utf-8")


def test_no_set_up_records_nothing(tmp_path: Path) -> None:
    assert not activity.record(activity.VERIFIED, tmp_path / "tidak-ada", file="a.pdf")


def test_a_copy_of_an_exercise_file_under_another_name_still_counts(
        classroom: tuple[Path, Path], tmp_path: Path) -> None:
    directory, journal = classroom
    where = exercise_files.paths(directory)
    copy = tmp_path / "surat-dari-instansi-lain.pdf"
    shutil.copyfile(where.untrusted, copy)
    activity.record(activity.VERIFIED, directory, file=copy.name,
                    sha256=exercises._sha256(copy), verdict="indeterminate")
    assert _done(directory, journal)[ExerciseId.VERIFY_UNTRUSTED]


def test_exercises_without_the_standard_identities_are_not_built(tmp_path: Path) -> None:
    from desktop_signer.training.identities import TRAINEES
    from desktop_signer.training.setup import create

    made = create(tmp_path / "kecil", trainees=tuple(
        t for t in TRAINEES if t.label in ("budi", "rahmat")))
    assert not exercise_files.paths(Path(made.directory)).valid.exists()
    assert dataclasses.asdict(made)["identities"]
