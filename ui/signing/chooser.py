"""The identity chooser: every signing certificate the identity sources see, with its
details, the reason when it cannot be chosen, and what was tried when nothing is found.

The list comes from the background :class:`~ui.signing.watcher.IdentityWatcher` and is
redrawn whenever it changes (a token put in or pulled out), keeping the selection.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_signer.identity_sources import IdentityOption, SourceListing
from ui.signing.texts import (
    diagnostic_text,
    reason_text,
    revoked_label,
    revoked_text,
    status_label,
)
from ui.signing.watcher import IdentityWatcher
from ui.tasks import Tasks
from ui.training import evidence

OPTION_ROLE = Qt.ItemDataRole.UserRole


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class IdentityChooser(QDialog):
    chosen = Signal(object)  # IdentityOption
    listingShown = Signal()  # the list was (re)drawn (tests, screenshots)
    testDone = Signal(str)  # the "test token" report

    def __init__(self, watcher: IdentityWatcher, parent: QWidget | None = None,
                 preselect: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("identityChooser")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._watcher = watcher
        self._tasks = Tasks(self)
        self._preselect = preselect
        self.options: list[IdentityOption] = []
        self._accepted = False

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("identityList")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(True)
        self.details = QLabel(self)
        self.details.setObjectName("identityDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details.setMinimumWidth(280)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.splitterMoved.connect(lambda *_: self._size_columns())
        self.diagnostics_label = QLabel(self)
        self.diagnostics = QPlainTextEdit(self)
        self.diagnostics.setObjectName("identityDiagnostics")
        self.diagnostics.setReadOnly(True)
        self.diagnostics.setMaximumHeight(110)
        self.diagnostics_label.setBuddy(self.diagnostics)
        self.status = QLabel(self)
        self.status.setObjectName("chooserStatus")
        self.status.setWordWrap(True)

        self.add_file = QPushButton(self)
        self.add_file.setObjectName("addPkcs12")
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testToken")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshIdentities")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.choose_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.choose_button.setObjectName("chooseIdentity")
        row = QHBoxLayout()
        row.addWidget(self.add_file)
        row.addWidget(self.test_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.diagnostics_label)
        layout.addWidget(self.diagnostics)
        layout.addLayout(row)
        self.resize(860, 560)

        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.itemActivated.connect(lambda *_: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_file.clicked.connect(self.choose_pkcs12)
        self.test_button.clicked.connect(self.test_token)
        self.refresh_button.clicked.connect(watcher.refresh_now)
        watcher.listed.connect(self.show_listing)
        self.retranslate()
        if watcher.latest is not None:
            self.show_listing(watcher.latest)
        # the watcher lists only while a chooser is open (see ui.signing.watcher)
        watcher.resume()
        watcher.start()
        self.finished.connect(lambda _r: watcher.pause())

    # --- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose the signing certificate"))
        self.intro.setText(self.tr("Certificates on your tokens and certificate files. "
                                   "Plug in the token now if it is not listed: the list "
                                   "updates by itself."))
        self.tree.setHeaderLabels([self.tr("Certificate"), self.tr("Status")])
        self.tree.setAccessibleName(self.tr("Signing certificates"))
        self.details.setAccessibleName(self.tr("Certificate details"))
        self.diagnostics_label.setText(self.tr("&What was tried:"))
        self.diagnostics.setAccessibleName(self.tr("Token modules and files that were "
                                                   "tried"))
        self.add_file.setText(self.tr("Certificate &file (.p12)…"))
        self.test_button.setText(self.tr("&Test token"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.choose_button.setText(self.tr("&Choose"))
        if self._watcher.latest is None:
            self.status.setText(self.tr("Looking for tokens and certificates…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the list -------------------------------------------------------------------------

    def show_listing(self, listings: tuple[SourceListing, ...]) -> None:
        current = self.current_option()
        keep = current.key if current is not None else self._preselect
        self.tree.clear()
        self.options = []
        holders: dict[tuple[str, str], QTreeWidgetItem] = {}
        select: QTreeWidgetItem | None = None
        first_usable: QTreeWidgetItem | None = None
        lines: list[str] = []
        for listing in listings:
            for option in listing.options:
                group = (option.source, option.holder if option.source == "pkcs11" else "")
                parent = holders.get(group)
                if parent is None:
                    parent = QTreeWidgetItem(self.tree)
                    parent.setText(0, self.tr("Token %1").replace("%1", option.holder)
                                   if option.source == "pkcs11" else
                                   self.tr("Certificate files") if option.source == "pkcs12"
                                   else self.tr("BSrE eSign (NIK + passphrase)")
                                   if option.source == "remote" else option.holder)
                    parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    parent.setExpanded(True)
                    holders[group] = parent
                item = QTreeWidgetItem(parent)
                item.setText(0, option.display_name)
                status = self._status_text(option)
                item.setText(1, status)
                item.setToolTip(0, option.display_name)
                item.setToolTip(1, self._status_tooltip(option))
                item.setData(0, OPTION_ROLE, len(self.options))
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                             f"{option.display_name}, {status}")
                if not option.usable:
                    grey = QBrush(QColor("#6b6b6b"))
                    item.setForeground(0, grey)
                    # a login still to be typed is a step to take, not a fault: no red
                    waiting = option.reasons == ("esc_login_missing",)
                    item.setForeground(1, grey if waiting else QBrush(QColor("#9b1c1c")))
                self.options.append(option)
                if option.key == keep:
                    select = item
                if option.usable and first_usable is None:
                    first_usable = item
                parent.setExpanded(True)
            for diag in listing.diagnostics:
                lines.append(self._diagnostic_line(diag))
        self.tree.expandAll()
        self._size_columns()
        self.diagnostics.setPlainText("\n".join(lines))
        usable = sum(1 for o in self.options if o.usable)
        if not self.options:
            self.status.setText(self.tr("No certificate found. Plug in the token, or choose a "
                                        "certificate file. What was tried is listed below."))
        else:
            text = (self.tr("%1 certificates found, %2 can sign.")
                    .replace("%1", str(len(self.options))).replace("%2", str(usable)))
            if any(o.revocation is not None and o.revocation.state == "checking"
                   for o in self.options):
                # one quiet note: the rows can be chosen meanwhile (offline users must sign)
                text += " " + self.tr("Checking revocation status…")
            self.status.setText(text)
        target = select or first_usable
        if target is not None:
            self.tree.setCurrentItem(target)
        self._show_current()
        self.listingShown.emit()

    def _size_columns(self) -> None:
        """The names as wide as they need, but never more than 60 % of the list, so the
        Status column keeps room for its words (a long name is cut, in full in the
        details and its tooltip)."""
        self.tree.resizeColumnToContents(0)
        cap = int(self.tree.viewport().width() * 0.6)
        if cap > 0 and self.tree.columnWidth(0) > cap:
            self.tree.setColumnWidth(0, cap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_columns()

    def _reason_text(self, option: IdentityOption, reason: str) -> str:
        if reason == "revoked" and option.revocation is not None:
            return revoked_text(option.revocation)
        return reason_text(reason)

    def _status_text(self, option: IdentityOption) -> str:
        """A few words for the Status column: the full sentences are in the details panel
        beside the list (and the row's tooltip), so the column never cuts a reason off."""
        if not option.usable:
            words = [revoked_label(option.revocation)
                     if r == "revoked" and option.revocation is not None else status_label(r)
                     for r in option.reasons]
        elif option.source == "remote":
            return self.tr("ISSUE: can sign")
        elif option.info is None:
            words = [self.tr("details after the passphrase")]
        else:
            words = [status_label(w) for w in option.warnings if w != "training"]
            if "training" in option.warnings:
                words.append(self.tr("training"))
            words = words or [self.tr("can sign")]
        text = "; ".join(words)
        return text[:1].upper() + text[1:]

    def _status_tooltip(self, option: IdentityOption) -> str:
        sentences = [self._reason_text(option, r) for r in option.reasons]
        sentences += [reason_text(w) for w in option.warnings]
        return "\n".join(sentences) or self._status_text(option)

    def _diagnostic_line(self, diag: object) -> str:
        subject = getattr(diag, "subject", "") or getattr(diag, "family", "")
        status = diagnostic_text(getattr(diag, "status", ""))
        reason = getattr(diag, "reason", "")
        looked = getattr(diag, "looked_for", ())
        line = f"{subject}: {status}"
        if reason:
            line += f" ({reason})"
        if looked and not getattr(diag, "subject", ""):
            line += " — " + self.tr("looked for %1").replace("%1", ", ".join(looked))
        return line

    def current_option(self) -> IdentityOption | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = item.data(0, OPTION_ROLE)
        return self.options[index] if isinstance(index, int) and \
            0 <= index < len(self.options) else None

    def select_key(self, key: str) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(index)
            for child in range(parent.childCount() if parent else 0):
                item = parent.child(child) if parent else None
                i = item.data(0, OPTION_ROLE) if item else None
                if item is not None and isinstance(i, int) and self.options[i].key == key:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def _show_current(self) -> None:
        option = self.current_option()
        if option is not None and not option.usable:
            evidence.identity_refused(option)  # training exercises: refused, with why
        self.choose_button.setEnabled(option is not None and option.usable)
        self.test_button.setEnabled(option is not None and option.source == "pkcs11")
        self.details.setText(self.details_html(option) if option else "")

    def details_html(self, option: IdentityOption) -> str:
        rows: list[tuple[str, str]] = []
        info = option.info
        if info is not None:
            rows.append((self.tr("Name"), info.subject_name))
            rows.append((self.tr("Organisation"), info.organization))
            kind = {"nip": "NIP", "nik": "NIK"}.get(info.id_kind, self.tr("ID"))
            if info.id_number:
                rows.append((kind, info.id_number))
            rows.append((self.tr("Issuer"), info.issuer_name))
            rows.append((self.tr("Valid"), self.tr("%1 to %2")
                         .replace("%1", info.not_before.astimezone(UTC).strftime("%d-%m-%Y"))
                         .replace("%2", info.not_after.astimezone(UTC).strftime("%d-%m-%Y"))))
            rows.append((self.tr("Key usage"), ", ".join(info.key_usage) or "—"))
            rows.append((self.tr("Key"), f"{info.key_type.upper()} {info.key_size}"))
            rows.append((self.tr("Serial"), info.serial_hex))
        rows.append((self.tr("Held on"), option.holder))
        body = "".join(f"<tr><td><b>{_html(k)}</b>&nbsp;&nbsp;</td><td>{_html(v)}</td></tr>"
                       for k, v in rows if v)
        notes = []
        if info is not None and info.expiring_soon:
            days = max(info.days_left, 0)
            notes.append(("#8a5a00", self.tr("Expires in %1 days: renew it with your "
                                             "registration officer.").replace("%1", str(days))))
        for reason in option.reasons:
            notes.append(("#9b1c1c", self._reason_text(option, reason)))
        revocation = self._revocation_note(option)
        if revocation:
            notes.append(("#444444", revocation))
        for warning in option.warnings:
            if warning != "expiring_soon":
                notes.append(("#8a5a00", reason_text(warning)))
        if option.source == "remote" and option.usable:
            notes.append(("#1d5e20", self.tr("BSrE says the certificate is issued (ISSUE). "
                                             "The passphrase is asked for when you sign and "
                                             "is never stored.")))
        elif info is None and option.source != "remote":
            notes.append(("#444444", self.tr("The file's details are shown after its "
                                             "passphrase is entered.")))
        html = f"<table>{body}</table>"
        html += "".join(f"<p style='color:{c}'>{_html(t)}</p>" for c, t in notes)
        return html

    def _revocation_note(self, option: IdentityOption) -> str:
        state = option.revocation.state if option.revocation is not None else ""
        if state == "checking":
            return self.tr("Checking with the issuer whether the certificate was revoked…")
        if state == "good":
            return self.tr("Not revoked: the issuer's revocation service (OCSP/CRL) says "
                           "the certificate is in force.")
        if state == "unknown":
            return self.tr("Whether the certificate was revoked could not be checked now "
                           "(offline, or the issuer's service does not answer). You can "
                           "still sign; level B-LT checks it again.")
        return ""

    # --- actions ----------------------------------------------------------------------------

    def choose_pkcs12(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a certificate file"), "",
                             self.tr("Certificate files (*.p12 *.pfx);;All files (*)"))
        dialog.setObjectName("pkcs12FileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.add_pkcs12)
        dialog.open()

    def add_pkcs12(self, path: str) -> None:
        for source in self._watcher.sources:
            adder = getattr(source, "add", None)
            if source.id == "pkcs12" and callable(adder):
                adder(path)
                self._preselect = str(path)
        self._watcher.refresh_now()

    def test_token(self) -> None:
        option = self.current_option()
        source = next((s for s in self._watcher.sources
                       if option is not None and s.id == option.source), None)
        tester = getattr(source, "test", None)
        if option is None or not callable(tester):
            return
        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Testing the token…"))
        self._tasks.run(lambda: tester(option), self._tested, self._test_failed)

    def _tested(self, lines: tuple[object, ...]) -> None:
        self.test_button.setEnabled(True)
        ok = all(getattr(d, "status", "") == "ok" for d in lines)
        head = self.tr("Token test passed.") if ok else self.tr("Token test failed.")
        report = "\n".join(self._diagnostic_line(d) for d in lines)
        self.status.setText(head)
        self.diagnostics.setPlainText(head + "\n" + report)
        self.testDone.emit(head + "\n" + report)

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.status.setText(self.tr("Token test failed."))
        self.testDone.emit(str(error))

    def accept(self) -> None:
        option = self.current_option()
        if option is None or not option.usable or self._accepted:
            return  # (Enter reaches both the list and the default button)
        self._accepted = True
        self.chosen.emit(option)
        super().accept()
