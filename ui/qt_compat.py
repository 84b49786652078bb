"""Work-arounds for defects of the Qt binding, each detected at start-up, not assumed.

PySide6 6.12.0: ``SignalInstance.emit()`` called from Python returns ``True`` without
adding the reference it hands over, so every emit takes one reference away from ``True``.
On Python 3.11 (where ``True`` is not immortal) the interpreter aborts with "bool_dealloc:
deallocating True or False" after a few thousand emits: a few minutes of scrolling.
(PySide6 6.11.3 does not have the defect; on Python 3.12+ ``True`` is immortal.) Every
signal the window emits goes through :func:`emit`, which gives the reference back when,
and only when, the probe below saw it go missing. ``tests/gui/test_qt_compat.py`` checks
both that the window never calls ``.emit(`` directly and that the balance holds.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def emit_loses_a_reference_to_true(tries: int = 8) -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(tries):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        for _ in range(lost):  # repair what the probe itself took
            _incref(True)
    return lost == tries


COMPENSATE = emit_loses_a_reference_to_true()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, without the binding's reference leak."""
    result = signal.emit(*args)
    if COMPENSATE and result is True:
        _incref(True)
