"""The BSrE stamp: layout (pure, may refuse) and drawing (vector PDF operators).

``render_stamp`` is the one renderer: pyHanko calls it through :class:`BsreStampStyle`
while signing, and :func:`desktop_signer.appearance.preview.render_preview` calls it to
draw the preview, so both are the same content.

Layout (DESIGN §4.4), in the box as displayed::

    +--------------------------------------------------------------+
    | [agency]  Ditandatangani secara elektronik oleh:   +--------+ |
    | [ BSrE ]  KEPALA DINAS KOMUNIKASI ...              |   QR   | |
    |           Nama Penandatangan                       |        | |
    |           NIP. 1985...                             +--------+ |
    |           Jakarta, 5 Juni 2025                                |
    |--------------------------------------------------------------|
    | Dokumen ini telah ditandatangani secara elektronik ...        |
    +--------------------------------------------------------------+

The text block shrinks (down to ``MIN_FONT``) and wraps before the box is declared too
small. In training mode a diagonal "LATIHAN — TIDAK SAH" is drawn over everything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import qrcode
from pyhanko.pdf_utils import generic, layout
from pyhanko.pdf_utils.content import ResourceType
from pyhanko.pdf_utils.qr import PdfStreamQRImage
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.stamp import BaseStamp, BaseStampStyle

from desktop_signer.appearance.errors import AppearanceError
from desktop_signer.appearance.fonts import check_characters, fonts_for, text_width
from desktop_signer.appearance.logos import LogoSource, draw_logo, load_logo
from desktop_signer.appearance.profile import TRAINING_MARK, StampProfile
from desktop_signer.appearance.textfit import LEADING, Line, Paragraph, fit_block

DEFAULT_BOX = (200.0, 80.0)
MIN_FONT = 4.0  # base text size floor (pt); the heading is drawn at 0.85 of it
MAX_FONT = 8.0
NOTICE_MIN_FONT = 3.0
NOTICE_MAX_FONT = 5.0

Colour = tuple[float, float, float]
NAVY: Colour = (0.07, 0.25, 0.48)
INK: Colour = (0.1, 0.1, 0.1)
GREY: Colour = (0.55, 0.55, 0.55)
MARK_RED: Colour = (0.82, 0.08, 0.08)
MARK_OPACITY = 0.32
ASCENT = 0.93  # of DejaVu Sans, in em: puts a line's glyphs inside its line box


@dataclass(frozen=True)
class TextItem:
    text: str
    bold: bool
    size: float
    x: float
    baseline: float
    colour: Colour = INK


@dataclass(frozen=True)
class LogoItem:
    logo: LogoSource
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class StampLayout:
    width: float
    height: float
    border: float
    texts: tuple[TextItem, ...]
    logos: tuple[LogoItem, ...]
    separator_y: float
    qr: tuple[str, float, float, float] | None  # url, x, y, side
    base_font: float
    notice_font: float
    training: bool
    mark_size: float = 0.0
    extras: dict[str, Any] = field(default_factory=dict, compare=False)


def _lines_to_items(lines: list[Line], x: float, top: float) -> list[TextItem]:
    items = []
    for line in lines:
        height = line.size * LEADING
        baseline = top - line.size * ASCENT - (height - line.size * 1.16) / 2
        items.append(TextItem(line.text, line.bold, line.size, x, baseline,
                              NAVY if line.role == "title" else INK))
        top -= height
    return items


def layout_stamp(profile: StampProfile, width: float = DEFAULT_BOX[0],
                 height: float = DEFAULT_BOX[1]) -> StampLayout:
    """Where everything goes in a ``width`` x ``height`` pt box (as displayed).

    Raises :class:`AppearanceError` ``box_too_small`` or ``unsupported_characters``."""
    too_small = AppearanceError("box_too_small", f"{width:g}x{height:g} pt",
                                width=round(width, 1), height=round(height, 1),
                                min_font=MIN_FONT)
    if width <= 0 or height <= 0:
        raise too_small
    texts = [profile.heading, profile.title, profile.name, profile.nip, profile.place_and_date,
             profile.notice]
    check_characters(*texts)
    pad = min(max(min(width, height) * 0.05, 2.0), 5.0)
    gap = pad * 0.8

    # 1. the notice along the bottom, full width, at most three lines
    notice = fit_block([Paragraph(profile.notice)], width - 2 * pad, height * 0.32,
                       NOTICE_MAX_FONT, NOTICE_MIN_FONT, max_lines=3)
    if notice is None:
        raise too_small
    notice_size, notice_lines = notice
    notice_height = sum(line.size * LEADING for line in notice_lines)
    items = _lines_to_items(notice_lines, pad, pad + notice_height)
    separator_y = pad + notice_height + gap / 2

    # 2. the upper part: logos | text | QR
    bottom, top = separator_y + gap / 2, height - pad
    upper = top - bottom
    if upper <= 0:
        raise too_small
    logos: list[LogoItem] = []
    bsre = load_logo(profile.bsre_logo_path)
    agency = load_logo(profile.agency_logo) if profile.agency_logo else None
    column_max = width * 0.2
    if agency is None:
        logo_w = min(upper * bsre.aspect, column_max)
        logos.append(LogoItem(bsre, pad, bottom, logo_w, upper))
    else:
        each = (upper - gap) / 2
        logo_w = min(max(each * bsre.aspect, each * agency.aspect), column_max)
        logos.append(LogoItem(agency, pad, bottom + each + gap, logo_w, each))
        logos.append(LogoItem(bsre, pad, bottom, logo_w, each))
    qr = None
    right = width - pad
    if profile.qr_url:
        side = min(upper, width * 0.25)
        qr = (profile.qr_url, right - side, bottom + (upper - side) / 2, side)
        right -= side + gap
    left = pad + logo_w + gap
    paragraphs = [Paragraph(profile.heading, scale=0.85, wraps=False)]
    if profile.title.strip():
        paragraphs.append(Paragraph(profile.title.upper(), bold=True, role="title"))
    paragraphs.append(Paragraph(profile.name, bold=True, scale=1.05))
    if profile.nip.strip():
        paragraphs.append(Paragraph(f"NIP. {profile.nip}", scale=0.9))
    paragraphs.append(Paragraph(profile.place_and_date, scale=0.9))
    block = fit_block(paragraphs, right - left, upper, min(MAX_FONT, upper / 4.5), MIN_FONT)
    if block is None or right - left <= 0:
        raise too_small
    base, lines = block
    block_h = sum(line.size * LEADING for line in lines)
    items += _lines_to_items(lines, left, bottom + (upper + block_h) / 2)

    mark_size = 0.0
    if profile.training:
        diagonal = math.hypot(width, height)
        mark_size = min(diagonal * 0.85 / text_width(TRAINING_MARK, 1, bold=True),
                        height * 0.3)
    return StampLayout(width, height, max(0.5, min(width, height) * 0.01), tuple(items),
                       tuple(logos), separator_y, qr, base, notice_size, profile.training,
                       mark_size)


def _rotation_cm(rotation: int, width: float, height: float) -> bytes:
    """Counter-rotate so the stamp reads upright on a page with /Rotate ``rotation``;
    ``width``/``height`` are as displayed."""
    return {
        0: b"",
        90: b"0 1 -1 0 %g 0 cm" % height,
        180: b"-1 0 0 -1 %g %g cm" % (width, height),
        270: b"0 -1 1 0 0 %g cm" % width,
    }[rotation % 360]


class StampContent(BaseStamp):
    """The stamp as PDF content: usable as a signature field appearance (pyHanko) or as
    a form XObject anywhere (the preview)."""

    def __init__(self, writer: BasePdfFileWriter, stamp_layout: StampLayout,
                 rotation: int = 0) -> None:
        rotation %= 360
        if rotation not in (0, 90, 180, 270):
            raise ValueError(f"page rotation {rotation}")
        w, h = stamp_layout.width, stamp_layout.height
        box_w, box_h = (h, w) if rotation in (90, 270) else (w, h)
        super().__init__(writer, None, layout.BoxConstraints(width=box_w, height=box_h))
        self.stamp_layout = stamp_layout
        self.rotation = rotation

    def render(self) -> bytes:
        lay = self.stamp_layout
        writer = self.writer
        assert writer is not None
        fonts = fonts_for(writer)
        w, h = lay.width, lay.height
        ops: list[bytes] = [b"q", _rotation_cm(self.rotation, w, h)]
        # opaque white background: covers an anchor marker under the stamp
        ops.append(b"1 1 1 rg 0 0 %g %g re f" % (w, h))
        inset = lay.border / 2
        ops.append(b"%g %g %g RG %g w %g %g %g %g re S" % (
            *NAVY, lay.border, inset, inset, w - lay.border, h - lay.border))
        pad = min(max(min(w, h) * 0.05, 2.0), 5.0)
        ops.append(b"%g %g %g RG 0.4 w %g %g m %g %g l S" % (
            *GREY, pad, lay.separator_y, w - pad, lay.separator_y))
        for logo in lay.logos:
            ops.append(draw_logo(self, writer, logo.logo, logo.x, logo.y, logo.width,
                                 logo.height))
        if lay.qr is not None:
            ops.append(self._qr(*lay.qr))
        for item in lay.texts:
            ops.append(b"%g %g %g rg" % item.colour)
            ops.append(fonts.face(item.bold).show(self, item.text, item.size, item.x,
                                                   item.baseline))
        if lay.training:
            ops.append(self._training_mark())
        ops.append(b"Q")
        return b"\n".join(op for op in ops if op)

    def _qr(self, url: str, x: float, y: float, side: float) -> bytes:
        qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=1)
        qr.add_data(url)
        qr.make()
        img = qr.make_image(image_factory=PdfStreamQRImage)
        modules = (qr.modules_count + 2 * qr.border) * qr.box_size
        scale = side / modules
        return b"q %g 0 0 %g %g %g cm %s Q" % (scale, scale, x, y,
                                              img.render_command_stream())

    def _training_mark(self) -> bytes:
        lay = self.stamp_layout
        gs = generic.NameObject("/DSMarkGS")
        opacity = generic.FloatObject(MARK_OPACITY)
        self.set_resource(ResourceType.EXT_G_STATE, gs, generic.DictionaryObject(
            {generic.NameObject("/ca"): opacity, generic.NameObject("/CA"): opacity}))
        angle = math.atan2(lay.height, lay.width)
        cos, sin = math.cos(angle), math.sin(angle)
        size = lay.mark_size
        tw = text_width(TRAINING_MARK, size, bold=True)
        assert self.writer is not None
        text = fonts_for(self.writer).bold.show(self, TRAINING_MARK, size, -tw / 2,
                                                 -size * 0.35)
        return b"q /DSMarkGS gs %g %g %g %g %g %g cm %g %g %g rg %s Q" % (
            cos, sin, -sin, cos, lay.width / 2, lay.height / 2, *MARK_RED, text)


def render_stamp(profile: StampProfile, width: float = DEFAULT_BOX[0],
                 height: float = DEFAULT_BOX[1], *, writer: BasePdfFileWriter,
                 rotation: int = 0) -> StampContent:
    """THE stamp renderer: profile + box size (pt, as displayed) -> vector appearance
    content bound to ``writer``. ``rotation`` is the page's /Rotate, so the stamp reads
    upright on rotated pages."""
    return StampContent(writer, layout_stamp(profile, width, height), rotation)


@dataclass(frozen=True)
class BsreStampStyle(BaseStampStyle):
    """pyHanko stamp style that draws our stamp into the signature field's box."""

    profile: StampProfile | None = None
    rotation: int = 0
    border_width: int = 0

    def create_stamp(self, writer: BasePdfFileWriter, box: layout.BoxConstraints,
                     text_params: dict[str, Any]) -> StampContent:
        assert self.profile is not None
        w, h = float(box.width), float(box.height)
        if self.rotation % 180 == 90:
            w, h = h, w
        return render_stamp(self.profile, w, h, writer=writer, rotation=self.rotation)
