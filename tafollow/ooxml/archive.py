"""A .pptx package read bounded: one set of limits for every reader of a deck or template.

A deck or template is a zip of XML parts and comes from outside: a small
file may unpack to gigabytes (a zip bomb), hold thousands of parts, or
carry headers that lie about what a part unpacks to. The template reader,
`tafollow check` and `tafollow import` all open it here:

- the file is read through `files.read_limited`: a regular file, at most
  `MAX_FILE_BYTES`;
- the number of parts is read from the zip's end record before zipfile
  builds an object for each of them;
- from the zip's directory, before anything is unpacked: at most
  `MAX_PARTS` parts, none twice, at most `MAX_UNPACKED_BYTES` in all and no
  XML part over `MAX_XML_PART_BYTES`;
- a part is unpacked in chunks and never past the size its header
  declares, so a part whose header lies is damaged, not big.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from tafollow.errors import show
from tafollow.files import megabytes, read_limited

MAX_FILE_BYTES = 300 * 1024 * 1024
"""A deck with pictures is a few megabytes and one with video some tens; ten times that is plenty."""
MAX_PARTS = 10_000
"""A deck of 1,000 slides with notes and a picture on each has about 5,000 parts; a master a few hundred."""
MAX_UNPACKED_BYTES = 2 * MAX_FILE_BYTES
"""Pictures and video hardly shrink when zipped, so a real deck unpacks to little more than its size."""
MAX_XML_PART_BYTES = 50 * 1024 * 1024
"""No slide, layout or theme of a real deck comes near this; an XML part that claims more is refused unread."""

_CHUNK = 1 << 16
_EOCD = struct.Struct("<4s4H2LH")
"""The zip's end-of-directory record: where the number of parts is, before the directory is read."""
_DAMAGED = (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, RuntimeError, OSError, zlib.error)


class PackageProblem(Exception):
    """Why a file cannot be read as a PowerPoint package, in words for the person who chose it."""


def read_file(path: Path) -> bytes:
    """The bytes of the file at `path`, bounded; raises `files.Unreadable` for a file not read at all."""
    return read_limited(path, MAX_FILE_BYTES)


class Package:
    """The parts of a zip package, checked against the limits before any of them is unpacked."""

    def __init__(self, raw: bytes) -> None:
        _check_directory_size(raw)
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(raw))
            infos = self._archive.infolist()
        except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError):
            # In the user's words, not zipfile's: a zip whose directory is broken, or no zip at all.
            raise PackageProblem("a damaged PowerPoint file; its table of contents cannot be read: save it again "
                                 "from PowerPoint or LibreOffice" if raw.startswith(b"PK")
                                 else not_a_package(".pptx")) from None
        _check_bounds(infos)
        self._infos = {info.filename: info for info in infos if not info.is_dir()}

    @property
    def names(self) -> list[str]:
        """The parts' names, in the zip's order."""
        return list(self._infos)

    def __contains__(self, name: object) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """One part, unpacked in chunks and never past the size its header declares; KeyError when absent.

        zipfile stops at the declared size and then checks the checksum, so a
        part that would unpack to more than it claims is damaged, not big.
        """
        info = self._infos[name]
        chunks: list[bytes] = []
        try:
            with self._archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    chunks.append(chunk)
        except _DAMAGED:
            raise PackageProblem(f"is damaged: its part {show(name, 80)} does not unpack to what the file says it "
                                 "holds; save it again from PowerPoint or LibreOffice") from None
        return b"".join(chunks)

    def parts(self) -> dict[str, bytes]:
        """Every part, unpacked."""
        return {name: self.read(name) for name in self._infos}

    def close(self) -> None:
        self._archive.close()


def not_a_package(detail: str) -> str:
    return (f"not a PowerPoint file ({detail}): save it from PowerPoint or LibreOffice "
            "as a .pptx presentation")


def _check_directory_size(raw: bytes) -> None:
    """The number of parts, from the end record, before zipfile builds an object for each of them."""
    at = raw.rfind(b"PK\x05\x06", max(0, len(raw) - _EOCD.size - 0xFFFF))
    if at < 0 or at + _EOCD.size > len(raw):
        return  # not a zip at all: zipfile says so, in the usual words
    count, directory = _EOCD.unpack_from(raw, at)[4], _EOCD.unpack_from(raw, at)[5]
    # 46 bytes a part, plus its name: a directory far bigger than MAX_PARTS parts need is refused unread.
    if count > MAX_PARTS or directory > MAX_PARTS * (46 + 1024):
        raise PackageProblem(_too_many(count))


def _too_many(count: int) -> str:
    shown = "65,535 or more" if count == 0xFFFF else f"{count:,}"
    return (f"has {shown} parts; at most {MAX_PARTS:,} are read (a PowerPoint file has a few hundred, "
            "a long deck a few thousand)")


def _check_bounds(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise PackageProblem(_too_many(len(infos)))
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise PackageProblem(not_a_package("a part is in it twice"))
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNPACKED_BYTES:
        raise PackageProblem(f"unpacks to {_size(declared)}; at most {_size(MAX_UNPACKED_BYTES)} is read "
                             "(a PowerPoint file, pictures included, unpacks to little more than its size)")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART_BYTES:
            raise PackageProblem(f"its part {show(info.filename, 80)} unpacks to {_size(info.file_size)}, more "
                                 f"than a deck holds (at most {megabytes(MAX_XML_PART_BYTES)} a part is read)")


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:,.0f} MB" if count < 1 << 30 else f"{count / (1 << 30):,.1f} GB"
