"""``training init``: build the training PKI, tokens and PKCS#12 files in one folder.

Everything is written inside the target folder. If anything fails (or the user presses
Ctrl+C) what was written is removed again, so a failed init never leaves a half-built
training set-up behind.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509 import load_der_x509_certificate

from desktop_signer import __version__
from desktop_signer.training import active, esc_users, letters, pki, softhsm
from desktop_signer.training.errors import TrainingError
from desktop_signer.training.identities import TRAINEES, Trainee
from desktop_signer.training.ports import ensure_port_free, free_port

MANIFEST_NAME = active.MANIFEST_NAME

# the steps ``create`` reports to its ``progress`` callback, in order (the window shows them)
STEPS = ("tokens", "keys", "pki", "identities", "letters", "exercises")
Progress = Callable[[str, int, int], None]  # step, its number (1-based), number of steps


@dataclass(frozen=True)
class IdentityFiles:
    label: str
    name: str
    token: str | None
    key_id: str  # CKA_ID, hex
    certificate: str  # PEM path
    pkcs12: str | None  # None for keys generated on the token
    serial: int
    problem: str | None
    nik: str = ""  # at the eSign Client Service simulator (training esc)
    email: str = ""  # ditto, the other way to log in


@dataclass(frozen=True)
class TrainingSetup:
    """What ``training init`` made; written to ``latihan.json`` and printed to the trainer.

    The PIN (and the ESC simulator's passphrase) is stored in the manifest on purpose:
    training tokens carry no real identity, and a trainer who lost the printed PIN must not
    have to rebuild a classroom's set-up.
    """

    directory: str
    created: str
    version: str
    port: int
    module: str
    softhsm_conf: str
    tokens: list[str]
    pin: str
    so_pin: str
    pkcs12_passphrase: str
    root_certificate: str
    issuing_ca_certificate: str
    tsa_certificate: str
    tsa_url: str
    ocsp_url: str
    crl_urls: list[str]
    identities: list[IdentityFiles] = field(default_factory=list)
    # the ESC simulator: one passphrase for every trainee, the client credential
    esc_passphrase: str = ""
    esc_client_password: str = ""

    @property
    def esc_url(self) -> str:
        """The ESC simulator at ``/esc`` of the training services ("" for a set-up made
        before the simulator existed)."""
        return f"{pki.base_url(self.port)}/esc" if self.esc_passphrase else ""

    def identity(self, label: str) -> IdentityFiles:
        for ident in self.identities:
            if ident.label == label:
                return ident
        raise KeyError(label)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> TrainingSetup:
        raw: dict[str, Any] = json.loads(text)
        raw["identities"] = [IdentityFiles(**i) for i in raw.get("identities", [])]
        return cls(**raw)


def load(directory: Path) -> TrainingSetup:
    manifest = directory / MANIFEST_NAME
    try:
        return TrainingSetup.from_json(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise TrainingError("not_a_training_dir", str(manifest), path=str(directory)) from exc
    except (ValueError, TypeError) as exc:
        raise TrainingError("manifest_broken", str(exc), path=str(manifest)) from exc


def _check_target(target: Path) -> Path | None:
    """Refuse unusable folders before writing anything.

    Returns the topmost folder that init will create (removed again on failure), or None
    when ``target`` already exists (then only its new contents are removed on failure)."""
    if target.exists():
        if not target.is_dir():
            raise TrainingError("not_a_directory", path=str(target))
        if not os.access(target, os.W_OK | os.X_OK):
            raise TrainingError("dir_not_writable", path=str(target))
        if any(target.iterdir()):
            raise TrainingError("dir_not_empty", path=str(target))
        return None
    topmost_new = target
    while not topmost_new.parent.exists() and topmost_new.parent != topmost_new:
        topmost_new = topmost_new.parent
    parent = topmost_new.parent
    if not parent.is_dir():
        raise TrainingError("not_a_directory", path=str(parent))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise TrainingError("dir_not_writable", path=str(target))
    return topmost_new


def _key_id_for(cert_der: bytes) -> str:
    """CKA_ID = the certificate's subject key identifier, as token vendors usually do."""
    from asn1crypto import x509

    ski = x509.Certificate.load(cert_der).key_identifier
    return ski.hex() if ski else secrets.token_hex(20)


def _run_provision(conf: Path, job: dict[str, Any]) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_signer.training.provision"],
        input=json.dumps(job), env=softhsm.env_for(conf),
        capture_output=True, text=True, check=False,
    )
    try:
        result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise TrainingError("token_provision_failed", proc.stderr.strip()[-500:]) from None
    if proc.returncode != 0 or "error" in result:
        raise TrainingError("token_provision_failed", str(result.get("error", proc.stderr)))
    return result


def _write_pem_cert(path: Path, der: bytes) -> None:
    cert = load_der_x509_certificate(der)
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def create(target: Path, port: int | None = None,
           trainees: tuple[Trainee, ...] = TRAINEES,
           progress: Progress | None = None) -> TrainingSetup:
    """Build the whole training set-up in ``target`` (must be empty or absent).

    ``progress`` is called before each of :data:`STEPS` (from the calling thread)."""
    target = target.expanduser().absolute()
    module = softhsm.find_module()
    softhsm.find_util()
    created_root = _check_target(target)
    if port is None:
        port = free_port()
    else:
        ensure_port_free(port)
    try:
        return _create(target, port, module, trainees, progress or _no_progress)
    except BaseException:
        if created_root is not None:
            shutil.rmtree(created_root, ignore_errors=True)
        elif target.is_dir():
            for child in target.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        raise


def _no_progress(step: str, number: int, total: int) -> None:
    pass


def _step(progress: Progress, step: str) -> None:
    progress(step, STEPS.index(step) + 1, len(STEPS))


def _create(target: Path, port: int, module: Path,
            trainees: tuple[Trainee, ...], progress: Progress) -> TrainingSetup:
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TrainingError("dir_not_writable", str(exc), path=str(target)) from exc
    pki_dir, cert_dir, p12_dir = target / "pki", target / "certs", target / "p12"
    for d in (pki_dir, cert_dir, p12_dir):
        d.mkdir()
    pin = f"{secrets.randbelow(10**6):06d}"
    so_pin = f"{secrets.randbelow(10**8):08d}"

    # 1. tokens, and keys that are generated on a token (their public keys feed the PKI)
    _step(progress, "tokens")
    conf = softhsm.write_conf(target / "softhsm")
    token_labels = sorted({t.token for t in trainees if t.token})
    for label in token_labels:
        softhsm.init_token(conf, label, pin, so_pin)
    on_token_ids = {t.label: secrets.token_hex(20) for t in trainees if t.key_on_token}
    gen_steps = [
        {"op": "generate", "token": t.token, "label": t.label, "id": on_token_ids[t.label]}
        for t in trainees if t.key_on_token
    ]
    _step(progress, "keys")
    key_dir = pki_dir / pki.KEY_DIR
    pki.generate_keys(key_dir, pki.key_entities(trainees))
    if gen_steps:
        generated = _run_provision(conf, {"module": str(module), "pin": pin, "steps": gen_steps})
        for label, pub_pem in generated["public_keys"].items():
            (key_dir / f"{label}.pub.pem").write_text(pub_pem, encoding="ascii")

    # 2. the PKI itself
    _step(progress, "pki")
    pki.write_config(pki_dir, pki.build_config(pki.now_utc(), port, trainees))
    arch = pki.load_arch(pki_dir)
    ders = {
        label: pki.certificate(arch, label).dump()
        for label in [pki.ROOT, pki.ISSUING_CA, pki.TSA, pki.OCSP_RESPONDER, pki.FOREIGN_ROOT]
        + [t.label for t in trainees]
    }
    for label, der in ders.items():
        _write_pem_cert(cert_dir / f"{label}.pem", der)

    # 3. identities onto tokens, and as PKCS#12 files
    _step(progress, "identities")
    steps: list[dict[str, Any]] = []
    identities: list[IdentityFiles] = []
    esc_known = {u.label: u for u in esc_users.users(trainees) if u.label}
    for t in trainees:
        der = ders[t.label]
        key_id = on_token_ids.get(t.label) or _key_id_for(der)
        cert_file = cert_dir / f"{t.label}.der"
        cert_file.write_bytes(der)
        if t.token:
            if not t.key_on_token:
                steps.append({"op": "import_key", "token": t.token, "label": t.label,
                              "id": key_id, "key": str(key_dir / f"{t.label}.key.pem")})
            steps.append({"op": "import_cert", "token": t.token, "label": t.label,
                          "id": key_id, "cert": str(cert_file)})
        p12_path: Path | None = None
        if not t.key_on_token:
            p12_path = p12_dir / f"{t.label}.p12"
            _write_pkcs12(p12_path, t, key_dir / f"{t.label}.key.pem", der,
                          [ders[c] for c in pki.chain_for(t)], pin)
        identities.append(IdentityFiles(
            label=t.label, name=t.name, token=t.token, key_id=key_id,
            certificate=str(cert_dir / f"{t.label}.pem"),
            pkcs12=str(p12_path) if p12_path else None,
            serial=pki.certificate(arch, t.label).serial_number,
            problem=t.problem.value if t.problem else None,
            nik=esc_known[t.label].nik if t.label in esc_known else "",
            email=esc_known[t.label].email if t.label in esc_known else "",
        ))
    _run_provision(conf, {"module": str(module), "pin": pin, "steps": steps})
    for f in cert_dir.glob("*.der"):
        f.unlink()

    _step(progress, "letters")
    letters.write_letters(target / "surat")  # sample letters with "#" anchors
    _step(progress, "exercises")
    good, foreign = _identity_p12(identities, "budi"), _identity_p12(identities, "asing")
    if good and foreign:  # the standard trainees (tests may build with fewer)
        # imported here: the signing stack (pyHanko) is heavy, and the window reads
        # manifests through this module at start-up
        from desktop_signer.training import exercise_files

        exercise_files.write_exercise_files(target, good, foreign, pin)
    urls = pki.ServiceUrls.for_base(pki.base_url(port))
    setup = TrainingSetup(
        directory=str(target),
        created=pki.now_utc().isoformat(),
        version=__version__,
        port=port,
        module=str(module),
        softhsm_conf=str(conf),
        tokens=token_labels,
        pin=pin,
        so_pin=so_pin,
        pkcs12_passphrase=pin,
        root_certificate=str(cert_dir / f"{pki.ROOT}.pem"),
        issuing_ca_certificate=str(cert_dir / f"{pki.ISSUING_CA}.pem"),
        tsa_certificate=str(cert_dir / f"{pki.TSA}.pem"),
        tsa_url=urls.tsa,
        ocsp_url=urls.ocsp,
        crl_urls=[urls.crl_issuing, urls.crl_root],
        identities=identities,
        esc_passphrase=f"latihan-{secrets.token_hex(3)}",
        esc_client_password=secrets.token_urlsafe(12),
    )
    (target / MANIFEST_NAME).write_text(setup.to_json(), encoding="utf-8")
    return setup


def _identity_p12(identities: list[IdentityFiles], label: str) -> str | None:
    return next((i.pkcs12 for i in identities if i.label == label), None)


def _write_pkcs12(path: Path, t: Trainee, key_path: Path, cert_der: bytes,
                  chain_ders: list[bytes], passphrase: str) -> None:
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(50000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode())
    )
    data = pkcs12.serialize_key_and_certificates(
        t.label.encode(), key,  # type: ignore[arg-type]
        load_der_x509_certificate(cert_der),
        [load_der_x509_certificate(d) for d in chain_ders],
        encryption,
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
