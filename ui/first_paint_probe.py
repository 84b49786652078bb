"""Start-up benchmark hook for builds that cannot run a Python script (a frozen bundle).

With ``DESKTOP_SIGNER_BENCH_FIRST_PAINT=1`` the window prints ``PAINTED <time.monotonic()>``
once page 1 of the first document has been painted with its rendered image, then quits:
the same end point as ``benchmarks/bench_startup.py``'s own child script
(``bench_startup.py --executable dist/.../desktop-signer``).
"""

from __future__ import annotations

import os
import time

from PySide6.QtWidgets import QApplication

from ui.document_tab import DocumentTab
from ui.main_window import MainWindow

ENV_VAR = "DESKTOP_SIGNER_BENCH_FIRST_PAINT"


def wanted() -> bool:
    return os.environ.get(ENV_VAR, "") == "1"


def install(window: MainWindow, app: QApplication) -> None:
    def check() -> None:
        tab = window.current_tab()
        if tab is not None and 0 in tab.rendered_pages:
            tab.view.viewport().repaint()  # page 1 is on screen now
            print(f"PAINTED {time.monotonic():.6f}", flush=True)
            app.exit(0)

    def opened(tab: DocumentTab) -> None:
        tab.stateChanged.connect(check)

    window.documentOpened.connect(opened)
    already = window.current_tab()
    if already is not None:
        opened(already)
