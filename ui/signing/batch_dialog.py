"""Signing many letters with one PIN: files or a folder, where the stamp goes (the
marker, a preset, or as placed on the letter in front), the output folder, a progress bar
with the current file and the time left, Cancel (the file being written is finished, no
later one is started), and a table of what happened to each file."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_signer.appearance import PRESETS
from desktop_signer.identity import SigningIdentity
from desktop_signer.identity_sources import IdentityOption
from ui.messages import Action, describe

if TYPE_CHECKING:
    from ui.signing.flow import PlacementSession, SigningFlow

RULE_MARKER, RULE_PRESET, RULE_AS_PLACED = "marker", "preset", "as_placed"


class BatchDialog(QDialog):
    progressed = Signal(int, int, str)  # relayed from the run (tests)
    batchFinished = Signal(object)  # BatchResult

    def __init__(self, flow: SigningFlow, session: PlacementSession | None) -> None:
        super().__init__(flow.window)
        self.setObjectName("batchDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.flow = flow
        self.session = session
        self.option: IdentityOption | None = session.option if session else None
        self.placed = session.pdf_placement() if session is not None else None
        self.run: Any = None
        self.result: Any = None
        self._started = 0.0

        self.files = QListWidget(self)
        self.files.setObjectName("batchFiles")
        self.files.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.files_label = QLabel(self)
        self.files_label.setBuddy(self.files)
        self.add_files = QPushButton(self)
        self.add_files.setObjectName("batchAddFiles")
        self.add_folder = QPushButton(self)
        self.add_folder.setObjectName("batchAddFolder")
        self.remove_files = QPushButton(self)
        self.remove_files.setObjectName("batchRemove")
        self.rule_marker = QRadioButton(self)
        self.rule_marker.setObjectName("ruleMarker")
        self.rule_preset = QRadioButton(self)
        self.rule_preset.setObjectName("rulePreset")
        self.rule_as_placed = QRadioButton(self)
        self.rule_as_placed.setObjectName("ruleAsPlaced")
        self.rules = QButtonGroup(self)
        for button in (self.rule_marker, self.rule_preset, self.rule_as_placed):
            self.rules.addButton(button)
        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("batchPreset")
        self.rule_as_placed.setEnabled(self.placed is not None)
        (self.rule_as_placed if self.placed is not None else self.rule_marker).setChecked(True)
        self.out_dir = QLineEdit(self)
        self.out_dir.setObjectName("batchOutDir")
        self.out_label = QLabel(self)
        self.out_label.setBuddy(self.out_dir)
        self.browse = QPushButton(self)
        self.browse.setObjectName("batchBrowse")
        self.identity_label = QLabel(self)
        self.identity_label.setWordWrap(True)
        self.choose_identity = QPushButton(self)
        self.choose_identity.setObjectName("batchChooseIdentity")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.current = QLabel(self)
        self.current.setObjectName("batchCurrent")
        self.current.setWordWrap(True)
        self.time_left = QLabel(self)
        self.time_left.setObjectName("batchTimeLeft")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("batchResults")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel(self)
        self.summary.setObjectName("batchSummary")
        self.summary.setWordWrap(True)
        self.sign_button = QPushButton(self)
        self.sign_button.setObjectName("batchSign")
        self.sign_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("batchCancel")
        self.open_folder = QPushButton(self)
        self.open_folder.setObjectName("batchOpenFolder")
        self.open_folder.setEnabled(False)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("batchClose")

        file_buttons = QVBoxLayout()
        for b in (self.add_files, self.add_folder, self.remove_files):
            file_buttons.addWidget(b)
        file_buttons.addStretch(1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addLayout(file_buttons)
        rule_grid = QGridLayout()
        self.rule_label = QLabel(self)
        rule_grid.addWidget(self.rule_label, 0, 0, 1, 2)
        rule_grid.addWidget(self.rule_marker, 1, 0, 1, 2)
        rule_grid.addWidget(self.rule_preset, 2, 0)
        rule_grid.addWidget(self.preset_combo, 2, 1)
        rule_grid.addWidget(self.rule_as_placed, 3, 0, 1, 2)
        rule_grid.setColumnStretch(2, 1)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_dir, 1)
        out_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.out_label, out_row)
        who = QHBoxLayout()
        who.addWidget(self.identity_label, 1)
        who.addWidget(self.choose_identity)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files_label)
        layout.addLayout(files_row, 1)
        layout.addLayout(rule_grid)
        layout.addLayout(form)
        layout.addLayout(who)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.time_left)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.resize(760, 640)

        self.add_files.clicked.connect(self._choose_files)
        self.add_folder.clicked.connect(self._choose_folder)
        self.remove_files.clicked.connect(self._remove_selected)
        self.browse.clicked.connect(self._choose_out_dir)
        self.choose_identity.clicked.connect(self._choose_identity)
        self.sign_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.open_folder.clicked.connect(self.open_output_folder)
        if session is not None:
            self.out_dir.setText(str(Path(session.tab.path).parent / "ditandatangani"))
        self.retranslate()
        self._idle()

    # --- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign several files"))
        self.files_label.setText(self.tr("&Files to sign:"))
        self.files.setAccessibleName(self.tr("Files to sign"))
        self.add_files.setText(self.tr("Add &files…"))
        self.add_folder.setText(self.tr("Add a fol&der…"))
        self.remove_files.setText(self.tr("&Remove"))
        self.rule_label.setText(self.tr("Where the stamp goes:"))
        self.rule_marker.setText(self.tr("At the &marker “#” in each letter"))
        self.rule_preset.setText(self.tr("At a fixed &place:"))
        self.rule_as_placed.setText(self.tr("As placed on &this letter"))
        current = self.preset_combo.currentIndex()
        self.preset_combo.clear()
        names = {"bottom-right": self.tr("Bottom right"), "bottom-left": self.tr("Bottom left"),
                 "bottom-center": self.tr("Bottom centre"), "top-right": self.tr("Top right"),
                 "top-left": self.tr("Top left")}
        for preset in PRESETS:
            self.preset_combo.addItem(names.get(preset, preset), preset)
        self.preset_combo.setCurrentIndex(max(current, 0))
        self.preset_combo.setAccessibleName(self.tr("Fixed place"))
        self.out_label.setText(self.tr("&Output folder:"))
        self.browse.setText(self.tr("&Browse…"))
        self.choose_identity.setText(self.tr("C&hoose certificate…"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result"),
                                              self.tr("Details")])
        self.table.setAccessibleName(self.tr("Results per file"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.sign_button.setText(self.tr("&Sign all"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.open_folder.setText(self.tr("&Open output folder"))
        self.close_button.setText(self.tr("Close"))
        self._show_identity()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_identity(self) -> None:
        if self.option is None:
            self.identity_label.setText(self.tr("No certificate chosen yet."))
        else:
            self.identity_label.setText(self.tr("Signing as %1 (%2)")
                                        .replace("%1", self.option.display_name)
                                        .replace("%2", self.option.holder))

    # --- inputs ---------------------------------------------------------------------------

    def add_paths(self, paths: list[str | Path]) -> None:
        known = set(self.paths())
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                found = sorted(p for p in path.iterdir()
                               if p.suffix.lower() == ".pdf" and p.is_file())
            else:
                found = [path]
            for p in found:
                if str(p) not in known:
                    item = QListWidgetItem(p.name)
                    item.setData(Qt.ItemDataRole.UserRole, str(p))
                    item.setToolTip(str(p))
                    self.files.addItem(item)
                    known.add(str(p))
        if not self.out_dir.text() and known:
            self.out_dir.setText(str(Path(next(iter(known))).parent / "ditandatangani"))
        self._idle()

    def paths(self) -> list[str]:
        return [str(self.files.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.files.count())]

    def _choose_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose PDF letters"), "",
                             self.tr("PDF documents (*.pdf *.PDF)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.add_paths(list(files)))
        dialog.open()

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a folder of PDF letters"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda folder: self.add_paths([folder]))
        dialog.open()

    def _choose_out_dir(self) -> None:
        dialog = QFileDialog(self, self.tr("Output folder"), self.out_dir.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(self.out_dir.setText)
        dialog.open()

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._idle()

    def _choose_identity(self) -> None:
        def chosen(option: IdentityOption) -> None:
            self.option = option
            self._show_identity()
            self._idle()

        self.flow.choose_identity(chosen, preselect=self.option.key if self.option else "")

    # --- running --------------------------------------------------------------------------

    def _idle(self) -> None:
        running = self.run is not None
        # progress and results appear once there is something to show
        for w in (self.progress, self.current, self.time_left, self.table):
            w.setVisible(running or self.result is not None)
        self.sign_button.setEnabled(not running and bool(self.paths()))
        self.cancel_button.setEnabled(running)
        for w in (self.add_files, self.add_folder, self.remove_files, self.browse,
                  self.choose_identity, self.rule_marker, self.rule_preset,
                  self.rule_as_placed, self.preset_combo, self.out_dir):
            w.setEnabled(not running)
        self.rule_as_placed.setEnabled(not running and self.placed is not None)
        self.close_button.setEnabled(not running)

    def rule(self) -> str:
        if self.rule_as_placed.isChecked():
            return RULE_AS_PLACED
        return RULE_PRESET if self.rule_preset.isChecked() else RULE_MARKER

    def start(self) -> None:
        if not self.paths():
            return
        if self.option is None:
            self._choose_identity_then_start()
            return
        out = Path(self.out_dir.text().strip() or Path(self.paths()[0]).parent)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.flow.window.presenter.present(self, exc, Action.SIGN)
            return
        from ui.signing.flow import PinAsker

        self.sign_button.setEnabled(False)
        option = self.option

        def after_preflight(level: str) -> None:
            self._level = level
            if option.source == "remote":
                from ui.signing.remote_flow import warn_plain_http_once

                if not warn_plain_http_once(self.flow, lambda: ask(), self._idle):
                    return
            ask()

        def ask() -> None:
            asker = PinAsker(self, self.flow.source_of(option), option,
                             batch_count=len(self.paths()),
                             journal_jobs=lambda: (self.journal_jobs(), level))
            asker.loggedIn.connect(self._sign_with)
            asker.failed.connect(self._failed)
            asker.cancelled.connect(self._idle)
            asker.dialogShown.connect(self.flow.dialogShown)
            self._asker = asker
            asker.ask()

        level = self.session.panel.level if self.session is not None else \
            self._default_level()
        self.flow.preflight(level, option, after_preflight, self._idle)

    def _default_level(self) -> str:
        from desktop_signer.signing.from_settings import default_level

        return default_level(self.flow.window.store.settings)

    def _choose_identity_then_start(self) -> None:
        def chosen(option: IdentityOption) -> None:
            self.option = option
            self._show_identity()
            self.start()

        self.flow.choose_identity(chosen)

    def _options(self, identity: SigningIdentity) -> Any:
        from desktop_signer.appearance import PlacementRequest
        from desktop_signer.appearance.profile import profile_from_settings
        from desktop_signer.signing.from_settings import options_from_settings

        settings = self.flow.window.store.settings
        size = (200.0, 80.0)
        rule = self.rule()
        if rule == RULE_AS_PLACED and self.placed is not None:
            page, rect = self.placed
            last = self.session is not None and page == self.session.tab.view.page_count() - 1
            # on the last page of this letter: on the last page of each letter
            request = PlacementRequest(page=-1 if last else page + 1, rect=rect)
        elif rule == RULE_PRESET:
            request = PlacementRequest(position=str(self.preset_combo.currentData()),
                                       size=size)
        else:
            request = PlacementRequest(anchor="#", size=size)
        if self.session is not None:
            options = self.session.sign_options(identity, request)
            return replace(options, level=self._level)
        training = settings.training_mode or (self.option.training if self.option else False)
        if identity.kind == "remote":  # its certificate is known after the first signature
            cert = getattr(identity, "known_certificate", None)
            profile = profile_from_settings(settings.profile, cert, training=training,
                                            name=settings.profile.name_override
                                            or settings.esc.signer_name)
        else:
            profile = profile_from_settings(settings.profile, identity.certificate,
                                            training=training)
        return options_from_settings(settings, level=cast(Any, self._level),
                                     reason="", location=settings.profile.place,
                                     footer=settings.profile.footer, placement=request,
                                     profile=profile)

    def journal_jobs(self) -> list[Any]:
        """The batch's documents as the journal names them, before the login."""
        from desktop_signer.signing import SignJob

        settings = self.flow.window.store.settings
        out = Path(self.out_dir.text().strip() or Path(self.paths()[0]).parent)
        return [SignJob(Path(p), out / settings.output_pattern.format(stem=Path(p).stem,
                                                                     name=Path(p).name))
                for p in self.paths()]

    def _sign_with(self, identity: SigningIdentity) -> None:
        from desktop_signer.signing import SignJob
        from ui.signing.worker import SignRun

        settings = self.flow.window.store.settings
        out = Path(self.out_dir.text().strip() or Path(self.paths()[0]).parent)
        try:
            options = self._options(identity)
        except Exception as exc:
            identity.close()
            self._failed(exc)
            return
        jobs = [SignJob(Path(p), out / settings.output_pattern.format(stem=Path(p).stem,
                                                                     name=Path(p).name))
                for p in self.paths()]
        self.table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            self._set_row(row, job.input.name, self.tr("waiting"), "")
        self.summary.setText("")
        self.progress.setRange(0, len(jobs))
        self.progress.setValue(0)
        self.run = SignRun(identity, jobs, options, self)
        self.run.progressed.connect(self._progressed,
                                    Qt.ConnectionType.BlockingQueuedConnection)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        self._started = time.perf_counter()
        self._idle()
        self.run.start()

    def _set_row(self, row: int, *texts: str) -> None:
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, col, item)

    def _progressed(self, done: int, total: int, current: str) -> None:
        self.progress.setValue(done)
        if current and done < self.table.rowCount():
            self._set_row(done, Path(current).name, self.tr("signing…"), "")
            if done:
                self._set_row(done - 1, Path(self.paths()[done - 1]).name,
                              self.tr("written, being checked"), "")
        if current:
            self.current.setText(self.tr("File %1 of %2: %3").replace("%1", str(done + 1))
                                 .replace("%2", str(total)).replace("%3", Path(current).name))
        if done:
            per_file = (time.perf_counter() - self._started) / done
            left = round(per_file * (total - done))
            self.time_left.setText(self.tr("About %1 s left").replace("%1", str(left)))
        else:
            self.time_left.setText(self.tr("Estimating the time left…"))
        self.progressed.emit(done, total, current)

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.current.setText(self.tr("Cancelling: the file being signed is finished, "
                                         "no other is started…"))

    def _finished(self, batch: Any) -> None:
        if self.run is not None and batch.signed:
            from ui.signing.remote_flow import remember_after_success

            remember_after_success(self.flow.window.store, self.run.identity)
        self.run = None
        self.result = batch
        self.table.setRowCount(len(batch.results))
        removed = False
        for row, r in enumerate(batch.results):
            status = {"signed": self.tr("signed"), "skipped": self.tr("skipped"),
                      "failed": self.tr("failed")}.get(r.status, r.status)
            detail = ""
            if r.status == "signed":
                detail = Path(r.output).name
            elif r.error is not None:
                detail = describe(r.error, Action.SIGN).text
                removed = removed or r.error.code == "token_removed"
            self._set_row(row, Path(r.input).name, status, detail)
        not_started = len(self.paths()) - len(batch.results)
        text = self.tr("%1 signed, %2 skipped, %3 failed.").replace("%1", str(batch.signed)) \
            .replace("%2", str(batch.skipped)).replace("%3", str(batch.failed))
        if batch.cancelled:
            text += " " + self.tr("Cancelled: %1 files were not started.") \
                .replace("%1", str(not_started))
        if removed:
            text += " " + self.tr("The token was removed during the batch: the files signed "
                                  "before are complete; put the token back and sign the rest "
                                  "again.")
        if getattr(batch, "journal_problem", ""):  # signed all the same: say so (issue 15)
            from ui.usage.words import not_journaled

            text += " " + not_journaled(batch.journal_problem)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self.progress.setValue(len(batch.results))
        self.current.setText(self.tr("Finished."))
        self.time_left.setText("")
        self.open_folder.setEnabled(batch.signed > 0)
        self._idle()
        self.batchFinished.emit(batch)

    def _failed(self, error: BaseException) -> None:
        self.run = None
        self._idle()
        self.flow.window.presenter.present(self, error, Action.SIGN)

    def open_output_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.out_dir.text()))

    def reject(self) -> None:
        if self.run is not None:
            return  # Cancel first: closing must not leave a half-done batch unreported
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.run is not None:
            event.ignore()
            return
        super().closeEvent(event)
