"""A frozen Linux build loads a vendor PKCS#11 module against the system's libraries.

The PyInstaller bootloader restarts the program with its bundle folder first on
``LD_LIBRARY_PATH``, and the dynamic loader reads that variable once, at start: a module's
own dependencies (``libcrypto.so.3``, ``libpcsclite.so.1``, ...) would be looked for in the
bundle first, and a driver built for a newer OpenSSL than a bundled copy would fail to load
(pyinstaller#8797). The package leaves the system's libraries out of the bundle; in
addition, before loading a module we ask the system's ``ldd`` where each dependency is found
under the *original* library path (``LD_LIBRARY_PATH_ORIG``, see
:func:`desktop_signer.frozen.system_environ`) and load those files first, deepest first.
The module then binds to them: a library already loaded satisfies its soname.

From source, and on Windows/macOS, this does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import subprocess
import sys

from desktop_signer import frozen

log = logging.getLogger(__name__)

# "libcrypto.so.3 => /lib/x86_64-linux-gnu/libcrypto.so.3 (0x00007f...)"
_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(/\S+)\s+\(0x[0-9a-f]+\)\s*$")
# The C library and the loader are the process's own; never load a second copy.
_NEVER = ("libc.so.", "ld-linux", "libdl.so.", "libpthread.so.", "libm.so.", "librt.so.")


def dependencies(module: str, environ: dict[str, str]) -> list[tuple[str, str]]:
    """(soname, path) of every library ``module`` needs, resolved with ``environ``'s
    library path, in the loader's order (breadth first)."""
    ldd = shutil.which("ldd", path=environ.get("PATH", os.defpath))
    if ldd is None:
        return []
    try:
        done = subprocess.run([ldd, module], env=environ, capture_output=True, text=True,
                              timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    found = []
    for line in done.stdout.splitlines():
        match = _LDD_LINE.match(line)
        if match and not match.group(1).startswith(_NEVER):
            found.append((match.group(1), match.group(2)))
    return found


def preload_for(module: str, *, force: bool = False) -> list[str]:
    """Load ``module``'s dependencies from the original library path (frozen Linux builds;
    ``force`` for tests). Returns the files loaded; failures are left to the module's own
    load, which reports them."""
    if not force and not (frozen.is_frozen() and sys.platform.startswith("linux")):
        return []
    bundle = getattr(sys, "_MEIPASS", None)
    loaded = []
    for _soname, path in reversed(dependencies(module, frozen.system_environ(frozen=True))):
        if bundle and os.path.realpath(path).startswith(os.path.realpath(bundle) + os.sep):
            continue  # only the bundle has it: the module will use that one anyway
        try:
            ctypes.CDLL(path)
        except OSError as exc:
            log.debug("could not preload %s for %s: %s", path, module, exc)
            continue
        loaded.append(path)
    return loaded
