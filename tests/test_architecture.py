"""Imports point one way: an ``ast`` walk of ``kg/``.

Every module of ``kg`` belongs to a unit (a package, or a few modules that
form one), and every unit to a layer. A module may import its own unit and
units of lower layers only; any import counts, also one inside a function.
Module-level imports (the ones that run when a module is imported) must
form no circle, within a unit too.

    0  ground floor: kg (the root), kg.errors, kg.config, kg.vocab, kg.ids,
       kg.models, kg.normalize
    1  kg.read, kg.extract (the extraction core), kg.rdf, kg.validate
    2  kg.lang (language plug-ins), kg.store
    3  kg.query, kg.resolve, kg.synth
    4  kg.analysis
    5  kg.export, kg.web
    6  kg.pipeline
    7  the command line: kg.cli, kg.__main__

Ranks moved from the plan of issue 13, where the code shows why:

* ``kg.normalize`` is ground floor: case folding and ``lookup_key`` make
  the ``kg:key`` of an entity, and extraction, ``kg.rdf``, ``kg.query``
  and ``kg.analysis`` must all compute it the same way.
* ``kg.export`` is at 5, not beside ``kg.analysis`` at 4: GraphML and GEXF
  are written from the networkx view that ``kg.analysis`` builds.
* ``kg.__main__`` is one unit with ``kg.cli``: it only calls ``kg.cli.main``.

Each unit of one layer stands alone: units of the same layer never import
each other (the store knows nothing of languages, the page nothing of
exports). The walker below is tested on synthetic trees: it finds a
circle, an upward import and a module with no layer.
"""
from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import kg

KG_DIR = Path(kg.__file__).resolve().parent
MAX_LINES = 400

# unit -> (layer, the modules and packages it is made of)
UNITS: dict[str, tuple[int, tuple[str, ...]]] = {
    "ground floor": (0, ("kg", "kg.errors", "kg.config", "kg.vocab", "kg.ids", "kg.models", "kg.normalize")),
    "reading": (1, ("kg.read",)),
    "extraction core": (1, ("kg.extract",)),
    "rdf": (1, ("kg.rdf",)),
    "validation": (1, ("kg.validate",)),
    "languages": (2, ("kg.lang",)),
    "store": (2, ("kg.store",)),
    "queries": (3, ("kg.query",)),
    "resolution": (3, ("kg.resolve",)),
    "synthetic corpora": (3, ("kg.synth",)),
    "analysis": (4, ("kg.analysis",)),
    "exports": (5, ("kg.export",)),
    "web": (5, ("kg.web",)),
    "library API": (6, ("kg.pipeline",)),
    "command line": (7, ("kg.cli", "kg.__main__")),
}


# --- the walker -----------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (or package: its __init__)
    line: int
    module_level: bool  # runs when ``source`` is imported (not inside a function)


@dataclass
class Report:
    modules: dict[str, Path]
    imports: list[Import]
    unplaced: list[str] = field(default_factory=list)
    upward: list[str] = field(default_factory=list)
    circles: list[tuple[str, ...]] = field(default_factory=list)


def module_names(root: Path) -> dict[str, Path]:
    """Dotted name -> file, for every ``.py`` under the package folder ``root``."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of ``name`` that is a module of the tree."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


class _Imports(ast.NodeVisitor):
    def __init__(self, name: str, path: Path, modules: dict[str, Path]):
        self.name, self.modules = name, modules
        self.package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        self.depth = 0  # functions we are inside
        self.found: list[Import] = []

    def add(self, target: str | None, node: ast.stmt) -> None:
        if target is not None and target != self.name:
            self.found.append(Import(self.name, target, node.lineno, self.depth == 0))

    def visit_FunctionDef(self, node) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.add(_resolve(alias.name, self.modules), node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            up = self.package.split(".")[: len(self.package.split(".")) - node.level + 1]
            base = ".".join(up + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        for alias in node.names:  # `from pkg import mod` imports the module pkg.mod
            full = f"{base}.{alias.name}"
            self.add(full if full in self.modules else _resolve(base, self.modules), node)


def unit_of(module: str, units: dict) -> str | None:
    """The unit whose longest module prefix names ``module``; the root
    package (``kg``) is a unit member by its exact name only."""
    best, length = None, -1
    for unit, (_, members) in units.items():
        for member in members:
            root = "." not in member
            if module == member or (not root and module.startswith(member + ".")):
                if len(member) > length:
                    best, length = unit, len(member)
    return best


def circles(imports: list[Import]) -> list[tuple[str, ...]]:
    """The strongly connected components (of more than one module) of the
    module-level import graph, each as a sorted tuple."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        if imp.module_level:
            graph.setdefault(imp.source, set()).add(imp.target)
            graph.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(tuple(sorted(component)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def analyse(root: Path, units: dict) -> Report:
    modules = module_names(root)
    imports = []
    for name, path in modules.items():
        walker = _Imports(name, path, modules)
        walker.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        imports += walker.found
    report = Report(modules, imports)
    report.unplaced = [m for m in modules if unit_of(m, units) is None]
    for imp in imports:
        a, b = unit_of(imp.source, units), unit_of(imp.target, units)
        if a is None or b is None or a == b:
            continue
        if units[b][0] >= units[a][0]:
            report.upward.append(f"{imp.source} (layer {units[a][0]}, {a}) imports {imp.target} "
                                 f"(layer {units[b][0]}, {b}) at line {imp.line}")
    report.circles = circles(imports)
    return report


# --- kg itself ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report() -> Report:
    return analyse(KG_DIR, UNITS)


def test_every_module_has_a_layer(report):
    assert len(report.modules) > 50
    assert report.unplaced == [], "add these to UNITS (and the docstring's table): " + ", ".join(report.unplaced)


def test_imports_point_down(report):
    assert report.upward == []


def test_no_import_circles(report):
    """None is allowed: the extraction core's last one (kg.nlp.doc <-> kg.nlp.ner) is gone."""
    assert report.circles == []


def test_no_module_over_400_lines(report):
    long = {name: n for name, path in report.modules.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_packages_say_what_they_own_and_may_import(report):
    """Every package has a docstring; a top-level one also says what it may import."""
    for name, path in report.modules.items():
        if path.name != "__init__.py":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        assert len(doc.split()) >= 8, f"{name} has no docstring saying what it owns"
        if name.count(".") == 1:
            assert "import" in doc, f"{name}'s docstring does not say what it may import"


def documented_layers() -> dict[int, str]:
    """Layer -> its line(s) in the table of this module's docstring."""
    out: dict[int, str] = {}
    layer = None
    for line in __doc__.split("Ranks moved")[0].splitlines():
        m = re.match(r" {4}(\d)  (.*)", line)
        if m:
            layer = int(m.group(1))
            out[layer] = m.group(2)
        elif layer is not None and line.startswith(" " * 7):
            out[layer] += " " + line.strip()
        else:
            layer = None
    return out


def test_the_layers_are_the_ones_documented():
    table = documented_layers()
    assert sorted(table) == sorted({layer for layer, _ in UNITS.values()})
    for unit, (layer, members) in UNITS.items():
        for member in members:
            assert re.search(rf"(?<![\w.]){re.escape(member)}(?![\w.])", table[layer]), \
                f"{member} ({unit}, layer {layer}) is not in the docstring's table"


# --- the walker on synthetic trees ----------------------------------------------------------

TOY_UNITS = {"low": (0, ("kg", "kg.low")), "mid": (1, ("kg.mid",)), "side": (1, ("kg.side",)),
             "top": (2, ("kg.top",))}


def tree(root: Path, files: dict[str, str]) -> Path:
    """A package ``kg`` under ``root`` with the given modules (path -> source)."""
    for rel, source in {"kg/__init__.py": '"""Toy."""\n', **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return root / "kg"


CLEAN = {
    "kg/low.py": "import os\n",
    "kg/mid/__init__.py": "from .core import thing\n",
    "kg/mid/core.py": "from ..low import os\nfrom kg import low\nthing = 1\n",
    "kg/side.py": "import kg.low\n",
    "kg/top.py": "from kg.mid import thing\nfrom . import side\n",
}


def test_a_clean_tree_passes(tmp_path):
    r = analyse(tree(tmp_path, CLEAN), TOY_UNITS)
    assert (r.unplaced, r.upward, r.circles) == ([], [], [])
    edges = {(i.source, i.target) for i in r.imports}
    assert {("kg.mid", "kg.mid.core"), ("kg.mid.core", "kg.low"), ("kg.top", "kg.mid"),
            ("kg.top", "kg.side"), ("kg.side", "kg.low")} <= edges


def test_an_upward_import_fails(tmp_path):
    r = analyse(tree(tmp_path, {**CLEAN, "kg/low.py": "def f():\n    from .top import x\n"}), TOY_UNITS)
    assert r.upward == ["kg.low (layer 0, low) imports kg.top (layer 2, top) at line 2"]
    assert r.circles == []  # inside a function: not a circle, but still upward


def test_an_import_between_units_of_one_layer_fails(tmp_path):
    r = analyse(tree(tmp_path, {**CLEAN, "kg/side.py": "from kg.mid.core import thing\n"}), TOY_UNITS)
    assert r.upward == ["kg.side (layer 1, side) imports kg.mid.core (layer 1, mid) at line 1"]


def test_a_circle_fails(tmp_path):
    files = {**CLEAN, "kg/mid/a.py": "from . import b\n", "kg/mid/b.py": "from .a import f\n"}
    r = analyse(tree(tmp_path, files), TOY_UNITS)
    assert r.circles == [("kg.mid.a", "kg.mid.b")]
    assert r.upward == []  # within one unit


def test_a_circle_through_a_package_init_fails(tmp_path):
    files = {**CLEAN, "kg/mid/core.py": "from kg.mid import other\nthing = 1\n", "kg/mid/other.py": "x = 1\n"}
    r = analyse(tree(tmp_path, files), TOY_UNITS)
    assert r.circles == []  # `from kg.mid import other` is the module kg.mid.other
    files["kg/mid/__init__.py"] = "from .core import thing\nvalue = 2\n"
    files["kg/mid/core.py"] = "from kg.mid import value\nthing = 1\n"  # a name of the package itself
    r = analyse(tree(tmp_path, files), TOY_UNITS)
    assert r.circles == [("kg.mid", "kg.mid.core")]


def test_imports_inside_functions_make_no_circle(tmp_path):
    files = {**CLEAN, "kg/mid/a.py": "def f():\n    from . import b\n", "kg/mid/b.py": "from . import a\n"}
    assert analyse(tree(tmp_path, files), TOY_UNITS).circles == []


def test_a_module_with_no_layer_fails(tmp_path):
    r = analyse(tree(tmp_path, {**CLEAN, "kg/extra/__init__.py": "", "kg/lowly.py": ""}), TOY_UNITS)
    assert r.unplaced == ["kg.extra", "kg.lowly"]  # kg.low is no prefix of kg.lowly; kg is exact only
