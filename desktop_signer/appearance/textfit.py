"""Word wrapping and shrink-to-fit for the stamp's text block (pure layout, no PDF)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_signer.appearance.fonts import text_width

LEADING = 1.2  # line height as a multiple of the font size


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    scale: float = 1.0  # font size relative to the block's base size
    wraps: bool = True  # False: must fit on one line (the block shrinks instead)
    role: str = ""  # carried to the lines (the stamp colours by role)


@dataclass(frozen=True)
class Line:
    text: str
    bold: bool
    size: float
    width: float
    role: str = ""


def wrap(text: str, max_width: float, size: float, bold: bool) -> list[str] | None:
    """Greedy word wrap. ``None`` when a single word is wider than ``max_width``."""
    words = text.split()
    if not words:
        return []
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold=bold) <= max_width:
            current = candidate
            continue
        if not current or text_width(word, size, bold=bold) > max_width:
            return None
        lines.append(current)
        current = word
    lines.append(current)
    return lines


def layout_block(paragraphs: Sequence[Paragraph], size: float,
                 max_width: float) -> list[Line] | None:
    lines: list[Line] = []
    for p in paragraphs:
        psize = size * p.scale
        wrapped = wrap(p.text, max_width, psize, p.bold)
        if wrapped is None or (not p.wraps and len(wrapped) > 1):
            return None
        lines.extend(Line(t, p.bold, psize, text_width(t, psize, bold=p.bold), p.role)
                     for t in wrapped)
    return lines


def block_height(lines: Sequence[Line]) -> float:
    return sum(line.size * LEADING for line in lines)


def fit_block(paragraphs: Sequence[Paragraph], max_width: float, max_height: float,
              largest: float, smallest: float, step: float = 0.25,
              max_lines: int | None = None) -> tuple[float, list[Line]] | None:
    """The largest base size (from ``largest`` down to ``smallest``) at which every
    paragraph wraps into ``max_width`` and the block fits ``max_height``."""
    size = largest
    while size >= smallest - 1e-9:
        lines = layout_block(paragraphs, size, max_width)
        if (lines is not None and block_height(lines) <= max_height
                and (max_lines is None or len(lines) <= max_lines)):
            return size, lines
        size = round(size - step, 4)
    return None
