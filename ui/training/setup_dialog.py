"""Latihan → Siapkan kelas latihan: build the training set-up, then show what the trainer
hands out (the PIN, the identities, where the letters and exercises are).

The set-up is built off the GUI thread (``desktop_signer.training.reset.rebuild``, the code
``desktop-signer training init`` uses) with one progress step per stage. Building a new one
where a set-up already exists replaces it, after the trainer confirms.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_signer.training import exercise_files, reset
from desktop_signer.training.setup import STEPS, TrainingSetup
from ui.error_presenter import ErrorPresenter
from ui.messages import Action
from ui.tasks import Tasks
from ui.training import texts


class _Relay(QObject):
    """Carries progress from the worker thread to the dialog (a queued signal)."""

    step = Signal(str, int, int)


class SetupDialog(QDialog):
    built = Signal(object)  # the new TrainingSetup

    def __init__(self, directory: Path, existing: TrainingSetup | None,
                 presenter: ErrorPresenter, parent: QWidget | None = None,
                 before_build: object = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSetupDialog")
        self.directory = directory
        self.existing = existing
        self.presenter = presenter
        self._before_build = before_build
        self.tasks = Tasks(self)
        self.relay = _Relay(self)
        self.relay.step.connect(self._progress)
        self.result_setup: TrainingSetup | None = None
        self.setMinimumWidth(620)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._intro_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._result_page())
        self.buttons = QDialogButtonBox(self)
        self.build_button = QPushButton(self)
        self.build_button.setObjectName("buildButton")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.buttons.addButton(self.build_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        if existing is not None:
            self.show_setup(existing)

    # --- pages -------------------------------------------------------------------------

    def _intro_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.intro = QLabel(page)
        self.intro.setWordWrap(True)
        self.folder_label = QLabel(page)
        self.folder_label.setObjectName("setupFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.replace_note = QLabel(page)
        self.replace_note.setObjectName("replaceNote")
        self.replace_note.setWordWrap(True)
        self.replace_note.setStyleSheet("color: #8a5a00;")
        layout.addWidget(self.intro)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.replace_note)
        layout.addStretch(1)
        return page

    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.progress_title = QLabel(page)
        bold = QFont(self.font())
        bold.setBold(True)
        self.progress_title.setFont(bold)
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setObjectName("setupProgress")
        self.progress_bar.setRange(0, len(STEPS))
        self.step_label = QLabel(page)
        self.step_label.setObjectName("setupStep")
        layout.addWidget(self.progress_title)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.step_label)
        layout.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.result_title = QLabel(page)
        self.result_title.setWordWrap(True)
        form = QFormLayout()
        self.pin_caption = QLabel(page)
        self.pin_value = QLabel(page)
        self.pin_value.setObjectName("setupPin")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.0)
        big.setBold(True)
        big.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
        self.pin_value.setFont(big)
        self.pin_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tokens_caption = QLabel(page)
        self.tokens_value = QLabel(page)
        self.files_caption = QLabel(page)
        self.files_value = QLabel(page)
        self.files_value.setObjectName("setupFiles")
        self.files_value.setWordWrap(True)
        self.files_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.pin_caption, self.pin_value)
        form.addRow(self.tokens_caption, self.tokens_value)
        form.addRow(self.files_caption, self.files_value)
        self.esc_caption = QLabel(page)
        self.esc_value = QLabel(page)
        self.esc_value.setObjectName("setupEsc")
        self.esc_value.setWordWrap(True)
        self.esc_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.esc_caption, self.esc_value)
        self.identities = QTableWidget(0, 4, page)
        self.identities.setObjectName("setupIdentities")
        self.identities.verticalHeader().hide()
        self.identities.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 8)
        self.identities.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.identities.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.identities.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.open_folder = QPushButton(page)
        self.open_folder.setObjectName("openFolderButton")
        self.open_folder.clicked.connect(self._open_folder)
        layout.addWidget(self.result_title)
        layout.addLayout(form)
        layout.addWidget(self.identities, 1)
        layout.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Prepare a training class"))
        self.intro.setText(self.tr(
            "This builds everything a class needs to practise without real certificates: a "
            "training certification authority, two SoftHSM training tokens with trainee "
            "identities (some deliberately expired, revoked or untrusted), PKCS#12 files, "
            "sample letters and the exercise files. Documents signed with them carry the "
            "mark “LATIHAN — TIDAK SAH” and are never trusted outside training mode."))
        self.folder_label.setText(self.tr("Folder: %1").replace("%1", str(self.directory)))
        self.replace_note.setText(self.tr(
            "A training class already exists in this folder. Building a new one replaces it: "
            "new certificates, a new PIN, and the trainees' signed files there are deleted.")
            if self.existing is not None else "")
        self.replace_note.setVisible(self.existing is not None)
        self.progress_title.setText(self.tr("Building the training class…"))
        self.result_title.setText(self.tr(
            "The training class is ready. Give the trainees the PIN below; it opens both "
            "training tokens and every PKCS#12 file."))
        self.pin_caption.setText(self.tr("PIN:"))
        self.tokens_caption.setText(self.tr("Tokens:"))
        self.files_caption.setText(self.tr("Files:"))
        self.esc_caption.setText(self.tr("BSrE eSign:"))
        self.identities.setHorizontalHeaderLabels(
            [self.tr("Identity"), self.tr("Token"), self.tr("State"), self.tr("NIK")])
        self.open_folder.setText(self.tr("&Open the exercise folder"))
        self.build_button.setText(self.tr("&Build a new class") if self.existing is not None
                                  or self.result_setup is not None
                                  else self.tr("&Build the class"))
        self.close_button.setText(self.tr("Close"))

    # --- building ----------------------------------------------------------------------

    def build(self) -> None:
        if self.pages.currentIndex() == 2:
            # a class exists: show what replacing it means, build on the second click
            self.pages.setCurrentIndex(0)
            self.retranslate()
            self.build_button.setText(self.tr("&Replace the class"))
            return
        if callable(self._before_build):
            self._before_build()  # stops the services of the set-up about to be replaced
        self.pages.setCurrentIndex(1)
        self.progress_bar.setValue(0)
        self.step_label.setText("")
        self.build_button.setEnabled(False)
        self.close_button.setEnabled(False)
        directory, relay = self.directory, self.relay
        self.tasks.run(lambda: reset.rebuild(directory, progress=relay.step.emit),
                       self._built, self._failed)

    def _progress(self, step: str, number: int, total: int) -> None:
        self.progress_bar.setValue(number - 1)
        self.step_label.setText(self.tr("Step %1 of %2: %3").replace("%1", str(number))
                                .replace("%2", str(total)).replace("%3", texts.step_text(step)))

    def _built(self, made: TrainingSetup) -> None:
        self.progress_bar.setValue(len(STEPS))
        self.existing = made
        self.build_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.show_setup(made)
        self.built.emit(made)

    def _failed(self, error: BaseException) -> None:
        self.build_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.pages.setCurrentIndex(0)
        self.presenter.present(self, error, Action.SETUP_TRAINING)

    def show_setup(self, made: TrainingSetup) -> None:
        self.result_setup = made
        self.pin_value.setText(made.pin)
        self.tokens_value.setText(", ".join(made.tokens))
        base = Path(made.directory)
        where = exercise_files.paths(base)
        self.files_value.setText(
            self.tr("Exercises: %1\nSample letters: %2\nPKCS#12 files (passphrase = PIN): %3")
            .replace("%1", str(where.folder)).replace("%2", str(base / "surat"))
            .replace("%3", str(base / "p12")))
        # remote signing in class: the simulator the training services serve
        self.esc_value.setText(
            self.tr("Service %1 (used in training mode when no other service is set), "
                    "passphrase %2; each identity's NIK is in the table")
            .replace("%1", made.esc_url).replace("%2", made.esc_passphrase)
            if made.esc_url else "")
        self.esc_caption.setVisible(bool(made.esc_url))
        self.esc_value.setVisible(bool(made.esc_url))
        self.identities.setRowCount(len(made.identities))
        for row, ident in enumerate(made.identities):
            for column, text in enumerate((ident.name, ident.token or "PKCS#12",
                                           texts.problem_text(ident.problem), ident.nik)):
                self.identities.setItem(row, column, QTableWidgetItem(text))
        self.pages.setCurrentIndex(2)
        self.retranslate()

    def _open_folder(self) -> None:
        if self.result_setup is not None:
            folder = exercise_files.paths(Path(self.result_setup.directory)).folder
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
