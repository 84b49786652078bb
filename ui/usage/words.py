"""Short words for the history table: results, key kinds, and why an attempt failed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def key_kind(kind: str) -> str:
    return {
        "pkcs11": translate("UsageWords", "USB token"),
        "pkcs12": translate("UsageWords", "PKCS#12 file"),
        "remote": translate("UsageWords", "Remote (BSrE eSign)"),
    }.get(kind, kind)


def reason(code: str) -> str:
    """A few words for a failure code; the code itself when we have none (still useful to
    IT support)."""
    words = {
        "pin_incorrect": translate("UsageWords", "Wrong PIN"),
        "pin_locked": translate("UsageWords", "PIN locked"),
        "pin_final_try": translate("UsageWords", "Final PIN try not confirmed"),
        "pin_invalid": translate("UsageWords", "PIN not accepted"),
        "pin_expired": translate("UsageWords", "PIN must be changed"),
        "token_removed": translate("UsageWords", "Token removed"),
        "no_token": translate("UsageWords", "No token found"),
        "token_failure": translate("UsageWords", "Token failure"),
        "pkcs12_passphrase_incorrect": translate("UsageWords", "Wrong passphrase"),
        "pkcs12_unreadable": translate("UsageWords", "Key file unreadable"),
        "tsa_unreachable": translate("UsageWords", "Time-stamp service unreachable"),
        "tsa_auth_failed": translate("UsageWords", "Time-stamp service refused the login"),
        "tsa_failed": translate("UsageWords", "Time-stamp service failed"),
        "revocation_unavailable": translate("UsageWords", "Revocation status unavailable"),
        "chain_incomplete": translate("UsageWords", "Certificate chain incomplete"),
        "certificate_expired": translate("UsageWords", "Certificate expired"),
        "certificate_revoked": translate("UsageWords", "Certificate revoked"),
        "output_dir_not_writable": translate("UsageWords", "Folder not writable"),
        "disk_full": translate("UsageWords", "Disk full"),
        "write_failed": translate("UsageWords", "Could not write the file"),
        "verification_failed": translate("UsageWords", "Own check of the result failed"),
        "input_unreadable": translate("UsageWords", "Document unreadable"),
        "input_not_pdf": translate("UsageWords", "Not a PDF"),
        "password_incorrect": translate("UsageWords", "Wrong document password"),
        "signing_failed": translate("UsageWords", "Signing failed"),
    }.get(code)
    return words if words is not None else code


def result(result_code: str, error_code: str) -> str:
    if result_code == "signed":
        return translate("UsageWords", "Signed")
    return translate("UsageWords", "Failed: %1").replace("%1", reason(error_code))


def journal_problem(code: str) -> str:
    return {
        "journal_locked": translate(
            "UsageWords", "The signing journal is locked by another program."),
        "journal_corrupt": translate(
            "UsageWords", "The signing journal is damaged; it is replaced at the next start."),
        "journal_full": translate("UsageWords", "The disk holding the signing journal is full."),
        "journal_readonly": translate("UsageWords", "The signing journal is read-only."),
    }.get(code, translate("UsageWords", "The signing journal cannot be opened."))


def not_journaled(code: str) -> str:
    """After signing: the signatures are made, but their journal rows could not be written."""
    return translate("UsageWords", "Signed, but not recorded in the signing journal: %1 "
                     "The journal is repaired or started anew at the next start.").replace(
        "%1", journal_problem(code))


def csv_refused(code: str, params: dict[str, object]) -> str:
    """Why a workstation's CSV file was not added in."""
    name = str(params.get("path", ""))
    texts = {
        "csv_unreadable": translate(
            "UsageWords", "%1 cannot be read as a UTF-8 CSV file. It was not added."),
        "csv_columns": translate(
            "UsageWords", "%1 is not a usage report of Desktop Signer (its columns differ). "
            "It was not added."),
        "csv_year": translate(
            "UsageWords", "%1 is the report of another year (%2). Choose the file of the "
            "same year. It was not added."),
        "csv_value": translate(
            "UsageWords", "%1 has an invalid value in line %2. It was not added."),
    }
    text = texts.get(code, translate("UsageWords", "%1 could not be used (%2)."))
    second = params.get("found") if code == "csv_year" else params.get("line", code)
    return text.replace("%1", name).replace("%2", str(second))
