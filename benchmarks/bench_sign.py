"""Benchmarks of signing (issue 4), each against bare pyHanko in the same run.

* ``single``: one 3-page letter, visible BSrE stamp at B-B on the SoftHSM training token,
  through ``sign_document`` (placement, stamp, atomic write, our own check of the output)
  vs bare pyHanko's invisible PAdES signature of the same file with the same token key.
  Goal: <= 1.3x.
* ``batch``: 200 letters with one login (``sign_batch``) vs a bare pyHanko loop (open,
  sign invisibly, write). Docs/s and peak RSS, each mode in its own process. Goal: <= 1.3x
  time. ``sign_batch`` checks each output in a worker process while it signs the next
  letter, so the memory of the process tree (sampled every 20 ms) is reported too.
* ``large``: a ~200 MB PDF (pages of incompressible image data), one B-B signature with a
  visible stamp, vs one SHA-256 pass over the file. Goal: time <= 2x the hash pass, peak
  RSS <= 1.3x the file size + 150 MB.

Run: ``.venv/bin/python benchmarks/bench_sign.py [single|batch|large|all] [--runs 9]
[--docs 200] [--size-mb 200]``. Each mode builds its own training PKI in a temporary
folder; nothing outside it is touched.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _setup(tmp: Path) -> Any:
    from desktop_signer.training import setup

    made = setup.create(tmp / "latihan")
    os.environ["SOFTHSM2_CONF"] = made.softhsm_conf  # before the module is loaded
    return made


def _token_identity(made: Any) -> Any:
    from asn1crypto import pem, x509

    from desktop_signer.tokens import open_pkcs11_identity

    def load(path: str) -> x509.Certificate:
        data = Path(path).read_bytes()
        return x509.Certificate.load(pem.unarmor(data)[2] if pem.detect(data) else data)

    ident = made.identity("budi")
    return open_pkcs11_identity(made.module, pin=made.pin, token_label=ident.token,
                                certificate=ident.key_id,
                                extra_certificates=[load(made.issuing_ca_certificate),
                                                    load(made.root_certificate)])


def _options(made: Any, **kw: Any) -> Any:
    from desktop_signer.appearance import PlacementRequest
    from desktop_signer.signing import SignOptions
    from desktop_signer.trust.store import load_trust

    trust = load_trust(training_mode=True, training_root=made.root_certificate,
                       use_installed=False)
    base: dict[str, Any] = {"level": "B-B", "trust": trust,
                            "placement": PlacementRequest(anchor="#")}
    base.update(kw)
    return SignOptions(**base)


def _bare_sign(signer: Any, src: Path, out: Any) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    with src.open("rb") as f:
        writer = IncrementalPdfFileWriter(f, strict=False)
        meta = signers.PdfSignatureMetadata(field_name="Signature",
                                            subfilter=fields.SigSeedSubFilter.PADES,
                                            md_algorithm="sha256")
        signers.PdfSigner(meta, signer).sign_pdf(writer, output=out)


def _median(values: list[float]) -> float:
    return statistics.median(values)


def bench_single(runs: int) -> dict[str, Any]:
    from desktop_signer.signing import SignJob, sign_document
    from desktop_signer.training import letters

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        made = _setup(tmp)
        src = tmp / "surat.pdf"
        src.write_bytes(letters.surat_dinas())
        ident = _token_identity(made)
        opts = _options(made)
        signer = ident.pyhanko_signer()
        ours: list[float] = []
        bare: list[float] = []
        for i in range(runs + 1):  # the first round warms caches (fonts, logo, modules)
            out = tmp / f"ours-{i}.pdf"
            t = time.perf_counter()
            sign_document(ident, SignJob(src, out), opts)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            with (tmp / f"bare-{i}.pdf").open("wb") as f:
                _bare_sign(signer, src, f)
            bare.append(time.perf_counter() - t)
        no_check: list[float] = []
        for i in range(runs + 1):
            t = time.perf_counter()
            sign_document(ident, SignJob(src, tmp / f"nocheck-{i}.pdf"),
                          _options(made, verify_output=False))
            no_check.append(time.perf_counter() - t)
        ident.close()
    result = {
        "ours_visible_s": _median(ours[1:]), "bare_invisible_s": _median(bare[1:]),
        "ours_without_own_check_s": _median(no_check[1:]),
    }
    result["ratio"] = result["ours_visible_s"] / result["bare_invisible_s"]
    result["ratio_without_own_check"] = (result["ours_without_own_check_s"]
                                         / result["bare_invisible_s"])
    return result


def _tree_rss_mb() -> float:
    """Resident memory of this process and all its descendants (Linux /proc), in MB: the
    batch's check worker is a grandchild (forked by the verification fork server)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in tree) / 1024 / 1024


class _TreeRssSampler:
    """Peak of :func:`_tree_rss_mb`, sampled every 20 ms on a thread."""

    def __init__(self) -> None:
        import threading

        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, _tree_rss_mb())

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def _batch_child(mode: str, directory: str, docs: int) -> None:
    """Runs in its own process so that its peak RSS is its own."""
    from desktop_signer.signing import SignJob, sign_batch
    from desktop_signer.training import letters, setup

    tmp = Path(directory)
    made = setup.load(tmp / "latihan")
    os.environ["SOFTHSM2_CONF"] = made.softhsm_conf
    data = letters.surat_dinas()
    src_dir = tmp / f"in-{mode}"
    src_dir.mkdir()
    jobs = []
    for i in range(docs):
        src = src_dir / f"surat-{i:03d}.pdf"
        src.write_bytes(data)
        jobs.append(SignJob(src, src_dir / f"surat-{i:03d}_signed.pdf"))
    ident = _token_identity(made)
    sampler = _TreeRssSampler()
    t = time.perf_counter()
    if mode == "ours":
        batch = sign_batch(ident, jobs, _options(made))
        assert batch.signed == docs, [r.error for r in batch.results if r.error]
    elif mode == "ours-nocheck":
        batch = sign_batch(ident, jobs, _options(made, verify_output=False))
        assert batch.signed == docs
    else:
        signer = ident.pyhanko_signer()
        for job in jobs:
            with job.output.open("wb") as f:
                _bare_sign(signer, job.input, f)
    seconds = time.perf_counter() - t
    tree_peak = sampler.stop()
    ident.close()
    rss = _peak_rss_mb()
    print(json.dumps({"seconds": seconds, "docs_per_s": docs / seconds, "peak_rss_mb": rss,
                      "peak_rss_mb_with_child_processes": tree_peak}))


def bench_batch(docs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        _setup(tmp)
        out: dict[str, Any] = {}
        for mode in ("ours", "ours-nocheck", "bare"):
            proc = subprocess.run([sys.executable, __file__, "_batch", mode, str(tmp),
                                   str(docs)], capture_output=True, text=True, check=True)
            out[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["time_ratio"] = out["ours"]["seconds"] / out["bare"]["seconds"]
    out["time_ratio_without_own_check"] = out["ours-nocheck"]["seconds"] / out["bare"]["seconds"]
    return out


def _large_pdf(path: Path, size_mb: int) -> None:
    """Pages of random (incompressible) image data, written with PyMuPDF."""
    import pymupdf
    from PIL import Image

    from desktop_signer.training import letters

    doc = pymupdf.open("pdf", letters.nota_dinas())
    side = int((10 * 1024 * 1024 / 3) ** 0.5)  # ~10 MB of pixels, ~7 MB as JPEG
    total, i = 0, 0
    while total < size_mb * 1024 * 1024:
        img = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=100)
        page = doc.new_page(-1 if i else 0, width=595, height=842)
        page.insert_image(page.rect, stream=buf.getvalue())
        total += buf.tell()
        i += 1
    doc.save(path)


def _peak_rss_mb() -> float:
    """This process's own peak RSS: VmHWM on Linux. ``ru_maxrss`` is not used: Linux
    carries it over from the parent across fork and exec, so a child of a big benchmark
    process would report the parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_split_mb() -> tuple[float, float]:
    """(anonymous, file-backed) resident memory of this process (Linux)."""
    fields = dict(line.split(":", 1) for line in
                  Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return (int(fields["RssAnon"].split()[0]) / 1024,
            int(fields["RssFile"].split()[0]) / 1024)


class _RssSplitSampler:
    """The anonymous and file-backed parts at the moment of the highest total (mapped file
    pages are counted in RSS but are page cache, not memory of ours)."""

    def __init__(self) -> None:
        import threading

        self.at_peak = (0.0, 0.0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.01):
            now = _rss_split_mb()
            if sum(now) > sum(self.at_peak):
                self.at_peak = now

    def stop(self) -> tuple[float, float]:
        self._stop.set()
        self._thread.join()
        return self.at_peak


def _large_child(src: str, out: str, directory: str, mode: str = "ours") -> None:
    from desktop_signer.signing import SignJob, sign_document
    from desktop_signer.training import setup

    made = setup.load(Path(directory) / "latihan")
    os.environ["SOFTHSM2_CONF"] = made.softhsm_conf
    ident = _token_identity(made)
    sampler = _RssSplitSampler()
    t = time.perf_counter()
    if mode == "bare":  # context: bare pyHanko, invisible, straight into the file
        with Path(out).open("wb") as f:
            _bare_sign(ident.pyhanko_signer(), Path(src), f)
    else:
        sign_document(ident, SignJob(Path(src), Path(out)), _options(made))
    seconds = time.perf_counter() - t
    anon, mapped = sampler.stop()
    ident.close()
    rss = _peak_rss_mb()
    print(json.dumps({"seconds": seconds, "peak_rss_mb": rss,
                      "at_peak_anonymous_mb": anon, "at_peak_file_backed_mb": mapped}))


def bench_large(size_mb: int, runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        _setup(tmp)
        src = tmp / "besar.pdf"
        _large_pdf(src, size_mb)
        size = src.stat().st_size / 1024 / 1024
        hashes: list[float] = []
        ours: list[dict[str, Any]] = []
        bare: list[dict[str, Any]] = []
        for i in range(runs):
            t = time.perf_counter()
            h = hashlib.sha256()
            with src.open("rb") as f:
                while chunk := f.read(1 << 20):
                    h.update(chunk)
            hashes.append(time.perf_counter() - t)
            proc = subprocess.run([sys.executable, __file__, "_large", str(src),
                                   str(tmp / f"besar-{i}_signed.pdf"), str(tmp)],
                                  capture_output=True, text=True, check=True)
            ours.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            (tmp / f"besar-{i}_signed.pdf").unlink()
            proc = subprocess.run([sys.executable, __file__, "_large", str(src),
                                   str(tmp / f"bare-{i}.pdf"), str(tmp), "bare"],
                                  capture_output=True, text=True, check=True)
            bare.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            (tmp / f"bare-{i}.pdf").unlink()
        sign_s = _median([o["seconds"] for o in ours])
        rss = max(o["peak_rss_mb"] for o in ours)
        return {"file_mb": size, "sha256_pass_s": _median(hashes), "sign_s": sign_s,
                "time_ratio": sign_s / _median(hashes), "peak_rss_mb": rss,
                "peak_rss_mb_each_run": [round(o["peak_rss_mb"], 1) for o in ours],
                "at_peak_anonymous_and_file_backed_mb_each_run": [
                    (round(o["at_peak_anonymous_mb"]), round(o["at_peak_file_backed_mb"]))
                    for o in ours],
                "rss_budget_mb": 1.3 * size + 150,
                "bare_pyhanko_invisible_s": _median([b["seconds"] for b in bare]),
                "bare_pyhanko_ratio": _median([b["seconds"] for b in bare]) / _median(hashes)}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_batch":
        _batch_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "_large":
        _large_child(*sys.argv[2:6])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("which", nargs="?", default="all",
                        choices=("single", "batch", "large", "all"))
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--size-mb", type=int, default=200)
    args = parser.parse_args()
    print("#", shlex.join([".venv/bin/python", "benchmarks/bench_sign.py", *sys.argv[1:]]))
    report: dict[str, Any] = {}
    if args.which in ("single", "all"):
        report["single"] = bench_single(args.runs)
        print(json.dumps({"single": report["single"]}, indent=2), flush=True)
    if args.which in ("batch", "all"):
        report["batch"] = bench_batch(args.docs)
        print(json.dumps({"batch": report["batch"]}, indent=2), flush=True)
    if args.which in ("large", "all"):
        report["large"] = bench_large(args.size_mb, max(1, min(args.runs, 3)))
        print(json.dumps({"large": report["large"]}, indent=2), flush=True)


if __name__ == "__main__":
    main()
