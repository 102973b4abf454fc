"""Default values that the command line's help text shows, in a module that imports nothing.

``orientation --help`` must not pay for pydantic, shapely or numpy (house rule: start-up under
0.15 s), so the defaults the help text names live here, and the modules that use them
(:class:`orientation.io.site_file.Limits`, :class:`orientation.io.ImportLimits`,
:mod:`orientation.model`, :mod:`orientation.profiles`, :mod:`orientation.pipeline`) should
take them from here; ``tests/test_cli_options.py`` holds every copy equal to these.

Units are in the names: ``_BYTES`` bytes, ``_MB`` megabytes of 10^6 bytes, ``_M`` metres,
``_S`` seconds.
"""

from __future__ import annotations

#: The profile used when neither the command line nor the site file names one.
DEFAULT_PROFILE = "guetersloh"

#: Output formats of ``render`` (``--formats``), in writing order.
FORMATS = ("svg", "pdf")

#: Findings listed per kind in the summary of ``render`` and ``plan`` (``--verbose``: all).
FINDINGS_PER_KIND = 3

# -- limits for untrusted site files (orientation.io.site_file.Limits) -------------------------

#: Largest site file.
MAX_SITE_FILE_BYTES = 50_000_000
#: YAML/JSON values after alias expansion (alias bombs).
MAX_NODES = 5_000_000
#: Nesting depth of a site file.
MAX_DEPTH = 64
#: Doors, stairs, rooms, windows and features of all buildings together.
MAX_ELEMENTS = 500_000
#: Farthest coordinate from the plan origin.
MAX_COORDINATE_M = 100_000.0
#: Points of one footprint, courtyard, room outline or site area.
MAX_RING_VERTICES = 5_000
#: Points of one road, fire lane or footway.
MAX_LINE_POINTS = 1_000
#: Exterior doors of one building.
MAX_EXTERIOR_DOORS = 500

# -- limits for untrusted building files (orientation.io.ImportLimits) -------------------------

#: Largest building file (IFC, DXF, OSM, IMDF archive).
MAX_IMPORT_FILE_BYTES = 300_000_000
#: Largest unpacked IMDF archive.
MAX_UNZIPPED_BYTES = 400_000_000
#: Memory of the contained import process.
IMPORT_MEMORY_MB = 4096
#: Longest import.
IMPORT_TIMEOUT_S = 120.0
#: Most levels one OSM level range (``level=0-3``) may name.
MAX_LEVELS_PER_RANGE = 200
#: Most points of one flattened DXF curve.
MAX_CURVE_POINTS = 10_000
#: Most points of all entities in one file.
MAX_POINTS_PER_FILE = 5_000_000
#: Most segments of a DXF plan's wall lines that are formed into rooms.
MAX_WALL_SEGMENTS = 20_000
#: Most notes listed for one import.
MAX_NOTES = 100

__all__ = [
    "DEFAULT_PROFILE",
    "FINDINGS_PER_KIND",
    "FORMATS",
    "IMPORT_MEMORY_MB",
    "IMPORT_TIMEOUT_S",
    "MAX_COORDINATE_M",
    "MAX_CURVE_POINTS",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_EXTERIOR_DOORS",
    "MAX_IMPORT_FILE_BYTES",
    "MAX_LEVELS_PER_RANGE",
    "MAX_LINE_POINTS",
    "MAX_NODES",
    "MAX_NOTES",
    "MAX_POINTS_PER_FILE",
    "MAX_RING_VERTICES",
    "MAX_SITE_FILE_BYTES",
    "MAX_UNZIPPED_BYTES",
    "MAX_WALL_SEGMENTS",
]
