"""A frozen build loads a PKCS#11 module's dependencies from the library path the user had
before the bootloader put the bundle first (real ldd, real SoftHSM/OpenSC modules)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop_signer.tokens import system_libraries
from desktop_signer.training import softhsm


def _softhsm() -> str:
    try:
        return os.path.realpath(softhsm.find_module())
    except Exception:
        pytest.skip("SoftHSM2 is not installed")


def test_dependencies_follow_the_library_path_given(tmp_path: Path) -> None:
    module = _softhsm()
    system = dict(system_libraries.dependencies(module, {"PATH": "/usr/bin:/bin"}))
    assert "libcrypto.so.3" in system and not system["libcrypto.so.3"].startswith(str(tmp_path))
    # a "bundle" folder with its own libcrypto.so.3 first on the path shadows the system's
    shutil.copy(system["libcrypto.so.3"], tmp_path / "libcrypto.so.3")
    bundled = dict(system_libraries.dependencies(
        module, {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(tmp_path)}))
    assert bundled["libcrypto.so.3"] == str(tmp_path / "libcrypto.so.3")


def test_preloading_uses_the_original_path_not_the_bundle(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    module = _softhsm()
    system = dict(system_libraries.dependencies(module, {"PATH": "/usr/bin:/bin"}))
    shutil.copy(system["libcrypto.so.3"], tmp_path / "libcrypto.so.3")
    # what the bootloader leaves: the bundle first, the user's (unset) value saved nowhere
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    loaded = system_libraries.preload_for(module, force=True)
    assert system["libcrypto.so.3"] in loaded
    assert not any(path.startswith(str(tmp_path)) for path in loaded)
    assert not any("libc.so" in path for path in loaded)


def test_from_source_nothing_is_preloaded() -> None:
    assert system_libraries.preload_for(_softhsm()) == []
