"""Sentences for the codes of BSrE remote signing (``desktop_signer.remote``), worded like
the CLI's (``desktop_signer/cli/messages_remote.py``); each says what to do. Used as
chooser reasons and, through ``ui.messages``, by the error presenter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def remote_texts() -> dict[str, str]:
    return {
        "esc_status_expired": translate(
            "Errors", "The BSrE certificate for this NIK has expired. Request a renewal at "
            "portal-bsre.bssn.go.id through your agency's TTE administrator."),
        "esc_status_renew": translate(
            "Errors", "The BSrE certificate for this NIK is being renewed. Wait until it is "
            "issued, then try again."),
        "esc_status_suspend": translate(
            "Errors", "The BSrE certificate for this NIK is suspended. Contact your agency's "
            "TTE administrator or BSrE."),
        "esc_status_revoke": translate(
            "Errors", "The BSrE certificate for this NIK has been revoked. Request a new "
            "certificate through your agency's TTE administrator."),
        "esc_status_not_registered": translate(
            "Errors", "This NIK is not registered at BSrE. Check the NIK, or register through "
            "your agency's TTE administrator."),
        "esc_status_no_certificate": translate(
            "Errors", "This NIK is registered but has no certificate yet. Request one at "
            "portal-bsre.bssn.go.id."),
        "esc_status_waiting_for_verification": translate(
            "Errors", "The certificate request for this NIK is waiting for verification. Wait "
            "for the verifier's approval."),
        "esc_status_new": translate(
            "Errors", "The certificate request for this NIK is new. Complete the registration "
            "at portal-bsre.bssn.go.id."),
        "esc_status_unknown": translate(
            "Errors", "Unknown BSrE certificate status ({status}). Contact your agency's TTE "
            "administrator."),
        "esc_login_missing": translate(
            "Errors", "Type your NIK (16 digits) or the email address registered at BSrE "
            "above, then click Check status."),
        "esc_nik_invalid": translate("Errors", "The NIK must be 16 digits."),
        "esc_email_invalid": translate(
            "Errors", "This is not an email address. Type the NIK (16 digits) or the email "
            "address registered at BSrE."),
        "esc_url_invalid": translate(
            "Errors", "The eSign Client Service address is not valid (e.g. "
            "http://esc.agency.go.id)."),
        "esc_http_forbidden": translate(
            "Errors", "The administrator forbids plain http://. Use the service's https:// "
            "address."),
        "esc_name_required": translate(
            "Errors", "The signer's name for the stamp is not known yet. Fill in the name in "
            "the signing panel."),
        "esc_not_registered": translate(
            "Errors", "BSrE: user not registered (2011). Check the NIK or contact your "
            "agency's TTE administrator."),
        "esc_no_certificate": translate(
            "Errors", "BSrE: no usable certificate for this NIK (2021)."),
        "esc_wrong_passphrase": translate(
            "Errors", "BSrE: wrong passphrase (2031); nothing was signed. Check the Caps Lock "
            "key and try again. Forgot it? Reset it at portal-bsre.bssn.go.id."),
        "esc_wrong_totp": translate(
            "Errors", "BSrE: the TOTP code is wrong or expired. Get a new code in the BeSign "
            "app."),
        "esc_auth_failed": translate(
            "Errors", "The eSign Client Service refused the agency's client credential (HTTP "
            "{status}). Ask the administrator to check esc.user and its password."),
        "esc_rejected": translate(
            "Errors", "The eSign Client Service refused the request (HTTP {status}). Its "
            "text is in the details."),
        "esc_server_error": translate(
            "Errors", "The eSign Client Service failed to process the PDF (HTTP {status}); "
            "nothing was written. Its text is in the details."),
        "esc_timeout": translate(
            "Errors", "The eSign Client Service did not answer within {seconds} seconds. The "
            "outcome is unknown and nothing is retried: check before trying again."),
        "esc_unreachable": translate(
            "Errors", "The eSign Client Service at {url} cannot be reached. Check the address "
            "and the agency network."),
        "esc_tls_failed": translate(
            "Errors", "The secure connection to the eSign Client Service failed (TLS "
            "certificate). Contact the administrator."),
        "esc_bad_reply": translate(
            "Errors", "The eSign Client Service's reply cannot be read; nothing was written."),
        "esc_not_pdf": translate(
            "Errors", "The eSign Client Service returned something that is not a PDF; "
            "nothing was written."),
        "esc_input_modified": translate(
            "Errors", "The eSign Client Service changed the document instead of only adding a "
            "signature; the result was refused, nothing was written."),
        "esc_signature_count": translate(
            "Errors", "The eSign Client Service did not return exactly one new signature; the "
            "result was refused."),
        "esc_level_too_low": translate(
            "Errors", "The eSign Client Service returned a {level} signature, {requested} was "
            "asked for; the result was refused. Choose a lower level."),
        "esc_stamp_moved": translate(
            "Errors", "The eSign Client Service put the stamp elsewhere than asked; the result "
            "was refused."),
    }
