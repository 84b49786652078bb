"""Settings page "Trusted certificates": the anchors verification trusts, with fingerprints.

Reading and importing certificates is the core's job (``desktop_signer.trust``); this page
lists what it returns, imports files the user picks into the user's anchor folder, and
shows each SHA-256 fingerprint so it can be compared with the one BSrE publishes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTreeWidgetItem,
    QWidget,
)

from ui.error_presenter import ErrorPresenter
from ui.list_page import build_list_page
from ui.messages import Action
from ui.settings_fields import locked_tooltip
from ui.tasks import Tasks

SHA_ROLE = Qt.ItemDataRole.UserRole


def format_fingerprint(sha256_hex: str) -> str:
    """``AB:CD:...`` in two lines of 16 bytes, as certificate viewers show it."""
    pairs = [sha256_hex[i:i + 2].upper() for i in range(0, len(sha256_hex), 2)]
    return ":".join(pairs[:16]) + "\n" + ":".join(pairs[16:])


def common_name(subject: str) -> str:
    """"Root CA" from "Common Name: Root CA, Organization: ..." (the core's readable
    subject); the whole subject when it has no common name."""
    for part in subject.split(", "):
        if part.startswith("Common Name: "):
            return part.removeprefix("Common Name: ")
    return subject


def _load(training_mode: bool) -> Any:
    from desktop_signer.trust import load_trust

    # In training mode the active training set-up's root is an anchor too (never outside).
    root = None
    if training_mode:
        from desktop_signer.training import active

        made = active.training_setup()
        root = made.root_certificate if made is not None else None
    return load_trust(training_mode=training_mode, training_root=root)


def _import(files: list[str]) -> Any:
    from desktop_signer.trust import import_certificates

    return import_certificates(files, scope="user")


def _remove(sha256: str) -> int:
    from desktop_signer.trust import remove_certificate

    return remove_certificate(sha256, scope="user")


class TrustPage(QWidget):
    loaded = Signal()  # the list is filled (tests wait for it)

    def __init__(self, training_mode: bool, locked: bool, presenter: ErrorPresenter,
                 tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustPage")
        self.fields: list[object] = []
        self._training = training_mode
        self._locked = locked
        self._presenter = presenter
        self._tasks = tasks
        self._anchors: list[tuple[str, str, str]] = []  # subject, origin, sha256
        self._state = "loading"
        parts = build_list_page(self, tree_name="anchorsList", add_name="importCertificate",
                                remove_name="removeCertificate")
        self.intro, self.tree = parts.intro, parts.tree
        self.import_button, self.remove_button = parts.add_button, parts.remove_button
        self.tree.setWordWrap(True)
        self.import_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.confirm_remove)
        self.tree.itemSelectionChanged.connect(self._update_remove_button)
        if locked:
            self.import_button.setEnabled(False)
            self.import_button.setToolTip(locked_tooltip())
        self.retranslate()
        self.reload()

    def title(self) -> str:
        return self.tr("Trusted certificates")

    def reload(self) -> None:
        self._state = "loading"
        self._fill()
        self._tasks.run(lambda: _load(self._training), self._show, self._failed)

    def _show(self, config: Any) -> None:
        self._anchors = [(a.subject, a.origin, a.sha256) for a in config.anchors]
        self._state = "ready"
        self._fill()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._state = "failed"
        self._fill()
        self._presenter.present(self.window(), error, Action.UNEXPECTED)
        self.loaded.emit()

    def _fill(self) -> None:
        self.tree.clear()
        if self._state == "loading":
            QTreeWidgetItem(self.tree, [self.tr("Reading the trusted certificates…")])\
                .setFirstColumnSpanned(True)
            return
        if not self._anchors:
            QTreeWidgetItem(self.tree, [self.tr("(no trusted certificates yet)")])\
                .setFirstColumnSpanned(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        for subject, origin, sha in self._anchors:
            item = QTreeWidgetItem(self.tree)
            item.setText(0, common_name(subject))
            item.setText(1, self._origin_name(origin))
            item.setText(2, format_fingerprint(sha))
            item.setFont(2, mono)
            item.setData(0, SHA_ROLE, sha)
            item.setToolTip(0, subject)
        # The fingerprint must be readable in full; the name may be cut (tooltip has it).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.tree.resizeColumnToContents(2)
        self._update_remove_button()

    def _origin_name(self, origin: str) -> str:
        names = {
            "bundled": self.tr("included"),
            "admin": self.tr("administrator"),
            "user": self.tr("imported by you"),
            "training": self.tr("training"),
            "cli": self.tr("command line"),
        }
        return names.get(origin, origin)

    def choose_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Import trusted certificates"), "",
                             self.tr("Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;"
                                     "All files (*)"))
        dialog.setObjectName("certificateDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self.import_files)
        dialog.open()

    def selected_anchor(self) -> tuple[str, str, str] | None:
        """(subject, origin, sha256) of the selected row, if any."""
        items = self.tree.selectedItems()
        sha = items[0].data(0, SHA_ROLE) if items else None
        return next((a for a in self._anchors if a[2] == sha), None)

    def _update_remove_button(self) -> None:
        selected = self.selected_anchor()
        # only what the user imported lives in the user's folder; the administrator's,
        # the bundled and the training anchors are not the user's to remove
        removable = selected is not None and selected[1] == "user" and not self._locked
        self.remove_button.setEnabled(removable)
        if self._locked:
            self.remove_button.setToolTip(locked_tooltip())
        elif selected is not None and not removable:
            self.remove_button.setToolTip(self.tr(
                "Only certificates you imported yourself can be removed here."))
        else:
            self.remove_button.setToolTip(self.tr(
                "Stop trusting the selected certificate (it is removed from your list)."))

    def confirm_remove(self) -> None:
        selected = self.selected_anchor()
        if selected is None or selected[1] != "user":
            return
        subject, _origin, sha = selected
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove trusted certificate"),
                          self.tr("Stop trusting signatures whose certificate chain ends at "
                                  "“{name}”?").format(name=common_name(subject)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setObjectName("confirmRemoveCertificate")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setInformativeText(self.tr("Fingerprint (SHA-256): {fingerprint}").format(
            fingerprint=format_fingerprint(sha)))
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(_result: int) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self.remove(sha)

        box.finished.connect(answered)
        box.open()

    def remove(self, sha256: str) -> None:
        self._tasks.run(lambda: _remove(sha256), lambda _result: self.reload(),
                        lambda error: self._presenter.present(
                            self.window(), error, Action.REMOVE_CERTIFICATE))

    def import_files(self, files: list[str]) -> None:
        self._tasks.run(lambda: _import(list(files)), lambda _result: self.reload(),
                        lambda error: self._presenter.present(
                            self.window(), error, Action.IMPORT_CERTIFICATE))

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "Signatures are trusted when their certificate chain ends at one of these "
            "certificates. Compare the fingerprint (SHA-256) with the one BSrE publishes "
            "before you import a certificate."))
        self.tree.setHeaderLabels([self.tr("Certificate"), self.tr("Source"),
                                   self.tr("Fingerprint (SHA-256)")])
        self.tree.setAccessibleName(self.tr("Trusted certificates"))
        self.import_button.setText(self.tr("&Import…"))
        self.remove_button.setText(self.tr("&Remove"))
        self._update_remove_button()
        if self._state != "loading" or self.tree.topLevelItemCount():
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
