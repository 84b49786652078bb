"""Regenerate ``docs/screenshots/`` from the real window, offscreen (``scripts/screenshots``).

Every scene is a module in ``scripts/shots/`` with one function ``shoot(ctx: ShotContext)``
that builds real windows and dialogs (through ``ui.app.build_window`` and the dialogs' own
classes), waits until they show what a person would see and saves them with
``ctx.save(widget, "name")``. Each scene runs in its own process for each scale, with its
own empty config and data folders, Indonesian text (``--lang`` to change), Qt offscreen
and ``QT_SCALE_FACTOR`` 1 and 2: ``name.png`` at 100 %, ``name@2x.png`` at 200 %.

One training set-up (``training init``: PKI, SoftHSM tokens, letters) is built for the
whole run and its TSA/OCSP/CRL services are served on 127.0.0.1 while the scenes run;
scenes find it in ``ctx.training`` (``desktop_signer.training.setup.TrainingSetup``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "scripts" / "shots"
OUT = ROOT / "docs" / "screenshots"
LONG_NAME = ("Surat Keputusan Kepala Dinas Komunikasi dan Informatika tentang Penetapan "
             "Tim Pelaksana Bimbingan Teknis Sertifikat Elektronik Tahun 2026")

sys.path.insert(0, str(ROOT))


def scene_modules(only: list[str] | None) -> list[Path]:
    found = sorted(p for p in SHOTS.glob("*.py") if not p.name.startswith("_"))
    if only:
        found = [p for p in found if p.stem in only]
    return found


def load_scene(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"shots_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class ShotContext:
    """What a scene gets: the training set-up, a scratch folder, waiting and saving."""

    def __init__(self, scale: int, work: Path, out: Path) -> None:
        from desktop_signer.training import setup

        self.scale = scale
        self.work = work
        self.out = out
        self.training_dir = Path(os.environ["DESKTOP_SIGNER_TRAINING_DIR"])
        self.training = setup.load(self.training_dir)
        self.saved: list[Path] = []

    @property
    def app(self):  # noqa: ANN201 - QApplication, imported lazily
        from ui.app import create_application

        return create_application()

    def long_named_copy(self, source: Path, suffix: str = "") -> Path:
        """``source`` copied under a long Indonesian file name (tabs, titles, panels)."""
        target = self.work / f"{LONG_NAME}{suffix}.pdf"
        shutil.copyfile(source, target)
        return target

    def window(self, files: list[Path | str]):  # noqa: ANN201 - MainWindow
        from ui.app import build_window

        window = build_window([str(f) for f in files], remember=False)
        window.resize(1280, 800)
        return window

    def wait(self, ready: Callable[[], bool], timeout_s: float = 60.0, what: str = "") -> None:
        """Run the event loop until ``ready()`` is true; fail the scene after the limit."""
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.monotonic() + timeout_s
        while not ready():
            if time.monotonic() > deadline:
                raise TimeoutError(f"scene did not settle: {what or ready}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)

    def pump(self, seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        self.wait(lambda: time.monotonic() >= end, timeout_s=seconds + 5)

    def wait_rendered(self, window, timeout_s: float = 60.0) -> None:  # noqa: ANN001
        """Until the current tab's visible pages and thumbnails are painted sharp."""
        from ui.screenshot import thumbnails_ready

        def ready() -> bool:
            tabs = window.document_tabs()
            if any(not tab.is_open for tab in tabs):
                return False
            tab = window.current_tab()
            if tab is None:
                return True
            visible = set(tab.view.visible_pages())
            return bool(visible) and visible <= tab.rendered_pages and thumbnails_ready(tab)

        self.wait(ready, timeout_s, "pages rendered")
        self.pump(0.2)

    def save(self, widget, name: str) -> Path:  # noqa: ANN001 - any QWidget
        """Grab ``widget`` (a window or a dialog) as ``name.png`` / ``name@2x.png``."""
        self.pump(0.15)
        target = self.out / (f"{name}.png" if self.scale == 1 else f"{name}@{self.scale}x.png")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(target)):
            raise OSError(f"could not write {target}")
        self.saved.append(target)
        print(f"  {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        return target


def run_scene(path: Path, scale: int) -> int:
    """Child process: one scene at one scale."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix=f"shot-{path.stem}-"))
    ctx = ShotContext(scale, work, Path(os.environ.get("SHOTS_OUT", str(OUT))))
    app = ctx.app
    module = load_scene(path)
    try:
        module.shoot(ctx)
    finally:
        for window in app.topLevelWidgets():
            service = getattr(window, "service", None)
            if service is not None and hasattr(service, "shutdown"):
                service.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def build_training(base: Path) -> tuple[Path, int]:
    from desktop_signer.training import setup
    from desktop_signer.training.ports import free_port

    port = free_port()
    made = setup.create(base / "latihan", port=port)
    return Path(made.directory), port


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="scene module names (scripts/shots/NAME.py)")
    parser.add_argument("--scale", type=int, choices=(1, 2), action="append")
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--run-scene", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_scene is not None:
        return run_scene(args.run_scene, (args.scale or [1])[0])

    scenes = scene_modules(args.only)
    if not scenes:
        print("no scene matches", file=sys.stderr)
        return 64
    scales = args.scale or [1, 2]
    base = Path(tempfile.mkdtemp(prefix="desktop-signer-shots-"))
    failed: list[str] = []
    try:
        training_dir, port = build_training(base)
        from desktop_signer.training.services import TrainingServices

        with TrainingServices(training_dir, port):
            for path in scenes:
                for scale in scales:
                    home = base / f"{path.stem}-{scale}"
                    for sub in ("config", "data", "system", "cache"):
                        (home / sub).mkdir(parents=True)
                    env = dict(os.environ,
                               QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(scale),
                               DESKTOP_SIGNER_LANG=args.lang,
                               XDG_CONFIG_HOME=str(home / "config"),
                               XDG_DATA_HOME=str(home / "data"),
                               XDG_CONFIG_DIRS=str(home / "system"),
                               XDG_CACHE_HOME=str(home / "cache"),
                               DESKTOP_SIGNER_TRAINING_DIR=str(training_dir),
                               SOFTHSM2_CONF=str(training_dir / "softhsm" / "softhsm2.conf"),
                               SHOTS_OUT=str(args.out))
                    print(f"==> {path.stem} at {scale * 100} %")
                    result = subprocess.run(
                        [sys.executable, __file__, "--run-scene", str(path),
                         "--scale", str(scale)], env=env, timeout=600, check=False)
                    if result.returncode != 0:
                        failed.append(f"{path.stem}@{scale}x")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    if failed:
        print("scenes that failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
