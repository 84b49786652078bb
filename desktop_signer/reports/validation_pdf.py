"""The validation report as a PDF (issue 11 item 7): what a reviewer files with the letter.

Built with PyMuPDF's ``Story`` (HTML and CSS laid out over A4 pages) from the same answers
the panel shows (:mod:`.summary`), in Indonesian or English: file name, SHA-256, verdict and
reason, each signature with the four questions, its chain and every finding with what to do,
the validation time and the application's version. The bundled DejaVu fonts are embedded so
every character prints the same everywhere. Written atomically; nothing else is touched.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

import pymupdf

from desktop_signer import __version__
from desktop_signer.paths import resources_dir
from desktop_signer.reports import summary
from desktop_signer.reports.texts import Texts
from desktop_signer.verification.model import FileReport, SignatureResult

APP_NAME = "Desktop Signer"
PAGE = pymupdf.paper_rect("a4")
# margins in points: left 48, top 52, right 48, bottom 60 (the footer line sits there)
BODY = pymupdf.Rect(PAGE.x0 + 48, PAGE.y0 + 52, PAGE.x1 - 48, PAGE.y1 - 60)

COLOURS = {  # text colour, background: the window's banner colours
    "ok": ("#1b5e20", "#e6f4ea"),
    "note": ("#7a4f00", "#fff4d6"),
    "unknown": ("#7a4f00", "#fff4d6"),
    "bad": ("#8a1c1c", "#fde8e8"),
    "neutral": ("#3c4043", "#eef0f2"),
}
MARKS = {"ok": "✓", "note": "!", "unknown": "?", "bad": "✗", "neutral": "–"}

CSS = """
@font-face { font-family: DS; src: url(DejaVuSansCondensed-DS.ttf); }
@font-face { font-family: DS; src: url(DejaVuSansCondensed-Bold-DS.ttf); font-weight: bold; }
* { font-family: DS; }
body { font-size: 9.5pt; color: #202124; }
h1 { font-size: 15pt; margin: 0 0 6pt 0; color: #123f7a; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; color: #123f7a; }
h3 { font-size: 10pt; margin: 8pt 0 3pt 0; }
p { margin: 2pt 0; }
table { border-collapse: collapse; width: 100%; }
td { padding: 2pt 4pt; vertical-align: top; border-bottom: 0.5pt solid #dadce0; }
td.label { width: 34%; color: #5f6368; }
.verdict { padding: 6pt; font-size: 11pt; font-weight: bold; }
p.pair { margin: 0 0 3pt 0; padding-bottom: 2pt; border-bottom: 0.5pt solid #dadce0; }
span.label { color: #5f6368; font-size: 8.5pt; }
.small { font-size: 8pt; color: #5f6368; }
.mono { font-family: monospace; font-size: 8pt; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def _mark(status: summary.Status, text: str) -> str:
    colour = COLOURS[status][0]
    return f'<span style="color:{colour}"><b>{MARKS[status]}</b> {_e(text)}</span>'


def _rows(pairs: list[tuple[str, str]]) -> str:
    body = "".join(f'<tr><td class="label" width="32%">{label}</td>'
                   f'<td width="68%">{value}</td></tr>' for label, value in pairs)
    return f"<table>{body}</table>"


def _pairs(pairs: list[tuple[str, str]]) -> str:
    """Label above value: MuPDF sizes table columns by content, long answers would squeeze
    the labels into a narrow column."""
    return "".join(f'<p class="pair"><span class="label">{label}</span><br/>{value}</p>'
                   for label, value in pairs)


def _signature_html(n: int, sig: SignatureResult, report: FileReport, t: Texts) -> str:
    title = f"{n}. {_e(t(f'kind_{sig.kind}'))}: {_e(summary.row_title(sig, t))}"
    verdict = t(f"sig_{sig.verdict}")
    status = summary.VERDICT_STATUS[sig.verdict]
    parts = [f"<h2>{title}</h2>", f"<p>{_mark(status, verdict)}</p>"]
    parts.append(_pairs([(_e(a.question), _mark(a.status, a.answer))
                         for a in summary.four_answers(sig, t)]))
    parts.append(_pairs([(_e(d.label), _mark(d.status, d.value) if d.status != "neutral"
                         else _e(d.value)) for d in summary.details(sig, t)]))
    at = report.validation_time or report.validated_at
    if sig.chain:
        parts.append(f"<h3>{_e(t('d_chain'))}</h3>")
        rows = []
        for cert in sig.chain:
            state = summary.cert_state(cert, at, t)
            row = summary.chain_rows(sig, at)[sig.chain.index(cert)]
            rows.append((_e("→ " * row.depth + row.subject),
                         f"{_mark(row.status, state + ', ' + row.validity)}"
                         f'<br/><span class="mono">SHA-256 {_e(cert.sha256)}</span>'))
        parts.append(_pairs(rows))
    elif sig.kind != "document_timestamp" and sig.trust != "trusted":
        parts.append(f"<h3>{_e(t('d_chain'))}</h3><p>{_e(t('d_no_chain'))}</p>")
    texts = summary.findings(sig, t)
    if texts:
        parts.append(f"<h3>{_e(t('d_findings'))}</h3>")
        items = []
        for f in texts:
            todo = (f'<br/><span class="small">{_e(t("d_what_to_do"))}: {_e(f.what_to_do)}'
                    "</span>") if f.what_to_do else ""
            items.append(f"<p>{_mark(f.status, f.message)}{todo}</p>")
        parts.append("".join(items))
    return "".join(parts)


def report_html(report: FileReport, t: Texts) -> str:
    head = summary.headline(report, t)
    status = summary.VERDICT_STATUS[report.verdict]
    colour, background = COLOURS[status]
    verdict = head.title + (f": {head.reason}" if head.reason else "")
    mode = t("report_offline") if report.offline else t("report_online")
    meta = [
        (_e(t("report_file")), _e(Path(report.file).name)),
        (_e(t("report_sha256")), f'<span class="mono">{_e(report.sha256)}</span>'),
        (_e(t("report_validated_at")), _e(summary.when(report.validated_at))),
    ]
    if report.validation_time is not None and report.validation_time != report.validated_at:
        meta.append((_e(t("report_validation_time")), _e(summary.when(report.validation_time))))
    meta.append((_e(t("report_mode")), _e(mode)))
    meta.append((_e(t("report_app")), _e(f"{APP_NAME} {__version__}")))
    parts = [
        f"<h1>{_e(t('report_title'))}</h1>",
        f'<p class="verdict" style="color:{colour}; background-color:{background}">'
        f"{MARKS[status]} {_e(verdict)}</p>",
        _rows(meta),
    ]
    signatures = summary.sorted_signatures(report)
    if not signatures:
        parts.append(f"<p>{_e(t('report_no_signatures'))}</p>")
    for n, sig in enumerate(signatures, start=1):
        parts.append(_signature_html(n, sig, report, t))
    parts.append(f'<p class="small" style="margin-top:12pt">'
                 f"{_e(t('report_footer', app=f'{APP_NAME} {__version__}'))}</p>")
    return f"<body>{''.join(parts)}</body>"


def build_validation_pdf(report: FileReport, language: str) -> bytes:
    """The report's PDF bytes in ``language`` ("id" or "en")."""
    t = Texts(language)
    archive = pymupdf.Archive(str(resources_dir() / "fonts"))
    story = pymupdf.Story(html=report_html(report, t), user_css=CSS, archive=archive)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    more = True
    while more:
        device = writer.begin_page(PAGE)
        more, _filled = story.place(BODY)
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buffer.getvalue())
    try:
        font = pymupdf.Font(fontfile=str(resources_dir() / "fonts" / "DejaVuSansCondensed-DS.ttf"))
        pages = doc.page_count
        name = Path(report.file).name
        for index in range(pages):
            page: Any = doc[index]
            page.insert_font(fontname="DS", fontbuffer=font.buffer)
            footer = f"{t('report_title')} — {name} — " + t(
                "report_page", page=index + 1, pages=pages)
            if len(footer) > 120:
                footer = footer[:117] + "…"
            page.insert_text((48, PAGE.height - 30), footer, fontname="DS", fontsize=7,
                             color=(0.37, 0.39, 0.41))
        doc.set_metadata({"title": t("report_title"), "subject": name,
                          "creator": f"{APP_NAME} {__version__}",
                          "producer": f"{APP_NAME} {__version__}"})
        data: bytes = doc.tobytes(garbage=3, deflate=True)
        return data
    finally:
        doc.close()


def write_validation_pdf(report: FileReport, language: str, target: Path) -> Path:
    """Write the report atomically to ``target`` (raises OSError when it cannot)."""
    from desktop_signer.settings import write_atomic

    write_atomic(target, build_validation_pdf(report, language))
    return target
