"""Moving through a document, zooming and searching, with the keyboard and the mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import MakeWindow, wait_open, wait_rendered
from ui.document_tab import DocumentTab
from ui.main_window import MainWindow
from ui.page_view import ZoomMode

pytestmark = pytest.mark.gui


@pytest.fixture
def long_doc(qtbot: QtBot, make_window: MakeWindow,
             pdfs: dict[str, Path]) -> tuple[MainWindow, DocumentTab]:
    window = make_window([pdfs["long"]])
    wait_open(qtbot, window)
    wait_rendered(qtbot, window)
    tab = window.current_tab()
    assert tab is not None
    return window, tab


def test_page_actions_and_the_page_field(qtbot: QtBot,
                                         long_doc: tuple[MainWindow, DocumentTab]) -> None:
    window, tab = long_doc
    assert tab.view.current_page == 0
    window.next_page_action.trigger()
    assert tab.view.current_page == 1
    assert window.page_field.value() == 2
    assert window.page_status.text() == "Page 2 of 60"
    window.last_page_action.trigger()
    assert tab.view.current_page == 59
    window.previous_page_action.trigger()
    assert tab.view.current_page == 58
    window.first_page_action.trigger()
    assert tab.view.current_page == 0
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to_page_action.trigger()
    assert QApplication.focusWidget() is window.page_field
    window.page_field.setValue(42)
    assert tab.view.current_page == 41
    wait_rendered(qtbot, window)  # the pages now in view are rendered too
    assert 41 in tab.rendered_pages


def test_keys_in_the_page_view(qtbot: QtBot,
                               long_doc: tuple[MainWindow, DocumentTab]) -> None:
    window, tab = long_doc
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_End)
    assert tab.view.current_page == 59
    qtbot.keyClick(tab.view, Qt.Key.Key_Home)
    assert tab.view.current_page == 0
    start = tab.view.verticalScrollBar().value()
    qtbot.keyClick(tab.view, Qt.Key.Key_PageDown)
    assert tab.view.verticalScrollBar().value() > start
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    assert tab.view.current_page >= 1
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.page_field.value() == tab.view.current_page + 1


def test_clicking_a_thumbnail_goes_to_its_page(qtbot: QtBot,
                                               long_doc: tuple[MainWindow, DocumentTab]) -> None:
    _, tab = long_doc
    qtbot.waitUntil(lambda: tab.thumbnail_image(0) is not None, timeout=15_000)
    index = tab.thumbnail_model.index(2)
    rect = tab.thumbnails.visualRect(index)
    qtbot.mouseClick(tab.thumbnails.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert tab.view.current_page == 2
    tab.view.go_to_page(30)
    assert tab.thumbnails.currentIndex().row() == 30


def test_zoom_steps_fit_modes_and_keys(qtbot: QtBot,
                                       long_doc: tuple[MainWindow, DocumentTab]) -> None:
    window, tab = long_doc
    view = tab.view
    assert view.zoom_mode == ZoomMode.FIT_WIDTH
    page_width = view.px_per_point() * 595
    assert abs(page_width - (view.viewport().width() - 32)) < 2  # fits the width
    window.actual_size_action.trigger()
    assert view.zoom == 1.0 and view.zoom_mode == ZoomMode.CUSTOM
    assert window.zoom_status.text() == "Zoom 100 %"
    window.zoom_in_action.trigger()
    assert view.zoom == 1.1
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.0
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.1
    window.fit_page_action.trigger()
    assert view.zoom_mode == ZoomMode.FIT_PAGE
    assert view.px_per_point() * 842 <= view.viewport().height() - 31
    wait_rendered(qtbot, window)  # sharp pages arrive at the new scale
    assert window.zoom_field.currentText() == "Fit page"
    index = window.zoom_field.findData(2.0)
    window.zoom_field.setCurrentIndex(index)
    window.zoom_field.activated.emit(index)
    assert view.zoom == 2.0
    for _ in range(30):
        window.zoom_in_action.trigger()
    assert view.zoom == 4.0  # no further than the largest step
    for _ in range(30):
        window.zoom_out_action.trigger()
    assert view.zoom == 0.25


def test_control_and_the_mouse_wheel_zoom(long_doc: tuple[MainWindow, DocumentTab]) -> None:
    _, tab = long_doc
    view = tab.view
    view.set_zoom(1.0)

    def wheel(delta: int, modifiers: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(QPointF(100, 100), QPointF(100, 100), QPoint(0, 0),
                            QPoint(0, delta), Qt.MouseButton.NoButton, modifiers,
                            Qt.ScrollPhase.NoScrollPhase, False)
        view.wheelEvent(event)

    wheel(120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.1
    wheel(-240, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 0.9
    wheel(60, Qt.KeyboardModifier.ControlModifier)  # half a notch (trackpad): not yet
    assert view.zoom == 0.9
    wheel(60, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.0
    before = view.verticalScrollBar().value()
    wheel(-120, Qt.KeyboardModifier.NoModifier)  # without Ctrl the wheel scrolls
    assert view.zoom == 1.0 and view.verticalScrollBar().value() > before


def test_pages_are_rendered_for_the_screen_s_pixel_ratio(
    long_doc: tuple[MainWindow, DocumentTab],
) -> None:
    _, tab = long_doc
    view = tab.view
    scale = view.render_scale()
    assert scale == pytest.approx(view.px_per_point() * view.devicePixelRatioF())
    image = tab._page_image(0, scale)[0]
    assert image is not None
    assert image.width() == pytest.approx(595 * scale, abs=1)


def test_search_highlights_and_steps_through_hits(qtbot: QtBot,
                                                 long_doc: tuple[MainWindow, DocumentTab]) -> None:
    window, tab = long_doc
    window.find_action.trigger()
    assert tab.find_bar.isVisible() and tab.find_bar.field.hasFocus()
    tab.find_bar.search("kata berulang")
    qtbot.waitUntil(lambda: tab.search_done, timeout=15_000)
    assert [page for page, _ in tab.hits] == [9, 19, 29, 39, 49, 59]
    assert tab.hit_index == 0 and tab.view.current_page == 9
    assert tab.find_bar.status.text() == "Match 1 of 6"
    assert set(tab.view._highlights) == {9, 19, 29, 39, 49, 59}
    window.find_next_action.trigger()
    assert tab.hit_index == 1 and tab.view.current_page == 19
    window.find_previous_action.trigger()
    window.find_previous_action.trigger()
    assert tab.hit_index == 5 and tab.view.current_page == 59  # wraps around
    qtbot.keyClick(tab.find_bar.field, Qt.Key.Key_Escape)
    assert not tab.find_bar.isVisible()
    assert tab.hits == [] and tab.view._highlights == {}


def test_search_for_a_missing_text_says_so(qtbot: QtBot,
                                           long_doc: tuple[MainWindow, DocumentTab]) -> None:
    _, tab = long_doc
    tab.start_find()
    tab.find_bar.search("tidak ada di surat ini")
    qtbot.waitUntil(lambda: tab.search_done, timeout=15_000)
    assert tab.hits == [] and tab.find_bar.status.text() == "Not found"


def test_typing_in_the_search_field_searches(qtbot: QtBot,
                                             long_doc: tuple[MainWindow, DocumentTab]) -> None:
    _, tab = long_doc
    tab.start_find()
    qtbot.keyClicks(tab.find_bar.field, "kata-unik-033")
    qtbot.waitUntil(lambda: tab.search_done and len(tab.hits) == 1, timeout=15_000)
    assert tab.hits[0][0] == 32 and tab.view.current_page == 32
