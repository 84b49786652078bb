"""Errors of signing (codes only; the CLI and the window word them)."""

from __future__ import annotations

from desktop_signer.errors import DesktopSignerError


class SigningError(DesktopSignerError):
    """Codes (params in brackets):

    Input: ``input_unreadable`` (path), ``input_not_pdf`` (path), ``password_required``
    (path), ``password_incorrect`` (path).
    Output: ``output_exists`` (path), ``output_is_input`` (path), ``output_dir_missing``
    (path), ``output_dir_not_writable`` (path), ``disk_full`` (path), ``write_failed`` (path).
    Document: ``certified_no_changes`` (the document is certified with P=1),
    ``certify_signed_document`` (certification must be the first signature),
    ``certified_new_visible_field`` (a certified document takes only invisible signatures or
    signatures in its existing empty fields),
    ``field_not_found`` (field), ``field_already_signed`` (field), ``field_name_taken``
    (field), ``level_invalid`` (level), ``certify_invalid`` (value).
    Time stamps and long-term data: ``tsa_required`` (level), ``tsa_unreachable`` (url),
    ``tsa_auth_failed`` (url), ``tsa_failed`` (url), ``revocation_unavailable`` (level),
    ``chain_incomplete``.
    Result: ``verification_failed`` (findings), ``signing_failed``, ``cancelled``.
    """
