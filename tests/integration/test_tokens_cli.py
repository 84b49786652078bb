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
    assert set(data) == {"version", "revocation_checked", "system", "search_dirs",
                         "p11kit_dirs", "modules", "tokens"}
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


def block_of(stdout: str, name: str) -> str:
    """The lines of one certificate in the text listing (its line up to the next one)."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{name} —"))
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].startswith("      ") and not lines[i].startswith("        ")),
               len(lines))
    return "\n".join(lines[start:end])


def test_a_revoked_certificate_is_listed_as_unusable(
        training: TrainingSetup, training_services: object,
        isolated_dirs: dict[str, Path]) -> None:
    """The revoked trainee, asked of the training PKI's real OCSP/CRL on 127.0.0.1: shown
    as revoked, with the date and the reason, in both languages and in the JSON."""
    from datetime import UTC, datetime, timedelta

    eng = run_cli(training, isolated_dirs, "--module", training.module, lang="en")
    ind = run_cli(training, isolated_dirs, "--module", training.module, lang="id")
    data = run_cli(training, isolated_dirs, "--module", training.module, "--json")
    assert eng.returncode == ind.returncode == data.returncode == 0, eng.stderr
    certs = {c["label"]: c for t in json.loads(data.stdout)["tokens"]
             for c in t["certificates"]}
    rina = certs["dicabut"]["revocation"]
    assert json.loads(data.stdout)["revocation_checked"] is True
    assert rina["state"] == "revoked" and rina["reason"] == "key_compromise"
    assert certs["dicabut"]["problems"][0] == "revoked"
    when = datetime.fromisoformat(rina["revoked_at"])
    assert timedelta(days=9) < datetime.now(UTC) - when < timedelta(days=12)
    assert certs["budi"]["revocation"]["state"] == "good"
    assert "revoked" not in certs["budi"]["problems"]
    # outside its validity period: not asked (expiry already blocks it)
    assert certs["kedaluwarsa"]["revocation"]["state"] == "not_checked"

    day = when.date().isoformat()
    assert (f"! The certificate was REVOKED on {day} (the private key was compromised): it "
            "cannot be used to sign.") in block_of(eng.stdout, "Rina Dicabut")
    assert (f"! Sertifikat DICABUT pada {day} (kunci privatnya telah bocor): tidak dapat "
            "dipakai menandatangani.") in block_of(ind.stdout, "Rina Dicabut")
    budi = block_of(eng.stdout, "Budi Santoso")
    assert "Revocation: not revoked" in budi and "REVOKED" not in budi


def test_offline_does_not_ask(training: TrainingSetup, training_services: object,
                              isolated_dirs: dict[str, Path]) -> None:
    text = run_cli(training, isolated_dirs, "--module", training.module, "--offline")
    data = run_cli(training, isolated_dirs, "--module", training.module, "--offline",
                   "--json")
    assert text.returncode == data.returncode == 0
    assert "REVOKED" not in text.stdout and "Revocation:" not in text.stdout
    assert "revocation status was not checked (offline mode)" in text.stdout
    listed = json.loads(data.stdout)
    assert listed["revocation_checked"] is False
    assert all(c["revocation"]["state"] == "not_checked"
               for t in listed["tokens"] for c in t["certificates"])

