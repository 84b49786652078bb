"""What the window remembers between runs that is not a setting: recent files, geometry.

A small JSON file beside ``settings.json`` (``window.json``), written atomically. Not
QSettings: one folder for everything Desktop Signer keeps, isolated in tests the same way,
and readable by an administrator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from desktop_signer import paths
from desktop_signer.settings import write_atomic

STATE_FILE = "window.json"
MAX_RECENT = 10


@dataclass(frozen=True)
class UiState:
    recent_files: tuple[str, ...] = ()
    geometry: str = ""  # hex of QMainWindow.saveGeometry()
    thumbnails_visible: bool = True

    def with_recent(self, path: str) -> UiState:
        recent = [path] + [p for p in self.recent_files if p != path]
        return replace(self, recent_files=tuple(recent[:MAX_RECENT]))

    def without_recent(self, path: str) -> UiState:
        return replace(self, recent_files=tuple(p for p in self.recent_files if p != path))


def state_file(folder: Path | None = None) -> Path:
    return (folder or paths.user_config()) / STATE_FILE


def load(folder: Path | None = None) -> UiState:
    try:
        raw = json.loads(state_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UiState()
    if not isinstance(raw, dict):
        return UiState()
    recent = raw.get("recent_files", [])
    return UiState(
        recent_files=tuple(str(p) for p in recent if isinstance(p, str))[:MAX_RECENT]
        if isinstance(recent, list) else (),
        geometry=str(raw.get("geometry", "")),
        thumbnails_visible=bool(raw.get("thumbnails_visible", True)),
    )


def save(state: UiState, folder: Path | None = None) -> None:
    """Best effort: losing the recent-files list is not worth an error message."""
    target = state_file(folder)
    data = {"recent_files": list(state.recent_files), "geometry": state.geometry,
            "thumbnails_visible": state.thumbnails_visible}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
