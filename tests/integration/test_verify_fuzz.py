"""Property tests: hostile mutations of a signed letter never crash the verifier and never
leave a signature ``valid`` when a byte it signed changed (issue 5, "Tests").

The base document is a training letter signed twice (budi, then siti; pyHanko with the
training PKCS#12 files), which verifies ``valid`` offline with the training root. Each example
mutates it and runs the verifier's in-process core (``validate_bytes``: the function the
isolation child runs, so an escaping exception shows here instead of being turned into
``could_not_validate``); a few mutated files also go through the isolated ``verify_bytes``.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigFieldSpec

from desktop_signer.training import letters
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust.store import load_trust
from desktop_signer.verification import verify_bytes
from desktop_signer.verification.document import validate_bytes
from desktop_signer.verification.model import FileReport, SignatureResult
from desktop_signer.verification.options import VerifyOptions

pytestmark = pytest.mark.integration

# Moderate and reproducible: CI has two cores and no example database between runs.
FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass(frozen=True)
class Signed:
    data: bytes
    ranges: dict[str, tuple[int, int, int, int]]  # field -> ByteRange
    options: VerifyOptions

    def covers(self, field: str, offset: int) -> bool:
        a, b, c, d = self.ranges[field]
        return a <= offset < a + b or c <= offset < c + d

    def end(self, field: str) -> int:
        _, _, c, d = self.ranges[field]
        return c + d


def _sign(data: bytes, training: TrainingSetup, who: str, box: tuple[int, int, int, int]) -> bytes:
    identity = training.identity(who)
    assert identity.pkcs12 is not None
    signer = signers.SimpleSigner.load_pkcs12(
        identity.pkcs12, passphrase=training.pkcs12_passphrase.encode()
    )
    assert signer is not None
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    out = io.BytesIO()
    signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name=who),
        signer,
        new_field_spec=SigFieldSpec(who, on_page=-1, box=box),
    ).sign_pdf(writer, output=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def signed(training: TrainingSetup) -> Iterator[Signed]:
    data = letters.surat_dinas()
    data = _sign(data, training, "budi", (72, 100, 250, 160))
    data = _sign(data, training, "siti", (300, 100, 480, 160))
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    ranges = {
        str(s.field_name): tuple(int(x) for x in s.sig_object["/ByteRange"])
        for s in reader.embedded_signatures
    }
    trust = load_trust(
        training_mode=True, training_root=training.root_certificate, use_installed=False
    )
    options = VerifyOptions(trust=trust, offline=True)
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)  # pyHanko logs every rejected mutation with a traceback
    try:
        yield Signed(data, ranges, options)  # type: ignore[arg-type]
    finally:
        logging.disable(previous)


def verify(signed: Signed, data: bytes) -> FileReport:
    report = validate_bytes("mutated.pdf", data, signed.options)  # must not raise
    assert isinstance(report, FileReport)
    return report


def valid_fields(report: FileReport) -> set[str]:
    return {s.field for s in report.signatures if s.verdict == "valid"}


def assert_untouched_only(signed: Signed, report: FileReport, offset: int) -> None:
    """Only signatures that did not sign byte ``offset`` may still be valid."""
    for field in valid_fields(report):
        assert field in signed.ranges, (field, report)  # a renamed field is not the original
        assert not signed.covers(field, offset), (field, offset, report.signatures)
    if report.verdict == "valid":
        assert not any(signed.covers(f, offset) for f in signed.ranges)


def test_the_unmodified_document_is_valid(signed: Signed) -> None:
    report = verify(signed, signed.data)
    assert report.verdict == "valid"
    assert valid_fields(report) == {"budi", "siti"}


def _flip(data: bytes, offset: int, mask: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ mask]) + data[offset + 1:]


@FUZZ
@given(st.data())
def test_a_flipped_byte_inside_a_signed_range_invalidates_every_signature_over_it(
    signed: Signed, data: st.DataObject
) -> None:
    field = data.draw(st.sampled_from(sorted(signed.ranges)))
    a, b, c, d = signed.ranges[field]
    offset = data.draw(
        st.one_of(st.integers(a, a + b - 1), st.integers(c, c + d - 1)), label="offset"
    )
    mask = data.draw(st.integers(1, 255), label="mask")
    report = verify(signed, _flip(signed.data, offset, mask))
    assert field not in valid_fields(report)
    assert report.verdict != "valid"
    assert_untouched_only(signed, report, offset)


@FUZZ
@given(st.data())
def test_a_flipped_byte_outside_a_signature_never_makes_its_signers_valid_by_accident(
    signed: Signed, data: st.DataObject
) -> None:
    """Bytes in a /Contents hex string are signed by no one but the later signatures."""
    field = data.draw(st.sampled_from(sorted(signed.ranges)))
    a, b, c, _ = signed.ranges[field]
    offset = data.draw(st.integers(a + b, c - 1), label="offset")
    mask = data.draw(st.integers(1, 255), label="mask")
    report = verify(signed, _flip(signed.data, offset, mask))
    assert_untouched_only(signed, report, offset)


@FUZZ
@given(st.data())
def test_truncation_never_validates_a_signature_whose_range_was_cut(
    signed: Signed, data: st.DataObject
) -> None:
    cut = data.draw(st.integers(0, len(signed.data) - 1), label="cut")
    report = verify(signed, signed.data[:cut])
    for field in valid_fields(report):
        assert field in signed.ranges
        assert signed.end(field) <= cut, (field, cut)


_INERT = re.compile(rb"(?:[ \t\r\n\f\x00]|%[^\r\n]*)*")


@FUZZ
@given(
    st.one_of(
        st.binary(min_size=1, max_size=200),
        st.lists(
            st.sampled_from(
                [b"\n", b" ", b"%comment", b"%%EOF", b"1 0 obj", b"<< /Type /Page >>",
                 b"endobj", b"xref", b"trailer", b"startxref", b"0", b"\x00", b"junk"]
            ),
            min_size=1,
            max_size=12,
        ).map(b"".join),
    )
)
def test_appended_junk_is_never_valid_unless_it_is_whitespace_or_comments(
    signed: Signed, junk: bytes
) -> None:
    report = verify(signed, signed.data + junk)
    if _INERT.fullmatch(junk) is None:
        assert report.verdict != "valid", junk


_BR_TEXT = re.compile(rb"/ByteRange\s*\[([^\]]*)\]")


@FUZZ
@given(st.data())
def test_an_edited_byte_range_is_never_valid(signed: Signed, data: st.DataObject) -> None:
    matches = list(_BR_TEXT.finditer(signed.data))
    assert len(matches) == len(signed.ranges)
    match = data.draw(st.sampled_from(matches), label="which")
    numbers = [int(x) for x in match.group(1).split()]
    index = data.draw(st.integers(0, 3), label="index")
    new = data.draw(
        st.one_of(
            st.integers(-5, 5).map(lambda k: numbers[index] + k),
            st.sampled_from([0, 1, len(signed.data), len(signed.data) + 1000, 2**31]),
            st.integers(0, len(signed.data)),
        ),
        label="value",
    )
    if new == numbers[index]:
        return
    numbers[index] = new
    # keep the byte length when the new numbers fit, as an attacker editing in place would
    text = " ".join(str(n) for n in numbers).encode()
    width = len(match.group(1))
    if len(text) < width:
        text = text.ljust(width)
    mutated = signed.data[:match.start(1)] + text + signed.data[match.end(1):]
    report = verify(signed, mutated)
    assert_untouched_only(signed, report, match.start(1))
    assert report.verdict != "valid"


def _object_numbers(signed: Signed) -> list[int]:
    """Objects of the first signed revision that are drawn: content streams, pages, fonts."""
    reader = PdfFileReader(io.BytesIO(signed.data[: signed.end("budi")]), strict=False)
    found: set[int] = set()
    for page_ref in reader.root["/Pages"].raw_get("/Kids"):
        page = page_ref.get_object()
        found.add(page_ref.idnum)
        contents = page.raw_get("/Contents")
        refs = contents if isinstance(contents, generic.ArrayObject) else [contents]
        found.update(r.idnum for r in refs if isinstance(r, generic.IndirectObject))
        fonts = page["/Resources"].get("/Font", generic.DictionaryObject())
        found.update(
            v.idnum for v in fonts.values() if isinstance(v, generic.IndirectObject)
        )
    return sorted(found)


@FUZZ
@given(st.data())
def test_a_redefined_signed_object_is_never_valid_when_it_changed(
    signed: Signed, data: st.DataObject
) -> None:
    """An incremental update defines an object of the signed revision again (a duplicate
    object number), either unchanged or changed the way an attacker would."""
    number = data.draw(st.sampled_from(_object_numbers(signed)), label="object")
    change = data.draw(st.sampled_from(["none", "stream", "dict"]), label="change")
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.data), strict=False)
    ref = generic.IndirectObject(number, 0, writer)
    obj = ref.get_object()
    if change == "stream" and isinstance(obj, generic.StreamObject):
        keep = {k: v for k, v in obj.items() if k not in ("/Filter", "/DecodeParms", "/Length")}
        drawn = obj.data + b"\nBT /F1 24 Tf 100 400 Td (DIUBAH) Tj ET\n"
        # what mark_update() does, with a new stream object under the same number
        writer.objects[(0, number)] = generic.StreamObject(keep, stream_data=drawn)
    else:
        if change != "none":
            key = "/Rotate" if obj.get("/Type") == "/Page" else "/Diubah"
            obj[generic.NameObject(key)] = generic.NumberObject(90)
            change = "dict"
        writer.mark_update(ref)
    out = io.BytesIO()
    writer.write(out)
    report = verify(signed, out.getvalue())
    if change != "none":
        assert report.verdict != "valid"
        assert not valid_fields(report), report.signatures


@FUZZ
@given(st.data())
def test_objects_appended_without_an_xref_section_are_never_valid(
    signed: Signed, data: st.DataObject
) -> None:
    """Bare duplicate definitions after the last %%EOF (the ISA with a broken xref): readers
    that repair the file show them, so they must not pass as "nothing happened"."""
    number = data.draw(st.sampled_from(_object_numbers(signed)), label="object")
    match = re.search(rb"(?<![0-9])%d 0 obj\b.*?endobj" % number, signed.data, re.S)
    assert match is not None
    body = match.group(0)
    twice = data.draw(st.booleans(), label="twice")
    tail = b"\n" + body + b"\n" + ((body + b"\n") if twice else b"")
    report = verify(signed, signed.data + tail)
    assert report.verdict != "valid"


def test_mutated_files_through_the_isolated_child_give_a_report(signed: Signed) -> None:
    a, b, c, d = signed.ranges["budi"]
    samples = [
        _flip(signed.data, a + b // 2, 0x20),
        signed.data[: c + d // 2],
        signed.data + b"\n9 0 obj\n<< /Type /Page >>\nendobj\n",
    ]
    for sample in samples:
        report = verify_bytes("mutated.pdf", sample, signed.options)
        assert report.verdict != "valid", report


def _damaged(signed: Signed, damage: str) -> bytes:
    if damage == "non_hex_in_contents":
        at = signed.data.index(b"/Contents <") + 20  # budi's CMS, signed by siti
        return signed.data[:at] + b"G" + signed.data[at + 1:]
    match = _BR_TEXT.search(signed.data)
    assert match is not None
    at = match.end() + 2  # the padding spaces after budi's ByteRange
    return signed.data[:at] + b"(" + signed.data[at + 1:]


DAMAGE = ["non_hex_in_contents", "paren_after_byte_range"]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_signature_dictionary_does_not_make_the_file_unsigned(
    signed: Signed, damage: str
) -> None:
    """Found by the flip tests: such files used to be reported ``unsigned``, hiding that the
    document carried signatures that a change broke."""
    report = verify(signed, _damaged(signed, damage))
    assert report.verdict in ("invalid", "indeterminate")
    assert report.signatures


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_signature_dictionary_names_the_broken_signatures(
    signed: Signed, damage: str
) -> None:
    """budi's signature dictionary no longer parses: budi is named and malformed (a broken
    structure), and siti, who signed the damaged byte, fails its integrity check."""
    report = verify(signed, _damaged(signed, damage))
    assert report.verdict == "invalid"
    by_field = {s.field: s for s in report.signatures}
    assert set(by_field) == {"budi", "siti"}
    budi = by_field["budi"]
    assert budi.verdict == "invalid"
    assert ("malformed_signature", "unreadable_dictionary") in {
        (f.code, f.param("reason")) for f in budi.findings
    }
    siti = by_field["siti"]
    assert siti.verdict == "invalid" and siti.integrity == "failed"
    assert "integrity_failed" in {f.code for f in siti.findings}


def _reasons(sig: SignatureResult) -> set[tuple[str, str]]:
    return {(f.code, f.param("reason")) for f in sig.findings}


DETACHED = ("modified_after_signing", "signature_detached")


def test_a_damaged_signature_field_object_is_still_named(signed: Signed) -> None:
    """The damage is in budi's field object itself: the field cannot be parsed, but its raw
    bytes still say /FT /Sig, /T (budi) and /V 101 0 R, so budi's signature dictionary is
    found and checked under his name instead of vanishing (the damaged byte is one he
    signed)."""
    match = re.search(rb"/FT /Sig\s*/T \(budi\)[^>]*?/F 132", signed.data)
    assert match is not None
    at = match.end() - len(b"/F 132")
    assert signed.covers("budi", at)
    report = verify(signed, signed.data[:at] + b"(" + signed.data[at + 1 :])
    by_field = {s.field: s for s in report.signatures}
    assert set(by_field) == {"budi", "siti"}
    budi = by_field["budi"]
    assert budi.verdict == "invalid" and budi.integrity == "failed"
    assert DETACHED in _reasons(budi)
    assert by_field["siti"].integrity == "failed"
    assert report.verdict == "invalid"


def test_a_field_cut_short_by_the_lenient_parser_does_not_drop_its_signature(
    signed: Signed,
) -> None:
    """Found by a longer fuzz run: a ``>`` in ``/F 132`` of siti's field makes pyHanko end
    the field's dictionary there, so the field silently loses its /V. siti's signature
    dictionary is intact but referenced by nothing; it must still be reported (and it fails:
    the byte is one siti signed), never a file that is ``valid`` with budi alone."""
    match = re.search(rb"/FT /Sig\s*/T \(siti\)[^>]*?/F 132", signed.data)
    assert match is not None
    at = match.end() - 2  # "/F 1>2"
    assert signed.covers("siti", at)
    report = verify(signed, signed.data[:at] + b">" + signed.data[at + 1 :])
    by_field = {s.field: s for s in report.signatures}
    assert set(by_field) == {"budi", "siti"}
    assert by_field["budi"].verdict == "valid"  # his revision is untouched
    siti = by_field["siti"]
    assert siti.verdict == "invalid" and siti.integrity == "failed"
    assert DETACHED in _reasons(siti)
    assert report.verdict == "invalid"


def test_a_signature_whose_field_lost_its_value_in_a_later_update_is_reported(
    signed: Signed,
) -> None:
    """The same on purpose: an incremental update removes /V from siti's field. Her signed
    bytes are intact, but the document no longer shows her signature."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.data), strict=False)
    fields = writer.root["/AcroForm"]["/Fields"]
    (siti_ref,) = [f for f in fields if f.get_object()["/T"] == "siti"]
    siti_field = siti_ref.get_object()
    del siti_field["/V"]
    writer.update_container(siti_field)
    out = io.BytesIO()
    writer.write(out)
    report = verify(signed, out.getvalue())
    by_field = {s.field: s for s in report.signatures}
    assert set(by_field) == {"budi", "siti"}
    siti = by_field["siti"]
    assert siti.integrity == "ok"
    assert DETACHED in _reasons(siti) and siti.verdict == "invalid"
    assert report.verdict == "invalid"


def test_a_form_that_no_longer_parses_still_names_the_signatures(signed: Signed) -> None:
    """The damage is in the AcroForm dictionary of siti's revision, so pyHanko cannot list
    the signature fields at all: the signatures are found by their /ByteRange and named by
    the field objects that still refer to them in the raw bytes."""
    at = signed.data.rindex(b"/SigFlags")
    assert signed.covers("siti", at)
    report = verify(signed, signed.data[:at] + b"(" + signed.data[at + 1 :])
    assert report.verdict == "invalid"
    assert sorted(s.field for s in report.signatures) == ["budi", "siti"]
    assert all("malformed_signature" in {f.code for f in s.findings} for s in report.signatures)


_SIGNATURE_OBJECTS = re.compile(
    rb"(?<![0-9])\d+ 0 obj\s*<<\s*/(?:FT /Sig|Contents <).*?endobj", re.S
)
_CONTENTS_HEX = re.compile(rb"/Contents\s*<[0-9a-fA-F]*>")


def _signature_object_offsets(signed: Signed) -> list[int]:
    """Offsets inside the signature fields and signature dictionaries, except the interior
    of /Contents (flips there are the plain flip tests' business)."""
    offsets: list[int] = []
    for obj in _SIGNATURE_OBJECTS.finditer(signed.data):
        hex_spans = [m.span() for m in _CONTENTS_HEX.finditer(signed.data, *obj.span())]
        for at in range(*obj.span()):
            if not any(a + 12 < at < b - 2 for a, b in hex_spans):
                offsets.append(at)
    return offsets


@FUZZ
@given(st.data())
def test_damage_in_signature_fields_and_dictionaries_never_drops_a_signature(
    signed: Signed, data: st.DataObject
) -> None:
    """Structural bytes written into the signature objects (where the lenient parser cuts
    dictionaries short or gives up): both signatures stay in the report, none stays valid
    over a changed byte, and the file is never valid when a signed byte changed."""
    offsets = _signature_object_offsets(signed)
    offset = data.draw(st.sampled_from(offsets), label="offset")
    byte = data.draw(st.sampled_from([b"(", b")", b"<", b">", b"[", b"]", b"/", b"G", b"%"]))
    if signed.data[offset : offset + 1] == byte:
        return
    report = verify(signed, signed.data[:offset] + byte + signed.data[offset + 1 :])
    assert len(report.signatures) >= len(signed.ranges), report.signatures
    assert_untouched_only(signed, report, offset)


def test_a_renamed_subfilter_inside_the_signed_range_is_invalid(signed: Signed) -> None:
    """/SubFilter lies inside the signed bytes: renaming it to something we do not support
    must not downgrade "the signed bytes changed" to "cannot be checked"."""
    at = signed.data.index(b"/SubFilter /adbe.pkcs7.detached") + len(b"/SubFilter /")
    assert signed.covers("budi", at)
    report = verify(signed, signed.data[:at] + b"X" + signed.data[at + 1 :])
    budi = next(s for s in report.signatures if s.field == "budi")
    codes = {f.code for f in budi.findings}
    assert {"unsupported_signature", "integrity_failed"} <= codes
    assert budi.verdict == "invalid" and budi.integrity == "failed"
    assert report.verdict == "invalid"
