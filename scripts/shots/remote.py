"""BSrE remote signing in the window (issue 13): the chooser with the remote source and its
status (ISSUE, and a suspended certificate that cannot be chosen; a login by email), the
passphrase and BeSign code (TOTP) dialogs, the one-time plain-http warning, a wrong BeSign
code's message and the settings page of the service (client password in the keyring). The
ESC simulator answers on 127.0.0.1."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path


def shoot(ctx) -> None:
    from desktop_signer.settings import EscSettings
    from desktop_signer.training import esc_users
    from desktop_signer.training.esc_sim import EscSimulator
    from ui.signing.pin_dialog import PinDialog
    from ui.signing.remote_flow import warn_plain_http_once

    letters = Path(ctx.training.directory) / "surat"
    letter = ctx.long_named_copy(letters / "surat-dinas-3-halaman.pdf")
    with EscSimulator(Path(ctx.training.directory)) as sim:
        window = ctx.window([letter])
        ctx.wait_rendered(window)
        flow = window.signing.flow
        seen: list[object] = []
        flow.dialogShown.connect(seen.append)
        base = window.store.settings

        def use_nik(nik: str, name: str = "Budi Santoso", email: str = "") -> None:
            flow.remote.set_settings(replace(base, esc=EscSettings(
                url=sim.url, user=esc_users.CLIENT_USER, nik=nik, email=email,
                signer_name=name)))

        # 1. the chooser: the remembered NIK, BSrE says ISSUE
        use_nik(ctx.training.identity("budi").nik)
        window.signing.sign_action.trigger()
        chooser = seen[-1]
        ctx.wait(lambda: any(o.source == "remote" for o in chooser.options),
                 what="remote source listed")
        ctx.wait(lambda: not any(o.revocation is not None and o.revocation.state == "checking"
                                 for o in chooser.options), what="revocation statuses")
        remote = next(o for o in chooser.options if o.source == "remote")
        chooser.select_key(remote.key)
        chooser.remote_fields.nik_edit.setText(ctx.training.identity("budi").nik)
        chooser.remote_fields.url_edit.setText(sim.url)
        ctx.save(chooser, "remote-chooser")

        # 2. the passphrase dialog (hidden text, Caps Lock hint as it shows)
        dialog = PinDialog(remote, None, window, batch_count=12)
        dialog.show()
        dialog.pin_field.setText("rahasia")
        dialog.caps.show()
        ctx.save(dialog, "remote-passphrase")
        dialog.close()
        dialog.deleteLater()
        # 3. the BeSign code (TOTP) after get/totp for a batch of 12
        totp = next(o for o in chooser.options
                    if o.source == "remote" and o.secret.kind == "totp")
        dialog = PinDialog(totp, None, window, batch_count=12,
                           totp_message="TOTP dikirim ke aplikasi BeSign")
        dialog.show()
        dialog.pin_field.setText("123456")
        ctx.save(dialog, "remote-totp")
        dialog.close()
        dialog.deleteLater()
        chooser.reject()
        ctx.pump(0.3)

        # 4. a suspended certificate: shown with what to do, cannot be chosen
        suspended = next(n for n, s in esc_users.STATUS_ONLY if s == "SUSPEND")
        use_nik(suspended, "")
        window.signing.sign_action.trigger()
        chooser = seen[-1]
        ctx.wait(lambda: any(o.source == "remote" and not o.usable
                             for o in chooser.options), what="suspended listed")
        remote = next(o for o in chooser.options if o.source == "remote")
        chooser.select_key(remote.key)
        chooser.remote_fields.nik_edit.setText(suspended)
        chooser.remote_fields.url_edit.setText(sim.url)
        ctx.save(chooser, "remote-chooser-suspended")
        chooser.reject()
        ctx.pump(0.3)

        # 5. the one-time warning for a plain http:// service
        use_nik(ctx.training.identity("budi").nik)
        warn_plain_http_once(flow, lambda: None, lambda: None)
        box = seen[-1]
        ctx.save(box, "remote-http-warning")
        box.close()
        ctx.pump(0.3)

        # 6. a login by email instead of the NIK
        email = ctx.training.identity("budi").email
        use_nik("", "Budi Santoso", email)
        window.signing.sign_action.trigger()
        chooser = seen[-1]
        ctx.wait(lambda: any(o.source == "remote" and o.usable for o in chooser.options),
                 what="email login listed")
        remote = next(o for o in chooser.options if o.source == "remote")
        chooser.select_key(remote.key)
        chooser.remote_fields.nik_edit.setText(email)
        chooser.remote_fields.url_edit.setText(sim.url)
        ctx.save(chooser, "remote-chooser-email")
        chooser.reject()
        ctx.pump(0.3)

        # 7. a BeSign code typed wrong: what the window says (nothing was written)
        from desktop_signer.remote import RemoteSigningError
        from ui.messages import Action

        shown: list[object] = []
        window.presenter.shown.connect(shown.append)
        window.presenter.present(window, RemoteSigningError(
            "esc_wrong_totp", "TOTP tidak valid atau kedaluwarsa"), Action.SIGN)
        ctx.wait(lambda: bool(shown), what="wrong TOTP message")
        if ctx.scale == 1:  # a QMessageBox is clipped by the small offscreen screen at 200 %
            ctx.save(shown[-1], "remote-wrong-totp")
        shown[-1].close()
        ctx.pump(0.3)

        # 8. Settings → BSrE eSign: the service, its client user and the client password
        shown = []
        window.dialogShown.connect(shown.append)
        window.settings_action.trigger()
        ctx.wait(lambda: bool(shown), what="the settings dialog")
        settings = shown[-1]
        settings.page_list.setCurrentRow(settings.pages.index(settings.esc))
        settings.esc.url.setText(sim.url)
        settings.esc.user.setText(esc_users.CLIENT_USER)
        settings.esc.password.setText("sandi-klien")
        ctx.wait(lambda: "…" not in settings.esc.keyring_note.text(), what="keyring state")
        ctx.save(settings, "settings-esc")
        settings.reject()
        ctx.pump(0.3)
        window.close()
