"""The network side of the levels: the TSA client and the validation context that fetches
OCSP/CRL data for B-LT and B-LTA (DESIGN §4.5)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from asn1crypto import x509
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

from desktop_signer.signing.options import TsaConfig
from desktop_signer.trust.store import TrustConfig

TSA_PASSWORD_ENV = "DESKTOP_SIGNER_TSA_PASSWORD"


def tsa_password(url: str, user: str, env_var: str | None = None) -> str | None:
    """The TSA password: from the named environment variable (or ``DESKTOP_SIGNER_TSA_
    PASSWORD``), else from the keyring. ``None`` when neither has one."""
    for name in (env_var, TSA_PASSWORD_ENV):
        if name and os.environ.get(name):
            return os.environ[name]
    if not user:
        return None
    from desktop_signer.secrets import SecretStore

    return SecretStore().tsa_password(url, user).value


def timestamper(config: TsaConfig) -> RequestsHTTPTimeStamper:
    auth = (config.user, config.password or "") if config.user else None
    return RequestsHTTPTimeStamper(config.url, timeout=config.timeout, auth=auth)


def validation_context(trust: TrustConfig, chain: Sequence[x509.Certificate],
                       timeout: float) -> ValidationContext:
    """For collecting revocation data while signing. Roots: the configured anchors plus the
    self-signed certificates that came with the key (so a chain whose root the user has not
    imported still gets its OCSP/CRL data embedded; whether that root is trusted is for
    verification to say). Any failure to get revocation data fails (no silent B-T)."""
    anchors = [x509.Certificate.load(a.der) for a in trust.anchors]
    own_roots = [c for c in chain if c.self_signed == "maybe" or c.self_signed == "yes"]
    others = [c for c in chain if c not in own_roots]
    others += [x509.Certificate.load(der) for der in trust.extra_certs]
    return ValidationContext(
        trust_roots=anchors + own_roots,
        other_certs=others,
        allow_fetching=True,
        revocation_mode="hard-fail",
        fetcher_backend=RequestsFetcherBackend(per_request_timeout=timeout),
    )
