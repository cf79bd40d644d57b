"""The tagged PDF LibreOffice makes of a deck, finished: decoration becomes an artifact.

PDF/UA (ISO 14289-1, 7.1 and 7.3; Matterhorn checkpoints 01-001 and 13-004)
asks that content either belongs to the structure tree, a figure there
with alternative text, or is marked an artifact that assistive technology
skips. The deck marks its swatches, bars and rules decorative as
PowerPoint does. Newer LibreOffice leaves such a shape out of the structure
tree; 7.4 does not read the mark from a .pptx and tags the shape as a
figure without alternative text, which a screen reader announces as an
unnamed picture. Those figures are found here by where they are drawn (the
deck says where its decorative shapes are) and turned into artifacts: their
marked content becomes `/Artifact`, and the element leaves the tree. A
figure the deck did not mark is never touched, so a missing alt text still
shows in `tafollow check`.

LibreOffice 7.4 also paints the slide's background and the master's own
shapes (the template's rules and bands) outside any marked content, which
PDF/UA 7.1 forbids: page furniture is an artifact. Such painting is wrapped
in `/Artifact` marked content here; tagged content is never moved.

pikepdf (on qpdf) edits the file: reading and rewriting PDF objects and
content streams is a job we would otherwise do worse ourselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .check import Box, decorative_boxes

TOLERANCE = 2.0
"""Points: LibreOffice's figure box takes in half the outline's width (at most 0.75 pt here) and rounds."""


def mark_decorations(pdf: Path, deck: Path, out: Path) -> int:
    """Write `pdf` to `out` with the figures drawn where `deck` has decorative shapes made artifacts.

    Returns how many figures became artifacts.
    """
    import pikepdf

    boxes = decorative_boxes(deck)
    changed = 0
    with pikepdf.open(pdf) as document:
        root = document.Root.get("/StructTreeRoot")
        if root is not None and len(document.pages) == len(boxes):
            pages = {page.objgen: number for number, page in enumerate(document.pages)}
            height = {number: float(page.mediabox[3]) for number, page in enumerate(document.pages)}
            doomed: dict[int, set[int]] = {}
            for parent, element in _figures(root):
                page = element.get("/Pg")
                number = pages.get(page.objgen) if page is not None else None
                if number is None or _has_alt(element) or not _drawn_at(element, boxes[number], height[number]):
                    continue
                mcids = _mcids(element)
                if mcids is None:
                    continue
                doomed.setdefault(number, set()).update(mcids)
                _remove(parent, element)
                changed += 1
            for number, page in enumerate(document.pages):
                _finish_page(document, page, doomed.get(number, set()))
        document.save(out)
    return changed


def _figures(root: Any) -> list[tuple[Any, Any]]:
    """Every Figure element of the tree with its parent, in document order."""
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
            if not isinstance(kid, pikepdf.Dictionary) or "/S" not in kid:
                continue
            if kid.is_indirect:
                if kid.objgen in seen:
                    continue
                seen.add(kid.objgen)
            if kid.get("/S") == pikepdf.Name.Figure:
                found.append((parent, kid))
            stack.append(kid)
    found.reverse()
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


def _mcids(element: Any) -> set[int] | None:
    """The marked-content ids of an element that holds nothing else; None when it holds more."""
    import pikepdf

    kids = element.get("/K")
    out = set()
    for kid in (list(kids) if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, int):
            out.add(int(kid))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR and "/Pg" not in kid:
            out.add(int(kid.MCID))
        else:
            return None
    return out


def _remove(parent: Any, element: Any) -> None:
    import pikepdf

    kids = parent.K
    if isinstance(kids, pikepdf.Array):
        for index in range(len(kids)):
            if kids[index].is_indirect and kids[index].objgen == element.objgen:
                del kids[index]
                return
    else:
        del parent["/K"]


PAINTING = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "Tj", "TJ", "'", '"', "BI", "EI"}
"""The operators that put marks on the page (PDF 32000-1, 8.5.3, 8.7.4.2, 8.8, 9.4.3)."""


def _finish_page(document: Any, page: Any, mcids: set[int]) -> None:
    """Make the page's marked content `mcids`, and its painting outside any marked content, artifacts.

    The figures' ids leave the parent tree too.
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
            if (name == "BDC" and len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary)
                    and int(operands[1].get("/MCID", -1)) in mcids):
                operands, operator, changed = [pikepdf.Name.Artifact], pikepdf.Operator("BMC"), True
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
    _drop_from_parent_tree(document, page, mcids)


def _drop_from_parent_tree(document: Any, page: Any, mcids: set[int]) -> None:
    import pikepdf

    index = page.obj.get("/StructParents")
    if index is None or not mcids:
        return
    tree = pikepdf.NumberTree(document.Root.StructTreeRoot.ParentTree)
    if int(index) in tree:
        marks = tree[int(index)]
        for mcid in mcids:
            if mcid < len(marks):
                marks[mcid] = pikepdf.Object.parse(b"null")
