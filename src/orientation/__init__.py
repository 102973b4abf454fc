"""orientation: emergency orientation signage after the Gütersloh model and responder maps.

The public API (pinned by ``tests/test_public_api.py``)::

    site = load_site("floorplans/gesamtschule.yaml")       # read and validate
    plan = make_plan(site, "guetersloh")                    # codes, signs, findings
    outputs = render("floorplans/gesamtschule.yaml", "output/gesamtschule")   # everything
"""

__version__ = "0.1.0"

from .errors import OrientationError, SiteFileError  # noqa: E402
from .layout.engine import PlanOptions, make_plan  # noqa: E402
from .model import Site  # noqa: E402
from .pipeline import load_site, load_site_bytes, render, render_outputs, write_outputs  # noqa: E402
from .plan import Plan  # noqa: E402
from .profiles import load_profile, profile_names  # noqa: E402

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
