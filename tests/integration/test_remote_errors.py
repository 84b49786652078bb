"""Every refusal of remote signing (issue 13 item 6 and 7): a clear code, and nothing
written. Against the ESC simulator over real HTTP; refused connections against a port
nobody listens on."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_signer.remote import (
    EscCredential,
    RemoteSigningError,
    check_account,
    http_warning_needed,
    sign_remote_batch,
)
from desktop_signer.signing import SignJob, TsaConfig
from desktop_signer.training import esc_users
from desktop_signer.training.esc_sim import EscSimulator
from desktop_signer.training.ports import free_port
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
from tests.integration.sign_helpers import RefusingTsa, sha256

pytestmark = pytest.mark.integration


def _attempt(training: TrainingSetup, sim: EscSimulator, folder: Path, *,
             credential: EscCredential | None = None, check_status: bool = True,
             options_kw: dict[str, object] | None = None, **account_kw: object):
    [letter] = letters_in(folder, 1)
    before = sha256(letter)
    try:
        return sign_remote(training, sim, [letter], credential=credential,
                           check_status=check_status, account_kw=account_kw,
                           **(options_kw or {}))
    finally:
        assert sha256(letter) == before
        assert leftovers(folder) == [], "nothing written"


def _raises(code: str, *args: object, **kw: object) -> RemoteSigningError:
    with pytest.raises(RemoteSigningError) as info:
        _attempt(*args, **kw)  # type: ignore[arg-type]
    assert info.value.code == code, (info.value.code, info.value.detail)
    return info.value


STATUS_NIKS = {status: nik for nik, status in esc_users.STATUS_ONLY}


@pytest.mark.parametrize("status", ["EXPIRED", "RENEW", "SUSPEND", "REVOKE", "NOT_REGISTERED",
                                    "NO_CERTIFICATE", "WAITING_FOR_VERIFICATION"])
def test_certificate_not_issued(training: TrainingSetup, esc: EscSimulator, tmp_path: Path,
                                status: str) -> None:
    niks = {"EXPIRED": training.identity("kedaluwarsa").nik,
            "REVOKE": training.identity("dicabut").nik,
            "NOT_REGISTERED": esc_users.UNREGISTERED_NIK, **STATUS_NIKS}
    requests_before = esc.app.stats.sign_requests
    error = _raises(f"esc_status_{status.lower()}", training, esc, tmp_path, nik=niks[status])
    assert error.params["status"] == status
    assert esc.app.stats.sign_requests == requests_before, "nothing was sent"
    with pytest.raises(RemoteSigningError):
        check_account(account(training, esc, nik=niks[status]))


def test_2011_not_registered_when_signing(training: TrainingSetup, esc: EscSimulator,
                                          tmp_path: Path) -> None:
    _raises("esc_not_registered", training, esc, tmp_path, check_status=False,
            nik=esc_users.UNREGISTERED_NIK)


def test_2031_wrong_passphrase(training: TrainingSetup, esc: EscSimulator,
                               tmp_path: Path) -> None:
    wrong = EscCredential.passphrase("salah-" + training.esc_passphrase)
    error = _raises("esc_wrong_passphrase", training, esc, tmp_path, credential=wrong)
    assert wrong.value not in str(error) and wrong.value not in repr(error.params)


def test_401_client_credential(training: TrainingSetup, esc: EscSimulator,
                               tmp_path: Path) -> None:
    error = _raises("esc_auth_failed", training, esc, tmp_path, password="bukan-ini")
    assert error.params["status"] == 401


def test_5xx_fails_the_file_with_the_service_text(training: TrainingSetup, esc: EscSimulator,
                                                  tmp_path: Path) -> None:
    esc.control.fault = "server_error"
    [result] = _attempt(training, esc, tmp_path).results
    assert result.status == "failed" and result.error is not None
    assert result.error.code == "esc_server_error"
    assert "InvalidPdfException" in result.error.detail and result.error.params["status"] == 500


def test_timeout(training: TrainingSetup, esc: EscSimulator, tmp_path: Path) -> None:
    esc.control.latency = 1.5
    error = _raises("esc_timeout", training, esc, tmp_path, timeout=0.5, check_status=False)
    assert error.params["url"] == esc.url


def test_refused_connection(training: TrainingSetup, tmp_path: Path) -> None:
    class Nobody:
        url = f"http://127.0.0.1:{free_port()}"

    _raises("esc_unreachable", training, Nobody(), tmp_path)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fault", "code"), [
    ("not_pdf", "esc_not_pdf"),
    ("modify_input", "esc_input_modified"),
    ("extra_signature", "esc_signature_count"),
    ("move_stamp", "esc_stamp_moved"),
    ("drop_file", "esc_bad_reply"),
])
def test_a_reply_we_refuse(training: TrainingSetup, esc: EscSimulator, tmp_path: Path,
                           fault: str, code: str) -> None:
    esc.control.fault = fault
    [result] = _attempt(training, esc, tmp_path).results
    assert result.status == "failed" and result.error is not None
    assert result.error.code == code, (result.error.code, result.error.detail)


def test_no_timestamp_is_no_silent_downgrade(training: TrainingSetup, esc: EscSimulator,
                                             tmp_path: Path) -> None:
    esc.control.fault = "no_timestamp"
    [result] = _attempt(training, esc, tmp_path, options_kw={"level": "B-LT"}).results
    assert result.status == "failed" and result.error is not None
    assert result.error.code == "esc_level_too_low"
    assert result.error.params == {"level": "B-B", "requested": "B-LT"}


def test_plain_http_warning_once_and_forbidden(training: TrainingSetup, esc: EscSimulator,
                                               tmp_path: Path) -> None:
    acct = account(training, esc)
    assert http_warning_needed(acct, ())
    assert not http_warning_needed(acct, (esc.url + "/",))
    assert not http_warning_needed(account(training, esc, url="https://esc.example"), ())
    requests_before = esc.app.stats.sign_requests
    _raises("esc_http_forbidden", training, esc, tmp_path, allow_http=False)
    assert esc.app.stats.sign_requests == requests_before


def test_bad_nik_and_url_before_anything_is_sent(training: TrainingSetup, esc: EscSimulator,
                                                 tmp_path: Path) -> None:
    _raises("esc_nik_invalid", training, esc, tmp_path / "a", nik="12345")
    _raises("esc_url_invalid", training, esc, tmp_path / "b", url="ftp://esc.example")


def test_a_timeout_ends_the_batch_but_the_group_already_sent_is_kept(
        training: TrainingSetup, esc: EscSimulator, tmp_path: Path) -> None:
    esc.control.latency, esc.control.fault = 8.0, "slow_first"
    paths = letters_in(tmp_path, 3)
    jobs = [SignJob(p, p.with_name(p.stem + "_signed.pdf")) for p in paths]
    with pytest.raises(RemoteSigningError) as info:
        sign_remote_batch(account(training, esc, timeout=4.0, batch_size=1),
                          passphrase(training), jobs, remote_options(training),
                          profile=PROFILE, check_status=False)
    assert info.value.code == "esc_timeout"
    # the first answer never came; the second group was on the wire and is written; the
    # third was never sent
    assert [j.output.exists() for j in jobs] == [False, True, False]


def test_a_wrong_totp_code(training: TrainingSetup, esc: EscSimulator,
                           tmp_path: Path) -> None:
    """A code typed wrong (after a real get/totp request): a clear code, nothing written,
    the code in no message."""
    from desktop_signer.remote.identity import request_totp

    acct = account(training, esc)
    request_totp(acct, 1)
    right = besign_code(esc, acct.nik)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    error = _raises("esc_wrong_totp", training, esc, tmp_path,
                    credential=EscCredential.totp(wrong))
    assert wrong not in str(error) and wrong not in repr(error.params)


def test_b_lta_whose_tsa_refuses_the_credential(training: TrainingSetup, esc: EscSimulator,
                                                tmp_path: Path) -> None:
    """The service's B-T is fine; our document time stamp (B-LTA) meets a TSA that answers
    401: the shared pyHanko-error mapping says so, nothing is written."""
    tsa = RefusingTsa()
    try:
        [result] = _attempt(training, esc, tmp_path, options_kw={
            "level": "B-LTA", "tsa": TsaConfig(tsa.url, "dinas", "rahasia-tsa", timeout=5)}
        ).results
    finally:
        tsa.close()
    assert result.status == "failed" and result.error is not None
    assert result.error.code == "tsa_auth_failed", (result.error.code, result.error.detail)
    assert result.error.params["url"] == tsa.url
    assert tsa.seen and tsa.seen[0] is not None and tsa.seen[0].startswith("Basic ")
