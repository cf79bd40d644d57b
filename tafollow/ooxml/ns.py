"""The names Office Open XML gives things: namespaces, units and placeholder types.

The writer, `check` and `import` all read or write the same XML; each
namespace URI, the EMU and the placeholder kinds are written here once, so
the three cannot drift apart. The URIs are bare; `A`, `P`, `R` … are the
same in lxml's `{uri}` form, ready to prefix a tag name.
"""

from __future__ import annotations

DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main"
PRESENTATIONML = "http://schemas.openxmlformats.org/presentationml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The r: namespace of r:id and r:embed, inside a part."""
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
"""The namespace of a .rels part itself."""
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
TABLE = "http://schemas.openxmlformats.org/drawingml/2006/table"
"""The graphicData uri of a table."""
DECORATIVE = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DECORATIVE_EXTENSION = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
"""The a:ext uri under which PowerPoint marks a shape decorative (Alt Text > Mark as decorative)."""
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
"""Title and language of docProps/core.xml."""

A = f"{{{DRAWINGML}}}"
P = f"{{{PRESENTATIONML}}}"
R = f"{{{RELATIONSHIPS}}}"
PR = f"{{{PACKAGE_RELATIONSHIPS}}}"
DGM = f"{{{DIAGRAM}}}"
C = f"{{{CHART}}}"
DC = f"{{{DUBLIN_CORE}}}"
NS = {"a": DRAWINGML, "p": PRESENTATIONML, "r": RELATIONSHIPS}
"""Prefixes for lxml's find and xpath."""

EMU_PER_PT = 12700
"""English Metric Units in a point: OOXML's unit of length."""

TITLE_TYPES = frozenset({"title", "ctrTitle"})
"""Placeholder types that hold a slide's title."""
FOOTER_TYPES = ("dt", "ftr", "sldNum")
"""The footer placeholders, date, footer text and slide number, in the order a layout lists them."""
