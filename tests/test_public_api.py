"""The public surface is small and explicit (house rule 2).

The layering (who may import whom, shapely kept out of the model) is
``tests/test_layering.py``, which reads the whole import graph."""

import orientation


def test_exported_members():
    assert sorted(orientation.__all__) == sorted([
        "OrientationError", "Plan", "PlanOptions", "Site", "SiteFileError", "__version__",
        "load_profile", "load_site", "load_site_bytes", "make_plan", "profile_names", "render",
        "render_outputs", "write_outputs",
    ])
    for name in orientation.__all__:
        assert hasattr(orientation, name), name


def test_lazy_exports_match_all():
    from orientation import _EXPORTS

    assert sorted([*_EXPORTS, "__version__"]) == sorted(orientation.__all__)
