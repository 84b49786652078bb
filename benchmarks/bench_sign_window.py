"""Benchmarks of signing in the window (issue 12), offscreen Qt, SoftHSM training token.

* ``drag``: the stamp dragged across page 1 of a 3-page letter at 200 % zoom: time from
  the mouse-move event to the repainted viewport, per frame (median and 95th percentile
  of 200 moves). Goal: <= 16 ms per frame. The stamp's picture is not rendered again
  while it moves (only the old and new place are repainted).
* ``sign``: from "Tanda tangani" (the panel's Sign button) to the signed copy open in its
  tab (B-B, PIN entered as soon as the PIN dialog shows), vs the core's own time for the
  same letter (``open_pkcs11_identity`` + ``sign_batch`` of one job, same options). Goal:
  <= 1.5x. Runs alternate; medians.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_sign_window.py
[drag|sign|all] [--runs 5]``. A training PKI and its services are built in a temporary
folder for the run; settings and data go to a temporary home.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _spin(cond: Any, timeout: float = 60.0) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError(str(cond))
        QCoreApplication.processEvents()
        time.sleep(0.001)


def _window(letter: Path) -> Any:
    from ui.app import build_window

    window = build_window([str(letter)], remember=False)
    window.resize(1280, 900)
    window.show()
    _spin(lambda: window.current_tab() is not None and window.current_tab().is_open)
    return window


def _session(window: Any, name: str = "Budi Santoso") -> Any:
    flow = window.signing.flow
    seen: list[Any] = []
    flow.dialogShown.connect(seen.append)
    window.signing.sign_action.trigger()
    chooser = seen[-1]
    _spin(lambda: any(o.display_name == name for o in chooser.options))
    chooser.select_key(next(o.key for o in chooser.options if o.display_name == name))
    chooser.choose_button.click()
    _spin(lambda: flow.session is not None and flow.session.overlay is not None
          and flow.session.overlay.image is not None)
    return flow.session, seen


def bench_drag(letter: Path) -> dict[str, float]:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    window = _window(letter)
    session, _ = _session(window)
    tab = window.current_tab()
    view = tab.view
    view.set_zoom(2.0)
    view.go_to_page(0)
    overlay = session.overlay
    overlay.set_rect(0, type(overlay.rect)(100, 100, 300, 180))
    view.show_rect(0, overlay.rect)
    _spin(lambda: set(view.visible_pages()) <= tab.rendered_pages, 30)
    settle = time.monotonic() + 1.0  # the preview at the new zoom arrives first
    _spin(lambda: time.monotonic() > settle and not session._settle.isActive(), 30)
    renders = session.preview_renders
    viewport = view.viewport()
    start = view.page_rect_in_view(0, overlay.rect).center()

    def send(kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(kind, pos, viewport.mapToGlobal(pos), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)

    def drag(full: bool) -> list[float]:
        send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
        frames = []
        pos = start
        for i in range(200):
            pos = QPointF(start.x() + (i % 100) * 2.0, start.y() + (i % 50) * 1.5)
            t0 = time.perf_counter()
            send(QEvent.Type.MouseMove, pos, Qt.MouseButton.LeftButton)
            if full:
                viewport.repaint()  # the whole viewport, every page image in view
            else:
                # the queued update of the dirty region (old and new place), painted as
                # Qt does before the next mouse event
                QApplication.processEvents()
            frames.append((time.perf_counter() - t0) * 1000)
        send(QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
        return sorted(frames)

    result: dict[str, float] = {}
    for name, full in (("region", False), ("full_repaint", True)):
        frames = drag(full)
        result[f"{name}_median_ms"] = round(statistics.median(frames), 2)
        result[f"{name}_p95_ms"] = round(frames[int(len(frames) * 0.95)], 2)
    result["renders_during_drag"] = session.preview_renders - renders
    session.close()
    window.signing.flow.shutdown()
    window.close()
    return result


def bench_sign(letter: Path, made: Any, runs: int, work: Path) -> dict[str, Any]:
    from desktop_signer.signing import SignJob, sign_batch
    from desktop_signer.tokens import open_pkcs11_identity

    window_times, core_times = [], []
    for run in range(runs):
        # the window: Sign button -> PIN -> signed tab open
        copy = work / f"jendela-{run}.pdf"
        shutil.copyfile(letter, copy)
        window = _window(copy)
        session, seen = _session(window)
        opened: list[Any] = []
        window.documentOpened.connect(opened.append)
        t0 = time.perf_counter()
        session.panel.sign_button.click()
        _spin(lambda seen=seen: type(seen[-1]).__name__ == "PinDialog")
        pin = seen[-1]
        pin.pin_field.setText(made.pin)
        pin.ok_button.click()
        _spin(lambda opened=opened: any(t.path.endswith("_signed.pdf") for t in opened),
              120)
        window_times.append(time.perf_counter() - t0)
        window.signing.flow.shutdown()
        window.close()

        # the core: login + sign_batch of the same letter with the same kind of options
        copy = work / f"inti-{run}.pdf"
        shutil.copyfile(letter, copy)
        from desktop_signer import settings as settings_mod
        from desktop_signer.appearance import PlacementRequest
        from desktop_signer.appearance.profile import profile_from_settings
        from desktop_signer.journal import Journal
        from desktop_signer.signing.from_settings import options_from_settings

        settings = settings_mod.load().settings
        t0 = time.perf_counter()
        ident = made.identity("budi")
        identity = open_pkcs11_identity(made.module, pin=made.pin, token_label=ident.token,
                                        certificate=ident.key_id)
        try:
            profile = profile_from_settings(settings.profile, identity.certificate,
                                            training=True)
            options = options_from_settings(
                settings, level="B-B", reason="Disetujui", location="", footer=False,
                placement=PlacementRequest(anchor="#"), profile=profile)
            with Journal() as journal:
                batch = sign_batch(identity, [SignJob(copy, copy.with_name(
                    copy.stem + "_signed.pdf"))], options, journal=journal)
            assert batch.signed == 1, batch.results
        finally:
            identity.close()
        core_times.append(time.perf_counter() - t0)
    w, c = statistics.median(window_times), statistics.median(core_times)
    return {"window_s": round(w, 3), "core_s": round(c, 3), "ratio": round(w / c, 2),
            "window_runs": [round(x, 3) for x in window_times],
            "core_runs": [round(x, 3) for x in core_times]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="all", choices=("drag", "sign", "all"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="bench-sign-window-"))
    try:
        home = tmp / "home"
        for sub in ("config", "data", "site"):
            (home / sub).mkdir(parents=True)
        os.environ.update(XDG_CONFIG_HOME=str(home / "config"),
                          XDG_DATA_HOME=str(home / "data"),
                          XDG_CONFIG_DIRS=str(home / "site"), DESKTOP_SIGNER_LANG="id")
        from desktop_signer.training import setup
        from desktop_signer.training.services import TrainingServices

        made = setup.create(tmp / "latihan")
        os.environ["SOFTHSM2_CONF"] = made.softhsm_conf
        os.environ["DESKTOP_SIGNER_TRAINING_DIR"] = made.directory
        folder = home / "config" / "desktop-signer"
        folder.mkdir()
        (folder / "settings.json").write_text(json.dumps(
            {"training_mode": True, "pades_level": "B-B"}), "utf-8")
        letter = Path(made.directory) / "surat" / "surat-dinas-3-halaman.pdf"
        from ui.app import create_application

        app = create_application()
        out: dict[str, Any] = {"command": " ".join(sys.argv)}
        with TrainingServices(Path(made.directory), made.port):
            if args.mode in ("drag", "all"):
                out["drag"] = bench_drag(letter)
            if args.mode in ("sign", "all"):
                out["sign"] = bench_sign(letter, made, args.runs, tmp)
        print(json.dumps(out, indent=2))
        for window in app.topLevelWidgets():
            service = getattr(window, "service", None)
            if service is not None and hasattr(service, "shutdown"):
                service.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
