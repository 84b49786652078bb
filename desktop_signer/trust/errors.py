"""Errors of the trust area (codes are turned into sentences by the CLI/window)."""

from __future__ import annotations

from desktop_signer.errors import DesktopSignerError


class TrustError(DesktopSignerError):
    """certificate_file_unreadable, not_a_certificate_file, crl_file_unreadable,
    not_a_crl_file, registry_broken, anchors_not_writable."""
