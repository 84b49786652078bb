"""What differs when Desktop Signer runs as a frozen (PyInstaller) build.

Two things, both invisible when run from source:

* ``sys.executable`` is the ``desktop-signer`` program itself, not a Python interpreter, so
  ``[sys.executable, "-m", module]`` reaches our launcher, which hands the few modules
  meant to run as child processes to :func:`run_child_module`.
* The bootloader puts the bundle's own folder first on the library search path
  (``LD_LIBRARY_PATH`` on Linux, saving the user's value in ``LD_LIBRARY_PATH_ORIG``).
  System programs we start (``softhsm2-util``) must not see our copies of the system's
  libraries: :func:`system_environ` gives them the environment as it was before (our
  own child processes too: their bootloader then sets the path up afresh).
"""

from __future__ import annotations

import os
import runpy
import sys
from collections.abc import Mapping, Sequence

# Modules with a ``__main__`` block that the core starts as ``python -m MODULE``.
CHILD_MODULES = frozenset({"desktop_signer.training.provision"})

# Variables the bootloader rewrites, with the name under which it saved the original.
_SAVED_BY_BOOTLOADER = {"LD_LIBRARY_PATH": "LD_LIBRARY_PATH_ORIG", "LIBPATH": "LIBPATH_ORIG"}


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def run_child_module(name: str, args: Sequence[str]) -> int:
    """Run one of :data:`CHILD_MODULES` as ``__main__`` (what ``python -m`` does)."""
    if name not in CHILD_MODULES:
        print(f"desktop-signer: -m {name}: not a module this program runs", file=sys.stderr)
        return 64
    sys.argv = [name, *args]
    try:
        runpy.run_module(name, run_name="__main__", alter_sys=True)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


def system_environ(environ: Mapping[str, str] | None = None, *,
                   frozen: bool | None = None) -> dict[str, str]:
    """The environment for a system program: in a frozen build, the library path the user
    had before the bootloader prepended the bundle (unset if it was unset)."""
    env = dict(os.environ if environ is None else environ)
    if not (is_frozen() if frozen is None else frozen):
        return env
    for variable, saved in _SAVED_BY_BOOTLOADER.items():
        original = env.pop(saved, None)
        if original is not None:
            env[variable] = original
        else:
            env.pop(variable, None)
    # When the program is our own executable again, its bootloader sets itself up afresh
    # instead of taking the variables above for its parent's.
    env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    return env
