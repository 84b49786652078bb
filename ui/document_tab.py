"""One open document: thumbnails, the page view, the search bar and its state.

The tab asks the shared :class:`~ui.render_service.RenderService` for what its views need
and keeps the answers in the window's shared :class:`~ui.page_cache.PageCache`. Failures of
the user's actions (open, reload) go to the error presenter; lasting states (file deleted
on disk, renderer stopped, repaired file) are shown in the tab's message bar.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QInputDialog, QLineEdit, QSplitter, QVBoxLayout, QWidget

from desktop_signer.render.errors import DocumentError, Problem
from desktop_signer.render.models import DocumentInfo, Rect, SearchHit
from ui.error_presenter import ErrorPresenter
from ui.find_bar import FindBar
from ui.message_bar import MessageBar
from ui.messages import Action
from ui.page_cache import PageCache
from ui.page_view import PageView, ZoomMode
from ui.render_service import RenderService
from ui.thumbnails import ThumbnailList, ThumbnailModel

_searches = itertools.count(1)


@dataclass(frozen=True)
class FileStamp:
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> FileStamp | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns)


class DocumentTab(QWidget):
    opened = Signal(object)  # self, after the document is shown
    openFailed = Signal(object)  # self; the window closes the tab
    passwordRequested = Signal(object)  # the QInputDialog (tests answer it)
    stateChanged = Signal()  # page, zoom or search state changed: update toolbar

    def __init__(self, path: str, service: RenderService, cache: PageCache,
                 presenter: ErrorPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentTab")
        self.path = str(Path(path).absolute())
        self.info: DocumentInfo | None = None
        self.doc = service.new_document_id()
        self._service = service
        self._cache = cache
        self._presenter = presenter
        self._password: str | None = None
        self._action = Action.OPEN
        self._stamp: FileStamp | None = None
        self._search_id = 0
        self._search_done = True
        self._pages_searched = 0
        self._hits: list[tuple[int, Rect]] = []
        self._hit_index = -1
        self._rendered_pages: set[int] = set()
        self._bar_state: str | None = None
        self._failed_page = 0
        # True from an open (or reload) request until its answer: pages asked for meanwhile
        # would be rendered from the new file with the old page list, and failures that
        # arrive meanwhile belong to the old version.
        self._opening = False

        self.message_bar = MessageBar(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.view = PageView(self)
        self.thumbnail_model = ThumbnailModel(self)
        self.thumbnails = ThumbnailList(self)
        self.thumbnails.setModel(self.thumbnail_model)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.thumbnails)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.thumbnails.minimumWidth(), 1000])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.view)

        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        service.opened.connect(self._opened)
        service.failed.connect(self._failed)
        service.rendered.connect(self._rendered)
        service.found.connect(self._found)
        service.stopped.connect(self._renderer_stopped)
        self.view.pagesNeeded.connect(self._pages_needed)
        self.view.currentPageChanged.connect(self._page_changed)
        self.view.zoomChanged.connect(lambda *_: self.stateChanged.emit())
        self.thumbnail_model.thumbnailsNeeded.connect(self._thumbnails_needed)
        self.thumbnails.pageActivated.connect(self.view.go_to_page)
        self.find_bar.searchRequested.connect(self.search)
        self.find_bar.nextRequested.connect(self.next_hit)
        self.find_bar.previousRequested.connect(self.previous_hit)
        self.find_bar.closed.connect(self._search_closed)
        self.retranslate()

    # --- opening ----------------------------------------------------------------------

    @property
    def title(self) -> str:
        return Path(self.path).name

    @property
    def is_open(self) -> bool:
        return self.info is not None

    @property
    def rendered_pages(self) -> frozenset[int]:
        """Pages whose image at the current zoom has arrived (tests, screenshot tool)."""
        return frozenset(self._rendered_pages)

    @property
    def password(self) -> str | None:
        """The password the document was (last asked to be) opened with; None if none."""
        return self._password

    def open(self, password: str | None = None) -> None:
        self._password = password
        self._stamp = FileStamp.of(self.path)
        self._opening = True
        self._service.open(self.doc, self.path, password)

    def reload(self) -> None:
        self._action = Action.RELOAD
        self._cache.drop_document(self.doc)
        self._rendered_pages.clear()
        self._show_bar(None)
        self.open(self._password)

    def close_document(self) -> None:
        self._service.close_document(self.doc)
        self._cache.drop_document(self.doc)
        for path in self._watcher.files():
            self._watcher.removePath(path)

    def _opened(self, doc: int, info: DocumentInfo) -> None:
        if doc != self.doc:
            return
        keep_page = self.view.current_page if self.info is not None else 0
        self._opening = False
        self.info = info
        self._rendered_pages.clear()
        self.view.set_pages(info.page_sizes, self._page_image)
        self.thumbnail_model.set_pages(info.page_sizes, self.thumbnail_image,
                                       self.devicePixelRatioF())
        if keep_page:
            self.view.go_to_page(keep_page)
        if self.path not in self._watcher.files():
            self._watcher.addPath(self.path)
        if info.repaired:
            self._show_bar("repaired")
        else:
            self._show_bar(None)
        self._action = Action.OPEN
        self.opened.emit(self)
        self.stateChanged.emit()

    def _failed(self, doc: int, op: str, error: DocumentError) -> None:
        if doc != self.doc:
            return
        if op == "render":
            if self._opening:
                return  # a page of the version being replaced
            page = error.params.get("page")
            if isinstance(page, int):
                self.view.mark_failed(page)
                self._failed_page = page
                self._show_bar("page_failed")
            return
        self._opening = False
        if error.code in (Problem.PASSWORD_REQUIRED, Problem.WRONG_PASSWORD):
            self._ask_password(wrong=error.code == Problem.WRONG_PASSWORD)
            return
        if self.info is not None and self._action == Action.RELOAD:
            # The old view stays usable; say why it could not be refreshed.
            self._presenter.present(self.window(), error, Action.RELOAD)
            self._show_file_problem()
            return
        self._presenter.present(self.window(), error, self._action)
        self.openFailed.emit(self)

    def _ask_password(self, wrong: bool) -> None:
        dialog = QInputDialog(self.window())
        dialog.setObjectName("passwordDialog")
        dialog.setWindowTitle(self.tr("Password required"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        text = self.tr("“%1” is protected with a password. Enter the password to open it:") \
            if not wrong else self.tr("The password is not correct. Enter the password for "
                                      "“%1” again:")
        dialog.setLabelText(text.replace("%1", self.title))
        dialog.setOkButtonText(self.tr("Open"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda password: self.open(password))
        dialog.rejected.connect(lambda: self.openFailed.emit(self) if self.info is None else None)
        dialog.open()
        self.passwordRequested.emit(dialog)

    # --- files changing under us --------------------------------------------------------

    def _file_changed(self, path: str) -> None:
        if path != self.path:
            return
        stamp = FileStamp.of(self.path)
        if stamp is not None and stamp == self._stamp:
            return
        if stamp is not None and self.path not in self._watcher.files():
            self._watcher.addPath(self.path)  # replaced by a rename: watch the new file
        self._show_file_problem()

    def _show_file_problem(self) -> None:
        self._show_bar("file_problem")

    def _renderer_stopped(self, detail: str) -> None:
        if self.info is None:
            self._presenter.present(self.window(), DocumentError(
                Problem.RENDERER_STOPPED, detail, path=self.path), self._action)
            self.openFailed.emit(self)
            return
        self._show_bar("renderer_stopped")

    def _show_bar(self, state: str | None) -> None:
        """Show (or with None hide) a lasting state; shown again in a new language."""
        self._bar_state = state
        if state is None:
            self.message_bar.hide()
            return
        reload_action = [(self.tr("Reload"), self.reload)]
        if state == "repaired":
            self.message_bar.show_message("warning", self.tr(
                "This file is damaged; Desktop Signer repaired it to show it. What you see may "
                "differ from other PDF readers. Ask the sender for a new copy before signing."))
        elif state == "page_failed":
            self.message_bar.show_message("warning", self.tr(
                "Page %1 could not be shown; the document may be damaged there.")
                .replace("%1", str(self._failed_page + 1)))
        elif state == "renderer_stopped":
            self.message_bar.show_message("error", self.tr(
                "The preview stopped unexpectedly. Reload the document to continue."),
                reload_action)
        elif state == "file_problem":
            exists = os.path.exists(self.path)
            readable = os.path.isfile(self.path) and os.access(self.path, os.R_OK)
            if not exists:
                text = self.tr("The file was deleted or moved. The preview shows the document "
                               "as it was when it was opened; it cannot be signed from here.")
            elif not readable:
                text = self.tr("The file can no longer be read. The preview shows the "
                               "document as it was when it was opened.")
            else:
                text = self.tr("The file was changed by another program. Reload it to see "
                               "the current version.")
            self.message_bar.show_message("error" if not readable else "warning", text,
                                          reload_action)

    @property
    def bar_state(self) -> str | None:
        return self._bar_state

    # --- pages --------------------------------------------------------------------------

    def _page_image(self, page: int, scale: float) -> tuple[QImage | None, bool]:
        exact = self._cache.get(self.doc, "page", page, scale)
        if exact is not None:
            return exact, True
        return self._cache.any_for(self.doc, "page", page, scale), False

    def thumbnail_image(self, page: int) -> QImage | None:
        return self._cache.get(self.doc, "thumb", page, self.thumbnail_model.render_side())

    def _pages_needed(self, scale: float, pages: list[int]) -> None:
        if self.info is not None and not self._opening:
            self._service.want_pages(self.doc, scale, pages)

    def _thumbnails_needed(self, pages: list[int]) -> None:
        if self.info is not None and not self._opening and self.thumbnails.isVisible():
            self._service.want_thumbnails(self.doc, self.thumbnail_model.render_side(), pages)

    def _rendered(self, doc: int, kind: str, requested: float, page: int,
                  image: QImage) -> None:
        if doc != self.doc or self._opening:
            return  # not ours, or a page of the version being replaced
        self._cache.put(doc, kind, page, requested, image)
        if kind == "thumb":
            self.thumbnail_model.image_arrived(page)
            return
        if abs(requested - self.view.render_scale()) < 1e-3:
            self._rendered_pages.add(page)
        self.view.refresh()
        self.stateChanged.emit()

    def _page_changed(self, page: int) -> None:
        self.thumbnails.select_page(page)
        self.stateChanged.emit()

    def set_thumbnails_visible(self, visible: bool) -> None:
        self.thumbnails.setVisible(visible)

    # --- zoom and navigation (the window's actions call these) --------------------------

    def zoom_in(self) -> None:
        self._rendered_pages.clear()
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self._rendered_pages.clear()
        self.view.zoom_out()

    def set_zoom(self, factor: float) -> None:
        self._rendered_pages.clear()
        self.view.set_zoom(factor)

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        self._rendered_pages.clear()
        self.view.set_zoom_mode(mode)

    # --- search -------------------------------------------------------------------------

    def start_find(self) -> None:
        self.find_bar.open_bar()

    @property
    def hits(self) -> list[tuple[int, Rect]]:
        return list(self._hits)

    @property
    def hit_index(self) -> int:
        return self._hit_index

    @property
    def search_done(self) -> bool:
        return self._search_done

    def search(self, text: str) -> None:
        if self.info is None:
            return
        self._hits = []
        self._hit_index = -1
        self._search_id = next(_searches)
        self._pages_searched = 0
        self.view.set_highlights({}, None)
        if not text.strip():
            self._service.stop_search(self.doc)
            self._search_done = True
            self.find_bar.set_status("")
            return
        self._search_done = False
        self.find_bar.set_status(self.tr("Searching…"))
        self._service.search(self.doc, self._search_id, text)

    def _found(self, doc: int, search: int, hits: tuple[SearchHit, ...], pages_searched: int,
               done: bool) -> None:
        if doc != self.doc or search != self._search_id:
            return
        had_none = not self._hits
        for hit in hits:
            self._hits.extend((hit.page, rect) for rect in hit.rects)
        self._pages_searched = pages_searched
        self._search_done = done
        if had_none and self._hits:
            self._hit_index = self._first_hit_from(self.view.current_page)
            self._show_hit()
        self._update_highlights()
        self._update_find_status()

    def _first_hit_from(self, page: int) -> int:
        for index, (hit_page, _) in enumerate(self._hits):
            if hit_page >= page:
                return index
        return 0

    def next_hit(self) -> None:
        if self._hits:
            self._hit_index = (self._hit_index + 1) % len(self._hits)
            self._show_hit()

    def previous_hit(self) -> None:
        if self._hits:
            self._hit_index = (self._hit_index - 1) % len(self._hits)
            self._show_hit()

    def _show_hit(self) -> None:
        page, rect = self._hits[self._hit_index]
        self.view.show_rect(page, rect)
        self._update_highlights()
        self._update_find_status()

    def _update_highlights(self) -> None:
        by_page: dict[int, list[Rect]] = {}
        for page, rect in self._hits:
            by_page.setdefault(page, []).append(rect)
        active = self._hits[self._hit_index] if 0 <= self._hit_index < len(self._hits) else None
        self.view.set_highlights(by_page, active)

    def _update_find_status(self) -> None:
        total = self.info.page_count if self.info else 0
        if not self._hits and self._search_done:
            text = self.tr("Not found")
        elif not self._hits:
            text = self.tr("Searching… page %1 of %2").replace("%1", str(self._pages_searched))\
                .replace("%2", str(total))
        else:
            text = self.tr("Match %1 of %2").replace("%1", str(self._hit_index + 1))\
                .replace("%2", str(len(self._hits)))
            if not self._search_done:
                text += " " + self.tr("(still searching)")
        self.find_bar.set_status(text)
        self.stateChanged.emit()

    def _search_closed(self) -> None:
        self._service.stop_search(self.doc)
        self._hits = []
        self._hit_index = -1
        self.view.set_highlights({}, None)
        self.view.setFocus()

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        if self._bar_state is not None:
            self._show_bar(self._bar_state)
        self.view.setAccessibleName(self.tr("Document preview"))
        self.thumbnails.setAccessibleName(self.tr("Page thumbnails"))
        if self._hits or not self._search_done:
            self._update_find_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
