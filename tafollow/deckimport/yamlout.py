"""Data → a YAML file as a person would write it: block style, comments where they help.

Keys in the order of the annotated example in the README, lists one item
a line, long texts folded over several lines (`>-`), short ones plain, and
anything YAML could misread in double quotes. Each thing to check is a
`# tarkista: …` comment right above its field. The text is then read back
with tafollow's own YAML reader and compared with the data, so that the
file says exactly what the deck said.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tafollow.errors import printable
from tafollow.data.repository import yaml_text
from tafollow.data.yamlread import read_yaml
from tafollow.deckimport.doubts import Check, FieldPath

WIDTH = 96
"""Folded text is broken into lines of about this many characters."""
INDENT = 2
MARK = "tarkista"
_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


@dataclass(frozen=True)
class Written:
    text: str
    lines: dict[Check, int]
    """The line of each check's comment."""


def dump(data: dict[str, Any], checks: list[Check], header: list[str], trailing: list[str]) -> Written:
    """The file's text; raises AssertionError if it would not read back as `data` (a bug, never silent)."""
    emitter = _Emitter(data, checks)
    emitter.comment_lines(header)
    emitter.attach((), 0)
    emitter.mapping(data, 0, ())
    if trailing:
        emitter.out.append("")
        emitter.comment_lines(trailing)
    text = "\n".join(emitter.out) + "\n"
    back = read_yaml(text).data
    if back != plain(data):
        raise AssertionError(f"the YAML written does not read back as the data:\n{text}")
    return Written(text, emitter.lines)


def day(value: date) -> str:
    """A date as the shipped data writes it: 9.10.2019."""
    return f"{value.day}.{value.month}.{value.year}"


def plain(value: Any) -> Any:
    """`value` as tafollow's YAML reader gives it back: every scalar a string, null None."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if value is None or isinstance(value, str):
        return value
    return _scalar_text(value)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return day(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Emitter:
    def __init__(self, data: dict[str, Any], checks: list[Check]) -> None:
        self.out: list[str] = []
        self.lines: dict[Check, int] = {}
        self.pending: dict[FieldPath, list[Check]] = {}
        for check in checks:
            self.pending.setdefault(_resolve(data, check.path), []).append(check)

    def comment_lines(self, texts: list[str], indent: int = 0) -> None:
        for text in texts:
            for line in text.split("\n"):
                self.out.append(" " * indent + ("# " + printable(line)).rstrip())

    def attach(self, path: FieldPath, indent: int) -> None:
        for check in self.pending.pop(path, []):
            self.lines[check] = len(self.out) + 1
            self.out.append(" " * indent + f"# {MARK}: slide {check.slide}: {printable(check.message)}")

    def mapping(self, data: dict[str, Any], indent: int, path: FieldPath, first: str | None = None) -> None:
        for index, (key, value) in enumerate(data.items()):
            prefix = first if index == 0 and first is not None else " " * indent
            if indent == 0 and index and _section(value):
                self.out.append("")  # a blank line between the file's sections, as in the shipped data
            if not (index == 0 and first is not None):
                self.attach((*path, key), indent)
            self.value(f"{prefix}{key}:", value, indent, (*path, key))

    def value(self, head: str, value: Any, indent: int, path: FieldPath) -> None:
        if isinstance(value, dict):
            self.out.append(head)
            self.mapping(value, indent + INDENT, path)
        elif isinstance(value, list) and value and all(_is_number(v) for v in value):
            self.out.append(f"{head} [{', '.join('null' if v is None else _scalar_text(v) for v in value)}]")
        elif isinstance(value, list) and _flow_names(head, value, path):
            self.out.append(f"{head} [{', '.join(value)}]")
        elif isinstance(value, list):
            self.out.append(f"{head} []" if not value else head)
            self.sequence(value, indent + INDENT, path)
        else:
            self.scalar(head, value, indent + INDENT)

    def sequence(self, items: list[Any], indent: int, path: FieldPath) -> None:
        for index, item in enumerate(items):
            self.attach((*path, index), indent)
            if isinstance(item, dict):
                first_key = next(iter(item), None)
                if first_key is not None:  # the first key shares the dash's line
                    self.attach((*path, index, first_key), indent)
                self.mapping(item, indent + INDENT, (*path, index), first=" " * indent + "- ")
            else:
                self.scalar(" " * indent + "-", item, indent + INDENT)

    def scalar(self, head: str, value: Any, indent: int) -> None:
        if not isinstance(value, str):
            self.out.append(f"{head} {'null' if value is None else _scalar_text(value)}")
            return
        folded = _folded(value, WIDTH - indent) if len(head) + 1 + len(value) > WIDTH else None
        if folded is None or len(folded) == 1:
            self.out.append(f"{head} {_inline(value)}")
        else:
            self.out.append(f"{head} >-")
            self.out += [" " * indent + line for line in folded]


def _flow_names(head: str, value: list[Any], path: FieldPath) -> bool:
    """Column names summed or totalled, on one line as the README writes them: sum: [Valmis, Varaamossa aiemmin]."""
    if not (path[-1:] == ("sum",) or path[-2:] == ("total", "columns")) or not all(isinstance(v, str) for v in value):
        return False
    safe = all(yaml_text(v) == v and not re.search(r"[,\[\]{}#:]", v) for v in value)
    return safe and len(head) + 3 + sum(len(v) + 2 for v in value) <= WIDTH


def _section(value: Any) -> bool:
    """A top-level value that reads as a section of its own: a mapping, or a list of more than names."""
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(isinstance(v, dict) or (isinstance(v, str) and len(v) > 60) for v in value)


def _is_number(value: Any) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))


def _inline(text: str) -> str:
    plain_text = yaml_text(text)
    if plain_text == text and not _ESCAPE.search(text):
        return text
    return _quoted(text)


def _quoted(text: str) -> str:
    """Double-quoted, with every character YAML or an editor could trip on escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xFF else f"\\x{ord(m.group()):02x}",
                       quoted)


def _folded(text: str, width: int) -> list[str] | None:
    """`text` as the lines of a folded block scalar, or None when folding could change it.

    Lines break only at a single space between two words, which folding
    reads back as that space; text with line breaks, tabs, characters to
    escape, or spaces at either end stays on one line in quotes.
    """
    if text != text.strip() or "\n" in text or "\t" in text or _ESCAPE.search(text):
        return None
    lines: list[str] = []
    current = ""
    for word in re.split(r"(?<=\S) (?=\S)", text):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _resolve(data: Any, path: FieldPath) -> FieldPath:
    """The path of the node a check's comment goes above: the deepest part of `path` the data has."""
    node, found = data, []
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
            found.append(part)
        elif isinstance(node, list) and part == "items":
            continue  # risks written as a plain list
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            found.append(part)
        else:
            break
    return tuple(found)
