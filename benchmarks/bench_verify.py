"""Benchmark: verify an 8-signature ~4 MB B-LT letter offline (issue 5).

Builds the document once: the training "Surat Dinas" (3 pages) plus two scanned-looking
attachment pages (~1.9 MB of JPEG each), countersigned 8 times at B-LT by training
identities with the local training TSA/OCSP/CRL (pyHanko, PKCS#12 files of
``training init``). Then, offline and in the same run, the medians of several runs of:

* our verifier, in this process (``verify_in_process``) and isolated in a child process
  (``verify_file``, the product path), with the visual comparison and without it;
* the visual comparison alone (all 8 signed revisions), with and without page skipping;
* bare pyHanko: ``validate_pdf_signature`` for every signature (default diff policy, no
  fetching), once with only the trust root and once with the document's DSS as revocation
  data (what a B-LT file embeds);
* poppler's ``pdfsig`` (crypto + NSS certificate check, no OCSP; and ``-nocert``).

Goal (issue 5): <= 1 s for all 8 signatures, visual comparison included.

Run: ``.venv/bin/python benchmarks/bench_verify.py [--runs 7] [--keep letter.pdf]``
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigFieldSpec
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.validation import DocumentSecurityStore, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from desktop_signer.training import letters, setup
from desktop_signer.training.services import TrainingServices
from desktop_signer.trust.store import load_trust
from desktop_signer.verification import verify_file, verify_in_process
from desktop_signer.verification.options import VerifyOptions
from desktop_signer.verification.visual import RevisionComparer

SIGNERS = ["budi", "siti", "rahmat", "putri"] * 2  # 8 countersignatures, training identities
ATTACHMENT_PAGES = 2


def _attachment_jpeg(seed: int) -> bytes:
    """A noisy A4 "scan" at 150 dpi: JPEG that barely compresses (~1.9 MB)."""
    w, h = 1240, 1754
    samples = random.Random(seed).randbytes(w * h * 3)
    return bytes(pymupdf.Pixmap(pymupdf.csRGB, w, h, samples, False).tobytes("jpg", jpg_quality=60))


def build_letter() -> bytes:
    doc = pymupdf.open(stream=letters.surat_dinas(), filetype="pdf")
    for n in range(ATTACHMENT_PAGES):
        page = doc.new_page(width=letters.A4[0], height=letters.A4[1])
        page.insert_image(page.rect, stream=_attachment_jpeg(n))
    return bytes(doc.tobytes(garbage=0, deflate=True))


def stamp_box(n: int) -> tuple[int, int, int, int]:
    """Two columns of four stamps in the free lower half of page 3 (PDF points)."""
    col, row = n % 2, n // 2
    x, y = 72 + col * 250, 80 + row * 80
    return (x, y, x + 200, y + 60)


def sign_all(data: bytes, training: setup.TrainingSetup) -> bytes:
    root = load_cert_from_pemder(training.root_certificate)
    for n, who in enumerate(SIGNERS):
        identity = training.identity(who)
        assert identity.pkcs12 is not None
        signer = signers.SimpleSigner.load_pkcs12(
            identity.pkcs12, passphrase=training.pkcs12_passphrase.encode()
        )
        assert signer is not None
        meta = signers.PdfSignatureMetadata(
            field_name=f"ttd{n + 1}",
            subfilter=fields.SigSeedSubFilter.PADES,
            embed_validation_info=True,
            validation_context=ValidationContext(trust_roots=[root], allow_fetching=True),
        )
        spec = SigFieldSpec(f"ttd{n + 1}", on_page=2, box=stamp_box(n))
        out = io.BytesIO()
        signers.PdfSigner(
            meta, signer, timestamper=HTTPTimeStamper(training.tsa_url), new_field_spec=spec
        ).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data), strict=False), output=out)
        data = out.getvalue()
    return data


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, float, list[float]]:
    """(first run, median of the following runs, all) in seconds."""
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:]), times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs after a first one")
    parser.add_argument("--keep", type=Path, help="also write the signed letter here")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    pymupdf.TOOLS.mupdf_display_errors(False)

    with tempfile.TemporaryDirectory(prefix="bench-verify-") as tmp:
        training = setup.create(Path(tmp) / "latihan")
        started = time.perf_counter()
        with TrainingServices(Path(training.directory), training.port):
            data = sign_all(build_letter(), training)
        build_seconds = time.perf_counter() - started
        pdf = Path(tmp) / "surat-8-ttd.pdf"
        pdf.write_bytes(data)
        if args.keep:
            args.keep.write_bytes(data)
        # offline from here on: the services are stopped
        rows = measure(pdf, data, training, args.runs)
        print_report(pdf, data, build_seconds, rows, args)
    return 0


Row = tuple[str, float, float, str]


def measure(pdf: Path, data: bytes, training: setup.TrainingSetup, runs: int) -> list[Row]:
    trust = load_trust(
        training_mode=True, training_root=training.root_certificate, use_installed=False
    )
    options = VerifyOptions(trust=trust, offline=True)
    no_visual = VerifyOptions(trust=trust, offline=True, visual=False)
    rows: list[Row] = []

    report = verify_in_process(pdf, options)
    verdicts = ", ".join(sorted({s.verdict for s in report.signatures}))
    note = f"{len(report.signatures)} signatures: {verdicts}; file {report.verdict}"
    rows.append(("ours, in process (verify_in_process)",
                 *median_time(lambda: verify_in_process(pdf, options), runs)[:2], note))
    first, med, _ = median_time(lambda: verify_file(pdf, options), runs)
    rows.append(("ours, isolated child (verify_file)", first, med,
                 "first run starts the forkserver"))
    rows.append(("ours, in process, visual off",
                 *median_time(lambda: verify_in_process(pdf, no_visual), runs)[:2], ""))

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    ends = sorted(
        int(s.sig_object["/ByteRange"][2]) + int(s.sig_object["/ByteRange"][3])
        for s in reader.embedded_signatures
    )

    def visual(skip: bool) -> Callable[[], object]:
        def run() -> object:
            with RevisionComparer(data, skip_identical_pages=skip) as comparer:
                return [comparer.compare(end) for end in ends]
        return run

    results = visual(True)()
    assert isinstance(results, list)
    rendered = sum(r.rendered_pages for r in results)
    changed = sum(r.signed_content_changed for r in results)
    rows.append(("visual comparison alone (8 revisions)", *median_time(visual(True), runs)[:2],
                 f"{rendered} page(s) rendered over 8 revisions, {changed} changed"))
    rows.append(("visual comparison, page skipping off", *median_time(visual(False), runs)[:2],
                 "every page of every revision rendered"))

    root = load_cert_from_pemder(training.root_certificate)

    def pyhanko_default() -> object:
        r = PdfFileReader(io.BytesIO(data), strict=False)
        vc = ValidationContext(trust_roots=[root], allow_fetching=False)
        return [validate_pdf_signature(s, signer_validation_context=vc).bottom_line
                for s in r.embedded_signatures]

    def pyhanko_ltv() -> object:
        # revocation checked against the document's DSS (what B-LT embeds), soft-fail
        r = PdfFileReader(io.BytesIO(data), strict=False)
        vc = DocumentSecurityStore.read_dss(r).as_validation_context(
            {"trust_roots": [root], "allow_fetching": False}
        )
        return [validate_pdf_signature(s, signer_validation_context=vc).bottom_line
                for s in r.embedded_signatures]

    lines = pyhanko_default()
    rows.append(("bare pyHanko validate_pdf_signature", *median_time(pyhanko_default, runs)[:2],
                 f"bottom_line {lines}".replace("True", "T").replace("False", "F")))
    lines = pyhanko_ltv()
    rows.append(("bare pyHanko validate_pdf_signature + DSS",
                 *median_time(pyhanko_ltv, runs)[:2],
                 f"bottom_line {lines}".replace("True", "T").replace("False", "F")))

    pdfsig = shutil.which("pdfsig")
    if pdfsig:
        for flags, label in ((["-no-ocsp"], "pdfsig -no-ocsp"), (["-nocert"], "pdfsig -nocert")):
            command = [pdfsig, *flags, str(pdf)]
            out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
            valid = out.count("Signature is Valid")
            rows.append((label, *median_time(
                lambda c=command: subprocess.run(c, capture_output=True, check=False), runs
            )[:2], f"'Signature is Valid' x{valid}"))
    else:
        rows.append(("pdfsig", float("nan"), float("nan"), "not installed"))
    return rows


def print_report(pdf: Path, data: bytes, build: float, rows: list[Row],
                 args: argparse.Namespace) -> None:
    doc = pymupdf.open(stream=data, filetype="pdf")
    print(f"document: {len(data) / 1e6:.2f} MB, {doc.page_count} pages, "
          f"{len(SIGNERS)} B-LT signatures (built in {build:.1f} s)")
    print(f"runs: first + {args.runs} timed (median of the timed runs); offline; "
          f"{sys.platform}, python {sys.version.split()[0]}, pymupdf {pymupdf.__version__}")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (other work skews medians)")
    print()
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'first s':>8}  {'median s':>8}  note")
    print(f"{'-' * width}  {'-' * 8}  {'-' * 8}  ----")
    for name, first, med, note in rows:
        print(f"{name:<{width}}  {first:8.3f}  {med:8.3f}  {note}")
    print()
    print("command: " + " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv]))


if __name__ == "__main__":
    raise SystemExit(main())
