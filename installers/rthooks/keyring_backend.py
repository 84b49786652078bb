"""PyInstaller runtime hook: name the keyring backend of this operating system explicitly.

keyring finds its backends through package entry points; when a frozen build loses one,
keyring silently falls back to "no keyring" (jaraco/keyring#324) and nothing is remembered.
Naming the backend makes a missing one an error that ``desktop_signer.secrets`` reports
(and the installed-package smoke test catches). A user or administrator who sets
PYTHON_KEYRING_BACKEND keeps their choice.
"""

import os
import sys

if sys.platform == "win32":
    _BACKEND = "keyring.backends.Windows.WinVaultKeyring"
elif sys.platform == "darwin":
    _BACKEND = "keyring.backends.macOS.Keyring"
else:  # Secret Service: GNOME Keyring, KeePassXC, and KWallet >= 5.97 all offer it
    _BACKEND = "keyring.backends.SecretService.Keyring"

os.environ.setdefault("PYTHON_KEYRING_BACKEND", _BACKEND)
