"""Writing the signed file so that a failure or a kill leaves no partial output (DESIGN §4.6).

The document is produced into a hidden temporary file in the target folder
(``.<name>.<random>.part``), flushed and fsynced, checked by the caller, and only then given
its name: with a hard link (atomic and never replaces an existing file) or, when the caller
allowed overwriting or the file system has no hard links, ``os.replace``. A kill before that
leaves at most the hidden temporary file, which the next attempt for the same output removes.
"""

from __future__ import annotations

import contextlib
import errno
import mmap
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from desktop_signer.signing.errors import SigningError

PART_SUFFIX = ".part"
STALE_AFTER_SECONDS = 3600.0  # another process may still be writing a younger one


def check_target(output: Path, input_path: Path, overwrite: bool) -> None:
    folder = output.parent
    if output.resolve() == input_path.resolve():
        raise SigningError("output_is_input", path=str(output))
    if not folder.is_dir():
        raise SigningError("output_dir_missing", path=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SigningError("output_dir_not_writable", path=str(folder))
    if output.exists() and not overwrite:
        raise SigningError("output_exists", path=str(output))


def remove_stale_parts(output: Path, older_than: float = STALE_AFTER_SECONDS) -> None:
    """Temporary files a killed earlier attempt left for this output name."""
    now = time.time()
    for part in output.parent.glob(f".{output.name}.*{PART_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - part.stat().st_mtime > older_than:
                part.unlink()


def os_error(exc: OSError, path: Path) -> SigningError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return SigningError("disk_full", str(exc), path=str(path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SigningError("output_dir_not_writable", str(exc), path=str(path.parent))
    return SigningError("write_failed", str(exc), path=str(path))


class PendingOutput:
    """The temporary file; :meth:`publish` gives it the final name."""

    def __init__(self, output: Path, overwrite: bool) -> None:
        self.output = output
        self.overwrite = overwrite
        try:
            fd, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.",
                                        suffix=PART_SUFFIX)
        except OSError as exc:
            raise os_error(exc, output) from exc
        self.path = Path(name)
        self.file: BinaryIO = os.fdopen(fd, "w+b")
        self._sync_thread: threading.Thread | None = None
        self._sync_failure: BaseException | None = None

    @classmethod
    def create(cls, output: Path, overwrite: bool) -> PendingOutput:
        """A new temporary file for ``output`` (after removing what killed attempts left)."""
        remove_stale_parts(output)
        return cls(output, overwrite)

    def start_sync(self) -> None:
        """Flush here, then fsync on another thread (fsync releases the GIL: our check of
        the same bytes does not wait for the disk). :meth:`wait_synced` collects it."""
        try:
            self.file.flush()
        except OSError as exc:
            raise os_error(exc, self.output) from exc

        def work() -> None:
            try:
                self.finish_writing()
            except BaseException as exc:  # handed to the waiting thread
                self._sync_failure = exc

        self._sync_thread = threading.Thread(target=work, name="signed-output-sync",
                                             daemon=True)
        self._sync_thread.start()

    def wait_synced(self) -> None:
        """Wait for the fsync and raise its error, if any."""
        if self._sync_thread is not None:
            self._sync_thread.join()
            self._sync_thread = None
        if self._sync_failure is not None:
            failure, self._sync_failure = self._sync_failure, None
            raise failure

    @contextlib.contextmanager
    def mapped(self) -> Iterator[mmap.mmap]:
        """The temporary file's bytes, mapped read-only rather than read into memory (a
        200 MB file must not cost 200 MB more). Unmapped on leaving: Windows renames no
        mapped file."""
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError as exc:
            raise os_error(exc, self.output) from exc
        try:
            view = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        finally:
            os.close(fd)
        try:
            yield view
        finally:
            view.close()

    def finish_writing(self) -> None:
        """Flush, fsync and close the temporary file."""
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
        except OSError as exc:
            raise os_error(exc, self.output) from exc

    def publish(self) -> None:
        try:
            if self.overwrite:
                os.replace(self.path, self.output)
            else:
                try:
                    os.link(self.path, self.output)
                except FileExistsError:
                    raise SigningError("output_exists", path=str(self.output)) from None
                except OSError as exc:
                    if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP,
                                         errno.EXDEV, errno.EMLINK):
                        raise
                    # no hard links here (FAT, some network shares): checked, then replace
                    if self.output.exists():
                        raise SigningError("output_exists", path=str(self.output)) from None
                    os.replace(self.path, self.output)
                self.path.unlink(missing_ok=True)
            _fsync_dir(self.output.parent)
        except OSError as exc:
            raise os_error(exc, self.output) from exc

    def discard(self) -> None:
        if self._sync_thread is not None:
            self._sync_thread.join()  # never close the file under a running fsync
            self._sync_thread = None
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


def _fsync_dir(folder: Path) -> None:
    """Make the new name durable too (not possible on Windows: harmless to skip)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def copy_input(source: Path, pending: PendingOutput) -> None:
    """Copy the input into the temporary output file and rewind it: in the kernel with
    ``copy_file_range`` where the system has it (Linux), else in 1 MiB chunks."""
    try:
        src = source.open("rb")
    except OSError as exc:
        raise SigningError("input_unreadable", str(exc), path=str(source)) from exc
    with src:
        out = pending.file
        try:
            out.flush()
            size = os.fstat(src.fileno()).st_size
            if not _kernel_copy(src.fileno(), out.fileno(), size):
                shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            out.seek(0)
        except OSError as exc:
            if exc.filename is not None and Path(exc.filename) == source:
                raise SigningError("input_unreadable", str(exc), path=str(source)) from exc
            raise os_error(exc, pending.output) from exc


def _kernel_copy(src_fd: int, out_fd: int, size: int) -> bool:
    """``False`` when this system cannot copy between these two files in the kernel (and
    nothing was written)."""
    copy = getattr(os, "copy_file_range", None)
    if copy is None:
        return False
    done = 0
    while done < size:
        try:
            n = copy(src_fd, out_fd, size - done)
        except OSError as exc:
            if done == 0 and exc.errno in (errno.EXDEV, errno.ENOSYS, errno.EINVAL,
                                           errno.EOPNOTSUPP, errno.ETXTBSY, errno.EBADF):
                return False  # e.g. across file systems on older kernels
            raise
        if n == 0:
            break  # the input shrank meanwhile: pyHanko reads (and judges) what is there
        done += n
    return True
