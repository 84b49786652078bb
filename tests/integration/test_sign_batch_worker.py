"""The batch's check worker: it checks exactly as this process does, reports failed checks
as typed errors, and a worker that dies hands the checks back to this process."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from desktop_signer.signing import SigningError, SigningSession, SignJob, checker, sign_batch
from desktop_signer.signing.postcheck import check_output
from desktop_signer.training import letters
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import identity, options, pyhanko_check, sha256

pytestmark = pytest.mark.integration


@pytest.fixture
def worker() -> Any:
    background = checker.BackgroundChecker()
    assert background.wait_ready(60), "the check worker did not start"
    yield background
    background.close()


def _signed(training: TrainingSetup, tmp_path: Path) -> tuple[SigningSession, Any]:
    src = tmp_path / "surat.pdf"
    src.write_bytes(letters.surat_dinas())
    session = SigningSession(identity(training, "pkcs12"), options(training))
    return session, session.start(SignJob(src, tmp_path / "surat_signed.pdf"))


def _submit(worker: Any, session: SigningSession, signed: Any) -> Any:
    future = worker.submit(str(signed.pending.path), signed.job.output.name,
                           signed.field_name, session.options.trust, signed.before)
    assert future is not None
    return future


def test_worker_checks_as_this_process_does(training: TrainingSetup, tmp_path: Path,
                                            worker: Any) -> None:
    session, signed = _signed(training, tmp_path)
    outcome = worker.outcome(_submit(worker, session, signed))
    assert outcome is not None
    here = check_output(signed.job.output.name, signed.pending.path.read_bytes(),
                        signed.field_name, session.options.trust, None)
    assert (outcome.verdict, outcome.report.sha256) == (here.verdict, here.report.sha256)
    assert outcome.report.signatures == here.report.signatures
    result = session.finish(signed, outcome)
    assert result.status == "signed" and result.verdict == here.verdict
    assert result.output_sha256 == sha256(signed.job.output)
    pyhanko_check(signed.job.output, training)


def test_worker_reports_a_failed_check(training: TrainingSetup, tmp_path: Path,
                                       worker: Any) -> None:
    session, signed = _signed(training, tmp_path)
    signed.pending.wait_synced()
    data = bytearray(signed.pending.path.read_bytes())
    at = data.index(b"/Contents") - 200  # signed bytes before the signature
    data[at] ^= 0x01
    signed.pending.path.write_bytes(bytes(data))
    with pytest.raises(SigningError) as err:
        worker.outcome(_submit(worker, session, signed))
    assert err.value.code == "verification_failed"
    assert "integrity" in err.value.detail
    signed.pending.discard()
    assert not signed.pending.path.exists() and not signed.job.output.exists()


def test_a_dead_worker_hands_the_checks_back(training: TrainingSetup, tmp_path: Path,
                                             worker: Any) -> None:
    session, signed = _signed(training, tmp_path)
    for pid in list(worker._executor._processes):  # the worker process, killed mid-batch
        os.kill(pid, signal.SIGKILL)
    future = worker.submit(str(signed.pending.path), signed.job.output.name,
                           signed.field_name, session.options.trust, signed.before)
    assert future is None or worker.outcome(future) is None
    assert worker.submit("x", "x", "x", session.options.trust, None) is None
    result = session.finish(signed)  # checked here instead
    assert result.status == "signed" and result.verdict


def test_batch_with_the_worker_keeps_order_and_checks_every_file(
        training: TrainingSetup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    jobs = []
    for i in range(checker.WORKER_FROM + 3):
        src = folder / f"surat-{i:02d}.pdf"
        src.write_bytes(b"not a pdf" if i == 4 else letters.nota_dinas())
        jobs.append(SignJob(src, folder / f"surat-{i:02d}_signed.pdf"))
    submitted: list[str] = []
    real_init, real_submit = checker.BackgroundChecker.__init__, checker.BackgroundChecker.submit

    def ready_init(self: Any) -> None:  # the worker is up before the first file
        real_init(self)
        assert self.wait_ready(60)

    def counting_submit(self: Any, path: str, *rest: Any) -> Any:
        future = real_submit(self, path, *rest)
        if future is not None:
            submitted.append(path)
        return future

    monkeypatch.setattr(checker.BackgroundChecker, "__init__", ready_init)
    monkeypatch.setattr(checker.BackgroundChecker, "submit", counting_submit)
    batch = sign_batch(identity(training, "pkcs12"), jobs, options(training))
    assert len(submitted) == len(jobs) - 1  # every readable file went to the worker
    assert [r.input for r in batch.results] == [j.input for j in jobs]
    assert [r.status for r in batch.results] == [
        "failed" if i == 4 else "signed" for i in range(len(jobs))]
    assert batch.results[4].error_code == "input_not_pdf"
    for r in batch.results:
        if r.status == "signed":
            assert r.verdict and r.output_sha256 == sha256(r.output)
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []
