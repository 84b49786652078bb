"""Training in the window (issue 16): set-up dialog (building and ready), the exercise list,
two exercises in progress, presentation mode, the services' port-taken message."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path


def _sign_exercise_letter(ctx) -> None:  # noqa: ANN001 - ShotContext
    """What a trainee does in exercise 1, through the core (the journal records it)."""
    from desktop_signer.appearance.placement import PlacementRequest
    from desktop_signer.journal import Journal
    from desktop_signer.signing import SignJob, SignOptions, sign_batch
    from desktop_signer.tokens import load_pkcs12_identity
    from desktop_signer.training import exercise_files

    where = exercise_files.paths(ctx.training_dir)
    ident = ctx.training.identity("budi")
    identity = load_pkcs12_identity(ident.pkcs12, ctx.training.pkcs12_passphrase)
    options = SignOptions(level="B-B", training=True, verify_output=False, overwrite=True,
                          placement=PlacementRequest(anchor="#"))
    output = where.folder / "01-surat-untuk-ditandatangani_signed.pdf"
    batch = [SignJob(p, p.with_name(p.stem + "_signed.pdf")) for p in where.batch[:4]]
    with Journal() as journal:
        sign_batch(identity, [SignJob(where.sign_letter, output), *batch], options,
                   journal=journal)


def shoot(ctx) -> None:  # noqa: ANN001 - ShotContext
    from desktop_signer.training import activity, exercise_files, exercises
    from ui.training.setup_dialog import SetupDialog

    exercises.reset_progress(ctx.training_dir)
    window = ctx.window([])
    ctx.wait_rendered(window)
    feature = window.training
    ctx.wait(lambda: feature.services.state in ("running", "elsewhere"), what="services")

    # the set-up dialog while it builds a new class, then ready
    building = SetupDialog(ctx.work / "kelas-baru", None, window.presenter, window)
    building.resize(700, 300)
    building.show()
    ctx.save(building, "training-setup-start")
    building.build_button.click()
    ctx.wait(lambda: building.progress_bar.value() >= 2, what="set-up progress")
    ctx.save(building, "training-setup-progress")
    ctx.wait(lambda: building.result_setup is not None, timeout_s=180, what="set-up built")
    building.resize(700, 560)
    ctx.save(building, "training-setup-ready")
    building.close()

    # the exercise list, nothing done yet
    feature.show_exercises()
    dialog = feature.exercises_dialog
    ctx.wait(lambda: bool(dialog.statuses), what="exercises checked")
    ctx.save(dialog, "training-exercises")

    # two exercises in progress: the letter signed at its marker (done), the batch begun
    # (4 of 10), and the tampered letter verified (as the verification panel records it)
    _sign_exercise_letter(ctx)
    modified = exercise_files.paths(ctx.training_dir).modified
    activity.record(activity.VERIFIED, ctx.training_dir, file=modified.name,
                    sha256=exercises._sha256(modified), verdict="invalid")
    dialog.refresh()
    ctx.wait(lambda: dialog.is_done(exercises.ExerciseId.SIGN_AT_MARKER), what="exercise 1")
    dialog.list.setCurrentRow(exercises.ORDER.index(exercises.ExerciseId.SIGN_AT_MARKER))
    ctx.save(dialog, "training-exercise-signed")
    dialog.list.setCurrentRow(exercises.ORDER.index(exercises.ExerciseId.BATCH_TEN))
    ctx.save(dialog, "training-exercise-batch")
    dialog.close()
    exercises.reset_progress(ctx.training_dir)

    # presentation mode with a letter open
    letter = Path(ctx.training.directory) / "surat" / "nota-dinas-1-halaman.pdf"
    window.open_paths([str(letter)])
    ctx.wait_rendered(window)
    feature.presentation_action.trigger()
    ctx.pump(0.5)
    ctx.wait_rendered(window)
    ctx.save(window, "training-presentation")
    feature.presentation_action.trigger()
    ctx.pump(0.3)

    # the training services' port is taken by another program
    shown = []
    window.presenter.shown.connect(shown.append)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = dataclasses.replace(ctx.training, port=busy.getsockname()[1])
        feature.services.restart(taken)
        ctx.wait(lambda: bool(shown), what="port-taken message")
        ctx.save(window, "training-port-taken")
        if ctx.scale == 1:
            # QMessageBox fixes its size within the screen, and the offscreen screen is 400
            # points wide at 200 %: that picture would be clipped, unlike a real screen's
            ctx.save(shown[-1], "training-port-taken-message")
        shown[-1].close()
