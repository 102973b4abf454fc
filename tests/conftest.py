"""Shared test helpers: named sample sites in one place."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from orientation.io.site_file import read_site
from orientation.layout.engine import make_plan
from orientation.profiles import load_profile

ROOT = Path(__file__).resolve().parents[1]
FLOORPLANS = ROOT / "floorplans"
EXAMPLES = sorted(FLOORPLANS.glob("*.yaml"))
SHARED_DATA = ROOT.parent / "shared" / "data"


def need(rel: str) -> Path:
    """A real building file of ``../shared/data``; the test is skipped, saying why, without it."""
    p = SHARED_DATA / rel
    if not p.exists():
        pytest.skip(f"{rel} is not in {SHARED_DATA.resolve()}")
    return p


def imported(rel: str, **kw):
    """The import of a real file of ``../shared/data``, checked to give a valid site that
    survives a write and a read."""
    from orientation.io import import_file
    from orientation.io.site_file import dump_site, site_from_bytes, site_from_data
    from orientation.layout.geometry import geometry_problems

    result = import_file(need(rel), **kw)
    site = site_from_data(result.site.model_dump(mode="json"), file=rel)
    assert geometry_problems(site) == []
    assert site_from_bytes(dump_site(site).encode("utf-8"), name="x.yaml") == site
    return result


def box(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    """A rectangle as a counter-clockwise ring."""
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def site_dict(buildings: list[dict] | None = None, **extra) -> dict:
    """A small valid site: one 40 x 20 m building south of a road at y = -15."""
    if buildings is None:
        buildings = [building()]
    data = {
        "format": "orientation/site@1",
        "site": {"name": "Testschule", "address": "Teststraße 1"},
        "buildings": buildings,
        "site_features": [{"kind": "road", "name": "Teststraße", "line": [[-50, -15], [100, -15]]}],
    }
    data.update(extra)
    return data


def building(bid: str = "main", footprint=None, doors=None, **extra) -> dict:
    b = {
        "id": bid,
        "name": f"Gebäude {bid}",
        "footprint": footprint or box(0, 0, 40, 20),
        "storeys": [{"level": 0, "name": "EG"}, {"level": 1, "name": "1. OG"}],
        "doors": doors if doors is not None else [
            {"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True}],
    }
    b.update(extra)
    return b


@pytest.fixture
def sample() -> dict:
    return copy.deepcopy(site_dict())


def write_site(tmp_path: Path, data: dict, name: str = "site.yaml") -> Path:
    p = tmp_path / name
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


# -- plans of the bundled examples, built once per module (compose tests) --------------

SITES = {
    "gesamtschule": ("floorplans/gesamtschule.yaml", "guetersloh"),
    "rathaus": ("floorplans/rathaus.yaml", "guetersloh"),
    "us-elementary": ("floorplans/us-elementary.yaml", "us-k12"),
}


def _plan(name: str):
    path, profile = SITES[name]
    if not (ROOT / path).exists():
        pytest.skip(f"{path} is missing")
    return make_plan(read_site(str(ROOT / path)), profile), load_profile(profile)


@pytest.fixture(scope="module", params=sorted(SITES))
def site(request):
    return _plan(request.param)


@pytest.fixture(scope="module")
def guetersloh():
    return _plan("gesamtschule")


@pytest.fixture(scope="module")
def us():
    return _plan("us-elementary")


def gis_render(site, *, crs=None, excel=False, **kw):
    """The register, the object sheet and the GIS files of ``site`` (a Site or a path), as the
    render writes them (without composing signs and maps)."""
    from types import SimpleNamespace

    from orientation import pipeline
    from orientation.exports import csv_bytes, register_csv

    if not hasattr(site, "buildings"):
        site = pipeline.load_site(site)
    prof = pipeline.resolve_profile(site, None)
    plan = make_plan(site, prof)
    ctx = pipeline.export_context(site, crs=crs)
    files, notes = pipeline.gis_files(plan, ctx, profile=prof, excel=excel, **kw)
    files["register.csv"] = csv_bytes(register_csv(plan, ctx, excel=excel))
    return SimpleNamespace(files=files, notes=tuple(notes), plan=plan)
