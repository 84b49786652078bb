"""The layering rules of DESIGN §2 are checked by import-linter in the test command;
these tests prove that the contracts really catch a violation (a check that cannot fail
is no check)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _write_config(tmp: Path) -> Path:
    """The project's own [tool.importlinter] tables, verbatim, for a throw-away tree."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    tomllib.loads(text)  # the project file must stay valid TOML
    start = text.index("[tool.importlinter]")
    end = text.find("\n[tool.", start + 1)
    while end != -1 and text.startswith("\n[tool.importlinter", end):
        end = text.find("\n[tool.", end + 1)
    path = tmp / "importlinter.toml"
    path.write_text(text[start:] if end == -1 else text[start:end], encoding="utf-8")
    return path


def _lint(tmp: Path) -> subprocess.CompletedProcess[str]:
    config = _write_config(tmp)
    env = dict(os.environ, PYTHONPATH=str(tmp))
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    return subprocess.run([exe, "--config", str(config), "--no-cache"], cwd=tmp, env=env,
                          capture_output=True, text=True, check=False)


def _package(tmp: Path, name: str, body: str) -> None:
    pkg = tmp / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "module.py").write_text(body, encoding="utf-8")


def test_contracts_pass_on_clean_packages(tmp_path: Path) -> None:
    _package(tmp_path, "desktop_signer", "import json\n")
    _package(tmp_path, "ui", "import desktop_signer.module\n")
    result = _lint(tmp_path)
    assert result.returncode == 0, result.stdout


def test_core_importing_qt_breaks_the_contract(tmp_path: Path) -> None:
    _package(tmp_path, "desktop_signer", "import PySide6.QtCore\n")
    _package(tmp_path, "ui", "import json\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "desktop_signer.module -> PySide6" in result.stdout


def test_ui_importing_pyhanko_breaks_the_contract(tmp_path: Path) -> None:
    _package(tmp_path, "desktop_signer", "import json\n")
    _package(tmp_path, "ui", "from pyhanko.sign import signers\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "ui.module -> pyhanko" in result.stdout
