"""Reading inputs: site files (:mod:`.site_file`) and building files (:mod:`.importing`).

The suffix dispatch table of the importers is :data:`IMPORTERS`; ``import_file`` is the one
entry point for IFC, DXF, IMDF and OSM. The format modules (:mod:`.ifc`, :mod:`.dxf`,
:mod:`.imdf`, :mod:`.osm`) are imported lazily, so a missing optional extra only matters for
its own format.
"""

from .importing import (
    FORMATS,
    IMPORTERS,
    ImportNote,
    ImportResult,
    detect_format,
    import_bytes,
    import_file,
    supported,
)

__all__ = [
    "FORMATS",
    "IMPORTERS",
    "ImportNote",
    "ImportResult",
    "detect_format",
    "import_bytes",
    "import_file",
    "supported",
]
