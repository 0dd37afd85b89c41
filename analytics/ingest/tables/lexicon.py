"""The lexicon of ``data/lexicon.yaml``: header words, level words, units, qualitative words and the
ordered rules that infer an indicator's kind and direction. Loaded once; every rule keeps its id,
help text, Chinese reason and confidence so that each inferred field can say why.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from analytics.core.paths import DATA_DIR
from analytics.core.values import normalize_text

__all__ = ["LEXICON_FILE", "Lexicon", "Rule", "load_lexicon", "lexicon_help"]

LEXICON_FILE = DATA_DIR / "lexicon.yaml"


@dataclass(frozen=True)
class Rule:
    """One inference rule: every condition given must hold; the first rule that holds wins."""

    id: str
    value: str
    confidence: str
    reason_zh: str
    help: str
    reason_en: str = ""  # the same reason in English, for a page shown in English
    name: re.Pattern[str] | None = None
    not_name: re.Pattern[str] | None = None
    unit: re.Pattern[str] | None = None
    level: re.Pattern[str] | None = None
    target: re.Pattern[str] | None = None
    comparator: str | None = None
    zero_cap: bool = False
    qualitative: bool = False
    deadline: bool = False


_SERIAL_RANGE = (36526, 54788)  # spreadsheet day numbers of 2000-01-01 .. 2049-12-31


@dataclass(frozen=True)
class Lexicon:
    header_roles: tuple[tuple[str, re.Pattern[str]], ...]
    value_roles: tuple[tuple[str, re.Pattern[str]], ...]
    to_month: re.Pattern[str] | None
    last_year: re.Pattern[str] | None  # a value column of the year before the table's (上年实际完成值)
    next_year: re.Pattern[str] | None  # a target column of the year after the table's (下年目标值)
    adjusted: re.Pattern[str] | None  # a target column that adjusts another of its year (调整后指标值)
    level1: frozenset[str]
    level2: frozenset[str]
    level2_to_level1: Mapping[str, str]
    either: frozenset[str]
    unit_aliases: Mapping[str, str]
    units: tuple[str, ...]  # longest first
    bare_wan: tuple[tuple[str, str], ...]
    unit_from_name: tuple[tuple[re.Pattern[str], str], ...]
    money_wan: re.Pattern[str]
    qualitative_words: tuple[str, ...]
    qualitative_ends: tuple[str, ...]  # words a target in words ends with, besides the qualitative words
    deadline: tuple[re.Pattern[str], ...]
    kind_rules: tuple[Rule, ...]
    direction_rules: tuple[Rule, ...]
    facts: Mapping[str, Any] = field(default_factory=dict)
    score_header: re.Pattern[str] = re.compile(r"(分值|权重|得分)")
    scored_header: re.Pattern[str] = re.compile(r"(得分|评分)")
    points_header: re.Pattern[str] | None = None  # an indicator's weight (分值, 权重): its points
    percent_ceiling: re.Pattern[str] | None = None
    change_measure: re.Pattern[str] | None = None
    signed: re.Pattern[str] | None = None  # names whose actual values may be below zero (a fall)
    magnitude: re.Pattern[str] | None = None  # names of a deviation: a value below zero is read as its size
    execution_rate: re.Pattern[str] | None = None  # the name of the project's budget execution (项目预算执行率)
    none_as_zero: tuple[str, ...] = ()  # a lower-is-better indicator's 无: none (≤ 0, or 0 done)
    date_serial: re.Pattern[str] | None = None  # names of a date: a spreadsheet's day number under them is a date
    date_serial_range: tuple[int, int] = _SERIAL_RANGE
    explanation: re.Pattern[str] | None = None
    scoring_rule: re.Pattern[str] | None = None
    scoring_header: re.Pattern[str] | None = None  # the scoring rule column's header (评（扣）分标准)
    fragment: re.Pattern[str] | None = None
    run_words: tuple[str, ...] = ()  # header cells of a copy whose cells run together, longest first
    disorder: tuple[int, float] = (5, 0.5)  # unread rows (at least, per indicator) of a text out of order
    title_year_cells: tuple[tuple[re.Pattern[str], int | None], ...] = ()  # (pattern, max_chars)
    title_year_joined: tuple[re.Pattern[str], ...] = ()
    title_span: re.Pattern[str] | None = None  # the years of an implementation period in a title (2024—2025年)
    year_ordinal: re.Pattern[str] | None = None  # 第一年度 in a value column's header
    checkins: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (level, pattern) of a qualitative result, not_achieved first
    checkin_bands: tuple[float, float] | None = None  # 得分 ÷ 分值 from which a blank result is 达成 / 部分达成
    note_words: tuple[str, ...] = ()  # how a bracket that explains a name begins (计算方法, 指, 说明), longest first
    note_not_words: tuple[str, ...] = ()  # words starting as those do that explain nothing (指导, 注册)
    time_limit: re.Pattern[str] | None = None  # a time limit inside a name (6小时内, 3个工作日内)

    def name_note(self, text: str) -> tuple[str, str]:
        """(``text`` without the brackets that explain the name, what they say): ``结余率(计算方法为:结余数/预算数)``
        → (结余率, 计算方法为:结余数/预算数); several are joined by ``；``. A bracket is an explanation when it
        starts with a word of ``name_note.words`` and something follows the word (lexicon ``name_note``);
        ``text`` is kept whole when it has none, or when less than two letters would be left of it."""
        if not self.note_words or not _OPENING.search(text):
            return text, ""
        kept: list[str] = []
        notes: list[str] = []
        i = 0
        while i < len(text):
            end = _closing(text, i) if text[i] in "(（" else -1
            if end > 0 and self._explains(text[i + 1:end]):
                notes.append(text[i + 1:end].strip())
                i = end + 1
                continue
            kept.append(text[i])
            i += 1
        name = "".join(kept).strip()
        if not notes or len(re.findall(r"[A-Za-z\u3400-\u9fff]", name)) < 2:
            return text, ""
        return name, "；".join(notes)

    def _explains(self, inner: str) -> bool:
        """The inside of a bracket explains the name before it (see :meth:`name_note`)."""
        t = normalize_text(inner)
        if any(t.startswith(w) for w in self.note_not_words):
            return False
        word = next((w for w in self.note_words if t.startswith(w)), None)
        return word is not None and len(t[len(word):].lstrip(":为是")) >= 2

    def checkin(self, text: str, target: str | None = None) -> str | None:
        """The check-in level (``achieved`` / ``partial`` / ``not_achieved``) a qualitative
        indicator's result ``text`` states: its target written again, else the first pattern of
        ``qualitative.checkins`` that matches; None for any other text."""
        got = normalize_text(text)
        if not got:
            return None
        if target is not None and got == normalize_text(target):
            return "achieved"
        for level, pattern in self.checkins:
            if pattern.search(got):
                return level
        return None

    def checkin_from_score(self, given: float, points: float) -> str | None:
        """The check-in a qualitative row's score states (``qualitative.checkins.from_score``):
        得分 ÷ 分值 at or above the ``achieved`` share is ``achieved``, at or above ``partial``
        ``partial``, else ``not_achieved``; None without bands or points."""
        if self.checkin_bands is None or points <= 0 or given < 0 or given > points * 1.000001:
            return None
        share = given / points
        return "achieved" if share >= self.checkin_bands[0] - 1e-9 else "partial" if share >= self.checkin_bands[1] - 1e-9 \
            else "not_achieved"

    def due(self, text: str) -> str | None:
        """``2024-12`` (or ``12`` without a year) when ``text`` is a deadline, else ``None``."""
        for pattern in self.deadline:
            m = pattern.fullmatch(text)
            if m:
                groups = m.groupdict()
                month, year = groups.get("m"), groups.get("y")
                if groups.get("q"):  # a quarter is due in its last month
                    month = str(3 * ordinal(groups["q"]))
                if groups.get("h"):
                    month = "6" if groups["h"] == "上半年" else "12"
                if not month:
                    return f"{year}-12" if year else "12"
                return f"{year}-{int(month):02d}" if year else f"{int(month):02d}"
        return None

    def level_word(self, text: str) -> tuple[str, str] | None:
        """``("level1"|"level2", word)`` when ``text`` (score suffix removed) is a level word."""
        word = re.sub(r"\s+", "", normalize_text(text)).rstrip(":")  # 数量指标: heading a list
        word = strip_score(re.sub(r"^[A-Ha-h][、.)]?(?=[\u4e00-\u9fff])", "", word))  # A产出指标: a report's lettering
        if re.search(r"指标[(（]", word):  # 数量指标(或建筑规模指标), 时效指标(工期指标): the alternative goes
            word = re.sub(r"[(（][^()（）]*[)）]$", "", word)
        word = re.sub(r"[(（]或[^()（）]*[)）]", "", word)  # 预算(或投资规模)控制指标: so does one inside
        word = re.sub(r"^预期(?=产出|效益|效果)", "", word)  # 预期产出指标
        word = re.sub(r"(?<=指标)等$", "", word)  # 服务对象满意度指标等: a template's "and such"
        alias = re.sub("(值|目标)$", "指标", word)  # 产出值 / 数量值: a template's other word for 指标
        if word not in self.level1 | self.level2 and alias in self.level1 | self.level2 and len(word) <= 8:
            word = alias
        if word not in self.level1 | self.level2 and word + "指标" in self.level2 and re.search("[或及和与]", word):
            word += "指标"  # 社会公众或服务对象满意度: the template's compound label copied without its 指标
        if word in self.level2 and word not in self.level1:
            return "level2", word
        if word in self.level1:
            return "level1", word
        if word.endswith("指标") and len(word) <= 12 and not (self.explanation and self.explanation.match(word)):  # (反映…指标)
            if re.search("(数量|质量|时效|效益|满意度|成本|影响)指标$|效性指标$", word):  # 时效性指标 (日效性指标 mistyped)
                return ("level1" if re.fullmatch("(产出|效益|满意度|效果)指标", word) else "level2"), word
        return None


_OPENING = re.compile(r"[(（]")


def _closing(text: str, at: int) -> int:
    """Where the bracket opened at ``at`` closes (brackets inside it counted), -1 when it does not."""
    depth = 0
    for k in range(at, len(text)):
        depth += text[k] in "(（"
        depth -= text[k] in ")）"
        if depth == 0:
            return k
    return -1


_SCORE_RE = re.compile(r"[(（]\s*(自评分|自评得分|分值|得分)?\s*\d+(\.\d+)?\s*分\s*[)）]$|\d+(\.\d+)?分$|[(（]\s*(必填|选填)[^()（）]{0,8}[)）]$")


_LEVEL_NUMBER_RE = re.compile(r"^([一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[、.．])\s*")


_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}


def ordinal(word: str) -> int:
    """The number of an ordinal written in digits or Chinese (第三季度, 第二年度: 三 → 3; 0 if none)."""
    return int(word) if word.isdigit() else _ORDINALS.get(word, 0)


def strip_score(text: str) -> str:
    """``产出指标(50分)`` → ``产出指标``; a numbering in front (一、产出指标) and a template's
    ``(必填)`` / ``(选填)`` after it go too."""
    return _LEVEL_NUMBER_RE.sub("", _SCORE_RE.sub("", text).strip()).strip()


def _rx(text: Any) -> re.Pattern[str] | None:
    return None if text in (None, "") else re.compile(str(text))


def _bands(doc: Any) -> tuple[float, float] | None:
    """(achieved, partial) shares of ``qualitative.checkins.from_score``; None when not set."""
    if not isinstance(doc, dict) or doc.get("achieved") is None or doc.get("partial") is None:
        return None
    return float(doc["achieved"]), float(doc["partial"])


def _rules(items: list[dict[str, Any]], field_name: str) -> tuple[Rule, ...]:
    out = []
    for item in items:
        out.append(Rule(
            id=str(item["id"]), value=str(item[field_name]), confidence=str(item.get("confidence", "medium")),
            reason_zh=str(item.get("reason_zh", "")), help=" ".join(str(item.get("help", "")).split()),
            reason_en=str(item.get("reason_en", "")),
            name=_rx(item.get("name")), not_name=_rx(item.get("not_name")), unit=_rx(item.get("unit")),
            level=_rx(item.get("level")),
            target=_rx(item.get("target")), comparator=item.get("comparator"),
            zero_cap=bool(item.get("zero_cap")), qualitative=bool(item.get("qualitative")),
            deadline=bool(item.get("deadline"))))
    return tuple(out)


def _from_doc(doc: Mapping[str, Any]) -> Lexicon:
    units = doc["units"]
    levels = doc["levels"]
    return Lexicon(
        header_roles=tuple((str(r["role"]), re.compile(str(r["pattern"]))) for r in doc["headers"]["roles"]),
        value_roles=tuple((str(r["role"]), re.compile(str(r["pattern"]))) for r in doc["value_roles"]["rules"]),
        to_month=_pattern(doc["value_roles"].get("to_month")),
        last_year=_pattern(doc["value_roles"].get("last_year")),
        next_year=_pattern(doc["value_roles"].get("next_year")),
        adjusted=_pattern(doc["value_roles"].get("adjusted")),
        level1=frozenset(levels["level1"]),
        level2=frozenset(levels["level2"]),
        level2_to_level1=dict(levels.get("level2_to_level1") or {}),
        either=frozenset(levels.get("either") or []),
        unit_aliases={normalize_text(k): str(v) for k, v in (units.get("aliases") or {}).items()},
        units=tuple(sorted({normalize_text(u) for u in units["known"]}, key=len, reverse=True)),
        bare_wan=tuple((str(k), str(v)) for k, v in units["bare_wan"]["by_name_end"].items()),
        money_wan=re.compile(str(units["money_wan"]["pattern"])),
        unit_from_name=tuple((re.compile(str(r["pattern"])), str(r["unit"])) for r in units["from_name"]["rules"]),
        qualitative_words=tuple(str(w) for w in doc["qualitative"]["words"]),
        qualitative_ends=tuple(str(w) for w in (doc["qualitative"].get("ends") or {}).get("words") or []),
        deadline=tuple(re.compile(str(x)) for x in doc["qualitative"]["deadline"]["patterns"]),
        kind_rules=_rules(doc["kind"]["rules"], "kind"),
        direction_rules=_rules(doc["direction"]["rules"], "direction"),
        facts=dict(doc.get("facts") or {}),
        score_header=re.compile(str(doc["headers"].get("score") or "(分值|权重|得分)")),
        scored_header=re.compile(str(doc["headers"].get("scored") or "(得分|评分)")),
        points_header=_rx(doc["headers"].get("points")),
        percent_ceiling=_rx((doc.get("percent_ceiling") or {}).get("name")),
        change_measure=_rx((doc.get("change_measure") or {}).get("name")),
        signed=_rx((doc.get("signs") or {}).get("signed")),
        magnitude=_rx((doc.get("signs") or {}).get("magnitude")),
        execution_rate=_rx((doc.get("execution_rate") or {}).get("name")),
        none_as_zero=tuple(normalize_text(str(w)) for w in (doc.get("none_as_zero") or {}).get("words") or []),
        date_serial=_rx((doc.get("date_serial") or {}).get("name")),
        time_limit=_pattern((doc.get("time_limit") or {}).get("pattern")),
        date_serial_range=(int((doc.get("date_serial") or {}).get("low", _SERIAL_RANGE[0])),
                           int((doc.get("date_serial") or {}).get("high", _SERIAL_RANGE[1]))),
        explanation=_rx(doc["headers"].get("explanation")),
        scoring_rule=_rx(doc["headers"].get("scoring_rule")),
        scoring_header=_rx(doc["headers"].get("scoring_header")),
        fragment=_rx(doc["headers"].get("fragment")),
        disorder=(int((doc.get("disorder") or {}).get("min_unread", 5)),
                  float((doc.get("disorder") or {}).get("per_indicator", 0.5))),
        run_words=tuple(sorted({normalize_text(str(w)) for w in doc["headers"].get("run_words") or []},
                               key=len, reverse=True)),
        title_year_cells=tuple((re.compile(str(r["pattern"])), int(r["max_chars"]) if r.get("max_chars") else None)
                               for r in (doc.get("title_year") or {}).get("cells") or []),
        title_year_joined=tuple(re.compile(str(r["pattern"])) for r in (doc.get("title_year") or {}).get("joined") or []),
        title_span=_pattern(((doc.get("title_year") or {}).get("span") or {}).get("pattern")),
        year_ordinal=_pattern(((doc.get("title_year") or {}).get("ordinal") or {}).get("pattern")),
        checkin_bands=_bands((doc["qualitative"].get("checkins") or {}).get("from_score")),
        note_words=_words((doc.get("name_note") or {}).get("words")),
        note_not_words=_words(((doc.get("name_note") or {}).get("not_words") or {}).get("words")),
        checkins=tuple((level, re.compile(str(x))) for level in ("not_achieved", "partial", "achieved")
                       for x in ((doc["qualitative"].get("checkins") or {}).get(level) or [])),
    )


def _words(items: Any) -> tuple[str, ...]:
    """A word list of the lexicon, as matched (NFKC), longest first."""
    return tuple(sorted({normalize_text(str(w)) for w in items or []}, key=len, reverse=True))


def _pattern(text: object) -> re.Pattern[str] | None:
    return re.compile(str(text)) if text else None


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Lexicon:
    return _from_doc(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {})


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon of ``data/lexicon.yaml`` (or of ``path``), read once."""
    return _load(str(path or LEXICON_FILE))


def lexicon_help(path: str | Path | None = None) -> list[dict[str, str]]:
    """Every section and rule with its help text (for the README and reviews)."""
    doc = yaml.safe_load(Path(path or LEXICON_FILE).read_text(encoding="utf-8")) or {}
    out: list[dict[str, str]] = []
    for section, body in doc.items():
        if isinstance(body, dict) and "help" in body:
            out.append({"entry": section, "help": " ".join(str(body["help"]).split())})
        for item in (body.get("rules") or []) if isinstance(body, dict) else []:
            if isinstance(item, dict) and "help" in item:
                out.append({"entry": f"{section}.{item.get('id', item.get('role', ''))}",
                            "help": " ".join(str(item["help"]).split())})
        for key in body if isinstance(body, dict) else []:  # a setting with its help beside it: to_month / to_month_help
            if f"{key}_help" in body:
                out.append({"entry": f"{section}.{key}", "help": " ".join(str(body[f"{key}_help"]).split())})
    return out
