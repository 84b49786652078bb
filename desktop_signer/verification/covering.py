"""Does an annotation added after signing cover signed content? Decided from pixels.

The rule (also in :mod:`.policy` and README "## Verification"): compare, inside the region an
added annotation changed, the page as it was signed (signed revision, annotations of that
revision drawn) with the page as displayed now. Signed *ink* is a pixel clearly darker than
paper (luma at most :data:`INK_LUMA`). The annotation covers signed content when either

* **hidden ink**: signed ink pixels that now show another colour that is not just darker
  (a white box, a filled square, a stamp image, an opaque sticky note, a thick stroke) number
  at least :data:`HIDDEN_SHARE` of the signed ink around the region; or
* **overdrawn text**: new ink on paper right next to signed ink (within one pixel) amounts
  to at least :data:`OVERDRAWN_SHARE` of the signed ink around the region: text or strokes
  drawn over the signed text, even without a box.

"Around the region" is the changed region grown by :data:`CONTEXT` pixels, so that a thin
line through a line of text is judged against that text, not only against the pixels it
touches; both counts also need :data:`MIN_PIXELS`.

What stays a warning (``annotations_after_signing``): a region with no signed ink under it
(a sticky-note icon or a comment in an empty margin), markup that only darkens (highlight
is drawn with the Multiply blend mode: ink stays ink), an underline, a strike-out or a thin
pen line through the text and a link border (thin lines: the text stays legible). The
decision is about what is drawn, not about the annotation's subtype. Rendering is 72 dpi
(:mod:`.visual`).
"""

from __future__ import annotations

INK_LUMA = 160  # 0..255: darker than this is ink (text, lines, images)
PAPER_LUMA = 200  # lighter than this is paper
CHANGE = 80  # a channel moving this much is another colour
HIDDEN_SHARE = 0.3
OVERDRAWN_SHARE = 0.25
MIN_PIXELS = 6
CONTEXT = 4  # pixels around a changed region whose signed ink it is judged against
MAX_SAMPLES = 250_000  # larger regions are sampled (every second pixel in both directions)

PixelBox = tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive), top-left origin


def _grown(box: PixelBox, by: int, width: int, height: int) -> PixelBox:
    return (max(0, box[0] - by), max(0, box[1] - by), min(width, box[2] + by),
            min(height, box[3] + by))


def _luma(r: int, g: int, b: int) -> int:
    return (299 * r + 587 * g + 114 * b) // 1000


def covers_signed_content(
    signed: bytes, current: bytes, width: int, height: int, n: int, box: PixelBox
) -> bool:
    """Whether the change inside ``box`` hides or overdraws signed ink (see module doc).
    ``signed`` and ``current`` are RGB(A) samples of the same geometry."""
    x0, y0, x1, y1 = _grown(box, 1, width, height)
    area = (x1 - x0) * (y1 - y0)
    step = 2 if area > MAX_SAMPLES else 1
    stride = width * n

    def luma_at(samples: bytes, x: int, y: int) -> int:
        i = y * stride + x * n
        return _luma(samples[i], samples[i + 1], samples[i + 2])

    def ink_at(x: int, y: int) -> bool:
        return luma_at(signed, x, y) <= INK_LUMA

    # the signed content around the change: a thin line through a text line is judged
    # against the whole line's ink, not only the pixels it touches
    cx0, cy0, cx1, cy1 = _grown(box, CONTEXT, width, height)
    ink = sum(
        1 for y in range(cy0, cy1, step) for x in range(cx0, cx1, step) if ink_at(x, y)
    )
    hidden = overdrawn = 0
    for y in range(y0, y1, step):
        row = y * stride
        for x in range(x0, x1, step):
            i = row + x * n
            sr, sg, sb = signed[i], signed[i + 1], signed[i + 2]
            cr, cg, cb = current[i], current[i + 1], current[i + 2]
            s_luma = _luma(sr, sg, sb)
            if s_luma <= INK_LUMA:
                moved = max(abs(cr - sr), abs(cg - sg), abs(cb - sb))
                lighter = max(cr - sr, cg - sg, cb - sb)
                if moved >= CHANGE and lighter > 24:
                    hidden += 1
            elif s_luma >= PAPER_LUMA and _luma(cr, cg, cb) <= INK_LUMA and any(
                ink_at(nx, ny)
                for ny in range(max(0, y - 1), min(height, y + 2))
                for nx in range(max(0, x - 1), min(width, x + 2))
            ):
                overdrawn += 1
    if ink < MIN_PIXELS:
        return False
    return (hidden >= MIN_PIXELS and hidden >= HIDDEN_SHARE * ink) or (
        overdrawn >= MIN_PIXELS and overdrawn >= OVERDRAWN_SHARE * ink
    )
