"""Each PAdES level on SoftHSM and on PKCS#12, checked by pyHanko (strict, training root
trusted), poppler's pdfsig and qpdf; countersigning, certification, existing fields and
encrypted input."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pymupdf
import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation.pdf_embedded import read_certification_data

from desktop_signer.appearance import PlacementRequest
from desktop_signer.signing import SigningError, SignJob, sign_document
from desktop_signer.training import letters
from desktop_signer.training.services import TrainingServices
from desktop_signer.training.setup import TrainingSetup
from tests.integration.sign_helpers import (
    identity,
    options,
    pdfsig,
    pyhanko_check,
    qpdf_ok,
    sha256,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "surat.pdf"
    path.write_bytes(letters.surat_dinas())
    return path


@pytest.mark.parametrize("kind", ["pkcs11", "pkcs12"])
@pytest.mark.parametrize("level", ["B-B", "B-T", "B-LT", "B-LTA"])
def test_each_level(training: TrainingSetup, training_services: TrainingServices,
                    letter: Path, kind: str, level: str) -> None:
    before = sha256(letter)
    out = letter.with_name(f"surat_{level}_{kind}.pdf")
    ident = identity(training, kind)
    try:
        result = sign_document(ident, SignJob(letter, out), options(
            training, level=level, placement=PlacementRequest(anchor="#")))
    finally:
        ident.close()
    assert result.status == "signed" and result.level == level and not result.downgraded
    assert result.page == 3 and result.verdict == "valid"
    assert sha256(letter) == before, "the input is never modified"
    assert result.output_sha256 == sha256(out)
    statuses = pyhanko_check(out, training, lt=level in ("B-LT", "B-LTA"))
    sig_status = statuses[0]
    assert (getattr(sig_status, "timestamp_validity", None) is not None) == (level != "B-B")
    text = pdfsig(out)
    assert "Signature is Valid" in text
    assert "Total document signed" in text
    assert "ETSI.CAdES.detached" in text
    assert qpdf_ok(out)
    reader = PdfFileReader(io.BytesIO(out.read_bytes()))
    has_dss = "/DSS" in reader.root
    assert has_dss == (level in ("B-LT", "B-LTA"))
    sigs = reader.embedded_signatures
    if level == "B-LTA":
        assert len(sigs) == 2 and sigs[-1].sig_object["/Type"] == "/DocTimeStamp"
    else:
        # the signature (and the DSS, for B-LT) cover the whole file: one new revision
        assert len(sigs) == 1 and reader.xrefs.total_revisions == 2


def test_countersigning_keeps_earlier_signatures(training: TrainingSetup,
                                                 training_services: TrainingServices,
                                                 letter: Path) -> None:
    first = letter.with_name("first.pdf")
    second = letter.with_name("second.pdf")
    budi, siti = identity(training, "pkcs11", "budi"), identity(training, "pkcs12", "siti")
    try:
        sign_document(budi, SignJob(letter, first), options(
            training, level="B-T", placement=PlacementRequest(anchor="#")))
        result = sign_document(siti, SignJob(first, second), options(
            training, level="B-T", placement=PlacementRequest(position="bottom-left")))
    finally:
        budi.close()
        siti.close()
    assert result.field_name == "Tanda_Tangan_2" and result.verdict == "valid"
    statuses = pyhanko_check(second, training)
    assert len(statuses) == 2
    earlier = statuses[0]
    assert earlier.modification_level <= ModificationLevel.FORM_FILLING  # type: ignore[attr-defined]
    assert pdfsig(second).count("Signature is Valid") == 2
    assert qpdf_ok(second)


@pytest.mark.parametrize("p", [1, 2, 3])
def test_certification(training: TrainingSetup, letter: Path, p: int) -> None:
    certified = letter.with_name(f"certified_p{p}.pdf")
    ident = identity(training, "pkcs12")
    try:
        sign_document(ident, SignJob(letter, certified), options(training, certify=p))
        reader = PdfFileReader(io.BytesIO(certified.read_bytes()))
        assert "/DocMDP" in reader.root["/Perms"]
        pyhanko_check(certified, training)
        docmdp = read_certification_data(reader)
        assert docmdp is not None and docmdp.permission.value == p
        again = letter.with_name(f"again_p{p}.pdf")
        if p == 1:
            with pytest.raises(SigningError) as err:
                sign_document(ident, SignJob(certified, again), options(training))
            assert err.value.code == "certified_no_changes"
            assert not again.exists()
        else:
            # a new visible field would change the page: refused before anything is written
            with pytest.raises(SigningError) as err:
                sign_document(ident, SignJob(certified, again), options(training))
            assert err.value.code == "certified_new_visible_field"
            assert not again.exists()
            result = sign_document(ident, SignJob(certified, again),
                                   options(training, visible=False))
            assert result.verdict == "valid"
            assert len(pyhanko_check(again, training)) == 2
        # certification must be the first signature
        with pytest.raises(SigningError) as err:
            sign_document(ident, SignJob(certified, letter.with_name("x.pdf")),
                          options(training, certify=2))
        assert err.value.code in ("certify_signed_document", "certified_no_changes")
    finally:
        ident.close()


def test_sign_an_existing_empty_field(training: TrainingSetup, tmp_path: Path) -> None:
    src = tmp_path / "with-field.pdf"
    writer = IncrementalPdfFileWriter(io.BytesIO(letters.nota_dinas()))
    fields.append_signature_field(writer, fields.SigFieldSpec(
        "Kepala_Dinas", on_page=0, box=(330, 250, 530, 330)))
    with src.open("wb") as f:
        writer.write(f)
    out = tmp_path / "signed.pdf"
    ident = identity(training, "pkcs12")
    try:
        result = sign_document(ident, SignJob(src, out), options(training,
                                                                  field_name="Kepala_Dinas"))
        assert result.field_name == "Kepala_Dinas" and result.page == 1
        with pytest.raises(SigningError) as err:
            sign_document(ident, SignJob(out, tmp_path / "again.pdf"),
                          options(training, field_name="Kepala_Dinas"))
        assert err.value.code == "field_already_signed"
    finally:
        ident.close()
    reader = PdfFileReader(io.BytesIO(out.read_bytes()))
    assert [s.field_name for s in reader.embedded_signatures] == ["Kepala_Dinas"]
    pyhanko_check(out, training)
    with pymupdf.open(out) as doc:  # the stamp is drawn into the field's box
        assert "Ditandatangani secara elektronik oleh:" in " ".join(
            doc[0].get_text(clip=pymupdf.Rect(330, 842 - 330, 530, 842 - 250)).split())


def test_encrypted_input(training: TrainingSetup, tmp_path: Path) -> None:
    doc = pymupdf.open("pdf", letters.nota_dinas())
    src = tmp_path / "rahasia.pdf"
    doc.save(src, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="rahasia",
             owner_pw="pemilik", permissions=-1)
    out = tmp_path / "rahasia_signed.pdf"
    ident = identity(training, "pkcs12")
    try:
        for password, code in ((None, "password_required"), ("salah", "password_incorrect")):
            with pytest.raises(SigningError) as err:
                sign_document(ident, SignJob(src, out, password), options(training))
            assert err.value.code == code
            assert not out.exists()
        result = sign_document(ident, SignJob(src, out, "rahasia"),
                               options(training, placement=PlacementRequest(anchor="#")))
    finally:
        ident.close()
    assert result.status == "signed"
    reader = PdfFileReader(io.BytesIO(out.read_bytes()))
    assert reader.encrypted
    reader.decrypt(b"rahasia")
    sig = reader.embedded_signatures[0]
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from tests.integration.sign_helpers import load_cert
    status = validate_pdf_signature(sig, ValidationContext(
        trust_roots=[load_cert(training.root_certificate)]))
    assert status.intact and status.valid and status.trusted
    text = subprocess.run(["pdfsig", "-upw", "rahasia", str(out)], capture_output=True,
                          text=True, check=False).stdout
    assert "Signature is Valid" in text and "Total document signed" in text
    qpdf = subprocess.run(["qpdf", "--password=rahasia", "--check", str(out)],
                          capture_output=True, text=True, check=False)
    assert qpdf.returncode == 0
