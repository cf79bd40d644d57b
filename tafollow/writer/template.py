"""A master template read safely: bounded, local, and a presentation.

A template is a zip of XML parts, so it comes from outside like the data
does. Before python-pptx sees one, it is read here:

- **bounded**: the file's size, its number of parts and the size its
  parts unpack to are checked before anything is unpacked, from the zip's
  directory; each part is then unpacked in chunks and no further than the
  size its header declares, so a template whose headers lie fails as
  damaged instead of unpacking without end;
- **local**: a relationship to something outside the file (a picture or
  link on the internet, a file elsewhere on disk) is refused, because the
  deck would carry it and PowerPoint or LibreOffice would fetch it when
  the deck is opened; so is a DOCTYPE, which Office never writes and XML
  entity tricks need;
- **a presentation**: a template saved as `.potx` (or a show, `.ppsx`) is
  the same package with another type name, and is read as a `.pptx`; one
  with macros (`.pptm`, `.potm`) is refused.

What python-pptx then gets is a package rebuilt from the checked parts.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

from tafollow.errors import show

MAX_FILE_BYTES = 50 * 1024 * 1024
"""A template with big pictures is a few megabytes; ten times the largest seen is plenty."""
MAX_PARTS = 1000
"""The built-in template has 30 parts; a master with many layouts and pictures has a few hundred."""
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""Pictures hardly shrink when zipped, so a real template unpacks to little more than its size."""

_PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# The same package saved as a template (.potx) or a show (.ppsx): python-pptx opens only a presentation.
_SAME_AS_PRESENTATION = (
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
)
_MACROS = re.compile(rb"application/vnd\.ms-powerpoint\.(presentation|template|slideshow|addin)\.macroEnabled")
_CHUNK = 1 << 16
_EOCD = struct.Struct("<4s4H2LH")
"""The zip's end-of-directory record: where the number of parts is, before the directory is read."""


class TemplateProblem(Exception):
    """Why a file cannot be used as a template, in words for the person who chose it."""


def read_template(path: Path) -> bytes:
    """The package of the template at `path`, checked, as bytes for python-pptx."""
    from tafollow.files import Unreadable, read_limited

    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except Unreadable as problem:
        raise TemplateProblem(str(problem)) from None
    _check_directory_size(raw)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError) as exc:
        raise TemplateProblem(_not_a_deck(str(exc))) from None
    _check_bounds(infos)
    parts = {info.filename: _unpack(archive, info) for info in infos if not info.is_dir()}
    if "[Content_Types].xml" not in parts:
        raise TemplateProblem(_not_a_deck("it has no part [Content_Types].xml"))
    parts["[Content_Types].xml"] = _as_presentation(parts["[Content_Types].xml"])
    _check_local(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as rebuilt:  # stored: python-pptx only reads it back
        for name, data in parts.items():
            rebuilt.writestr(name, data)
    return out.getvalue()


def _not_a_deck(detail: str) -> str:
    return (f"not a PowerPoint file ({detail}): save the template from PowerPoint or LibreOffice "
            "as a .pptx presentation")


def _check_directory_size(raw: bytes) -> None:
    """The number of parts, from the end record, before zipfile builds an object for each of them."""
    at = raw.rfind(b"PK\x05\x06", max(0, len(raw) - _EOCD.size - 0xFFFF))
    if at < 0 or at + _EOCD.size > len(raw):
        return  # not a zip at all: zipfile says so, in the usual words
    count, directory = _EOCD.unpack_from(raw, at)[4], _EOCD.unpack_from(raw, at)[5]
    # 46 bytes a part, plus its name: a directory far bigger than MAX_PARTS parts need is refused unread.
    if count > MAX_PARTS or directory > MAX_PARTS * (46 + 1024):
        raise TemplateProblem(_too_many(count))


def _too_many(count: int) -> str:
    shown = "65,535 or more" if count == 0xFFFF else f"{count:,}"
    return (f"has {shown} parts; at most {MAX_PARTS:,} are read (a PowerPoint master has a few hundred "
            "at most)")


def _check_bounds(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise TemplateProblem(_too_many(len(infos)))
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise TemplateProblem(_not_a_deck("a part is in it twice"))
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNPACKED_BYTES:
        raise TemplateProblem(f"unpacks to {_size(declared)}; at most {_size(MAX_UNPACKED_BYTES)} is read "
                              "(a PowerPoint master, pictures included, unpacks to a few megabytes)")


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:,.0f} MB" if count < 1 << 30 else f"{count / (1 << 30):,.1f} GB"


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One part, unpacked in chunks and never past the size its header declares.

    zipfile stops at the declared size and then checks the checksum, so a
    part that would unpack to more than it claims is damaged, not big.
    """
    chunks: list[bytes] = []
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                chunks.append(chunk)
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, RuntimeError, OSError, zlib.error):
        raise TemplateProblem(f"is damaged: its part {show(info.filename, 80)} does not unpack to what the file "
                              "says it holds; save the template again from PowerPoint or LibreOffice") from None
    return b"".join(chunks)


def _as_presentation(content_types: bytes) -> bytes:
    """A .potx or .ppsx read as the .pptx it is; macros refused."""
    if _MACROS.search(content_types):
        raise TemplateProblem("contains macros (it is a .pptm or .potm): save it as a .pptx presentation, "
                              "without macros")
    for other in _SAME_AS_PRESENTATION:
        content_types = content_types.replace(other.encode(), _PRESENTATION.encode())
    return content_types


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _check_local(parts: dict[str, bytes]) -> None:
    """No relationship to anything outside the file, and no DOCTYPE in any XML part."""
    outside: list[str] = []
    for name, data in parts.items():
        if not name.endswith((".xml", ".rels")):
            continue
        if b"<!DOCTYPE" in data:
            raise TemplateProblem(f"its part {show(name, 80)} declares a DOCTYPE, which PowerPoint never writes: "
                                  "save the template again from PowerPoint or LibreOffice")
        if not name.endswith(".rels"):
            continue
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise TemplateProblem(_not_a_deck(f"its part {show(name, 80)} is damaged: {exc}")) from None
        for relationship in root.iter("{*}Relationship"):
            if str(relationship.get("TargetMode", "")).lower() == "external":
                outside.append(f"{_source(name)} → {show(relationship.get('Target', ''), 80)}")
    if outside:
        shown = "; ".join(outside[:3]) + (f" and {len(outside) - 3} more" if len(outside) > 3 else "")
        raise TemplateProblem(
            f"refers to {'things' if len(outside) > 1 else 'something'} outside the file ({shown}), which "
            "the deck would carry and PowerPoint or LibreOffice fetch when it is opened: embed the picture, or "
            "remove the link (example slides included), and save the template again")


def _source(rels_name: str) -> str:
    """ppt/slideLayouts/_rels/slideLayout2.xml.rels → ppt/slideLayouts/slideLayout2.xml."""
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


LAYOUTS = {
    "Cover": ("Title", "Subtitle"),
    "Project title": ("Kicker", "Title", "Details"),
    "Content": ("Title", "Body"),
}
"""The layouts tafollow fills, by name, and the placeholders it fills in each."""


def open_template(path: Path) -> Any:
    """The master as a presentation, checked for the layouts and placeholders we fill.

    `validate` calls this too, for report.yaml's `template:`, so that a
    template validate accepts is one build can use. The file is read by
    `template.read_template` first: bounded, local, a presentation.
    """
    from pptx import Presentation

    from tafollow.errors import TemplateError

    try:
        presentation = Presentation(io.BytesIO(read_template(path)))
        layouts = layouts_of(presentation)
    except TemplateProblem as problem:
        raise TemplateError(path, str(problem)) from None
    except Exception as exc:  # python-pptx raises many kinds for a bad file
        raise TemplateError(path, f"not a PowerPoint template ({exc.__class__.__name__}: {exc})") from None
    problems = []
    for name, placeholders in LAYOUTS.items():
        if name not in layouts:
            problems.append(f"no slide layout named '{name}'")
            continue
        have = {shape.name for shape in layouts[name].placeholders}
        problems += [f"layout '{name}' has no placeholder named '{p}'" for p in placeholders if p not in have]
    if problems:
        raise TemplateError(path, "; ".join(problems) + f" (found layouts: {', '.join(layouts)})")
    return presentation


def layouts_of(presentation: Any) -> dict[str, Any]:
    return {layout.name: layout for master in presentation.slide_masters for layout in master.slide_layouts}
