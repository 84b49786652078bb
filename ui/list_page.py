"""The shape shared by the settings pages that manage a list (token modules, trusted
certificates): an explanation, the list, and add/remove buttons under it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ListPageParts:
    intro: QLabel
    tree: QTreeWidget
    add_button: QPushButton
    remove_button: QPushButton


def build_list_page(page: QWidget, *, tree_name: str, add_name: str, remove_name: str,
                    columns: int = 3) -> ListPageParts:
    """Lay ``page`` out; the remove button starts disabled until something is selected."""
    intro = QLabel(page)
    intro.setWordWrap(True)
    tree = QTreeWidget(page)
    tree.setObjectName(tree_name)
    tree.setColumnCount(columns)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    add_button = QPushButton(page)
    add_button.setObjectName(add_name)
    remove_button = QPushButton(page)
    remove_button.setObjectName(remove_name)
    remove_button.setEnabled(False)
    buttons = QHBoxLayout()
    buttons.addWidget(add_button)
    buttons.addWidget(remove_button)
    buttons.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addWidget(intro)
    layout.addWidget(tree, 1)
    layout.addLayout(buttons)
    return ListPageParts(intro, tree, add_button, remove_button)
