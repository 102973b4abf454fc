"""Acceptance of the IFC and IMDF readers on real buildings drawn by others
(``../shared/data``): what the building is - its storeys, room uses, stairs and lifts -
counted against the source, which each test parses itself.

Skipped with a reason when the folder (a sibling of the repository) is absent; what is known
about each file is in ``../shared/data/README.md``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from shapely.geometry import shape

from conftest import imported, need
from orientation.io._notes import Notes

SHARED = Path(__file__).parents[2] / ".." / "shared" / "data"

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED.resolve()} is absent: real "
                       "building files are not available here"),
]

#: The kinds of IFC element that put something on a storey plan.
CONTENT = ("IfcSpace", "IfcDoor", "IfcWindow", "IfcStair", "IfcStairFlight",
           "IfcTransportElement")


def use_counts(buildings) -> Counter:
    return Counter(r.use.value if r.use else None for b in buildings for r in b.rooms)


# --- IFC ------------------------------------------------------------------------------------

def ifc_source(rel: str):
    """The file as ifcopenshell reads it, and its storeys in elevation order with what each
    holds (by kind)."""
    ifcopenshell = pytest.importorskip("ifcopenshell")
    import ifcopenshell.util.element as uel

    f = ifcopenshell.open(str(need(rel)))
    storeys = []
    for s in sorted(f.by_type("IfcBuildingStorey"), key=lambda s: s.Elevation or 0.0):
        held = {e for rel_ in s.ContainsElements or () for e in rel_.RelatedElements}
        held |= set(uel.get_decomposition(s))
        storeys.append((s.Name, Counter(e.is_a() for e in held)))
    return f, storeys


def filled(storeys) -> list[str]:
    return [name for name, held in storeys if any(held[k] for k in CONTENT)]


def test_fzk_haus_storeys_uses_and_stair():
    f, storeys = ifc_source("ifc/fzk-haus/AC20-FZK-Haus.ifc")
    assert filled(storeys) == ["Erdgeschoss", "Dachgeschoss"]
    r = imported("ifc/fzk-haus/AC20-FZK-Haus.ifc")
    (b,) = r.site.buildings
    assert [s.name for s in b.storeys] == filled(storeys)
    assert all(s.outline is None for s in b.storeys)     # both cover the footprint
    # uses, from the spaces' LongNames: Flur, Küche, Buero, Bad; Wohnen, Schlafzimmer, Galerie
    # name none that the keywords know
    spaces = f.by_type("IfcSpace")
    assert len(b.rooms) == len(spaces) == 7
    assert use_counts(r.site.buildings) == Counter(
        {None: 3, "corridor": 1, "kitchen": 1, "office": 1, "toilet": 1})
    note = next(n for n in r.notes if n.code == "ifc-uses-unmapped")
    assert "'Bad'" not in note.message
    for name in ("Wohnen", "Schlafzimmer", "Galerie"):
        assert f"'{name}'" in note.message
    assert f"of {len(spaces)} spaces" in note.message
    # the one spiral stair spans both storeys; there is no lift
    assert len(f.by_type("IfcStair")) == 1 and [s.levels for s in b.stairs] == [(0, 1)]
    assert not f.by_type("IfcTransportElement") and b.features == ()


def test_bim_whale_tall_building_leaves_out_the_roof_storey():
    f, storeys = ifc_source("ifc/bim-whale/TallBuilding.ifc")
    # Level 6 holds only the roof and its slab
    assert [n for n, _ in storeys] == ["Level 1", "Level 2", "Level 4", "Level 5", "Level 6"]
    assert filled(storeys) == ["Level 1", "Level 2", "Level 4", "Level 5"]
    r = imported("ifc/bim-whale/TallBuilding.ifc")
    (b,) = r.site.buildings
    assert [s.name for s in b.storeys] == filled(storeys)
    assert "Level 6" in next(n for n in r.notes if n.code == "storeys-empty").message
    assert all(s.outline is None for s in b.storeys)     # every slab covers the footprint
    assert len(b.rooms) == len(f.by_type("IfcSpace")) == 3
    assert use_counts(r.site.buildings) == Counter({None: 3})   # all named "Room"


def test_bim_whale_large_building_two_wings():
    """The ground storey is two wings 7.5 m apart (one IfcBuilding); Level 2 stands over the
    west wing only (its walls, floor slab and 14 windows), the east wing has its roof there."""
    f, storeys = ifc_source("ifc/bim-whale/LargeBuilding.ifc")
    assert filled(storeys) == ["Level 1", "Level 2"]
    r = imported("ifc/bim-whale/LargeBuilding.ifc")
    assert "ifc-building-parts" in r.codes() and "footprint-parts" not in r.codes()
    wings = r.site.buildings
    assert [b.name for b in wings] == ["LargeBuilding (1)", "LargeBuilding (2)"]
    assert sorted({s.name for b in wings for s in b.storeys}) == filled(storeys)
    by_storeys = sorted((tuple(s.name for s in b.storeys), len(b.rooms)) for b in wings)
    assert by_storeys == [(("Level 1",), 4), (("Level 1", "Level 2"), 4)]
    assert sum(len(b.rooms) for b in wings) == len(f.by_type("IfcSpace")) == 8
    assert sum(len(b.doors) for b in wings) == len(f.by_type("IfcDoor")) == 18
    assert sum(1 for b in wings for d in b.doors if d.kind.value != "inner") == 10
    west = next(b for b in wings if len(b.storeys) == 2)
    level2 = [w for w in west.windows if w.level == 1]
    assert len(level2) == storeys[1][1]["IfcWindow"] == 14
    assert "door-off-outline" not in r.codes()           # every exterior door is kept


# --- IMDF -----------------------------------------------------------------------------------

def imdf_source(rel: str) -> dict[str, list[dict]]:
    folder = need(rel)
    out = {}
    for name in ("level", "unit", "building"):
        p = folder / f"{name}.geojson"
        out[name] = json.loads(p.read_text("utf-8"))["features"] if p.is_file() else []
    return out


@pytest.fixture(scope="module")
def spbpu():
    return imdf_source("imdf/spbstu"), imported("imdf/spbstu")


@pytest.fixture(scope="module")
def littleton():
    return imdf_source("imdf/ibm-littleton"), imported("imdf/ibm-littleton")


def test_spbpu_uses_by_unit_category(spbpu):
    src, r = spbpu
    cats = Counter(u["properties"]["category"] for u in src["unit"])
    assert sum(cats.values()) == 144
    uses = use_counts(r.site.buildings)
    # the names are Russian: the category alone decides
    assert uses["classroom"] == cats["classroom"] == 69
    assert uses["stair"] == cats["stairs"] == 21
    assert uses["corridor"] == cats["walkway"] == 13
    assert uses["hall"] == cats["auditorium"] == 8
    assert uses["laboratory"] == cats["laboratory"] == 6
    assert uses["toilet"] == cats["restroom.female"] + cats["restroom.male"] == 5
    assert uses["library"] == cats["library"] == 1 and uses["dining"] == cats["foodservice"] == 1
    generic = Counter({c: cats[c] for c in ("room", "unspecified", "nonpublic")})
    assert uses[None] == sum(generic.values()) == 20
    note = next(n for n in r.notes if n.code == "imdf-uses-unmapped")
    listed = ", ".join(f"{c} ({k})" for c, k in generic.most_common())
    assert listed == "room (10), unspecified (6), nonpublic (4)" and listed in note.message
    assert f"{uses[None]} of {sum(cats.values())} units" in note.message


def test_spbpu_storeys_and_stairs(spbpu):
    src, r = spbpu
    buildings = {b.name: b for b in r.site.buildings}
    main = buildings["Main academic building"]
    assert sum(len(b.storeys) for b in r.site.buildings) == len(src["level"]) == 3
    assert [s.level for s in main.storeys] == [0, 2]
    # the third floor is six separate wings: one ring cannot hold it, which is said
    note = next(n for n in r.notes if n.code == "storey-outline-unusable")
    assert "level 2" in note.message and all(s.outline is None for s in main.storeys)
    # every stair unit is one storey of one stair; a stair on the third floor stands over
    # one on the ground floor
    level_of = {lv["id"]: lv["properties"]["ordinal"] for lv in src["level"]}
    stair_units = Counter(level_of[u["properties"]["level_id"]] for u in src["unit"]
                          if u["properties"]["category"] == "stairs")
    assert stair_units == Counter({0: 13, 2: 8})
    assert sum(len(s.levels) for s in main.stairs) == sum(stair_units.values()) == 21
    assert len(main.stairs) == stair_units[0]
    assert Counter(s.levels for s in main.stairs) == Counter({(0, 2): 8, (0,): 5})
    shafts = [x for x in main.rooms if x.is_shaft]
    assert len(shafts) == 21 and all(x.number is None for x in shafts)


def test_ibm_littleton_uses_and_lifts(littleton):
    src, r = littleton
    (b,) = r.site.buildings
    cats = Counter(u["properties"]["category"] for u in src["unit"])
    assert cats == Counter({"office": 1586, "walkway": 173, "elevator": 11})
    assert use_counts([b]) == Counter({"office": 1586, "corridor": 173, "lift": 11})
    assert "imdf-uses-unmapped" not in r.codes()
    # the lifts: each elevator unit is one storey of one lift; shafts over each other (the
    # middle of their footprint within 5 cm) are one lift, whatever the units are named
    level_of = {lv["id"]: lv["properties"]["ordinal"] for lv in src["level"]}
    shafts: list[tuple[object, set[int]]] = []
    for u in src["unit"]:
        if u["properties"]["category"] != "elevator":
            continue
        c = shape(u["geometry"]).centroid
        same = next((lv for at, lv in shafts if c.distance(at) < 5e-7), None)  # degrees
        if same is None:
            shafts.append((c, same := set()))
        same.add(level_of[u["properties"]["level_id"]])
    assert len(shafts) == 4
    lifts = [f for f in b.features if f.kind.value == "elevator"]
    assert sorted(f.served_levels for f in lifts) == sorted(tuple(sorted(v))
                                                            for _, v in shafts)
    assert sum(len(f.served_levels) for f in lifts) == cats["elevator"]
    # three levels, each (nearly) the footprint: no storey outline of its own
    assert len(b.storeys) == len(src["level"]) == 3
    assert all(s.outline is None for s in b.storeys)
    assert all(x.number is None for x in b.rooms if x.is_shaft)


def test_imdf_drafts_carry_the_level_outlines():
    """The reader hands every level polygon on; the site keeps those that differ."""
    from orientation.io.imdf import read_imdf_drafts

    p = need("imdf/ibm-littleton")
    d = read_imdf_drafts(p, file=str(p), notes=Notes())
    (b,) = d.buildings
    src = imdf_source("imdf/ibm-littleton")
    assert sorted(b.storey_outlines) == sorted(lv["properties"]["ordinal"] for lv in src["level"])
    for geom in b.storey_outlines.values():
        assert geom.area >= 0.97 * b.footprint.area
