"""Errors of remote signing (codes only; the CLI and the window word them).

Every one of them means: nothing was written, the input is untouched.
"""

from __future__ import annotations

from desktop_signer.errors import DesktopSignerError

#: certificate states of ``/api/v2/user/check/status`` other than ``ISSUE``; each gets its
#: own message saying what to do (code ``esc_status_<state lower-case>``)
BLOCKING_STATUSES = ("EXPIRED", "RENEW", "SUSPEND", "REVOKE", "NOT_REGISTERED",
                     "NO_CERTIFICATE", "WAITING_FOR_VERIFICATION", "NEW")


class RemoteSigningError(DesktopSignerError):
    """Codes (params in brackets):

    Before anything is sent: ``esc_url_invalid`` (url), ``esc_http_forbidden`` (url),
    ``esc_nik_invalid`` (nik), ``esc_email_invalid`` (email), ``esc_name_required``,
    ``esc_status_<state>`` (status, nik: the NIK or email, who: "NIK …" / "email …")
    for every state in :data:`BLOCKING_STATUSES`, ``esc_status_unknown`` (status).
    The service answered no: ``esc_not_registered`` (nik; code 2011),
    ``esc_no_certificate`` (nik; 2021), ``esc_wrong_passphrase`` (2031),
    ``esc_wrong_totp``, ``esc_auth_failed`` (url, status; HTTP 401/403),
    ``esc_rejected`` (status, service_code; other 4xx, the service's text in the detail),
    ``esc_server_error`` (status; 5xx, the service's text in the detail).
    The network: ``esc_timeout`` (url, seconds; the outcome is unknown, nothing is
    retried), ``esc_unreachable`` (url), ``esc_tls_failed`` (url).
    The reply: ``esc_bad_reply`` (what), ``esc_not_pdf`` (index), ``esc_input_modified``
    (the returned file does not begin with the bytes we sent),
    ``esc_signature_count`` (found; not exactly one new signature),
    ``esc_level_too_low`` (level, requested; e.g. no time stamp),
    ``esc_stamp_moved`` (the service put the stamp elsewhere than we asked).
    Programming: ``esc_certificate_unknown`` (a remote identity's certificate before its
    first signature), ``esc_no_local_signer`` (the service signs, not pyHanko).
    """
