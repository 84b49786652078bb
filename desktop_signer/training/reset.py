"""``Atur ulang latihan``: rebuild the training tokens of an existing set-up.

A trainee who typed a wrong PIN three times locks the shared training token; the trainer
must not have to rebuild the whole classroom (new PKI, new PIN, letters already signed that
no longer verify). This re-creates each SoftHSM token with the same label, PIN and SO PIN
and puts the same keys and certificates back. A key that was generated on the token cannot
be put back: a new one is generated under the same CKA_ID and its certificate is re-issued
by the training CA from the same configuration (same subject and serial).

The PKI, the PKCS#12 files, the letters and the exercise progress are left alone.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from desktop_signer.training import pki, softhsm
from desktop_signer.training.errors import TrainingError
from desktop_signer.training.setup import (
    MANIFEST_NAME,
    Progress,
    TrainingSetup,
    _run_provision,
    _write_pem_cert,
    create,
    load,
)


def rebuild(directory: Path, port: int | None = None,
            progress: Progress | None = None) -> TrainingSetup:
    """A new classroom: build a set-up in ``directory``, first removing the training set-up
    that is there. A folder that is not empty and holds no training set-up is refused
    (``dir_not_empty``): nothing but a set-up is ever deleted."""
    directory = directory.expanduser().absolute()
    if (directory / MANIFEST_NAME).is_file():
        load(directory)  # a readable manifest: this really is a set-up
        for child in directory.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    return create(directory, port=port, progress=progress)


def _reinit_token(conf: Path, label: str, pin: str, so_pin: str) -> bool:
    """Re-initialise the existing token ``label``; False when there is no such token."""
    result = subprocess.run(
        [str(softhsm.find_util()), "--init-token", "--token", label, "--label", label,
         "--pin", pin, "--so-pin", so_pin],
        env=softhsm.env_for(conf), capture_output=True, text=True, check=False)
    if result.returncode == 0:
        return True
    if "not find" in (result.stderr + result.stdout).lower():
        return False
    raise TrainingError("token_init_failed", result.stderr.strip() or result.stdout.strip())


def reset_tokens(directory: Path) -> TrainingSetup:
    """Rebuild every token of the set-up in ``directory``; returns its (unchanged) manifest.

    Raises TrainingError (``not_a_training_dir``, ``softhsm_missing``, ``token_init_failed``,
    ``token_provision_failed``)."""
    made = load(directory)
    conf = Path(made.softhsm_conf)
    softhsm.find_util()
    pki_dir = Path(made.directory) / "pki"
    key_dir = pki_dir / pki.KEY_DIR
    # re-initialised in place (C_InitToken with the SO PIN): the token keeps its slot and
    # its folder, so a process that already loaded SoftHSM (the window) sees it again;
    # its objects are erased and its PIN counters cleared, a locked PIN included
    for label in made.tokens:
        if not _reinit_token(conf, label, made.pin, made.so_pin):
            softhsm.init_token(conf, label, made.pin, made.so_pin)  # gone: a new one
    regenerate = [i for i in made.identities if i.token and i.pkcs12 is None]
    if regenerate:
        result = _run_provision(conf, {"module": made.module, "pin": made.pin, "steps": [
            {"op": "generate", "token": i.token, "label": i.label, "id": i.key_id}
            for i in regenerate]})
        for label, pub_pem in result["public_keys"].items():
            (key_dir / f"{label}.pub.pem").write_text(pub_pem, encoding="ascii")
    arch = pki.load_arch(pki_dir)
    steps: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="latihan-reset-") as scratch:
        for ident in made.identities:
            if not ident.token:
                continue
            der = pki.certificate(arch, ident.label).dump()
            if ident.pkcs12 is None:  # re-issued for the new key
                _write_pem_cert(Path(ident.certificate), der)
            cert_file = Path(scratch) / f"{ident.label}.der"
            cert_file.write_bytes(der)
            if ident.pkcs12 is not None:
                key_file = key_dir / f"{ident.label}.key.pem"
                if not key_file.is_file():
                    raise TrainingError("token_provision_failed", f"missing {key_file}")
                steps.append({"op": "import_key", "token": ident.token, "label": ident.label,
                              "id": ident.key_id, "key": str(key_file)})
            steps.append({"op": "import_cert", "token": ident.token, "label": ident.label,
                          "id": ident.key_id, "cert": str(cert_file)})
        _run_provision(conf, {"module": made.module, "pin": made.pin, "steps": steps})
    return made
