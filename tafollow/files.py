"""Reading a file the user named, bounded: only regular files, never more than a limit.

Every file tafollow reads from the user — project files, report.yaml, a
template — comes through here, so a named pipe, a device or a sparse file
of gigabytes is refused the same way everywhere.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tafollow.errors import show


class Unreadable(Exception):
    """A file that is not read at all; the message says why, in the user's words."""


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, refusing anything else or anything over `limit` bytes.

    The size is checked before reading, and the read itself stops after
    `limit` bytes: a FIFO would block for ever, a link to /dev/zero never
    ends, and a sparse file of gigabytes claims no disk space but would
    be read whole into memory.
    """
    try:
        info = os.stat(path)  # follows links: a link is judged by what it points to
    except FileNotFoundError:
        raise Unreadable("file not found") from None
    except OSError as exc:
        raise Unreadable(f"cannot read the file: {exc.strerror}") from None
    _require_regular(path, info.st_mode)
    if info.st_size > limit:
        raise Unreadable(f"the file is larger than {megabytes(limit)}")
    # Non-blocking: a file swapped for a FIFO after the stat above must not make the open wait for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise Unreadable(f"cannot read the file: {exc.strerror}") from None
    try:
        _require_regular(path, os.fstat(descriptor).st_mode)
        chunks: list[bytes] = []
        left = limit + 1  # one byte more than allowed tells a file that grew since the stat
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise Unreadable(f"cannot read the file: {exc.strerror}") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise Unreadable(f"the file is larger than {megabytes(limit)}")
    return data


def require_regular(path: Path) -> None:
    """Refuse anything but a regular file, for a reader that must seek in it (a zip) rather than read it whole."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise Unreadable("file not found") from None
    except OSError as exc:
        raise Unreadable(f"cannot read the file: {exc.strerror}") from None
    _require_regular(path, mode)


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "not a file"
    try:
        link = f" (a link to {show(os.readlink(path), 80)})" if os.path.islink(path) else ""
    except OSError:
        link = ""
    raise Unreadable(f"is {kind}{link}, not a regular file: tafollow reads only regular files")


def megabytes(limit: int) -> str:
    return f"{limit // 1024 // 1024} MB"
