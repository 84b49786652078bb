"""Signing one letter in the window, step by step (issue 12):

"Tanda tangani" → choose the certificate (:class:`IdentityChooser`) → the signing panel
and the stamp on the page (marker, remembered place, or preset; drag, keys) → "Sign" →
pre-flight of the level's services (before any PIN) → the PIN dialog (state from the
token; a wrong PIN comes back with the token's new state) → login and signing off the GUI
thread → the signed copy opens in a new tab; failures go to the error presenter and the
original is never touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop_signer.errors import DesktopSignerError
from desktop_signer.identity import SigningIdentity
from desktop_signer.identity_sources import (
    SECRET_NONE,
    SECRET_TOTP,
    IdentityOption,
    IdentitySource,
    Pkcs11Source,
    Pkcs12Source,
    RemoteSource,
)
from desktop_signer.signing.stamp_preview import StampFields
from ui.messages import Action
from ui.signing.chooser import IdentityChooser
from ui.signing.coords import pdf_to_view, view_to_pdf
from ui.signing.panel import SigningPanel
from ui.signing.pin_dialog import PinDialog
from ui.signing.placement_memory import recall, remember
from ui.signing.stamp_overlay import StampOverlay
from ui.signing.texts import reason_text
from ui.signing.watcher import IdentityWatcher
from ui.tasks import Tasks
from ui.training import evidence

if TYPE_CHECKING:
    from ui.document_tab import DocumentTab
    from ui.main_window import MainWindow

DEFAULT_SIZE = (200.0, 80.0)
PREVIEW_SETTLE_MS = 120


def option_memory_key(option: IdentityOption) -> str:
    return option.info.sha256 if option.info is not None else option.key


KEY_KINDS = {"pkcs11": "pkcs11", "pkcs12": "pkcs12", "remote": "remote"}


def login(source: IdentitySource, option: IdentityOption, pin: str | None,
          confirm_final_try: bool, jobs: Sequence[Any] = (), level: str = "") -> SigningIdentity:
    """Log in; with ``jobs`` a refused login is journaled for each (DESIGN §7)."""
    if not jobs:
        return source.open(option, pin, confirm_final_try=confirm_final_try)
    from desktop_signer.signing import open_identity_journaled

    return open_identity_journaled(
        lambda: source.open(option, pin, confirm_final_try=confirm_final_try), jobs, level,
        key_kind=KEY_KINDS.get(option.source, option.source),
        certificate_der=option.certificate_der)


class PinAsker(QObject):
    """The PIN dialog and the login behind it, again after a wrong PIN, with the token's
    state after the failure. Emits ``loggedIn`` with the identity or ``failed``."""

    loggedIn = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    dialogShown = Signal(object)

    def __init__(self, parent_widget: QWidget, source: IdentitySource, option: IdentityOption,
                 batch_count: int = 0,
                 journal_jobs: Callable[[], tuple[Sequence[Any], str]] | None = None) -> None:
        super().__init__(parent_widget)
        # the documents and level of this attempt, for the journal's rows of a refused login
        self._journal_jobs = journal_jobs
        self._parent = parent_widget
        self._source = source
        self._option = option
        self._batch = batch_count
        self._tasks = Tasks(self)
        self.dialog: PinDialog | None = None
        self._totp_message: str | None = None  # the service's answer to get/totp

    def _request_totp(self) -> None:
        """BSrE's get/totp with the number of files, off the GUI thread; then the code
        field."""
        requester = getattr(self._source, "request_totp", None)
        count = max(self._batch, 1)

        def got(message: object) -> None:
            self._totp_message = str(message or "")
            self.ask()

        if not callable(requester):
            got("")
            return
        self._tasks.run(lambda: requester(count), got, self.failed.emit)

    def ask(self, state: object = None, wrong: bool = False) -> None:
        option = self._option
        if option.secret.kind == SECRET_NONE:
            self._login(None, False)
            return
        if option.secret.kind == SECRET_TOTP and self._totp_message is None:
            self._request_totp()
            return
        token_state = state if state is not None else option.secret.token_state
        dialog = PinDialog(option, token_state, self._parent,  # type: ignore[arg-type]
                           wrong_before=wrong, batch_count=self._batch,
                           totp_message=self._totp_message or "")
        dialog.pinEntered.connect(self._login)
        dialog.rejected.connect(self.cancelled)
        self.dialog = dialog
        dialog.open()
        self.dialogShown.emit(dialog)

    def _login(self, pin: object, confirm: bool) -> None:
        source, option = self._source, self._option
        secret = cast("str | None", pin)
        jobs, level = self._journal_jobs() if self._journal_jobs is not None else ((), "")
        self._tasks.run(lambda: login(source, option, secret, confirm, jobs, level),
                        self.loggedIn.emit, self._login_failed)

    def _login_failed(self, error: BaseException) -> None:
        code = getattr(error, "code", "")
        state = getattr(error, "state", None)
        if code == "pin_incorrect":
            evidence.pin_incorrect(self._option)  # training exercises
        if code == "pin_incorrect" and not getattr(error, "params", {}).get("now_locked"):
            self.ask(state, wrong=True)
        elif code in ("pin_final_try", "pin_locked", "pkcs12_passphrase_incorrect"):
            self.ask(state, wrong=code == "pkcs12_passphrase_incorrect")
        elif code == "pin_incorrect":  # the wrong PIN locked the token: say so
            self.ask(state, wrong=True)
        else:
            self.failed.emit(error)


class PlacementSession(QObject):
    """One letter being prepared for signing: the panel, the stamp, the preview."""

    previewUpdated = Signal()
    proposalApplied = Signal(str)  # "marker", "remembered", "preset"
    signed = Signal(object)  # the SignResult
    closed = Signal()

    def __init__(self, flow: SigningFlow, tab: DocumentTab, option: IdentityOption) -> None:
        super().__init__(flow)
        self.flow = flow
        self.tab = tab
        self.option = option
        self.tasks = Tasks(self)
        self.panel = SigningPanel(tab)
        self.overlay: StampOverlay | None = None
        self._generation = 0
        self._rendered_for: tuple[Any, ...] | None = None
        self.preview_renders = 0
        self.pin_asker: PinAsker | None = None
        self.progress: QProgressDialog | None = None
        self.run: Any = None
        self.signing_started = 0.0
        settings = flow.window.store.settings
        prof = settings.profile
        panel = self.panel
        panel.title_edit.setText(prof.title)
        info = option.info
        remote_name = settings.esc.signer_name if option.source == "remote" else ""
        panel.name_edit.setText(prof.name_override or (info.subject_name if info else "")
                                or remote_name)
        nip = prof.nip or (info.id_number if info is not None and info.id_kind == "nip" else "")
        panel.nip_edit.setText(nip)
        panel.place_edit.setText(prof.place)
        panel.location_edit.setText(prof.place)
        panel.reason_edit.setText(self.tr("Approved"))
        from desktop_signer.signing.from_settings import default_level

        panel.set_level(default_level(settings))
        panel.footer_check.setChecked(prof.footer)
        for edit in (panel.title_edit, panel.name_edit, panel.nip_edit, panel.place_edit,
                     panel.location_edit, panel.reason_edit):
            edit.setCursorPosition(0)  # long texts show their beginning
        self.show_identity()
        tab.splitter.addWidget(panel)
        panel.signRequested.connect(self.sign)
        panel.cancelRequested.connect(self.close)
        panel.changeIdentityRequested.connect(self._change_identity)
        panel.batchRequested.connect(lambda: flow.open_batch(self))
        panel.fieldsChanged.connect(self.schedule_preview)
        panel.presetChosen.connect(lambda p: self.propose(use_marker=False, preset=p))
        panel.markerRequested.connect(lambda: self.propose(use_marker=True, only_marker=True))
        tab.view.zoomChanged.connect(lambda *_: self.schedule_preview())
        tab.destroyed.connect(self._tab_gone)
        from PySide6.QtCore import QTimer

        self._settle = QTimer(self, singleShot=True, interval=PREVIEW_SETTLE_MS)
        self._settle.timeout.connect(self.render_preview)
        self.propose(use_marker=True)

    def _tab_gone(self) -> None:
        """The letter's tab was closed: the panel and the stamp went with it."""
        self.overlay = None
        if self.flow.session is self:
            self.flow.session = None

    @property
    def password(self) -> str | None:
        """The letter's password when it is encrypted (the tab asked for it)."""
        value = getattr(self.tab, "_password", None)
        return value if isinstance(value, str) else None

    # --- who signs ----------------------------------------------------------------------

    def show_identity(self) -> None:
        option = self.option
        info = option.info
        text = f"<b>{option.display_name}</b>"
        if info is not None:
            text += f"<br>{info.organization}<br>{info.issuer_name}"
        self.panel.identity_label.setText(text)
        warnings = []
        if info is not None and info.expiring_soon:
            warnings.append(self.tr("The certificate expires in %1 days. Ask your "
                                    "registration officer for a new one in time.")
                            .replace("%1", str(max(info.days_left, 0))))
        if option.training or "training" in option.warnings:
            warnings.append(self.tr("Training certificate: what you sign now is marked "
                                    "“LATIHAN — TIDAK SAH” and is not legally valid."))
        if warnings:
            self.panel.warning_bar.show_message("warning", " ".join(warnings))
        else:
            self.panel.warning_bar.hide()

    def _change_identity(self) -> None:
        def chosen(option: IdentityOption) -> None:
            self.option = option
            self.show_identity()
            self.schedule_preview()

        self.flow.choose_identity(chosen, preselect=self.option.key)

    # --- where ----------------------------------------------------------------------------

    def propose(self, *, use_marker: bool, preset: str = "", only_marker: bool = False) -> None:
        from desktop_signer.signing.stamp_preview import propose

        size = self.overlay.size if self.overlay is not None else DEFAULT_SIZE
        remembered = recall(option_memory_key(self.option)) if use_marker and \
            not only_marker and self.overlay is None else None
        if remembered is not None:
            size = (remembered.rect[2] - remembered.rect[0],
                    remembered.rect[3] - remembered.rect[1])
        path = self.tab.path
        wanted = preset or str(self.panel.preset_combo.currentData() or "bottom-right")
        password = self.password
        self.tasks.run(lambda: propose(path, size, preset=wanted, use_marker=use_marker,
                                       password=password),
                       lambda p: self._apply_proposal(p, remembered, only_marker),
                       self._proposal_failed)

    def _apply_proposal(self, proposal: Any, remembered: Any, only_marker: bool) -> None:
        view = self.tab.view
        count = view.page_count()
        how = str(proposal.how)
        page, rect = int(proposal.page_index), tuple(proposal.rect)
        if how != "marker" and only_marker:
            self.panel.status_bar.show_message("info", self.tr(
                "This letter has no marker “#”; the stamp stays where it is."))
            return
        if how != "marker" and remembered is not None:
            rpage = remembered.page if remembered.page >= 0 else count + remembered.page
            if 0 <= rpage < count:
                page, rect, how = rpage, remembered.rect, "remembered"
        view_rect = pdf_to_view(cast(Any, rect), view.page_size(page).height)
        if self.overlay is None:
            self.overlay = StampOverlay(view, page, view_rect)
            self.overlay.changed.connect(self._update_position_text)
            self.overlay.sizeChanged.connect(self.schedule_preview)
        else:
            self.overlay.set_rect(page, view_rect)
        view.show_rect(page, view_rect)
        if how == "marker":
            self.panel.status_bar.show_message("info", self.tr(
                "The letter has the marker “#”: the stamp is placed there. Drag it to "
                "change."))
        else:
            self.panel.status_bar.hide()
        self._update_position_text()
        self.render_preview()
        self.proposalApplied.emit(how)

    def _proposal_failed(self, error: BaseException) -> None:
        self.flow.window.presenter.present(self.flow.window, error, Action.SIGN)

    def _update_position_text(self) -> None:
        overlay = self.overlay
        if overlay is None:
            return
        w, h = overlay.size
        text = self.tr("Page %1, %2 × %3 pt").replace("%1", str(overlay.page + 1)) \
            .replace("%2", f"{w:.0f}").replace("%3", f"{h:.0f}")
        self.panel.position_label.setText(text)
        self.panel.position_label.setAccessibleName(self.tr("Stamp position: %1")
                                                    .replace("%1", text))

    def pdf_placement(self) -> tuple[int, tuple[float, float, float, float]] | None:
        if self.overlay is None:
            return None
        page = self.overlay.page
        return page, view_to_pdf(self.overlay.rect,
                                 self.tab.view.page_size(page).height)

    # --- the picture ----------------------------------------------------------------------

    def fields(self) -> StampFields:
        p = self.panel
        return StampFields(p.title_edit.text().strip(), p.name_edit.text().strip(),
                           p.nip_edit.text().strip(), p.place_edit.text().strip())

    def schedule_preview(self) -> None:
        self._settle.start()

    def render_preview(self) -> None:
        overlay = self.overlay
        if overlay is None:
            return
        from desktop_signer.signing.stamp_preview import preview_png, stamp_profile

        settings = self.flow.window.store.settings
        w, h = overlay.size
        dpi = round(self.tab.view.render_scale() * 72)
        fields = self.fields()
        training = settings.training_mode or self.option.training
        der = self.option.certificate_der
        key = (w, h, dpi, fields, training, der)
        if key == self._rendered_for:
            return
        self._rendered_for = key
        self._generation += 1
        generation = self._generation

        def work() -> Any:
            profile = stamp_profile(settings.profile, der, fields, training=training)
            return preview_png(profile, w, h, dpi)

        self.preview_renders += 1
        self.tasks.run(work, lambda p: self._preview_done(generation, p),
                       lambda e: self._preview_failed(generation, e))

    def _preview_done(self, generation: int, preview: Any) -> None:
        if generation != self._generation or self.overlay is None:
            return
        image = QImage.fromData(bytes(preview.png))
        self.overlay.image = image
        self.overlay.too_small = False
        self.panel.sign_button.setEnabled(True)
        if self.panel.status_bar.level == "error":
            self.panel.status_bar.hide()
        self.tab.view.viewport().update()
        self.previewUpdated.emit()

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation or self.overlay is None:
            return
        code = getattr(error, "code", "")
        if code == "box_too_small":
            self.overlay.too_small = True
            self.overlay.image = None
            self.panel.sign_button.setEnabled(False)
            self.panel.status_bar.show_message("error", self.tr(
                "The box is too small for the stamp's text. Make it larger (drag its "
                "corner, or Shift+arrow keys)."))
            self.tab.view.viewport().update()
            self.previewUpdated.emit()
        else:
            self.panel.status_bar.show_message("error", str(getattr(error, "code", error)))
            self.previewUpdated.emit()

    # --- signing --------------------------------------------------------------------------

    def sign(self) -> None:
        if self.overlay is None or self.overlay.too_small:
            return
        self.signing_started = time.perf_counter()
        self.panel.sign_button.setEnabled(False)
        self.flow.preflight(self.panel.level, self.option, self._after_preflight,
                            lambda: self.panel.sign_button.setEnabled(True))

    def _after_preflight(self, level: str) -> None:
        self.panel.set_level(level)
        self._level = level
        if self.option.source == "remote":
            from ui.signing.remote_flow import warn_plain_http_once

            if not warn_plain_http_once(
                    self.flow, self._ask_secret,
                    lambda: self.panel.sign_button.setEnabled(True)):
                return
        self._ask_secret()

    def _ask_secret(self) -> None:
        level = getattr(self, "_level", "")
        asker = PinAsker(self.flow.window, self.flow.source_of(self.option), self.option,
                         journal_jobs=lambda: (self.journal_jobs(), level))
        asker.loggedIn.connect(self._sign_with)
        asker.failed.connect(self._failed)
        asker.cancelled.connect(lambda: self.panel.sign_button.setEnabled(True))
        asker.dialogShown.connect(self.flow.dialogShown)
        self.pin_asker = asker
        asker.ask()

    def sign_options(self, identity: SigningIdentity | None, placement: Any) -> Any:
        from desktop_signer.appearance.profile import profile_from_settings
        from desktop_signer.signing.from_settings import options_from_settings

        settings = self.flow.window.store.settings
        f = self.fields()
        base = settings.profile
        if f.place:
            base = replace(base, place=f.place)
        # a remote identity knows its certificate only after its first signature
        cert = getattr(identity, "known_certificate", None) if identity is not None and \
            identity.kind == "remote" else (identity.certificate if identity else None)
        profile = profile_from_settings(
            base, cert,
            training=settings.training_mode or self.option.training,
            name=f.name, title=f.title, nip=f.nip)
        p = self.panel
        return options_from_settings(settings, level=cast(Any, p.level),
                                     reason=p.reason_edit.text().strip(),
                                     location=p.location_edit.text().strip(),
                                     footer=p.footer_check.isChecked(), placement=placement,
                                     profile=profile)

    def journal_jobs(self) -> list[Any]:
        """This letter as the journal names it (the output name the signing would use)."""
        from desktop_signer.signing import SignJob
        from desktop_signer.signing.from_settings import free_output_path

        source = Path(self.tab.path)
        try:
            out = free_output_path(source, self.flow.window.store.settings.output_pattern)
        except Exception:
            out = source
        return [SignJob(source, out, self.password)]

    def _sign_with(self, identity: SigningIdentity) -> None:
        from desktop_signer.appearance import PlacementRequest
        from desktop_signer.signing import SignJob
        from desktop_signer.signing.from_settings import free_output_path
        from ui.signing.worker import SignRun

        where = self.pdf_placement()
        if where is None:
            identity.close()
            return
        page, rect = where
        try:
            options = self.sign_options(identity, PlacementRequest(page=page + 1, rect=rect))
        except Exception as exc:
            identity.close()
            self._failed(exc)
            return
        settings = self.flow.window.store.settings
        source = Path(self.tab.path)
        out = free_output_path(source, settings.output_pattern)
        self.run = SignRun(identity, [SignJob(source, out, self.password)], options, self)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        progress = QProgressDialog(self.tr("Signing “%1”…").replace("%1", source.name),
                                   "", 0, 0, self.flow.window)
        progress.setObjectName("signingProgress")
        progress.setCancelButton(None)
        progress.setWindowTitle(self.tr("Signing"))
        progress.setMinimumDuration(300)
        self.progress = progress
        self.run.start()

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _finished(self, batch: Any) -> None:
        self._end_progress()
        result = batch.results[0] if batch.results else None
        if result is None or result.status != "signed":
            error = result.error if result is not None and result.error is not None else \
                DesktopSignerError("signing_failed")
            self._failed(error)
            return
        where = self.pdf_placement()
        if where is not None:
            remember(option_memory_key(self.option), where[0], self.tab.view.page_count(),
                     where[1])
        self.flow.last_identity_key = self.option.key
        window = self.flow.window
        if self.run is not None:
            from ui.signing.remote_flow import remember_after_success

            remember_after_success(window.store, self.run.identity)
        self.close()
        window.open_paths([str(result.output)])
        if getattr(batch, "journal_problem", ""):  # signed all the same: say so (issue 15)
            from ui.usage.words import not_journaled

            window.statusBar().showMessage(not_journaled(batch.journal_problem), 30_000)
        self.signed.emit(result)
        self.flow.signed.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._end_progress()
        self.panel.sign_button.setEnabled(True)
        self.flow.window.presenter.present(self.flow.window, error, Action.SIGN)

    def close(self) -> None:
        if self.overlay is not None:
            self.overlay.remove()
            self.overlay = None
        self.panel.hide()
        self.panel.deleteLater()
        if self.flow.session is self:
            self.flow.session = None
        self.closed.emit()


class SigningFlow(QObject):
    """The window's signing: one per window; holds the identity sources and the watcher."""

    dialogShown = Signal(object)  # chooser, PIN dialog, batch dialog (tests, screenshots)
    sessionStarted = Signal(object)  # PlacementSession
    signed = Signal(object)  # SignResult of a single letter

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        settings = window.store.settings
        files = [settings.last_certificate] if settings.last_certificate and \
            not settings.last_module and Path(settings.last_certificate).is_file() else []
        from desktop_signer.identity_sources import revocation_anchors, training_cas
        from desktop_signer.tokens.revocation_monitor import RevocationMonitor

        # each token certificate's OCSP/CRL, asked on its own threads; an answer makes the
        # watcher list again, so a revoked certificate turns unchoosable in the chooser
        self.revocation = RevocationMonitor(anchors=partial(revocation_anchors, settings))
        # a file's certificate, known after its passphrase, is asked before it signs
        self.pkcs12 = Pkcs12Source(files, revocation_cas=self._pkcs12_revocation_cas)
        self.pkcs11 = Pkcs11Source(window.store.loaded, known_cas=training_cas(settings),
                                   revocation=self.revocation)
        self.remote = RemoteSource(settings)
        self.sources: list[IdentitySource] = [self.pkcs11, self.pkcs12, self.remote]
        window.store.changed.connect(self._settings_changed)
        self.watcher = IdentityWatcher(self.sources, self)
        self.revocation.on_change = self.watcher.refresh_now
        self.tasks = Tasks(self)
        self.session: PlacementSession | None = None
        self.last_identity_key = ""
        self.chooser: IdentityChooser | None = None
        self.batch_dialog: Any = None

    def _pkcs12_revocation_cas(self) -> list[bytes] | None:
        from desktop_signer.identity_sources import pkcs12_revocation_cas

        return pkcs12_revocation_cas(self.window.store.settings)

    def _settings_changed(self, settings: Any) -> None:
        from desktop_signer.identity_sources import revocation_anchors, training_cas

        self.pkcs11.set_settings(self.window.store.loaded)
        self.pkcs11.known_cas = tuple(training_cas(self.window.store.settings))
        # other anchors (training mode on or off): answers of "unknown" may change
        self.revocation.anchors = partial(revocation_anchors, self.window.store.settings)
        self.revocation.forget()
        self.remote.set_settings(self.window.store.settings)
        self.watcher.refresh_now()

    def set_sources(self, sources: list[IdentitySource]) -> None:
        """Replace the sources (tests: a stand-in token source)."""
        self.sources[:] = sources
        self.watcher.sources = self.sources
        self.watcher.latest = None
        self.watcher.refresh_now()

    def source_of(self, option: IdentityOption) -> IdentitySource:
        return next(s for s in self.sources if s.id == option.source)

    def shutdown(self) -> None:
        self.watcher.stop()

    # --- steps ------------------------------------------------------------------------------

    def choose_identity(self, then: Any, preselect: str = "") -> IdentityChooser:
        chooser = IdentityChooser(self.watcher, self.window,
                                  preselect=preselect or self.last_identity_key)
        chooser.chosen.connect(then)
        chooser.finished.connect(lambda _r: chooser.deleteLater())
        from ui.signing.remote_fields import RemoteFields

        chooser.remote_fields = RemoteFields(self, chooser)  # type: ignore[attr-defined]
        chooser.layout().insertWidget(2, chooser.remote_fields)  # type: ignore[union-attr, attr-defined]
        self.chooser = chooser
        chooser.open()
        self.dialogShown.emit(chooser)
        return chooser

    def start(self) -> None:
        tab = self.window.current_tab()
        if tab is None or not tab.is_open:
            return
        if self.session is not None:
            if self.session.tab is tab:
                self.session.panel.sign_button.setFocus()
                return
            self.session.close()

        def chosen(option: IdentityOption) -> None:
            if not tab.is_open:
                return
            self.session = PlacementSession(self, tab, option)
            tab.view.setFocus()
            self.sessionStarted.emit(self.session)

        self.choose_identity(chosen)

    def preflight(self, level: str, option: IdentityOption, go: Any, stop: Any) -> None:
        from desktop_signer.signing.from_settings import tsa_url_for
        from desktop_signer.signing.preflight import check_services

        url = tsa_url_for(self.window.store.settings)
        der = option.certificate_der

        def checked(result: Any) -> None:
            if result.ok:
                go(level)
                return
            self._offer_lower(result, go, stop)

        self.tasks.run(lambda: check_services(cast(Any, level), url, der), checked,
                       lambda e: go(level))

    def _offer_lower(self, result: Any, go: Any, stop: Any) -> None:
        lower = result.highest_possible
        failed = [c for c in result.checks if not c.reachable]
        if result.missing_tsa:
            what = self.tr("No time-stamp server is set up, which level %1 needs.")
        elif not result.tsa_ok:
            what = self.tr("The time-stamp server does not answer, which level %1 needs.")
        else:
            what = self.tr("The certificate's revocation services (OCSP/CRL) do not answer, "
                           "which level %1 needs.")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Services not reachable"),
                          what.replace("%1", result.level), parent=self.window)
        box.setObjectName("preflightDialog")
        box.setInformativeText(self.tr("Nothing was signed and no PIN was asked for yet. Sign "
                                       "at level %1 instead, or cancel and try again later.")
                               .replace("%1", lower))
        box.setDetailedText("\n".join(f"{c.kind}: {c.url} ({c.detail})" for c in failed))
        lower_button = box.addButton(self.tr("Sign at %1").replace("%1", lower),
                                     QMessageBox.ButtonRole.AcceptRole)
        lower_button.setObjectName("preflightLower")
        box.addButton(QMessageBox.StandardButton.Cancel)

        def done(_r: int) -> None:
            if box.clickedButton() is lower_button:
                go(lower)
            else:
                stop()

        box.finished.connect(done)
        box.open()
        self.dialogShown.emit(box)

    def open_batch(self, session: PlacementSession | None = None) -> Any:
        from ui.signing.batch_dialog import BatchDialog

        dialog = BatchDialog(self, session)
        self.batch_dialog = dialog
        dialog.open()
        self.dialogShown.emit(dialog)
        return dialog

    def reason_list(self, option: IdentityOption) -> str:
        return "; ".join(reason_text(r) for r in option.reasons)
