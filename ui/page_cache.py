"""Rendered pages kept in memory, least recently used first out, within a byte budget.

Keys name the document, the kind (page or thumbnail), the page and the scale it was
rendered at. While a new zoom is being rendered the view draws the closest image it has
(:meth:`PageCache.any_for`), stretched, so zooming never shows empty pages.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QImage

Key = tuple[int, str, int, float]  # doc, kind, page, requested scale or size

DEFAULT_BUDGET = 384 * 1024 * 1024


def scale_key(scale: float) -> float:
    # Fit-width scales are arbitrary floats; three decimals keep keys stable between the
    # request and the answer (which travels through JSON) without caching near-duplicates.
    return round(scale, 3)


class PageCache:
    def __init__(self, budget_bytes: int = DEFAULT_BUDGET) -> None:
        self.budget = budget_bytes
        self._images: OrderedDict[Key, QImage] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._images)

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def get(self, doc: int, kind: str, page: int, scale: float) -> QImage | None:
        key = (doc, kind, page, scale_key(scale))
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def has(self, doc: int, kind: str, page: int, scale: float) -> bool:
        return (doc, kind, page, scale_key(scale)) in self._images

    def any_for(self, doc: int, kind: str, page: int, scale: float) -> QImage | None:
        """The image of that page whose scale is closest to ``scale``, if any."""
        best: QImage | None = None
        best_distance = float("inf")
        for (d, k, p, s), image in self._images.items():
            if d == doc and k == kind and p == page and abs(s - scale) < best_distance:
                best, best_distance = image, abs(s - scale)
        return best

    def put(self, doc: int, kind: str, page: int, scale: float, image: QImage) -> None:
        key = (doc, kind, page, scale_key(scale))
        old = self._images.pop(key, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()
        self._images[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self.budget and len(self._images) > 1:
            _, dropped = self._images.popitem(last=False)
            self._bytes -= dropped.sizeInBytes()

    def drop_document(self, doc: int) -> None:
        for key in [k for k in self._images if k[0] == doc]:
            self._bytes -= self._images.pop(key).sizeInBytes()
