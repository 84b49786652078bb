"""The guard against PySide6 6.12.0's reference leak on ``emit()`` (see ui/qt_compat.py)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from ui import qt_compat
from ui.qt_compat import emit

pytestmark = pytest.mark.gui
UI = Path(__file__).resolve().parents[2] / "ui"


class _Sender(QObject):
    changed = Signal(int, bool)


def test_many_emits_keep_true_alive(qapp: object) -> None:
    sender = _Sender()
    received: list[int] = []
    sender.changed.connect(lambda number, _flag: received.append(number))
    before = sys.getrefcount(True)
    for number in range(5000):
        emit(sender.changed, number, False)
    # Without the guard PySide6 6.12.0 would have taken 5000 references from True.
    assert abs(sys.getrefcount(True) - before) < 50
    assert len(received) == 5000


def test_the_probe_matches_the_binding(qapp: object) -> None:
    sender = _Sender()
    before = sys.getrefcount(True)
    result = sender.changed.emit(1, True)
    del result
    lost = before - sys.getrefcount(True)
    if qt_compat.COMPENSATE:
        assert lost == 1
    else:
        assert lost == 0
        import PySide6

        assert PySide6.__version__ != "6.12.0"


def test_the_window_never_calls_emit_directly() -> None:
    offenders = []
    for path in sorted(UI.glob("*.py")):
        if path.name == "qt_compat.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "emit":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == [], "use ui.qt_compat.emit(signal, ...) instead"
