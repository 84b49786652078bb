"""Settings page "Tokens": PKCS#11 modules found on this computer, added, or hidden.

Finding modules (``desktop_signer.tokens.discovery``) only looks at files, but importing the
token machinery takes a moment, so it runs in the background. Nothing is loaded here: a
module is tried when a token is used.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QTreeWidgetItem,
    QWidget,
)

from desktop_signer.errors import DesktopSignerError
from desktop_signer.settings import LoadedSettings, Settings
from ui.error_presenter import ErrorPresenter
from ui.list_page import build_list_page
from ui.messages import Action
from ui.settings_fields import locked_tooltip, with_value
from ui.tasks import Tasks

PATH_ROLE = Qt.ItemDataRole.UserRole
SOURCES_ROLE = Qt.ItemDataRole.UserRole + 1


def _discover(loaded: LoadedSettings) -> object:
    from desktop_signer.tokens.discovery import discover

    return discover(loaded)


class TokensPage(QWidget):
    discovered = Signal()  # the list is filled (tests wait for it)

    def __init__(self, loaded: LoadedSettings, presenter: ErrorPresenter, tasks: Tasks,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokensPage")
        self.fields: list[object] = []
        self._loaded = loaded
        self._presenter = presenter
        self._user_modules: list[str] = list(loaded.settings.modules)
        self._hidden = {os.path.realpath(p) for p in loaded.settings.removed_modules}
        self._modules_locked = loaded.is_locked("modules")
        self._hidden_locked = loaded.is_locked("removed_modules")
        parts = build_list_page(self, tree_name="modulesList", add_name="addModule",
                                remove_name="removeModule")
        self.intro, self.tree = parts.intro, parts.tree
        self.add_button, self.remove_button = parts.add_button, parts.remove_button
        self.add_button.clicked.connect(self.choose_module)
        self.remove_button.clicked.connect(self.remove_selected)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        if self._modules_locked:
            for button in (self.add_button, self.remove_button):
                button.setToolTip(locked_tooltip())
        self._candidates: list[tuple[str, list[str], bool]] = []  # path, sources, found
        self._missing: list[tuple[str, tuple[str, ...]]] = []  # family, names looked for
        self._searching = True
        self.retranslate()
        tasks.run(lambda: _discover(loaded), self._show_discovery, self._discovery_failed)

    def title(self) -> str:
        return self.tr("Tokens")

    # --- discovery ----------------------------------------------------------------------

    def _show_discovery(self, discovery: object) -> None:
        candidates = getattr(discovery, "candidates", ())
        self._candidates = [(c.path, list(c.sources), True) for c in candidates
                            if c.found and c.path]
        self._missing = [(c.family, tuple(c.looked_for)) for c in candidates
                         if not c.found and c.path is None]
        self._searching = False
        self._fill()
        self.discovered.emit()

    def _discovery_failed(self, error: BaseException) -> None:
        self._searching = False
        self._candidates = [(p, ["user"], os.path.isfile(p)) for p in self._user_modules]
        self._fill()
        self._presenter.present(self.window(), error, Action.UNEXPECTED)
        self.discovered.emit()

    def _sync_hidden(self) -> None:
        """Keep the ticks the user changed before the list is drawn again."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            path = item.data(0, PATH_ROLE) if item is not None else None
            if item is None or not path:
                continue
            if item.checkState(0) == Qt.CheckState.Unchecked:
                self._hidden.add(os.path.realpath(path))
            else:
                self._hidden.discard(os.path.realpath(path))

    def _fill(self) -> None:
        self._sync_hidden()
        self.tree.clear()
        known = {os.path.realpath(p) for p, _, _ in self._candidates}
        rows = list(self._candidates)
        rows += [(p, ["user"], os.path.isfile(p)) for p in self._user_modules
                 if os.path.realpath(p) not in known]
        for path, sources, found in rows:
            item = QTreeWidgetItem(self.tree)
            item.setText(0, Path(path).name)
            item.setText(1, ", ".join(self._source_name(s) for s in sources))
            item.setText(2, str(Path(path).parent))
            item.setToolTip(0, path)
            item.setData(0, PATH_ROLE, path)
            item.setData(0, SOURCES_ROLE, sources)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if self._hidden_locked:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                item.setToolTip(0, locked_tooltip())
            item.setFlags(flags)
            hidden = os.path.realpath(path) in self._hidden
            item.setCheckState(0, Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked)
            if not found:
                item.setText(1, self.tr("file not found"))
                item.setForeground(1, Qt.GlobalColor.darkRed)
        for family, names in self._missing:
            item = QTreeWidgetItem(self.tree)
            item.setText(0, family)
            item.setText(1, self.tr("not installed"))
            item.setText(2, self.tr("looked for: %1").replace("%1", ", ".join(names)))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(0, Qt.GlobalColor.gray)
            item.setForeground(1, Qt.GlobalColor.gray)
            item.setForeground(2, Qt.GlobalColor.gray)
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()

    def _source_name(self, source: str) -> str:
        names = {
            "known": self.tr("known module list"),
            "p11-kit": self.tr("registered with p11-kit"),
            "user": self.tr("added by you"),
            "admin": self.tr("set by your administrator"),
            "command_line": self.tr("command line"),
        }
        return names.get(source, source)

    # --- add and remove -----------------------------------------------------------------

    def choose_module(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the token's PKCS#11 module"),
                             "/usr/lib" if os.name != "nt" else "C:\\Windows\\System32",
                             self.tr("PKCS#11 modules (*.so *.so.* *.dll *.dylib);;"
                                     "All files (*)"))
        dialog.setObjectName("moduleDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.add_module)
        dialog.open()

    def add_module(self, path: str) -> None:
        if not os.path.isfile(path):
            self._presenter.present(self.window(), DesktopSignerError(
                "module_not_found", "not a file", path=path), Action.ADD_MODULE)
            return
        path = os.path.abspath(path)
        if path not in self._user_modules:
            self._user_modules.append(path)
        self._hidden.discard(os.path.realpath(path))
        self._fill()

    def remove_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        path = item.data(0, PATH_ROLE)
        if path in self._user_modules:
            self._user_modules.remove(path)
            self._candidates = [c for c in self._candidates if c[0] != path
                                or set(c[1]) - {"user"}]
            self._fill()

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        removable = item is not None and item.data(0, PATH_ROLE) in self._user_modules
        self.add_button.setEnabled(not self._modules_locked and not self._searching)
        self.remove_button.setEnabled(removable and not self._modules_locked)

    # --- the dialog's collect/lock protocol ---------------------------------------------

    def collect(self, settings: Settings) -> Settings:
        if self._searching:
            return settings  # nothing shown yet, nothing changed
        hidden = []
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            path = item.data(0, PATH_ROLE) if item is not None else None
            if item is not None and path and item.checkState(0) == Qt.CheckState.Unchecked:
                hidden.append(path)
        if not self._modules_locked:
            settings = with_value(settings, "modules", tuple(self._user_modules))
        if not self._hidden_locked:
            settings = with_value(settings, "removed_modules", tuple(hidden))
        return settings

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "Desktop Signer looks for the software (PKCS#11 module) of common USB tokens by "
            "itself. Add a module here if your token is not found; untick a module to stop "
            "using it."))
        self.tree.setHeaderLabels([self.tr("Module"), self.tr("Found through"),
                                   self.tr("Folder")])
        self.tree.setAccessibleName(self.tr("Token modules"))
        self.add_button.setText(self.tr("&Add module…"))
        self.remove_button.setText(self.tr("&Remove"))
        if self._searching:
            self.tree.clear()
            QTreeWidgetItem(self.tree, [self.tr("Looking for token modules…")])\
                .setFirstColumnSpanned(True)
        else:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
