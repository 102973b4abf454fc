"""A US or Canadian one-line address split into NENA's civic address fields (NENA-STA-006.3:
``Add_Number``, ``St_PreDir``, ``St_Name``, ``St_PosTyp``, ``St_PosDir``, ``Post_Comm``, ``A1``,
``Post_Code``, ``Country`` …), for the NG911 layers.

Street types and directionals are NENA's domain values (:mod:`._ng911_template`); the usual
postal abbreviations (``St``, ``Ave``, ``N``) are written out, as the domains want. What does
not parse is left out, never guessed.

>>> a = parse_address("1200 Oak Street, Springfield, TX 75001")
>>> a["Add_Number"], a["St_Name"], a["St_PosTyp"], a["Post_Comm"], a["A1"], a["Post_Code"], a["Country"]
(1200, 'Oak', 'Street', 'Springfield', 'TX', '75001', 'US')
>>> parse_address("55 N Main St., Dayton, OH 45402-1234, USA")["St_PreDir"]
'North'
>>> parse_address("Schulstraße 1, 33330 Gütersloh")
{}
"""

from __future__ import annotations

import re
from typing import Any

from ._ng911_template import CA_PROVINCES, DIRECTIONALS, STREET_TYPES, US_STATES

#: Postal abbreviations of street types (USPS Publication 28), written out.
TYPE_ABBREVIATIONS = {
    "st": "Street", "str": "Street", "ave": "Avenue", "av": "Avenue", "rd": "Road",
    "dr": "Drive", "blvd": "Boulevard", "ln": "Lane", "ct": "Court", "pl": "Place",
    "pkwy": "Parkway", "hwy": "Highway", "cir": "Circle", "ter": "Terrace", "trl": "Trail",
    "sq": "Square", "expy": "Expressway", "fwy": "Freeway", "cv": "Cove", "pt": "Point",
    "xing": "Crossing", "tpke": "Turnpike", "aly": "Alley", "bnd": "Bend", "cres": "Crescent",
    "hts": "Heights", "jct": "Junction", "mnr": "Manor", "plz": "Plaza", "rdg": "Ridge",
    "rte": "Route", "sta": "Station", "vw": "View", "vly": "Valley",
}
DIRECTION_ABBREVIATIONS = {"n": "North", "s": "South", "e": "East", "w": "West",
                           "ne": "Northeast", "nw": "Northwest", "se": "Southeast",
                           "sw": "Southwest"}
_TYPES = {t.casefold(): t for t in STREET_TYPES}
_DIRS = {d.casefold(): d for d in DIRECTIONALS}
_COUNTRY_TAIL = re.compile(r"^(usa|us|u\.s\.a\.|united states( of america)?|canada|ca)$", re.I)
_US_ZIP = re.compile(r"^(\d{5})(?:-(\d{4}))?$")
_CA_POST = re.compile(r"^([A-Za-z]\d[A-Za-z])\s?(\d[A-Za-z]\d)$")


def _direction(word: str) -> str | None:
    w = word.rstrip(".").casefold()
    return DIRECTION_ABBREVIATIONS.get(w) or _DIRS.get(w)


def _street(text: str) -> dict[str, Any]:
    m = re.match(r"^(\d{1,6})([A-Za-z]|\s+\d/\d)?\s+(.+)$", text.strip())
    if not m:
        return {}
    out: dict[str, Any] = {"Add_Number": int(m.group(1))}
    if m.group(2):
        out["AddNum_Suf"] = m.group(2).strip()
    out["AddNum_Cmp"] = m.group(1) + (m.group(2) or "")
    name = m.group(3).split()
    if len(name) > 1 and _direction(name[0]):
        out["St_PreDir"] = _direction(name.pop(0))
    if len(name) > 1 and _direction(name[-1]):
        out["St_PosDir"] = _direction(name.pop())
    for n in range(min(4, len(name) - 1), 0, -1):
        tail = " ".join(name[-n:])
        typ = _TYPES.get(tail.casefold()) or (TYPE_ABBREVIATIONS.get(tail.rstrip(".").casefold())
                                               if n == 1 else None)
        if typ:
            out["St_PosTyp"] = typ
            name = name[:-n]
            break
    if name:
        out["St_Name"] = " ".join(name)
    return out


def parse_address(address: str | None) -> dict[str, Any]:
    """NENA civic address fields of ``NUMBER STREET, CITY, ST ZIP[, COUNTRY]`` (a US state or
    a Canadian province with its postal code); an empty dict for an address of another form
    (a German one) or another country."""
    if not address:
        return {}
    parts = [p.strip() for p in address.split(",") if p.strip()]
    if parts and _COUNTRY_TAIL.match(parts[-1]):
        parts.pop()
    if len(parts) < 2:
        return {}
    tail = parts[-1].split(None, 1)
    state = tail[0].upper().rstrip(".")
    if state in US_STATES:
        country = "US"
    elif state in CA_PROVINCES:
        country = "CA"
    else:
        return {}
    out: dict[str, Any] = {"Country": country, "A1": state}
    code = tail[1].strip() if len(tail) > 1 else ""
    us, ca = _US_ZIP.match(code), _CA_POST.match(code)
    if country == "US" and us:
        out["Post_Code"] = us.group(1)
        if us.group(2):
            out["PostCodeEx"] = us.group(2)
    elif country == "CA" and ca:
        out["Post_Code"] = f"{ca.group(1)} {ca.group(2)}".upper()
    if len(parts) >= 3:
        out["Post_Comm"] = parts[-2]
    return _street(parts[0]) | out


__all__ = ["DIRECTION_ABBREVIATIONS", "TYPE_ABBREVIATIONS", "parse_address"]
