"""Listing modules, tokens and signing certificates on the real training tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_signer.tokens.discovery import discover
from desktop_signer.tokens.inventory import Inventory, LoginRequest, TokenReport, scan
from desktop_signer.training.setup import TrainingSetup

pytestmark = pytest.mark.integration


def training_scan(training: TrainingSetup, login: LoginRequest | None = None,
                  extra: tuple[str, ...] = ()) -> Inventory:
    found = discover(None, [training.module, *extra], use_known=False, p11kit_dirs=())
    return scan(discovery=found, login=login)


def token(inv: Inventory, label: str) -> TokenReport:
    (tok,) = [t for t in inv.tokens if t.label == label]
    return tok


def test_two_tokens_are_listed_with_their_meaning(training: TrainingSetup) -> None:
    inv = training_scan(training)
    (module,) = inv.modules
    assert module.status == "loaded" and module.family == "SoftHSM2 (latihan)"
    assert module.manufacturer == "SoftHSM" and module.token_count >= 2
    labels = {t.label for t in inv.tokens}
    assert {"LATIHAN", "LATIHAN-2"} <= labels
    tok = token(inv, "LATIHAN")
    assert tok.manufacturer == "SoftHSM project" and tok.model == "SoftHSM v2" and tok.serial
    assert tok.state.initialized and tok.state.login_required and not tok.state.pin_pad
    assert not tok.logged_in


def test_certificate_details(training: TrainingSetup) -> None:
    tok = token(training_scan(training), "LATIHAN")
    budi = training.identity("budi")
    (entry,) = [c for c in tok.certificates if c.label == "budi"]
    assert entry.ref == entry.cka_id == budi.key_id
    assert entry.key == "public_key" and entry.matched_by == "id"  # private key hidden
    info = entry.info
    assert (info.subject_name, info.organization) == ("Budi Santoso",
                                                      "Pemerintah Kabupaten Latihan")
    assert (info.id_number, info.id_kind) == ("198503152010011002", "nip")
    assert info.issuer_name == "BSrE Latihan CA"
    assert int(info.serial_hex, 16) == budi.serial
    assert "digital_signature" in info.key_usage and "non_repudiation" in info.key_usage
    assert (info.key_type, info.key_size) == ("rsa", 2048)
    assert info.can_sign and entry.problems == ()


def test_expired_expiring_and_other_problems_are_flagged(training: TrainingSetup) -> None:
    tok = token(training_scan(training), "LATIHAN")
    problems = {c.label: c.problems for c in tok.certificates}
    assert problems["kedaluwarsa"] == ("expired",)
    assert problems["segera-berakhir"] == ("expiring_soon",)
    assert problems["belum-berlaku"] == ("not_yet_valid",)
    assert problems["tanpa-ttd"] == ("no_signing_usage",)
    assert problems["budi"] == problems["siti"] == problems["kunci-token"] == ()
    (soon,) = [c for c in tok.certificates if c.label == "segera-berakhir"]
    assert 0 <= soon.info.days_left <= 10


def test_token_with_two_certificates(training: TrainingSetup) -> None:
    tok = token(training_scan(training), "LATIHAN-2")
    assert sorted(c.label for c in tok.certificates) == ["putri", "rahmat"]
    assert tok.other_certificates == () and tok.keys_without_certificate == ()


def test_login_confirms_private_keys_on_one_token_only(training: TrainingSetup) -> None:
    inv = training_scan(training, LoginRequest("LATIHAN-2", training.pin))
    second = token(inv, "LATIHAN-2")
    assert second.logged_in and second.error == ""
    assert {c.key for c in second.certificates} == {"private_key"}
    assert {c.always_authenticate for c in second.certificates} == {False}
    first = token(inv, "LATIHAN")
    assert not first.logged_in and {c.key for c in first.certificates} == {"public_key"}


def test_missing_and_broken_modules_say_why(training: TrainingSetup, tmp_path: Path) -> None:
    broken = tmp_path / "libbroken-pkcs11.so"
    broken.write_bytes(b"this is not a shared library")
    missing = tmp_path / "libtidakada.so"
    inv = training_scan(training, extra=(str(broken), str(missing)))
    status = {m.path: (m.status, m.reason) for m in inv.modules}
    assert status[training.module][0] == "loaded"
    assert status[str(broken)][0] == "load_failed"
    assert str(broken) in status[str(broken)][1]  # the loader's own words, e.g. invalid ELF
    assert status[str(missing)] == ("not_found", "")


def test_system_discovery_finds_softhsm(training: TrainingSetup) -> None:
    # the system-wide search (known table + p11-kit) finds the module the training uses;
    # loading it through its other name reuses the library already loaded
    inv = scan()
    loaded = [m for m in inv.modules if m.status == "loaded"]
    assert any(m.family == "SoftHSM2 (latihan)" for m in loaded)
    assert any(t.label == "LATIHAN" for t in inv.tokens)
