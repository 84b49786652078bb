"""The signing panel beside the pages: who signs, what the stamp says, where it goes, the
level and the signature's reason and location; "Sign" and "Cancel"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_signer.appearance import PRESETS
from desktop_signer.signing import LEVELS
from ui.message_bar import MessageBar


class SigningPanel(QWidget):
    signRequested = Signal()
    cancelRequested = Signal()
    changeIdentityRequested = Signal()
    batchRequested = Signal()
    fieldsChanged = Signal()
    presetChosen = Signal(str)
    markerRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signingPanel")
        self.setMinimumWidth(300)
        self.setMaximumWidth(420)
        # the form scrolls on a small screen; "Sign" and "Cancel" stay in view below it
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self.scroll)
        self.scroll.setWidget(body)
        self.warning_bar = MessageBar(body)
        self.status_bar = MessageBar(body)
        self.identity_label = QLabel(body)
        self.identity_label.setObjectName("panelIdentity")
        self.identity_label.setWordWrap(True)
        self.change_button = QPushButton(body)
        self.change_button.setObjectName("changeIdentity")
        self.title_edit = QLineEdit(body)
        self.title_edit.setObjectName("stampTitle")
        self.name_edit = QLineEdit(body)
        self.name_edit.setObjectName("stampName")
        self.nip_edit = QLineEdit(body)
        self.nip_edit.setObjectName("stampNip")
        self.place_edit = QLineEdit(body)
        self.place_edit.setObjectName("stampPlace")
        self.preset_combo = QComboBox(body)
        self.preset_combo.setObjectName("stampPreset")
        self.marker_button = QPushButton(body)
        self.marker_button.setObjectName("stampAtMarker")
        self.position_label = QLabel(body)
        self.position_label.setObjectName("stampPosition")
        self.position_label.setWordWrap(True)
        self.position_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.level_combo = QComboBox(body)
        self.level_combo.setObjectName("signLevel")
        for level in LEVELS:
            self.level_combo.addItem(level, level)
        self.reason_edit = QLineEdit(body)
        self.reason_edit.setObjectName("signReason")
        self.location_edit = QLineEdit(body)
        self.location_edit.setObjectName("signLocation")
        self.footer_check = QCheckBox(body)
        self.footer_check.setObjectName("signFooter")
        self.sign_button = QPushButton(body)
        self.sign_button.setObjectName("signNow")
        self.sign_button.setDefault(True)
        self.batch_button = QPushButton(body)
        self.batch_button.setObjectName("signBatch")
        self.cancel_button = QPushButton(body)
        self.cancel_button.setObjectName("cancelSigning")

        self.who_box = QGroupBox(body)
        who = QVBoxLayout(self.who_box)
        who.addWidget(self.identity_label)
        who.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.stamp_box = QGroupBox(body)
        stamp = QFormLayout(self.stamp_box)
        stamp.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title_label, self.name_label = QLabel(body), QLabel(body)
        self.nip_label, self.place_label = QLabel(body), QLabel(body)
        self.preset_label = QLabel(body)
        for label, field in ((self.title_label, self.title_edit),
                             (self.name_label, self.name_edit),
                             (self.nip_label, self.nip_edit),
                             (self.place_label, self.place_edit),
                             (self.preset_label, self.preset_combo)):
            label.setBuddy(field)
            stamp.addRow(label, field)
        stamp.addRow(self.marker_button)
        stamp.addRow(self.position_label)
        self.sig_box = QGroupBox(body)
        sig = QFormLayout(self.sig_box)
        sig.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.level_label, self.reason_label = QLabel(body), QLabel(body)
        self.location_label = QLabel(body)
        for label, field in ((self.level_label, self.level_combo),
                             (self.reason_label, self.reason_edit),
                             (self.location_label, self.location_edit)):
            label.setBuddy(field)
            sig.addRow(label, field)
        sig.addRow(self.footer_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(body)
        layout.addWidget(self.warning_bar)
        layout.addWidget(self.status_bar)
        layout.addWidget(self.who_box)
        layout.addWidget(self.stamp_box)
        layout.addWidget(self.sig_box)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 6, 6)
        outer.addWidget(self.scroll, 1)
        outer.addLayout(buttons)
        outer.addWidget(self.batch_button)
        self.warning_bar.hide()
        self.status_bar.hide()

        self.sign_button.clicked.connect(self.signRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.change_button.clicked.connect(self.changeIdentityRequested)
        self.batch_button.clicked.connect(self.batchRequested)
        self.marker_button.clicked.connect(self.markerRequested)
        self.preset_combo.activated.connect(
            lambda i: self.presetChosen.emit(str(self.preset_combo.itemData(i))))
        for edit in (self.title_edit, self.name_edit, self.nip_edit, self.place_edit):
            edit.textEdited.connect(lambda _t: self.fieldsChanged.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.who_box.setTitle(self.tr("Signer"))
        self.stamp_box.setTitle(self.tr("Stamp"))
        self.sig_box.setTitle(self.tr("Signature"))
        self.change_button.setText(self.tr("C&hange certificate…"))
        self.title_label.setText(self.tr("&Position (jabatan):"))
        self.name_label.setText(self.tr("&Name:"))
        self.nip_label.setText(self.tr("NI&P:"))
        self.place_label.setText(self.tr("Pl&ace:"))
        self.preset_label.setText(self.tr("P&lace stamp:"))
        names = {
            "bottom-right": self.tr("Bottom right"), "bottom-left": self.tr("Bottom left"),
            "bottom-center": self.tr("Bottom centre"), "top-right": self.tr("Top right"),
            "top-left": self.tr("Top left"),
        }
        current = self.preset_combo.currentIndex()
        self.preset_combo.clear()
        for preset in PRESETS:
            self.preset_combo.addItem(names.get(preset, preset), preset)
        self.preset_combo.setCurrentIndex(max(current, 0))
        self.marker_button.setText(self.tr("At the &marker “#”"))
        self.level_label.setText(self.tr("&Level:"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.location_label.setText(self.tr("L&ocation:"))
        self.footer_check.setText(self.tr("Add the &footer note"))
        self.sign_button.setText(self.tr("&Sign"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.batch_button.setText(self.tr("Sign several &files like this…"))
        self.setAccessibleName(self.tr("Signing"))
        self.position_label.setToolTip(self.tr("Drag the stamp on the page, or use the "
                                               "arrow keys (Shift+arrows: size)."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def level(self) -> str:
        return str(self.level_combo.currentData())

    def set_level(self, level: str) -> None:
        index = self.level_combo.findData(level)
        if index >= 0:
            self.level_combo.setCurrentIndex(index)
