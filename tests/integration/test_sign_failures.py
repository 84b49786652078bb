"""Every failure gives a clear error and leaves the files as they were: no output, no
partial output, the input unchanged."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pyhanko.sign import signers

from desktop_signer.appearance import AppearanceError, PlacementRequest
from desktop_signer.errors import DesktopSignerError
from desktop_signer.identity import SigningIdentity
from desktop_signer.signing import SigningError, SignJob, TsaConfig, sign_document
from desktop_signer.tokens import open_pkcs11_identity
from desktop_signer.tokens.errors import TokenError
from desktop_signer.training import letters, setup
from desktop_signer.training.services import TrainingServices
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import RefusingTsa, identity, options, sha256

pytestmark = pytest.mark.integration


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "surat.pdf"
    path.parent.mkdir()
    path.write_bytes(letters.nota_dinas())
    return path


def untouched(folder: Path, before: dict[str, str]) -> None:
    """The folder holds exactly the files it held, with the same content."""
    now = {p.name: sha256(p) for p in folder.iterdir()}
    assert now == before


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in folder.iterdir()}


def expect(code: str, identity_: SigningIdentity, job: SignJob, **kw: Any) -> DesktopSignerError:
    with pytest.raises(DesktopSignerError) as err:
        sign_document(identity_, job, kw.pop("opts"))
    assert err.value.code == code, err.value
    return err.value


def test_wrong_pin_locks_nothing_and_writes_nothing(training: TrainingSetup,
                                                    letter: Path) -> None:
    ident = training.identity("rahmat")
    with pytest.raises(TokenError) as err:
        open_pkcs11_identity(training.module, pin="000000", token_label=ident.token,
                             certificate=ident.key_id)
    assert err.value.code == "pin_incorrect"
    # a correct login afterwards resets SoftHSM's counter for the other tests
    open_pkcs11_identity(training.module, pin=training.pin, token_label=ident.token,
                         certificate=ident.key_id).close()


class RemovedTokenStandIn(SigningIdentity):
    """Stand-in for a token pulled out while signing: its signer raises what
    ``desktop_signer.tokens`` raises for CKR_DEVICE_REMOVED. (SoftHSM tokens cannot be
    unplugged.)"""

    kind = "pkcs11"

    def __init__(self, real: SigningIdentity) -> None:
        self.real = real

    @property
    def certificate(self) -> Any:
        return self.real.certificate

    @property
    def other_certificates(self) -> Any:
        return self.real.other_certificates

    def pyhanko_signer(self) -> signers.Signer:
        real = self.real.pyhanko_signer()

        class Removed(type(real)):  # type: ignore[misc]
            async def async_sign_raw(self, *args: Any, **kwargs: Any) -> bytes:
                raise TokenError("token_removed", token="LATIHAN")

        real.__class__ = Removed
        return real


def test_removed_token(training: TrainingSetup, letter: Path) -> None:
    before = snapshot(letter.parent)
    real = identity(training, "pkcs11")
    try:
        expect("token_removed", RemovedTokenStandIn(real),
               SignJob(letter, letter.with_name("out.pdf")), opts=options(training))
    finally:
        real.close()
    untouched(letter.parent, before)


def test_unreachable_tsa(training: TrainingSetup, letter: Path) -> None:
    before = snapshot(letter.parent)
    ident = identity(training, "pkcs12")
    error = expect("tsa_unreachable", ident, SignJob(letter, letter.with_name("out.pdf")),
                   opts=options(training, level="B-T",
                                tsa=TsaConfig("http://127.0.0.1:9/tsa", timeout=2)))
    assert error.params["url"] == "http://127.0.0.1:9/tsa"
    untouched(letter.parent, before)


def test_level_needs_a_tsa(training: TrainingSetup, letter: Path) -> None:
    ident = identity(training, "pkcs12")
    expect("tsa_required", ident, SignJob(letter, letter.with_name("out.pdf")),
           opts=options(training, level="B-LT", tsa=None))


@pytest.fixture(scope="module")
def offline_pki(tmp_path_factory: pytest.TempPathFactory) -> setup.TrainingSetup:
    """A second training PKI whose OCSP/CRL services are never started."""
    return setup.create(tmp_path_factory.mktemp("offline") / "latihan")


def test_no_silent_downgrade(offline_pki: TrainingSetup, training: TrainingSetup,
                             training_services: TrainingServices, letter: Path) -> None:
    before = snapshot(letter.parent)
    ident = identity(offline_pki, "pkcs12")
    tsa = TsaConfig(training.tsa_url, timeout=5)  # a reachable TSA
    opts = options(offline_pki, level="B-LT", tsa=tsa, revocation_timeout=2)
    error = expect("revocation_unavailable", ident,
                   SignJob(letter, letter.with_name("out.pdf")), opts=opts)
    assert error.params["level"] == "B-LT"
    untouched(letter.parent, before)
    from dataclasses import replace

    result = sign_document(ident, SignJob(letter, letter.with_name("out.pdf")),
                           replace(opts, allow_downgrade=True))
    assert result.level == "B-T" and result.downgraded and result.requested_level == "B-LT"


@contextlib.contextmanager
def tmpfs(path: Path, *opts: str) -> Iterator[bool]:
    """A small tmpfs (root only); yields False where mounting is not possible."""
    path.mkdir(exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(opts), "tmpfs", str(path)],
                          capture_output=True, check=False)
    try:
        yield proc.returncode == 0
    finally:
        if proc.returncode == 0:
            subprocess.run(["umount", str(path)], check=False)


def test_unwritable_folder(training: TrainingSetup, letter: Path, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    ident = identity(training, "pkcs12")
    target = tmp_path / "readonly"
    with tmpfs(target, "ro", "size=64k") as mounted:
        if not mounted:  # stand-in: the folder refuses new files as a read-only one does
            monkeypatch.setattr(os, "access", lambda *a, **k: False)
        expect("output_dir_not_writable", ident, SignJob(letter, target / "out.pdf"),
               opts=options(training))
        assert not (target / "out.pdf").exists()


@pytest.mark.parametrize("room", ["none", "copy_only"])
def test_full_disk(training: TrainingSetup, letter: Path, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch, room: str) -> None:
    """The disk fills while the input is copied, or only when the signed revision is
    appended to the copy."""
    ident = identity(training, "pkcs12")
    target = tmp_path / "full"
    before = snapshot(letter.parent)
    pages = -(-letter.stat().st_size // 4096)  # the copy fits, the signature does not
    size = "16k" if room == "none" else f"{(pages + 1) * 4}k"
    with tmpfs(target, f"size={size}") as mounted:
        if not mounted:
            import desktop_signer.signing.output as output

            def no_space(*_: Any) -> None:  # stand-in for a full disk
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(output.os, "fsync", no_space)
        expect("disk_full", ident, SignJob(letter, target / "out.pdf"),
               opts=options(training))
        assert list(target.iterdir()) == [], "no output and no temporary file left"
    untouched(letter.parent, before)


def test_signs_where_the_kernel_cannot_copy(training: TrainingSetup, letter: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``copy_file_range`` (macOS, Windows, old kernels) the input is copied in
    chunks; the output is the same signed file."""
    import desktop_signer.signing.output as output

    monkeypatch.delattr(output.os, "copy_file_range", raising=False)
    before = sha256(letter)
    out = letter.with_name("out.pdf")
    result = sign_document(identity(training, "pkcs12"), SignJob(letter, out),
                           options(training))
    assert result.status == "signed" and result.verdict
    assert out.read_bytes().startswith(letter.read_bytes())  # an incremental update
    assert sha256(letter) == before


def test_signs_across_file_systems(training: TrainingSetup, letter: Path,
                                   tmp_path: Path) -> None:
    """Input on one file system, output on another (a tmpfs): the kernel copy may refuse
    (EXDEV) and the chunked copy takes over; the output is the same signed file."""
    target = tmp_path / "other-fs"
    with tmpfs(target, "size=4m") as mounted:
        if not mounted:
            pytest.skip("mounting a tmpfs needs root")
        out = target / "out.pdf"
        result = sign_document(identity(training, "pkcs12"), SignJob(letter, out),
                               options(training))
        assert result.status == "signed" and result.verdict
        assert out.read_bytes().startswith(letter.read_bytes())
        assert [p.name for p in target.iterdir()] == ["out.pdf"]


def test_output_exists_is_never_overwritten(training: TrainingSetup, letter: Path) -> None:
    out = letter.with_name("out.pdf")
    out.write_bytes(b"an earlier file")
    ident = identity(training, "pkcs12")
    expect("output_exists", ident, SignJob(letter, out), opts=options(training))
    assert out.read_bytes() == b"an earlier file"
    expect("output_is_input", ident, SignJob(letter, letter), opts=options(training))
    result = sign_document(ident, SignJob(letter, out), options(training, overwrite=True))
    assert result.status == "signed" and out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("kw", "code"), [
    ({"placement": PlacementRequest(size=(60, 20))}, "box_too_small"),
    ({"placement": PlacementRequest(anchor="${ttd}")}, "anchor_not_found"),
    ({"placement": PlacementRequest(page=5)}, "page_out_of_range"),
])
def test_appearance_errors_write_nothing(training: TrainingSetup, letter: Path,
                                         kw: dict[str, Any], code: str) -> None:
    before = snapshot(letter.parent)
    ident = identity(training, "pkcs12")
    with pytest.raises(AppearanceError) as err:
        sign_document(ident, SignJob(letter, letter.with_name("out.pdf")),
                      options(training, **kw))
    assert err.value.code == code
    untouched(letter.parent, before)


def test_expired_certificate(training: TrainingSetup, letter: Path) -> None:
    ident = identity(training, "pkcs12", "kedaluwarsa")
    with pytest.raises(SigningError) as err:
        sign_document(ident, SignJob(letter, letter.with_name("out.pdf")), options(training))
    assert err.value.code == "certificate_expired"


KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from desktop_signer.signing import output
    from desktop_signer.signing import SignJob, SignOptions, sign_document
    from desktop_signer.tokens import load_pkcs12_identity
    from desktop_signer.trust.store import TrustConfig

    def die(self):  # the temporary file is written, not yet fsynced nor renamed
        self.file.flush()
        assert os.path.getsize(self.path) > 1000
        os.kill(os.getpid(), signal.SIGKILL)

    output.PendingOutput.finish_writing = die
    p12, passphrase, src, out = sys.argv[1:5]
    sign_document(load_pkcs12_identity(p12, passphrase), SignJob(Path(src), Path(out)),
                  SignOptions(level="B-B", verify_output=False))
""")


def test_kill_during_writing_leaves_no_output(training: TrainingSetup, letter: Path) -> None:
    out = letter.with_name("out.pdf")
    before = sha256(letter)
    p12 = training.identity("budi").pkcs12
    assert p12 is not None
    proc = subprocess.run([sys.executable, "-c", KILLER, p12, training.pkcs12_passphrase,
                           str(letter), str(out)], capture_output=True, text=True,
                          check=False, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert not out.exists(), "a kill never leaves a file under the output name"
    leftovers = [p.name for p in letter.parent.iterdir() if p.name not in ("surat.pdf",)]
    assert all(n.startswith(".out.pdf.") and n.endswith(".part") for n in leftovers)
    assert sha256(letter) == before
    # the next attempt succeeds
    ident = identity(training, "pkcs12")
    assert sign_document(ident, SignJob(letter, out), options(training)).status == "signed"


def test_tsa_credentials_refused(training: TrainingSetup, letter: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import base64

    from desktop_signer.signing.services import tsa_password

    monkeypatch.setenv("MY_TSA_PASSWORD", "rahasia-tsa")
    assert tsa_password("http://x", "dinas", "MY_TSA_PASSWORD") == "rahasia-tsa"
    tsa = RefusingTsa()
    before = snapshot(letter.parent)
    try:
        ident = identity(training, "pkcs12")
        error = expect("tsa_auth_failed", ident, SignJob(letter, letter.with_name("o.pdf")),
                       opts=options(training, level="B-T", tsa=TsaConfig(
                           tsa.url, "dinas", tsa_password(tsa.url, "dinas", "MY_TSA_PASSWORD"),
                           timeout=5)))
    finally:
        tsa.close()
    assert error.params["url"] == tsa.url
    assert tsa.seen == ["Basic " + base64.b64encode(b"dinas:rahasia-tsa").decode()]
    assert "rahasia-tsa" not in repr(TsaConfig(tsa.url, "dinas", "rahasia-tsa"))
    untouched(letter.parent, before)
