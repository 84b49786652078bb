"""scripts/package on a machine without the build tools says what to install and stops
(before any freezing: the check is the script's first step)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# enough of a system to run the script's first lines, but no dpkg, ldd or xz
TOOLS = ("bash", "dirname", "cat", "grep", "id", "date", "mkdir", "uname", "sort")


def test_without_build_tools_it_names_them_and_stops(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    done = subprocess.run([str(bin_dir / "bash"), str(ROOT / "scripts" / "package")],
                          env={"PATH": str(bin_dir), "HOME": str(tmp_path)},
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "Packaging needs: dpkg" in done.stderr and "libc-bin" in done.stderr
    assert "sudo apt-get install -y dpkg" in done.stderr
    assert "freezing" not in done.stdout  # stopped before any work
