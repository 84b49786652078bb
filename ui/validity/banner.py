"""The strip above the document: the file's verdict in icon, words and colour.

Green "all signatures valid", amber "validity cannot be established" with the main reason,
red "a signature is invalid or the document was changed", grey "not signed", and, while
the check runs, "checking signatures…" with no verdict at all. When a verdict arrives a
screen reader is told (an accessibility alert with the banner's text).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.validity import style


class ValidityBanner(QFrame):
    panelToggled = Signal(bool)
    recheckRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("validityBanner")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.tone = "verifying"
        self._reason = ""
        self._count = 0
        self._revision_label = ""
        self.announced = ""  # the last text given to screen readers
        self.icon_label = QLabel(self)
        self.icon_label.setObjectName("validityIcon")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("validityTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("validityReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.panel_button = QPushButton(self)
        self.panel_button.setObjectName("validityPanelButton")
        self.panel_button.setCheckable(True)
        self.panel_button.toggled.connect(self.panelToggled)
        self.recheck_button = QPushButton(self)
        self.recheck_button.setObjectName("validityRecheckButton")
        self.recheck_button.clicked.connect(self.recheckRequested)
        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(self.title_label)
        texts.addWidget(self.reason_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        layout.addWidget(self.panel_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._apply()

    # --- states -------------------------------------------------------------------------

    def show_verifying(self) -> None:
        self._set("verifying", "", self._count, announce=False)

    def show_result(self, tone: str, reason: str, count: int) -> None:
        self._set(tone, reason, count, announce=True)

    def set_revision_label(self, text: str) -> None:
        """For a tab that shows a signed revision: said before the verdict."""
        self._revision_label = text
        self._apply()

    def _set(self, tone: str, reason: str, count: int, announce: bool) -> None:
        self.tone, self._reason, self._count = tone, reason, count
        self._apply()
        if announce:
            self._announce()

    def _announce(self) -> None:
        """Tell a screen reader the verdict (Qt 6.8+ has announcements; else an alert)."""
        self.announced = self.accessibleDescription()
        try:
            from PySide6.QtGui import QAccessibleAnnouncementEvent

            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, self.announced))
        except ImportError:
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    @property
    def title(self) -> str:
        return self.title_label.text()

    @property
    def reason(self) -> str:
        return self.reason_label.text()

    def _title_for(self, tone: str) -> str:
        return {
            "verifying": self.tr("Checking signatures…"),
            "valid": self.tr("All signatures are valid"),
            "indeterminate": self.tr("Validity cannot be established yet"),
            "invalid": self.tr("A signature is not valid or the document was changed "
                               "after signing"),
            "unsigned": self.tr("This document is not signed"),
            "unreadable": self.tr("The signatures could not be checked"),
        }.get(tone, tone)

    def _apply(self) -> None:
        background, foreground = style.TONES.get(self.tone, style.TONES["unsigned"])
        self.setStyleSheet(
            f"QFrame#validityBanner {{ background: {background}; border-bottom: 2px solid "
            f"{foreground}; }} QFrame#validityBanner QLabel {{ color: {foreground}; }}")
        side = 22
        self.icon_label.setPixmap(style.verdict_pixmap(self.tone, side))
        title = self._title_for(self.tone)
        if self._revision_label:
            title = f"{self._revision_label} — {title}"
        self.title_label.setText(title)
        self.reason_label.setText(self._reason)
        self.reason_label.setVisible(bool(self._reason))
        signed = self.tone not in ("unsigned", "verifying", "unreadable") or self._count > 0
        self.panel_button.setVisible(signed)
        self.panel_button.setText(self.tr("Signatures (%1)").replace("%1", str(self._count)))
        self.panel_button.setToolTip(self.tr("Show or hide the signatures panel (F8)"))
        self.recheck_button.setText(self.tr("Check again"))
        self.recheck_button.setToolTip(self.tr("Verify the signatures again"))
        self.recheck_button.setEnabled(self.tone != "verifying")
        words = title + (f". {self._reason}" if self._reason else "")
        self.setAccessibleName(self.tr("Signature status"))
        self.setAccessibleDescription(words)
        self.icon_label.setAccessibleName(words)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._apply()
        super().changeEvent(event)
