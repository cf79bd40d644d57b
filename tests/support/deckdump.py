"""Dump a deck's text as plain, diffable lines: the basis of the golden test.

Per slide: its number and layout, then every shape in shape-tree order with
its name and text (tables cell by cell), then the speaker notes. Numbered
and bulleted paragraphs show the number or bullet a viewer draws, and
indented paragraphs are indented, so the golden file reads like the slide. Run it on a file to review a deck by eye:

    .venv/bin/python tests/support/deckdump.py build/ta-seuranta.pptx
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn

INDENT = "    "


def paragraph_lines(txBody: Any) -> list[str]:
    """The paragraphs of a `p:txBody`/`a:txBody` element, each with its drawn bullet or number."""
    lines: list[str] = []
    counter = 0
    for p in txBody.iter(qn("a:p")):
        parts: list[str] = []
        for child in p:
            if child.tag in (qn("a:r"), qn("a:fld")):
                t = child.find(qn("a:t"))
                parts.append((t.text or "") if t is not None else "")
            elif child.tag == qn("a:br"):
                parts.append("\n")
        text = "".join(parts)
        ppr = p.find(qn("a:pPr"))
        prefix = ""
        auto = ppr.find(qn("a:buAutoNum")) if ppr is not None else None
        char = ppr.find(qn("a:buChar")) if ppr is not None else None
        if auto is not None:
            start = auto.get("startAt")
            counter = int(start) if start is not None else counter + 1
            prefix = f"{counter}. "
        elif char is not None:
            prefix = f"{char.get('char')} "
            counter = 0
        else:
            counter = 0
            if ppr is not None and int(ppr.get("marL", "0")) > 0:
                prefix = INDENT  # an indented paragraph: a step's detail, a risk's mitigation
        if not text.strip():
            continue
        first, *rest = (prefix + text).split("\n")
        lines.append(first)
        lines.extend(" " * len(prefix) + line for line in rest)
    return lines


def shape_lines(shape: Any, depth: int = 1) -> list[str]:
    """Name and text of one shape (recursing into groups, tables cell by cell)."""
    pad = INDENT * depth
    out = [f"{pad[:-2]}- {shape.name}"]
    element = shape._element
    props = element.find(".//" + qn("p:cNvPr"))
    # What a screen reader hears instead of the picture, and what it skips, is part of the deck's text.
    alt = props.get("descr") if props is not None else None
    decorative = props is not None and props.xpath("string(.//*[local-name()='decorative']/@val)") == "1"
    suffix = (f" [alt: {alt}]" if alt else "") + (" [decorative]" if decorative else "")
    if element.tag == qn("p:grpSp"):
        for child in shape.shapes:
            out += shape_lines(child, depth + 1)
        return out
    if getattr(shape, "has_table", False) and shape.has_table:
        table = shape.table
        out[0] += f" (table {len(table.rows)}x{len(table.columns)}){suffix}"
        for r, row in enumerate(table.rows):
            cells = [" / ".join(paragraph_lines(cell._tc.txBody)) for cell in row.cells]
            out.append(f"{pad}row {r}: " + " | ".join(cells))
        return out
    out[0] += suffix
    body = element.find(qn("p:txBody"))
    if body is not None:
        lines = paragraph_lines(body)
        if len(lines) == 1 and "\n" not in lines[0]:
            out[0] += f": {lines[0]}"
        else:
            out += [pad + line for line in lines]
    return out


def dump(data: bytes) -> str:
    """The text of every slide of the .pptx `data`, as the golden file stores it."""
    presentation = Presentation(io.BytesIO(data))
    out: list[str] = []
    for number, slide in enumerate(presentation.slides, start=1):
        out.append(f"=== slide {number} [{slide.slide_layout.name}]")
        for shape in slide.shapes:
            out += shape_lines(shape)
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None and notes.text:
                out.append(f"  notes: {notes.text}")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover - a review aid
    sys.stdout.write(dump(Path(sys.argv[1]).read_bytes()))
