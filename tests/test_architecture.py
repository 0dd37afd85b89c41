"""The engine's layers, checked from the source (AST), so the folder picture stays true.

``analytics/`` is layered; a module may import its own layer and the layers below it, never a
higher one, never ``pages``/Streamlit, and the module import graph has no cycles. The order and
the reasons are in docs/architecture.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "analytics"
LAYERS = ["core", "ingest", "rules", "forecast", "budget", "storage", "present", "reports", "cli"]
RANK = {name: i for i, name in enumerate(LAYERS)}

# (importer module, imported module) pairs that break the order today and are being removed.
# A pair listed here that no longer occurs fails the test, so the list can only shrink.
KNOWN: set[tuple[str, str]] = set()
KNOWN_CYCLES: list[list[str]] = []


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module this file imports, top-level or lazily inside a function, plus
    ``importlib.import_module("…")`` with a literal name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    me = _module_name(path)
    pkg = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.add(mod)
            for a in node.names:  # ``from analytics.core import values`` imports a module
                if (PKG.parent / (mod.replace(".", "/") + f"/{a.name}.py")).exists():
                    found.add(f"{mod}.{a.name}")
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


MODULES = {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}
GRAPH = {m: {i for i in _imports(p) if i.startswith("analytics.") and i in MODULES} | {i for i in _imports(p) if not i.startswith("analytics")} for m, p in MODULES.items()}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in RANK) else None


def test_every_engine_module_sits_in_a_layer():
    loose = [m for m in MODULES if m.count(".") == 1 and m.split(".")[1] not in RANK and m not in ("analytics.__main__",)]
    assert loose == [], f"modules outside the layer folders: {loose}"
    assert sorted(p.name for p in PKG.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(LAYERS)


def test_no_streamlit_and_no_pages_in_the_engine():
    bad = {m: sorted(i for i in imps if i.split(".")[0] in ("streamlit", "pages")) for m, imps in GRAPH.items()}
    assert {m: v for m, v in bad.items() if v} == {}


def test_lower_layers_never_import_higher_ones():
    violations = set()
    for m, imps in GRAPH.items():
        lm = _layer(m)
        for i in imps:
            li = _layer(i) if i.startswith("analytics.") else None
            if lm and li and RANK[li] > RANK[lm]:
                violations.add((m, i))
    new = violations - KNOWN
    assert not new, "imports against the layer order:\n" + "\n".join(f"  {a} -> {b}" for a, b in sorted(new))
    stale = KNOWN - violations
    assert not stale, f"listed as known but gone (remove from KNOWN): {sorted(stale)}"


def test_no_import_cycles():
    graph = {m: {i for i in imps if i in MODULES and i != m} for m, imps in GRAPH.items()}
    # drop package __init__ edges to their own children (re-exports are not cycles of logic)
    seen: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(n: str) -> None:
        seen[n] = 1
        stack.append(n)
        for nxt in sorted(graph[n]):  # noqa: B007
            if seen.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in seen:
                visit(nxt)
        stack.pop()
        seen[n] = 2

    for n in sorted(graph):
        if n not in seen:
            visit(n)
    assert sorted(c for c in cycles if c not in KNOWN_CYCLES) == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_folder_holds_page_scripts_only(path):
    nav = (ROOT / "pages" / "ui" / "shell.py").read_text(encoding="utf-8")  # app.py runs pages.ui.shell.run
    assert f'"pages/{path.name}"' in nav, f"{path.name} is in pages/ but is not a page of the app's navigation"


def test_known_cycles_still_exist():
    """The allowance above can only shrink: a cycle that is gone must be taken off the list."""
    for cycle in KNOWN_CYCLES:
        assert all(b in GRAPH[a] for a, b in zip(cycle, cycle[1:])), f"gone, remove from KNOWN_CYCLES: {cycle}"


def _widgets_without_placeholder(path: Path) -> list[str]:
    """The choice widgets of a page script that can show Streamlit's own English placeholder
    (``Choose options`` / ``Choose an option``): a multiselect, or a selectbox with ``index=None``,
    called without ``placeholder=``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        kwargs = {k.arg: k.value for k in node.keywords}
        unchosen = isinstance(kwargs.get("index"), ast.Constant) and kwargs["index"].value is None
        if (node.func.attr == "multiselect" or (node.func.attr == "selectbox" and unchosen)) and "placeholder" not in kwargs:
            found.append(f"{path.name}:{node.lineno}")
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "pages").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_choice_widgets_say_their_placeholder_in_the_pages_language(path):
    assert _widgets_without_placeholder(path) == []
