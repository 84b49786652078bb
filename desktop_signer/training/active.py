"""Which training set-up is in use: the one ``--training`` and training mode refer to.

Order: the ``DESKTOP_SIGNER_TRAINING_DIR`` environment variable (a classroom script), the
``training_dir`` setting (``training init DIR`` records the folder it built), the default
folder in the user's data directory. Every place that needs the training root or the
training TSA asks here, so a set-up built anywhere works everywhere.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_signer import paths
from desktop_signer import settings as settings_mod
from desktop_signer.errors import DesktopSignerError

if TYPE_CHECKING:
    from desktop_signer.training import setup

ENV_VAR = "DESKTOP_SIGNER_TRAINING_DIR"
# the set-up's manifest; here so that asking "is there a set-up?" imports nothing heavy
# (the window asks at start-up; loading one brings certomancer, PyMuPDF, cryptography)
MANIFEST_NAME = "latihan.json"


def training_dir(current: settings_mod.Settings | None = None) -> Path:
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    if current is None:
        current = settings_mod.load().settings
    if current.training_dir:
        return Path(current.training_dir).expanduser()
    return paths.default_training_dir()


def has_setup(current: settings_mod.Settings | None = None) -> bool:
    """Whether a set-up was built in the active training folder (nothing is loaded)."""
    return (training_dir(current) / MANIFEST_NAME).is_file()


def training_setup(current: settings_mod.Settings | None = None) -> setup.TrainingSetup | None:
    """The active training set-up, or None when none was built (or it is unreadable)."""
    from desktop_signer.training import setup

    try:
        return setup.load(training_dir(current))
    except DesktopSignerError:
        return None


def training_root_certificate(current: settings_mod.Settings | None = None) -> str | None:
    """The active set-up's root certificate file, read from its manifest without importing
    the set-up builder: the window asks on every verification, from a worker thread, where a
    heavy import would stall the window."""
    root = _manifest(current).get("root_certificate")
    return root if isinstance(root, str) and root else None


def _manifest(current: settings_mod.Settings | None) -> dict[str, object]:
    try:
        raw = json.loads((training_dir(current) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


@dataclass(frozen=True)
class TrainingEsc:
    """The ESC simulator the training services serve at ``/esc`` on their port."""

    url: str
    user: str
    password: str  # the client credential printed by ``training init`` (not a secret)


def training_esc(current: settings_mod.Settings) -> TrainingEsc | None:
    """In training mode, the active set-up's ESC simulator (None outside training mode, or
    for a set-up made before the simulator existed). Read from the manifest without loading
    the set-up: the window's chooser asks on the GUI thread."""
    if not current.training_mode:
        return None
    from desktop_signer.training.esc_users import CLIENT_USER

    raw = _manifest(current)
    port, password = raw.get("port"), raw.get("esc_client_password")
    if not isinstance(port, int) or not raw.get("esc_passphrase") or \
            not isinstance(password, str):
        return None
    # the same address as ``TrainingSetup.esc_url`` (pki.base_url, not imported: heavy)
    return TrainingEsc(f"http://127.0.0.1:{port}/esc", CLIENT_USER, password)


def effective_esc(current: settings_mod.Settings) -> settings_mod.EscSettings:
    """``current.esc``, with the training simulator as the service in training mode when
    no service address is set: the BSrE eSign source works in class without setting up."""
    esc = current.esc
    if esc.url:
        return esc
    found = training_esc(current)
    if found is None:
        return esc
    return replace(esc, url=found.url, user=esc.user or found.user)


def remember(directory: Path) -> bool:
    """Record ``directory`` as the active set-up (unless an administrator locked the key).
    Returns whether it was recorded."""
    loaded = settings_mod.load()
    if loaded.is_locked("training_dir"):
        return False
    value = str(directory.expanduser().absolute())
    if loaded.settings.training_dir != value:
        settings_mod.save(loaded, settings_mod.replace_values(loaded.settings,
                                                              {"training_dir": value}))
    return True
