"""Is the Qt binding we run on sound? Checked once, before the window is built.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a method that
returns nothing (``setText``, ``update``, painting...) and to ``True`` on every
``Signal.emit()``. Python 3.12+ makes those objects immortal, so it goes unnoticed there;
on 3.11 the interpreter aborts ("none_dealloc: deallocating None") after a few thousand
calls: within a minute of scrolling. pyproject.toml excludes that release; this check
turns a broken installation into a clear message instead of a crash later.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

TRIES = 16


class _Probe(QObject):
    ping = Signal()


def loses_references(call: Callable[[], object], tries: int = TRIES) -> bool:
    """True if ``call`` leaves ``None`` or ``True`` with fewer references than before.

    What a leaking probe took is given back, so probing itself does no harm."""
    import ctypes

    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(tries):
        call()
    lost_none = before[0] - sys.getrefcount(None)
    lost_true = before[1] - sys.getrefcount(True)
    for obj, lost in ((None, lost_none), (True, lost_true)):
        for _ in range(max(lost, 0)):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
    # Unrelated threads can move the counts a little; a leak takes one per call.
    return lost_none >= tries or lost_true >= tries


def binding_problem() -> str | None:
    """A one-line description of a known binding defect, or None when all is well."""
    import PySide6

    probe = _Probe()
    if loses_references(probe.ping.emit) or loses_references(
            lambda: probe.setObjectName("probe")):
        return (f"PySide6 {PySide6.__version__} loses references to None/True on Python "
                f"{sys.version_info.major}.{sys.version_info.minor}")
    return None
