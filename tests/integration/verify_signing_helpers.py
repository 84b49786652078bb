"""Sign test documents with pyHanko directly, using the training PKCS#12 identities.

Our own signer is built elsewhere; the verifier's tests must not depend on it, so they sign
with pyHanko's ``SimpleSigner.load_pkcs12`` + ``PdfSigner`` as any third-party signer would.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pymupdf
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.ades.api import CAdESSignedAttrSpec
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata
from pyhanko_certvalidator import ValidationContext

from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_certificates


def letter(text: str = "Surat latihan: rapat koordinasi hari Senin.") -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), text, fontsize=12)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def sign(
    training: TrainingSetup,
    label: str,
    data: bytes,
    level: str = "B-B",
    field: str = "Tanda1",
    certify: MDPPerm | None = None,
    content_timestamp: bool = False,
) -> bytes:
    """``content_timestamp``: also a CAdES content timestamp (signed attribute
    id-aa-ets-contentTimestamp) from the training TSA (needs a level with a timestamp)."""
    identity = training.identity(label)
    assert identity.pkcs12 is not None
    signer = signers.SimpleSigner.load_pkcs12(
        identity.pkcs12, passphrase=training.pkcs12_passphrase.encode()
    )
    assert signer is not None
    root = load_certificates(training.root_certificate)
    vc = ValidationContext(trust_roots=root, allow_fetching=True)
    meta = PdfSignatureMetadata(
        field_name=field,
        subfilter=fields.SigSeedSubFilter.PADES,
        embed_validation_info=level in ("B-LT", "B-LTA"),
        use_pades_lta=level == "B-LTA",
        validation_context=vc if level in ("B-LT", "B-LTA") else None,
        certify=certify is not None,
        docmdp_permissions=certify or MDPPerm.FILL_FORMS,
        cades_signed_attr_spec=(
            CAdESSignedAttrSpec(timestamp_content=True) if content_timestamp else None
        ),
    )
    tsa = timestamps.HTTPTimeStamper(training.tsa_url) if level != "B-B" else None
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    out = signers.PdfSigner(
        meta,
        signer,
        timestamper=tsa,
        new_field_spec=fields.SigFieldSpec(field, box=(350, 60, 550, 140), on_page=0),
    ).sign_pdf(writer)
    return bytes(out.getbuffer())


def add_comment(data: bytes, text: str = "Catatan reviewer") -> bytes:
    """Append a FreeText annotation (a comment) in an incremental update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    annot = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
            generic.NameObject("/Rect"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (72, 600, 300, 640)]
            ),
            generic.NameObject("/Contents"): generic.TextStringObject(text),
            generic.NameObject("/DA"): generic.TextStringObject("/Helv 12 Tf 0 g"),
            generic.NameObject("/M"): generic.TextStringObject(
                datetime.now(UTC).strftime("D:%Y%m%d%H%M%SZ")
            ),
        }
    )
    annot_ref = writer.add_object(annot)
    annots = page.get("/Annots")
    new_annots = generic.ArrayObject(list(annots.get_object()) if annots is not None else [])
    new_annots.append(annot_ref)
    page[generic.NameObject("/Annots")] = new_annots
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
