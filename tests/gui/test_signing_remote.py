"""BSrE remote signing in the window (issue 13 item 8), driven like a person against the
real ESC simulator over HTTP on 127.0.0.1 (training TSA, pyHanko signatures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop_signer.training import esc_users
from desktop_signer.training.esc_sim import EscSimulator
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.verification.document import validate_bytes
from desktop_signer.verification.options import VerifyOptions
from tests.gui.conftest import MakeWindow, wait_open
from tests.gui.signing_helpers import Dialogs, letter_copy, write_settings

pytestmark = [pytest.mark.gui, pytest.mark.integration]


def remote_settings(config: Path, training: TrainingSetup, sim: EscSimulator,
                    nik: str) -> None:
    write_settings(config, training, **{
        "esc.url": sim.url, "esc.user": esc_users.CLIENT_USER, "esc.nik": nik,
        "esc.signer_name": "Budi Santoso", "pades_level": "B-T"})


def open_chooser(qtbot: QtBot, dialogs: Dialogs, window: object) -> object:
    window.signing.sign_action.trigger()  # type: ignore[attr-defined]
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.source == "remote" for o in chooser.options),
                    timeout=20_000)
    return chooser


def accept_http_warning(qtbot: QtBot, dialogs: Dialogs) -> QMessageBox:
    warning = dialogs.wait(qtbot, "QMessageBox")
    assert warning.objectName() == "escHttpWarning"
    go = next(b for b in warning.buttons()
              if warning.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    return warning  # type: ignore[no-any-return]


def test_remote_sign_wrong_passphrase_then_right(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, esc: EscSimulator, isolated_dirs: dict[str, Path],
        tmp_path: Path) -> None:
    remote_settings(isolated_dirs["config"], training, esc, training.identity("budi").nik)
    letter = letter_copy(training, tmp_path)
    original = letter.read_bytes()
    window = make_window([letter])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    chooser = open_chooser(qtbot, dialogs, window)
    option = next(o for o in chooser.options if o.source == "remote")  # type: ignore[attr-defined]
    assert option.usable and option.secret.kind == "passphrase"
    assert chooser.select_key(option.key)  # type: ignore[attr-defined]
    assert "ISSUE" in chooser.tree.currentItem().text(1)  # type: ignore[attr-defined]
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None
                    and flow.session.overlay.image is not None, timeout=20_000)
    session = flow.session
    assert session.panel.name_edit.text() == "Budi Santoso"
    # the first time at a plain http:// service: the warning, once
    qtbot.mouseClick(session.panel.sign_button, Qt.MouseButton.LeftButton)
    warning = accept_http_warning(qtbot, dialogs)
    assert "unencrypted" in warning.text()
    asked = dialogs.wait(qtbot, "PinDialog")
    assert asked.state_name == "passphrase"
    assert asked.pin_field.echoMode() == asked.pin_field.EchoMode.Password
    assert "BSrE passphrase" in asked.heading.text()
    qtbot.keyClicks(asked.pin_field, "salah-sekali")
    qtbot.mouseClick(asked.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.presenter.last is not None, timeout=60_000)
    assert "2031" in window.presenter.last.text
    assert "salah-sekali" not in window.presenter.last.details
    assert letter.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["surat.pdf"]
    assert not list(tmp_path.glob("*.part"))
    # again: no warning the second time, the right passphrase signs
    assert esc.url in window.store.settings.esc.http_acknowledged
    signed: list[object] = []
    flow.signed.connect(signed.append)
    qtbot.waitUntil(lambda: session.panel.sign_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(session.panel.sign_button, Qt.MouseButton.LeftButton)
    again = dialogs.wait(qtbot, "PinDialog", after=asked)
    qtbot.keyClicks(again.pin_field, training.esc_passphrase)
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed), timeout=90_000)
    out = Path(signed[0].output)  # type: ignore[attr-defined]
    assert letter.read_bytes() == original
    report = validate_bytes(out.name, out.read_bytes(), VerifyOptions(offline=True))
    assert len(report.signatures) == 1
    assert report.signatures[0].verdict != "invalid"
    qtbot.waitUntil(lambda: window.tab_for(str(out)) is not None, timeout=10_000)


def test_remote_status_not_issue_is_shown_and_not_selectable(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, esc: EscSimulator, isolated_dirs: dict[str, Path],
        tmp_path: Path) -> None:
    suspended = next(n for n, s in esc_users.STATUS_ONLY if s == "SUSPEND")
    remote_settings(isolated_dirs["config"], training, esc, training.identity("budi").nik)
    window = make_window([letter_copy(training, tmp_path)])
    wait_open(qtbot, window)
    dialogs = Dialogs(window.signing.flow)
    chooser = open_chooser(qtbot, dialogs, window)
    # the user types another NIK into the chooser's BSrE row and checks its status
    fields = chooser.remote_fields  # type: ignore[attr-defined]
    assert fields.nik_edit.text() == training.identity("budi").nik
    fields.nik_edit.clear()
    qtbot.keyClicks(fields.nik_edit, suspended)
    qtbot.mouseClick(fields.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(o.source == "remote" and not o.usable
                                for o in chooser.options), timeout=20_000)  # type: ignore[attr-defined]
    assert window.store.settings.esc.nik == suspended  # remembered
    option = next(o for o in chooser.options if o.source == "remote")  # type: ignore[attr-defined]
    assert not option.usable and option.reasons == ("esc_status_suspend",)
    assert chooser.select_key(option.key)  # type: ignore[attr-defined]
    assert "suspended" in chooser.tree.currentItem().text(1)  # type: ignore[attr-defined]
    assert "TTE administrator" in chooser.details.text()  # type: ignore[attr-defined]
    assert not chooser.choose_button.isEnabled()  # type: ignore[attr-defined]
    chooser.reject()  # type: ignore[attr-defined]


def test_remote_sign_with_a_besign_code(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, esc: EscSimulator, isolated_dirs: dict[str, Path],
        tmp_path: Path) -> None:
    from tests.integration.esc_helpers import besign_code

    nik = training.identity("budi").nik
    remote_settings(isolated_dirs["config"], training, esc, nik)
    letter = letter_copy(training, tmp_path)
    window = make_window([letter])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    chooser = open_chooser(qtbot, dialogs, window)
    option = next(o for o in chooser.options  # type: ignore[attr-defined]
                  if o.source == "remote" and o.secret.kind == "totp")
    assert chooser.select_key(option.key)  # type: ignore[attr-defined]
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.session is not None and flow.session.overlay is not None
                    and flow.session.overlay.image is not None, timeout=20_000)
    qtbot.mouseClick(flow.session.panel.sign_button, Qt.MouseButton.LeftButton)
    accept_http_warning(qtbot, dialogs)
    code = dialogs.wait(qtbot, "PinDialog")
    assert code.state_name == "totp" and "BeSign" in code.heading.text()
    signed: list[object] = []
    flow.signed.connect(signed.append)
    qtbot.keyClicks(code.pin_field, besign_code(esc, nik))  # after the get/totp request
    qtbot.mouseClick(code.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed), timeout=90_000)
    out = Path(signed[0].output)  # type: ignore[attr-defined]
    report = validate_bytes(out.name, out.read_bytes(), VerifyOptions(offline=True))
    assert len(report.signatures) == 1 and report.signatures[0].verdict != "invalid"


def _sign_the_open_letter(qtbot: QtBot, flow: object, dialogs: Dialogs, secret: str,
                          *, warning: bool) -> Path:
    session = flow.session  # type: ignore[attr-defined]
    signed: list[object] = []
    flow.signed.connect(signed.append)  # type: ignore[attr-defined]
    qtbot.mouseClick(session.panel.sign_button, Qt.MouseButton.LeftButton)
    if warning:
        accept_http_warning(qtbot, dialogs)
    asked = dialogs.wait(qtbot, "PinDialog")
    qtbot.keyClicks(asked.pin_field, secret)
    qtbot.mouseClick(asked.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed), timeout=90_000)
    return Path(signed[0].output)  # type: ignore[attr-defined]


def _choose_remote(qtbot: QtBot, chooser: object, flow: object, kind: str = "passphrase"
                   ) -> None:
    option = next(o for o in chooser.options  # type: ignore[attr-defined]
                  if o.source == "remote" and o.secret.kind == kind)
    assert chooser.select_key(option.key)  # type: ignore[attr-defined]
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.session is not None  # type: ignore[attr-defined]
                    and flow.session.overlay is not None  # type: ignore[attr-defined]
                    and flow.session.overlay.image is not None,  # type: ignore[attr-defined]
                    timeout=20_000)


def test_login_by_email_and_what_is_remembered_after_the_first_signature(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, esc: EscSimulator, isolated_dirs: dict[str, Path],
        tmp_path: Path) -> None:
    """Nothing remembered yet: the person types their email address and their name; after
    the signature the window keeps the email and the certificate's name (never the
    passphrase), and pre-fills both next time."""
    write_settings(isolated_dirs["config"], training, **{
        "esc.url": esc.url, "esc.user": esc_users.CLIENT_USER, "pades_level": "B-T"})
    email = training.identity("budi").email
    window = make_window([letter_copy(training, tmp_path)])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    chooser = open_chooser(qtbot, dialogs, window)
    [first] = [o for o in chooser.options if o.source == "remote"]  # type: ignore[attr-defined]
    # nothing typed yet: a step to take (no request to BSrE, no red "invalid NIK")
    assert not first.usable and first.reasons == ("esc_login_missing",)
    row = next(item for item in _rows(chooser) if item.text(0) == first.display_name)
    assert row.text(1) == "Type NIK or email above"
    assert row.foreground(1).color().name() != "#9b1c1c"
    fields = chooser.remote_fields  # type: ignore[attr-defined]
    assert fields.nik_edit.text() == ""
    qtbot.keyClicks(fields.nik_edit, email)
    qtbot.mouseClick(fields.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(o.source == "remote" and o.usable  # type: ignore[attr-defined]
                                for o in chooser.options), timeout=20_000)
    option = next(o for o in chooser.options if o.source == "remote")  # type: ignore[attr-defined]
    assert option.holder == f"email {email}"
    _choose_remote(qtbot, chooser, flow)
    panel = flow.session.panel
    assert panel.name_edit.text() == ""  # the certificate is not known before it signs
    qtbot.keyClicks(panel.name_edit, "Budi")
    out = _sign_the_open_letter(qtbot, flow, dialogs, training.esc_passphrase, warning=True)
    report = validate_bytes(out.name, out.read_bytes(), VerifyOptions(offline=True))
    assert len(report.signatures) == 1 and report.signatures[0].verdict != "invalid"
    esc_settings = window.store.settings.esc
    assert (esc_settings.email, esc_settings.nik) == (email, "")
    assert esc_settings.signer_name == training.identity("budi").name  # the certificate's
    settings_file = isolated_dirs["config"] / "desktop-signer" / "settings.json"
    text = settings_file.read_text("utf-8")
    assert email in text and training.esc_passphrase not in text
    # next time: the chooser shows the email, the panel the certificate's name
    qtbot.waitUntil(lambda: window.tab_for(str(out)) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.current_tab() is window.tab_for(str(out))
                    and window.current_tab().is_open, timeout=15_000)
    again = open_chooser(qtbot, dialogs, window)
    assert again.remote_fields.nik_edit.text() == email  # type: ignore[attr-defined]
    _choose_remote(qtbot, again, flow)
    assert flow.session.panel.name_edit.text() == training.identity("budi").name


def test_a_wrong_besign_code_says_so_and_writes_nothing(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, esc: EscSimulator, isolated_dirs: dict[str, Path],
        tmp_path: Path) -> None:
    from tests.integration.esc_helpers import besign_code

    nik = training.identity("budi").nik
    remote_settings(isolated_dirs["config"], training, esc, nik)
    letter = letter_copy(training, tmp_path)
    original = letter.read_bytes()
    window = make_window([letter])
    wait_open(qtbot, window)
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    _choose_remote(qtbot, open_chooser(qtbot, dialogs, window), flow, "totp")
    qtbot.mouseClick(flow.session.panel.sign_button, Qt.MouseButton.LeftButton)
    accept_http_warning(qtbot, dialogs)
    code = dialogs.wait(qtbot, "PinDialog")
    wrong = f"{(int(besign_code(esc, nik)) + 1) % 10**6:06d}"  # one digit off
    qtbot.keyClicks(code.pin_field, wrong)
    qtbot.mouseClick(code.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.presenter.last is not None, timeout=60_000)
    shown = window.presenter.last
    assert "TOTP code is wrong or expired" in shown.text and "BeSign" in shown.text
    assert wrong not in shown.text and wrong not in shown.details
    assert letter.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["surat.pdf"]
    assert flow.session.panel.sign_button.isEnabled()  # the person can ask for a new code


def test_a_remote_batch_with_one_passphrase(
        qtbot: QtBot, make_window: MakeWindow, training: TrainingSetup,
        training_services: object, esc: EscSimulator, isolated_dirs: dict[str, Path],
        tmp_path: Path) -> None:
    """The batch dialog with BSrE eSign: one passphrase for five letters sent in groups of
    two, each output verified."""
    remote_settings(isolated_dirs["config"], training, esc, training.identity("budi").nik)
    settings_file = isolated_dirs["config"] / "desktop-signer" / "settings.json"
    import json

    values = json.loads(settings_file.read_text("utf-8"))
    settings_file.write_text(json.dumps({**values, "esc.batch_size": 2}), "utf-8")
    files = [letter_copy(training, tmp_path, f"surat-{n}.pdf", "nota-dinas-1-halaman.pdf")
             for n in range(1, 6)]
    originals = [f.read_bytes() for f in files]
    out = tmp_path / "keluar"
    window = make_window()
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    requests_before = esc.app.stats.sign_requests
    window.signing.batch_action.trigger()
    batch = dialogs.wait(qtbot, "BatchDialog")
    batch.add_paths(files)
    batch.out_dir.setText(str(out))
    qtbot.mouseClick(batch.rule_preset, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(batch.choose_identity, Qt.MouseButton.LeftButton)
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.source == "remote" and o.usable for o in chooser.options),
                    timeout=20_000)
    assert chooser.select_key(next(o.key for o in chooser.options
                                   if o.source == "remote" and o.secret.kind == "passphrase"))
    qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(batch.sign_button, Qt.MouseButton.LeftButton)
    accept_http_warning(qtbot, dialogs)
    asked = dialogs.wait(qtbot, "PinDialog")
    assert "One passphrase signs all 5 files" in asked.heading.text()
    qtbot.keyClicks(asked.pin_field, training.esc_passphrase)
    finished: list[object] = []
    batch.batchFinished.connect(finished.append)
    qtbot.mouseClick(asked.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finished), timeout=180_000)
    result = finished[0]
    assert result.signed == 5 and result.failed == 0, [  # type: ignore[attr-defined]
        (r.status, r.error) for r in result.results]  # type: ignore[attr-defined]
    assert result.groups_sent == 3  # type: ignore[attr-defined]
    assert esc.app.stats.sign_requests - requests_before == 3
    assert [f.read_bytes() for f in files] == originals
    outputs = sorted(out.iterdir())
    assert [p.name for p in outputs] == [f"surat-{n}_signed.pdf" for n in range(1, 6)]
    for path, original in zip(outputs, originals, strict=True):
        data = path.read_bytes()
        assert data.startswith(original)  # our input plus appended revisions
        report = validate_bytes(path.name, data, VerifyOptions(offline=True))
        assert len(report.signatures) == 1 and report.signatures[0].verdict != "invalid"
    assert "5 signed, 0 skipped, 0 failed" in batch.summary.text()
    batch.reject()


def _rows(chooser: object) -> list[QTreeWidgetItem]:
    tree = chooser.tree  # type: ignore[attr-defined]
    found: list[QTreeWidgetItem] = []
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        found.extend(group.child(i) for i in range(group.childCount()))
    return found
