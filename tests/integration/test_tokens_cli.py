"""``desktop-signer tokens`` run as a user runs it (a subprocess with the real entry point)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_signer.training.setup import TrainingSetup

pytestmark = pytest.mark.integration


def entry_point() -> list[str]:
    exe = Path(sys.executable).parent / "desktop-signer"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop_signer"]


def run_cli(training: TrainingSetup, isolated: dict[str, Path], *args: str,
            lang: str = "en", env: dict[str, str] | None = None, stdin: str = ""
            ) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.update({
        "SOFTHSM2_CONF": training.softhsm_conf, "DESKTOP_SIGNER_LANG": lang,
        "XDG_CONFIG_HOME": str(isolated["config"]), "XDG_DATA_HOME": str(isolated["data"]),
        "XDG_CONFIG_DIRS": str(isolated["site"]),
    })
    full_env.update(env or {})
    return subprocess.run([*entry_point(), "tokens", *args], env=full_env, input=stdin,
                          capture_output=True, text=True, timeout=120, check=False)


def test_json_layout(training: TrainingSetup, isolated_dirs: dict[str, Path]) -> None:
    proc = run_cli(training, isolated_dirs, "--module", training.module, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"version", "system", "search_dirs", "p11kit_dirs", "modules", "tokens"}
    (module,) = data["modules"]
    assert module["status"] == "loaded" and module["sources"] == ["command_line"]
    assert set(module) >= {"path", "family", "status", "reason", "looked_for", "description",
                           "manufacturer", "version", "token_count", "registration"}
    tokens = {t["label"]: t for t in data["tokens"]}
    assert {"LATIHAN", "LATIHAN-2"} <= set(tokens)
    tok = tokens["LATIHAN"]
    assert set(tok) == {"module", "slot_id", "slot_description", "label", "manufacturer",
                        "model", "serial", "flags", "state", "conditions", "logged_in",
                        "login_warnings", "error", "certificates", "other_certificates",
                        "keys_without_certificate"}
    assert tok["state"]["login_required"] is True and tok["error"] is None
    certs = {c["label"]: c for c in tok["certificates"]}
    budi = certs["budi"]
    assert budi["ref"] == training.identity("budi").key_id
    assert budi["id_number"] == "198503152010011002" and budi["id_kind"] == "nip"
    assert int(budi["serial"], 16) == training.identity("budi").serial
    assert budi["not_after"].startswith("20") and budi["key_size"] == 2048
    assert certs["kedaluwarsa"]["problems"] == ["expired"]
    assert certs["segera-berakhir"]["problems"] == ["expiring_soon"]


def test_text_in_indonesian_and_english(training: TrainingSetup,
                                        isolated_dirs: dict[str, Path]) -> None:
    ind = run_cli(training, isolated_dirs, "--module", training.module, lang="id")
    eng = run_cli(training, isolated_dirs, "--module", training.module, lang="en")
    assert ind.returncode == eng.returncode == 0
    assert "Sertifikat penanda tangan:" in ind.stdout and "NIP 198503152010011002" in ind.stdout
    assert "Sertifikat kedaluwarsa" in ind.stdout and "segera berakhir" in ind.stdout
    assert "Signing certificates:" in eng.stdout and "has expired" in eng.stdout
    assert "[dimuat]" in ind.stdout and "[loaded]" in eng.stdout


def test_login_with_pin_from_environment(training: TrainingSetup,
                                         isolated_dirs: dict[str, Path]) -> None:
    proc = run_cli(training, isolated_dirs, "--module", training.module, "--json",
                   "--token", "LATIHAN-2", "--pin-env", "PIN_TOKEN",
                   env={"PIN_TOKEN": training.pin})
    assert proc.returncode == 0, proc.stderr
    tokens = {t["label"]: t for t in json.loads(proc.stdout)["tokens"]}
    assert tokens["LATIHAN-2"]["logged_in"] is True
    assert {c["key"] for c in tokens["LATIHAN-2"]["certificates"]} == {"private_key"}
    assert tokens["LATIHAN"]["logged_in"] is False


def test_missing_module_and_usage_errors(training: TrainingSetup,
                                         isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    missing = run_cli(training, isolated_dirs, "--module", str(tmp_path / "nope.so"), "--json")
    assert missing.returncode == 1
    (module,) = json.loads(missing.stdout)["modules"]
    assert module["status"] == "not_found"
    usage = run_cli(training, isolated_dirs, "--pin-env", "X")
    assert usage.returncode == 64 and "--token" in usage.stderr
    no_var = run_cli(training, isolated_dirs, "--token", "LATIHAN", "--pin-env", "TIDAK_ADA_VAR")
    assert no_var.returncode == 64 and "TIDAK_ADA_VAR" in no_var.stderr


def test_detects_modules_without_being_told(training: TrainingSetup,
                                            isolated_dirs: dict[str, Path]) -> None:
    proc = run_cli(training, isolated_dirs, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    statuses = {m["family"]: m["status"] for m in data["modules"]}
    assert statuses["SoftHSM2 (latihan)"] == "loaded"
    # every family of the table is reported, and what was looked for when not found
    assert {"SafeNet/Thales eToken", "Bit4id", "Longmai mToken"} <= set(statuses)
    for m in data["modules"]:
        assert m["status"] in ("loaded", "load_failed", "not_found", "hidden")
        if m["status"] == "not_found" and m["path"] is None:
            assert m["looked_for"]
    assert any(t["label"] == "LATIHAN" for t in data["tokens"])
    assert data["search_dirs"]
