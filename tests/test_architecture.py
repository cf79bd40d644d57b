"""The code's layering, checked: imports only go down the stages, with no cycle and no private reach.

tafollow's data flows one way — files → data → layout → writer — and each
stage is a package. A module that imports from a later stage, or from a
sibling it has no business with, makes the stages depend on each other
again; a private `_name` imported from another module makes that module's
internals a contract. These tests read every module's imports (also those
inside functions, which run later but depend all the same) and fail on any
such import, naming the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tafollow"

BOTTOM = {"errors", "resources", "files", "tafollow"}
"""What every stage may use: errors, shipped resources, bounded file reading, the version."""

ALLOWED: dict[str, set[str]] = {
    "tafollow": set(),
    "errors": set(),
    "resources": {"errors"},
    "files": {"errors"},
    "languages": BOTTOM,
    "ooxml": BOTTOM,
    "design": BOTTOM,
    "data": BOTTOM | {"languages"},
    "layout": BOTTOM | {"languages", "design", "data"},
    # The writer consumes the plan: of layout/ only its plan, and nothing of design/.
    "writer": BOTTOM | {"ooxml", "layout.plan"},
    "build": BOTTOM | {"languages", "design", "data", "layout", "writer"},
    "check": BOTTOM | {"languages", "design", "ooxml"},
    "deckimport": BOTTOM | {"languages", "design", "ooxml", "data"},
    "commands": BOTTOM | {"languages", "design", "ooxml", "data", "layout", "writer", "build", "check",
                          "deckimport"},
    "cli": BOTTOM | {"languages", "data", "build", "check", "deckimport", "commands"},
    "__main__": {"cli"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    """`tafollow.layout.fit` → `layout`; a top-level module is its own stage."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "tafollow"


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, names) of every tafollow import in `path`, relative ones resolved."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            names = [alias.name for alias in node.names]
            if target.startswith("tafollow"):
                # `from tafollow.design import style` imports the module tafollow.design.style
                found.append((node.lineno, target, names))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names if alias.name.startswith("tafollow")]
    return found


def _targets(target: str, names: list[str]) -> list[str]:
    """The modules an import statement depends on: a submodule imported by name counts as itself."""
    modules = []
    for name in names:
        candidate = f"{target}.{name}"
        as_path = PACKAGE.parent / Path(*candidate.split("."))
        if as_path.with_suffix(".py").is_file() or (as_path / "__init__.py").is_file():
            modules.append(candidate)
    return modules or [target]


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
EDGES = {module: [(line, dep) for line, target, names in _imports(path) for dep in _targets(target, names)]
         for module, path in MODULES.items()}


def _allowed(source: str, target: str) -> bool:
    stage, target_stage = _stage(source), _stage(target)
    if stage == target_stage:
        return True
    if source == "tafollow.__main__":
        stage = "__main__"
    allowed = ALLOWED[stage]
    sub = ".".join(target.split(".")[1:3])
    return target_stage in allowed or sub in allowed


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down_the_stages(module: str) -> None:
    wrong = [f"{MODULES[module].relative_to(PACKAGE.parent)}:{line} imports {target}"
             for line, target in EDGES[module] if not _allowed(module, target)]
    assert wrong == []


def test_no_module_imports_a_private_name_of_another() -> None:
    wrong = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {name} from {target}"
             for module, path in MODULES.items() for line, target, names in _imports(path)
             for name in names if name.startswith("_") and name != "__version__"]
    assert wrong == []


def test_no_import_cycle_between_modules() -> None:
    graph = {module: {dep for _, dep in deps if dep in MODULES and dep != module} for module, deps in EDGES.items()}
    # A package's __init__ that re-exports its modules would make every import of it a cycle; none does.
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" → ".join(trail[trail.index(nxt):] + [nxt]) if nxt in trail else nxt)
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_guard_sees_an_upward_import(tmp_path: Path) -> None:
    """The rules catch what they are for: data importing layout is refused, layout importing data is not."""
    assert not _allowed("tafollow.data.model", "tafollow.layout.fit")
    assert _allowed("tafollow.layout.fit", "tafollow.data.model")
    assert not _allowed("tafollow.writer.render", "tafollow.layout.fit")
    assert _allowed("tafollow.writer.render", "tafollow.layout.plan")
    assert not _allowed("tafollow.writer.slidexml", "tafollow.design.style")


def test_the_top_level_stays_small() -> None:
    """A newcomer sees the stages, not a flat list: at most 12 modules beside the packages."""
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top


TESTS = PACKAGE.parent / "tests"


def _checks_something(function: ast.FunctionDef, helpers: set[str]) -> bool:
    """An assert, a pytest.raises / fail, or a call of a helper that asserts."""
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in {"raises", "fail", "warns"} or name in helpers or name.startswith(("assert", "_assert")):
                return True
    return False


def _asserting_helpers() -> set[str]:
    """Functions of the tests and their support modules that assert something themselves (one level deep)."""
    found = set()
    for path in TESTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("test_") and any(
                    isinstance(inner, ast.Assert) or (isinstance(inner, ast.Call) and getattr(
                        inner.func, "attr", getattr(inner.func, "id", "")) in {"raises", "fail"})
                    for inner in ast.walk(node)):
                found.add(node.name)
    return found


def test_every_test_checks_something() -> None:
    """A test that asserts nothing passes whatever the code does."""
    helpers = _asserting_helpers()
    idle = [f"{path.relative_to(TESTS)}::{node.name}" for path in sorted(TESTS.rglob("test_*.py"))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
            and not _checks_something(node, helpers)]
    assert idle == []
