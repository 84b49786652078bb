"""The bytes of a PDF under verification: ``bytes``, or a read-only ``mmap`` of a file.

Our check of a file we have just signed maps the temporary output instead of reading it
(a 200 MB letter with scanned attachments must not cost 200 MB more memory). Everything the
verifier does with the bytes (slices, ``find``/``rfind``, regular expressions, hashing)
works on both. pyHanko reads through a stream: a small file is copied into a ``BytesIO``
(cheapest), a large one is read through a buffered stream over the mapping.
"""

from __future__ import annotations

import hashlib
import io
import mmap
import threading
from typing import BinaryIO

PdfData = bytes | mmap.mmap

# below this, copying the bytes costs less than reading them through Python code
COPY_BELOW = 16 << 20
# from this size, the file's SHA-256 is computed on a second thread (hashlib releases the
# GIL) while the signatures are validated
HASH_ASIDE_FROM = 8 << 20


class _MappedRaw(io.RawIOBase):
    """A raw stream over a mapping. It slices (copies) instead of exporting a memoryview,
    so that no view outlives the check and the mapping can always be closed."""

    def __init__(self, data: mmap.mmap) -> None:
        super().__init__()
        self._data = data
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self._data[self._pos:self._pos + len(buffer)]
        n = len(chunk)
        buffer[:n] = chunk
        self._pos += n
        return n

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: len(self._data)}[whence]
        if base + offset < 0:
            raise OSError("negative seek position")
        self._pos = base + offset
        return self._pos

    def tell(self) -> int:
        return self._pos


def open_stream(data: PdfData) -> BinaryIO:
    if isinstance(data, bytes) or len(data) < COPY_BELOW:
        return io.BytesIO(data)
    return io.BufferedReader(_MappedRaw(data), buffer_size=1 << 16)


class FileDigest:
    """SHA-256 of the whole file, on a second thread for large files."""

    def __init__(self, data: PdfData) -> None:
        self._hex = ""
        self._thread: threading.Thread | None = None
        if len(data) < HASH_ASIDE_FROM:
            self._hex = hashlib.sha256(data).hexdigest()
            return

        def work() -> None:
            self._hex = hashlib.sha256(data).hexdigest()

        thread = threading.Thread(target=work, name="file-sha256", daemon=True)
        try:
            thread.start()
        except RuntimeError:  # no memory for a thread stack (the child's limit): inline
            work()
            return
        self._thread = thread

    def hexdigest(self) -> str:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        return self._hex


def sha256_hex(source: PdfData | FileDigest | None) -> str:
    """The file's SHA-256: from a :class:`FileDigest` already under way (never hash a large
    file twice), else computed here."""
    if isinstance(source, FileDigest):
        return source.hexdigest()
    return hashlib.sha256(source or b"").hexdigest()
