"""The last placement of the stamp, remembered per signer (the certificate's fingerprint,
or the certificate file): page (counted from the end when it was the last page), box in
PDF points from the displayed lower-left corner. Kept in the user's data folder."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from desktop_signer import paths

FILE_NAME = "placements.json"


@dataclass(frozen=True)
class Remembered:
    page: int  # 0-based; negative: from the end (-1 = last page)
    rect: tuple[float, float, float, float]


def _file() -> Path:
    return paths.user_data() / FILE_NAME


def _read() -> dict[str, object]:
    try:
        data = json.loads(_file().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def recall(key: str) -> Remembered | None:
    entry = _read().get(key)
    if not isinstance(entry, dict):
        return None
    try:
        rect = tuple(float(v) for v in entry["rect"])
        if len(rect) != 4:
            return None
        return Remembered(int(entry["page"]), (rect[0], rect[1], rect[2], rect[3]))
    except (KeyError, TypeError, ValueError):
        return None


def remember(key: str, page: int, page_count: int,
             rect: tuple[float, float, float, float]) -> None:
    data = _read()
    data[key] = {"page": -1 if page == page_count - 1 else page, "rect": list(rect)}
    target = _file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1), "utf-8")
        os.replace(tmp, target)
    except OSError:
        pass  # a placement not remembered is no reason to disturb the user
