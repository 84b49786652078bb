"""A revoked PKCS#12 file is refused after its passphrase, before it signs (issue 12: its
certificate is unknown until then, so the chooser cannot mark it). Asked of the training
PKI's real OCSP/CRL over HTTP on 127.0.0.1, with the trainees' real PKCS#12 copies."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from desktop_signer.cli import main
from desktop_signer.identity_sources import Pkcs12Source
from desktop_signer.journal import Journal
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.revocation_gate import refuse_if_revoked
from desktop_signer.tokens import load_pkcs12_identity
from desktop_signer.tokens import revocation_status as rs
from desktop_signer.training import letters
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_certificates

pytestmark = pytest.mark.integration


def p12(training: TrainingSetup, label: str) -> str:
    path = training.identity(label).pkcs12
    assert path is not None
    return path


def cas(training: TrainingSetup) -> list[bytes]:
    return [load_certificates(p)[0].dump()
            for p in (training.issuing_ca_certificate, training.root_certificate)]


def test_the_window_source_refuses_the_revoked_file_after_its_passphrase(
        training: TrainingSetup, training_services: object) -> None:
    source = Pkcs12Source([p12(training, "dicabut"), p12(training, "siti")],
                          revocation_cas=lambda: cas(training))
    revoked, good = source.list().options
    with pytest.raises(SigningError) as refused:
        source.open(revoked, training.pkcs12_passphrase)
    assert refused.value.code == "certificate_revoked"
    assert refused.value.params["reason"] == "key_compromise"
    assert refused.value.params["revoked_at"]
    identity = source.open(good, training.pkcs12_passphrase)  # good: opens
    identity.close()
    # not asked (offline mode): the file opens; signing at B-LT would still ask
    offline = Pkcs12Source([p12(training, "dicabut")], revocation_cas=lambda: None)
    offline.open(offline.list().options[0], training.pkcs12_passphrase).close()


def test_unknown_goes_on(training: TrainingSetup) -> None:
    """A stand-in lookup answers "unknown" (as offline): nothing is refused."""
    identity = load_pkcs12_identity(p12(training, "dicabut"), training.pkcs12_passphrase)
    try:
        status = refuse_if_revoked(identity, lookup=lambda _d, _c: rs.RevocationStatus(
            rs.UNKNOWN, detail="stand-in: no network"))
        assert status.state == rs.UNKNOWN
        assert identity.certificate is not None
    finally:
        identity.close()


def test_the_command_line_refuses_the_revoked_file(
        training: TrainingSetup, training_services: object, tmp_path: Path,
        isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(letters.nota_dinas())
    out = tmp_path / "hasil.pdf"
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    monkeypatch.setattr(sys, "stdin", io.StringIO(training.pkcs12_passphrase + "\n"))
    code = main(["sign", str(letter), "-o", str(out), "--pkcs12", p12(training, "dicabut"),
                 "--passphrase-stdin", "--level", "B-B", "--position", "bottom-left",
                 "--trust", training.root_certificate])
    err = capsys.readouterr().err
    assert code == 1
    assert "The certificate was REVOKED on " in err
    assert "(the private key was compromised): it cannot be used to sign." in err
    assert not out.exists()
    with Journal() as journal:  # the refusal is a failed row for the letter
        rows = journal.entries()
    assert [(e.result, e.error_code) for e in rows] == [("failed", "certificate_revoked")]
