"""What a trainee reads about each exercise: title, instructions, how it is checked.

The core names exercises by identifier (:mod:`desktop_signer.training.exercises`); the words
live here, translated with Qt Linguist like every other text of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_signer.training.exercises import ExerciseId

translate = QCoreApplication.translate


def title(exercise: ExerciseId) -> str:
    return {
        ExerciseId.SIGN_AT_MARKER: translate("Exercises", "Sign a letter at its marker"),
        ExerciseId.WRONG_PIN: translate("Exercises", "See a wrong PIN counted"),
        ExerciseId.REFUSED_EXPIRED: translate("Exercises",
                                              "Be refused by an expired certificate"),
        ExerciseId.REFUSED_REVOKED: translate("Exercises",
                                              "Be refused by a revoked certificate"),
        ExerciseId.BATCH_TEN: translate("Exercises", "Sign ten letters at once"),
        ExerciseId.VERIFY_VALID: translate("Exercises", "Verify a valid letter"),
        ExerciseId.VERIFY_MODIFIED: translate("Exercises",
                                              "Recognise a letter changed after signing"),
        ExerciseId.VERIFY_OVERLAY: translate("Exercises",
                                             "Spot a comment added after signing"),
        ExerciseId.VERIFY_UNTRUSTED: translate("Exercises", "Recognise an untrusted signer"),
        ExerciseId.COMPARE_CHANGE: translate("Exercises",
                                             "Find the change with the compare view"),
    }[exercise]


def instructions(exercise: ExerciseId) -> str:
    return {
        ExerciseId.SIGN_AT_MARKER: translate(
            "Exercises",
            "Open “01-surat-untuk-ditandatangani.pdf” from the exercise folder, sign it with "
            "the identity “Budi Santoso” and put the stamp on the # mark above the name. "
            "Save the signed copy in the exercise folder (the suggested name is fine)."),
        ExerciseId.WRONG_PIN: translate(
            "Exercises",
            "Start signing the same letter and type a wrong PIN once, on purpose. Read the "
            "message: it tells how many tries are left before the token locks. Then sign "
            "with the right PIN or cancel. Never try this with a real token."),
        ExerciseId.REFUSED_EXPIRED: translate(
            "Exercises",
            "Try to sign the letter with the identity “Agus Kedaluwarsa”. Desktop Signer "
            "refuses because the certificate has expired. Read the reason it gives."),
        ExerciseId.REFUSED_REVOKED: translate(
            "Exercises",
            "Try to sign the letter with the identity “Rina Dicabut”. Desktop Signer asks "
            "the training OCSP service and refuses: the certificate list shows it was "
            "revoked and it cannot be chosen. Read the date and the reason it gives."),
        ExerciseId.BATCH_TEN: translate(
            "Exercises",
            "Sign all ten letters of the folder “batch” in one go, with one PIN entry. Keep "
            "the signed copies in that folder."),
        ExerciseId.VERIFY_VALID: translate(
            "Exercises",
            "Open “periksa-1-sah.pdf” and read the verification: who signed, whether the "
            "document is unchanged since signing, whether it carries a time stamp."),
        ExerciseId.VERIFY_MODIFIED: translate(
            "Exercises",
            "Open “periksa-2-diubah.pdf”. The verification says the signature is not valid: "
            "the document was changed after it was signed."),
        ExerciseId.VERIFY_OVERLAY: translate(
            "Exercises",
            "Open “periksa-3-anotasi.pdf”. The signed text itself is intact, but the "
            "verification says the signature is not valid: a comment (annotation) added "
            "after signing covers signed content. Find what the comment hides."),
        ExerciseId.VERIFY_UNTRUSTED: translate(
            "Exercises",
            "Open “periksa-4-root-asing.pdf”. The verification says the signature cannot be "
            "confirmed: the certificate comes from an authority that is not trusted."),
        ExerciseId.COMPARE_CHANGE: translate(
            "Exercises",
            "Open “periksa-2-diubah.pdf” and open the compare view (the signed version beside "
            "the current one). Find the figure that was changed."),
    }[exercise]


def evidence(exercise: ExerciseId) -> str:
    """Where the automatic check looks (so the trainer can explain a check that stays open)."""
    if exercise in (ExerciseId.SIGN_AT_MARKER, ExerciseId.BATCH_TEN):
        return translate("Exercises", "Checked from the signing journal and the signed "
                                      "files in the exercise folder.")
    if exercise in (ExerciseId.WRONG_PIN, ExerciseId.REFUSED_EXPIRED,
                    ExerciseId.REFUSED_REVOKED):
        return translate("Exercises", "Checked from the signing journal and the training "
                                      "activity log.")
    return translate("Exercises", "Checked from the training activity log (what the "
                                  "verification showed).")


def step_text(step: str) -> str:
    """The steps of building a set-up (desktop_signer.training.setup.STEPS)."""
    return {
        "tokens": translate("Exercises", "Creating the training tokens…"),
        "keys": translate("Exercises", "Making keys…"),
        "pki": translate("Exercises", "Issuing the training certificates…"),
        "identities": translate("Exercises", "Putting the identities on the tokens…"),
        "letters": translate("Exercises", "Writing the sample letters…"),
        "exercises": translate("Exercises", "Preparing the exercise files…"),
    }.get(step, step)


def problem_text(problem: str | None) -> str:
    """What is deliberately wrong with a training identity (identities.Problem values)."""
    if not problem:
        return translate("Exercises", "good")
    return {
        "expired": translate("Exercises", "expired"),
        "revoked": translate("Exercises", "revoked"),
        "not_yet_valid": translate("Exercises", "not yet valid"),
        "no_signing_usage": translate("Exercises", "not for signing"),
        "foreign_root": translate("Exercises", "untrusted root"),
        "expiring_soon": translate("Exercises", "expires soon"),
    }.get(problem, problem)


def seen_text(seen: str) -> str:
    """What the evidence showed so far for an exercise not yet done (a count or a verdict)."""
    verdicts = {
        "valid": translate("Exercises", "the verification showed: valid"),
        "invalid": translate("Exercises", "the verification showed: not valid"),
        "indeterminate": translate("Exercises", "the verification showed: cannot be "
                                                "confirmed"),
        "unsigned": translate("Exercises", "the verification showed: not signed"),
    }
    if seen in verdicts:
        return verdicts[seen]
    if "/" in seen:
        return translate("Exercises", "%1 letters signed").replace("%1", seen)
    return seen
