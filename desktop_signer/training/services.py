"""The training TSA, OCSP responder and CRL repository, served over HTTP on 127.0.0.1.

certomancer's Animator is the WSGI application; werkzeug's threaded server runs it in a
background thread so tests and the ``training serve`` command share one implementation.
"""

from __future__ import annotations

import errno
import threading
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import ArchLabel
from werkzeug.serving import BaseWSGIServer, make_server

from desktop_signer.training import pki
from desktop_signer.training.errors import TrainingError
from desktop_signer.training.ports import ensure_port_free

HOST = "127.0.0.1"


def already_served(directory: Path, port: int, timeout: float = 2.0) -> bool:
    """Do this set-up's services already answer on ``port`` (``training serve`` in another
    process, or a second window)? Asks for the root CRL and checks it is this PKI's."""
    url = pki.ServiceUrls.for_base(pki.base_url(port)).crl_root
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # 127.0.0.1 only
            body: bytes = response.read(1 << 20)
    except (urllib.error.URLError, OSError, ValueError):
        return False
    from asn1crypto import crl

    try:
        issuer = crl.CertificateList.load(body).issuer
    except ValueError:
        return False
    root = pki.certificate(pki.load_arch(directory / "pki"), pki.ROOT)
    return bool(issuer == root.subject)


class TrainingServices:
    """Start with ``start()`` (or as a context manager); ``stop()`` shuts the server down."""

    def __init__(self, directory: Path, port: int) -> None:
        arch = pki.load_arch(directory / "pki")
        self.app = Animator(
            AnimatorArchStore({ArchLabel(pki.ARCH): arch}),
            with_web_ui=False,
            # the X-Certomancer-Fake-Time header is for tests of time-dependent behaviour
            allow_time_override=True,
        )
        self.port = port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return pki.base_url(self.port)

    @property
    def urls(self) -> pki.ServiceUrls:
        return pki.ServiceUrls.for_base(self.base_url)

    def start(self) -> TrainingServices:
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
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="training-services", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def wait(self) -> None:
        """Block until interrupted (``training serve``)."""
        if self._thread is not None:
            while self._thread.is_alive():
                self._thread.join(timeout=0.5)

    def __enter__(self) -> TrainingServices:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
