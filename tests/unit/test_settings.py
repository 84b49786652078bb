"""Settings: user values, administrator defaults and locks, atomic saving."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_signer import settings
from desktop_signer.settings import Settings


def test_defaults_without_any_file(isolated_dirs: dict[str, Path]) -> None:
    loaded = settings.load()
    assert loaded.settings == Settings()
    assert loaded.problems == ()
    assert loaded.user_file == isolated_dirs["config"] / "desktop-signer" / "settings.json"


def test_user_values_round_trip_and_only_changes_are_stored(
    isolated_dirs: dict[str, Path],
) -> None:
    loaded = settings.load()
    changed = settings.replace_values(
        loaded.settings, {"tsa_url": "https://tsa.contoh.go.id", "profile.title": "Kepala Dinas",
                          "modules": ["/opt/vendor/libx.so"], "offline": True},
    )
    reloaded = settings.save(loaded, changed)
    assert reloaded.settings == changed
    stored = json.loads(loaded.user_file.read_text(encoding="utf-8"))
    assert stored == {"tsa_url": "https://tsa.contoh.go.id", "profile.title": "Kepala Dinas",
                      "modules": ["/opt/vendor/libx.so"], "offline": True}


def test_administrator_defaults_and_locks(isolated_dirs: dict[str, Path]) -> None:
    admin = isolated_dirs["site"] / "desktop-signer"
    admin.mkdir()
    (admin / "settings.json").write_text(json.dumps({
        "defaults": {"tsa_url": "https://tsa.instansi.go.id", "pades_level": "B-LTA"},
        "locked": ["tsa_url"],
    }), encoding="utf-8")
    user = isolated_dirs["config"] / "desktop-signer"
    user.mkdir()
    (user / "settings.json").write_text(json.dumps({
        "tsa_url": "https://tsa.pribadi.example", "pades_level": "B-T",
    }), encoding="utf-8")
    loaded = settings.load()
    assert loaded.settings.tsa_url == "https://tsa.instansi.go.id"  # locked: admin wins
    assert loaded.settings.pades_level == "B-T"  # not locked: the user's choice
    assert loaded.is_locked("tsa_url") and not loaded.is_locked("pades_level")
    # saving never writes a locked key, and a value equal to the admin default is not stored
    again = settings.save(loaded, settings.replace_values(
        loaded.settings, {"tsa_url": "https://lain.example", "pades_level": "B-LTA"}))
    assert again.settings.tsa_url == "https://tsa.instansi.go.id"
    assert json.loads(loaded.user_file.read_text(encoding="utf-8")) == {}


def test_broken_files_are_reported_not_fatal(isolated_dirs: dict[str, Path]) -> None:
    user = isolated_dirs["config"] / "desktop-signer"
    user.mkdir()
    (user / "settings.json").write_text("{bukan json", encoding="utf-8")
    loaded = settings.load()
    assert loaded.settings == Settings()
    assert len(loaded.problems) == 1 and "settings.json" in loaded.problems[0]


def test_wrong_types_fall_back_to_defaults(isolated_dirs: dict[str, Path]) -> None:
    user = isolated_dirs["config"] / "desktop-signer"
    user.mkdir()
    (user / "settings.json").write_text(json.dumps(
        {"offline": "ya", "tsa_timeout_seconds": "lama", "modules": "satu"}), encoding="utf-8")
    assert settings.load().settings == Settings()


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    settings.write_atomic(target, b"{}")
    settings.write_atomic(target, b"{\"a\": 1}")
    assert target.read_bytes() == b"{\"a\": 1}"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_revocation_soft_fail_replaces_revocation_hard_fail_which_is_still_read(
    isolated_dirs: dict[str, Path],
) -> None:
    """Strict by default; the old key reads as its opposite wherever the new key is not
    given, and a lock on the old key locks the new one."""
    assert Settings().revocation_soft_fail is False
    admin = isolated_dirs["site"] / "desktop-signer"
    admin.mkdir()
    admin_file = admin / "settings.json"
    user_file = isolated_dirs["config"] / "desktop-signer" / "settings.json"
    user_file.parent.mkdir()

    admin_file.write_text(json.dumps({"defaults": {"revocation_hard_fail": False}}), "utf-8")
    assert settings.load().settings.revocation_soft_fail is True
    user_file.write_text(json.dumps({"revocation_hard_fail": True}), "utf-8")
    assert settings.load().settings.revocation_soft_fail is False
    user_file.write_text(json.dumps({"revocation_hard_fail": True,
                                     "revocation_soft_fail": True}), "utf-8")
    assert settings.load().settings.revocation_soft_fail is True  # the new key wins

    admin_file.write_text(json.dumps({"defaults": {"revocation_hard_fail": True},
                                      "locked": ["revocation_hard_fail"]}), "utf-8")
    loaded = settings.load()
    assert loaded.settings.revocation_soft_fail is False  # the user's value is locked out
    assert loaded.is_locked("revocation_soft_fail")
    saved = settings.save(loaded, settings.replace_values(loaded.settings, {"offline": True}))
    assert "revocation_soft_fail" not in json.loads(user_file.read_text("utf-8"))
    assert saved.settings.revocation_soft_fail is False
