"""Child processes of the application start without running its main module again.

``multiprocessing`` re-imports ``__main__`` in every spawned or forkserver child, in case the
child's target was defined there. Ours never are: they are module-level functions of this
package. The window's main module imports the window (and so Qt): that cost every
verification child 0.06 s (``desktop-signer``) to 0.7 s (a script importing ``ui.app``, on a
loaded machine, ``benchmarks/bench_panel.py``), and the preview worker as much at start-up.

Children whose process name starts with :data:`PREFIX` are started without it: the
preparation data the parent sends each child leaves the main module out. Other children
(those of libraries, tests) are untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing import spawn
from typing import Any

PREFIX = "desktop-signer-"


def _without_main(original: Callable[[str], dict[str, Any]]) -> Callable[[str], dict[str, Any]]:
    if getattr(original, "desktop_signer", False):
        return original  # installed already

    def preparation_data(name: str) -> dict[str, Any]:
        data = original(name)
        if name.startswith(PREFIX):
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
        return data

    preparation_data.desktop_signer = True  # type: ignore[attr-defined]
    return preparation_data


def skip_main_module() -> None:
    """Install (once) before starting a child named ``PREFIX...``; the spawn and forkserver
    start methods both ask ``spawn.get_preparation_data`` when they launch a child."""
    spawn.get_preparation_data = _without_main(  # type: ignore[assignment]
        spawn.get_preparation_data)
