"""The one place that reads user files from disk and writes single files back.

Reading (:func:`read_input_bytes`): only regular files are read. A FIFO would block forever,
a device such as ``/dev/zero`` reports size 0 and never ends; both are refused before they are
opened for reading. The size limit is checked on the open descriptor and again while reading,
so a file that grows after the check is still cut off at the limit.

Writing (:func:`replace_file`): a file the user owns is replaced **atomically** (a temporary
file beside it, then a rename), and what the file *is* stays as it was:

* a symbolic link is followed: the link's target is edited, the link stays a link;
* the permission bits are kept (a new file gets the usual ``0666 & ~umask``);
* a file with several hard links is rewritten in place (a rename would split the links);
  the new content is complete in a temporary file before the original is touched;
* a read-only file is refused rather than overwritten (say ``force=True`` to replace it);
* on any error, and on an interrupt, the temporary file is removed; the target is as before.

Every OS error becomes an :class:`~orientation.errors.OutputError` (writing) or a
:class:`~orientation.errors.SiteFileError`-compatible message (reading) that names the file
and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import InputError, LimitError, OutputError


class InputFileError(InputError):
    """A file named as input cannot be read (missing, not a regular file, unreadable)."""

    def __init__(self, file: str, message: str):
        self.file = file
        super().__init__(f"{file}: {message}")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_input_bytes(path: str | Path, *, max_bytes: int, what: str = "file",
                     limit_name: str = "max_bytes") -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` bytes.

    Raises :class:`InputFileError` for a missing, special (FIFO, device, socket, folder) or
    unreadable file and :class:`~orientation.errors.LimitError` for one that is too large.

    >>> read_input_bytes("/dev/null", max_bytes=10)
    Traceback (most recent call last):
    ...
    orientation.fileio.InputFileError: /dev/null: is a device, not a file; name a regular file
    """
    file = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(file, f"no such {what}; check the path") from None
    except OSError as exc:
        raise InputFileError(file, f"cannot read it: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputFileError(file, f"is {_kind(st.st_mode)}, not a file; name a regular file")
    _check_size(file, st.st_size, max_bytes, limit_name)
    # O_NONBLOCK: should the path have been swapped for a FIFO since the stat, the open does
    # not wait for a writer; fstat on the descriptor then tells what was really opened.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputFileError(file, f"cannot read it: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputFileError(file, f"is {_kind(st.st_mode)}, not a file; name a regular file")
        _check_size(file, st.st_size, max_bytes, limit_name)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                _check_size(file, total, max_bytes, limit_name)
        return b"".join(chunks)
    except OSError as exc:
        raise InputFileError(file, f"cannot read it: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _check_size(file: str, size: int, max_bytes: int, limit_name: str) -> None:
    if size > max_bytes:
        raise LimitError(f"{file}: the file is larger than {max_bytes / 1e6:g} MB (limit "
                         f"{limit_name}); split the site or raise the limit")


def _oserror_message(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full; free some space and try again"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exhausted; free some space and try again"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; choose a folder you may write to"
    if exc.errno == errno.EROFS:
        return "the file system is read-only; choose another place"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long; choose a shorter one"
    if exc.errno == errno.EISDIR:
        return "it is a folder; name a file"
    return exc.strerror or str(exc)


def replace_file(path: str | Path, data: bytes | str, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically, keeping what the file is (see the module doc).

    ``str`` data is written as UTF-8 exactly as given (line endings are the caller's: keep the
    file's own). Returns the path of the file actually written (a symlink's target).

    Raises :class:`~orientation.errors.OutputError` naming the file and what to do: the path is
    a folder, the file is read-only (unless ``force``), the folder cannot be written, the disk
    is full.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    shown = str(path)
    target = Path(os.path.realpath(path))  # a symlink: edit the file it points to
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {_oserror_message(exc)}") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {shown}: it is a folder; name a file")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"cannot write {shown}: it is {_kind(st.st_mode)}; name a file")
        # the write bits as well as access(): for root, access() always says yes
        if not force and (not st.st_mode & 0o222 or not os.access(target, os.W_OK)):
            raise OutputError(f"{shown} is read-only; make it writable (chmod u+w) to change it")
    folder = target.parent
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder {folder}: {_oserror_message(exc)}") from None
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=folder)
        try:
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if st is not None and st.st_nlink > 1:
            # several names for one file: rewrite it in place so every name sees the change
            with open(target, "r+b") as fh:
                fh.write(raw)
                fh.truncate()
                fh.flush()
                os.fsync(fh.fileno())
            os.unlink(tmp)
            tmp = None
            return target
        mode = stat.S_IMODE(st.st_mode) if st is not None else (0o666 & ~_umask())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {_oserror_message(exc)}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target


def _umask() -> int:
    """The process umask (read by setting and restoring it; there is no other portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


__all__ = ["InputFileError", "read_input_bytes", "replace_file"]
