"""Signing in the window, driven like a person (issue 12): real SoftHSM tokens of the
training set-up, the training TSA/OCSP/CRL on 127.0.0.1, real dialogs and clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop_signer.training import softhsm
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.verification.document import validate_bytes
from desktop_signer.verification.options import VerifyOptions
from tests.gui.conftest import MakeWindow, wait_open
from tests.gui.signing_helpers import Dialogs, letter_copy, write_settings
from tests.integration.test_tokens_helpers import Put, create_token, delete_token

pytestmark = [pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def classroom(training: TrainingSetup, training_services: object,
              isolated_dirs: dict[str, Path]) -> TrainingSetup:
    write_settings(isolated_dirs["config"], training)
    return training


def choose(qtbot: QtBot, dialogs: Dialogs, window: object, name: str) -> object:
    window.signing.sign_action.trigger()  # type: ignore[attr-defined]
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.display_name == name for o in chooser.options),
                    timeout=20_000)
    key = next(o.key for o in chooser.options if o.display_name == name)
    assert chooser.select_key(key)
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    return chooser


def test_sign_a_letter_wrong_pin_then_right(qtbot: QtBot, make_window: MakeWindow,
                                            classroom: TrainingSetup, tmp_path: Path) -> None:
    letter = letter_copy(classroom, tmp_path)
    original = letter.read_bytes()
    window = make_window([letter])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    chooser = choose(qtbot, dialogs, window, "Budi Santoso")
    # unusable certificates are listed, with their reason, and cannot be chosen
    expired = next(o for o in chooser.options if o.display_name == "Agus Kedaluwarsa")
    assert not expired.usable and expired.reasons == ("expired",)
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None
                    and flow.session.overlay.image is not None, timeout=20_000)
    session = flow.session
    overlay = session.overlay
    assert session.panel.status_bar.text_label.text().count("#")  # marker proposed
    assert overlay.page == 2  # the marker is on page 3 of the letter
    renders = session.preview_renders
    # drag the stamp 50 px right and 30 px down: moved, not rendered again
    view = window.current_tab().view
    start = view.page_rect_in_view(overlay.page, overlay.rect).center().toPoint()
    before = overlay.rect
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + QPoint(10 * step, 6 * step))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       pos=start + QPoint(50, 30))
    scale = view.px_per_point()
    assert overlay.rect.x0 == pytest.approx(before.x0 + 50 / scale, abs=1.5)
    assert overlay.rect.y0 == pytest.approx(before.y0 + 30 / scale, abs=1.5)
    assert session.preview_renders == renders
    # keyboard: Shift+Right makes it wider, and that re-renders the picture
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert overlay.size[0] == pytest.approx(before.x1 - before.x0 + 2)
    qtbot.waitUntil(lambda: session.preview_renders == renders + 1, timeout=5_000)
    qtbot.mouseClick(session.panel.sign_button, Qt.MouseButton.LeftButton)
    pin = dialogs.wait(qtbot, "PinDialog")
    assert pin.state_name == "normal" and pin.pin_field.maxLength() == 255
    qtbot.keyClicks(pin.pin_field, "9999")
    qtbot.mouseClick(pin.ok_button, Qt.MouseButton.LeftButton)
    again = dialogs.wait(qtbot, "PinDialog", after=pin)
    # SoftHSM's own USER_PIN_COUNT_LOW flag after the wrong PIN
    assert again.state_name == "count_low"
    assert "wrong PIN was entered before" in again.bar.text_label.text()
    signed: list[object] = []
    flow.signed.connect(signed.append)
    qtbot.keyClicks(again.pin_field, classroom.pin)
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed), timeout=60_000)
    result = signed[0]
    out = Path(result.output)  # type: ignore[attr-defined]
    assert out.name == "surat_signed.pdf"
    assert letter.read_bytes() == original
    # both attempts are journal rows: the refused login (wrong PIN) and the signature
    from desktop_signer.journal import Journal

    with Journal() as journal:
        rows = [(e.input_name, e.key_kind, e.result, e.error_code) for e in journal.entries()]
    assert ("surat.pdf", "pkcs11", "failed", "pin_incorrect") in rows
    assert any(r[0] == "surat.pdf" and r[2] == "signed" for r in rows)
    report = validate_bytes(out.name, out.read_bytes(), VerifyOptions(offline=True))
    assert len(report.signatures) == 1
    assert report.signatures[0].verdict != "invalid"
    assert result.verdict in ("valid", "indeterminate")  # type: ignore[attr-defined]
    # the signed copy opens in a new tab
    qtbot.waitUntil(lambda: window.tab_for(str(out)) is not None, timeout=10_000)
    assert flow.session is None


def test_final_try_and_locked_with_the_stand_in_token(qtbot: QtBot, make_window: MakeWindow,
                                                      classroom: TrainingSetup,
                                                      tmp_path: Path) -> None:
    from desktop_signer.tokens.state import CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED
    from tests.gui.signing_helpers import StandInTokenSource
    from tests.unit.test_tokens_pin_standin import READY, StandInToken

    window = make_window([letter_copy(classroom, tmp_path)])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    token = StandInToken(READY | CKF_USER_PIN_FINAL_TRY,
                         refuse_pin_then=READY | CKF_USER_PIN_LOCKED)
    source = StandInTokenSource(token)
    flow.set_sources([source])
    from ui.signing.flow import PinAsker

    asker = PinAsker(window, source, source.option())
    asker.dialogShown.connect(flow.dialogShown)
    asker.ask()
    final = dialogs.wait(qtbot, "PinDialog")
    assert final.state_name == "final_try"
    assert "Only one attempt is left" in final.bar.text_label.text()
    qtbot.keyClicks(final.pin_field, "1234")
    assert not final.ok_button.isEnabled()  # not without the explicit confirmation
    qtbot.mouseClick(final.confirm, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    assert final.ok_button.isEnabled()
    qtbot.mouseClick(final.ok_button, Qt.MouseButton.LeftButton)
    locked = dialogs.wait(qtbot, "PinDialog", after=final)
    # the stand-in refused the PIN and now reports LOCKED: no PIN field, how to unblock
    assert source.logins == [True]
    assert locked.state_name == "locked"
    assert not locked.pin_field.isVisible() and not locked.ok_button.isVisible()
    assert "PUK/SO PIN" in locked.bar.text_label.text()
    locked.reject()
    assert len(token.opens) == 1  # exactly the confirmed attempt reached the token


def test_token_insertion_is_noticed(qtbot: QtBot, make_window: MakeWindow,
                                    classroom: TrainingSetup, tmp_path: Path) -> None:
    window = make_window([letter_copy(classroom, tmp_path)])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: bool(chooser.options), timeout=20_000)
    assert not any(o.holder == "UJI-COLOK" for o in chooser.options)
    # the watcher is paused while the test writes the new token's objects (writing them
    # needs SoftHSM re-initialised, which a listing in progress would refuse), then the
    # token is "plugged in" for the watcher
    flow.watcher.pause()
    create_token(classroom, "UJI-COLOK", [Put("putri", b"\x07", "putri", b"\x07", "putri")])
    flow.watcher.resume()
    try:
        qtbot.waitUntil(lambda: any(o.holder == "UJI-COLOK" for o in chooser.options),
                        timeout=2_500)
        # a token SoftHSM has not enumerated yet (no re-initialisation by the test): the
        # watcher's own re-initialisation finds it; empty, it is listed as tried
        softhsm.init_token(Path(classroom.softhsm_conf), "UJI-KOSONG", classroom.pin,
                           classroom.so_pin)
        qtbot.waitUntil(lambda: "UJI-KOSONG" in chooser.diagnostics.toPlainText(),
                        timeout=2_500)
    finally:
        chooser.reject()
        flow.watcher.stop()
        delete_token(classroom, "UJI-COLOK")
        delete_token(classroom, "UJI-KOSONG")
        from desktop_signer.tokens import loader

        loader.rescan(classroom.module)
