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
import posixpath
import tempfile
import zipfile
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from tafollow.errors import OutputError, UsageError, printable

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip entry can carry: no wall clock in the deck."""
SUFFIX = ".pptx"
DEFAULT_NAME = "ta-seuranta.pptx"
CORE_LIMIT = 255
"""python-pptx refuses a core property (title, author) longer than this."""


def stamp(presentation: Any, title: str, author: str, as_of: date, language: str = "") -> None:
    """Core properties from the data, never the wall clock, machine or user.

    The title and language are what assistive technology announces for the document.
    """
    moment = datetime(as_of.year, as_of.month, as_of.day)
    core = presentation.core_properties
    core.title = _fit(title)
    # What the master's own properties say (its subject, how it was made) is not this deck's.
    core.subject = ""
    core.comments = ""
    if language:
        core.language = language
    core.author = _fit(author)
    core.last_modified_by = _fit(author)
    core.created = moment
    core.modified = moment
    core.revision = 1


def _fit(text: str) -> str:
    """A core property within python-pptx's limit; the slides keep the full text."""
    return text if len(text) <= CORE_LIMIT else text[: CORE_LIMIT - 1] + "…"


def to_bytes(presentation: Any) -> bytes:
    """The .pptx as bytes: python-pptx's parts, zipped here with every entry dated 1980-01-01.

    python-pptx's `save()` stamps entries with the current time and spends
    most of a large build on relationship files (measured with cProfile on
    1,009 slides: 0.26 s serialising 2,023 .rels through its XML objects,
    5,056 relpath calls). The parts' own XML still comes from python-pptx;
    only the zip, the content types and the relationship lists are written
    here, in python-pptx's order: content types, package relationships,
    then each part followed by its relationships.
    """
    package = presentation.part.package
    parts = list(package.iter_parts())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        _add(archive, "[Content_Types].xml", _content_types(parts))
        _add(archive, "_rels/.rels", package._rels.xml)
        for part in parts:
            _add(archive, part.partname.membername, part.blob)
            if len(part.rels):
                _add(archive, part.partname.rels_uri.membername, _relationships(part))
    return out.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever machine builds the deck
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    archive.writestr(info, data)


_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _content_types(parts: list[Any]) -> bytes:
    overrides = "".join(
        f'<Override PartName="{_attr(str(part.partname))}" ContentType="{_attr(part.content_type)}"/>'
        for part in parts
    )
    return (
        f'{_XML_HEAD}<Types xmlns="{_CT_NS}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    ).encode("utf-8")


def _relationships(part: Any) -> bytes:
    base = part.partname.baseURI
    items = []
    for r_id, rel in part.rels.items():
        if rel.is_external:
            # Templates with such links are refused (template.py); should one slip through all the same,
            # no deck that makes PowerPoint or LibreOffice fetch an address is written.
            raise OutputError(f"the deck would refer to something outside it ({printable(rel.target_ref[:80])} "
                              f"in {part.partname}); it is not written")
        target = _relative(str(rel.target_partname), base)
        items.append(f'<Relationship Id="{_attr(r_id)}" Type="{_attr(rel.reltype)}" Target="{_attr(target)}"/>')
    return f'{_XML_HEAD}<Relationships xmlns="{_RELS_NS}">{"".join(items)}</Relationships>'.encode("utf-8")


@lru_cache(maxsize=4096)
def _relative(target: str, base: str) -> str:
    return posixpath.relpath(target, base)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def check_target(target: Path) -> Path:
    """`target` as a deck's path; a `UsageError` for a folder or a name that is not a .pptx file.

    `build` calls this before reading the data too, so a wrong -o is said at once.
    """
    target = Path(target)
    try:
        is_folder = target.is_dir()
    except OSError as exc:  # e.g. a name too long for the file system
        raise UsageError(f"{printable(str(target))}: cannot write the deck ({exc.strerror})") from None
    if is_folder:
        raise UsageError(f"{printable(str(target))}: is a folder; give a file name such as "
                         f"{printable(str(target / DEFAULT_NAME))}")
    if target.suffix.lower() != SUFFIX:
        raise UsageError(f"{printable(str(target))}: the deck must be saved as a {SUFFIX} file "
                         f"(for example {printable(str(_suggestion(target)))})")
    return target


def write_atomic(data: bytes, target: Path) -> Path:
    """Write `data` to `target` via a temporary file in the same folder.

    The target is replaced in one step (`os.replace`) only after the whole
    file is written and flushed to disk; on any failure the temporary file
    is removed and the previous deck is left byte for byte as it was.
    """
    target = check_target(target)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{printable(str(folder))}: cannot create the output folder ({exc.strerror})") from None
    mode = _mode_for(target)
    remove_stale(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{printable(str(target))}: cannot write in {printable(str(folder))} ({exc.strerror})") from None
    try:
        _lock(handle)
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


def _suggestion(target: Path) -> Path:
    """A .pptx name for a wrong one: deck.pdf → deck.pptx; a name without a suffix may be meant as a folder."""
    if target.suffix:
        return target.with_suffix(SUFFIX)
    return target / DEFAULT_NAME


STALE_AFTER = 10.0
"""Seconds after which an unlocked temporary deck file is surely no build's: writing one takes well under that."""


def _temporary_prefix(target: Path) -> str:
    return f".{target.name[:100]}."


def _lock(handle: int) -> None:
    """Hold a lock on our temporary file while it is written: a later build sees it is alive."""
    try:
        import fcntl
    except ImportError:  # Windows: stale files are told by their age alone
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass  # a file system without locks: the age still tells


def remove_stale(target: Path) -> list[Path]:
    """Remove temporary files a build of `target` left behind when it was killed outright (SIGKILL, power cut).

    Only files of this module's own naming beside `target` are candidates
    (`.<deck name>.<8 letters>.tmp`, as `tempfile.mkstemp` names them here),
    and only regular files older than STALE_AFTER seconds that no running
    build holds locked. Returns the files removed.
    """
    import re
    import stat
    import time

    pattern = re.compile(re.escape(_temporary_prefix(target)) + r"[a-z0-9_]{8}\.tmp")
    removed: list[Path] = []
    try:
        names = [name for name in os.listdir(target.parent) if pattern.fullmatch(name)]
    except OSError:
        return removed
    for name in names:
        path = target.parent / name
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or time.time() - info.st_mtime < STALE_AFTER:
                continue
            if _held(path):
                continue
            path.unlink()
            removed.append(path)
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed


def _held(path: Path) -> bool:
    """Whether a running build holds `path` locked (it is writing it)."""
    try:
        import fcntl
    except ImportError:
        return False
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)  # also releases the lock just taken
    return False


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
