"""The files of the classroom exercises, made by ``training init`` from the training PKI.

``soal/`` in the training folder holds:

- a one-page letter to sign at its ``#`` marker, and ``soal/batch/`` with ten letters to sign
  at once;
- four letters to verify, signed here with our own signer (so they carry the BSrE-style
  stamp and the training mark) by the training identities:
  ``periksa-1-sah.pdf`` (valid, nothing changed), ``periksa-2-diubah.pdf`` (a figure of the
  letter's text changed after signing, in an incremental update: the compare view shows
  where), ``periksa-3-anotasi.pdf`` (a white comment box added after signing that covers a
  figure and shows another), ``periksa-4-root-asing.pdf`` (signed by an identity whose
  certificate comes from a root nobody trusts).

Signing uses level B-B (no time stamp): the training services are not running during init.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from desktop_signer.appearance.placement import PlacementRequest
from desktop_signer.signing import SigningSession, SignJob, SignOptions
from desktop_signer.tokens import load_pkcs12_identity
from desktop_signer.training import letters

FOLDER = "soal"
BATCH_FOLDER = "batch"
BATCH_SIZE = 10
SIGN_LETTER = "01-surat-untuk-ditandatangani.pdf"
VALID = "periksa-1-sah.pdf"
MODIFIED = "periksa-2-diubah.pdf"
OVERLAY = "periksa-3-anotasi.pdf"
UNTRUSTED = "periksa-4-root-asing.pdf"

# the figure of the Nota Dinas that the tampered copies change (1.284 signatures)
ORIGINAL_FIGURE = "1.284"
FORGED_FIGURE = "12.840"


def batch_name(number: int) -> str:
    return f"surat-batch-{number:02d}.pdf"


@dataclass(frozen=True)
class ExerciseFiles:
    folder: Path
    sign_letter: Path
    batch: tuple[Path, ...]
    valid: Path
    modified: Path
    overlay: Path
    untrusted: Path


def paths(training_dir: Path) -> ExerciseFiles:
    folder = training_dir / FOLDER
    return ExerciseFiles(
        folder=folder,
        sign_letter=folder / SIGN_LETTER,
        batch=tuple(folder / BATCH_FOLDER / batch_name(n) for n in range(1, BATCH_SIZE + 1)),
        valid=folder / VALID,
        modified=folder / MODIFIED,
        overlay=folder / OVERLAY,
        untrusted=folder / UNTRUSTED,
    )


def _sign(source: Path, target: Path, pkcs12: str, passphrase: str) -> None:
    identity = load_pkcs12_identity(pkcs12, passphrase)
    options = SignOptions(level="B-B", training=True, verify_output=False,
                          placement=PlacementRequest(anchor=letters.ANCHOR))
    SigningSession(identity, options).sign(SignJob(source, target))


def _figure_rect(page: pymupdf.Page) -> pymupdf.Rect:
    hits = page.search_for(ORIGINAL_FIGURE)
    if not hits:
        raise ValueError(f"the sample letter no longer contains {ORIGINAL_FIGURE!r}")
    rect: pymupdf.Rect = hits[0]
    return rect


def change_text_after_signing(signed: Path, target: Path) -> None:
    """Cover the figure with white and write another one, as an incremental update of the
    page's content (what a forger with a PDF editor does)."""
    shutil.copyfile(signed, target)
    doc = pymupdf.open(target)
    try:
        page = doc[0]
        rect = _figure_rect(page)
        cover = pymupdf.Rect(rect.x0 - 1, rect.y0 - 1, rect.x1 + 1, rect.y1 + 1)
        page.draw_rect(cover, color=(1, 1, 1), fill=(1, 1, 1))
        page.insert_text((rect.x0, rect.y1 - 2.5), FORGED_FIGURE, fontname="helv",
                         fontsize=letters.SIZE)
        doc.saveIncr()
    finally:
        doc.close()


def cover_with_annotation(signed: Path, target: Path) -> None:
    """Add a borderless white comment box over the figure showing another figure."""
    shutil.copyfile(signed, target)
    doc = pymupdf.open(target)
    try:
        page = doc[0]
        rect = _figure_rect(page)
        box = pymupdf.Rect(rect.x0 - 1, rect.y0 - 1, rect.x0 + 40, rect.y1 + 1)
        annot = page.add_freetext_annot(box, FORGED_FIGURE, fontsize=letters.SIZE,
                                        fontname="helv", text_color=(0, 0, 0),
                                        fill_color=(1, 1, 1))
        annot.set_border(width=0)
        annot.update()
        doc.saveIncr()
    finally:
        doc.close()


def write_exercise_files(training_dir: Path, pkcs12_good: str, pkcs12_foreign: str,
                         passphrase: str) -> ExerciseFiles:
    """Write every exercise file below ``training_dir/soal`` (created)."""
    where = paths(training_dir)
    (where.folder / BATCH_FOLDER).mkdir(parents=True, exist_ok=True)
    nota = letters.nota_dinas()
    where.sign_letter.write_bytes(nota)
    for path in where.batch:
        path.write_bytes(nota)
    unsigned = where.folder / ".tanpa-ttd.pdf"
    unsigned.write_bytes(nota)
    try:
        _sign(unsigned, where.valid, pkcs12_good, passphrase)
        change_text_after_signing(where.valid, where.modified)
        cover_with_annotation(where.valid, where.overlay)
        _sign(unsigned, where.untrusted, pkcs12_foreign, passphrase)
    finally:
        unsigned.unlink(missing_ok=True)
    return where
