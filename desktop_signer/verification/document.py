"""Validate a whole PDF in this process: every signature, then the file's verdict.

Call :func:`desktop_signer.verification.verify_file` instead: it runs this in a child
process with time and memory limits (untrusted input, DESIGN §5.3).
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import replace
from datetime import UTC, datetime

from pyhanko.pdf_utils import misc
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import read_certification_data

# library wraps that make reading signatures faster (each module says why)
from desktop_signer.pdf import hex_strings as _hex_strings  # noqa: F401
from desktop_signer.pki import name_prep as _name_prep  # noqa: F401
from desktop_signer.verification import placement, visual_hook
from desktop_signer.verification.chain import Revinfo, document_revinfo
from desktop_signer.verification.fields import SignatureEntry, page_numbers, signature_entries
from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import (
    FileReport,
    SignatureResult,
    file_verdict,
    verdict_from,
)
from desktop_signer.verification.options import VerifyOptions
from desktop_signer.verification.orphans import with_orphans
from desktop_signer.verification.pdfdata import FileDigest, PdfData, open_stream, sha256_hex
from desktop_signer.verification.pdfget import pdf_get
from desktop_signer.verification.salvage import enclosing_header, referring_field_name
from desktop_signer.verification.signature import DocumentContext, validate_entry
from desktop_signer.verification.structure import find_unanalysed_data

log = logging.getLogger(__name__)


def unreadable(
    name: str,
    data: PdfData | FileDigest | None,
    problem: str,
    detail: str = "",
    options: VerifyOptions | None = None,
) -> FileReport:
    return FileReport(
        file=name,
        sha256=sha256_hex(data),
        verdict="unreadable",
        validated_at=datetime.now(UTC),
        signatures=(),
        validation_time=options.at if options else None,
        offline=options.offline if options else False,
        problem=problem,
        problem_detail=detail[:300],
    )


def _decrypted(reader: PdfFileReader, password: str) -> bool:
    result = reader.decrypt(password)
    return bool(result) and not (
        getattr(result, "status", None) is not None and result.status.name == "FAILED")


def _open(data: PdfData, password: str | None = None) -> PdfFileReader:
    reader = PdfFileReader(open_stream(data), strict=False)
    if reader.encrypted:
        # Signed-and-encrypted files usually open with the empty user password
        # (corpus: real/dss/encrypted.pdf); others with the password the user opened them
        # with in the window, else not at all.
        if not _decrypted(reader, "") and not (password and _decrypted(reader, password)):
            raise PermissionError("password required" if not password else "wrong password")
    reader.root  # noqa: B018  (fail here if there is no usable catalog)
    return reader


def _signed_end(entry: SignatureEntry) -> int | None:
    if entry.sig_dict is None:
        return None
    try:
        raw = pdf_get(entry.sig_dict, "/ByteRange")
        if not isinstance(raw, list):
            return None
        br = [int(x) for x in raw]
    except (TypeError, ValueError, misc.PdfError):
        return None
    return br[2] + br[3] if len(br) == 4 else None


def _signed_revision(reader: PdfFileReader, entry: SignatureEntry) -> int:
    if entry.sig_ref is None:
        return 1 << 30
    try:
        return int(reader.xrefs.get_last_change(entry.sig_ref))
    except (KeyError, misc.PdfError):
        return 1 << 30


def _certification_p(reader: PdfFileReader) -> int | None:
    try:
        info = read_certification_data(reader)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        return None
    return int(info.permission.value) if info is not None else None


async def _validate_all(
    ctx: DocumentContext, entries: list[SignatureEntry]
) -> list[SignatureResult]:
    """Document timestamps first, latest first, so that each intact, trusted one is a proof
    of existence for everything signed before it (ETSI EN 319 102-1 past signature
    validation); then the signatures. Results keep the order of ``entries``."""
    results: dict[int, SignatureResult] = {}
    stamps = [i for i, e in enumerate(entries) if e.is_document_timestamp]
    for i in reversed(stamps):
        result = await validate_entry(ctx, entries[i])
        results[i] = result
        when = result.signing_time.timestamp
        if result.revision is not None and when is not None and result.signing_time.timestamp_valid:
            ctx.existence_proofs.append((result.revision, when))
    for i, entry in enumerate(entries):
        if i not in results:
            results[i] = await validate_entry(ctx, entry)
    return [results[i] for i in range(len(entries))]


def _broken_structure_report(name: str, data: PdfData, digest: str, detail: str,
                             started: datetime, options: VerifyOptions) -> FileReport | None:
    """When pyHanko cannot read the file or its form but signature dictionaries are in the
    bytes, those signatures are reported as a broken structure (never "unsigned")."""
    broken = broken_structure_signatures(data, detail)
    if not broken:
        return None
    return FileReport(
        file=name,
        sha256=digest,
        verdict=file_verdict(broken),
        validated_at=started,
        signatures=broken,
        validation_time=options.at or started,
        offline=options.offline,
    )


def validate_bytes(name: str, data: PdfData, options: VerifyOptions) -> FileReport:
    """The full report for one file's bytes (in this process, no limits)."""
    file_digest = FileDigest(data)
    try:
        return _validate(name, data, options, file_digest)
    finally:
        file_digest.hexdigest()  # the hashing thread must be done before the bytes go


def _validate(name: str, data: PdfData, options: VerifyOptions,
              file_digest: FileDigest) -> FileReport:
    started = datetime.now(UTC)
    if b"%PDF" not in data[:1024]:
        return unreadable(name, file_digest, "not_a_pdf", options=options)
    try:
        reader = _open(data, options.password)
    except PermissionError as exc:
        return unreadable(name, file_digest, "encrypted", str(exc), options)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"
        report = _broken_structure_report(name, data, file_digest.hexdigest(), detail,
                                          started, options)
        return report or unreadable(name, file_digest, "read_error", detail, options)

    try:
        entries = signature_entries(reader)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception as exc:
        # Not knowing the signature fields must never read as "unsigned". The form itself no
        # longer parses: with signature dictionaries in the bytes, that is a broken structure.
        detail = f"{type(exc).__name__}: {exc}"
        report = _broken_structure_report(name, data, file_digest.hexdigest(), detail,
                                          started, options)
        return report or could_not_validate(name, file_digest, "crashed", detail, options)
    try:
        # signature dictionaries no field refers to any more are reported, not dropped
        entries = with_orphans(reader, data, entries)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        log.debug("looking for detached signature dictionaries failed", exc_info=True)
    if not entries:
        # A signature dictionary that no longer parses makes its field look empty; bytes that
        # still carry a /ByteRange must not be reported as "unsigned".
        report = _broken_structure_report(name, data, file_digest.hexdigest(),
                                          "no readable signature field", started, options)
        if report is not None:
            return report
    entries.sort(key=lambda e: _signed_revision(reader, e))
    ends = [end for end in (_signed_end(e) for e in entries) if end is not None and end > 0]
    try:
        unanalysed = find_unanalysed_data(data, reader, min(ends)) if ends else None
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        unanalysed = None
    try:
        revinfo = document_revinfo(reader)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        revinfo = Revinfo()
    try:
        pages = page_numbers(reader)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        pages = {}
    ctx = DocumentContext(
        reader=reader,
        size=len(data),
        options=options,
        pages=pages,
        revinfo=revinfo,
        certification_p=_certification_p(reader),
        unanalysed=unanalysed,
        doc_timestamp_revisions=[
            _signed_revision(reader, e) for e in entries if e.is_document_timestamp
        ],
    )
    results = asyncio.run(_validate_all(ctx, entries))
    whole = (data if isinstance(data, bytes) else data[:]) if results else b""
    if options.visual and results:
        results = visual_hook.add_visual_findings(whole, results, options.password or "")
    try:
        results = placement.with_display_rects(whole, results, options.password)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        log.debug("placing the widgets failed", exc_info=True)
    try:
        revisions: int | None = int(reader.xrefs.total_revisions)
    except MemoryError:  # the child's memory limit: never a verdict
        raise
    except Exception:
        revisions = None
    return FileReport(
        file=name,
        sha256=file_digest.hexdigest(),
        verdict=file_verdict(tuple(results)),
        validated_at=started,
        signatures=tuple(results),
        validation_time=options.at or started,
        offline=options.offline,
        revisions=revisions,
    )


_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


def broken_structure_signatures(data: PdfData, detail: str) -> tuple[SignatureResult, ...]:
    """A file with signature dictionaries whose PDF structure cannot be parsed at all (bytes
    removed, ``/Encrypt null``...) is a broken or forged structure: each signature found by
    its ``/ByteRange`` is reported invalid rather than the file as merely unreadable, named
    by its field where a field object in the bytes still refers to it (else ``#n``)."""
    out: list[SignatureResult] = []
    for n, m in enumerate(_BYTE_RANGE.finditer(data), start=1):
        header = enclosing_header(data, m.start())
        name = (referring_field_name(data, header.number) if header else None) or f"#{n}"
        start1, len1, start2, len2 = (int(g) for g in m.groups())
        findings = [finding("malformed_signature", reason="unreadable_structure", detail=detail)]
        if start1 != 0 or start1 + len1 > len(data) or start2 + len2 > len(data):
            findings += [
                finding("coverage_partial", reason="outside_file"),
                finding("integrity_failed"),
            ]
        out.append(
            SignatureResult(
                field=name,
                kind="approval",
                verdict=verdict_from(findings),
                integrity="failed" if len(findings) > 1 else "unknown",
                coverage="partial" if len(findings) > 1 else "unknown",
                modification="unknown",
                trust="unknown",
                revocation="not_checked",
                findings=tuple(findings),
            )
        )
    return tuple(out)


def could_not_validate(
    name: str, data: PdfData | FileDigest | None, problem: str, detail: str,
    options: VerifyOptions
) -> FileReport:
    """The report when the child timed out, ran out of memory or crashed."""
    placeholder = SignatureResult(
        field="",
        kind="approval",
        verdict="indeterminate",
        integrity="unknown",
        coverage="unknown",
        modification="unknown",
        trust="unknown",
        revocation="not_checked",
        findings=(finding("could_not_validate", reason=problem, detail=detail[:300]),),
    )
    report = FileReport(
        file=name,
        sha256=sha256_hex(data),
        verdict="indeterminate",
        validated_at=datetime.now(UTC),
        signatures=(placeholder,),
        validation_time=options.at,
        offline=options.offline,
        problem=problem,
        problem_detail=detail[:300],
    )
    return replace(report, verdict=file_verdict(report.signatures))
