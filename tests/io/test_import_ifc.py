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
    # Level 6 holds only the roof: it is left out (see the test below)
    assert [(s.level, s.name) for s in b.storeys] == [
        (0, "Level 1"), (1, "Level 2"), (2, "Level 4"), (3, "Level 5")]
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


# --- small models built here: storeys, uses, stairs and lifts as the model has them ---------

from collections import Counter  # noqa: E402

from shapely.geometry import Polygon, box  # noqa: E402

from orientation.io._geometry import largest_polygon  # noqa: E402
from orientation.io._notes import Notes  # noqa: E402
from orientation.io.ifc import read_ifc_drafts  # noqa: E402


class Model:
    """A small IFC4 model in metres: storeys, and elements as boxes (plan rectangle, height
    range) filed under a storey (spaces aggregated, as ArchiCAD does; the rest contained)."""

    def __init__(self, building: str = "Schule"):
        import ifcopenshell.api

        self.api = ifcopenshell.api
        self.f = f = ifcopenshell.api.run("project.create_file", version="IFC4")
        project = self.run("root.create_entity", ifc_class="IfcProject", name="Test")
        self.run("unit.assign_unit", units=[self.run("unit.add_si_unit", unit_type="LENGTHUNIT")])
        model = self.run("context.add_context", context_type="Model")
        self.body = self.run("context.add_context", context_type="Model",
                             context_identifier="Body", target_view="MODEL_VIEW", parent=model)
        site = self.run("root.create_entity", ifc_class="IfcSite", name="Gelände")
        self.building = self.run("root.create_entity", ifc_class="IfcBuilding", name=building)
        self.run("aggregate.assign_object", relating_object=project, products=[site])
        self.run("aggregate.assign_object", relating_object=site, products=[self.building])
        from ifcopenshell.util.shape_builder import ShapeBuilder

        self.builder = ShapeBuilder(f)

    def run(self, usecase: str, /, **kw):
        return self.api.run(usecase, self.f, **kw)

    def storey(self, name: str, elevation: float):
        s = self.run("root.create_entity", ifc_class="IfcBuildingStorey", name=name)
        s.Elevation = elevation
        self.run("aggregate.assign_object", relating_object=self.building, products=[s])
        return s

    def box(self, ifc_class: str, storey, x0, y0, x1, y1, z0, z1, name=None,
            predefined_type=None, **attrs):
        import numpy as np

        kw = {"predefined_type": predefined_type} if predefined_type else {}
        el = self.run("root.create_entity", ifc_class=ifc_class, name=name, **kw)
        for k, v in attrs.items():
            setattr(el, k, v)
        curve = self.builder.polyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], closed=True)
        solid = self.builder.extrude(curve, z1 - z0, position=(0.0, 0.0, z0))
        rep = self.builder.get_representation(self.body, [solid])
        self.run("geometry.assign_representation", product=el, representation=rep)
        self.run("geometry.edit_object_placement", product=el, matrix=np.eye(4))
        if storey is not None:
            if ifc_class == "IfcSpace":
                self.run("aggregate.assign_object", relating_object=storey, products=[el])
            else:
                self.run("spatial.assign_container", relating_structure=storey, products=[el])
        return el

    def walls(self, storey, x0, y0, x1, y1, z0, z1, t: float = 0.3):
        """Four walls whose outer faces are the rectangle."""
        for r in ((x0, y0, x1, y0 + t), (x0, y1 - t, x1, y1), (x0, y0, x0 + t, y1),
                  (x1 - t, y0, x1, y1)):
            self.box("IfcWall", storey, *r, z0, z1)

    def write(self, path: Path) -> Path:
        self.f.write(str(path))
        return path


def drafts_of(path: Path):
    notes = Notes()
    return read_ifc_drafts(path, file=str(path), notes=notes, keep_room_numbers=True), notes


def content_storeys(path: Path) -> list[str]:
    """The storeys of the file that hold a space, door, window, stair or lift (read from the
    file, not from the importer)."""
    import ifcopenshell.util.element as uel

    f = ifcopenshell.open(str(path))
    kinds = ("IfcSpace", "IfcDoor", "IfcWindow", "IfcStair", "IfcStairFlight",
             "IfcTransportElement")
    out = []
    for s in sorted(f.by_type("IfcBuildingStorey"), key=lambda s: s.Elevation or 0.0):
        held = [e for rel in s.ContainsElements or () for e in rel.RelatedElements]
        held += uel.get_decomposition(s)
        if any(e.is_a(k) for e in held for k in kinds):
            out.append(s.Name)
    return out


def test_tall_building_keeps_the_storeys_the_file_fills(tall):
    """Level 6 holds only the roof: it becomes no storey plan (nothing was given to it)."""
    filled = content_storeys(TALL)
    assert filled == ["Level 1", "Level 2", "Level 4", "Level 5"]
    (b,) = tall.site.buildings
    assert [s.name for s in b.storeys] == filled
    note = next(n for n in tall.notes if n.code == "storeys-empty")
    assert "Level 6" in note.message
    d, _ = drafts_of(TALL)
    (draft,) = d.buildings
    used = ({r.level for r in draft.rooms} | {x.level for x in draft.doors}
            | {w.level for w in draft.windows} | {lv for s in draft.stairs for lv in s.levels}
            | {f.level for f in draft.features})
    assert used == {0, 1, 2, 3}


def test_room_uses_from_the_space_words_and_one_note_for_the_rest(tmp_path):
    m = Model()
    eg = m.storey("EG", 0.0)
    m.walls(eg, 0, 0, 20, 10, 0, 3)
    m.box("IfcSpace", eg, 0.3, 0.3, 4, 5, 0, 2.5, name="0.01", LongName="WC Damen")
    m.box("IfcSpace", eg, 4.2, 0.3, 8, 5, 0, 2.5, name="0.02", LongName="Chemikalienlager",
          ObjectType="Lager")
    m.box("IfcSpace", eg, 8.2, 0.3, 12, 5, 0, 2.5, name="0.03", LongName="Wohnen")
    m.box("IfcSpace", eg, 12.2, 0.3, 16, 5, 0, 2.5, name="0.04", LongName="Treppenhaus")
    m.box("IfcSpace", eg, 16.2, 0.3, 19.7, 5, 0, 2.5, name="0.05", LongName="Büro")
    m.box("IfcSpace", eg, 0.3, 5.2, 19.7, 9.7, 0, 2.5, name="0.06", LongName="Wohnen")
    p = m.write(tmp_path / "uses.ifc")

    d, notes = drafts_of(p)
    (b,) = d.buildings
    rooms = {r.name: r for r in b.rooms}
    assert {n: (r.use.value if r.use else None) for n, r in rooms.items()} == {
        "WC Damen": "toilet", "Chemikalienlager": "chemicals", "Wohnen": None,
        "Treppenhaus": "stair", "Büro": "office"}
    assert rooms["Treppenhaus"].number is None          # a shaft is not numbered
    assert rooms["Büro"].number == "0.05"
    (note,) = [n for n in notes.items if n.code == "ifc-uses-unmapped"]
    assert dict(note.params)["n"] == 2 and dict(note.params)["total"] == 6
    assert "'Wohnen' (2)" in note.message and "'Wohnen' (2)" in note.text("de")

    site = import_file(p).site                          # end to end: the site has the uses
    uses = Counter(r.use.value if r.use else None for r in site.buildings[0].rooms)
    assert uses == Counter({None: 2, "toilet": 1, "chemicals": 1, "stair": 1, "office": 1})
    assert next(r for r in site.buildings[0].rooms if r.use and r.use.value == "stair").is_shaft


def test_storey_outlines_from_floor_slabs_else_spaces(tmp_path):
    """EG 20 x 10 m; the OG over the west half only (its floor slab and walls); the DG with
    spaces but no slab; a roof slab does not count as a floor."""
    m = Model()
    eg, og, dg = m.storey("EG", 0.0), m.storey("OG", 3.0), m.storey("DG", 6.0)
    m.walls(eg, 0, 0, 20, 10, 0, 3)
    m.box("IfcSlab", eg, 0, 0, 20, 10, -0.2, 0.0, predefined_type="BASESLAB")
    m.box("IfcSpace", eg, 0.3, 0.3, 19.7, 9.7, 0, 2.8, name="0.01", LongName="Flur")
    m.walls(og, 0, 0, 10, 10, 3, 6)
    m.box("IfcSlab", og, 0, 0, 10, 10, 2.8, 3.0, predefined_type="FLOOR")
    m.box("IfcSlab", og, 10, 0, 20, 10, 3.0, 3.25, predefined_type="ROOF")  # east half's roof
    m.box("IfcSpace", og, 0.3, 0.3, 9.7, 9.7, 3, 5.8, name="1.01", LongName="Büro")
    m.box("IfcSpace", dg, 0.3, 0.3, 4.9, 9.7, 6, 8, name="2.01", LongName="Büro")
    m.box("IfcSpace", dg, 5.1, 0.3, 9.7, 9.7, 6, 8, name="2.02", LongName="Büro")
    p = m.write(tmp_path / "outlines.ifc")

    d, _ = drafts_of(p)
    (b,) = d.buildings
    o = b.storey_outlines
    assert sorted(o) == [0, 1, 2]
    assert o[0].symmetric_difference(box(0, 0, 20, 10)).area < 0.5      # the footprint
    assert o[1].symmetric_difference(box(0, 0, 10, 10)).area < 0.5      # slab and walls
    assert o[2].symmetric_difference(box(0.3, 0.3, 9.7, 9.7)).area < 0.5  # spaces, closed
    assert not o[2].interiors

    (site_b,) = import_file(p).site.buildings
    storeys = {s.level: s for s in site_b.storeys}
    assert storeys[0].outline is None                   # the same as the footprint
    assert Polygon(storeys[1].outline).area == pytest.approx(100.0, abs=1.0)
    assert Polygon(storeys[2].outline).area == pytest.approx(87.4, abs=1.0)


def test_storeys_with_nothing_on_them_get_nothing(tmp_path):
    """A foundation storey with footings, a roof storey with the roof: neither is given a
    room, door, window, stair or lift by the reader, and the site leaves them out."""
    m = Model()
    fdn, eg, og = m.storey("T/FDN", -1.0), m.storey("EG", 0.0), m.storey("OG", 3.0)
    roof = m.storey("Roof", 6.0)
    m.box("IfcFooting", fdn, 0, 0, 20, 10, -1.0, -0.2)
    m.walls(eg, 0, 0, 20, 10, 0, 3)
    m.box("IfcSpace", eg, 0.3, 0.3, 19.7, 9.7, 0, 2.8, name="0.01", LongName="Flur")
    m.box("IfcStair", eg, 2, 2, 4, 6, 0, 3.0, name="Treppe 1")
    m.walls(og, 0, 0, 20, 10, 3, 6)
    m.box("IfcSpace", og, 0.3, 0.3, 19.7, 9.7, 3, 5.8, name="1.01", LongName="Flur")
    m.box("IfcSlab", roof, 0, 0, 20, 10, 6.0, 6.3, predefined_type="ROOF")
    p = m.write(tmp_path / "storeys.ifc")
    assert content_storeys(p) == ["EG", "OG"]

    d, _ = drafts_of(p)
    (b,) = d.buildings
    assert [n for _, n in b.storeys] == ["T/FDN", "EG", "OG", "Roof"]
    levels = {n: lv for lv, n in b.storeys}
    used = ({r.level for r in b.rooms} | {x.level for x in b.doors}
            | {w.level for w in b.windows} | {lv for s in b.stairs for lv in s.levels}
            | {lv for f in b.features for lv in (f.levels or [f.level])})
    assert used == {levels["EG"], levels["OG"]}
    assert [s.levels for s in b.stairs] == [[0, 1]]

    r = import_file(p)
    (site_b,) = r.site.buildings
    assert [s.name for s in site_b.storeys] == content_storeys(p)
    assert "storeys-empty" in r.codes()


def test_a_stair_modelled_storey_by_storey_is_one_stair(tmp_path):
    m = Model()
    eg, og, dg = m.storey("EG", 0.0), m.storey("OG", 3.0), m.storey("DG", 6.0)
    for s, z in ((eg, 0.0), (og, 3.0), (dg, 6.0)):
        m.walls(s, 0, 0, 20, 10, z, z + 3)
        m.box("IfcSpace", s, 6, 0.3, 19.7, 9.7, z, z + 2.8, name=f"{int(z / 3)}.01",
              LongName="Flur")
    m.box("IfcStair", eg, 1, 1, 3, 5, 0.0, 3.0, name="Haupttreppe")
    m.box("IfcStair", og, 1, 1, 3, 5, 3.0, 6.0, name="Haupttreppe OG")
    m.box("IfcStair", eg, 3.5, 6, 5.5, 9.5, 0.0, 3.0, name="Nebentreppe")  # EG to OG only
    p = m.write(tmp_path / "stairs.ifc")

    d, _ = drafts_of(p)
    (b,) = d.buildings
    got = sorted((s.name, s.levels) for s in b.stairs)
    assert got == [("Haupttreppe", [0, 1, 2]), ("Nebentreppe", [0, 1])]
    (site_b,) = import_file(p).site.buildings
    assert sorted(s.levels for s in site_b.stairs) == [(0, 1), (0, 1, 2)]


def test_lifts_are_one_elevator_feature_over_their_storeys(tmp_path):
    """A lift modelled as its shaft (all storeys), a cabin in shaft spaces on two storeys,
    and a lift known only from its shaft spaces."""
    m = Model()
    storeys = [m.storey("EG", 0.0), m.storey("OG", 3.0), m.storey("DG", 6.0)]
    for s, z in zip(storeys, (0.0, 3.0, 6.0)):
        m.walls(s, 0, 0, 20, 10, z, z + 3)
        m.box("IfcSpace", s, 8, 0.3, 19.7, 9.7, z, z + 2.8, name=f"{int(z / 3)}.01",
              LongName="Flur")
    m.box("IfcTransportElement", storeys[0], 1, 1, 3, 3, 0.0, 9.5, name="Aufzug A",
          predefined_type="ELEVATOR")
    for s, z in zip(storeys[:2], (0.0, 3.0)):
        m.box("IfcSpace", s, 4, 1, 6, 3, z, z + 2.8, name=f"{int(z / 3)}.90", LongName="Aufzug B")
    m.box("IfcTransportElement", storeys[0], 4.2, 1.2, 5.8, 2.8, 0.0, 2.4, name="Kabine B",
          predefined_type="ELEVATOR")
    for s, z in zip(storeys[1:], (3.0, 6.0)):
        m.box("IfcSpace", s, 4, 5, 6, 7, z, z + 2.8, name=f"{int(z / 3)}.91", LongName="Aufzug C")
    m.box("IfcTransportElement", storeys[0], 1, 6, 3, 8, 0.0, 2.0, name="Kran",
          predefined_type="CRANEWAY")
    p = m.write(tmp_path / "lifts.ifc")

    d, notes = drafts_of(p)
    (b,) = d.buildings
    got = sorted((f.kind.value, f.name, f.levels) for f in b.features)
    assert got == [("elevator", "Aufzug A", [0, 1, 2]), ("elevator", "Aufzug C", [1, 2]),
                   ("elevator", "Kabine B", [0, 1])]
    shafts = [r for r in b.rooms if r.use is not None and r.use.value == "lift"]
    assert len(shafts) == 4 and all(r.number is None for r in shafts)
    (note,) = [n for n in notes.items if n.code == "ifc-shafts-only"]
    assert dict(note.params) == {"stairs": 0, "lifts": 1}

    (site_b,) = import_file(p).site.buildings
    assert sorted(f.served_levels for f in site_b.features) == [(0, 1), (0, 1, 2), (1, 2)]


def test_separate_wings_become_buildings_of_their_own(tmp_path):
    """Two wings 8 m apart in one IfcBuilding; the upper storey over the west wing only."""
    m = Model("Campus")
    eg, og = m.storey("EG", 0.0), m.storey("OG", 3.0)
    m.walls(eg, 0, 0, 10, 10, 0, 3)
    m.box("IfcSpace", eg, 0.3, 0.3, 9.7, 9.7, 0, 2.8, name="0.01", LongName="Flur")
    m.walls(eg, 18, 0, 30, 10, 0, 3)
    m.box("IfcSpace", eg, 18.3, 0.3, 29.7, 9.7, 0, 2.8, name="0.02", LongName="Mensa")
    m.walls(og, 0, 0, 10, 10, 3, 6)
    m.box("IfcSpace", og, 0.3, 0.3, 9.7, 9.7, 3, 5.8, name="1.01", LongName="Büro")
    m.box("IfcWall", eg, 14, 4, 14.2, 4.5, 0, 1)       # a stub between them: no building
    p = m.write(tmp_path / "wings.ifc")

    d, notes = drafts_of(p)
    assert [b.name for b in d.buildings] == ["Campus (1)", "Campus (2)"]  # the larger first
    east, west = d.buildings
    assert {r.name for r in west.rooms} == {"Flur", "Büro"}
    assert {r.name for r in east.rooms} == {"Mensa"}
    assert west.footprint.bounds[2] <= 10.01
    assert largest_polygon(east.footprint)[0].bounds[0] >= 17.99  # the stub is a sliver of it
    assert "ifc-building-parts" in [n.code for n in notes.items]

    r = import_file(p)
    got = [(b.name, [s.name for s in b.storeys]) for b in r.site.buildings]
    assert got == [("Campus (1)", ["EG"]), ("Campus (2)", ["EG", "OG"])]
