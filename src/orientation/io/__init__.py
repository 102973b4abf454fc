"""Reading inputs: site files (:mod:`.site_file`) and building files (:mod:`.importing`).

The suffix dispatch table of the importers is :data:`IMPORTERS`; ``import_file`` is the one
entry point for IFC, DXF, IMDF and OSM. The format modules (:mod:`.ifc`, :mod:`.dxf`,
:mod:`.imdf`, :mod:`.osm`) are imported lazily, so a missing optional extra only matters for
its own format.

Every importer feeds the same builder: it reads its format into drafts (:mod:`._drafts`) and
calls :func:`._assemble.assemble_site`, which cleans them up with the helpers of
:mod:`._geometry` and :mod:`._text` and records what it changed in :mod:`._notes`. Budgets are
:mod:`._limits`; IFC files pass the STEP pre-check of :mod:`._step` first. WGS84 sources (OSM,
IMDF) project with :mod:`orientation.geo`, the frame the exports unproject with.

Imports run **contained** by default (:mod:`.contained`): the reader runs in a child process
with a memory and a time limit, and every budget of :class:`ImportLimits` applies.
"""

from .importing import (
    DEFAULT_IMPORT_LIMITS,
    FORMATS,
    IMPORTERS,
    ImportLimits,
    ImportNote,
    ImportResult,
    detect_format,
    import_bytes,
    import_file,
    supported,
)

__all__ = [
    "DEFAULT_IMPORT_LIMITS",
    "FORMATS",
    "IMPORTERS",
    "ImportLimits",
    "ImportNote",
    "ImportResult",
    "detect_format",
    "import_bytes",
    "import_file",
    "supported",
]
