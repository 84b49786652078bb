"""Every text of the window has its Indonesian translation, and no text bypasses Linguist.

The catalogue is refreshed from the current ``ui/`` sources into a temporary folder with
``pyside6-lupdate`` (the same call as ``resources/translations/refresh.py``): a new
``tr()`` string without an Indonesian text fails here, as does a translation that lost a
placeholder, a stale ``.qm``, or a user-visible literal that is not wrapped in ``tr()``.
"""

from __future__ import annotations

import ast
import re
import shutil
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
sys.path.insert(0, str(TRANSLATIONS))
import refresh  # noqa: E402  (the project's own refresh script, not an installed module)

pytestmark = pytest.mark.gui

Message = tuple[str, str, str]  # context, source, translation


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ts")
    for ts in TRANSLATIONS.glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    refresh.update(folder)
    return folder


def test_every_window_text_has_an_indonesian_translation(refreshed: Path) -> None:
    missing = []
    for context, source, message in messages(refreshed / "desktop_signer_id.ts"):
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext()).strip()
        if not text or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(f"{context}: {source!r}")
    assert missing == [], "translate in resources/translations/desktop_signer_id.ts"


def test_the_committed_catalogue_matches_the_sources(refreshed: Path) -> None:
    for name in ("desktop_signer_id.ts", "desktop_signer_en.ts"):
        committed = {(c, s) for c, s, _ in messages(TRANSLATIONS / name)}
        current = {(c, s) for c, s, _ in messages(refreshed / name)}
        assert committed == current, f"run resources/translations/refresh.py ({name})"
    assert len(messages(TRANSLATIONS / "desktop_signer_id.ts")) > 150


PLACEHOLDER = re.compile(r"\{[a-z]+\}|%\d")


def test_translations_keep_placeholders_and_one_mnemonic() -> None:
    for name in ("desktop_signer_id.ts", "qtbase_id.ts"):
        for context, source, message in messages(TRANSLATIONS / name):
            translation = message.findtext("translation") or ""
            where = f"{name} {context}: {source!r}"
            assert sorted(PLACEHOLDER.findall(source)) == \
                sorted(PLACEHOLDER.findall(translation)), where
            amps = source.replace("&&", "").count("&")
            assert translation.replace("&&", "").count("&") == amps, where


def test_the_compiled_catalogues_are_current(tmp_path: Path) -> None:
    for qm in refresh.compile_all(TRANSLATIONS, tmp_path):
        assert qm.read_bytes() == (TRANSLATIONS / qm.name).read_bytes(), \
            f"run resources/translations/refresh.py --compile-only ({qm.name})"


# Qt setters and constructors whose text a user reads, and which argument holds it
# (None: any argument; item data and message levels are identifiers, not text).
TEXT_CALLS: dict[str, int | None] = {
    "setText": None, "setWindowTitle": None, "setToolTip": None, "setStatusTip": None,
    "setWhatsThis": None, "setPlaceholderText": None, "setAccessibleName": None,
    "setAccessibleDescription": None, "setTitle": None, "setLabelText": None,
    "setOkButtonText": None, "setCancelButtonText": None, "addItem": 0, "setItemText": 1,
    "setHeaderLabels": None, "show_message": 1, "setTabText": 1, "addMenu": None,
    "addAction": None, "QLabel": None, "QPushButton": None, "QCheckBox": None,
    "QAction": None, "QMessageBox": None, "QFileDialog": None, "setInformativeText": None,
    "setDetailedText": None,
}
# Literals that are the same in every language: names and technical notations.
ALLOWED = {"Desktop Signer", "Bahasa Indonesia", "English", "https://", "BSrE",
           "https://tte.komdigi.go.id/verifyPDF"}
HAS_WORDS = re.compile(r"[A-Za-z]{3,}")


def literal_texts(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value for v in node.values
                        if isinstance(v, ast.Constant) and isinstance(v.value, str))]
    if isinstance(node, ast.List | ast.Tuple):
        return [t for element in node.elts for t in literal_texts(element)]
    return []


def test_no_user_visible_literal_bypasses_translation() -> None:
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                node.func.id if isinstance(node.func, ast.Name) else ""
            if name not in TEXT_CALLS:
                continue
            position = TEXT_CALLS[name]
            arguments = node.args if position is None else node.args[position:position + 1]
            for argument in arguments:
                for text in literal_texts(argument):
                    if HAS_WORDS.search(text) and text.strip() not in ALLOWED \
                            and not text.startswith(("QFrame#", "QListView#")):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    assert found == [], "wrap these in self.tr() / translate()"


def qt_catalogue(path: Path) -> set[tuple[str, str]]:
    """(context, source) pairs of a compiled Qt catalogue (.qm stores both)."""
    data = path.read_bytes()
    assert data[:16] == bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")
    pairs: set[tuple[str, str]] = set()
    position = 16
    while position < len(data):
        tag, length = data[position], struct.unpack(">I", data[position + 1:position + 5])[0]
        block = data[position + 5:position + 5 + length]
        position += 5 + length
        if tag != 0x69:  # the messages block
            continue
        cursor, current = 0, {}
        while cursor < len(block):
            kind = block[cursor]
            cursor += 1
            if kind == 1:  # end of message
                pairs.add((current.get(7, ""), current.get(6, "")))
                current = {}
            elif kind in (3, 6, 7, 8):
                size = struct.unpack(">I", block[cursor:cursor + 4])[0]
                cursor += 4
                if size != 0xFFFFFFFF:
                    if kind != 3:
                        current[kind] = block[cursor:cursor + size].decode("utf-8")
                    cursor += size
            elif kind == 5:
                cursor += 4
    return pairs


def test_the_qt_strings_we_translate_are_qt_s_own() -> None:
    import PySide6

    german = Path(PySide6.__file__).parent / "Qt" / "translations" / "qtbase_de.qm"
    known = qt_catalogue(german)
    ours = {(c, s) for c, s, _ in messages(TRANSLATIONS / "qtbase_id.ts")}
    assert ours and ours <= known, sorted(ours - known)
    assert ("QPlatformTheme", "Cancel") in ours and ("QMessageBox", "Show Details...") in ours
