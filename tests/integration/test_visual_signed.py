"""The visual comparison on documents signed for real (pyHanko with the training PKCS#12
files): ordinary countersignatures must not look like changes to what was signed; changes
that are visible must be reported where they are.

Stamp boxes are chosen by the test (PDF points, lower-left origin, page as displayed), so the
expected regions do not come from the code under test.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

import pymupdf
import pytest
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigFieldSpec
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko_certvalidator import ValidationContext

from desktop_signer.training import letters
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.verification.visual import (
    ChangeKind,
    RevisionComparer,
    VisualComparison,
    compare_revision,
)

pytestmark = pytest.mark.integration
pymupdf.TOOLS.mupdf_display_errors(False)

Box = tuple[float, float, float, float]
LAST_PAGE = 3  # the training letter has three pages; stamps go on the last one
BOXES: list[Box] = [(72, 560, 252, 630), (320, 560, 500, 630), (72, 420, 252, 490),
                    (320, 420, 500, 490)]

_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


def signature_ends(data: bytes) -> list[int]:
    return sorted({int(m.group(3)) + int(m.group(4)) for m in _BYTE_RANGE.finditer(data)})


def _signer(training: TrainingSetup, who: str) -> signers.SimpleSigner:
    identity = training.identity(who)
    assert identity.pkcs12 is not None
    signer = signers.SimpleSigner.load_pkcs12(
        identity.pkcs12, passphrase=training.pkcs12_passphrase.encode()
    )
    assert signer is not None
    return signer


def sign(
    data: bytes, training: TrainingSetup, who: str, field: str, box: Box | None,
    *, lt: bool = False,
) -> bytes:
    """Sign ``field`` (a new visible field at ``box`` on the last page, or an existing field
    when ``box`` is None); ``lt``: B-LT with the training TSA and revocation data."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    spec = SigFieldSpec(field, on_page=-1, box=box) if box is not None else None
    meta = signers.PdfSignatureMetadata(field_name=field)
    timestamper = None
    if lt:
        root = load_cert_from_pemder(training.root_certificate)
        meta = signers.PdfSignatureMetadata(
            field_name=field,
            subfilter=fields.SigSeedSubFilter.PADES,
            embed_validation_info=True,
            validation_context=ValidationContext(trust_roots=[root], allow_fetching=True),
        )
        timestamper = HTTPTimeStamper(training.tsa_url)
    out = io.BytesIO()
    signers.PdfSigner(
        meta, _signer(training, who), timestamper=timestamper, new_field_spec=spec
    ).sign_pdf(writer, output=out)
    return out.getvalue()


def inside(box: Box, rect: Box, slack: float = 2.0) -> bool:
    return (rect[0] - slack <= box[0] and rect[1] - slack <= box[1]
            and box[2] <= rect[2] + slack and box[3] <= rect[3] + slack)


def assert_only_later_stamps(result: VisualComparison, later: Iterable[Box]) -> None:
    later = list(later)
    assert not result.signed_content_changed, result.changes
    assert all(c.kind is ChangeKind.ADDED_SIGNATURE for c in result.changes)
    assert all(c.page == LAST_PAGE for c in result.changes)
    # every later stamp is inside a reported region, and every region is made of later stamps
    for box in later:
        assert any(inside(box, c.rect) for c in result.changes), (box, result.changes)
    for change in result.changes:
        assert any(inside(box, change.rect) for box in later), change
    assert bool(result.changes) == bool(later)


def test_countersignatures_show_only_their_own_stamps(training: TrainingSetup) -> None:
    data = letters.surat_dinas()
    for n, who in enumerate(["budi", "siti", "rahmat", "putri"]):
        data = sign(data, training, who, f"ttd{n + 1}", BOXES[n])
    ends = signature_ends(data)
    assert len(ends) == 4 and ends[-1] == len(data)
    with RevisionComparer(data) as comparer:
        for n, end in enumerate(ends):
            result = comparer.compare(end)
            assert_only_later_stamps(result, BOXES[n + 1:])
            assert result.skipped_pages >= 2  # pages 1 and 2 are proven identical
            assert result.complete


def test_signing_prepared_empty_fields_is_not_a_change(training: TrainingSetup) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(letters.surat_dinas()), strict=False)
    for n in range(3):
        fields.append_signature_field(writer, SigFieldSpec(f"kosong{n}", on_page=-1, box=BOXES[n]))
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    for n, who in enumerate(["siti", "budi", "putri"]):
        data = sign(data, training, who, f"kosong{n}", None)
    ends = signature_ends(data)
    with RevisionComparer(data) as comparer:
        for n, end in enumerate(ends):
            assert_only_later_stamps(comparer.compare(end), BOXES[n + 1:3])


def test_b_lt_countersignatures_and_their_dss_updates_are_not_a_change(
    training: TrainingSetup, training_services: object
) -> None:
    data = letters.surat_dinas()
    for n, who in enumerate(["budi", "rahmat"]):
        data = sign(data, training, who, f"ttd{n + 1}", BOXES[n], lt=True)
    ends = signature_ends(data)
    assert ends[-1] < len(data)  # the DSS update came after the last signature
    with RevisionComparer(data) as comparer:
        first, last = (comparer.compare(end) for end in ends)
    assert_only_later_stamps(first, BOXES[1:2])
    assert_only_later_stamps(last, [])
    assert last.rendered_pages == 0  # nothing a page draws changed


def _with_text_field(box: pymupdf.Rect) -> bytes:
    doc = pymupdf.open(stream=letters.nota_dinas(), filetype="pdf")
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "jumlah"
    widget.field_value = "Rp 1.000.000"
    widget.rect = box
    widget.text_fontsize = 12
    doc[0].add_widget(widget)
    return doc.tobytes()


def test_form_filled_after_signing_is_reported_on_the_field(
    training: TrainingSetup, tmp_path: object
) -> None:
    box = pymupdf.Rect(300, 500, 500, 525)  # MuPDF page space: top-left origin
    data = sign(_with_text_field(box), training, "budi", "ttd", (72, 100, 250, 170))
    end = len(data)
    path = f"{tmp_path}/isi.pdf"
    with open(path, "wb") as f:
        f.write(data)
    doc = pymupdf.open(path)
    page = doc[0]  # widgets need their page alive
    widget = next(w for w in page.widgets() if w.field_name == "jumlah")
    widget.field_value = "Rp 9.000.000"
    widget.update()
    doc.save(path, incremental=True, encryption=pymupdf.PDF_ENCRYPT_KEEP)
    doc.close()
    with open(path, "rb") as f:
        filled = f.read()

    result = compare_revision(filled, end)
    assert result.signed_content_changed
    assert {c.kind for c in result.changes} == {ChangeKind.ANNOTATION}
    height = pymupdf.open(stream=filled, filetype="pdf")[0].rect.height
    field = (box.x0, height - box.y1, box.x1, height - box.y0)
    assert all(inside(c.rect, field) for c in result.changes), result.changes


def test_an_unsigned_signature_field_that_draws_is_an_added_annotation(
    training: TrainingSetup,
) -> None:
    """The sneaky-signature trick: a signature field that signs nothing but has an appearance
    covering the page. It is not a countersignature's stamp.

    MuPDF draws its own orange "SIGN" marker in the top-left corner of an unsigned signature
    field instead of the field's /AP (Adobe draws the /AP), so the region is MuPDF's marker,
    inside the field; what matters is that the kind is not ``added_signature``."""
    data = sign(letters.surat_dinas(), training, "budi", "ttd", BOXES[0])
    end = len(data)
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    cover: Box = (60, 300, 540, 360)
    fields.append_signature_field(writer, SigFieldSpec("palsu", on_page=-1, box=cover))
    widget = next(
        a.get_object() for a in writer.root["/AcroForm"]["/Fields"]
        if a.get_object().get("/T") == "palsu"
    )
    appearance = generic.StreamObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/XObject"),
            generic.NameObject("/Subtype"): generic.NameObject("/Form"),
            generic.NameObject("/BBox"): generic.ArrayObject(
                [generic.NumberObject(0), generic.NumberObject(0),
                 generic.NumberObject(480), generic.NumberObject(60)]
            ),
        },
        stream_data=b"0 0 0 rg 0 0 480 60 re f",
    )
    widget[generic.NameObject("/AP")] = generic.DictionaryObject(
        {generic.NameObject("/N"): writer.add_object(appearance)}
    )
    writer.update_container(widget)
    out = io.BytesIO()
    writer.write(out)

    result = compare_revision(out.getvalue(), end)
    assert result.signed_content_changed
    assert [c.kind for c in result.changes] == [ChangeKind.ADDED_ANNOTATION]
    assert inside(result.changes[0].rect, cover)
