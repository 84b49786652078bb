"""The training TSA/OCSP/CRL running in the background while training mode is on.

They start when training mode is on and a training set-up exists, stop when training mode is
switched off or the window closes, and their state is shown in the status bar. A port held
by another program gets a clear message; a port held by the same set-up's services (the
trainer ran ``desktop-signer training serve``, or a second window is open) is simply used.
"""

from __future__ import annotations

import threading
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


class _Attempt:
    """One start of the services, shared by the worker that starts them and ``stop``.

    A window closed (and deleted) while its services are starting never gets the worker's
    result: the queued callback dies with the Qt object. So the worker hands its services
    over here, under a lock, and stops them itself when this attempt was cancelled first;
    otherwise they would keep the port until the process ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._services: TrainingServices | None = None

    def hand_over(self, services: TrainingServices) -> bool:
        with self._lock:
            if self._cancelled:
                return False
            self._services = services
            return True

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            services, self._services = self._services, None
        if services is not None:
            services.stop()


def _start(directory: Path, port: int, attempt: _Attempt) -> TrainingServices | None:
    """Off the GUI thread: loading the PKI takes a moment. None: already served (or the
    attempt was cancelled meanwhile: then nobody looks at the result)."""
    from desktop_signer.training.services import TrainingServices, already_served

    services = TrainingServices(directory, port)
    try:
        services.start()
    except TrainingError as exc:
        if exc.code == "port_in_use" and already_served(directory, port):
            return None
        raise
    if not attempt.hand_over(services):
        services.stop()  # stopped, or the window closed, while they were starting
        return None
    return services


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
        # the current start (None: stopped); a worker's result for another one is stale
        self._attempt: _Attempt | None = None
        self.label = QLabel(parent)
        self.label.setObjectName("trainingServicesStatus")
        self.label.hide()
        self.retranslate()

    @property
    def port(self) -> int | None:
        return self.setup.port if self.setup is not None else None

    @property
    def esc_url(self) -> str:
        """The ESC simulator served with them ("" when they are not up, or for a set-up
        made before the simulator existed)."""
        if self.setup is None or self.state not in (ServiceState.RUNNING,
                                                    ServiceState.ELSEWHERE):
            return ""
        return self.setup.esc_url

    def start(self, setup: TrainingSetup) -> None:
        """Serve ``setup`` (stops the services of another set-up first)."""
        if self.setup is not None and self.setup.directory != setup.directory:
            self.stop()
        self.setup = setup
        if self._attempt is not None:
            return  # starting or running: one start at a time
        self._serve(setup, self._begin())

    def start_directory(self, directory: Path) -> None:
        """Serve the set-up in ``directory``, its manifest read off the GUI thread too."""
        if self._attempt is not None and (
                self.setup is None or Path(self.setup.directory) == directory):
            return  # one start at a time: a second one would lose the first's services
        self.stop()
        attempt = self._begin()

        def load() -> TrainingSetup:
            from desktop_signer.training.setup import load as load_setup

            return load_setup(directory)

        self.tasks.run(load, lambda made: self._loaded(attempt, made),
                       lambda error: self._failed(attempt, error))

    def _begin(self) -> _Attempt:
        self._attempt = _Attempt()
        self._set(ServiceState.STARTING)
        return self._attempt

    def _serve(self, setup: TrainingSetup, attempt: _Attempt) -> None:
        directory, port = Path(setup.directory), setup.port
        self.tasks.run(lambda: _start(directory, port, attempt),
                       lambda services: self._started(attempt, services),
                       lambda error: self._failed(attempt, error))

    def _loaded(self, attempt: _Attempt, setup: TrainingSetup) -> None:
        self.loaded.emit(setup)
        if attempt is self._attempt:  # not stopped while the manifest was read
            self.setup = setup
            self._serve(setup, attempt)

    def _started(self, attempt: _Attempt, services: TrainingServices | None) -> None:
        if attempt is not self._attempt:
            return  # stopped while starting: the worker stopped what it started
        self.services = services
        self._set(ServiceState.RUNNING if services is not None else ServiceState.ELSEWHERE)

    def _failed(self, attempt: _Attempt, error: BaseException) -> None:
        if attempt is not self._attempt:
            return
        self._attempt = None  # nothing runs: the next start may go
        taken = isinstance(error, TrainingError) and error.code == "port_in_use"
        self._set(ServiceState.PORT_TAKEN if taken else ServiceState.FAILED)
        self.failed.emit(error)

    def stop(self) -> None:
        attempt, self._attempt = self._attempt, None
        self.services = None
        if attempt is not None:
            attempt.cancel()  # stops the services, or makes their worker stop them
        if self.state != ServiceState.STOPPED:
            self._set(ServiceState.STOPPED)

    def restart(self, setup: TrainingSetup) -> None:
        self.stop()
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
            tip = (self.tr("Time stamps: %1\nOCSP: %2\nCRL: %3")
                   .replace("%1", self.setup.tsa_url).replace("%2", self.setup.ocsp_url)
                   .replace("%3", ", ".join(self.setup.crl_urls)))
            if self.esc_url:
                tip += "\n" + self.tr("BSrE eSign (simulator): %1").replace("%1",
                                                                           self.esc_url)
            self.label.setToolTip(tip)
        else:
            self.label.setToolTip(text)
        self.label.setVisible(self.state != ServiceState.STOPPED or self.setup is not None)
