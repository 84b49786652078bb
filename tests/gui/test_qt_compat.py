"""The check that refuses a Qt binding known to crash Python (see ui/qt_compat.py)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from ui.qt_compat import binding_problem, loses_references

pytestmark = pytest.mark.gui


def test_the_installed_binding_is_sound(qapp: object) -> None:
    assert binding_problem() is None


def test_a_call_that_drops_a_reference_to_none_is_caught() -> None:
    def leaky() -> None:  # what PySide6 6.12.0 does on Python 3.11, made on purpose
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(None))

    before = sys.getrefcount(None)
    assert loses_references(leaky)
    assert abs(sys.getrefcount(None) - before) < 8  # the probe gave back what it took


def test_a_sound_call_is_not_flagged() -> None:
    assert not loses_references(lambda: None)
    assert not loses_references(lambda: True)
