"""Training in the window (issue 16), driven like a trainer would: the Latihan menu builds a
real set-up (SoftHSM tokens, certomancer PKI), training mode runs the real TSA/OCSP/CRL on
127.0.0.1 and stops them, a taken port is said clearly, the exercises dialog marks an
exercise done after a real signature, tokens are rebuilt, presentation mode has its key."""

from __future__ import annotations

import json
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_signer.appearance.placement import PlacementRequest
from desktop_signer.journal import Journal
from desktop_signer.signing import SignJob, SignOptions, sign_batch
from desktop_signer.tokens import load_pkcs12_identity, open_pkcs11_identity, session
from desktop_signer.training import exercise_files, exercises
from desktop_signer.training.errors import TrainingError
from desktop_signer.training.exercises import ExerciseId
from desktop_signer.training.ports import ensure_port_free, free_port
from desktop_signer.training.services import TrainingServices, already_served
from desktop_signer.training.setup import STEPS, TrainingSetup, load
from desktop_signer.trust import load_certificates
from tests.gui.conftest import MakeWindow, wait_open, wait_rendered
from ui.training.services import ServiceState

pytestmark = pytest.mark.gui


@pytest.fixture
def keep_softhsm_conf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The window points SOFTHSM2_CONF at the training tokens when it is unset; keep that
    from leaking into later tests."""
    monkeypatch.setenv("SOFTHSM2_CONF",
                       os.environ.get("SOFTHSM2_CONF", str(tmp_path / "belum.conf")))


@pytest.fixture
def served_copy(training: TrainingSetup, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch, keep_softhsm_conf: None) -> TrainingSetup:
    """The session's PKI under a new free port, made the active set-up: services the window
    starts cannot meet the session's own."""
    copy = tmp_path / "kelas"
    copy.mkdir()
    shutil.copytree(Path(training.directory) / "pki", copy / "pki")
    manifest = json.loads((Path(training.directory) / "latihan.json").read_text("utf-8"))
    manifest.update(directory=str(copy), port=free_port())
    (copy / "latihan.json").write_text(json.dumps(manifest), "utf-8")
    monkeypatch.setenv("DESKTOP_SIGNER_TRAINING_DIR", str(copy))
    return load(copy)


@pytest.fixture
def active_training(training: TrainingSetup, monkeypatch: pytest.MonkeyPatch,
                    keep_softhsm_conf: None) -> Iterator[TrainingSetup]:
    directory = Path(training.directory)
    monkeypatch.setenv("DESKTOP_SIGNER_TRAINING_DIR", str(directory))
    exercises.reset_progress(directory)
    yield training
    for signed in exercise_files.paths(directory).folder.rglob("*_signed*.pdf"):
        signed.unlink()


def _dialogs(window: object) -> list[object]:
    shown: list[object] = []
    window.training.dialogShown.connect(shown.append)  # type: ignore[attr-defined]
    return shown


def test_prepare_a_training_class_from_the_menu(qtbot: QtBot, make_window: MakeWindow,
                                                keep_softhsm_conf: None,
                                                isolated_dirs: dict[str, Path]) -> None:
    window = make_window()
    shown = _dialogs(window)
    window.training.prepare_action.trigger()
    dialog = shown[-1]
    steps: list[str] = []
    dialog.relay.step.connect(lambda step, _n, _total: steps.append(step))
    assert dialog.pages.currentIndex() == 0 and dialog.build_button.isEnabled()
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert not dialog.close_button.isEnabled()  # nothing to close while it builds
    qtbot.waitUntil(lambda: dialog.result_setup is not None, timeout=180_000)

    made = load(isolated_dirs["data"] / "desktop-signer" / "latihan")
    assert steps == list(STEPS)
    assert dialog.pin_value.text() == made.pin
    assert dialog.identities.rowCount() == len(made.identities)
    names = {dialog.identities.item(r, 0).text() for r in range(len(made.identities))}
    assert "Agus Kedaluwarsa" in names
    assert exercise_files.paths(Path(made.directory)).modified.is_file()
    # building switched training mode on and started the class's services
    assert window.store.settings.training_mode
    qtbot.waitUntil(lambda: window.training.services.state == ServiceState.RUNNING,
                    timeout=30_000)
    assert already_served(Path(made.directory), made.port, timeout=15)
    assert str(made.port) in window.training.services.label.text()
    window.close()
    ensure_port_free(made.port)  # stopped with the window


def test_services_follow_training_mode_and_stop_with_the_window(
        qtbot: QtBot, make_window: MakeWindow, served_copy: TrainingSetup) -> None:
    window = make_window()
    services = window.training.services
    qtbot.waitUntil(lambda: window.training.mode_action.text() != "")
    assert services.state == ServiceState.STOPPED  # training mode is off
    ensure_port_free(served_copy.port)

    window.training.mode_action.trigger()
    qtbot.waitUntil(lambda: services.state == ServiceState.RUNNING, timeout=30_000)
    assert already_served(Path(served_copy.directory), served_copy.port, timeout=15)
    assert "running" in services.label.text()

    window.training.mode_action.trigger()  # off again
    assert services.state == ServiceState.STOPPED
    ensure_port_free(served_copy.port)

    window.training.mode_action.trigger()
    qtbot.waitUntil(lambda: services.state == ServiceState.RUNNING, timeout=30_000)
    window.close()
    ensure_port_free(served_copy.port)


def test_services_of_another_program_for_the_same_class_are_used(
        qtbot: QtBot, make_window: MakeWindow, served_copy: TrainingSetup) -> None:
    with TrainingServices(Path(served_copy.directory), served_copy.port):
        window = make_window()
        errors: list[object] = []
        window.presenter.shown.connect(errors.append)
        window.training.mode_action.trigger()
        services = window.training.services
        qtbot.waitUntil(lambda: services.state == ServiceState.ELSEWHERE, timeout=30_000)
        assert "another program" in services.label.text()
        assert not errors
        window.close()
        assert already_served(Path(served_copy.directory), served_copy.port)  # left alone


def test_a_taken_port_is_said_clearly_and_restart_recovers(
        qtbot: QtBot, make_window: MakeWindow, served_copy: TrainingSetup) -> None:
    busy = socket.socket()
    busy.bind(("127.0.0.1", served_copy.port))
    busy.listen()
    try:
        with pytest.raises(TrainingError):
            ensure_port_free(served_copy.port)
        window = make_window()
        errors: list[object] = []
        window.presenter.shown.connect(errors.append)
        window.training.mode_action.trigger()
        services = window.training.services
        qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
        assert services.state == ServiceState.PORT_TAKEN
        message = errors[-1]
        assert f"Port {served_copy.port}" in message.informativeText()
        assert "Restart training services" in message.informativeText()
        assert message.windowTitle() == "The training services did not start"
        assert f"port {served_copy.port} is taken" in services.label.text()
        message.close()
    finally:
        busy.close()
    window.training.restart_action.trigger()
    qtbot.waitUntil(lambda: services.state == ServiceState.RUNNING, timeout=30_000)
    window.close()


def _sign_exercise_letter(training: TrainingSetup, anchor: bool = True) -> Path:
    where = exercise_files.paths(Path(training.directory))
    ident = training.identity("budi")
    assert ident.pkcs12 is not None
    identity = load_pkcs12_identity(ident.pkcs12, training.pkcs12_passphrase)
    output = where.folder / "01-surat-untuk-ditandatangani_signed.pdf"
    placement = PlacementRequest(anchor="#") if anchor else PlacementRequest(
        position="top-left")
    with Journal() as journal:  # the user's journal (in this test's data folder)
        sign_batch(identity, [SignJob(where.sign_letter, output)],
                   SignOptions(level="B-B", verify_output=False, placement=placement),
                   journal=journal)
    return output


def test_exercises_dialog_marks_an_exercise_done_and_not_done(
        qtbot: QtBot, make_window: MakeWindow, active_training: TrainingSetup) -> None:
    window = make_window()
    shown = _dialogs(window)
    window.training.exercises_action.trigger()
    dialog = shown[-1]
    qtbot.waitUntil(lambda: bool(dialog.statuses), timeout=30_000)
    assert dialog.summary.text() == "0 of 10 exercises done"
    assert dialog.list.count() >= 8
    assert dialog.state.text() == "Not done yet"

    # the stamp away from the marker: still not done
    output = _sign_exercise_letter(active_training, anchor=False)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.tasks.busy, timeout=30_000)
    assert not dialog.is_done(ExerciseId.SIGN_AT_MARKER)
    output.unlink()

    _sign_exercise_letter(active_training)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.is_done(ExerciseId.SIGN_AT_MARKER), timeout=30_000)
    dialog.list.setCurrentRow(0)
    assert dialog.state.text() == "✔ Done"
    assert dialog.summary.text() == "1 of 10 exercises done"
    assert not dialog.is_done(ExerciseId.BATCH_TEN)

    # "Start again" after confirming: nothing is done any more
    dialog.reset_button.click()
    questions = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "resetProgressQuestion"]
    assert questions
    questions[-1].button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not dialog.is_done(ExerciseId.SIGN_AT_MARKER)
                    and bool(dialog.statuses), timeout=30_000)
    assert dialog.summary.text() == "0 of 10 exercises done"


def test_rebuild_the_training_tokens_from_the_menu(
        qtbot: QtBot, make_window: MakeWindow, active_training: TrainingSetup,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: window.training.mode_action.text() != "")
    window.training.mode_action.trigger()  # the menu entry needs training mode
    assert window.training.reset_action.isEnabled()
    # started before the window closes, so closing stops them (the session's own services
    # need this port later)
    qtbot.waitUntil(lambda: window.training.services.state in (
        ServiceState.RUNNING, ServiceState.ELSEWHERE), timeout=30_000)
    shown = _dialogs(window)
    window.training.reset_action.trigger()
    question = shown[-1]
    assert active_training.pin in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "rebuilt" in window.statusBar().currentMessage(),
                    timeout=60_000)

    chain = (load_certificates(active_training.issuing_ca_certificate)
             + load_certificates(active_training.root_certificate))
    try:
        for label in ("budi", "kunci-token"):  # imported again; generated again
            ident = active_training.identity(label)
            identity = open_pkcs11_identity(active_training.module, pin=active_training.pin,
                                            token_label=ident.token,
                                            certificate=ident.key_id,
                                            extra_certificates=chain)
            assert identity.certificate.serial_number == ident.serial
    finally:
        session.close_all()
    window.close()


def test_presentation_mode_has_one_key_and_gives_the_screen_back(
        qtbot: QtBot, make_window: MakeWindow, pdfs: dict[str, Path]) -> None:
    window = make_window([pdfs["letter"]])
    wait_open(qtbot, window)
    wait_rendered(qtbot, window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSizeF()
    tab = window.current_tab()
    assert tab is not None
    tab.set_zoom(0.75)
    if not window.thumbnails_action.isChecked():
        window.thumbnails_action.trigger()

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.training.presentation.active
    assert app.font().pointSizeF() == pytest.approx(before * 1.5)
    assert not window.thumbnails_action.isChecked()
    qtbot.waitUntil(lambda: tab.view.zoom > 0.75 * 1.5)  # the page fills the width

    qtbot.keyClick(window, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.training.presentation.active
    assert app.font().pointSizeF() == pytest.approx(before)
    assert window.thumbnails_action.isChecked()
    assert tab.view.zoom == pytest.approx(0.75)


def test_no_two_actions_share_a_shortcut(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    seen: dict[str, str] = {}
    for action in window.actions():
        for shortcut in action.shortcuts():
            text = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, (text, seen.get(text), action.objectName())
            seen[text] = action.objectName()
    assert seen["Ctrl+Shift+P"] == "actionPresentationMode"


def test_exercises_dialog_marks_each_remaining_exercise_from_its_evidence(
        qtbot: QtBot, make_window: MakeWindow, active_training: TrainingSetup) -> None:
    """Exercises 2-10, one after another: each is marked done by its own evidence (the
    activity the window records, batch signatures in the journal) and by nothing else."""
    from desktop_signer.training import activity

    directory = Path(active_training.directory)
    where = exercise_files.paths(directory)
    window = make_window()
    shown = _dialogs(window)
    window.training.exercises_action.trigger()
    dialog = shown[-1]
    qtbot.waitUntil(lambda: bool(dialog.statuses), timeout=30_000)

    def sha(path: Path) -> str:
        return exercises._sha256(path)

    def batch() -> None:
        ident = active_training.identity("rahmat")
        assert ident.pkcs12 is not None
        identity = load_pkcs12_identity(ident.pkcs12, active_training.pkcs12_passphrase)
        with Journal() as journal:
            sign_batch(identity, [SignJob(p, p.with_name(p.stem + "_signed.pdf"))
                                  for p in where.batch],
                       SignOptions(level="B-B", verify_output=False), journal=journal)

    steps = [
        (ExerciseId.WRONG_PIN, lambda: activity.record(
            activity.PIN_INCORRECT, directory, token="LATIHAN", retries_left=2)),
        (ExerciseId.REFUSED_EXPIRED, lambda: activity.record(
            activity.IDENTITY_REFUSED, directory, code="certificate_expired",
            serial=format(active_training.identity("kedaluwarsa").serial, "x"))),
        (ExerciseId.REFUSED_REVOKED, lambda: activity.record(
            activity.IDENTITY_REFUSED, directory, code="certificate_revoked",
            serial=format(active_training.identity("dicabut").serial, "x"))),
        (ExerciseId.BATCH_TEN, batch),
        (ExerciseId.VERIFY_VALID, lambda: activity.record(
            activity.VERIFIED, directory, file=where.valid.name, sha256=sha(where.valid),
            verdict="valid")),
        (ExerciseId.VERIFY_MODIFIED, lambda: activity.record(
            activity.VERIFIED, directory, file=where.modified.name,
            sha256=sha(where.modified), verdict="invalid")),
        (ExerciseId.VERIFY_OVERLAY, lambda: activity.record(
            activity.VERIFIED, directory, file=where.overlay.name, sha256=sha(where.overlay),
            verdict="invalid")),
        (ExerciseId.VERIFY_UNTRUSTED, lambda: activity.record(
            activity.VERIFIED, directory, file=where.untrusted.name,
            sha256=sha(where.untrusted), verdict="indeterminate")),
        (ExerciseId.COMPARE_CHANGE, lambda: activity.record(
            activity.COMPARE_OPENED, directory, file=where.modified.name,
            sha256=sha(where.modified))),
    ]
    done: set[ExerciseId] = set()
    for exercise, evidence in steps:
        assert not dialog.is_done(exercise)
        evidence()
        done.add(exercise)
        dialog.list.setCurrentRow(exercises.ORDER.index(exercise))
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda e=exercise: dialog.is_done(e), timeout=30_000)
        assert {e for e in exercises.ORDER if dialog.is_done(e)} == done
        assert dialog.state.text() == "✔ Done"
    assert dialog.summary.text() == "9 of 10 exercises done"


def _esc_status(url: str, training: TrainingSetup, nik: str) -> dict[str, object]:
    """POST user/check/status to the simulator as the agency's client does."""
    import base64
    import urllib.request

    from desktop_signer.training.esc_users import CLIENT_USER

    auth = base64.b64encode(f"{CLIENT_USER}:{training.esc_client_password}".encode()).decode()
    request = urllib.request.Request(
        f"{url}/api/v2/user/check/status", data=json.dumps({"nik": nik}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Basic {auth}"})
    with urllib.request.urlopen(request, timeout=15) as reply:  # 127.0.0.1 only
        answer: dict[str, object] = json.loads(reply.read())
        return answer


def test_services_serve_the_esc_simulator_and_stop_it(
        qtbot: QtBot, make_window: MakeWindow, served_copy: TrainingSetup) -> None:
    import urllib.error

    window = make_window()
    services = window.training.services
    qtbot.waitUntil(lambda: window.training.mode_action.text() != "")
    assert services.esc_url == ""  # training mode is off
    window.training.mode_action.trigger()
    qtbot.waitUntil(lambda: services.state == ServiceState.RUNNING, timeout=30_000)
    url = services.esc_url
    assert url == f"http://127.0.0.1:{served_copy.port}/esc"
    assert url in services.label.toolTip()
    nik = served_copy.identity("budi").nik
    assert _esc_status(url, served_copy, nik)["status"] == "ISSUE"

    window.training.mode_action.trigger()  # off: the simulator stops with the rest
    assert services.state == ServiceState.STOPPED
    with pytest.raises(urllib.error.URLError):
        _esc_status(url, served_copy, nik)
    ensure_port_free(served_copy.port)


def test_the_esign_source_uses_the_window_s_simulator_in_training_mode(
        qtbot: QtBot, make_window: MakeWindow, served_copy: TrainingSetup,
        pdfs: dict[str, Path], isolated_dirs: dict[str, Path]) -> None:
    """No service address set: in training mode the chooser's BSrE eSign row asks the
    simulator the window's training services serve, with the training client credential."""
    from tests.gui.signing_helpers import Dialogs

    nik = served_copy.identity("budi").nik
    (isolated_dirs["config"] / "desktop-signer" / "settings.json").write_text(json.dumps(
        {"training_mode": True, "esc.nik": nik}), "utf-8")
    window = make_window([pdfs["letter"]])
    wait_open(qtbot, window)
    services = window.training.services
    qtbot.waitUntil(lambda: services.state == ServiceState.RUNNING, timeout=30_000)
    dialogs = Dialogs(window.signing.flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.source == "remote" for o in chooser.options),
                    timeout=30_000)
    remote = [o for o in chooser.options if o.source == "remote"]
    assert all(o.usable for o in remote), [o.reasons for o in remote]
    assert {o.secret.kind for o in remote} == {"passphrase", "totp"}
    assert remote[0].key.split("\n")[1] == services.esc_url
    fields = chooser.remote_fields
    assert fields.url_edit.text() == ""  # nothing was written into the settings
    assert fields.url_edit.placeholderText() == services.esc_url
    chooser.reject()
    window.close()
    ensure_port_free(served_copy.port)


def test_closing_the_window_while_its_services_start_frees_the_port(
        qtbot: QtBot, shared_service: object, configured: Path,
        served_copy: TrainingSetup, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window closes and is deleted while the worker is still starting the services:
    its result never reaches the window, yet the services must not keep the port."""
    import threading

    from PySide6.QtCore import QEvent, QThreadPool

    from desktop_signer.training import services as core_services
    from ui.app import build_window

    gate, reached = threading.Event(), threading.Event()
    real_start = core_services.TrainingServices.start

    def held_start(self: TrainingServices) -> TrainingServices:
        reached.set()
        gate.wait(60)  # until the window is gone
        return real_start(self)

    monkeypatch.setattr(core_services.TrainingServices, "start", held_start)
    window = build_window([], remember=False, service=shared_service)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.training.mode_action.text() != "")
    window.training.mode_action.trigger()
    qtbot.waitUntil(reached.is_set, timeout=30_000)
    assert window.training.services.state == ServiceState.STARTING
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    QApplication.processEvents()
    ensure_port_free(served_copy.port)
