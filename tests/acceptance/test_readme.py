"""The README's annotated examples are real: they validate as written."""

from __future__ import annotations

import re
from pathlib import Path

from tafollow.build import validate

README = Path(__file__).resolve().parents[2] / "README.md"


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_examples_validate(tmp_path: Path) -> None:
    report, project = _yaml_blocks()[:2]
    (tmp_path / "projects").mkdir()
    report = "\n".join(line for line in report.splitlines() if not line.startswith(("projects:", "template:")))
    (tmp_path / "report.yaml").write_text(report, encoding="utf-8")
    (tmp_path / "projects" / "10-example.yaml").write_text(project, encoding="utf-8")
    assert validate(tmp_path) == []
