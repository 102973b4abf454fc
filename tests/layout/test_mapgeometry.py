"""The plan carries what the maps draw (layout/mapgeometry.py), as frozen values."""

from __future__ import annotations

import dataclasses

import pytest

from orientation.layout import mapframe
from orientation.layout.engine import make_plan
from orientation.pipeline import load_site
from orientation.plan import MapGeometry


@pytest.fixture(scope="module")
def school():
    site = load_site("floorplans/gesamtschule.yaml")
    return site, make_plan(site)


def test_the_plan_carries_every_building_storey_room_and_road(school):
    site, plan = school
    geo = plan.geometry
    assert isinstance(geo, MapGeometry)
    assert [b.id for b in geo.buildings] == [b.id for b in site.buildings]  # site order
    for b, shape in zip(site.buildings, geo.buildings, strict=True):
        assert shape.outline == tuple(tuple(p) for p in b.footprint)
        assert len(shape.courtyards) == len(b.courtyards)
        assert [s.level for s in shape.storeys] == sorted(s.level for s in b.storeys)
        for storey in shape.storeys:
            own = b.storey(storey.level).outline
            # a storey's own outline where the file gives one, else the building's
            assert storey.outline == (tuple(tuple(p) for p in own) if own else shape.outline)
            with_outline = [r for r in b.rooms if r.level == storey.level and r.polygon]
            assert [r.id for r in storey.rooms] == [r.id for r in with_outline]
            for room in storey.rooms:
                m = plan.marking(f"{b.id}/{room.id}")
                assert room.label_at == m.at
        assert len(shape.features) == len(b.features)
    roads = [f for f in site.site_features if f.kind.value == "road"]
    assert len(geo.roads) == len(roads) > 0
    assert len(geo.features) == len(site.site_features)
    assert [f.name for f in geo.roads] == [f.name for f in roads]


def test_every_coded_door_and_window_has_its_place_on_the_outline(school):
    _, plan = school
    openings = {o.marking: o for b in plan.geometry.buildings for o in b.openings}
    coded = [m for m in plan.markings
             if m.kind in ("entrance", "emergency_exit", "fire_brigade", "service", "window")]
    assert coded and set(openings) == {m.id for m in coded}
    for o in openings.values():
        assert abs(o.normal[0] ** 2 + o.normal[1] ** 2 - 1) < 1e-9 and o.width_m > 0


def test_storey_scales_and_extents(school):
    """One scale for every storey plan of the site (DIN 14095): the coarsest of the
    buildings' own, as the rooms stay legible at it; each building keeps its own (its
    route cards' scale) beside it."""
    site, plan = school
    fits = []
    for shape in plan.geometry.buildings:
        b = site.building(shape.id)
        pts = [tuple(p) for p in b.footprint] + [tuple(p) for r in b.rooms for p in (r.polygon or [])]
        pts += [tuple(p) for s in b.storeys for p in (s.outline or [])]
        assert shape.fit_scale == mapframe.storey_scale(pts, plan.frame.rotation_deg,
                                                        plan.frame.paper)
        fits.append(shape.fit_scale)
        assert shape.parts == ()  # every building of the school fits one sheet at it
        u0, v0, u1, v1 = shape.extent
        for p in pts:
            u, v = mapframe.to_grid(plan.frame, p)
            assert u0 <= u <= u1 and v0 <= v <= v1
    assert {s.storey_scale for s in plan.geometry.buildings} == {max(fits)} == {300}


def test_the_geometry_is_not_in_plan_json(school):
    _, plan = school
    assert dataclasses.replace(plan, geometry=None).to_json() == plan.to_json()
    assert "geometry" not in plan.to_dict()


def test_plan_values_are_frozen(school):
    _, plan = school
    geo = plan.geometry
    b = geo.buildings[0]
    for obj, name in ((plan, "geometry"), (geo, "buildings"), (b, "outline"),
                      (b.storeys[0], "rooms"), (b.storeys[0].rooms[0], "ring"),
                      (b.openings[0], "width_m"), (geo.features[0], "name"),
                      (plan.frame, "scale")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, None)
    for seq in (geo.buildings, b.outline, b.storeys, b.storeys[0].rooms, b.openings,
                geo.features, b.courtyards):
        assert isinstance(seq, tuple)
    with pytest.raises(TypeError):
        plan._by_id["x"] = None  # the marking index is read-only
    assert not hasattr(plan, "extra")


def test_a_plan_pickles_with_its_geometry(school):
    """Batch workers send plans between processes; the read-only index is made again."""
    import pickle

    _, plan = school
    back = pickle.loads(pickle.dumps(plan))
    assert back == plan and back.geometry == plan.geometry
    assert back.marking(plan.markings[0].id) == plan.markings[0]


# -- issue 16: the building as it is ---------------------------------------------------------


def test_rooms_carry_their_use_hazard_class_and_shaft_flag(school):
    site, plan = school
    main = site.building("main")
    shape = plan.geometry.building("main")
    by_id = {r.id: r for s in shape.storeys for r in s.rooms}
    for r in main.rooms:
        got = by_id[r.id]
        assert got.use == (r.use.value if r.use else None)
        assert got.shaft is r.is_shaft
    assert by_id["r-ug-05"].hazard == "fire"  # Heizung: raised fire risk, red
    assert by_id["r-ug-04"].hazard == "other"  # Elektroraum NSHV: yellow
    assert by_id["r-2og-27"].hazard == "other"  # Vorbereitung Chemie: chemicals
    assert by_id["r-eg-04"].hazard == ""  # Sekretariat
    assert all(r.use for r in by_id.values()), "every bundled room has a use"


def test_a_vertical_feature_is_one_feature_on_every_storey_it_serves(school):
    site, plan = school
    shape = plan.geometry.building("main")
    lifts = [f for f in shape.features if f.kind == "elevator"]
    assert len(lifts) == 1  # one lift, not one per storey
    assert lifts[0].levels == (-1, 0, 1, 2) and lifts[0].level == -1
    assert all(lifts[0].on(s.level) for s in shape.storeys)
    key_box = next(f for f in shape.features if f.kind == "key_box")
    assert key_box.levels == (0,) and key_box.on(0) and not key_box.on(1)


def test_a_storey_with_its_own_outline_draws_it_and_guesses_nothing():
    from orientation.layout.mapgeometry import storey_extent

    site = load_site("floorplans/us-elementary.yaml")
    plan = make_plan(site)
    main = site.building("main")
    shape = plan.geometry.building("main")
    f1, f2 = shape.storey(0), shape.storey(1)
    assert f1.outline == shape.outline  # Floor 1: the footprint
    assert f2.outline == ((0.0, 0.0), (84.0, 0.0), (84.0, 22.0), (0.0, 22.0))  # the bar
    assert f2.extent is None and storey_extent(main, 1) is None


def test_a_shaft_room_without_a_marking_still_has_a_label_point():
    from orientation.layout.mapgeometry import map_geometry
    from orientation.model import Building, Room, Storey

    b = Building(id="b", name="B", footprint=[[0, 0], [10, 0], [10, 10], [0, 10]],
                 storeys=[Storey(level=0, name="EG")],
                 rooms=[Room(id="t", level=0, use="stair", polygon=[[0, 0], [3, 0], [3, 6], [0, 6]])])
    site = load_site("floorplans/rathaus.yaml").model_copy(update={"buildings": (b,)})
    frame = make_plan(load_site("floorplans/rathaus.yaml")).frame
    geo = map_geometry(site, frame, [], {}, {})  # no markings at all
    (room,) = geo.buildings[0].storeys[0].rooms
    assert room.shaft and room.use == "stair" and room.hazard == ""
    assert room.label_at == (1.5, 3.0)


def test_a_stair_in_its_stairwell_adds_no_floor_around_it():
    """A basement that has only a stairwell (APB's level -1): the storey is the stairwell,
    not the stairwell plus a square of floor around the stair point that the data does not
    show; a stair far from every room still gets its square."""
    from shapely.geometry import Polygon as P

    from conftest import box, building, site_dict
    from orientation.io.site_file import site_from_data
    from orientation.layout.mapgeometry import storey_extent

    def basement(stair_at):
        data = site_dict([building(
            storeys=[{"level": -1, "name": "UG"}, {"level": 0, "name": "EG"}],
            rooms=[{"id": "tr", "level": -1, "use": "stair", "polygon": box(2, 2, 6, 8)}],
            stairs=[{"id": "st", "at": stair_at, "levels": [-1, 0]}])])
        site = site_from_data(data, file="t.yaml")
        return storey_extent(site.buildings[0], -1)

    inside = basement([6.5, 5])  # beside the stairwell wall, as imported points often are
    assert inside is not None and inside.area == pytest.approx(P(box(2, 2, 6, 8)).area)
    far = basement([30, 10])
    assert far.area == pytest.approx(P(box(2, 2, 6, 8)).area + 16.0, rel=0.05)
