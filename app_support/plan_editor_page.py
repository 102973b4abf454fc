"""The plan editor's section of the app's Edit tab: the widgets around the editor component.

The one module of :mod:`app_support` that draws widgets: ``app.py`` calls :func:`show` (and
nothing else of it), so that the editor's many widgets do not crowd the page script; every
decision is in :mod:`.plan_editor` (events -> edits, undo, the missing list's modes) and in
:mod:`orientation.plan_edits`. Edits go through the page's own ``set_site`` (so that they
re-plan at once and can be undone, as the tables' do); a refused edit is a message beside the
plan, never a traceback.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, MutableMapping
from typing import Any

import streamlit as st

from orientation import plan_edits
from orientation.errors import OrientationError
from orientation.model import Site
from orientation.plan import Plan

from . import plan_editor as pe
from .loading import Source
from .markdown import md_escape, problem_text
from .outputs import mime_of
from .words import kind_word, tr

CANVAS = "pe_canvas"
HEIGHT_PX = 560


feature_word = pe.feature_word


def _msg(state: MutableMapping[str, Any], kind: str, text: str) -> None:
    state["pe_msg"] = (kind, text)


def take_event(state: MutableMapping[str, Any], set_site: Callable[[Site], None],
               lang: str) -> bool:
    """Apply the component's event (``state[CANVAS]``) when it is new; True when it was."""
    event = pe.new_event(state.get(CANVAS), state.get("pe_seen"))
    if event is None:
        return False
    state["pe_seen"] = event.get("seq")
    choices = pe.Choices(door_kind=state.get("pe_door_kind", "entrance"),
                         main=bool(state.get("pe_door_main", False)),
                         line_kind=state.get("pe_line_kind", "road"),
                         place_kind=state.get("pe_place_kind", "hydrant"),
                         view=state.get("pe_view", pe.SITE_VIEW),
                         name=(state.get("pe_feature_name") or "").strip() or None,
                         lang=lang)
    try:
        done = pe.apply_event(state["site"], event, choices)
    except OrientationError as exc:
        _msg(state, "error", tr(lang, "edit_rejected", msg=problem_text(exc)))
        return True
    if done.point is not None:
        state["pe_point"] = done.point
    if done.site is not None:
        set_site(done.site)
        if event.get("action") == "add-door" and choices.main:
            state["pe_door_main"] = False  # one main entrance: the next door is not
    _msg(state, "success", tr(lang, done.notice, **dict(done.values)))
    return True


def _fix(state: MutableMapping[str, Any], item: Any) -> None:
    mode, view = pe.mode_for(item)
    if mode:
        state["pe_mode"] = mode
    if item.action == "add-road":
        state["pe_line_kind"] = "road"
    if item.action == "add-door":
        state["pe_door_main"] = not any(d.main for b in state["site"].buildings for d in b.doors)
    if view:
        state["pe_view"] = view
    if item.action == "remove-storey" and view:
        state["pe_storey"] = view
    if item.action == "set-date":
        state[f"pe_date_{state.get('rev', 0)}"] = _dt.date.today().isoformat()
    state["pe_msg"] = None


def _undo(state: MutableMapping[str, Any], set_site: Callable[..., None], lang: str) -> None:
    stack, top = pe.popped(state.get("pe_undo", []))
    if top is None:
        return
    set_site(top, undoable=False)
    state["pe_undo"] = stack
    _msg(state, "success", tr(lang, "pe_undone"))


def _apply(state: MutableMapping[str, Any], set_site: Callable[[Site], None], lang: str,
           change: Callable[[Site], Site], done: str, **values: Any) -> None:
    try:
        new = change(state["site"])
    except OrientationError as exc:
        _msg(state, "error", tr(lang, "edit_rejected", msg=problem_text(exc)))
        return
    if new != state["site"]:
        set_site(new)
    _msg(state, "success", tr(lang, done, **values))


def show(state: MutableMapping[str, Any], site: Site, plan: Plan, *, lang: str, source: Source,
         set_site: Callable[..., None]) -> None:
    """The editor section: what is missing, the tools, the plan, the site's fields."""
    if take_event(state, set_site, lang):  # an event AppTest set (the browser's ran on_change)
        st.rerun()
    L = lang
    st.subheader(tr(L, "pe_header"), anchor=False)
    st.caption(tr(L, "pe_intro"))
    _missing(state, site, plan, L)

    options = pe.views(site)
    if state.get("pe_view") not in options:
        state["pe_view"] = pe.SITE_VIEW
    if state.get("pe_mode") not in pe.MODES:
        state["pe_mode"] = "look"
    tools, canvas = st.columns([1, 3])
    with tools:
        st.selectbox(tr(L, "pe_view"), options, key="pe_view",
                     format_func=lambda v: pe.view_title(site, v, tr(L, "pe_view_site")))
        st.radio(tr(L, "pe_mode"), list(pe.MODES), key="pe_mode",
                 format_func=lambda m: tr(L, f"pe_mode_{m}"))
        mode = state.get("pe_mode") or "look"
        if mode == "add-door":
            st.selectbox(tr(L, "pe_door_kind"), list(pe.DOOR_KINDS), key="pe_door_kind",
                         format_func=lambda k: kind_word(L, k))
            st.checkbox(tr(L, "pe_door_main"), key="pe_door_main")
        elif mode == "line":
            st.selectbox(tr(L, "pe_line_kind"), list(pe.LINE_KINDS), key="pe_line_kind",
                         format_func=lambda k: feature_word(L, k))
            st.text_input(tr(L, "pe_name"), key="pe_feature_name")
        elif mode == "place":
            st.selectbox(tr(L, "pe_place_kind"), list(pe.PLACE_KINDS), key="pe_place_kind",
                         format_func=lambda k: feature_word(L, k))
            st.text_input(tr(L, "pe_name"), key="pe_feature_name")
        elif mode == "position":
            _position(state, site, set_site, L)
        st.button(tr(L, "pe_undo"), key="pe-undo", icon=":material/undo:",
                  help=tr(L, "pe_undo_help"), disabled=not state.get("pe_undo"),
                  on_click=_undo, args=(state, set_site, L))
    with canvas:
        msg = state.get("pe_msg")
        if msg:
            (st.error if msg[0] == "error" else st.success)(msg[1])
        data = pe.view_data(site, plan, state["pe_view"], L)
        pe.component()(data=data, mode=mode, hint=tr(L, f"pe_hint_{mode}"), lang=L,
                       title=pe.view_title(site, state["pe_view"], tr(L, "pe_view_site")),
                       point=list(state["pe_point"]) if state.get("pe_point") else None,
                       height=HEIGHT_PX, key=CANVAS, default=None,
                       on_change=lambda: take_event(state, set_site, L))
    _site_fields(state, site, set_site, L)
    _storeys(state, site, set_site, L)
    st.download_button(tr(L, "pe_download"), help=tr(L, "pe_download_help"),
                       data=lambda: plan_edits.site_text_after(source.text, site,
                                                               name=source.name),
                       file_name=source.name, mime=mime_of(source.name), on_click="ignore",
                       icon=":material/description:", key="dl-edited-site")


def _missing(state: MutableMapping[str, Any], site: Site, plan: Plan, L: str) -> None:
    try:
        items = plan_edits.missing(site, plan)
    except Exception as exc:  # noqa: BLE001 - a message, never a traceback
        st.error(tr(L, "pe_unavailable", why=problem_text(exc)), icon=":material/error:")
        return
    if not items:
        st.success(tr(L, "pe_fit"), icon=":material/check_circle:")
        return
    with st.container(border=True, key="pe-missing"):
        st.markdown(f"**{tr(L, 'pe_missing_header', n=len(items))}**")
        for item in items:
            text, fix = st.columns([5, 1], vertical_alignment="center")
            text.markdown(md_escape(item.text(L)))
            fix.button(tr(L, "pe_fix"), key=fix_key(item), on_click=_fix, args=(state, item),
                       width="stretch")


def fix_key(item: Any) -> str:
    """The widget key of an item's "fix" button: ``pe-fix-no-road``, ``pe-fix-no-doors-haus``,
    ``pe-fix-empty-storey-haus--1``."""
    where = "".join(f"-{v}" for v in (item.building, item.level) if v is not None)
    return f"pe-fix-{item.code}" + (where if item.action in ("add-door", "remove-storey") else "")


def _position(state: MutableMapping[str, Any], site: Site, set_site: Callable[[Site], None],
              L: str) -> None:
    point = state.get("pe_point")
    st.caption(tr(L, "pe_point", x=point[0], y=point[1]) if point else tr(L, "pe_point_none"))
    st.number_input(tr(L, "pe_lat"), min_value=-90.0, max_value=90.0, value=None,
                    format="%.6f", key="pe_lat")
    st.number_input(tr(L, "pe_lon"), min_value=-180.0, max_value=180.0, value=None,
                    format="%.6f", key="pe_lon")
    lat, lon = state.get("pe_lat"), state.get("pe_lon")

    def apply() -> None:
        at = tuple(state.get("pe_point") or (0.0, 0.0))
        _apply(state, set_site, L,
               lambda s: plan_edits.set_origin_at(s, at, state["pe_lat"], state["pe_lon"]),
               "pe_position_set")

    st.button(tr(L, "pe_set_position"), key="pe-set-position", disabled=lat is None or lon is None,
              on_click=apply, type="primary")


def _site_fields(state: MutableMapping[str, Any], site: Site, set_site: Callable[[Site], None],
                 L: str) -> None:
    rev = state.get("rev", 0)
    info = site.site
    with st.form(f"pe-site-{rev}", border=True):
        st.markdown(f"**{tr(L, 'pe_site_header')}**")
        a, b, c, d = st.columns([2, 3, 1.2, 1])
        a.text_input(tr(L, "pe_site_name"), value=info.name, key=f"pe_name_{rev}")
        b.text_input(tr(L, "pe_address"), value=info.address or "", key=f"pe_address_{rev}")
        key = f"pe_date_{rev}"
        if key not in state:  # a "fix" may have put today's date in
            state[key] = info.date or ""
        c.text_input(tr(L, "pe_date"), key=key, placeholder="2026-11-21")
        d.number_input(tr(L, "pe_north"), value=float(info.north_deg), min_value=-360.0,
                       max_value=360.0, step=1.0, key=f"pe_north_{rev}")

        def apply() -> None:
            _apply(state, set_site, L, lambda s: plan_edits.set_site(
                s, name=state[f"pe_name_{rev}"], address=state[f"pe_address_{rev}"],
                date=state[f"pe_date_{rev}"], north_deg=state[f"pe_north_{rev}"]),
                "pe_site_set")

        st.form_submit_button(tr(L, "pe_site_apply"), on_click=apply, key="pe-site-apply")


def _storeys(state: MutableMapping[str, Any], site: Site, set_site: Callable[[Site], None],
             L: str) -> None:
    options = pe.removable_storeys(site)
    if not options:
        return
    if state.get("pe_storey") not in options:
        state["pe_storey"] = options[0]
    with st.container(border=True):
        st.markdown(f"**{tr(L, 'pe_storey_header')}**")
        a, b = st.columns([3, 1], vertical_alignment="bottom")
        a.selectbox(tr(L, "pe_storey"), options, key="pe_storey",
                    format_func=lambda v: pe.view_title(site, v, ""))

        def apply() -> None:
            where = pe.parse_view(state["pe_storey"]) or ("", 0)
            try:
                new, n = plan_edits.remove_storey(state["site"], *where)
            except OrientationError as exc:
                _msg(state, "error", tr(L, "edit_rejected", msg=problem_text(exc)))
                return
            set_site(new)
            _msg(state, "success", tr(L, "pe_storey_removed", n=n))

        b.button(tr(L, "pe_remove_storey"), key="pe-remove-storey", on_click=apply,
                 icon=":material/delete:")


__all__ = ["CANVAS", "feature_word", "fix_key", "show", "take_event"]
