"""The four verdict classes of issue 10, each on files made here: annotations that cover
signed content, revocation status unknown, form filling on a split field, and a content
timestamp as a lower bound of the signing time.

Revocation and form cases use a fresh PKI per run (``fresh_pki``: new keys, revocation
services chosen by the test); annotation and timestamp cases the training PKI with its TSA.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pymupdf
import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields
from pyhanko.sign.fields import MDPPerm

from desktop_signer.cli import verify_cmd
from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.messages import MESSAGES
from desktop_signer.training.ports import free_port
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_trust
from desktop_signer.verification import FileReport, VerifyOptions
from desktop_signer.verification.document import validate_bytes
from desktop_signer.verification.model import Finding, SignatureResult
from desktop_signer.verification.report_json import report_json
from tests.conftest import REPORT_SCHEMA
from tests.integration.fresh_pki import FreshPki, make_pki, sign_with
from tests.integration.verify_signing_helpers import letter, sign

pytestmark = pytest.mark.integration

AMOUNT = "Rp 1.000.000"


def _check(data: bytes, options: VerifyOptions) -> FileReport:
    return validate_bytes("uji.pdf", data, options)


def _codes(sig: SignatureResult) -> set[str]:
    return {f.code for f in sig.findings}


def _only(sig: SignatureResult, code: str) -> Finding:
    (found,) = [f for f in sig.findings if f.code == code]
    return found


def _schema_valid(report: FileReport) -> None:
    t = Catalogue(MESSAGES, "en")
    doc = report_json(report, verify_cmd.describer(t), verify_cmd.summariser(t), "en")
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)


def _amended(data: bytes, tmp_path: Path, change: Callable[[Any], None]) -> bytes:
    """``data`` plus an incremental update made by PyMuPDF (as a reader's PDF tool would)."""
    path = tmp_path / f"ubah-{len(list(tmp_path.iterdir()))}.pdf"
    path.write_bytes(data)
    doc = pymupdf.open(path)
    page = doc[0]  # annotations and widgets need their page alive
    change(page)
    doc.saveIncr()
    doc.close()
    return path.read_bytes()


# ------------------------------------------------------------------ 1. covering annotations


@pytest.fixture(scope="module")
def amount_letter(training: TrainingSetup, training_services: object) -> bytes:
    """An approval signature (B-LT, so that it is valid offline) over a letter with an
    amount; no DocMDP."""
    text = f"Jumlah yang dibayarkan: {AMOUNT} (satu juta rupiah)"
    return sign(training, "budi", letter(text), "B-LT")


def _training_options(training: TrainingSetup) -> VerifyOptions:
    trust = load_trust(
        training_mode=True, training_root=training.root_certificate, use_installed=False
    )
    return VerifyOptions(trust=trust, offline=True)  # visual comparison on (the default)


def _amount(page: Any) -> Any:
    (rect,) = page.search_for(AMOUNT)
    return rect


def _moved(r: Any, dx0: float, dy0: float, dx1: float, dy1: float) -> Any:
    return pymupdf.Rect(r.x0 + dx0, r.y0 + dy0, r.x1 + dx1, r.y1 + dy1)


def _white_box_with_new_text(page: Any) -> None:
    page.add_freetext_annot(_moved(_amount(page), -2, -2, 30, 2), "Rp 9.000.000", fontsize=12,
                            fill_color=(1, 1, 1))


def _white_square(page: Any) -> None:
    annot = page.add_rect_annot(_amount(page))
    annot.set_colors(stroke=(1, 1, 1), fill=(1, 1, 1))
    annot.update()


def _text_over_text(page: Any) -> None:
    page.add_freetext_annot(_moved(_amount(page), 0, 0, 30, 0), "Rp 9.999.999", fontsize=12)


def _stamp(page: Any) -> None:
    page.add_stamp_annot(_moved(_amount(page), -10, -10, 40, 10), stamp=0)


def _thick_ink(page: Any) -> None:
    r = _amount(page)
    annot = page.add_ink_annot([[(r.x0, (r.y0 + r.y1) / 2), (r.x1, (r.y0 + r.y1) / 2)]])
    annot.set_border(width=9)
    annot.update()


def _sticky_note_on_amount(page: Any) -> None:
    r = _amount(page)
    page.add_text_annot((r.x0 + 20, r.y0 - 2), "Catatan")


def _sticky_note_in_margin(page: Any) -> None:
    page.add_text_annot((20, 20), "Catatan")


def _highlight(page: Any) -> None:
    page.add_highlight_annot(_amount(page))


def _underline(page: Any) -> None:
    page.add_underline_annot(_amount(page))


def _link(page: Any) -> None:
    page.insert_link({"kind": pymupdf.LINK_URI, "from": _amount(page),
                      "uri": "https://contoh.go.id"})


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(
    "change",
    [_white_box_with_new_text, _white_square, _text_over_text, _stamp, _thick_ink,
     _sticky_note_on_amount],
    ids=lambda f: f.__name__.strip("_"),
)
def test_an_annotation_that_covers_signed_content_is_invalid_naming_page_and_region(
    training: TrainingSetup, amount_letter: bytes, tmp_path: Path,
    change: Callable[[Any], None],
) -> None:
    data = _amended(amount_letter, tmp_path, change)
    report = _check(data, _training_options(training))
    sig = report.signatures[0]
    assert sig.modification == "annotations"  # the object analysis alone permits it
    covers = _only(sig, "annotation_covers_content")
    assert (covers.severity, covers.effect, covers.page) == ("error", "invalid", 1)
    doc = pymupdf.open(stream=data, filetype="pdf")
    box, height = _amount(doc[0]), doc[0].rect.height
    amount = (box.x0, height - box.y1, box.x1, height - box.y0)  # PDF points, lower left
    assert covers.rect is not None and _overlaps(covers.rect, amount), (covers.rect, amount)
    assert sig.verdict == "invalid" and report.verdict == "invalid"
    for language, page_word in (("id", "halaman 1"), ("en", "page 1")):
        text = verify_cmd.describe(covers, Catalogue(MESSAGES, language))
        assert page_word in text and f"x {covers.rect[0]:.0f}" in text, text
    _schema_valid(report)


@pytest.mark.parametrize(
    "change",
    [_sticky_note_in_margin, _highlight, _underline, _link],
    ids=lambda f: f.__name__.strip("_"),
)
def test_an_annotation_that_leaves_signed_content_visible_stays_a_warning(
    training: TrainingSetup, amount_letter: bytes, tmp_path: Path,
    change: Callable[[Any], None],
) -> None:
    report = _check(_amended(amount_letter, tmp_path, change), _training_options(training))
    sig = report.signatures[0]
    assert "annotation_covers_content" not in _codes(sig)
    assert _only(sig, "annotations_after_signing").effect == "none"
    assert report.verdict == "valid", [(f.code, f.params) for f in sig.findings]


def test_an_empty_signature_field_for_the_next_signer_over_the_text_stays_a_warning(
    training: TrainingSetup, amount_letter: bytes,
) -> None:
    """MuPDF draws its own "SIGN" marker for an unsigned signature field (not the file's
    appearance), so the marker over the signed text is not "covering" (a known limit: the
    field's own /AP is not judged; after a certification the field itself is forbidden)."""
    doc = pymupdf.open(stream=amount_letter, filetype="pdf")
    box, height = _amount(doc[0]), doc[0].rect.height
    writer = IncrementalPdfFileWriter(io.BytesIO(amount_letter))
    fields.append_signature_field(writer, fields.SigFieldSpec(
        "Tanda2", on_page=0, box=(int(box.x0) - 30, int(height - box.y1) - 5,
                                   int(box.x1) + 60, int(height - box.y0) + 40)))
    out = io.BytesIO()
    writer.write(out)
    report = _check(out.getvalue(), _training_options(training))
    sig = report.signatures[0]
    assert "annotation_covers_content" not in _codes(sig)
    assert report.verdict == "valid", [(f.code, f.params) for f in sig.findings]


# ------------------------------------------------------------------ 2. revocation unknown


def _fresh_options(pki: FreshPki, **kw: Any) -> VerifyOptions:
    trust = load_trust(cli_anchors=[pki.root_pem], use_installed=False)
    return VerifyOptions(trust=trust, visual=False, **kw)


def test_a_certificate_naming_no_revocation_service_stays_valid_with_a_note(
    tmp_path: Path,
) -> None:
    pki = make_pki(tmp_path)
    report = _check(sign_with(pki, letter()), _fresh_options(pki, offline=True))
    sig = report.signatures[0]
    note = _only(sig, "no_revocation_service")
    assert (note.severity, note.effect) == ("info", "none")
    assert "Penanda Tangan Uji" in note.param("certificates")
    assert "revocation_unknown" not in _codes(sig)
    assert report.verdict == "valid"
    _schema_valid(report)


def test_a_revocation_service_nobody_can_ask_makes_the_signature_indeterminate(
    tmp_path: Path,
) -> None:
    port = free_port()  # nothing listens there: the service is unreachable
    pki = make_pki(tmp_path, crl_url=f"http://127.0.0.1:{port}/uji.crl",
                   ocsp_url=f"http://127.0.0.1:{port}/ocsp")
    data = sign_with(pki, letter())

    online = _check(data, _fresh_options(pki, offline=False, fetch_timeout=3.0))
    unknown = _only(online.signatures[0], "revocation_unknown")
    assert (unknown.effect, unknown.param("reason")) == ("indeterminate", "unreachable")
    assert online.verdict == "indeterminate"

    offline = _check(data, _fresh_options(pki, offline=True))
    unknown = _only(offline.signatures[0], "revocation_unknown")
    assert (unknown.effect, unknown.param("reason")) == ("indeterminate", "no_document_data")
    t = Catalogue(MESSAGES, "en")
    text = verify_cmd.describe(unknown, t)
    assert "offline" in text and "B-LT" in text and "online" in text.lower(), text
    assert "luring" in verify_cmd.describe(unknown, Catalogue(MESSAGES, "id"))
    _schema_valid(offline)

    soft = _check(data, _fresh_options(pki, offline=True, revocation_soft_fail=True))
    unknown = _only(soft.signatures[0], "revocation_unknown")
    assert (unknown.severity, unknown.effect) == ("warning", "none")
    assert soft.verdict == "valid"


# ------------------------------------------------------------------ 3. split form fields


def _form() -> bytes:
    """A letter with a text field as PyMuPDF writes it: the field (/T, /V) is the parent,
    the widget (/AP) a separate kid annotation."""
    doc = pymupdf.open(stream=letter(), filetype="pdf")
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "jumlah"
    widget.field_value = ""
    widget.rect = pymupdf.Rect(300, 500, 500, 525)
    widget.text_fontsize = 12
    doc[0].add_widget(widget)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def _fill(page: Any) -> None:
    widget = next(w for w in page.widgets() if w.field_name == "jumlah")
    widget.field_value = "Rp 2.000.000"
    widget.update()


def _value_only(data: bytes, value: str) -> bytes:
    """Change the field's /V in a further update, leaving its appearance as it was."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") == "jumlah":
            field[generic.NameObject("/V")] = generic.TextStringObject(value)
            writer.update_container(field)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_the_form_is_split_as_pymupdf_writes_it() -> None:
    doc = pymupdf.open(stream=_form(), filetype="pdf")
    widget = next(doc[0].widgets())
    kind, parent = doc.xref_get_key(widget.xref, "Parent")
    assert kind == "xref"
    assert doc.xref_get_key(int(parent.split()[0]), "T")[1] == "jumlah"


def test_filling_a_split_field_after_an_approval_signature_is_a_warning_naming_it(
    tmp_path: Path,
) -> None:
    pki = make_pki(tmp_path)
    filled = _amended(sign_with(pki, _form()), tmp_path, _fill)
    report = _check(filled, _fresh_options(pki, offline=True))
    sig = report.signatures[0]
    assert sig.modification == "form_filling" and sig.changed_fields == ("jumlah",)
    warning = _only(sig, "form_filled_after_signing")
    assert (warning.effect, warning.param("fields")) == ("none", "jumlah")
    assert "modified_after_signing" not in _codes(sig)
    assert report.verdict == "valid"


def test_a_split_field_whose_appearance_does_not_show_its_value_is_invalid(
    tmp_path: Path,
) -> None:
    pki = make_pki(tmp_path)
    filled = _amended(sign_with(pki, _form()), tmp_path, _fill)
    lying = _value_only(filled, "Rp 9.000.000")
    sig = _check(lying, _fresh_options(pki, offline=True)).signatures[0]
    mismatch = [f for f in sig.findings if f.param("reason") == "appearance_mismatch"]
    assert mismatch and mismatch[0].param("field") == "jumlah"
    assert sig.verdict == "invalid"


def test_a_fieldmdp_lock_or_a_docmdp_level_still_forbids_filling_a_split_field(
    tmp_path: Path,
) -> None:
    pki = make_pki(tmp_path)
    options = _fresh_options(pki, offline=True)
    locked = _amended(sign_with(pki, _form(), lock_fields=["jumlah"]), tmp_path, _fill)
    sig = _check(locked, options).signatures[0]
    assert "modified_after_signing" in _codes(sig) and sig.verdict == "invalid"

    certified = _amended(sign_with(pki, _form(), certify=MDPPerm.NO_CHANGES), tmp_path, _fill)
    sig = _check(certified, options).signatures[0]
    assert sig.kind == "certification"
    assert "certification_violated" in _codes(sig) and sig.verdict == "invalid"


# ------------------------------------------------------------------ 4. content timestamps


def test_a_content_timestamp_after_expiry_makes_the_signature_invalid(
    training: TrainingSetup, training_services: object
) -> None:
    """Signed today with an expired certificate: the trusted content timestamp proves the
    signature was made after it expired (invalid); without one the same signature cannot
    be dated and stays indeterminate."""
    options = replace(_training_options(training), offline=False, visual=False)
    with_cts = _check(
        sign(training, "kedaluwarsa", letter(), "B-T", content_timestamp=True), options
    )
    sig = with_cts.signatures[0]
    assert sig.signing_time.content_timestamp is not None
    expired = _only(sig, "expired")
    assert (expired.effect, expired.param("reason")) == ("invalid", "content_timestamp")
    assert sig.verdict == "invalid"
    text = verify_cmd.describe(expired, Catalogue(MESSAGES, "en"))
    assert "had already expired" in text and "content timestamp" in text
    _schema_valid(with_cts)

    without = _check(sign(training, "kedaluwarsa", letter(), "B-T"), options)
    assert without.verdict == "indeterminate"


def test_a_content_timestamp_within_validity_keeps_the_signature_valid(
    training: TrainingSetup, training_services: object
) -> None:
    options = replace(_training_options(training), offline=False, visual=False)
    report = _check(sign(training, "budi", letter(), "B-T", content_timestamp=True), options)
    sig = report.signatures[0]
    assert sig.signing_time.content_timestamp is not None
    assert report.verdict == "valid", [(f.code, f.params) for f in sig.findings]
