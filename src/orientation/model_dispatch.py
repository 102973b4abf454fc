"""The site's coordinate reference and its dispatch keys: ``site.crs`` and ``site.dispatch`` of
the site model (:class:`orientation.model.SiteInfo` holds them).

``site.crs`` places the plan in a projected CRS (ETRS89 / UTM, State Plane …): an EPSG code and
where plan point (0, 0) is in it, with the grid bearing of the plan's +y axis and a scale. Which
codes PROJ knows, and whether the placement lies in the CRS's area, is checked when the site is
loaded (:func:`orientation.geo.site_georef`), not here: the model knows no geodesy.

``site.dispatch`` holds what a dispatch centre keys an object by and what the site plan cannot
show: the object number, the plan number, the fire alarm system number, access notes, and for
NG9-1-1 the agency that answers discrepancy reports.

>>> SiteCrs(epsg="EPSG:25832", easting=458000, northing=5750000).epsg
25832
>>> Dispatch(object_number="GT-0815", access_notes=["Zufahrt Schulstraße"]).access_notes
('Zufahrt Schulstraße',)
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic import StringConstraints as Str
from pydantic_core import PydanticCustomError

#: An NG9-1-1 agency id is a domain name (``psap.harriscounty.tx.us``).
AGENCY_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
#: Most access notes of one site (each is a line on the object sheet).
MAX_ACCESS_NOTES = 20


def _printable(value: str) -> str:
    """Text without control characters (shared by every model module)."""
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in value):
        raise ValueError("contains control characters; use plain text")
    return value


def _epsg(value: Any) -> Any:
    """``25832``, ``"25832"`` or ``"EPSG:25832"`` as the integer code."""
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(?:EPSG\s*:\s*)?(\d{4,6})\s*", value, re.I)
        if not m:
            raise PydanticCustomError("epsg_code", "'{value}' is not an EPSG code; write it as "
                                      "25832 or 'EPSG:25832'", {"value": value})
        return int(m.group(1))
    if isinstance(value, bool):
        raise PydanticCustomError("epsg_code", "an EPSG code is a number such as 25832")
    return value


def _a_list(value: Any) -> Any:
    """Lists (and tuples) only: a tuple field reports anything else as "not a list", as the
    file writes it (shared by every model module)."""
    if not isinstance(value, (list, tuple)):
        raise PydanticCustomError("list_type", "Input should be a valid list")
    return value


_Text = Annotated[str, Str(min_length=1, max_length=200, strip_whitespace=True),
                  AfterValidator(_printable)]
_Big = Annotated[float, Field(ge=-1e8, le=1e8, allow_inf_nan=False)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SiteCrs(_Model):
    """A projected CRS and the plan's place in it: plan (x, y) metres lie at
    ``E = easting + s (x cos r + y sin r)``, ``N = northing + s (-x sin r + y cos r)``
    (``r`` = ``rotation_deg``; ``s`` = ``scale`` in the CRS's unit, so a plan in metres lies
    true to scale in a CRS in feet with ``scale: 1``)."""

    #: the EPSG code of a projected CRS (25832: ETRS89 / UTM zone 32N; 2276: NAD83 / Texas
    #: North Central (ftUS))
    epsg: Annotated[int, BeforeValidator(_epsg), Field(ge=1024, le=999_999)]
    #: easting and northing of plan point (0, 0), in the CRS's unit
    easting: _Big = 0.0
    northing: _Big = 0.0
    #: the grid bearing of the plan's +y axis (degrees clockwise from grid north); absent:
    #: ``site.north_deg`` (grid north taken for true north)
    rotation_deg: Annotated[float, Field(ge=-360, le=360, allow_inf_nan=False)] | None = None
    #: the plan's scale in the CRS (1: true to scale; a surveyor's combined scale factor)
    scale: Annotated[float, Field(gt=0, le=10, allow_inf_nan=False)] = 1.0


class Dispatch(_Model):
    """What a dispatch centre keys an object by (the object sheet, ``object.csv``), and the
    NG9-1-1 agency (``ng911.gpkg``)."""

    #: the dispatch centre's object number (Objektnummer)
    object_number: _Text | None = None
    #: the responder-map plan number (Feuerwehrplan-Nummer); absent: the plan's version
    plan_number: _Text | None = None
    #: the fire alarm system's number at the dispatch centre (BMA-Nummer)
    fire_alarm_number: _Text | None = None
    #: how to get in: one line each (gate codes, the way to the key depot, parking)
    access_notes: Annotated[tuple[_Text, ...], BeforeValidator(_a_list),
                            Field(max_length=MAX_ACCESS_NOTES)] = ()
    #: NG9-1-1 Discrepancy Agency ID: the domain name of the agency that takes discrepancy
    #: reports (``psap.harriscounty.tx.us``)
    agency_id: Annotated[str, Str(pattern=AGENCY_PATTERN, max_length=100)] | None = None


__all__ = ["AGENCY_PATTERN", "MAX_ACCESS_NOTES", "Dispatch", "SiteCrs"]
