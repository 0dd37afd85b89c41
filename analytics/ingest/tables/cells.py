"""Reading one cell of a target table: the name (brackets, score suffixes, units), a value with
its comparator and unit (``≥95%``, ``280人次``, ``4000万元``, ``≥100百分比``, ``18—54周岁``,
``是``, ``—``, ``效果明显``, ``2023年12月底前完成``), and header texts (role, year).

Comparators are read by the one target parser, :func:`analytics.core.values.parse_target`; this
module only separates the number from the words around it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from analytics.core.values import ValueParseError, normalize_text, parse_target
from analytics.ingest.tables.lexicon import Lexicon, strip_score
from analytics.ingest.tables.numerals import arabic

__all__ = ["SCORE_CELL", "SIGN_ONLY", "is_figure", "VALUE_SHAPE", "BOUND_STATED", "MAGNITUDES", "Cell", "CHANGE_DOWN", "CHANGE_TARGET", "CHANGE_UP", "COMPARATOR_WORDS", "REACH_WORDS", "SIGN_WORDS", "TYPE_WORDS", "column_sign", "fits", "is_place_name", "is_placeholder", "is_total", "names_nothing", "read_value", "split_name", "names_under_level2", "unit_only", "unwrap", "header_role", "header_year", "is_value_like",
           "is_qualitative_text", "clean_unit"]

_NUM = r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?"
_VALUE_RE = re.compile(rf"^(?P<pre>[^\d+-]*?)(?P<num>{_NUM})(?P<post>[^\d]*)$")
_RANGE_RE = re.compile(rf"^(?P<a>{_NUM})(?P<u1>[^\d~～—–-]*)(?:~|～|—+|–|-|至|到)(?P<b>{_NUM})(?P<u2>[^\d]*)$")
#: a lower bound and an upper bound written one after the other: ≥95%，≤100%
_BOTH_BOUNDS = re.compile(rf"^(?:≥|>=|≧)(?P<a>{_NUM})(?P<u1>%|[^\d,，;；、≤<]{{0,4}})[,，;；、]?\s*(?:≤|<=|≦)(?P<b>{_NUM})(?P<u2>%|[^\d]{{0,4}})$")
_GE = ("及以上", "以上", "不低于", "不少于", "不小于", "达到", "≥", "≧", ">=", "至少", "最少", "超过", "大于等于", "大于或等于",
       "大于", ">", "高于")
_LE = ("及以下", "以下", "以内", "不超过", "不高于", "不多于", "不大于", "低于", "≤", "≦", "<=", "至多", "最多", "小于等于",
       "小于或等于", "小于", "<", "控制在")
#: Words of reaching or keeping a level (a target written as a sentence): ``提高到90%`` is at least 90%,
#: ``降至5%以下`` at most 5%, ``保持在90%以上`` takes its side from the words after the number (or the
#: direction).
_TO_GE = ("提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "上升到", "上升至")
_TO_LE = ("降至", "降到", "降低到", "降低至", "下降到", "下降至", "减少到", "减少至", "压减到", "压减至", "压缩到", "压缩至")
_KEEP = ("保持在", "稳定在", "维持在", "保持")
_REACH = {**{w: "≥" for w in _TO_GE}, **{w: "≤" for w in _TO_LE}, **{w: "" for w in _KEEP}}
_REACH_LONGEST_FIRST = sorted(_REACH, key=len, reverse=True)
_WORDS = tuple(sorted(_GE + _LE + tuple(_REACH) + ("大约", "约", "左右", "为", "=", "≈", "达", "在", "内", "(含)", "含", "各"),
                      key=len, reverse=True))
_QUOTED = re.compile(r"^[“\"「『‘'](.+)[”\"」』’']$")
_DASHES = {"—", "–", "-", "－", "——", "/", "无", "n/a", "na", "", "——", "…", "/"}
_YES_NO = {"是": 1.0, "否": 0.0, "有": 1.0, "无": 0.0}
_BRACKET_RE = re.compile(r"[(（]([^()（）]{1,12})[)）]\s*$")
_TRAILING_RE = re.compile(r"(完成|达标|覆盖|办结|到位)$")
_NUMBERING_RE = re.compile(r"^([(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．)）](?!\d)|[\u2460-\u2473])\s*")  # 1. （1） 一、 ①
_TEMPLATE_RE = re.compile(r"[(（]\s*(?:[≥≤<>=]*\s*\*+|[≥≤<>=]+(?!\s*\d))\s*([^()（）\s]{0,6})\s*[)）]|[≥≤<>=]+\s*\*+\s*[^\d\s()（）]{0,4}$")
#: a comparator alone, its number cut off or in a cell of its own (≥, <=, ＞): no value and no name
SIGN_ONLY = re.compile(r"[≥≤<>=＝≧≦＞＜]{1,2}")
#: a cell that is only a value: a number, a comparator before it, a short unit after it (≥95%, 280人次, 220)
VALUE_SHAPE = re.compile(r"^[≥≤≧≦<>=＞＜]{0,2}\s*\d[\d.,]*\s*(?P<unit>%|％|[^\d\s]{0,4})$")
SCORE_CELL = re.compile(r"\d{1,3}(?:\.\d{1,2})?分?")  # a 分值 / 得分 / 权重 cell: 10, 22.5, 20分
_YEAR_RE = re.compile(r"(?<!\d)(19|20)(\d{2})(?!\d)(?:年|年度)?")


def open_value(text: str, lex: Lexicon) -> bool:
    """A value whose cell goes on on a lower line: a unit cut by the cell's edge (≥100百分 / 比), a
    number with its comparator and no unit (≤2000 / 元), a date whose 底前 is below (2024年12月 / 底前)."""
    t = normalize_text(text)
    return cut_unit(t, lex) or bool(re.fullmatch(r"\d{4}年(\d{1,2}月)?", t)) \
        or bool(re.fullmatch(r"[≥≤≧≦<>＞＜]=?\d[\d.,]*", t))


def cut_unit(text: str, lex: Lexicon) -> bool:
    """A value whose unit was cut by the cell's edge (``≥100百分`` of ≥100百分比): the rest of the
    unit is on the cell's next line."""
    m = VALUE_SHAPE.match(normalize_text(text))
    unit = m.group("unit") if m else ""
    return bool(unit) and unit not in lex.units and any(u.startswith(unit) and u != unit for u in lex.units)


@dataclass
class Cell:
    """A read value: ``comparator`` and ``value`` as the targets JSON has them, plus the unit
    written in the cell and the kind of text (number, bool, none, range, qualitative, deadline)."""

    raw: str
    comparator: str | None = None
    value: float | None = None
    unit: str = ""
    form: str = "number"  # number | bool | none | range | qualitative | deadline | unreadable
    low: float | None = None
    high: float | None = None
    due: str | None = None
    error: str | None = None
    explicit: bool = False  # the comparator was written in the cell

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"raw": self.raw, "comparator": self.comparator, "value": self.value,
                               "is_bool": self.form == "bool", "no_value": self.form == "none"}
        if self.form == "qualitative":
            out["qualitative"] = True
        if self.form == "range":
            out.update({"low": self.low, "high": self.high})
        if self.form == "deadline":
            out["due"] = self.due
        if self.unit:
            out["unit"] = self.unit
        if self.error:
            out["error"] = self.error
        return out


_PAIRED_UNIT = re.compile(r"[^\W\d_]{1,2}\([^\W\d_]{1,2}\)")
_ZERO_RE = re.compile(r"零(发生|事故|投诉|差错|伤亡|死亡|案件|污染|失误|上访|缺陷|延误)?")  # 零事故: none at all


def clean_unit(text: str, lex: Lexicon) -> str:
    unit = normalize_text(text)
    if _PAIRED_UNIT.fullmatch(unit):
        return unit  # 台(套): either word counts
    unit = unit.strip("()（）")
    unit = lex.unit_aliases.get(unit, unit)
    return unit


def _split_unit(post: str, lex: Lexicon) -> tuple[str, str]:
    """(comparator words, unit) of the text after a number: ``%以上`` → (以上, %)."""
    words, rest = "", post
    changed = True
    while changed and rest:
        changed = False
        for w in _WORDS:
            if rest.endswith(w):
                words, rest, changed = w + words, rest[: -len(w)], True
                break
            if rest.startswith(w):
                words, rest, changed = words + w, rest[len(w):], True
                break
    return words, clean_unit(rest, lex)


def is_qualitative_text(text: str, lex: Lexicon) -> bool:
    t = normalize_text(text)
    return bool(t) and not re.search(r"\d", t) and any(w in t for w in lex.qualitative_words)


_PERIOD_RE = re.compile(r"^(全年度?|本年度?|年度)$")
_WORDED_MIN = 6  # Chinese characters, besides comparator words and 个百分点, that make a criterion in words


def is_worded(text: str) -> bool:
    """A criterion in words with numbers in it (低于全区平均值的50%或年降低率5%, 完成2023年度目标任务):
    no one value to track, a qualitative target checked in."""
    return len(re.findall(r"[\u4e00-\u9fff]", _NOT_WORDS.sub("", text))) >= _WORDED_MIN


#: a bound said first, the measure after it: ``至少全年完成2次宣传`` (≥2 次), ``不超过3个工作日办结``
_LED = re.compile(rf"^(至少|最少|不少于|不低于|不超过|不多于|至多|最多)([\u4e00-\u9fff]{{1,8}}?)({_NUM})(\D{{0,6}})$")
#: words of a magnitude before a unit (1亿 beside a 单位 column's 元: 亿元; 550万粒)
MAGNITUDES = ("万", "亿", "千", "百万", "千万")
BOUND_STATED = re.compile(rf"(不少于|不低于|不小于|不超过|不高于|不多于|不大于|至少|≥|≧|≤|≦|>=|<=)({_NUM})")
_EMBED_POST = re.compile(rf"(?<![\d.])({_NUM})([^\d，,。；;、]{{0,4}}?)(以上|以下|以内)|(?<=标准)(?:为|是)?(?P<std>{_NUM}[^\W\d_]{{1,2}}/[^\W\d_])")
#: a unit of area or volume written with a power (300㎡, 5万m³: m2 / m3 once normalised), in words
_METRE_POWER = re.compile(r"(?<=\d)(万|千)?(k?m|K?M)([23])(?![\dA-Za-z])")
_METRE_POWER_AS = {"m2": "平方米", "m3": "立方米", "km2": "平方公里", "km3": "立方公里"}


def _metre_power(m: re.Match[str]) -> str:
    """``万m3`` → ``万立方米`` (a match of ``_METRE_POWER``)."""
    return (m.group(1) or "") + _METRE_POWER_AS[m.group(2).lower() + m.group(3)]


#: ``》`` / ``〉`` (and ``《`` / ``〈``) before a number: ``>`` / ``<`` typed with a Chinese keyboard (``》=95%``)
_IME_SIGNS = re.compile(r"^([》〉《〈])(?==?\d)")
_IME_SIGNS_AS = {"》": ">", "〉": ">", "《": "<", "〈": "<"}
#: a bracket that says again that the bound is included (``95%以上（含95%）``, ``（含）``, ``(包括本数)``), or
#: a note in words after a share (``100%（全覆盖）``): no part of the value
_INCLUDED = re.compile(r"\((?:含|包含|包括)[^()]{0,12}\)$|(?<=[%‰])\([\u4e00-\u9fff]{2,8}\)$")
_NOTE_AFTER = re.compile(r"[(（][^()（）]{1,20}[)）]$")  # 4次（每季度1次）: a note after the value (no leading \s*: linear)
#: a rate per a population (孕产妇死亡率 ≤12/10万, 发病率 5/万, what is counted written: 5人/10万人) or an
#: amount per head with no currency written (慰问标准300/人): the number, and what it is counted per as its unit
_PER_POPULATION = re.compile(r"^(?P<v>.*\d)[余多]?(?P<what>[^\W\d_a-zA-Z]{0,2})/(?P<per>(?:10|100|1000)?万人?|十万人?|百万人?|千人?|百人?|人次|人|户|名)$")
#: a rate's or degree's name written again before its value, in a target cell: ``完成率100%``, ``满意度达到90%``
_MEASURE_FIRST = re.compile(r"^[^\W\d_]{0,10}(?:率|度|比例|占比)(?=(?:达到|≥|≤|>=|<=|不低于|不少于|不高于|不超过|为|:)?\d)"
                            r"(?:为|:)?")
_CHANGE_RE = re.compile(r"(增长|提高|提升|下降|降低|减少|增加|增幅|降幅|同比|环比|较上年|比上年)")

CHANGE_UP, CHANGE_DOWN = ("增长", "提高", "上升", "增加"), ("下降", "降低", "减少")  # a change from last year
CHANGE_TARGET = re.compile(rf"^(?:同比|较上年|比上年|环比|年均)?(?:{'|'.join(CHANGE_UP + CHANGE_DOWN)})了?(?P<rest>.*\d.*)$")


def _unit_shaped(unit: str, lex: Lexicon) -> bool:
    """``unit`` may follow a number: none, the lexicon's, a paired one (台(套)), or a short word per
    one or two others (元/人·月); not words (期培训结束后及时考核: a sentence after a number)."""
    return not unit or unit in lex.units or bool(_PAIRED_UNIT.fullmatch(unit)) \
        or bool(re.fullmatch(r"[^\W\d_]{1,4}(/[^\W\d_]{1,3}([·/、][^\W\d_]{1,2})?)?", unit))


def _led(text_raw: str, text: str, direction: str, lex: Lexicon) -> "Cell | None":
    """The target of a cell that says its bound first and its measure after (``至少全年完成2次宣传`` →
    ≥2 次): a bound word, a few words, the only number with its unit, and at most four characters
    naming what is counted; ``None`` otherwise (a change, 增长不低于10%, is no level)."""
    m = _LED.match(text)
    if not m or _CHANGE_RE.search(text):
        return None
    tail = m.group(4)
    unit = next((tail[:k] for k in range(min(4, len(tail)), 0, -1) if tail[:k] in lex.units or tail[:k] in ("%", "％")), "")
    if not unit or not re.fullmatch(r"[\u4e00-\u9fff]{0,4}", tail[len(unit):]):
        return None
    cell = read_value(m.group(1) + m.group(3) + unit, direction, lex)
    return Cell(text_raw, cell.comparator, cell.value, cell.unit, explicit=True) if cell.form == "number" else None


def _embedded(text_raw: str, text: str, direction: str, lex: Lexicon) -> "Cell | None":
    """The one target a sentence states (``暂定量按15次作业且总航时不少于30小时测算`` → ≥30 小时;
    ``按时完成，合格率不低于95%`` → ≥95%), as the cell of ``text_raw``: a comparator word with a
    number and its unit, the only one in the text, after the words naming its measure and with no
    number after it. ``None`` when there are several (每期不少于50人, 不少于3期), the sentence speaks
    of a change (同比增长不低于10%: a growth, not a level), or the text starts with its value (cells
    run together, not a sentence)."""
    if _CHANGE_RE.search(text):
        return None
    found: list[tuple[str, int, int]] = []  # (phrase, where it starts, where it ends)
    for m in BOUND_STATED.finditer(text):
        rest = text[m.end():]
        unit = next((rest[:k] for k in range(min(4, len(rest)), 0, -1)
                     if rest[:k] in lex.units or rest[:k] in ("%", "％")), "")
        found.append((m.group(1) + m.group(2) + unit, m.start(), m.end() + len(unit)))
    for m in _EMBED_POST.finditer(text):  # 95%以上; 预算标准1000元/人 (a standard per head stated)
        if m["std"] or not m.group(2) or m.group(2) in lex.units or m.group(2) in ("%", "％"):
            found.append((m["std"] or m.group(1) + m.group(2) + m.group(3), m.start(), m.end()))
    if not found and len(re.findall(r"\d+(?:\.\d+)?", text)) == 1:
        return _counted(text_raw, text, direction, lex)
    if len(found) != 1 or found[0][1] == 0 or re.search(r"\d", text[found[0][2]:]):
        return None
    cell = read_value(found[0][0], direction, lex)  # (a standard stated, 1000元/人, has no comparator of its own)
    return Cell(text_raw, cell.comparator, cell.value, cell.unit, explicit=cell.explicit) if cell.form == "number" else None


def _counted(text_raw: str, text: str, direction: str, lex: Lexicon) -> "Cell | None":
    """A sentence's one count or share, with no comparator: at its end (``补助村卫生室352个。``, ``补助资金及时
    到位100%``) or first, before what it counts (``37个基层医疗机构``); the comparator from the direction."""
    m = _COUNT_LAST.fullmatch(text) or _COUNT_FIRST.fullmatch(text)
    if m is None or m.group("unit") not in lex.units:
        return None
    cell = read_value(m.group("num") + m.group("unit"), direction, lex)
    return Cell(text_raw, cell.comparator, cell.value, cell.unit) if cell.form == "number" else None


_MASKED = re.compile(r"(?:[≥≤<>=]+|不低于|不少于|不高于|不超过|达到)?[\d.,]*(?:[*＊]{2,}|[xX×]{2,})[\d.,*＊]*(?P<unit>%|[^\W\d_]{1,4}(?:/[^\W\d_]{1,3})?)?")
_COUNT_LAST = re.compile(rf"[\u4e00-\u9fff]{{4,}}?(?P<num>{_NUM})(?P<unit>[^\d\W]{{1,2}}|%)[。.]?")  # …补助村卫生室352个, …及时到位100%
_COUNT_FIRST = re.compile(rf"(?P<num>{_NUM})(?P<unit>[^\d\W])[\u4e00-\u9fff]{{2,12}}")


#: Cells read before (text, direction, lexicon, sentence) → (the lexicon, the cell): the layout search
#: reads the same cells many times over. Holding the lexicon keeps its id from being reused.
_READ: dict[tuple[str, str, int, bool], tuple[Lexicon, Cell]] = {}
_READ_MAX = 1 << 15


def read_value(raw: Any, direction: str, lex: Lexicon, sentence: bool = False) -> Cell:
    """Read a value cell (see the module's help). Never raises: a cell that cannot be read has
    ``form == "unreadable"`` and an ``error`` code. With ``sentence``, a target written as a
    sentence is read by the one bound it states (see :func:`_embedded`): only for a cell already
    known to be the target, never while deciding where cells run together. A value with a note in
    brackets after it that does not read with it (``4次（每季度1次）``, ``100万元（其中中央50万元）``,
    ``3个（按计划）``) is the value before it. Each call returns a cell of its own."""
    if not isinstance(raw, str) or len(raw) > 200:
        return _read_noted(raw, direction, lex, sentence)
    key = (raw, direction, id(lex), sentence)
    hit = _READ.get(key)
    if hit is None or hit[0] is not lex:
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        hit = _READ[key] = (lex, _read_noted(raw, direction, lex, sentence))
    return dataclasses.replace(hit[1])


def _read_noted(raw: Any, direction: str, lex: Lexicon, sentence: bool) -> Cell:
    cell = _read_value(raw, direction, lex, sentence)
    noted = cell.form == "qualitative" or cell.form == "unreadable" and cell.error == "not_a_value"
    note = _NOTE_AFTER.search(cell.raw) if noted else None
    if note is None or not re.search(r"\d", cell.raw[:note.start()]):
        return cell
    before = _read_value(cell.raw[:note.start()].rstrip(), direction, lex)
    return dataclasses.replace(before, raw=cell.raw) if before.form in ("number", "range", "deadline") else cell


def _read_value(raw: Any, direction: str, lex: Lexicon, sentence: bool = False) -> Cell:
    text_raw = "" if raw is None else str(raw).strip()
    text = normalize_text(text_raw).replace("═", "=")  # a box-drawing ═ typed for =
    text = re.sub(r"^\d{1,2}、(?=[^\W\d_])", "", _QUOTED.sub(r"\1", text))  # “100%” (指标值为“100%”); 3、高: a page's or list's number
    text = re.sub(r"^±(?=\d)", "≤", text)  # ±3%以内: a deviation of at most 3%
    text = re.sub(r"^(≤|<=|<)±(?=\d)", r"\1", text)  # ≤±3%: the same deviation
    text = _IME_SIGNS.sub(lambda m: _IME_SIGNS_AS[m.group(1)], text)  # 》=95%: > typed with a Chinese keyboard
    text = _METRE_POWER.sub(_metre_power, text)  # 300㎡, 5万m³: the unit in words
    text = _INCLUDED.sub("", text)  # 95%以上（含95%）: the bound said again
    per = _PER_POPULATION.match(text)
    if per:  # ≤12/10万: a rate per so many people, its unit the population
        cell = read_value(per["v"], direction, lex)
        if cell.form == "number" and not cell.unit:
            return Cell(text_raw, cell.comparator, cell.value, per["what"] + "/" + per["per"], explicit=cell.explicit)
    both = _BOTH_BOUNDS.match(text)
    if both:  # ≥95%，≤100%: a lower and an upper bound, a range
        return Cell(text_raw, "between", None, clean_unit(both["u2"] or both["u1"], lex), form="range",
                    low=float(both["a"].replace(",", "")), high=float(both["b"].replace(",", "")))
    text = re.sub(r"(?<=[\d%\u4e00-\u9fff])[。；;，,、]+$", "", text)  # 95%以上。: a sentence's full stop
    if _ZERO_RE.fullmatch(text):
        text = "0"  # 零 / 零事故 is a bare 0 (a cap by the zero rule)
    text = arabic(text, lex)  # 不少于三次, 两期, 十二月底前: a count written in Chinese numerals
    if text in _DASHES:
        return Cell(text_raw or "—", form="none")
    masked = _MASKED.fullmatch(text)  # ≥**人, ≤****000元, XX%: a template's blank or a site's mask, no target in words
    if masked:
        return Cell(text_raw, None, None, clean_unit(masked["unit"] or "", lex), form="unreadable", error="masked")
    if SIGN_ONLY.fullmatch(text):
        return Cell(text_raw, None, None, form="unreadable", error="not_a_value")  # a sign whose number was cut off
    if text in _YES_NO:
        return Cell(text_raw, "=", _YES_NO[text], form="bool")
    due = lex.due(text)
    if due is not None:
        return Cell(text_raw, "=", 1.0, form="deadline", due=due)
    m = _RANGE_RE.match(text)
    unit = clean_unit(m["u2"] or m["u1"], lex) if m else ""
    if m and not _VALUE_RE.match(text) and _unit_shaped(unit, lex):
        low, high = float(m["a"].replace(",", "")), float(m["b"].replace(",", ""))
        return Cell(text_raw, "between", None, unit, form="range", low=low, high=high)
    led = _led(text_raw, text, direction, lex)
    if led is not None:
        return led
    m = _VALUE_RE.match(text)
    if not m:
        stated = _embedded(text_raw, text, direction, lex) if sentence and re.search(r"\d", text) else None
        if stated is not None:
            return stated
        if not re.search(r"\d", text) or is_worded(text):
            return Cell(text_raw, None, None, form="qualitative")
        return Cell(text_raw, None, None, form="unreadable", error="not_a_value")
    pre_words, pre_rest = _split_unit(m["pre"], lex)
    pre_rest = _PERIOD_RE.sub("", pre_rest)  # 全年不少于2次: the year is the table's
    post_words, unit = _split_unit(_TRAILING_RE.sub("", m["post"]), lex)
    per = re.fullmatch(r"每([^\W\d_]{1,3})", pre_rest)  # 每亩300: a standard per unit
    if pre_rest and not per:  # words before the number that are no comparator: 同比增长10%, 约…
        measure = _MEASURE_FIRST.match(text) if sentence else None
        if measure:  # 完成率100%, 合格率达到95%: the measure's name said again before its value
            cell = read_value(text[measure.end():], direction, lex)
            if cell.form == "number":
                return Cell(text_raw, cell.comparator, cell.value, cell.unit, explicit=cell.explicit)
        stated = _embedded(text_raw, text, direction, lex) if sentence else None
        if stated is not None:  # 总航时不少于30小时: the one target the sentence states
            return stated
        if is_worded(text):
            return Cell(text_raw, None, None, form="qualitative")
        return Cell(text_raw, None, None, unit, form="unreadable", error="change" if CHANGE_TARGET.match(text) else "words_before_number")
    if per and unit:
        unit = f"{unit}/{per.group(1)}"  # 每亩300元 → 元/亩
    unit = re.sub(r"(?<=[^\W\d_])[*×.．](?=[^\W\d_])", "·", unit)  # 元/人*月, 元/生.年 → 元/人·月, 元/生·年
    if not _unit_shaped(unit, lex):
        counted = _counted(text_raw, text, direction, lex) if sentence and not pre_rest else None
        return counted or Cell(text_raw, None, None, form="unreadable", error="not_a_value")  # 37个基层医疗机构
    body = pre_words + m["num"].replace(",", "") + post_words
    for word in _REACH_LONGEST_FIRST:  # 保持在 before 在
        body = body.replace(word, _REACH[word])
    for junk in ("控制在", "(含)", "左右", "大约", "约", "为", "≈", "在", "含", "各"):  # longest first: 控制在 before 在; 各1次: each
        body = body.replace(junk, "")
    body = re.sub(r"(?<![<>])=", "", body)  # =300天 (exactly, below), not the = of >= / <=
    body = body.replace("高于", ">=")  # 大于 / 小于 and > / < stay strict (parse_target reads them)
    body = body.replace("内", "以内") if body.endswith("内") and not body.endswith("以内") else body
    try:
        parsed = parse_target(body, direction)
    except ValueParseError as exc:
        return Cell(text_raw, None, None, unit, form="unreadable", error=exc.code)
    explicit = body != m["num"].replace(",", "")
    comparator = parsed.comparator
    if not explicit and re.fullmatch(r"(=|＝)", (pre_words + post_words).replace("(含)", "")):
        comparator, explicit = "=", True  # written "=300天": exactly that
    return Cell(text_raw, comparator, parsed.value, unit, explicit=explicit)


_MEASURE_HEAD = "万千百亿十平立公毫厘车架艘"  # before a counting word, a unit's head (万册, 平米, 车次); 法人, 农户, 个人 are names


def _unit_like(word: str, lex: Lexicon) -> bool:
    """A bracket's word not in the lexicon that still reads as a unit: per something (元/生·年), a counting
    word after a magnitude, measure or counting word (万册, 平米, 台套), one character (单), or Latin letters."""
    counting = {u for u in lex.units if len(u) == 1}
    return len(word) == 1 or "/" in word or word.isascii() or \
        (word[-1] in counting and all(ch in _MEASURE_HEAD or ch in counting - {"个"} for ch in word[:-1]))


def unwrap(text: str) -> str:
    """A cell's text as one line: the lines of a cell wrapped inside it (Alt+Enter, a narrow Word
    column) joined with no space between them, as the Chinese they cut; else runs of blanks as one."""
    text = str(text)
    return "".join(s.strip() for s in text.splitlines()) if "\n" in text else " ".join(text.split())


_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def split_name(raw: str, lex: Lexicon) -> tuple[str, str, str]:
    """(name, unit in brackets, marker) of a name cell: ``城镇新增就业人员规模（万人）`` → (城镇新增就业人员规模, 万人, "");
    ``…统一办理（是/否）`` → (…, "", 是/否); score suffixes go, and a bracket explaining the name (:meth:`Lexicon.name_note`)."""
    text = lex.name_note(strip_score(unwrap(raw)))[0]
    hint = _TEMPLATE_RE.search(text)
    hint_unit = normalize_text(hint.group(1) or "") if hint else ""
    text = _TEMPLATE_RE.sub("", text)  # template hints: (≥**个), ≥**人, a leading * of core indicators
    before = None
    while before != text:  # ★★★其中:… / 其中桃树种植面积 (a part of the row above) – each mark in front goes
        before = text
        text = re.sub(r"^[*★]+|^指标\s*\d+\s*[:：、.．]?\s*(?=\S)|^指标\s*[:：]\s*(?=\S{2})|^其中\s*[:：]?\s*(?=\S{2})", "",
                      text).strip()  # 指标1:… / 指标:… (a template's slot), 其中…
    text = _NUMBERING_RE.sub("", text)  # 1. / （1） / 一、 numbering
    unit, marker = "", ""
    m = _BRACKET_RE.search(text)
    if m:
        inner = re.sub(r"^(单位|计量单位)[:：]", "", normalize_text(m.group(1)))
        inner_unit = lex.unit_aliases.get(inner, inner)
        if inner in ("是/否", "是或否", "是否"):
            marker, text = "是/否", text[: m.start()]
        elif inner_unit in lex.units or inner_unit == "万" or re.fullmatch(r"万?[^\W\d_]{1,3}(/[^\W\d_]{1,3})?", inner_unit) \
                and not re.search("(含|或|等|的|及|和|与)", inner_unit) and _unit_like(inner_unit, lex):
            unit, text = inner_unit, text[: m.start()]
    if not unit and not marker and hint_unit:  # the unit the template asked for: (≥**平方米)
        hint_unit = lex.unit_aliases.get(hint_unit, hint_unit)
        if hint_unit in lex.units or re.fullmatch(r"万?[^\W\d_]{1,4}(/[^\W\d_·*]{1,4}([·*][^\W\d_]{1,2})?)?", hint_unit):
            unit = hint_unit
    name = re.sub(r"(?<=\S{2})\s*[—]{2}.*$", "", text.strip()).rstrip("。;；:：")  # …标准——一户年最高5300元; 建设占地面积: (a label's colon)
    name = _CJK_GAP.sub("", name)  # 县级储备粮管理制 度严格执行率: a line wrapped in the cell, copied as a blank
    if unit == "万":
        for end, full in lex.bare_wan:
            if normalize_text(name).endswith(end):
                unit = full
                break
    return name, unit, marker


def hint_sign(raw: str) -> str:
    """The sign a template's hint after the name asks for (投入资金(≥万元), 成活率(≥**%) → ≥), else ""."""
    hint = _TEMPLATE_RE.search(normalize_text(raw))
    sign = re.match(r"[(（]?\s*([≥≤<>=]+)", hint.group(0)) if hint else None
    return column_sign(sign.group(1)) or "" if sign else ""


#: name headers that only name the kind of column (绩效指标 over the indicators, 评价指标 beside 绩效内容):
#: the name column only when no other column is named
GENERIC_NAMES = frozenset({"绩效指标", "指标", "评价指标"})


def header_role(text: str, lex: Lexicon) -> str | None:
    if len(text) > 400:
        return None  # a header cell is a few words; a long text is none (and is not searched)
    t = normalize_text(text)
    if not t:
        return None
    for role, pattern in lex.header_roles:
        if pattern.search(t):
            return role
    return None


def header_year(text: str) -> int | None:
    t = normalize_text(text)
    if re.search(r"\d{4}\s*[-—–~至]\s*\d{4}", t):
        return None
    m = _YEAR_RE.search(t)
    return int(m.group(1) + m.group(2)) if m else None


_NAME_END = re.compile(r"(率|度|比例|比重|占比|数|量|人次|[)）]|指标|规模|时间|时长|成本|金额|面积|个数|水平|作用|情况|状况|时限|期限|年限|周期|批次|经费|里程)([≥≤><]=?\*+[^\W\d_]{0,3}%?)?$")  # (…数≥**人: a template's masked bound)

_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{1,10}(省|市|区|县|旗|州|镇|乡|街道|街道办|办事处|社区|村)$")


def is_place_name(text: str) -> bool:
    """A column named after a place (新罗区, 笏石街道办, 西坪镇尧山村): in a 区域绩效目标表, one
    target column per county, town or village."""
    return bool(_PLACE_RE.match(normalize_text(text)))


def is_numberish(text: str) -> bool:
    """A number with a slip in it (二100百分比): meant as a value, read as unreadable."""
    return bool(_NUMBERISH_RE.match(normalize_text(text)))


def ends_like_name(text: str) -> bool:
    """The text ends the way an indicator's name does (…率, …数量, …程度, …时间)."""
    return bool(_NAME_END.search(normalize_text(text)))


_PLACEHOLDER_RE = re.compile(r"^(本项目不适用(此|该)?指标|不适用|无此(项|指标)|指标\d*[:：、.．]?|…+|\.{3,}|—+|-+|/+|\*+|(三级)?指标[一二三四五六七八九十]|其他|其它|[-—–]\s*\d{1,3}\s*[-—–]|第\d{1,3}页(共\d{1,3}页)?)$")

_TOTAL_RE = re.compile(r"^(指标\d{1,2}[:：])?(合计|总计|总分|小计|得分合计|总得分)$")  # 指标2:总分: a template's empty slot before it


def is_total(text: str) -> bool:
    """A table's total row label (合计, 总分): the sum of the scores, no indicator."""
    return bool(_TOTAL_RE.match(normalize_text(text)))


_LETTERS = re.compile(r"[A-Za-z\u3400-\u9fff]")
_HEADER_WORDS = re.compile(r"(一级指标|二级指标|三级指标|指标值)")

_BANNER = re.compile(r"[#®©™]")  # a site's banner or mark (【#第一文档网#): no indicator's name


def names_nothing(name: str, lex: Lexicon) -> bool:
    """A text where a name stands that can name no indicator (lexicon ``headers.fragment``): one
    character (高), a value word alone (是, 有效, 达成预期指标, 全年), a checklist (优秀□ 良好□), or
    header words run together, or a web page's banner (【#第一文档网#, ®)."""
    core = split_name(name, lex)[0]
    return (len(_LETTERS.findall(core)) < 2 or "□" in name or len(_HEADER_WORDS.findall(name)) >= 2
            or bool(_BANNER.search(name))
            or (len(core) <= 6 and (core in lex.qualitative_words or bool(lex.fragment and lex.fragment.search(core)))))


def is_placeholder(text: str) -> bool:
    """A template's empty line (指标2, ……), or a page's number (—1—, 第2页), rather than an indicator."""
    return bool(_PLACEHOLDER_RE.match(normalize_text(text)))


_NUMBERISH_RE = re.compile(r"^\D{0,2}\d[\d.,]*\D{0,6}$")

#: a unit not in the lexicon: a word per one or two others (元/月/人, 元/人·年, 元/m2) or per a round number (/10万, 每十万人)
_UNIT_SHAPE = re.compile(r"(?:[^\W\d_]{1,3}|[万千]?[A-Za-z]{1,3}[23])(?:[/·](?:[^\W\d_]{1,3}|[A-Za-z]{1,3}[23])){0,2}"
                         r"|[^\W\d_]{0,3}(?:1?/|每)(?:\d{1,6}|[十百千万]{1,2})[^\W\d_]{0,3}")


#: a target in words that names its aim first (提高普及率, 提升服务水平): a value, though it may end like a name
AIM_START = re.compile(r"^(提高|提升|降低|减少)(?!程度)")


_STANDARD_WORD = re.compile(r"(计划|历史|行业|其他|其它|国家|地方|经验)标准")


def fits(text: str, role: str | None, lex: Lexicon) -> bool:
    """Whether ``text`` can be the cell of a column of ``role`` (used where empty cells vanished)."""
    t = normalize_text(text)
    if role == "value" and t and t in _DASHES:
        return True  # "—": no value set for that column (a placeholder as a name, a value here)
    if not t or lex.level_word(t) or is_placeholder(t):
        return False
    if role == "value":
        if re.fullmatch(r"[≥≤<>=＞＜≧≦]+", t) or _STANDARD_WORD.fullmatch(t):
            return False  # a comparator alone belongs to its own column; 计划标准 / 历史标准 to the 绩效标准 column
        return is_value_like(t, lex) or (not re.search(r"\d", t) and (not _NAME_END.search(t) or bool(AIM_START.match(t)))
                                         and len(t) <= 20) or bool(_NUMBERISH_RE.match(t)) \
            or (is_qualitative_text(t, lex) and len(t) <= 60 and not _NAME_END.search(t))  # 管理到位,环境整洁,…
    if role == "unit":
        return clean_unit(t, lex) in lex.units or bool(_UNIT_SHAPE.fullmatch(t))
    if role == "comparator":
        return column_sign(t) is not None or t in (*TYPE_WORDS, "是/否", "是或否")  # 是/否: a yes-or-no target
    if role == "ignore":
        return True
    return False


#: What a comparator column (指标方向, 计算符号, 运算符号) writes, as the sign put before a value.
_SIGNS = {"≥": "≥", "≧": "≥", ">=": "≥", ">": ">", "大于等于": "≥", "大于": ">", "不低于": "≥", "不少于": "≥",
          "≤": "≤", "≦": "≤", "<=": "≤", "<": "<", "小于等于": "≤", "小于": "<", "不高于": "≤", "不超过": "≤",
          "=": "=", "═": "=", "等于": "="}
_NATURE = {"正向": "≥", "正向指标": "≥", "反向": "≤", "反向指标": "≤", "逆向": "≤", "逆向指标": "≤"}
#: what a 指标值类型 column holds beside the signs
TYPE_WORDS = ("定量", "定性")
#: every word a comparator column may hold (signs, natures, types), longest first
SIGN_WORDS = tuple(sorted((*_SIGNS, *_NATURE, *TYPE_WORDS), key=len, reverse=True))
#: the comparator words a target may carry (以上, 不超过 …)
COMPARATOR_WORDS = _GE + _LE
#: Words of reaching or keeping a level before a number (提高到, 降至, 保持在), read by :func:`read_value`.
REACH_WORDS = tuple(_REACH)
_NOT_WORDS = re.compile("|".join(sorted(map(re.escape, COMPARATOR_WORDS), key=len, reverse=True)) + "|个百分点")


def column_sign(text: str, nature: bool = True) -> str | None:
    """The sign (≥, ≤, =) a comparator column's cell stands for: a written sign (大于等于, ≤, 等于)
    or, with ``nature``, an indicator's nature (正向 → ≥, 反向 → ≤); ``None`` for anything else."""
    t = normalize_text(text)
    coded = re.fullmatch(r"\d{2,4}\s*([^\d\s]{1,4})", t)  # 004 >=: a system's code for the sign, then the sign
    t = coded.group(1) if coded else t
    return _SIGNS.get(t) or (_NATURE.get(t) if nature else None)


def names_under_level2(roles: list[str | None]) -> list[str | None]:
    """The column roles of a header, the last 二级指标 column read as the names when there is no
    三级指标 (name) column: such a table writes its indicators under 二级指标."""
    if "name" in roles or "level2" not in roles:
        return roles
    k = max(j for j, r in enumerate(roles) if r == "level2")
    return [*roles[:k], "name", *roles[k + 1:]]


def unit_only(raw: str, lex: Lexicon) -> str:
    """The unit when a value cell holds only a unit (``公里``, ``≧ %``: a template never filled in)."""
    t = re.sub(r"^[≥≤<>=≧≦＞＜\s]+", "", normalize_text(raw))
    unit = clean_unit(t, lex) if t else ""
    return unit if unit and (unit in lex.units or unit == "%") and not re.search(r"\d", t) else ""


def is_figure(text: str, lex: Lexicon) -> bool:
    """A value that starts with its number (after any sign: ≧15组, 1130元/月/人), never a worded target."""
    t = normalize_text(text)
    return bool(re.match(r"[≥≤<>=＝≧≦＞＜]{0,2}\d", t)) and is_value_like(t, lex)


def is_value_like(text: str, lex: Lexicon) -> bool:
    """A cell that reads as a value (number with words or unit, 是/否, —, range, date)."""
    cell = read_value(text, "higher", lex)
    return cell.form in ("number", "bool", "none", "range", "deadline")
