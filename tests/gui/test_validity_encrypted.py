"""A signed, password-protected letter: once the user has opened it with its password in the
window, its signatures are verified with that password (not "could not be checked")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from tests.gui.conftest import MakeWindow, wait_open
from tests.gui.test_validity import trust_root, wait_verified
from tests.gui.validity_helpers import lock, make_pki, sign_encrypted, write_letter

pytestmark = pytest.mark.gui

PASSWORD = "rahasia-dinas"


@pytest.fixture(scope="module")
def locked_letter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("surat-terkunci-ttd")
    pki = make_pki(folder / "pki")
    plain = write_letter(folder / "surat.pdf")
    locked = lock(plain, folder / "surat-terkunci.pdf", PASSWORD)
    return sign_encrypted(locked, folder / "surat-terkunci-ttd.pdf", pki, PASSWORD), \
        pki.root_pem


def test_opened_with_its_password_the_signature_is_verified(
        qtbot: QtBot, make_window: MakeWindow, locked_letter: tuple[Path, Path]) -> None:
    signed, root = locked_letter
    trust_root(root)
    window = make_window()
    tab = window.open_paths([str(signed)])[0]
    with qtbot.waitSignal(tab.passwordRequested, timeout=15_000) as asked:
        pass
    dialog = asked.args[0]
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue(PASSWORD)
    dialog.accept()
    wait_open(qtbot, window)
    v = wait_verified(qtbot, window)
    assert v.banner.tone == "valid", (v.banner.title, v.banner.reason)
    assert v.panel.isVisible() and v.panel.list.count() == 1
    assert "Yes, unchanged." in v.panel.details.answer_labels[1].text()
    # the password went to the verifier only: the report carries no trace of it
    assert PASSWORD not in repr(v.report)
