"""The tagged PDF LibreOffice makes of a deck, finished: decoration and page furniture become artifacts.

PDF/UA (ISO 14289-1, 7.1, 7.3 and 7.8; Matterhorn checkpoints 01-001,
13-004 and 18-001) asks that content either belongs to the structure tree,
a figure there with alternative text, or is marked an artifact that
assistive technology skips. LibreOffice 7.4 leaves three kinds of marks
wrong, and each is mended here:

- **Decorative shapes.** The deck marks its swatches, bars and rules
  decorative as PowerPoint does. Newer LibreOffice leaves such a shape out
  of the structure tree; 7.4 does not read the mark from a .pptx and tags
  the shape as a figure without alternative text, which a screen reader
  announces as an unnamed picture. Those figures are found by where they
  are drawn (the deck says where its decorative shapes are) and become
  layout artifacts. A figure the deck did not mark is never touched, so a
  missing alt text still shows in `tafollow check`.
- **Footers.** The date, the unit and the slide number repeat on every
  slide; tagged as content, a screen reader reads them out on every page.
  The elements whose text is all drawn inside the deck's footer
  placeholders become pagination artifacts.
- **Page furniture.** The slide's background and the master's own shapes
  (the template's bands and rules) are painted outside any marked content;
  that painting is wrapped in artifact marks. Tagged content is never moved.

An empty table cell's empty paragraph element goes too: PDF/UA readers
report an element with nothing in it.

pikepdf (on qpdf) edits the file: reading and rewriting PDF objects and
content streams is a job we would otherwise do worse ourselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tafollow.check.accessibility import Box, decorative_boxes, footer_boxes

TOLERANCE = 2.0
"""Points: LibreOffice's figure box takes in half the outline's width (at most 0.75 pt here) and rounds."""
PAINTING = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "Tj", "TJ", "'", '"', "BI", "EI"}
"""The operators that put marks on the page (PDF 32000-1, 8.5.3, 8.7.4.2, 8.8, 9.4.3)."""


@dataclass(frozen=True)
class Finished:
    decorations: int
    """Figures that were decorative shapes, now layout artifacts."""
    footers: int
    """Footer elements, now pagination artifacts."""


def finish(pdf: Path, deck: Path, out: Path) -> Finished:
    """Write `pdf`, LibreOffice's export of `deck`, to `out` with its decoration and footers made artifacts."""
    import pikepdf

    decorations, footers = decorative_boxes(deck), footer_boxes(deck)
    counts = {"Layout": 0, "Pagination": 0}
    with pikepdf.open(pdf) as document:
        root = document.Root.get("/StructTreeRoot")
        same = root is not None and len(document.pages) == len(decorations)
        pages = {page.objgen: number for number, page in enumerate(document.pages)}
        height = [float(page.mediabox[3]) for page in document.pages]
        places = [_text_places(page) for page in document.pages] if same else []
        doomed: dict[int, dict[int, str]] = {}
        removed: set[tuple[int, int]] = set()
        for parent, element in _elements(root) if same else []:
            if parent.is_indirect and parent.objgen in removed:
                removed.add(element.objgen)
                continue
            page = element.get("/Pg")
            number = pages.get(page.objgen) if page is not None else None
            if number is None:
                continue
            mcids = _mcids(element)
            if mcids == set() and element.get("/S") == pikepdf.Name.P and not _has_alt(element):
                _remove(parent, element)  # an empty paragraph (an empty table cell has one): nothing to read
                removed.add(element.objgen)
                continue
            if not mcids:
                continue
            if element.get("/S") == pikepdf.Name.Figure and not _has_alt(element) and \
                    _drawn_at(element, decorations[number], height[number]):
                kind = "Layout"
            elif all(_inside(places[number].get(mcid), footers[number], height[number]) for mcid in mcids):
                kind = "Pagination"
            else:
                continue
            doomed.setdefault(number, {}).update(dict.fromkeys(mcids, kind))
            _remove(parent, element)
            removed.add(element.objgen)
            counts[kind] += 1
        for number, page in enumerate(document.pages):
            finish_page(document, page, doomed.get(number, {}))
        document.save(out)
    return Finished(counts["Layout"], counts["Pagination"])


def _elements(root: Any) -> list[tuple[Any, Any]]:
    """Every structure element of the tree with its parent, in document order."""
    import pikepdf

    found = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        parent = stack.pop()
        kids = parent.get("/K")
        if kids is None:
            continue
        for kid in reversed(list(kids) if isinstance(kids, pikepdf.Array) else [kids]):
            if not isinstance(kid, pikepdf.Dictionary) or "/S" not in kid or not kid.is_indirect:
                continue
            if kid.objgen in seen:
                continue
            seen.add(kid.objgen)
            found.append((parent, kid))  # found when its parent is walked: parents come before their children
            stack.append(kid)
    return found


def _has_alt(element: Any) -> bool:
    return bool(str(element.get("/Alt", "")).strip() or str(element.get("/ActualText", "")).strip())


def _drawn_at(element: Any, boxes: list[Box], page_height: float) -> bool:
    import pikepdf

    attributes = element.get("/A")
    for attribute in (attributes if isinstance(attributes, pikepdf.Array) else [attributes]):
        if isinstance(attribute, pikepdf.Dictionary) and "/BBox" in attribute:
            x0, y0, x1, y1 = (float(v) for v in attribute.BBox)
            for x, y, w, h in boxes:
                # PDF counts up from the bottom of the page; the deck down from the top.
                wanted = (x, page_height - y - h, x + w, page_height - y)
                if all(abs(a - b) <= TOLERANCE for a, b in zip((x0, y0, x1, y1), wanted)):
                    return True
    return False


def _inside(place: tuple[float, float] | None, boxes: list[Box], page_height: float) -> bool:
    if place is None:
        return False
    px, py = place
    return any(x - TOLERANCE <= px <= x + w + TOLERANCE and page_height - y - h - TOLERANCE <= py
               <= page_height - y + TOLERANCE for x, y, w, h in boxes)


def _mcids(element: Any) -> set[int] | None:
    """The marked-content ids of an element and those below it, all on its page; None when it holds more."""
    import pikepdf

    out: set[int] = set()
    stack = [element]
    while stack:
        current = stack.pop()
        kids = current.get("/K")
        for kid in (list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]):
            if isinstance(kid, int):
                out.add(int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR and "/Pg" not in kid:
                out.add(int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid and _same_page(kid.get("/Pg"), element.get("/Pg")):
                stack.append(kid)
            else:
                return None  # an object reference, or content on another page
    return out


def _same_page(page: Any, other: Any) -> bool:
    return page is None or (other is not None and page.objgen == other.objgen)


def _text_places(page: Any) -> dict[int, tuple[float, float]]:
    """Where each marked-content id's first text is set, in page space (None for marks with no text)."""
    import pikepdf

    places: dict[int, tuple[float, float]] = {}
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list[tuple[float, ...]] = []
    marks: list[int | None] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name == "q":
            saved.append(ctm)
        elif name == "Q" and saved:
            ctm = saved.pop()
        elif name == "cm" and len(operands) == 6:
            a, b, c, d, e, f = (float(v) for v in operands)
            A, B, C, D, E, F = ctm
            ctm = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
        elif name in ("BDC", "BMC"):
            props = operands[1] if name == "BDC" and len(operands) == 2 else None
            marks.append(int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None)
        elif name == "EMC" and marks:
            marks.pop()
        elif name in ("Td", "TD", "Tm") and marks and marks[-1] is not None and marks[-1] not in places:
            x, y = (float(v) for v in (operands[-2], operands[-1]))
            A, B, C, D, E, F = ctm
            places[marks[-1]] = (x * A + y * C + E, x * B + y * D + F)
    return places


def _remove(parent: Any, element: Any) -> None:
    import pikepdf

    kids = parent.K
    if isinstance(kids, pikepdf.Array):
        for index in range(len(kids)):
            kid = kids[index]
            if isinstance(kid, pikepdf.Dictionary) and kid.is_indirect and kid.objgen == element.objgen:
                del kids[index]
                return
    else:
        del parent["/K"]


def finish_page(document: Any, page: Any, doomed: dict[int, str]) -> None:
    """Make the page's marked content `doomed` (id → artifact type), and painting outside marks, artifacts.

    The ids made artifacts leave the parent tree too.
    """
    import pikepdf

    commands: list[tuple[Any, Any]] = []
    loose: list[tuple[Any, Any]] = []  # operators outside any marked content, since the last q, Q or mark

    def flush() -> None:
        if any(str(operator) in PAINTING for _, operator in loose):
            commands.append(([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
            commands.extend(loose)
            commands.append(([], pikepdf.Operator("EMC")))
        else:
            commands.extend(loose)
        loose.clear()

    depth = 0
    changed = False
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            flush()
            depth += 1
            props = operands[1] if name == "BDC" and len(operands) == 2 else None
            mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
            if mcid in doomed:
                kind = pikepdf.Dictionary(Type=pikepdf.Name("/" + doomed[mcid]))
                operands, changed = [pikepdf.Name.Artifact, kind], True
            commands.append((operands, operator))
        elif name == "EMC":
            depth = max(0, depth - 1)
            commands.append((operands, operator))
        elif depth == 0:
            if name in ("q", "Q"):  # a mark never straddles a saved graphics state
                flush()
                commands.append((operands, operator))
            else:
                loose.append((operands, operator))
                changed = changed or name in PAINTING
        else:
            commands.append((operands, operator))
    flush()
    if changed:
        page.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(commands))
    index = page.obj.get("/StructParents")
    if index is None or not doomed:
        return
    tree = pikepdf.NumberTree(document.Root.StructTreeRoot.ParentTree)
    if int(index) in tree:
        marks = tree[int(index)]
        for mcid in doomed:
            if mcid < len(marks):
                marks[mcid] = pikepdf.Object.parse(b"null")
