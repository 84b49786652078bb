"""Signed letters made by the tests for the validity panel: a small PKI of our own (a root
nobody trusts until the test imports it), signing with pyHanko, and a tampered copy
(text added to the page in an incremental update after signing)."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer
from pyhanko.sign import signers
from pyhanko.sign.fields import SigFieldSpec
from pyhanko_certvalidator.registry import SimpleCertificateStore

STAMP_BOX = (330.0, 60.0, 530.0, 130.0)  # PDF points, lower-left origin, page 1


@dataclass(frozen=True)
class TestPki:
    root_pem: Path
    signer_pem: Path
    key_pem: Path


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Dinas Uji Coba"),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")])


def make_pki(folder: Path) -> TestPki:
    """A root CA and a signer certificate (no revocation services named)."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = _name("Root CA Uji Panel")
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(1)
            .not_valid_before(now - datetime.timedelta(days=30))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False,
                                         False), critical=True)
            .sign(root_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    signer = (x509.CertificateBuilder().subject_name(_name("Sari Penguji"))
              .issuer_name(root_name).public_key(key.public_key()).serial_number(2)
              .not_valid_before(now - datetime.timedelta(days=1))
              .not_valid_after(now + datetime.timedelta(days=365))
              .add_extension(x509.KeyUsage(True, True, False, False, False, False, False,
                                           False, False), critical=True)
              .sign(root_key, hashes.SHA256()))
    pki = TestPki(folder / "root-uji.pem", folder / "penandatangan.pem", folder / "kunci.pem")
    pki.root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    pki.signer_pem.write_bytes(signer.public_bytes(serialization.Encoding.PEM))
    pki.key_pem.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    return pki


def write_letter(path: Path, pages: int = 1) -> Path:
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 90), "SURAT DINAS UJI PANEL", fontsize=16)
        page.insert_text((72, 130), f"Nomor: 800/{number:03d}/UJI/2026", fontsize=11)
        page.insert_text((72, 170), "Jumlah anggaran: Rp 1.000.000", fontsize=11)
    doc.save(path)
    doc.close()
    return path


def write_turned_letter(path: Path, rotation: int, box: tuple[float, float, float, float],
                        offset: bool = True) -> Path:
    """A one-page letter shown rotated by ``rotation`` degrees, with (``offset``) a MediaBox
    and a CropBox that do not start at 0,0; a red box is drawn in the page content at
    ``box`` (PDF space), where the test then puts the signature widget."""
    doc = pymupdf.open()
    page = doc.new_page(width=600, height=800)
    if offset:
        doc.xref_set_key(page.xref, "MediaBox", "[100 200 700 1000]")
        doc.xref_set_key(page.xref, "CropBox", "[150 260 650 960]")
    doc.xref_set_key(page.xref, "Rotate", str(rotation))
    x0, y0, x1, y1 = box
    content = doc.get_new_xref()
    doc.update_object(content, "<<>>")
    doc.update_stream(content, f"q 1 0 0 rg {x0} {y0} {x1 - x0} {y1 - y0} re f Q".encode())
    doc.xref_set_key(page.xref, "Contents", f"{content} 0 R")
    doc.save(path)
    doc.close()
    return path


def red_box_as_displayed(path: Path) -> tuple[float, float, float, float]:
    """Where MuPDF draws the red box of :func:`write_turned_letter` (page content only):
    points from the top-left of the page as displayed."""
    with pymupdf.open(path) as doc:
        pix = doc[0].get_pixmap(alpha=False, annots=False)
    xs, ys = [], []
    for y in range(pix.height):
        row = pix.samples[y * pix.stride:y * pix.stride + pix.width * 3]
        for x in range(pix.width):
            r, g, b = row[3 * x:3 * x + 3]
            if r > 200 and g < 60 and b < 60:
                xs.append(x)
                ys.append(y)
    return float(min(xs)), float(min(ys)), float(max(xs) + 1), float(max(ys) + 1)


def sign(source: Path, target: Path, pki: TestPki, field: str = "Tanda_Tangan_1",
         box: tuple[float, float, float, float] = STAMP_BOX) -> Path:
    root = load_cert_from_pemder(str(pki.root_pem))
    signer = signers.SimpleSigner(
        signing_cert=load_cert_from_pemder(str(pki.signer_pem)),
        signing_key=load_private_key_from_pemder(str(pki.key_pem), passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs([root]))
    writer = IncrementalPdfFileWriter(io.BytesIO(source.read_bytes()), strict=False)
    out = io.BytesIO()
    signers.PdfSigner(signers.PdfSignatureMetadata(field_name=field), signer,
                      new_field_spec=SigFieldSpec(field, on_page=0, box=box)
                      ).sign_pdf(writer, output=out)
    target.write_bytes(out.getvalue())
    return target


def lock(source: Path, target: Path, password: str) -> Path:
    """``source`` encrypted by pyHanko (AES-256), ``password`` as the user password."""
    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(source.read_bytes())))
    writer.encrypt(password + "-pemilik", password)
    out = io.BytesIO()
    writer.write(out)
    target.write_bytes(out.getvalue())
    return target


def sign_encrypted(source: Path, target: Path, pki: TestPki, password: str,
                   field: str = "Tanda_Tangan_1") -> Path:
    """Sign an encrypted ``source`` (pyHanko needs its user password to add the update)."""
    root = load_cert_from_pemder(str(pki.root_pem))
    signer = signers.SimpleSigner(
        signing_cert=load_cert_from_pemder(str(pki.signer_pem)),
        signing_key=load_private_key_from_pemder(str(pki.key_pem), passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs([root]))
    writer = IncrementalPdfFileWriter(io.BytesIO(source.read_bytes()), strict=False)
    writer.encrypt(password)
    out = io.BytesIO()
    signers.PdfSigner(signers.PdfSignatureMetadata(field_name=field), signer,
                      new_field_spec=SigFieldSpec(field, on_page=0, box=STAMP_BOX)
                      ).sign_pdf(writer, output=out)
    target.write_bytes(out.getvalue())
    return target


def tamper(signed: Path, target: Path) -> tuple[float, float, float, float]:
    """Copy ``signed`` and change its page after signing (an incremental update that
    draws a new amount over the letter). Returns where, in PDF points (lower-left origin)."""
    target.write_bytes(signed.read_bytes())
    doc = pymupdf.open(target)
    page = doc[0]
    page.insert_text((72, 210), "Jumlah anggaran: Rp 9.000.000", fontsize=11)
    doc.saveIncr()
    doc.close()
    return (72.0, 842.0 - 214.0, 250.0, 842.0 - 198.0)
