"""Wiring of the validity panel into the window with two calls:

``install(window)`` once: the View menu's "Signatures" section (panel, check again, check
online, export report), the trust-anchor watcher and the verifier warm-up.
``hub.attach(tab)`` for every document tab the window opens (also the signed copies other
features open): banner above the document, panel beside it, outline on the page, and
automatic verification when the document is shown.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop_signer.render.models import Rect
from ui.messages import Action
from ui.training import evidence
from ui.validity import jobs
from ui.validity.banner import ValidityBanner
from ui.validity.controller import ValidityController
from ui.validity.overlay import SignatureOverlay, to_view_rect
from ui.validity.panel import SignaturesPanel
from ui.validity.view_model import ReportView, SignatureView, build, plain_text

# settings that change a verdict: a change re-verifies every open document
_VERIFY_SETTINGS = ("offline", "revocation_soft_fail", "training_mode", "training_dir")


def _fingerprint(sha256: str) -> str:
    pairs = [sha256[i:i + 2] for i in range(0, len(sha256), 2)]
    return ":".join(pairs[:16]) + "\n" + ":".join(pairs[16:])


class TabValidity(QObject):
    """Everything the validity panel adds to one document tab."""

    changed = Signal()  # a new state is shown (tests, screenshots)

    def __init__(self, tab: Any, hub: ValidityHub) -> None:
        super().__init__(tab)
        self.tab = tab
        self.hub = hub
        self.revision_of: tuple[str, int] | None = None  # (original path, revision)
        self.view_model: ReportView | None = None
        self._panel_wanted: bool | None = None  # None: open by itself for signed files
        self._filling = 0  # the panel filling in progress after a verdict (0: none)
        self._fills = 0
        self.controller = ValidityController(tab.path, hub.settings(), self,
                                             describer=self._describer)
        self.banner = ValidityBanner(tab)
        self.banner.hide()
        self.panel = SignaturesPanel(tab)
        self.panel.hide()
        self.overlay = SignatureOverlay(tab.view, self._widget_clicked)
        tab.view.add_overlay(self.overlay)
        layout = tab.layout()
        layout.insertWidget(layout.indexOf(tab.message_bar) + 1, self.banner)
        tab.splitter.addWidget(self.panel)
        tab.splitter.setStretchFactor(tab.splitter.indexOf(self.panel), 0)
        self.controller.started.connect(self._started)
        self.controller.finished.connect(self._finished)
        self.controller.failed.connect(self._failed)
        self.banner.panelToggled.connect(self.set_panel_visible)
        self.banner.recheckRequested.connect(lambda: self.controller.verify())
        self.panel.selected.connect(self._selected)
        self.panel.details.actionRequested.connect(self._action)
        tab.opened.connect(self._opened)

    # --- state --------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        """A verdict (or a failure) is shown, the panel is filled and no check is running."""
        return self.verdict_shown and not self._filling

    @property
    def verdict_shown(self) -> bool:
        """The banner shows the latest verdict (the panel may still be filling)."""
        return not self.controller.busy and self.controller.runs > 0

    @property
    def report(self) -> Any:
        return self.controller.report

    def _opened(self, _tab: object) -> None:
        self.banner.show()
        self.controller.password = self.tab.password  # an encrypted file: the one it opened
        if self.controller.runs == 0 and not self.controller.busy:
            self.controller.start()
        else:
            self.controller.verify()  # reloaded: the file may have changed

    def _started(self) -> None:
        self.banner.show()
        self.banner.show_verifying()
        self.changed.emit()

    def _describer(self) -> Any:
        """What the worker thread builds for a report: the panel's view in the window's
        language at the start of the run (checked again when it is shown)."""
        language = self.hub.language()

        def describe(report: Any) -> tuple[str, ReportView]:
            return language, build(report, language)

        return describe

    def _finished(self, report: Any) -> None:
        described = self.controller.described
        ready = None
        if described is not None and described[0] == self.hub.language():
            ready = described[1]
        self._show(report, ready)

    def _failed(self, error: BaseException) -> None:
        self.view_model = None
        self._filling = 0
        detail = f"{type(error).__name__}: {error}"[:160]
        self.banner.show_result("unreadable", self.tr(
            "The check itself failed. Try again; if it fails again, tell your IT support: "
            "%1").replace("%1", detail), 0)
        self.panel.hide()
        self.changed.emit()

    def _show(self, report: Any, model: ReportView | None = None) -> None:
        """The verdict at once, the panel in the next turns of the event loop: the banner is
        painted first and no single step keeps the window from answering for long."""
        keep = self.panel.current()
        if model is None:
            model = build(report, self.hub.language())
        self.view_model = model
        self.banner.show_result(model.tone, model.reason, len(model.signatures))
        widgets = []
        for position, sig in enumerate(model.signatures):
            if sig.page and sig.rect and 0 < sig.page <= self.tab.view.page_count():
                tone = {"ok": "valid", "bad": "invalid"}.get(sig.status, "indeterminate")
                widgets.append((position, sig.page - 1, sig.rect, tone))
        self.overlay.set_widgets(widgets)
        if self.overlay.comparing:
            self.overlay.set_regions(None)
        self._fills += 1
        self._filling = fill = self._fills
        self.changed.emit()
        QTimer.singleShot(0, self, lambda: self._fill_list(fill, model, keep))

    def _fill_list(self, fill: int, model: ReportView, keep: int) -> None:
        if fill != self._filling:
            return  # a newer verdict is being shown
        self.panel.set_signatures(model.signatures, keep)  # and the selected one's details
        QTimer.singleShot(0, self, lambda: self._open_panel(fill, model))

    def _open_panel(self, fill: int, model: ReportView) -> None:
        if fill != self._filling:
            return
        self._filling = 0
        signed = bool(model.signatures)
        wanted = self._panel_wanted if self._panel_wanted is not None else signed
        self._place_panel(wanted and signed)
        self.banner.panel_button.blockSignals(True)
        self.banner.panel_button.setChecked(self.panel.isVisible())
        self.banner.panel_button.blockSignals(False)
        self.changed.emit()

    def retranslate(self) -> None:
        if self.controller.report is not None and not self.controller.busy:
            self._show(self.controller.report)

    # --- panel --------------------------------------------------------------------------

    def _place_panel(self, visible: bool) -> None:
        was = self.panel.isVisible()
        self.panel.setVisible(visible)
        if visible and not was:
            sizes = self.tab.splitter.sizes()
            total = sum(sizes)
            side = min(max(round(total * 0.32), 320), 460)
            index = self.tab.splitter.indexOf(self.panel)
            sizes[index] = side
            view_index = self.tab.splitter.indexOf(self.tab.view)
            sizes[view_index] = max(total - side - sum(
                s for i, s in enumerate(sizes) if i not in (index, view_index)), 200)
            self.tab.splitter.setSizes(sizes)

    def set_panel_visible(self, visible: bool) -> None:
        self._panel_wanted = visible
        self._place_panel(visible and bool(self.view_model and self.view_model.signatures))
        self.banner.panel_button.blockSignals(True)
        self.banner.panel_button.setChecked(self.panel.isVisible())
        self.banner.panel_button.blockSignals(False)
        if self.panel.isVisible():
            self.panel.list.setFocus()

    def toggle_panel(self) -> None:
        self.set_panel_visible(not self.panel.isVisible())

    def selected_view(self) -> SignatureView | None:
        if self.view_model is None:
            return None
        row = self.panel.current()
        if 0 <= row < len(self.view_model.signatures):
            return self.view_model.signatures[row]
        return None

    def _selected(self, position: int) -> None:
        view = self.selected_view()
        if self.overlay.comparing:
            self.overlay.set_regions(None)
        self.overlay.select(position if view is not None else None)
        if view is None:
            self.panel.details.clear()
            return
        self.panel.details.show_signature(view, self._available(view))
        if view.page and view.rect and 0 < view.page <= self.tab.view.page_count():
            page = view.page - 1
            rect = to_view_rect(view.rect, self.tab.view.page_size(page).height)
            self.tab.view.show_rect(page, rect)
        self.changed.emit()

    def _widget_clicked(self, position: int) -> None:
        if not self.panel.isVisible():
            self.set_panel_visible(True)
        self.panel.select(position)

    def _available(self, view: SignatureView) -> set[str]:
        out = {"copy", "export"}
        if view.untrusted and self.revision_of is None:
            out.add("import_issuer")
        if view.revocation_open:
            out.add("online")
        size = self.tab.info.size_bytes if self.tab.info is not None else None
        if view.signed_end and (size is None or view.signed_end < size):
            out.add("signed_version")
        if view.regions:
            out.add("compare")
        return out

    # --- actions ------------------------------------------------------------------------

    def _action(self, name: str) -> None:
        view = self.selected_view()
        if name == "export":
            self.hub.export_report(self)
        elif view is None:
            return
        elif name == "copy":
            QGuiApplication.clipboard().setText(plain_text(view))
        elif name == "online":
            self.controller.verify(online=True)
        elif name == "compare":
            self.compare(view)
        elif name == "signed_version":
            self.hub.open_signed_version(self, view)
        elif name == "import_issuer":
            self.hub.choose_issuer(self.tab)

    def compare(self, view: SignatureView) -> None:
        """Highlight the regions changed since ``view``'s signature (again: switch off)."""
        if self.overlay.comparing:
            self.overlay.set_regions(None)
        else:
            regions = [(page - 1, rect, kind) for page, rect, kind in view.regions
                       if 0 < page <= self.tab.view.page_count()]
            self.overlay.set_regions(regions)
            evidence.compare_opened(self.hub.settings(), self.tab.path,
                                    self.controller.report)  # training exercises
            if regions:
                page, rect, _kind = regions[0]
                r = to_view_rect(rect, self.tab.view.page_size(page).height)
                self.tab.view.show_rect(page, Rect(r.x0, r.y0, r.x1, r.y1))
        button = self.panel.details.buttons.get("compare")
        if button is not None:
            button.setChecked(self.overlay.comparing)
        pages = sorted({page + 1 for page, _rect, _kind in self.overlay.regions})
        self.panel.details.set_compare_note(pages if self.overlay.comparing else None)
        self.changed.emit()

    def close(self) -> None:
        self.controller.stop()


class ValidityHub(QObject):
    """Window-wide: settings, language, trust changes, the signed-revision folder, menus."""

    trustChanged = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.tabs: list[TabValidity] = []
        self._revisions: dict[str, tuple[str, int]] = {}  # copy path -> (original, revision)
        self._folder: Path | None = None
        self._last_settings = window.store.settings
        self._trust_watcher = QFileSystemWatcher(self)
        self._trust_watcher.directoryChanged.connect(lambda _p: self._trust_settle.start())
        self._trust_settle = QTimer(self, singleShot=True, interval=300)
        self._trust_settle.timeout.connect(self._trust_folder_changed)
        self._watch_trust_folder()
        self._anchors = self._anchor_files()
        window.store.changed.connect(self._settings_changed)
        # a bound slot (not a lambda): the catalogue outlives this window's hub
        window.translations.changed.connect(self._language_changed)
        self._create_actions()
        # start the verifier's forkserver (pyHanko preloaded) while the first page paints
        window.tasks.run(jobs.warm_up, lambda _r: None, lambda _e: None)

    def settings(self) -> Any:
        return self.window.store.settings

    def language(self) -> str:
        return str(self.window.translations.language or "en")

    # --- tabs ---------------------------------------------------------------------------

    def attach(self, tab: Any) -> TabValidity:
        validity = TabValidity(tab, self)
        self.tabs.append(validity)
        tab.validity = validity
        revision = self._revisions.get(tab.path)
        if revision is not None:
            validity.revision_of = revision
            validity.banner.set_revision_label(
                self.tr("Signed version (revision %1, read-only)").replace(
                    "%1", str(revision[1])))
        tab.destroyed.connect(lambda _o=None, v=validity: self._detach(v))
        validity.changed.connect(self._update_actions)
        return validity

    def _detach(self, validity: TabValidity) -> None:
        if validity in self.tabs:
            self.tabs.remove(validity)

    def current(self) -> TabValidity | None:
        tab = self.window.current_tab()
        found = getattr(tab, "validity", None) if tab is not None else None
        return found if isinstance(found, TabValidity) else None

    def _language_changed(self, _language: str) -> None:
        self._retranslate()

    def _retranslate(self) -> None:
        for validity in self.tabs:
            validity.retranslate()
            if validity.revision_of is not None:
                validity.banner.set_revision_label(
                    self.tr("Signed version (revision %1, read-only)").replace(
                        "%1", str(validity.revision_of[1])))
        self._name_actions()

    # --- triggers -----------------------------------------------------------------------

    def _settings_changed(self, settings: Any) -> None:
        before, self._last_settings = self._last_settings, settings
        for validity in self.tabs:
            validity.controller.set_settings(settings)
        if any(getattr(before, key) != getattr(settings, key) for key in _VERIFY_SETTINGS):
            self.verify_all()

    def _watch_trust_folder(self) -> None:
        from desktop_signer.reports.window_check import user_anchor_folder

        anchors = user_anchor_folder()
        candidates = [anchors, anchors.parent, anchors.parent.parent]
        for path in candidates:
            if path.is_dir():
                if str(path) not in self._trust_watcher.directories():
                    self._trust_watcher.addPath(str(path))
                break

    def _anchor_files(self) -> tuple[tuple[str, int], ...]:
        from desktop_signer.reports.window_check import user_anchor_folder

        anchors = user_anchor_folder()
        found = []
        for sub in (anchors, anchors.parent):
            try:
                found += [(str(p), p.stat().st_mtime_ns) for p in sorted(sub.iterdir())
                          if p.is_file()]
            except OSError:
                continue
        return tuple(found)

    def _trust_folder_changed(self) -> None:
        """Something changed where the user's anchors live (the settings folder, when the
        anchors folder does not exist yet): verify again only if the anchors did."""
        self._watch_trust_folder()  # the anchors folder may have been created just now
        anchors = self._anchor_files()
        if anchors != self._anchors:
            self._trust_changed()

    def _trust_changed(self) -> None:
        self._watch_trust_folder()
        self._anchors = self._anchor_files()
        self.trustChanged.emit()
        self.verify_all()

    def verify_all(self) -> None:
        for validity in self.tabs:
            if validity.tab.is_open:
                validity.controller.verify()

    # --- signed version -----------------------------------------------------------------

    def _revision_folder(self) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="desktop-signer-revisi-"))
            atexit.register(shutil.rmtree, self._folder, True)
        return self._folder

    def open_signed_version(self, validity: TabValidity, view: SignatureView) -> None:
        if view.signed_end is None:
            return
        original = validity.revision_of[0] if validity.revision_of else validity.tab.path
        revision = view.revision or 0
        stem = Path(validity.tab.path).stem
        name = self.tr("%1 (revision %2, signed)").replace("%1", stem).replace(
            "%2", str(revision))
        target = self._revision_folder() / f"{name}.pdf"
        self._revisions[str(target)] = (original, revision)

        def opened(path: Any) -> None:
            self.window.open_paths([str(path)])

        self.window.tasks.run(lambda: jobs.signed_copy(validity.tab.path, view.signed_end,
                                                       str(target)),
                              opened,
                              lambda error: self.window.present_error(error, Action.OPEN))

    # --- trust the issuer ---------------------------------------------------------------

    def choose_issuer(self, parent: QWidget) -> None:
        dialog = QFileDialog(self.window, self.tr("Certificate of the issuer or root"), "",
                             self.tr("Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;"
                                     "All files (*)"))
        dialog.setObjectName("issuerCertificateDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.preview_issuer)
        dialog.open()
        self.window.dialogShown.emit(dialog)

    def preview_issuer(self, path: str) -> None:
        self.window.tasks.run(lambda: jobs.preview(path),
                              lambda previews: self._confirm_issuer(path, previews),
                              lambda error: self.window.present_error(
                                  error, Action.IMPORT_CERTIFICATE))

    def _confirm_issuer(self, path: str, previews: Any) -> None:
        from ui.settings_trust import common_name

        lines = []
        confirmed = any(p.pin_name for p in previews)
        for p in previews:
            lines.append(f"{common_name(p.subject)}\nSHA-256:\n{_fingerprint(p.sha256)}")
            if p.pin_name:
                lines.append(self.tr("✓ Matches the published fingerprint of %1.").replace(
                    "%1", p.pin_name))
            else:
                lines.append(self.tr("This fingerprint matches no certificate Desktop Signer "
                                     "knows. Compare it with the one BSrE or the sender "
                                     "publishes before you trust it."))
            if p.flag == "training_ca" and not self.settings().training_mode:
                lines.append(self.tr("This is the training root: it is trusted in training "
                                     "mode only."))
            elif p.flag == "development_ca":
                lines.append(self.tr("This is a development CA, not valid for official "
                                     "documents."))
        box = QMessageBox(QMessageBox.Icon.Question if confirmed else QMessageBox.Icon.Warning,
                          self.tr("Trust this certificate?"),
                          self.tr("Signatures whose chain ends at this certificate will be "
                                  "trusted."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setObjectName("confirmIssuer")
        box.setInformativeText("\n\n".join(lines))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Trust and check again"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes if confirmed
                             else QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self.import_issuer(path)

        box.finished.connect(answered)
        box.open()
        self.window.dialogShown.emit(box)

    def import_issuer(self, path: str) -> None:
        self.window.tasks.run(lambda: jobs.import_anchor(path),
                              lambda _imported: self._trust_changed(),
                              lambda error: self.window.present_error(
                                  error, Action.IMPORT_CERTIFICATE))

    # --- export -------------------------------------------------------------------------

    def export_report(self, validity: TabValidity | None = None) -> None:
        validity = validity or self.current()
        if validity is None or validity.report is None:
            return
        stem = Path(validity.tab.path).stem
        name = self.tr("%1 - validation report").replace("%1", stem)
        start = str(Path(validity.tab.path).with_name(f"{name}.pdf"))
        if validity.revision_of is not None:
            start = str(Path(validity.revision_of[0]).with_name(f"{name}.pdf"))
        dialog = QFileDialog(self.window, self.tr("Export validation report"), start,
                             self.tr("PDF report (*.pdf);;JSON report (*.json)"))
        dialog.setObjectName("exportReportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        report = validity.report

        def chosen(target: str) -> None:
            if dialog.selectedNameFilter().endswith("(*.json)") and \
                    not target.lower().endswith(".json"):
                target = str(Path(target).with_suffix(".json"))
            self.write_report(report, target)

        dialog.fileSelected.connect(chosen)
        dialog.open()
        self.window.dialogShown.emit(dialog)

    def write_report(self, report: Any, target: str) -> None:
        language = self.language()
        self.window.tasks.run(
            lambda: jobs.export_checked(report, language, target),
            lambda path: self.window.statusBar().showMessage(
                self.tr("Validation report saved: %1").replace("%1", str(path)), 8000),
            lambda error: self.window.present_error(error, Action.EXPORT_REPORT))

    # --- menu ---------------------------------------------------------------------------

    def _create_actions(self) -> None:
        window = self.window
        self.menu = QMenu(window)
        self.menu.setObjectName("signaturesMenu")
        self.panel_action = QAction(window)
        self.panel_action.setObjectName("actionSignaturesPanel")
        self.panel_action.setShortcut(QKeySequence("F8"))
        self.panel_action.triggered.connect(lambda: self._with(lambda v: v.toggle_panel()))
        self.recheck_action = QAction(window)
        self.recheck_action.setObjectName("actionCheckAgain")
        self.recheck_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.recheck_action.triggered.connect(
            lambda: self._with(lambda v: v.controller.verify()))
        self.online_action = QAction(window)
        self.online_action.setObjectName("actionCheckOnline")
        self.online_action.triggered.connect(
            lambda: self._with(lambda v: v.controller.verify(online=True)))
        self.export_action = QAction(window)
        self.export_action.setObjectName("actionExportReport")
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.triggered.connect(lambda: self.export_report())
        for action in (self.panel_action, self.recheck_action, self.online_action,
                       self.export_action):
            window.addAction(action)
            self.menu.addAction(action)
        window.view_menu.addSeparator()
        window.view_menu.addMenu(self.menu)
        window.tabs.currentChanged.connect(lambda _i: self._update_actions())
        self._name_actions()
        self._update_actions()

    def _name_actions(self) -> None:
        self.menu.setTitle(self.tr("Si&gnatures"))
        self.panel_action.setText(self.tr("Signatures &Panel"))
        self.recheck_action.setText(self.tr("&Check Again"))
        self.online_action.setText(self.tr("Check Again &Online"))
        self.export_action.setText(self.tr("&Export Validation Report…"))

    def _update_actions(self) -> None:
        current = self.current()
        ready = current is not None and current.finished
        self.panel_action.setEnabled(current is not None and bool(
            current.view_model and current.view_model.signatures))
        self.recheck_action.setEnabled(current is not None and current.tab.is_open)
        self.online_action.setEnabled(current is not None and current.tab.is_open)
        self.export_action.setEnabled(ready and current is not None
                                      and current.report is not None)

    def _with(self, action: Any) -> None:
        current = self.current()
        if current is not None:
            action(current)


def install(window: Any) -> ValidityHub:
    return ValidityHub(window)


def attach(tab: Any, window: Any) -> TabValidity:
    hub: ValidityHub = window.validity
    return hub.attach(tab)
