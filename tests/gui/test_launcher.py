"""``desktop-signer`` as a user starts it: the screenshot option, no display, and a window
process that never loads PyMuPDF or pyHanko itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = [sys.executable, "-c", "from ui.launcher import main; raise SystemExit(main())"]


def environment(isolated_dirs: dict[str, Path], **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "DESKTOP_SIGNER_LANG")}
    env.update({"XDG_CONFIG_HOME": str(isolated_dirs["config"]),
                "XDG_DATA_HOME": str(isolated_dirs["data"]),
                "XDG_CONFIG_DIRS": str(isolated_dirs["site"])})
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(LAUNCHER + args, env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)


def test_screenshot_option_saves_the_rendered_window(tmp_path: Path,
                                                     isolated_dirs: dict[str, Path],
                                                     pdfs: dict[str, Path]) -> None:
    out = tmp_path / "jendela.png"
    done = run(["--screenshot", str(out), str(pdfs["letter"])],
               environment(isolated_dirs, QT_QPA_PLATFORM="offscreen",
                           DESKTOP_SIGNER_LANG="id"))
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1180, 820)
    # The page in the middle is drawn: dark text pixels on white, not an empty view.
    dark = sum(1 for x in range(300, 1100, 4) for y in range(150, 800, 4)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 50
    assert not (isolated_dirs["config"] / "desktop-signer" / "window.json").exists()


def test_screenshot_without_a_display_runs_offscreen(tmp_path: Path,
                                                     isolated_dirs: dict[str, Path],
                                                     pdfs: dict[str, Path]) -> None:
    out = tmp_path / "tanpa-layar.png"
    done = run(["--screenshot", str(out), str(pdfs["letter"])], environment(isolated_dirs))
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


def test_screenshot_needs_a_file_name(isolated_dirs: dict[str, Path]) -> None:
    done = run(["--screenshot"], environment(isolated_dirs))
    assert done.returncode == 64 and "--screenshot OUT.png" in done.stderr


@pytest.mark.parametrize(("language", "words"), [
    ("en", "this computer has no display"), ("id", "komputer ini tidak memiliki layar")])
def test_without_a_display_it_says_what_to_do(isolated_dirs: dict[str, Path], language: str,
                                              words: str) -> None:
    done = run([], environment(isolated_dirs, DESKTOP_SIGNER_LANG=language))
    assert done.returncode == 0
    assert words in done.stdout
    assert "QT_QPA_PLATFORM=offscreen desktop-signer --screenshot" in done.stdout
    assert "desktop-signer --help" in done.stdout


def test_commands_still_go_to_the_command_line(isolated_dirs: dict[str, Path]) -> None:
    done = run(["--version"], environment(isolated_dirs))
    assert done.returncode == 0 and done.stdout.startswith("desktop-signer ")


WINDOW_PROCESS = """
import sys
from pathlib import Path
def main():
    from PySide6.QtCore import QTimer
    from ui import app
    application = app.create_application()
    window = app.build_window([sys.argv[1]], remember=False)
    def check():
        tab = window.current_tab()
        if tab is not None and tab.is_open and 0 in tab.rendered_pages:
            heavy = sorted(m for m in sys.modules if m.split(".")[0] in
                           ("pymupdf", "fitz", "pyhanko", "pyhanko_certvalidator", "pkcs11",
                            "asn1crypto", "certomancer"))
            print("LOADED", heavy)
            application.exit(0)
    timer = QTimer(); timer.timeout.connect(check); timer.start(20)
    application.exec()
    window.service.shutdown()
if __name__ == "__main__":
    main()
"""


def test_the_window_process_never_loads_pdf_or_crypto_libraries(
    tmp_path: Path, isolated_dirs: dict[str, Path], pdfs: dict[str, Path],
) -> None:
    script = tmp_path / "jendela.py"
    script.write_text(WINDOW_PROCESS, "utf-8")
    done = subprocess.run([sys.executable, str(script), str(pdfs["long"])],
                          env=environment(isolated_dirs, QT_QPA_PLATFORM="offscreen"),
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout


def test_the_window_adopts_the_renderer_started_before_its_imports() -> None:
    # ui.launcher starts the rendering process before importing Qt (start-up speed); the
    # window must use that process rather than start a second one.
    from desktop_signer.render import client as render_client
    from ui.render_service import RenderService

    render_client.start_early()
    early = render_client._started_early
    assert early is not None and early.running
    service = RenderService()
    try:
        service.start()
        assert service._client is early
        assert render_client.take_started_early() is None  # adopted once
    finally:
        service.shutdown()
