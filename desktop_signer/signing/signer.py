"""Sign one document (DESIGN §4.4–§4.6): placement, footer, stamp, level, certification,
atomic output, our own check of the result.

A :class:`SigningSession` holds what a batch shares: the logged-in identity's pyHanko signer
(one login), the TSA client and the validation context (OCSP/CRL answers are cached across
documents). The core never prompts: PIN, passwords and choices arrive as arguments.
"""

from __future__ import annotations

import asyncio
import hashlib
import mmap
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pymupdf
from asn1crypto import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError as PyhankoSigningError
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.signers.pdf_signer import DSSContentSettings, SigDSSPlacementPreference
from pyhanko_certvalidator import ValidationContext

from desktop_signer.appearance import (
    AppearanceError,
    BsreStampStyle,
    Placement,
    add_footer,
    find_anchor,
    resolve_placement,
)
from desktop_signer.appearance.footer import footer_height
from desktop_signer.appearance.placement import AnchorHit, page_geometry, page_index
from desktop_signer.appearance.profile import StampProfile, profile_from_settings
from desktop_signer.appearance.stamp import layout_stamp
from desktop_signer.errors import DesktopSignerError
from desktop_signer.identity import SigningIdentity
from desktop_signer.journal import Journal, JournalEntry, certificate_of
from desktop_signer.settings import SignerProfile
from desktop_signer.signing import document, services
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.options import (
    DEFAULT_FIELD_PREFIX,
    LEVELS,
    Level,
    SignJob,
    SignOptions,
)
from desktop_signer.signing.output import (
    PendingOutput,
    check_target,
    copy_input,
    os_error,
)
from desktop_signer.signing.postcheck import (
    CheckOutcome,
    check_encrypted_output,
    check_options,
    check_output,
    verdicts_by_field,
)
from desktop_signer.signing.pyhanko_errors import (
    PYHANKO_ERRORS,
    RevocationUnavailable,
    typed_error,
)
from desktop_signer.trust.registry import load_registry
from desktop_signer.verification.document import validate_bytes
from desktop_signer.verification.model import FileReport
from desktop_signer.verification.pdfdata import PdfData

IO_CHUNK = 1 << 20
# DER bytes added to the dry-run size of the CMS container: the real time stamp token and
# the real signature value differ from the dry run's by a few bytes at most (nonce, serial,
# genTime fraction, ECDSA DER lengths); pyHanko's own estimate adds 50 %, which is 50 %
# more zeros to write, hash and hex-parse again in our check
RESERVE_SLACK = 512
_TOO_SMALL = "payload larger than expected"
# sizes from earlier sessions (``sign_document`` opens one per call)
_RESERVE_CACHE: dict[str, int] = {}


@dataclass(frozen=True)
class SignResult:
    input: Path
    output: Path
    status: str  # "signed", "skipped" (output existed), "failed"
    requested_level: Level
    level: Level | None = None  # what the output has
    downgraded: bool = False  # B-LT/B-LTA asked, B-T made (only when allowed)
    field_name: str = ""
    page: int | None = None  # 1-based page of the visible stamp
    output_sha256: str = ""
    verdict: str = ""  # our verifier's file verdict of the output
    error: DesktopSignerError | None = None
    seconds: float = 0.0

    @property
    def error_code(self) -> str:
        return self.error.code if self.error is not None else ""


@dataclass(frozen=True)
class SignedPending:
    """A document signed into its temporary output: not yet checked, not yet published."""

    job: SignJob
    pending: PendingOutput
    level: Level
    field_name: str
    page: int | None
    before: dict[str, str] | None  # our verdicts of the input's signatures (countersigning)
    encrypted: bool
    downgraded: bool = False
    started: float = 0.0


class _ReserveTooSmall(Exception):
    """The container did not fit into the space reserved for it (the file is discarded)."""




def is_training_certificate(chain: list[x509.Certificate]) -> bool:
    registry = load_registry()
    return any(registry.flag_for(c) == "training_ca" for c in chain)


class SigningSession:
    """One login, many documents."""

    def __init__(self, identity: SigningIdentity, options: SignOptions) -> None:
        if options.level not in LEVELS:
            raise SigningError("level_invalid", level=options.level)
        if options.certify is not None and options.certify not in (1, 2, 3):
            raise SigningError("certify_invalid", value=options.certify)
        if options.level != "B-B" and (options.tsa is None or not options.tsa.url):
            raise SigningError("tsa_required", level=options.level)
        self.identity = identity
        self.options = options
        self.certificate = identity.certificate
        self.chain = [identity.certificate, *identity.other_certificates]
        self.training = options.training or is_training_certificate(self.chain)
        self._check_validity()
        self.signer = identity.pyhanko_signer()
        self.timestamper = services.timestamper(options.tsa) if options.tsa else None
        self._context: ValidationContext | None = None
        # hex characters to reserve for /Contents, by "with a time stamp"; 0: pyHanko's
        # own (larger) estimate, after a reservation turned out too small
        self._reserve: dict[bool, int] = {}

    def _check_validity(self) -> None:
        now = datetime.now(UTC)
        validity = self.certificate["tbs_certificate"]["validity"]
        if validity["not_after"].native < now:
            raise SigningError("certificate_expired",
                               not_after=validity["not_after"].native.isoformat())
        if validity["not_before"].native > now:
            raise SigningError("certificate_not_yet_valid",
                               not_before=validity["not_before"].native.isoformat())

    def _validation_context(self) -> ValidationContext:
        if self._context is None:
            self._context = services.validation_context(
                self.options.trust, self.chain, self.options.revocation_timeout)
        return self._context

    def reserve(self, timestamped: bool) -> int | None:
        """Bytes (hex characters) to reserve for the signature container. Estimated once
        per session with pyHanko's own dry run (same signer, chain and TSA, whose dummy
        token is a real one fetched once), not again for every document; ``None`` lets
        pyHanko estimate with its 50 % margin."""
        if timestamped not in self._reserve:
            key = self._reserve_key(timestamped)
            size = _RESERVE_CACHE.get(key)
            if size is None:
                size = 2 * (self._dry_run_size(timestamped) + RESERVE_SLACK)
                if len(_RESERVE_CACHE) > 32:
                    _RESERVE_CACHE.clear()
                _RESERVE_CACHE[key] = size
            self._reserve[timestamped] = size
        return self._reserve[timestamped] or None

    def _reserve_key(self, timestamped: bool) -> str:
        """What the container's size depends on: the signer's kind and key (through its
        certificate), the certificates it embeds, and the TSA."""
        digest = hashlib.sha256(type(self.signer).__qualname__.encode())
        for cert in [self.signer.signing_cert, *self.signer.cert_registry]:
            if cert is not None:
                digest.update(cert.dump())
        if timestamped and self.options.tsa is not None:
            digest.update(self.options.tsa.url.encode())
        return digest.hexdigest()

    def _dry_run_size(self, timestamped: bool) -> int:
        async def dry_run() -> int:
            cms = await self.signer.async_sign(
                hashlib.sha256().digest(), "sha256", dry_run=True, use_pades=True,
                timestamper=self.timestamper if timestamped else None,
                signed_attr_settings=PdfCMSSignedAttributes(signing_time=datetime.now(UTC)))
            return len(cms.dump())

        # a TSA failure here (its first request) is reported like one while signing
        return asyncio.run(dry_run())

    def profile(self) -> StampProfile:
        base = self.options.profile or profile_from_settings(SignerProfile(), self.certificate)
        return replace(base, training=base.training or self.training)

    # -- one document ----------------------------------------------------------------------
    def sign(self, job: SignJob) -> SignResult:
        """Sign, check and publish one document."""
        return self.finish(self.start(job))

    def start(self, job: SignJob) -> SignedPending:
        """Sign ``job`` into its temporary output (fsync under way); :meth:`finish` checks
        and publishes it. A batch checks one document elsewhere while it starts the next."""
        started = time.perf_counter()
        opts = self.options
        check_target(job.output, job.input, opts.overwrite)
        try:
            signed = self._sign_at(job, opts.level)
        except RevocationUnavailable as exc:
            if not opts.allow_downgrade:
                raise exc.error from None
            signed = replace(self._sign_at(job, "B-T"), downgraded=True)
        return replace(signed, started=started)

    def finish(self, signed: SignedPending, checked: CheckOutcome | None = None) -> SignResult:
        """Our check of the output (unless ``checked`` was done elsewhere), then the file
        gets its name. On any failure the temporary file is removed."""
        opts = self.options
        pending = signed.pending
        try:
            verdict, sha256 = "", ""
            if checked is None and opts.verify_output:
                # while the fsync runs on its thread: our verifier reads the same bytes
                # (mapped, not copied)
                with pending.mapped() as data:
                    checked = (check_encrypted_output(bytes(data), signed.job.password or "",
                                                      signed.field_name, opts.trust)
                               if signed.encrypted else None)
                    if checked is None:
                        checked = check_output(signed.job.output.name, data,
                                               signed.field_name, opts.trust, signed.before)
            if checked is not None:
                verdict = checked.verdict
                sha256 = checked.report.sha256  # the verifier hashed these bytes
            pending.wait_synced()
            if not sha256:
                with pending.mapped() as data:
                    sha256 = hashlib.sha256(data).hexdigest()
            pending.publish()
        except BaseException:
            pending.discard()
            raise
        return SignResult(
            input=signed.job.input, output=signed.job.output, status="signed",
            requested_level=opts.level, level=signed.level, downgraded=signed.downgraded,
            field_name=signed.field_name, page=signed.page, output_sha256=sha256,
            verdict=verdict, seconds=time.perf_counter() - signed.started)

    def _sign_at(self, job: SignJob, level: Level) -> SignedPending:
        try:
            return self._sign_once(job, level)
        except _ReserveTooSmall:
            # from now on pyHanko's generous estimate, in this session and later ones
            self._reserve[level != "B-B"] = 0
            _RESERVE_CACHE[self._reserve_key(level != "B-B")] = 0
            return self._sign_once(job, level)

    def _sign_once(self, job: SignJob, level: Level) -> SignedPending:
        opts = self.options
        pending = PendingOutput.create(job.output, opts.overwrite)
        try:
            # pyHanko signs a copy of the input in place, in the temporary output file: the
            # kernel copies the bytes (no pass through Python, no second copy in memory),
            # and pyHanko appends the signed revision and hashes the file once
            copy_input(job.input, pending)
            writer = document.open_writer(job.input, pending.file, job.password)
            state = document.inspect(writer)
            if state.certification_p == 1:
                raise SigningError("certified_no_changes", path=str(job.input))
            if opts.certify is not None and state.signed:
                raise SigningError("certify_signed_document", path=str(job.input))
            encrypted = bool(writer.prev.encrypted)
            before = None
            if state.signed and opts.verify_output and not encrypted:
                before = self._verdicts_before(job)
            field_name, placement, new_spec = self._field(job, writer, state)
            if opts.footer is not None:
                add_footer(writer, opts.footer)
            profile = self.profile()
            style = None
            if placement is not None:
                layout_stamp(profile, *placement.display_size)  # refuses before any network
                style = BsreStampStyle(profile=profile, rotation=placement.rotation)
            meta = self._metadata(field_name, level)
            pdf_signer = signers.PdfSigner(
                meta, self.signer, timestamper=self.timestamper if level != "B-B" else None,
                stamp_style=style, new_field_spec=new_spec)
            self._run(pdf_signer, writer, job.output, level)
            pending.start_sync()
        except BaseException:
            pending.discard()
            raise
        return SignedPending(
            job=job, pending=pending, level=level, field_name=field_name,
            page=placement.page if placement is not None else None, before=before,
            encrypted=encrypted)

    def _verdicts_before(self, job: SignJob) -> dict[str, str]:
        """Our verifier's verdicts of the signatures already in the input: countersigning
        must not make a good one invalid."""
        try:
            with job.input.open("rb") as f, \
                    mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
                # mapped, not read: a large signed input must not cost its size in memory
                return verdicts_by_field(check_and_report(job.input.name, data, self.options))
        except (OSError, ValueError) as exc:  # ValueError: an empty file cannot be mapped
            raise SigningError("input_unreadable", str(exc), path=str(job.input)) from exc

    def _field(self, job: SignJob, writer: IncrementalPdfFileWriter,
               state: document.InputState
               ) -> tuple[str, Placement | None, fields.SigFieldSpec | None]:
        """The field to sign: an existing empty one by name, or a new one (visible or not)."""
        opts = self.options
        if opts.field_name:
            existing = state.field(opts.field_name)
            if existing is not None:
                if existing.signed:
                    raise SigningError("field_already_signed", field=opts.field_name)
                placement = None
                if existing.rect is not None and existing.page_index is not None:
                    geom = page_geometry(writer, existing.page_index)
                    placement = Placement(existing.page_index, existing.rect,
                                          geom.rect_to_display(existing.rect), geom.rotation)
                return opts.field_name, placement, None
            name = opts.field_name
        else:
            name = document.next_field_name(state, DEFAULT_FIELD_PREFIX)
        if not opts.visible:
            return name, None, fields.SigFieldSpec(name)
        if state.certification_p is not None:
            # a new widget changes the page's annotations, which a certification (P=2/3)
            # does not permit: the certifying signature would turn invalid
            raise SigningError("certified_new_visible_field", path=str(job.input))
        request = opts.placement
        hit = None
        if request.rect is None and request.anchor is not None:
            hit = self._find_anchor(job, request.anchor)
        if opts.footer is not None and request.rect is None and request.anchor is None:
            count = int(writer.root["/Pages"]["/Count"])
            geom = page_geometry(writer, page_index(
                -1 if request.page is None else request.page, count))
            request = replace(request, bottom_reserve=footer_height(opts.footer,
                                                                    *geom.display_size))
        placement = resolve_placement(writer, request, hit)
        box = cast(tuple[int, int, int, int], tuple(round(v, 3) for v in placement.rect))
        spec = fields.SigFieldSpec(name, on_page=placement.page_index, box=box)
        return name, placement, spec

    def _find_anchor(self, job: SignJob, marker: str) -> AnchorHit | None:
        try:
            doc = pymupdf.open(job.input)
        except Exception as exc:  # MuPDF raises its own types for broken files
            raise AppearanceError("pdf_unreadable", str(exc)) from exc
        with doc:
            if doc.needs_pass and not doc.authenticate(job.password or ""):
                raise SigningError("password_incorrect", path=str(job.input))
            return find_anchor(doc, marker)

    def _metadata(self, field_name: str, level: Level) -> signers.PdfSignatureMetadata:
        opts = self.options
        lt = level in ("B-LT", "B-LTA")
        certify = opts.certify is not None
        return signers.PdfSignatureMetadata(
            field_name=field_name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=opts.reason or None,
            location=opts.location or None,
            certify=certify,
            docmdp_permissions=(fields.MDPPerm(opts.certify) if certify
                                else fields.MDPPerm.FILL_FORMS),
            embed_validation_info=lt,
            use_pades_lta=level == "B-LTA",
            validation_context=self._validation_context() if lt else None,
            # the OCSP/CRL data goes into the signed revision itself: the signature then
            # covers the whole file (B-LT) and no VRI (deprecated) is written
            dss_settings=DSSContentSettings(
                placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE,
                include_vri=False),
        )

    def _run(self, pdf_signer: signers.PdfSigner, writer: IncrementalPdfFileWriter,
             out_path: Path, level: Level) -> None:
        """Sign in place: the signed revision is appended to the writer's own stream."""
        tsa_url = self.options.tsa.url if self.options.tsa else ""
        try:
            # 1 MiB chunks: pyHanko's 4 KiB default makes hashing a large file slower
            writer.IO_CHUNK_SIZE = IO_CHUNK
            pdf_signer.sign_pdf(writer, in_place=True, chunk_size=IO_CHUNK,
                                bytes_reserved=self.reserve(level != "B-B"))
        except PYHANKO_ERRORS as exc:
            if isinstance(exc, PyhankoSigningError) and _TOO_SMALL in str(exc):
                raise _ReserveTooSmall(str(exc)) from exc
            raise typed_error(exc, tsa_url=tsa_url, level=level) from exc
        except DesktopSignerError:
            raise
        except OSError as exc:
            raise os_error(exc, out_path) from exc


def check_and_report(name: str, data: PdfData, options: SignOptions) -> FileReport:
    return validate_bytes(name, data, check_options(options.trust))


def sign_document(identity: SigningIdentity, job: SignJob, options: SignOptions, *,
                  journal: Journal | None = None) -> SignResult:
    """Sign one file; raises typed errors (``SigningError``, ``AppearanceError``,
    ``desktop_signer.tokens.errors.*``). The input is never modified. With a ``journal``,
    the attempt is a row there, success or failure (a journal that cannot be written
    never stops the signature)."""
    if journal is None:
        return SigningSession(identity, options).sign(job)
    try:
        result = SigningSession(identity, options).sign(job)
    except Exception as exc:
        code = exc.code if isinstance(exc, DesktopSignerError) else "signing_failed"
        journal.record(JournalEntry.for_failure(job.input, job.output, code, identity.kind,
                                                options.level, certificate_of(identity)))
        raise
    journal.record(JournalEntry.for_result(result, identity.certificate, identity.kind))
    return result

