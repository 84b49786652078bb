"""Keyboard and screen-reader use: shortcuts shown in menus, unique mnemonics, names on
controls, a reachable focus chain and a visible focus mark on the page view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import MakeWindow, wait_open, wait_rendered
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

EXPECTED_SHORTCUTS = {
    "actionOpen": "Ctrl+O", "actionReload": "F5", "actionClose": "Ctrl+W",
    "actionQuit": "Ctrl+Q", "actionFind": "Ctrl+F", "actionFindNext": "F3",
    "actionFindPrevious": "Shift+F3", "actionZoomIn": "Ctrl++", "actionZoomOut": "Ctrl+-",
    "actionActualSize": "Ctrl+0", "actionFitPage": "Ctrl+1", "actionFitWidth": "Ctrl+2",
    "actionThumbnails": "F9", "actionFirstPage": "Ctrl+Home", "actionLastPage": "Ctrl+End",
    "actionPreviousPage": "Ctrl+PgUp", "actionNextPage": "Ctrl+PgDown",
    "actionGoToPage": "Ctrl+G", "actionSettings": "Ctrl+,", "actionAbout": "F1",
}


def menu_actions(window: MainWindow) -> list[tuple[QMenu, QAction]]:
    out = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        out += [(menu, a) for a in menu.actions() if not a.isSeparator()]
    return out


def test_every_menu_action_has_a_text_and_its_shortcut(make_window: MakeWindow) -> None:
    window = make_window()
    actions = menu_actions(window)
    named = {a.objectName(): a for _, a in actions}
    for name, keys in EXPECTED_SHORTCUTS.items():
        shortcut = named[name].shortcut()
        assert shortcut.toString(QKeySequence.SequenceFormat.PortableText) == keys, name
        # Qt puts the shortcut beside the text in the menu; the tooltip repeats it.
        assert f"({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})" in \
            named[name].toolTip(), name
    for _, action in actions:
        assert action.text().strip(), action.objectName()


@pytest.mark.parametrize("language", ["en", "id"])
def test_mnemonics_are_unique_in_each_menu(qtbot: QtBot, make_window: MakeWindow,
                                           monkeypatch: pytest.MonkeyPatch,
                                           language: str) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", language)
    window = make_window()
    expected = "&File" if language == "en" else "&Berkas"
    qtbot.waitUntil(lambda: window.file_menu.title() == expected)

    def mnemonic(text: str) -> str:
        index = text.replace("&&", "").find("&")
        return text.replace("&&", "")[index + 1].lower() if index >= 0 else ""

    bar = [mnemonic(a.text()) for a in window.menuBar().actions()]
    assert "" not in bar and len(set(bar)) == len(bar)
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        letters = [letter for letter in letters if letter]
        assert len(set(letters)) == len(letters), (menu.title(), letters)


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive widgets a screen reader could not name (no name, no label, no text)."""
    labelled = {label.buddy() for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        interactive = isinstance(widget, QLineEdit | QComboBox | QSpinBox | QPlainTextEdit
                                 | QAbstractItemView)
        if isinstance(widget, QAbstractButton):
            interactive = not widget.text() and bool(widget.isVisibleTo(root))
        if not interactive or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QSpinBox | QComboBox):
            continue  # the editor inside a spin or combo box: the box carries the name
        if isinstance(widget, QHeaderView):
            continue  # the column headers of a list: the list carries the name
        if isinstance(widget, QAbstractItemView) and isinstance(widget.parent(), QFrame) \
                and isinstance(widget.parent().parent(), QComboBox):
            continue  # a combo box's own pop-up list
        if widget.accessibleName() or widget in labelled:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                       f"in {type(widget.parent()).__name__}")
    return missing


def test_controls_have_accessible_names(qtbot: QtBot, make_window: MakeWindow,
                                        pdfs: dict[str, Path]) -> None:
    window = make_window([pdfs["letter"]])
    wait_open(qtbot, window)
    window.find_action.trigger()
    assert unnamed_controls(window) == []
    with qtbot.waitSignal(window.dialogShown) as shown:
        window.settings_action.trigger()
    assert unnamed_controls(shown.args[0]) == []
    shown.args[0].reject()
    with qtbot.waitSignal(window.dialogShown) as shown:
        window.about_action.trigger()
    assert unnamed_controls(shown.args[0]) == []


def test_the_keyboard_reaches_the_page_and_the_toolbar_fields(
    qtbot: QtBot, make_window: MakeWindow, pdfs: dict[str, Path],
) -> None:
    window = make_window([pdfs["letter"]])
    wait_open(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.current_tab()
    assert tab is not None
    tab.view.setFocus()
    seen = set()
    for _ in range(25):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.add(QApplication.focusWidget())
    assert {window.page_field, window.zoom_field, tab.view, tab.thumbnails} <= seen


def test_the_page_view_shows_where_the_focus_is(qtbot: QtBot, make_window: MakeWindow,
                                                pdfs: dict[str, Path]) -> None:
    window = make_window([pdfs["letter"]])
    wait_open(qtbot, window)
    wait_rendered(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.current_tab().view  # type: ignore[union-attr]
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    focused = view.viewport().grab().toImage()
    window.page_field.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    unfocused = view.viewport().grab().toImage()
    y = focused.height() // 2
    assert focused.pixelColor(1, y) == highlight
    assert unfocused.pixelColor(1, y) != highlight
