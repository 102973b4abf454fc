"""The import graph of ``src/orientation`` keeps the house's layering (house rule 17).

Data flows ``model <- io <- layout <- compose <- render <- pipeline <- cli/app``: an arrow
points from the module imported to the one importing it. The test reads every module with
:mod:`ast` and collects every import of the package, wherever it stands: at module level,
inside a function (the lazy imports), under ``if TYPE_CHECKING:`` (a type-only import is a
dependency too), relative (``from ..compose import signs``) or absolute
(``import orientation.compose.signs``, ``from orientation import render``); a name from the
package root's lazy exports counts as the module it comes from. Then every edge must be
allowed by the table below.

Layers and what each may import (besides itself):

=============  ===============================================  ===============================
layer          modules                                          may import
=============  ===============================================  ===============================
base           errors, defaults, runtime, fileio, fonts, geo,   base
               words / i18n (the catalogue), ``__version__``,
               _site_schema (generated data)
model          model, kinds, model_dispatch, model_din          base
values         profiles, style, plan                            base
io             io/                                              base, model
layout         layout/                                          base, model, io, values
edits          changes, edits, plan_edits (library edits)       base, model, io, values, layout
scene          render/scene.py (the page model)                 base
compose        compose/, exports, gis/                          base, values, layout, scene
render         render/ (the backends)                           base, scene
pipeline       pipeline, batch                                  all layers above
app            cli, cli_edit, __main__, report, schema_cache, everything
               the package root (its lazy public API)
=============  ===============================================  ===============================

So ``compose/`` and ``render/`` import nothing from ``model`` or ``io`` (compose draws from
the plan alone), ``layout`` never imports ``compose`` or ``render``, ``model`` and the
values know no stage, and the renderers know only the scene. Third-party rules ride along:
``model``, ``plan`` and ``errors`` know no shapely and no renderer, the start-up modules
(:data:`STARTUP`) import nothing heavy at module level.

A module in no layer fails the test (classify it here). Known back edges, edges the table
forbids but the code still has, are listed in :data:`KNOWN_BACK_EDGES` with the reason; the
list may only shrink: an edge not on it fails, and an entry whose edge is gone fails too
(remove it). ``test_the_checker_catches_a_back_edge`` shows the check failing on a forbidden
import in a synthetic tree.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "orientation"

LAYERS: dict[str, tuple[str, ...]] = {
    "base": ("errors", "defaults", "runtime", "fileio", "fonts", "geo", "words", "i18n",
             "__version__", "_site_schema"),
    "model": ("model", "kinds", "model_dispatch", "model_din"),
    "values": ("profiles", "style", "plan", "status"),
    "io": ("io",),
    "layout": ("layout",),
    "edits": ("changes", "edits", "plan_edits"),
    "scene": ("render.scene",),
    "compose": ("compose", "exports", "gis"),
    "render": ("render",),
    "pipeline": ("pipeline", "batch"),
    "app": ("cli", "cli_edit", "__main__", "report", "schema_cache", ""),
}

_BELOW_PIPELINE = ("base", "model", "values", "io", "layout", "edits", "scene", "compose",
                   "render")
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "base": ("base",),
    "model": ("base",),
    "values": ("base",),
    "io": ("base", "model"),
    "layout": ("base", "model", "io", "values"),
    "edits": ("base", "model", "io", "values", "layout"),
    "scene": ("base",),
    "compose": ("base", "values", "layout", "scene"),
    "render": ("base", "scene"),
    "pipeline": _BELOW_PIPELINE,
    "app": (*_BELOW_PIPELINE, "pipeline"),
}

#: Edges the table forbids that the code still has: (importer, imported) -> why it is here.
#: Only ever remove entries; the test fails on an entry whose edge is gone.
KNOWN_BACK_EDGES: dict[tuple[str, str], str] = {}

#: Third-party packages a module may not import, anywhere in it.
FORBIDDEN_THIRD_PARTY: dict[str, tuple[str, ...]] = {
    "model": ("shapely", "numpy", "reportlab", "fontTools", "rich"),
    "plan": ("shapely", "numpy", "reportlab", "fontTools", "rich", "pydantic"),
    "errors": ("shapely", "numpy", "reportlab", "fontTools", "rich", "pydantic", "yaml"),
    "render": ("shapely", "pydantic", "yaml"),
}

#: Modules on the path of ``orientation --help``, ``profiles`` and ``schema``: at module level
#: they import only the standard library and other start-up modules (heavy imports go inside
#: the function that needs them).
STARTUP = ("", "__main__", "cli", "defaults", "errors", "report", "runtime", "fileio",
           "schema_cache", "_site_schema")
HEAVY = ("pydantic", "pydantic_core", "shapely", "numpy", "reportlab", "fontTools", "rich",
         "yaml", "ruamel", "pyproj", "ezdxf", "ifcopenshell", "streamlit")


@dataclass(frozen=True)
class Edge:
    importer: str   # module inside the package, relative: "layout.sizing"; "" for the root
    imported: str   # module of the package imported, or "!thirdparty" for another package
    line: int
    module_level: bool


def _modules(root: Path) -> dict[str, Path]:
    out = {}
    for p in sorted(root.rglob("*.py")):
        parts = list(p.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _lazy_exports(root: Path) -> dict[str, str]:
    """The package root's ``_EXPORTS`` table (name -> module), read without importing it."""
    init = root / "__init__.py"
    if not init.exists():
        return {}
    for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_EXPORTS"
                                                for t in node.targets):
            value = ast.literal_eval(node.value)
            return {str(k): str(v) for k, v in value.items()}
    return {}


def _module_level_nodes(tree: ast.Module) -> set[int]:
    """ids of the import nodes that run when the module is imported (not inside a function;
    ``if TYPE_CHECKING:`` blocks never run)."""
    ids: set[int] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for n in nodes:
            if isinstance(n, (ast.Import, ast.ImportFrom)):
                ids.add(id(n))
            elif isinstance(n, ast.If):
                test = ast.unparse(n.test)
                if "TYPE_CHECKING" not in test:
                    visit(n.body)
                visit(n.orelse)
            elif isinstance(n, (ast.Try, ast.With)):
                for block in ("body", "handlers", "orelse", "finalbody"):
                    for item in getattr(n, block, []):
                        visit(item.body if isinstance(item, ast.ExceptHandler) else [item])
            # def / class bodies: not at import time (class bodies are, but hold no imports here)

    visit(tree.body)
    return ids


def import_graph(root: Path, package: str = "orientation") -> list[Edge]:
    """Every import in the package at ``root``, resolved to the module it loads."""
    modules = _modules(root)
    exports = _lazy_exports(root)
    edges: list[Edge] = []
    for name, path in modules.items():
        is_pkg = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        top = _module_level_nodes(tree)
        here = [package, *name.split(".")] if name else [package]
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here if is_pkg else here[:-1]
                    base = base[:len(base) - (node.level - 1)]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                for a in node.names:
                    sub = f"{mod}.{a.name}"
                    rel = sub[len(package) + 1:] if sub.startswith(package + ".") else None
                    if rel is not None and rel in modules:
                        targets.append(sub)
                    elif mod == package and a.name == "__version__":
                        targets.append(f"{package}.__version__")
                    elif mod == package and a.name in exports:
                        targets.append(f"{package}.{exports[a.name]}")
                    else:
                        targets.append(mod)
            else:
                continue
            for t in targets:
                if t == package or t.startswith(package + "."):
                    imported = t[len(package) + 1:] if t != package else ""
                else:
                    imported = "!" + t.split(".")[0]
                edges.append(Edge(name, imported, node.lineno, id(node) in top))
    return edges


def layer_of(module: str) -> str | None:
    """The layer of a module (longest matching entry: ``render.scene`` before ``render``)."""
    best: tuple[int, str] | None = None
    for layer, names in LAYERS.items():
        for n in names:
            matches = module == n or (n and module.startswith(n + "."))
            if matches and (best is None or len(n) > best[0]):
                best = (len(n), layer)
    return None if best is None else best[1]


def violations(root: Path, known: dict[tuple[str, str], str] | None = None) -> list[str]:
    """What breaks the rules in the package at ``root``, one line each (a module in no layer,
    a forbidden edge); ``known`` back edges are let through."""
    known = KNOWN_BACK_EDGES if known is None else known
    bad = [f"orientation.{m or '__init__'} is in no layer; add it to LAYERS"
           for m in _modules(root) if layer_of(m) is None]
    for e in import_graph(root):
        src = layer_of(e.importer)
        if src is None:
            continue  # reported above
        shown = f"orientation.{e.importer or '__init__'} (line {e.line})"
        if e.imported.startswith("!"):
            pkg = e.imported[1:]
            for prefix, banned in FORBIDDEN_THIRD_PARTY.items():
                if (e.importer == prefix or e.importer.startswith(prefix + ".")) \
                        and pkg in banned:
                    bad.append(f"{shown} imports {pkg}, which {prefix} may not use")
            if e.module_level and e.importer in STARTUP and pkg in HEAVY:
                bad.append(f"{shown} imports {pkg} at module level; it is on the start-up "
                           "path: import it inside the function that needs it")
            continue
        dst = layer_of(e.imported)
        if dst is None:
            bad.append(f"{shown} imports orientation.{e.imported}, which is in no layer")
            continue
        if e.module_level and e.importer in STARTUP and e.imported not in STARTUP \
                and e.imported != "__version__":
            bad.append(f"{shown} imports orientation.{e.imported} at module level; it is on "
                       "the start-up path: import it inside the function that needs it")
        if src == dst or dst in MAY_IMPORT[src]:
            continue
        if (e.importer, e.imported) in known:
            continue
        bad.append(f"{shown} imports orientation.{e.imported}: {src} may not import {dst} "
                   f"(it may import {', '.join(MAY_IMPORT[src])})")
    return sorted(set(bad))


# -- the real tree ---------------------------------------------------------------------------


def test_every_module_has_a_layer():
    unclassified = [m for m in _modules(SRC) if layer_of(m) is None]
    assert not unclassified, f"classify these in LAYERS: {unclassified}"


def test_the_import_graph_keeps_the_layers():
    bad = violations(SRC)
    assert not bad, "imports against the layering:\n  " + "\n  ".join(bad)


def test_known_back_edges_only_shrink():
    edges = {(e.importer, e.imported) for e in import_graph(SRC)}
    gone = [k for k in KNOWN_BACK_EDGES if k not in edges]
    assert not gone, f"these back edges are gone: remove them from KNOWN_BACK_EDGES: {gone}"


def test_compose_and_render_import_nothing_from_model_or_io():
    bad = [f"{e.importer} -> {e.imported}" for e in import_graph(SRC)
           if layer_of(e.importer) in ("compose", "render", "scene")
           and layer_of(e.imported) in ("model", "io")]
    assert not bad, bad


def test_the_graph_sees_lazy_and_type_only_imports():
    """A sanity check on the reader itself, on the real tree: the pipeline's lazy imports of
    compose and render (inside a function) are edges."""
    edges = {(e.importer, e.imported) for e in import_graph(SRC)}
    assert ("pipeline", "render.pdf") in edges
    assert ("cli", "pipeline") in edges


# -- the checker can fail ----------------------------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "orientation"
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    for d in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        (d / "__init__.py").touch()
    return root


_CLEAN = {
    "errors.py": "class OrientationError(Exception): ...\n",
    "model.py": "from .errors import OrientationError\n",
    "plan.py": "from .errors import OrientationError\n",
    "layout/sizing.py": "from ..plan import x\nfrom ..model import y\n",
    "render/scene.py": "",
    "compose/signs.py": "from ..plan import x\nfrom ..render.scene import Page\n",
}


def test_a_clean_synthetic_tree_passes(tmp_path):
    assert violations(_tree(tmp_path, _CLEAN), known={}) == []


@pytest.mark.parametrize(("where", "source", "expected"), [
    # the example: layout/sizing.py importing from compose
    ("layout/sizing.py", "from ..compose.signs import sign_page\n",
     "orientation.layout.sizing (line 3) imports orientation.compose.signs: layout may not "
     "import compose"),
    ("layout/sizing.py", "def f():\n    from orientation.compose import signs\n",
     "imports orientation.compose.signs: layout may not import compose"),
    ("layout/sizing.py", "import orientation.render.scene as s\n",
     "imports orientation.render.scene: layout may not import scene"),
    ("compose/signs.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
     "    from ..model import Site\n", "imports orientation.model: compose may not import model"),
    ("render/svg.py", "from ..compose import signs\n",
     "imports orientation.compose.signs: render may not import compose"),
    ("model.py", "import shapely\n", "imports shapely, which model may not use"),
    ("cli.py", "import pydantic\n", "imports pydantic at module level; it is on the start-up"),
    ("cli.py", "from .model import Site\n", "imports orientation.model at module level"),
    ("newthing.py", "", "orientation.newthing is in no layer"),
])
def test_the_checker_catches_a_back_edge(tmp_path, where, source, expected):
    files = dict(_CLEAN)
    files[where] = files.get(where, "") + source
    found = violations(_tree(tmp_path, files), known={})
    assert any(expected in v for v in found), found


def test_a_known_back_edge_is_let_through_but_only_that_one(tmp_path):
    files = dict(_CLEAN)
    files["compose/signs.py"] += "from ..model import Site\nfrom ..io import x\n"
    found = violations(_tree(tmp_path, files), known={("compose.signs", "model"): "being removed"})
    assert found == ["orientation.compose.signs (line 4) imports orientation.io: compose may "
                     "not import io (it may import base, values, layout, scene)"]
