"""Stable codes after printing: pin the codes into the site file, and diff a new plan against a
printed one (signs to add, remove, reprint; map pages that changed).

A sign is "the same sign" across plans when it belongs to the same marking (``building/element``)
with the same kind and storey: that is where it hangs. It needs a **reprint** when its text,
second line, size or colours changed; **added** and **removed** signs are the rest.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import OrientationError, Problem, SiteFileError
from .io.pinning import pin_text
from .model import Site
from .plan import PLAN_FORMAT, Plan

CODED_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service", "stair", "room")
REPRINT_FIELDS = ("text", "subtext", "width_mm", "height_mm", "background", "foreground",
                  "material")


def read_plan_json(path: str | Path) -> dict[str, Any]:
    """An earlier ``plan.json`` (format ``orientation/plan@1``), checked for its shape."""
    file = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SiteFileError(file, [Problem("", "no such file; name the plan.json of the printed "
                                           "plan (in its output folder)")]) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise SiteFileError(file, [Problem("", f"not a readable plan.json: {exc}")]) from None
    if not isinstance(data, dict) or data.get("format") != PLAN_FORMAT:
        raise SiteFileError(file, [Problem("format", f"not a plan file; expected format "
                                           f"'{PLAN_FORMAT}' (the plan.json that render writes)")])
    for key in ("markings", "signs"):
        if not isinstance(data.get(key), list) or not all(isinstance(x, dict) for x in data[key]):
            raise SiteFileError(file, [Problem(key, "must be a list of records")])
    return data


def reserved_codes(old: dict[str, Any], site: Site) -> frozenset[str]:
    """Codes of the old plan whose element is gone from the site: never handed out again."""
    present = {f"{b.id}/{e.id}" for b in site.buildings
               for e in (*b.doors, *b.stairs, *b.rooms)}
    return frozenset(str(m.get("code")) for m in old["markings"]
                     if m.get("kind") in CODED_KINDS and m.get("id") not in present)


def _key(s: dict[str, Any]) -> tuple[str, str, str]:
    return (str(s.get("marking")), str(s.get("kind")), str(s.get("level")))


@dataclass(frozen=True)
class PlanDiff:
    added: tuple[dict[str, Any], ...]
    removed: tuple[dict[str, Any], ...]
    reprint: tuple[dict[str, Any], ...]  # {"old": {...}, "new": {...}, "changed": [...]}
    unchanged: int
    map_pages: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"added": list(self.added), "removed": list(self.removed),
                "reprint": list(self.reprint), "unchanged": self.unchanged,
                "map_pages": list(self.map_pages)}

    @property
    def sign_ids_to_make(self) -> list[str]:
        """Ids (in the new plan) of the signs to make: added and reprinted."""
        return [s["id"] for s in self.added] + [r["new"]["id"] for r in self.reprint]


def diff_plans(old: dict[str, Any], new: Plan) -> PlanDiff:
    """Compare an earlier plan (parsed ``plan.json``) with a new plan."""
    new_d = new.to_dict()
    old_signs = {_key(s): s for s in old["signs"]}
    new_signs = {_key(s): s for s in new_d["signs"]}
    added = tuple(s for k, s in new_signs.items() if k not in old_signs)
    removed = tuple(s for k, s in old_signs.items() if k not in new_signs)
    reprint = []
    unchanged = 0
    for k, s in new_signs.items():
        o = old_signs.get(k)
        if o is None:
            continue
        changed = [f for f in REPRINT_FIELDS if o.get(f, "") != s.get(f, "")]
        if changed:
            reprint.append({"old": o, "new": s, "changed": changed})
        else:
            unchanged += 1
    return PlanDiff(added, removed, tuple(reprint), unchanged, _changed_pages(old, new_d))


def _changed_pages(old: dict[str, Any], new: dict[str, Any]) -> tuple[str, ...]:
    """Map pages whose content changed: the site plan when an exterior marking, a building or a
    side changed; a storey plan when a marking on that storey changed."""

    def index(plan: dict[str, Any]) -> dict[str, tuple]:
        return {m["id"]: (m.get("code"), tuple(m.get("at", ())), m.get("level"),
                          tuple(m.get("levels", ())), m.get("name"), m.get("kind"))
                for m in plan.get("markings", []) if isinstance(m, dict) and "id" in m}

    a, b = index(old), index(new)
    pages: set[str] = set()
    for mid in set(a) | set(b):
        if a.get(mid) == b.get(mid):
            continue
        rec = b.get(mid) or a.get(mid)
        kind, level, levels = rec[5], rec[2], rec[3]
        building = mid.split("/")[0]
        if kind in ("building", "side", "entrance", "emergency_exit", "fire_brigade", "service", "name"):
            pages.add("site plan")
        for lv in (levels or ((level,) if level is not None else ())):
            pages.add(f"{building} level {lv}")
    return tuple(sorted(pages, key=lambda p: (p != "site plan", p)))


def format_diff(d: PlanDiff) -> str:
    """The diff for people: what to make, what to take down, what stays."""
    lines = []

    def sign_line(s: dict[str, Any]) -> str:
        where = s.get("marking", "")
        level = s.get("level")
        sub = f" · {s['subtext']}" if s.get("subtext") else ""
        return (f"  {s.get('text')}{sub}  ({s.get('kind')}, {s.get('width_mm'):g} × "
                f"{s.get('height_mm'):g} mm, {where}{'' if level is None else f', level {level}'})")

    lines.append(f"add ({len(d.added)}):")
    lines += [sign_line(s) for s in d.added] or ["  –"]
    lines.append(f"remove ({len(d.removed)}):")
    lines += [sign_line(s) for s in d.removed] or ["  –"]
    lines.append(f"reprint ({len(d.reprint)}):")
    for r in d.reprint:
        lines.append(sign_line(r["new"]) + f"  was {r['old'].get('text')}; changed: "
                     + ", ".join(r["changed"]))
    if not d.reprint:
        lines.append("  –")
    lines.append(f"unchanged: {d.unchanged} sign(s)")
    lines.append("map pages changed: " + (", ".join(d.map_pages) if d.map_pages else "none"))
    return "\n".join(lines) + "\n"


def pin_site(path: str | Path, plan: Plan) -> int:
    """Write every assigned code of ``plan`` into the site file at ``path`` as pins, keeping
    comments and layout; atomic (temp file + rename). Returns the number of pins added."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise OrientationError(f"{p}: cannot read: {exc.strerror}") from None
    codes = {m.id: m.code for m in plan.markings if m.kind in CODED_KINDS}
    letters = {b.id: b.letter for b in plan.buildings}
    new_text, n = pin_text(text, suffix=p.suffix.lower(), codes=codes, letters=letters, file=str(p))
    if n:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(new_text)
            os.replace(tmp, p)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise OrientationError(f"{p}: cannot write: {exc.strerror}") from None
    return n


__all__ = ["PlanDiff", "diff_plans", "format_diff", "pin_site", "read_plan_json", "reserved_codes"]
