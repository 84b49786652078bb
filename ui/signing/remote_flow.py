"""Window steps of BSrE remote signing (issue 13): the one-time warning that a plain
``http://`` eSign Client Service carries the passphrase unencrypted, and what is remembered
after a success."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop_signer.remote import http_warning_needed
from desktop_signer.settings import replace_values

translate = QCoreApplication.translate


def warn_plain_http_once(flow: Any, then: Callable[[], None],
                         stop: Callable[[], None]) -> bool:
    """True when no warning is due (go on at once); otherwise shows it, remembers the URL
    in ``esc.http_acknowledged`` and calls ``then`` when the user goes on."""
    store = flow.window.store
    settings = store.settings
    try:
        account = flow.remote.account()
    except Exception:
        return True  # the signing step reports what is wrong with the account
    if not http_warning_needed(account, settings.esc.http_acknowledged):
        return True
    box = QMessageBox(QMessageBox.Icon.Warning,
                      translate("Signing", "Unencrypted connection"),
                      translate("Signing", "The eSign Client Service at %1 uses plain "
                                "http://: your passphrase travels unencrypted over the "
                                "agency network. This warning is shown once.")
                      .replace("%1", account.url), parent=flow.window)
    box.setObjectName("escHttpWarning")
    go = box.addButton(translate("Signing", "Continue"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)

    def done(_r: int) -> None:
        if box.clickedButton() is not go:
            stop()
            return
        esc = settings.esc
        if not store.is_locked("esc.http_acknowledged"):
            try:
                store.save(replace(store.loaded.settings, esc=replace(
                    esc, http_acknowledged=(*esc.http_acknowledged, account.url))))
            except Exception:  # not remembered: it is shown again next time, no harm
                pass
        then()

    box.finished.connect(done)
    box.open()
    flow.dialogShown.emit(box)
    return False


def remember_after_success(store: Any, identity: Any) -> None:
    """After a remote signature: the login that worked (``esc.nik`` or ``esc.email``) and
    the certificate's name for the next stamp (``esc.signer_name``); never a secret. Saved
    only when something changed (a save makes the chooser ask BSrE again)."""
    if getattr(identity, "kind", "") != "remote":
        return
    from desktop_signer.remote import remembered_login

    values = remembered_login(identity.account, identity.known_certificate)
    current = store.loaded.settings
    changed = {k: v for k, v in values.items()
               if not store.is_locked(k) and _value(current, k) != v}
    if not changed:
        return
    try:
        store.save(replace_values(current, changed))
    except Exception:  # remembering is a convenience; the signature stands
        pass


def _value(settings: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        settings = getattr(settings, part)
    return settings
