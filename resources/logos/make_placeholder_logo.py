"""Regenerate ``bsre-logo-placeholder.svg`` and ``.png`` (our own artwork, not BSrE's logo).

The lettering is converted to outlines (from the bundled DejaVu Sans Condensed Bold) so the
SVG needs no font. Run from the repository root: ``.venv/bin/python
resources/logos/make_placeholder_logo.py``.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "DejaVuSansCondensed-Bold-DS.ttf"
NAVY = "#123f7a"
GOLD = "#d8a31a"


def text_path(text: str, size: float, centre_x: float, baseline: float) -> str:
    font = TTFont(FONT)
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    width = sum(glyphs[cmap[ord(c)]].width for c in text) * scale
    pen = SVGPathPen(glyphs)
    x = centre_x - width / 2
    for c in text:
        glyph = glyphs[cmap[ord(c)]]
        glyph.draw(TransformPen(pen, (scale, 0, 0, -scale, x, baseline)))
        x += glyph.width * scale
    return pen.getCommands()


def main() -> None:
    shield = "M60 3 L103 16 V46 C103 72 84 88 60 96 C36 88 17 72 17 46 V16 Z"
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="120" height="128" viewBox="0 0 120 128">
  <title>BSrE logo placeholder (Desktop Signer artwork; replace with the official file)</title>
  <path d="{shield}" fill="{NAVY}"/>
  <path d="M60 12 L95 22.5 V46 C95 67 80 80.5 60 87.5 C40 80.5 25 67 25 46 V22.5 Z"
        fill="none" stroke="{GOLD}" stroke-width="2.5"/>
  <path d="M41 49 L55 63 L81 35" fill="none" stroke="#ffffff" stroke-width="8"
        stroke-linecap="round" stroke-linejoin="round"/>
  <path d="{text_path("BSrE", 30, 60, 124)}" fill="{NAVY}"/>
</svg>
"""
    (HERE / "bsre-logo-placeholder.svg").write_text(svg, encoding="utf-8")
    doc = pymupdf.open(HERE / "bsre-logo-placeholder.svg")
    doc[0].get_pixmap(dpi=288, alpha=True).save(HERE / "bsre-logo-placeholder.png")


if __name__ == "__main__":
    main()
