"""Latihan → Latihan soal: the exercises, what to do for each, and which are done.

The checks run in the core (:func:`desktop_signer.training.exercises.evaluate`) off the GUI
thread, when the dialog opens, every few seconds while it is open, and on "Check now". The
dialog is not modal: a trainee keeps it beside the document while doing the exercise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_signer.training import exercises
from desktop_signer.training.exercises import ExerciseId, ExerciseStatus
from ui.error_presenter import ErrorPresenter
from ui.icons import icon
from ui.messages import Action
from ui.tasks import Tasks
from ui.training import texts

REFRESH_MS = 3000


class ExercisesDialog(QDialog):
    checked = Signal(object)  # tuple[ExerciseStatus, ...] after each evaluation

    def __init__(self, directory: Path, presenter: ErrorPresenter,
                 open_file: Callable[[Path], None], parent: QWidget | None = None,
                 journal: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercisesDialog")
        self.directory = directory
        self.presenter = presenter
        self._open_file = open_file
        self._journal = journal
        self.tasks = Tasks(self)
        self.statuses: dict[ExerciseId, ExerciseStatus] = {}
        self.resize(980, 540)

        self.summary = QLabel(self)
        self.summary.setObjectName("exerciseSummary")
        bold = QFont(self.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        self.list = QListWidget(self)
        self.list.setObjectName("exerciseList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for exercise in exercises.ORDER:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(exercise))
        self.list.currentRowChanged.connect(lambda _row: self._show_current())

        detail = QWidget(self)
        self.title = QLabel(detail)
        self.title.setObjectName("exerciseTitle")
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.state = QLabel(detail)
        self.state.setObjectName("exerciseState")
        self.instructions = QLabel(detail)
        self.instructions.setObjectName("exerciseInstructions")
        self.instructions.setWordWrap(True)
        self.instructions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence = QLabel(detail)
        self.evidence.setWordWrap(True)
        self.evidence.setStyleSheet("color: #555555;")
        self.open_button = QPushButton(detail)
        self.open_button.setObjectName("openExerciseFile")
        self.open_button.clicked.connect(self._open_current)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.state)
        detail_layout.addWidget(self.instructions)
        detail_layout.addWidget(self.evidence)
        detail_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail_layout.addStretch(1)

        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.check_button = QPushButton(self)
        self.check_button.setObjectName("checkNow")
        self.check_button.clicked.connect(self.refresh)
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetProgress")
        self.reset_button.clicked.connect(self._confirm_reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.check_button)
        bottom.addWidget(self.reset_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()
        self.list.setCurrentRow(0)

    # --- checking ----------------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: object) -> None:  # type: ignore[override]
        self.timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        if self.tasks.busy:
            return
        directory, journal = self.directory, self._journal
        self.tasks.run(lambda: exercises.evaluate(directory, journal), self._show,
                       self._failed)

    def _show(self, found: tuple[ExerciseStatus, ...]) -> None:
        self.statuses = {s.id: s for s in found}
        self.retranslate()
        self.checked.emit(found)

    def _failed(self, error: BaseException) -> None:
        self.timer.stop()
        self.presenter.present(self, error, Action.CHECK_EXERCISES)

    def _confirm_reset(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Start the exercises again"),
                          self.tr("Mark every exercise as not done on this computer? "
                                  "Signed files and the journal are kept."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setObjectName("resetProgressQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(self.reset_progress)
        box.open()

    def reset_progress(self) -> None:
        try:
            exercises.reset_progress(self.directory, self._journal)
        except OSError as exc:
            self.presenter.present(self, exc, Action.CHECK_EXERCISES)
            return
        self.statuses = {}
        self.retranslate()
        self.refresh()

    # --- showing -----------------------------------------------------------------------

    def current_exercise(self) -> ExerciseId:
        item = self.list.currentItem() or self.list.item(0)
        return ExerciseId(item.data(Qt.ItemDataRole.UserRole))

    def is_done(self, exercise: ExerciseId) -> bool:
        status = self.statuses.get(exercise)
        return status is not None and status.done

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Exercises"))
        done = sum(1 for s in self.statuses.values() if s.done)
        self.summary.setText(self.tr("%1 of %2 exercises done").replace("%1", str(done))
                             .replace("%2", str(len(exercises.ORDER))))
        for row in range(self.list.count()):
            item = self.list.item(row)
            exercise = ExerciseId(item.data(Qt.ItemDataRole.UserRole))
            finished = self.is_done(exercise)
            item.setText(f"{row + 1}. {texts.title(exercise)}")
            item.setIcon(icon("emblem-ok" if finished else "emblem-todo"))
            item.setToolTip(self.tr("Done") if finished else self.tr("Not done yet"))
        # the whole titles in view: the list is as wide as its longest line
        metrics = self.list.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.list.item(r).text())
                     for r in range(self.list.count()))
        list_width = widest + self.list.iconSize().width() + 64
        self.splitter.setSizes([list_width, max(self.width() - list_width, 320)])
        self.check_button.setText(self.tr("&Check now"))
        self.reset_button.setText(self.tr("&Start again…"))
        self.close_button.setText(self.tr("Close"))
        self._show_current()

    def _show_current(self) -> None:
        exercise = self.current_exercise()
        self.title.setText(texts.title(exercise))
        self.instructions.setText(texts.instructions(exercise))
        self.evidence.setText(texts.evidence(exercise))
        if self.is_done(exercise):
            self.state.setText(self.tr("✔ Done"))
            self.state.setStyleSheet("color: #1e7b34; font-weight: bold;")
        else:
            status = self.statuses.get(exercise)
            seen = status.seen if status is not None else ""
            self.state.setText(self.tr("Not done yet (%1)").replace("%1", texts.seen_text(seen))
                               if seen
                               else self.tr("Not done yet"))
            self.state.setStyleSheet("color: #8a5a00; font-weight: bold;")
        target = exercises.exercise_file(self.directory, exercise)
        self.open_button.setText(self.tr("&Open the folder") if target is not None
                                 and target.is_dir() else self.tr("&Open the file"))
        self.open_button.setEnabled(target is not None and target.exists())

    def _open_current(self) -> None:
        target = exercises.exercise_file(self.directory, self.current_exercise())
        if target is None:
            return
        if target.is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        else:
            self._open_file(target)
