"""Tools → Usage report: the yearly report an agency sends BSrE (PKS Pasal 4 ayat 1 huruf
g). Pick the year, add other computers' CSV files, look at the PDF as it will be sent
(its pages rendered by the rendering process, like any document), export CSV or PDF.

The counting and the PDF are the core's (``desktop_signer.usage``); this dialog only asks
for them off the GUI thread and shows the result."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_signer.errors import DesktopSignerError
from desktop_signer.usage.history import load_history
from desktop_signer.usage.model import ReportInfo, UsageReport
from desktop_signer.usage.service import Preview, export, make_preview, make_report
from ui.message_bar import MessageBar
from ui.render_service import RenderService
from ui.settings_fields import locked_tooltip
from ui.settings_store import SettingsStore
from ui.tasks import Tasks
from ui.usage import words

PREVIEW_WIDTH = 520  # logical pixels of a page in the preview
A4_WIDTH_PT = 595.0


class UsageReportDialog(QDialog):
    previewReady = Signal()  # every page of the current preview is shown
    fileDialogShown = Signal(object)  # tests and screenshots answer the file chooser
    exported = Signal(str)

    def __init__(self, service: RenderService, store: SettingsStore | None = None,
                 parent: QWidget | None = None, *, journal_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageReportDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.service = service
        self.store = store
        self.agency = store.settings.agency.name if store is not None else ""
        self._journal_path = journal_path
        self.tasks = Tasks(self)
        self.report: UsageReport | None = None
        self._preview: Preview | None = None
        self._doc: int | None = None
        self._pages: list[QLabel] = []
        self._waiting: set[int] = set()
        self._generation = 0

        self.message = MessageBar(self)
        self.agency_label = QLabel(self)
        self.agency_field = QLineEdit(self.agency, self)
        self.agency_field.setObjectName("reportAgency")
        self.agency_field.setCursorPosition(0)  # a long name shows its beginning
        self.agency_label.setBuddy(self.agency_field)
        if store is not None and store.is_locked("agency.name"):
            self.agency_field.setReadOnly(True)
            self.agency_field.setToolTip(locked_tooltip())
        self.year_label = QLabel(self)
        self.year = QComboBox(self)
        self.year.setObjectName("reportYear")
        self.year_label.setBuddy(self.year)
        this_year = date.today().year
        for year in range(this_year, this_year - 6, -1):
            self.year.addItem(str(year), year)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        self.language.setObjectName("reportLanguage")
        self.language_label.setBuddy(self.language)
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.local = QCheckBox(self)
        self.local.setObjectName("reportLocal")
        self.local.setChecked(True)
        self.sources = QGroupBox(self)
        self.csv_list = QListWidget(self.sources)
        self.csv_list.setObjectName("reportCsvList")
        self.csv_list.setMinimumHeight(120)
        self.csv_list.setMaximumHeight(220)
        self.add_csv = QPushButton(self.sources)
        self.add_csv.setObjectName("reportAddCsv")
        self.remove_csv = QPushButton(self.sources)
        self.remove_csv.setObjectName("reportRemoveCsv")
        self.csv_hint = QLabel(self.sources)
        self.csv_hint.setObjectName("reportCsvHint")
        self.csv_hint.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.pages_holder = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages_holder)
        self.pages_layout.setSpacing(12)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("reportPreview")
        self.scroll.setWidget(self.pages_holder)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setStyleSheet("QScrollArea#reportPreview { background: #6d7480; }"
                                  " QScrollArea#reportPreview > QWidget > QWidget"
                                  " { background: #6d7480; }")
        self.scroll.setMinimumWidth(PREVIEW_WIDTH + 48)

        self.export_csv = QPushButton(self)
        self.export_csv.setObjectName("reportExportCsv")
        self.export_pdf = QPushButton(self)
        self.export_pdf.setObjectName("reportExportPdf")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.export_csv, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_pdf, QDialogButtonBox.ButtonRole.ActionRole)

        form = QFormLayout()
        form.addRow(self.agency_label, self.agency_field)
        form.addRow(self.year_label, self.year)
        form.addRow(self.language_label, self.language)
        source_layout = QVBoxLayout(self.sources)
        source_layout.addWidget(self.local)
        source_layout.addWidget(self.csv_hint)
        source_layout.addWidget(self.csv_list, 1)
        csv_buttons = QHBoxLayout()
        csv_buttons.addWidget(self.add_csv)
        csv_buttons.addWidget(self.remove_csv)
        csv_buttons.addStretch(1)
        source_layout.addLayout(csv_buttons)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.sources)
        side.addWidget(self.summary)
        side.addStretch(1)
        side_widget = QWidget(self)
        side_widget.setLayout(side)
        side_widget.setMinimumWidth(330)
        side_widget.setMaximumWidth(420)
        body = QHBoxLayout()
        body.addWidget(side_widget)
        body.addWidget(self.scroll, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.agency_field.editingFinished.connect(self._agency_changed)
        self.year.currentIndexChanged.connect(self.refresh)
        self.language.currentIndexChanged.connect(self.refresh)
        self.local.toggled.connect(self.refresh)
        self.add_csv.clicked.connect(self.choose_csv)
        self.remove_csv.clicked.connect(self._remove_selected)
        self.csv_list.itemSelectionChanged.connect(self._update_buttons)
        self.export_csv.clicked.connect(lambda: self.choose_export("csv"))
        self.export_pdf.clicked.connect(lambda: self.choose_export("pdf"))
        service.opened.connect(self._opened)
        service.rendered.connect(self._rendered)
        service.failed.connect(self._render_failed)
        self.finished.connect(self._cleanup)
        self.resize(1080, 780)
        self.year.setFocus()
        self.retranslate()
        self._update_buttons()
        self._pick_year()

    # -- inputs ---------------------------------------------------------------------------
    def _pick_year(self) -> None:
        """The newest year the journal has rows of; in January and February last year
        (whose report is due then) when it has rows; else this year."""
        path = self._journal_path

        def chosen(years: list[int]) -> None:
            today = date.today()
            if today.month <= 2 and today.year - 1 in years:
                years = [today.year - 1]  # early in the year: last year's report is due
            for year in years:
                index = self.year.findData(year)
                if index >= 0:
                    with _blocked(self.year):
                        self.year.setCurrentIndex(index)
                    break
            self.refresh()

        self.tasks.run(lambda: load_history(path).years(), chosen, lambda _e: self.refresh())

    def _agency_changed(self) -> None:
        """The agency's name is a setting (``agency.name``): kept for next year's report."""
        name = self.agency_field.text().strip()
        if name == self.agency:
            return
        self.agency = name
        store = self.store
        if store is not None and not store.is_locked("agency.name"):
            current = store.loaded.settings  # not the first run's session training mode
            try:
                store.save(replace(current, agency=replace(current.agency, name=name)))
            except DesktopSignerError:
                self.message.show_message("warning", self.tr(
                    "The agency's name could not be saved in the settings; it is used for "
                    "this report only."))
        self.refresh()

    def workstation_files(self) -> list[Path]:
        return [Path(self.csv_list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.csv_list.count())]

    def add_workstation_files(self, paths: list[str]) -> None:
        known = {str(p) for p in self.workstation_files()}
        for raw in paths:
            path = str(Path(raw).absolute())
            if path in known:
                continue
            item = QListWidgetItem(Path(path).name, self.csv_list)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            known.add(path)
        self.refresh()

    def choose_csv(self) -> None:
        dialog = QFileDialog(self, self.tr("Add other computers' reports"), str(Path.home()),
                             self.tr("CSV files (*.csv *.CSV);;All files (*)"))
        dialog.setObjectName("reportCsvDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self.add_workstation_files)
        dialog.open()
        self.fileDialogShown.emit(dialog)

    def _remove_selected(self) -> None:
        for item in self.csv_list.selectedItems():
            self.csv_list.takeItem(self.csv_list.row(item))
        self.refresh()

    def _update_buttons(self) -> None:
        self.remove_csv.setEnabled(bool(self.csv_list.selectedItems()))
        ready = self.report is not None
        self.export_csv.setEnabled(ready)
        self.export_pdf.setEnabled(ready)

    def info(self) -> ReportInfo:
        language = "en" if self.language.currentData() == "en" else "id"
        logo = self.store.settings.profile.bsre_logo if self.store is not None else ""
        return ReportInfo(agency=self.agency, language=language,
                          logo=Path(logo) if logo else None)

    # -- building the report and its preview ----------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        year = int(self.year.currentData())
        files = self.workstation_files()
        local = self.local.isChecked()
        info = self.info()
        path = self._journal_path
        self.summary.setText(self.tr("Counting…"))

        def build() -> Preview:
            return make_preview(make_report(year, files, local, path), info)

        self.tasks.run(build, lambda p: self._built(generation, p),
                       lambda e: self._build_failed(generation, e))

    def _build_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.report = None
        if isinstance(error, DesktopSignerError) and error.code.startswith("csv_"):
            text = words.csv_refused(error.code, error.params)
        else:
            text = self.tr("The report could not be made: %1").replace("%1", str(error))
        self.message.show_message("warning", text)
        self.summary.setText("")
        self._update_buttons()

    def _built(self, generation: int, preview: Preview) -> None:
        if generation != self._generation:
            preview.pdf.unlink(missing_ok=True)
            return
        self.message.hide()
        self._drop_preview()
        self._preview = preview
        self.report = preview.report
        report = preview.report
        self.summary.setText(
            "<p>" + self.tr("<b>%1</b> documents signed, <b>%2</b> failed attempts, "
                            "%3 certificate(s).")
            .replace("%1", str(report.signed)).replace("%2", str(report.failed))
            .replace("%3", str(report.certificates_used)) + "</p>")
        self._update_buttons()
        self._doc = self.service.new_document_id()
        self.service.open(self._doc, str(preview.pdf))

    def _opened(self, doc: int, info: object) -> None:
        if doc != self._doc:
            return
        count = int(getattr(info, "page_count", 1))
        for label in self._pages:
            label.deleteLater()
        self._pages = []
        for _ in range(count):
            label = QLabel(self.pages_holder)
            label.setObjectName("reportPage")
            label.setFixedSize(PREVIEW_WIDTH, round(PREVIEW_WIDTH * 842 / A4_WIDTH_PT))
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._pages.append(label)
        self._waiting = set(range(count))
        scale = PREVIEW_WIDTH / A4_WIDTH_PT * self.devicePixelRatioF()
        self.service.want_pages(doc, scale, list(range(count)))

    def _rendered(self, doc: int, kind: str, requested: float, page: int,
                  image: QImage) -> None:
        if doc != self._doc or kind != "page" or page >= len(self._pages):
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        label = self._pages[page]
        label.setFixedSize(round(image.width() / self.devicePixelRatioF()),
                           round(image.height() / self.devicePixelRatioF()))
        label.setPixmap(pixmap)
        label.setAccessibleName(self.tr("Report page %1").replace("%1", str(page + 1)))
        self._waiting.discard(page)
        if not self._waiting:
            self.previewReady.emit()

    def _render_failed(self, doc: int, op: str, error: object) -> None:
        if doc == self._doc:
            self.message.show_message("warning", self.tr(
                "The preview could not be shown; the report can still be exported."))

    def page_count(self) -> int:
        return len(self._pages)

    def _drop_preview(self) -> None:
        if self._doc is not None:
            self.service.close_document(self._doc)
            self._doc = None
        if self._preview is not None:
            self._preview.pdf.unlink(missing_ok=True)
            self._preview = None

    def _cleanup(self) -> None:
        self._drop_preview()
        for signal, slot in ((self.service.opened, self._opened),
                             (self.service.rendered, self._rendered),
                             (self.service.failed, self._render_failed)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    # -- export ---------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        if self.report is None:
            return
        year = self.report.year
        name = f"laporan-pemanfaatan-{year}.{fmt}"
        title = self.tr("Export the report as CSV") if fmt == "csv" else \
            self.tr("Export the report as PDF")
        pattern = self.tr("CSV files (*.csv)") if fmt == "csv" else \
            self.tr("PDF documents (*.pdf)")
        dialog = QFileDialog(self, title, str(Path.home() / name), pattern)
        dialog.setObjectName("reportExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(fmt)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), fmt))
        dialog.open()
        self.fileDialogShown.emit(dialog)

    def export_to(self, path: Path, fmt: str) -> None:
        report = self.report
        if report is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        info = self.info()
        self.tasks.run(lambda: export(report, path, info), self._exported, self._export_failed)

    def _exported(self, path: Path) -> None:
        self.message.show_message("info", self.tr("The report was saved as %1.").replace(
            "%1", str(path)))
        self.exported.emit(str(path))

    def _export_failed(self, error: BaseException) -> None:
        detail = error.detail if isinstance(error, DesktopSignerError) else str(error)
        self.message.show_message("warning", self.tr(
            "The report was not saved: %1").replace("%1", detail))

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Usage Report"))
        self.agency_label.setText(self.tr("A&gency:"))
        self.agency_field.setPlaceholderText(self.tr("Name of the agency, as in the PKS"))
        self.year_label.setText(self.tr("&Year:"))
        self.language_label.setText(self.tr("Report &language:"))
        self.sources.setTitle(self.tr("Counted"))
        self.local.setText(self.tr("This computer's signing &journal"))
        self.csv_list.setAccessibleName(self.tr("Reports of other computers"))
        self.csv_hint.setText(self.tr(
            "Reports of other computers (CSV files of the same year, exported there with "
            "Export CSV) are added in:"))
        self.csv_list.setToolTip(self.tr(
            "CSV reports of the same year exported on other computers; they are added in"))
        self.add_csv.setText(self.tr("&Add CSV…"))
        self.remove_csv.setText(self.tr("&Remove"))
        self.export_csv.setText(self.tr("Export &CSV…"))
        self.export_pdf.setText(self.tr("Export &PDF…"))
        self.scroll.setAccessibleName(self.tr("Report preview"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


@contextlib.contextmanager
def _blocked(widget: QWidget):  # type: ignore[no-untyped-def]
    previous = widget.blockSignals(True)
    try:
        yield
    finally:
        widget.blockSignals(previous)
