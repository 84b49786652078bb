"""PDF signature verification (DESIGN §5): verdicts people can trust.

``verify_file(path, options)`` validates one file in a child process with time and memory
limits and returns a :class:`FileReport` (plain data, no sentences).
"""

# library wraps that make reading signatures faster (each module says why)
from desktop_signer.pdf import hex_strings as _hex_strings  # noqa: F401
from desktop_signer.pki import name_prep as _name_prep  # noqa: F401
from desktop_signer.verification.isolation import verify_bytes, verify_file, verify_in_process
from desktop_signer.verification.model import FileReport, Finding, SignatureResult
from desktop_signer.verification.options import VerifyOptions

__all__ = [
    "FileReport",
    "Finding",
    "SignatureResult",
    "VerifyOptions",
    "verify_bytes",
    "verify_file",
    "verify_in_process",
]
