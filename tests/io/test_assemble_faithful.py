"""The shared builder keeps what the source says about the building (issue 16): room uses,
features on several storeys, each storey's own outline, and no storeys the source has nothing
on. Hand-made drafts; every site built here must load and pass the geometry checks."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, Polygon, box

from orientation.io._assemble import assemble_site
from orientation.io._drafts import BuildingDraft, DoorDraft, FeatureDraft, RoomDraft, StairDraft
from orientation.io._notes import Notes
from orientation.io.site_file import site_from_data
from orientation.layout.geometry import geometry_problems
from orientation.model import DoorKind, FeatureKind, RoomUse

FOOT = box(0, 0, 40, 20)


def draft(**kw) -> BuildingDraft:
    kw.setdefault("storeys", [(0, "EG"), (1, "1. OG")])
    kw.setdefault("doors", [DoorDraft((20.0, 0.0), 0, DoorKind.entrance, main=True)])
    return BuildingDraft(name="Haus", footprint=kw.pop("footprint", FOOT), **kw)


def build(d: BuildingDraft, **kw):
    notes = Notes()
    data = assemble_site(name="s", drafts=[d], notes=notes, **kw)
    site = site_from_data(data, file="t.yaml")
    assert geometry_problems(site) == []
    return site.buildings[0], notes, data


def room(level: int, poly, **kw) -> RoomDraft:
    return RoomDraft(level=level, polygon=poly, **kw)


# --- room uses, features on several storeys -------------------------------------------------

def test_room_uses_are_kept_and_rooms_without_one_stay_without():
    b, _, _ = build(draft(rooms=[room(0, box(1, 1, 5, 5), use=RoomUse.stair),
                                 room(0, box(6, 1, 9, 5), use=RoomUse.chemicals),
                                 room(1, box(1, 1, 5, 5), name="Büro")]))
    assert [r.use for r in b.rooms] == [RoomUse.stair, RoomUse.chemicals, None]
    assert [r.is_shaft for r in b.rooms] == [True, False, False]


def test_feature_levels_are_sorted_deduplicated_and_level_is_the_lowest():
    b, notes, data = build(draft(storeys=[(0, "EG"), (1, "1"), (2, "2")], features=[
        FeatureDraft(FeatureKind.elevator, (10.0, 10.0), 2, levels=[2, 0, 1, 0]),
        FeatureDraft(FeatureKind.riser, (12.0, 10.0), 0, levels=[1, 7]),  # 7 is no storey
        FeatureDraft(FeatureKind.aed, (14.0, 10.0), 1),
        FeatureDraft(FeatureKind.key_box, (15.0, 10.0), 0, levels=[8, 9])]))
    lift, riser, aed = b.features
    assert lift.levels == (0, 1, 2) and lift.level == 0 and lift.served_levels == (0, 1, 2)
    assert riser.levels == (1,) and riser.level == 1
    assert aed.levels is None and aed.level == 1
    assert "levels" not in data["buildings"][0]["features"][2]
    assert notes.codes().count("level-unknown") == 1    # the key box on no storey at all


# --- a storey's own outline --------------------------------------------------------------------

def test_a_storey_over_one_wing_keeps_its_own_outline():
    b, notes, _ = build(draft(storey_outlines={1: box(0, 0, 20, 20)},
                              rooms=[room(1, box(1, 1, 5, 5))]))
    ground, upper = b.storeys
    assert ground.outline is None
    assert upper.outline is not None
    assert Polygon(upper.outline).area == pytest.approx(400.0)
    assert Polygon(upper.outline).exterior.is_ccw is False   # clockwise, like the footprint
    assert notes.codes().count("storey-outline-clipped") == 0


def test_an_outline_covering_almost_the_whole_footprint_is_the_footprint():
    # 98 % of the footprint, and one overshooting it by 0.2 m of noise
    b, notes, _ = build(draft(storey_outlines={0: box(0, 0, 39.2, 20),
                                               1: box(-0.2, -0.2, 40.2, 20.2)},
                              rooms=[room(1, box(1, 1, 5, 5))]))
    assert [s.outline for s in b.storeys] == [None, None]
    assert notes.codes() == []


def test_holes_of_a_storey_outline_are_its_courtyards_small_ones_dropped():
    atrium, sliver = box(15, 5, 25, 15), box(30, 5, 30.5, 6)       # 100 m², 0.5 m²
    own = box(0, 0, 40, 20).difference(atrium).difference(sliver)
    b, _, _ = build(draft(storey_outlines={1: own}, rooms=[room(1, box(1, 1, 5, 5))]))
    upper = b.storeys[1]
    assert upper.outline is not None and len(upper.courtyards) == 1
    assert Polygon(upper.courtyards[0]).area == pytest.approx(100.0)
    assert not Polygon(upper.outline, upper.courtyards).contains(Point(20, 10))


def test_an_outline_reaching_past_the_footprint_is_clipped_with_a_note():
    b, notes, _ = build(draft(storey_outlines={1: box(-3, 0, 20, 20)},
                              rooms=[room(1, box(1, 1, 5, 5))]))
    poly = Polygon(b.storeys[1].outline)
    assert poly.bounds == (0.0, 0.0, 20.0, 20.0)
    (note,) = [n for n in notes.items if n.code == "storey-outline-clipped"]
    assert "level 1" in note.message and "Ebene 1" in note.text("de")


@pytest.mark.parametrize("outline, why", [
    (box(0, 0, 10, 20).union(box(25, 0, 40, 20)), "separate parts"),
    (box(50, 0, 60, 20), "no area inside the footprint"),
])
def test_an_outline_that_one_ring_cannot_hold_is_left_out_with_a_warning(outline, why):
    b, notes, _ = build(draft(storey_outlines={1: outline}, rooms=[room(1, box(1, 1, 5, 5))]))
    assert b.storeys[1].outline is None
    (note,) = [n for n in notes.items if n.code == "storey-outline-unusable"]
    assert note.severity == "warning" and why in note.message
    assert "Grundriss des Gebäudes" in note.text("de")


def test_outline_of_a_storey_the_building_has_not_is_ignored():
    b, notes, _ = build(draft(storey_outlines={5: box(0, 0, 10, 10)},
                              rooms=[room(1, box(1, 1, 5, 5))]))
    assert [s.level for s in b.storeys] == [0, 1] and notes.codes() == []


# --- rooms outside their storey's outline ----------------------------------------------------

def test_rooms_reaching_past_their_storey_outline_are_clipped_or_lose_their_outline():
    b, notes, _ = build(draft(storey_outlines={1: box(0, 0, 20, 20)}, rooms=[
        room(1, box(1, 1, 5, 5), number="101"),            # inside
        room(1, box(18, 1, 20.3, 5), number="102"),        # past it by noise: as drawn
        room(1, box(15, 1, 25, 5), number="103"),          # half outside: clipped
        room(1, box(30, 1, 35, 5), number="104"),          # wholly outside: no outline
        room(0, box(30, 1, 35, 5), number="004")]))        # the ground storey: footprint
    polys = {r.number: r.polygon and Polygon(r.polygon) for r in b.rooms}
    assert polys["101"].area == pytest.approx(16.0)
    assert polys["102"].area == pytest.approx(9.2)
    assert polys["103"].bounds == (15.0, 1.0, 20.0, 5.0)
    assert polys["104"] is None
    assert polys["004"].area == pytest.approx(20.0)
    assert [r.number for r in b.rooms] == ["101", "102", "103", "104", "004"]  # none dropped
    notes_by = {n.code: n for n in notes.items}
    assert "1 room outline(s)" in notes_by["rooms-clipped-storey"].message
    assert notes_by["rooms-outside-storey"].severity == "warning"
    assert "1 room(s)" in notes_by["rooms-outside-storey"].message


# --- storeys the source has nothing on -------------------------------------------------------

def test_storeys_with_nothing_on_them_are_left_out_with_one_note():
    b, notes, _ = build(draft(
        storeys=[(-1, "T/FDN"), (0, "EG"), (1, "1. OG"), (2, "2. OG"), (3, "Roof")],
        rooms=[room(0, box(1, 1, 5, 5))],
        stairs=[StairDraft((10.0, 10.0), [0, 1])],
        features=[FeatureDraft(FeatureKind.elevator, (12.0, 10.0), 0, levels=[0, 2])]))
    assert [s.name for s in b.storeys] == ["EG", "1. OG", "2. OG"]
    (note,) = [n for n in notes.items if n.code == "storeys-empty"]
    assert note.severity == "info"
    assert "2 storey(s)" in note.message and "'T/FDN (-1)'" in note.message
    assert "'Roof (3)'" in note.message and "2 Geschoss(e)" in note.text("de")


def test_a_storey_with_only_a_window_or_a_door_stays():
    b, notes, _ = build(draft(storeys=[(0, "EG"), (1, "1"), (2, "2")],
                              doors=[DoorDraft((20.0, 0.0), 0, DoorKind.entrance, main=True),
                                     DoorDraft((5.0, 5.0), 2, DoorKind.inner)],
                              rooms=[room(1, box(1, 1, 5, 5))]))
    assert [s.level for s in b.storeys] == [0, 1, 2]
    assert not notes.has("storeys-empty")


def test_a_building_with_nothing_on_any_storey_keeps_its_lowest():
    b, notes, _ = build(draft(storeys=[(2, "2"), (1, "1")], doors=[]))
    assert [s.level for s in b.storeys] == [1]
    assert notes.has("storeys-empty")


def test_storey_outlines_move_with_a_far_plan():
    far = 30_000.0
    d = draft(footprint=box(far, far, far + 40, far + 20),
              doors=[DoorDraft((far + 20, far), 0, DoorKind.entrance, main=True)],
              storey_outlines={1: box(far, far, far + 20, far + 20).difference(
                  box(far + 5, far + 5, far + 10, far + 10))},
              rooms=[room(1, box(far + 1, far + 1, far + 4, far + 4))])
    b, notes, _ = build(d)
    assert notes.has("plan-shifted")
    upper = b.storeys[1]
    assert Polygon(upper.outline).bounds == (0.0, 0.0, 20.0, 20.0)
    assert Polygon(upper.courtyards[0]).bounds == (5.0, 5.0, 10.0, 10.0)
