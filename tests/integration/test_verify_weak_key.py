"""``weak_key``: a signature made with (or a chain holding) an RSA key under 2048 bits.

The keys and certificates are generated here with ``cryptography`` (the training PKI only
issues 2048-bit keys and certomancer would need a config of its own), the PDF is signed
with pyHanko, and the generated root is the only anchor (``--trust``).
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop_signer.cli import main
from desktop_signer.trust import load_trust
from desktop_signer.verification import FileReport, VerifyOptions
from desktop_signer.verification.document import validate_bytes
from tests.integration.verify_signing_helpers import letter

pytestmark = pytest.mark.integration


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _signed_with(leaf_bits: int, ca_bits: int, tmp_path: Path) -> tuple[bytes, Path]:
    """A letter signed by a ``leaf_bits`` RSA key whose certificate a ``ca_bits`` RSA root
    issued; returns the PDF and the root's PEM file."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(65537, ca_bits)
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name(f"Root Uji Kunci {ca_bits}"))
        .issuer_name(_name(f"Root Uji Kunci {ca_bits}"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(65537, leaf_bits)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name(f"Penanda Tangan Kunci {leaf_bits}"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    der = serialization.Encoding.DER
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(leaf.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(ca.public_bytes(der))]
        ),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(letter()))
    meta = signers.PdfSignatureMetadata(
        field_name="Tanda1", subfilter=fields.SigSeedSubFilter.PADES
    )
    out = signers.PdfSigner(meta, signer).sign_pdf(writer)
    root = tmp_path / f"root-{leaf_bits}-{ca_bits}.pem"
    root.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return out.getvalue(), root


def _verify(data: bytes, root: Path) -> FileReport:
    trust = load_trust(cli_anchors=[root], use_installed=False)
    return validate_bytes("kunci.pdf", data, VerifyOptions(trust=trust, offline=True, visual=False))


def _codes(report: FileReport) -> set[str]:
    return {f.code for s in report.signatures for f in s.findings}


def test_a_1024_bit_signer_key_is_weak_key_not_weak_digest(tmp_path: Path) -> None:
    data, root = _signed_with(1024, 2048, tmp_path)
    report = _verify(data, root)
    (sig,) = report.signatures
    weak = [f for f in sig.findings if f.code == "weak_key"]
    assert len(weak) == 1
    assert (weak[0].param("algorithm"), weak[0].param("bits")) == ("RSA", "1024")
    assert weak[0].param("where") == ""  # the signer's own key
    assert "weak_digest" not in _codes(report)  # SHA-256 is fine
    assert sig.integrity == "ok"
    assert sig.verdict == "indeterminate" and report.verdict == "indeterminate"


def test_a_1024_bit_ca_key_in_the_chain_is_weak_key(tmp_path: Path) -> None:
    data, root = _signed_with(2048, 1024, tmp_path)
    report = _verify(data, root)
    (sig,) = report.signatures
    weak = [f for f in sig.findings if f.code == "weak_key"]
    assert [(f.param("where"), f.param("bits")) for f in weak] == [("chain", "1024")]
    assert "weak_digest" not in _codes(report)
    assert report.verdict == "indeterminate"


def test_a_2048_bit_key_is_not_weak(tmp_path: Path) -> None:
    """The control: same generated PKI, key sizes the policy accepts."""
    data, root = _signed_with(2048, 2048, tmp_path)
    report = _verify(data, root)
    assert not {"weak_key", "weak_digest"} & _codes(report)
    assert report.verdict == "valid"


def test_the_cli_names_the_weak_key(
    tmp_path: Path, isolated_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, root = _signed_with(1024, 2048, tmp_path)
    pdf = tmp_path / "kunci-lemah.pdf"
    pdf.write_bytes(data)
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    assert main(["verify", str(pdf), "--trust", str(root), "--offline"]) == 2
    assert "RSA 1024 bits" in capsys.readouterr().out
    assert main(["verify", str(pdf), "--trust", str(root), "--offline", "--json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert "weak_key" in {f["code"] for f in doc["signatures"][0]["findings"]}
