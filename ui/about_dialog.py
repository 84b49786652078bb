"""About Desktop Signer: the BSrE logo, version, licence and the libraries it is built on."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import QEvent, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_signer import __version__
from ui.icons import bsre_logo

LICENCE_URL = "https://www.gnu.org/licenses/agpl-3.0.html"
# (shown name, distribution, licence)
LIBRARIES = (
    ("PySide6 (Qt)", "PySide6-Essentials", "LGPL-3.0"),
    ("pyHanko", "pyHanko", "MIT"),
    ("pyhanko-certvalidator", "pyhanko-certvalidator", "MIT"),
    ("python-pkcs11", "python-pkcs11", "MIT"),
    ("PyMuPDF", "pymupdf-lite", "AGPL-3.0"),
    ("asn1crypto", "asn1crypto", "MIT"),
    ("cryptography", "cryptography", "Apache-2.0 / BSD-3-Clause"),
    ("certomancer", "certomancer", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
)


def library_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


class AboutDialog(QDialog):
    def __init__(self, logo_file: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.logo = QLabel(self)
        self.logo.setObjectName("aboutLogo")
        self.logo.setPixmap(bsre_logo(88, self.devicePixelRatioF(), logo_file))
        self.logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.body = QLabel(self)
        self.body.setObjectName("aboutText")
        self.body.setWordWrap(True)
        self.body.setOpenExternalLinks(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.libraries = QTreeWidget(self)
        self.libraries.setObjectName("aboutLibraries")
        self.libraries.setColumnCount(3)
        self.libraries.setRootIsDecorated(False)
        self.libraries.setMinimumHeight(230)
        for name, distribution, licence in LIBRARIES:
            version = qVersion() if name.startswith("PySide6") else None
            shown = library_version(distribution)
            if version:
                shown = f"{shown} (Qt {version})"
            QTreeWidgetItem(self.libraries, [name, shown, licence])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        header = QHBoxLayout()
        header.addWidget(self.logo)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.body)
        header.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.libraries, 1)
        layout.addWidget(buttons)
        self.resize(600, 540)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Desktop Signer"))
        self.heading.setText(f"Desktop Signer {__version__}")
        licence = self.tr("Licence: %1").replace(
            "%1", f'<a href="{LICENCE_URL}">GNU Affero General Public License '
                  f'v3.0 or later (AGPL-3.0-or-later)</a>')
        self.body.setText(
            "<p>" + self.tr("Sign PDF letters with electronic certificates issued by Balai "
                            "Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara, "
                            "and check the signatures of letters you receive.") + "</p>"
            + "<p>" + licence + "<br>"
            + self.tr("You may use, study, share and change this program. If you offer it to "
                      "others over a network, you must offer them its source code too.")
            + "</p>"
        )
        self.libraries.setHeaderLabels([self.tr("Built with"), self.tr("Version"),
                                        self.tr("Licence")])
        self.libraries.setAccessibleName(self.tr("Libraries used"))
        self.logo.setAccessibleName(self.tr("BSrE logo"))
        for column in range(3):
            self.libraries.resizeColumnToContents(column)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
