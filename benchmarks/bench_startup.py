"""Start-up of the window (issue 6): process start to the first page of a 200-page PDF
painted, offscreen, compared in the same run with a process that only imports pyHanko.

Each run is a fresh process that does what ``desktop-signer letter.pdf`` does: the
console entry point's imports (``ui.launcher``), the QApplication, the rendering process,
the window, the document; it stops the clock when page 1 has been painted with its
rendered image (a synchronous ``repaint()`` of the page view after the image arrived).
The clock starts in this script just before the child process is created, and both
sides read ``time.monotonic()`` (one system-wide clock on Linux and Windows).

Baselines in the same run: ``python -c pass`` (the interpreter alone), ``import pyhanko``
(the package only) and ``from pyhanko.sign import signers`` (what signing needs).
Goal: window median <= 1.0 s.

``--scroll N`` also scrolls through an N-page document as fast as a held-down key (half a
screen every 16 ms) and reports the longest pause of the window's event loop: the
"never freezes" claim, measured.

``--executable PATH`` also times an installed or frozen program (the PyInstaller bundle:
``build/package/dist/desktop-signer/desktop-signer``, or one unpacked from the .deb) in the
same runs: it is started as ``PATH letter.pdf`` with ``DESKTOP_SIGNER_BENCH_FIRST_PAINT=1``,
which makes the window print the same ``PAINTED`` moment (``ui/first_paint_probe.py``).

Run: ``.venv/bin/python benchmarks/bench_startup.py [--runs 10] [--pages 200]
[--scroll 500] [--executable PATH]`` (sets ``QT_QPA_PLATFORM=offscreen``; config folders
are temporary).
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
import ui.launcher  # what the console script imports first
ui.launcher.start_children_early()  # what ui.launcher.open_window does next
from PySide6.QtCore import QTimer
from ui import app as window_app

def main() -> None:
    application = window_app.create_application()
    window = window_app.build_window([sys.argv[1]], remember=False)

    def check() -> None:
        tab = window.current_tab()
        if tab is not None and 0 in tab.rendered_pages:
            tab.view.viewport().repaint()  # page 1 is on screen now
            print(f"PAINTED {time.monotonic():.6f}", flush=True)
            application.exit(0)

    window.documentOpened.connect(lambda tab: tab.stateChanged.connect(check))
    application.exec()
    window.service.shutdown()

if __name__ == "__main__":
    main()
"""


SCROLL_CHILD = r"""
import statistics, sys, time
from PySide6.QtCore import QTimer
from ui import app as window_app

def main() -> None:
    application = window_app.create_application()
    window = window_app.build_window([sys.argv[1]], remember=False)
    ticks: list[float] = []
    seen: set[int] = set()
    timer = QTimer()
    timer.setInterval(16)

    def step() -> None:
        ticks.append(time.monotonic())
        tab = window.current_tab()
        seen.update(tab.rendered_pages)
        bar = tab.view.verticalScrollBar()
        if bar.value() >= bar.maximum():
            timer.stop()
            gaps = [b - a for a, b in zip(ticks, ticks[1:])]
            print(f"SCROLLED {len(ticks)} {max(gaps):.4f} {statistics.median(gaps):.4f} "
                  f"{sorted(gaps)[int(len(gaps) * 0.99)]:.4f} {len(seen)} "
                  f"{ticks[-1] - ticks[0]:.3f}", flush=True)
            application.exit(0)
            return
        bar.setValue(bar.value() + tab.view.viewport().height() // 2)

    def opened(tab) -> None:
        timer.timeout.connect(step)
        timer.start()

    window.documentOpened.connect(opened)
    application.exec()
    window.service.shutdown()

if __name__ == "__main__":
    main()
"""


def make_pdf(path: Path, pages: int) -> Path:
    import pymupdf

    doc = pymupdf.open()
    body = ("Dalam rangka mendukung penyelenggaraan Sistem Pemerintahan Berbasis Elektronik, "
            "bersama ini kami sampaikan laporan kegiatan bimbingan teknis. ") * 25
    for number in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 80), f"LAPORAN KEGIATAN - halaman {number} dari {pages}",
                         fontsize=14)
        page.insert_textbox(pymupdf.Rect(72, 110, 523, 780), body, fontsize=10.5)
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return path


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_DIRS": str(home / "site"),
                "DESKTOP_SIGNER_LANG": "id"})
    return env


def time_window(script: Path, pdf: Path, env: dict[str, str],
                executable: str | None = None) -> float:
    """Our child script in this Python, or ``executable`` with the first-paint probe on."""
    command = [sys.executable, str(script), str(pdf)]
    if executable is not None:
        command = [executable, str(pdf)]
        env = {**env, "DESKTOP_SIGNER_BENCH_FIRST_PAINT": "1"}
    start = time.monotonic()
    done = subprocess.run(command, env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("PAINTED "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"the window did not paint (exit {done.returncode}): {done.stderr}")


def time_process(code: str, env: dict[str, str]) -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
    return time.monotonic() - start


def summary(name: str, values: list[float]) -> str:
    return (f"{name:<42} median {statistics.median(values):6.3f} s   "
            f"min {min(values):6.3f}   max {max(values):6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--scroll", type=int, default=0, metavar="PAGES")
    parser.add_argument("--executable", metavar="PATH",
                        help="also time this desktop-signer program (e.g. the frozen bundle)")
    options = parser.parse_args()
    bundle = f"installed: {options.executable}: first page painted"
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        home = Path(folder)
        pdf = make_pdf(home / f"laporan-{options.pages}-halaman.pdf", options.pages)
        size_kib = pdf.stat().st_size // 1024
        script = home / "first_paint.py"
        script.write_text(CHILD, "utf-8")
        env = environment(home)
        time_window(script, pdf, env)  # warm the OS file cache once, not counted
        if options.executable:
            time_window(script, pdf, env, options.executable)
        results: dict[str, list[float]] = {
            "python -c pass": [], "import pyhanko": [],
            "from pyhanko.sign import signers": [],
            f"window: first page of {options.pages} painted": [],
        }
        if options.executable:
            results[bundle] = []
        for _ in range(options.runs):  # interleaved, so load changes hit all alike
            results["python -c pass"].append(time_process("pass", env))
            results["import pyhanko"].append(time_process("import pyhanko", env))
            results["from pyhanko.sign import signers"].append(
                time_process("from pyhanko.sign import signers", env))
            results[f"window: first page of {options.pages} painted"].append(
                time_window(script, pdf, env))
            if options.executable:
                results[bundle].append(time_window(script, pdf, env, options.executable))
        scrolled = scroll(home, env, options.scroll) if options.scroll else ""
    print(f"# {shlex.join([sys.executable, *sys.argv])}")
    print(f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, "
          f"{options.runs} runs each, {size_kib} KiB PDF")
    for name, values in results.items():
        print(summary(name, values))
    window = statistics.median(results[f"window: first page of {options.pages} painted"])
    print(f"goal: window median <= 1.0 s: {'met' if window <= 1.0 else 'NOT met'}")
    if options.executable:
        installed = statistics.median(results[bundle])
        print(f"goal: installed window median <= 1.0 s: "
              f"{'met' if installed <= 1.0 else 'NOT met'}")
    if scrolled:
        print(scrolled)
    return 0


def scroll(home: Path, env: dict[str, str], pages: int) -> str:
    pdf = make_pdf(home / f"laporan-{pages}-halaman.pdf", pages)
    script = home / "scroll.py"
    script.write_text(SCROLL_CHILD, "utf-8")
    done = subprocess.run([sys.executable, str(script), str(pdf)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("SCROLLED "):
            ticks, longest, median, p99, rendered, seconds = line.split()[1:]
            return (f"scroll through {pages} pages in {float(seconds):.1f} s ({ticks} steps of "
                    f"half a screen every 16 ms): event loop pause median "
                    f"{float(median) * 1000:.0f} ms, 99th percentile {float(p99) * 1000:.0f} ms, "
                    f"longest {float(longest) * 1000:.0f} ms; {rendered} pages rendered sharp "
                    f"on the way")
    raise RuntimeError(f"scrolling did not finish (exit {done.returncode}): {done.stderr}")


if __name__ == "__main__":
    raise SystemExit(main())
