"""A token that disappears while a session is open.

What SoftHSM 2.6 really does when its token is deleted under an open session (measured):
signing with a key handle of the session fails with CKR_OBJECT_HANDLE_INVALID, the slot is
still listed as present, and C_GetTokenInfo for it fails with CKR_GENERAL_ERROR. Real
readers report CKR_DEVICE_REMOVED / CKR_TOKEN_NOT_PRESENT / CKR_SESSION_HANDLE_INVALID.
Our session layer asks the slot whether the same token is still there after any such
error, and turns a missing token into ``TokenRemovedError`` and closes the session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_signer.tokens import loader, open_pkcs11_identity
from desktop_signer.tokens.discovery import discover
from desktop_signer.tokens.errors import TokenRemovedError
from desktop_signer.tokens.inventory import scan
from desktop_signer.training.setup import TrainingSetup
from tests.integration.test_tokens_helpers import Put, create_token, delete_token
from tests.integration.test_tokens_identities import sign_and_validate

pytestmark = pytest.mark.integration


def token_dirs(training: TrainingSetup) -> set[Path]:
    return set((Path(training.softhsm_conf).parent / "tokens").iterdir())


@pytest.mark.parametrize("how", ["softhsm2-util", "folder-removed"])
def test_token_removed_while_signing(training: TrainingSetup, how: str) -> None:
    label = f"UJI-CABUT-{how[:6]}"
    before = token_dirs(training)
    create_token(training, label, [Put("siti", b"\x01", "siti", b"\x01", "siti")])
    (folder,) = token_dirs(training) - before
    module = loader.load(training.module)
    identity = open_pkcs11_identity(training.module, pin=training.pin, token_label=label)
    try:
        assert sign_and_validate(identity, training).valid  # type: ignore[attr-defined]
        assert module.open_sessions == 1
        if how == "softhsm2-util":
            delete_token(training, label)
        else:
            shutil.rmtree(folder)
        with pytest.raises(TokenRemovedError) as err:
            sign_and_validate(identity, training)
        assert err.value.code == "token_removed" and err.value.params == {"token": label}
        assert module.open_sessions == 0  # the dead session was closed and forgotten
        with pytest.raises(TokenRemovedError):
            identity.pyhanko_signer()
        # a listing now skips the stale slot instead of failing
        found = discover(None, [training.module], use_known=False, p11kit_dirs=())
        labels = [t.label for t in scan(discovery=found).tokens]
        assert label not in labels and "LATIHAN" in labels
    finally:
        identity.close()
        assert loader.rescan(training.module)
