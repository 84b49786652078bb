"""Signing in the window (issue 12): the certificate chooser (also with an expired and a
revoked certificate selected), every state of the PIN dialog, the stamp placed at the
letter's marker, and the batch dialog running and done."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path


def _pin_dialogs(ctx, window, option) -> None:  # noqa: ANN001
    from desktop_signer.identity_sources import SECRET_PIN_PAD
    from desktop_signer.tokens.state import (
        CKF_LOGIN_REQUIRED,
        CKF_PROTECTED_AUTHENTICATION_PATH,
        CKF_TOKEN_INITIALIZED,
        CKF_USER_PIN_COUNT_LOW,
        CKF_USER_PIN_FINAL_TRY,
        CKF_USER_PIN_INITIALIZED,
        CKF_USER_PIN_LOCKED,
        TokenState,
    )
    from ui.signing.pin_dialog import PinDialog

    ready = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED | CKF_LOGIN_REQUIRED
    states = {
        "normal": (ready, False),
        "count-low": (ready | CKF_USER_PIN_COUNT_LOW, True),
        "final-try": (ready | CKF_USER_PIN_FINAL_TRY, True),
        "locked": (ready | CKF_USER_PIN_LOCKED, False),
        "pin-pad": (ready | CKF_PROTECTED_AUTHENTICATION_PATH, False),
    }
    for name, (flags, wrong) in states.items():
        state = TokenState.from_flags(flags)
        shown = replace(option, secret=replace(
            option.secret, token_state=state,
            kind=SECRET_PIN_PAD if state.pin_pad else option.secret.kind))
        dialog = PinDialog(shown, state, window, wrong_before=wrong)
        dialog.show()
        if name in ("normal", "count-low"):
            dialog.pin_field.setText("1234")
        ctx.save(dialog, f"signing-pin-{name}")
        dialog.close()
        dialog.deleteLater()


def shoot(ctx) -> None:  # noqa: ANN001 - ShotContext
    letters = Path(ctx.training.directory) / "surat"
    letter = ctx.long_named_copy(letters / "surat-dinas-3-halaman.pdf")
    window = ctx.window([letter])
    ctx.wait_rendered(window)
    flow = window.signing.flow
    seen: list[object] = []
    flow.dialogShown.connect(seen.append)

    # 1. the chooser: a certificate that expires soon is selected (its warning shows)
    window.signing.sign_action.trigger()
    chooser = seen[-1]
    ctx.wait(lambda: len(chooser.options) > 5, what="certificates listed")
    # every status asked of the training OCSP/CRL (the revoked identity then says so)
    ctx.wait(lambda: not any(o.revocation is not None and o.revocation.state == "checking"
                             for o in chooser.options), what="revocation statuses")
    soon = next(o for o in chooser.options if o.display_name == "Wati Segera Berakhir")
    chooser.select_key(soon.key)
    ctx.save(chooser, "signing-chooser")
    expired = next(o for o in chooser.options if o.display_name == "Agus Kedaluwarsa")
    chooser.select_key(expired.key)
    ctx.save(chooser, "signing-chooser-unusable")
    # the revoked identity: shown, not choosable, with the date and the reason
    revoked = next(o for o in chooser.options if o.display_name == "Rina Dicabut")
    chooser.select_key(revoked.key)
    ctx.save(chooser, "signing-chooser-revoked")
    budi = next(o for o in chooser.options if o.display_name == "Budi Santoso")
    chooser.select_key(budi.key)
    chooser.choose_button.click()

    # 2. the stamp placed at the letter's marker, the panel beside the page
    ctx.wait(lambda: flow.session is not None and flow.session.overlay is not None
             and flow.session.overlay.image is not None, what="stamp preview")
    session = flow.session
    session.panel.title_edit.setText("Kepala Dinas Komunikasi dan Informatika")
    session.panel.title_edit.setCursorPosition(0)
    session.schedule_preview()
    ctx.pump(0.6)
    ctx.wait_rendered(window)
    ctx.save(window, "signing-placement")

    # 3. every state of the PIN dialog
    _pin_dialogs(ctx, window, budi)

    # 4. the batch dialog: eight letters, as placed on this letter, one PIN
    folder = ctx.work / "surat-keluar"
    folder.mkdir()
    for n in range(1, 9):
        shutil.copyfile(letters / "nota-dinas-1-halaman.pdf",
                        folder / f"Nota Dinas Undangan Rapat Koordinasi {n:02d}.pdf")
    batch = flow.open_batch(session)
    batch.add_paths([folder])
    batch.out_dir.setText(str(ctx.work / "ditandatangani"))
    batch.rule_preset.setChecked(True)
    ctx.save(batch, "signing-batch")
    batch.sign_button.click()
    ctx.wait(lambda: type(seen[-1]).__name__ == "PinDialog", what="batch PIN")
    pin = seen[-1]
    ctx.save(pin, "signing-pin-batch")
    shots = {"running": False}

    def running(done: int, total: int, current: str) -> None:
        if done == 3 and current and not shots["running"]:
            shots["running"] = True
            ctx.save(batch, "signing-batch-running")

    batch.progressed.connect(running)
    pin.pin_field.setText(ctx.training.pin)
    pin.ok_button.click()
    ctx.wait(lambda: batch.result is not None, timeout_s=300, what="batch finished")
    ctx.save(batch, "signing-batch-finished")
    batch.reject()
    session.close()
    flow.shutdown()
