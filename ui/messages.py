"""What the window says when something fails: the core's error codes as sentences.

The core raises :class:`~desktop_signer.errors.DesktopSignerError` with a stable ``code``;
this module is the one table that turns a code into "what happened, what to do", and an
action into a title ("The document could not be opened"). Unknown codes (a new core error
this table has not learnt yet) still get a useful generic text and their code in Details.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_signer.errors import DesktopSignerError

translate = QCoreApplication.translate


class Action(StrEnum):
    """What the user was doing; the title of the error message."""

    OPEN = "open"
    RELOAD = "reload"
    SAVE_SETTINGS = "save_settings"
    ADD_MODULE = "add_module"
    IMPORT_CERTIFICATE = "import_certificate"
    REMOVE_CERTIFICATE = "remove_certificate"
    SAVE_PASSWORD = "save_password"
    EXPORT_REPORT = "export_report"
    VERIFY = "verify"
    SIGN = "sign"
    SETUP_TRAINING = "setup_training"
    START_TRAINING_SERVICES = "start_training_services"
    RESET_TRAINING = "reset_training"
    CHECK_EXERCISES = "check_exercises"
    UNEXPECTED = "unexpected"


@dataclass(frozen=True)
class Message:
    title: str
    text: str  # what happened and what to do
    details: str  # technical: code, detail, path; for IT support


def action_title(action: Action) -> str:
    titles = {
        Action.OPEN: translate("Errors", "The document could not be opened"),
        Action.RELOAD: translate("Errors", "The document could not be reloaded"),
        Action.SAVE_SETTINGS: translate("Errors", "The settings were not saved"),
        Action.ADD_MODULE: translate("Errors", "The token module was not added"),
        Action.IMPORT_CERTIFICATE: translate("Errors", "The certificate was not imported"),
        Action.REMOVE_CERTIFICATE: translate("Errors", "The certificate was not removed"),
        Action.SAVE_PASSWORD: translate("Errors", "The password was not saved"),
        Action.EXPORT_REPORT: translate("Errors", "The validation report was not saved"),
        Action.VERIFY: translate("Errors", "The signatures could not be checked"),
        Action.SIGN: translate("Errors", "The document was not signed"),
        Action.SETUP_TRAINING: translate("Errors", "The training class was not prepared"),
        Action.START_TRAINING_SERVICES: translate("Errors",
                                                  "The training services did not start"),
        Action.RESET_TRAINING: translate("Errors", "The training tokens were not rebuilt"),
        Action.CHECK_EXERCISES: translate("Errors", "The exercises could not be checked"),
        Action.UNEXPECTED: translate("Errors", "Something went wrong"),
    }
    return titles[action]


def code_text(code: str) -> str | None:
    """The sentence for a code, with ``{name}``/``{page}`` placeholders; None if unknown."""
    texts = {
        # opening and showing documents (desktop_signer.render.Problem)
        "file_missing": translate(
            "Errors", "The file {name} no longer exists. It may have been moved, renamed or "
            "deleted. Open it again from its new place."),
        "unreadable": translate(
            "Errors", "The file {name} cannot be read. Check that it is a file and not a "
            "folder, that you are allowed to read it, and that its drive or network share is "
            "still connected."),
        "empty_file": translate(
            "Errors", "The file {name} is empty (0 bytes). It was probably not saved or "
            "downloaded completely. Ask the sender for the document again."),
        "not_a_pdf": translate(
            "Errors", "The file {name} is not a PDF document. Desktop Signer opens PDF files "
            "only. If it is a word-processor or image file, save or print it as PDF first."),
        "truncated": translate(
            "Errors", "The file {name} is incomplete: its end is missing, usually because a "
            "download or copy was interrupted. Download or copy it again, or ask the sender "
            "for a new copy."),
        "damaged": translate(
            "Errors", "The file {name} is damaged and cannot be shown. Ask the sender for a "
            "new copy."),
        "password_required": translate(
            "Errors", "The document {name} is protected with a password. Enter the password "
            "to open it."),
        "wrong_password": translate(
            "Errors", "The password for {name} is not correct. Check the spelling and the Caps "
            "Lock key, then try again."),
        "page_out_of_range": translate(
            "Errors", "The document {name} has no page {page}."),
        "render_failed": translate(
            "Errors", "Page {page} of {name} could not be shown; the document may be damaged "
            "there. The other pages are still shown."),
        "renderer_stopped": translate(
            "Errors", "The part of Desktop Signer that shows documents stopped unexpectedly. "
            "Reload the document (F5). If this happens again with the same file, the file "
            "may be damaged."),
        # settings, secrets, trust (desktop_signer.settings / secrets / trust)
        "settings_not_writable": translate(
            "Errors", "Desktop Signer cannot write its settings file. Check that your home "
            "folder is not full and that you are allowed to write in it."),
        "keyring_unavailable": translate(
            "Errors", "This computer has no password store (keyring) that Desktop Signer can "
            "use. The password was not stored; enter it when you sign instead."),
        "certificate_file_unreadable": translate(
            "Errors", "The certificate file {name} cannot be read."),
        "not_a_certificate_file": translate(
            "Errors", "The file {name} contains no certificate. Choose a .pem, .crt, .cer or "
            ".der file from BSrE or your administrator."),
        "anchors_not_writable": translate(
            "Errors", "Desktop Signer cannot write to its list of trusted certificates. Check "
            "that you are allowed to write in your settings folder."),
        "output_pattern_invalid": translate(
            "Errors", "The name for signed files must contain {stem} (the original name) and "
            "end with .pdf, for example {stem}_signed.pdf."),
        "report_not_writable": translate(
            "Errors", "Desktop Signer cannot write {name}. Choose a folder you are allowed to "
            "write in, with free space."),
        "module_not_found": translate(
            "Errors", "The file {name} does not exist. Choose the token's PKCS#11 module "
            "(a .so, .dll or .dylib file from the token vendor)."),
        "module_load_failed": translate(
            "Errors", "The file {name} is not a PKCS#11 module that this computer can load. "
            "Choose the module from the token vendor's software for this operating system."),
        # training (desktop_signer.training.errors)
        "port_in_use": translate(
            "Errors", "Port {port} on this computer is already used by another program, so "
            "the training services (time stamps, certificate status) cannot start. Close "
            "that program (for example a “desktop-signer training serve” for another "
            "training folder), then choose Training → Restart training services."),
        "softhsm_missing": translate(
            "Errors", "SoftHSM2, which provides the training tokens, is not installed. Ask "
            "your IT support to install it (on Debian or Ubuntu: sudo apt-get install "
            "softhsm2)."),
        "dir_not_empty": translate(
            "Errors", "The training folder {name} holds other files. Empty it or choose "
            "another training folder in the settings."),
        "dir_not_writable": translate(
            "Errors", "Desktop Signer cannot write in the training folder {name}. Check "
            "that you are allowed to write there."),
        "not_a_directory": translate(
            "Errors", "{name} is a file, not a folder. Choose another training folder."),
        "not_a_training_dir": translate(
            "Errors", "No training class has been prepared yet. Choose Training → Prepare "
            "a training class."),
        "manifest_broken": translate(
            "Errors", "The description of the training class ({name}) is damaged. Prepare "
            "a new training class."),
        "token_init_failed": translate(
            "Errors", "SoftHSM2 could not create the training tokens. Send the details "
            "below to your IT support."),
        "token_provision_failed": translate(
            "Errors", "The training identities could not be written onto the training "
            "tokens. Send the details below to your IT support."),
    }
    from ui.signing.texts import error_texts

    texts.update(error_texts())  # tokens, certificate files, stamp, signing (ui/signing)
    return texts.get(code)


def generic_text() -> str:
    return translate(
        "Errors", "An unexpected problem occurred. Try again; if it happens again, send the "
        "details below to your IT support.")


def describe(error: BaseException, action: Action) -> Message:
    """Title, sentence and technical details for an error met during ``action``."""
    code = getattr(error, "code", "") if isinstance(error, DesktopSignerError) else ""
    params: dict[str, object] = dict(getattr(error, "params", {}) or {})
    if not code and isinstance(error, OSError):
        code = "unreadable" if error.filename else ""
        if error.filename:
            params.setdefault("path", str(error.filename))
    path = str(params.get("path", "") or "")
    name = Path(path).name if path else translate("Errors", "(no name)")
    page = params.get("page")
    template = code_text(code) if code else None
    if template is None:
        text = generic_text()
    else:
        text = template.replace("{name}", f"“{name}”").replace(
            "{page}", str(int(page) + 1) if isinstance(page, int) else "?")
        for key, value in params.items():  # any other named value, e.g. {port}
            text = text.replace("{" + key + "}", str(value))
    lines = []
    if code:
        lines.append(f"code: {code}")
    detail = getattr(error, "detail", "") if isinstance(error, DesktopSignerError) else ""
    lines.append(f"{type(error).__name__}: {detail or error}")
    if path:
        lines.append(f"path: {path}")
    for key, value in params.items():
        if key == "page" and isinstance(value, int):
            lines.append(f"page: {value + 1}")
        elif key != "path":
            lines.append(f"{key}: {value}")
    return Message(action_title(action), text, "\n".join(lines))
