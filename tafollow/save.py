"""Deterministic, atomic saving.

python-pptx's `save()` writes straight to the target and stamps zip entries
and core properties with the current time. Here the deck is written to a
temporary file beside the target with fixed timestamps and core properties
taken from the data, then moved into place in one step: a failed build
never damages the previous deck, and the same data gives the same bytes.
"""

from __future__ import annotations

import io
import os
import struct
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import OutputError, printable

_DOS_EPOCH = (0, (0 << 9) | (1 << 5) | 1)
"""00:00:00 on 1980-01-01, the earliest date a zip entry can carry (time, date)."""
_MADE_BY = (3 << 8) | 20
"""'Version made by' of every entry: Unix, zip 2.0 (zipfile writes 0 = MS-DOS on Windows)."""
SUFFIX = ".pptx"
CORE_LIMIT = 255
"""python-pptx refuses a core property (title, author) longer than this."""


def stamp(presentation: Any, title: str, author: str, as_of: date) -> None:
    """Core properties from the data, never the wall clock, machine or user."""
    moment = datetime(as_of.year, as_of.month, as_of.day)
    core = presentation.core_properties
    core.title = _fit(title)
    core.author = _fit(author)
    core.last_modified_by = _fit(author)
    core.created = moment
    core.modified = moment
    core.revision = 1


def _fit(text: str) -> str:
    """A core property within python-pptx's limit; the slides keep the full text."""
    return text if len(text) <= CORE_LIMIT else text[: CORE_LIMIT - 1] + "…"


def to_bytes(presentation: Any) -> bytes:
    """The .pptx with every zip entry dated 1980-01-01, in python-pptx's (stable) order.

    python-pptx stamps entries with the current time. Rewriting the archive
    would compress everything a second time (0.6 s of a 1,000-slide build,
    measured), so the date fields are overwritten in place instead.
    """
    raw = io.BytesIO()
    presentation.save(raw)
    data = bytearray(raw.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        entries = archive.infolist()
    for entry in entries:
        # Local file header: signature, version, flags, method, then time and date.
        struct.pack_into("<HH", data, entry.header_offset + 10, *_DOS_EPOCH)
    end = data.rfind(b"PK\x05\x06")
    count, _, directory = struct.unpack_from("<HII", data, end + 10)
    offset = directory
    for _ in range(count):
        # Central directory entry: made by at 4, time and date at 12, external attributes at 38.
        struct.pack_into("<H", data, offset + 4, _MADE_BY)
        struct.pack_into("<HH", data, offset + 12, *_DOS_EPOCH)
        struct.pack_into("<I", data, offset + 38, 0o100644 << 16)
        names, extra, comment = struct.unpack_from("<HHH", data, offset + 28)
        offset += 46 + names + extra + comment
    return bytes(data)


def write_atomic(data: bytes, target: Path) -> Path:
    """Write `data` to `target` via a temporary file in the same folder.

    The target is replaced in one step (`os.replace`) only after the whole
    file is written and flushed to disk; on any failure the temporary file
    is removed and the previous deck is left byte for byte as it was.
    """
    target = Path(target)
    if target.suffix.lower() != SUFFIX:
        raise OutputError(f"{printable(str(target))}: the deck must be saved as a {SUFFIX} file "
                          f"(for example {printable(target.stem or 'ta-seuranta')}{SUFFIX})")
    try:
        is_folder = target.is_dir()
    except OSError as exc:  # e.g. a name too long for the file system
        raise OutputError(f"{printable(str(target))}: cannot write the deck ({exc.strerror})") from None
    if is_folder:
        raise OutputError(f"{printable(str(target))}: is a folder; give a file name such as "
                          f"{printable(str(target / 'ta-seuranta.pptx'))}")
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{printable(str(folder))}: cannot create the output folder ({exc.strerror})") from None
    mode = _mode_for(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{printable(str(target))}: cannot write in {printable(str(folder))} ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{printable(str(target))}: cannot write the deck ({exc.strerror}); "
                              "the previous deck, if any, is unchanged") from None
        raise
    _sync_folder(folder)
    return target


def _mode_for(target: Path) -> int:
    """Keep the permissions of the deck being replaced; a new deck gets the umask's."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible or needed everywhere."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
