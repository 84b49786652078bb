"""SoftHSM2 set-up for training tokens: its own configuration file and token folder.

SoftHSM reads ``SOFTHSM2_CONF`` once, when the module is initialised, so everything that
opens a training token must run with that variable pointing at the training folder's
``softhsm2.conf``. Token objects are therefore written by a child process
(``desktop_signer.training.provision``) whose environment we control.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from desktop_signer import frozen
from desktop_signer.training.errors import TrainingError

# Where Debian/Ubuntu (and the upstream build) install the module; Windows/macOS builds
# are found through the general module discovery of desktop_signer.tokens.
SOFTHSM_MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/usr/lib64/pkcs11/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
    "/usr/local/opt/softhsm/lib/softhsm/libsofthsm2.so",
)
CONF_NAME = "softhsm2.conf"
TOKEN_DIR = "tokens"


def find_module() -> Path:
    """The SoftHSM2 PKCS#11 module. ``DESKTOP_SIGNER_SOFTHSM_MODULE``, when set, is the only
    place looked at (for unusual installs, and so tests can simulate a missing SoftHSM)."""
    override = os.environ.get("DESKTOP_SIGNER_SOFTHSM_MODULE")
    candidates = [override] if override else list(SOFTHSM_MODULE_CANDIDATES)
    for candidate in candidates:
        if Path(candidate).is_file():
            return Path(candidate)
    raise TrainingError("softhsm_missing")


def find_util() -> Path:
    util = shutil.which("softhsm2-util")
    if util is None:
        raise TrainingError("softhsm_missing")
    return Path(util)


def write_conf(softhsm_dir: Path) -> Path:
    token_dir = softhsm_dir / TOKEN_DIR
    token_dir.mkdir(parents=True, exist_ok=True)
    conf = softhsm_dir / CONF_NAME
    conf.write_text(
        f"directories.tokendir = {token_dir}\n"
        "objectstore.backend = file\n"
        "log.level = ERROR\n"
        "slots.removable = false\n",
        encoding="utf-8",
    )
    return conf


def env_for(conf: Path) -> dict[str, str]:
    # a frozen build's own library folder must not reach softhsm2-util
    env = frozen.system_environ()
    env["SOFTHSM2_CONF"] = str(conf)
    return env


def init_token(conf: Path, label: str, pin: str, so_pin: str) -> None:
    """Create a token in the first free slot (softhsm2-util takes PINs as arguments;
    this only ever runs for training tokens whose PIN is printed to the trainer anyway)."""
    result = subprocess.run(
        [str(find_util()), "--init-token", "--free", "--label", label,
         "--pin", pin, "--so-pin", so_pin],
        env=env_for(conf), capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise TrainingError("token_init_failed", result.stderr.strip() or result.stdout.strip())
