"""Tools → Signing History and Tools → Usage Report, driven like a person: the menu, typing
in the search field, the result filter, sorting by a column, opening a signed document, adding
another computer's CSV (and having a wrong one refused), the preview, the exports."""

from __future__ import annotations

import json
import shutil
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop_signer.journal import Journal, JournalEntry
from desktop_signer.usage import COLUMNS, read_csv
from tests.gui.conftest import MakeWindow, wait_open
from ui.main_window import MainWindow
from ui.usage.history_dialog import HistoryDialog
from ui.usage.report_dialog import UsageReportDialog

pytestmark = pytest.mark.gui
THIS_YEAR = datetime.now().year


def pdf_text(data: bytes) -> str:
    with pymupdf.open("pdf", data) as doc:
        return unicodedata.normalize("NFKC", "\n".join(p.get_text() for p in doc))


def entry(when: datetime, name: str, output: Path, result: str = "signed", code: str = "",
          signer: str = "Budi Santoso") -> JournalEntry:
    return JournalEntry(
        time_utc=when.isoformat(timespec="seconds"), input_name=name,
        output_name=output.name, output_path=str(output), output_sha256="ab" * 32,
        cert_subject=f"Common Name: {signer}", cert_serial="1001",
        cert_issuer="Common Name: BSrE Latihan CA", key_kind="pkcs11",
        requested_level="B-LT", level="B-LT" if result == "signed" else "", result=result,
        error_code=code, signer_name=signer)


@pytest.fixture
def journal_rows(tmp_path: Path, pdfs: dict[str, Path]) -> list[Path]:
    """Three attempts of this year: two letters signed (their files exist), a wrong PIN."""
    folder = tmp_path / "Surat Keluar"
    folder.mkdir()
    first = shutil.copy(pdfs["letter"], folder / "undangan_signed.pdf")
    second = shutil.copy(pdfs["letter"], folder / "nota_signed.pdf")
    with Journal() as journal:
        journal.record(entry(datetime(THIS_YEAR, 1, 5, 2, tzinfo=UTC), "undangan.pdf",
                             Path(first)))
        journal.record(entry(datetime(THIS_YEAR, 2, 9, 3, tzinfo=UTC), "nota.pdf",
                             Path(second), signer="Rahmat Hidayat"))
        journal.record(entry(datetime(THIS_YEAR, 2, 10, 3, tzinfo=UTC), "sk.pdf",
                             folder / "sk_signed.pdf", "failed", "pin_incorrect"))
    return [Path(first), Path(second)]


def open_from_tools(qtbot: QtBot, window: MainWindow, action: object) -> object:
    with qtbot.waitSignal(window.dialogShown) as shown:
        window.tools_menu.setActiveAction(action)  # type: ignore[arg-type]
        action.trigger()  # type: ignore[attr-defined]
    return shown.args[0]


def shown_names(dialog: HistoryDialog) -> list[str]:
    return [dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())]


def test_history_filters_sorts_and_opens_a_signed_document(
        qtbot: QtBot, make_window: MakeWindow, journal_rows: list[Path]) -> None:
    window = make_window()
    assert "History" in window.usage_actions.history_action.text()
    assert window.tools_menu.actions()[0] is window.usage_actions.history_action
    dialog = open_from_tools(qtbot, window, window.usage_actions.history_action)
    assert isinstance(dialog, HistoryDialog)
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    assert shown_names(dialog) == ["sk.pdf", "nota.pdf", "undangan.pdf"], "newest first"
    assert dialog.count_label.text() == "3 attempt(s)"
    assert dialog.proxy.index(0, 2).data() == "Failed: Wrong PIN"

    qtbot.keyClicks(dialog.search, "rahmat")
    assert shown_names(dialog) == ["nota.pdf"]
    assert dialog.count_label.text() == "1 of 3 attempts shown"
    dialog.search.clear()

    dialog.result_filter.setFocus()
    qtbot.keyClick(dialog.result_filter, Qt.Key.Key_Down)  # All -> Signed
    assert shown_names(dialog) == ["nota.pdf", "undangan.pdf"]
    qtbot.keyClick(dialog.result_filter, Qt.Key.Key_Down)  # -> Failed
    assert shown_names(dialog) == ["sk.pdf"]
    qtbot.keyClick(dialog.result_filter, Qt.Key.Key_Home)  # -> All

    header = dialog.table.horizontalHeader()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))  # sort by document name
    names = shown_names(dialog)
    assert names in (["nota.pdf", "sk.pdf", "undangan.pdf"],
                     ["undangan.pdf", "sk.pdf", "nota.pdf"])

    failed_row = names.index("sk.pdf")
    dialog.table.selectRow(failed_row)
    assert not dialog.open_button.isEnabled(), "a failed attempt has no signed file"
    assert dialog.folder_button.isEnabled()
    undangan = names.index("undangan.pdf")
    rect = dialog.table.visualRect(dialog.proxy.index(undangan, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    wait_open(qtbot, window)
    assert window.current_tab() is not None
    assert window.current_tab().path == str(journal_rows[0])


def test_history_of_an_empty_journal(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    dialog = open_from_tools(qtbot, window, window.usage_actions.history_action)
    assert isinstance(dialog, HistoryDialog)
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    assert dialog.proxy.rowCount() == 0 and dialog.count_label.text() == "0 attempt(s)"
    assert not dialog.open_button.isEnabled() and not dialog.folder_button.isEnabled()


def answer_file_dialog(qtbot: QtBot, dialog: UsageReportDialog, button: object,
                       path: Path) -> None:
    with qtbot.waitSignal(dialog.fileDialogShown) as shown:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    chooser = shown.args[0]
    assert isinstance(chooser, QFileDialog)
    chooser.selectFile(str(path))
    chooser.accept()


def wait_preview(qtbot: QtBot, dialog: UsageReportDialog) -> None:
    with qtbot.waitSignal(dialog.previewReady, timeout=30_000):
        pass


def test_usage_report_preview_merge_refusal_and_exports(
        qtbot: QtBot, make_window: MakeWindow, journal_rows: list[Path],
        tmp_path: Path, isolated_dirs: dict[str, Path]) -> None:
    window = make_window()
    with qtbot.waitSignal(window.dialogShown) as shown:
        window.usage_actions.report_action.trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, UsageReportDialog)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.page_count() > 0,
                    timeout=30_000)
    qtbot.waitUntil(lambda: all(p.pixmap() is not None and not p.pixmap().isNull()
                                for p in dialog._pages), timeout=30_000)
    assert dialog.year.currentData() == THIS_YEAR
    assert "<b>2</b> documents signed, <b>1</b> failed" in dialog.summary.text()

    other = tmp_path / "pc-sekretariat.csv"
    other.write_text(",".join(COLUMNS) + f"\n{THIS_YEAR},3,Siti Rahayu,1002,BSrE Latihan CA,"
                     "B-LTA,pkcs12,7,1\n", "utf-8")
    answer_file_dialog(qtbot, dialog, dialog.add_csv, other)
    qtbot.waitUntil(lambda: "<b>9</b> documents signed, <b>2</b> failed"
                    in dialog.summary.text(), timeout=30_000)
    assert dialog.csv_list.count() == 1

    wrong = tmp_path / "tahun-lalu.csv"
    wrong.write_text(",".join(COLUMNS) + f"\n{THIS_YEAR - 1},3,Siti,1002,CA,B-LT,pkcs12,7,1\n",
                     "utf-8")
    answer_file_dialog(qtbot, dialog, dialog.add_csv, wrong)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=30_000)
    assert "tahun-lalu.csv" in dialog.message.text and str(THIS_YEAR - 1) in dialog.message.text
    assert not dialog.export_csv.isEnabled(), "no export while a file is refused"
    dialog.csv_list.setCurrentRow(1)
    qtbot.mouseClick(dialog.remove_csv, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.export_csv.isEnabled(), timeout=30_000)

    dialog.local.setFocus()
    qtbot.keyClick(dialog.local, Qt.Key.Key_Space)  # leave this computer's journal out
    qtbot.waitUntil(lambda: "<b>7</b> documents signed" in dialog.summary.text(),
                    timeout=30_000)
    qtbot.keyClick(dialog.local, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "<b>9</b> documents signed" in dialog.summary.text(),
                    timeout=30_000)

    csv_out = tmp_path / "gabungan"
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        answer_file_dialog(qtbot, dialog, dialog.export_csv, csv_out)
    rows = read_csv(csv_out.with_suffix(".csv"), THIS_YEAR)
    assert sum(r.signed for r in rows) == 9 and sum(r.failed for r in rows) == 2

    dialog.agency_field.setFocus()
    qtbot.keyClicks(dialog.agency_field, "Dinas Kominfo Kabupaten Latihan")
    qtbot.keyClick(dialog.agency_field, Qt.Key.Key_Return)  # kept as setting agency.name
    assert window.store.settings.agency.name == "Dinas Kominfo Kabupaten Latihan"
    stored = json.loads((isolated_dirs["config"] / "desktop-signer" / "settings.json")
                        .read_text("utf-8"))
    assert stored["agency.name"] == "Dinas Kominfo Kabupaten Latihan"
    assert "training_mode" not in stored
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    pdf_out = tmp_path / "laporan.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        answer_file_dialog(qtbot, dialog, dialog.export_pdf, pdf_out)
    assert "laporan.pdf" in dialog.message.text
    text = pdf_text(pdf_out.read_bytes())
    assert "Dinas Kominfo Kabupaten Latihan" in text and "BSrE" in text
    assert f"Tahun {THIS_YEAR}" in " ".join(text.split())
    dialog.close()


def test_a_broken_journal_is_set_aside_at_start_and_said(
        qtbot: QtBot, make_window: MakeWindow, isolated_dirs: dict[str, Path]) -> None:
    path = isolated_dirs["data"] / "desktop-signer" / "journal.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"rusak" * 500)
    window = make_window()
    qtbot.waitUntil(lambda: bool(window.usage_actions.journal_notice), timeout=10_000)
    assert "damaged" in window.statusBar().currentMessage()
    assert [p.name for p in path.parent.iterdir() if ".broken-" in p.name]
    with Journal(path) as journal:
        assert journal.available and journal.set_aside is None


def test_menu_entries_follow_the_language(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    assert window.usage_actions.report_action.text() == "&Usage Report…"
    window.translations.apply("id")
    qtbot.waitUntil(lambda: window.usage_actions.report_action.text()
                    == "&Laporan Pemanfaatan…", timeout=5_000)
    assert window.usage_actions.history_action.text() == "&Riwayat Penandatanganan…"
    window.translations.apply("en")
    qtbot.waitUntil(lambda: window.usage_actions.history_action.text()
                    == "Signing &History…", timeout=5_000)
