"""Every attempt after the user asked to sign is a journal row with its error code, recorded
by the core (signing services and batches), never by callers; a journal that cannot be
written never stops or undoes a signature."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pyhanko.sign import signers

from desktop_signer.cli import main
from desktop_signer.errors import DesktopSignerError
from desktop_signer.identity import SigningIdentity
from desktop_signer.journal import Journal, JournalEntry
from desktop_signer.signing import (
    SignJob,
    TsaConfig,
    open_identity,
    sign_batch,
    sign_document,
    sign_files,
)
from desktop_signer.tokens import load_pkcs12_identity, open_pkcs11_identity
from desktop_signer.tokens.errors import TokenError
from desktop_signer.training import letters
from desktop_signer.training.services import TrainingServices
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import identity, options, sha256
from tests.integration.test_sign_failures import RemovedTokenStandIn, offline_pki, tmpfs
from tests.unit.test_tokens_pin_standin import (
    CKF_USER_PIN_LOCKED,
    READY,
    StandInToken,
    session_for,
)

pytestmark = pytest.mark.integration
__all__ = ["offline_pki"]  # the fixture, shared with the signing failure tests


@pytest.fixture
def jobs(tmp_path: Path) -> list[SignJob]:
    folder = tmp_path / "surat"
    folder.mkdir()
    made = []
    for name in ("nota-dinas.pdf", "undangan.pdf"):
        (folder / name).write_bytes(letters.nota_dinas())
        made.append(SignJob(folder / name, folder / name.replace(".pdf", "_signed.pdf")))
    return made


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j


def rows(journal: Journal) -> list[tuple[str, str, str, str]]:
    return [(e.input_name, e.result, e.error_code, e.key_kind) for e in journal.entries()]


def test_wrong_pin_is_a_row_per_document(training: TrainingSetup, jobs: list[SignJob],
                                         journal: Journal) -> None:
    ident = training.identity("rahmat")
    with pytest.raises(TokenError) as err:
        sign_files(lambda: open_pkcs11_identity(training.module, pin="000000",
                                                token_label=ident.token,
                                                certificate=ident.key_id),
                   jobs, options(training), key_kind="pkcs11", journal=journal)
    assert err.value.code == "pin_incorrect"
    assert rows(journal) == [("nota-dinas.pdf", "failed", "pin_incorrect", "pkcs11"),
                             ("undangan.pdf", "failed", "pin_incorrect", "pkcs11")]
    assert all(e.requested_level == "B-B" and e.cert_serial == "" for e in journal.entries())
    # a correct login resets SoftHSM's counter for the other tests
    open_pkcs11_identity(training.module, pin=training.pin, token_label=ident.token,
                         certificate=ident.key_id).close()


def test_locked_token_is_a_row(training: TrainingSetup, jobs: list[SignJob],
                               journal: Journal) -> None:
    """SoftHSM cannot report a locked PIN: the real login code on ``StandInToken``."""
    token = StandInToken(READY | CKF_USER_PIN_LOCKED)

    def opener() -> SigningIdentity:
        session_for(token).login("123456")
        raise AssertionError("a locked token never logs in")

    chosen = identity(training, "pkcs12")  # the certificate the user picked in the list
    with pytest.raises(TokenError):
        open_identity(opener, jobs[:1], "B-LT", key_kind="pkcs11", journal=journal,
                      certificate=chosen.certificate)
    assert token.opens == [], "no PIN reached the token"
    (row,) = journal.entries()
    assert (row.result, row.error_code, row.requested_level) == ("failed", "pin_locked",
                                                                 "B-LT")
    assert row.signer_name == "Budi Santoso" and row.cert_serial


def test_wrong_pkcs12_passphrase_is_a_row(training: TrainingSetup, jobs: list[SignJob],
                                          journal: Journal) -> None:
    p12 = training.identity("siti").pkcs12
    assert p12 is not None
    with pytest.raises(TokenError):
        sign_files(lambda: load_pkcs12_identity(p12, "salah"), jobs[:1], options(training),
                   key_kind="pkcs12", journal=journal)
    assert rows(journal) == [("nota-dinas.pdf", "failed", "pkcs12_passphrase_incorrect",
                              "pkcs12")]


def test_removed_token_is_a_row(training: TrainingSetup, jobs: list[SignJob],
                                journal: Journal) -> None:
    real = identity(training, "pkcs11")
    try:
        batch = sign_batch(RemovedTokenStandIn(real), jobs[:1], options(training),
                           journal=journal)
    finally:
        real.close()
    assert batch.results[0].error_code == "token_removed"
    assert rows(journal) == [("nota-dinas.pdf", "failed", "token_removed", "pkcs11")]
    assert journal.entries()[0].signer_name == "Budi Santoso"


def test_unreachable_tsa_is_a_row(training: TrainingSetup, jobs: list[SignJob],
                                  journal: Journal) -> None:
    ident = identity(training, "pkcs12")
    opts = options(training, level="B-T", tsa=TsaConfig("http://127.0.0.1:9/tsa", timeout=2))
    batch = sign_batch(ident, jobs[:1], opts, journal=journal)
    assert batch.failed == 1
    (row,) = journal.entries()
    assert (row.error_code, row.requested_level, row.level) == ("tsa_unreachable", "B-T", "")


def test_unreachable_revocation_service_is_a_row(
        offline_pki: TrainingSetup, training: TrainingSetup,
        training_services: TrainingServices, jobs: list[SignJob], journal: Journal) -> None:
    ident = identity(offline_pki, "pkcs12")
    opts = options(offline_pki, level="B-LT", tsa=TsaConfig(training.tsa_url, timeout=5),
                   revocation_timeout=2)
    with pytest.raises(DesktopSignerError):
        sign_document(ident, jobs[0], opts, journal=journal)
    assert rows(journal) == [("nota-dinas.pdf", "failed", "revocation_unavailable", "pkcs12")]


class RemoteServiceStandIn(SigningIdentity):
    """Stand-in for a remote signer whose service refuses after the request (the real
    remote identity, issue 13, has its own batch; this one goes the common way)."""

    kind = "remote-stand-in"

    def __init__(self, certificate: Any) -> None:
        self._certificate = certificate  # the service told us which one

    @property
    def certificate(self) -> Any:
        return self._certificate

    @property
    def other_certificates(self) -> Any:
        return []

    def pyhanko_signer(self) -> signers.Signer:
        raise DesktopSignerError("remote_service_error", "HTTP 503")


def test_remote_service_error_is_a_row(training: TrainingSetup, jobs: list[SignJob],
                                       journal: Journal) -> None:
    with pytest.raises(DesktopSignerError):
        sign_batch(RemoteServiceStandIn(identity(training, "pkcs12").certificate), jobs,
                   options(training), journal=journal)
    assert rows(journal) == [
        ("nota-dinas.pdf", "failed", "remote_service_error", "remote-stand-in"),
        ("undangan.pdf", "failed", "remote_service_error", "remote-stand-in")]


def test_unwritable_folder_is_a_row(training: TrainingSetup, jobs: list[SignJob],
                                    journal: Journal, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    ident = identity(training, "pkcs12")
    target = tmp_path / "readonly"
    with tmpfs(target, "ro", "size=64k") as mounted:
        if not mounted:  # stand-in: the folder refuses new files as a read-only one does
            monkeypatch.setattr(os, "access", lambda *a, **k: False)
        sign_batch(ident, [SignJob(jobs[0].input, target / "out.pdf")], options(training),
                   journal=journal)
    assert rows(journal) == [("nota-dinas.pdf", "failed", "output_dir_not_writable", "pkcs12")]


class BadSignatureStandIn(SigningIdentity):
    """Stand-in for a key whose signatures do not verify (faulty token firmware): our own
    check of the output must catch it."""

    def __init__(self, real: SigningIdentity) -> None:
        self.real = real
        self.kind = real.kind

    @property
    def certificate(self) -> Any:
        return self.real.certificate

    @property
    def other_certificates(self) -> Any:
        return self.real.other_certificates

    def pyhanko_signer(self) -> signers.Signer:
        real = self.real.pyhanko_signer()

        class Faulty(type(real)):  # type: ignore[misc]
            async def async_sign_raw(self, *args: Any, **kwargs: Any) -> bytes:
                value = bytearray(await super().async_sign_raw(*args, **kwargs))
                value[len(value) // 2] ^= 0xFF
                return bytes(value)

        real.__class__ = Faulty
        return real


def test_own_check_failing_is_a_row(training: TrainingSetup, jobs: list[SignJob],
                                    journal: Journal) -> None:
    batch = sign_batch(BadSignatureStandIn(identity(training, "pkcs12")), jobs[:1],
                       options(training), journal=journal)
    assert batch.results[0].error_code == "verification_failed"
    assert not jobs[0].output.exists()
    assert rows(journal) == [("nota-dinas.pdf", "failed", "verification_failed", "pkcs12")]


def test_cli_wrong_pin_is_journaled(training: TrainingSetup, jobs: list[SignJob],
                                    isolated_dirs: dict[str, Path],
                                    monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    monkeypatch.setattr(sys, "stdin", io.StringIO("000000\n"))
    ident = training.identity("rahmat")
    code = main(["sign", str(jobs[0].input), "--module", training.module, "--token",
                 ident.token, "--cert-id", ident.key_id, "--pin-stdin", "--level", "B-B"])
    assert code == 1
    with Journal() as journal:
        assert rows(journal) == [("nota-dinas.pdf", "failed", "pin_incorrect", "pkcs11")]
    open_pkcs11_identity(training.module, pin=training.pin, token_label=ident.token,
                         certificate=ident.key_id).close()
    assert "000000" not in capsys.readouterr().err


# -- a journal that cannot be written ------------------------------------------------------

def test_corrupt_journal_is_set_aside_and_the_signature_made(
        training: TrainingSetup, jobs: list[SignJob], isolated_dirs: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    monkeypatch.setenv("P12_PASS", training.pkcs12_passphrase)
    broken = isolated_dirs["data"] / "desktop-signer" / "journal.sqlite3"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))  # a damaged header
    p12 = training.identity("siti").pkcs12
    assert p12 is not None
    code = main(["sign", str(jobs[0].input), "--pkcs12", p12, "--passphrase-env", "P12_PASS",
                 "--level", "B-B"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert jobs[0].output.is_file()
    assert "damaged" in err and "kept as" in err
    aside = [p for p in broken.parent.iterdir() if ".broken-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"SQLite format 3\x00")
    with Journal(broken) as journal:
        assert rows(journal) == [("nota-dinas.pdf", "signed", "", "pkcs12")]


def test_full_disk_under_the_journal_never_stops_a_signature(
        training: TrainingSetup, jobs: list[SignJob], tmp_path: Path) -> None:
    """The journal's disk fills up during a batch: both documents are signed, the batch
    says the journal could not be written, the rows wait in memory."""
    folder = tmp_path / "full"
    with tmpfs(folder, "size=256k") as mounted:
        if not mounted:
            pytest.skip("a small file system needs root (mount)")
        journal = Journal(folder / "journal.sqlite3", busy_timeout=0.5)
        assert journal.available
        ident = identity(training, "pkcs12")

        def progress(done: int, total: int, current: Path | None) -> None:
            if done == 0:  # something else fills the disk
                with contextlib.suppress(OSError), (folder / "filler").open("wb") as f:
                    while True:
                        f.write(b"\0" * 65536)
                        f.flush()

        batch = sign_batch(ident, jobs, options(training), progress=progress, journal=journal)
        assert [r.status for r in batch.results] == ["signed", "signed"]
        assert all(j.output.is_file() for j in jobs)
        assert batch.journal_problem == "journal_full"
        assert [e.input_name for e in journal.unwritten] == ["nota-dinas.pdf", "undangan.pdf"]
        (folder / "filler").unlink()  # room again: the rows kept in memory are written
        journal.close()
        assert journal.unwritten == []
        with Journal(folder / "journal.sqlite3") as again:
            assert [e.result for e in again.entries()] == ["signed", "signed"]


READONLY_SIGNER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from desktop_signer.journal import Journal, JournalEntry
    from desktop_signer.signing import SignJob, SignOptions, sign_batch
    from desktop_signer.tokens import load_pkcs12_identity
    from desktop_signer.trust.store import TrustConfig
    p12, passphrase, journal_path, src, out = sys.argv[1:6]
    ident = load_pkcs12_identity(p12, passphrase)
    with Journal(Path(journal_path)) as journal:
        batch = sign_batch(ident, [SignJob(Path(src), Path(out))],
                           SignOptions(level="B-B", verify_output=False), journal=journal)
    print(json.dumps({"status": [r.status for r in batch.results],
                      "problem": batch.journal_problem}))
""")


@contextlib.contextmanager
def read_only_folder(path: Path) -> Iterator[bool]:
    """A tmpfs remounted read-only after the journal was written (root only)."""
    with tmpfs(path, "size=2m") as mounted:
        if not mounted:
            yield False
            return
        with Journal(path / "journal.sqlite3") as journal:
            journal.record(JournalEntry.for_failure(Path("a.pdf"), Path("b.pdf"),
                                                    "pin_incorrect", "pkcs12", "B-B"))
        ok = subprocess.run(["mount", "-o", "remount,ro", str(path)],
                            capture_output=True, check=False).returncode == 0
        yield ok


def test_read_only_journal_never_stops_a_signature(training: TrainingSetup,
                                                   jobs: list[SignJob],
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "ro-journal"
    p12 = training.identity("siti").pkcs12
    assert p12 is not None
    with read_only_folder(folder) as ready:
        if not ready:
            pytest.skip("a read-only file system needs root (mount); as root a chmod is "
                        "no obstacle")
        proc = subprocess.run(
            [sys.executable, "-c", READONLY_SIGNER, p12, training.pkcs12_passphrase,
             str(folder / "journal.sqlite3"), str(jobs[0].input), str(jobs[0].output)],
            capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        answer = json.loads(proc.stdout)
        assert answer["status"] == ["signed"]
        assert answer["problem"] in ("journal_readonly", "journal_unavailable")
        assert jobs[0].output.is_file() and sha256(jobs[0].output)
