"""The main window: menus, toolbar, one tab per open document, the welcome page.

Several documents open as **tabs** in one window, not as separate windows: a signer works
through a stack of letters in one sitting, and one window keeps one toolbar, one token
state and one BSrE logo in view (on a small laptop screen or a training projector, a pile
of windows hides exactly those); tabs also share one rendering process and one page cache.

The window wires user actions to tabs and dialogs; it holds no document logic itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import ui_state
from ui.document_tab import DocumentTab
from ui.error_presenter import ErrorPresenter
from ui.i18n import Translations, choose_language
from ui.icons import bsre_logo, icon
from ui.message_bar import MessageBar
from ui.messages import Action
from ui.page_cache import PageCache
from ui.page_view import ZoomMode
from ui.render_service import RenderService
from ui.settings_store import SettingsStore
from ui.tasks import Tasks
from ui.training import TrainingFeature
from ui.validity import install as install_validity
from ui.welcome import WelcomePage

ZOOM_CHOICES = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class MainWindow(QMainWindow):
    documentOpened = Signal(object)  # DocumentTab
    dialogShown = Signal(object)  # settings or About dialog (tests, screenshots)

    def __init__(self, store: SettingsStore, translations: Translations,
                 service: RenderService, presenter: ErrorPresenter,
                 remember: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.store = store
        self.translations = translations
        self.service = service
        self.presenter = presenter
        self.cache = PageCache()
        self.tasks = Tasks(self)
        # remember=False (screenshots): neither restore nor store geometry and recent files.
        self._remember = remember
        self.state = ui_state.load() if remember else ui_state.UiState()
        self.setAcceptDrops(True)
        self.resize(1180, 820)
        if self.state.geometry:
            self.restoreGeometry(QByteArray.fromHex(self.state.geometry.encode("ascii")))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("documentTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        # Letters often have long names: keep every tab visible, elide the middle (the
        # full path is in the tab's tooltip).
        self.tabs.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabs.tabBar().setStyleSheet("QTabBar::tab { max-width: 22em; }")
        self.tabs.tabCloseRequested.connect(self._close_tab_at)
        self.tabs.currentChanged.connect(self._current_tab_changed)
        self.welcome = WelcomePage(self)
        self.welcome.openRequested.connect(self.choose_files)
        self.welcome.recentRequested.connect(lambda path: self.open_paths([path]))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.training_bar = MessageBar(self)
        self.training_bar.setObjectName("trainingBar")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.training_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self.validity = install_validity(self)  # verification banner and signatures panel
        from ui.signing.hook import install as install_signing

        self.signing = install_signing(self)  # "Tanda tangani": ui/signing
        self.page_status = QLabel(self)
        self.zoom_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.page_status)
        self.statusBar().addPermanentWidget(self.zoom_status)
        # the Latihan menu, training services, exercises, presentation mode (ui/training)
        self.training = TrainingFeature(self)

        store.changed.connect(self._settings_changed)
        self.retranslate()
        self._settings_changed(store.settings)
        self._update_state()

    # --- actions ----------------------------------------------------------------------

    def _action(self, name: str, icon_name: str | None, slot: object,
                shortcuts: list[QKeySequence] | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _create_actions(self) -> None:
        key = QKeySequence
        # Explicit keys, not QKeySequence.StandardKey: those differ per desktop (Close is
        # Ctrl+F4 on some), and the user guide names one key for each action.
        self.open_action = self._action("actionOpen", "document-open", self.choose_files,
                                        [key("Ctrl+O")])
        self.reload_action = self._action("actionReload", "view-refresh", self.reload_current,
                                          [key(Qt.Key.Key_F5)])
        self.close_action = self._action("actionClose", "document-close", self.close_current,
                                         [key("Ctrl+W"), key("Ctrl+F4")])
        self.quit_action = self._action("actionQuit", "application-exit", self.close,
                                        [key("Ctrl+Q")])
        self.clear_recent_action = self._action("actionClearRecent", None, self._clear_recent)
        self.find_action = self._action("actionFind", "edit-find", self.find,
                                        [key("Ctrl+F")])
        self.find_next_action = self._action("actionFindNext", "go-down", self.find_next,
                                             [key(Qt.Key.Key_F3)])
        self.find_previous_action = self._action("actionFindPrevious", "go-up",
                                                 self.find_previous, [key("Shift+F3")])
        self.zoom_in_action = self._action("actionZoomIn", "zoom-in", self.zoom_in,
                                           [key("Ctrl++"), key("Ctrl+=")])
        self.zoom_out_action = self._action("actionZoomOut", "zoom-out", self.zoom_out,
                                            [key("Ctrl+-")])
        self.actual_size_action = self._action("actionActualSize", None,
                                               lambda: self._with_tab(
                                                   lambda t: t.set_zoom(1.0)),
                                               [key("Ctrl+0")])
        self.fit_page_action = self._action("actionFitPage", "zoom-fit-page",
                                            lambda: self.set_zoom_mode(ZoomMode.FIT_PAGE),
                                            [key("Ctrl+1")])
        self.fit_width_action = self._action("actionFitWidth", "zoom-fit-width",
                                             lambda: self.set_zoom_mode(ZoomMode.FIT_WIDTH),
                                             [key("Ctrl+2")])
        self.thumbnails_action = self._action("actionThumbnails", "view-thumbnails",
                                              self._toggle_thumbnails, [key(Qt.Key.Key_F9)])
        self.thumbnails_action.setCheckable(True)
        self.thumbnails_action.setChecked(self.state.thumbnails_visible)
        self.first_page_action = self._action("actionFirstPage", "go-first",
                                              lambda: self._with_tab(
                                                  lambda t: t.view.go_to_page(0)),
                                              [key("Ctrl+Home")])
        self.previous_page_action = self._action("actionPreviousPage", "go-previous",
                                                 lambda: self._with_tab(
                                                     lambda t: t.view.previous_page()),
                                                 [key("Ctrl+PgUp")])
        self.next_page_action = self._action("actionNextPage", "go-next",
                                             lambda: self._with_tab(
                                                 lambda t: t.view.next_page()),
                                             [key("Ctrl+PgDown")])
        self.last_page_action = self._action("actionLastPage", "go-last",
                                             lambda: self._with_tab(
                                                 lambda t: t.view.go_to_page(
                                                     t.view.page_count() - 1)),
                                             [key("Ctrl+End")])
        self.go_to_page_action = self._action("actionGoToPage", None, self.focus_page_field,
                                              [key("Ctrl+G")])
        self.next_tab_action = self._action("actionNextDocument", None,
                                            lambda: self._cycle_tab(1), [key("Ctrl+Tab")])
        self.previous_tab_action = self._action("actionPreviousDocument", None,
                                                lambda: self._cycle_tab(-1),
                                                [key("Ctrl+Shift+Tab")])
        self.settings_action = self._action("actionSettings", "preferences",
                                            self.show_settings, [key("Ctrl+,")])
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action("actionAbout", "help-about", self.show_about,
                                         [key("F1")])
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.reload_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for action in (self.zoom_in_action, self.zoom_out_action, self.actual_size_action,
                       self.fit_page_action, self.fit_width_action):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.thumbnails_action)
        self.go_menu = bar.addMenu("")
        for action in (self.first_page_action, self.previous_page_action,
                       self.next_page_action, self.last_page_action, self.go_to_page_action):
            self.go_menu.addAction(action)
        self.go_menu.addSeparator()
        for action in (self.find_action, self.find_next_action, self.find_previous_action):
            self.go_menu.addAction(action)
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.next_tab_action)
        self.go_menu.addAction(self.previous_tab_action)
        self.tools_menu = bar.addMenu("")
        self.tools_menu.addAction(self.settings_action)
        from ui.usage.menu import UsageActions  # Signing History…, Usage Report…

        self.usage_actions = UsageActions(self)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar = toolbar
        self.addToolBar(toolbar)
        toolbar.addAction(self.open_action)
        open_button = toolbar.widgetForAction(self.open_action)
        if isinstance(open_button, QToolButton):
            # The one action a newcomer looks for gets its label too.
            open_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addSeparator()
        toolbar.addAction(self.previous_page_action)
        self.page_field = QSpinBox(self)
        self.page_field.setObjectName("pageField")
        self.page_field.setMinimum(1)
        self.page_field.setKeyboardTracking(False)
        self.page_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_field.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_field.setMinimumWidth(56)
        self.page_field.valueChanged.connect(
            lambda value: self._with_tab(lambda t: t.view.go_to_page(value - 1)))
        toolbar.addWidget(self.page_field)
        self.page_total = QLabel(self)
        self.page_total.setMinimumWidth(48)
        toolbar.addWidget(self.page_total)
        toolbar.addAction(self.next_page_action)
        toolbar.addSeparator()
        toolbar.addAction(self.zoom_out_action)
        self.zoom_field = QComboBox(self)
        self.zoom_field.setObjectName("zoomField")
        self.zoom_field.setMinimumContentsLength(10)
        self.zoom_field.activated.connect(self._zoom_chosen)
        toolbar.addWidget(self.zoom_field)
        toolbar.addAction(self.zoom_in_action)
        toolbar.addAction(self.fit_width_action)
        toolbar.addAction(self.fit_page_action)
        toolbar.addSeparator()
        toolbar.addAction(self.thumbnails_action)
        toolbar.addAction(self.find_action)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        # The BSrE logo (PKS Pasal 4(1)i) sits where the signing controls will be.
        self.logo = QLabel(self)
        self.logo.setObjectName("bsreLogo")
        self.logo.setContentsMargins(8, 0, 8, 0)
        toolbar.addWidget(self.logo)

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        def tip(action: QAction, text: str) -> None:
            action.setText(text)
            plain = text.replace("&", "").rstrip("…").rstrip(".")
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)

        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open R&ecent"))
        for index in range(self.tabs.count()):
            self._name_close_button(index)
        tip(self.open_action, self.tr("&Open…"))
        tip(self.reload_action, self.tr("&Reload"))
        tip(self.close_action, self.tr("&Close Document"))
        tip(self.quit_action, self.tr("&Quit"))
        tip(self.clear_recent_action, self.tr("Clear &List"))
        tip(self.find_action, self.tr("F&ind…"))
        tip(self.find_next_action, self.tr("Find Ne&xt"))
        tip(self.find_previous_action, self.tr("Find Pre&vious"))
        tip(self.zoom_in_action, self.tr("Zoom &In"))
        tip(self.zoom_out_action, self.tr("Zoom &Out"))
        tip(self.actual_size_action, self.tr("&Actual Size"))
        tip(self.fit_page_action, self.tr("Fit &Page"))
        tip(self.fit_width_action, self.tr("Fit &Width"))
        tip(self.thumbnails_action, self.tr("&Thumbnails"))
        tip(self.first_page_action, self.tr("&First Page"))
        tip(self.previous_page_action, self.tr("&Previous Page"))
        tip(self.next_page_action, self.tr("&Next Page"))
        tip(self.last_page_action, self.tr("&Last Page"))
        tip(self.go_to_page_action, self.tr("&Go to Page…"))
        tip(self.next_tab_action, self.tr("Next &Document"))
        tip(self.previous_tab_action, self.tr("Previous D&ocument"))
        tip(self.settings_action, self.tr("&Settings…"))
        tip(self.about_action, self.tr("&About Desktop Signer"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.page_field.setAccessibleName(self.tr("Page number"))
        self.page_field.setToolTip(self.tr("Go to page (Ctrl+G)"))
        self.zoom_field.setAccessibleName(self.tr("Zoom"))
        self.zoom_field.setToolTip(self.tr("Zoom"))
        self.logo.setAccessibleName(self.tr("BSrE logo"))
        self.logo.setToolTip(self.tr("Electronic certificates from Balai Sertifikasi "
                                     "Elektronik (BSrE), BSSN"))
        self.tabs.setAccessibleName(self.tr("Open documents"))
        self._fill_zoom_field()
        self._update_training_bar()
        self.training.retranslate()
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- opening documents --------------------------------------------------------------

    def choose_files(self) -> None:
        start = str(Path(self.state.recent_files[0]).parent) if self.state.recent_files \
            else str(Path.home())
        dialog = QFileDialog(self, self.tr("Open PDF documents"), start,
                             self.tr("PDF documents (*.pdf *.PDF);;All files (*)"))
        dialog.setObjectName("openDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self.open_paths)
        dialog.open()
        self.dialogShown.emit(dialog)

    def open_paths(self, paths: list[str], password: str | None = None) -> list[DocumentTab]:
        """Open each file in its own tab (or switch to its tab if it is already open)."""
        tabs = []
        for raw in paths:
            path = str(Path(raw).expanduser().absolute())
            existing = self.tab_for(path)
            if existing is not None:
                self.tabs.setCurrentWidget(existing)
                tabs.append(existing)
                continue
            tab = DocumentTab(path, self.service, self.cache, self.presenter, self)
            tab.set_thumbnails_visible(self.thumbnails_action.isChecked())
            tab.opened.connect(self._tab_opened)
            tab.openFailed.connect(self._tab_failed)
            tab.stateChanged.connect(self._update_state)
            self.validity.attach(tab)
            index = self.tabs.addTab(tab, icon("document-page"), tab.title)
            self.tabs.setTabToolTip(index, path)
            self._name_close_button(index)
            self.tabs.setCurrentIndex(index)
            self.stack.setCurrentWidget(self.tabs)
            tab.open(password)
            tabs.append(tab)
        return tabs

    def _name_close_button(self, index: int) -> None:
        button = self.tabs.tabBar().tabButton(index, QTabBar.ButtonPosition.RightSide)
        if button is not None:
            text = self.tr("Close %1").replace("%1", self.tabs.tabText(index))
            button.setAccessibleName(text)
            button.setToolTip(text)

    def tab_for(self, path: str) -> DocumentTab | None:
        for tab in self.document_tabs():
            if tab.path == path:
                return tab
        return None

    def document_tabs(self) -> list[DocumentTab]:
        widgets = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [w for w in widgets if isinstance(w, DocumentTab)]

    def current_tab(self) -> DocumentTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DocumentTab) else None

    def _tab_opened(self, tab: DocumentTab) -> None:
        self.state = self.state.with_recent(tab.path)
        self._save_state()
        self.welcome.set_recent(self.state.recent_files)
        if tab is self.current_tab():
            tab.view.setFocus()
        self.documentOpened.emit(tab)
        self._update_state()

    def _tab_failed(self, tab: DocumentTab) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self._close_tab_at(index)

    def reload_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.reload()

    def close_current(self) -> None:
        index = self.tabs.currentIndex()
        if index >= 0:
            self._close_tab_at(index)

    def _close_tab_at(self, index: int) -> None:
        tab = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if isinstance(tab, DocumentTab):
            tab.close_document()
            tab.deleteLater()
        if self.tabs.count() == 0:
            self.stack.setCurrentWidget(self.welcome)
        self._update_state()

    def _cycle_tab(self, step: int) -> None:
        if self.tabs.count() > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _current_tab_changed(self, _index: int) -> None:
        for tab in self.document_tabs():
            if tab is not self.current_tab():
                # Hidden tabs stop asking for pages; their cached images stay.
                self.service.want_pages(tab.doc, 0.0, [])
        self._update_state()

    # --- recent files -------------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(self.state.recent_files, start=1):
            label = f"&{number} {Path(path).name}" if number < 10 else Path(path).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_paths([p]))
        if not self.state.recent_files:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(self.state.recent_files))

    def _clear_recent(self) -> None:
        self.state = ui_state.UiState(geometry=self.state.geometry,
                                      thumbnails_visible=self.state.thumbnails_visible)
        self._save_state()
        self.welcome.set_recent(())

    # --- drag and drop ------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_paths(files)

    # --- view actions -------------------------------------------------------------------

    def _with_tab(self, action: object) -> None:
        tab = self.current_tab()
        if tab is not None and tab.is_open and callable(action):
            action(tab)

    def zoom_in(self) -> None:
        self._with_tab(lambda t: t.zoom_in())

    def zoom_out(self) -> None:
        self._with_tab(lambda t: t.zoom_out())

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        self._with_tab(lambda t: t.set_zoom_mode(mode))

    def _zoom_chosen(self, index: int) -> None:
        value = self.zoom_field.itemData(index)
        if value == ZoomMode.FIT_WIDTH or value == ZoomMode.FIT_PAGE:
            self.set_zoom_mode(ZoomMode(value))
        elif isinstance(value, float):
            self._with_tab(lambda t: t.set_zoom(value))
        tab = self.current_tab()
        if tab is not None:
            tab.view.setFocus()

    def _fill_zoom_field(self) -> None:
        self.zoom_field.blockSignals(True)
        self.zoom_field.clear()
        self.zoom_field.addItem(self.tr("Fit width"), str(ZoomMode.FIT_WIDTH))
        self.zoom_field.addItem(self.tr("Fit page"), str(ZoomMode.FIT_PAGE))
        for factor in ZOOM_CHOICES:
            self.zoom_field.addItem(f"{round(factor * 100)} %", factor)
        self.zoom_field.blockSignals(False)

    def _toggle_thumbnails(self) -> None:
        visible = self.thumbnails_action.isChecked()
        for tab in self.document_tabs():
            tab.set_thumbnails_visible(visible)
        self.state = ui_state.UiState(self.state.recent_files, self.state.geometry, visible)

    def find(self) -> None:
        self._with_tab(lambda t: t.start_find())

    def find_next(self) -> None:
        self._with_tab(lambda t: t.next_hit() if t.hits else t.start_find())

    def find_previous(self) -> None:
        self._with_tab(lambda t: t.previous_hit() if t.hits else t.start_find())

    def focus_page_field(self) -> None:
        if self.current_tab() is not None:
            self.page_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.page_field.selectAll()

    # --- state shown in toolbar, status bar and title -----------------------------------

    def _update_state(self) -> None:
        tab = self.current_tab()
        has_doc = tab is not None and tab.is_open
        for action in (self.reload_action, self.close_action, self.find_action,
                       self.find_next_action, self.find_previous_action, self.zoom_in_action,
                       self.zoom_out_action, self.actual_size_action, self.fit_page_action,
                       self.fit_width_action, self.first_page_action,
                       self.previous_page_action, self.next_page_action,
                       self.last_page_action, self.go_to_page_action):
            action.setEnabled(has_doc)
        self.close_action.setEnabled(tab is not None)
        self.next_tab_action.setEnabled(self.tabs.count() > 1)
        self.previous_tab_action.setEnabled(self.tabs.count() > 1)
        self.page_field.setEnabled(has_doc)
        self.zoom_field.setEnabled(has_doc)
        title = "Desktop Signer"
        if tab is not None:
            title = f"{tab.title} — {title}"
        if self.store.settings.training_mode:
            title += " — " + self.tr("TRAINING")
        self.setWindowTitle(title)
        if not has_doc or tab is None or tab.info is None:
            self.page_total.setText("")
            self.page_status.setText("")
            self.zoom_status.setText("")
            return
        count = tab.info.page_count
        page = tab.view.current_page + 1
        self.page_field.blockSignals(True)
        self.page_field.setMaximum(count)
        self.page_field.setValue(page)
        self.page_field.blockSignals(False)
        self.page_total.setText(self.tr("of %1").replace("%1", str(count)))
        self.page_status.setText(self.tr("Page %1 of %2").replace("%1", str(page))
                                 .replace("%2", str(count)))
        zoom_text = f"{round(tab.view.zoom * 100)} %"
        self.zoom_status.setText(self.tr("Zoom %1").replace("%1", zoom_text))
        mode = tab.view.zoom_mode
        index = self.zoom_field.findData(str(mode)) if mode != ZoomMode.CUSTOM else -1
        if index < 0:
            index = self.zoom_field.findText(zoom_text)
        self.zoom_field.blockSignals(True)
        if index >= 0:
            self.zoom_field.setCurrentIndex(index)
        else:
            self.zoom_field.setCurrentIndex(-1)
            self.zoom_field.setPlaceholderText(zoom_text)
        self.zoom_field.blockSignals(False)

    # --- settings and about -------------------------------------------------------------

    def _settings_changed(self, settings: object) -> None:
        language = choose_language(self.store.settings.language)
        self.translations.apply(language)
        logo_file = self.store.settings.profile.bsre_logo
        self.logo.setPixmap(bsre_logo(34, self.devicePixelRatioF(), logo_file))
        self.welcome.set_logo(logo_file)
        self.welcome.set_recent(self.state.recent_files)
        self._update_training_bar()
        self._update_state()

    def _update_training_bar(self) -> None:
        if self.store.settings.training_mode:
            self.training_bar.show_message("training", self.tr(
                "Training mode: documents signed now carry the mark “LATIHAN — TIDAK SAH” "
                "and are not legally valid."))
        else:
            self.training_bar.hide()

    def show_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, self.presenter, self, self.tasks)
        dialog.open()
        self.dialogShown.emit(dialog)

    def show_about(self) -> None:
        from ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.store.settings.profile.bsre_logo, self)
        dialog.open()
        self.dialogShown.emit(dialog)

    def present_error(self, error: BaseException, action: Action) -> None:
        self.presenter.present(self, error, action)

    # --- closing ------------------------------------------------------------------------

    def _save_state(self) -> None:
        if self._remember:
            ui_state.save(self.state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.state = ui_state.UiState(self.state.recent_files,
                                      bytes(self.saveGeometry().toHex().data()).decode("ascii"),
                                      self.thumbnails_action.isChecked())
        self._save_state()
        self.training.shutdown()
        for tab in self.document_tabs():
            tab.close_document()
        super().closeEvent(event)

