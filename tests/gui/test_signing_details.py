"""Details of signing in the window: pre-flight before the PIN, certificate files, the
Caps Lock hint, a box too small for the stamp, "test token", the remembered place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_signer.training.ports import free_port
from desktop_signer.training.setup import TrainingSetup
from tests.gui.conftest import MakeWindow, wait_open
from tests.gui.signing_helpers import Dialogs, letter_copy, select_pkcs12, write_settings

pytestmark = [pytest.mark.gui, pytest.mark.integration]


def start(qtbot: QtBot, window: object, name: str) -> tuple[object, Dialogs]:
    flow = window.signing.flow  # type: ignore[attr-defined]
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()  # type: ignore[attr-defined]
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.display_name == name for o in chooser.options),
                    timeout=20_000)
    assert chooser.select_key(next(o.key for o in chooser.options if o.display_name == name))
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None
                    and flow.session.overlay.image is not None, timeout=20_000)
    return flow.session, dialogs


def test_unreachable_tsa_is_found_before_the_pin(qtbot: QtBot, make_window: MakeWindow,
                                                 training: TrainingSetup,
                                                 training_services: object,
                                                 isolated_dirs: dict[str, Path],
                                                 tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}/tsa"  # nothing listens there
    write_settings(isolated_dirs["config"], training, pades_level="B-T", tsa_url=dead)
    window = make_window([letter_copy(training, tmp_path)])
    wait_open(qtbot, window)
    session, dialogs = start(qtbot, window, "Budi Santoso")
    qtbot.mouseClick(session.panel.sign_button, Qt.MouseButton.LeftButton)
    box = dialogs.wait(qtbot, "QMessageBox")
    assert box.objectName() == "preflightDialog"
    assert not any(type(d).__name__ == "PinDialog" for d in dialogs.seen)  # no PIN yet
    assert dead in box.detailedText()
    lower = next(b for b in box.buttons() if b.objectName() == "preflightLower")
    qtbot.mouseClick(lower, Qt.MouseButton.LeftButton)
    pin = dialogs.wait(qtbot, "PinDialog")
    signed: list[object] = []
    window.signing.flow.signed.connect(signed.append)
    qtbot.keyClicks(pin.pin_field, training.pin)
    qtbot.mouseClick(pin.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed), timeout=60_000)
    assert signed[0].level == "B-B"  # type: ignore[attr-defined]


def test_certificate_file_caps_lock_and_remembered_place(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, isolated_dirs: dict[str, Path], tmp_path: Path,
        pdfs: dict[str, Path]) -> None:
    write_settings(isolated_dirs["config"], training)
    memo = letter_copy(training, tmp_path, "memo.pdf", "surat-dinas-3-halaman.pdf")
    window = make_window([memo])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    option = select_pkcs12(qtbot, chooser, training.identity("siti").pkcs12)
    assert "passphrase" in chooser.details.text()
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None
                    and flow.session.overlay.image is not None, timeout=20_000)
    session = flow.session
    # move the stamp away from the marker with the keyboard
    view = window.current_tab().view
    view.setFocus()
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    placed = session.pdf_placement()
    qtbot.mouseClick(session.panel.sign_button, Qt.MouseButton.LeftButton)
    dialog = dialogs.wait(qtbot, "PinDialog")
    assert dialog.state_name == "passphrase"
    qtbot.keyClicks(dialog.pin_field, "abc")  # letters in capitals without Shift
    assert dialog.caps.isHidden()
    qtbot.keyClicks(dialog.pin_field, "X")  # QTest sends "X" without Shift: Caps Lock
    assert not dialog.caps.isHidden()
    dialog.pin_field.clear()
    qtbot.keyClicks(dialog.pin_field, "salah")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    again = dialogs.wait(qtbot, "PinDialog", after=dialog)
    assert "not correct" in again.bar.text_label.text()
    signed: list[object] = []
    flow.signed.connect(signed.append)
    again.pin_field.setText(training.pkcs12_passphrase)
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed), timeout=60_000)
    # the next letter without a marker gets the remembered place of this signer
    other = tmp_path / "tanpa-penanda.pdf"
    other.write_bytes(pdfs["letter"].read_bytes())  # 3 pages, no marker
    window.open_paths([str(other)])
    qtbot.waitUntil(lambda: window.current_tab().path == str(other)
                    and window.current_tab().is_open, timeout=15_000)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser", after=chooser)
    qtbot.waitUntil(lambda: chooser.current_option() is not None, timeout=10_000)
    assert chooser.current_option().key == option.key  # the last identity is preselected
    proposals: list[str] = []
    flow.sessionStarted.connect(lambda s: s.proposalApplied.connect(proposals.append))
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(proposals), timeout=20_000)
    assert proposals == ["remembered"]
    again_placed = flow.session.pdf_placement()
    assert placed is not None and again_placed is not None
    assert again_placed[0] == placed[0] == 2
    assert again_placed[1] == pytest.approx(placed[1], abs=0.01)
    flow.session.close()


def test_box_too_small_and_test_token(qtbot: QtBot, make_window: MakeWindow,
                                      training: TrainingSetup, training_services: object,
                                      isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    write_settings(isolated_dirs["config"], training)
    window = make_window([letter_copy(training, tmp_path)])
    wait_open(qtbot, window)
    session, dialogs = start(qtbot, window, "Budi Santoso")
    view = window.current_tab().view
    view.setFocus()
    for _ in range(40):  # Shift+Left: narrower, 2 pt a step
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(30):
        qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: session.overlay.too_small, timeout=10_000)
    assert not session.panel.sign_button.isEnabled()
    assert "too small" in session.panel.status_bar.text_label.text()
    for _ in range(30):
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not session.overlay.too_small, timeout=10_000)
    assert session.panel.sign_button.isEnabled()
    session.close()
    # "test token" on the chooser
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: bool(chooser.options), timeout=20_000)
    assert chooser.select_key(next(o.key for o in chooser.options
                                   if o.display_name == "Budi Santoso"))
    reports: list[str] = []
    chooser.testDone.connect(reports.append)
    qtbot.mouseClick(chooser.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(reports), timeout=20_000)
    assert reports[0].startswith("Token test passed.")
    assert "certificates" in reports[0]
    chooser.reject()


def test_signing_dialogs_are_named_and_reachable_by_keyboard(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.gui.test_accessibility import unnamed_controls

    write_settings(isolated_dirs["config"], training)
    window = make_window([letter_copy(training, tmp_path)])
    wait_open(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert "Ctrl+Shift+S" in window.signing.sign_action.toolTip()
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: bool(chooser.options), timeout=20_000)
    assert unnamed_controls(chooser) == []
    assert chooser.select_key(next(o.key for o in chooser.options
                                   if o.display_name == "Budi Santoso"))
    chooser.tree.setFocus()
    qtbot.keyClick(chooser.tree, Qt.Key.Key_Return)  # Enter chooses the current one
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None,
                    timeout=20_000)
    session = flow.session
    assert unnamed_controls(session.panel) == []
    assert "Page 3" in session.panel.position_label.accessibleName()
    # Tab from the page reaches the panel's fields and its Sign button
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.current_tab().view.setFocus()
    qtbot.waitUntil(window.current_tab().view.hasFocus)
    seen = set()
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.add(QApplication.focusWidget())
    assert {session.panel.title_edit, session.panel.level_combo,
            session.panel.sign_button} <= seen
    qtbot.mouseClick(session.panel.sign_button, Qt.MouseButton.LeftButton)
    pin = dialogs.wait(qtbot, "PinDialog")
    assert unnamed_controls(pin) == []
    pin.reject()
    batch = window.signing.flow.open_batch(session)
    assert unnamed_controls(batch) == []
    batch.reject()
    session.close()
