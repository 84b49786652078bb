"""Alat → Pengaturan → Umum with the soft-fail revocation box (issue 10)."""

from __future__ import annotations


def shoot(ctx) -> None:  # noqa: ANN001 - ShotContext
    window = ctx.window([])
    ctx.wait_rendered(window)
    shown: list[object] = []
    window.dialogShown.connect(shown.append)
    window.settings_action.trigger()
    ctx.wait(lambda: bool(shown), what="the settings dialog")
    dialog = shown[0]
    ctx.pump()
    ctx.save(dialog, "settings-general-revocation")
    dialog.reject()  # type: ignore[attr-defined]
