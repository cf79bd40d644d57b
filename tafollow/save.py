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
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import OutputError

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


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
    """The .pptx with fixed zip entry times and attributes, entries in writing order."""
    raw = io.BytesIO()
    presentation.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


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
