"""Ports on 127.0.0.1 for the training services."""

from __future__ import annotations

import errno
import socket
import sys

from desktop_signer.training.errors import TrainingError


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def ensure_port_free(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        if sys.platform != "win32":
            # like the server itself: a port left in TIME_WAIT by a stopped server is free,
            # one with a listener is not (on Windows this option would allow stealing it)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise TrainingError("port_in_use", str(exc), port=port) from exc
            raise
