"""The core's typed errors.

The core never builds user-facing sentences: every error carries a stable ``code`` (which
the CLI's catalogue and the window's error presenter turn into a title, what to do, and
details), technical ``detail`` text for the "Details" part, and named ``params`` for the
message. Subclasses group errors by area so callers can catch what they handle.
"""

from __future__ import annotations


class DesktopSignerError(Exception):
    def __init__(self, code: str, detail: str = "", **params: object) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.params = params
