"""Trust, but check, what the service returned (issue 13 item 7), then bring it to the level
asked for (item 4).

1. The file must begin with exactly the bytes we sent: the service may only *append*
   revisions (``esc_input_modified`` otherwise).
2. It must carry exactly one new signature (``esc_signature_count``), with a time stamp
   when B-T or more was asked (real ESCs return B-T without LTV).
3. B-LT: the chain and OCSP/CRL answers are fetched and added as a DSS update (pyHanko's
   ``add_validation_info``); B-LTA: then a document time stamp from the configured TSA.
4. Our verifier checks the final bytes: the new signature intact and covering the file,
   no earlier signature broken, the stamp where we put it.
Nothing is written here: the caller publishes the returned bytes atomically.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from asn1crypto import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.validation import add_validation_info
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

from desktop_signer.remote.errors import RemoteSigningError
from desktop_signer.remote.prepare import PreparedDocument
from desktop_signer.signing import services
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.options import LEVELS, Level, SignOptions
from desktop_signer.signing.postcheck import CheckOutcome, check_output
from desktop_signer.signing.pyhanko_errors import (
    PYHANKO_ERRORS,
    RevocationUnavailable,
    typed_error,
)

STAMP_TOLERANCE = 2.0  # points: rounding in the service's coordinates


@dataclass(frozen=True)
class Accepted:
    data: bytes  # to publish
    field_name: str
    level: Level
    downgraded: bool
    certificate: x509.Certificate
    checked: CheckOutcome


@dataclass(frozen=True)
class Returned:
    """The service's file after the structural checks (1 and 2)."""

    reader: PdfFileReader
    signature: EmbeddedPdfSignature
    timestamped: bool
    has_dss: bool


def inspect_returned(sent: PreparedDocument, data: bytes) -> Returned:
    if len(data) <= len(sent.data) or data[:len(sent.data)] != sent.data:
        raise RemoteSigningError("esc_input_modified", path=str(sent.job.input))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise RemoteSigningError("esc_not_pdf", str(exc)[:300], index=1) from exc
    new = [s for s in embedded if s.field_name not in sent.signature_fields]
    still_there = sent.signature_fields <= {s.field_name for s in embedded}
    if len(new) != 1 or not still_there or new[0].sig_object.get("/Type") == "/DocTimeStamp":
        raise RemoteSigningError("esc_signature_count", found=len(new))
    signature = new[0]
    return Returned(reader, signature, _has_signature_timestamp(signature),
                    "/DSS" in reader.root)


def _has_signature_timestamp(sig: EmbeddedPdfSignature) -> bool:
    attrs = sig.signer_info["unsigned_attrs"]
    if attrs.native is None:
        return False
    return any(a["type"].native == "signature_time_stamp_token" for a in attrs)


@dataclass(frozen=True)
class Staged:
    """The returned file after the structural checks and the level work, not yet verified
    by our verifier (which may run in another process)."""

    data: bytes
    field_name: str
    level: Level  # what we believe we made
    downgraded: bool
    certificate: x509.Certificate


def stage(sent: PreparedDocument, data: bytes, options: SignOptions) -> Staged:
    """Checks 1 and 2, then the DSS update / document time stamp when asked for."""
    returned = inspect_returned(sent, data)
    sig = returned.signature
    level: Level = "B-T" if returned.timestamped else "B-B"
    requested = options.level
    downgraded = False
    if _rank(requested) > _rank("B-T") and returned.timestamped:
        try:
            data = _upgrade(returned, requested, options)
            level = requested
        except RevocationUnavailable as exc:
            if not options.allow_downgrade:
                raise exc.error from None
            downgraded = True
    elif _rank(level) < _rank(requested):
        if not options.allow_downgrade:
            raise RemoteSigningError("esc_level_too_low", level=level, requested=requested)
        downgraded = True
    return Staged(data, sig.field_name, level, downgraded, sig.signer_cert)


def judge(sent: PreparedDocument, staged: Staged, checked: CheckOutcome) -> Accepted:
    """Check 4's verdict (``checked``: our verifier on ``staged.data``), the level our
    verifier sees, and the stamp's place."""
    ours = next(s for s in checked.report.signatures
                if staged.field_name in s.field.split(","))
    made = ours.pades_level or staged.level
    if _rank(made) < _rank(staged.level):  # the verifier sees less than we think we made
        raise RemoteSigningError("esc_level_too_low", level=made, requested=staged.level)
    _check_stamp(sent, ours.page, ours.rect)
    return Accepted(staged.data, staged.field_name, made, staged.downgraded,
                    staged.certificate, checked)


def accept(sent: PreparedDocument, data: bytes, options: SignOptions,
           before: dict[str, str] | None = None) -> Accepted:
    """All checks in this process."""
    staged = stage(sent, data, options)
    checked = check_output(sent.job.output.name, staged.data, staged.field_name,
                           options.trust, before)
    return judge(sent, staged, checked)


def _rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else -1  # type: ignore[arg-type,unused-ignore]


def _check_stamp(sent: PreparedDocument, page: int | None,
                 rect: tuple[float, float, float, float] | None) -> None:
    """The service must put the stamp into the box we computed (the preview's box)."""
    placement = sent.placement
    if placement is None:
        return
    if rect is None or page != placement.page or any(
            abs(a - b) > STAMP_TOLERANCE for a, b in zip(rect, placement.rect, strict=True)):
        where = f"page {page}, {rect}" if rect else "invisible"
        raise RemoteSigningError("esc_stamp_moved", where, page=placement.page)


def _upgrade(returned: Returned, level: Level, options: SignOptions) -> bytes:
    """B-LT: a DSS update with what validates the signature and its time stamp;
    B-LTA: then a document time stamp (whose TSA's data also goes into the DSS)."""
    sig = returned.signature
    chain = [sig.signer_cert, *sig.other_embedded_certs]
    context = services.validation_context(options.trust, chain, options.revocation_timeout)
    tsa_url = options.tsa.url if options.tsa else ""
    try:
        out = add_validation_info(sig, context, in_place=False)
        data: bytes = out.getvalue()
        if level == "B-LTA":
            if options.tsa is None or not options.tsa.url:
                raise SigningError("tsa_required", level=level)
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
            stamper = PdfTimeStamper(services.timestamper(options.tsa))
            result = stamper.timestamp_pdf(writer, "sha256", validation_context=context,
                                           in_place=True)
            data = bytes(result.getvalue())
        return data
    except PYHANKO_ERRORS as exc:
        raise typed_error(exc, tsa_url=tsa_url, level=level) from exc
