"""A master template read safely: bounded, local, and a presentation.

A template is a zip of XML parts, so it comes from outside like the data
does. Before python-pptx sees one, it is read here:

- **bounded**: by `ooxml.archive`, with the limits every deck is read
  with: the file's size, its number of parts and the size its parts
  unpack to are checked before anything is unpacked, and a part is never
  unpacked past the size its header declares;
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
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from tafollow.errors import show
from tafollow.layout.plan import Frames, Rect
from tafollow.ooxml.archive import Package, PackageProblem, not_a_package, read_file

_PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# The same package saved as a template (.potx) or a show (.ppsx): python-pptx opens only a presentation.
_SAME_AS_PRESENTATION = (
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
)
_MACROS = re.compile(rb"application/vnd\.ms-powerpoint\.(presentation|template|slideshow|addin)\.macroEnabled")


class TemplateProblem(Exception):
    """Why a file cannot be used as a template, in words for the person who chose it."""


def read_template(path: Path) -> bytes:
    """The package of the template at `path`, checked, as bytes for python-pptx."""
    from tafollow.files import Unreadable

    try:
        package = Package(read_file(path))
        try:
            parts = package.parts()
        finally:
            package.close()
    except (Unreadable, PackageProblem) as problem:
        raise TemplateProblem(str(problem)) from None
    if "[Content_Types].xml" not in parts:
        raise TemplateProblem(not_a_package("it has no part [Content_Types].xml"))
    parts["[Content_Types].xml"] = _as_presentation(parts["[Content_Types].xml"])
    _check_local(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as rebuilt:  # stored: python-pptx only reads it back
        for name, data in parts.items():
            rebuilt.writestr(name, data)
    return out.getvalue()


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
            raise TemplateProblem(not_a_package(f"its part {show(name, 80)} is damaged: {exc}")) from None
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
LAYOUT_OF_KIND = {"cover": "Cover", "title": "Project title"}
"""Which layout a slide kind is written on; every other kind (goal, progress, forecast, summary) on "Content"."""


def layout_for(kind: str) -> str:
    """The template's layout for a slide of `kind` (a SlideKind's value)."""
    return LAYOUT_OF_KIND.get(str(kind), "Content")


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


def frames(presentation: Any) -> Frames:
    """Where the template's placeholders are: read here, handed to layout, which alone decides geometry."""
    from pptx.util import Emu

    layouts = layouts_of(presentation)

    def rect(layout: str, name: str) -> Rect:
        shape = next(s for s in layouts[layout].placeholders if s.name == name)
        return Rect(Emu(shape.left).pt, Emu(shape.top).pt, Emu(shape.width).pt, Emu(shape.height).pt)

    return Frames(rect("Cover", "Title"), rect("Cover", "Subtitle"), rect("Project title", "Kicker"),
                  rect("Project title", "Title"), rect("Project title", "Details"), rect("Content", "Title"),
                  rect("Content", "Body"))
