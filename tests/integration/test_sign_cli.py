"""``desktop-signer sign`` as scripts use it (DESIGN §6)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_signer.cli import main
from desktop_signer.journal import Journal
from desktop_signer.training import letters
from desktop_signer.training.services import TrainingServices
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import pdfsig

pytestmark = pytest.mark.integration


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    paths = []
    for name, data in (("surat.pdf", letters.surat_dinas()), ("nota.pdf", letters.nota_dinas())):
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_sign_on_the_token_with_pin_from_stdin(
        training: TrainingSetup, training_services: TrainingServices, inputs: list[Path],
        isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    monkeypatch.setattr(sys, "stdin", io.StringIO(training.pin + "\n"))
    out_dir = inputs[0].parent / "out"
    out_dir.mkdir()
    code = main(["sign", *map(str, inputs), "--out-dir", str(out_dir),
                 "--module", training.module, "--token", "LATIHAN", "--cert-label", "budi",
                 "--pin-stdin", "--anchor", "#", "--level", "B-LT", "--tsa", training.tsa_url,
                 "--trust", training.root_certificate, "--signer-title", "Kepala Dinas",
                 "--footer", "--training", "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["status"] for r in lines] == ["signed", "signed"]
    assert [r["page"] for r in lines] == [3, 1] and lines[0]["level"] == "B-LT"
    for r in lines:
        out = Path(r["output"])
        assert out.parent == out_dir and out.name.endswith("_signed.pdf")
        assert "Signature is Valid" in pdfsig(out) and "Total document signed" in pdfsig(out)
    assert training.pin not in captured.out + captured.err
    with Journal() as journal:  # in the isolated user data folder
        assert [e.result for e in journal.entries()] == ["signed", "signed"]


def test_pkcs12_with_passphrase_env_and_text_output(
        training: TrainingSetup, inputs: list[Path], isolated_dirs: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "id")
    monkeypatch.setenv("P12_PASS", training.pkcs12_passphrase)
    p12 = training.identity("siti").pkcs12
    assert p12 is not None
    out = inputs[1].with_name("hasil.pdf")
    args = ["sign", str(inputs[1]), "-o", str(out), "--pkcs12", p12,
            "--passphrase-env", "P12_PASS", "--level", "B-B", "--position", "bottom-left"]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "ditandatangani:" in text and "B-B" in text
    # the same again: the output exists, so the file is skipped, not overwritten
    before = out.read_bytes()
    assert main(args) == 0
    assert "dilewati" in capsys.readouterr().out
    assert out.read_bytes() == before


def test_usage_errors_exit_64(training: TrainingSetup, inputs: list[Path],
                              isolated_dirs: dict[str, Path]) -> None:
    exe = [sys.executable, "-m", "desktop_signer", "sign"]
    runs = [
        [*map(str, inputs), "-o", "x.pdf", "--pkcs12", "a.p12", "--passphrase-env", "X"],
        [str(inputs[0]), "--pin", "123456"],  # a PIN is never an argument
        [str(inputs[0]), "--level", "B-X"],
        [str(inputs[0]), "--rect", "1,2,3", "--pkcs12", "a.p12", "--passphrase-env", "HOME"],
        [*map(str, inputs), "--out-dir", str(inputs[0].parent / "no-such-folder"),
         "--pkcs12", "a.p12", "--passphrase-env", "HOME"],
    ]
    for extra in runs:
        proc = subprocess.run([*exe, *extra], capture_output=True, text=True, check=False,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(isolated_dirs["data"]),
                                   "DESKTOP_SIGNER_LANG": "en"},
                              cwd=Path(__file__).resolve().parents[2])
        assert proc.returncode == 64, (extra, proc.stderr)


def test_wrong_pin_is_one_clear_line(training: TrainingSetup, inputs: list[Path],
                                     isolated_dirs: dict[str, Path],
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    monkeypatch.setenv("WRONG_PIN", "000000")
    before = sorted(p.name for p in inputs[0].parent.iterdir())
    code = main(["sign", str(inputs[0]), "--module", training.module, "--token", "LATIHAN-2",
                 "--cert-label", "putri", "--pin-env", "WRONG_PIN", "--level", "B-B"])
    err = capsys.readouterr().err
    assert code == 1 and "PIN" in err and "000000" not in err
    assert sorted(p.name for p in inputs[0].parent.iterdir()) == before
    # a correct login resets SoftHSM's failure counter for the other tests
    monkeypatch.setenv("GOOD_PIN", training.pin)
    assert main(["sign", str(inputs[0]), "--module", training.module, "--token", "LATIHAN-2",
                 "--cert-label", "putri", "--pin-env", "GOOD_PIN", "--level", "B-B"]) == 0


def test_pin_prompt_on_a_terminal(training: TrainingSetup, inputs: list[Path],
                                  isolated_dirs: dict[str, Path]) -> None:
    """Without --pin-env/--pin-stdin, on a terminal, the PIN is asked for (in Indonesian)
    and not echoed; signing then goes on."""
    import os
    import pty
    import select
    import time

    out = inputs[0].with_name("dari_terminal.pdf")
    argv = [sys.executable, "-m", "desktop_signer", "sign", str(inputs[0]), "-o", str(out),
            "--module", training.module, "--token", "LATIHAN", "--cert-label", "budi",
            "--level", "B-B", "--training"]
    env = {**os.environ, "DESKTOP_SIGNER_LANG": "id"}
    root = Path(__file__).resolve().parents[2]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI with the pty as its terminal
        os.chdir(root)
        os.execve(sys.executable, argv, env)
    transcript = b""

    def read_until(done: bytes | None, seconds: float) -> None:
        nonlocal transcript
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (done is None or done not in transcript):
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # the child closed the terminal
                    return
                if not chunk:
                    return
                transcript += chunk

    try:
        read_until(b"PIN", 60)
        assert b"PIN" in transcript, transcript
        os.write(fd, (training.pin + "\n").encode())
        read_until(None, 60)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, transcript.decode(errors="replace")
    assert training.pin.encode() not in transcript, "the PIN must not be echoed"
    assert b"ditandatangani" in transcript
    assert "Signature is Valid" in pdfsig(out)
