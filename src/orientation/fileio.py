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

Writing a folder (:func:`write_outputs`): every output of a render is written **all or
nothing**: the files go to a temporary folder beside the target, which replaces the target at
the end. On any error or interrupt the target is as it was and no temporary folder is left.

**Only an output folder is ever replaced.** Every output folder carries a marker file,
``.orientation-output`` (JSON: program, version, format id, site file name, the files
written). A target is written only when it does not exist, is empty, or carries the marker and
holds nothing but the files listed in it; anything else is refused with an
:class:`~orientation.errors.OutputError` and left untouched (:func:`check_output_folder`). The
site file (and the baseline ``plan.json`` of ``--since``) may never lie inside the target.

This module is the only one that writes files: the pipeline's output folder, ``import``'s
site file and ``pin``'s edited site file all go through it.

Every OS error becomes an :class:`~orientation.errors.OutputError` (writing, with ``path``)
or an :class:`InputFileError` (reading) that names the file and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import signal
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import InputError, LimitError, OrientationError, OutputError


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
        raise OutputError(f"cannot write {shown}: {_oserror_message(exc)}", path=shown) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {shown}: it is a folder; name a file", path=shown)
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"cannot write {shown}: it is {_kind(st.st_mode)}; name a file",
                              path=shown)
        # the write bits as well as access(): for root, access() always says yes
        if not force and (not st.st_mode & 0o222 or not os.access(target, os.W_OK)):
            raise OutputError(f"{shown} is read-only; make it writable (chmod u+w) to change it",
                              path=shown)
    folder = target.parent
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder {folder}: {_oserror_message(exc)}",
                              path=str(folder)) from None
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
        if st is not None and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
            # the owner and group stay (root may give them back; anyone may keep a group
            # they are in); where that is refused the file keeps the writer's
            with contextlib.suppress(OSError):
                os.chown(tmp, st.st_uid, st.st_gid)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {_oserror_message(exc)}", path=shown) from None
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


# -- the output folder: ours or refused, written all or nothing ---------------------------------

MARKER = ".orientation-output"
"""The file written into every output folder; a folder carrying it may be replaced."""

MARKER_FORMAT = "orientation/output@1"

# What an output folder of a version before the marker held: accepted without a marker only
# when nothing else is in it and its plan.json is one of ours.
_LEGACY_FILES = frozenset({"plan.json", "register.csv", "markings.geojson", "schedule.csv",
                           "signs.pdf", "proof.pdf", "schedule.pdf", "maps.pdf",
                           "outlines.geojson", "register.gpkg", "ng911.gpkg", "object.csv",
                           "object.json", "alarm-cards.pdf"})
_LEGACY_FOLDERS = frozenset({"signs", "maps", "alarm-cards"})
_MAX_MARKER_BYTES = 64_000_000


def marker_bytes(files: Iterable[str], *, source: str | None = None) -> bytes:
    """The marker file's content: program, version, format id, site file name and the files
    written (so that a later run can tell them from anything a user put beside them)."""
    from . import __version__

    return (json.dumps({"program": "orientation", "version": __version__,
                        "format": MARKER_FORMAT, "site": source,
                        "files": sorted(files)}, ensure_ascii=False, indent=1) + "\n").encode()


def _manifest(folder: str) -> set[str] | None:
    """The files listed in ``folder``'s marker, or None when it has no valid marker."""
    try:
        raw = read_input_bytes(os.path.join(folder, MARKER), max_bytes=_MAX_MARKER_BYTES)
        data = json.loads(raw)
    except (OrientationError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("program") != "orientation" \
            or data.get("format") != MARKER_FORMAT:
        return None
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return set(files)


def _legacy_manifest(folder: str) -> set[str] | None:
    """Files of an output folder written before the marker existed, or None if it is not one."""
    plan = os.path.join(folder, "plan.json")
    try:
        if not stat.S_ISREG(os.lstat(plan).st_mode):
            return None
        with open(plan, "rb") as fh:
            head = fh.read(200)
    except OSError:
        return None
    if b'"format": "orientation/plan@1"' not in head:
        return None
    names: set[str] = set()
    try:
        for e in os.scandir(folder):
            if e.name in _LEGACY_FILES and e.is_file(follow_symlinks=False):
                names.add(e.name)
            elif e.name in _LEGACY_FOLDERS and e.is_dir(follow_symlinks=False):
                for f in os.scandir(e.path):
                    if f.name.endswith(".svg") and f.is_file(follow_symlinks=False):
                        names.add(f"{e.name}/{f.name}")
                    else:
                        return None
            else:
                return None
    except OSError:
        return None
    return names


def foreign_entries(folder: str | Path) -> list[str]:
    """Paths (relative, sorted) inside an existing folder that orientation did not write.

    Empty for an empty folder and for an earlier output (one with the marker file, or a
    pre-marker output holding only the files render writes). A symbolic link or any file not
    listed in the marker counts as foreign: replacing the folder would lose it.
    """
    folder = os.fspath(folder)
    try:
        top = sorted(os.listdir(folder))
    except OSError as exc:
        raise OutputError(f"cannot read the output folder {folder}: {_oserror_message(exc)}",
                          path=folder) from None
    if not top:
        return []
    listed = _manifest(folder)
    if listed is None:
        listed = _legacy_manifest(folder)
        if listed is None:
            return top
    else:
        listed = listed | {MARKER}
    dirs = {os.path.dirname(f) for f in listed}
    for d in list(dirs):
        while d:
            d = os.path.dirname(d)
            dirs.add(d)
    foreign: list[str] = []

    def walk(path: str, rel: str) -> None:
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:
            foreign.append(rel or ".")
            return
        for e in entries:
            r = f"{rel}/{e.name}" if rel else e.name
            if e.is_dir(follow_symlinks=False) and r in dirs:
                walk(e.path, r)
            elif not (e.is_file(follow_symlinks=False) and r in listed):
                foreign.append(r)

    walk(folder, "")
    return foreign


def check_output_folder(target: str | Path, *, protect: Iterable[str | Path] = ()) -> None:
    """Refuse, with an :class:`OutputError` saying what to do, an output folder that must not
    be replaced: a file, a folder holding anything orientation did not write, a read-only
    folder, or one that holds (or is) a path in ``protect`` (the site file, a baseline plan).
    A folder that does not exist yet, an empty one and an earlier output pass."""
    shown = str(target)
    real = os.path.realpath(target)
    for p in protect:
        rp = os.path.realpath(p)
        if rp == real or rp.startswith(real.rstrip(os.sep) + os.sep):
            raise OutputError(f"{shown} holds {p}, which writing the output there would "
                              "replace; name an output folder outside it with -o", path=shown)
    with suppress(OSError):
        cwd = os.getcwd()
        if cwd == real or cwd.startswith(real.rstrip(os.sep) + os.sep):
            raise OutputError(f"{shown} is the current folder or holds it; name an output "
                              "folder inside it with -o (e.g. output/)", path=shown)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot use {shown} as the output folder: {_oserror_message(exc)}",
                          path=shown) from None
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{shown} is a file, not a folder; name an output folder with -o",
                          path=shown)
    foreign = foreign_entries(real)
    if foreign:
        more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        raise OutputError(f"{shown} holds files that orientation did not write (e.g. "
                          f"{', '.join(foreign[:3])}{more}); name a new or empty folder with -o",
                          path=shown)
    # the write bits as well as access(): for root, access() always says yes
    if not os.stat(real).st_mode & 0o222 or not os.access(real, os.W_OK | os.X_OK):
        raise OutputError(f"{shown} is read-only; make it writable (chmod u+w) or name another "
                          "output folder with -o", path=shown)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while a rename pair or a clean-up runs (POSIX); a signal
    that arrives meanwhile is delivered when the block ends."""
    from .runtime import signals_deferred

    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        with signals_deferred():
            yield
        return
    sigs = {signal.SIGINT, signal.SIGTERM} | ({signal.SIGHUP} if hasattr(signal, "SIGHUP") else set())
    # blocked for this thread, and deferred by the handler where another thread takes it
    with signals_deferred():
        old = mask(signal.SIG_BLOCK, sigs)
        try:
            yield
        finally:
            mask(signal.SIG_SETMASK, old)


def _new_sibling(parent: str, name: str, tag: str, *, create: bool) -> str:
    """A free name ``.<name>.<tag>XXXXXXXX`` in ``parent``; created as a folder (mode
    ``0o777 & ~umask``) when ``create``."""
    for _ in range(100):
        p = os.path.join(parent, f".{name[:40]}.{tag}{secrets.token_hex(4)}")
        if create:
            try:
                os.mkdir(p, 0o777)
            except FileExistsError:
                continue
            return p
        if not os.path.lexists(p):
            return p
    raise OutputError(f"cannot find a free temporary name in {parent}", path=parent)


def _remove_tree(path: str) -> None:
    """Remove a folder this module made, also where a sub-folder was made read-only."""
    def retry(func, p, _exc):
        try:  # unlinking needs a writable parent; then try once more
            os.chmod(os.path.dirname(p), 0o700)
            func(p)
        except OSError:
            pass

    shutil.rmtree(path, onerror=retry)


def write_outputs(files: dict[str, bytes], target: str | Path, *, source: str | None = None,
                  protect: Iterable[str | Path] = (),
                  progress: Callable[[str, float], None] | None = None) -> Path:
    """Write all files into ``target`` atomically: build a sibling temporary folder, then swap.

    ``target`` is replaced only when it does not exist, is empty or is an earlier output (it
    carries the marker file :data:`MARKER`, written here with every output); anything else,
    a file, a read-only folder and a folder holding a path of ``protect`` (the site file, a
    baseline plan) is refused by :func:`check_output_folder` before anything is written. A
    symbolic link to a folder is followed (the folder it names is replaced, the link stays).
    The new folder gets the old folder's mode (a new one ``0o777 & ~umask``), files
    ``0o666 & ~umask``. On any error or interrupt nothing is left but the target as it was.
    ``source``: the site file's name, recorded in the marker.

    Paths come from the program (sign ids, page names), never from user text; each is still
    checked to stay inside the folder. ``progress("write", fraction)`` is told how far the
    writing is (about a hundred calls), for a progress display.
    """
    protect = tuple(protect)
    check_output_folder(target, protect=protect)
    shown = Path(target)
    real = os.path.realpath(target)
    parent, name = os.path.dirname(real), os.path.basename(real)
    try:
        os.makedirs(parent, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder in {parent}: "
                          f"{_oserror_message(exc)}", path=parent) from None
    tmp: str | None = None
    old: str | None = None
    swapped = False
    try:
        tmp = _new_sibling(parent, name, "", create=True)
        inside = tmp + os.sep
        made = {tmp}
        every = max(1, -(-len(files) // 100))  # at most 100 calls
        for i, (rel, data) in enumerate(files.items()):
            if progress is not None and i % every == 0:
                progress("write", i / len(files))
            # The folder is new and holds only what this loop writes (folders and files, no
            # links), so normalising the path as text finds what resolve() would, without
            # a system call per path component for each of thousands of files.
            p = os.path.normpath(os.path.join(tmp, rel))
            if not p.startswith(inside) or rel == MARKER:
                raise OutputError(f"refusing to write outside the output folder: {rel!r}",
                                  path=str(shown))
            folder = os.path.dirname(p)
            if folder not in made:  # one mkdir per folder, not per file
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            _write_new(p, data)
        _write_new(os.path.join(tmp, MARKER), marker_bytes(files, source=source))
        check_output_folder(target, protect=protect)  # again: it may have changed meanwhile
        with suppress(FileNotFoundError):  # keep the mode of the folder being replaced
            os.chmod(tmp, stat.S_IMODE(os.stat(real).st_mode))
        with _signals_held():
            if os.path.lexists(real):
                old = _new_sibling(parent, name, "old.", create=False)
                os.replace(real, old)
            try:
                os.replace(tmp, real)
            except BaseException:
                if old is not None:
                    os.replace(old, real)
                    old = None
                raise
            swapped = True
            if old is not None:  # still with signals held: no interrupt leaves it behind
                _remove_tree(old)
                old = None
    except BaseException as exc:
        if tmp is not None and not swapped:
            with _signals_held():
                _remove_tree(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {shown}: {_oserror_message(exc)}",
                              path=str(shown)) from None
        raise
    if old is not None:
        with _signals_held():
            _remove_tree(old)
    if progress is not None:
        progress("write", 1.0)
    return shown


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _write_new(path: str, data: bytes) -> None:
    """Write a file that must not exist yet (the folder is new; nothing is followed or
    overwritten), mode ``0o666 & ~umask``. Plain descriptor calls: a render writes thousands
    of small files, and Python's buffered file objects cost more than the writing itself."""
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


__all__ = ["MARKER", "MARKER_FORMAT", "InputFileError", "check_output_folder", "foreign_entries",
           "marker_bytes", "read_input_bytes", "replace_file", "write_outputs"]
