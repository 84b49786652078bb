"""The Latihan (Training) menu and everything behind it, attached to the main window.

The window creates one :class:`TrainingFeature` and calls ``retranslate`` and ``shutdown``;
the rest hangs off the window's signals (settings changed, document opened).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop_signer.errors import DesktopSignerError
from desktop_signer.training import active
from ui.messages import Action
from ui.tasks import Tasks
from ui.training.presentation import PresentationMode
from ui.training.services import ServicesController

if TYPE_CHECKING:
    from desktop_signer.training.setup import TrainingSetup
    from ui.main_window import MainWindow

PRESENTATION_SHORTCUT = "Ctrl+Shift+P"  # F5 is Reload; nothing else uses Ctrl+Shift+P


class TrainingFeature(QObject):
    dialogShown = Signal(object)  # set-up, exercises or question dialogs (tests, screenshots)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = Tasks(self)
        self.services = ServicesController(window)
        window.statusBar().insertPermanentWidget(0, self.services.label)
        self.services.failed.connect(self._services_failed)
        self.services.loaded.connect(self._point_softhsm)
        self.presentation = PresentationMode(window)
        window.documentOpened.connect(self.presentation.enlarge)
        self.exercises_dialog: QObject | None = None

        def action(name: str, slot: object, shortcut: str | None = None) -> QAction:
            made = QAction(window)
            made.setObjectName(name)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            window.addAction(made)  # the shortcut works with the menu bar hidden
            return made

        self.prepare_action = action("actionPrepareTraining", self.prepare)
        self.mode_action = action("actionTrainingMode", self._toggle_mode)
        self.mode_action.setCheckable(True)
        self.exercises_action = action("actionExercises", self.show_exercises)
        self.reset_action = action("actionResetTraining", self.confirm_reset)
        self.restart_action = action("actionRestartServices", self.restart_services)
        self.presentation_action = action("actionPresentationMode", self._toggle_presentation,
                                          PRESENTATION_SHORTCUT)
        self.presentation_action.setCheckable(True)
        self.menu = QMenu(window)
        self.menu.setObjectName("trainingMenu")
        for item in (self.prepare_action, self.mode_action, None, self.exercises_action,
                     None, self.reset_action, self.restart_action, None,
                     self.presentation_action):
            if item is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(item)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        window.store.changed.connect(lambda _settings: self.sync())
        QTimer.singleShot(0, self.sync)

    # --- state -------------------------------------------------------------------------

    @property
    def training_dir(self) -> Path:
        return active.training_dir(self.window.store.settings)

    def current_setup(self) -> TrainingSetup | None:
        return active.training_setup(self.window.store.settings)

    def sync(self) -> None:
        """Services on while training mode is on and a set-up exists; off otherwise."""
        settings = self.window.store.settings
        self.mode_action.setChecked(settings.training_mode)
        self.mode_action.setEnabled(not self.window.store.is_locked("training_mode"))
        # only a file's existence here: loading a set-up imports certomancer and PyMuPDF,
        # which the window must not do at start-up; the services' worker loads it
        on = settings.training_mode and active.has_setup(settings)
        self.reset_action.setEnabled(on)
        self.restart_action.setEnabled(on)
        if not on:
            self.services.stop()
            self.services.setup = None
            self.services.retranslate()
            return
        self.services.start_directory(self.training_dir)

    def _point_softhsm(self, made: TrainingSetup) -> None:
        # SoftHSM reads its configuration once, when a process first loads it: point it at
        # the training tokens unless the user chose another configuration on purpose
        os.environ.setdefault("SOFTHSM2_CONF", made.softhsm_conf)

    def shutdown(self) -> None:
        """The window closes: stop the services, give the screen its normal size back."""
        self.presentation.set_active(False)
        self.services.stop()

    # --- actions -----------------------------------------------------------------------

    def prepare(self) -> None:
        from ui.training.setup_dialog import SetupDialog

        dialog = SetupDialog(self.training_dir, self.current_setup(), self.window.presenter,
                             self.window, before_build=self.services.stop)
        dialog.built.connect(self._built)
        dialog.open()
        self.dialogShown.emit(dialog)

    def _built(self, made: TrainingSetup) -> None:
        store = self.window.store
        changes: dict[str, object] = {"training_mode": True}
        if not store.is_locked("training_dir"):
            changes["training_dir"] = made.directory
        try:
            store.save(replace(store.settings, **changes))  # type: ignore[arg-type]
        except DesktopSignerError as exc:
            self.window.present_error(exc, Action.SAVE_SETTINGS)
        self.services.restart(made)
        self._point_softhsm(made)
        self.sync()

    def _toggle_mode(self, on: bool) -> None:
        store = self.window.store
        try:
            store.save(replace(store.settings, training_mode=on))
        except DesktopSignerError as exc:
            self.window.present_error(exc, Action.SAVE_SETTINGS)
        self.sync()
        if on and self.current_setup() is None:
            self.prepare()

    def show_exercises(self) -> None:
        from ui.training.exercises_dialog import ExercisesDialog

        made = self.current_setup()
        if made is None:
            self.prepare()
            return
        if self.exercises_dialog is not None:
            self.exercises_dialog.deleteLater()
        dialog = ExercisesDialog(Path(made.directory), self.window.presenter,
                                 lambda path: self.window.open_paths([str(path)]),
                                 self.window)
        self.exercises_dialog = dialog
        dialog.show()
        self.dialogShown.emit(dialog)

    def confirm_reset(self) -> None:
        made = self.current_setup()
        if made is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Rebuild the training tokens"),
            self.tr("Rebuild the training tokens %1? A token locked by wrong PINs works "
                    "again; the PIN stays %2. Certificates, letters and exercise progress "
                    "are kept.").replace("%1", ", ".join(made.tokens)).replace("%2", made.pin),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("resetTrainingQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(self.reset_tokens)
        box.open()
        self.dialogShown.emit(box)

    def reset_tokens(self) -> None:
        from desktop_signer.training import reset

        made = self.current_setup()
        if made is None:
            return
        directory = Path(made.directory)
        self.reset_action.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Rebuilding the training tokens…"))
        self.tasks.run(lambda: reset.reset_tokens(directory), self._reset_done,
                       self._reset_failed)

    def _reset_done(self, made: TrainingSetup) -> None:
        self.reset_action.setEnabled(True)
        self.window.statusBar().showMessage(
            self.tr("The training tokens were rebuilt; the PIN is still %1.")
            .replace("%1", made.pin), 15_000)

    def _reset_failed(self, error: BaseException) -> None:
        self.reset_action.setEnabled(True)
        self.window.statusBar().clearMessage()
        self.window.present_error(error, Action.RESET_TRAINING)

    def restart_services(self) -> None:
        made = self.current_setup()
        if made is not None:
            self.services.restart(made)

    def _services_failed(self, error: BaseException) -> None:
        self.window.present_error(error, Action.START_TRAINING_SERVICES)

    def _toggle_presentation(self, on: bool) -> None:
        self.presentation.set_active(on)

    # --- language ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("T&raining"))
        texts = (
            (self.prepare_action, self.tr("&Prepare a training class…")),
            (self.mode_action, self.tr("Training &mode")),
            (self.exercises_action, self.tr("&Exercises…")),
            (self.reset_action, self.tr("&Rebuild the training tokens…")),
            (self.restart_action, self.tr("Restart training ser&vices")),
            (self.presentation_action, self.tr("Pre&sentation mode")),
        )
        for item, text in texts:
            item.setText(text)
            plain = text.replace("&", "").rstrip("…")
            shortcut = item.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
        self.services.retranslate()
