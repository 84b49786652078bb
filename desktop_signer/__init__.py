"""Desktop Signer core: PDF signing and verification with BSrE certificates.

This package never imports Qt (checked by import-linter); the window lives in ``ui``.
"""

__version__ = "0.1.0"
