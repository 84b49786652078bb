"""The continuous page view: every page stacked vertically, drawn from cached images.

The view knows the pages' sizes (from the core) and draws what the cache holds; it never
renders. When the visible pages or the zoom change it emits ``pagesNeeded`` with the pages
it lacks at the current scale (visible ones first, then one ahead and one behind), and the
document tab asks the rendering process for them. Sharp on HiDPI screens: pages are
requested at zoom × devicePixelRatio and drawn 1:1 onto device pixels.

Zoom: 100 % is the page's real size on screen (1 pt = 1/72 inch at the screen's logical
DPI). Fit width and fit page follow the window's size.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from desktop_signer.render.models import PageSize, Rect

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
GAP = 12.0  # logical pixels between pages
MARGIN = 16.0
# Waiting for the window to stop resizing before asking for sharp pages at the new scale.
RESIZE_SETTLE_MS = 120

ImageSource = Callable[[int, float], "tuple[QImage | None, bool]"]


class PageOverlay(Protocol):
    """Something drawn over the pages and, optionally, driven by the mouse: the search
    highlights' cousins (a signature's outline, the stamp being placed, changed regions).

    Overlays are added with ``PageView.add_overlay``; they paint after the page image, in
    the order added. Mouse events go to the most recently added overlay first; one that
    returns True has consumed the event. Coordinates: ``PageView.page_point_at`` and
    ``PageView.page_rect_in_view`` convert between the viewport and page points (origin at
    the page's top-left corner as displayed, as ``Rect`` everywhere in the window)."""

    def paint(self, painter: QPainter, page: int, target: QRectF, scale: float) -> None:
        """Draw on ``page`` whose image fills ``target``; ``scale`` = view pixels per pt."""

    def mouse_event(self, view: PageView, event: QMouseEvent) -> bool:
        """A press, move, release or double click on the viewport; True = consumed."""


class ZoomMode(StrEnum):
    FIT_WIDTH = "fit_width"
    FIT_PAGE = "fit_page"
    CUSTOM = "custom"


class PageView(QAbstractScrollArea):
    pagesNeeded = Signal(float, list)  # render scale (px per pt), pages in priority order
    currentPageChanged = Signal(int)  # 0-based
    zoomChanged = Signal(float, str)  # zoom factor, ZoomMode

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self._sizes: tuple[PageSize, ...] = ()
        self._tops: list[float] = []
        self._content_width = 0.0
        self._content_height = 0.0
        self._mode = ZoomMode.FIT_WIDTH
        self._zoom = 1.0
        self._current = 0
        self._source: ImageSource = lambda page, scale: (None, False)
        self._highlights: dict[int, Sequence[Rect]] = {}
        self._active_hit: tuple[int, Rect] | None = None
        self._failed_pages: set[int] = set()
        self._overlays: list[PageOverlay] = []
        self._wheel_rest = 0
        self._request_timer = QTimer(self, singleShot=True, interval=0)
        self._request_timer.timeout.connect(self._emit_needed)
        self._settle_timer = QTimer(self, singleShot=True, interval=RESIZE_SETTLE_MS)
        self._settle_timer.timeout.connect(self._emit_needed)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setSingleStep(40)

    # --- what to show -----------------------------------------------------------------

    def set_pages(self, sizes: Sequence[PageSize], source: ImageSource) -> None:
        self._sizes = tuple(sizes)
        self._source = source
        self._failed_pages.clear()
        self._current = 0
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self._request_timer.start()

    def page_count(self) -> int:
        return len(self._sizes)

    def refresh(self) -> None:
        """New images arrived: draw them (and ask for what is still missing)."""
        self.viewport().update()

    def mark_failed(self, page: int) -> None:
        self._failed_pages.add(page)
        self.viewport().update()

    def set_highlights(self, hits: dict[int, Sequence[Rect]],
                       active: tuple[int, Rect] | None) -> None:
        self._highlights = hits
        self._active_hit = active
        self.viewport().update()

    # --- zoom -------------------------------------------------------------------------

    def add_overlay(self, overlay: PageOverlay) -> None:
        if overlay not in self._overlays:
            self._overlays.append(overlay)
            self.viewport().setMouseTracking(True)
        self.viewport().update()

    def remove_overlay(self, overlay: PageOverlay) -> None:
        if overlay in self._overlays:
            self._overlays.remove(overlay)
        self.viewport().update()

    def page_point_at(self, point: QPointF) -> tuple[int, float, float] | None:
        """The page under a viewport point and the point on it, in page points."""
        found = self._locate(point)
        if found is None:
            return None
        page, fx, fy = found
        size = self._sizes[page]
        return page, fx * size.width, fy * size.height

    def page_rect_in_view(self, page: int, rect: Rect) -> QRectF:
        """``rect`` (points on ``page``) in viewport coordinates."""
        x0, y0, _, _ = self._page_box(page)
        scale = self.px_per_point()
        return QRectF(x0 - self.horizontalScrollBar().value() + rect.x0 * scale,
                      y0 - self.verticalScrollBar().value() + rect.y0 * scale,
                      (rect.x1 - rect.x0) * scale, (rect.y1 - rect.y0) * scale)

    def page_size(self, page: int) -> PageSize:
        return self._sizes[page]

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def zoom_mode(self) -> ZoomMode:
        return self._mode

    def px_per_point(self) -> float:
        return self._zoom * self.logicalDpiX() / 72.0

    def render_scale(self) -> float:
        """Pixels per point on the device: what the rendering process is asked for."""
        return self.px_per_point() * self.devicePixelRatioF()

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        self._mode = mode
        self._apply_zoom(self._fit_zoom() if mode != ZoomMode.CUSTOM else self._zoom)

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        self._mode = ZoomMode.CUSTOM
        self._apply_zoom(min(max(factor, MIN_ZOOM), MAX_ZOOM), anchor)

    def zoom_in(self, anchor: QPointF | None = None) -> None:
        steps = [z for z in ZOOM_STEPS if z > self._zoom + 1e-3]
        self.set_zoom(steps[0] if steps else MAX_ZOOM, anchor)

    def zoom_out(self, anchor: QPointF | None = None) -> None:
        steps = [z for z in ZOOM_STEPS if z < self._zoom - 1e-3]
        self.set_zoom(steps[-1] if steps else MIN_ZOOM, anchor)

    def _fit_zoom(self) -> float:
        if not self._sizes:
            return 1.0
        unit = self.logicalDpiX() / 72.0
        avail_w = max(self.viewport().width() - 2 * MARGIN, 50.0)
        avail_h = max(self.viewport().height() - 2 * MARGIN, 50.0)
        if self._mode == ZoomMode.FIT_PAGE:
            size = self._sizes[min(self._current, len(self._sizes) - 1)]
            zoom = min(avail_w / size.width, avail_h / size.height) / unit
        else:
            zoom = avail_w / max(s.width for s in self._sizes) / unit
        return min(max(zoom, MIN_ZOOM), MAX_ZOOM)

    def _apply_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        spot = self._locate(anchor)
        self._zoom = zoom
        self._relayout()
        if spot is not None:
            page, fx, fy = spot
            x0, y0, w, h = self._page_box(page)
            self.horizontalScrollBar().setValue(round(x0 + fx * w - anchor.x()))
            self.verticalScrollBar().setValue(round(y0 + fy * h - anchor.y()))
        self.viewport().update()
        self.zoomChanged.emit(self._zoom, str(self._mode))
        self._request_timer.start()

    # --- navigation -------------------------------------------------------------------

    @property
    def current_page(self) -> int:
        return self._current

    def go_to_page(self, page: int) -> None:
        if not self._sizes:
            return
        page = min(max(page, 0), len(self._sizes) - 1)
        self.verticalScrollBar().setValue(round(self._tops[page] - MARGIN))
        self._set_current(page)
        if self._mode == ZoomMode.FIT_PAGE:
            self._apply_zoom(self._fit_zoom())
            self.verticalScrollBar().setValue(round(self._tops[page] - MARGIN))

    def next_page(self) -> None:
        self.go_to_page(self._current + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._current - 1)

    def show_rect(self, page: int, rect: Rect) -> None:
        """Scroll so that ``rect`` (points on ``page``) is in the middle of the view."""
        x0, y0, _, _ = self._page_box(page)
        scale = self.px_per_point()
        cx = x0 + (rect.x0 + rect.x1) / 2 * scale
        cy = y0 + (rect.y0 + rect.y1) / 2 * scale
        self.horizontalScrollBar().setValue(round(cx - self.viewport().width() / 2))
        self.verticalScrollBar().setValue(round(cy - self.viewport().height() / 2))
        self._set_current(page)

    def visible_pages(self) -> list[int]:
        if not self._sizes:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(bisect.bisect_right(self._tops, top) - 1, 0)
        pages = []
        for page in range(first, len(self._sizes)):
            if self._tops[page] > bottom:
                break
            _, y0, _, h = self._page_box(page)
            if y0 + h >= top:
                pages.append(page)
        return pages

    # --- layout -----------------------------------------------------------------------

    def _relayout(self) -> None:
        scale = self.px_per_point()
        self._tops = []
        y = MARGIN
        widest = 0.0
        for size in self._sizes:
            self._tops.append(y)
            y += size.height * scale + GAP
            widest = max(widest, size.width * scale)
        self._content_height = y - GAP + MARGIN if self._sizes else 0.0
        self._content_width = widest + 2 * MARGIN
        view = self.viewport().size()
        self.verticalScrollBar().setRange(0, max(0, round(self._content_height - view.height())))
        self.verticalScrollBar().setPageStep(max(view.height() - 40, 20))
        self.horizontalScrollBar().setRange(0, max(0, round(self._content_width - view.width())))
        self.horizontalScrollBar().setPageStep(max(view.width() - 40, 20))

    def _page_box(self, page: int) -> tuple[float, float, float, float]:
        """Page rectangle in content coordinates (logical pixels): x, y, width, height."""
        scale = self.px_per_point()
        size = self._sizes[page]
        w, h = size.width * scale, size.height * scale
        x = max((max(self._content_width, self.viewport().width()) - w) / 2, MARGIN)
        return x, self._tops[page], w, h

    def _locate(self, point: QPointF) -> tuple[int, float, float] | None:
        """Which page is under a viewport point, and where on it (fractions)."""
        if not self._sizes:
            return None
        cy = point.y() + self.verticalScrollBar().value()
        cx = point.x() + self.horizontalScrollBar().value()
        page = min(max(bisect.bisect_right(self._tops, cy) - 1, 0), len(self._sizes) - 1)
        x0, y0, w, h = self._page_box(page)
        return page, (cx - x0) / w if w else 0.0, (cy - y0) / h if h else 0.0

    # --- events -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._mode != ZoomMode.CUSTOM and self._sizes:
            spot = self._locate(QPointF(0, 0))
            self._zoom = self._fit_zoom()
            self._relayout()
            if spot is not None:
                self.verticalScrollBar().setValue(
                    round(self._page_box(spot[0])[1] + spot[2] * self._page_box(spot[0])[3]))
            self.zoomChanged.emit(self._zoom, str(self._mode))
        else:
            self._relayout()
        self._settle_timer.start()

    def _scrolled(self) -> None:
        self.viewport().update()
        pages = self.visible_pages()
        if pages:
            # The current page is the one that fills the middle of the view.
            middle = self.verticalScrollBar().value() + self.viewport().height() / 2
            current = min(max(bisect.bisect_right(self._tops, middle) - 1, 0),
                          len(self._sizes) - 1)
            self._set_current(current)
        self._request_timer.start()

    def _set_current(self, page: int) -> None:
        if page != self._current:
            self._current = page
            self.currentPageChanged.emit(page)

    def _emit_needed(self) -> None:
        visible = self.visible_pages()
        if not visible:
            return
        scale = self.render_scale()
        around = [p for p in (visible[-1] + 1, visible[0] - 1) if 0 <= p < len(self._sizes)]
        missing = [p for p in visible + around
                   if p not in self._failed_pages and not self._source(p, scale)[1]]
        self.pagesNeeded.emit(scale, missing)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Trackpads send many small deltas: zoom one step per notch (120 units).
            self._wheel_rest += event.angleDelta().y()
            while abs(self._wheel_rest) >= 120:
                if self._wheel_rest > 0:
                    self.zoom_in(event.position())
                    self._wheel_rest -= 120
                else:
                    self.zoom_out(event.position())
                    self._wheel_rest += 120
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(len(self._sizes) - 1)
        elif key == Qt.Key.Key_Space:
            bar = self.verticalScrollBar()
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            bar.setValue(bar.value() + (-1 if shift else 1) * bar.pageStep())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _to_overlays(self, event: QMouseEvent) -> bool:
        for overlay in reversed(self._overlays):
            if overlay.mouse_event(self, event):
                event.accept()
                return True
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._to_overlays(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._to_overlays(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._to_overlays(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self._to_overlays(event):
            super().mouseDoubleClickEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus frame is drawn by paintEvent

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        painter.fillRect(self.viewport().rect(), QColor("#e4e7eb"))
        scroll_x = self.horizontalScrollBar().value()
        scroll_y = self.verticalScrollBar().value()
        scale = self.render_scale()
        for page in self.visible_pages():
            x, y, w, h = self._page_box(page)
            target = QRectF(x - scroll_x, y - scroll_y, w, h)
            painter.fillRect(target.translated(2, 2), QColor(0, 0, 0, 40))
            painter.fillRect(target, Qt.GlobalColor.white)
            image, exact = self._source(page, scale)
            if image is not None:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not exact)
                painter.drawImage(target, image)
            elif page in self._failed_pages:
                painter.setPen(QColor("#8a1c1c"))
                painter.drawText(target, Qt.AlignmentFlag.AlignCenter, "⚠")
            self._paint_hits(painter, page, target)
            for overlay in self._overlays:
                painter.save()
                overlay.paint(painter, page, target, target.width() / self._sizes[page].width)
                painter.restore()
            painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
            painter.drawRect(target)
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_hits(self, painter: QPainter, page: int, target: QRectF) -> None:
        rects = self._highlights.get(page, ())
        if not rects:
            return
        scale = target.width() / self._sizes[page].width
        for rect in rects:
            box = QRectF(target.x() + rect.x0 * scale, target.y() + rect.y0 * scale,
                         (rect.x1 - rect.x0) * scale, (rect.y1 - rect.y0) * scale)
            active = self._active_hit is not None and self._active_hit == (page, rect)
            fill = QColor(255, 140, 0, 120) if active else QColor(255, 213, 0, 100)
            painter.fillRect(box, fill)
            if active:
                painter.setPen(QPen(QColor("#c25e00"), 2))
                painter.drawRect(box.adjusted(-1, -1, 1, 1))
