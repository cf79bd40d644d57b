"""Tables, read back: typed columns, computed columns and the total row.

A column that equals the sum of some other columns in every row is
written as a computed column (`sum: [...]`), never as typed numbers, as
the data format asks. The last row is the total row when its numbers are
the columns' totals (or, if they do not add up, when its label says
"Yhteensä", "Total" …; the difference is then left for a person to check).
A table that continues on the next slide, its header repeated, is one table.
"""

from __future__ import annotations

import itertools
import math
import re
from typing import Any

from tafollow.deckimport.doubts import Checks, quote
from tafollow.deckimport.words import number, total_words

MAX_SOURCES = 12
"""Columns searched for a sum (2^12 subsets); wider tables keep their typed numbers."""


def read_table(rows: tuple[tuple[str, ...], ...], title: str | None, language: str, slide: int, checks: Checks,
               path: tuple[str | int, ...]) -> dict[str, Any] | None:
    """A table's data in the file's words, or None for a table without rows."""
    width = max((len(row) for row in rows), default=0)
    grid = [tuple(row) + ("",) * (width - len(row)) for row in rows]
    if len(grid) < 2 or width < 2:
        return None
    header, body = grid[0], grid[1:]
    values: list[list[Any]] = [[_cell(text, language) for text in row[1:]] for row in body]
    total_index = _total_row(body, values, language)
    total_row = None
    if total_index is not None:
        total_row = body.pop(total_index)
        values.pop(total_index)
    table: dict[str, Any] = {}
    if title:
        table["title"] = title
    if header[0].strip():
        table["label_header"] = header[0]
    names = list(header[1:])
    for index, name in enumerate(names):
        if not name.strip():
            names[index] = f"Sarake {index + 1}"
            checks.add(slide, (*path, "columns", index), f"a column without a heading; named '{names[index]}'")
    computed = _computed(values) if len(values) >= 2 else {}
    table["columns"] = [{"name": name, "sum": [names[s] for s in computed[i]]} if i in computed else name
                        for i, name in enumerate(names)]
    table["rows"] = []
    for r, (row, cells) in enumerate(zip(body, values)):
        label = row[0] if row[0].strip() else f"Rivi {r + 1}"
        if not row[0].strip():
            checks.add(slide, (*path, "rows", r), f"a row without a label; labelled '{label}'")
        typed = []
        for c, value in enumerate(cells):
            if c in computed:
                continue
            if isinstance(value, str):
                checks.add(slide, (*path, "rows", r, "values"),
                           f"column '{names[c]}': the cell {quote(value)} is not a number; left blank")
                value = None
            typed.append(value)
        table["rows"].append({"label": label, "values": typed})
    if total_row is not None:
        table["total"] = _total(total_row, names, values, language, slide, checks, (*path, "total"))
    return table


def _cell(text: str, language: str) -> Any:
    """A number, None for a blank or "-", or the text itself when it is not a number."""
    plain = text.strip()
    if plain in ("", "-", "–", "—"):
        return None
    found = number(plain, language)
    return found if found is not None else plain


def _numbers(values: list[list[Any]], column: int) -> list[float | None] | None:
    out = []
    for row in values:
        value = row[column] if column < len(row) else None
        if isinstance(value, str):
            return None
        out.append(value)
    return out


def _computed(values: list[list[Any]]) -> dict[int, tuple[int, ...]]:
    """Columns that are the sum of two or more typed columns in every row: column → its sources."""
    count = len(values[0]) if values else 0
    columns = {c: _numbers(values, c) for c in range(count)}
    computed: dict[int, tuple[int, ...]] = {}
    for target in range(count):
        totals = columns[target]
        if totals is None or any(v is None for v in totals) or not any(totals):
            continue
        others = [c for c in range(count) if c != target and c not in computed and columns[c] is not None]
        if len(others) > MAX_SOURCES:
            continue
        found = next((sources for size in range(2, len(others) + 1)
                      for sources in itertools.combinations(others, size)
                      if _adds_up([columns[s] for s in sources], totals)), None)
        if found is not None:
            computed[target] = found
    # A column that is a source of a sum is typed: a sum of sums is not computed twice.
    return {t: s for t, s in computed.items() if not any(t in other for other in computed.values())}


def _adds_up(sources: list[list[float | None] | None], totals: list[float | None]) -> bool:
    """Whether the source columns add up to `totals` in every row, a blank counting as 0."""
    return all(_same(sum((column[r] or 0) if column else 0 for column in sources), total)
               for r, total in enumerate(totals))


def _same(a: float, b: Any) -> bool:
    return b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _total_row(body: list[tuple[str, ...]], values: list[list[Any]], language: str) -> int | None:
    """The index of the total row: the last row, when it adds up the rows above or says it is a total."""
    if len(body) < 2:
        return None
    last = values[-1]
    label = re.sub(r"[:\s]+$", "", body[-1][0].strip().casefold())
    sums = 0
    for c, text in enumerate(last):
        if text is None:
            continue
        amount = _amount(text, language)
        column = _numbers(values[:-1], c)
        if amount is None or column is None:
            return None if label not in total_words() else len(body) - 1
        sums += _same(sum(v or 0 for v in column), amount[0])
    adds_up = sums and sums == sum(v is not None for v in last)
    if label in total_words() or (adds_up and (_has_unit(last) or len(values) >= 4)):
        return len(body) - 1
    return None


def _amount(value: Any, language: str) -> tuple[float, str] | None:
    """A total cell: its number and the unit after it ("49 tilaa" → 49, "tilaa"), read as the deck writes numbers."""
    if isinstance(value, (int, float)):
        return value, ""
    match = re.match(r"^([-−]?\d[\d \u00a0\u202f]*(?:[.,]\d+)?)\s+(\S.*)$", str(value))
    if not match:
        return None
    found = number(match.group(1), language)
    return (found, match.group(2)) if found is not None else None


def _has_unit(cells: list[Any]) -> bool:
    return any(isinstance(value, str) for value in cells)


def _total(row: tuple[str, ...], names: list[str], values: list[list[Any]], language: str, slide: int,
           checks: Checks, path: tuple[str | int, ...]) -> dict[str, Any]:
    total: dict[str, Any] = {"label": row[0] if row[0].strip() else "Yhteensä"}
    shown, units = [], set()
    for c, text in enumerate(row[1:]):
        cell = _cell(text, language)
        if cell is None:
            continue
        amount = _amount(cell, language)
        shown.append(names[c])
        if amount is None:
            checks.add(slide, path, f"the total of '{names[c]}' reads {quote(text)}, not a number; it is computed")
            continue
        units.add(amount[1])
        column = [row_values[c] if not isinstance(row_values[c], str) else None for row_values in values]
        actual = sum(v or 0 for v in column)
        if not _same(actual, amount[0]):
            checks.add(slide, path, f"the total of '{names[c]}' reads {quote(text)} but the rows add up to "
                                    f"{actual:g}; the deck will show the sum")
    if len(shown) < len(names):
        total["columns"] = shown
    unit = next(iter(units - {""}), None)
    if unit:
        total["unit"] = unit
    if len(units - {""}) > 1:
        checks.add(slide, path, f"the totals have different units ({', '.join(sorted(units - {''}))}); "
                                f"'{unit}' is used for all")
    return total
