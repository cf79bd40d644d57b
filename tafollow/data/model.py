"""The report in its users' words: a round (`Report`) and its `Project`s.

These pydantic models are the contract that project managers edit in YAML.
Every model forbids unknown keys so that a misspelt key is an error rather
than a silently ignored line. Text is kept exactly as written: no model
strips, folds or reformats a string that came from the data.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from datetime import date
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

from tafollow.languages import DEFAULT, LANGUAGES

Status = Literal["todo", "doing", "done"]
ForecastStatus = Literal["on_track", "at_risk", "off_track", "achieved"]
Language = Literal[LANGUAGES]  # type: ignore[valid-type]

_FINNISH_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def _parse_date(value: Any) -> Any:
    """Accept ISO (2019-10-09) and Finnish (9.10.2019) dates."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        for pattern, order in ((_FINNISH_DATE, (2, 1, 0)), (_ISO_DATE, (0, 1, 2))):
            match = pattern.match(value)
            if match:
                parts = match.groups()
                year, month, day = (int(parts[i]) for i in order)
                try:
                    return date(year, month, day)
                except ValueError as exc:
                    raise ValueError(f"'{value.strip()}' is not a real date ({exc})") from None
    raise ValueError("expected a date such as 9.10.2019 or 2019-10-09")


Date = Annotated[
    date,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    Field(json_schema_extra={"type": "string", "examples": ["9.10.2019", "2019-10-09"]}),
]


# Characters XML 1.0 cannot carry: a slide holding one is corrupt. The YAML
# reader refuses them with a line number; this guards models built in Python.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _slide_safe(value: Any) -> Any:
    if isinstance(value, str):
        bad = XML_ILLEGAL.search(value)
        if bad:
            raise ValueError(f"contains the control character U+{ord(bad.group()):04X}, which a slide cannot hold")
    return value


def _require_text(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise ValueError("must not be empty")
    if isinstance(value, str) and not shows(value):
        codes = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in value if not c.isspace()))
        raise ValueError(f"holds only invisible characters ({codes}): write the text itself")
    return _slide_safe(value)


# Letters that are drawn as nothing: Hangul fillers and the blank Braille pattern, known from
# names meant to look empty.
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def shows(text: str) -> bool:
    """Whether `text` has anything to see on a slide."""
    return any(_visible(c) for c in text)


def _visible(character: str) -> bool:
    """Whether `character` shows on a slide: not a space, a control, a format character (U+200B) or a blank."""
    return (not character.isspace() and unicodedata.category(character) not in ("Cc", "Cf", "Zs", "Zl", "Zp")
            and character not in _BLANK_LETTERS)


Text = Annotated[str, BeforeValidator(_require_text)]
"""A non-empty piece of text from the data, kept exactly as written."""

HEADING_MAX, LABEL_MAX, UNIT_MAX = 150, 200, 60
Heading = Annotated[Text, Field(max_length=HEADING_MAX)]
"""A slide title or project name: at the smallest title size, about this much fits its box."""
Label = Annotated[Text, Field(max_length=LABEL_MAX)]
"""A name drawn inside the progress chart, where a lane cannot be split between slides."""

Percent = Annotated[float, Field(ge=0, le=100)]


def _one_or_many(value: Any) -> Any:
    """Let a single name or paragraph be written without list syntax."""
    return [value] if isinstance(value, str) else value


class Strict(BaseModel):
    """Base for every data model: unknown keys are errors, objects are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Goal(Strict):
    """The goal slide: the binding goal and its context."""

    heading: Heading | None = Field(None, description="Overrides the slide heading (default 'Tavoite').")
    subheading: Text | None = Field(None, description="E.g. 'Sitovat osatavoitteet'.")
    paragraphs: Annotated[list[Text], BeforeValidator(_one_or_many)] = Field(
        default_factory=list, description="The goal text and context, one item per paragraph."
    )
    bullets: Annotated[list[Text], BeforeValidator(_one_or_many)] = Field(
        default_factory=list, description="Bulleted points shown after the paragraphs."
    )

    @model_validator(mode="after")
    def _has_content(self) -> Goal:
        if not self.paragraphs and not self.bullets and self.subheading is None:
            raise ValueError("a goal needs at least one paragraph or bullet")
        return self


class Phase(Strict):
    """One phase of a lane in the progress chart."""

    name: Label
    status: Status = Field(description="todo = TEKEMÄTTÄ, doing = TEKEILLÄ, done = TEHTY.")
    percent: Percent | None = Field(
        None, description="How far the phase has got, 0-100; defaults to 0, 50 or 100 by status."
    )

    @property
    def progress(self) -> float:
        if self.percent is not None:
            return self.percent
        return {"todo": 0.0, "doing": 50.0, "done": 100.0}[self.status]


class Lane(Strict):
    """A row of phases that runs across the 0-100 % scale."""

    name: Label | None = None
    phases: list[Phase] = Field(min_length=1)


class Span(Strict):
    """A lane that runs under all the others, e.g. stakeholder engagement."""

    name: Label
    status: Status


class Milestone(Strict):
    """A point on the scale, e.g. the board's approval at 100 %."""

    name: Label
    at: Percent = 100.0
    status: Status = "todo"


class Step(Strict):
    """A numbered step under the chart."""

    text: Text
    status: Status | None = None
    details: Annotated[list[Text], BeforeValidator(_one_or_many)] = Field(default_factory=list)


def _step_shorthand(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Column(Strict):
    """A table column; `sum` makes it computed from other columns."""

    name: Text
    sum: list[Text] | None = Field(None, description="Names of the columns this one adds up.")


def _column_shorthand(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


Number = int | float
Cell = Number | None


def _blank_cell(value: Any) -> Any:
    """Blank cells may be written null, '' or '-'; a Finnish decimal comma is accepted."""
    if isinstance(value, str):
        stripped = value.strip()
        if stripped in ("", "-"):
            return None
        if re.fullmatch(r"-?\d+,\d+", stripped):
            return stripped.replace(",", ".")
    return value


class Row(Strict):
    label: Text
    values: list[Annotated[Cell, BeforeValidator(_blank_cell)]] = Field(
        description="One value per column that is not computed; blank cells as null, '' or '-'."
    )
    computed: dict[str, Number] = Field(
        default_factory=dict,
        description="Optional hand-typed values of computed columns, checked against the sums.",
    )


class Total(Strict):
    label: Text
    columns: list[Text] | None = Field(None, description="Columns to total; default all of them.")
    unit: Text | None = Field(None, description="Shown after each total, e.g. 'tilaa'.")
    expect: dict[str, Number] = Field(
        default_factory=dict, description="Hand-typed totals, checked against the computed ones."
    )


class Table(Strict):
    """A table on the progress slide. Computed cells are computed, never typed."""

    title: Text | None = None
    label_header: Annotated[str, BeforeValidator(_slide_safe)] = Field(
        "", description="Header of the first (row label) column."
    )
    columns: list[Annotated[Column, BeforeValidator(_column_shorthand)]] = Field(min_length=1)
    rows: list[Row] = Field(min_length=1)
    total: Total | None = None

    @model_validator(mode="after")
    def _check_shape(self) -> Table:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError("two columns have the same name")
        for c, column in enumerate(self.columns):
            for s, source in enumerate(column.sum or []):
                if source not in names:
                    raise RuleBroken(f"column '{column.name}' sums unknown column '{source}'",
                                     ("columns", c, "sum", s))
        _computed_order(self.columns)
        computed = {c.name for c in self.columns if c.sum is not None}
        for row in self.rows:
            for name in row.computed:
                if name not in computed:
                    raise ValueError(f"row '{row.label}': '{name}' is not a computed column")
        if self.total is not None:
            for name in [*(self.total.columns or []), *self.total.expect]:
                if name not in names:
                    raise ValueError(f"the total names unknown column '{name}'")
        inputs = [c for c in self.columns if c.sum is None]
        for row in self.rows:
            if len(row.values) != len(inputs):
                raise ValueError(
                    f"row '{row.label}' has {len(row.values)} values but the table has "
                    f"{len(inputs)} columns to fill ({', '.join(c.name for c in inputs)})"
                )
        return self

    @property
    def inputs(self) -> list[Column]:
        """The columns whose values are typed in the rows."""
        return [c for c in self.columns if c.sum is None]

    def cells(self, row: Row) -> dict[str, Cell]:
        """Every column's value for `row`, computed columns computed (blank counts as 0).

        A computed column may sum another computed column, even one to its
        right: each is computed after the columns it sums.
        """
        values: dict[str, Cell] = {c.name: v for c, v in zip(self.inputs, row.values)}
        for column in self._computed:
            values[column.name] = _add(values.get(source) for source in column.sum or [])
        return values

    @cached_property
    def _computed(self) -> list[Column]:
        """The computed columns in the order they can be computed (found once, used for every row)."""
        return _computed_order(self.columns)

    def totals(self) -> dict[str, Number]:
        """Column totals over all rows, for the columns the total row shows."""
        names = self.total.columns if self.total and self.total.columns else [c.name for c in self.columns]
        return {name: self.column_total(name) for name in names}

    def column_total(self, name: str) -> Number:
        """The total of one column over all rows (blank counts as 0)."""
        return _add(self.cells(row).get(name) for row in self.rows)


class RuleBroken(ValueError):
    """A rule broken at `where`, a place inside the model being checked (for the message's line)."""

    def __init__(self, message: str, where: tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.where = where


def _computed_order(columns: list[Column]) -> list[Column]:
    """The computed columns, each after every column it sums; `RuleBroken` for a sum that includes itself.

    `{name: S, sum: [S]}`, or two columns summing each other, has no
    value at all: without this check S would quietly show 0, or whatever
    the order of computing happened to give.
    """
    computed = {c.name: c for c in columns if c.sum is not None}
    waiting = {name: {s for s in column.sum or [] if s in computed} for name, column in computed.items()}
    summed_by: dict[str, list[str]] = {name: [] for name in computed}
    for name, sources in waiting.items():
        for source in sources:
            summed_by[source].append(name)
    order: list[Column] = []
    ready = deque(name for name in computed if not waiting[name])
    while ready:
        name = ready.popleft()
        order.append(computed[name])
        for other in summed_by[name]:
            waiting[other].discard(name)
            if not waiting[other]:
                ready.append(other)
    if len(order) == len(computed):
        return order
    # Every column left over sums another one left over: follow those sums until one comes round again.
    left = [c.name for c in columns if c.name in computed and waiting[c.name]]
    path = [left[0]]
    while True:
        column = computed[path[-1]]
        step = next(s for s in column.sum or [] if s in computed and waiting[s])
        if step in path:
            cycle = path[path.index(step):] + [step]
            break
        path.append(step)
    first = cycle[0]
    index = next(i for i, c in enumerate(columns) if c.name == first)
    where = ("columns", index, "sum", (columns[index].sum or []).index(cycle[1]))
    if len(cycle) == 2:
        raise RuleBroken(f"column '{first}' sums itself: a computed column cannot be part of its own sum", where)
    chain = " → ".join(f"'{name}'" for name in cycle)
    raise RuleBroken(f"columns sum each other in a circle ({chain}): a computed column cannot be part of its "
                     "own sum", where)


def _add(values: Any) -> Number:
    """Sum, blank counting as 0, rounded so 0.1 + 0.2 shows as 0,3 and not 0,30000000000000004."""
    total: Number = 0
    for value in values:
        if value is not None:
            total += value
    return total if isinstance(total, int) else round(total, 9)


class Progress(Strict):
    """The progress slide: chart, numbered steps, closing notes."""

    heading: Heading | None = None
    lanes: list[Lane] = Field(default_factory=list, description="Empty: the chart is drawn from the steps.")
    span: Span | None = None
    milestones: list[Milestone] = Field(default_factory=list)
    steps: list[Annotated[Step, BeforeValidator(_step_shorthand)]] = Field(default_factory=list)
    notes: Annotated[list[Text], BeforeValidator(_one_or_many)] = Field(default_factory=list)

    @model_validator(mode="after")
    def _chart_has_source(self) -> Progress:
        if not self.lanes and not self.steps:
            raise ValueError("progress needs lanes of phases, or steps to draw the chart from")
        if not self.lanes and any(s.status is None for s in self.steps):
            raise ValueError("without lanes the chart is drawn from the steps: give every step a status")
        return self


class Forecast(Strict):
    status: ForecastStatus
    sentence: Text | None = Field(None, description="Replaces the standard verdict sentence.")
    heading: Heading | None = None
    narrative: Annotated[list[Text], BeforeValidator(_one_or_many)] = Field(default_factory=list)


class Risk(Strict):
    risk: Text
    mitigation: Text | None = None


def _risk_shorthand(value: Any) -> Any:
    return {"risk": value} if isinstance(value, str) else value


class Risks(Strict):
    heading: Text | None = Field(None, description="Replaces 'Riskit ja niihin varautuminen'.")
    numbered: bool = False
    items: list[Annotated[Risk, BeforeValidator(_risk_shorthand)]] = Field(default_factory=list)


def _risks_shorthand(value: Any) -> Any:
    return {"items": value} if isinstance(value, list) else value


class Project(Strict):
    """One binding goal: four slides in the deck."""

    name: Heading
    owner: Text
    managers: Annotated[list[Text], BeforeValidator(_one_or_many)] = Field(min_length=1)
    updated: Date
    goal: Goal
    progress: Progress
    forecast: Forecast
    risks: Annotated[Risks, BeforeValidator(_risks_shorthand)] = Field(default_factory=Risks)
    tables: list[Table] = Field(default_factory=list)


class Report(Strict):
    """The round: data/report.yaml."""

    title: Heading
    as_of: Date = Field(description="The date of the forecast, shown on the cover.")
    unit: Annotated[Text, Field(max_length=UNIT_MAX)] = Field(
        description="The unit named in the footer, e.g. Kehittämispalvelut."
    )
    footer_date: Date | None = None
    language: Language = DEFAULT  # type: ignore[assignment]
    projects: list[Text] | None = Field(None, description="File stems, to select or reorder projects.")
    template: Text | None = Field(None, description="A .pptx master to use instead of the built-in one.")
    summary: bool = False

    @field_validator("projects")
    @classmethod
    def _unique(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and len(set(value)) != len(value):
            raise ValueError("a project is listed twice")
        return value
