"""The public surface is small and explicit (house rule 2)."""

import orientation


def test_exported_members():
    assert sorted(orientation.__all__) == sorted([
        "OrientationError", "Plan", "PlanOptions", "Site", "SiteFileError", "__version__",
        "load_profile", "load_site", "load_site_bytes", "make_plan", "profile_names", "render",
        "render_outputs", "write_outputs",
    ])
    for name in orientation.__all__:
        assert hasattr(orientation, name), name


def test_model_does_not_import_shapely_or_renderers():
    import ast
    from pathlib import Path

    src = Path(orientation.__file__).parent
    for mod in ("model.py", "plan.py", "errors.py"):
        tree = ast.parse((src / mod).read_text())
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any("shapely" in n or "render" in n or "reportlab" in n for n in names), mod
    for path in (src / "layout").glob("*.py"):
        text = path.read_text()
        assert "render" not in {line.split()[1].split(".")[1] if line.startswith("from ..") and len(line.split()[1].split(".")) > 2 else "" for line in text.splitlines()}, path
        assert "from ..render" not in text and "import orientation.render" not in text, path


def test_lazy_exports_match_all():
    from orientation import _EXPORTS

    assert sorted([*_EXPORTS, "__version__"]) == sorted(orientation.__all__)
