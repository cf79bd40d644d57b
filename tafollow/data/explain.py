"""pydantic's validation errors → a position in the user's file and words they can act on.

pydantic reports locations in the model (`risks.items.0.risk`) and messages
for programmers ("Input should be a valid string"). Here each location is
followed through the data as written, to the line of the key or value at
fault, and each message is reworded, with "did you mean" for a misspelt key.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel

from tafollow.data.model import Project, Report
from tafollow.data.yamlread import Document, Path_, Position
from tafollow.errors import show


def _locate(loc: tuple[Any, ...], document: Document) -> Path_:
    """Follow a pydantic error location through the data actually written.

    Shorthands (a risk written as plain text, a single manager without a
    list) and union members add location parts that are not in the file;
    those are skipped so the position is the nearest thing the user wrote.
    """
    node = document.data
    path: list[str | int] = []
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
    return tuple(path)


def explain(detail: Any, document: Document, model: type[BaseModel] | None = None) -> tuple[Position, str]:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    path = _locate(loc, document)
    position = document.values.get(path, Position(1, 1))
    field = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        position = document.keys.get(path, position)
        message = f"unknown key '{show(field)}'"
        suggestion = suggest(field, _keys_at(model, loc[:-1]) if model else None)
        if suggestion:
            message += f": did you mean '{suggestion}'?"
        return position, message
    if kind == "missing":
        where = f" in '{path[-1]}'" if path else ""
        return position, f"missing required key '{field}'{where}"
    if value is None and (kind.endswith("_type") or kind in {"date_from_datetime_parsing", "value_error"}):
        optional = model is not None and _is_optional(model, loc)
        return position, f"'{_name(path)}' is empty: write a value{' or remove the key' if optional else ''}"
    if kind == "string_type":
        return position, f"expected text for '{_name(path)}', not {_kind_of(value)}"
    if kind in {"list_type"}:
        return position, f"expected a list for '{_name(path)}' (lines starting with '- '), not {_kind_of(value)}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return position, f"expected keys under '{_name(path)}', not {_kind_of(value)}"
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        return position, f"{_kind_of(value)} is not allowed for '{_name(path)}': use {expected}"
    if kind in {"int_parsing", "float_parsing", "int_type", "float_type", "int_from_float",
                "finite_number", "int_parsing_size"}:
        return position, f"expected a number for '{_name(path)}', got {_kind_of(value)}"
    if kind in {"bool_parsing", "bool_type"}:
        return position, f"expected true or false for '{_name(path)}', got {_kind_of(value)}"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return position, f"'{_name(path)}' must be between 0 and 100, got {_kind_of(value)}"
    if kind in {"string_too_long", "too_long"} and isinstance(value, str):
        limit = detail.get("ctx", {}).get("max_length")
        return position, (f"'{_name(path)}' is {len(value)} characters; at most {limit} fit on the slide: "
                          "shorten it (details belong in the text below)")
    if kind == "too_short":
        return position, f"'{_name(path)}' needs at least one item"
    message = str(detail["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    message = show(message, 300)
    # A rule about a whole part (a table) that names the place inside it where it is broken.
    inside = getattr(detail.get("ctx", {}).get("error"), "where", ())
    if inside:
        position = document.values.get(_locate(loc + tuple(inside), document), position)
    return position, message if not path else f"{_name(path)}: {message}"


def _name(path: Path_) -> str:
    return ".".join(str(part) if isinstance(part, str) else f"[{part + 1}]" for part in path).replace(".[", "[")


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    return f"'{show(str(value))}'"


def suggest(word: str, known: set[str] | None) -> str | None:
    """The known key `word` was most likely meant to be, if any is close (case is ignored)."""
    candidates = sorted(known if known else _vocabulary())
    folded = {candidate.casefold(): candidate for candidate in candidates}
    close = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.7)
    return folded[close[0]] if close else None


def _keys_at(model: type[BaseModel], loc: tuple[Any, ...]) -> set[str] | None:
    """The keys the model accepts at a pydantic error location (None if it cannot tell)."""
    annotation = _unwrap(_annotation_at(model, loc))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return set(annotation.model_fields)
    return None


def _annotation_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The type expected at a pydantic error location (None if it cannot tell)."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(part, str):
            field = annotation.model_fields.get(part)
            if field is None:
                return None
            annotation = field.annotation
        elif origin is list and isinstance(part, int):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict and isinstance(part, str):
            annotation = typing.get_args(annotation)[1]
        else:
            return None
    return annotation


def _is_optional(model: type[BaseModel], loc: tuple[Any, ...]) -> bool:
    """Whether the key at a pydantic error location may be left out."""
    if not loc or not isinstance(loc[-1], str):
        return False
    annotation = _unwrap(_annotation_at(model, loc[:-1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(loc[-1])
        return field is not None and not field.is_required()
    return False


def _unwrap(annotation: Any) -> Any:
    """Annotated[X, ...] → X; X | None → X; a union of several → its model or list member."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            chosen = [a for a in members if (isinstance(a, type) and issubclass(a, BaseModel))
                      or typing.get_origin(a) in (list, dict)]
            annotation = (chosen or members)[0]
            continue
        return annotation


_VOCABULARY: set[str] = set()


def _vocabulary() -> set[str]:
    """Every key any model accepts, for "did you mean" suggestions where the place is unclear."""
    if not _VOCABULARY:
        pending: list[type[BaseModel]] = [Report, Project]
        done: set[str] = set()
        while pending:
            model = pending.pop()
            if model.__name__ in done:
                continue
            done.add(model.__name__)
            for name, info in model.model_fields.items():
                _VOCABULARY.add(name)
                pending.extend(_models_in(info.annotation))
    return _VOCABULARY


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in typing.get_args(annotation):
        found.extend(_models_in(argument))
    return found


