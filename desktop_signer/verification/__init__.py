"""PDF signature verification (DESIGN §5): verdicts people can trust.

``verify_file(path, options)`` validates one file in a child process with time and memory
limits and returns a :class:`FileReport` (plain data, no sentences).

The names below are loaded on first use (PEP 562): importing ``desktop_signer.verification``
(or its plain-data modules ``model``, ``options``) does not import pyHanko. The window
waits for results in a worker thread and unpickles reports; an import of pyHanko there holds
the GIL long enough to freeze the window for a fifth of a second. The validation child and
``document`` import pyHanko (and the library wraps that speed it up) themselves.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_signer.verification.isolation import verify_bytes, verify_file, verify_in_process
    from desktop_signer.verification.model import FileReport, Finding, SignatureResult
    from desktop_signer.verification.options import VerifyOptions

_WHERE = {
    "FileReport": "model",
    "Finding": "model",
    "SignatureResult": "model",
    "VerifyOptions": "options",
    "verify_bytes": "isolation",
    "verify_file": "isolation",
    "verify_in_process": "isolation",
}

__all__ = [
    "FileReport",
    "Finding",
    "SignatureResult",
    "VerifyOptions",
    "verify_bytes",
    "verify_file",
    "verify_in_process",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
