"""The selected signature in full: first the four agency questions with plain answers
(DESIGN §1), then the chain as a tree, revocation and its source, timestamp authority,
PAdES level, algorithms, coverage, changes after signing, certification, and every finding
with its message and what to do. Words come from the core (``desktop_signer.reports``), the
same ones the exported report prints; headings are translated here.

Every answer is a label that takes keyboard focus (Tab walks through them) and carries its
question and answer as its accessible name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.validity import style

SELECTABLE = (Qt.TextInteractionFlag.TextSelectableByMouse
              | Qt.TextInteractionFlag.TextSelectableByKeyboard)


def _colour(label: QLabel, colour: str) -> None:
    """Text colour by palette: a style sheet per label costs a style of its own (a panel
    has dozens of labels; re-polishing them made showing a signature slow)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


def _label(text: str, parent: QWidget, *, bold: bool = False, focus: bool = False,
           name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    if focus:
        label.setTextInteractionFlags(SELECTABLE)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if name:
        label.setAccessibleName(name)
    return label


class DetailsView(QScrollArea):
    """Shows one signature (``show_signature``) or nothing (``clear``)."""

    actionRequested = Signal(str)  # signed_version / compare / import_issuer / online / copy

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureDetails")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._content = QWidget(self)
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(10, 8, 10, 10)
        self._layout.setSpacing(6)
        self.setWidget(self._content)
        self.answer_labels: list[QLabel] = []
        self.finding_labels: list[QLabel] = []
        self.buttons: dict[str, QPushButton] = {}
        self.chain_tree: QTreeWidget | None = None
        self.compare_note: QLabel | None = None

    def set_compare_note(self, pages: list[int] | None) -> None:
        """Say what the highlighting means while compare mode is on (None: off)."""
        if self.compare_note is None:
            return
        if pages is None:
            self.compare_note.hide()
            return
        self.compare_note.setText(self.tr(
            "Outlined in red: what changed since this signature was made (page %1). "
            "Open the signed version to see what was signed.").replace(
                "%1", ", ".join(str(p) for p in pages)))
        self.compare_note.show()

    def clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
            elif item is not None and item.layout() is not None:
                self._clear_layout(item.layout())
        self.answer_labels, self.finding_labels, self.buttons = [], [], {}
        self.chain_tree = None
        self.compare_note = None

    def _clear_layout(self, layout: Any) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _heading(self, text: str) -> None:
        label = _label(text, self._content, bold=True)
        label.setContentsMargins(0, 6, 0, 0)
        self._layout.addWidget(label)

    def _status_row(self, status: str, text: str, name: str, *, focus: bool = True,
                    grid: QGridLayout | None = None, row: int = 0) -> QLabel:
        icon = QLabel(self._content)
        icon.setPixmap(style.status_pixmap(status, 16))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        label = _label(text, self._content, focus=focus, name=name)
        if status in ("bad", "unknown", "note"):
            _colour(label, style.foreground(style.STATUS_TONE[status]))
        if grid is None:
            box = QHBoxLayout()
            box.setSpacing(6)
            box.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            box.addWidget(label, 1)
            self._layout.addLayout(box)
        else:
            grid.addWidget(icon, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
        return label

    def show_signature(self, model: Any, available: set[str]) -> None:
        """``model`` is a :class:`ui.validity.view_model.SignatureView`; ``available`` the
        actions that apply to it."""
        self.clear()
        title = _label(model.title, self._content, bold=True, focus=True,
                       name=model.kind_word + ": " + model.title)
        self._layout.addWidget(title)
        self._status_row(model.status, model.verdict_word,
                         self.tr("Verdict: %1").replace("%1", model.verdict_word))
        # the four questions
        for answer in model.answers:
            question = _label(answer.question, self._content, bold=True)
            question.setContentsMargins(0, 4, 0, 0)
            self._layout.addWidget(question)
            label = self._status_row(answer.status, answer.answer,
                                     f"{answer.question} {answer.answer}")
            self.answer_labels.append(label)
        self._actions(available)
        # findings first among the details: what to do is what a reviewer needs next
        if model.findings:
            self._heading(self.tr("Notes"))
            what_to_do = self.tr("What to do:")
            for f in model.findings:
                text = f.message + (f"\n{what_to_do} {f.what_to_do}" if f.what_to_do else "")
                self.finding_labels.append(self._status_row(f.status, text, text))
        self._heading(self.tr("Certificate chain"))
        if model.chain:
            self.chain_tree = self._chain(model)
            self._layout.addWidget(self.chain_tree)
        else:
            self._layout.addWidget(_label(model.no_chain_text, self._content, focus=True))
        self._heading(self.tr("Details"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for row, detail in enumerate(model.details):
            label = _label(detail.label, self._content)
            _colour(label, "#5f6368")
            value = _label(detail.value, self._content, focus=True,
                           name=f"{detail.label}: {detail.value}")
            if detail.status in ("bad", "unknown", "note"):
                _colour(value, style.foreground(style.STATUS_TONE[detail.status]))
            grid.addWidget(label, row * 2, 0, 1, 2)
            grid.addWidget(value, row * 2 + 1, 0, 1, 2)
        self._layout.addLayout(grid)
        self._layout.addStretch(1)
        self.verticalScrollBar().setValue(0)

    def _chain(self, model: Any) -> QTreeWidget:
        tree = QTreeWidget(self._content)
        tree.setObjectName("chainTree")
        tree.setHeaderHidden(True)
        tree.setColumnCount(1)
        tree.setAccessibleName(self.tr("Certificate chain"))
        tree.setRootIsDecorated(True)
        tree.setWordWrap(True)
        parent: QTreeWidget | QTreeWidgetItem = tree
        for row in model.chain:
            item = QTreeWidgetItem(parent, [f"{row.subject}\n{row.state}, {row.validity}"])
            item.setIcon(0, style.status_icon(row.status))
            item.setToolTip(0, self.tr("SHA-256 fingerprint: %1").replace("%1", row.sha256))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                         f"{row.subject}, {row.state}, {row.validity}")
            parent = item
        tree.expandAll()
        rows = max(len(model.chain), 1)
        tree.setFixedHeight(rows * (tree.fontMetrics().height() * 2 + 10) + 8)
        return tree

    def _actions(self, available: set[str]) -> None:
        names = {
            "import_issuer": self.tr("Trust the issuer…"),
            "online": self.tr("Check again online"),
            "signed_version": self.tr("View signed version"),
            "compare": self.tr("Compare"),
            "copy": self.tr("Copy details"),
            "export": self.tr("Export report…"),
        }
        tips = {
            "import_issuer": self.tr("Import the issuer's root or CA certificate from a file, "
                                     "compare its SHA-256, then verify again"),
            "online": self.tr("Ask the certificate authority for the revocation status now"),
            "signed_version": self.tr("Open the exact revision this signature signed, "
                                      "read-only, in its own tab"),
            "compare": self.tr("Highlight what changed on the pages since this signature "
                               "was made"),
            "copy": self.tr("Copy this signature's details as text"),
            "export": self.tr("Save the validation report of this document as PDF or JSON"),
        }
        grid = QGridLayout()
        grid.setSpacing(4)
        shown = [name for name in names if name in available]
        for index, name in enumerate(shown):
            button = QPushButton(names[name], self._content)
            button.setObjectName(f"validity_{name}")
            button.setToolTip(tips[name])
            button.setCheckable(name == "compare")
            button.clicked.connect(lambda _checked=False, n=name: self.actionRequested.emit(n))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[name] = button
        if shown:
            self._layout.addSpacing(4)
            self._layout.addLayout(grid)
        if "compare" in shown:
            self.compare_note = _label("", self._content, focus=True)
            self.compare_note.setObjectName("compareNote")
            _colour(self.compare_note, "#b91c1c")
            self.compare_note.hide()
            self._layout.addWidget(self.compare_note)
