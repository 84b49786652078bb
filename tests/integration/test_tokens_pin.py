"""PIN handling against real SoftHSM: good and wrong PIN (SoftHSM really sets
USER_PIN_COUNT_LOW after a wrong PIN), and CKA_ALWAYS_AUTHENTICATE keys, which SoftHSM
really enforces (no signature without a context-specific login)."""

from __future__ import annotations

import io

import pytest
from pyhanko.sign import signers
from pyhanko.sign.pkcs11 import PKCS11Signer

from desktop_signer.tokens import loader, open_pkcs11_identity
from desktop_signer.tokens.discovery import discover
from desktop_signer.tokens.errors import TokenError, WrongPinError
from desktop_signer.tokens.inventory import LoginRequest, scan
from desktop_signer.tokens.session import find_token, read_state
from desktop_signer.training.setup import TrainingSetup
from tests.integration.test_tokens_helpers import Put, extra_token
from tests.integration.test_tokens_identities import sign_and_validate, tiny_pdf

pytestmark = pytest.mark.integration

WRONG = "salah-000"


def flags_of(training: TrainingSetup, label: str) -> object:
    module = loader.load(training.module)
    return read_state(find_token(module, label=label))


def test_wrong_pin_then_good_pin(training: TrainingSetup) -> None:
    with extra_token(training, "UJI-PIN", [Put("siti", b"\x01", "siti", b"\x01", "siti")]):
        assert not flags_of(training, "UJI-PIN").pin_count_low  # type: ignore[attr-defined]
        with pytest.raises(WrongPinError) as err:
            open_pkcs11_identity(training.module, pin=WRONG, token_label="UJI-PIN")
        # the error carries the token's state *after* the failure: SoftHSM sets COUNT_LOW
        assert err.value.code == "pin_incorrect"
        assert err.value.state is not None and err.value.state.pin_count_low
        assert err.value.params == {"token": "UJI-PIN", "now_locked": False,
                                    "final_try_next": False}
        assert loader.load(training.module).open_sessions == 0  # nothing left open by us

        # the listing shows it before anyone types the PIN again
        found = discover(None, [training.module], use_known=False, p11kit_dirs=())
        (tok,) = [t for t in scan(discovery=found).tokens if t.label == "UJI-PIN"]
        assert tok.state.conditions == ("pin_count_low",)

        identity = open_pkcs11_identity(training.module, pin=training.pin,
                                        token_label="UJI-PIN")
        try:
            assert identity.login_warnings == ("pin_count_low",)
            assert not flags_of(training, "UJI-PIN").pin_count_low  # type: ignore[attr-defined]
        finally:
            identity.close()


def test_wrong_pin_in_a_listing_is_reported_not_raised(training: TrainingSetup) -> None:
    with extra_token(training, "UJI-PIN-2", [Put("siti", b"\x01", "siti", b"\x01", "siti")]):
        found = discover(None, [training.module], use_known=False, p11kit_dirs=())
        (tok,) = [t for t in scan(discovery=found, login=LoginRequest("UJI-PIN-2", WRONG)).tokens
                  if t.label == "UJI-PIN-2"]
        assert tok.error == "pin_incorrect" and not tok.logged_in
        assert tok.state.pin_count_low
        assert {c.key for c in tok.certificates} == {"public_key"}


def test_always_authenticate_key_signs_with_a_context_login_each_time(
    training: TrainingSetup,
) -> None:
    puts = [Put("rahmat", b"\xaa", "rahmat", b"\xaa", "rahmat", always_authenticate=True)]
    with extra_token(training, "UJI-SELALU", puts):
        identity = open_pkcs11_identity(training.module, pin=training.pin,
                                        token_label="UJI-SELALU")
        try:
            assert identity.always_authenticate
            for _ in range(2):  # a second signature needs a second context login
                status = sign_and_validate(identity, training)
                assert status.valid  # type: ignore[attr-defined]
            assert identity.signatures_made == 2
        finally:
            identity.close()


def test_plain_pyhanko_cannot_sign_with_an_always_authenticate_key(
    training: TrainingSetup,
) -> None:
    # why signer.py wraps PKCS11Signer: without the context login SoftHSM refuses
    puts = [Put("rahmat", b"\xaa", "rahmat", b"\xaa", "rahmat", always_authenticate=True)]
    with extra_token(training, "UJI-SELALU-2", puts):
        identity = open_pkcs11_identity(training.module, pin=training.pin,
                                        token_label="UJI-SELALU-2")
        try:
            from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

            plain = PKCS11Signer(identity._ts.raw, key_id=b"\xaa", cert_id=b"\xaa")
            with pytest.raises(Exception) as err:
                signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(tiny_pdf())),
                                 signers.PdfSignatureMetadata(field_name="Sig"),
                                 signer=plain, output=io.BytesIO())
            assert "UserNotLoggedIn" in repr(err.value) or \
                "UserNotLoggedIn" in repr(err.value.__cause__)
        finally:
            identity.close()


def test_wrong_pin_at_the_context_login_is_a_typed_error(training: TrainingSetup) -> None:
    puts = [Put("rahmat", b"\xaa", "rahmat", b"\xaa", "rahmat", always_authenticate=True)]
    with extra_token(training, "UJI-SELALU-3", puts):
        good = open_pkcs11_identity(training.module, pin=training.pin,
                                    token_label="UJI-SELALU-3")
        # a second identity shares the logged-in session; its PIN is only checked by the
        # token at the context-specific login before the signature
        other = open_pkcs11_identity(training.module, pin=WRONG, token_label="UJI-SELALU-3")
        try:
            with pytest.raises(WrongPinError) as err:
                sign_and_validate(other, training)
            assert err.value.state is not None and err.value.state.pin_count_low
            assert sign_and_validate(good, training).valid  # type: ignore[attr-defined]
        finally:
            other.close()
            good.close()


def test_no_pin_for_a_token_without_pin_pad(training: TrainingSetup) -> None:
    with pytest.raises(TokenError) as err:
        open_pkcs11_identity(training.module, pin=None, token_label="LATIHAN-2",
                             certificate_label="putri")
    assert err.value.code == "pin_required"
