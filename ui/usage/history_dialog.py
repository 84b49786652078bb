"""Tools → Signing history: every signing attempt of this computer as a sortable, filterable
table; open a signed document in the window, or its folder in the file manager."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_signer.usage.history import History, HistoryRow, load_history
from ui.message_bar import MessageBar
from ui.tasks import Tasks
from ui.usage import words

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the HistoryRow on the first cell
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = 7


class HistoryFilter(QSortFilterProxyModel):
    """Text in any column, and signed / failed / all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = ""  # "", "signed" or "failed"
        self.text = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter(self, text: str, result: str) -> None:
        if not hasattr(self, "endFilterChange"):  # before Qt 6.10
            self.text, self.result = text.strip().casefold(), result
            self.invalidateFilter()
            return
        self.beginFilterChange()  # Qt 6.10's replacement of invalidateFilter()
        self.text, self.result = text.strip().casefold(), result
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        row: HistoryRow = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if self.result and row.result != self.result:
            return False
        if not self.text:
            return True
        cells = (str(model.index(source_row, c, source_parent).data() or "")
                 for c in range(model.columnCount()))
        return any(self.text in cell.casefold() for cell in cells)


class HistoryDialog(QDialog):
    loaded = Signal()  # the table is filled (tests, screenshots)

    def __init__(self, parent: QWidget | None = None, *,
                 open_document: Callable[[str], None] | None = None,
                 journal_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_document = open_document
        self._journal_path = journal_path
        self.tasks = Tasks(self)
        self.history: History | None = None
        self.message = MessageBar(self)
        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.result_label = QLabel(self)
        self.result_filter = QComboBox(self)
        self.result_filter.setObjectName("historyResult")
        self.result_label.setBuddy(self.result_filter)
        for value in ("", "signed", "failed"):
            self.result_filter.addItem("", value)
        self.model = QStandardItemModel(0, COLUMNS, self)
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("historyOpen")
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("historyFolder")
        self.open_button.clicked.connect(self.open_selected)
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)

        filters = QHBoxLayout()
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 1)
        filters.addSpacing(12)
        filters.addWidget(self.result_label)
        filters.addWidget(self.result_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self._filter)
        self.result_filter.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(1040, 560)
        self.retranslate()
        self._update_buttons()
        self.reload()

    # -- data ---------------------------------------------------------------------------
    def reload(self) -> None:
        path = self._journal_path
        self.tasks.run(lambda: load_history(path), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.show_message("warning", words.journal_problem("journal_unavailable"))
        self.loaded.emit()

    def _show(self, history: History) -> None:
        self.history = history
        self.model.removeRows(0, self.model.rowCount())
        for row in history.rows:
            self.model.appendRow(self._items(row))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self._fit_columns()
        if history.problem:
            self.message.show_message("warning", words.journal_problem(history.problem))
        elif history.set_aside is not None:
            self.message.show_message("warning", self.tr(
                "The signing journal was damaged. It was kept as %1 and a new journal was "
                "started.").replace("%1", str(history.set_aside)))
        self._update_count()
        self.loaded.emit()

    def _items(self, row: HistoryRow) -> list[QStandardItem]:
        def item(text: str, sort: object | None = None) -> QStandardItem:
            cell = QStandardItem(text)
            cell.setData(text.casefold() if sort is None else sort, SORT_ROLE)
            cell.setToolTip(text)
            return cell

        when = item(row.when.strftime("%Y-%m-%d %H:%M"), row.when.isoformat())
        when.setData(row, ROW_ROLE)
        result = item(words.result(row.result, row.error_code))
        if row.result != "signed":
            result.setForeground(Qt.GlobalColor.darkRed)
        output = item(row.output_name)
        if row.output_path:
            output.setToolTip(row.output_path)
        return [when, item(row.input_name), result, item(row.signer or "—"),
                item(row.level), item(words.key_kind(row.key_kind)), output]

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column, most in ((1, 250), (2, 230), (3, 200), (6, 280)):
            header.resizeSection(column, min(header.sectionSize(column), most))

    # -- filtering and selection ----------------------------------------------------------
    def _filter(self) -> None:
        self.table.clearSelection()
        self.proxy.set_filter(self.search.text(), str(self.result_filter.currentData()))
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("%n attempt(s)", "", total)
        else:
            text = self.tr("%1 of %2 attempts shown").replace("%1", str(shown)).replace(
                "%2", str(total))
        self.count_label.setText(text)

    def selected_row(self) -> HistoryRow | None:
        indexes = self.table.selectionModel().selectedRows(0)
        if not indexes:
            return None
        row: HistoryRow = indexes[0].data(ROW_ROLE)
        return row

    def select(self, proxy_row: int) -> None:
        self.table.selectRow(proxy_row)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(row is not None and row.output_exists)
        self.folder_button.setEnabled(row is not None and bool(row.folder)
                                      and Path(row.folder).is_dir())

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.output_exists:
            return
        if self._open_document is not None:
            self._open_document(row.output_path)
        else:
            QDesktopServices.openUrl(QUrl.fromLocalFile(row.output_path))

    def open_folder(self) -> None:
        row = self.selected_row()
        if row is not None and row.folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(row.folder))

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Signing History"))
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Document, signer, reason…"))
        self.result_label.setText(self.tr("&Result:"))
        for index, text in enumerate((self.tr("All"), self.tr("Signed"), self.tr("Failed"))):
            self.result_filter.setItemText(index, text)
        self.model.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Document"), self.tr("Result"), self.tr("Signer"),
            self.tr("Level"), self.tr("Key"), self.tr("Signed file")])
        self.table.setAccessibleName(self.tr("Signing attempts"))
        self.open_button.setText(self.tr("&Open Document"))
        self.open_button.setToolTip(self.tr("Open the signed document in Desktop Signer"))
        self.folder_button.setText(self.tr("Open &Folder"))
        self.folder_button.setToolTip(self.tr("Show the folder of the signed document"))
        if self.history is not None:
            for source_row in range(self.model.rowCount()):
                row = self.model.item(source_row, 0).data(ROW_ROLE)
                for column, item in enumerate(self._items(row)):
                    self.model.setItem(source_row, column, item)
            self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
