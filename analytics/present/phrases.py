"""Targets written in words (定性目标: 有效提升, 符合相关规定, 2025年12月底前完成 …) in English, from
the phrase lexicon ``data/target_phrases.yaml``: whole phrases first, then patterns made of the
words of its tables. Loaded once. :func:`target_english` is asked by
:func:`analytics.present.format.fmt_target`, the one place a target is said in English; a target
the lexicon does not cover whole reads as written with the catalogue's ``units.as_written`` marker
there, never half translated. A number is never invented: a date's figures are carried as written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import yaml

from analytics.core.paths import DATA_DIR
from analytics.core.values import normalize_text
from analytics.present.catalogue import text

__all__ = ["PHRASES_FILE", "PhraseLexicon", "PhrasePattern", "load_phrases", "phrases_help", "target_english"]

PHRASES_FILE = DATA_DIR / "target_phrases.yaml"

#: The figures a pattern may carry (``{y}`` a year, ``{m}`` a month, ``{d}`` a day): never from a table.
_FIGURES: dict[str, str] = {"y": r"(?:19|20)\d{2}", "m": r"1[0-2]|0?[1-9]", "d": r"3[01]|[12]\d|0?[1-9]"}
_SLOT = re.compile(r"\{([a-z_]+)\}")
_END = re.compile(r"[。.．;；,，!！]+$")


@dataclass(frozen=True)
class PhrasePattern:
    """One pattern of the lexicon: its id, the compiled whole-target pattern, the English template
    and the help text."""

    id: str
    pattern: re.Pattern[str]
    en: str
    help: str


@dataclass(frozen=True)
class PhraseLexicon:
    """The phrase lexicon: whole phrases, word tables and the ordered patterns over them."""

    phrases: Mapping[str, str]
    words: Mapping[str, Mapping[str, str]]
    patterns: tuple[PhrasePattern, ...]

    def english(self, written: str) -> str | None:
        """The English of a target in words (``有效提升`` → ``Effectively improved``), None when
        neither a phrase nor a pattern covers it whole."""
        said = _END.sub("", normalize_text(written))
        if not said:
            return None
        if said in self.phrases:
            return self.phrases[said]
        for rule in self.patterns:
            found = rule.pattern.fullmatch(said)
            if found is not None:
                return _capital(_fill(rule.en, found.groupdict(), self.words))
        return None


def _fill(template: str, groups: Mapping[str, str | None], words: Mapping[str, Mapping[str, str]]) -> str:
    """``template`` with each ``{name}`` the English of the word found (a month by its name, a year
    or day as written, nothing for a part absent), blanks left over closed up."""
    months = text("units.month_names", "en").split(",")

    def one(m: re.Match[str]) -> str:
        name, got = m.group(1), groups.get(m.group(1))
        if not got:
            return ""
        if name == "m":
            return months[int(got) - 1]
        return got if name in _FIGURES else words[name][got]

    return " ".join(_SLOT.sub(one, template).split())


def _capital(said: str) -> str:
    return said[:1].upper() + said[1:]


def _compile(rule: Mapping[str, Any], words: Mapping[str, Mapping[str, str]]) -> PhrasePattern:
    """A pattern with each ``{table}`` made a named group of the table's words (longest first);
    ValueError for a name that is no table, or an English slot the pattern does not have."""
    rid = str(rule.get("id") or "")
    if not rule.get("help"):
        raise ValueError(f"{PHRASES_FILE.name}: pattern {rid!r} has no help")

    def group(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _FIGURES:
            return f"(?P<{name}>{_FIGURES[name]})"
        if name not in words:
            raise ValueError(f"{PHRASES_FILE.name}: pattern {rid!r} names no table {name!r}")
        return f"(?P<{name}>{'|'.join(re.escape(w) for w in sorted(words[name], key=len, reverse=True))})"

    source = str(rule["pattern"])
    en = str(rule["en"])
    missing = set(_SLOT.findall(en)) - set(_SLOT.findall(source))
    if missing:
        raise ValueError(f"{PHRASES_FILE.name}: pattern {rid!r} says {sorted(missing)} it does not match")
    return PhrasePattern(rid, re.compile(_SLOT.sub(group, source)), en, " ".join(str(rule["help"]).split()))


def _read(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@functools.lru_cache(maxsize=4)
def load_phrases(path: str | None = None) -> PhraseLexicon:
    """The phrase lexicon of ``path`` (default ``data/target_phrases.yaml``), loaded once; its
    phrases and words normalised as the targets they are matched against."""
    doc = _read(Path(path) if path else PHRASES_FILE)
    words: dict[str, dict[str, str]] = {}
    for name, table in (doc.get("words") or {}).items():
        if isinstance(table, dict) and "entries" in table:
            if not table.get("help"):
                raise ValueError(f"{PHRASES_FILE.name}: words.{name} has no help")
            words[name] = {normalize_text(k): str(v) for k, v in table["entries"].items()}
    phrases = {normalize_text(k): str(v) for k, v in ((doc.get("phrases") or {}).get("entries") or {}).items()}
    patterns = tuple(_compile(r, words) for r in (doc.get("patterns") or {}).get("rules") or [])
    return PhraseLexicon(phrases, words, patterns)


def target_english(written: str) -> str | None:
    """The English of a target written in words, by the phrase lexicon; None when it does not
    cover the target whole (the caller shows it as written, marked so)."""
    return load_phrases().english(written)


def phrases_help(path: str | None = None) -> list[dict[str, str]]:
    """Every section, word table and pattern of the phrase lexicon with its help text."""
    doc = _read(Path(path) if path else PHRASES_FILE)
    out: list[dict[str, str]] = []
    for section, body in doc.items():
        if not isinstance(body, dict):
            continue
        out.append({"entry": section, "help": " ".join(str(body.get("help") or "").split())})
        for name, table in body.items():
            if isinstance(table, dict) and "entries" in table:
                out.append({"entry": f"{section}.{name}", "help": " ".join(str(table.get("help") or "").split())})
        for rule in body.get("rules") or []:
            out.append({"entry": f"{section}.{rule.get('id', '')}", "help": " ".join(str(rule.get("help") or "").split())})
    return out
