"""The agency's documents (``docs/*.md``): refresh their generated tables, export them as PDF.

``scripts/docs-pdf`` runs this. Two jobs:

1. **Generated sections.** Tables a person must not type by hand are rewritten between
   markers ``<!-- dibuat:NAME -->`` and ``<!-- /dibuat:NAME -->``: every error message of
   the window (from ``ui/messages.py`` and its Indonesian translation) and of the command
   line (``desktop_signer/cli/messages*.py``), the verdicts and the findings of the
   verification report. ``--check`` fails when a document is out of date instead of
   rewriting it (the tests use that).
2. **PDF export.** Markdown → HTML (the ``markdown`` package) → PDF with PyMuPDF's
   ``Story`` (the same machinery as the core's reports): A4, the screenshots embedded, page
   numbers in the footer. One PDF per document in ``docs/pdf/`` (or ``--out``).

The security figures (``scripts/security-figures``) are a section of the same kind, written
by their own script because producing them runs the attack corpus and the tests.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DOCUMENTS = ("panduan-pengguna", "panduan-pelatih", "penilaian-keamanan")
MARKER = re.compile(r"(<!-- dibuat:(?P<name>[a-z0-9-]+) -->\n)(?P<body>.*?)(<!-- /dibuat:(?P=name) -->)",
                    re.S)

sys.path.insert(0, str(ROOT))


# --- generated tables ----------------------------------------------------------------------

def _cell(text: str) -> str:
    text = re.sub(r"\{(\w+)\}", r"‹\1›", text)  # placeholders the program fills in
    return " ".join(text.replace("|", "\\|").split())


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _cli_messages() -> dict[str, tuple[str, str]]:
    from desktop_signer.cli import messages, messages_sign, messages_tokens, messages_verify

    merged: dict[str, tuple[str, str]] = {}
    for module in (messages, messages_sign, messages_tokens, messages_verify):
        merged.update(module.MESSAGES)
    return merged


def _window_codes() -> list[str]:
    """The codes ``ui.messages.code_text`` knows, read from its source (in order)."""
    tree = ast.parse((ROOT / "ui" / "messages.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "code_text":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Dict):
                    return [k.value for k in inner.keys
                            if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    raise SystemExit("ui/messages.py: code_text has no table")


def _window_messages() -> list[tuple[str, str, str]]:
    """(code, title-free Indonesian text, English text) of every window error message."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui import messages
    from ui.resources import translations_dir

    app = QCoreApplication.instance() or QCoreApplication([])
    english = {code: messages.code_text(code) or "" for code in _window_codes()}
    translator = QTranslator(app)
    if not translator.load("desktop_signer_id", str(translations_dir())):
        raise SystemExit("the Indonesian translation (.qm) is missing: run "
                         "resources/translations/refresh.py")
    QCoreApplication.installTranslator(translator)
    try:
        return [(code, messages.code_text(code) or "", text) for code, text in english.items()]
    finally:
        QCoreApplication.removeTranslator(translator)


def section_window_errors() -> str:
    rows = [(f"`{code}`", indonesian) for code, indonesian, _english in _window_messages()]
    return _table(("Kode", "Pesan di jendela (berisi apa yang harus dilakukan)"), rows)


def section_cli_errors() -> str:
    rows = [(f"`{key}`", ind) for key, (ind, _eng) in _cli_messages().items()
            if "err_" in key]
    return _table(("Kunci pesan", "Pesan di baris perintah"), rows)


def section_verdicts() -> str:
    msgs = _cli_messages()
    rows = []
    for verdict in ("valid", "indeterminate", "invalid", "unsigned", "unreadable"):
        rows.append((f"**{msgs['verdict_' + verdict][0]}** (`{verdict}`)",
                     msgs[f"summary_{verdict}"][0]))
    return _table(("Hasil", "Artinya (kalimat yang ditampilkan)"), rows)


def section_findings() -> str:
    rows = [(f"`{key.removeprefix('finding_')}`", ind)
            for key, (ind, _eng) in _cli_messages().items() if key.startswith("finding_")]
    return _table(("Temuan", "Penjelasan dan saran yang ditampilkan"), rows)


SECTIONS: dict[str, Callable[[], str]] = {
    "pesan-jendela": section_window_errors,
    "pesan-cli": section_cli_errors,
    "hasil-verifikasi": section_verdicts,
    "temuan-verifikasi": section_findings,
}


def refresh(text: str, sections: dict[str, Callable[[], str]]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in sections:
            return match.group(0)
        return match.group(1) + sections[name]() + match.group(4)

    return MARKER.sub(replace, text)


def refresh_documents(check: bool) -> list[str]:
    """Rewrite the generated sections; with ``check``, only list the stale documents."""
    stale = []
    for name in DOCUMENTS:
        path = DOCS / f"{name}.md"
        text = path.read_text(encoding="utf-8")
        new = refresh(text, SECTIONS)
        if new != text:
            stale.append(path.name)
            if not check:
                path.write_text(new, encoding="utf-8")
    return stale


# --- PDF export ----------------------------------------------------------------------------

CSS = """
body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; color: #1a1a1a; }
h1 { font-size: 20pt; color: #123f7a; margin-bottom: 6pt; }
h2 { font-size: 14pt; color: #123f7a; margin-top: 14pt; }
h3 { font-size: 11.5pt; color: #123f7a; margin-top: 10pt; }
h4 { font-size: 10.5pt; }
p, li { text-align: left; }
code { font-family: monospace; font-size: 8.5pt; }
pre { font-family: monospace; font-size: 8pt; background-color: #f2f4f7; padding: 4pt; }
table { border-collapse: collapse; margin-top: 4pt; margin-bottom: 6pt; }
th { background-color: #e6ecf5; font-weight: bold; text-align: left; }
th, td { border: 0.5pt solid #9aa5b4; padding: 2pt 4pt; font-size: 8.5pt; vertical-align: top; }
blockquote { color: #444444; margin-left: 12pt; font-style: italic; }
"""

A4 = (595.0, 842.0)
MAX_PAGES = 200
MARGIN = 48.0


def markdown_html(text: str) -> str:
    import markdown

    text = re.sub(r"<!-- /?dibuat:[a-z0-9-]+ -->\n?", "", text)
    html: str = markdown.markdown(text, extensions=["tables", "fenced_code", "sane_lists"])
    return split_tables(html)


TABLE_ROWS = 12  # body rows per table piece


def split_tables(html: str, rows_per_piece: int = TABLE_ROWS) -> str:
    """Long tables as pieces of a few rows, each with the header again.

    MuPDF's Story does not split a table across pages: a table taller than the page is
    laid out again on every page and never ends (the generated message tables have
    hundreds of rows). Pieces that fit on a page are placed one after another."""

    def split(match: re.Match[str]) -> str:
        table = match.group(0)
        head = re.search(r"<thead>.*?</thead>", table, flags=re.S)
        body = re.search(r"<tbody>(.*?)</tbody>", table, flags=re.S)
        if head is None or body is None:
            return table
        rows = re.findall(r"<tr>.*?</tr>", body.group(1), flags=re.S)
        if len(rows) <= rows_per_piece:
            return table
        pieces = ["<table>\n" + head.group(0) + "\n<tbody>\n"
                  + "\n".join(rows[i:i + rows_per_piece]) + "\n</tbody>\n</table>"
                  for i in range(0, len(rows), rows_per_piece)]
        return "\n".join(pieces)

    return re.sub(r"<table>.*?</table>", split, html, flags=re.S)


IMAGE_SCALE = 0.5  # points per screenshot pixel: a 1280-pixel window fills the text width


def sized_images(html: str, base: Path) -> str:
    """Give every <img> a width in points (Story draws an image as wide as it is told, and
    without a width at its pixel size): half a point per pixel, at most the text width."""
    import pymupdf

    width_max = A4[0] - 2 * MARGIN

    def size(match: re.Match[str]) -> str:
        tag, src = match.group(0), match.group(1)
        try:
            pixmap = pymupdf.Pixmap(str(base / src))
        except (RuntimeError, ValueError):
            return tag
        width = min(pixmap.width * IMAGE_SCALE, width_max)
        return tag.replace("<img ", f'<img width="{width:.0f}" ', 1)

    return re.sub(r'<img [^>]*src="([^"]+)"[^>]*>', size, html)


def export_pdf(source: Path, target: Path) -> Path:
    import pymupdf

    html = sized_images(markdown_html(source.read_text(encoding="utf-8")), source.parent)
    story = pymupdf.Story(html=html, user_css=CSS, archive=pymupdf.Archive(str(source.parent)))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    writer = pymupdf.DocumentWriter(str(tmp))
    page_rect = pymupdf.Rect(0, 0, *A4)
    body = page_rect + (MARGIN, MARGIN, -MARGIN, -MARGIN - 10)
    more, pages = True, 0
    while more:
        pages += 1
        if pages > MAX_PAGES:  # something the Story cannot place: stop rather than loop on
            writer.close()
            tmp.unlink(missing_ok=True)
            raise SystemExit(f"{source.name}: more than {MAX_PAGES} pages; an element "
                             "does not fit on a page (a long table or a tall image?)")
        device = writer.begin_page(page_rect)
        more, _filled = story.place(body)
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = pymupdf.open(tmp)
    title = source.stem.replace("-", " ").title()
    for number, page in enumerate(doc, start=1):
        footer = f"Desktop Signer | {title} | halaman {number} dari {doc.page_count}"
        width = pymupdf.get_text_length(footer, fontname="helv", fontsize=8)
        page.insert_text(((A4[0] - width) / 2, A4[1] - 24), footer, fontname="helv",
                         fontsize=8, color=(0.4, 0.4, 0.4))
    doc.set_metadata({"title": f"Desktop Signer — {title}", "creator": "scripts/docs-pdf",
                      "producer": f"PyMuPDF {pymupdf.VersionBind}"})
    doc.save(target, garbage=3, deflate=True)
    doc.close()
    tmp.unlink()
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DOCS / "pdf", help="folder for the PDFs")
    parser.add_argument("--check", action="store_true",
                        help="fail when a generated section is out of date; write nothing")
    parser.add_argument("--no-refresh", action="store_true",
                        help="export as the documents are, without refreshing tables")
    args = parser.parse_args(argv)
    if args.check:
        stale = refresh_documents(check=True)
        if stale:
            print("out of date (run scripts/docs-pdf): " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    if not args.no_refresh:
        for name in refresh_documents(check=False):
            print(f"refreshed docs/{name}")
    for name in DOCUMENTS:
        target = export_pdf(DOCS / f"{name}.md", args.out / f"{name}.pdf")
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
