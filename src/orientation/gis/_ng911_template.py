"""NENA's NG9-1-1 GIS data model template, the parts ``ng911.gpkg`` is built against (generated
from ``NG911_GISDataModelTemplate_v3.0.gpkg`` and ``flatfile_schema_v3.yaml`` of
NENA911/NG911GISDataModel @ 30a42bfd, NENA-STA-006.3-2026; Apache License 2.0, © NENA: the
field names, types, widths and the domains below are NENA's; do not edit by hand).

``FIELDS``: every field of a layer in the template's order, as (name, type, width): ``TEXT``
with its width, ``DATETIME``, ``INTEGER`` (the template's MEDIUMINT) and ``REAL`` (DOUBLE).
``REQUIRED``: the fields the template declares NOT NULL. ``tests/test_ng911.py`` checks all
of it against the template in ``../shared/data/ng911/``.
"""

from __future__ import annotations

Field = tuple[str, str, int | None]


def _words(text: str, sep: str = " ") -> frozenset[str]:
    return frozenset(text.split(sep))


#: The geometry of each layer: (GeoPackage geometry type, geometry column, FID column, EPSG).
GEOMETRY: dict[str, tuple[str, str, str, int]] = {
    "SiteStructureAddressPoint": ("Point Z", "Shape", "OBJECTID", 4326),
    "SiteStructureAddressPolygon": ("MultiPolygon", "Shape", "OBJECTID", 4326),
}

#: NENA's GIS Data Layers registry: the layer indicator of each layer (for the NGUID).
LAYER_INDICATOR = {"SiteStructureAddressPoint": "SSAP", "SiteStructureAddressPolygon": "SSAPoly"}

_POINT: tuple[Field, ...] = (
    ('DiscrpAgID', 'TEXT', 100), ('DateUpdate', 'DATETIME', None), ('Effective', 'DATETIME', None),
    ('Expire', 'DATETIME', None), ('NGUID', 'TEXT', 254), ('Country', 'TEXT', 2),
    ('A1', 'TEXT', 2), ('A2', 'TEXT', 254), ('AddCode', 'TEXT', 6), ('A3', 'TEXT', 254),
    ('A4', 'TEXT', 254), ('A5', 'TEXT', 254), ('AddNum_Pre', 'TEXT', 15),
    ('Add_Number', 'INTEGER', None), ('AddNum_Suf', 'TEXT', 15), ('AddNum_Cmp', 'TEXT', 42),
    ('DistMarker', 'TEXT', 150), ('St_PreMod', 'TEXT', 25), ('St_PreDir', 'TEXT', 10),
    ('St_PreTyp', 'TEXT', 50), ('St_PreSep', 'TEXT', 20), ('St_Name', 'TEXT', 254),
    ('St_PosTyp', 'TEXT', 50), ('St_PosDir', 'TEXT', 10), ('St_PosMod', 'TEXT', 25),
    ('Dir_Travel', 'TEXT', 10), ('LSt_PreDir', 'TEXT', 2), ('LSt_Name', 'TEXT', 75),
    ('LSt_Typ', 'TEXT', 4), ('LSt_PosDir', 'TEXT', 2), ('ESN', 'TEXT', 5),
    ('MSAGComm', 'TEXT', 30), ('LCountyID', 'TEXT', 5), ('Post_Comm', 'TEXT', 40),
    ('Post_Code', 'TEXT', 7), ('PostCodeEx', 'TEXT', 4), ('Site', 'TEXT', 254),
    ('SubSite', 'TEXT', 254), ('Structure', 'TEXT', 75), ('Floor', 'TEXT', 75),
    ('FloorIndex', 'INTEGER', None), ('Wing', 'TEXT', 75), ('Unit', 'TEXT', 75),
    ('UnitPreTyp', 'TEXT', 75), ('UnitValue', 'TEXT', 75), ('Section', 'TEXT', 75),
    ('Row_', 'TEXT', 75), ('Room', 'TEXT', 75), ('Seat', 'TEXT', 75), ('LocMarker', 'TEXT', 100),
    ('Addtl_Loc', 'TEXT', 225), ('AddDataURI', 'TEXT', 254), ('Place_Type', 'TEXT', 50),
    ('Placement', 'TEXT', 25), ('Longitude', 'REAL', None), ('Latitude', 'REAL', None),
    ('Elevation', 'REAL', None), ('Altitude', 'REAL', None), ('Height', 'REAL', None),
)

_POLYGON: tuple[Field, ...] = (
    ('DiscrpAgID', 'TEXT', 100), ('DateUpdate', 'DATETIME', None), ('Effective', 'DATETIME', None),
    ('Expire', 'DATETIME', None), ('NGUID', 'TEXT', 254), ('Country', 'TEXT', 2),
    ('A1', 'TEXT', 2), ('A2', 'TEXT', 254), ('AddCode', 'TEXT', 6), ('A3', 'TEXT', 254),
    ('A4', 'TEXT', 254), ('A5', 'TEXT', 254), ('AddNum_Pre', 'TEXT', 15),
    ('Add_Number', 'INTEGER', None), ('AddNum_Suf', 'TEXT', 15), ('AddNum_Cmp', 'TEXT', 42),
    ('St_PreMod', 'TEXT', 25), ('St_PreDir', 'TEXT', 10), ('St_PreTyp', 'TEXT', 50),
    ('St_PreSep', 'TEXT', 20), ('St_Name', 'TEXT', 254), ('St_PosTyp', 'TEXT', 50),
    ('St_PosDir', 'TEXT', 10), ('St_PosMod', 'TEXT', 25), ('Dir_Travel', 'TEXT', 10),
    ('LSt_PreDir', 'TEXT', 2), ('LSt_Name', 'TEXT', 75), ('LSt_Typ', 'TEXT', 4),
    ('LSt_PosDir', 'TEXT', 2), ('ESN', 'TEXT', 5), ('MSAGComm', 'TEXT', 30),
    ('LCountyID', 'TEXT', 5), ('Post_Comm', 'TEXT', 40), ('Post_Code', 'TEXT', 7),
    ('PostCodeEx', 'TEXT', 4), ('Site', 'TEXT', 254), ('SubSite', 'TEXT', 254),
    ('Structure', 'TEXT', 75), ('Floor', 'TEXT', 75), ('FloorIndex', 'INTEGER', None),
    ('Wing', 'TEXT', 75), ('Unit', 'TEXT', 75), ('UnitPreTyp', 'TEXT', 75),
    ('UnitValue', 'TEXT', 75), ('Section', 'TEXT', 75), ('Row_', 'TEXT', 75), ('Room', 'TEXT', 75),
    ('Seat', 'TEXT', 75), ('Addtl_Loc', 'TEXT', 225), ('AddDataURI', 'TEXT', 254),
    ('Place_Type', 'TEXT', 50), ('Placement', 'TEXT', 25),
)

FIELDS: dict[str, tuple[Field, ...]] = {"SiteStructureAddressPoint": _POINT,
                                      "SiteStructureAddressPolygon": _POLYGON}
REQUIRED: dict[str, tuple[str, ...]] = {
    "SiteStructureAddressPoint": ('DiscrpAgID', 'DateUpdate', 'NGUID', 'Country', 'A1'),
    "SiteStructureAddressPolygon": ('DiscrpAgID', 'DateUpdate', 'NGUID', 'Country', 'A1'),
}

#: The PlacementMethodPoint and PlacementMethodPolygon domains.
PLACEMENT_POINT = frozenset(('ExteriorAccess', 'Geocoding', 'InteriorAccess', 'InteriorCentroid', 'Parcel', 'PropertyAccess', 'Site', 'Structure', 'Unknown'))
PLACEMENT_POLYGON = frozenset(('Interior', 'Parcel', 'Site', 'Structure', 'Other'))

#: AdministrativeLevels1: the US states and territories and the Canadian provinces.
US_STATES = _words(
    'AL AK AS AZ AR CA CO CT DE DC FM FL GA GU HI ID IL IN IA KS KY LA ME MH MD MA MI MN MS MO '
    'MT NE NV NH NJ NM NY NC ND MP OH OK OR PW PA PR RI SC SD TN TX UT VT UM VI VA WA WV WI WY'
)
CA_PROVINCES = _words(
    'AB BC MB NB NL NS NT NU ON PE QC SK YT'
)

#: StreetNameDirectional.
DIRECTIONALS = frozenset(('North', 'South', 'East', 'West', 'Northeast', 'Northwest', 'Southeast', 'Southwest', 'Nord', 'Sud', 'Est', 'Ouest', 'Nord-Est', 'Nord-Ouest', 'Sud-Est', 'Sud-Ouest'))

#: StreetNameType: the street types (several words: ``Access Road``), ``|``-separated.
STREET_TYPES = _words((
    'Abbey|Access|Access Road|Acres|Airport|Alcove|Alle|Alley|Annex|Approach|Arc|Arcade|Arch|'
    'Avenida|Avenue|Avenue Circle|Avenue Court|Avenue Loop|Avenue Path|Avenue Place|'
    'Avenue Way|Bank|Bay|Bayou|Bayway|Beach|Bend|Bluff|Bluffs|Boardwalk|Bottom|Boulevard|'
    'Branch|Bridge|Brook|Brooks|Bureau of Indian Affairs Route|Burg|Burgs|Bypass|Calle|'
    'Callejon|Camino|Camp|Canyon|Cape|Cartway|Causeway|Center|Centers|Centre|Channel|Chase|'
    'Chemin|Circle|Circles|Circus|Cliff|Cliffs|Close|Club|Cluster|Coast Highway|Common|'
    'Commons|Concession Road|Concourse|Connect|Connector|Corner|Corners|Corridor|Corso|Corte|'
    'County Forest Road|County Highway|County Road|County Route|County State Aid Highway|'
    'Cours|Course|Court|Courts|Cove|Coves|Creek|Crescent|Crest|Cross|Crossing|Crossings|'
    'Crossover|Crossroad|Crossroads|Crossway|Curve|Custer County Road|Cutoff|Cutting|Dale|'
    'Dam|Dawson County Road|Dell|Divide|Dock|Down|Downs|Draw|Drift|Drive|Drives|Driveway|'
    'Dugway|Echo|Edge|End|Entrance|Entry|Esplanade|Estate|Estates|Exchange|Exit|Expressway|'
    'Extension|Extensions|Fall|Falls|Fare|Farm|Farm to Market|Federal-Aid Secondary Highway|'
    'Ferry|Field|Fields|Flat|Flats|Flowage|Flyway|Ford|Fords|Forest|Forest Highway|'
    'Forest Road|Forge|Forges|Fork|Forks|Fort|Freeway|Front|Frontage Road|Gables|Garden|'
    'Gardens|Garth|Gate|Gates|Gateway|Glade|Glen|Glens|Gorge|Grade|Green|Greens|Greenway|'
    'Grove|Groves|Harbor|Harbors|Harbour|Haul Road|Haven|Heath|Heights|Hideaway|Highway|Hill|'
    'Hills|Hollow|Horn|Horseshoe|Indian Service Road|Inlet|Interstate|Interval|Island|'
    'Islands|Isle|Isles|J-Turn|Junction|Junctions|Keep|Key|Keys|Knoll|Knolls|Lair|Lake|Lakes|'
    'Land|Landing|Lane|Lane Circle|Lane Court|Lane Road|Lateral|Ledge|Light|Lights|Line|Loaf|'
    'Lock|Locks|Lodge|Lookout|Loop|Loop Road|Lugar|Mall|Manor|Manors|Market|Meadow|Meadows|'
    'Mews|Mill|Mills|Mission|Montana Highway|Motorway|Mount|Mountain|Mountains|Narrows|'
    'National Forest Development Road|Neck|Nook|North Carolina Highway|Oaks|Old County Road|'
    'Orchard|Oval|Overlook|Overpass|Ovi|Park|Parke|Parks|Parkway|Parkways|Paseo|Pass|Passage|'
    'Path|Pathway|Piazza|Pike|Pine|Pines|Place|Placita|Plain|Plains|Platz|Plaza|Point|Pointe|'
    'Points|Port|Ports|Prairie|Private Road|Promenade|Public Access|Quarter|Quay|Radial|Ramp|'
    'Ranch|Rancho|Rapid|Rapids|Reach|Recreational Road|Rest|Retreat|Ridge|Ridges|Rise|River|'
    'River Road|Road|Roads|Round|Route|Row|Rue|Run|Runne|Runway|Shoal|Shoals|Shore|Shores|'
    'Sideroad|Skies|Skyway|Slip|Spring|Springs|Spur|Spurs|Square|Squares|State Highway|'
    'State Park Road|State Parkway|State Road|State Route|State Secondary|State Spur|Station|'
    'Strand|Strasse|Stravenue|Stream|Street|Street Circle|Street Court|Street Loop|'
    'Street Path|Street Place|Street Way|Streets|Strip|Summit|Taxiway|Terminal|Tern|Terrace|'
    'Throughway|Thruway|Timber Road|Town Road|Townline|Township Road|Trace|Track|Trafficway|'
    'Trail|Trailer|Triangle|Truck Trail|Tunnel|Turn|Turnpike|Underpass|Union|Unions|'
    'United States Forest Service Road|United States Highway|Uunye|Valley|Valleys|Via|'
    'Viaduct|View|Views|Villa|Village|Villages|Ville|Vista|Vog|Waddy|Walk|Walks|Wall|Way|'
    'Ways|Weeg|Well|Wells|Woods|Wye|Wynd'
), "|")

__all__ = ["CA_PROVINCES", "DIRECTIONALS", "FIELDS", "GEOMETRY", "LAYER_INDICATOR",
           "PLACEMENT_POINT", "PLACEMENT_POLYGON", "REQUIRED", "STREET_TYPES", "US_STATES"]
