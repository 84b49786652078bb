"""Loading PKCS#11 modules once per process.

Why a cache of our own (measured with python-pkcs11 0.9.5 and SoftHSM 2.6.1):

* ``pkcs11.lib(path)`` caches by the *string* it is given. Loading the same file under a
  second name (``/usr/lib/softhsm/libsofthsm2.so`` is a symlink to
  ``/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so``) calls ``C_Initialize`` a second
  time and fails with CKR_CRYPTOKI_ALREADY_INITIALIZED. We key by the resolved file and
  also adopt a library that other code in the process (pyHanko, tests) already loaded
  under another name.
* Loading a second, different module is fine.
* python-pkcs11 calls ``C_Initialize(NULL)``, which allows the module to assume it is never
  called from two threads at once. Every call we make into a module therefore happens
  under that module's lock (:attr:`LoadedModule.lock`).
* Some modules (SoftHSM among them) enumerate their tokens only in ``C_Initialize``: a
  token created after loading is invisible until the module is initialised again.
  :func:`rescan` does that, but only while none of our sessions is open on the module,
  because ``C_Finalize`` closes every session.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Any

import pkcs11

from desktop_signer.tokens import system_libraries
from desktop_signer.tokens.errors import ModuleLoadError


@dataclass
class LoadedModule:
    path: str  # as first given
    real_path: str
    lib: Any  # pkcs11.lib
    lock: threading.RLock = field(default_factory=threading.RLock)
    open_sessions: int = 0  # maintained by desktop_signer.tokens.session

    @property
    def description(self) -> str:
        return str(getattr(self.lib, "library_description", "")).strip()

    @property
    def manufacturer(self) -> str:
        return str(getattr(self.lib, "manufacturer_id", "")).strip()

    @property
    def version(self) -> str:
        try:
            major, minor = self.lib.library_version
        except (AttributeError, TypeError, ValueError):
            return ""
        return f"{major}.{minor}"


_modules: dict[str, LoadedModule] = {}
_modules_lock = threading.Lock()


def real_path(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(os.fspath(path))


def _already_loaded_elsewhere(real: str) -> Any | None:
    # python-pkcs11 keeps the libraries it loaded in pkcs11._loaded (keyed by the string
    # it was given); adopting one avoids a second C_Initialize of the same file.
    loaded: dict[str, Any] = getattr(pkcs11, "_loaded", {})
    for so, lib in list(loaded.items()):
        if real_path(so) == real:
            return lib
    return None


def load(path: str | os.PathLike[str]) -> LoadedModule:
    """The loaded module at ``path`` (loaded on first use). Raises ``ModuleLoadError``."""
    given = os.fspath(path)
    real = real_path(given)
    with _modules_lock:
        module = _modules.get(real)
        if module is not None:
            return module
        if not os.path.isfile(real):
            raise ModuleLoadError(given, "file not found")
        lib = _already_loaded_elsewhere(real)
        if lib is None:
            system_libraries.preload_for(real)  # frozen builds: the system's, not ours
            try:
                lib = pkcs11.lib(given)
            except pkcs11.PKCS11Error as exc:
                raise ModuleLoadError(given, str(exc) or type(exc).__name__) from exc
            except OSError as exc:  # pragma: no cover - platform loaders
                raise ModuleLoadError(given, str(exc)) from exc
        elif not getattr(lib, "initialized", True):
            try:
                lib.initialize()
            except pkcs11.PKCS11Error as exc:
                raise ModuleLoadError(given, type(exc).__name__) from exc
        module = LoadedModule(path=given, real_path=real, lib=lib)
        _modules[real] = module
        return module


def loaded(path: str | os.PathLike[str]) -> LoadedModule | None:
    """The module if it is already loaded (never loads)."""
    return _modules.get(real_path(path))


def rescan(path: str | os.PathLike[str]) -> bool:
    """Initialise the module again so it sees tokens created since it was loaded.

    Returns False (and does nothing) while any of our sessions is open on it: C_Finalize
    would close them under the feet of an open identity. Modules that handle hot-plugging
    themselves do not need this; SoftHSM does."""
    module = loaded(path)
    if module is None:
        load(path)
        return True
    with module.lock:
        if module.open_sessions:
            return False
        try:
            module.lib.reinitialize()
        except pkcs11.PKCS11Error as exc:
            raise ModuleLoadError(module.path, type(exc).__name__) from exc
        return True
