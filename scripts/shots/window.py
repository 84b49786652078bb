"""The window on its first start: training mode with a sample letter (the README picture)."""

from __future__ import annotations


def shoot(ctx) -> None:  # noqa: ANN001 - ShotContext
    window = ctx.window([])
    ctx.wait_rendered(window)
    ctx.save(window, "window")
