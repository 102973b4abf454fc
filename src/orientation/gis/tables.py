"""Feature tables and the one GeoPackage writer (pyogrio, GDAL's GPKG driver).

A :class:`Table` is a layer in plan metres: its name, geometry type, columns and rows (a
shapely geometry and one value per column). :func:`gpkg_bytes` projects every geometry with a
function the caller gives (plan metres -> the layer's CRS) and writes all tables into one
GeoPackage, returned as bytes: the pipeline writes them through its one atomic writer.

**Byte-stable.** The same tables give the same bytes: GDAL stamps ``gpkg_contents.last_change``
with the clock unless ``OGR_CURRENT_DATE`` is set, so it is set to the plan date (midnight
UTC; 1970-01-01 without a date) for the write; the rest of the file (SQLite pages, the R-tree
index) follows from the rows and their order. The GDAL option is process-wide, so writes are
serialised by a lock.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import OutputError

#: Column types: GeoPackage TEXT (``width`` makes it TEXT(n)), MEDIUMINT, REAL, BOOLEAN,
#: DATETIME.
COLUMN_TYPES = ("text", "int", "real", "bool", "datetime")
_DTYPES = {"int": "int32", "real": "float64", "bool": "bool", "datetime": "datetime64[ms]"}
_EMPTY = {"int": 0, "real": 0.0, "bool": False, "datetime": "1970-01-01T00:00:00"}
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str = "text"
    width: int | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A layer: ``geometry_type`` as GDAL names it (``Point``, ``Point Z``, ``LineString``,
    ``Polygon``, ``MultiPolygon``); ``rows`` (geometry in plan metres, values); ``fid`` and
    ``geometry_column`` name the FID and geometry columns; ``epsg`` None: the file's CRS."""

    name: str
    geometry_type: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, tuple[Any, ...]], ...] = ()
    description: str = ""
    fid: str = "fid"
    geometry_column: str = "geom"
    epsg: int | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts (column -> value), for the GeoJSON and the tests."""
        return [dict(zip(self.names, values)) for _, values in self.rows]


@dataclass
class TableBuilder:
    """Rows gathered one by one for a :class:`Table` (``add(geometry, **values)``; a value
    not given is null)."""

    name: str
    geometry_type: str
    columns: tuple[Column, ...]
    description: str = ""
    rows: list[tuple[Any, tuple[Any, ...]]] = field(default_factory=list)

    def add(self, geometry: Any, **values: Any) -> None:
        unknown = set(values) - {c.name for c in self.columns}
        if unknown:
            raise KeyError(f"{self.name}: no column {sorted(unknown)}")
        self.rows.append((geometry, tuple(values.get(c.name) for c in self.columns)))

    def table(self) -> Table:
        return Table(self.name, self.geometry_type, self.columns, tuple(self.rows),
                     self.description)


def columns(spec: str) -> tuple[Column, ...]:
    """Columns from a compact spec: ``"code kind level:int width_m:real main:bool"``.

    >>> [(c.name, c.type) for c in columns("code level:int")]
    [('code', 'text'), ('level', 'int')]
    """
    out = []
    for item in spec.split():
        name, _, typ = item.partition(":")
        out.append(Column(name, typ or "text"))
    return tuple(out)


def _arrays(table: Table) -> tuple[list[Any], list[Any]]:
    import numpy as np

    data, masks = [], []
    for i, col in enumerate(table.columns):
        raw = [values[i] for _, values in table.rows]
        mask = np.array([v is None for v in raw], dtype=bool)
        if col.type == "text":
            texts = ["" if v is None else str(v) for v in raw]
            if col.width:
                longest = max((len(t) for t in texts), default=0)
                if longest > col.width:
                    raise OutputError(f"{table.name}.{col.name}: a value of {longest} "
                                      f"characters is longer than the field ({col.width})")
                arr = np.array(texts, dtype=f"<U{col.width}")
            else:
                arr = np.array(texts, dtype=object)
        else:
            filled = [_EMPTY[col.type] if v is None else v for v in raw]
            arr = np.array(filled, dtype=_DTYPES[col.type])
        data.append(arr)
        masks.append(mask if mask.any() else None)
    return data, masks


def gpkg_bytes(tables: Sequence[Table], *, epsg: int,
               project: Callable[[Any, int], Any], date: str | None = None) -> bytes:
    """One GeoPackage with every table as a layer (in order), geometries projected with
    ``project(geometry, epsg)`` into each table's CRS (``table.epsg`` or ``epsg``).
    ``date``: the plan date (ISO), the file's time stamp (see the module docstring)."""
    try:
        import pyogrio
        from pyogrio.raw import write
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise OutputError("GeoPackage files need pyogrio (a dependency of orientation): "
                          "pip install 'pyogrio>=0.10'") from exc
    import numpy as np
    import shapely

    stamp = f"{date or '1970-01-01'}T00:00:00Z"
    with _LOCK, tempfile.TemporaryDirectory(prefix="orientation-gpkg-") as tmp:
        path = os.path.join(tmp, "out.gpkg")
        old = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": stamp})
        try:
            for i, t in enumerate(tables):
                target = t.epsg or epsg
                geoms = [project(g, target) for g, _ in t.rows]
                wkb = np.array([shapely.to_wkb(g, output_dimension=3 if " Z" in t.geometry_type
                                               else 2) for g in geoms], dtype=object)
                data, masks = _arrays(t)
                opts = {"GEOMETRY_NAME": t.geometry_column, "FID": t.fid, "IDENTIFIER": t.name,
                        "DESCRIPTION": t.description or t.name, "SPATIAL_INDEX": "YES"}
                write(path, wkb, data, list(t.names), field_mask=masks, layer=t.name,
                      driver="GPKG", geometry_type=t.geometry_type, crs=f"EPSG:{target}",
                      append=i > 0, layer_options=opts)
        finally:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": old})
        with open(path, "rb") as fh:
            return fh.read()


__all__ = ["COLUMN_TYPES", "Column", "Table", "TableBuilder", "columns", "gpkg_bytes"]
