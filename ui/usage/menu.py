"""The two entries in the Tools menu: Signing History… and Usage Report…"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction

from ui.usage import words

if TYPE_CHECKING:
    from desktop_signer.usage.history import JournalHealth
    from ui.main_window import MainWindow


class UsageActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.history_action = QAction(window)
        self.history_action.setObjectName("actionHistory")
        self.history_action.triggered.connect(self.show_history)
        self.report_action = QAction(window)
        self.report_action.setObjectName("actionUsageReport")
        self.report_action.triggered.connect(self.show_report)
        menu = window.tools_menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.history_action)
        menu.insertAction(first, self.report_action)
        menu.insertSeparator(first)
        window.installEventFilter(self)  # its LanguageChange retranslates us too
        self.retranslate()
        self.journal_notice = ""
        from desktop_signer.usage.history import check_journal

        window.tasks.run(check_journal, self._journal_checked, lambda _error: None)

    def _journal_checked(self, health: JournalHealth) -> None:
        """At start: a broken journal was set aside, or the journal cannot be written."""
        if health.set_aside is not None:
            self.journal_notice = self.tr(
                "The signing journal was damaged. It was kept as %1 and a new journal was "
                "started.").replace("%1", str(health.set_aside))
        elif health.problem:
            self.journal_notice = words.journal_problem(health.problem) + " " + self.tr(
                "Signing works; the attempts are not recorded until this is fixed.")
        if self.journal_notice:
            self.window.statusBar().showMessage(self.journal_notice, 30_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.history_action.setText(self.tr("Signing &History…"))
        self.history_action.setToolTip(self.tr("Every signing attempt of this computer"))
        self.report_action.setText(self.tr("&Usage Report…"))
        self.report_action.setToolTip(self.tr(
            "The yearly certificate usage report for BSrE (PKS Pasal 4 ayat 1 huruf g)"))

    def show_history(self) -> None:
        from ui.usage.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.window, open_document=self._open_document)
        dialog.open()
        self.window.dialogShown.emit(dialog)

    def _open_document(self, path: str) -> None:
        self.window.open_paths([path])
        self.window.raise_()
        self.window.activateWindow()

    def show_report(self) -> None:
        from ui.usage.report_dialog import UsageReportDialog

        dialog = UsageReportDialog(self.window.service, self.window.store, self.window)
        dialog.open()
        self.window.dialogShown.emit(dialog)
