"""pytest-qt fixtures for the window: real rendering process, real files, isolated folders.

Each test gets its own config/data folders (``isolated_dirs``) and builds the window the
way ``desktop-signer`` does (``ui.app.build_window``). One rendering process serves the
whole session (starting one costs a few hundred milliseconds); tests that kill it get
their own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.render_service import RenderService

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "rahasia-123"


def _write(path: Path, pages: int, *, password: str | None = None) -> Path:
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 90), f"Surat latihan halaman {number}", fontsize=16)
        page.insert_text((72, 130), f"kata-unik-{number:03d}", fontsize=11)
        if number % 10 == 0:
            page.insert_text((72, 700), "kata berulang di halaman kelipatan sepuluh")
    options = {}
    if password:
        options = {"encryption": pymupdf.PDF_ENCRYPT_AES_256, "user_pw": password,
                   "owner_pw": password + "-pemilik"}
    doc.save(path, **options)
    doc.close()
    return path


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real files for every way a document can be good or bad."""
    folder = tmp_path_factory.mktemp("dokumen")
    files = {
        "letter": _write(folder / "surat-pendek.pdf", 3),
        "long": _write(folder / "laporan-60-halaman.pdf", 60),
        "locked": _write(folder / "surat-terkunci.pdf", 2, password=PASSWORD),
    }
    (folder / "bukan-pdf.pdf").write_text("Ini catatan rapat, bukan PDF.\n" * 30, "utf-8")
    files["not_pdf"] = folder / "bukan-pdf.pdf"
    (folder / "kosong.pdf").write_bytes(b"")
    files["empty"] = folder / "kosong.pdf"
    whole = files["long"].read_bytes()
    (folder / "terpotong.pdf").write_bytes(whole[: len(whole) // 2])
    files["truncated"] = folder / "terpotong.pdf"
    return files


@pytest.fixture(scope="session")
def shared_service(qapp: object) -> Iterator[RenderService]:
    service = RenderService()
    service.start()
    yield service
    service.shutdown()


@pytest.fixture(autouse=True)
def _isolated(isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the developer's settings; English unless a test says so."""
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")


@pytest.fixture
def configured(isolated_dirs: dict[str, Path]) -> Path:
    """A user settings file, so the window does not start in first-run training mode."""
    folder = isolated_dirs["config"] / "desktop-signer"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "settings.json"
    path.write_text(json.dumps({"revocation_hard_fail": False}), "utf-8")
    return path


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, shared_service: RenderService,
                configured: Path) -> Iterator[MakeWindow]:
    """Build the window as ``desktop-signer FILE ...`` does; closed after the test."""
    from ui.app import build_window

    windows: list[MainWindow] = []

    def make(files: list[Path] | None = None, *, service: RenderService | None = None,
             remember: bool = True) -> MainWindow:
        window = build_window([str(f) for f in files or []], remember=remember,
                              service=service or shared_service)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def wait_open(qtbot: QtBot, window: MainWindow, count: int = 1) -> None:
    qtbot.waitUntil(lambda: len([t for t in window.document_tabs() if t.is_open]) >= count,
                    timeout=15_000)


def wait_rendered(qtbot: QtBot, window: MainWindow) -> None:
    """Every page in view of the current tab has its sharp image."""

    def done() -> bool:
        tab = window.current_tab()
        if tab is None or not tab.is_open:
            return False
        visible = set(tab.view.visible_pages())
        return bool(visible) and visible <= tab.rendered_pages

    qtbot.waitUntil(done, timeout=15_000)
