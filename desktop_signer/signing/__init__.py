"""Signing (DESIGN §4): PAdES B-B to B-LTA with the BSrE stamp, certification,
countersigning, batches, atomic output and our own check of the result.

Entry points: :func:`sign_document` (one file, raises typed errors) and :func:`sign_batch`
(many files, one login, per-file results). The core never prompts.
"""

from __future__ import annotations

# library wraps that make reading signatures faster (each module says why)
from desktop_signer.pdf import hex_strings as _hex_strings  # noqa: F401
from desktop_signer.pki import name_prep as _name_prep  # noqa: F401
from desktop_signer.signing.attempts import open_identity, open_identity_journaled, sign_files
from desktop_signer.signing.batch import BatchResult, sign_batch
from desktop_signer.signing.errors import SigningError
from desktop_signer.signing.options import LEVELS, Level, SignJob, SignOptions, TsaConfig
from desktop_signer.signing.signer import SigningSession, SignResult, sign_document

__all__ = [
    "LEVELS",
    "BatchResult",
    "Level",
    "SignJob",
    "SignOptions",
    "SignResult",
    "SigningError",
    "SigningSession",
    "TsaConfig",
    "open_identity",
    "open_identity_journaled",
    "sign_batch",
    "sign_document",
    "sign_files",
]
