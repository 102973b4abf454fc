"""The Streamlit app's own support (``app.py`` beside it): everything the page needs that is
not a widget, importable and testable without Streamlit. Not part of the library: what a
command line could use too lives in :mod:`orientation` (site edits and pins in
:mod:`orientation.edits`).

* :mod:`.words`: the interface's words (``de``/``en``, from the catalogue
  :mod:`orientation.words`), :func:`tr`, :func:`kind_word`, :func:`finding_text`.
* :mod:`.markdown`: text from files made literal for Streamlit's Markdown; errors worded.
* :mod:`.loading`: a bundled example or an upload held in memory -> :class:`Loaded`.
* :mod:`.outputs`: plans and pictures keyed by the site's JSON text; the ZIP; MIME types.
* :mod:`.tables`: rows for the tables, the findings grouped, sign captions.
* :mod:`.plan_editor`: the plan editor's logic (what its component draws, its events as edits
  through :mod:`orientation.plan_edits`, undo); :mod:`.plan_editor_page` draws its widgets
  (imported by ``app.py`` itself: it needs Streamlit).
* :mod:`.site_file`: the site file to download (:mod:`orientation.edits` over a
  :class:`Source`).

``app.py`` reads the page's helpers through this package (``import app_support as sup``) and
edits the site through :mod:`orientation.edits`.
"""

from __future__ import annotations

from .loading import (
    BUILDING_SUFFIXES,
    SITE_SUFFIXES,
    UPLOAD_LIMIT_BYTES,
    UPLOAD_LIMIT_MB,
    Loaded,
    Source,
    current_notes,
    example_files,
    example_title,
    importer,
    load_example,
    load_upload,
)
from .markdown import WORD_JOINER, failure_text, md_escape, md_unescape, problem_text
from .outputs import (
    DOWNLOADS,
    MIME,
    PAPERS,
    map_pages,
    mime_of,
    plan_for,
    render_for,
    sign_svgs,
    site_json,
    svg_text,
    svg_title,
    zip_outputs,
)
from .plan_editor import (
    Applied,
    Choices,
    apply_event,
    mode_for,
    new_event,
    popped,
    pushed,
    view_data,
)
from .site_file import (
    pinned_name,
    pinned_site_text,
    pinned_text_problem,
    site_text,
    site_text_problem,
)
from .tables import (
    DOOR_KINDS,
    EDITABLE,
    ROOM_USES,
    TABLE_ROWS,
    apply_rows,
    building_rows,
    counts,
    door_rows,
    exterior_doors,
    findings_by_severity,
    marking_rows,
    room_rows,
    rows_changed,
    sign_caption,
    sign_kinds,
    signs_of_kind,
    stair_rows,
    uses_inches,
)
from .words import (
    LANGUAGES,
    TEXTS,
    finding_text,
    interface_language,
    kind_word,
    profile_of,
    tr,
    use_word,
)

__all__ = [
    "BUILDING_SUFFIXES", "DOOR_KINDS", "DOWNLOADS", "EDITABLE", "LANGUAGES", "MIME", "PAPERS",
    "ROOM_USES", "SITE_SUFFIXES", "TABLE_ROWS", "TEXTS", "UPLOAD_LIMIT_BYTES", "UPLOAD_LIMIT_MB",
    "WORD_JOINER", "Applied", "Choices", "Loaded", "Source", "apply_event", "apply_rows",
    "building_rows", "counts", "current_notes",
    "door_rows", "example_files", "example_title", "exterior_doors", "failure_text", "finding_text",
    "findings_by_severity", "importer", "interface_language", "kind_word",
    "load_example", "load_upload", "map_pages", "marking_rows", "md_escape",
    "md_unescape", "mime_of", "mode_for", "new_event", "popped", "pushed", "pinned_name",
    "pinned_site_text", "pinned_text_problem",
    "plan_for", "problem_text", "profile_of", "render_for", "room_rows", "rows_changed",
    "sign_caption", "sign_kinds", "sign_svgs", "signs_of_kind",
    "site_json", "site_text", "site_text_problem", "stair_rows", "svg_text", "svg_title", "tr",
    "use_word",
    "uses_inches", "view_data", "zip_outputs",
]
