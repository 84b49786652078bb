"""Composition root: the QApplication, settings, languages, the renderer and the window.

Start-up order is chosen for speed: the rendering process is started first (it imports
PyMuPDF in parallel while this process builds widgets); nothing imports pyHanko, python-
pkcs11 or the trust machinery until a dialog or action needs it.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_signer import __version__, paths
from ui import file_open_events, first_paint_probe
from ui.display import has_display
from ui.error_presenter import ErrorPresenter
from ui.i18n import Translations, choose_language
from ui.main_window import MainWindow
from ui.qt_compat import binding_problem
from ui.render_service import RenderService
from ui.resources import bsre_logo_path, translations_dir
from ui.settings_store import SettingsStore

SAMPLE_LETTERS_DIR = "contoh-surat"


def headless_message() -> str:
    """How to go on without a display, in the user's language."""
    from desktop_signer.settings import load

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    translator = QTranslator(app)
    if choose_language(load().settings.language) == "id" and translator.load(
            "desktop_signer_id", str(translations_dir())):
        QCoreApplication.installTranslator(translator)
    return QCoreApplication.translate(
        "Launcher",
        "Desktop Signer cannot open its window: this computer has no display (DISPLAY and "
        "WAYLAND_DISPLAY are not set).\n"
        "- To make a picture of the window without a display:\n"
        "    QT_QPA_PLATFORM=offscreen desktop-signer --screenshot window.png letter.pdf\n"
        "- To work from the command line: desktop-signer --help\n"
        "  (for example: desktop-signer training init, desktop-signer training info)")


def sample_letter() -> Path | None:
    """A sample letter to practise with: the training set-up's, else one written now."""
    from desktop_signer.training import active, letters

    existing = active.training_dir() / "surat" / letters.SURAT_FILE
    if existing.is_file():
        return existing
    target = paths.user_data() / SAMPLE_LETTERS_DIR / letters.SURAT_FILE
    if not target.is_file():
        try:
            letters.write_letters(target.parent)
        except OSError:
            return None
    return target


def create_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Desktop Signer")
    app.setApplicationDisplayName("Desktop Signer")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("desktop-signer")
    app.setDesktopFileName("id.desktopsigner.DesktopSigner")  # installers/linux: desktop entry
    logo = bsre_logo_path()
    if logo is not None:
        app.setWindowIcon(QIcon(str(logo)))
    return app


def build_window(files: list[str], *, remember: bool = True,
                 service: RenderService | None = None) -> MainWindow:
    """The window with its services; opens ``files`` (or, on a first run, a sample letter).

    ``remember=False`` (screenshots) leaves recent files and geometry untouched."""
    app = create_application()
    if service is None:
        service = RenderService(app)
        service.start()  # first: PyMuPDF loads in the child while we build widgets
    store = SettingsStore.load()
    # One set of catalogues per application: a second window must not stack its own.
    translations = app.findChild(Translations) or Translations(app)
    translations.apply(choose_language(store.settings.language))
    presenter = ErrorPresenter(app)
    window = MainWindow(store, translations, service, presenter,
                        remember=remember)
    to_open = list(files)
    if not to_open and store.first_run:
        letter = sample_letter()
        if letter is not None:
            to_open.append(str(letter))
    window.show()
    if to_open:
        window.open_paths(to_open)
    return window


def freeze_start_up_objects() -> None:
    """What start-up built (modules, Qt wrappers, the window) lives as long as the
    process: keep it out of the collector's full passes, which otherwise walk all of it
    again while a verdict arrives (a 60-80 ms pause of the GUI thread, measured with
    benchmarks/bench_panel.py). Called by :func:`run` only: tests build and drop many
    windows in one process, whose cycles must stay collectable."""
    gc.freeze()


def run(files: list[str], screenshot: str | None = None) -> int:
    if screenshot is None and not has_display():
        print(headless_message())
        return 0
    if screenshot is not None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application()
    problem = binding_problem()
    if problem is not None:
        print(QCoreApplication.translate(
            "Launcher", "Desktop Signer cannot start its window: %1. Install another "
            "version of PySide6, for example: .venv/bin/pip install "
            "\"pyside6-essentials!=6.12.0\"").replace("%1", problem), file=sys.stderr)
        return 1
    window = build_window(files, remember=screenshot is None and not first_paint_probe.wanted())
    freeze_start_up_objects()
    if first_paint_probe.wanted():  # benchmarks/bench_startup.py --executable
        first_paint_probe.install(window, app)
    file_open_events.install(app, window)  # macOS "Open With"
    if screenshot is not None:
        from ui.screenshot import ScreenshotTaker

        taker = ScreenshotTaker(window, Path(screenshot), app)
        taker.start()
    else:
        sys.excepthook = window.presenter.excepthook
    code = app.exec()
    window.service.shutdown()
    return code
