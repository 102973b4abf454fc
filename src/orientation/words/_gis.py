"""The words of the GIS and dispatch exports (:mod:`orientation.gis`): the GeoPackage layers'
descriptions (``gis.layer-<layer>``), the object sheet's labels (``gis.obj-<item>``) and what a
render says about its GIS files (``gis.<name>``)."""

from __future__ import annotations

_DE = {
    # register.gpkg layers (gpkg_contents.description)
    "layer-buildings": "Gebäude: Umriss mit Buchstabe und Name",
    "layer-storeys": "Geschosse: Umriss je Geschoss",
    "layer-rooms": "Räume: Umriss mit Raumnummer, Name, Nutzung und Geschoss",
    "layer-doors": "Türen: Außentüren mit Code, Art, Seite und Planquadrat; Innentüren",
    "layer-stairs_lifts": "Treppen und Aufzüge",
    "layer-windows": "Fenster mit Code",
    "layer-features": "Einrichtungen im Gebäude (FSD, BMZ, FIZ, Absperrungen, AED …)",
    "layer-site_points": "Punkte auf dem Gelände (Hydranten, Sammelplätze, Tore)",
    "layer-site_lines": "Straßen, Feuerwehrzufahrten und Fußwege",
    "layer-site_areas": "Flächen auf dem Gelände (Parkplätze, befahrbare Flächen)",
    "layer-signs": "Alle Schilder mit Text (auch Wegweiser)",
    "layer-markings": "Das Register: jeder Code am Gebäude",
    # the object sheet
    "obj-object_number": "Objektnummer",
    "obj-name": "Objekt",
    "obj-address": "Anschrift",
    "obj-position": "Objektkoordinate (Haupteingang)",
    "obj-grid_crs": "Koordinatensystem",
    "obj-plan_number": "Feuerwehrplan-Nummer",
    "obj-plan_date": "Planstand",
    "obj-draft": "Entwurf",
    "obj-fire_alarm_number": "BMA-Nummer",
    "obj-fire_alarm_panel": "Brandmelderzentrale (BMZ)",
    "obj-key_depot": "Feuerwehr-Schlüsseldepot (FSD)",
    "obj-first_info_point": "Feuerwehr-Informationszentrale (FIZ)",
    "obj-access_note": "Zufahrt / Zugang",
    "obj-entrance": "Zugang",
    "obj-main-entrance": "Haupteingang",
    # the render's summary
    "not-georeferenced-short": "nicht georeferenziert",
    "not-georeferenced": (
        "nicht georeferenziert: GeoJSON und GeoPackage nicht geschrieben (Planmeter würden als "
        "Grad gelesen); site.origin (Breite/Länge von Planpunkt 0, 0) oder site.crs (EPSG-Code "
        "mit Rechts- und Hochwert) in der Standortdatei setzen – oder im Editor der App "
        "(Bearbeiten › Auf dem Plan bearbeiten: einen Punkt anklicken, Breite und Länge "
        "eingeben)"),
    "gis-written": "GIS: {files} in {crs}",
    "ng911-written": "NG911: {points} Adresspunkte ({doors} Außentüren), {polygons} Flächen",
    "ng911-no-date": (
        "NG911: ng911.gpkg nicht geschrieben: NENA verlangt DateUpdate, der Plan hat kein Datum "
        "(site.date setzen oder --date angeben)"),
    "ng911-not-georeferenced": (
        "NG911: ng911.gpkg nicht geschrieben: der Standort ist nicht georeferenziert"),
    "ng911-no-agency": (
        "NG911: DiscrpAgID ist leer (site.dispatch.agency_id setzen: der Domainname der "
        "Stelle, die Abweichungsmeldungen annimmt, z. B. psap.example.tx.us)"),
    "ng911-no-state": (
        "NG911: Country und A1 sind leer: site.address nennt keinen US-Bundesstaat oder keine "
        "kanadische Provinz (Form: '1200 Oak Street, Springfield, TX 75001')"),
    "north-mismatch": (
        "site.north_deg ({north:.1f}°) und site.crs (die +y-Achse zeigt nach {bearing:.1f}°) "
        "weichen um {delta:.1f}° voneinander ab: der Nordpfeil der Karten folgt north_deg, "
        "die Exporte folgen site.crs"),
}

_EN = {
    "layer-buildings": "Buildings: footprint with letter and name",
    "layer-storeys": "Storeys: outline of each storey",
    "layer-rooms": "Rooms: outline with room number, name, use and storey",
    "layer-doors": "Doors: exterior doors with code, kind, side and grid cell; inner doors",
    "layer-stairs_lifts": "Stairs and lifts",
    "layer-windows": "Coded windows",
    "layer-features": "Building features (key box, alarm panel, shutoffs, AED …)",
    "layer-site_points": "Points on the site (hydrants, assembly points, gates)",
    "layer-site_lines": "Roads, fire lanes and footways",
    "layer-site_areas": "Areas on the site (parking, drivable areas)",
    "layer-signs": "Every sign with its text (guidance signs too)",
    "layer-markings": "The register: every code on the buildings",
    "obj-object_number": "Object number",
    "obj-name": "Object",
    "obj-address": "Address",
    "obj-position": "Object position (main entrance)",
    "obj-grid_crs": "Coordinate reference system",
    "obj-plan_number": "Pre-plan number",
    "obj-plan_date": "Plan date",
    "obj-draft": "Draft",
    "obj-fire_alarm_number": "Fire alarm system number",
    "obj-fire_alarm_panel": "Fire alarm control panel (FACP)",
    "obj-key_depot": "Key box (Knox box)",
    "obj-first_info_point": "Fire information point",
    "obj-access_note": "Access",
    "obj-entrance": "Entrance",
    "obj-main-entrance": "Main entrance",
    "not-georeferenced-short": "not georeferenced",
    "not-georeferenced": (
        "not georeferenced: GeoJSON and GeoPackage not written (plan metres would be read as "
        "degrees); set site.origin (latitude/longitude of plan point 0, 0) or site.crs (an EPSG "
        "code with easting and northing) in the site file, or in the app's editor (Edit › Edit "
        "on the plan: click a point, type its latitude and longitude)"),
    "gis-written": "GIS: {files} in {crs}",
    "ng911-written": "NG911: {points} address points ({doors} exterior doors), {polygons} polygons",
    "ng911-no-date": (
        "NG911: ng911.gpkg not written: NENA requires DateUpdate and the plan has no date (set "
        "site.date or pass --date)"),
    "ng911-not-georeferenced": (
        "NG911: ng911.gpkg not written: the site is not georeferenced"),
    "ng911-no-agency": (
        "NG911: DiscrpAgID is empty (set site.dispatch.agency_id: the domain name of the agency "
        "that takes discrepancy reports, e.g. psap.example.tx.us)"),
    "ng911-no-state": (
        "NG911: Country and A1 are empty: site.address names no US state or Canadian province "
        "(write it as '1200 Oak Street, Springfield, TX 75001')"),
    "north-mismatch": (
        "site.north_deg ({north:.1f}°) and site.crs (the +y axis points to {bearing:.1f}°) "
        "differ by {delta:.1f}°: the maps' north arrow follows north_deg, the exports follow "
        "site.crs"),
}

# the IFC importer's notes on the model's map conversion (``import.<code>``)
_IMPORT_DE = {
    "ifc-map-conversion": (
        "site.crs aus IfcMapConversion: EPSG:{epsg} ({name}), Planpunkt 0, 0 bei "
        "{easting:.2f} / {northing:.2f}, +y-Achse {rotation:.3f}° gegen Gitternord; "
        "IfcSite RefLatitude/RefLongitude werden nicht verwendet"),
    "ifc-crs-unknown": (
        "IfcProjectedCRS '{name}' nennt keinen EPSG-Code, den PROJ kennt; site.crs entfällt "
        "(von Hand setzen: site.crs mit epsg, easting, northing)"),
    "ifc-map-scale": (
        "der Maßstab von IfcMapConversion ergibt {scale:g} statt etwa 1 (Einheiten "
        "verwechselt?); 1 angenommen"),
    "ifc-north-from-map": (
        "TrueNorth des Modells ({north:.1f}°) und IfcMapConversion ({bearing:.1f}°) "
        "widersprechen sich; site.north_deg folgt der IfcMapConversion"),
}
_IMPORT_EN = {
    "ifc-map-conversion": (
        "site.crs from IfcMapConversion: EPSG:{epsg} ({name}), plan point 0, 0 at "
        "{easting:.2f} / {northing:.2f}, +y axis {rotation:.3f}° from grid north; IfcSite "
        "RefLatitude/RefLongitude are not used"),
    "ifc-crs-unknown": (
        "IfcProjectedCRS '{name}' names no EPSG code PROJ knows; site.crs is left out (set it "
        "by hand: site.crs with epsg, easting, northing)"),
    "ifc-map-scale": (
        "the IfcMapConversion scale gives {scale:g} instead of about 1 (units mixed up?); "
        "1 is assumed"),
    "ifc-north-from-map": (
        "the model's TrueNorth ({north:.1f}°) and its IfcMapConversion ({bearing:.1f}°) "
        "disagree; site.north_deg follows the IfcMapConversion"),
}

SECTIONS = {"gis.": {"de": _DE, "en": _EN}, "import.": {"de": _IMPORT_DE, "en": _IMPORT_EN}}
