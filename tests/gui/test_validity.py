"""The validity panel in the real window: every document is verified in the background (in
the verifier's child process), the banner gives the verdict in words, the panel answers the
four questions, the page shows the signature and what changed, the user can trust an issuer
and export the report. Letters are signed here with a PKI of the test's own (and, where the
shared corpus exists, a published shadow attack is opened too)."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.conftest import MakeWindow, wait_open, wait_rendered
from tests.gui.validity_helpers import STAMP_BOX, make_pki, sign, tamper, write_letter
from ui.main_window import MainWindow
from ui.validity.hook import TabValidity
from ui.validity.overlay import to_view_rect

pytestmark = pytest.mark.gui

CORPUS_SHADOW = "attacks/shadow-hide/pdfinsecurity-hide-shadow-file-signed.pdf"


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("surat-ttd")
    pki = make_pki(folder / "pki")
    plain = write_letter(folder / "surat-belum-ditandatangani.pdf")
    signed = sign(plain, folder / "surat-ditandatangani.pdf", pki)
    changed = folder / "surat-diubah-setelah-ttd.pdf"
    tamper(signed, changed)
    return {"plain": plain, "signed": signed, "changed": changed, "root": pki.root_pem}


def trust_root(root: Path) -> None:
    from desktop_signer.trust import import_certificates

    import_certificates([root], scope="user")


def validity(window: MainWindow) -> TabValidity:
    tab = window.current_tab()
    assert tab is not None
    found = getattr(tab, "validity", None)
    assert isinstance(found, TabValidity)
    return found


def wait_verified(qtbot: QtBot, window: MainWindow, runs: int = 1) -> TabValidity:
    v = validity(window)
    qtbot.waitUntil(lambda: v.finished and v.controller.runs >= runs, timeout=60_000)
    return v


def open_verified(qtbot: QtBot, make_window: MakeWindow, path: Path) -> tuple[MainWindow,
                                                                              TabValidity]:
    window = make_window([path])
    wait_open(qtbot, window)
    return window, wait_verified(qtbot, window)


def test_unsigned_letter_says_so_and_keeps_the_panel_closed(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path]) -> None:
    _window, v = open_verified(qtbot, make_window, letters["plain"])
    assert v.banner.tone == "unsigned"
    assert v.banner.title == "This document is not signed"
    assert not v.panel.isVisible()
    assert not v.banner.panel_button.isVisible()
    assert "not signed" in v.banner.announced


def test_untrusted_issuer_is_amber_with_its_reason_then_valid_after_importing_the_root(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path]) -> None:
    window, v = open_verified(qtbot, make_window, letters["signed"])
    assert v.banner.tone == "indeterminate"
    assert v.banner.title == "Validity cannot be established yet"
    assert v.banner.reason == "the certificate's issuer is not trusted"
    assert v.panel.isVisible() and v.panel.list.count() == 1
    who = v.panel.details.answer_labels[0].text()
    assert "Sari Penguji" in who and "not trusted" in who
    assert "Yes, unchanged." in v.panel.details.answer_labels[1].text()
    # an untrusted chain is amber (unknown), never drawn like a change (red)
    assert v.view_model is not None and v.view_model.signatures[0].status == "unknown"

    shown: list[object] = []
    window.dialogShown.connect(shown.append)
    qtbot.mouseClick(v.panel.details.buttons["import_issuer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(d, QFileDialog) for d in shown), timeout=5000)
    dialog = next(d for d in shown if isinstance(d, QFileDialog))
    dialog.selectFile(str(letters["root"]))
    dialog.accept()
    qtbot.waitUntil(lambda: any(isinstance(d, QMessageBox) for d in shown), timeout=10_000)
    box = next(d for d in shown if isinstance(d, QMessageBox))
    assert box.objectName() == "confirmIssuer"
    from desktop_signer.trust import load_certificates, sha256_hex

    sha = sha256_hex(load_certificates(letters["root"])[0]).upper()
    informative = box.informativeText().replace("\n", "").replace(":", "")
    assert sha in informative
    assert "matches no certificate Desktop Signer knows" in box.informativeText()
    runs = v.controller.runs
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: v.controller.runs > runs and v.finished, timeout=60_000)
    assert v.banner.tone == "valid", v.banner.reason
    assert v.banner.title == "All signatures are valid"
    assert "Certificate trusted." in v.panel.details.answer_labels[0].text()


def test_valid_letter_outlines_its_stamp_and_a_click_on_it_selects_the_row(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path]) -> None:
    trust_root(letters["root"])
    window, v = open_verified(qtbot, make_window, letters["signed"])
    assert v.banner.tone == "valid"
    details = v.panel.details
    questions = [a.accessibleName() for a in details.answer_labels]
    assert [q.split("?")[0] for q in questions] == [
        "Who signed", "Is the document unchanged since signing",
        "Does it carry a trusted timestamp", "Can it be validated in the long term (LTV)"]
    assert "No. The time" in details.answer_labels[2].text()  # B-B: no timestamp
    assert details.chain_tree is not None and details.chain_tree.topLevelItemCount() == 1
    assert "signed_version" not in details.buttons  # the signature covers the whole file
    # the widget is outlined where the stamp is, and clicking it selects its row
    wait_rendered(qtbot, window)
    tab = window.current_tab()
    assert tab is not None
    v.panel.list.setCurrentRow(-1)
    assert v.panel.current() == -1
    rect = to_view_rect(STAMP_BOX, tab.view.page_size(0).height)
    tab.view.show_rect(0, rect)
    box = tab.view.page_rect_in_view(0, rect)
    assert v.overlay.widget_at(box.center()) == 0
    assert v.overlay.widget_at(QPointF(box.left() - 30, box.top() - 30)) is None
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.center().toPoint())
    assert v.panel.current() == 0
    # copy details
    qtbot.mouseClick(details.buttons["copy"], Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "Sari Penguji" in copied and "Who signed?" in copied


def test_changed_after_signing_is_red_and_compare_highlights_the_change(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path]) -> None:
    trust_root(letters["root"])
    window, v = open_verified(qtbot, make_window, letters["changed"])
    assert v.banner.tone == "invalid"
    assert v.banner.title == ("A signature is not valid or the document was changed after "
                              "signing")
    assert v.banner.reason == "the document was changed after signing"
    details = v.panel.details
    assert details.answer_labels[1].text() == "NO. The document was changed after signing."
    assert any("What to do:" in label.text() for label in details.finding_labels)
    assert {"compare", "signed_version"} <= set(details.buttons)
    qtbot.mouseClick(details.buttons["compare"], Qt.MouseButton.LeftButton)
    assert v.overlay.comparing
    regions = v.overlay.regions
    assert regions, "the changed amount is highlighted"
    page, (x0, y0, x1, y1), kind = regions[0]
    # tamper() wrote "Rp 9.000.000" at x 72, baseline y 842-210: the region covers it
    assert page == 0 and kind == "content"
    assert x0 <= 80 and x1 >= 150 and y0 <= 632 <= y1
    note = details.compare_note
    assert note is not None and note.isVisible() and "page 1" in note.text()
    qtbot.mouseClick(details.buttons["compare"], Qt.MouseButton.LeftButton)
    assert not v.overlay.comparing

    # the signed version opens read-only in its own tab, labelled with its revision
    qtbot.mouseClick(details.buttons["signed_version"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.document_tabs()) == 2, timeout=10_000)
    wait_open(qtbot, window, 2)
    copy = window.document_tabs()[1]
    assert "revision 2" in copy.title  # the letter was revision 1, signing added 2
    cv = copy.validity  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: cv.finished, timeout=60_000)
    assert cv.banner.title.startswith("Signed version (revision 2, read-only)")
    assert cv.banner.tone == "valid"
    assert not Path(copy.path).stat().st_mode & 0o222  # read-only on disk
    text = pymupdf.open(copy.path)[0].get_text()
    assert "Rp 1.000.000" in text and "Rp 9.000.000" not in text


def test_a_file_changed_on_disk_is_verified_again(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path],
        tmp_path: Path) -> None:
    trust_root(letters["root"])
    path = tmp_path / "surat.pdf"
    path.write_bytes(letters["signed"].read_bytes())
    _window, v = open_verified(qtbot, make_window, path)
    assert v.banner.tone == "valid"
    path.write_bytes(letters["changed"].read_bytes())
    qtbot.waitUntil(lambda: v.controller.runs >= 2 and v.finished, timeout=60_000)
    assert v.banner.tone == "invalid"


def test_exported_report_reads_back_with_file_hash_verdict_and_answers(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "id")
    window, v = open_verified(qtbot, make_window, letters["changed"])
    assert v.banner.title == ("Ada tanda tangan tidak sah atau dokumen diubah setelah "
                              "ditandatangani")
    target = tmp_path / "laporan.pdf"
    window.validity.write_report(v.report, str(target))
    qtbot.waitUntil(target.exists, timeout=30_000)
    text = " ".join(page.get_text() for page in pymupdf.open(target)).replace("\n", " ")
    assert letters["changed"].name in text
    assert v.report.sha256 in text.replace(" ", "")
    assert "Ada tanda tangan tidak sah" in text
    for question in ("Siapa yang menandatangani?",
                     "Apakah dokumen tidak berubah sejak ditandatangani?",
                     "Apakah ada stempel waktu tepercaya?",
                     "Dapatkah divalidasi jangka panjang (LTV)?"):
        assert question in text
    assert "TIDAK. Dokumen diubah setelah ditandatangani." in text
    as_json = tmp_path / "laporan.json"
    window.validity.write_report(v.report, str(as_json))
    qtbot.waitUntil(as_json.exists, timeout=30_000)
    doc = json.loads(as_json.read_text("utf-8"))
    assert doc["verdict"] == "invalid" and doc["language"] == "id"


def test_the_banner_says_checking_before_a_verdict(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path]) -> None:
    window = make_window([letters["signed"]])
    v = validity(window)
    qtbot.waitUntil(lambda: v.banner.isVisible(), timeout=15_000)
    if not v.finished:
        assert v.banner.tone == "verifying"
        assert v.banner.title == "Checking signatures…"
        assert v.banner.reason == ""
    wait_verified(qtbot, window)
    assert v.banner.tone != "verifying"


def test_the_panel_is_reached_by_keyboard(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path]) -> None:
    window, v = open_verified(qtbot, make_window, letters["signed"])
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F8)  # hide
    assert not v.panel.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F8)  # show, focus on the list
    assert v.panel.isVisible()
    assert v.panel.list.hasFocus() or QApplication.focusWidget() is v.panel.list
    assert v.panel.list.accessibleName() == "Signatures in revision order"
    item = v.panel.list.item(0)
    assert "Sari Penguji" in item.data(Qt.ItemDataRole.AccessibleTextRole)
    labels = v.panel.details.answer_labels
    assert all(label.focusPolicy() & Qt.FocusPolicy.TabFocus for label in labels)


def test_a_shadow_attack_from_the_corpus_is_red_and_compare_shows_the_region(
        qtbot: QtBot, make_window: MakeWindow) -> None:
    corpus = _corpus()
    _window, v = open_verified(qtbot, make_window, corpus / CORPUS_SHADOW)
    assert v.banner.tone == "invalid"
    assert "compare" in v.panel.details.buttons
    qtbot.mouseClick(v.panel.details.buttons["compare"], Qt.MouseButton.LeftButton)
    regions = v.overlay.regions
    assert regions and regions[0][0] == 0 and regions[0][2] == "content"
    x0, y0, x1, y1 = regions[0][1]
    assert (x0, y0, x1, y1) == pytest.approx((100.0, 670.0, 428.0, 709.0), abs=3)


def _corpus() -> Path:
    import os

    for candidate in (os.environ.get("DESKTOP_SIGNER_CORPUS"),
                      str(Path(__file__).resolve().parents[2].parent / "shared" / "corpus")):
        if candidate and (Path(candidate) / "expected.json").is_file():
            return Path(candidate)
    pytest.skip("the shared corpus is not here (DESKTOP_SIGNER_CORPUS or ../shared/corpus)")


def test_trusting_a_root_elsewhere_re_verifies_open_documents(
        qtbot: QtBot, make_window: MakeWindow, letters: dict[str, Path]) -> None:
    """A root imported outside the panel (Settings → Trusted certificates writes the same
    folder) is noticed by watching the anchor folder."""
    _window, v = open_verified(qtbot, make_window, letters["signed"])
    assert v.banner.tone == "indeterminate"
    runs = v.controller.runs
    trust_root(letters["root"])
    qtbot.waitUntil(lambda: v.controller.runs > runs and v.finished
                    and v.banner.tone == "valid", timeout=60_000)
