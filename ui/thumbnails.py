"""Page thumbnails beside the preview. Only the thumbnails Qt actually paints are rendered:
``data()`` is asked for exactly the visible rows, so that is where missing ones are noted
and, a moment later, requested together."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop_signer.render.models import PageSize

THUMB_SIDE = 120  # logical pixels, longest side

ThumbSource = Callable[[int], "QImage | None"]
AnyIndex = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    thumbnailsNeeded = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: tuple[PageSize, ...] = ()
        self._source: ThumbSource = lambda page: None
        self._dpr = 1.0
        self._missing: list[int] = []
        self._flush = QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self._emit_missing)
        self._placeholder: dict[tuple[int, int], QPixmap] = {}
        self._framed_cache: dict[int, QPixmap] = {}

    def set_pages(self, sizes: Sequence[PageSize], source: ThumbSource, dpr: float) -> None:
        self.beginResetModel()
        self._sizes = tuple(sizes)
        self._source = source
        self._dpr = dpr
        self._framed_cache.clear()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._sizes)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Page %1").replace("%1", str(page + 1))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Page %1").replace("%1", str(page + 1))
        if role == Qt.ItemDataRole.DecorationRole:
            image = self._source(page)
            if image is None:
                if page not in self._missing:
                    self._missing.append(page)
                    self._flush.start()
                return QIcon(self._blank(page))
            framed = QIcon(self._framed(page, image))
            # The selection shows on the page number; the page itself stays readable.
            framed.addPixmap(self._framed(page, image), QIcon.Mode.Selected)
            return framed
        return None

    def image_arrived(self, page: int) -> None:
        self._framed_cache.pop(page, None)
        index = self.index(page)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def render_side(self) -> int:
        return round(THUMB_SIDE * self._dpr)

    def _emit_missing(self) -> None:
        pages, self._missing = self._missing, []
        if pages:
            self.thumbnailsNeeded.emit(pages)

    def _framed(self, page: int, image: QImage) -> QPixmap:
        """The page image with a thin border: white pages must not melt into the list."""
        pixmap = self._framed_cache.get(page)
        if pixmap is None:
            pixmap = QPixmap.fromImage(image)
            painter = QPainter(pixmap)
            painter.setPen(QColor("#9aa3ad"))
            painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
            painter.end()
            pixmap.setDevicePixelRatio(self._dpr)
            self._framed_cache[page] = pixmap
        return pixmap

    def _blank(self, page: int) -> QPixmap:
        size = self._sizes[page]
        longest = max(size.width, size.height, 1.0)
        w = max(round(THUMB_SIDE * size.width / longest), 8)
        h = max(round(THUMB_SIDE * size.height / longest), 8)
        key = (w, h)
        if key not in self._placeholder:
            pixmap = QPixmap(w, h)
            pixmap.fill(QColor("white"))
            painter = QPainter(pixmap)
            painter.setPen(QColor("#c3c8cf"))
            painter.drawRect(0, 0, w - 1, h - 1)
            painter.end()
            self._placeholder[key] = pixmap
        return self._placeholder[key]


class ThumbnailList(QListView):
    pageActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnails")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.setSpacing(6)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QListView#thumbnails { background: #e4e7eb; border: none; }")
        self.setMinimumWidth(THUMB_SIDE + 44)
        self.clicked.connect(lambda index: self.pageActivated.emit(index.row()))
        self.activated.connect(lambda index: self.pageActivated.emit(index.row()))

    def select_page(self, page: int) -> None:
        model = self.model()
        if model is None or not 0 <= page < model.rowCount():
            return
        index = model.index(page, 0)
        if self.currentIndex() != index:
            self.setCurrentIndex(index)
        self.scrollTo(index)
