"""The app for facility managers: load a building, see every code and sign, fix what the findings
say, download the print files. Start it with ``make app`` (``streamlit run app.py``).

Thin (house rule 12): widgets, session state and caching live here; every decision is a call
into the library (site edits and pins: :mod:`orientation.edits`) or into the app's own support
beside this file (:mod:`app_support`: words, Markdown escapes, uploads, table rows). Errors the library reports
(:class:`~orientation.OrientationError`) are shown as messages, never as tracebacks; so is any
other failure of a load (a hostile upload must not end the session).

Text from files (site, building, storey and room names, addresses, findings, file names) goes
to the page only through ``sup.md_escape`` or ``sup.problem_text``: Streamlit reads Markdown in
titles, captions, alerts, expander labels and picture captions, and a site file must not put a
link or a picture there.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

import app_support as sup
from app_support import plan_editor_page
from app_support.loading import note_text
from orientation import OrientationError, Site, edits, load_profile, profile_names, words

ROOT = Path(__file__).resolve().parent
EXAMPLES = sup.example_files(ROOT)
DEFAULT_EXAMPLE = next(iter(EXAMPLES), None)
GALLERY_STEP = 24
KEEP = object()
S = st.session_state

st.set_page_config(page_title="Orientierung · Orientation", page_icon="🚒", layout="wide")
st.set_option("client.showErrorDetails", "none")  # a facility manager never sees a traceback
st.set_option("client.toolbarMode", "minimal")


# --- cached library calls (keyed by the site's JSON text, so every edit re-plans) -------------

@st.cache_data(max_entries=64, show_spinner=False)
def plan_of(site_json: str, paper: str):
    return sup.plan_for(site_json, paper=paper)


@st.cache_data(max_entries=32, show_spinner=False)
def route_of(site_json: str, paper: str, code: str, language: str) -> str:
    """The crew route to ``code`` (dispatch text, :func:`orientation.layout.routes.route_for`)."""
    from orientation.layout.routes import route_for

    return route_for(Site.model_validate_json(site_json), plan_of(site_json, paper), code,
                     language).text


@st.cache_data(max_entries=16, show_spinner=False)
def pictures_of(site_json: str, paper: str) -> dict[str, bytes]:
    return sup.render_for(site_json, paper=paper, formats=("svg",)).files


@st.cache_data(max_entries=4, show_spinner=False)
def print_files_of(site_json: str, paper: str) -> dict[str, bytes]:
    return sup.render_for(site_json, paper=paper).files


@st.cache_data(max_entries=16, show_spinner=False)
def site_text_of(source: sup.Source, site_json: str) -> str:
    return sup.site_text(source, Site.model_validate_json(site_json))


@st.cache_data(max_entries=16, show_spinner=False)
def text_problem_of(source: sup.Source, site_json: str) -> str | None:
    return sup.site_text_problem(source, Site.model_validate_json(site_json))


@st.cache_data(max_entries=16, show_spinner=False)
def pinned_problem_of(source: sup.Source, site_json: str, paper: str) -> str | None:
    return sup.pinned_text_problem(source, Site.model_validate_json(site_json),
                                   plan_of(site_json, paper))


@st.cache_data(show_spinner=False)
def example_titles() -> dict[str, str]:
    return {name: sup.example_title(path) for name, path in EXAMPLES.items()}


# --- state -------------------------------------------------------------------------------------

def lang() -> str:
    return sup.interface_language(S.get("ui_lang", "auto"), S.get("site"))


def tr(key: str, **values) -> str:
    return sup.tr(lang(), key, **values)


def pick(widget, label: str, options: list, name: str, default=None, on_change=None,
         value=KEEP, **kw):
    """A choice whose option labels change with the language or the plan. Its value lives in
    ``S[name + "_value"]`` (or is ``value``, e.g. read from the site) and is handed to the
    widget on every run, so that the widget never holds a label of another language."""
    store = f"{name}_value"
    if value is KEEP:
        value = S.get(store, default)
    if value not in options:
        value = default if default in options else options[0]
    S[store] = S[name] = value

    def changed() -> None:
        S[store] = S[name]
        if on_change:
            on_change()

    return widget(label, options, key=name, on_change=changed, **kw)


def set_loaded(loaded: sup.Loaded) -> None:
    S.loaded, S.site = loaded, loaded.site
    S.load_error = S.notice = S.edit_error = None
    S.rev = S.get("rev", 0) + 1
    S.signs_n = GALLERY_STEP
    S.pe_undo, S.pe_point, S.pe_msg = [], None, None  # the plan editor's undo starts afresh


def set_site(site, *, undoable: bool = True) -> None:
    if undoable and S.site is not None:  # every edit can be undone (plan editor's "undo")
        S.pe_undo = sup.pushed(S.get("pe_undo", []), S.site)
    S.site = site
    S.edit_error = S.notice = None
    S.rev += 1


def edit(change, *args) -> None:
    """Apply one change (a function Site -> Site); a refused change becomes a message."""
    try:
        set_site(change(S.site, *args))
    except OrientationError as exc:
        S.edit_error = sup.problem_text(exc)


def on_example() -> None:
    name = S.get("example_value")
    if name in EXAMPLES:
        try:
            loaded = sup.load_example(EXAMPLES[name])
        except Exception as exc:  # noqa: BLE001 - a message, never a traceback
            S.load_error = sup.failure_text(exc, name=EXAMPLES[name].name, lang=lang())
            return
        set_loaded(loaded)


def on_upload() -> None:
    f = S.get("upload")
    if f is None:
        S.load_error = None
        return
    try:
        loaded = sup.load_upload(f.getvalue(), f.name, lang=lang())
    except Exception as exc:  # noqa: BLE001 - a hostile upload must not end the session
        S.load_error = sup.failure_text(exc, name=f.name, lang=lang())
        return
    set_loaded(loaded)
    S.example_value = ""


def on_reset() -> None:
    set_loaded(S.loaded)


def on_freeze(plan) -> None:
    try:
        site, n = edits.freeze_codes(S.site, plan)
    except OrientationError as exc:
        S.edit_error = sup.problem_text(exc)
        return
    if n:
        set_site(site)
    S.notice = tr("frozen", n=n) if n else tr("frozen_none")


def on_more() -> None:
    S.signs_n = S.get("signs_n", GALLERY_STEP) + GALLERY_STEP


if "site" not in S:
    S.site = S.loaded = None
    S.rev, S.signs_n = 0, GALLERY_STEP
    S.load_error = S.notice = S.edit_error = None
    if DEFAULT_EXAMPLE:
        S.example_value = DEFAULT_EXAMPLE
        on_example()


# --- sidebar: language, load, settings --------------------------------------------------------

L = lang()  # bound here: format functions below must not look the language up later

with st.sidebar:
    st.segmented_control(sup.tr("en", "lang_label"), ["auto", "de", "en"], key="ui_lang",
                         required=True, default="auto", help=sup.tr("en", "lang_help"),
                         format_func=lambda c: c.upper() if c != "auto" else "Auto")
    st.header(tr("load_header"))
    titles = example_titles()
    pick(st.selectbox, tr("example_label"), ["", *EXAMPLES], "example", on_change=on_example,
         format_func=lambda n: titles.get(n, n) if n else sup.tr(L, "example_none"))
    st.file_uploader(tr("upload_label"), key="upload", on_change=on_upload,
                     type=[s.lstrip(".") for s in (*sup.SITE_SUFFIXES, *sup.BUILDING_SUFFIXES)],
                     max_upload_size=sup.UPLOAD_LIMIT_MB,
                     help=tr("upload_help", mb=sup.UPLOAD_LIMIT_MB))
    site, loaded = S.site, S.loaded
    if loaded is not None:
        src = loaded.source
        st.caption(tr("imported_from", name=sup.md_escape(src.imported_from))
                   if src.imported_from else tr("loaded_from", name=sup.md_escape(src.name)))
        sj = sup.site_json(site)
        st.download_button(tr("download_site"), data=lambda s=src, j=sj: site_text_of(s, j),
                           file_name=src.name, mime=sup.mime_of(src.name), on_click="ignore",
                           help=tr("download_site_help"), icon=":material/description:",
                           key="dl-site")
        st.button(tr("reset"), on_click=on_reset, help=tr("reset_help"),
                  disabled=site == loaded.site)
        st.header(tr("settings_header"))
        names = profile_names()
        current = sup.profile_of(site)
        pick(st.selectbox, tr("profile_label"), names, "profile", value=current,
             format_func=lambda n: f"{n} – {load_profile(n).title}",
             on_change=lambda: edit(edits.set_profile, S.profile))
        pick(st.selectbox, tr("paper_label"), list(sup.PAPERS), "paper", default="A3",
             format_func=lambda p: sup.tr(L, f"paper_{p}"))

if S.load_error:
    st.error(tr("error_load", msg=S.load_error), icon=":material/error:")
if site is None:
    st.title(tr("app_title"))
    st.info(tr("app_intro"))
    st.stop()

paper = S.get("paper_value", "A3")
sj = sup.site_json(site)
try:
    plan = plan_of(sj, paper)
except Exception as exc:  # noqa: BLE001 - a message, never a traceback
    st.title(sup.md_escape(site.site.name), anchor=False)
    st.error(sup.failure_text(exc, name=S.loaded.source.name if S.loaded else "site", lang=L),
             icon=":material/error:")
    st.stop()

# --- header: what is loaded, the numbers, the findings ----------------------------------------

st.title(sup.md_escape(site.site.name), anchor=False)
profile = load_profile(sup.profile_of(site))
st.caption(" · ".join(sup.md_escape(x) for x in (site.site.address, profile.title) if x))
if S.notice:
    st.success(S.notice, icon=":material/check_circle:")
if S.edit_error:
    st.error(tr("edit_rejected", msg=S.edit_error), icon=":material/error:")
if S.loaded is not None and site != S.loaded.site:
    why = text_problem_of(S.loaded.source, sj)
    if why:
        st.error(tr("text_kept_not", msg=why), icon=":material/error:")

n = sup.counts(site, plan)
cols = st.columns(6)
for col, key, value in zip(cols, ("buildings", "doors", "stairs", "rooms", "signs", "problems"),
                           (n["buildings"], n["doors"], n["stairs"], n["rooms"], n["signs"],
                            f"{n['errors']} / {n['warnings']}")):
    col.metric(tr(f"metric_{key}"), value)

groups = sup.findings_by_severity(plan, L)
total = sum(len(items) for _, items in groups)
if not groups:
    st.success(tr("findings_none"), icon=":material/check_circle:")
else:
    with st.expander(f"{tr('findings_header')} ({total})",
                     expanded=bool(n["errors"] or n["warnings"])):
        show = {"error": st.error, "warning": st.warning, "info": st.info}
        for severity, items in groups:
            lines = "\n".join(f"- **{sup.md_escape(f['element'])}**: "
                              f"{sup.md_escape(f['message'])}"
                              + (f" – *{tr(f['fix'])}*" if f["fix"] else "") for f in items)
            show.get(severity, st.info)(f"**{tr('sev_' + severity)}** ({len(items)})\n\n{lines}")

notes = sup.current_notes(S.loaded.source.notes, site) if S.loaded else ()  # settled: gone
if notes:
    with st.expander(tr("import_notes", name=sup.md_escape(S.loaded.source.imported_from),
                        n=len(notes)),
                     expanded=any(note.severity in ("error", "warning") for note in notes)):
        st.markdown("\n".join(f"- **{tr('sev_' + note.severity)}**: "
                               f"{sup.md_escape(note_text(L, note))}" for note in notes))

# --- tabs (only the open one runs) ------------------------------------------------------------

tab_maps, tab_signs, tab_codes, tab_edit, tab_get = st.tabs(
    [tr("tab_maps"), tr("tab_signs"), tr("tab_codes"), tr("tab_edit"), tr("tab_get")],
    key="tab", on_change="rerun")


def pictures() -> dict[str, bytes] | None:
    try:
        with st.spinner():
            return pictures_of(sj, paper)
    except OrientationError as exc:
        st.error(tr("error_render", msg=sup.problem_text(exc)), icon=":material/error:")
        return None


if tab_maps.open:
    with tab_maps:
        files = pictures()
        pages = sup.map_pages(files or {})
        if pages:
            page_titles = {k: sup.svg_title(v, k) for k, v in pages.items()}
            page = pick(st.selectbox, tr("maps_page"), list(pages), "map_page",
                        format_func=page_titles.get)
            st.image(sup.svg_text(pages[page]), width="stretch",
                     caption=tr("maps_caption", page=sup.md_escape(page_titles[page])))
        elif files is not None:
            st.info(tr("maps_none", why="maps/*.svg"))

if tab_signs.open:
    with tab_signs:
        files = pictures()
        svgs = sup.sign_svgs(files or {})
        kinds = sup.sign_kinds(plan)
        kind = pick(st.selectbox, tr("signs_filter"), ["", *kinds], "sign_kind",
                    format_func=lambda k: sup.kind_word(L, k) if k else sup.tr(L, "signs_all"))
        signs = [s for s in sup.signs_of_kind(plan, kind or None) if s.id in svgs]
        inches = sup.uses_inches(profile)
        shown = signs[:S.signs_n]
        if shown:
            st.image([sup.svg_text(svgs[s.id]) for s in shown], width=170,
                     caption=[sup.md_escape(sup.sign_caption(s, L, inches=inches))
                              for s in shown])
        st.caption(tr("signs_shown", shown=len(shown), total=len(signs)))
        if len(shown) < len(signs):
            st.button(tr("signs_more", n=min(GALLERY_STEP, len(signs) - len(shown))),
                      on_click=on_more, key="signs-more")

if tab_codes.open:
    with tab_codes:
        st.caption(tr("codes_caption"))
        kinds = list(dict.fromkeys(m.kind for m in plan.markings))
        kind = pick(st.selectbox, tr("codes_filter"), ["", *kinds], "code_kind",
                    format_func=lambda k: sup.kind_word(L, k) if k else sup.tr(L, "signs_all"))
        rows = [r for r, m in zip(sup.marking_rows(plan, L), plan.markings)
                if not kind or m.kind == kind]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", column_config={
            c: st.column_config.Column(tr(f"col_{c}")) for c in
            ("code", "kind", "building", "storey", "side", "grid", "name")} | {
            "pinned": st.column_config.CheckboxColumn(tr("col_pinned"))})
        # the crew route to a code, as the dispatch centre reads it out
        st.subheader(sup.md_escape(words.text("route.app-header", lang())))
        targets = [m.code for m in plan.markings if m.kind in ("room", "stair") and m.code]
        if targets:
            target = pick(st.selectbox, words.text("route.app-pick", lang()), targets,
                          "route_code")
            try:
                st.markdown(sup.md_escape(route_of(sj, paper, target, lang())))
            except OrientationError as exc:
                st.warning(sup.problem_text(exc), icon=":material/route:")

TEXT, CHECK = st.column_config.TextColumn, st.column_config.CheckboxColumn
EDITORS = {
    "buildings": {"id": TEXT(tr("col_id"), disabled=True), "name": TEXT(tr("col_name")),
                  "letter": TEXT(tr("col_letter"), disabled=True),
                  "pin": TEXT(tr("col_pin_letter"), max_chars=3)},
    "doors": {"building": TEXT(tr("col_building"), disabled=True),
              "id": TEXT(tr("col_id"), disabled=True),
              "storey": TEXT(tr("col_storey"), disabled=True),
              "kind": st.column_config.SelectboxColumn(
                  tr("col_kind"), options=list(sup.DOOR_KINDS), required=True,
                  format_func=lambda k: sup.kind_word(L, k)),
              "code": TEXT(tr("col_code"), disabled=True),
              "pin": TEXT(tr("col_pin"), max_chars=16)},
    "stairs": {"building": TEXT(tr("col_building"), disabled=True),
               "id": TEXT(tr("col_id"), disabled=True),
               "storeys": TEXT(tr("col_storeys"), disabled=True), "name": TEXT(tr("col_name")),
               "code": TEXT(tr("col_code"), disabled=True),
               "pin": TEXT(tr("col_pin"), max_chars=16)},
    "rooms": {"building": TEXT(tr("col_building"), disabled=True),
              "id": TEXT(tr("col_id"), disabled=True),
              "storey": TEXT(tr("col_storey"), disabled=True), "name": TEXT(tr("col_name")),
              "use": st.column_config.SelectboxColumn(
                  tr("col_use"), options=list(sup.ROOM_USES),
                  format_func=lambda u: sup.use_word(L, u)),
              "landmark": CHECK(tr("col_landmark")),
              "code": TEXT(tr("col_code"), disabled=True),
              "pin": TEXT(tr("col_pin"), max_chars=16)},
}

if tab_edit.open:
    with tab_edit:
        plan_editor_page.show(S, site, plan, lang=L, source=S.loaded.source, set_site=set_site)
        st.divider()
        st.caption(tr("edit_intro") + " " + tr("edit_profile_note"))
        doors = sup.exterior_doors(site, plan)
        labels = dict(doors)
        pick(st.selectbox, tr("main_entrance"), ["", *labels], "main",
             value=edits.main_door(site) or "",
             format_func=lambda d: labels[d] if d else sup.tr(L, "main_none"),
             on_change=lambda: edit(edits.set_main_door, S.main or None))
        st.button(tr("freeze"), help=tr("freeze_help"), on_click=on_freeze, args=(plan,),
                  icon=":material/push_pin:", key="freeze")
        for table, config in EDITORS.items():
            rows = sup.TABLE_ROWS[table](site, plan)
            if not rows:
                continue
            st.subheader(tr(f"edit_{table}"))
            edited = st.data_editor(pd.DataFrame(rows), key=f"{table}-{S.rev}", hide_index=True,
                                    column_order=list(config), column_config=config,
                                    width="stretch", height=min(36 + 35 * len(rows), 420),
                                    placeholder="–")
            after = edited.to_dict("records")
            if sup.rows_changed(rows, after, table):
                try:
                    new_site = sup.apply_rows(site, table, after)
                except OrientationError as exc:
                    st.error(tr("edit_rejected", msg=sup.problem_text(exc)),
                             icon=":material/error:")
                else:
                    set_site(new_site)
                    st.rerun()

if tab_get.open:
    with tab_get:
        st.write(tr("get_intro"))
        draft = plan.draft_reasons(lang())
        if draft:  # the files carry the mark on every page; say so before they are taken
            st.warning(tr("get_draft", reasons=sup.md_escape("; ".join(draft))),
                       icon=":material/draft:")
        stem = Path(S.loaded.source.name).stem
        try:
            with st.spinner():
                files = print_files_of(sj, paper)
        except OrientationError as exc:
            st.error(tr("get_unavailable", why=sup.problem_text(exc)), icon=":material/error:")
        else:
            src = S.loaded.source
            st.download_button(
                tr("get_zip"), type="primary", icon=":material/folder_zip:", on_click="ignore",
                key="dl-zip",
                data=lambda f=files, s=src, j=sj: sup.zip_outputs(
                    f, folder=stem, extra={s.name: site_text_of(s, j).encode("utf-8")}),
                file_name=f"{stem}-orientation.zip", mime="application/zip")
            cols = st.columns(3)
            for i, name in enumerate(sup.DOWNLOADS):
                if name in files:
                    with cols[i % 3]:
                        st.download_button(
                            tr(f"get_{name}"), data=files[name], file_name=f"{stem}-{name}",
                            mime=sup.mime_of(name), on_click="ignore",
                            key="dl-" + name.replace(".", "-"),
                            icon=":material/picture_as_pdf:" if name.endswith(".pdf")
                            else ":material/table:", width="stretch")
                        st.caption(tr(f"about_{name}"))
            with cols[0]:
                why = pinned_problem_of(src, sj, paper)
                if why:
                    st.error(tr("text_kept_not", msg=why), icon=":material/error:")
                st.download_button(
                    tr("get_pinned"), icon=":material/push_pin:", on_click="ignore",
                    key="dl-pinned", file_name=sup.pinned_name(src), mime=sup.mime_of(src.name),
                    data=lambda s=src, st_=site, p=plan: sup.pinned_site_text(s, st_, p),
                    width="stretch")
                st.caption(tr("get_pinned_help"))
