"""The training TSA/OCSP/CRL running in the background while training mode is on.

They start when training mode is on and a training set-up exists, stop when training mode is
switched off or the window closes, and their state is shown in the status bar. A port held
by another program gets a clear message; a port held by the same set-up's services (the
trainer ran ``desktop-signer training serve``, or a second window is open) is simply used.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop_signer.training.errors import TrainingError
from ui.tasks import Tasks

if TYPE_CHECKING:
    # certomancer, werkzeug, PyMuPDF: loaded by the worker that starts the services, never
    # at start-up (tests/gui/test_launcher.py)
    from desktop_signer.training.services import TrainingServices
    from desktop_signer.training.setup import TrainingSetup


class ServiceState(StrEnum):
    STOPPED = "stopped"
    STARTING = "starting"
    RUNNING = "running"
    ELSEWHERE = "elsewhere"  # the same set-up's services, run by another process
    PORT_TAKEN = "port_taken"
    FAILED = "failed"


def _start(directory: Path, port: int) -> TrainingServices | None:
    """Off the GUI thread: loading the PKI takes a moment. None: already served."""
    from desktop_signer.training.services import TrainingServices, already_served

    services = TrainingServices(directory, port)
    try:
        return services.start()
    except TrainingError as exc:
        if exc.code == "port_in_use" and already_served(directory, port):
            return None
        raise


class ServicesController(QObject):
    stateChanged = Signal(str)  # ServiceState
    failed = Signal(object)  # the TrainingError (port taken, PKI unreadable)
    loaded = Signal(object)  # the TrainingSetup read by start_directory

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.tasks = Tasks(self)
        self.state = ServiceState.STOPPED
        self.services: TrainingServices | None = None
        self.setup: TrainingSetup | None = None
        self._want = False
        self.label = QLabel(parent)
        self.label.setObjectName("trainingServicesStatus")
        self.label.hide()
        self.retranslate()

    @property
    def port(self) -> int | None:
        return self.setup.port if self.setup is not None else None

    def start(self, setup: TrainingSetup) -> None:
        """Serve ``setup`` (stops the services of another set-up first)."""
        if self.setup is not None and self.setup.directory != setup.directory:
            self.stop()
        self.setup = setup
        self._want = True
        if self.state in (ServiceState.RUNNING, ServiceState.ELSEWHERE,
                          ServiceState.STARTING):
            return
        self._set(ServiceState.STARTING)
        directory, port = Path(setup.directory), setup.port
        self.tasks.run(lambda: _start(directory, port), self._started, self._failed)

    def start_directory(self, directory: Path) -> None:
        """Serve the set-up in ``directory``, its manifest read off the GUI thread too."""
        if self.state in (ServiceState.RUNNING, ServiceState.ELSEWHERE,
                          ServiceState.STARTING) and (
                self.setup is None or Path(self.setup.directory) == directory):
            return  # one start at a time: a second one would lose the first's services

        def load() -> TrainingSetup:
            from desktop_signer.training.setup import load as load_setup

            return load_setup(directory)

        self._want = True
        self._set(ServiceState.STARTING)
        self.tasks.run(load, self._loaded, self._failed)

    def _loaded(self, setup: TrainingSetup) -> None:
        self.loaded.emit(setup)
        if self._want:
            self.state = ServiceState.STOPPED
            self.start(setup)
        else:  # stopped while the manifest was read
            self._set(ServiceState.STOPPED)

    def _started(self, services: TrainingServices | None) -> None:
        if not self._want:  # stopped while starting
            if services is not None:
                services.stop()
            self._set(ServiceState.STOPPED)
            return
        self.services = services
        self._set(ServiceState.RUNNING if services is not None else ServiceState.ELSEWHERE)

    def _failed(self, error: BaseException) -> None:
        if not self._want:
            self._set(ServiceState.STOPPED)
            return
        taken = isinstance(error, TrainingError) and error.code == "port_in_use"
        self._set(ServiceState.PORT_TAKEN if taken else ServiceState.FAILED)
        self.failed.emit(error)

    def stop(self) -> None:
        self._want = False
        if self.services is not None:
            self.services.stop()
            self.services = None
        if self.state != ServiceState.STARTING:
            self._set(ServiceState.STOPPED)

    def restart(self, setup: TrainingSetup) -> None:
        self.stop()
        self.state = ServiceState.STOPPED
        self.start(setup)

    def _set(self, state: ServiceState) -> None:
        self.state = state
        self.retranslate()
        self.stateChanged.emit(str(state))

    def retranslate(self) -> None:
        port = str(self.port or "")
        texts = {
            ServiceState.STOPPED: self.tr("Training services: stopped"),
            ServiceState.STARTING: self.tr("Training services: starting…"),
            ServiceState.RUNNING: self.tr("Training services: running (port %1)"),
            ServiceState.ELSEWHERE: self.tr("Training services: running in another "
                                            "program (port %1)"),
            ServiceState.PORT_TAKEN: self.tr("Training services: port %1 is taken"),
            ServiceState.FAILED: self.tr("Training services: could not start"),
        }
        colours = {ServiceState.RUNNING: "#1e7b34", ServiceState.ELSEWHERE: "#1e7b34",
                   ServiceState.PORT_TAKEN: "#a31515", ServiceState.FAILED: "#a31515"}
        text = texts[self.state].replace("%1", port)
        self.label.setText(f"● {text}")
        self.label.setStyleSheet(f"color: {colours.get(self.state, '#555555')};")
        self.label.setAccessibleName(text)
        if self.setup is not None and self.state in (ServiceState.RUNNING,
                                                     ServiceState.ELSEWHERE):
            self.label.setToolTip(self.tr("Time stamps: %1\nOCSP: %2\nCRL: %3")
                                  .replace("%1", self.setup.tsa_url)
                                  .replace("%2", self.setup.ocsp_url)
                                  .replace("%3", ", ".join(self.setup.crl_urls)))
        else:
            self.label.setToolTip(text)
        self.label.setVisible(self.state != ServiceState.STOPPED or self.setup is not None)
