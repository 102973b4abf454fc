"""Room uses of IFC spaces (``IfcSpace``), for :mod:`orientation.io.ifc`.

IFC's own space types (``IfcSpaceTypeEnum``: ``SPACE``, ``PARKING``, ``GFA``, ``INTERNAL``,
``EXTERNAL``, ``BERTH``) say where a space is, not what it is used for, so the use is read
from the words the model gives the space, in this order: its ``ObjectType`` (the type a
``USERDEFINED`` space names), ``LongName``, ``Name``, the name of its type object
(``IfcSpaceType``) and the names of its classification references (``Büro``, ``WC``,
``Offices``), each by :func:`~orientation.io._uses.use_from_name`. A hazard named by any of
them wins over a general use named before it ("Lager" as the type, "Chemikalienlager" as the
name: a chemicals store). A space none of whose words is recognisable gets no use (never a
guess); the importer lists them in one note.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import HAZARD_USES, RoomUse
from ._text import clean_text
from ._uses import use_from_name

_PLACEHOLDER = re.compile(r"^\s*//.*//\s*$|^\s*(default|unnamed|none|null)\s*$", re.I)


def ifc_name(v: object) -> str | None:
    """A name the model gives, cleaned; None for none and for a tool's placeholder.

    >>> ifc_name("  Flur "), ifc_name("//DEFAULT//"), ifc_name("Unnamed")
    ('Flur', None, None)
    """
    t = clean_text(v)
    if t is None or _PLACEHOLDER.match(t):
        return None
    return t


def is_lift(t: Any) -> bool:
    """An ``IfcTransportElement`` that is a lift: typed ``ELEVATOR`` (IFC4 ``PredefinedType``,
    IFC2X3 ``OperationType``), untyped, or user-typed with a name that says lift."""
    kind = str(getattr(t, "PredefinedType", None) or getattr(t, "OperationType", None)
               or "").upper()
    if kind in ("ELEVATOR", "LIFT", ""):
        return True
    if kind in ("USERDEFINED", "NOTDEFINED"):
        return use_from_name(getattr(t, "ObjectType", None), t.Name) is RoomUse.lift
    return False


def space_texts(space: Any, uel: Any) -> list[str]:
    """The words of ``space`` that may name its use, in the order they are read."""
    texts: list[Any] = [getattr(space, "ObjectType", None), getattr(space, "LongName", None),
                        getattr(space, "Name", None)]
    try:
        t = uel.get_type(space)
    except Exception:  # noqa: BLE001 - a broken type relation is no type
        t = None
    if t is not None:
        texts += [getattr(t, "Name", None), getattr(t, "ElementType", None)]
    try:
        for rel in getattr(space, "HasAssociations", ()) or ():
            ref = getattr(rel, "RelatingClassification", None)
            if ref is not None and ref.is_a("IfcClassificationReference"):
                texts.append(getattr(ref, "Name", None))
    except Exception:  # noqa: BLE001 - broken associations are just absent
        pass
    out: list[str] = []
    for t in texts:
        c = clean_text(t)
        if c and c not in out:
            out.append(c)
    return out


def use_of_texts(texts: list[str]) -> RoomUse | None:
    """The use the texts name: the first hazard any of them names, else the first use.

    >>> use_of_texts(["Lager", "Chemikalienlager"]), use_of_texts(["Room", "WC Damen"])
    (<RoomUse.chemicals: 'chemicals'>, <RoomUse.toilet: 'toilet'>)
    >>> use_of_texts(["Wohnen", "5"]) is None
    True
    """
    uses = [u for u in (use_from_name(t) for t in texts) if u is not None]
    return next((u for u in uses if u in HAZARD_USES), uses[0] if uses else None)


def space_use(space: Any, uel: Any) -> RoomUse | None:
    """The use of an ``IfcSpace`` (see the module docstring), or None."""
    return use_of_texts(space_texts(space, uel))


__all__ = ["ifc_name", "is_lift", "space_texts", "space_use", "use_of_texts"]
