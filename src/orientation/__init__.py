"""orientation: emergency orientation signage after the Gütersloh model and responder maps.

The public API (pinned by ``tests/test_public_api.py``)::

    site = load_site("floorplans/gesamtschule.yaml")       # read and validate
    plan = make_plan(site, "guetersloh")                    # codes, signs, findings
    outputs = render("floorplans/gesamtschule.yaml", "output/gesamtschule")   # everything

Names are imported on first use, so ``orientation --version`` or ``orientation schema`` do not
pay for the geometry and PDF libraries.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up)

__version__ = "0.1.0"

_EXPORTS = {
    "OrientationError": "errors",
    "SiteFileError": "errors",
    "PlanOptions": "layout.engine",
    "make_plan": "layout.engine",
    "Site": "model",
    "load_site": "pipeline",
    "load_site_bytes": "pipeline",
    "render": "pipeline",
    "render_outputs": "pipeline",
    "write_outputs": "fileio",
    "Plan": "plan",
    "load_profile": "profiles",
    "profile_names": "profiles",
}

__all__ = [
    "OrientationError",
    "Plan",
    "PlanOptions",
    "Site",
    "SiteFileError",
    "__version__",
    "load_profile",
    "load_site",
    "load_site_bytes",
    "make_plan",
    "profile_names",
    "render",
    "render_outputs",
    "write_outputs",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'orientation' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from .errors import OrientationError, SiteFileError
    from .fileio import write_outputs
    from .layout.engine import PlanOptions, make_plan
    from .model import Site
    from .pipeline import load_site, load_site_bytes, render, render_outputs
    from .plan import Plan
    from .profiles import load_profile, profile_names
