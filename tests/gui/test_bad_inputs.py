"""Files that are not what they seem: each gets one clear message and the window goes on.

"Made unreadable while open": the tests run as root, for whom ``chmod 000`` changes
nothing, so the file is really deleted, or replaced by a folder (which cannot be read as a
file by anyone, root included). The preview keeps the bytes read when the file was opened;
the window says what happened and a reload reports the new state of the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.gui.conftest import PASSWORD, MakeWindow, wait_open, wait_rendered
from ui.document_tab import DocumentTab
from ui.error_presenter import ErrorDialog
from ui.main_window import MainWindow
from ui.render_service import RenderService

pytestmark = pytest.mark.gui


def open_and_expect_error(qtbot: QtBot, window: MainWindow, path: Path) -> ErrorDialog:
    with qtbot.waitSignal(window.presenter.shown, timeout=15_000) as shown:
        window.open_paths([str(path)])
    dialog = shown.args[0]
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    return dialog


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("not_pdf", "is not a PDF document"),
        ("empty", "is empty (0 bytes)"),
        ("truncated", "is incomplete: its end is missing"),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_no_tab(qtbot: QtBot, make_window: MakeWindow,
                                                    pdfs: dict[str, Path], key: str,
                                                    words: str) -> None:
    window = make_window()
    dialog = open_and_expect_error(qtbot, window, pdfs[key])
    message = dialog.message
    assert message.title == "The document could not be opened"
    assert words in message.text and f"“{pdfs[key].name}”" in message.text
    assert f"path: {pdfs[key]}" in message.details and "code: " in message.details
    assert dialog.detailedText() == message.details
    qtbot.waitUntil(lambda: window.tabs.count() == 0)
    assert window.stack.currentWidget() is window.welcome
    dialog.accept()
    # The window still works: a good file opens next.
    window.open_paths([str(pdfs["letter"])])
    wait_open(qtbot, window)


def test_a_missing_file_from_the_command_line(qtbot: QtBot, make_window: MakeWindow,
                                              tmp_path: Path) -> None:
    window = make_window()
    dialog = open_and_expect_error(qtbot, window, tmp_path / "tidak-ada.pdf")
    assert "no longer exists" in dialog.message.text


def password_dialog(qtbot: QtBot, tab: DocumentTab) -> QInputDialog:
    # Answers arrive through the event loop, which only runs inside waitSignal: no race.
    with qtbot.waitSignal(tab.passwordRequested, timeout=15_000) as asked:
        pass
    dialog = asked.args[0]
    assert isinstance(dialog, QInputDialog) and dialog.isVisible()
    assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
    return dialog


def test_an_encrypted_pdf_asks_for_its_password(qtbot: QtBot, make_window: MakeWindow,
                                                pdfs: dict[str, Path]) -> None:
    window = make_window()
    tab = window.open_paths([str(pdfs["locked"])])[0]
    first = password_dialog(qtbot, tab)
    assert "“surat-terkunci.pdf” is protected with a password" in first.labelText()
    first.setTextValue("salah")
    first.accept()
    second = password_dialog(qtbot, tab)
    assert "The password is not correct" in second.labelText()
    second.setTextValue(PASSWORD)
    second.accept()
    wait_open(qtbot, window)
    wait_rendered(qtbot, window)
    assert tab.info is not None and tab.info.encrypted and tab.info.page_count == 2


def test_cancelling_the_password_closes_the_tab_quietly(qtbot: QtBot,
                                                        make_window: MakeWindow,
                                                        pdfs: dict[str, Path]) -> None:
    window = make_window()
    errors: list[object] = []
    window.presenter.shown.connect(errors.append)
    tab = window.open_paths([str(pdfs["locked"])])[0]
    password_dialog(qtbot, tab).reject()
    qtbot.waitUntil(lambda: window.tabs.count() == 0)
    assert errors == []  # cancelling is the user's choice, not an error


@pytest.fixture
def own_copy(tmp_path: Path, pdfs: dict[str, Path]) -> Path:
    copy = tmp_path / "surat-sementara.pdf"
    shutil.copy(pdfs["long"], copy)
    return copy


def test_a_file_deleted_while_open(qtbot: QtBot, make_window: MakeWindow,
                                   own_copy: Path) -> None:
    window = make_window([own_copy])
    wait_open(qtbot, window)
    wait_rendered(qtbot, window)
    tab = window.current_tab()
    assert tab is not None
    own_copy.unlink()
    qtbot.waitUntil(lambda: tab.bar_state == "file_problem", timeout=15_000)
    assert "deleted or moved" in tab.message_bar.text
    # The preview still works: other pages are rendered from the bytes read at opening.
    tab.view.go_to_page(50)
    wait_rendered(qtbot, window)
    assert 50 in tab.rendered_pages
    with qtbot.waitSignal(window.presenter.shown, timeout=15_000) as shown:
        tab.message_bar.buttons[0].click()  # "Reload"
    dialog = shown.args[0]
    assert dialog.message.title == "The document could not be reloaded"
    assert "no longer exists" in dialog.message.text
    assert window.tabs.count() == 1 and tab.is_open  # the old view stays usable


def test_a_file_replaced_by_a_folder_while_open(qtbot: QtBot, make_window: MakeWindow,
                                                own_copy: Path) -> None:
    window = make_window([own_copy])
    wait_open(qtbot, window)
    tab = window.current_tab()
    assert tab is not None
    own_copy.unlink()
    own_copy.mkdir()
    qtbot.waitUntil(lambda: tab.bar_state == "file_problem", timeout=15_000)
    assert "can no longer be read" in tab.message_bar.text
    with qtbot.waitSignal(window.presenter.shown, timeout=15_000) as shown:
        window.reload_action.trigger()
    assert "cannot be read" in shown.args[0].message.text


def test_a_file_changed_on_disk_offers_a_reload(qtbot: QtBot, make_window: MakeWindow,
                                                own_copy: Path, pdfs: dict[str, Path]) -> None:
    window = make_window([own_copy])
    wait_open(qtbot, window)
    tab = window.current_tab()
    assert tab is not None and tab.info is not None and tab.info.page_count == 60
    own_copy.write_bytes(pdfs["letter"].read_bytes())
    qtbot.waitUntil(lambda: tab.bar_state == "file_problem", timeout=15_000)
    assert "changed by another program" in tab.message_bar.text
    with qtbot.waitSignal(tab.opened, timeout=15_000):
        window.reload_action.trigger()
    assert tab.info.page_count == 3 and tab.bar_state is None


def test_the_preview_survives_a_crash_of_the_renderer(qtbot: QtBot, make_window: MakeWindow,
                                                      pdfs: dict[str, Path]) -> None:
    service = RenderService()  # its own process: this test kills it
    service.start()
    try:
        window = make_window([pdfs["long"]], service=service)
        wait_open(qtbot, window)
        tab = window.current_tab()
        assert tab is not None
        with qtbot.waitSignal(service.stopped, timeout=15_000):
            service.kill_for_test()
        assert tab.bar_state == "renderer_stopped"
        assert "stopped unexpectedly" in tab.message_bar.text
        with qtbot.waitSignal(tab.opened, timeout=15_000):
            tab.message_bar.buttons[0].click()  # "Reload" starts a new renderer
        assert service.running
        wait_rendered(qtbot, window)
    finally:
        window.close()
        service.shutdown()


def test_pages_asked_for_during_a_reload_are_not_rendered_from_the_new_file(
        qtbot: QtBot, make_window: MakeWindow, own_copy: Path, pdfs: dict[str, Path]) -> None:
    # The view asks for pages by the old page list until the reloaded file's answer arrives;
    # page 50 of a 60-page letter does not exist in the 3-page letter that replaced it.
    window = make_window([own_copy])
    wait_open(qtbot, window)
    tab = window.current_tab()
    assert tab is not None and tab.info is not None
    tab.view.go_to_page(50)
    qtbot.waitUntil(lambda: 50 in tab.rendered_pages, timeout=15_000)
    own_copy.write_bytes(pdfs["letter"].read_bytes())
    qtbot.waitUntil(lambda: tab.bar_state == "file_problem", timeout=15_000)
    with qtbot.waitSignal(tab.opened, timeout=15_000):
        window.reload_action.trigger()
        tab.view.go_to_page(52)  # before the answer: the view still has 60 pages
    qtbot.wait(1000)  # room for a wrongly rendered page to fail
    assert tab.info.page_count == 3 and tab.bar_state is None
    qtbot.waitUntil(lambda: 0 in tab.rendered_pages, timeout=15_000)
