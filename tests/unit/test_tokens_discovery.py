"""Module discovery: the known table, p11-kit registrations, user and administrator
settings (files in tmp folders; nothing is loaded here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_signer import settings
from desktop_signer.tokens.discovery import discover, p11kit_modules, parse_p11kit_module
from desktop_signer.tokens.known_modules import KNOWN_MODULES, search_dirs


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x7fELF")
    return path


def by_family(result: object) -> dict[str, object]:
    return {c.family: c for c in result.candidates}  # type: ignore[attr-defined]


def test_table_covers_design_families_on_every_system() -> None:
    names = {f.name for f in KNOWN_MODULES}
    assert {"SafeNet/Thales eToken", "Thales IDPrime", "Feitian ePass2003 / HYP2003",
            "Longmai mToken", "Watchdata ProxKey", "Bit4id", "OpenSC",
            "SoftHSM2 (latihan)"} <= names
    for fam in KNOWN_MODULES:
        assert fam.windows and fam.linux and fam.macos
        assert all(n.endswith(".dll") for n in fam.windows)
    assert search_dirs("windows", {"SystemRoot": r"D:\Win"}) == (r"D:\Win\System32",)


def test_found_and_not_found_known_modules(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    touch(lib / "libeTPkcs11.so")
    result = discover(system="linux", dirs=[str(lib)], p11kit_dirs=())
    fams = by_family(result)
    etoken = fams["SafeNet/Thales eToken"]
    assert etoken.found and etoken.path == str(lib / "libeTPkcs11.so")  # type: ignore[attr-defined]
    bit4id = fams["Bit4id"]
    assert not bit4id.found and bit4id.path is None  # type: ignore[attr-defined]
    assert bit4id.looked_for == ("libbit4xpki.so", "libbit4ipki.so")  # type: ignore[attr-defined]
    assert result.search_dirs == (str(lib),)


def test_same_file_through_a_symlink_is_one_candidate(tmp_path: Path) -> None:
    real = touch(tmp_path / "real" / "libsofthsm2.so")
    link_dir = tmp_path / "links"
    link_dir.mkdir()
    (link_dir / "libsofthsm2.so").symlink_to(real)
    result = discover(system="linux", dirs=[str(link_dir), str(real.parent)], p11kit_dirs=())
    found = [c for c in result.candidates if c.found]
    assert len(found) == 1 and found[0].family == "SoftHSM2 (latihan)"


def test_p11kit_registrations(tmp_path: Path) -> None:
    user, system, shared, mods = (tmp_path / d for d in ("user", "etc", "share", "mods"))
    vendor = touch(tmp_path / "opt" / "vendor-p11.so")
    touch(mods / "opensc-pkcs11.so")
    for d in (user, system, shared):
        d.mkdir()
    (shared / "opensc.module").write_text("# comment\nmodule: opensc-pkcs11.so\n")
    (shared / "vendor.module").write_text(f"module: {tmp_path}/missing.so\n")
    (system / "vendor.module").write_text(f"module: {vendor}\npriority: 5\n")  # hides share's
    (shared / "trust.module").write_text("module: p11-kit-trust.so\ntrust-policy: yes\n")
    (shared / "other.module").write_text("module: x.so\nenable-in: seahorse, firefox\n")
    (user / "off.module").write_text("module: y.so\ndisable-in: desktop-signer\n")
    found = p11kit_modules([str(user), str(system), str(shared)], str(mods))
    assert sorted(path for path, _ in found) == sorted([str(vendor),
                                                        str(mods / "opensc-pkcs11.so")])
    result = discover(system="linux", dirs=[], p11kit_dirs=[str(user), str(system),
                                                            str(shared)],
                      p11kit_module_folder=str(mods))
    opensc = by_family(result)["OpenSC"]
    assert opensc.found and opensc.sources == ["p11-kit"]  # type: ignore[attr-defined]
    assert opensc.registration == str(shared / "opensc.module")  # type: ignore[attr-defined]


def test_parse_p11kit_module() -> None:
    assert parse_p11kit_module("Module:  /a b.so \n# x: y\nbad line\n") == {"module": "/a b.so"}


def test_user_admin_and_command_line_modules(tmp_path: Path) -> None:
    admin_mod = touch(tmp_path / "agency" / "libeTPkcs11.so")
    user_mod = touch(tmp_path / "mine" / "custom-p11.so")
    hidden_mod = touch(tmp_path / "lib" / "libbit4xpki.so")
    cli_mod = touch(tmp_path / "cli" / "one.so")
    admin_dir, user_dir = tmp_path / "admin", tmp_path / "user"
    admin_dir.mkdir()
    user_dir.mkdir()
    (admin_dir / "settings.json").write_text(json.dumps(
        {"defaults": {"modules": [str(admin_mod)]}}))
    (user_dir / "settings.json").write_text(json.dumps(
        {"modules": [str(admin_mod), str(user_mod), str(tmp_path / "gone.so")],
         "removed_modules": [str(hidden_mod)]}))
    loaded = settings.load(user_dir, admin_dir)
    result = discover(loaded, [str(cli_mod)], system="linux", dirs=[str(tmp_path / "lib")],
                      p11kit_dirs=())
    found = {c.path: c for c in result.candidates if c.path}
    assert result.candidates[0].path == str(cli_mod)
    assert found[str(cli_mod)].sources == ["command_line"]
    assert found[str(admin_mod)].sources == ["admin"]
    assert found[str(admin_mod)].family == "SafeNet/Thales eToken"
    assert found[str(user_mod)].sources == ["user"] and found[str(user_mod)].family == ""
    assert not found[str(tmp_path / "gone.so")].found
    assert found[str(hidden_mod)].hidden


@pytest.mark.parametrize("system", ["windows", "macos"])
def test_other_systems_look_for_their_own_names(tmp_path: Path, system: str) -> None:
    result = discover(system=system, dirs=[str(tmp_path)])
    etoken = by_family(result)["SafeNet/Thales eToken"]
    expected = "eTPKCS11.dll" if system == "windows" else "libeTPkcs11.dylib"
    assert expected in etoken.looked_for  # type: ignore[attr-defined]
    assert result.p11kit_dirs == ()
