"""Text from files on a Streamlit page: names, addresses, messages and file names come from
users' files, and Streamlit reads Markdown nearly everywhere (titles, captions, alerts, expander
labels, picture captions): :func:`md_escape` makes them literal text, :func:`problem_text` and
:func:`failure_text` word errors for ``st.error``."""

from __future__ import annotations

import re
from typing import Any

from orientation.errors import OrientationError, SiteFileError

from .words import tr

#: Every ASCII punctuation character: CommonMark lets each be backslash-escaped, and escaping all
#: of them leaves no Markdown, HTML, table, LaTeX (``$``), Streamlit directive (``:red[…]``) or
#: icon (``:material/…:``) in the text.
_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_MD_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
#: Streamlit's Markdown turns some patterns in the text into links or pictures *after* the
#: escapes are read (GFM autolinks ``www.x``, ``http://x``, ``a@b.c``; emoji and ``:streamlit:``
#: shortcodes): an invisible WORD JOINER (U+2060) after ``:`` and ``@`` and inside ``www.``
#: breaks each of those patterns without changing what a reader sees.
WORD_JOINER = "\u2060"
_MD_AUTOLINK = re.compile(r"(\\[:@])|(?i:(www)(?=\\\.))")


def md_escape(text: Any, *, lines: bool = False) -> str:
    r"""Text shown literally in Streamlit Markdown (names, addresses, messages and file names
    come from files and uploads; ``st.title``, ``st.caption``, ``st.error``, ``st.image``
    captions, expander labels and ``st.markdown`` all read Markdown). Line breaks become
    spaces, or with ``lines`` Markdown hard breaks; tabs become spaces.

    >>> md_escape("WC_1 *neu* [alt]")
    'WC\\_1 \\*neu\\* \\[alt\\]'
    >>> md_escape("![t](x) <b>&amp;")
    '\\!\\[t\\]\\(x\\) \\<b\\>\\&amp\\;'
    >>> md_escape("a@b.c www.x :smile:").replace(WORD_JOINER, "|")
    'a\\@|b\\.c www|\\.x \\:|smile\\:|'
    """
    text = str(text).replace("\t", " ")
    text = _MD_PUNCT.sub(r"\\\1", text)
    text = _MD_AUTOLINK.sub(lambda m: (m.group(1) or m.group(2)) + WORD_JOINER, text)
    return _MD_LINE_BREAKS.sub("  \n" if lines else " ", text)


def md_unescape(markdown: str) -> str:
    r"""The text a reader sees of :func:`md_escape`'d Markdown (for tests and logs).

    >>> md_unescape(md_escape("[x](http://y) *z* \\ 1.5 www.a"))
    '[x](http://y) *z* \\ 1.5 www.a'
    """
    text = markdown.replace(WORD_JOINER, "")
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text).replace("  \n", "\n")


def problem_text(exc: BaseException) -> str:
    """An error as Markdown for ``st.error``: the library's words escaped (they quote file
    names, values and key paths from the user's files), problems one per line."""
    if isinstance(exc, SiteFileError) and len(exc.problems) > 1:
        head = md_escape(f"{exc.file}: {len(exc.problems)} problems:")
        return head + "\n" + "\n".join(
            "- " + md_escape(f"{p.path}: " if p.path else "") + md_escape(p.message, lines=True)
            for p in exc.problems)
    return md_escape(str(exc), lines=True)



def failure_text(exc: BaseException, *, name: str, lang: str = "en") -> str:
    """Any failure as Markdown for ``st.error``: a library error's own words
    (:func:`problem_text`), anything else (a bug, MemoryError, an error of a package the
    importers use) as "unexpected error" naming the file and the exception, never a traceback."""
    if isinstance(exc, OrientationError):
        return problem_text(exc)
    return md_escape(tr(lang, "unexpected", name=name, msg=f"{type(exc).__name__}: {exc}"),
                     lines=True)


__all__ = ["WORD_JOINER", "failure_text", "md_escape", "md_unescape", "problem_text"]
