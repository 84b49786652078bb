"""Frozen (PyInstaller) builds: system programs get the user's library path back, and the
launcher runs the core's child modules when ``sys.executable`` is the program itself."""

from __future__ import annotations

import sys

import pytest

from desktop_signer import frozen
from ui import launcher


def test_system_programs_get_the_library_path_from_before_the_bootloader() -> None:
    env = {"LD_LIBRARY_PATH": "/opt/desktop-signer/_internal:/home/u/lib",
           "LD_LIBRARY_PATH_ORIG": "/home/u/lib", "PATH": "/usr/bin"}
    restored = frozen.system_environ(env, frozen=True)
    assert restored["LD_LIBRARY_PATH"] == "/home/u/lib"
    assert "LD_LIBRARY_PATH_ORIG" not in restored and restored["PATH"] == "/usr/bin"
    assert restored["PYINSTALLER_RESET_ENVIRONMENT"] == "1"


def test_a_path_the_user_never_set_is_unset_again() -> None:
    env = {"LD_LIBRARY_PATH": "/opt/desktop-signer/_internal"}
    assert "LD_LIBRARY_PATH" not in frozen.system_environ(env, frozen=True)


def test_from_source_nothing_changes() -> None:
    env = {"LD_LIBRARY_PATH": "/x", "LD_LIBRARY_PATH_ORIG": "/y"}
    assert frozen.system_environ(env, frozen=False) == env


def test_frozen_launcher_runs_a_child_module(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    # the standard library's calendar stands in for a child module: it prints, and exits
    # through argparse with 2 on a bad option
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(frozen, "CHILD_MODULES", frozenset({"calendar"}))
    assert launcher.main(["-m", "calendar", "2026", "2"]) == 0
    assert "February 2026" in capsys.readouterr().out
    assert launcher.main(["-m", "calendar", "--no-such-option"]) == 2


def test_frozen_launcher_refuses_other_modules(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launcher.main(["-m", "http.server"]) == 64
    assert "not a module this program runs" in capsys.readouterr().err
