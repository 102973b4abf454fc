"""Costs that could grow faster than the input do not: each test counts the work (candidate
tests, obstacle looks, edge measurements) at n and at 10 n and bounds the ratio. No wall-clock
thresholds: the counts are deterministic."""

from __future__ import annotations

import math

import pytest

from conftest import building, site_dict
from orientation import model
from orientation.compose import labels as L
from orientation.compose import maps
from orientation.compose.maps import siteplan
from orientation.layout import geometry
from orientation.layout.engine import make_plan
from orientation.profiles import load_profile

#: 10x the input may cost at most this much more (linear: 10; n log n: ~13; quadratic: 100).
RATIO = 30


def _site(data: dict) -> model.Site:
    # the model alone: the size limits and the door-spacing check of the site-file reader
    # are another layer's business; here the layout and compose stages must stay bounded
    return model.Site.model_validate(data)


def _zigzag_site(n: int) -> model.Site:
    line = [[-50 + i * (200 / n), -10 - (i % 2) * 3] for i in range(n)]
    data = site_dict([building(footprint=[[0, 0], [20, 0], [20, 10], [0, 10]],
                               doors=[{"id": "d1", "at": [10, 0], "kind": "entrance",
                                       "main": True}])])
    data["site_features"] = [{"kind": "road", "name": "Zickzackweg", "line": line}]
    return _site(data)


def _round_site(n: int) -> model.Site:
    r = 30.0
    ring = [[r * math.cos(-2 * math.pi * i / n), r * math.sin(-2 * math.pi * i / n)]
            for i in range(n)]
    doors = [{"id": f"d{i}", "at": [r * math.cos(a), r * math.sin(a)], "kind": "emergency_exit"}
             for i, a in enumerate((0.3, 1.2, 2.0, 2.9, 4.0))]
    doors[0].update(kind="entrance", main=True)
    windows = [{"id": f"w{i}", "at": [r * math.cos(a), r * math.sin(a)], "level": 0}
               for i, a in enumerate((0.5, 1.5, 2.5, 3.5, 4.5, 5.5))]
    return _site(site_dict([building(footprint=ring, doors=doors, windows=windows, rooms=[
        {"id": "r1", "level": 0, "name": "Halle", "polygon": [[-10, -10], [10, -10], [10, 10],
                                                              [-10, 10]]}])]))


def _door_cluster_site(n: int) -> model.Site:
    """``n`` exterior doors on 3 m of one facade (the reader refuses doors this close; the
    map must still stay bounded for whatever reaches it)."""
    doors = [{"id": "d0", "at": [20, 0], "kind": "entrance", "main": True}]
    doors += [{"id": f"d{i}", "at": [round(18.5 + 3.0 * ((i * 0.618) % 1), 4), 0],
               "kind": "emergency_exit"} for i in range(1, n)]
    return _site(site_dict([building(doors=doors)]))


class _Count:
    """Counts calls of a function while it is patched in."""

    def __init__(self, monkeypatch, owner, name):
        self.n = 0
        orig = getattr(owner, name)

        def counted(*a, **k):
            self.n += 1
            return orig(*a, **k)

        monkeypatch.setattr(owner, name, counted)


def _maps_work(site: model.Site, monkeypatch) -> int:
    """Obstacle looks of every placer (labels.Placer.work) over the whole map booklet."""
    placers: list[L.Placer] = []
    orig = L.Placer.__init__

    def init(self, *a, **k):
        orig(self, *a, **k)
        placers.append(self)

    monkeypatch.setattr(L.Placer, "__init__", init)
    prof = load_profile("guetersloh")
    maps.map_pages(make_plan(site, prof), prof)
    monkeypatch.setattr(L.Placer, "__init__", orig)
    return sum(getattr(p, "work", 0) for p in placers)


def test_a_zigzag_road_costs_linear_work_in_the_maps(monkeypatch):
    # 2,000 points took 18 s and 660 MB, 20,000 crashed GEOS: the road band was buffered whole
    # (self-overlapping: GEOS's cost grows faster than the points) and every label near it
    # walked all of the band's edges. Count what reaches GEOS's buffer in one call, and the
    # exact tests of the placer.
    import shapely
    largest = [0]
    orig = shapely.buffer

    def buffer(geom, *a, **k):
        largest[0] = max(largest[0], int(shapely.get_num_coordinates(geom).max(initial=0)))
        return orig(geom, *a, **k)

    monkeypatch.setattr(shapely, "buffer", buffer)
    edges = _Count(monkeypatch, L, "_seg_meets_box")
    _maps_work(_zigzag_site(300), monkeypatch)
    small = edges.n
    edges.n = 0
    _maps_work(_zigzag_site(3000), monkeypatch)
    assert edges.n <= RATIO * max(small, 1)
    assert largest[0] <= 200  # the zigzag never reaches GEOS's buffer whole


def test_road_band_is_bounded_and_covers_the_road():
    line = [(i * 0.05, (i % 2) * 3.0) for i in range(20_000)]
    band = siteplan._band(line, 3.0)
    # a bounded polygon: the simplified centre line has at most BAND_MAX_POINTS points
    assert len(band.exterior.coords) < 40 * siteplan.BAND_MAX_POINTS
    from shapely.geometry import LineString
    exact = LineString(line[:400]).buffer(3.0, cap_style=2)
    assert band.buffer(1e-6).covers(exact)


def test_clipping_a_long_line_without_geos_matches_geos():
    from shapely.geometry import LineString
    from shapely.geometry import box as sbox
    line = [(i * 0.7, 20 * math.sin(i / 7)) for i in range(600)]
    area = (10.0, -10.0, 300.0, 12.0)
    ours = siteplan._clip_polyline(line, area)
    geos = LineString(line).intersection(sbox(*area))
    assert sum(LineString(p).length for p in ours) == pytest.approx(geos.length, rel=1e-9)
    assert len(ours) == len(getattr(geos, "geoms", [geos]))


def test_locate_on_a_long_outline_measures_few_edges(monkeypatch):
    # 200k footprint vertices took 11 minutes: every door, window and side label measured the
    # whole outline (and the side labels measured the hull once per edge)
    hyp = _Count(monkeypatch, geometry.math, "hypot")

    def work(n):
        site = _round_site(n)
        hyp.n = 0
        o = geometry.outline(site.buildings[0])
        geometry._edge_index(o, False)  # building the index is linear: not counted
        hyp.n = 0
        for k in range(50):
            a = 2 * math.pi * k / 50
            geometry.locate(o, (31 * math.cos(a), 31 * math.sin(a)))
        return hyp.n

    assert work(2000) <= RATIO * max(work(200), 1) / 10  # per query: bounded, not O(n)


def test_locate_with_the_index_gives_the_walks_answer():
    site = _round_site(500)
    o = geometry.outline(site.buildings[0])
    assert len(geometry._edge_index(o, False).edges) > geometry.INDEX_MIN_EDGES
    brute = geometry._EdgeIndex(geometry._edge_index(o, False).edges, None)
    for k in range(200):
        a = 2 * math.pi * k / 200 + 0.001
        xy = (29.5 * math.cos(a), 30.7 * math.sin(a))
        o.cache[("edges", True)] = brute
        want = geometry.locate(o, xy)
        o.cache.pop(("edges", True))
        assert geometry.locate(o, xy) == want


def test_plan_of_a_many_cornered_footprint_is_not_quadratic(monkeypatch):
    # edges measured: by Python (locate's walk: one hypot per edge) and by GEOS distance calls
    # (weighted by the coordinates they measure: the side labels' hull check measured the
    # whole hull once per edge)
    import shapely
    hyp = _Count(monkeypatch, geometry.math, "hypot")
    measured = [0]
    orig = shapely.distance

    orig_scalar = shapely.lib.distance_scalar

    def distance(a, b, *args, **kw):
        measured[0] += int(shapely.get_num_coordinates(a).sum() + shapely.get_num_coordinates(b).sum())
        return orig(a, b, *args, **kw)

    def distance_scalar(a, b):  # what Geometry.distance calls for one geometry
        measured[0] += shapely.get_num_coordinates(a) + shapely.get_num_coordinates(b)
        return orig_scalar(a, b)

    monkeypatch.setattr(shapely, "distance", distance)
    monkeypatch.setattr(shapely.lib, "distance_scalar", distance_scalar)
    prof = load_profile("guetersloh")

    def work(n):
        hyp.n = measured[0] = 0
        make_plan(_round_site(n), prof)
        return hyp.n + measured[0]

    small, big = work(400), work(4000)
    assert big <= RATIO * small


def test_line_index_splits_long_roads_and_finds_the_same_point():
    line = [(i * 1.0, 5.0 * math.sin(i / 10)) for i in range(2000)]
    idx = geometry.LineIndex([line])
    assert len(idx.geoms) > 1
    from shapely.geometry import LineString, Point
    whole = LineString(line)
    for xy in ((100.3, 40.0), (1500.0, -30.0), (-20.0, 0.0)):
        d, q = idx.nearest(xy)
        assert d == pytest.approx(whole.distance(Point(xy)), abs=1e-12)
        assert whole.distance(Point(q)) < 1e-9


def test_a_dense_cluster_of_doors_costs_bounded_work_per_door(monkeypatch):
    # 1,000 doors at one point took 108 s: every code searched hundreds of places, each
    # meeting every neighbour; count the placer's exact tests (segment-box, point-segment)
    box = _Count(monkeypatch, L, "_seg_meets_box")
    pt = _Count(monkeypatch, L, "_point_seg_dist")
    _maps_work(_door_cluster_site(30), monkeypatch)
    small = box.n + pt.n
    box.n = pt.n = 0
    _maps_work(_door_cluster_site(300), monkeypatch)
    assert box.n + pt.n <= RATIO * small


def test_every_search_is_budgeted():
    placer = L.Placer((0, 0, 100, 100))
    for i in range(400):  # a dense pile of marks around one point
        placer.add_line((50 + i * 1e-3, 50), (50 + i * 1e-3, 51), "mark", owner=f"m{i}")
    before = placer.work
    got = placer.first_free(L.around((50, 50), 3, 2, gaps=tuple(range(40))), leader_from=(50, 50))
    spent = placer.work - before
    assert spent <= L.SEARCH_BUDGET + 2 * 400  # at most one more look than the budget allows
    assert got is None or L.inside(got, placer.bounds)


def test_long_area_queries_use_the_index_and_agree_with_a_full_scan():
    from shapely.geometry import LineString
    g = LineString([(i * 0.5, 10 + 5 * math.sin(i / 3)) for i in range(300)]).buffer(2)
    a = L._Area.of(g)
    assert len(a.edges) > L.AREA_INDEX_MIN_EDGES
    full = L._Area(())
    full.edges = a.edges
    for k in range(300):
        x, y = (k * 0.53) % 160 - 5, (k * 0.37) % 22
        box = (x, y, x + 2.0, y + 1.5)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(L, "AREA_INDEX_MIN_EDGES", 10**9)
            want = (full.meets_box(box), full.covers(x, y), full.meets_segment((x, y, x + 3, y - 2)))
        assert (a.meets_box(box), a.covers(x, y), a.meets_segment((x, y, x + 3, y - 2))) == want


def _plated_storey_site(n: int) -> model.Site:
    """``n`` rooms on one storey: the first half carry the door plates 001, 002 … that the
    new numbers of the second half must skip, one building letter away (A001 …)."""
    plated = [{"id": f"p{i}", "level": 0, "number": f"{i + 1:03d}"} for i in range(n // 2)]
    new = [{"id": f"n{i}", "level": 0} for i in range(n - n // 2)]
    return _site(site_dict([building("a", rooms=plated + new),
                            building("b", footprint=[[60, 0], [80, 0], [80, 10], [60, 10]],
                                     doors=[], rooms=[{"id": "r", "level": 0}])]))


def test_new_room_numbers_skip_existing_ones_in_linear_work(monkeypatch):
    # every candidate number is tried once: a storey whose plates take the first numbers costs
    # one try per plate and one per new room, not a search from 1 for each new room
    from orientation.layout import numbering

    tries = _Count(monkeypatch, numbering, "room_code")
    prof = load_profile("guetersloh")
    plan = make_plan(_plated_storey_site(100), prof)
    small = tries.n
    assert {m.code for m in plan.markings if m.element == "n0"} == {"051"}  # the plates go without the letter: so does the new number
    tries.n = 0
    make_plan(_plated_storey_site(1000), prof)
    assert small <= 101 and tries.n <= 11 * small
