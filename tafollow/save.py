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

from .errors import OutputError

_DOS_EPOCH = (0, (0 << 9) | (1 << 5) | 1)
"""00:00:00 on 1980-01-01, the earliest date a zip entry can carry (time, date)."""


def stamp(presentation: Any, title: str, author: str, as_of: date) -> None:
    """Core properties from the data, never the wall clock, machine or user."""
    moment = datetime(as_of.year, as_of.month, as_of.day)
    core = presentation.core_properties
    core.title = title
    core.author = author
    core.last_modified_by = author
    core.created = moment
    core.modified = moment
    core.revision = 1


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
        # Central directory entry: time and date at 12; then external attributes at 38.
        struct.pack_into("<HH", data, offset + 12, *_DOS_EPOCH)
        struct.pack_into("<I", data, offset + 38, 0o644 << 16)
        names, extra, comment = struct.unpack_from("<HHH", data, offset + 28)
        offset += 46 + names + extra + comment
    return bytes(data)


def write_atomic(data: bytes, target: Path) -> Path:
    """Write `data` to `target` via a temporary file in the same folder."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{target.parent}: cannot create the output folder ({exc.strerror})") from None
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as {target / 'ta-seuranta.pptx'}")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target.parent}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write the deck ({exc.strerror})") from None
        raise
    return target
