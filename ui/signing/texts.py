"""Sentences for the codes of identity sources, tokens and signing (one table, used by the
chooser, the PIN dialog and, through ``ui.messages``, the error presenter)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from ui.signing.remote_texts import remote_texts

translate = QCoreApplication.translate


def reason_text(code: str) -> str:
    texts = {
        "expired": translate("Signing", "The certificate has expired."),
        "not_yet_valid": translate("Signing", "The certificate is not valid yet."),
        "no_signing_usage": translate("Signing", "The certificate is not meant for "
                                      "signatures (key usage)."),
        "certificate_without_key": translate("Signing", "The token has no private key "
                                             "for this certificate."),
        "pin_locked": translate("Signing", "The token's PIN is locked."),
        "revoked": translate("Signing", "The certificate was revoked."),
        "token_not_initialized": translate("Signing", "The token is not initialised."),
        "user_pin_not_initialized": translate("Signing", "The token has no user PIN yet."),
        "file_missing": translate("Signing", "The file no longer exists."),
        "expiring_soon": translate("Signing", "The certificate expires soon."),
        "missing_non_repudiation": translate("Signing", "The certificate lacks the "
                                             "non-repudiation usage."),
        "pin_count_low": translate("Signing", "A wrong PIN was entered before."),
        "pin_final_try": translate("Signing", "One PIN attempt is left."),
        "pin_to_be_changed": translate("Signing", "The token asks for a new PIN."),
        "training": translate("Signing", "Training certificate: signatures are not "
                              "legally valid."),
    }
    if code.startswith("esc_"):
        return remote_texts().get(code, texts.get(code, code))
    return texts.get(code, code)


def status_label(code: str) -> str:
    """A few words for the chooser's Status column (the full sentence, from
    :func:`reason_text`, is in the details panel beside it); the code's sentence when there
    is no short form."""
    labels = {
        "expired": translate("Signing", "expired"),
        "not_yet_valid": translate("Signing", "not valid yet"),
        "no_signing_usage": translate("Signing", "not for signing"),
        "certificate_without_key": translate("Signing", "no private key"),
        "pin_locked": translate("Signing", "PIN locked"),
        "revoked": translate("Signing", "revoked"),
        "token_not_initialized": translate("Signing", "token not initialised"),
        "user_pin_not_initialized": translate("Signing", "no user PIN"),
        "file_missing": translate("Signing", "file missing"),
        "expiring_soon": translate("Signing", "expires soon"),
        "missing_non_repudiation": translate("Signing", "no non-repudiation"),
        "pin_count_low": translate("Signing", "wrong PIN before"),
        "pin_final_try": translate("Signing", "one PIN try left"),
        "pin_to_be_changed": translate("Signing", "new PIN needed"),
        "training": translate("Signing", "training"),
        "esc_status_expired": translate("Signing", "BSrE: expired"),
        "esc_status_renew": translate("Signing", "BSrE: being renewed"),
        "esc_status_suspend": translate("Signing", "BSrE: suspended"),
        "esc_status_revoke": translate("Signing", "BSrE: revoked"),
        "esc_status_not_registered": translate("Signing", "BSrE: NIK not registered"),
        "esc_status_no_certificate": translate("Signing", "BSrE: no certificate yet"),
        "esc_status_waiting_for_verification": translate("Signing",
                                                         "BSrE: awaiting verification"),
        "esc_status_new": translate("Signing", "BSrE: registration not complete"),
        "esc_status_unknown": translate("Signing", "BSrE: unknown status"),
        "esc_login_missing": translate("Signing", "type NIK or email above"),
    }
    return labels.get(code) or reason_text(code).rstrip(".")


def revoked_label(status: object) -> str:
    """"revoked on <date>" for the Status column, from a ``RevocationStatus``."""
    when = getattr(status, "revoked_at", None)
    if getattr(status, "ca_revoked", False):
        return translate("Signing", "issuer revoked")
    if isinstance(when, datetime):
        return translate("Signing", "revoked on %1").replace(
            "%1", when.astimezone(UTC).strftime("%d-%m-%Y"))
    return status_label("revoked")


def revocation_reason_text(reason: str) -> str:
    """The CRL reason code's name (RFC 5280 §5.3.1, as certvalidator gives it); "" for none."""
    texts = {
        "key_compromise": translate("Signing", "the private key was compromised"),
        "ca_compromise": translate("Signing", "the certificate authority was compromised"),
        "affiliation_changed": translate("Signing", "the holder's affiliation changed"),
        "superseded": translate("Signing", "replaced by a new certificate"),
        "cessation_of_operation": translate("Signing", "no longer in use"),
        "certificate_hold": translate("Signing", "suspended"),
        "privilege_withdrawn": translate("Signing", "the holder's privilege was withdrawn"),
        "aa_compromise": translate("Signing", "the attribute authority was compromised"),
    }
    return texts.get(reason, "") if reason not in ("", "unspecified") else ""


def revoked_text(status: object, *, with_reason: bool = True) -> str:
    """"The certificate was revoked on <date> (<why>)." from a ``RevocationStatus``."""
    when = getattr(status, "revoked_at", None)
    if getattr(status, "ca_revoked", False):
        text = translate("Signing", "The certificate's issuing authority was revoked")
    elif isinstance(when, datetime):
        text = translate("Signing", "The certificate was revoked on %1").replace(
            "%1", when.astimezone(UTC).strftime("%d-%m-%Y"))
    else:
        text = reason_text("revoked").rstrip(".")
    why = revocation_reason_text(str(getattr(status, "reason", "") or ""))
    return f"{text} ({why})." if with_reason and why else f"{text}."


def diagnostic_text(status: str) -> str:
    texts = {
        "loaded": translate("Signing", "loaded"),
        "ok": translate("Signing", "ok"),
        "not_found": translate("Signing", "not found"),
        "load_failed": translate("Signing", "could not be loaded"),
        "hidden": translate("Signing", "hidden in the settings"),
        "unreadable": translate("Signing", "could not be read"),
        "empty": translate("Signing", "no signing certificate"),
    }
    return texts.get(status, status)


def error_texts() -> dict[str, str]:
    """Error codes of tokens, PKCS#12 files, the stamp and signing, for ``ui.messages``."""
    return {
        "pin_incorrect": translate("Errors", "The PIN is not correct. Check the Caps Lock key and "
                           "the keyboard layout, then try again."),
        "pin_locked": translate("Errors", "The token's PIN is locked. Unblock it with the token's "
                        "PUK/SO PIN in the vendor's token tool, or ask your agency's "
                        "registration officer (RA) for help."),
        "pin_final_try": translate("Errors", "Only one PIN attempt is left: a wrong PIN now locks "
                           "the token. Confirm that you want to try."),
        "pin_invalid": translate(
            "Errors", "The token does not accept a PIN of this length or with these "
            "characters."),
        "pin_expired": translate(
            "Errors", "The token says the PIN must be changed first. Change it with the "
            "vendor's token tool."),
        "pin_required": translate("Errors", "Enter the token's PIN."),
        "token_removed": translate("Errors", "The token was removed. Put it back in and sign "
                           "again; files that were already signed are complete."),
        "no_token": translate("Errors", "The token is not plugged in. Insert it and try again."),
        "token_failure": translate("Errors", "The token reported a problem. Remove it, insert it "
                           "again and try once more."),
        "certificate_not_found": translate("Errors", "The certificate is no longer on the token."),
        "certificate_without_key": translate("Errors", "The token has no private key for this "
                                     "certificate."),
        "key_cannot_sign": translate("Errors", "The token's key is not allowed to sign."),
        "pkcs12_passphrase_incorrect": translate("Errors", "The passphrase of the certificate file "
                                         "is not correct."),
        "pkcs12_unreadable": translate("Errors", "The certificate file {name} cannot be read or is "
                               "not a PKCS#12 (.p12/.pfx) file."),
        "pkcs12_no_key": translate("Errors", "The certificate file {name} holds no private key."),
        "box_too_small": translate("Errors", "The stamp box is too small for its text. Make it "
                           "larger."),
        "anchor_not_found": translate("Errors", "The letter has no marker for the stamp."),
        "rect_outside_page": translate("Errors", "The stamp lies outside the page. Move it onto "
                               "the page."),
        "output_exists": translate("Errors", "The signed file {name} already exists; it was not "
                           "replaced."),
        "output_dir_not_writable": translate(
            "Errors", "Desktop Signer cannot write into the folder of {name}. Choose another "
            "output folder."),
        "output_dir_missing": translate("Errors", "The output folder does not exist."),
        "disk_full": translate("Errors", "The disk is full. Free some space and sign again."),
        "write_failed": translate("Errors", "The signed file {name} could not be written."),
        "tsa_required": translate("Errors", "This level needs a time-stamp server. Set one in the "
                          "settings or choose B-B."),
        "tsa_unreachable": translate("Errors", "The time-stamp server cannot be reached. Check the "
                             "network or choose a lower level."),
        "tsa_auth_failed": translate("Errors", "The time-stamp server refused the user name or "
                             "password."),
        "tsa_failed": translate("Errors", "The time-stamp server did not give a time stamp."),
        "revocation_unavailable": translate("Errors", "The revocation status of the certificate "
                                    "could not be fetched. Check the network or choose "
                                    "B-T."),
        "chain_incomplete": translate("Errors", "The certificate's chain up to its root is "
                              "incomplete."),
        "certificate_revoked": translate("Errors", "The certificate was revoked; it cannot sign."),
        "certificate_expired": translate("Errors", "The certificate has expired; it cannot sign."),
        "certificate_not_yet_valid": translate("Errors", "The certificate is not valid yet."),
        "verification_failed": translate("Errors", "The signed copy did not pass our own check; it "
                                 "was not kept. The original is unchanged."),
        "signing_failed": translate("Errors", "The document could not be signed. The original is "
                            "unchanged."),
        "certified_no_changes": translate("Errors", "The document is certified against any change; "
                                  "it cannot be signed."),
        "input_not_pdf": translate("Errors", "The file {name} is not a PDF document."),
        "input_unreadable": translate("Errors", "The file {name} cannot be read."),
        **remote_texts(),
    }
