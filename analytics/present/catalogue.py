"""The one message catalogue: every sentence and label the engine's users read — pages, slides,
forms, the written report and the CLI's ``*_zh``/``*_en`` fields — in Simplified Chinese and English.

Engine results carry codes and numbers; text is made here, at the edge, by :func:`text`. The
templates live in :mod:`analytics.present.strings` (one module per domain); a local office can
reword a template there without touching the code that uses it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from typing import Any

from analytics.present import strings as _strings_pkg

LANGS = ("zh", "en")


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_strings_pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{_strings_pkg.__name__}.{info.name}")
        table: dict[str, dict[str, str]] = getattr(module, "STRINGS")
        for key, entry in table.items():
            full = key if info.name == "ui" else f"{info.name}.{key}"
            if full in merged:
                raise ValueError(f"catalogue key defined twice: {full}")
            merged[full] = entry
    return merged


CATALOGUE: dict[str, dict[str, str]] = _load()


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def text(key: str, lang: str = "zh", **params: Any) -> str:
    """The template for ``key`` in ``lang`` (Chinese when the language or the English text is
    missing), filled with ``params``. An unknown key returns the key itself, so a gap shows
    on screen instead of crashing a page; a test checks that every key used exists."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    template = entry.get(lang if lang in LANGS else "zh") or entry["zh"]
    if not params:
        return template
    m = params.get("m")
    if "{m_name}" in template and isinstance(m, int) and 1 <= m <= 12 and "m_name" not in params:  # a month by its name
        params = {**params, "m_name": CATALOGUE["units.month_names"][lang if lang in LANGS else "zh"].split(",")[m - 1]}
    try:
        filled = template.format_map(_Safe(params))
    except (ValueError, IndexError, AttributeError):
        return template
    return _one(filled) if lang == "en" else filled


#: English counts of one: ``1 rows`` → ``1 row`` (``**1** indicators`` too); the nouns the catalogue
#: counts, and the verb right after them (``1 indicators have`` → ``1 indicator has``, ``1 indicators below
#: are`` → ``1 indicator below is``). Chinese has no plural.
_ONE = re.compile(r"(?<![\d.,])(?<!Goal )(?<!goal )(?<!Page )(?<!page )(?<!No\. )\b1(\*\*)? (row|indicator|project|month|point|item|change|source|year|form|cell|problem|"
                  r"error|warning|target|table|check-in|slide|goal|part|batch|record|sheet|column|file|user)(e?s)\b((?: below)?(?: have| are| were| need))?\b")
_VERB_ONE = {" have": " has", " are": " is", " were": " was", " need": " needs"}


def _one(text: str) -> str:
    """``text`` with every count of one in the singular (``1 rows could not be read`` → ``1 row``,
    ``1 indicators have no data`` → ``1 indicator has no data``)."""
    def singular(m: re.Match[str]) -> str:
        verb = m.group(4) or ""
        head, _, word = verb.rpartition(" ")
        return f"1{m.group(1) or ''} {m.group(2)}{head}{_VERB_ONE.get(' ' + word, ' ' + word) if word else ''}"

    return _ONE.sub(singular, text) if "1" in text else text


def placeholders(key: str, lang: str = "zh") -> set[str]:
    """The named fields of a template (for tests that check every caller fills them)."""
    template = CATALOGUE.get(key, {}).get(lang, "")
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
