"""Typed errors of the training set-up; the CLI turns codes into messages."""

from __future__ import annotations

from desktop_signer.errors import DesktopSignerError


class TrainingError(DesktopSignerError):
    """Training set-up failed (codes: softhsm_missing, dir_not_empty, port_in_use, ...)."""
