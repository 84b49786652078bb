"""``desktop-signer selfcheck``: a missing resource or a keyring that does not keep a value is
a failure with the name of what is wrong; without any keyring the program still works, so
that alone is a note, unless a round trip was asked for (the package smoke test asks)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from keyring.backends import fail

from desktop_signer import cli, selfcheck
from desktop_signer.paths import resources_dir
from desktop_signer.secrets import SecretStore
from tests.unit.test_tokens_secrets import StandInKeyring


def test_the_source_tree_is_complete(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["selfcheck", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["ok"]
    assert {c["name"] for c in report["checks"] if c["ok"]} >= {
        "resources", "library_data", "pdf_engine", "pkcs11"}


def test_a_missing_font_fails_and_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    (copy / selfcheck.REQUIRED_RESOURCES[0]).unlink()
    (copy / "translations" / "desktop_signer_id.qm").unlink()
    monkeypatch.setenv("DESKTOP_SIGNER_RESOURCES", str(copy))
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    assert cli.main(["selfcheck"]) == 1
    out = capsys.readouterr().out
    assert f"missing: {selfcheck.REQUIRED_RESOURCES[0]}" in out
    assert "missing: translations/desktop_signer_id.qm" in out
    assert "The installation is incomplete" in out


def test_a_damaged_trust_registry_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    (copy / "trust" / "registry.json").write_text("{not json", "utf-8")
    monkeypatch.setenv("DESKTOP_SIGNER_RESOURCES", str(copy))
    check = selfcheck.check_resources()
    assert not check.passed and check.missing == ("trust/registry.json (unreadable)",)


def test_no_keyring_is_a_note_unless_a_round_trip_is_asked() -> None:
    store = SecretStore(fail.Keyring())
    plain = selfcheck.check_keyring(store)
    assert not plain.ok and plain.passed  # the program works, remembering nothing
    asked = selfcheck.check_keyring(store, round_trip=True)
    assert not asked.passed and "no_backend" in asked.detail


def test_a_round_trip_stores_reads_back_and_removes() -> None:
    backend = StandInKeyring()
    check = selfcheck.check_keyring(SecretStore(backend), round_trip=True)
    assert check.passed and "stored, found" in check.detail
    assert backend.items == {}  # nothing left behind


class ForgetfulKeyring(StandInKeyring):
    """Stand-in for a keyring that accepts a value and loses it (a locked collection)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


def test_a_keyring_that_loses_the_value_fails() -> None:
    check = selfcheck.check_keyring(SecretStore(ForgetfulKeyring()), round_trip=True)
    assert not check.passed and "not_found" in check.detail
