"""Proof of existence for expiring certificates, and where revocation data came from.

The ``segera-berakhir`` training identity expires in 10 days; the signatures are judged 30
days from now (``--at``), when that certificate has expired and the embedded CRLs are stale.
A trusted signature timestamp or a later trusted document timestamp, with revocation data
embedded, proves the signature existed while the certificate was valid (ETSI EN 319 102-1
past signature validation); without such a proof the signature is ``indeterminate``
(``expired``) and the report says what to do. ``--crl`` files decide revocation as a
``local_file`` source, never as data embedded in the document.
"""

from __future__ import annotations

import io
import json
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata
from pyhanko_certvalidator import ValidationContext

from desktop_signer import settings
from desktop_signer.cli import main, verify_cmd
from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.messages import MESSAGES
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_certificates, load_trust
from desktop_signer.verification import FileReport, VerifyOptions
from desktop_signer.verification.document import validate_bytes
from desktop_signer.verification.model import SignatureResult
from desktop_signer.verification.report_json import report_json
from tests.conftest import REPORT_SCHEMA
from tests.integration.verify_signing_helpers import letter, sign

pytestmark = pytest.mark.integration

SCHEMA = REPORT_SCHEMA
EXPIRING = "segera-berakhir"


def _later() -> datetime:
    return datetime.now(UTC) + timedelta(days=30)


def _options(training: TrainingSetup, at: datetime | None = None, **kw: object) -> VerifyOptions:
    trust = load_trust(
        training_mode=True,
        training_root=training.root_certificate,
        use_installed=False,
        **kw,  # type: ignore[arg-type]
    )
    return VerifyOptions(trust=trust, offline=True, at=at, visual=False)


def _check(data: bytes, options: VerifyOptions) -> FileReport:
    return validate_bytes("surat.pdf", data, options)


def _findings(sig: SignatureResult, code: str) -> list[tuple[str, str, str]]:
    return [(f.severity, f.param("reason"), f.param("at")) for f in sig.findings if f.code == code]


def _b_b_with_revinfo_then_document_timestamp(training: TrainingSetup) -> tuple[bytes, bytes]:
    """A B-B signature with the signer's revocation data embedded (no signature timestamp),
    and the same file after a document timestamp (with the TSA's revocation data)."""
    identity = training.identity(EXPIRING)
    assert identity.pkcs12 is not None
    signer = signers.SimpleSigner.load_pkcs12(
        identity.pkcs12, passphrase=training.pkcs12_passphrase.encode()
    )
    assert signer is not None
    roots = load_certificates(training.root_certificate)
    meta = PdfSignatureMetadata(
        field_name="Tanda1",
        subfilter=fields.SigSeedSubFilter.PADES,
        embed_validation_info=True,
        validation_context=ValidationContext(trust_roots=roots, allow_fetching=True),
    )
    signed = (
        signers.PdfSigner(
            meta,
            signer,
            new_field_spec=fields.SigFieldSpec("Tanda1", box=(350, 60, 550, 140), on_page=0),
        )
        .sign_pdf(IncrementalPdfFileWriter(io.BytesIO(letter())))
        .getvalue()
    )
    stamped = (
        signers.PdfTimeStamper(timestamps.HTTPTimeStamper(training.tsa_url))
        .timestamp_pdf(
            IncrementalPdfFileWriter(io.BytesIO(signed)),
            "sha256",
            validation_context=ValidationContext(trust_roots=roots, allow_fetching=True),
        )
        .getvalue()
    )
    return signed, stamped


@pytest.fixture(scope="module")
def expiring(training: TrainingSetup, training_services: object) -> dict[str, bytes]:
    base = letter()
    docs = {level: sign(training, EXPIRING, base, level) for level in ("B-B", "B-T", "B-LTA")}
    docs["B-B+revinfo"], docs["B-B+revinfo+DTS"] = _b_b_with_revinfo_then_document_timestamp(
        training
    )
    return docs


def test_the_expiring_certificate_is_still_valid_today(
    training: TrainingSetup, expiring: dict[str, bytes]
) -> None:
    """The control: today every level is valid and nothing says expired."""
    for data in expiring.values():
        report = _check(data, _options(training))
        assert report.verdict == "valid"
        assert not any(f.code == "expired" for s in report.signatures for f in s.findings)


def test_b_lta_is_valid_after_expiry_by_proof_of_existence(
    training: TrainingSetup, expiring: dict[str, bytes]
) -> None:
    report = _check(expiring["B-LTA"], _options(training, _later()))
    assert report.verdict == "valid"
    sig = report.signatures[0]
    assert sig.signing_time.timestamp_valid is True
    assert sig.signing_time.timestamp is not None
    # judged at the proven time, with the embedded revocation data of that time
    assert _findings(sig, "expired") == [("info", "", sig.signing_time.timestamp.isoformat())]
    assert (sig.trust, sig.revocation, sig.revocation_source) == ("trusted", "good", "embedded")
    assert sig.ltv is True and sig.pades_level == "B-LTA"


def test_b_b_is_indeterminate_expired_after_expiry(
    training: TrainingSetup, expiring: dict[str, bytes]
) -> None:
    """No proof of when it was signed: the stale embedded data must not hide the expiry
    either (it used to stop path validation before the validity check)."""
    for level in ("B-B", "B-B+revinfo"):
        report = _check(expiring[level], _options(training, _later()))
        assert report.verdict == "indeterminate", level
        sig = report.signatures[0]
        assert _findings(sig, "expired") == [("error", "no_proof", "")]
        assert sig.trust == "untrusted"


def test_b_t_without_revocation_data_cannot_prove_the_status_then(
    training: TrainingSetup, expiring: dict[str, bytes]
) -> None:
    report = _check(expiring["B-T"], _options(training, _later()))
    assert report.verdict == "indeterminate"
    sig = report.signatures[0]
    assert sig.signing_time.timestamp_valid is True
    assert [(s, r) for s, r, _ in _findings(sig, "expired")] == [("error", "no_revocation_data")]


def test_a_later_document_timestamp_is_proof_of_existence(
    training: TrainingSetup, expiring: dict[str, bytes]
) -> None:
    report = _check(expiring["B-B+revinfo+DTS"], _options(training, _later()))
    assert report.verdict == "valid"
    sig, stamp = report.signatures
    assert stamp.kind == "document_timestamp" and stamp.signing_time.timestamp_valid
    assert sig.signing_time.timestamp is None  # no signature timestamp of its own
    assert stamp.signing_time.timestamp is not None
    assert _findings(sig, "expired") == [("info", "", stamp.signing_time.timestamp.isoformat())]


def test_the_cli_judges_at_a_later_time_in_training_mode(
    training: TrainingSetup,
    expiring: dict[str, bytes],
    isolated_dirs: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = settings.load()
    settings.save(loaded, replace(loaded.settings, training_mode=True))
    # the active training set-up (desktop_signer/training/active.py) supplies the root
    monkeypatch.setenv("DESKTOP_SIGNER_TRAINING_DIR", training.directory)
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    lta, bb = tmp_path / "lta.pdf", tmp_path / "bb.pdf"
    lta.write_bytes(expiring["B-LTA"])
    bb.write_bytes(expiring["B-B"])
    at = ["--offline", "--at", _later().isoformat()]
    assert main(["verify", str(lta), *at]) == 0
    capsys.readouterr()
    assert main(["verify", str(bb), *at]) == 2
    text = capsys.readouterr().out
    assert "expired on" in text and "B-LT or B-LTA" in text and "--at" in text


def _local_crls(training: TrainingSetup, folder: Path) -> list[Path]:
    files = []
    for n, url in enumerate(training.crl_urls):
        target = folder / f"crl-{n}.crl"
        with urllib.request.urlopen(url, timeout=10) as response:
            target.write_bytes(response.read())
        files.append(target)
    return files


def test_a_local_crl_decides_as_a_local_file_never_as_embedded(
    training: TrainingSetup, training_services: object, tmp_path: Path
) -> None:
    crls = _local_crls(training, tmp_path)
    revoked = _check(sign(training, "dicabut", letter()), _options(training, cli_crls=crls))
    sig = revoked.signatures[0]
    assert (sig.revocation, sig.revocation_source) == ("revoked", "local_file")
    assert revoked.verdict == "invalid"

    good = _check(sign(training, "budi", letter()), _options(training, cli_crls=crls))
    sig = good.signatures[0]
    assert (sig.revocation, sig.revocation_source) == ("good", "local_file")
    assert sig.ltv is False  # a file next to the document does not make it LTV
    assert good.verdict == "valid"

    # without the files the same signature's status is unknown offline
    plain = _check(sign(training, "budi", letter()), _options(training))
    assert plain.signatures[0].revocation == "unknown"

    # the report (schema version 2) calls it "local"; the text says "local CRL file"
    t = Catalogue(MESSAGES, "en")
    doc = report_json(revoked, verify_cmd.describer(t), verify_cmd.summariser(t), "en")
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    assert doc["signatures"][0]["revocation_source"] == "local"
    assert "local CRL file (--crl)" in verify_cmd.render_text(revoked, t)


def _crl(training: TrainingSetup, ca: str, key: str, revoked: dict[int, datetime],
         this_update: datetime, target: Path) -> Path:
    """A CRL issued with the training CA's own key (training keys live in ``pki/keys``):
    the training services only know the revocations certomancer was configured with."""
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization

    ca_cert = cx509.load_pem_x509_certificate(Path(ca).read_bytes())
    ca_key = serialization.load_pem_private_key(
        (Path(training.directory) / "pki" / "keys" / key).read_bytes(), password=None
    )
    builder = (
        cx509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(this_update)
        .next_update(this_update + timedelta(days=10))
        .add_extension(cx509.CRLNumber(1), critical=False)
        .add_extension(
            cx509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
    )
    for serial, when in revoked.items():
        builder = builder.add_revoked_certificate(
            cx509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
        )
    target.write_bytes(
        builder.sign(ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)  # type: ignore[arg-type]
    )
    return target


def test_a_revocation_after_a_proven_signing_time_is_a_warning(
    training: TrainingSetup, training_services: object, tmp_path: Path
) -> None:
    """budi's certificate is revoked tomorrow (a CRL made here with the training CA's key,
    given with --crl); judged the day after: the B-T signature, whose timestamp proves it
    was made before the revocation, stands with a warning; the B-B signature, whose signing
    time is only claimed, is indeterminate (ETSI REVOKED_NO_POE)."""
    now = datetime.now(UTC).replace(microsecond=0)
    tomorrow = now + timedelta(days=1)
    budi = training.identity("budi").serial
    crls = [
        _crl(training, training.issuing_ca_certificate, "bsre-ca.key.pem", {budi: tomorrow},
             tomorrow, tmp_path / "bsre.crl"),
        _crl(training, training.root_certificate, "root.key.pem", {}, tomorrow,
             tmp_path / "root.crl"),
    ]
    later = now + timedelta(days=2)
    options = _options(training, later, cli_crls=crls)

    proven = _check(sign(training, "budi", letter(), "B-T"), options)
    sig = proven.signatures[0]
    assert (sig.revocation, sig.revocation_source) == ("revoked", "local_file")
    assert [(f.severity, f.effect) for f in sig.findings if f.code == "revoked"] == [
        ("warning", "none")
    ]
    assert sig.trust == "trusted" and proven.verdict == "valid"

    claimed = _check(sign(training, "budi", letter(), "B-B"), options)
    sig = claimed.signatures[0]
    assert sig.revocation == "revoked"
    assert [f.effect for f in sig.findings if f.code == "revoked"] == ["indeterminate"]
    assert claimed.verdict == "indeterminate"
