"""The window notes what a trainee did that leaves no file (``ui.training.evidence``), and
the exercises' automatic checks see it: a verdict shown by the validity panel, the compare
view opened, an expired identity refused in the chooser, a wrong PIN typed into the PIN
dialog. Driven like a person against the session's training PKI, real SoftHSM tokens and
the training services on 127.0.0.1. Also: signed but not journaled says so.

(The "refused by a revoked identity" exercise is tested elsewhere.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_signer.training import activity, exercise_files, exercises
from desktop_signer.training.exercises import ExerciseId
from desktop_signer.training.setup import TrainingSetup
from tests.gui.conftest import MakeWindow, wait_open
from tests.gui.signing_helpers import Dialogs, letter_copy, write_settings
from tests.gui.test_validity import wait_verified

pytestmark = [pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def trainee(training: TrainingSetup, training_services: object,
            isolated_dirs: dict[str, Path],
            monkeypatch: pytest.MonkeyPatch) -> Iterator[TrainingSetup]:
    """Training mode on with the session's set-up; the exercises start afresh."""
    directory = Path(training.directory)
    write_settings(isolated_dirs["config"], training)
    monkeypatch.setenv("DESKTOP_SIGNER_TRAINING_DIR", str(directory))
    exercises.reset_progress(directory)
    yield training
    for signed in exercise_files.paths(directory).folder.rglob("*_signed*.pdf"):
        signed.unlink()


def done(training: TrainingSetup) -> set[ExerciseId]:
    return {s.id for s in exercises.evaluate(Path(training.directory)) if s.done}


def test_verdict_and_compare_view_mark_their_exercises(
        qtbot: QtBot, make_window: MakeWindow, trainee: TrainingSetup) -> None:
    where = exercise_files.paths(Path(trainee.directory))
    assert not done(trainee) & {ExerciseId.VERIFY_MODIFIED, ExerciseId.COMPARE_CHANGE}
    window = make_window([where.modified])
    wait_open(qtbot, window)
    v = wait_verified(qtbot, window)
    assert v.banner.tone == "invalid"
    # the verdict was shown: verified, but the compare view was not opened yet
    qtbot.waitUntil(lambda: ExerciseId.VERIFY_MODIFIED in done(trainee), timeout=10_000)
    assert ExerciseId.COMPARE_CHANGE not in done(trainee)
    qtbot.mouseClick(v.panel.details.buttons["compare"], Qt.MouseButton.LeftButton)
    assert v.overlay.comparing
    assert ExerciseId.COMPARE_CHANGE in done(trainee)


def test_outside_training_mode_a_verdict_marks_nothing(
        qtbot: QtBot, make_window: MakeWindow, trainee: TrainingSetup,
        isolated_dirs: dict[str, Path]) -> None:
    write_settings(isolated_dirs["config"], trainee, training_mode=False)
    where = exercise_files.paths(Path(trainee.directory))
    window = make_window([where.modified])
    wait_open(qtbot, window)
    v = wait_verified(qtbot, window)
    qtbot.mouseClick(v.panel.details.buttons["compare"], Qt.MouseButton.LeftButton)
    assert v.overlay.comparing
    assert not done(trainee) & {ExerciseId.VERIFY_MODIFIED, ExerciseId.COMPARE_CHANGE}
    assert not activity.events(Path(trainee.directory), exercises.progress_since(
        Path(trainee.directory)))


def test_expired_identity_refused_and_a_wrong_pin_mark_their_exercises(
        qtbot: QtBot, make_window: MakeWindow, trainee: TrainingSetup) -> None:
    directory = Path(trainee.directory)
    where = exercise_files.paths(directory)
    window = make_window([where.sign_letter])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.display_name == "Agus Kedaluwarsa" for o in chooser.options)
                    and any(o.display_name == "Budi Santoso" for o in chooser.options),
                    timeout=20_000)
    budi = next(o for o in chooser.options if o.display_name == "Budi Santoso"
                and o.source == "pkcs11")
    # choosing a usable identity is no refusal
    assert chooser.select_key(budi.key)
    assert ExerciseId.REFUSED_EXPIRED not in done(trainee)
    expired = next(o for o in chooser.options if o.display_name == "Agus Kedaluwarsa")
    assert chooser.select_key(expired.key)
    assert not chooser.choose_button.isEnabled()
    assert ExerciseId.REFUSED_EXPIRED in done(trainee)

    assert chooser.select_key(budi.key)
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None
                    and flow.session.overlay.image is not None, timeout=20_000)
    assert ExerciseId.WRONG_PIN not in done(trainee)
    qtbot.mouseClick(flow.session.panel.sign_button, Qt.MouseButton.LeftButton)
    pin = dialogs.wait(qtbot, "PinDialog")
    qtbot.keyClicks(pin.pin_field, "9999")
    qtbot.mouseClick(pin.ok_button, Qt.MouseButton.LeftButton)
    again = dialogs.wait(qtbot, "PinDialog", after=pin)
    # the window noted it (beside the journal's row of the refused login)
    notes = [e for e in activity.events(directory, exercises.progress_since(directory))
             if e.event == activity.PIN_INCORRECT]
    assert [e.get("token") for e in notes] == ["LATIHAN"]
    assert ExerciseId.WRONG_PIN in done(trainee)
    # the right PIN: the token's wrong-PIN count is back to normal for the next tests
    signed: list[object] = []
    flow.signed.connect(signed.append)
    qtbot.keyClicks(again.pin_field, trainee.pin)
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed), timeout=60_000)
    assert ExerciseId.SIGN_AT_MARKER in done(trainee)


def test_signed_but_not_journaled_is_said_and_the_signed_file_is_intact(
        qtbot: QtBot, make_window: MakeWindow, trainee: TrainingSetup,
        isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    """The journal cannot be opened (a folder stands where its file belongs: the tests run
    as root, for whom a read-only file is still writable); the signature is made anyway."""
    from desktop_signer.journal import default_path
    from desktop_signer.verification.document import validate_bytes
    from desktop_signer.verification.options import VerifyOptions

    journal_file = default_path()
    assert str(journal_file).startswith(str(isolated_dirs["data"]))
    if journal_file.exists():
        journal_file.unlink()
    journal_file.mkdir(parents=True)
    letter = letter_copy(trainee, tmp_path)
    original = letter.read_bytes()
    window = make_window([letter])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.display_name == "Budi Santoso" and o.source == "pkcs11"
                                for o in chooser.options), timeout=20_000)
    budi = next(o for o in chooser.options if o.display_name == "Budi Santoso"
                and o.source == "pkcs11")
    assert chooser.select_key(budi.key)
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None
                    and flow.session.overlay.image is not None, timeout=20_000)
    qtbot.mouseClick(flow.session.panel.sign_button, Qt.MouseButton.LeftButton)
    pin = dialogs.wait(qtbot, "PinDialog")
    signed: list[object] = []
    flow.signed.connect(signed.append)
    qtbot.keyClicks(pin.pin_field, trainee.pin)
    qtbot.mouseClick(pin.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed), timeout=60_000)
    notice = window.statusBar().currentMessage()
    assert notice.startswith("Signed, but not recorded in the signing journal:"), notice
    out = Path(signed[0].output)  # type: ignore[attr-defined]
    assert letter.read_bytes() == original
    report = validate_bytes(out.name, out.read_bytes(), VerifyOptions(offline=True))
    assert len(report.signatures) == 1 and report.signatures[0].verdict != "invalid"
    assert journal_file.is_dir()  # nothing was written in its place
