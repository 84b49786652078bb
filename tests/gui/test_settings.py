"""The settings dialog: saved to the user's file and read back, administrator locks
honoured, token modules and trusted certificates, the TSA password in the keyring, and the
language switched while the window is open."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot

from desktop_signer import settings as core_settings
from desktop_signer.trust import sha256_hex
from desktop_signer.trust.certfiles import load_certificates
from tests.gui.conftest import MakeWindow
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.settings_fields import locked_tooltip

pytestmark = pytest.mark.gui


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    with qtbot.waitSignal(window.dialogShown) as shown:
        window.settings_action.trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def user_file(isolated_dirs: dict[str, Path]) -> dict[str, Any]:
    path = isolated_dirs["config"] / "desktop-signer" / "settings.json"
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def test_settings_are_saved_and_read_back(qtbot: QtBot, make_window: MakeWindow,
                                          isolated_dirs: dict[str, Path]) -> None:
    window = make_window()
    dialog = open_settings(qtbot, window)
    dialog.timestamp.url.setText("https://tsa.contoh.go.id")
    dialog.timestamp.user.setText("diskominfo")
    dialog.profile.title_field.setText("Kepala Dinas Komunikasi dan Informatika")
    dialog.profile.nip.setText("198503152010011002")
    dialog.profile.footer.setChecked(True)
    dialog.profile.footer_pages.setCurrentIndex(dialog.profile.footer_pages.findData("all"))
    dialog.signing.level.setCurrentIndex(dialog.signing.level.findData("B-LTA"))
    dialog.signing.pattern.setText("{stem}-ttd.pdf")
    dialog.general.offline.setChecked(True)
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    stored = user_file(isolated_dirs)
    assert stored["tsa_url"] == "https://tsa.contoh.go.id"
    assert stored["profile.nip"] == "198503152010011002"
    assert stored["pades_level"] == "B-LTA" and stored["output_pattern"] == "{stem}-ttd.pdf"
    assert stored["profile.footer"] is True and stored["profile.footer_pages"] == "all"
    assert "password" not in json.dumps(stored).lower()
    reloaded = core_settings.load().settings
    assert reloaded.offline and reloaded.profile.title.startswith("Kepala Dinas")
    again = open_settings(qtbot, window)  # a new dialog shows the saved values
    assert again.timestamp.url.text() == "https://tsa.contoh.go.id"
    assert again.signing.level.currentData() == "B-LTA"
    assert again.profile.footer_pages.currentData() == "all"
    again.reject()


def test_an_unusable_output_name_is_refused(qtbot: QtBot, make_window: MakeWindow,
                                            isolated_dirs: dict[str, Path]) -> None:
    window = make_window()
    dialog = open_settings(qtbot, window)
    dialog.signing.pattern.setText("hasil.docx")
    assert "must contain {stem}" in dialog.signing.pattern_preview.text()
    with qtbot.waitSignal(window.presenter.shown) as shown:
        dialog.accept()
    assert shown.args[0].message.title == "The settings were not saved"
    assert "{stem}_signed.pdf" in shown.args[0].message.text
    assert dialog.isVisible()  # nothing lost: the user can correct it
    assert "output_pattern" not in user_file(isolated_dirs)


@pytest.fixture
def administrator(isolated_dirs: dict[str, Path]) -> Path:
    folder = isolated_dirs["site"] / "desktop-signer"
    folder.mkdir()
    path = folder / "settings.json"
    path.write_text(json.dumps({
        "defaults": {"tsa_url": "https://tsa.instansi.go.id", "pades_level": "B-LTA",
                     "profile.place": "Kota Latihan"},
        "locked": ["tsa_url", "profile.place", "language"],
    }), "utf-8")
    return path


def test_locked_fields_are_shown_disabled_and_never_written(
    qtbot: QtBot, make_window: MakeWindow, administrator: Path,
    isolated_dirs: dict[str, Path],
) -> None:
    window = make_window()
    dialog = open_settings(qtbot, window)
    assert dialog.lock_bar.isVisible() and "administrator" in dialog.lock_bar.text
    url = dialog.timestamp.url
    assert url.text() == "https://tsa.instansi.go.id"
    assert not url.isEnabled() and url.toolTip() == locked_tooltip()
    assert "administrator" in locked_tooltip()
    assert not dialog.profile.place.isEnabled()
    assert not dialog.general.language.isEnabled()
    assert dialog.signing.level.isEnabled()  # a default, not a lock
    assert dialog.signing.level.currentData() == "B-LTA"
    url.setText("https://tsa.pribadi.example")  # even if changed somehow, never saved
    dialog.signing.level.setCurrentIndex(dialog.signing.level.findData("B-T"))
    dialog.accept()
    stored = user_file(isolated_dirs)
    # the test set-up's old key "revocation_hard_fail": false is stored under its new name
    assert stored == {"pades_level": "B-T", "revocation_soft_fail": True}
    assert core_settings.load().settings.tsa_url == "https://tsa.instansi.go.id"


def test_the_language_switches_while_the_window_is_open(qtbot: QtBot,
                                                        make_window: MakeWindow,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESKTOP_SIGNER_LANG")
    monkeypatch.setenv("LANGUAGE", "en_US")
    window = make_window()
    assert window.file_menu.title() == "&File"
    dialog = open_settings(qtbot, window)
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("id"))
    with qtbot.waitSignal(window.translations.changed):
        dialog.apply()
    # Qt delivers LanguageChange through the event loop.
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Berkas")
    assert window.open_action.text() == "&Buka…"
    assert window.welcome.open_button.text() == "Buka dokumen PDF…"
    assert dialog.windowTitle() == "Pengaturan"  # the open dialog follows too
    assert dialog.page_list.item(0).text() == "Umum"
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("en"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")


def test_indonesian_is_the_default_on_an_indonesian_system(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DESKTOP_SIGNER_LANG")
    monkeypatch.setenv("LANGUAGE", "id_ID")
    window = make_window()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Berkas")
    assert window.zoom_field.itemText(0) == "Pas lebar"


def test_token_modules_are_listed_added_and_removed(qtbot: QtBot, make_window: MakeWindow,
                                                    isolated_dirs: dict[str, Path],
                                                    tmp_path: Path) -> None:
    module = tmp_path / "libvendor-pkcs11.so"
    module.write_bytes(b"\x7fELF stand-in: only its existence is checked here")
    window = make_window()
    dialog = open_settings(qtbot, window)
    with qtbot.waitSignal(dialog.tokens.discovered, timeout=30_000):
        pass
    rows = [dialog.tokens.tree.topLevelItem(i).text(0)
            for i in range(dialog.tokens.tree.topLevelItemCount())]
    assert any("SafeNet" in r or r.endswith((".so", ".dll", ".dylib")) for r in rows)
    dialog.tokens.add_module(str(module))
    names = [dialog.tokens.tree.topLevelItem(i).text(0)
             for i in range(dialog.tokens.tree.topLevelItemCount())]
    assert "libvendor-pkcs11.so" in names
    dialog.apply()
    assert user_file(isolated_dirs)["modules"] == [str(module)]
    row = names.index("libvendor-pkcs11.so")
    dialog.tokens.tree.setCurrentItem(dialog.tokens.tree.topLevelItem(row))
    assert dialog.tokens.remove_button.isEnabled()
    dialog.tokens.remove_selected()
    dialog.accept()
    assert "modules" not in user_file(isolated_dirs)


def test_adding_a_module_that_does_not_exist_says_so(qtbot: QtBot, make_window: MakeWindow,
                                                     tmp_path: Path) -> None:
    window = make_window()
    dialog = open_settings(qtbot, window)
    with qtbot.waitSignal(window.presenter.shown) as shown:
        dialog.tokens.add_module(str(tmp_path / "tidak-ada.so"))
    assert shown.args[0].message.title == "The token module was not added"
    assert "“tidak-ada.so” does not exist" in shown.args[0].message.text
    dialog.reject()


def test_trusted_certificates_are_imported_with_their_fingerprint(
    qtbot: QtBot, make_window: MakeWindow, corpus: Path,
) -> None:
    certificate = corpus / "real" / "certs" / "pyhanko" / "testing-ca_root_root.cert.pem"
    fingerprint = sha256_hex(load_certificates(certificate)[0]).upper()
    window = make_window()
    dialog = open_settings(qtbot, window)
    with qtbot.waitSignal(dialog.trust.loaded, timeout=30_000):
        pass
    with qtbot.waitSignal(dialog.trust.loaded, timeout=30_000):
        dialog.trust.import_files([str(certificate)])
    items = [dialog.trust.tree.topLevelItem(i)
             for i in range(dialog.trust.tree.topLevelItemCount())]
    shown = [(i.text(0), i.text(1), i.text(2).replace("\n", ":").replace(":", ""))
             for i in items]
    assert any("Root CA" in subject and origin == "imported by you" and fp == fingerprint
               for subject, origin, fp in shown)
    dialog.reject()


def test_an_imported_certificate_can_be_removed_after_confirmation(
    qtbot: QtBot, make_window: MakeWindow, corpus: Path,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    certificate = corpus / "real" / "certs" / "pyhanko" / "testing-ca_root_root.cert.pem"
    window = make_window()
    dialog = open_settings(qtbot, window)
    trust = dialog.trust
    with qtbot.waitSignal(trust.loaded, timeout=30_000):
        pass
    assert not trust.remove_button.isEnabled()  # nothing selected
    with qtbot.waitSignal(trust.loaded, timeout=30_000):
        trust.import_files([str(certificate)])
    row = next(trust.tree.topLevelItem(i) for i in range(trust.tree.topLevelItemCount())
               if trust.tree.topLevelItem(i).text(1) == "imported by you")
    trust.tree.setCurrentItem(row)
    assert trust.remove_button.isEnabled()

    def answer(button: QMessageBox.StandardButton) -> None:
        boxes = [b for b in trust.findChildren(QMessageBox, "confirmRemoveCertificate")
                 if b.isVisible()]
        assert len(boxes) == 1
        box = boxes[0]
        assert "Root CA" in box.text()
        box.button(button).click()

    # "No" keeps it
    trust.confirm_remove()
    answer(QMessageBox.StandardButton.No)
    assert any(trust.tree.topLevelItem(i).text(1) == "imported by you"
               for i in range(trust.tree.topLevelItemCount()))
    # "Yes" removes it from the user's folder and the list
    trust.tree.setCurrentItem(next(
        trust.tree.topLevelItem(i) for i in range(trust.tree.topLevelItemCount())
        if trust.tree.topLevelItem(i).text(1) == "imported by you"))
    with qtbot.waitSignal(trust.loaded, timeout=30_000):
        trust.confirm_remove()
        answer(QMessageBox.StandardButton.Yes)
    assert not any(trust.tree.topLevelItem(i).text(1) == "imported by you"
                   for i in range(trust.tree.topLevelItemCount()))
    dialog.reject()


def test_importing_a_file_that_is_no_certificate(qtbot: QtBot, make_window: MakeWindow,
                                                 pdfs: dict[str, Path]) -> None:
    window = make_window()
    dialog = open_settings(qtbot, window)
    with qtbot.waitSignal(window.presenter.shown, timeout=30_000) as shown:
        dialog.trust.import_files([str(pdfs["letter"])])
    assert shown.args[0].message.title == "The certificate was not imported"
    dialog.reject()


class MemoryKeyring(KeyringBackend):
    """Stand-in for the OS keyring (no Secret Service runs in the test container)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_the_tsa_password_goes_to_the_keyring_not_the_file(
    qtbot: QtBot, make_window: MakeWindow, memory_keyring: MemoryKeyring,
    isolated_dirs: dict[str, Path],
) -> None:
    window = make_window()
    dialog = open_settings(qtbot, window)
    qtbot.waitUntil(lambda: dialog.timestamp.password.isEnabled(), timeout=15_000)
    dialog.timestamp.url.setText("https://tsa.contoh.go.id")
    dialog.timestamp.user.setText("operator")
    dialog.timestamp.password.setText("sandi-tsa-rahasia")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(memory_keyring.store), timeout=15_000)
    assert list(memory_keyring.store.values()) == ["sandi-tsa-rahasia"]
    settings_text = (isolated_dirs["config"] / "desktop-signer" / "settings.json").read_text()
    assert "sandi-tsa-rahasia" not in settings_text
    again = open_settings(qtbot, window)
    qtbot.waitUntil(lambda: "is stored" in again.timestamp.keyring_note.text(),
                    timeout=15_000)
    assert again.timestamp.password.text() == ""  # never shown back
    again.reject()


def test_without_a_keyring_the_password_field_explains(qtbot: QtBot,
                                                       make_window: MakeWindow) -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        window = make_window()
        dialog = open_settings(qtbot, window)
        qtbot.waitUntil(lambda: "no password store" in dialog.timestamp.keyring_note.text(),
                        timeout=15_000)
        assert not dialog.timestamp.password.isEnabled()
        dialog.reject()
    finally:
        keyring.set_keyring(previous)


def test_a_locked_tsa_address_still_takes_the_user_s_password(
    qtbot: QtBot, make_window: MakeWindow, administrator: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    window = make_window()
    dialog = open_settings(qtbot, window)
    assert not dialog.timestamp.url.isEnabled()
    qtbot.waitUntil(lambda: dialog.timestamp.password.isEnabled(), timeout=15_000)
    dialog.timestamp.user.setText("operator")
    dialog.timestamp.password.setText("sandi-instansi")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(memory_keyring.store), timeout=15_000)
    (key,) = memory_keyring.store
    assert "tsa.instansi.go.id" in key[1] and "operator" in key[1]


def test_training_mode_trusts_the_active_training_root(
    qtbot: QtBot, make_window: MakeWindow, training: Any, monkeypatch: pytest.MonkeyPatch,
    isolated_dirs: dict[str, Path],
) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_TRAINING_DIR", training.directory)
    path = isolated_dirs["config"] / "desktop-signer" / "settings.json"
    path.write_text(json.dumps({"training_mode": True}), "utf-8")
    window = make_window()
    dialog = open_settings(qtbot, window)
    with qtbot.waitSignal(dialog.trust.loaded, timeout=30_000):
        pass
    rows = [(dialog.trust.tree.topLevelItem(i).text(0), dialog.trust.tree.topLevelItem(i).text(1))
            for i in range(dialog.trust.tree.topLevelItemCount())]
    assert ("Root CA Latihan", "training") in rows
    dialog.reject()


def test_the_soft_fail_revocation_box_reads_the_old_key_and_saves_the_new_one(
    qtbot: QtBot, make_window: MakeWindow, isolated_dirs: dict[str, Path],
) -> None:
    """The test set-up's user file says ``"revocation_hard_fail": false`` (the old key): the
    box shows soft-fail on; unticking it stores strict (no key at all: the default), ticking
    it again stores the new key."""
    from PySide6.QtCore import QPoint, Qt

    window = make_window()
    dialog = open_settings(qtbot, window)
    box = dialog.general.soft_fail
    assert box.objectName() == "softFailField" and box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not box.isChecked()
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    stored = user_file(isolated_dirs)
    assert "revocation_soft_fail" not in stored and "revocation_hard_fail" not in stored
    assert core_settings.load().settings.revocation_soft_fail is False
    again = open_settings(qtbot, window)
    assert not again.general.soft_fail.isChecked()
    box = again.general.soft_fail
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    with qtbot.waitSignal(again.saved):
        again.accept()
    assert user_file(isolated_dirs)["revocation_soft_fail"] is True


def test_the_esc_client_password_goes_to_the_keyring_and_the_window_uses_it(
    qtbot: QtBot, make_window: MakeWindow, memory_keyring: MemoryKeyring,
    isolated_dirs: dict[str, Path], training: Any, esc: Any, tmp_path: Path,
) -> None:
    """The agency's client password typed on the BSrE eSign page: in the keyring, never in
    the file; the administrator's locked client user is the one it is stored for; with it
    (and outside training mode, so no training credential helps) the chooser's BSrE row
    reaches the simulator."""
    from desktop_signer.training import esc_users
    from tests.gui.signing_helpers import Dialogs, letter_copy

    site = isolated_dirs["site"] / "desktop-signer"
    site.mkdir(parents=True, exist_ok=True)
    (site / "settings.json").write_text(json.dumps({
        "defaults": {"esc.user": esc_users.CLIENT_USER}, "locked": ["esc.user"]}), "utf-8")
    user_dir = isolated_dirs["config"] / "desktop-signer"
    user_dir.mkdir(parents=True, exist_ok=True)
    (user_dir / "settings.json").write_text(json.dumps({
        "esc.nik": training.identity("budi").nik, "training_mode": False}), "utf-8")
    window = make_window([letter_copy(training, tmp_path)])
    dialog = open_settings(qtbot, window)
    page = dialog.esc
    dialog.page_list.setCurrentRow(dialog.pages.index(page))
    assert not page.user.isEnabled() and page.user.text() == esc_users.CLIENT_USER
    assert page.user.toolTip() == locked_tooltip()
    qtbot.waitUntil(lambda: "never in the settings file" in page.keyring_note.text(),
                    timeout=15_000)
    assert page.password.isEnabled()
    page.url.clear()
    qtbot.keyClicks(page.url, esc.url)
    qtbot.keyClicks(page.password, training.esc_client_password)
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    qtbot.waitUntil(lambda: bool(memory_keyring.store), timeout=15_000)
    assert memory_keyring.store == {
        ("desktop-signer", f"esc:{esc_users.CLIENT_USER}@{esc.url}"):
            training.esc_client_password}
    stored = user_file(isolated_dirs)
    assert stored["esc.url"] == esc.url and "esc.user" not in stored
    assert training.esc_client_password not in json.dumps(stored)
    again = open_settings(qtbot, window)
    qtbot.waitUntil(lambda: "is stored" in again.esc.keyring_note.text(), timeout=15_000)
    assert again.esc.password.text() == ""  # never shown back
    again.reject()
    # the window signs in to the service with it
    flow = window.signing.flow
    dialogs = Dialogs(flow)
    window.signing.sign_action.trigger()
    chooser = dialogs.wait(qtbot, "IdentityChooser")
    qtbot.waitUntil(lambda: any(o.source == "remote" for o in chooser.options),
                    timeout=20_000)
    option = next(o for o in chooser.options if o.source == "remote")
    assert option.usable, option.reasons
    chooser.reject()
