"""How to verify: trust, time, network and limits (picklable: it goes to the child)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop_signer.trust.store import TrustConfig

DEFAULT_TIME_LIMIT = 60.0  # seconds per file
DEFAULT_MEMORY_LIMIT_MB = 2048  # address space of the validation child (RLIMIT_AS)
DEFAULT_FETCH_TIMEOUT = 10.0  # seconds per OCSP/CRL request


@dataclass(frozen=True)
class VerifyOptions:
    trust: TrustConfig = field(default_factory=TrustConfig)
    offline: bool = False
    at: datetime | None = None  # judge signatures at this time (None: now)
    # unknown revocation status of a certificate that names a CRL/OCSP service: a warning
    # instead of indeterminate (administrator setting revocation_soft_fail; default strict)
    revocation_soft_fail: bool = False
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT
    time_limit: float = DEFAULT_TIME_LIMIT
    memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB
    visual: bool = True  # compare each signed revision with the current document
    # the password the user opened an encrypted file with (the window); never in a report
    password: str | None = field(default=None, repr=False)
