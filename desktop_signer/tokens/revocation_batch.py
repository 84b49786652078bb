"""The revocation status of every signing certificate an inventory lists, asked now and
side by side (``desktop-signer tokens``: a command has no background to wait in).

Each certificate is asked with :func:`~desktop_signer.tokens.revocation_status.
check_revocation`, as the window's chooser asks it, with shorter time-outs so an offline
listing is late by seconds, not minutes. Certificates outside their validity period are
not asked (that already blocks them, and their issuer need not answer for them), nor CA
certificates.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from desktop_signer.tokens import revocation_status as rs
from desktop_signer.tokens.inventory import CertificateEntry, Inventory

REQUEST_TIMEOUT_S = 2.0  # one OCSP/CRL/caIssuers request
TOTAL_TIMEOUT_S = 5.0  # one certificate's whole question
WORKERS = 4  # certificates asked at once


def askable(entry: CertificateEntry) -> bool:
    info = entry.info
    return bool(entry.certificate_der) and not info.is_ca and not info.expired \
        and not info.not_yet_valid


def check_inventory(inventory: Inventory, known_cas: Sequence[bytes] = (), *,
                    request_timeout: float = REQUEST_TIMEOUT_S,
                    total_timeout: float = TOTAL_TIMEOUT_S,
                    workers: int = WORKERS) -> dict[str, rs.RevocationStatus]:
    """SHA-256 fingerprint → status of each askable certificate on the inventory's tokens
    (blocking, network). ``known_cas``: DER of more CA certificates that may have issued
    them (trust anchors, the training CAs); each token's own CA certificates are added."""
    jobs: dict[str, tuple[bytes, tuple[bytes, ...]]] = {}
    for tok in inventory.tokens:
        entries = (*tok.certificates, *tok.other_certificates)
        cas = tuple(e.certificate_der for e in entries if e.info.is_ca) + tuple(known_cas)
        for entry in entries:
            if askable(entry) and entry.info.sha256 not in jobs:
                jobs[entry.info.sha256] = (entry.certificate_der, cas)
    if not jobs:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs))),
                            thread_name_prefix="revocation-status") as pool:
        futures = {fp: pool.submit(rs.check_revocation, der, cas,
                                   request_timeout=request_timeout,
                                   total_timeout=total_timeout)
                   for fp, (der, cas) in jobs.items()}
        return {fp: f.result() for fp, f in futures.items()}
