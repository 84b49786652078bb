"""Refresh the window's translations with Qt Linguist's tools (from pyside6-essentials).

1. ``pyside6-lupdate`` reads every ``tr()``/``translate()`` string in ``ui/`` and updates
   ``desktop_signer_id.ts`` (all strings) and ``desktop_signer_en.ts`` (plural forms only:
   the English source text is used as it is). New strings arrive "unfinished".
2. Translate them: ``pyside6-linguist resources/translations/desktop_signer_id.ts`` (or
   edit the XML). ``tests/gui/test_translations.py`` fails while any string lacks its
   Indonesian text.
3. ``pyside6-lrelease`` compiles every ``.ts`` here into the ``.qm`` the window loads.

Run from the repository root: ``.venv/bin/python resources/translations/refresh.py``
(``--compile-only`` skips step 1).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCES = ROOT / "ui"
APP_CATALOGUES = {
    "desktop_signer_id.ts": ["-target-language", "id_ID"],
    "desktop_signer_en.ts": ["-target-language", "en_US", "-pluralonly"],
}


def tool(name: str) -> str:
    """The Qt tool next to this Python (the venv's), else on PATH."""
    for folder in (Path(sys.executable).parent,):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install pyside6-essentials into this Python")
    return found


def python_sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def update(target_dir: Path = HERE) -> None:
    """Bring the .ts files in ``target_dir`` up to date with the strings in ``ui/``."""
    for name, options in APP_CATALOGUES.items():
        subprocess.run(
            [tool("pyside6-lupdate"), *python_sources(), "-no-obsolete", "-locations", "none",
             *options, "-ts", str(target_dir / name)],
            check=True, stdout=subprocess.DEVNULL,
        )


def compile_all(source_dir: Path = HERE, target_dir: Path = HERE) -> list[Path]:
    written = []
    for ts in sorted(source_dir.glob("*.ts")):
        qm = target_dir / ts.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True)
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    if "--compile-only" not in argv:
        update()
    for qm in compile_all():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
