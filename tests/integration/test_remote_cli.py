"""``desktop-signer sign --esc-url … --nik …`` as people and scripts use it; no secret in
any output, log, journal or settings file."""

from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path

import pytest

from desktop_signer import settings as settings_mod
from desktop_signer.cli import main
from desktop_signer.journal import Journal
from desktop_signer.training import esc_users
from desktop_signer.training.esc_sim import EscSimulator
from desktop_signer.training.setup import TrainingSetup
from tests.integration.esc_helpers import (
    besign_code,
    leftovers,
    letters_in,
)
from tests.integration.sign_helpers import pdfsig

pytestmark = pytest.mark.integration


def _args(training: TrainingSetup, sim: EscSimulator, inputs: list[Path], out_dir: Path,
          *extra: str, nik: str | None = None, email: str | None = None) -> list[str]:
    login = ["--email", email] if email else ["--nik", nik or training.identity("budi").nik]
    return ["sign", *map(str, inputs), "--out-dir", str(out_dir), "--esc-url", sim.url,
            *login, "--esc-user", esc_users.CLIENT_USER,
            "--esc-password-env", "ESC_PW", "--anchor", "#", "--trust",
            training.root_certificate, "--training", "--signer-title", "Kepala Dinas", *extra]


@pytest.fixture
def env(training: TrainingSetup, isolated_dirs: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("ESC_PW", training.esc_client_password)
    monkeypatch.setenv("DESKTOP_SIGNER_TRAINING_DIR", training.directory)
    return isolated_dirs


def _secrets_absent(training: TrainingSetup, texts: list[str], dirs: dict[str, Path]) -> None:
    files = [p.read_bytes() for d in dirs.values() for p in d.rglob("*") if p.is_file()]
    for secret in (training.esc_passphrase, training.esc_client_password):
        for text in texts:
            assert secret not in text
        for data in files:
            assert secret.encode() not in data


def test_passphrase_from_stdin_json_journal_and_no_secret_anywhere(
        training: TrainingSetup, esc: EscSimulator, env: dict[str, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    monkeypatch.setattr(sys, "stdin", io.StringIO(training.esc_passphrase + "\n"))
    inputs = letters_in(tmp_path / "in", 3)
    out = tmp_path / "out"
    out.mkdir()
    code = main(_args(training, esc, inputs, out, "--passphrase-stdin", "--level", "B-LT",
                      "--footer", "--json", "--signer-name", "Budi Santoso"))
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["status"], r["level"], r["page"]) for r in lines] == [("signed", "B-LT", 3)] * 3
    for r in lines:
        assert "Signature is Valid" in pdfsig(Path(r["output"]))
    with Journal() as journal:
        assert [(e.key_kind, e.result, e.level) for e in journal.entries()] == \
            [("remote", "signed", "B-LT")] * 3
    esc_settings = settings_mod.load().settings.esc
    assert esc_settings.nik == training.identity("budi").nik  # remembered, not secret
    assert esc_settings.signer_name == "Budi Santoso"
    assert esc_settings.http_acknowledged == (esc.url,)
    _secrets_absent(training, [captured.out, captured.err, caplog.text], env)

    # the http:// warning was shown once: not again; the NIK and the name come from the
    # settings now
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "id")
    monkeypatch.setenv("PP", training.esc_passphrase)
    args = ["sign", str(inputs[0]), "-o", str(out / "lagi.pdf"), "--esc-url", esc.url,
            "--esc-user", esc_users.CLIENT_USER, "--esc-password-env", "ESC_PW",
            "--passphrase-env", "PP", "--level", "B-T", "--trust", training.root_certificate,
            "--training"]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "http://" not in captured.err and "ditandatangani: " in captured.out
    _secrets_absent(training, [captured.out, captured.err, caplog.text], env)


class _BesignStdin(io.StringIO):
    """A person reading the code off the BeSign app once the CLI asks for it."""

    def __init__(self, sim: EscSimulator, nik: str) -> None:
        super().__init__()
        self.sim, self.nik = sim, nik

    def readline(self, *args: object) -> str:  # type: ignore[override]
        return besign_code(self.sim, self.nik) + "\n"


def test_totp_from_stdin(training: TrainingSetup, esc: EscSimulator, env: dict[str, Path],
                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "id")
    nik = training.identity("siti").nik
    monkeypatch.setattr(sys, "stdin", _BesignStdin(esc, nik))
    inputs = letters_in(tmp_path, 4)
    code = main(_args(training, esc, inputs, tmp_path, "--totp-stdin", "--level", "B-T",
                      "--signer-name", "Siti", nik=nik))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "TOTP untuk 4 berkas diminta" in captured.err and "BeSign" in captured.err
    assert captured.out.count("ditandatangani: ") == 4


class _WrongBesignStdin(_BesignStdin):
    """A person mistyping the code (one digit off)."""

    def readline(self, *args: object) -> str:  # type: ignore[override]
        right = besign_code(self.sim, self.nik)
        return f"{(int(right) + 1) % 10**6:06d}\n"


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "kode TOTP salah atau kedaluwarsa"), ("en", "TOTP code is wrong or expired")])
def test_a_wrong_totp_code(training: TrainingSetup, esc: EscSimulator, env: dict[str, Path],
                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str], lang: str,
                           expected: str) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", lang)
    nik = training.identity("budi").nik
    monkeypatch.setattr(sys, "stdin", _WrongBesignStdin(esc, nik))
    inputs = letters_in(tmp_path, 2)
    before = [p.read_bytes() for p in inputs]
    assert main(_args(training, esc, inputs, tmp_path, "--totp-stdin",
                      "--signer-name", "Budi")) == 1
    err = capsys.readouterr().err
    assert expected in err, err
    assert leftovers(tmp_path) == [] and [p.read_bytes() for p in inputs] == before
    with Journal() as journal:  # the refused attempt is not a signature
        assert all(e.result != "signed" for e in journal.entries())


def test_login_by_email_is_remembered(training: TrainingSetup, esc: EscSimulator,
                                      env: dict[str, Path], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    monkeypatch.setenv("PP", training.esc_passphrase)
    email = training.identity("budi").email
    assert email.endswith("@latihan.invalid")
    [letter] = letters_in(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    assert main(_args(training, esc, [letter], out, "--passphrase-env", "PP",
                      "--level", "B-T", "--signer-name", "Budi", email=email)) == 0
    err = capsys.readouterr().err
    assert f"BSrE certificate status for email {email}: ISSUE" in err
    remembered = settings_mod.load().settings.esc
    assert (remembered.email, remembered.nik) == (email, "")
    # the certificate's name (not the one typed): the stamp's name next time
    assert remembered.signer_name == training.identity("budi").name != "Budi"
    # next time neither is given: the remembered email, and the name for the stamp
    again = tmp_path / "again"
    again.mkdir()
    args = _args(training, esc, [letter], again, "--passphrase-env", "PP", "--level", "B-T")
    at = args.index("--nik")
    assert main(args[:at] + args[at + 2:]) == 0
    assert f"for email {email}" in capsys.readouterr().err
    # an unknown address: 2011 from the service, nothing written
    before = sorted(p.name for p in out.iterdir())
    assert main(_args(training, esc, [letter], out, "--passphrase-env", "PP",
                      email="tidak-ada@latihan.invalid")) == 1
    assert "not registered" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == before
    with pytest.raises(SystemExit) as info:  # one or the other
        main([*_args(training, esc, [letter], out, "--passphrase-env", "PP"),
              "--email", email])
    assert info.value.code == 64


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "passphrase salah (2031)"), ("en", "wrong passphrase (2031)")])
def test_wrong_passphrase_message(training: TrainingSetup, esc: EscSimulator,
                                  env: dict[str, Path], tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str], lang: str,
                                  expected: str) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", lang)
    monkeypatch.setenv("PP", "bukan-" + training.esc_passphrase)
    inputs = letters_in(tmp_path, 1)
    assert main(_args(training, esc, inputs, tmp_path, "--passphrase-env", "PP",
                      "--signer-name", "Budi")) == 1
    err = capsys.readouterr().err
    assert expected in err and "bukan-" not in err
    assert leftovers(tmp_path) == []


def test_status_message_says_what_to_do(training: TrainingSetup, esc: EscSimulator,
                                        env: dict[str, Path], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "id")
    # no passphrase option and no terminal: the status check fails first, nothing is asked
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    inputs = letters_in(tmp_path, 1)
    assert main(_args(training, esc, inputs, tmp_path, "--signer-name", "Agus",
                      nik=training.identity("kedaluwarsa").nik)) == 1
    assert "kedaluwarsa; ajukan pembaruan" in capsys.readouterr().err


def test_usage_errors(training: TrainingSetup, esc: EscSimulator, env: dict[str, Path],
                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    inputs = letters_in(tmp_path, 1)
    with pytest.raises(SystemExit) as info:
        main(_args(training, esc, inputs, tmp_path, "--pkcs12", "x.p12"))
    assert info.value.code == 64
    monkeypatch.delenv("ESC_PW")
    monkeypatch.setenv("DESKTOP_SIGNER_TRAINING_DIR", str(tmp_path / "none"))
    with pytest.raises(SystemExit) as info:
        main(_args(training, esc, inputs, tmp_path, "--passphrase-env", "PP"))
    assert info.value.code == 64
    assert "ESC_PW is not set" in capsys.readouterr().err
    args = _args(training, esc, inputs, tmp_path, "--passphrase-env", "PP")
    at = args.index("--esc-password-env")
    with pytest.raises(SystemExit) as info:
        main(args[:at] + args[at + 2:])  # nor the environment, nor the keyring has one
    assert info.value.code == 64
    assert "ESC client password was not found" in capsys.readouterr().err


def test_administrator_forbids_http_and_locks_the_user(
        training: TrainingSetup, esc: EscSimulator, env: dict[str, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    site = env["site"] / "desktop-signer"
    site.mkdir(parents=True)
    (site / "settings.json").write_text(json.dumps({
        "defaults": {"esc.allow_http": False, "esc.user": esc_users.CLIENT_USER},
        "locked": ["esc.allow_http", "esc.user"]}))
    monkeypatch.setenv("PP", training.esc_passphrase)
    inputs = letters_in(tmp_path, 1)
    assert main(_args(training, esc, inputs, tmp_path, "--passphrase-env", "PP",
                      "--signer-name", "Budi")) == 1
    assert "forbids plain http://" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main([*_args(training, esc, inputs, tmp_path, "--passphrase-env", "PP"),
              "--esc-user", "someone-else"])
    assert info.value.code == 64
    assert "esc.user is set by the administrator" in capsys.readouterr().err


def test_training_serve_runs_the_simulator_and_info_prints_its_secrets(
        training: TrainingSetup, training_services: object, env: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_signer.remote import check_account
    from desktop_signer.training.services import TrainingServices
    from tests.integration.esc_helpers import account

    assert isinstance(training_services, TrainingServices)
    assert training_services.esc_url.endswith("/esc")

    class Mounted:
        url = training_services.esc_url

    status = check_account(account(training, Mounted()))  # type: ignore[arg-type]
    assert status.status == "ISSUE"
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    assert main(["training", "info", training.directory]) == 0
    out = capsys.readouterr().out
    assert training.esc_passphrase in out and training.identity("budi").nik in out
