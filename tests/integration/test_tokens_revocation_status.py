"""The revocation status of a listed certificate, asked of the training PKI's real OCSP/CRL
services over HTTP on 127.0.0.1 (issue 12: a revoked certificate cannot be chosen)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_signer.tokens import revocation_status as rs
from desktop_signer.tokens.revocation_monitor import RevocationMonitor
from desktop_signer.training.ports import free_port
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_certificates
from tests.integration.fresh_pki import make_pki

pytestmark = pytest.mark.integration


def der(path: str) -> bytes:
    return load_certificates(path)[0].dump()


def cas(training: TrainingSetup) -> list[bytes]:
    return [der(training.issuing_ca_certificate), der(training.root_certificate)]


def test_the_revoked_identity_is_revoked_with_its_date_and_reason(
        training: TrainingSetup, training_services: object) -> None:
    status = rs.check_revocation(der(training.identity("dicabut").certificate), cas(training))
    assert status.state == rs.REVOKED
    assert not status.ca_revoked
    assert status.reason == "key_compromise"
    # the training PKI revoked it ten days before it was built
    assert status.revoked_at is not None
    assert timedelta(days=9) < datetime.now(UTC) - status.revoked_at < timedelta(days=12)


@pytest.mark.parametrize("label", ["budi", "kunci-token", "rahmat"])
def test_a_good_identity_is_good(training: TrainingSetup, training_services: object,
                                 label: str) -> None:
    status = rs.check_revocation(der(training.identity(label).certificate), cas(training))
    assert status == rs.RevocationStatus(rs.GOOD), status.detail


def test_the_issuer_comes_from_the_aia_link_when_no_ca_is_known(
        training: TrainingSetup, training_services: object) -> None:
    """The token holds only the signer's certificate and training mode is off: the issuing
    CA is fetched from the certificate's caIssuers link and asked all the same."""
    revoked = rs.check_revocation(der(training.identity("dicabut").certificate))
    assert revoked.state == rs.REVOKED, revoked.detail
    good = rs.check_revocation(der(training.identity("budi").certificate))
    assert good.state == rs.GOOD, good.detail


def test_an_unreachable_service_is_unknown_and_raises_nothing(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    pki = make_pki(tmp_path, ocsp_url=f"http://127.0.0.1:{port}/ocsp",
                   crl_url=f"http://127.0.0.1:{port}/latest.crl")
    root = load_certificates(pki.root_pem)[0].dump()
    status = rs.check_revocation(pki.signer.signing_cert.dump(), [root],
                                 request_timeout=2, total_timeout=6)
    assert status.state == rs.UNKNOWN
    assert status.detail


def test_no_service_named_or_no_issuer_is_unknown(tmp_path: Path) -> None:
    pki = make_pki(tmp_path)  # names neither OCSP nor a CRL
    root = load_certificates(pki.root_pem)[0].dump()
    assert rs.check_revocation(pki.signer.signing_cert.dump(), [root]).state == rs.UNKNOWN
    (tmp_path / "lain").mkdir()
    named = make_pki(tmp_path / "lain", ocsp_url=f"http://127.0.0.1:{free_port()}/ocsp")
    # a CA that did not issue it (and no caIssuers link): unknown, nothing fetched
    assert rs.check_revocation(named.signer.signing_cert.dump(), [root]).state == rs.UNKNOWN
    assert rs.check_revocation(b"not a certificate").state == rs.UNKNOWN


def test_the_monitor_answers_at_once_then_tells_and_keeps_the_answer(
        training: TrainingSetup, training_services: object) -> None:
    changed = threading.Event()
    monitor = RevocationMonitor(changed.set)
    ident = training.identity("dicabut")
    fingerprint = load_certificates(ident.certificate)[0].sha256.hex()
    first = monitor.status(fingerprint, der(ident.certificate), cas(training))
    assert first.state == rs.CHECKING  # never waits for the network
    assert changed.wait(30)
    answer = monitor.status(fingerprint, der(ident.certificate), cas(training))
    assert answer.state == rs.REVOKED
    for _ in range(5):  # the watcher lists every second: the cache answers
        assert monitor.status(fingerprint, der(ident.certificate), cas(training)) == answer
    assert monitor.lookups == 1
