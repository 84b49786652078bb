"""The space reserved for the signature container (estimated once per signer, tight), and
what happens when it turns out too small: the attempt is thrown away and the document is
signed again with pyHanko's own, larger estimate; nothing half-made is ever kept."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from desktop_signer.signing import SigningSession, SignJob
from desktop_signer.signing import signer as signer_module
from desktop_signer.training import letters
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import identity, options, pyhanko_check

CONTENTS = re.compile(rb"/Contents\s*<([0-9A-Fa-f]*)>")


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "surat.pdf"
    path.write_bytes(letters.surat_dinas())
    return path


def _reserved_and_used(path: Path) -> tuple[int, int]:
    hex_digits = CONTENTS.search(path.read_bytes())
    assert hex_digits is not None
    value = hex_digits.group(1)
    return len(value), len(value.rstrip(b"0"))


@pytest.mark.parametrize("level", ["B-B", "B-T"])
def test_tight_reservation(training: TrainingSetup, training_services: object, letter: Path,
                           level: str) -> None:
    ident = identity(training, "pkcs11")
    try:
        session = SigningSession(ident, options(training, level=level))
        out = letter.with_name("out.pdf")
        result = session.sign(SignJob(letter, out))
    finally:
        ident.close()  # a token session left logged in breaks every later token test
    assert result.status == "signed" and result.verdict
    reserved, used = _reserved_and_used(out)
    # the container plus the slack (and the dry run's generous signature size), well
    # below pyHanko's default of 50 % more
    assert used <= reserved <= used + 2 * (signer_module.RESERVE_SLACK + 512) + 64
    assert reserved < 1.25 * used
    assert result.output_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    pyhanko_check(out, training)


def test_too_small_reservation_signs_again(training: TrainingSetup, training_services: object,
                                           letter: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # stand-in for a TSA whose real token is much larger than its dummy one: a session
    # that believes the container needs 100 hex digits
    monkeypatch.setattr(signer_module, "_RESERVE_CACHE", {})
    session = SigningSession(identity(training, "pkcs12"), options(training, level="B-T"))
    session._reserve[True] = 100
    out = letter.with_name("out.pdf")
    result = session.sign(SignJob(letter, out))
    assert result.status == "signed"
    assert session.reserve(True) is None, "pyHanko estimates from now on"
    assert signer_module._RESERVE_CACHE[session._reserve_key(True)] == 0
    reserved, used = _reserved_and_used(out)
    assert reserved > used > 100
    assert sorted(p.name for p in letter.parent.iterdir()) == ["out.pdf", "surat.pdf"]
    pyhanko_check(out, training)
