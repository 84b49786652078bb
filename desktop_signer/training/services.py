"""The training TSA, OCSP responder and CRL repository, served over HTTP on 127.0.0.1.

certomancer's Animator is the WSGI application (with the ESC simulator at ``/esc``), served
in a background thread (:mod:`desktop_signer.training.wsgi_server`), so tests, the window
and the ``training serve`` command share one implementation.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import ArchLabel

from desktop_signer.training import pki
from desktop_signer.training.wsgi_server import HOST, BackgroundServer

__all__ = ["HOST", "TrainingServices", "already_served"]


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
        # the eSign Client Service simulator, at /esc on the same port (issue 13)
        from desktop_signer.training.esc_sim import mount_point

        self.esc, wsgi = mount_point(directory, self.app)
        # the port is the set-up's: its certificates name these services' URLs
        self._server = BackgroundServer(wsgi, port, "training-services")

    @property
    def base_url(self) -> str:
        return pki.base_url(self.port)

    @property
    def esc_url(self) -> str:
        """The simulator's base URL ("" for a set-up made before it existed)."""
        return f"{self.base_url}/esc" if self.esc is not None else ""

    @property
    def urls(self) -> pki.ServiceUrls:
        return pki.ServiceUrls.for_base(self.base_url)

    def start(self) -> TrainingServices:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def wait(self) -> None:
        """Block until interrupted (``training serve``)."""
        self._server.wait()

    def __enter__(self) -> TrainingServices:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
