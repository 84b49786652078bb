"""The stamp's embedded fonts: shaping (HarfBuzz), measuring and drawing text.

pyHanko's :class:`GlyphAccumulator` embeds a subset of an OpenType font and shapes text
with HarfBuzz (so combining diacritics and Arabic joining work). Its engines are created at
size 1 and text is scaled with the text matrix, so one subset per face and writer serves
every font size in the stamp and the footer.
"""

from __future__ import annotations

import io
import unicodedata
import weakref
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from fontTools import ttLib
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.content import PdfContent, ResourceType
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.writer import BasePdfFileWriter

from desktop_signer.appearance import resources
from desktop_signer.appearance.errors import AppearanceError

REGULAR = "/DSRegular"
BOLD = "/DSBold"


@dataclass(frozen=True)
class _FontFile:
    data: bytes
    codepoints: frozenset[int]
    units_per_em: int


@cache
def _font_file(path: Path) -> _FontFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AppearanceError("font_missing", str(exc), path=str(path)) from exc
    tt = ttLib.TTFont(io.BytesIO(data), lazy=True)
    return _FontFile(data, frozenset(tt.getBestCmap()), int(tt["head"].unitsPerEm))


class _LeanGlyphAccumulator(GlyphAccumulator):
    """Drops the layout tables before subsetting: the PDF subset does not need them (the
    text is already shaped), and decoding them would cost most of the subsetting time."""

    def _extract_subset(self, options: Any = None) -> None:
        for tag in ("GPOS", "GSUB", "GDEF"):
            if tag in self.tt:
                del self.tt[tag]
        super()._extract_subset(options)


@cache
def _hb_font(path: Path) -> hb.Font:
    return hb.Font(hb.Face(_font_file(path).data))


def font_path(bold: bool) -> Path:
    return resources.resource(resources.FONT_BOLD if bold else resources.FONT_REGULAR)


@lru_cache(maxsize=4096)
def _em_width(text: str, bold: bool) -> float:
    path = font_path(bold)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(_hb_font(path), buf)
    advance = float(sum(p.x_advance for p in buf.glyph_positions))
    return advance / _font_file(path).units_per_em


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Advance width of ``text`` at ``size`` pt, shaped (kerning and joining count)."""
    return _em_width(normalise(text), bold) * size


def missing_characters(*texts: str) -> str:
    """Characters the bundled faces cannot draw (spaces and format characters excepted)."""
    missing: set[str] = set()
    for bold in (False, True):
        codepoints = _font_file(font_path(bold)).codepoints
        for text in texts:
            missing |= {c for c in normalise(text) if ord(c) not in codepoints
                        and unicodedata.category(c) not in ("Cf", "Zs", "Cc")}
    return "".join(sorted(missing))


def check_characters(*texts: str) -> None:
    chars = missing_characters(*texts)
    if chars:
        raise AppearanceError("unsupported_characters", chars, chars=chars)


class FontFace:
    """One embedded font (a subset, written when the writer writes) for one writer."""

    def __init__(self, writer: BasePdfFileWriter, bold: bool) -> None:
        self.resource_name = BOLD if bold else REGULAR
        data = _font_file(font_path(bold)).data
        self._engine = _LeanGlyphAccumulator(writer, io.BytesIO(data), 1)

    def show(self, content: PdfContent, text: str, size: float, x: float, y: float) -> bytes:
        """Operators drawing ``text`` with its baseline starting at (x, y)."""
        content.set_resource(ResourceType.FONT, generic.NameObject(self.resource_name),
                             self._engine.as_resource())
        shaped = self._engine.shape(normalise(text))
        return b"BT %s 1 Tf %g 0 0 %g %g %g Tm %s ET" % (
            self.resource_name.encode("ascii"), size, size, x, y, shaped.graphics_ops)


def normalise(text: str) -> str:
    """NFC, so "S" + combining dot and "Ṡ" draw (and measure) the same."""
    return unicodedata.normalize("NFC", text)


class StampFonts:
    """The regular and bold faces for one writer (created once per writer)."""

    def __init__(self, writer: BasePdfFileWriter) -> None:
        self.regular = FontFace(writer, bold=False)
        self.bold = FontFace(writer, bold=True)

    def face(self, bold: bool) -> FontFace:
        return self.bold if bold else self.regular


_by_writer: weakref.WeakKeyDictionary[BasePdfFileWriter, StampFonts] = (
    weakref.WeakKeyDictionary()
)


def fonts_for(writer: BasePdfFileWriter) -> StampFonts:
    fonts = _by_writer.get(writer)
    if fonts is None:
        fonts = _by_writer[writer] = StampFonts(writer)
    return fonts
