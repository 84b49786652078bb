"""The signature's outline lands on its widget on a rotated page (90/180/270) and on a
page whose CropBox and MediaBox do not start at 0,0; clicking the widget selects its row.
The truth is where MuPDF draws a red box put in the page content under the widget."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from desktop_signer.render.models import Rect
from tests.gui import validity_helpers as helpers
from tests.gui.conftest import MakeWindow, wait_open, wait_rendered
from tests.gui.test_validity import wait_verified
from tests.gui.validity_helpers import make_pki, red_box_as_displayed, sign, write_turned_letter
from ui.validity.overlay import to_view_rect

pytestmark = pytest.mark.gui

WIDGET = (250.0, 400.0, 350.0, 450.0)  # PDF space of the page (inside the offset CropBox)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> helpers.TestPki:
    return make_pki(tmp_path_factory.mktemp("pki-placement"))


@pytest.mark.parametrize(("rotation", "offset"),
                         [(0, True), (90, True), (180, True), (270, True), (90, False)])
def test_outline_and_click_land_on_the_widget(qtbot: QtBot, make_window: MakeWindow,
                                              tmp_path: Path, pki: helpers.TestPki, rotation: int,
                                              offset: bool) -> None:
    plain = write_turned_letter(tmp_path / f"surat-putar-{rotation}.pdf", rotation, WIDGET,
                                offset)
    signed = sign(plain, tmp_path / f"surat-putar-{rotation}-ttd.pdf", pki, box=WIDGET)
    truth = red_box_as_displayed(signed)  # top-left origin, as displayed
    window = make_window([signed])
    wait_open(qtbot, window)
    v = wait_verified(qtbot, window)
    wait_rendered(qtbot, window)
    tab = window.current_tab()
    assert tab is not None
    assert v.view_model is not None and v.view_model.signatures[0].rect is not None
    height = tab.view.page_size(0).height
    outline = to_view_rect(v.view_model.signatures[0].rect, height)
    assert (outline.x0, outline.y0, outline.x1, outline.y1) == pytest.approx(truth, abs=1.5)

    # selecting the row scrolls to the widget; clicking the widget selects the row
    v.panel.select(0)
    box = tab.view.page_rect_in_view(0, Rect(*truth))
    assert tab.view.viewport().rect().contains(box.center().toPoint())
    v.panel.list.setCurrentRow(-1)
    assert v.panel.current() == -1
    assert v.overlay.widget_at(box.center()) == 0
    assert v.overlay.widget_at(QPointF(box.right() + 25, box.bottom() + 25)) is None
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.center().toPoint())
    assert v.panel.current() == 0
