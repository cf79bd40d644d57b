"""Reading a PowerPoint package made elsewhere: what it is, and Strict Open XML as Transitional.

`check` and `import` both read decks they did not make. Two things about
such a file are settled here, once for both:

- **What kind of file it is**, in the user's words: an old .ppt, a deck
  protected with a password (both are OLE compound files, not zips), or not
  a PowerPoint file at all. `kind_of_refusal` says so in one sentence.
- **ISO Strict Open XML.** PowerPoint's "Strict Open XML Presentation" saves
  the same parts with other namespace and relationship URIs
  (`http://purl.oclc.org/ooxml/…`) and percentages written "50%" instead of
  50000. Every reader here knows only the Transitional names, so a Strict
  part is rewritten to Transitional as it is read (`transitional`); a
  Strict deck then reads like any other.

Slide shows (.ppsx, .ppsm), templates (.potx) and macro decks (.pptm) hold
the same parts under another content type for the main part;
`as_presentation` gives python-pptx the package with the deck's type.
"""

from __future__ import annotations

import io
import re
import zipfile

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: an old .ppt, or any Office file protected with a password."""

STRICT = b"http://purl.oclc.org/ooxml/"
_TRANSITIONAL = "http://schemas.openxmlformats.org/"
_RENAMED = {  # Strict names that Transitional spells otherwise
    "officeDocument/relationships/extendedProperties": "officeDocument/2006/relationships/extended-properties",
    "officeDocument/relationships/customProperties": "officeDocument/2006/relationships/custom-properties",
    "officeDocument/extendedProperties": "officeDocument/2006/extended-properties",
    "officeDocument/customProperties": "officeDocument/2006/custom-properties",
}
_URI = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)((?:/[A-Za-z]+)?)")
_PERCENT = re.compile(rb'(\s[A-Za-z:]+=")(-?\d+(?:\.\d+)?)%(")')
PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_OTHER_MAINS = (  # the main part of a slide show, a template, a macro deck
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
)


def kind_of_refusal(head: bytes) -> str | None:
    """Why a file that starts with `head` is no .pptx, in one sentence; None when it may be one (a zip)."""
    if head.startswith(OLE):
        if "EncryptionInfo".encode("utf-16-le") in head:
            return ("the deck is protected with a password; open it in PowerPoint, remove the password "
                    "(File → Info → Protect Presentation) and save it again")
        return "an old PowerPoint 97–2003 file (.ppt); save it as .pptx in PowerPoint first"
    if not head.startswith(b"PK"):
        return "not a PowerPoint file (.pptx)"
    return None


def is_strict(xml: bytes) -> bool:
    return STRICT in xml


def transitional(xml: bytes) -> bytes:
    """A part's XML with Strict URIs and percentages in their Transitional form; other XML unchanged."""
    if STRICT not in xml:
        return xml

    def uri(match: re.Match[bytes]) -> bytes:
        group, name, rest = (part.decode("ascii") for part in match.groups())
        path = f"{group}/{name}{rest}"
        if path in _RENAMED:
            return (_TRANSITIONAL + _RENAMED[path]).encode("ascii")
        if group == "officeDocument" and name == "relationships":
            return f"{_TRANSITIONAL}officeDocument/2006/relationships{rest}".encode("ascii")
        if rest:  # a relationship type such as …/drawingml/chart/… is not one Strict has
            return match.group(0)
        return f"{_TRANSITIONAL}{group}/2006/{name}".encode("ascii")

    def percent(match: re.Match[bytes]) -> bytes:
        value = round(float(match.group(2)) * 1000)
        return match.group(1) + str(value).encode("ascii") + match.group(3)

    return _PERCENT.sub(percent, _URI.sub(uri, xml))


def as_presentation(raw: bytes) -> bytes:
    """The package `raw` as a Transitional .pptx: Strict parts rewritten, a show's or template's main part retyped.

    Returns `raw` itself when there is nothing to change. The caller has
    bounded the unpacked size already.
    """
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        strict = any(is_strict(archive.read(name)) for name in names if name.endswith((".xml", ".rels")))
        retype = any(main.encode("ascii") in types for main in _OTHER_MAINS)
        if not strict and not retype:
            return raw
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for info in archive.infolist():
                data = archive.read(info)
                if info.filename.endswith((".xml", ".rels")):
                    data = transitional(data)
                if info.filename == "[Content_Types].xml":
                    for main in _OTHER_MAINS:
                        data = data.replace(main.encode("ascii"), PRESENTATION.encode("ascii"))
                rewritten.writestr(info, data)
    return out.getvalue()
