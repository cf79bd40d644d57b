"""The fields of a round, flattened for scoring an import against the data a deck was made from.

Each field is one thing a person would check on the slide: the cover's
title and date; per project its name, owner, managers, updated date, each
paragraph of the goal, each phase with its status and percent (and the span
and milestones), each step with its details (and its status when the chart
is drawn from the steps), each table cell, each computed column, the total
row, the forecast's status, sentence and each narrative paragraph, and each
risk and each mitigation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tafollow.data.load import Round
from tafollow.data.model import Project

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Score:
    right: int
    total: int
    wrong: list[tuple[Key, Any, Any]]

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


def fields(round_: Round) -> dict[Key, Any]:
    out: dict[Key, Any] = {("cover", "title"): round_.report.title, ("cover", "date"): round_.report.as_of}
    for index, file in enumerate(round_.projects):
        out.update({(index, *key): value for key, value in project_fields(file.project).items()})
    return out


def project_fields(project: Project) -> dict[Key, Any]:
    out: dict[Key, Any] = {("name",): project.name, ("owner",): project.owner,
                           ("managers",): tuple(project.managers), ("updated",): project.updated}
    goal = project.goal
    texts = [*([goal.subheading] if goal.subheading else []), *goal.paragraphs, *goal.bullets]
    out.update({("goal", i): text for i, text in enumerate(texts)})
    progress = project.progress
    for l, lane in enumerate(progress.lanes):
        for p, phase in enumerate(lane.phases):
            out[("phase", l, p)] = (phase.name, phase.status, phase.percent)
    if progress.span:
        out[("span",)] = (progress.span.name, progress.span.status)
    for m, milestone in enumerate(progress.milestones):
        out[("milestone", m)] = milestone.name
    for s, step in enumerate(progress.steps):
        out[("step", s)] = (step.text, tuple(step.details), None if progress.lanes else step.status)
    for n, note in enumerate(progress.notes):
        out[("note", n)] = note
    for t, table in enumerate(project.tables):
        out[("table", t, "header")] = (table.label_header, tuple(c.name for c in table.columns))
        for r, row in enumerate(table.rows):
            out[("table", t, r, "label")] = row.label
            for c, value in zip(table.inputs, row.values):
                out[("table", t, r, c.name)] = value
        for column in table.columns:
            if column.sum is not None:
                out[("table", t, "computed", column.name)] = tuple(column.sum)
        if table.total is not None:
            out[("table", t, "total")] = (table.total.label, tuple(table.totals()), table.total.unit)
    forecast = project.forecast
    out[("forecast", "status")] = forecast.status
    out[("forecast", "sentence")] = forecast.sentence
    out.update({("narrative", i): text for i, text in enumerate(forecast.narrative)})
    for r, risk in enumerate(project.risks.items):
        out[("risk", r)] = risk.risk
        if risk.mitigation:
            out[("mitigation", r)] = risk.mitigation
    return out


def score(expected: dict[Key, Any], found: dict[Key, Any]) -> Score:
    """Right fields over all fields; a field the import made up counts against it too."""
    wrong = [(key, value, found.get(key)) for key, value in expected.items() if found.get(key) != value]
    extra = [(key, None, value) for key, value in found.items() if key not in expected]
    total = len(expected) + len(extra)
    return Score(total - len(wrong) - len(extra), total, wrong + extra)
