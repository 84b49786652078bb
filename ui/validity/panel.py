"""The signatures panel beside the document: one row per signature and document timestamp
in revision order (icon, signer, time), and the selected one's details below.

Opens by itself for signed files; the banner's button and F8 hide it. Keyboard: the list
takes focus first (arrows choose a signature), Tab continues into the answers and actions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.validity import style
from ui.validity.details import DetailsView

POSITION_ROLE = Qt.ItemDataRole.UserRole


class SignaturesPanel(QWidget):
    selected = Signal(int)  # position in the list (revision order), -1 for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturesPanel")
        self.setMinimumWidth(300)
        self.title = QLabel(self)
        self.title.setObjectName("signaturesTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setContentsMargins(10, 8, 10, 4)
        self.list = QListWidget(self)
        self.list.setObjectName("signatureList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.currentRowChanged.connect(self._row_changed)
        self.details = DetailsView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addWidget(self.details, 1)
        self.setFocusProxy(self.list)
        self._views: tuple[Any, ...] = ()
        self._retranslate()

    @property
    def views(self) -> tuple[Any, ...]:
        return self._views

    def set_signatures(self, views: tuple[Any, ...], keep: int) -> None:
        self._views = views
        self.list.blockSignals(True)
        self.list.clear()
        for position, view in enumerate(views):
            item = QListWidgetItem(style.verdict_icon(view.verdict), "")
            item.setText(f"{view.title}\n{view.kind_word} · {view.verdict_word}")
            item.setData(POSITION_ROLE, position)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{view.kind_word} {position + 1}: {view.title}. {view.verdict_word}")
            item.setToolTip(f"{view.kind_word}: {view.verdict_word}")
            self.list.addItem(item)
        # as tall as its rows (up to five); the details take the rest
        # (the row's own size hint: two text lines beside the icon, whichever is taller, in
        # the current font and scale; a guess from the font alone cut the second line off)
        rows = max(min(len(views), 5), 1)
        row = self.list.sizeHintForRow(0) if views else 0
        row = max(row, self.list.fontMetrics().height() * 2 + 12)
        self.list.setFixedHeight(rows * row + 2 * self.list.frameWidth() + 4)
        self.list.blockSignals(False)
        self._retranslate()
        if views:
            self.list.setCurrentRow(min(max(keep, 0), len(views) - 1))
        else:
            self.details.clear()

    def select(self, position: int) -> None:
        self.list.setCurrentRow(position)

    def current(self) -> int:
        return self.list.currentRow()

    def _row_changed(self, row: int) -> None:
        self.selected.emit(row)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Signatures (%1)").replace("%1", str(len(self._views))))
        self.list.setAccessibleName(self.tr("Signatures in revision order"))
        self.details.setAccessibleName(self.tr("Signature details"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
