"""The package's layers: data flows store -> queries -> render -> cli, and no module imports in a circle."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "afrel"
# Which layers each layer may import (besides itself and the shared core: model, dates, errors).
ALLOWED = {
    "store": {"store"},
    "queries": {"queries"},
    "render": {"render", "queries"},
    "cli": {"cli", "render", "queries", "store"},
}
CORE = {"", "model", "dates", "calendars", "errors"}  # "": the package itself (its version)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every afrel module and the afrel modules it imports, at the top or inside a function."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("afrel"):
                for alias in node.names:
                    candidate = f"{node.module}.{alias.name}"
                    found.add(candidate if candidate in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names if alias.name.startswith("afrel")}
        graph[name] = {module for module in found if module in modules and module != name}
    return graph


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_no_module_imports_in_a_circle() -> None:
    graph = _imports()
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                pytest.fail("import circle: " + " -> ".join([*path[path.index(imported) :], imported]))
            if imported not in state:
                visit(imported, [*path, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_each_layer_imports_only_the_layers_below_it() -> None:
    for module, imported in _imports().items():
        layer = _layer(module)
        if layer not in ALLOWED:
            continue
        for other in imported:
            other_layer = _layer(other)
            assert other_layer in CORE or other_layer in ALLOWED[layer], f"{module} imports {other}"


def test_queries_never_print_nor_import_output_libraries() -> None:
    for path in (PACKAGE / "queries").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        }
        names |= {
            node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not names & {"rich", "typer", "json"}, path.name
        calls = {
            node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        }
        assert "print" not in calls, path.name


def test_every_module_opens_with_a_line_on_its_job() -> None:
    for path in PACKAGE.rglob("*.py"):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert docstring and docstring.split("\n")[0].strip(), path
