"""The plain form pages of the settings dialog: general, timestamp, signer profile, signing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.settings_fields import (
    Field,
    check_field,
    choice_field,
    line_field,
    number_field,
    text_field,
)

PADES_LEVELS = ("B-B", "B-T", "B-LT", "B-LTA")


class Page(QWidget):
    """A settings page: a form whose fields the dialog loads, locks and saves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: list[Field] = []
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _row(self, widget: QWidget) -> QLabel:
        label = QLabel(self)
        label.setBuddy(widget)
        label.setWordWrap(True)
        self.form.addRow(label, widget)
        return label

    def _option(self, box: QCheckBox) -> QLabel:
        """A checkbox with a short label and, below it, a wrapped explanation."""
        note = self._note()
        self.form.addRow(box)
        self.form.addRow(note)
        note.setIndent(24)
        return note

    def _note(self) -> QLabel:
        note = QLabel(self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        return note

    @staticmethod
    def _name(label: QLabel, widget: QWidget, text: str) -> None:
        label.setText(text)
        widget.setAccessibleName(text.replace("&", "").rstrip(":"))


class GeneralPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generalPage")
        self.language = QComboBox(self)
        self.language.setObjectName("languageField")
        self.language_label = self._row(self.language)
        self.offline = QCheckBox(self)
        self.offline.setObjectName("offlineField")
        self.offline_note = self._option(self.offline)
        self.soft_fail = QCheckBox(self)
        self.soft_fail.setObjectName("softFailField")
        self.soft_fail_note = self._option(self.soft_fail)
        self.training = QCheckBox(self)
        self.training.setObjectName("trainingField")
        self.training_note = self._option(self.training)
        self.language.addItems(["", "", ""])
        for index, value in enumerate(("", "id", "en")):
            self.language.setItemData(index, value)
        self.fields = [
            choice_field("language", self.language, self.language_label),
            check_field("offline", self.offline),
            check_field("revocation_soft_fail", self.soft_fail),
            check_field("training_mode", self.training),
        ]
        self.retranslate()

    def title(self) -> str:
        return self.tr("General")

    def retranslate(self) -> None:
        self._name(self.language_label, self.language, self.tr("&Language:"))
        self.language.setItemText(0, self.tr("As the system (Indonesian where the system is "
                                             "Indonesian)"))
        # Each language is named in itself, so it can be found whatever is shown now.
        self.language.setItemText(1, "Bahasa Indonesia")
        self.language.setItemText(2, "English")
        self.offline.setText(self.tr("&Offline mode"))
        self.offline_note.setText(self.tr("Never fetch revocation data or timestamps from the "
                                          "internet. Signatures are checked with the data "
                                          "they carry."))
        self.soft_fail.setText(self.tr("&Soft-fail revocation check"))
        self.soft_fail_note.setText(self.tr("A signature whose certificate's revocation status "
                                            "cannot be found out counts as valid with a warning "
                                            "instead of undetermined. Normally off."))
        self.training.setText(self.tr("&Training mode (bimbingan teknis)"))
        self.training_note.setText(self.tr("Sign with training certificates only. Documents "
                                           "signed in training mode are marked “LATIHAN — "
                                           "TIDAK SAH” and are not legally valid."))


class TimestampPage(Page):
    """TSA address and user; the password goes to the system keyring, never the file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timestampPage")
        self.url = QLineEdit(self)
        self.url.setObjectName("tsaUrlField")
        self.url.setPlaceholderText("https://")
        self.url_label = self._row(self.url)
        self.user = QLineEdit(self)
        self.user.setObjectName("tsaUserField")
        self.user_label = self._row(self.user)
        self.password = QLineEdit(self)
        self.password.setObjectName("tsaPasswordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = self._row(self.password)
        self.keyring_note = self._note()
        self.keyring_note.setObjectName("keyringNote")
        self.form.addRow(self.keyring_note)
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setObjectName("tsaTimeoutField")
        self.timeout.setRange(1.0, 300.0)
        self.timeout.setDecimals(0)
        self.timeout_label = self._row(self.timeout)
        self.fields = [
            line_field("tsa_url", self.url, self.url_label),
            line_field("tsa_user", self.user, self.user_label),
            number_field("tsa_timeout_seconds", self.timeout, self.timeout_label),
        ]
        self._keyring_state = "unknown"
        self.retranslate()

    def title(self) -> str:
        return self.tr("Timestamp")

    def set_keyring_state(self, state: str) -> None:
        """"available", "stored" (a password is remembered), "missing" (no keyring)."""
        self._keyring_state = state
        # The administrator may lock the address, never the user's own password.
        self.password.setEnabled(state != "missing")
        self.retranslate()

    def retranslate(self) -> None:
        self._name(self.url_label, self.url, self.tr("TSA &address (URL):"))
        self._name(self.user_label, self.user, self.tr("&User name:"))
        self._name(self.password_label, self.password, self.tr("&Password:"))
        self._name(self.timeout_label, self.timeout, self.tr("&Wait at most (seconds):"))
        self.password.setPlaceholderText(
            self.tr("(a password is stored)") if self._keyring_state == "stored" else "")
        notes = {
            "unknown": self.tr("Checking the system's password store…"),
            "available": self.tr("The password is kept in the system's password store "
                                 "(keyring), never in the settings file."),
            "stored": self.tr("A password is stored in the system's password store. Type a "
                              "new one to replace it."),
            "missing": self.tr("This computer has no password store (keyring): the password "
                               "cannot be remembered and will be asked when signing."),
        }
        self.keyring_note.setText(notes.get(self._keyring_state, notes["unknown"]))


class ProfilePage(Page):
    """What the visible signature says about the signer (DESIGN §4.4)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePage")
        self.name = QLineEdit(self)
        self.name.setObjectName("profileNameField")
        self.name_label = self._row(self.name)
        self.title_field = QLineEdit(self)
        self.title_field.setObjectName("profileTitleField")
        self.title_label = self._row(self.title_field)
        self.nip = QLineEdit(self)
        self.nip.setObjectName("profileNipField")
        self.nip.setMaxLength(18)
        self.nip.setInputMask("")
        self.nip_label = self._row(self.nip)
        self.place = QLineEdit(self)
        self.place.setObjectName("profilePlaceField")
        self.place_label = self._row(self.place)
        self.bsre_logo, bsre_row = self._file_row("profileBsreLogoField")
        self.bsre_logo_label = self._row(bsre_row)
        self.bsre_logo_label.setBuddy(self.bsre_logo)
        self.agency_logo, agency_row = self._file_row("profileAgencyLogoField")
        self.agency_logo_label = self._row(agency_row)
        self.agency_logo_label.setBuddy(self.agency_logo)
        self.qr = QLineEdit(self)
        self.qr.setObjectName("profileQrField")
        self.qr.setPlaceholderText("https://tte.komdigi.go.id/verifyPDF")
        self.qr_label = self._row(self.qr)
        self.notice = QPlainTextEdit(self)
        self.notice.setObjectName("profileNoticeField")
        self.notice.setTabChangesFocus(True)
        self.notice.setFixedHeight(72)
        self.notice_label = self._row(self.notice)
        self.footer = QCheckBox(self)
        self.footer.setObjectName("profileFooterField")
        self.footer_pages = QComboBox(self)
        self.footer_pages.setObjectName("profileFooterPagesField")
        self.footer_pages.addItem("", "last")
        self.footer_pages.addItem("", "all")
        footer_row = QWidget(self)
        row = QHBoxLayout(footer_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.footer)
        row.addWidget(self.footer_pages)
        row.addStretch(1)
        self.form.addRow(footer_row)
        self.footer.toggled.connect(self.footer_pages.setEnabled)
        self.fields = [
            line_field("profile.name_override", self.name, self.name_label),
            line_field("profile.title", self.title_field, self.title_label),
            line_field("profile.nip", self.nip, self.nip_label),
            line_field("profile.place", self.place, self.place_label),
            line_field("profile.bsre_logo", self.bsre_logo, self.bsre_logo_label,
                       also=(self.bsre_logo.property("browse"),)),
            line_field("profile.agency_logo", self.agency_logo, self.agency_logo_label,
                       also=(self.agency_logo.property("browse"),)),
            line_field("profile.qr_url_template", self.qr, self.qr_label),
            text_field("profile.notice_text", self.notice, self.notice_label),
            check_field("profile.footer", self.footer),
            choice_field("profile.footer_pages", self.footer_pages),
        ]
        self.retranslate()

    def _file_row(self, name: str) -> tuple[QLineEdit, QWidget]:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        field = QLineEdit(holder)
        field.setObjectName(name)
        browse = QPushButton(holder)
        browse.setObjectName(name + "Browse")
        browse.clicked.connect(lambda: self._browse(field))
        row.addWidget(field, 1)
        row.addWidget(browse)
        field.setProperty("browse", browse)
        return field, holder

    def _browse(self, field: QLineEdit) -> None:
        start = str(Path(field.text()).parent) if field.text() else str(Path.home())
        dialog = QFileDialog(self, self.tr("Choose a logo"), start,
                             self.tr("Images (*.png *.svg *.jpg *.jpeg)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(field.setText)
        dialog.open()

    def title(self) -> str:
        return self.tr("Signer profile")

    def retranslate(self) -> None:
        self._name(self.name_label, self.name, self.tr("&Name on the signature:"))
        self.name.setPlaceholderText(self.tr("(as in the certificate)"))
        self._name(self.title_label, self.title_field, self.tr("&Position (jabatan):"))
        self._name(self.nip_label, self.nip, self.tr("N&IP:"))
        self.nip.setPlaceholderText(self.tr("(from the certificate when it has one)"))
        self._name(self.place_label, self.place, self.tr("Pl&ace:"))
        self._name(self.bsre_logo_label, self.bsre_logo, self.tr("&BSrE logo:"))
        self.bsre_logo.setPlaceholderText(self.tr("(the bundled logo)"))
        self._name(self.agency_logo_label, self.agency_logo, self.tr("A&gency logo:"))
        self.agency_logo.setPlaceholderText(self.tr("(none)"))
        for field in (self.bsre_logo, self.agency_logo):
            browse = field.property("browse")
            if isinstance(browse, QPushButton):
                browse.setText(self.tr("Choose…"))
                browse.setAccessibleName(self.tr("Choose a logo file"))
        self._name(self.qr_label, self.qr, self.tr("&QR code address:"))
        self.qr.setToolTip(self.tr("The verification address put in the QR code of the "
                                   "signature. Leave empty for no QR code."))
        self._name(self.notice_label, self.notice, self.tr("N&otice text:"))
        self.footer.setText(self.tr("Add a &footer note (only to documents without "
                                    "signatures):"))
        self.footer_pages.setItemText(0, self.tr("on the last page"))
        self.footer_pages.setItemText(1, self.tr("on every page"))
        self.footer_pages.setAccessibleName(self.tr("Pages with the footer note"))


class SigningPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signingPage")
        self.level = QComboBox(self)
        self.level.setObjectName("padesLevelField")
        for level in PADES_LEVELS:
            self.level.addItem(level, level)
        self.level_label = self._row(self.level)
        self.level_help = self._note()
        self.form.addRow(self.level_help)
        self.pattern = QLineEdit(self)
        self.pattern.setObjectName("outputPatternField")
        self.pattern_label = self._row(self.pattern)
        self.pattern_preview = self._note()
        self.pattern_preview.setObjectName("outputPatternPreview")
        self.form.addRow(self.pattern_preview)
        self.remember = QCheckBox(self)
        self.remember.setObjectName("rememberPkcs12Field")
        self.remember_note = self._option(self.remember)
        self.level.currentIndexChanged.connect(lambda _i: self.retranslate())
        self.pattern.textChanged.connect(lambda _t: self.retranslate())
        self.fields = [
            choice_field("pades_level", self.level, self.level_label),
            line_field("output_pattern", self.pattern, self.pattern_label),
            check_field("remember_pkcs12_passphrase", self.remember),
        ]
        self.retranslate()

    def title(self) -> str:
        return self.tr("Signing")

    def retranslate(self) -> None:
        self._name(self.level_label, self.level, self.tr("Default signature &level:"))
        texts = {
            "B-B": self.tr("B-B: the signature only. Its time is the computer's clock."),
            "B-T": self.tr("B-T: with a trusted timestamp from the TSA."),
            "B-LT": self.tr("B-LT: with a timestamp and the certificate and revocation data, "
                            "so it can be checked for years (recommended)."),
            "B-LTA": self.tr("B-LTA: as B-LT, plus a document timestamp that protects all "
                             "of it."),
        }
        self.level_help.setText(texts.get(str(self.level.currentData()), ""))
        self._name(self.pattern_label, self.pattern, self.tr("Signed file &name:"))
        self.pattern.setToolTip(self.tr("{stem} is the name of the original file without "
                                        ".pdf"))
        example = preview_output_name(self.pattern.text())
        if example is None:
            self.pattern_preview.setText(self.tr("The name must contain {stem} and end with "
                                                 ".pdf"))
        else:
            self.pattern_preview.setText(self.tr("Example: surat.pdf → %1").replace(
                "%1", example))
        self.remember.setText(self.tr("&Remember passphrases of certificate files"))
        self.remember_note.setText(self.tr("The passphrase of a .p12 certificate file is kept "
                                           "in the system's password store. A token's PIN is "
                                           "never remembered."))


def preview_output_name(pattern: str) -> str | None:
    """``surat.pdf`` renamed by ``pattern``, or None if the pattern is not usable."""
    if "{stem}" not in pattern or not pattern.lower().endswith(".pdf") or "/" in pattern \
            or "\\" in pattern:
        return None
    try:
        return pattern.format(stem="surat")
    except (KeyError, IndexError, ValueError):
        return None

