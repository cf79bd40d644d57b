"""A data file as editors read it against the JSON Schema: in YAML 1.1 and in YAML 1.2.

tafollow reads every value as the text written; an editor's YAML extension
does not, so the schema must accept what either reading makes of valid data.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import jsonschema
import yaml


def check(instance: Any, schema: dict[str, Any]) -> list[str]:
    """Every complaint an editor's JSON Schema validator has about `instance`, as "$.path: message"."""
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(instance)]


def _plain(value: Any) -> Any:
    """A YAML date or time as the text it was written as: JSON has no dates."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Yaml11Loader(yaml.SafeLoader):
    """PyYAML's YAML 1.1, where `=` alone is text as everywhere else."""


_Yaml11Loader.add_constructor("tag:yaml.org,2002:value", yaml.SafeLoader.construct_scalar)


def as_editor_reads(text: str) -> Any:
    """YAML as a YAML 1.1 reader (PyYAML, older tools) reads it: yes is true, 0123 is 83, 12:30 is 750."""
    return _plain(yaml.load(text, Loader=_Yaml11Loader))  # a SafeLoader that also reads `=`


class _Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as VS Code's YAML extension reads: yes and 12:30 are text, 0123 is 123."""


_Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    ("null", r"^(?:~|null|Null|NULL|)$"),
]:
    _Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), None)


def _int12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text)


def _float12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    return float(str(loader.construct_scalar(node)).lower().replace(".inf", "inf").replace(".nan", "nan"))


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float12)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:bool",
                              lambda loader, node: str(loader.construct_scalar(node)).lower() == "true")


def as_vscode_reads(text: str) -> Any:
    return yaml.load(text, Loader=_Yaml12Loader)  # a SafeLoader with YAML 1.2's resolvers


VIEWS = {"YAML 1.1": as_editor_reads, "YAML 1.2": as_vscode_reads}
"""The two ways an editor may read a file; tafollow itself reads every value as the text written."""


def schema_problems(text: str, schema: dict[str, Any]) -> list[str]:
    """What the schema says about a file in either reading; [] when both accept it."""
    return [f"{view}: {problem}" for view, read in VIEWS.items() for problem in check(read(text), schema)]
