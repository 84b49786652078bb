"""Figures of the latest security run, written into ``docs/penilaian-keamanan.md``.

``scripts/security-figures`` runs this. It

1. verifies every file of the shared attack corpus (``DESKTOP_SIGNER_CORPUS`` or
   ``../shared/corpus``) exactly as ``tests/conformance/test_conformance.py`` does, and
   counts per category: files, agreeing with ``expected.json``, attack files judged valid
   (must be 0);
2. runs the tests the assessment cites (fuzzing, kill tests, PIN and token, trust) with
   pytest and counts passed / failed / skipped per group, with their time;
3. rewrites the section between ``<!-- dibuat:angka-keamanan -->`` markers with the date,
   the commit and the machine, and keeps the raw numbers in
   ``docs/generated/angka-keamanan.json``.

Nothing in the section is typed by hand; run it again after a change.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "penilaian-keamanan.md"
RAW = ROOT / "docs" / "generated" / "angka-keamanan.json"

sys.path.insert(0, str(ROOT))

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Fuzzing verifikasi (Hypothesis)", (
        "tests/integration/test_verify_fuzz.py", "tests/unit/test_visual_fuzz.py")),
    ("Celah pyHanko yang ditutup, perubahan visual", (
        "tests/integration/test_verify_gaps.py", "tests/integration/test_visual_signed.py")),
    ("Uji pemutusan paksa (kill) dan berkas rusak", (
        "tests/integration/test_sign_failures.py", "tests/integration/test_sign_batch_worker.py",
        "tests/unit/test_render_client.py", "tests/gui/test_bad_inputs.py")),
    ("PIN dan token", (
        "tests/integration/test_tokens_pin.py", "tests/unit/test_tokens_pin_standin.py",
        "tests/integration/test_tokens_secrecy.py", "tests/unit/test_tokens_secrets.py",
        "tests/integration/test_tokens_threads_and_choice.py")),
    ("Daftar kepercayaan dan mode latihan", (
        "tests/unit/test_trust_store.py", "tests/integration/test_verify_signed.py",
        "tests/integration/test_training_exercises.py")),
)


def corpus_dir() -> Path | None:
    for candidate in (os.environ.get("DESKTOP_SIGNER_CORPUS"), str(ROOT.parent / "shared" /
                                                                     "corpus")):
        if candidate and (Path(candidate) / "expected.json").is_file():
            return Path(candidate)
    return None


def corpus_figures(corpus: Path) -> dict[str, object]:
    from tests.conformance.test_conformance import _agrees, _verdict

    spec = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    per: dict[str, dict[str, int]] = defaultdict(lambda: {"files": 0, "agree": 0,
                                                           "attack_valid": 0})
    started = time.monotonic()
    for rel, entry in spec.items():
        parts = rel.split("/")
        category = "/".join(parts[:2]) if parts[0] == "attacks" else parts[0]
        verdict = _verdict(corpus, rel, entry)
        row = per[category]
        row["files"] += 1
        row["agree"] += int(_agrees(verdict, entry))
        row["attack_valid"] += int(verdict in entry.get("must_not_be", []))
    return {"categories": dict(sorted(per.items())), "seconds": time.monotonic() - started,
            "files": len(spec)}


def test_figures() -> dict[str, dict[str, float]]:
    files = [f for _name, group in GROUPS for f in group]
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        f"--junitxml={report}", *files], cwd=ROOT, env=env, check=False)
        tree = ET.parse(report)
    counts: dict[str, dict[str, float]] = {}
    for name, group in GROUPS:
        modules = {f.removesuffix(".py").replace("/", ".") for f in group}
        row = {"tests": 0.0, "passed": 0.0, "failed": 0.0, "skipped": 0.0, "seconds": 0.0}
        for case in tree.iter("testcase"):
            if case.get("classname", "").split("::")[0] not in modules and not any(
                    case.get("classname", "").startswith(m) for m in modules):
                continue
            row["tests"] += 1
            row["seconds"] += float(case.get("time", "0") or 0)
            if case.find("skipped") is not None:
                row["skipped"] += 1
            elif case.find("failure") is not None or case.find("error") is not None:
                row["failed"] += 1
            else:
                row["passed"] += 1
        counts[name] = row
    return counts


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "desktop_signer", "ui"],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout
        return out + (" (dengan perubahan belum di-commit)" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "tidak diketahui"


def render(corpus: dict[str, object] | None, tests: dict[str, dict[str, float]],
           when: datetime) -> str:
    lines = [f"Dijalankan {when:%Y-%m-%d %H:%M} UTC pada commit `{_commit()}`, "
             f"{platform.system()} {platform.machine()}, Python {platform.python_version()} "
             f"({os.cpu_count()} inti; mesin dipakai bersama, waktu hanya gambaran).", ""]
    lines.append("**Korpus serangan** (berkas PDF pihak ketiga dengan hasil yang diharapkan):")
    lines.append("")
    if corpus is None:
        lines.append("*Korpus tidak tersedia pada run ini* (`DESKTOP_SIGNER_CORPUS`).")
    else:
        cats: dict[str, dict[str, int]] = corpus["categories"]  # type: ignore[assignment]
        lines += ["| Kategori | Berkas | Sesuai harapan | Berkas serangan dinilai sah |",
                  "|---|---|---|---|"]
        total = {"files": 0, "agree": 0, "attack_valid": 0}
        for name, row in cats.items():
            lines.append(f"| `{name}` | {row['files']} | {row['agree']} | "
                         f"{row['attack_valid']} |")
            for key in total:
                total[key] += row[key]
        share = 100.0 * total["agree"] / max(total["files"], 1)
        lines.append(f"| **Jumlah** | **{total['files']}** | **{total['agree']} "
                     f"({share:.1f} %)** | **{total['attack_valid']}** |")
        lines.append("")
        lines.append(f"Waktu verifikasi seluruh korpus: {float(corpus['seconds']):.0f} detik "
                     "(`tests/conformance/DISAGREEMENTS.md` menjelaskan setiap "
                     "ketidaksesuaian).")
    lines += ["", "**Uji otomatis yang dikutip penilaian ini:**", "",
              "| Kelompok | Uji | Lulus | Gagal | Dilewati | Waktu (detik) |",
              "|---|---|---|---|---|---|"]
    for name, row in tests.items():
        lines.append(f"| {name} | {int(row['tests'])} | {int(row['passed'])} | "
                     f"{int(row['failed'])} | {int(row['skipped'])} | {row['seconds']:.0f} |")
    return "\n".join(lines) + "\n"


def write_section(body: str) -> None:
    from scripts.docs_build import refresh

    text = DOC.read_text(encoding="utf-8")
    new = refresh(text, {"angka-keamanan": lambda: body})
    if new == text and "<!-- dibuat:angka-keamanan -->" not in text:
        raise SystemExit(f"{DOC}: no <!-- dibuat:angka-keamanan --> section")
    DOC.write_text(new, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true", help="corpus figures only")
    args = parser.parse_args(argv)
    when = datetime.now(UTC)
    found = corpus_dir()
    corpus = corpus_figures(found) if found is not None else None
    tests = {} if args.skip_tests else test_figures()
    RAW.parent.mkdir(parents=True, exist_ok=True)
    RAW.write_text(json.dumps({"time_utc": when.isoformat(timespec="seconds"),
                               "commit": _commit(), "corpus": corpus, "tests": tests},
                              indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_section(render(corpus, tests, when))
    print(f"wrote {DOC.relative_to(ROOT)} and {RAW.relative_to(ROOT)}")
    failed = sum(int(r["failed"]) for r in tests.values())
    attack_valid = 0
    if corpus is not None:
        cats: dict[str, dict[str, int]] = corpus["categories"]  # type: ignore[assignment]
        attack_valid = sum(r["attack_valid"] for r in cats.values())
    return 1 if failed or attack_valid else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
