"""Every way of opening a document: command line, menu/toolbar, drag and drop, recent
files; several documents as tabs; a first run opens a sample letter in training mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.conftest import MakeWindow, wait_open, wait_rendered
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_files_on_the_command_line_open_as_tabs(qtbot: QtBot, make_window: MakeWindow,
                                                pdfs: dict[str, Path]) -> None:
    window = make_window([pdfs["letter"], pdfs["long"]])
    wait_open(qtbot, window, 2)
    assert [t.title for t in window.document_tabs()] == ["surat-pendek.pdf",
                                                         "laporan-60-halaman.pdf"]
    assert window.current_tab() is window.document_tabs()[1]
    wait_rendered(qtbot, window)
    tab = window.current_tab()
    assert tab is not None and tab.info is not None and tab.info.page_count == 60
    assert 0 in tab.rendered_pages
    assert window.page_total.text() == "of 60"
    assert "laporan-60-halaman.pdf" in window.windowTitle()
    window.next_tab_action.trigger()
    assert window.current_tab() is window.document_tabs()[0]


def test_open_through_the_menu(qtbot: QtBot, make_window: MakeWindow,
                               pdfs: dict[str, Path]) -> None:
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    with qtbot.waitSignal(window.dialogShown) as shown:
        window.open_action.trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, QFileDialog)
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFiles
    dialog.selectFile(str(pdfs["letter"]))
    dialog.accept()
    wait_open(qtbot, window)
    assert window.current_tab() is not None
    assert window.current_tab().path == str(pdfs["letter"])


def test_the_welcome_page_button_opens_the_same_dialog(qtbot: QtBot,
                                                       make_window: MakeWindow) -> None:
    window = make_window()
    with qtbot.waitSignal(window.dialogShown) as shown:
        qtbot.mouseClick(window.welcome.open_button, Qt.MouseButton.LeftButton)
    assert isinstance(shown.args[0], QFileDialog)
    shown.args[0].reject()


def drag_enter(data: QMimeData) -> QDragEnterEvent:
    """PySide6 6.12 takes a QPointF (QPoint is deprecated), 6.11 only a QPoint."""
    args = (Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(QPointF(50, 50), *args)
    except TypeError:
        return QDragEnterEvent(QPoint(50, 50), *args)


def drop(window: MainWindow, files: list[Path]) -> QDropEvent:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = drag_enter(data)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    return event


def test_drag_and_drop_opens_every_dropped_file(qtbot: QtBot, make_window: MakeWindow,
                                                pdfs: dict[str, Path]) -> None:
    window = make_window()
    event = drop(window, [pdfs["letter"], pdfs["long"]])
    assert event.isAccepted()
    wait_open(qtbot, window, 2)
    assert window.tabs.count() == 2


def test_dropping_something_that_is_not_a_file_is_ignored(make_window: MakeWindow) -> None:
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl("https://example.org/surat.pdf")])
    enter = drag_enter(data)
    enter.ignore()
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_recent_files_are_remembered_and_reopen(qtbot: QtBot, make_window: MakeWindow,
                                                pdfs: dict[str, Path]) -> None:
    first = make_window([pdfs["letter"]])
    wait_open(qtbot, first)
    first.close()
    second = make_window()
    assert second.state.recent_files[0] == str(pdfs["letter"])
    assert second.welcome.recent.count() == 1
    second.recent_menu.aboutToShow.emit()
    actions = [a for a in second.recent_menu.actions() if a.text().endswith("surat-pendek.pdf")]
    assert len(actions) == 1
    actions[0].trigger()
    wait_open(qtbot, second)
    assert second.current_tab().path == str(pdfs["letter"])


def test_opening_an_open_file_again_shows_its_tab(qtbot: QtBot, make_window: MakeWindow,
                                                  pdfs: dict[str, Path]) -> None:
    window = make_window([pdfs["letter"], pdfs["long"]])
    wait_open(qtbot, window, 2)
    window.open_paths([str(pdfs["letter"])])
    assert window.tabs.count() == 2
    assert window.current_tab().path == str(pdfs["letter"])


def test_closing_the_last_tab_shows_the_welcome_page(qtbot: QtBot, make_window: MakeWindow,
                                                     pdfs: dict[str, Path]) -> None:
    window = make_window([pdfs["letter"]])
    wait_open(qtbot, window)
    window.close_action.trigger()
    assert window.tabs.count() == 0
    assert window.stack.currentWidget() is window.welcome
    assert not window.zoom_in_action.isEnabled()


def test_a_first_run_opens_a_sample_letter_in_training_mode(
    qtbot: QtBot, shared_service: object, isolated_dirs: dict[str, Path],
) -> None:
    from ui.app import build_window

    window = build_window([], service=shared_service)  # no settings file at all
    qtbot.addWidget(window)
    try:
        wait_open(qtbot, window)
        assert window.training_bar.isVisible()
        assert "LATIHAN" in window.training_bar.text
        tab = window.current_tab()
        assert tab is not None and tab.info is not None and tab.info.page_count == 3
        assert Path(tab.path).is_relative_to(isolated_dirs["data"])
        assert window.windowTitle().endswith("TRAINING")
    finally:
        window.close()


def test_a_file_handed_over_by_macos_open_with_opens_as_a_tab(
        qtbot: QtBot, make_window: MakeWindow, pdfs: dict[str, Path]) -> None:
    # Finder's "Open With" sends a QFileOpenEvent to the application (not argv); the same
    # event is posted here the way Qt delivers it.
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    from ui import file_open_events

    window = make_window()
    app = QCoreApplication.instance()
    assert app is not None
    events = file_open_events.install(app, window)
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(pdfs["letter"])))
        wait_open(qtbot, window)
        assert window.current_tab() is not None
        assert window.current_tab().path == str(pdfs["letter"])
    finally:
        app.removeEventFilter(events)
