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

import multiprocessing
import sys
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


def forkserver_context(preload: list[str]) -> Any:
    """A forkserver context preloading ``preload`` (POSIX), else spawn. There is one
    forkserver per process: the last preload set before it starts is the one used.

    Here rather than in ``verification.isolation`` because the window's process calls it
    too and must not import the verifier (asn1crypto, trust) to do so: the window only
    starts children, the checking happens in them."""
    skip_main_module()
    ctx: Any
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(preload)
    else:
        ctx = multiprocessing.get_context("spawn")
    return ctx


def start_child(ctx: Any, target: Callable[..., None], args: tuple[Any, ...],
                name: str) -> Any:
    """A started daemon child of ``ctx`` running ``target(*args)``; ``name`` must start
    with :data:`PREFIX` for the child to skip the main module."""
    process = ctx.Process(target=target, args=args, daemon=True, name=name)
    process.start()
    return process
