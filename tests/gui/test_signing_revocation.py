"""A revoked certificate in the chooser (issue 12 item 1): the training PKI's revoked
identity "Rina Dicabut" on the real SoftHSM token LATIHAN, its status asked of the real
training OCSP/CRL over HTTP on 127.0.0.1, is shown but cannot be chosen, with the date and
the reason; and refusing it is what marks the training exercise "be refused by a revoked
certificate" done (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop_signer.training import exercise_files, exercises
from desktop_signer.training.exercises import ExerciseId
from desktop_signer.training.setup import TrainingSetup
from tests.gui.conftest import MakeWindow, wait_open
from tests.gui.signing_helpers import Dialogs, letter_copy, select_pkcs12, write_settings

pytestmark = [pytest.mark.gui, pytest.mark.integration]

REVOKED = "Rina Dicabut"


@pytest.fixture
def classroom(training: TrainingSetup, training_services: object,
              isolated_dirs: dict[str, Path],
              monkeypatch: pytest.MonkeyPatch) -> Iterator[TrainingSetup]:
    """Training mode on the session's set-up, with its services answering; exercise
    progress started afresh (and again afterwards: refusals here count for no other test)."""
    directory = Path(training.directory)
    monkeypatch.setenv("DESKTOP_SIGNER_TRAINING_DIR", str(directory))
    write_settings(isolated_dirs["config"], training)
    exercises.reset_progress(directory)
    yield training
    exercises.reset_progress(directory)


def open_chooser(qtbot: QtBot, window: object) -> object:
    dialogs = Dialogs(window.signing.flow)  # type: ignore[attr-defined]
    window.signing.sign_action.trigger()  # type: ignore[attr-defined]
    return dialogs.wait(qtbot, "IdentityChooser")


def option_named(chooser: object, name: str) -> object:
    return next(o for o in chooser.options if o.display_name == name)  # type: ignore[attr-defined]


def row_of(chooser: object, name: str) -> QTreeWidgetItem:
    tree = chooser.tree  # type: ignore[attr-defined]
    for top in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(top)
        for child in range(parent.childCount()):
            item = parent.child(child)
            if item.text(0) == name:
                return item
    raise AssertionError(f"no row {name}")


def click_row(qtbot: QtBot, chooser: object, name: str) -> QTreeWidgetItem:
    tree = chooser.tree  # type: ignore[attr-defined]
    item = row_of(chooser, name)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())
    assert tree.currentItem() is item
    return item


def wait_revoked(qtbot: QtBot, chooser: object) -> None:
    qtbot.waitUntil(lambda: any(o.display_name == REVOKED and "revoked" in o.reasons
                                for o in chooser.options), timeout=30_000)  # type: ignore[attr-defined]


def exercise_done(qtbot: QtBot, window: object, exercise: ExerciseId) -> bool:
    shown: list[object] = []
    window.training.dialogShown.connect(shown.append)  # type: ignore[attr-defined]
    window.training.exercises_action.trigger()  # type: ignore[attr-defined]
    dialog = shown[-1]
    qtbot.waitUntil(lambda: bool(dialog.statuses), timeout=30_000)  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not dialog.tasks.busy and bool(dialog.statuses),  # type: ignore[attr-defined]
                    timeout=30_000)
    done = bool(dialog.is_done(exercise))  # type: ignore[attr-defined]
    dialog.close()  # type: ignore[attr-defined]
    return done


def test_the_revoked_identity_is_shown_but_cannot_be_chosen(
        qtbot: QtBot, make_window: MakeWindow, classroom: TrainingSetup,
        tmp_path: Path) -> None:
    window = make_window([letter_copy(classroom, tmp_path)])
    wait_open(qtbot, window)
    chooser = open_chooser(qtbot, window)
    wait_revoked(qtbot, chooser)
    revoked = option_named(chooser, REVOKED)
    assert not revoked.usable and revoked.reasons[0] == "revoked"
    assert revoked.revocation.revoked_at is not None
    when = revoked.revocation.revoked_at.astimezone(UTC).strftime("%d-%m-%Y")

    item = click_row(qtbot, chooser, REVOKED)
    # the row says why, in its status column and in the details, like an expired one
    assert item.text(1) == f"Revoked on {when}"
    details = chooser.details.text()
    assert f"The certificate was revoked on {when} (the private key was compromised)." \
        in details
    assert not chooser.choose_button.isEnabled()
    qtbot.keyClick(chooser.tree, Qt.Key.Key_Return)  # Enter does not choose it either
    assert chooser.isVisible() and window.signing.flow.session is None

    # a good certificate on the same token: asked too, and still choosable
    qtbot.waitUntil(lambda: option_named(chooser, "Budi Santoso").revocation.state == "good",
                    timeout=30_000)
    click_row(qtbot, chooser, "Budi Santoso")
    assert chooser.choose_button.isEnabled()
    assert "Not revoked" in chooser.details.text()
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.signing.flow.session is not None, timeout=20_000)


def test_an_unanswered_status_does_not_stop_choosing(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, isolated_dirs: dict[str, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline: the issuer's service never answers (a stand-in lookup that waits for ever,
    as an unplugged network can): the certificates are listed with a quiet note and can be
    chosen meanwhile."""
    import threading

    from desktop_signer.tokens import revocation_monitor

    released = threading.Event()

    def never(_der: bytes, _cas: object) -> object:
        released.wait(60)
        from desktop_signer.tokens.revocation_status import UNKNOWN, RevocationStatus

        return RevocationStatus(UNKNOWN, detail="stand-in: no network")

    monkeypatch.setattr(revocation_monitor.rs, "check_revocation", never)
    write_settings(isolated_dirs["config"], training)
    window = make_window([letter_copy(training, tmp_path)])
    wait_open(qtbot, window)
    try:
        chooser = open_chooser(qtbot, window)
        qtbot.waitUntil(lambda: any(o.display_name == REVOKED for o in chooser.options),
                        timeout=20_000)
        rina = option_named(chooser, REVOKED)
        assert rina.usable and rina.revocation.state == "checking"
        click_row(qtbot, chooser, REVOKED)
        assert chooser.status.text().endswith("Checking revocation status…")
        assert "Checking with the issuer" in chooser.details.text()
        assert chooser.choose_button.isEnabled()
    finally:
        released.set()


def test_refusing_the_revoked_identity_marks_the_exercise_done(
        qtbot: QtBot, make_window: MakeWindow, classroom: TrainingSetup,
        tmp_path: Path) -> None:
    directory = Path(classroom.directory)
    letter = exercise_files.paths(directory).sign_letter
    window = make_window([letter])
    wait_open(qtbot, window)

    # the chooser lists the revoked identity, the trainee picks others: not done
    chooser = open_chooser(qtbot, window)
    wait_revoked(qtbot, chooser)
    click_row(qtbot, chooser, "Budi Santoso")
    click_row(qtbot, chooser, "Agus Kedaluwarsa")  # refused, but for expiry
    qtbot.keyClick(chooser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not chooser.isVisible())
    assert not exercise_done(qtbot, window, ExerciseId.REFUSED_REVOKED)
    assert exercise_done(qtbot, window, ExerciseId.REFUSED_EXPIRED)

    # the trainee tries "Rina Dicabut": the chooser refuses it, saying why: done
    chooser = open_chooser(qtbot, window)
    wait_revoked(qtbot, chooser)
    click_row(qtbot, chooser, REVOKED)
    assert not chooser.choose_button.isEnabled()
    qtbot.keyClick(chooser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not chooser.isVisible())
    assert exercise_done(qtbot, window, ExerciseId.REFUSED_REVOKED)


def test_the_status_column_is_readable_beside_a_long_name(
        qtbot: QtBot, make_window: MakeWindow, classroom: TrainingSetup,
        tmp_path: Path) -> None:
    """The Status column holds a few words whose full sentence is in the details panel: it
    is never cut off, not even beside a long name (which is cut instead, shown in full in
    the details)."""
    from dataclasses import replace

    from desktop_signer.identity_sources import SourceListing

    window = make_window([letter_copy(classroom, tmp_path)])
    wait_open(qtbot, window)
    chooser = open_chooser(qtbot, window)
    wait_revoked(qtbot, chooser)
    long_name = ("Prof. Dr. Ir. Raden Ayu Sekar Kusumawardhani Hadiningrat Wiryodiningrat, "
                 "S.H., M.Kn., M.Si.")
    sari = option_named(chooser, "Sari Tanpa Tanda Tangan")
    listings = tuple(chooser._watcher.latest)  # type: ignore[attr-defined]
    renamed = tuple(
        SourceListing(lst.source, tuple(
            replace(o, info=replace(o.info, subject_name=long_name)) if o is sari else o
            for o in lst.options), lst.diagnostics) for lst in listings)
    chooser.show_listing(renamed)  # type: ignore[attr-defined]
    tree = chooser.tree  # type: ignore[attr-defined]
    metrics = tree.fontMetrics()
    for name in (long_name, REVOKED, "Agus Kedaluwarsa"):
        item = row_of(chooser, name)
        status = item.text(1)
        assert metrics.horizontalAdvance(status) + 12 <= tree.columnWidth(1), status
    item = click_row(qtbot, chooser, long_name)
    assert item.text(1) == "Not for signing"
    details = chooser.details.text()
    assert long_name in details
    assert "The certificate is not meant for signatures (key usage)." in details


def test_a_revoked_certificate_file_is_refused_after_its_passphrase(
        qtbot: QtBot, make_window: MakeWindow, classroom: TrainingSetup,
        tmp_path: Path) -> None:
    """A PKCS#12 file's certificate is known only after its passphrase: then its OCSP/CRL
    is asked (the real training services), and the revoked trainee's file is refused with
    "certificate revoked" before anything is signed."""
    letter = letter_copy(classroom, tmp_path)
    original = letter.read_bytes()
    window = make_window([letter])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    select_pkcs12(qtbot, chooser, classroom.identity("dicabut").pkcs12)
    assert chooser.choose_button.isEnabled()
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None,
                    timeout=20_000)
    qtbot.mouseClick(flow.session.panel.sign_button, Qt.MouseButton.LeftButton)
    dialog = dialogs.wait(qtbot, "PinDialog")
    qtbot.keyClicks(dialog.pin_field, classroom.pkcs12_passphrase)
    with qtbot.waitSignal(window.presenter.shown, timeout=30_000) as shown:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    error = shown.args[0]
    assert "The certificate was revoked; it cannot sign." in error.informativeText()
    error.close()
    assert letter.read_bytes() == original
    assert not list(tmp_path.glob("*_signed*.pdf"))
