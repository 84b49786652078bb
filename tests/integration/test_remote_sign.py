"""BSrE remote signing against the ESC simulator over real HTTP on 127.0.0.1: levels,
our checks of the returned file, batches in groups with cancel, TOTP."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from desktop_signer.journal import Journal
from desktop_signer.remote import EscCredential, RemoteSigningSession, sign_remote_batch
from desktop_signer.signing import SignJob
from desktop_signer.training.esc_sim import EscSimulator
from desktop_signer.training.setup import TrainingSetup
from tests.integration.esc_helpers import (
    PROFILE,
    account,
    besign_code,
    leftovers,
    letters_in,
    passphrase,
    remote_options,
    sign_remote,
)
from tests.integration.sign_helpers import pdfsig, pyhanko_check, qpdf_ok, sha256

pytestmark = pytest.mark.integration


def test_the_service_returns_b_t_and_we_keep_it(training: TrainingSetup, esc: EscSimulator,
                                                tmp_path: Path) -> None:
    [letter] = letters_in(tmp_path, 1)
    before = sha256(letter)
    batch = sign_remote(training, esc, [letter], level="B-T")
    [result] = batch.results
    assert result.status == "signed", result.error
    assert result.level == "B-T" and result.verdict == "valid" and result.page == 3
    out = result.output
    assert sha256(letter) == before, "the input is never modified"
    assert out.read_bytes().startswith(letter.read_bytes()), "only appended revisions"
    assert result.output_sha256 == sha256(out)
    statuses = pyhanko_check(out, training)
    assert len(statuses) == 1
    reader = PdfFileReader(io.BytesIO(out.read_bytes()), strict=True)
    assert "/DSS" not in reader.root, "B-T as the service made it: no LTV"
    assert "Signature is Valid" in pdfsig(out) and qpdf_ok(out)


@pytest.mark.parametrize("level", ["B-LT", "B-LTA"])
def test_long_term_data_added_by_us(training: TrainingSetup, esc: EscSimulator,
                                    tmp_path: Path, level: str) -> None:
    [letter] = letters_in(tmp_path, 1)
    [result] = sign_remote(training, esc, [letter], level=level).results
    assert result.status == "signed", result.error
    assert result.level == level and not result.downgraded and result.verdict == "valid"
    out = result.output
    # pyHanko, strict parsing, the training root, only what the document carries
    statuses = pyhanko_check(out, training, lt=True)
    assert len(statuses) == (2 if level == "B-LTA" else 1)
    reader = PdfFileReader(io.BytesIO(out.read_bytes()), strict=True)
    assert "/DSS" in reader.root
    report = pdfsig(out)
    assert report.count("Signature is Valid") >= 1, report
    assert qpdf_ok(out)


def test_invisible_and_the_stamp_is_where_we_put_it(training: TrainingSetup,
                                                   esc: EscSimulator, tmp_path: Path) -> None:
    from desktop_signer.appearance import PlacementRequest

    [a, b] = letters_in(tmp_path, 2)
    [inv] = sign_remote(training, esc, [a], visible=False).results
    assert inv.status == "signed" and inv.page is None
    rect = (300.0, 100.0, 500.0, 180.0)
    [placed] = sign_remote(training, esc, [b],
                           placement=PlacementRequest(page=1, rect=rect)).results
    assert placed.status == "signed", placed.error
    reader = PdfFileReader(io.BytesIO(placed.output.read_bytes()), strict=False)
    [sig] = reader.embedded_signatures
    widget = sig.sig_field
    assert [round(float(v)) for v in widget["/Rect"]] == [300, 100, 500, 180]


def test_a_batch_of_25_in_3_groups_cancelled_after_the_first(
        training: TrainingSetup, esc: EscSimulator, tmp_path: Path,
        isolated_dirs: dict[str, Path]) -> None:
    paths = letters_in(tmp_path / "in", 25)
    jobs = [SignJob(p, tmp_path / "in" / f"{p.stem}_signed.pdf") for p in paths]
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, current: Path | None) -> None:
        seen.append((done, total))
        if done == 9:  # the first group's last file: cancel takes effect between groups
            cancel.set()

    with Journal() as journal:
        batch = sign_remote_batch(account(training, esc), passphrase(training), jobs,
                                  remote_options(training), profile=PROFILE,
                                  progress=progress, cancel=cancel, journal=journal)
        rows = journal.entries()
    assert batch.cancelled and batch.groups_sent == 1
    assert [r.status for r in batch.results] == ["signed"] * 10
    assert [j.output.exists() for j in jobs] == [True] * 10 + [False] * 15
    assert seen[:10] == [(n, 25) for n in range(10)] and seen[-1] == (10, 25)
    assert [(r.key_kind, r.result) for r in rows] == [("remote", "signed")] * 10
    assert all(r.cert_subject and r.output_sha256 for r in rows)

    # the same batch again, not cancelled: the 10 done are skipped, 15 in two groups
    again = sign_remote_batch(account(training, esc), passphrase(training), jobs,
                              remote_options(training), profile=PROFILE)
    assert again.groups_sent == 2 and again.signed == 15 and again.skipped == 10
    assert all(j.output.exists() for j in jobs)


def test_all_25_in_3_groups(training: TrainingSetup, esc: EscSimulator,
                            tmp_path: Path) -> None:
    requests_before = esc.app.stats.sign_requests
    paths = letters_in(tmp_path, 25)
    batch = sign_remote(training, esc, paths)
    assert batch.signed == 25 and batch.groups_sent == 3 and not batch.cancelled
    assert esc.app.stats.sign_requests - requests_before == 3


def test_totp_for_a_batch(training: TrainingSetup, esc: EscSimulator,
                          tmp_path: Path) -> None:
    paths = letters_in(tmp_path, 7)
    acct = account(training, esc, batch_size=3)
    opts = remote_options(training)
    session = RemoteSigningSession(acct, EscCredential.totp("x"), opts, PROFILE)
    try:
        session.request_totp(len(paths))  # the count of files, then the code
    finally:
        session.close()
    code = besign_code(esc, acct.nik)
    jobs = [SignJob(p, p.with_name(p.stem + "_signed.pdf")) for p in paths]
    batch = sign_remote_batch(acct, EscCredential.totp(code), jobs, opts, profile=PROFILE)
    assert batch.signed == 7 and batch.groups_sent == 3
    # the code covered seven files: an eighth is refused, nothing written
    [extra] = letters_in(tmp_path / "extra", 1)
    from desktop_signer.remote import RemoteSigningError

    with pytest.raises(RemoteSigningError) as info:
        sign_remote_batch(acct, EscCredential.totp(code),
                          [SignJob(extra, extra.with_name("x_signed.pdf"))], opts,
                          profile=PROFILE)
    assert info.value.code == "esc_wrong_totp"
    assert leftovers(extra.parent) == []


def test_the_footer_goes_in_before_sending(training: TrainingSetup, esc: EscSimulator,
                                           tmp_path: Path) -> None:
    import pymupdf

    from desktop_signer.appearance import FooterSpec, PlacementRequest

    [letter] = letters_in(tmp_path, 1)
    [result] = sign_remote(training, esc, [letter], footer=FooterSpec(),
                     placement=PlacementRequest(position="bottom-right")).results
    assert result.status == "signed", result.error
    with pymupdf.open(result.output) as doc:
        assert "Catatan" in doc[-1].get_text()
    pyhanko_check(result.output, training)
    # signing the signed file again: no footer this time (it would break the signature)
    [second] = sign_remote(training, esc, [result.output], footer=FooterSpec(),
                     placement=PlacementRequest(position="top-right")).results
    assert second.status == "signed", second.error
    assert len(pyhanko_check(second.output, training)) == 2


def test_through_the_signer_interface(training: TrainingSetup, esc: EscSimulator,
                                      tmp_path: Path) -> None:
    """What the window does: a remote identity handed to ``signing.sign_batch``."""
    from dataclasses import replace

    from desktop_signer.remote import RemoteSigningError
    from desktop_signer.remote.identity import RemoteIdentity
    from desktop_signer.signing import sign_batch

    paths = letters_in(tmp_path, 2)
    identity = RemoteIdentity(account(training, esc), passphrase(training))
    with pytest.raises(RemoteSigningError):
        identity.certificate  # noqa: B018  (unknown before the first signature)
    jobs = [SignJob(p, p.with_name(p.stem + "_signed.pdf")) for p in paths]
    batch = sign_batch(identity, jobs, replace(remote_options(training), profile=PROFILE))
    assert batch.signed == 2
    assert identity.certificate.subject.native["common_name"] == "Budi Santoso"
    identity.close()
    assert identity.credential is None


def test_countersigning_a_b_lta_document(training: TrainingSetup, esc: EscSimulator,
                                         tmp_path: Path) -> None:
    """The input's signature and document time stamp stay; exactly one new signature."""
    from desktop_signer.appearance import PlacementRequest

    [letter] = letters_in(tmp_path, 1)
    [first] = sign_remote(training, esc, [letter], level="B-LTA").results
    assert first.status == "signed", first.error
    [second] = sign_remote(training, esc, [first.output], level="B-T",
                     placement=PlacementRequest(position="top-left")).results
    assert second.status == "signed", second.error
    assert second.output.read_bytes().startswith(first.output.read_bytes())
    assert len(pyhanko_check(second.output, training)) == 3  # two signatures, one time stamp
