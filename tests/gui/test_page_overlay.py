"""Overlays on the page view: drawn over the page image, and given the mouse first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent, QPainter
from pytestqt.qtbot import QtBot

from desktop_signer.render.models import Rect
from tests.gui.conftest import MakeWindow, wait_open, wait_rendered
from ui.page_view import PageView

pytestmark = pytest.mark.gui


class Recorder:
    def __init__(self, consume: bool) -> None:
        self.consume = consume
        self.painted: list[int] = []
        self.events: list[tuple[QEvent.Type, tuple[int, float, float] | None]] = []

    def paint(self, painter: QPainter, page: int, target: QRectF, scale: float) -> None:
        self.painted.append(page)

    def mouse_event(self, view: PageView, event: QMouseEvent) -> bool:
        self.events.append((event.type(), view.page_point_at(event.position())))
        return self.consume


def test_overlay_paints_and_gets_clicks_in_page_points(
        qtbot: QtBot, make_window: MakeWindow, pdfs: dict[str, Path]) -> None:
    window = make_window([pdfs["letter"]])
    wait_open(qtbot, window)
    wait_rendered(qtbot, window)
    tab = window.current_tab()
    assert tab is not None
    view = tab.view
    below, above = Recorder(consume=False), Recorder(consume=True)
    view.add_overlay(below)
    view.add_overlay(above)
    qtbot.waitUntil(lambda: 0 in above.painted and 0 in below.painted, timeout=5_000)

    box = view.page_rect_in_view(0, Rect(100, 200, 300, 280))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.center().toPoint())
    kinds = [kind for kind, _ in above.events]
    assert QEvent.Type.MouseButtonPress in kinds and QEvent.Type.MouseButtonRelease in kinds
    page, x, y = next(where for kind, where in above.events
                      if kind == QEvent.Type.MouseButtonPress and where is not None)
    assert page == 0 and abs(x - 200) < 2 and abs(y - 240) < 2
    assert below.events == []  # the overlay above consumed every event

    view.remove_overlay(above)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPointF(box.center()).toPoint())
    assert any(kind == QEvent.Type.MouseButtonPress for kind, _ in below.events)
