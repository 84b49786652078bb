"""``desktop-signer --screenshot OUT.png [FILE ...]``: a picture of the window, then exit.

Builds the window as a user would see it, opens the files, waits until every visible page
and thumbnail is rendered sharp (or the file failed) and the signatures are verified (the
banner shows its verdict), saves ``OUT.png`` and quits. README
pictures are made with it; ``QT_SCALE_FACTOR=2`` gives the HiDPI picture and
``DESKTOP_SIGNER_LANG=en`` the English one. Without a display it runs offscreen.

Readiness is checked whenever a tab reports progress; a limit stops a run that never
settles (exit code 1, nothing saved).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from ui.document_tab import DocumentTab
from ui.main_window import MainWindow

GIVE_UP_MS = 60_000


class ScreenshotTaker(QObject):
    def __init__(self, window: MainWindow, target: Path, app: QApplication) -> None:
        super().__init__(window)
        self.window = window
        self.target = target
        self.app = app
        self._done = False
        self._watched: set[int] = set()
        self._check = QTimer(self, singleShot=True, interval=0)
        self._check.timeout.connect(self._check_ready)
        self._limit = QTimer(self, singleShot=True, interval=GIVE_UP_MS)
        self._limit.timeout.connect(self._give_up)

    def start(self) -> None:
        self.window.documentOpened.connect(self._watch)
        for tab in self.window.document_tabs():
            self._watch(tab)
        self.window.tabs.currentChanged.connect(lambda _i: self._check.start())
        self.window.presenter.shown.connect(lambda _dialog: self._check.start())
        self._limit.start()
        self._check.start()

    def _watch(self, tab: DocumentTab) -> None:
        if id(tab) not in self._watched:
            self._watched.add(id(tab))
            tab.stateChanged.connect(self._check.start)
            validity = getattr(tab, "validity", None)
            if validity is not None:
                validity.changed.connect(self._check.start)
            tab.thumbnail_model.dataChanged.connect(lambda *_: self._check.start())
        self._check.start()

    def ready(self) -> bool:
        tabs = self.window.document_tabs()
        if any(not tab.is_open for tab in tabs):
            return False  # still opening (failed ones are removed from the window)
        tab = self.window.current_tab()
        if tab is None:
            return True
        visible = set(tab.view.visible_pages())
        if not visible or not visible <= tab.rendered_pages:
            return False
        return thumbnails_ready(tab) and verification_finished(tab)

    def _check_ready(self) -> None:
        if self._done or not self.ready():
            return
        self._done = True
        # One more turn of the event loop so the last image is painted before grabbing.
        QTimer.singleShot(0, self._save)

    def _save(self) -> None:
        image = self.window.grab()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(self.target)):
            print(f"desktop-signer: could not write {self.target}", file=sys.stderr)
            self.app.exit(1)
            return
        self.app.exit(0)

    def _give_up(self) -> None:
        if not self._done:
            self._done = True
            print("desktop-signer: the window did not finish rendering; no screenshot saved",
                  file=sys.stderr)
            self.app.exit(1)


def verification_finished(tab: DocumentTab) -> bool:
    """The banner shows a verdict (or that the check failed), not "checking…"."""
    validity = getattr(tab, "validity", None)
    return validity is None or bool(validity.finished)


def thumbnails_ready(tab: DocumentTab) -> bool:
    """Every thumbnail in view has its image (not the blank placeholder)."""
    view = tab.thumbnails
    if not view.isVisible():
        return True
    model = tab.thumbnail_model
    area = view.viewport().rect()
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row))
        if rect.intersects(area) and tab.thumbnail_image(row) is None:
            return False
    return True

