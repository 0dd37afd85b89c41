"""User text is text: :func:`esc` makes any string safe to put into Markdown that Streamlit renders
(``st.markdown``, titles and headers, alerts, captions, labels, help texts, ``st.table`` cells,
toasts). No Streamlit import: the rule is testable on its own.

What Streamlit 1.67 renders from Markdown, and how each is stopped here:

* CommonMark/GFM syntax — links and images ``[x](url)`` ``![x](url)``, headings ``#``, setext
  underlines ``===``, emphasis, code, quotes, tables, raw HTML ``<img …>``, character references
  ``&#60;``, autolinks ``<http://…>``, bare ``http://…`` and e-mail links, LaTeX ``$…$`` and
  Streamlit's directives ``:red[…]``/``:small[…]``: the characters that start them are
  backslash-escaped wherever they stand (CommonMark renders ``\\X`` as a literal ``X`` for any ASCII
  punctuation); list markers and dash lines only where they are markup (``- ``, ``1. ``, ``1)`` and ``---`` starting a line)
  and ``www.`` links at their dot, so ordinary text keeps its dates and decimals as they are;
  leading blanks are dropped so no line becomes a code block;
* ``:material/icon:``, ``:streamlit:`` and emoji short codes ``:smile:`` are found in the text
  *after* escapes are resolved, so a word joiner (U+2060, invisible, no line break) follows any
  ``:`` that precedes a name character.
"""

from __future__ import annotations

import re

_ALWAYS = frozenset("\\`*_{}[]<>#+!|~$=&@:^")  # start Markdown/HTML constructs anywhere in a line
_WORD_JOINER = "\u2060"
_NAME_CHAR = re.compile(r"[\w+\-]")
_LIST_START = re.compile(r"\d{1,9}[.)](?=[ \t]|$)")  # "1. " / "1)" starting a line: an ordered list
_DASH_START = re.compile(r"-(?:[ \t]|-*[ \t]*$)")  # "- " (a list) or a line of dashes (a setext underline)
_WWW = re.compile(r"(?i)(?<![\w.])www\.")  # "www." starting a GFM autolink


def _escape_line(line: str) -> str:
    line = line.lstrip(" \t")
    risky = set()  # positions of characters that are markup only where they stand here
    if _DASH_START.match(line):
        risky.add(0)
    listed = _LIST_START.match(line)
    if listed:
        risky.add(listed.end() - 1)
    risky.update(m.end() - 1 for m in _WWW.finditer(line))
    out: list[str] = []
    for i, ch in enumerate(line):
        if ch in _ALWAYS or i in risky:
            out.append("\\" + ch)
            if ch == ":" and i + 1 < len(line) and _NAME_CHAR.match(line[i + 1]):
                out.append(_WORD_JOINER)
        else:
            out.append(ch)
    return "".join(out)


def esc(text: object) -> str:
    """``text`` as Markdown source that renders exactly as that text (see the module doc)."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_escape_line(line) for line in lines)
