"""Shared helpers of the signing tests (identities, trust, independent checks)."""

from __future__ import annotations

import hashlib
import io
import subprocess
from pathlib import Path
from typing import Any

from asn1crypto import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from desktop_signer.identity import SigningIdentity
from desktop_signer.signing import SignOptions, TsaConfig
from desktop_signer.tokens import load_pkcs12_identity, open_pkcs11_identity
from desktop_signer.training.setup import TrainingSetup
from desktop_signer.trust import load_certificates
from desktop_signer.trust.store import TrustConfig, load_trust


def load_cert(path: str) -> x509.Certificate:
    return load_certificates(path)[0]


def trust_for(training: TrainingSetup) -> TrustConfig:
    return load_trust(training_mode=True, training_root=training.root_certificate,
                      use_installed=False)


def identity(training: TrainingSetup, kind: str, label: str = "budi") -> SigningIdentity:
    ident = training.identity(label)
    if kind == "pkcs12":
        assert ident.pkcs12 is not None
        return load_pkcs12_identity(ident.pkcs12, training.pkcs12_passphrase)
    chain = [load_cert(training.issuing_ca_certificate), load_cert(training.root_certificate)]
    return open_pkcs11_identity(training.module, pin=training.pin, token_label=ident.token,
                                certificate=ident.key_id, extra_certificates=chain)


def options(training: TrainingSetup, **kw: object) -> SignOptions:
    base: dict[str, object] = {"level": "B-B", "tsa": TsaConfig(training.tsa_url, timeout=10),
                               "trust": trust_for(training)}
    base.update(kw)
    return SignOptions(**base)  # type: ignore[arg-type]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pyhanko_check(path: Path, training: TrainingSetup, lt: bool = False) -> list[object]:
    """Every signature validates with pyHanko (strict parsing, training root trusted);
    with ``lt`` only from the data embedded in the document (no fetching, hard-fail)."""
    root = load_cert(training.root_certificate)
    reader = PdfFileReader(io.BytesIO(path.read_bytes()), strict=True)
    statuses: list[object] = []
    for sig in reader.embedded_signatures:
        if lt:
            vc = DocumentSecurityStore.read_dss(reader).as_validation_context(
                {"trust_roots": [root], "allow_fetching": False,
                 "revocation_mode": "hard-fail"})
        else:
            vc = ValidationContext(trust_roots=[root], allow_fetching=False)
        if sig.sig_object.get("/Type") == "/DocTimeStamp":
            ts_status = validate_pdf_timestamp(sig, validation_context=vc)
            assert ts_status.valid and ts_status.intact and ts_status.trusted, ts_status
            statuses.append(ts_status)
            continue
        status = validate_pdf_signature(sig, vc, ts_validation_context=vc)
        assert status.intact and status.valid, status.pretty_print_details()
        assert status.trusted, status.pretty_print_details()
        statuses.append(status)
    return statuses


def pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True,
                          check=False).stdout


def qpdf_ok(path: Path) -> bool:
    proc = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                          check=False)
    return proc.returncode == 0 and "No syntax or stream encoding errors" in proc.stdout


class RefusingTsa:
    """A local HTTP server that answers every request with 401 and records the
    Authorization header it got (stand-in for a TSA with credentials, on 127.0.0.1)."""

    def __init__(self) -> None:
        import http.server
        import threading

        seen: list[str | None] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                seen.append(self.headers.get("Authorization"))
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="tsa"')
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.seen = seen
        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/tsa"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
