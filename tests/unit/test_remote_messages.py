"""Every remote-signing error code has a message in Indonesian and English, and no secret
shows in a repr."""

from __future__ import annotations

import re

from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.messages import MESSAGES
from desktop_signer.remote import BLOCKING_STATUSES, EscAccount, EscClient, EscCredential
from desktop_signer.remote.errors import RemoteSigningError


def _codes() -> set[str]:
    doc = RemoteSigningError.__doc__ or ""
    codes = {c for c in re.findall(r"``(esc_[a-z_]+)``", doc)}
    codes |= {f"esc_status_{s.lower()}" for s in BLOCKING_STATUSES}
    return codes


def test_every_code_is_worded_in_both_languages() -> None:
    codes = _codes()
    assert {"esc_wrong_passphrase", "esc_status_expired", "esc_input_modified"} <= codes
    for code in sorted(codes):
        ind, eng = MESSAGES[f"sign_err_{code}"]
        assert ind and eng and ind != eng, code
        params = {"detail": "d", "url": "u", "nik": "n", "who": "NIK n", "email": "e",
                  "status": 500, "seconds": 60,
                  "what": "w", "index": 1, "found": 2, "level": "B-B", "requested": "B-T",
                  "page": 1, "path": "p", "service_code": 1}
        for language in ("id", "en"):
            assert Catalogue(MESSAGES, language)(f"sign_err_{code}", **params)  # type: ignore


def test_no_secret_in_reprs() -> None:
    account = EscAccount("http://esc.example", "klien", "kata-sandi-klien", "3299010101900001")
    credential = EscCredential.passphrase("rahasia-sekali")
    client = EscClient("http://esc.example", "klien", "kata-sandi-klien")
    try:
        text = repr(account) + repr(credential) + repr(client)
    finally:
        client.close()
    assert "kata-sandi-klien" not in text and "rahasia-sekali" not in text
    assert "3299010101900001" not in text  # the NIK is personal data: shortened
    by_email = EscAccount("http://esc.example", "klien", "x", "", email="budi@dinas.go.id")
    assert "budi@dinas.go.id" not in repr(by_email)
    assert by_email.login.to_json() == {"email": "budi@dinas.go.id"}
    assert account.login.to_json() == {"nik": "3299010101900001"}


def test_an_email_login_is_checked_before_anything_is_sent() -> None:
    import pytest

    for bad in ("budi", "budi@", "@dinas.go.id", "budi@dinas", "bu di@dinas.go.id"):
        with pytest.raises(RemoteSigningError) as info:
            EscAccount("http://esc.example", "k", "x", "", email=bad).validate()
        assert info.value.code == "esc_email_invalid", bad
    EscAccount("http://esc.example", "k", "x", "", email="budi@dinas.go.id").validate()
