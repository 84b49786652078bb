"""The batch dialog with real SoftHSM tokens: one PIN for many letters, cancel in the
middle, a token pulled out in the middle (issue 12 item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_signer.training.setup import TrainingSetup
from tests.gui.conftest import MakeWindow
from tests.gui.signing_helpers import Dialogs, letter_copy, write_settings
from tests.integration.test_tokens_helpers import Put, create_token, delete_token

pytestmark = [pytest.mark.gui, pytest.mark.integration]


@pytest.fixture
def classroom(training: TrainingSetup, training_services: object,
              isolated_dirs: dict[str, Path]) -> TrainingSetup:
    write_settings(isolated_dirs["config"], training)
    return training


def start_batch(qtbot: QtBot, window: object, files: list[Path], out: Path,
                name: str, pin: str, holder: str = "") -> tuple[object, Dialogs]:
    flow = window.signing.flow  # type: ignore[attr-defined]
    dialogs = Dialogs(flow)
    window.signing.batch_action.trigger()  # type: ignore[attr-defined]
    batch = dialogs.wait(qtbot, "BatchDialog")
    batch.add_paths(files)
    batch.out_dir.setText(str(out))
    qtbot.mouseClick(batch.rule_preset, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(batch.choose_identity, Qt.MouseButton.LeftButton)
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    def wanted(o: object) -> bool:
        return o.display_name == name and (  # type: ignore[attr-defined]
            not holder or o.holder == holder)  # type: ignore[attr-defined]

    qtbot.waitUntil(lambda: any(wanted(o) for o in chooser.options), timeout=20_000)
    assert chooser.select_key(next(o.key for o in chooser.options if wanted(o)))
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(batch.sign_button, Qt.MouseButton.LeftButton)
    pin_dialog = dialogs.wait(qtbot, "PinDialog")
    assert f"all {len(files)} files" in pin_dialog.heading.text()
    qtbot.keyClicks(pin_dialog.pin_field, pin)
    return batch, dialogs


def test_batch_of_twenty_cancelled_after_five(qtbot: QtBot, make_window: MakeWindow,
                                              classroom: TrainingSetup,
                                              tmp_path: Path) -> None:
    files = [letter_copy(classroom, tmp_path, f"surat-{n:02d}.pdf",
                         "nota-dinas-1-halaman.pdf") for n in range(1, 21)]
    out = tmp_path / "keluar"
    window = make_window()
    batch, dialogs = start_batch(qtbot, window, files, out, "Budi Santoso", classroom.pin)

    def person_cancels(done: int, total: int, current: str) -> None:
        if done == 4 and current:  # the fifth letter is being signed now
            qtbot.mouseClick(batch.cancel_button, Qt.MouseButton.LeftButton)

    batch.progressed.connect(person_cancels)
    finished: list[object] = []
    batch.batchFinished.connect(finished.append)
    qtbot.mouseClick(dialogs.seen[-1].ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    result = finished[0]
    assert result.cancelled and result.signed == 5  # type: ignore[attr-defined]
    outputs = sorted(out.iterdir())
    assert [p.name for p in outputs] == [f"surat-{n:02d}_signed.pdf" for n in range(1, 6)]
    for p in outputs:  # complete files, nothing half-written, no temporary files left
        assert p.read_bytes().rstrip().endswith(b"%%EOF")
    assert batch.table.rowCount() == 5
    assert "15" in batch.summary.text()
    assert batch.open_folder.isEnabled()
    batch.reject()


def test_token_removed_in_the_middle_of_a_batch(qtbot: QtBot, make_window: MakeWindow,
                                                classroom: TrainingSetup,
                                                tmp_path: Path) -> None:
    from desktop_signer.tokens import loader

    label = "UJI-CABUT-GUI"
    create_token(classroom, label, [Put("putri", b"\x09", "putri", b"\x09", "putri")])
    files = [letter_copy(classroom, tmp_path, f"nota-{n}.pdf", "nota-dinas-1-halaman.pdf")
             for n in range(1, 7)]
    out = tmp_path / "keluar"
    window = make_window()
    removed = False
    try:
        batch, dialogs = start_batch(qtbot, window, files, out, "Putri Maharani",
                                     classroom.pin, holder=label)
        assert batch.option.holder == label

        def pull_token(done: int, total: int, current: str) -> None:
            nonlocal removed
            if done == 3 and not removed:
                delete_token(classroom, label)
                removed = True

        batch.progressed.connect(pull_token)
        finished: list[object] = []
        batch.batchFinished.connect(finished.append)
        qtbot.mouseClick(dialogs.seen[-1].ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
        result = finished[0]
        statuses = [r.status for r in result.results]  # type: ignore[attr-defined]
        assert statuses[:3] == ["signed"] * 3
        assert set(statuses[3:]) == {"failed"}
        assert all(r.error.code == "token_removed"
                   for r in result.results[3:])  # type: ignore[attr-defined]
        assert "token was removed" in batch.summary.text()
        assert sorted(p.name for p in out.iterdir()) == [
            f"nota-{n}_signed.pdf" for n in range(1, 4)]
        for p in out.iterdir():
            assert p.read_bytes().rstrip().endswith(b"%%EOF")
        for f in files:  # originals untouched
            assert f.read_bytes() == (Path(classroom.directory) / "surat" /
                                      "nota-dinas-1-halaman.pdf").read_bytes()
        batch.reject()
    finally:
        window.signing.flow.watcher.stop()
        if not removed:
            delete_token(classroom, label)
        loader.rescan(classroom.module)


def test_batch_as_placed_on_this_letter(qtbot: QtBot, make_window: MakeWindow,
                                        classroom: TrainingSetup, tmp_path: Path) -> None:
    """The stamp where it sits on the 3-page letter (its last page) goes onto the last
    page of every one-page memo, at the same place."""
    letter = letter_copy(classroom, tmp_path)
    window = make_window([letter])
    from tests.gui.conftest import wait_open

    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.display_name == "Budi Santoso" for o in chooser.options),
                    timeout=20_000)
    chooser.select_key(next(o.key for o in chooser.options if o.display_name == "Budi Santoso"))
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None,
                    timeout=20_000)
    session = flow.session
    page, _rect = session.pdf_placement()
    assert page == 2
    qtbot.mouseClick(session.panel.batch_button, Qt.MouseButton.LeftButton)
    batch = dialogs.wait(qtbot, "BatchDialog")
    assert batch.rule_as_placed.isChecked() and batch.option is session.option
    memos = [letter_copy(classroom, tmp_path, f"memo-{n}.pdf", "nota-dinas-1-halaman.pdf")
             for n in range(3)]
    batch.add_paths(memos)
    batch.out_dir.setText(str(tmp_path / "keluar"))
    qtbot.mouseClick(batch.sign_button, Qt.MouseButton.LeftButton)
    pin = dialogs.wait(qtbot, "PinDialog")
    finished: list[object] = []
    batch.batchFinished.connect(finished.append)
    qtbot.keyClicks(pin.pin_field, classroom.pin)
    qtbot.mouseClick(pin.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    result = finished[0]
    assert result.signed == 3, [r.error for r in result.results]  # type: ignore[attr-defined]
    assert [r.page for r in result.results] == [1, 1, 1]  # type: ignore[attr-defined]
    batch.reject()
    session.close()
