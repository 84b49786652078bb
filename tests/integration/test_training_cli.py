"""`desktop-signer` as a user runs it: version, help language, training init/serve/info,
and every bad input of issue 2 with a one-line message, a non-zero exit and nothing left."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from desktop_signer import __version__
from desktop_signer.training.setup import TrainingSetup

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _own_settings_folders(isolated_dirs: dict[str, Path]) -> None:
    """`training init` records the active set-up in the user's settings: never the real ones."""


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120
            ) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args],
        env=full_env, capture_output=True, text=True, timeout=timeout, check=False,
    )


def english() -> dict[str, str]:
    return {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8",
            "DESKTOP_SIGNER_LANG": ""}


def indonesian() -> dict[str, str]:
    return {**english(), "LANG": "id_ID.UTF-8"}


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"desktop-signer {__version__}"


def test_help_is_indonesian_under_an_indonesian_locale() -> None:
    result = run_cli("--help", env=indonesian())
    assert result.returncode == 0
    assert result.stdout.startswith("Penggunaan: desktop-signer")
    assert "tampilkan bantuan ini lalu keluar" in result.stdout
    assert "show this help" not in result.stdout
    sub = run_cli("training", "init", "--help", env=indonesian())
    assert "folder lingkungan latihan" in sub.stdout


def test_help_is_english_otherwise() -> None:
    result = run_cli("--help", env=english())
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: desktop-signer")
    assert "show this help message and exit" in result.stdout
    assert "Penggunaan" not in result.stdout


def test_usage_error_exits_64() -> None:
    result = run_cli("training", "init", "--port", "bukan-angka", env=english())
    assert result.returncode == 64
    assert "error" in result.stderr


def _assert_one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]
    assert "Traceback" not in result.stderr


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "dokumen"
    folder.mkdir()
    (folder / "surat.pdf").write_bytes(b"%PDF-1.7 milik pengguna")
    result = run_cli("training", "init", str(folder), env=english())
    _assert_one_line_error(result, "is not empty")
    assert sorted(p.name for p in folder.iterdir()) == ["surat.pdf"]
    assert (folder / "surat.pdf").read_bytes() == b"%PDF-1.7 milik pengguna"


def test_init_refuses_a_folder_it_cannot_write(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permission bits; /proc refuses new folders for everyone
        target = Path("/proc/desktop-signer-test/latihan")
    else:
        locked = tmp_path / "terkunci"
        locked.mkdir(mode=0o500)
        target = locked / "latihan"
    result = run_cli("training", "init", str(target), env=english())
    _assert_one_line_error(result, "Cannot write to folder")
    assert not target.exists()


def test_init_refuses_a_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("training", "init", str(tmp_path / "baru"), "--port", str(port),
                         env=indonesian())
    _assert_one_line_error(result, f"Port {port} di 127.0.0.1 sudah dipakai")
    assert not (tmp_path / "baru").exists()


def test_init_without_softhsm_says_how_to_install_it(tmp_path: Path) -> None:
    env = {**english(), "DESKTOP_SIGNER_SOFTHSM_MODULE": str(tmp_path / "tidak-ada.so")}
    result = run_cli("training", "init", str(tmp_path / "baru"), env=env)
    _assert_one_line_error(result, "apt-get install softhsm2")
    assert not (tmp_path / "baru").exists()


def test_a_failure_halfway_leaves_nothing_behind(tmp_path: Path) -> None:
    """A module that loads as a file but is no PKCS#11 library fails after the PKI and the
    token folder were written; everything must be removed again."""
    not_pkcs11 = tmp_path / "bukan-pkcs11.so"
    not_pkcs11.write_bytes(b"\x7fELF bukan modul")
    target = tmp_path / "a" / "b" / "latihan"
    env = {**english(), "DESKTOP_SIGNER_SOFTHSM_MODULE": str(not_pkcs11)}
    result = run_cli("training", "init", str(target), env=env)
    _assert_one_line_error(result, "Failed to write identities onto the training token")
    assert not (tmp_path / "a").exists()


def test_init_then_info_then_serve(tmp_path: Path) -> None:
    target = tmp_path / "kelas"
    init = run_cli("training", "init", str(target), env=indonesian())
    assert init.returncode == 0, init.stderr
    manifest = json.loads((target / "latihan.json").read_text(encoding="utf-8"))
    for expected in (manifest["module"], manifest["softhsm_conf"], "LATIHAN (9)",
                     "LATIHAN-2 (2)", manifest["pin"], manifest["root_certificate"],
                     manifest["tsa_url"], "desktop-signer training serve"):
        assert expected in init.stdout
    info = run_cli("training", "info", str(target), env=english())
    assert info.returncode == 0 and manifest["pin"] in info.stdout

    serve = subprocess.Popen(
        [sys.executable, "-m", "ui.launcher", "training", "serve", str(target)],
        env={**os.environ, **english()}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert serve.stdout is not None
        first = serve.stdout.readline()
        assert "Training services running at" in first
        with urllib.request.urlopen(manifest["crl_urls"][0], timeout=10) as resp:
            assert resp.status == 200 and len(resp.read()) > 100
        # a second server on the same port is refused with one line
        again = run_cli("training", "serve", str(target), env=english())
        _assert_one_line_error(again, f"Port {manifest['port']} on 127.0.0.1 is already in use")
    finally:
        serve.send_signal(signal.SIGINT)
        out, _err = serve.communicate(timeout=20)
    assert serve.returncode == 0
    assert "Training services stopped." in out


def test_serve_a_folder_that_is_not_a_training_setup(tmp_path: Path) -> None:
    result = run_cli("training", "serve", str(tmp_path), env=english())
    _assert_one_line_error(result, "is not a training folder")


def test_init_makes_its_folder_the_active_training_setup(
    tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    from desktop_signer.training import active

    target = tmp_path / "kelas-b"
    result = run_cli("training", "init", str(target), env=english())
    assert result.returncode == 0, result.stderr
    assert "now the active training set-up" in result.stdout
    assert active.training_dir() == target
    made = active.training_setup()
    assert made is not None and made.directory == str(target)
    # `training info` without DIR now shows this set-up
    info = run_cli("training", "info", env=english())
    assert str(target) in info.stdout


def test_training_bench_manifest_round_trips(training: TrainingSetup) -> None:
    again = TrainingSetup.from_json(training.to_json())
    assert again == training


def test_sign_in_training_mode_uses_the_active_setup_root_and_tsa(
    training: TrainingSetup, training_services: object, tmp_path: Path
) -> None:
    """A trainer signs at B-LT with nothing but --training: the root and the TSA come from
    the active training set-up (here chosen by the environment variable)."""
    letter = Path(training.directory) / "surat" / "nota-dinas-1-halaman.pdf"
    out = tmp_path / "ditandatangani.pdf"
    env = {**english(), "DESKTOP_SIGNER_TRAINING_DIR": training.directory,
           "PASS": training.pkcs12_passphrase}
    result = run_cli("sign", str(letter), "-o", str(out), "--pkcs12",
                     str(training.identity("budi").pkcs12), "--passphrase-env", "PASS",
                     "--level", "B-LT", "--training", "--position", "bottom-right", env=env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert out.is_file()
    without = run_cli("sign", str(letter), "-o", str(tmp_path / "x.pdf"), "--pkcs12",
                      str(training.identity("budi").pkcs12), "--passphrase-env", "PASS",
                      "--level", "B-LT", env={**env, "DESKTOP_SIGNER_TRAINING_DIR": ""})
    assert without.returncode != 0
    assert "time-stamp authority" in without.stderr + without.stdout
    assert not (tmp_path / "x.pdf").exists()


def test_verify_with_training_flag_trusts_the_active_root(
    training: TrainingSetup, training_services: object, tmp_path: Path
) -> None:
    letter = Path(training.directory) / "surat" / "nota-dinas-1-halaman.pdf"
    out = tmp_path / "latihan.pdf"
    env = {**english(), "DESKTOP_SIGNER_TRAINING_DIR": training.directory,
           "PASS": training.pkcs12_passphrase}
    signed = run_cli("sign", str(letter), "-o", str(out), "--pkcs12",
                     str(training.identity("budi").pkcs12), "--passphrase-env", "PASS",
                     "--level", "B-LT", "--training", "--invisible", env=env)
    assert signed.returncode == 0, signed.stderr + signed.stdout
    plain = run_cli("verify", str(out), env=env)
    assert plain.returncode == 2  # indeterminate: the training root is not trusted
    assert "training" in plain.stdout.lower()
    trained = run_cli("verify", str(out), "--training", env=env)
    assert trained.returncode == 0, trained.stdout
