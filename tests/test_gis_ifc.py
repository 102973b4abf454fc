"""IFC keeps its georeference: ``IfcMapConversion`` to an ``IfcProjectedCRS`` becomes
``site.crs``, and the exports put the model's points where the map conversion says, also
when the model is drawn in map coordinates far from its origin (the plan is shifted, the
placement moves with it)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyogrio.raw import read

pytest.importorskip("ifcopenshell")

from orientation import pipeline  # noqa: E402
from orientation.io import import_file  # noqa: E402
from orientation.io.site_file import site_from_data  # noqa: E402
from orientation.layout.engine import make_plan  # noqa: E402


class Model:
    """A small IFC4 model in metres: one storey, walls and a space as boxes, and optionally a
    map conversion."""

    def __init__(self, millimetres: bool = False):
        import ifcopenshell.api
        from ifcopenshell.util.shape_builder import ShapeBuilder

        self.api = ifcopenshell.api
        self.f = ifcopenshell.api.run("project.create_file", version="IFC4")
        project = self.run("root.create_entity", ifc_class="IfcProject", name="Test")
        unit = self.run("unit.add_si_unit", unit_type="LENGTHUNIT",
                        prefix="MILLI" if millimetres else None)
        self.run("unit.assign_unit", units=[unit])
        self.k = 1000.0 if millimetres else 1.0   # model units per metre
        self.model = self.run("context.add_context", context_type="Model")
        self.body = self.run("context.add_context", context_type="Model",
                             context_identifier="Body", target_view="MODEL_VIEW",
                             parent=self.model)
        site = self.run("root.create_entity", ifc_class="IfcSite", name="Gelände")
        self.building = self.run("root.create_entity", ifc_class="IfcBuilding", name="Schule")
        self.run("aggregate.assign_object", relating_object=project, products=[site])
        self.run("aggregate.assign_object", relating_object=site, products=[self.building])
        self.builder = ShapeBuilder(self.f)
        self.storey = self.run("root.create_entity", ifc_class="IfcBuildingStorey", name="EG")
        self.storey.Elevation = 0.0
        self.run("aggregate.assign_object", relating_object=self.building, products=[self.storey])

    def run(self, usecase: str, /, **kw):
        return self.api.run(usecase, self.f, **kw)

    def box(self, ifc_class, x0, y0, x1, y1, z0, z1, **attrs):
        el = self.run("root.create_entity", ifc_class=ifc_class, name=attrs.pop("name", None))
        for k, v in attrs.items():
            setattr(el, k, v)
        k = self.k
        x0, y0, x1, y1, z0, z1 = (v * k for v in (x0, y0, x1, y1, z0, z1))
        curve = self.builder.polyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], closed=True)
        solid = self.builder.extrude(curve, z1 - z0, position=(0.0, 0.0, z0))
        rep = self.builder.get_representation(self.body, [solid])
        self.run("geometry.assign_representation", product=el, representation=rep)
        self.run("geometry.edit_object_placement", product=el, matrix=np.eye(4))
        if ifc_class == "IfcSpace":
            self.run("aggregate.assign_object", relating_object=self.storey, products=[el])
        else:
            self.run("spatial.assign_container", relating_structure=self.storey, products=[el])
        return el

    def house(self, x0: float, y0: float) -> None:
        """A 20 x 10 m house with its south-west corner at (x0, y0), walls 0.3 m."""
        t = 0.3
        for r in ((x0, y0, x0 + 20, y0 + t), (x0, y0 + 10 - t, x0 + 20, y0 + 10),
                  (x0, y0, x0 + t, y0 + 10), (x0 + 20 - t, y0, x0 + 20, y0 + 10)):
            self.box("IfcWall", *r, 0, 3)
        self.box("IfcSpace", x0 + t, y0 + t, x0 + 20 - t, y0 + 10 - t, 0, 2.8, name="0.01",
                 LongName="Halle")

    def map_conversion(self, name: str, easting: float, northing: float, angle_deg: float,
                       scale: float | None = None) -> None:
        crs = self.f.create_entity("IfcProjectedCRS", Name=name)
        a = math.radians(angle_deg)
        self.f.create_entity("IfcMapConversion", SourceCRS=self.model, TargetCRS=crs,
                             Eastings=easting, Northings=northing, OrthogonalHeight=70.0,
                             XAxisAbscissa=math.cos(a), XAxisOrdinate=math.sin(a), Scale=scale)

    def write(self, path: Path) -> Path:
        self.f.write(str(path))
        return path


def _map(e0, n0, angle_deg, x, y):
    """IFC4's IfcMapConversion: the model's (x, y) in the map."""
    a = math.radians(angle_deg)
    return e0 + x * math.cos(a) - y * math.sin(a), n0 + x * math.sin(a) + y * math.cos(a)


def _building_bounds_in_gpkg(site, tmp_path) -> np.ndarray:
    prof = pipeline.resolve_profile(site, None)
    plan = make_plan(site, prof)
    files, _ = pipeline.gis_files(plan, pipeline.export_context(site), profile=prof)
    p = tmp_path / "r.gpkg"
    p.write_bytes(files["register.gpkg"])
    _, _, geom, _ = read(p, layer="buildings")
    return np.array(shapely.from_wkb(geom[0]).exterior.coords)


def test_a_map_conversion_becomes_site_crs_and_the_exports_follow_it(tmp_path):
    m = Model()
    m.house(0.0, 0.0)
    m.map_conversion("EPSG:25832", 457000.0, 5750000.0, 30.0)
    result = import_file(m.write(tmp_path / "georef.ifc"))
    crs = result.site.site.crs
    assert crs is not None and crs.epsg == 25832
    assert result.site.site.origin is None
    assert any(n.code == "ifc-map-conversion" for n in result.notes)
    site = site_from_data(result.site.model_dump(mode="json"), file="georef.yaml")
    ring = _building_bounds_in_gpkg(site, tmp_path)
    expected = np.array([_map(457000.0, 5750000.0, 30.0, x, y)
                         for x, y in ((0, 0), (20, 0), (20, 10), (0, 10))])
    for e, n in expected:   # every corner of the model is where the map conversion puts it
        assert np.min(np.hypot(ring[:, 0] - e, ring[:, 1] - n)) < 0.01


def test_a_model_drawn_in_map_coordinates_is_shifted_and_stays_in_place(tmp_path):
    m = Model()
    m.house(457_120.0, 5_750_340.0)          # world coordinates are ETRS89 / UTM 32N
    m.map_conversion("ETRS89 / UTM zone 32N", 0.0, 0.0, 0.0)
    result = import_file(m.write(tmp_path / "utm.ifc"))
    site = result.site
    assert site.site.crs.epsg == 25832
    assert max(abs(v) for p in site.buildings[0].footprint for v in p) < 1000   # shifted
    ring = _building_bounds_in_gpkg(site_from_data(site.model_dump(mode="json"), file="u.yaml"),
                                    tmp_path)
    assert np.min(np.hypot(ring[:, 0] - 457_120.0, ring[:, 1] - 5_750_340.0)) < 0.01
    assert np.min(np.hypot(ring[:, 0] - 457_140.0, ring[:, 1] - 5_750_350.0)) < 0.01


def test_an_unknown_projected_crs_is_a_note_not_a_guess(tmp_path):
    m = Model()
    m.house(0.0, 0.0)
    m.map_conversion("Lokales Baustellensystem", 1000.0, 2000.0, 0.0)
    result = import_file(m.write(tmp_path / "local.ifc"))
    assert result.site.site.crs is None
    assert any(n.code == "ifc-crs-unknown" for n in result.notes)


def test_a_model_in_millimetres_with_its_scale_lies_true_to_scale(tmp_path):
    m = Model(millimetres=True)
    m.house(0.0, 0.0)
    m.map_conversion("EPSG:25832", 457000.0, 5750000.0, 0.0, scale=0.001)  # mm -> m
    result = import_file(m.write(tmp_path / "mm.ifc"))
    crs = result.site.site.crs
    assert crs.epsg == 25832 and crs.scale == 1.0
    assert not any(n.code == "ifc-map-scale" for n in result.notes)
    ring = _building_bounds_in_gpkg(site_from_data(result.site.model_dump(mode="json"),
                                                   file="mm.yaml"), tmp_path)
    assert np.min(np.hypot(ring[:, 0] - 457020.0, ring[:, 1] - 5750010.0)) < 0.01
