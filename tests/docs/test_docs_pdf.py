"""The agency's documents: ``scripts/docs-pdf`` exports each as a PDF that carries every
heading of its Markdown source (read back from the PDF), and the generated tables in the
committed documents are those the program's message catalogues give today."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pymupdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ("panduan-pengguna", "panduan-pelatih", "penilaian-keamanan")


def _headings(markdown: str) -> list[str]:
    text = re.sub(r"```.*?```", "", markdown, flags=re.S)
    return [line.lstrip("#").strip() for line in text.splitlines()
            if re.match(r"^#{1,4} ", line)]


def _words(text: str) -> str:
    # NFKC: the PDF's text has the font's ligatures (ﬁ) where the source has two letters
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.replace("*", "").replace("`", "").split())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    result = subprocess.run([sys.executable, "scripts/docs_build.py", "--no-refresh",
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_heading_is_in_the_pdf(exported: Path, name: str) -> None:
    source = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
    headings = _headings(source)
    assert len(headings) >= 5
    with pymupdf.open(exported / f"{name}.pdf") as doc:
        assert doc.page_count >= 2
        text = _words(" ".join(page.get_text() for page in doc))
        assert doc.metadata["title"].startswith("Desktop Signer")
    missing = [h for h in headings if _words(h) not in text]
    assert missing == []


def test_the_screenshots_are_embedded(exported: Path) -> None:
    with pymupdf.open(exported / "panduan-pelatih.pdf") as doc:
        images = sum(len(page.get_images()) for page in doc)
    source = (ROOT / "docs" / "panduan-pelatih.md").read_text(encoding="utf-8")
    assert images == source.count("![")


def test_generated_tables_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, "scripts/docs_build.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_every_window_error_code_is_in_the_user_guide() -> None:
    sys.path.insert(0, str(ROOT))
    from scripts.docs_build import _window_codes

    guide = (ROOT / "docs" / "panduan-pengguna.md").read_text(encoding="utf-8")
    codes = _window_codes()
    assert "port_in_use" in codes
    assert [c for c in codes if f"`{c}`" not in guide] == []
