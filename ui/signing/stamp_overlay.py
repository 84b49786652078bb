"""The stamp on the page while it is being placed: drawn over the page view through the
view's overlay hook, moved and resized with the mouse or the keyboard.

Mouse: drag the stamp to move it, drag its corner handle to resize it, drag on an empty
part of a page to draw a new box there. Keyboard (the page view focused): arrows move by
2 pt (with Ctrl by 10 pt), Shift+arrows resize. Moving only repaints the old and the new
place; the picture is rendered again (by the core's stamp renderer, elsewhere) only when
the size changes (``sizeChanged``) or the zoom does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPen

from desktop_signer.render.models import Rect
from ui.page_view import PageView

HANDLE_PX = 10.0
MIN_SIDE = 20.0  # pt: smaller boxes are treated as a click
STEP, BIG_STEP = 2.0, 10.0


class StampOverlay(QObject):
    changed = Signal()  # moved or resized (every step)
    sizeChanged = Signal()  # the size settled (mouse released, key pressed)

    def __init__(self, view: PageView, page: int, rect: Rect) -> None:
        super().__init__(view)
        self.view = view
        self.page = page
        self.rect = rect
        self.image: QImage | None = None
        self.too_small = False
        self._mode = ""
        self._grab = (0.0, 0.0)
        self._start = (0.0, 0.0)
        self._size_at_press = (0.0, 0.0)
        view.add_overlay(self)
        view.installEventFilter(self)

    def remove(self) -> None:
        self.view.removeEventFilter(self)
        self.view.remove_overlay(self)
        self.view.viewport().unsetCursor()

    @property
    def size(self) -> tuple[float, float]:
        return self.rect.x1 - self.rect.x0, self.rect.y1 - self.rect.y0

    # --- drawing ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, page: int, target: QRectF, scale: float) -> None:
        if page != self.page:
            return
        r = self.rect
        box = QRectF(target.x() + r.x0 * scale, target.y() + r.y0 * scale,
                     (r.x1 - r.x0) * scale, (r.y1 - r.y0) * scale)
        if self.image is not None and not self.image.isNull():
            painter.drawImage(box, self.image)
        else:
            painter.fillRect(box, QColor(255, 255, 255, 200))
        colour = QColor("#b42318") if self.too_small else QColor("#1d4f91")
        pen = QPen(colour, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(box)
        handle = QRectF(box.right() - HANDLE_PX / 2, box.bottom() - HANDLE_PX / 2,
                        HANDLE_PX, HANDLE_PX)
        painter.fillRect(handle, colour)

    def _view_box(self) -> QRectF:
        return self.view.page_rect_in_view(self.page, self.rect)

    def _repaint(self, before: QRectF) -> None:
        pad = HANDLE_PX + 2
        area = before.united(self._view_box()).adjusted(-pad, -pad, pad, pad)
        self.view.viewport().update(area.toAlignedRect())

    # --- geometry ---------------------------------------------------------------------------

    def set_rect(self, page: int, rect: Rect) -> None:
        before = self._view_box()
        old_size = self.size
        self.page = page
        self.rect = self._clamped(page, rect)
        if page != self.view.current_page and page not in self.view.visible_pages():
            self.view.show_rect(page, self.rect)
        self.view.viewport().update()
        self._repaint(before)
        self.changed.emit()
        if self.size != old_size:
            self.sizeChanged.emit()

    def _clamped(self, page: int, rect: Rect) -> Rect:
        size = self.view.page_size(page)
        w = min(max(rect.x1 - rect.x0, 1.0), size.width)
        h = min(max(rect.y1 - rect.y0, 1.0), size.height)
        x0 = min(max(rect.x0, 0.0), size.width - w)
        y0 = min(max(rect.y0, 0.0), size.height - h)
        return Rect(x0, y0, x0 + w, y0 + h)

    def move_by(self, dx: float, dy: float) -> None:
        r = self.rect
        before = self._view_box()
        self.rect = self._clamped(self.page, Rect(r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy))
        self._repaint(before)
        self.changed.emit()

    def resize_by(self, dw: float, dh: float) -> None:
        r = self.rect
        w, h = self.size
        before = self._view_box()
        self.rect = self._clamped(self.page, Rect(r.x0, r.y0, r.x0 + max(w + dw, MIN_SIDE),
                                                  r.y0 + max(h + dh, MIN_SIDE)))
        self._repaint(before)
        self.changed.emit()
        self.sizeChanged.emit()

    # --- mouse ------------------------------------------------------------------------------

    def mouse_event(self, view: PageView, event: QMouseEvent) -> bool:
        kind = event.type()
        pos = event.position()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            return self._press(pos)
        if kind == QEvent.Type.MouseMove:
            if not self._mode:
                self._hover(pos)
                return False
            return self._drag(pos)
        if kind == QEvent.Type.MouseButtonRelease and self._mode:
            mode, self._mode = self._mode, ""
            if mode == "draw" and min(self.size) < MIN_SIDE:
                # a click on the page: the stamp goes there, with its former size
                w, h = self._size_at_press
                x, y = self._start
                self.set_rect(self.page, Rect(x - w / 2, y - h / 2, x + w / 2, y + h / 2))
            if self.size != self._size_at_press:
                self.sizeChanged.emit()
            view.setFocus()
            return True
        return False

    def _press(self, pos: QPointF) -> bool:
        found = self.view.page_point_at(pos)
        if found is None:
            return False
        page, x, y = found
        size = self.view.page_size(page)
        if not (0 <= x <= size.width and 0 <= y <= size.height):
            return False
        self._size_at_press = self.size
        box = self._view_box()
        if page == self.page and abs(pos.x() - box.right()) <= HANDLE_PX and \
                abs(pos.y() - box.bottom()) <= HANDLE_PX:
            self._mode = "resize"
        elif page == self.page and box.contains(pos):
            self._mode = "move"
            self._grab = (x - self.rect.x0, y - self.rect.y0)
        else:
            self._mode = "draw"
            self._start = (x, y)
            before = self._view_box()
            self.page = page
            self.rect = Rect(x, y, x + 1, y + 1)
            self._repaint(before)
            self.view.viewport().update()
        return True

    def _drag(self, pos: QPointF) -> bool:
        found = self.view.page_point_at(pos)
        if found is None:
            return True
        page, x, y = found
        before = self._view_box()
        r = self.rect
        if self._mode == "move":
            w, h = self.size
            if page != self.page:
                self.page = page
                self.view.viewport().update()
            gx, gy = self._grab
            self.rect = self._clamped(page, Rect(x - gx, y - gy, x - gx + w, y - gy + h))
        elif page == self.page and self._mode == "resize":
            self.rect = self._clamped(page, Rect(r.x0, r.y0, max(x, r.x0 + MIN_SIDE),
                                                 max(y, r.y0 + MIN_SIDE)))
        elif page == self.page and self._mode == "draw":
            sx, sy = self._start
            self.rect = self._clamped(page, Rect(min(sx, x), min(sy, y), max(sx, x),
                                                 max(sy, y)))
        self._repaint(before)
        self.changed.emit()
        return True

    def _hover(self, pos: QPointF) -> None:
        box = self._view_box()
        viewport = self.view.viewport()
        if abs(pos.x() - box.right()) <= HANDLE_PX and abs(pos.y() - box.bottom()) <= HANDLE_PX:
            viewport.setCursor(Qt.CursorShape.SizeFDiagCursor)
        elif box.contains(pos):
            viewport.setCursor(Qt.CursorShape.SizeAllCursor)
        else:
            viewport.setCursor(Qt.CursorShape.CrossCursor)

    # --- keyboard ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        direction = moves.get(Qt.Key(event.key()))
        if direction is None:
            return False
        mods = event.modifiers()
        step = BIG_STEP if mods & Qt.KeyboardModifier.ControlModifier else STEP
        dx, dy = direction[0] * step, direction[1] * step
        if mods & Qt.KeyboardModifier.ShiftModifier:
            self.resize_by(dx, dy)
        else:
            self.move_by(dx, dy)
        return True
