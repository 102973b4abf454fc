"""The kinds of the site model: door, feature, site-feature and room-use enumerations and the
sets the layout and the maps sort them by. Imported by :mod:`orientation.model` (which
re-exports every name here); no validation and no geometry."""

from __future__ import annotations

from enum import StrEnum


class DoorKind(StrEnum):
    """What a door is for. Only the four exterior kinds get responder codes."""

    entrance = "entrance"
    emergency_exit = "emergency_exit"
    fire_brigade = "fire_brigade"
    service = "service"
    inner = "inner"


EXTERIOR_DOOR_KINDS = (
    DoorKind.entrance,
    DoorKind.emergency_exit,
    DoorKind.fire_brigade,
    DoorKind.service,
)


class FeatureKind(StrEnum):
    """Points in a building that responders look for."""

    key_box = "key_box"
    fire_alarm_panel = "fire_alarm_panel"
    first_info_point = "first_info_point"
    sprinkler_valve = "sprinkler_valve"
    riser = "riser"
    gas_shutoff = "gas_shutoff"
    power_shutoff = "power_shutoff"
    water_shutoff = "water_shutoff"
    aed = "aed"
    first_aid = "first_aid"
    elevator = "elevator"
    hazard = "hazard"
    #: DIN 14095 (2024): the building radio's fire-service control panel (Feuerwehr-
    #: Gebäudefunkbedienfeld, FGB; US: the ERRCS / BDA annunciator)
    building_radio = "building_radio"
    #: a smoke and heat extraction control (RWA-Bedienstelle; US: firefighter's smoke
    #: control station)
    smoke_extraction = "smoke_extraction"
    #: the fire service's inlet of a dry riser (Einspeisung), usually on the facade
    riser_inlet = "riser_inlet"


class SiteFeatureKind(StrEnum):
    """Things around the buildings. Lines: road, fire_lane, footway; points: hydrant,
    assembly_point, gate; areas: parking, drivable_area (private, drivable for fire engines),
    not_drivable (not drivable for fire engines), neighbour (a neighbouring building that is
    not part of the site, DIN 14095: drawn on the overview plan with its ``use`` and
    ``storeys``)."""

    road = "road"
    fire_lane = "fire_lane"
    footway = "footway"
    hydrant = "hydrant"
    assembly_point = "assembly_point"
    gate = "gate"
    parking = "parking"
    drivable_area = "drivable_area"
    not_drivable = "not_drivable"
    neighbour = "neighbour"


class FireLineKind(StrEnum):
    """A fire-protection line of a building (``buildings[].fire_lines``), drawn on the storey
    plans and the overview plan: a fire wall (Brandwand; red), the boundary of a fire
    compartment (Brandabschnittsgrenze, e.g. a wall instead of a fire wall; orange) or of a
    smoke compartment (Rauchabschnittsgrenze; orange, dashed)."""

    fire_wall = "fire_wall"
    compartment = "compartment"
    smoke_compartment = "smoke_compartment"


class DetectorKind(StrEnum):
    """What the detectors of a detector group (``buildings[].detector_groups``) are: printed
    on its fire-alarm route card (Laufkarte, DIN 14675)."""

    smoke = "smoke"
    heat = "heat"
    flame = "flame"
    multi_sensor = "multi_sensor"
    aspirating = "aspirating"
    manual = "manual"
    sprinkler = "sprinkler"
    extinguishing = "extinguishing"


class RoomUse(StrEnum):
    """What a room is used for (``rooms[].use``): shown under the room number on storey
    plans, as a word of :mod:`orientation.words` (German and English) and a short label
    explained in the legend. The hazard uses (:data:`HAZARD_USES`) are what DIN 14095 storey
    plans must show as hazards; ``stair`` and ``lift`` rooms are shafts: they get no room
    number and no room sign, their stair or lift is marked instead."""

    classroom = "classroom"
    office = "office"
    corridor = "corridor"
    stair = "stair"
    lift = "lift"
    toilet = "toilet"
    kitchen = "kitchen"
    dining = "dining"
    storage = "storage"
    technical = "technical"
    plant_room = "plant_room"
    server = "server"
    laboratory = "laboratory"
    workshop = "workshop"
    gym = "gym"
    hall = "hall"
    library = "library"
    staff_room = "staff_room"
    changing_room = "changing_room"
    medical = "medical"
    lobby = "lobby"
    # hazards (DIN 14095: shown on the storey plans)
    chemicals = "chemicals"
    gas = "gas"
    electrical = "electrical"
    heating = "heating"
    battery = "battery"
    oxygen = "oxygen"
    radioactive = "radioactive"
    flammables = "flammables"


#: Room uses that a storey plan shows as a hazard (DIN 14095 / TRVB 121 colours and symbol).
HAZARD_USES = frozenset({RoomUse.chemicals, RoomUse.gas, RoomUse.electrical, RoomUse.heating,
                         RoomUse.battery, RoomUse.oxygen, RoomUse.radioactive,
                         RoomUse.flammables})
#: Room uses of a vertical shaft: no room number, no room sign (the stair or lift is coded).
SHAFT_USES = frozenset({RoomUse.stair, RoomUse.lift})
#: Feature kinds that span storeys: with ``levels`` they are drawn on each level listed.
VERTICAL_FEATURE_KINDS = frozenset({FeatureKind.elevator, FeatureKind.riser})


LINE_KINDS = {SiteFeatureKind.road, SiteFeatureKind.fire_lane, SiteFeatureKind.footway}
POINT_KINDS = {SiteFeatureKind.hydrant, SiteFeatureKind.assembly_point, SiteFeatureKind.gate}
AREA_KINDS = {SiteFeatureKind.parking, SiteFeatureKind.drivable_area, SiteFeatureKind.not_drivable,
              SiteFeatureKind.neighbour}


__all__ = ["AREA_KINDS", "EXTERIOR_DOOR_KINDS", "HAZARD_USES", "LINE_KINDS", "POINT_KINDS",
           "SHAFT_USES", "VERTICAL_FEATURE_KINDS", "DetectorKind",
           "DoorKind", "FeatureKind", "FireLineKind", "RoomUse", "SiteFeatureKind"]
