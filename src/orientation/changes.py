"""Stable codes after printing: pin the codes into the site file, and diff a new plan against a
printed one (signs to add, remove, reprint; map pages that changed).

A sign is "the same sign" across plans when it belongs to the same marking (``building/element``)
with the same kind and storey: that is where it hangs. It needs a **reprint** when its text,
second line, size or colours changed; **added** and **removed** signs are the rest.
"""

from __future__ import annotations

import json
import math
import os
import shlex
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .edits import guidance_pins, plan_pins
from .errors import OutputError, PlanFileError, Problem, SiteFileError
from .fileio import read_input_bytes, replace_file
from .io.pinning import CODED_KINDS, pin_text
from .io.site_file import DEFAULT_LIMITS
from .model import Door, Room, Site, Stair
from .plan import PLAN_FORMAT, Plan

REPRINT_FIELDS = ("text", "subtext", "width_mm", "height_mm", "background", "foreground",
                  "material")

#: The largest plan.json read (a plan is a few times the size of its site file).
MAX_PLAN_BYTES = 200_000_000
#: At most this many problems of a malformed plan.json are listed.
_MAX_PROBLEMS = 20


class PlanRecord(dict[str, Any]):
    """A parsed ``plan.json`` (a plain dict) that knows the file it came from, and the site
    it was found to belong to (:func:`check_plan_belongs`)."""

    file: str = "plan.json"
    belongs_to: tuple[str, frozenset[str]] | None = None


def read_plan_json(path: str | Path, *, max_bytes: int = MAX_PLAN_BYTES) -> PlanRecord:
    """An earlier ``plan.json`` (format ``orientation/plan@1``), checked for its shape.

    Only a regular file of at most ``max_bytes`` is read (no FIFO, no device). Every field
    that :func:`diff_plans`, :func:`reserved_codes` and :func:`format_diff` use is checked
    (type, ids present and unique); a malformed record is a
    :class:`~orientation.errors.PlanFileError` (a ``SiteFileError`` too) whose problems name
    the key path
    (``signs[2].level``). Whether the plan is one of *this* site is
    :func:`check_plan_belongs`.
    """
    file = str(path)
    raw = read_input_bytes(path, max_bytes=max_bytes, what="plan.json (render writes it into "
                           "the output folder)", limit_name="max_plan_bytes")
    return parse_plan_json(raw, file=file)


def parse_plan_json(raw: bytes, *, file: str) -> PlanRecord:
    """:func:`read_plan_json` for bytes already in memory (an upload)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanFileError(file, [Problem("", f"not UTF-8 text (byte {exc.start}); name the "
                                           "plan.json that render wrote")]) from None

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise _PlanJSONError(f"the key {k!r} appears twice in one record")
            out[k] = v
        return out

    def constant(name: str) -> Any:
        raise _PlanJSONError(f"{name} is not a number a plan.json may hold")

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except _PlanJSONError as exc:
        raise PlanFileError(file, [Problem("", f"not a readable plan.json: {exc}")]) from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, a 5,000-digit integer
        raise PlanFileError(file, [Problem("", f"not a readable plan.json: {exc}")]) from None
    if not isinstance(data, dict) or data.get("format") != PLAN_FORMAT:
        raise PlanFileError(file, [Problem("format", f"not a plan file; expected format "
                                           f"'{PLAN_FORMAT}' (the plan.json that render writes)")])
    problems = plan_problems(data)
    if problems:
        if len(problems) > _MAX_PROBLEMS:
            extra = len(problems) - _MAX_PROBLEMS
            problems = [*problems[:_MAX_PROBLEMS], Problem("", f"and {extra} more problem(s)")]
        raise PlanFileError(file, problems)
    rec = PlanRecord(data)
    rec.file = file
    return rec


class _PlanJSONError(ValueError):
    pass


# field -> (check, what it must be); "required" fields are listed per record kind
def _is_text(v: Any) -> bool:
    return isinstance(v, str)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and -10**6 <= v <= 10**6


def _is_level(v: Any) -> bool:
    return v is None or _is_int(v)


def _is_size(v: Any) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            and 0 <= v <= 1e6)


def _is_point(v: Any) -> bool:
    return (isinstance(v, list) and len(v) == 2 and all(
        isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c) and
        abs(c) <= 1e9 for c in v))


def _is_levels(v: Any) -> bool:
    return isinstance(v, list) and all(_is_int(x) for x in v)


def _is_opt_text(v: Any) -> bool:
    return v is None or isinstance(v, str)


_TEXT = (_is_text, "must be text")
_OPT_TEXT = (_is_opt_text, "must be text or null")
_LEVEL = (_is_level, "must be an integer or null")
_SIZE = (_is_size, "must be a number of millimetres (0 to 1,000,000)")
_POINT = (_is_point, "must be a point [x, y] of two finite numbers")
_LEVELS = (_is_levels, "must be a list of integers")

_MARKING_FIELDS = {"id": _TEXT, "kind": _TEXT, "code": _OPT_TEXT, "at": _POINT,
                   "level": _LEVEL, "levels": _LEVELS, "name": _OPT_TEXT}
_SIGN_FIELDS = {"id": _TEXT, "marking": _TEXT, "kind": _TEXT, "text": _TEXT,
                "subtext": _TEXT, "width_mm": _SIZE, "height_mm": _SIZE, "level": _LEVEL,
                "background": _TEXT, "foreground": _TEXT, "material": _TEXT}
_BUILDING_FIELDS = {"id": _TEXT}
_REQUIRED = {"markings": ("id", "kind"), "signs": ("id", "marking", "kind", "text", "width_mm",
                                                   "height_mm"),
             "buildings": ("id",)}


def plan_problems(data: dict[str, Any]) -> list[Problem]:
    """What is wrong with the records of a parsed plan.json, by key path (empty: fine)."""
    out: list[Problem] = []
    site = data.get("site")
    if not isinstance(site, dict):
        out.append(Problem("site", "must be a record with the site's name"))
    elif not isinstance(site.get("name"), str):
        out.append(Problem("site.name", "must be text (the site's name)"))
    if not _is_opt_text(data.get("version")):
        out.append(Problem("version", "must be text (the plan's version)"))
    for key, spec in (("buildings", _BUILDING_FIELDS), ("markings", _MARKING_FIELDS),
                      ("signs", _SIGN_FIELDS)):
        records = data.get(key)
        if not isinstance(records, list):
            out.append(Problem(key, "must be a list of records"))
            continue
        ids: dict[str, int] = {}
        for i, rec in enumerate(records):
            where = f"{key}[{i}]"
            if not isinstance(rec, dict):
                out.append(Problem(where, "must be a record ({...})"))
                continue
            for field in _REQUIRED[key]:
                if field not in rec:
                    out.append(Problem(f"{where}.{field}", "is missing"))
            for field, (ok, must) in spec.items():
                if field in rec and not ok(rec[field]):
                    out.append(Problem(f"{where}.{field}", f"{must}, not {_shown(rec[field])}"))
            rid = rec.get("id")
            if isinstance(rid, str):
                if rid in ids:
                    out.append(Problem(f"{where}.id", f"{rid!r} is also the id of "
                                       f"{key}[{ids[rid]}]; ids must be unique"))
                else:
                    ids[rid] = i
            if (key == "markings" and rec.get("kind") in CODED_KINDS
                    and not isinstance(rec.get("code"), str)):
                out.append(Problem(f"{where}.code", f"a {rec.get('kind')} marking needs its "
                                   "code as text"))
    return list(dict.fromkeys(out))


def _shown(v: Any) -> str:
    if isinstance(v, bool) or v is None:
        return json.dumps(v)
    if isinstance(v, (int, float)):
        s = repr(v) if abs(v) < 1e15 else "a number too large"
        return s
    if isinstance(v, str):
        return repr(v[:40] + ("…" if len(v) > 40 else ""))
    names: dict[type, str] = {list: "a list", dict: "a record"}
    return names.get(type(v), type(v).__name__)


def _norm_name(name: Any) -> str:
    return " ".join(str(name).split()).casefold()


def _site_key(site: Site) -> tuple[str, frozenset[str]]:
    return _norm_name(site.site.name), frozenset(b.id for b in site.buildings)


def check_plan_belongs(old: dict[str, Any], site: Site, *, file: str | None = None,
                       renamed_from: str | None = None) -> None:
    """Refuse a plan.json that is not a printed plan of ``site`` (``diff`` and
    ``render --since`` call it, through :func:`reserved_codes` when not before).

    A plan.json records no site id, so a plan belongs to the site when

    * its ``site.name`` is the site's name (spaces and case aside) — or, for a site that was
      renamed since printing, the former name given as ``renamed_from`` (the command line's
      ``--renamed-from OLD_NAME``), and
    * at least one of its buildings (by id) is still a building of the site.

    The plan's ``version`` is a hash of its own content (no parent version), so there is no
    lineage beyond this to check. Raises :class:`~orientation.errors.PlanFileError` naming
    the plan file; on success the record (a :class:`PlanRecord`) remembers the site, so the
    later check in :func:`reserved_codes` passes without ``renamed_from``.
    """
    plan_file = file or str(getattr(old, "file", "plan.json"))
    site_rec = old.get("site")
    old_name = site_rec.get("name") if isinstance(site_rec, dict) else None
    problems: list[Problem] = []
    expected = site.site.name if renamed_from is None else renamed_from
    if not isinstance(old_name, str) or _norm_name(old_name) != _norm_name(expected):
        if renamed_from is None:
            msg = (f"this plan is of the site {old_name!r}, not of {site.site.name!r}; name the "
                   "plan.json printed for this site (if the site was renamed since, say so "
                   f"with --renamed-from {shlex.quote(str(old_name))})")
        else:
            msg = (f"this plan is of the site {old_name!r}, not of {renamed_from!r} (given as "
                   "the site's former name); name the plan.json printed for this site")
        problems.append(Problem("site.name", msg))
    records = old.get("buildings")
    old_ids = sorted({b["id"] for b in records if isinstance(b, dict)
                      and isinstance(b.get("id"), str)}) if isinstance(records, list) else []
    new_ids = sorted(b.id for b in site.buildings)
    if old_ids and not set(old_ids) & set(new_ids):
        problems.append(Problem("buildings", (
            f"none of the plan's buildings ({_ids(old_ids)}) is a building of the site "
            f"({_ids(new_ids)}); this plan.json is of another site: name the plan.json printed "
            "for this site, or render afresh without --since")))
    if problems:
        raise PlanFileError(plan_file, problems)
    if isinstance(old, PlanRecord):
        old.belongs_to = _site_key(site)


def _ids(ids: Iterable[str], limit: int = 6) -> str:
    ids = list(ids)
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def reserved_codes(old: dict[str, Any], site: Site) -> frozenset[str]:
    """Codes of the old plan whose element is gone from the site: never handed out again.

    Refuses (:func:`check_plan_belongs`) a plan of another site, unless that check already
    accepted this plan for this site."""
    if getattr(old, "belongs_to", None) != _site_key(site):
        check_plan_belongs(old, site)
    present: set[str] = set()
    for b in site.buildings:
        elements: list[Door | Stair | Room] = [*b.doors, *b.stairs, *b.rooms]
        present.update(f"{b.id}/{e.id}" for e in elements)
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

    def index(plan: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
        return {m["id"]: (m.get("code"), tuple(m.get("at", ())), m.get("level"),
                          tuple(m.get("levels", ())), m.get("name"), m.get("kind"))
                for m in plan.get("markings", []) if isinstance(m, dict) and "id" in m}

    a, b = index(old), index(new)
    pages: set[str] = set()
    for mid in set(a) | set(b):
        if a.get(mid) == b.get(mid):
            continue
        rec = b.get(mid) or a.get(mid)
        assert rec is not None  # mid is a key of a or of b
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


def pin_site(path: str | Path, plan: Plan, *, max_bytes: int = DEFAULT_LIMITS.max_bytes) -> int:
    """Write every assigned code of ``plan`` into the site file at ``path`` as pins, keeping
    comments, layout, line endings and BOM (:func:`~orientation.io.pinning.pin_text`), and
    what the file is: written through :func:`~orientation.fileio.replace_file`, so mode,
    symlink (the target is edited), hard links and owner stay; a read-only file or folder is
    refused before anything is written. Which code pins which element is
    :func:`orientation.edits.plan_pins`, as for the app's "freeze". Returns the number of
    pins added."""
    p = Path(path)
    file = str(p)
    raw = read_input_bytes(p, max_bytes=max_bytes, what="site file",
                           limit_name="--max-file-mb")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SiteFileError(file, [Problem("", f"not UTF-8 text (byte {exc.start}); save the "
                                           "file as UTF-8")]) from None
    codes, letters = plan_pins(plan)  # the one rule for which code pins which element
    new_text, n = pin_text(text, suffix=p.suffix.lower(), codes=codes, letters=letters, file=file,
                           guidance=guidance_pins(plan))
    if n:
        _check_writable(p)
        replace_file(p, new_text)
    return n


def _check_writable(p: Path) -> None:
    """Refuse a read-only site file or folder with a message that says what to do (write
    permission bits count even for a superuser, whom ``os.access`` always lets write)."""
    target = Path(os.path.realpath(p))
    shown = str(p) if target == p.absolute() else f"{p} (a link to {target})"
    try:
        st = os.stat(target)
        folder_st = os.stat(target.parent)
    except OSError as exc:
        raise OutputError(f"cannot pin codes into {shown}: {exc.strerror or exc}",
                          path=str(p)) from None
    if not (st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(
            target, os.W_OK):
        raise OutputError(f"{shown} is read-only; nothing was changed: make it writable "
                          f"(chmod u+w {target}) to pin its codes, or pin a copy", path=str(p))
    if not (folder_st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(
            target.parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot pin codes into {shown}: its folder {target.parent} is "
                          "read-only (pin writes the new file beside the old one and swaps "
                          "them); nothing was changed: make the folder writable (chmod u+w "
                          f"{target.parent}) or pin a copy in another folder", path=str(p))


__all__ = ["MAX_PLAN_BYTES", "PlanDiff", "PlanRecord", "check_plan_belongs", "diff_plans",
           "format_diff", "parse_plan_json", "pin_site", "plan_problems", "read_plan_json",
           "reserved_codes"]
