"""GIS and dispatch exports beside the register: ``register.gpkg``, ``outlines.geojson``,
``ng911.gpkg`` and the dispatch object sheet (``object.csv`` / ``object.json``).

* :mod:`.context` the values the exports need besides the plan (the site's reference, the
  dispatch keys, source ids, inner doors), made by the pipeline from the site;
* :mod:`.tables` feature tables and the one GeoPackage writer (pyogrio);
* :mod:`.layers` the register's layers (buildings, storeys, rooms, doors …) in plan metres;
* :mod:`.geojson` RFC 7946 GeoJSON of outlines and markings;
* :mod:`.ng911` NENA-STA-006.3 layers (:mod:`._ng911_template` is NENA's field list), with
  :mod:`.address` for US addresses;
* :mod:`.objects` the object sheet a dispatch centre types into its object file.

Part of the compose layer: they read the plan (and the context), never the site model.
"""
