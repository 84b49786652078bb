"""The PySide6 application. Calls core services in ``desktop_signer``; never imports
pyhanko, pkcs11, pymupdf or asn1crypto (checked by import-linter)."""
