"""What the columns of an actuals or budget table are called, and the small readers of one cell.

One place for: the normalised output columns (:data:`ACTUALS_COLUMNS`, :data:`BUDGET_COLUMNS`),
the Chinese and English header names of every field, funding-source and basis names, how a
header or a cell is normalised, period cells and period headers, and :func:`map_columns`, which
turns a header row into fields. Pure; no I/O.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import os
import re
from typing import Any, Callable, Iterable, Mapping

import pandas as pd

from analytics.core.series import ACTUAL_COLUMNS as _CORE_ACTUAL_COLUMNS
from analytics.core.values import (
    Period,
    ValueParseError,
    normalize_text,
    number_text,
    parse_number,
    parse_period,
    parse_quantity,
    printable,
)

#: The fields of one actual value, in the order the store and exports use. The one list: it is
#: :data:`analytics.core.series.ACTUAL_COLUMNS` (the engine's frames need it and core is below
#: ingest); the store's tables, exports and the validator take it from here.
ACTUAL_FIELDS: tuple[str, ...] = tuple(_CORE_ACTUAL_COLUMNS)
#: The validator's normalised actuals (the fields plus the source row).
ACTUALS_COLUMNS = [*ACTUAL_FIELDS, "row"]
#: The validator's normalised budget spending (万元, monthly).
BUDGET_COLUMNS = ["year", "month", "first_month", "source", "amount", "basis", "note", "row"]

DTYPES = {
    "indicator_id": str, "year": "int64", "month": "int64", "first_month": "int64", "value": "float64",
    "basis": str, "note": str, "source": str, "row": "int64", "amount": "float64",
}


def empty_frame(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=DTYPES[c]) for c in columns})


def norm_header(text: Any) -> str:
    """Case-, space- and width-insensitive form of a header; drops a unit in brackets and ``_-*:``."""
    t = normalize_text(text).lower()
    t = re.sub(r"[(\[【〔].*?[)\]】〕]", "", t)
    return re.sub(r"[_\-*:：·.]", "", t)


_BRACKETED = r"[(\[【〔]([^)\]】〕]*)[)\]】〕]"


_BRACKET_PARTS = re.compile(r"\s*[,，、;；]\s*")


def header_unit(text: Any) -> str:
    """The unit a header writes in brackets (``金额（元）`` → 元, ``金额（单位：元）`` → 元); a basis in
    them is none (``中央补助（累计）`` → "", ``中央补助（累计，万元）`` → 万元: :func:`bracket_basis`)."""
    for inside in re.findall(_BRACKETED, normalize_text(text)):
        parts = _BRACKET_PARTS.split(inside)
        kept = [p for p in parts if _basis_of(p) is None]
        unit = "，".join(kept) if len(kept) < len(parts) else inside
        if unit.strip():
            return re.sub(r"^单位\s*[:：]\s*", "", unit).strip()
    return ""


def header_words(text: Any) -> str:
    """A header without its unit in brackets (``城镇新增就业人员规模（万人）`` → 城镇新增就业人员规模)."""
    return re.sub(_BRACKETED, "", normalize_text(text)).strip()


def unit_scale(written: Any, unit: str) -> float | None:
    """How many ``unit`` one ``written`` makes (元 for 万元: 0.0001; 人 for 万人: 0.0001): 1 when
    ``written`` is blank or ``unit`` itself, None when it is another unit (个 for 万人). The one rule
    for a unit stated apart from the number: in a header's brackets, a 单位 column, a title or a note."""
    written = normalize_text(written).strip()
    if not written or written == normalize_text(unit).strip():
        return 1.0
    try:
        return parse_quantity("1" + written, unit)[0]
    except ValueParseError:
        return None


def header_scale(text: Any, unit: str) -> float | None:
    """How many ``unit`` one of the unit a header writes makes (``金额（元）`` for 万元: 0.0001): 1 when
    it writes none or ``unit`` itself, None when it writes another unit (``金额（个）``)."""
    return unit_scale(header_unit(text), unit)


_STATED_UNIT_RE = re.compile(r"(?:计量)?单位\s*[:：]\s*([^\s,，;；:：)）\]】]{1,6})")


def stated_unit(text: Any) -> str:
    """The unit a title or a note states (``2024年支出明细（单位：元）`` → 元, ``单位：万元`` → 万元), else ""."""
    m = _STATED_UNIT_RE.search(normalize_text(text))
    return m.group(1).rstrip("。.") if m else ""


_PLAIN_NUMBER = re.compile(r"^\s*[-+]?[\d,，.．０-９]+\s*$")


def with_unit(raw: str, unit: str) -> str:
    """A plain number written with ``unit`` (``30000`` with 元 → ``30000元``), to be read in the
    indicator's or amount's unit; other cells, or no unit, as written."""
    return f"{raw.strip()}{unit.strip()}" if unit and unit.strip() and _PLAIN_NUMBER.match(raw) else raw


def in_header_unit(raw: str, header: Any) -> str:
    """A plain number under a header writing its unit, written with that unit (``30000`` under
    ``金额（元）`` → ``30000元``), to be read in the indicator's or amount's unit; other cells as written."""
    return with_unit(raw, header_unit(header))


def _aliases(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, names in table.items():
        for name in names:
            out[norm_header(name)] = canonical
    return out

_PERIOD_NAMES = ["period", "month", "月份", "期间", "统计期", "时间", "日期", "年月", "统计月份", "统计期间",
                 "所属期", "报告期", "date", "yearmonth"]

_BASIS_NAMES = ["basis", "口径", "统计口径", "数据口径"]

_NOTE_NAMES = ["note", "notes", "备注", "说明", "comment", "comments", "remark", "remarks"]

_UNIT_NAMES = ["unit", "单位", "计量单位"]

ACTUALS_ALIASES = _aliases({
    "indicator_id": ["indicator_id", "indicator", "id", "指标编号", "指标ID", "指标代码", "指标编码", "indicator code"],
    "name": ["指标名称", "三级指标", "name", "indicator_name", "指标", "指标名"],
    "period": _PERIOD_NAMES,
    "value": ["value", "数值", "值", "完成值", "实际值", "完成数", "实际完成", "完成情况", "actual"],
    "basis": _BASIS_NAMES,
    "note": _NOTE_NAMES,
    "source": ["source", "来源", "数据来源"],
    "unit": _UNIT_NAMES,
})

BUDGET_ALIASES = _aliases({
    "period": _PERIOD_NAMES,
    "source": ["source", "资金来源", "来源", "资金类别", "资金渠道"],
    "amount": ["amount", "金额", "支出", "支出金额", "执行数", "支出数", "实际支出", "支出额", "执行金额"],
    "basis": _BASIS_NAMES,
    "note": _NOTE_NAMES,
    "unit": _UNIT_NAMES,
    "total": ["合计", "总计", "小计", "total", "合计金额", "支出合计", "总额"],
})


def is_total_label(text: Any) -> bool:
    """A 合计 / 总计 / 小计 label (in a header, or a row's name or period cell): a sum, no item of its own."""
    norm = norm_header(text)
    return bool(norm) and BUDGET_ALIASES.get(norm) == "total"

SOURCE_ALIASES = _aliases({
    "central": ["central", "中央", "中央补助", "中央资金", "中央补助资金", "中央财政", "中央财政补助", "中央财政资金"],
    "local": ["local", "地方", "地方资金", "地方财政", "地方财政资金", "地方配套", "地方配套资金"],
    "other": ["other", "其他", "其他资金", "其它", "其它资金"],
})

KNOWN_HEADERS = set(ACTUALS_ALIASES) | set(BUDGET_ALIASES) | set(SOURCE_ALIASES)

_BASIS_ALIASES = {
    "month": "month", "monthly": "month", "m": "month", "当月": "month", "本月": "month", "月度": "month",
    "当期": "month", "本期": "month", "当月数": "month", "月": "month",
    "当季": "month", "本季": "month", "当季度": "month", "本季度": "month",
    "ytd": "ytd", "累计": "ytd", "年累计": "ytd", "本年累计": "ytd", "累计数": "ytd", "累计值": "ytd",
    "年初至今": "ytd", "yeartodate": "ytd",
    "level": "level", "期末": "level", "时点": "level", "水平": "level", "期末数": "level", "时点数": "level",
    "期末值": "level", "水平值": "level",
}

_YTD_SPAN_RE = re.compile(r"^(1|一)(-|~|—|–|至|到)(\d{1,2}|[一二三四五六七八九十]+)月(累计|累计数)?$")

KIND_BASES: dict[str, tuple[str, ...]] = {
    "flow": ("month", "ytd"),
    "stock": ("level",),
    "level": ("level",),
    "rate": ("level", "month", "ytd"),
    "milestone": ("level",),
}

DASHES = {"—", "–", "-", "－", "——", "--", "---", "/", "n/a", "na", "无", "#n/a", "…", "..."}

NOTE_ROW_RE = re.compile(
    r"^(注|说明|备注|填表人|制表人|审核人|数据来源|资料来源|负责人|单位负责人|联系人|联系电话|填报人|填报单位|制表|填表|审核)"
    r"\s*[\d]*\s*[:：]"
)

_PERIODISH_RE = re.compile(
    r"^(\d{4}\s*[-/.年]\s*\d|\d{5,8}$|\d{4}\s*[-/.年]\s*[一二三四五六七八九十]|.*\d.*月|[一二三四五六七八九十]+月$)"
)

_FULL_DATE_RE = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")


_SERIAL_RE = re.compile(r"^(\d{5})(?:\.0+)?$")
_SERIAL_RANGE = (32874, 73050)  # Excel's day numbers of 1990-01-01 … 2099-12-31: a date cell kept as its number
_SHORT_YEAR_RE = re.compile(r"^(\d{2})\s*年\s*(?=\S*月)")  # 24年4月
_MONTH_END_RE = re.compile(r"月\s*(?:末|底|份末|份底)$")  # 2024年9月末, 10月底
_QUARTER_RE = re.compile(r"^((?:19|20)\d{2})\s*年?\s*(?:第\s*([一二三四1-4])\s*季度?|([一二三四1-4])\s*季度|[Qq]\s*([1-4]))$")
_HALF_RE = re.compile(r"^((?:19|20)\d{2})\s*年?\s*(上半年|下半年|前三季度)$")
_DMY_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})$")  # 7/31/2024, 31/08/2024
_QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_HALVES = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9)}


def _other_period(text: str) -> Period | str | None:
    """A period written in one of the other ways that have one meaning: a quarter (``2024年Q1``,
    ``2024年一季度``: its three months together, as ``2024年1-3月``), a half year (``2024年上半年``),
    a day number Excel keeps for a date (45351 → 2024-02), a month-end day either way round
    (``7/31/2024``, ``31/08/2024``); else the text made plain (``24年4月`` → ``2024年4月``,
    ``2024年9月末`` → ``2024年9月``), or None when it is none of these."""
    serial = _SERIAL_RE.match(text)
    if serial and _SERIAL_RANGE[0] <= int(serial.group(1)) <= _SERIAL_RANGE[1]:
        day = _dt.date(1899, 12, 30) + _dt.timedelta(days=int(serial.group(1)))
        return Period(day.year, day.month, day.month)
    quarter = _QUARTER_RE.match(text)
    if quarter:
        q = _QUARTER_NUMBERS[next(g for g in quarter.groups()[1:] if g)]
        return Period(int(quarter.group(1)), 3 * q, 3 * q - 2)
    half = _HALF_RE.match(text)
    if half:
        first, last = _HALVES[half.group(2)]
        return Period(int(half.group(1)), last, first)
    dmy = _DMY_RE.match(text)
    if dmy:
        a, b, year = int(dmy.group(1)), int(dmy.group(2)), int(dmy.group(3))
        month, day = (b, a) if a > 12 >= b else (a, b) if b > 12 >= a else (a, b) if a == b else (0, 0)
        try:
            _dt.date(year, month, day)
        except ValueError:
            return None  # 8/7/2024: August or July? (or no date at all)
        return Period(year, month, month)
    plain = _MONTH_END_RE.sub("月", _SHORT_YEAR_RE.sub(lambda m: f"20{m.group(1)}年", text))
    return plain if plain != text else None


def day_number(text: Any) -> bool:
    """Whether ``text`` is a plain number in the range of Excel's day numbers (45292 for 2024-01-01):
    a period when it stands where one is expected, no sign of a header row by itself."""
    m = _SERIAL_RE.match(normalize_text(text).strip())
    return bool(m) and _SERIAL_RANGE[0] <= int(m.group(1)) <= _SERIAL_RANGE[1]


def to_period(value: str) -> Period:
    """:func:`parse_period`, except that a full date written with one separator
    (``2024-06-30``, ``2024-01-05``) is read as a date: ``values.parse_period`` takes
    ``2024-01-05`` for the combined span January–May and rejects ``2024-06-30``; and the other
    ways a period is written with one meaning are read (:func:`_other_period`)."""
    other = _other_period(normalize_text(value).strip())
    if isinstance(other, Period):
        return other
    if other is not None:
        value = other
    m = _FULL_DATE_RE.match(normalize_text(value))
    if m:
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not 1900 <= year <= 2100:
            raise ValueParseError("bad_period", value)
        try:
            _dt.date(year, month, day)
        except ValueError as exc:
            raise ValueParseError("bad_period", value) from exc
        return Period(year, month, month)
    return parse_period(value)


def period_header(text: str) -> Period | None:
    if not text.strip():
        return None
    try:
        return to_period(text)
    except ValueParseError:
        return _month_of_year(text)


def _month_of_year(text: str) -> Period | None:
    """A month in words after its year (``2024年四月``, ``2024年4月份``), else None."""
    said = _YEAR_AND_MONTH_RE.match(normalize_text(text))
    return month_in_year(said.group(2), int(said.group(1))) if said else None


_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_MONTH_ONLY_RE = re.compile(r"^(\d{1,2}|十[一二]?|[一二三四五六七八九])(?:\s*[-—~～至]\s*(\d{1,2}|十[一二]?|[一二三四五六七八九]))?\s*月份?$")
_YEAR_AND_MONTH_RE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(.+)$")
_YEAR_SAID_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
_YEAR_ANY_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def month_in_year(text: Any, year: int | None) -> Period | None:
    """A month written without its year (``1月``, ``十二月``, ``1-2月`` for two months reported
    together) in ``year``: the year a table's title, sheet or file names (see :func:`year_hint`)."""
    m = _MONTH_ONLY_RE.match(normalize_text(text)) if year else None
    if m is None or year is None:
        return None
    def number(t: str) -> int:
        return int(t) if t.isdigit() else _CN_MONTHS[t]
    first, last = number(m.group(1)), number(m.group(2) or m.group(1))
    return Period(year, last, first) if 1 <= first <= last <= 12 else None


def yearless_month(text: Any) -> bool:
    """Whether ``text`` is a month written without its year (``1月``, ``六月``, ``1-2月``)."""
    return month_in_year(text, 2000) is not None


def year_hint(title: str, sheet: str | None, file: str | None) -> tuple[int | None, str | None]:
    """(the one year a table's title lines above its header name, ``title``), else the one its
    sheet's name or its file's name holds (``sheet`` / ``file``); (None, None) when none or
    several are named — months written without a year are then read in no year at all."""
    for text, where, pattern in ((title, "title", _YEAR_SAID_RE), (sheet or "", "sheet", _YEAR_ANY_RE),
                                 (os.path.basename(file or ""), "file", _YEAR_ANY_RE)):
        years = {int(y) for y in pattern.findall(normalize_text(text))}
        if len(years) == 1:
            return years.pop(), where
        if years:
            return None, None
    return None, None


def looks_periodish(text: str) -> bool:
    """A header that was meant as a month but is not one (``2024-13``, ``2024/6/31``, ``六月``)."""
    t = normalize_text(text)
    return bool(t) and bool(_PERIODISH_RE.match(t))


_DOTTED_RE = re.compile(r"^\s*((?:19|20)\d{2})\.(\d{1,2})\s*$")


def dotted_style(texts: Iterable[Any]) -> str | None:
    """How a period column (or a header row) writes year.month numbers, which Excel keeps as numbers
    (2024.10 becomes 2024.1): ``two`` when its months have two digits (2024.09) and none but 2024.1
    has one, so 2024.1 is October; ``ambiguous`` when besides 2024.1 only 2024.10–2024.12 are written
    (January or October?); None otherwise (2024.1 is January)."""
    months = [m.group(2) for m in (_DOTTED_RE.match(normalize_text(t)) for t in texts if t) if m]
    if "1" not in months or any(len(m) == 1 and m != "1" for m in months):
        return None
    if any(m.startswith("0") for m in months):
        return "two"
    return "ambiguous" if any(m in ("10", "11", "12") for m in months) else None


def dotted_reading(text: Any, style: str | None) -> Period | str | None:
    """``2024.1`` in a column of ``style`` (:func:`dotted_style`): October (a Period), ``ambiguous``,
    or None when it is read as written."""
    m = _DOTTED_RE.match(normalize_text(text)) if style else None
    if m is None or m.group(2) != "1":
        return None
    return Period(int(m.group(1)), 10, 10) if style == "two" else "period_ambiguous"


def period_key(p: Period) -> str:
    if p.first_month != p.month:
        return f"{p.year:04d}-{p.first_month:02d}~{p.month:02d}"
    return f"{p.year:04d}-{p.month:02d}"


def col_letter(index: int) -> str:
    """0-based column index → Excel letters."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def is_blank(text: str) -> bool:
    return not text or not text.strip()


def is_dash(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= 5 and normalize_text(t).lower() in DASHES


def parse_basis(text: str) -> str | None:
    t = normalize_text(text).lower()
    if t in _BASIS_ALIASES:
        return _BASIS_ALIASES[t]
    if _YTD_SPAN_RE.match(t):
        return "ytd"
    return None


_SPENDING_WORDS = sorted((w for w, f in BUDGET_ALIASES.items() if f == "amount" and not w.isascii()), key=len,
                         reverse=True)  # 支出金额 before 支出: the names of an amount column
_NAMED_BASES = sorted((w for w, b in _BASIS_ALIASES.items() if b in ("month", "ytd") and len(w) > 1
                       and not w.isascii()), key=len, reverse=True)  # 本年累计 before 累计, 当季度 before 当季


_JOINERS = "—–~～/／、 "  # between a name and its basis: 中央补助—累计, 中央补助/累计 (- _ : go with norm_header)


def _basis_of(text: Any) -> str | None:
    """The basis a bracket's words write, perhaps with a word for spending after it (``累计``,
    ``当月``, ``累计支出``, ``本月执行数``): ``month`` or ``ytd``; else None (a unit, ``元``)."""
    norm = norm_header(text)
    for word in _SPENDING_WORDS:
        if norm.endswith(word) and len(norm) > len(word):
            norm = norm[:-len(word)]
            break
    return _BASIS_ALIASES[norm] if norm in _NAMED_BASES else None


def bracket_basis(text: Any) -> str | None:
    """The basis a header writes in brackets after a name (``中央补助（累计）``, ``中央补助(当月)``,
    ``省级资金（累计支出）``, ``中央补助（累计，万元）``): ``month`` or ``ytd``; else None."""
    for inside in re.findall(_BRACKETED, normalize_text(text)):
        for part in _BRACKET_PARTS.split(inside):
            basis = _basis_of(part)
            if basis is not None:
                return basis
    return None


def split_basis(text: Any) -> tuple[str, str | None]:
    """A header or cell that writes a basis with a name → (the name, the basis: ``month`` or
    ``ytd``); (the text, None) when it writes none. The basis comes after the name, perhaps with a
    word for spending after it (``中央补助累计``, ``省级资金累计支出``, ``市级配套当月``,
    ``中央补助本月执行数``, ``中央补助—累计``), in brackets after it (``中央补助（累计）``,
    ``省级资金（累计支出）``: :func:`bracket_basis`) or before it (``累计中央补助``, ``本月中央补助支出``).
    A basis and a word for spending with no name (``累计支出``, ``当月支出``, ``累计执行数``) → (the
    word for spending, the basis): an amount column of that basis. The words are those of a 口径
    cell (:func:`parse_basis`) and of an amount column (:data:`BUDGET_ALIASES`)."""
    norm = norm_header(text)
    bracketed = bracket_basis(text)
    if bracketed is not None:
        return norm, bracketed
    spent = next((w for w in _SPENDING_WORDS if norm.endswith(w) and len(norm) > len(w)), "")
    rest = norm[:len(norm) - len(spent)]
    if spent and rest in _NAMED_BASES:
        return spent, _BASIS_ALIASES[rest]
    for word in _NAMED_BASES:
        if rest.endswith(word) and rest[:-len(word)].rstrip(_JOINERS):
            return rest[:-len(word)].rstrip(_JOINERS), _BASIS_ALIASES[word]
    for word in _NAMED_BASES:
        if rest.startswith(word) and rest[len(word):].lstrip(_JOINERS):
            return rest[len(word):].lstrip(_JOINERS), _BASIS_ALIASES[word]
    return norm, None


def read_number(text: str) -> tuple[float | None, str | None]:
    try:
        return parse_number(text), None
    except ValueParseError as exc:
        return None, exc.code if exc.code in ("formula", "odd_digits", "inner_space") else "not_a_number"


def read_in_unit(text: str, unit: str) -> tuple[float | None, str | None, dict[str, str]]:
    """(number in ``unit``, problem code, the problem's or the warning's words) of a value cell:
    a plain number (:func:`read_number`), else one written with a unit after it
    (:func:`analytics.core.values.parse_quantity`: ``12.5万人`` → 12.5 for 万人). The words are
    the units for ``value_unit_mismatch``, and for a value converted from another scale
    (``125000人`` → 12.5) the ``value_unit`` warning's unit and number; else none."""
    number, code = read_number(text)
    if code != "not_a_number":
        return number, code, {}
    try:
        number, written = parse_quantity(text, unit)
    except ValueParseError as exc:
        if exc.code == "value_unit_mismatch":
            return None, exc.code, {"unit": unit or "—", "written_unit": exc.detail}
        return None, exc.code, {}
    if normalize_text(written) == normalize_text(unit):
        return number, None, {}
    return number, None, {"unit": unit, "number": number_text(number)}


@functools.lru_cache(maxsize=4096)
def parse_period_cell(text: str, year: int | None = None) -> tuple[Period | None, str | None]:
    """(period, problem code) of a period cell; a month without its year (``1月``) is read in
    ``year`` when one is given (:func:`month_in_year`)."""
    try:
        return to_period(text), None
    except ValueParseError as exc:
        if exc.code == "empty":
            return None, "blank_period"
        if month_in_year(text, year):
            return month_in_year(text, year), None
        if _month_of_year(text):  # 2024年四月, 2024年4月份: the month in its own year
            return _month_of_year(text), None
        return None, "month_without_year" if yearless_month(text) else "bad_period"



def is_future(p: Period, today: _dt.date | None) -> bool:
    return today is not None and (p.year, p.month) > (today.year, today.month)

Col = dict[str, Any]  # column metadata from read_table: label, header, letter, index


SourceLookup = Callable[[str], tuple[str | None, str | None]]  # a header → (funding source, basis it writes)


def map_columns(
    frame: pd.DataFrame, aliases: Mapping[str, str], sources: SourceLookup | None = None
) -> tuple[dict[str, list[Col]], list[tuple[Col, Period]], list[Col], list[Col]]:
    """→ (field → columns, period-header columns, bad period-header columns, unrecognised columns).
    ``sources``: a header naming a funding source is the field ``src:<key>``; a basis its name
    writes (``中央补助累计``) is kept as the column's ``basis``, as is the basis of an amount column
    that writes one (``累计支出``, ``当月支出``: :func:`split_basis`)."""
    fields: dict[str, list[dict[str, Any]]] = {}
    periods: list[tuple[dict[str, Any], Period]] = []
    bad: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    style = dotted_style(c["header"] for c in frame.attrs.get("columns", []))  # 2024.09, 2024.1, 2024.11
    amounts = "amount" in aliases.values()  # a budget table's: 累计支出 is an amount column of a basis
    for col in frame.attrs.get("columns", []):
        header = col["header"]
        norm = norm_header(header)
        target = aliases.get(norm) if norm else None
        if target is None and sources is not None and norm:
            hit, basis = sources(header)
            target = f"src:{hit}" if hit else None
            if hit and basis:
                col = {**col, "basis": basis}
        if target in (None, "amount") and norm and amounts:
            stem, basis = split_basis(header)
            if basis is not None and aliases.get(stem) == "amount":  # 累计支出, 当月支出, 支出（累计）
                target, col = "amount", {**col, "basis": basis}
        if target is not None:
            fields.setdefault(target, []).append(col)
            continue
        dotted = dotted_reading(header, style)
        if dotted is not None:  # 2024.1 among 2024.09 and 2024.11: October (said), or no telling (refused)
            col = {**col, "dotted": "october" if isinstance(dotted, Period) else "ambiguous"}
        period = dotted if isinstance(dotted, Period) else None if dotted else \
            period_header(header) or month_in_year(header, frame.attrs.get("year_hint"))
        if period is not None:
            periods.append((col, period))
        elif header and (dotted or looks_periodish(header)):
            bad.append(col)
        else:
            other.append(col)
    return fields, periods, bad, other


def colname(col: Mapping[str, Any]) -> str:
    return col["header"] or col["letter"]


class RowCells:
    """The cells of one table's rows by field, for the rules of an actuals or a budget table:
    :meth:`field` is a field's first column, :meth:`cell` one row's text in a column."""

    def __init__(self, frame: pd.DataFrame, fields: Mapping[str, list[Col]]) -> None:
        self.col = {name: (cols[0] if cols else None) for name, cols in fields.items()}
        self.index_of = {label: i for i, label in enumerate(frame.columns)}

    def field(self, name: str) -> Col | None:
        return self.col.get(name)

    def cell(self, rowvals: list[Any], c: Mapping[str, Any] | None) -> str:
        """The row's text in column ``c`` ("" for none, or a blank cell), without control characters."""
        if c is None:
            return ""
        v = rowvals[self.index_of[c["label"]]]
        return "" if v is None or (isinstance(v, float) and math.isnan(v)) else printable(str(v))
