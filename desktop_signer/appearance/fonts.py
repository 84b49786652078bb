"""The stamp's embedded fonts: shaping (HarfBuzz), measuring and drawing text.

pyHanko's :class:`GlyphAccumulator` embeds a subset of an OpenType font and shapes text
with HarfBuzz (so combining diacritics and Arabic joining work). Its engines are created at
size 1 and text is scaled with the text matrix, so one subset per face and writer serves
every font size in the stamp and the footer.
"""

from __future__ import annotations

import hashlib
import io
import threading
import unicodedata
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from fontTools import ttLib
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.content import PdfContent, ResourceType
from pyhanko.pdf_utils.font.api import FontEngine
from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator, _read_ps_name
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


# Compressed font programs by (font file, glyphs): a batch signs the same stamp text many
# times, and subsetting plus compiling the font is most of a stamp's cost.
_PROGRAMS: OrderedDict[tuple[bytes, frozenset[int]], bytes] = OrderedDict()
_PROGRAMS_MAX = 64


class _CachedProgramCIDFont(CIDFontType2):
    """Embeds a cached font program when the same subset was compiled before."""

    program_key: tuple[bytes, frozenset[int]] | None = None  # set before set_font_file

    def set_font_file(self, writer: BasePdfFileWriter) -> Any:
        key = self.program_key
        data = _PROGRAMS.get(key) if key is not None else None
        if data is None:
            buf = io.BytesIO()
            self.tt_font.save(buf)
            stream = generic.StreamObject(stream_data=buf.getvalue())
            stream.compress()
            data = stream.encoded_data
            if key is not None:
                _PROGRAMS[key] = data
                while len(_PROGRAMS) > _PROGRAMS_MAX:
                    _PROGRAMS.popitem(last=False)
        else:
            _PROGRAMS.move_to_end(key)  # type: ignore[arg-type]
        font_stream = generic.StreamObject(
            {generic.NameObject("/Filter"): generic.NameObject("/FlateDecode")},
            encoded_data=data)
        ref = writer.add_object(font_stream)
        self._font_descriptor[generic.NameObject("/FontFile2")] = ref
        return ref


@dataclass(frozen=True)
class _Template:
    """A font parsed once per process; engines share it read-only (see below)."""

    data: bytes
    digest: bytes
    tt: ttLib.TTFont
    glyph_set: Any
    ps_name: str
    units_per_em: int


_template_lock = threading.Lock()


@cache
def _template(path: Path) -> _Template:
    data = _font_file(path).data
    tt = ttLib.TTFont(io.BytesIO(data))
    with _template_lock:  # load every table an engine reads, so sharing never writes
        glyph_set = tt.getGlyphSet(preferCFF=True)
        for tag in ("head", "hhea", "OS/2", "post", "cmap", "hmtx", "maxp", "name"):
            tt[tag]
        tt.getGlyphOrder()
        tt["cmap"].buildReversed()
    return _Template(data, hashlib.sha256(data).digest(), tt, glyph_set, _read_ps_name(tt),
                     int(tt["head"].unitsPerEm))


class _LeanGlyphAccumulator(GlyphAccumulator):
    """pyHanko's glyph accumulator, cheaper per signature:

    * it starts from a font parsed once per process (pyHanko parses the font file for every
      engine, which costs more than the rest of a stamp); the shared font is only read, and
      subsetting (which rewrites a font in place) works on a fresh copy;
    * a subset compiled before (same font, same glyphs: a batch signs the same stamp text
      again and again) is reused instead of subsetting again;
    * the layout tables are dropped before subsetting (the text is already shaped).

    The attributes set here are those of ``GlyphAccumulator.__init__`` (pyHanko 0.38) for a
    TrueType font at size 1 with default shaping options."""

    def __init__(self, writer: BasePdfFileWriter, path: Path) -> None:
        tpl = _template(path)
        self._template = tpl
        self.hb_font = _hb_font(path)
        self.tt = tpl.tt
        FontEngine.__init__(self, writer, tpl.ps_name, embedded_subset=True, obj_stream=None,
                            font_size=1)
        self._font_ref = writer.allocate_placeholder()
        self.cff_charset = None
        self.use_raw_gids = True
        self.cidfont_obj = _CachedProgramCIDFont(tpl.tt, tpl.ps_name, self.subset_prefix)
        self.features = None
        self.units_per_em = tpl.units_per_em
        self._glyphs: dict[int, tuple[int, int]] = {}
        self._glyph_set = tpl.glyph_set
        self._cid_to_unicode: dict[int, str] = {}
        self._GlyphAccumulator__reverse_cmap = None
        self.ot_language_tag = None
        self.ot_script_tag = None
        self.writing_direction = None
        self.bcp47_lang_code = None
        self._subset_created = self._write_prepared = False

    def _extract_subset(self, options: Any = None) -> None:
        key = (self._template.digest, frozenset(self._glyphs))
        cid_font = self.cidfont_obj
        assert isinstance(cid_font, _CachedProgramCIDFont)
        cid_font.program_key = key
        if key in _PROGRAMS:
            return  # the cached program replaces the subset (see set_font_file)
        fresh = ttLib.TTFont(io.BytesIO(self._template.data))
        for tag in ("GPOS", "GSUB", "GDEF"):
            if tag in fresh:
                del fresh[tag]
        self.tt = fresh
        cid_font._tt = fresh
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
        self._writer = writer
        self._bold = bold
        self._engine_instance: _LeanGlyphAccumulator | None = None

    @property
    def _engine(self) -> _LeanGlyphAccumulator:
        # created on first use: an engine registered with the writer but never fed a
        # glyph would make pyHanko fail when the writer writes
        if self._engine_instance is None:
            self._engine_instance = _LeanGlyphAccumulator(self._writer, font_path(self._bold))
        return self._engine_instance

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
