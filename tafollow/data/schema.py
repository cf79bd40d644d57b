"""JSON Schemas of the data files, generated from the pydantic models.

Editors use them to complete and check fields while a project manager
types (VS Code's YAML extension reads the `# yaml-language-server:
$schema=…` comment at the top of each project file). The models stay the
one source of truth; this module only adds what an editor needs and
pydantic cannot know:

* the shorthands the models accept before validation (a single manager
  without list syntax, a step or a risk as plain text, the risks as a bare
  list, a blank table cell as '' or '-', a Finnish date 9.10.2019), so that
  a file tafollow accepts is never underlined as wrong;
* what tafollow's YAML reading accepts: it keeps every value as the text
  that was written, so `name: 0123` or `owner: yes` is text to tafollow,
  while an editor reads a number or a true/false there. A text field
  therefore takes numbers and true/false too, a number field takes a
  number written in quotes, and a yes/no field takes yes, no, on, off, 1
  and 0 as tafollow does;
* a description on every field, for hover help, where the model has none.

The committed files under schema/ are kept equal to this output by a test;
regenerate them with `tafollow schema --write` (tafollow installed from
this checkout, as `make deck` does).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from tafollow.data.model import Project, Report, Strict
from tafollow.languages import DEFAULT, LANGUAGES
from tafollow.resources import SCHEMAS


def _languages() -> str:
    """ "fi (default), sv or en", from the languages tafollow has."""
    others = [code for code in LANGUAGES if code != DEFAULT]
    named = [f"{DEFAULT} (default)", *others]
    return ", ".join(named[:-1]) + " or " + named[-1] if len(named) > 1 else named[0]

PROJECT_SCHEMA = SCHEMAS / "project.schema.json"
REPORT_SCHEMA = SCHEMAS / "report.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

DATE_PATTERN = r"^\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\s*$"
BLANK_CELL_PATTERN = r"^\s*(-|-?\d+(,\d+)?)?\s*$"
SCALAR_TYPES = ["string", "number", "boolean"]
"""What an editor may read where tafollow reads text (see the module's docstring)."""
_TEXT: JsonSchemaValue = {"type": SCALAR_TYPES, "minLength": 1, "pattern": r"\S"}
NUMBER_TEXT_PATTERN = r"^\s*[-+]?(\d[\d_]*(\.[\d_]*)?|\.\d[\d_]*)([eE][-+]?\d+)?\s*$"
_NUMBER_TEXT: JsonSchemaValue = {"type": "string", "pattern": NUMBER_TEXT_PATTERN}
_YES_NO: list[JsonSchemaValue] = [
    {"type": "boolean"},
    {"enum": [0, 1]},
    # pydantic's words for true and false, in any case: JSON Schema's patterns have no (?i).
    {"type": "string", "pattern": "^([Tt]([Rr][Uu][Ee])?|[Ff]([Aa][Ll][Ss][Ee])?|[Yy]([Ee][Ss])?|[Nn][Oo]?"
                                  "|[Oo]([Nn]|[Ff][Ff])|[01])$"},
]
_RISK_LIST = "x-risk-list"
"""Placeholder for "the list Risks.items takes", filled in once the definitions exist."""

FIELD_HELP: dict[str, dict[str, str]] = {
    "Project": {
        "name": "The project's name: the title of its slides and its row in the overview.",
        "owner": "The owner of the goal (Omistaja).",
        "managers": "Project manager(s) (Projektipäällikkö); one name, or a list of names.",
        "updated": "When this file's content was last brought up to date, e.g. 9.10.2019 (Päivitetty).",
        "goal": "The goal slide (Tavoite).",
        "progress": "The progress slide (Ositettu tavoitteiden toteutuminen): chart, steps and notes.",
        "forecast": "The forecast slide (Ennuste tavoitteiden toteutumisesta ja riskit).",
        "risks": "Risks and how they are prepared for: a list, or heading/numbered/items.",
        "tables": "Tables shown on the progress slide; computed columns are computed, never typed.",
    },
    "Goal": {},
    "Lane": {
        "name": "Optional name shown left of the lane.",
        "phases": "The phases from 0 % to 100 %, in order.",
    },
    "Phase": {"name": "The phase's name, shown in its chevron (e.g. TIEDONKERUU)."},
    "Span": {
        "name": "The span's name, e.g. SIDOSRYHMIEN KUULEMINEN.",
        "status": "todo = TEKEMÄTTÄ, doing = TEKEILLÄ, done = TEHTY.",
    },
    "Milestone": {
        "name": "The milestone's name, e.g. LAUTAKUNNAN HYVÄKSYNTÄ.",
        "at": "Where on the 0-100 % scale the milestone stands (default 100).",
        "status": "todo = TEKEMÄTTÄ, doing = TEKEILLÄ, done = TEHTY (default todo).",
    },
    "Step": {
        "text": "The step, shown numbered under the chart.",
        "status": "todo, doing or done; needed on every step when the chart has no lanes.",
        "details": "Paragraphs of detail under the step.",
    },
    "Progress": {
        "heading": "Overrides the slide heading (default 'Ositettu tavoitteiden toteutuminen').",
        "lanes": "Rows of phases in the chart; leave out to draw the chart from the steps.",
        "span": "A lane under all the others, e.g. stakeholder engagement.",
        "milestones": "Points on the scale, e.g. the board's approval at 100 %.",
        "steps": "Numbered steps under the chart: plain text, or text/status/details.",
        "notes": "Closing notes in bold under the steps.",
    },
    "Forecast": {
        "status": "on_track, at_risk, off_track or achieved: picks the verdict sentence and the traffic light.",
        "heading": "Overrides the slide heading (default 'Ennuste tavoitteiden toteutumisesta ja riskit').",
        "narrative": "Paragraphs after the verdict sentence.",
    },
    "Risk": {
        "risk": "The risk.",
        "mitigation": "How it is prepared for (shown as 'Varautuminen: …').",
    },
    "Risks": {
        "numbered": "Number the risks instead of bulleting them.",
        "items": "The risks: plain text, or risk/mitigation.",
    },
    "Column": {"name": "The column's header; other columns' `sum` refer to it by this name."},
    "Row": {"label": "The row's label (first column)."},
    "Total": {"label": "The total row's label, e.g. Yhteensä."},
    "Table": {
        "title": "Optional title above the table.",
        "columns": "The columns: a name, or name/sum for a computed column.",
        "rows": "The rows: label, values and optional hand-typed computed values.",
        "total": "Optional total row.",
    },
    "Report": {
        "title": "The deck's title, on the cover (e.g. Sitovat toiminnalliset tavoitteet 2019).",
        "footer_date": "The date in the footer of content slides; default as_of.",
        "language": f"Language of labels and sentences: {_languages()}.",
        "summary": "Add an overview slide after the cover: one row per project.",
    },
}


MODEL_HELP: dict[str, str] = {
    "Forecast": "The verdict (status, or a sentence of its own), the narrative and optional heading.",
    "Risk": "One risk and, optionally, how it is prepared for.",
    "Risks": "The risks block: optional heading, numbering, and the risks.",
    "Row": "One table row: its label and one value per typed column.",
    "Total": "The total row under a table.",
}


class _Generator(GenerateJsonSchema):
    """pydantic's generator, widened to the shorthands the models accept."""

    def float_schema(self, schema: core_schema.FloatSchema) -> JsonSchemaValue:
        return {"anyOf": [super().float_schema(schema), dict(_NUMBER_TEXT)]}

    def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
        return {"anyOf": [super().int_schema(schema), dict(_NUMBER_TEXT)]}

    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        return {"anyOf": [dict(option) for option in _YES_NO]}

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        function = schema["function"]["function"]
        name = getattr(function, "__name__", "")
        if getattr(function, "__module__", "") != "tafollow.data.model":
            return super().function_before_schema(schema)
        if name == "_require_text":
            return dict(_TEXT)
        if name == "_parse_date":
            return {"type": "string", "pattern": DATE_PATTERN}
        if name == "_slide_safe":  # text that may be empty
            return {"type": SCALAR_TYPES}
        inner = super().function_before_schema(schema)
        if name in ("_one_or_many", "_step_shorthand", "_risk_shorthand", "_column_shorthand"):
            return {"anyOf": [dict(_TEXT), inner]}
        if name == "_blank_cell":
            return {"anyOf": [*inner.get("anyOf", [inner]), {"type": "string", "pattern": BLANK_CELL_PATTERN}]}
        if name == "_risks_shorthand":
            return {"anyOf": [{_RISK_LIST: True}, inner]}
        return inner


def schema_of(model: type[Strict], title: str) -> dict[str, Any]:
    """The JSON Schema of `model`, with every field described."""
    generated = model.model_json_schema(schema_generator=_Generator, mode="validation")
    definitions = generated.get("$defs", {})
    for name, body in [(model.__name__, generated), *definitions.items()]:
        if "description" not in body and name in MODEL_HELP:
            body["description"] = MODEL_HELP[name]
        helps = FIELD_HELP.get(name, {})
        for field, prop in body.get("properties", {}).items():
            if "description" not in prop and field in helps:
                prop["description"] = helps[field]
            _tidy(prop, definitions)
    generated["title"] = title
    return {"$schema": DIALECT, **generated}


def _tidy(prop: dict[str, Any], definitions: dict[str, Any]) -> None:
    """Drop pydantic's `"default": null` (editors would offer to insert null); fill the risk-list placeholder;
    say each alternative once (an int-or-float number took a number written in quotes twice)."""
    if prop.get("default", 0) is None:
        del prop["default"]
    for i, option in enumerate(prop.get("anyOf", [])):
        if _RISK_LIST in option:
            items = definitions["Risks"]["properties"]["items"]
            prop["anyOf"][i] = {key: value for key, value in items.items() if key not in ("title", "description")}
    _once(prop)


def _once(schema: Any) -> None:
    if isinstance(schema, list):
        for item in schema:
            _once(item)
    elif isinstance(schema, dict):
        if "anyOf" in schema:
            unique: list[Any] = []
            for option in schema["anyOf"]:
                if option not in unique:
                    unique.append(option)
            schema["anyOf"] = unique
        for value in schema.values():
            _once(value)


def project_schema() -> dict[str, Any]:
    return schema_of(Project, "TA-seuranta project file (data/projects/NN-name.yaml)")


def report_schema() -> dict[str, Any]:
    return schema_of(Report, "TA-seuranta round (data/report.yaml)")


def dumps(schema: dict[str, Any]) -> str:
    """The schema as the committed files hold it: stable key order, UTF-8, final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
