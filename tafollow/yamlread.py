"""Read one YAML file into plain data, remembering where every value was written.

PyYAML's own constructors are not used: they turn `yes` into True, `0123`
into 83 and `12:30` into 750, keep the last of two duplicate keys, expand
aliases without bound and build Python objects from tags. Here every scalar
stays the text that was written (only an empty value or `null`/`~` means
"nothing"); the pydantic models decide what a field's text means, so a
number field still gets a number and a text field keeps `0123` as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

MAX_DEPTH = 40
"""Deeper nesting than any project file needs; bounds recursion on hostile input."""

Path_ = tuple[str | int, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
# Characters XML 1.0 cannot carry: a slide part containing one is corrupt.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# What YAML's reader refuses outright (it allows TAB, LF, CR and NEL among the controls).
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Position:
    line: int
    column: int


class YamlProblem(Exception):
    """A problem in the YAML itself, at a 1-based position."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Document:
    """Plain data (dicts, lists, strings, None) and where each part was written."""

    data: Any
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Composer(Composer):
    """PyYAML's composer, refusing aliases and bounding nesting depth."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                f"aliases (*{event.anchor}) are not supported: write the text out in full",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            event = self.peek_event()
            raise YamlProblem(
                f"nested more than {MAX_DEPTH} levels deep",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _PyLoader(Reader, Scanner, Parser, _Composer, SafeConstructor, Resolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    _Loader: type = _PyLoader
else:

    class _CLoader(_Composer, CParser, SafeConstructor, Resolver):  # type: ignore[misc, valid-type]
        """libyaml's events, our composer: 12x faster than the pure-Python parser (measured:
        0.7 ms against 8 ms for the largest shipped project file)."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _Loader = _CLoader


def _reword(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if "\\t" in problem or (mark is not None and _char_at(text, mark.line, mark.column) == "\t"):
        problem = "a tab character is used for indentation or layout; use spaces instead"
    elif "found duplicate anchor" in problem:
        problem = "the same anchor (&name) is defined twice"
    elif "expected a single document" in str(exc.context or ""):
        problem = "the file holds more than one YAML document (a second '---' line): keep one"
    else:
        problem = f"YAML syntax error: {problem}"
        if exc.context and exc.context not in problem:
            problem += f" ({exc.context})"
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return YamlProblem(problem, line, column)


def read_yaml(text: str) -> Document:
    """Parse `text` (already decoded) into a `Document`; raises `YamlProblem`."""
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _reword(exc, text) from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts bytes, PyYAML characters: find the character ourselves.
        found = _UNREADABLE.search(text)
        index = found.start() if found else exc.position
        line, column = _line_column(text, index)
        raise YamlProblem(
            f"the file contains the control character U+{ord(text[index]) if found else exc.character:04X}, "
            "which YAML and slides cannot hold: remove it",
            line,
            column,
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    document = Document(data=None)
    if root is None:
        return document
    document.data = _build(root, (), document)
    return document


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _show_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _build(node: Node, path: Path_, document: Document) -> Any:
    document.values[path] = _position(node)
    tag = node.tag
    if tag not in _STANDARD_TAGS and not (isinstance(node, ScalarNode) and tag == "!"):
        where = _position(node)
        raise YamlProblem(
            f"the tag {_show_tag(tag)} is not allowed: remove it (tafollow reads plain text, lists and keys only)",
            where.line,
            where.column,
        )
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, i), document) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            key_at = _position(key_node)
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem("a key must be a plain word such as name:", key_at.line, key_at.column)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem("merge keys (<<) are not supported", key_at.line, key_at.column)
            key = key_node.value
            if key in seen:
                raise YamlProblem(
                    f"the key '{key}' is given twice (first on line {seen[key].line}); "
                    "YAML would silently keep only the last one: merge them",
                    key_at.line,
                    key_at.column,
                )
            seen[key] = key_at
            document.keys[(*path, key)] = key_at
            result[key] = _build(value_node, (*path, key), document)
        return result
    raise YamlProblem("unsupported YAML node")  # pragma: no cover - PyYAML has three kinds


def _scalar(node: ScalarNode) -> str | None:
    value: str = node.value
    if not node.style and node.tag != "tag:yaml.org,2002:str" and value in _NULLS:
        return None
    bad = _XML_ILLEGAL.search(value)
    if bad:
        where = _position(node)
        raise YamlProblem(
            f"the text contains the control character U+{ord(bad.group()):04X}, "
            "which a slide cannot hold: remove it",
            where.line,
            where.column,
        )
    return value
