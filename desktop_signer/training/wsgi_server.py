"""A WSGI application served on 127.0.0.1 by werkzeug's threaded server in a background
thread: the training services (``training serve``, the window) and the ESC simulator
(``training esc``, tests) are both this.

Port 0 asks the system for a free port while binding; :attr:`BackgroundServer.port` is
the one bound. Choosing a free port first and binding it later races with other programs
(and parallel test runs) for it, so callers that can use any port pass 0.
"""

from __future__ import annotations

import errno
import threading
from typing import Any

from werkzeug.serving import BaseWSGIServer, make_server

from desktop_signer.training.errors import TrainingError
from desktop_signer.training.ports import ensure_port_free

HOST = "127.0.0.1"


class BackgroundServer:
    def __init__(self, app: Any, port: int, name: str) -> None:
        self.app = app
        self.port = port  # 0 until started: any free port
        self.name = name
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        if self.port:
            # checked first because werkzeug prints its own English text before giving up
            ensure_port_free(self.port)
        try:
            self._server = make_server(HOST, self.port, self.app, threaded=True)
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise TrainingError("port_in_use", str(exc), port=self.port) from exc
            raise
        except SystemExit as exc:  # werkzeug exits the process when the port is taken
            raise TrainingError("port_in_use", str(exc), port=self.port) from exc
        self.port = int(self._server.socket.getsockname()[1])
        self._thread = threading.Thread(target=self._server.serve_forever, name=self.name,
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def wait(self) -> None:
        """Block until interrupted (the command line's ``serve`` and ``esc``)."""
        if self._thread is not None:
            while self._thread.is_alive():
                self._thread.join(timeout=0.5)
