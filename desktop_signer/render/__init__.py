"""PDF preview service: open, measure, render, search (PyMuPDF).

The window never imports PyMuPDF; it talks to this package. Two layers:

* :mod:`desktop_signer.render.document` — :class:`PdfDocument`, one open PDF, used from the
  one thread that opened it (PyMuPDF is not thread-safe and holds the GIL while it renders).
* :mod:`desktop_signer.render.client` — :class:`RenderClient`, which runs documents in a
  child process (:mod:`desktop_signer.render.worker`) so rendering never blocks the caller's
  interpreter, and a PDF that crashes MuPDF cannot take the application down.

Errors are :class:`DocumentError` with stable codes (:class:`Problem`).
"""

from desktop_signer.render.errors import DocumentError, Problem
from desktop_signer.render.models import DocumentInfo, PageImage, PageSize, Rect, SearchHit

__all__ = [
    "DocumentError",
    "DocumentInfo",
    "PageImage",
    "PageSize",
    "Problem",
    "Rect",
    "SearchHit",
]
