"""Batches: one login, progress, cancellation, per-file results, skipping; the journal."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop_signer.identity import SigningIdentity
from desktop_signer.journal import Journal
from desktop_signer.signing import SignJob, sign_batch
from desktop_signer.training import letters
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import identity, options, sha256

pytestmark = pytest.mark.integration


class CountingIdentity(SigningIdentity):
    """Counts how often signing code asks for a signer (one login per batch)."""

    def __init__(self, real: SigningIdentity) -> None:
        self.real = real
        self.kind = real.kind
        self.signers = 0

    @property
    def certificate(self) -> Any:
        return self.real.certificate

    @property
    def other_certificates(self) -> Any:
        return self.real.other_certificates

    def pyhanko_signer(self) -> Any:
        self.signers += 1
        return self.real.pyhanko_signer()

    def close(self) -> None:
        self.real.close()


def make_inputs(folder: Path, count: int, broken: tuple[int, ...] = ()) -> list[SignJob]:
    folder.mkdir(exist_ok=True)
    jobs = []
    data = letters.nota_dinas()
    for i in range(count):
        src = folder / f"surat-{i:02d}.pdf"
        src.write_bytes(b"not a pdf at all" if i in broken else data)
        jobs.append(SignJob(src, folder / f"surat-{i:02d}_signed.pdf"))
    return jobs


def test_batch_one_login_progress_failure_and_journal(training: TrainingSetup,
                                                      tmp_path: Path) -> None:
    jobs = make_inputs(tmp_path / "batch", 4, broken=(1,))
    jobs[3].output.write_bytes(b"signed earlier")  # exists: skipped
    seen: list[tuple[int, int, str | None]] = []
    ident = CountingIdentity(identity(training, "pkcs11"))
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        batch = sign_batch(ident, jobs, options(training),
                           progress=lambda d, t, f: seen.append((d, t, f.name if f else None)),
                           journal=journal)
    finally:
        ident.close()
    assert ident.signers == 1, "one login for the whole batch"
    assert [r.status for r in batch.results] == ["signed", "failed", "signed", "skipped"]
    assert batch.results[1].error_code == "input_not_pdf"
    assert (batch.signed, batch.failed, batch.skipped) == (2, 1, 1) and not batch.cancelled
    assert seen == [(0, 4, "surat-00.pdf"), (1, 4, "surat-01.pdf"), (2, 4, "surat-02.pdf"),
                    (3, 4, "surat-03.pdf"), (4, 4, None)]
    assert not jobs[1].output.exists()
    assert jobs[3].output.read_bytes() == b"signed earlier"

    rows = journal.entries()
    assert [(r.input_name, r.result, r.error_code) for r in rows] == [
        ("surat-00.pdf", "signed", ""), ("surat-01.pdf", "failed", "input_not_pdf"),
        ("surat-02.pdf", "signed", "")]
    for row, job in zip([rows[0], rows[2]], [jobs[0], jobs[2]], strict=True):
        assert row.output_sha256 == sha256(job.output)
        assert row.level == "B-B" and row.requested_level == "B-B"
        assert row.key_kind == "pkcs11" and "Budi Santoso" in row.cert_subject
        assert int(row.cert_serial, 16) == training.identity("budi").serial
        assert "BSrE Latihan CA" in row.cert_issuer
    assert rows[1].output_sha256 == "" and rows[1].level == ""
    assert journal.entries(year=int(rows[0].time_utc[:4]) - 1) == []
    journal.close()
    raw = (tmp_path / "journal.sqlite3").read_bytes()
    assert training.pin.encode() not in raw, "never a PIN"
    assert b"Dinas Komunikasi" not in raw, "never document content"
    with sqlite3.connect(tmp_path / "journal.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM signings").fetchone() == (3,)


def test_batch_cancellation_between_files(training: TrainingSetup, tmp_path: Path) -> None:
    jobs = make_inputs(tmp_path / "cancel", 5)
    cancel = threading.Event()

    def progress(done: int, total: int, current: Path | None) -> None:
        if done == 2:
            cancel.set()  # pressed "cancel" while the third file was about to start

    ident = identity(training, "pkcs12")
    batch = sign_batch(ident, jobs, options(training), progress=progress, cancel=cancel)
    # the file whose progress fired is finished, nothing after it is touched
    assert batch.cancelled and [r.status for r in batch.results] == ["signed"] * 3
    assert [j.output.exists() for j in jobs] == [True, True, True, False, False]


def test_batch_overwrite_when_told(training: TrainingSetup, tmp_path: Path) -> None:
    jobs = make_inputs(tmp_path / "again", 1)
    jobs[0].output.write_bytes(b"old")
    ident: SigningIdentity = identity(training, "pkcs12")
    batch = sign_batch(ident, jobs, options(training, overwrite=True))
    assert batch.results[0].status == "signed"
    assert jobs[0].output.read_bytes().startswith(b"%PDF")
