"""The suffix dispatch of ``import_file`` and the translation of foreign errors (always run)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from orientation.errors import ImportError_, MissingDependencyError, OrientationError
from orientation.io import (
    IMPORTERS,
    ImportResult,
    detect_format,
    import_bytes,
    import_file,
    importing,
)


def test_dispatch_table():
    assert IMPORTERS == {".ifc": "ifc", ".dxf": "dxf", ".zip": "imdf", ".geojson": "imdf",
                         ".json": "imdf", ".osm": "osm"}


@pytest.mark.parametrize("name", ["plan.pdf", "site.yaml", "model.rvt", "noext"])
def test_unknown_suffix_names_the_supported_ones(tmp_path, name):
    p = tmp_path / name
    p.write_text("x")
    with pytest.raises(OrientationError) as exc:
        import_file(p)
    msg = str(exc.value)
    for suffix in (".ifc", ".dxf", ".zip", ".osm", "IMDF folder"):
        assert suffix in msg
    assert str(p) in msg


def test_missing_file_and_plain_folder(tmp_path):
    with pytest.raises(ImportError_, match="no such file"):
        import_file(tmp_path / "nope.ifc")
    with pytest.raises(ImportError_, match="not an IMDF archive"):
        import_file(tmp_path)


def test_detect_format_imdf_folder(tmp_path):
    (tmp_path / "manifest.json").write_text("{}")
    assert detect_format(tmp_path) == "imdf"
    assert detect_format(tmp_path / "manifest.json") == "imdf"


@pytest.mark.parametrize("module, suffix, extra", [("ifcopenshell", ".ifc", "ifc"),
                                                   ("ezdxf", ".dxf", "dxf")])
def test_missing_optional_dependency(tmp_path, monkeypatch, module, suffix, extra):
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    p = tmp_path / f"x{suffix}"
    p.write_text("x")
    with pytest.raises(MissingDependencyError) as exc:
        import_file(p)
    assert f"orientation[{extra}]" in str(exc.value)


def test_foreign_exceptions_are_translated(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise KeyError("deep inside a parser")

    monkeypatch.setattr(importing, "_reader", lambda fmt: boom)
    p = tmp_path / "x.osm"
    p.write_text("<osm/>")
    with pytest.raises(ImportError_) as exc:
        import_file(p, contained=False)  # the patch lives in this process
    msg = str(exc.value)
    assert str(p) in msg and "KeyError" in msg and "report" in msg
    assert exc.value.__cause__ is None and exc.value.__suppress_context__


def test_invalid_result_is_reported_as_importer_bug(tmp_path, monkeypatch):
    def bad(*args, **kwargs):
        return {"format": "orientation/site@1", "site": {"name": "x"},
                "buildings": [{"id": "Bad Id", "name": "x", "footprint": [[0, 0], [1, 0], [1, 1]],
                               "storeys": [{"level": 0, "name": "0"}]}]}

    monkeypatch.setattr(importing, "_reader", lambda fmt: bad)
    p = tmp_path / "x.osm"
    p.write_text("<osm/>")
    with pytest.raises(ImportError_, match="importer bug"):
        import_file(p, contained=False)  # the patch lives in this process


def test_options_are_checked_before_reading(tmp_path):
    with pytest.raises(ImportError_, match="unknown units"):
        import_file(tmp_path / "x.dxf", units="furlong")
    with pytest.raises(ImportError_, match="unknown layer role"):
        import_file(tmp_path / "x.dxf", layers={"windows": "W"})


def test_import_bytes_rejects_loose_geojson_and_unknown():
    with pytest.raises(ImportError_, match=r"\.zip"):
        import_bytes(b"{}", name="unit.geojson")
    with pytest.raises(ImportError_, match="cannot import"):
        import_bytes(b"x", name="plan.pdf")


def test_import_bytes_names_the_upload_in_errors():
    with pytest.raises(ImportError_) as exc:
        import_bytes(b"<osm version='0.6'></osm>", name="campus.osm")
    assert str(exc.value).startswith("campus.osm:")
    assert "orientation-import-" not in str(exc.value)


def test_result_is_frozen(tmp_path):
    p = tmp_path / "x.osm"
    p.write_text("<osm version='0.6'>"
                 "<node id='1' lat='0' lon='0'/><node id='2' lat='0' lon='0.0002'/>"
                 "<node id='3' lat='0.0001' lon='0.0002'/><node id='4' lat='0.0001' lon='0'/>"
                 "<way id='5'><nd ref='1'/><nd ref='2'/><nd ref='3'/><nd ref='4'/><nd ref='1'/>"
                 "<tag k='building' v='yes'/></way></osm>")
    result = import_file(p)
    assert isinstance(result, ImportResult)
    with pytest.raises(AttributeError):
        result.site = None  # type: ignore[misc]
    assert isinstance(result.notes, tuple)
    assert {n.severity for n in result.notes} <= {"error", "warning", "info"}
    assert result.by_severity("error")[0].code == "no-doors"
    assert "error: " in str(result.by_severity("error")[0])


def test_io_package_exports():
    import orientation.io as io_pkg

    assert sorted(io_pkg.__all__) == sorted([
        "DEFAULT_IMPORT_LIMITS", "FORMATS", "IMPORTERS", "ImportLimits", "ImportNote",
        "ImportResult", "detect_format", "import_bytes", "import_file", "supported"])
    assert Path(io_pkg.__file__).name == "__init__.py"


def test_ids_are_valid_and_unique():
    import re

    from hypothesis import given
    from hypothesis import strategies as st

    from orientation.io._text import IdAllocator, slugify
    from orientation.model import ID_PATTERN

    @given(st.lists(st.one_of(st.none(), st.text(max_size=80)), max_size=30))
    def check(names):
        ids = IdAllocator()
        out = [ids.new("r", n) for n in names]
        assert len(set(out)) == len(out)
        assert all(re.match(ID_PATTERN, i) and len(i) <= 64 for i in out)

    check()
    assert slugify("Küche") == "kuche"
    assert IdAllocator().new("d", None, "", "2cXV28XOjE6f6irgi0COIY") == "d-2cxv28xoje6f6irgi0coiy"
