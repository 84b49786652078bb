"""What to sign and how: plain, immutable request data (no Qt, no prompts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from desktop_signer.appearance import FooterSpec, PlacementRequest, StampProfile
from desktop_signer.trust.store import TrustConfig

Level = Literal["B-B", "B-T", "B-LT", "B-LTA"]
LEVELS: tuple[Level, ...] = ("B-B", "B-T", "B-LT", "B-LTA")
DEFAULT_FIELD_PREFIX = "Tanda_Tangan"
DEFAULT_REASON = "Dokumen ini ditandatangani secara elektronik"


@dataclass(frozen=True)
class TsaConfig:
    url: str
    user: str = ""
    password: str | None = None  # from the keyring or an environment variable; never logged
    timeout: float = 20.0

    def __repr__(self) -> str:  # the password stays out of logs and tracebacks
        return f"TsaConfig(url={self.url!r}, user={self.user!r}, timeout={self.timeout!r})"


@dataclass(frozen=True)
class SignOptions:
    level: Level = "B-LT"
    tsa: TsaConfig | None = None
    allow_downgrade: bool = False  # B-LT/B-LTA -> B-T when revocation data cannot be had
    revocation_timeout: float = 10.0  # seconds per OCSP/CRL request
    certify: int | None = None  # DocMDP P=1/2/3: a certification signature
    reason: str | None = DEFAULT_REASON
    location: str | None = None
    field_name: str | None = None  # an existing empty field to sign, or the new field's name
    visible: bool = True
    placement: PlacementRequest = field(default_factory=PlacementRequest)
    profile: StampProfile | None = None  # None: built from the certificate
    footer: FooterSpec | None = None
    overwrite: bool = False  # replace an existing output file
    trust: TrustConfig = field(default_factory=TrustConfig)  # B-LT paths, our own check
    training: bool = False  # draw the training mark (also automatic for training certs)
    verify_output: bool = True


@dataclass(frozen=True)
class SignJob:
    input: Path
    output: Path
    password: str | None = None  # of an encrypted input

    def __repr__(self) -> str:
        return f"SignJob(input={str(self.input)!r}, output={str(self.output)!r})"
