"""Two instances of the application writing the journal at the same moment (a window and a
command-line batch): both succeed, every row is there once."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop_signer.journal import Journal

pytestmark = pytest.mark.integration

WRITER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from desktop_signer.journal import Journal, JournalEntry
    path, go, name, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    journal = Journal(path)
    while not go.exists():
        time.sleep(0.005)
    failed = 0
    for i in range(count):
        row = JournalEntry(time_utc="2026-05-04T03:02:01+00:00", input_name=f"{name}-{i}.pdf",
                           output_name="o.pdf", output_sha256="", cert_subject="",
                           cert_serial="", cert_issuer="", key_kind="pkcs12",
                           requested_level="B-B", level="B-B", result="signed", error_code="")
        if journal.record(row) is None:
            failed += 1
    journal.close()
    print(json.dumps({"failed": failed, "unwritten": len(journal.unwritten),
                      "problem": journal.problem}))
""")


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    go = tmp_path / "go"
    count = 150
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(go), name,
                               str(count)], stdout=subprocess.PIPE, text=True)
             for name in ("window", "cli")]
    time.sleep(1.0)  # both are open and waiting (SQLite, WAL set up by the first)
    go.touch()
    answers = [json.loads(p.communicate(timeout=120)[0]) for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert answers == [{"failed": 0, "unwritten": 0, "problem": ""}] * 2
    with Journal(path) as journal:
        names = sorted(e.input_name for e in journal.entries())
    assert names == sorted(f"{who}-{i}.pdf" for who in ("window", "cli") for i in range(count))
