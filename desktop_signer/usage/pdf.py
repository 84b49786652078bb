"""The yearly usage report as PDF, laid out by PyMuPDF's Story (HTML + CSS).

Story flows the text and tables over A4 pages; the monthly bar chart is vector drawing
added afterwards into the space a placeholder ``<div id="chart">`` took in the layout
(Story reports where each element with an id landed). Page numbers are added the same way.
"""

from __future__ import annotations

import html
import io
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pymupdf

from desktop_signer import __version__
from desktop_signer.appearance.resources import FONT_BOLD, FONT_REGULAR, resource
from desktop_signer.settings import write_atomic
from desktop_signer.usage.errors import UsageError
from desktop_signer.usage.model import ReportInfo, UsageReport
from desktop_signer.usage.texts import Language, key_kind, month_name, reason, text

APP_NAME = "Desktop Signer"
BSRE_LOGO_PNG = "logos/bsre-logo-placeholder.png"
MARGIN = 50.0
MEDIABOX = pymupdf.paper_rect("a4")
WHERE = pymupdf.Rect(MARGIN, MARGIN, MEDIABOX.x1 - MARGIN, MEDIABOX.y1 - MARGIN - 14)
NUMBER_COLUMN = 52  # points: room for "Berhasil" and six digits
ORPHAN_ROOM = 60.0  # points a heading needs below it for the start of its section
CHART_HEIGHT = 190  # CSS pixels = points in Story
SIGNED_COLOUR = (0.09, 0.33, 0.62)  # dark blue: readable in black-and-white print too
FAILED_COLOUR = (0.85, 0.45, 0.1)

_CSS = """
* { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 15pt; font-weight: bold; margin: 0 0 4pt 0; }
h2 { font-size: 12pt; font-weight: bold; margin: 14pt 0 4pt 0; }
p { margin: 0 0 3pt 0; }
table { border-collapse: collapse; width: 100%; }
th { font-weight: bold; text-align: left; border: 0.5pt solid #9aa9bd;
     border-bottom: 1.2pt solid #1f4f8f; padding: 2pt 4pt; }
td { border: 0.5pt solid #9aa9bd; padding: 2pt 4pt; }
td.n, th.n { text-align: right; }
tr.total td { font-weight: bold; }
.meta td { border: none; padding: 1pt 6pt 1pt 0; vertical-align: top; }
td.label { white-space: nowrap; font-weight: bold; width: 80pt; }
.small { font-size: 8pt; color: #444444; margin-top: 4pt; }
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def _table(headers: list[tuple[str, bool]], rows: list[list[object]],
           total: list[object] | None = None) -> str:
    numeric_class = ' class="n"'

    def cells(values: list[object], tag: str) -> str:
        return "".join(f"<{tag}{numeric_class if numeric else ''}>{_e(v)}</{tag}>"
                       for v, (_h, numeric) in zip(values, headers, strict=True))

    # numeric columns get a fixed width in points (MuPDF's tables take absolute widths,
    # not percentages); the text columns share the rest
    sizes = [f' style="width: {NUMBER_COLUMN}pt"' if numeric else ""
             for _h, numeric in headers]
    head = "<tr>" + "".join(f"<th{numeric_class if n else ''}{size}>{_e(h)}</th>"
                            for (h, n), size in zip(headers, sizes, strict=True)) + "</tr>"
    body = "".join(f"<tr>{cells(r, 'td')}</tr>" for r in rows)
    if total is not None:
        body += f'<tr class="total">{cells(total, "td")}</tr>'
    return f"<table>{head}{body}</table>"


def report_html(report: UsageReport, info: ReportInfo, logo_name: str | None,
                breaks: frozenset[str] = frozenset()) -> str:
    """The report as HTML for Story; ``breaks``: ids of headings that start a new page
    (so that no heading is left alone at the foot of a page)."""
    lang = info.language

    def t(key: str, **params: object) -> str:
        return text(key, lang, **params)

    def h2(key: str) -> str:
        style = ' style="page-break-before: always"' if f"h-{key}" in breaks else ""
        return f'<h2 id="h-{key}"{style}>{_e(t(key))}</h2>'

    when = _when(info.generated_at or datetime.now().astimezone())
    sources = [t("source_local")] if report.local else []
    if report.workstations:
        sources.append(t("source_csv", names=", ".join(report.workstations)))
    certificates = report.by_certificate()
    logo = f'<img src="{_e(logo_name)}" width="52" height="55"/>' if logo_name else ""
    parts = [
        '<table class="meta"><tr>'
        f"<td><h1>{_e(t('title', year=report.year))}</h1></td>"
        f'<td style="text-align: right; width: 60pt">{logo}</td></tr></table>',
        '<table class="meta">',
        f"<tr><td class=\"label\">{_e(t('agency'))}</td>"
        f"<td>{_e(info.agency or t('agency_unset'))}</td></tr>",
        f"<tr><td class=\"label\">{_e(t('period'))}</td>"
        f"<td>{_e(t('period_value', year=report.year))}</td></tr>",
        f"<tr><td class=\"label\">{_e(t('clause'))}</td><td>{_e(t('clause_value'))}</td></tr>",
        f"<tr><td class=\"label\">{_e(t('sources'))}</td><td>{_e('; '.join(sources))}</td></tr>",
        "</table>",
        h2("totals"),
        _table([(t("total_signed"), True), (t("total_failed"), True),
                (t("total_certificates"), True)],
               [[report.signed, report.failed, report.certificates_used]]),
        h2("chart"),
        f'<div id="chart" style="height: {CHART_HEIGHT}px; margin-bottom: 14pt"></div>',
    ]
    if not report.rows:
        parts.append(f"<p>{_e(t('nothing'))}</p>")
    parts += [
        h2("by_month"),
        _table([(t("month"), False), (t("signed"), True), (t("failed"), True)],
               [[month_name(m, lang), s, f] for m, s, f in report.by_month()],
               [t("total"), report.signed, report.failed]),
        h2("by_certificate"),
        _table([(t("signer"), False), (t("serial"), False), (t("issuer"), False),
                (t("signed"), True), (t("failed"), True)],
               [[c.signer or t("unknown_signer"), c.certificate_serial, c.issuer, c.signed,
                 c.failed] for c in certificates]),
        h2("by_level"),
        _table([(t("level"), False), (t("key_kind"), False), (t("signed"), True),
                (t("failed"), True)],
               [[level, key_kind(kind, lang), s, f]
                for level, kind, s, f in report.by_level_and_kind()]),
        h2("failures"),
    ]
    if report.failure_reasons:
        parts.append(_table([(t("reason"), False), (t("count"), True)],
                            [[reason(code, lang), n] for code, n in report.failure_reasons]))
    elif report.local:
        parts.append(f"<p>{_e(t('no_failures'))}</p>")
    if report.workstations:
        parts.append(f'<p class="small">{_e(t("failures_local_only"))}</p>')
    parts.append(f'<p class="small" style="margin-top: 12pt">'
                 f'{_e(t("generated", app=APP_NAME, version=__version__, when=when))}</p>')
    return "".join(parts)


def _when(moment: datetime) -> str:
    """``2026-12-03 21:45 WIB``; Windows names zones in words ("SE Asia Standard
    Time"): then the offset."""
    zone = moment.tzname() or ""
    if not zone or len(zone) > 5 or " " in zone:
        offset = moment.strftime("%z")
        zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{moment:%Y-%m-%d %H:%M} {zone}"


def _logo_file(info: ReportInfo) -> Path | None:
    candidates = [info.logo] if info.logo is not None else []
    candidates.append(resource(BSRE_LOGO_PNG))
    for path in candidates:
        if path is not None and path.suffix.lower() in (".png", ".jpg", ".jpeg", ".svg") \
                and path.is_file():
            return path
    return None


# MuPDF's context is shared by the process: one report at a time (the window may ask for a
# new preview while the last one is still being laid out)
_LOCK = threading.Lock()

__all__ = ["ReportInfo", "render_pdf", "write_pdf"]


def render_pdf(report: UsageReport, info: ReportInfo | None = None) -> bytes:
    """The report as PDF bytes."""
    with _LOCK:
        return _render(report, info or ReportInfo())


def _layout(html_text: str, archive: pymupdf.Archive
            ) -> tuple[bytes, dict[str, tuple[int, pymupdf.Rect]]]:
    """Story's pages, and where each element with an id landed (page, rectangle)."""
    story = pymupdf.Story(html=html_text, user_css=_CSS, archive=archive)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    placed: dict[str, tuple[int, pymupdf.Rect]] = {}
    page_no = 0
    more = True
    while more:
        device = writer.begin_page(MEDIABOX)
        more, _filled = story.place(WHERE)

        def found(position: Any) -> None:
            if position.id and position.open_close & 1 and position.id not in placed:
                placed[position.id] = (position.page, pymupdf.Rect(position.rect))

        story.element_positions(found, {"page": page_no})
        story.draw(device)
        writer.end_page()
        page_no += 1
    writer.close()
    return buffer.getvalue(), placed


def _render(report: UsageReport, info: ReportInfo) -> bytes:
    logo = _logo_file(info)
    archive = pymupdf.Archive()
    logo_name = f"bsre-logo{logo.suffix.lower()}" if logo is not None else None
    if logo is not None:
        archive.add(logo.read_bytes(), logo_name)
    data, placed = _layout(report_html(report, info, logo_name), archive)
    # a heading with (almost) nothing of its section below it on the same page starts the
    # next page instead; one more layout with those breaks
    orphans = frozenset(key for key, (_page, rect) in placed.items()
                        if key.startswith("h-") and rect.y1 > WHERE.y1 - ORPHAN_ROOM)
    if orphans:
        data, placed = _layout(report_html(report, info, logo_name, orphans), archive)
    chart = placed.get("chart")
    doc = pymupdf.open("pdf", data)
    with doc:
        if chart is not None:
            page, rect = chart
            draw_chart(doc[page], rect, report, info.language)
        _page_numbers(doc, info.language)
        doc.set_metadata({"title": text("title", info.language, year=report.year),
                          "author": info.agency, "creator": f"{APP_NAME} {__version__}",
                          "producer": f"{APP_NAME} {__version__} (PyMuPDF)"})
        return bytes(doc.tobytes(garbage=3, deflate=True))


_FONT: list[pymupdf.Font] = []


def _width(label: str, size: float) -> float:
    if not _FONT:
        _FONT.append(pymupdf.Font(fontfile=str(resource(FONT_REGULAR))))
    return float(_FONT[0].text_length(label, fontsize=size))


def _fonts(page: pymupdf.Page) -> tuple[str, str]:
    """Our bundled DejaVu (the stamp's font) for the drawn labels."""
    page.insert_font(fontname="dsr", fontfile=str(resource(FONT_REGULAR)))
    page.insert_font(fontname="dsb", fontfile=str(resource(FONT_BOLD)))
    return "dsr", "dsb"


def draw_chart(page: pymupdf.Page, area: pymupdf.Rect, report: UsageReport,
               language: Language) -> None:
    """Vector bars (signed, failed stacked on top) per month into ``area``."""
    regular, bold = _fonts(page)
    months = report.by_month()
    top = max((s + f for _m, s, f in months), default=0)
    scale_max = _nice_ceiling(top + max(1, top // 16))  # room for the top label
    left = area.x0 + 34
    bottom = area.y1 - 24  # month names below, then room before the next heading
    plot_top = area.y0 + 22
    width = area.x1 - left - 4
    shape = page.new_shape()
    # grid lines and their values
    for step in range(5):
        value = scale_max * step / 4
        y = bottom - (bottom - plot_top) * step / 4
        shape.draw_line((left, y), (area.x1 - 4, y))
        shape.finish(color=(0.8, 0.8, 0.8), width=0.5)
        label = f"{value:.0f}"
        page.insert_text((left - 6 - _width(label, 7),
                          y + 2.5), label, fontname=regular, fontsize=7, color=(0.3, 0.3, 0.3))
    slot = width / 12
    bar = slot * 0.62
    for month, signed, failed in months:
        x0 = left + slot * (month - 1) + (slot - bar) / 2
        h_signed = (bottom - plot_top) * signed / scale_max if scale_max else 0
        h_failed = (bottom - plot_top) * failed / scale_max if scale_max else 0
        if signed:
            shape.draw_rect(pymupdf.Rect(x0, bottom - h_signed, x0 + bar, bottom))
            shape.finish(fill=SIGNED_COLOUR, color=None)
        if failed:
            shape.draw_rect(pymupdf.Rect(x0, bottom - h_signed - h_failed, x0 + bar,
                                         bottom - h_signed))
            shape.finish(fill=FAILED_COLOUR, color=None)
        name = month_name(month, language)[:3]
        page.insert_text((x0 + bar / 2 - _width(name, 7.5) / 2,
                          bottom + 10), name, fontname=regular, fontsize=7.5)
        if signed + failed:
            count = str(signed + failed)
            page.insert_text((x0 + bar / 2 - _width(count, 7) / 2,
                              bottom - h_signed - h_failed - 2.5), count, fontname=regular,
                             fontsize=7, color=(0.2, 0.2, 0.2))
    shape.draw_line((left, bottom), (area.x1 - 4, bottom))
    shape.finish(color=(0.2, 0.2, 0.2), width=0.8)
    # legend
    legend_y = area.y0 + 6  # top right, above the plot
    labels = [text(k, language) for k in ("chart_signed", "chart_failed")]
    x = area.x1 - 4 - sum(13 + _width(label, 8) + 18 for label in labels) + 18
    for colour, key in ((SIGNED_COLOUR, "chart_signed"), (FAILED_COLOUR, "chart_failed")):
        shape.draw_rect(pymupdf.Rect(x, legend_y - 7, x + 9, legend_y + 1))
        shape.finish(fill=colour, color=None)
        label = text(key, language)
        page.insert_text((x + 13, legend_y), label, fontname=regular, fontsize=8)
        x += 13 + _width(label, 8) + 18
    shape.commit()
    del bold


def _nice_ceiling(value: int) -> int:
    """A round top for the axis, four grid steps: 4, 8, 12, 16, 20, 24, 32, 40, 60, ..."""
    magnitude = 1
    while True:
        for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8):
            candidate = step * magnitude * 4
            if candidate >= value and candidate == int(candidate):
                return int(candidate)
        magnitude *= 10


def _page_numbers(doc: pymupdf.Document, language: Language) -> None:
    total = doc.page_count
    for index in range(total):
        page = doc[index]
        regular, _bold = _fonts(page)
        label = text("page", language, n=index + 1, total=total)
        rect = page.rect
        page.insert_text((rect.x1 - MARGIN - _width(label, 8),
                          rect.y1 - MARGIN + 10), label, fontname=regular, fontsize=8,
                         color=(0.35, 0.35, 0.35))


def write_pdf(report: UsageReport, path: Path, info: ReportInfo | None = None) -> None:
    """Build the report and write it atomically to ``path``."""
    data = render_pdf(report, info)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UsageError("output_failed", exc.strerror or str(exc), path=str(path)) from exc
