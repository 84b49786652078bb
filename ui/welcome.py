"""What the window shows with no document open: the logo, an Open button, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.icons import bsre_logo, icon


class WelcomePage(QWidget):
    openRequested = Signal()
    recentRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.logo = QLabel(self)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel(self)
        self.heading.setObjectName("welcomeHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.subtitle = QLabel(self)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.open_button = QPushButton(icon("document-open"), "", self)
        self.open_button.setObjectName("welcomeOpen")
        self.open_button.setDefault(True)
        self.open_button.setMinimumHeight(36)
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.recent_label = QLabel(self)
        self.recent = QListWidget(self)
        self.recent.setObjectName("welcomeRecent")
        self.recent.setMaximumHeight(180)
        self.recent_label.setBuddy(self.recent)
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addStretch(2)
        column.addWidget(self.logo)
        column.addWidget(self.heading)
        column.addWidget(self.subtitle)
        column.addSpacing(12)
        column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.hint)
        column.addSpacing(18)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        column.addStretch(3)
        outer = QVBoxLayout(self)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMinimumWidth(460)
        holder.setMaximumWidth(560)
        outer.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        self.open_button.clicked.connect(self.openRequested)
        self.recent.itemActivated.connect(
            lambda item: self.recentRequested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self._recent_paths: tuple[str, ...] = ()
        self._logo_file = ""
        self.retranslate()

    def set_logo(self, configured: str) -> None:
        self._logo_file = configured
        self.logo.setPixmap(bsre_logo(96, self.devicePixelRatioF(), configured))

    def set_recent(self, paths: tuple[str, ...]) -> None:
        self._recent_paths = paths
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(icon("document-page"), Path(path).name)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))

    def retranslate(self) -> None:
        self.heading.setText("Desktop Signer")
        self.subtitle.setText(self.tr(
            "Sign and verify PDF letters with electronic certificates from BSrE."))
        self.open_button.setText(self.tr("Open a PDF document…"))
        self.open_button.setAccessibleName(self.tr("Open a PDF document"))
        self.hint.setText(self.tr("or drag PDF files into this window"))
        self.recent_label.setText(self.tr("&Recently opened:"))
        self.recent.setAccessibleName(self.tr("Recently opened documents"))
        self.logo.setAccessibleName(self.tr("BSrE logo"))
        self.set_logo(self._logo_file)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
