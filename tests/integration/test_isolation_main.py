"""The verifier's children and the preview worker do not run the application's main module
again.

``multiprocessing`` re-imports ``__main__`` in each child unless told otherwise; the window's
main module imports Qt, which made every verification pay for it. Here the main module of a
real process refuses to be imported a second time (as a child would): verification must still
give its verdict, and the child's main must never have been run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

VALID = "real/itext/SVIT_validDoc.pdf"
ROOT_CERT = "real/certs/itext/root_cert.pem"

MAIN = r"""
import sys
from pathlib import Path

if __name__ != "__main__":  # a child re-running this file as "__mp_main__"
    Path(sys.argv[2]).write_text("main imported again")
    raise SystemExit("the main module must not run in the verifier's child")


def run() -> None:
    from desktop_signer.render.client import RenderClient

    client = RenderClient()
    client.start()
    client.open(1, sys.argv[1])
    print(type(client.receive()).__name__)  # Opened
    client.stop()
    from desktop_signer.verification import VerifyOptions, verify_file
    from desktop_signer.reports.window_check import call_in_child, preview_in_child

    report = verify_file(sys.argv[1], VerifyOptions(offline=True))
    print(report.verdict, report.problem or "-", len(report.signatures))
    call_in_child(preview_in_child, sys.argv[3])  # the window's other child calls too
    print("call ok")


if __name__ == "__main__":
    run()
"""


def test_children_skip_the_main_module(corpus: Path, tmp_path: Path) -> None:
    script = tmp_path / "main_with_side_effect.py"
    script.write_text(MAIN, "utf-8")
    marker = tmp_path / "marker.txt"
    done = subprocess.run([sys.executable, str(script), str(corpus / VALID), str(marker),
                           str(corpus / ROOT_CERT)],
                          cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0] == "Opened"
    verdict, problem, count = lines[1].split()
    assert problem == "-" and verdict == "indeterminate" and int(count) >= 1  # no anchor given
    assert "call ok" in done.stdout
    assert not marker.exists()
