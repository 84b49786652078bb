"""Typed errors of the preview service. Codes only; the window turns them into sentences."""

from __future__ import annotations

from enum import StrEnum

from desktop_signer.errors import DesktopSignerError


class Problem(StrEnum):
    """Why a document cannot be opened or shown. Values are stable strings."""

    FILE_MISSING = "file_missing"  # no file at that path (deleted, moved, never existed)
    UNREADABLE = "unreadable"  # exists but cannot be read (a folder, no permission, I/O error)
    EMPTY_FILE = "empty_file"  # 0 bytes
    NOT_A_PDF = "not_a_pdf"  # no %PDF- header near the start
    TRUNCATED = "truncated"  # no %%EOF near the end: the file was cut off
    DAMAGED = "damaged"  # MuPDF cannot make sense of it
    PASSWORD_REQUIRED = "password_required"  # encrypted with a user password
    WRONG_PASSWORD = "wrong_password"
    PAGE_OUT_OF_RANGE = "page_out_of_range"
    RENDER_FAILED = "render_failed"  # one page could not be drawn
    RENDERER_STOPPED = "renderer_stopped"  # the rendering process ended unexpectedly
    WRONG_THREAD = "wrong_thread"  # programming error: a document used from another thread


class DocumentError(DesktopSignerError):
    """An error of the preview service; ``code`` is a :class:`Problem` value.

    ``params`` carry ``path`` (and ``page`` where it concerns one page)."""

    @property
    def problem(self) -> Problem | None:
        try:
            return Problem(self.code)
        except ValueError:
            return None
