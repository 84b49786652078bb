"""The exact bytes a signature signed, as a file of its own ("Lihat versi yang
ditandatangani"): the first ``end`` bytes of the document, ``end`` being where the signed
revision's ByteRange ends. Written read-only into a folder the caller owns."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop_signer.settings import write_atomic


def write_signed_revision(source: str | Path, end: int, target: Path) -> Path:
    """Copy the signed revision of ``source`` (its first ``end`` bytes) to ``target``,
    read-only. Raises OSError when the source is shorter than ``end`` or unreadable."""
    with open(source, "rb") as f:
        data = f.read(end)
    if len(data) != end or end <= 0:
        raise OSError(f"{source}: the signed revision ends at {end}, the file is shorter")
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    write_atomic(target, data)
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP)
    return target
