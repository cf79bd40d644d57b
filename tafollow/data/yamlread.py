"""Read one YAML file into plain data, remembering where every value was written.

PyYAML's own constructors are not used: they turn `yes` into True, `0123`
into 83 and `12:30` into 750, keep the last of two duplicate keys, expand
aliases without bound and build Python objects from tags. Here every scalar
stays the text that was written (only an empty value or `null`/`~` means
"nothing"); the pydantic models decide what a field's text means, so a
number field still gets a number and a text field keeps `0123` as written.

Refused, each with its line and column: duplicate keys, anchors and aliases,
tags other than YAML's standard ones, merge keys, non-scalar keys, nesting
deeper than MAX_DEPTH, characters XML cannot hold, and the invisible line
breaks (U+0085, U+2028, U+2029) that YAML 1.1 counts and editors do not.
docs/input-safety.md lists every case for users.
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

from tafollow.errors import show
from tafollow.data.model import XML_ILLEGAL

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
    # What PyYAML's resolver calls the plain texts '=', '<<', '!', '&' and '*': text like any other
    # here ('<<' as a key is refused as a merge key before tags are looked at).
    "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:merge",
    "tag:yaml.org,2002:yaml",
}


# What YAML's reader refuses outright (it allows TAB, LF, CR and NEL among the controls).
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
# Line breaks to YAML 1.1 (so to PyYAML and libyaml) but not to editors or git: pasted from
# Word, a PDF or a web page they split a line where the user sees none.
_ODD_BREAKS = {"\x85": "NEXT LINE (U+0085)", "\u2028": "LINE SEPARATOR (U+2028)",
               "\u2029": "PARAGRAPH SEPARATOR (U+2029)"}
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")
# Common PyYAML/libyaml complaints, and what a person editing the file should do about them.
_HINTS = (
    ("mapping values are not allowed", "a text containing ': ' must be put in quotes, "
     "or a key is indented wrongly"),
    ("cannot start any token", "a text starting with @, ` or % must be put in quotes"),
    ("could not find expected ':'", "a line is missing its ':', or a text goes on to a line "
     "that is not indented further than its key"),
    ("did not find expected key", "the indentation does not line up with the keys above, "
     "or a text starting with a quote goes on after the closing quote"),
    ("expected '-' indicator", "the indentation does not line up with the list above"),
    ("expected <block end>", "the indentation does not line up with the keys or list above"),
    ("found unexpected end of stream", "a quote or bracket is opened and never closed"),
    ("expected ',' or ']'", "a '[' is never closed, or an item holds a comma or ':' and "
     "must be put in quotes"),
    ("expected ',' or '}'", "a '{' is never closed, or an item holds a comma and "
     "must be put in quotes"),
    ("expected alphabetic or numeric character", "a text starting with '&' or '*' must be put "
     "in quotes"),
    ("found unknown escape character", "inside double quotes a backslash starts an escape: "
     "write \\\\ for a backslash, or use single quotes"),
    ("hexdecimal number", "inside double quotes a backslash starts an escape: write \\\\ for a "
     "backslash (C:\\\\Users), or use single quotes"),
    ("hexadecimal numbers", "inside double quotes a backslash starts an escape: write \\\\ for a "
     "backslash (C:\\\\Users), or use single quotes"),
    ("invalid Unicode character escape", "an escape such as \\ud83d is half of a character: write the "
     "character itself, or \\U0001F600 for an emoji"),
)


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
        self.others: list[YamlProblem] = []
        """Further problems found in the same file (duplicate keys, control characters)."""

    def all(self) -> list[YamlProblem]:
        return [self, *self.others]


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
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(
                f"'*{show(event.anchor)}' is read as an alias, which tafollow does not support: "
                "write the text out in full, and put a text starting with '*' in quotes",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        if getattr(event, "anchor", None) is not None:
            raise YamlProblem(
                f"'&{show(event.anchor)}' is read as an anchor (YAML's &name and *name repeat a value), "
                "which tafollow does not support: write the text out in full, "
                "and put a text starting with '&' in quotes",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        if getattr(event, "tag", None) == "!":
            raise YamlProblem(
                "a text starting with '!' is read as a YAML tag: put the text in quotes",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YamlProblem(
                f"nested too deeply: project files need only a few levels, tafollow reads at most {MAX_DEPTH}",
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
    both = f"{exc.problem or ''} {exc.context or ''}"
    if "\\t" in problem or (mark is not None and _char_at(text, mark.line, mark.column) == "\t"):
        problem = "a tab character is used for indentation or layout; use spaces instead"
    elif "duplicate anchor" in both:
        problem = "the same anchor (&name) is defined twice"
    elif "expected a single document" in both:
        problem = "the file holds more than one YAML document (a second '---' line): keep one"
    elif "maximum nesting depth" in both:
        problem = f"nested too deeply: project files need only a few levels, tafollow reads at most {MAX_DEPTH}"
    else:
        problem = f"YAML syntax error: {problem}"
        if exc.context and exc.context not in problem:
            problem += f" ({exc.context})"
        hint = next((hint for needle, hint in _HINTS if needle in both), None)
        if hint:
            problem += f"; {hint}"
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return YamlProblem(problem, line, column)


def read_yaml(text: str) -> Document:
    """Parse `text` (already decoded) into a `Document`; raises `YamlProblem`.

    Line numbers are counted the way editors and git count them: CR LF and a
    lone CR are read as LF, and the line breaks only YAML knows (U+0085,
    U+2028, U+2029, usually pasted in unseen) are refused with their line.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for pattern in (_ODD_BREAK, _UNREADABLE):
        found = pattern.search(text)
        if found:
            line, column = _line_column(text, found.start())
            char = found.group()
            if pattern is _ODD_BREAK:
                message = (f"the file contains a {_ODD_BREAKS[char]}, an invisible line break usually pasted "
                           "from another program: replace it with a space or a normal line break")
            elif "\ud800" <= char <= "\udfff":
                message = f"the file contains U+{ord(char):04X}, which is not a character (bad encoding)"
            else:
                message = (f"the file contains the control character U+{ord(char):04X}, "
                           "which YAML and slides cannot hold: remove it")
            raise YamlProblem(message, line, column)
    loader: Any = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _reword(exc, text) from None
    except yaml.YAMLError as exc:  # ReaderError; the scan above finds those characters first
        raise YamlProblem(f"the file cannot be read as YAML ({exc})", 1, 1) from None
    finally:
        if loader is not None:
            loader.dispose()
    document = Document(data=None)
    if root is None:
        return document
    problems: list[YamlProblem] = []
    document.data = _build(root, (), document, problems)
    if problems:
        first, *others = sorted(problems, key=lambda p: (p.line, p.column))
        first.others = others
        raise first
    return document


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _show_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _check_tag(node: Node) -> YamlProblem | None:
    tag = node.tag
    if tag in _STANDARD_TAGS:
        return None
    where = _position(node)
    return YamlProblem(
        f"the tag {show(_show_tag(tag))} is not allowed: remove it (tafollow reads plain text, lists and keys only)",
        where.line,
        where.column,
    )


def _build(node: Node, path: Path_, document: Document, problems: list[YamlProblem]) -> Any:
    """Plain data of `node`; problems that need not stop reading are added to `problems`."""
    document.values[path] = _position(node)
    bad_tag = _check_tag(node)
    if bad_tag:
        problems.append(bad_tag)
        return None
    if isinstance(node, ScalarNode):
        return _scalar(node, problems)
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, i), document, problems) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            key_at = _position(key_node)
            if not isinstance(key_node, ScalarNode):
                problems.append(YamlProblem("a key must be a plain word such as name:", key_at.line, key_at.column))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(YamlProblem("merge keys (<<) are not supported: write the keys out in full",
                                            key_at.line, key_at.column))
                continue
            bad_tag = _check_tag(key_node)
            if bad_tag:
                problems.append(bad_tag)
                continue
            key = _scalar(key_node, problems) or ""
            if key in seen:
                lines = (f"twice on line {key_at.line}" if seen[key].line == key_at.line
                         else f"twice, on line {seen[key].line} and on line {key_at.line}")
                problems.append(YamlProblem(
                    f"the key '{show(key)}' is given {lines}; "
                    "YAML would silently keep only the last one: merge them",
                    key_at.line,
                    key_at.column,
                ))
                continue
            seen[key] = key_at
            document.keys[(*path, key)] = key_at
            result[key] = _build(value_node, (*path, key), document, problems)
        return result
    raise YamlProblem("unsupported YAML node")  # pragma: no cover - PyYAML has three kinds


def _scalar(node: ScalarNode, problems: list[YamlProblem]) -> str | None:
    value: str = node.value
    if not node.style and node.tag != "tag:yaml.org,2002:str" and value in _NULLS:
        return None
    if "\r" in value:  # only from a "\r" escape: a line break, as a raw CR would have been
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    bad = XML_ILLEGAL.search(value)
    if bad:
        where = _position(node)
        char = bad.group()
        if "\ud800" <= char <= "\udfff":
            what = ("half of a character (a surrogate), which a slide cannot hold: write the character "
                    "itself, or \\U0001F600 for an emoji")
        else:
            what = "a control character, which a slide cannot hold: remove it"
        problems.append(YamlProblem(
            f"the text contains U+{ord(char):04X}, {what}",
            where.line,
            where.column,
        ))
    return value
