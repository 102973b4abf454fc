"""IFC import on the small MIT-licensed bim-whale TallBuilding model copied into tests/data
(always run when ifcopenshell is installed; see tests/data/README.md for its origin)."""

from __future__ import annotations

from pathlib import Path

import pytest

ifcopenshell = pytest.importorskip("ifcopenshell", reason="the 'ifc' extra is not installed")

from orientation.errors import ImportError_  # noqa: E402
from orientation.io import import_file  # noqa: E402
from orientation.io.ifc import _angle  # noqa: E402
from orientation.io.site_file import dump_site, site_from_bytes, site_from_data  # noqa: E402
from orientation.layout.geometry import geometry_problems, locate, outline  # noqa: E402

TALL = Path(__file__).parents[1] / "data" / "ifc" / "bim-whale-TallBuilding.ifc"


def assert_valid(result, file: str = "imported.yaml") -> None:
    site = site_from_data(result.site.model_dump(mode="json"), file=file)
    assert geometry_problems(site) == []
    assert site_from_bytes(dump_site(site).encode("utf-8"), name=file) == site


@pytest.fixture(scope="module")
def tall():
    return import_file(TALL)


def test_tall_building_storeys_and_units(tall):
    assert tall.format == "ifc"
    assert_valid(tall)
    (b,) = tall.site.buildings
    assert [(s.level, s.name) for s in b.storeys] == [
        (0, "Level 1"), (1, "Level 2"), (2, "Level 4"), (3, "Level 5"), (4, "Level 6")]
    # millimetre model: plan coordinates come out in metres
    xs = [p[0] for p in b.footprint]
    ys = [p[1] for p in b.footprint]
    assert 5 < max(xs) - min(xs) < 20 and 5 < max(ys) - min(ys) < 20
    assert all(abs(v) < 50 for v in xs + ys)
    assert sorted(d.width for d in b.doors) == [0.915, 0.915, 0.915, 0.915, 1.55]


def test_tall_building_exterior_doors_by_geometry(tall):
    # every door says IsExternal = False (a Revit default): geometry decides
    b = tall.site.buildings[0]
    exterior = [d for d in b.doors if d.kind.value != "inner"]
    assert len(exterior) == 3
    assert {d.kind.value for d in exterior} == {"entrance"}   # never an invented exit
    assert not any(d.main for d in b.doors)
    o = outline(b)
    assert all(locate(o, d.at).distance < 1e-6 for d in exterior)
    assert all(d.source_id and len(d.source_id) == 22 for d in b.doors)  # IFC GlobalIds
    assert "no-main-entrance" in tall.codes()
    note = next(n for n in tall.notes if n.code == "ifc-exterior-doors")
    assert "geometry (3)" in note.message


def test_tall_building_site_position_is_a_default(tall):
    assert tall.site.site.origin is None
    note = next(n for n in tall.notes if n.code == "origin-default")
    assert "Boston" in note.message and note.severity == "warning"


def test_tall_building_rooms(tall):
    rooms = tall.site.buildings[0].rooms
    assert len(rooms) == 3
    assert {r.name for r in rooms} == {"Room"}
    assert sorted(r.number for r in rooms) == ["10", "11", "12"]  # kept by default
    renumbered = import_file(TALL, renumber_rooms=True).site.buildings[0].rooms
    assert all(r.number is None for r in renumbered)


def test_fire_exit_and_is_external_flags(tmp_path):
    import ifcopenshell.api

    f = ifcopenshell.open(str(TALL))
    doors = sorted(f.by_type("IfcDoor"), key=lambda d: d.GlobalId)
    outside = [d for d in doors if "Outside" in (d.Name or "")]
    pset = ifcopenshell.api.run("pset.add_pset", f, product=outside[0], name="Pset_DoorCommon")
    ifcopenshell.api.run("pset.edit_pset", f, pset=pset, properties={"FireExit": True,
                                                                     "IsExternal": True})
    p = tmp_path / "flags.ifc"
    f.write(str(p))
    result = import_file(p)
    assert_valid(result)
    kinds = {d.source_id: d.kind.value for d in result.site.buildings[0].doors}
    assert kinds[outside[0].GlobalId] == "emergency_exit"
    assert kinds[outside[1].GlobalId] == "entrance"


def test_model_without_walls_or_spaces_is_refused(tmp_path):
    import ifcopenshell.guid

    f = ifcopenshell.file(schema="IFC4")
    f.createIfcProject(ifcopenshell.guid.new(), Name="Leer")
    p = tmp_path / "empty.ifc"
    f.write(str(p))
    with pytest.raises(ImportError_) as exc:
        import_file(p)
    assert str(p) in str(exc.value) and "outline" in str(exc.value)


def test_not_an_ifc_file(tmp_path):
    p = tmp_path / "broken.ifc"
    p.write_text("ISO-10303-21;\nthis is not STEP\n")
    with pytest.raises(ImportError_, match="not a readable IFC file"):
        import_file(p)


@pytest.mark.parametrize("value, degrees", [
    ((49, 6, 1, 566000), 49.100435), ((-71, -3, -24, -263305), -71.056740), ((0, 0, 0), 0.0),
    (None, None),
])
def test_compound_angle(value, degrees):
    got = _angle(value)
    assert got == degrees if degrees is None else abs(got - degrees) < 1e-6
