"""Trust anchors: certificate file formats, pins, non-production CAs, training root."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from asn1crypto import x509

from desktop_signer.trust import TrustError, import_certificates, load_certificates, load_trust
from desktop_signer.trust.certfiles import sha256_hex
from desktop_signer.trust.registry import load_registry

OSD_DEMO = "bsre/certs/OSD-DEMO-CA_BSSN-dev_solasoli-simpeg-bogor_devel-juni2019.p12.pem"
ITEXT_CHAIN = "real/certs/itext/validCertsChain.pem"


def test_pem_with_several_certificates(corpus: Path) -> None:
    assert len(load_certificates(corpus / ITEXT_CHAIN)) == 3


def test_der_and_pkcs7_bundles(corpus: Path, tmp_path: Path) -> None:
    certs = load_certificates(corpus / ITEXT_CHAIN)
    der = tmp_path / "root.cer"
    der.write_bytes(certs[-1].dump())
    assert [sha256_hex(c) for c in load_certificates(der)] == [sha256_hex(certs[-1])]
    p7b = tmp_path / "chain.p7b"
    subprocess.run(
        [
            "openssl",
            "crl2pkcs7",
            "-nocrl",
            "-certfile",
            str(corpus / ITEXT_CHAIN),
            "-outform",
            "DER",
            "-out",
            str(p7b),
        ],
        check=True,
    )
    assert {sha256_hex(c) for c in load_certificates(p7b)} == {sha256_hex(c) for c in certs}
    p7c_pem = tmp_path / "chain.p7c"
    subprocess.run(
        [
            "openssl",
            "crl2pkcs7",
            "-nocrl",
            "-certfile",
            str(corpus / ITEXT_CHAIN),
            "-out",
            str(p7c_pem),
        ],
        check=True,
    )
    assert len(load_certificates(p7c_pem)) == 3


def test_not_a_certificate_is_a_typed_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_bytes(b"hello")
    with pytest.raises(TrustError) as err:
        load_certificates(junk)
    assert err.value.code == "not_a_certificate_file"
    with pytest.raises(TrustError) as err:
        load_certificates(tmp_path / "missing.pem")
    assert err.value.code == "certificate_file_unreadable"


def test_indonesian_pins_are_bundled_as_data() -> None:
    registry = load_registry()
    names = {p.name: p.sha256 for p in registry.pins}
    assert names["Root CA Indonesia DS G1"] == (
        "B5F36672FD7CFD401E01EF640B2FE61F816F32F447B280B76F536244CF42FCDF"
    )
    assert names["BSRE CA DS G1"] == (
        "4A3AB062C4D24F60417FA28F6543AC7151C9F1FDE5817BBE67F49C55CE5FFED5"
    )


def test_osd_demo_is_flagged_development(corpus: Path) -> None:
    (cert,) = load_certificates(corpus / OSD_DEMO)
    assert load_registry().flag_for(cert) == "development_ca"


def test_user_and_admin_anchors(isolated_dirs: dict[str, Path], corpus: Path) -> None:
    imported = import_certificates([corpus / "real/certs/itext/root_cert.pem"])
    assert len(imported) == 1 and imported[0].confirmed_pin is None
    trust = load_trust()
    assert {a.origin for a in trust.anchors} == {"user"}
    admin_dir = isolated_dirs["site"] / "desktop-signer" / "trust" / "anchors"
    admin_dir.mkdir(parents=True)
    (admin_dir / "osd.pem").write_bytes((corpus / OSD_DEMO).read_bytes())
    (admin_dir / "README.txt").write_text("not a certificate")
    trust = load_trust()
    assert {a.origin for a in trust.anchors} == {"user", "admin"}


def test_importing_a_pinned_certificate_is_confirmed(
    isolated_dirs: dict[str, Path], tmp_path: Path, corpus: Path
) -> None:
    """Stand-in registry: the production files are not public, so a registry whose pin is
    the SHA-256 of a corpus certificate shows the confirmation path."""
    (cert,) = load_certificates(corpus / "real/certs/itext/root_cert.pem")
    registry = tmp_path / "registry.json"
    registry.write_text(
        json.dumps(
            {
                "pins": [
                    {
                        "name": "Stand-in root",
                        "sha256": sha256_hex(cert),
                        "accepted_by_default": True,
                    }
                ],
                "non_production": [],
            }
        )
    )
    (imported,) = import_certificates(
        [corpus / "real/certs/itext/root_cert.pem"], registry_file=str(registry)
    )
    assert imported.confirmed_pin == "Stand-in root"
    trust = load_trust(use_installed=False, registry_file=str(registry))
    assert sha256_hex(cert) in trust.accepted_pins


def test_user_can_reject_a_bundled_pin(isolated_dirs: dict[str, Path]) -> None:
    pins_file = isolated_dirs["config"] / "desktop-signer" / "trust" / "pins.json"
    pins_file.parent.mkdir(parents=True)
    root_pin = "B5F36672FD7CFD401E01EF640B2FE61F816F32F447B280B76F536244CF42FCDF"
    assert root_pin in load_trust().accepted_pins
    pins_file.write_text(json.dumps({"rejected": [root_pin]}))
    assert root_pin not in load_trust().accepted_pins


def test_training_root_only_in_training_mode(training_root_pem: Path) -> None:
    outside = load_trust(cli_anchors=[training_root_pem], use_installed=False)
    assert outside.anchors == () and len(outside.refused) == 1
    inside = load_trust(training_mode=True, training_root=training_root_pem, use_installed=False)
    assert [a.origin for a in inside.anchors] == ["training"]


@pytest.fixture
def training_root_pem(tmp_path: Path) -> Path:
    """A self-signed certificate with the training root's name (the registry flags it by
    name, because every ``training init`` makes a new key)."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = cx509.Name(
        [
            cx509.NameAttribute(NameOID.COMMON_NAME, "Root CA Latihan"),
            cx509.NameAttribute(NameOID.ORGANIZATION_NAME, "Desktop Signer Latihan"),
        ]
    )
    now = datetime.now(UTC)
    cert = (
        cx509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=10))
        .add_extension(cx509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "root.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    assert x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    return path


def test_removing_an_imported_anchor(isolated_dirs: dict[str, Path], corpus: Path) -> None:
    from desktop_signer.trust import remove_certificate

    chain = load_certificates(corpus / ITEXT_CHAIN)
    imported = import_certificates([corpus / ITEXT_CHAIN])
    assert len(load_trust().anchors) == 3
    # a bundle that an administrator or user dropped in by hand is rewritten, not deleted
    folder = isolated_dirs["config"] / "desktop-signer" / "trust" / "anchors"
    bundle = folder / "bundel.pem"
    bundle.write_bytes((corpus / ITEXT_CHAIN).read_bytes())
    gone = imported[0].sha256
    assert remove_certificate(gone) == 2  # its own file and the bundle
    remaining = {a.sha256 for a in load_trust().anchors}
    assert gone not in remaining
    assert remaining == {sha256_hex(c) for c in chain} - {gone}
    assert len(load_certificates(bundle)) == 2
    assert remove_certificate(gone) == 0  # nothing left to remove
    for ident in imported[1:]:
        remove_certificate(ident.sha256)
    assert load_trust().anchors == ()
    assert not bundle.exists()
