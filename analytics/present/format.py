"""The one formatter of numbers, units, percentages, probabilities and months for people.

Pages, slides, forms, the written report and the CLI's table output all format through this
module, so a value reads the same everywhere. Precision is a property of the unit, kept as data
in :data:`PRECISION` (whole numbers for things counted one by one, two decimals for 万-units,
one decimal for percentages, up to two for any other unit with no zeros trailing: 20,000亩). The words — unit names, 个百分点, month names — are templates of
the one catalogue (``analytics/present/strings/units.py``).

Rules that hold for every function here:

* ``None``, NaN and infinities show as ``—``;
* rounding is half-up on the decimal value people see (2.675 → 2.68, never the float's 2.67),
  or toward zero where a figure must never be rounded up (a shortfall, a rate just below 100%);
* thousands separators (``58,301``); a value that rounds to zero never shows a sign (``0.00``);
* Chinese puts the unit straight after the number (``12.40万人``), English after a space
  (``12 incidents``, ``1 incident``: a count of one in the singular), in brackets when the unit's name
  starts with a figure (``12.40 (10k persons)``, ``12.80 (10k yuan)``: never two figures in a row);
  percentages stay ``95.0%`` in both;
* a target reads as the target table writes it, in a table, a sentence or a chart (``12.4万人``, ``100%``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Sequence

from analytics.core.calendar import local_stamp
from analytics.core.values import COMPARATOR_SYMBOLS, COUNT_UNITS, compared_number
from analytics.present.catalogue import CATALOGUE, text
from analytics.present.phrases import target_english

DASH = "—"

#: Precision by kind of unit: the decimals shown, the units of that kind and why.
PRECISION: dict[str, dict[str, Any]] = {
    "count": {
        "decimals": 0,
        "units": COUNT_UNITS,
        "help": "Things counted one by one: never fractional, also in forecasts and gaps (47.53 家 → 48家).",
    },
    "wan": {
        "decimals": 2,
        "units": ("万人", "万人次", "万元", "万份", "万个", "万户", "万次", "万件", "万名"),
        "help": "Counts in units of 10,000 (any unit starting with 万): two decimals, i.e. to the hundred (0.08万人 = 800 persons).",
    },
    "yi": {
        "decimals": 2,
        "units": ("亿元",),
        "help": "Amounts in 亿元 (100 million yuan): two decimals.",
    },
    "percent": {
        "decimals": 1,
        "units": ("%",),
        "help": "Percentages and rates: one decimal, and a value under 100 never shows as 100.0% (99.96 → 99.9%); a difference of two percentages is in percentage points (个百分点).",
    },
    "points": {
        "decimals": 2,
        "units": ("分",),
        "help": "Scores (分) of a 绩效自评: two decimals, as the forms write them (48.20分 of 50.00).",
    },
    "other": {
        "decimals": 2,
        "trim": True,
        "units": (),
        "help": "Any other unit (亩, 吨, 公里 …), and numbers without a unit: up to two decimals, the zeros trailing them dropped, so a whole figure reads whole (20,000亩, 12.5吨, 3.14公里).",
    },
}


@dataclass(frozen=True)
class UnitRule:
    """How numbers in one unit are shown: its kind (a key of :data:`PRECISION`), its decimals
    and whether zeros trailing them are dropped (``trim``: at most ``decimals``)."""

    unit: str
    kind: str
    decimals: int
    trim: bool = False


def _rule(u: str, kind: str) -> UnitRule:
    rule = PRECISION[kind]
    return UnitRule(u, kind, int(rule["decimals"]), bool(rule.get("trim", False)))


def unit_rule(unit: str | None) -> UnitRule:
    """The precision rule of ``unit`` (a listed unit; else 万…-units are ``wan``; else ``other``)."""
    u = (unit or "").strip()
    for kind, rule in PRECISION.items():
        if u in rule["units"]:
            return _rule(u, kind)
    if u.startswith("万") and len(u) > 1:
        return _rule(u, "wan")
    return _rule(u, "other")


def decimals_for(unit: str | None) -> int:
    """Decimals shown for values in ``unit`` (at most, for a unit whose trailing zeros are dropped)."""
    return unit_rule(unit).decimals


def shown_decimals(x: Any, unit: str | None) -> int:
    """Decimals ``x`` is shown with in ``unit``: the unit's, less the zeros trailing them where
    the unit drops them (20000 亩 → 0, 12.5 吨 → 1); the same for a page, a form and a slide."""
    rule = unit_rule(unit)
    v = _finite(x)
    if not rule.trim or v is None or rule.decimals <= 0:
        return rule.decimals
    digits = str(rounded(v, rule.decimals)).partition(".")[2].rstrip("0")
    return len(digits)


def is_count(unit: str | None) -> bool:
    """Whether values in ``unit`` are whole things (never shown with decimals)."""
    return unit_rule(unit).kind == "count"


def unit_name(unit: str | None, lang: str = "zh", *, one: bool = False) -> str:
    """The unit as readers of ``lang`` say it (``万人`` → ``10k persons`` in English; a unit
    the catalogue does not know is shown as written); ``one``: after a count of one, in the
    singular (``起`` → ``incident``, never ``1 incidents``)."""
    u = (unit or "").strip()
    if u and f"units.{u}" in CATALOGUE:
        name = text(f"units.{u}", lang)
        return _singular(name) if one and lang != "zh" else name
    a, slash, b = u.partition("/")
    if lang != "zh" and slash and f"units.{a}" in CATALOGUE and f"units.{b}" in CATALOGUE:  # 元/人次 → yuan per person-time
        return f"{unit_name(a, lang, one=one)} per {_singular(text(f'units.{b}', lang))}"
    return u


def _singular(name: str) -> str:
    """An English unit's name for one of it: ``incidents`` → ``incident``, ``batches`` → ``batch``,
    ``entities`` → ``entity``, ``years of age`` → ``year of age``; a name that is no plural (``kg``,
    ``head``, ``mu``, ``10k yuan``) as it is."""
    head, of, tail = name.partition(" of ")
    rest, _, word = head.rpartition(" ")
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        word = word[:-1]
    return (f"{rest} " if rest else "") + word + of + tail


_ONE = re.compile(r"[+\-−±≥≤<>=~]*\s*1")  # a count of one as a number shows it (1, +1, ≤1), never 1.0


def _with_unit(number: str, unit: str, lang: str, *, one: bool | None = None) -> str:
    """``number`` followed by ``unit`` as readers of ``lang`` write it: ``12.40万人``; in English after
    a blank, in the singular after a count of one (``1 incident``; ``one``: said, else read from
    ``number``), and in brackets when the unit's name starts with a figure (``12.80 (10k yuan)``, as
    the pages' sentences and titles write amounts: never two figures in a row)."""
    one = bool(_ONE.fullmatch(number.strip())) if one is None else one
    name = unit_name(unit, lang, one=one)
    if not name:
        return number
    if name == "%":
        return number + "%"
    return text("units.with_scaled_unit" if name[:1].isdigit() else "units.with_unit", lang, n=number, unit=name)


def unit_suffix(unit: str | None, lang: str = "zh", *, one: bool = False) -> str:
    """What follows a number in ``unit`` as readers of ``lang`` write it (``万人``, `` (10k persons)``,
    ``%``; ``one``: after a count of one, `` incident``): for a spreadsheet's number format, the same
    words as :func:`fmt_value`."""
    return _with_unit("", (unit or "").strip(), lang, one=one)


def text_width(text: Any) -> int:
    """Columns ``text`` takes in a fixed-width rendering: a CJK character (and full-width
    punctuation) two, anything else one. Used to fit text to a table column or an axis."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))


def _finite(x: Any) -> float | None:
    if x is None or isinstance(x, bool):
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def rounded(x: float, decimals: int, toward_zero: bool = False) -> Decimal:
    """``x`` rounded half-up (or toward zero) to ``decimals`` places, on its shortest decimal form."""
    q = Decimal(1).scaleb(-decimals)
    with localcontext() as ctx:
        ctx.prec = 400  # every float's digits (1e308 to two places), never InvalidOperation
        d = Decimal(repr(float(x))).quantize(q, rounding=ROUND_DOWN if toward_zero else ROUND_HALF_UP)
    return d if d != 0 else abs(d)  # no "-0.00"


def fmt_number(x: Any, decimals: int = 2, *, sign: bool = False, toward_zero: bool = False) -> str:
    """A bare number with thousands separators and exactly ``decimals`` places
    (``sign=True``: ``+`` for positive values; a value that rounds to zero has no sign)."""
    v = _finite(x)
    if v is None:
        return DASH
    d = rounded(v, decimals, toward_zero)
    s = f"{d:,.{decimals}f}"
    if sign and d > 0:
        s = "+" + s
    return s


def _below_100(v: float | None, decimals: int) -> bool:
    """A percentage under 100 that would round to 100 (99.96 → ``100.0%``): shown toward zero
    instead, so a rate that missed 100% never reads as met. A hair under 100 from floating-point
    arithmetic (100 × 89.974 ÷ 89.974 = 99.99999999999999) is 100, not a miss."""
    return v is not None and 0 <= v < 100 - 1e-9 and rounded(v, decimals) >= 100


def fmt_value(x: Any, unit: str | None = "", lang: str = "zh", *, decimals: int | None = None,
              sign: bool = False, with_unit: bool = True, toward_zero: bool = False) -> str:
    """A value in its unit with the unit's precision: ``fmt_value(12.4, "万人")`` → ``12.40万人``;
    ``fmt_value(47.53, "家")`` → ``48家``; ``fmt_value(95.25, "%")`` → ``95.3%``;
    English: ``12.40 (10k persons)``. ``with_unit=False`` gives the number alone (a table with a
    unit column); ``decimals`` overrides the unit's rule (never for count units); any other unit
    drops the zeros trailing its two decimals (``fmt_value(20000, "亩")`` → ``20,000亩``)."""
    u = (unit or "").strip()
    nd = shown_decimals(x, u) if decimals is None or is_count(u) else decimals
    if u == "%" and _below_100(_finite(x), nd):
        toward_zero = True
    number = fmt_number(x, nd, sign=sign, toward_zero=toward_zero)
    if number == DASH or not with_unit:
        return number
    return _with_unit(number, u, lang)


def derived_decimals(x: Any, unit: str | None) -> int:
    """Decimals of a worked-out value (:func:`fmt_derived`: a pace, an expected value, a forecast):
    counted things keep one below :data:`DERIVED_WHOLE_FROM` unless whole; other units their own."""
    u = (unit or "").strip()
    v = _finite(x)
    if v is None or not is_count(u):
        return shown_decimals(x, u)
    return 0 if abs(v) >= DERIVED_WHOLE_FROM or rounded(v, 1) == rounded(v, 0) else 1


def shown_number(x: Any, unit: str | None = "", *, decimals: int | None = None, derived: bool = False) -> float | None:
    """The number :func:`fmt_value` shows for ``x`` (same decimals, same rounding, 99.96% → 99.9),
    for a spreadsheet cell: what the cell holds is what it shows, so a form read back or summed
    gives the figures printed (``None`` for a missing value)."""
    v = _finite(x)
    if v is None:
        return None
    u = (unit or "").strip()
    nd = derived_decimals(v, u) if derived else shown_decimals(v, u) if decimals is None or is_count(u) else decimals
    return float(rounded(v, nd, toward_zero=u == "%" and _below_100(v, nd)))


def apportion(values: Sequence[float], decimals: int = 2) -> list[float]:
    """``values`` rounded to ``decimals`` places so that, as printed, they add up to their total
    rounded the same way (largest remainders: 28 × 1.7857 prints 1.79 or 1.78 and the column
    sums to 100.00, not 100.11). For the parts of a printed total, such as the 分值 and 得分 of a
    自评表 over its 总分."""
    unit = Decimal(1).scaleb(-decimals)
    exact = [Decimal(repr(float(v))) for v in values]
    floors = [(v / unit).to_integral_value(rounding=ROUND_FLOOR) for v in exact]
    want = (sum(exact, Decimal(0)) / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    extra = int(want - sum(floors, Decimal(0)))
    order = sorted(range(len(values)), key=lambda i: (-(exact[i] / unit - floors[i]), i))
    for i in order[:max(0, min(extra, len(values)))]:
        floors[i] += 1
    return [float(f * unit) for f in floors]


def apportion_points(scores: Sequence[tuple[float, float | None]]) -> list[tuple[float, float | None]]:
    """(分值, 得分) pairs as a form prints them, to two places: the 分值 apportioned so that they add
    up to their total as printed, the points lost likewise, each 得分 the printed 分值 less its
    points lost — so both columns add up to the printed totals and a row at full marks prints
    得分 = 分值; 得分 ``None`` (not scored) stays ``None``."""
    maxes = apportion([m for m, _p in scores])
    lost = iter(apportion([max(0.0, m - p) for m, p in scores if p is not None]))
    return [(shown, None if p is None else round(shown - next(lost), 2)) for (_m, p), shown in zip(scores, maxes)]


def _points_decimals(v: float | None) -> int:
    """Decimals of a difference of percentages: one, two where one would land on a bound of the
    status rules that the gap is not on (:func:`clear_decimals`: -0.04 points is not nil, it stands
    beside 关注; -1.03 is not -1.0 beside 落后超过1个百分点)."""
    return clear_decimals(v, decimals_for("%"), _rule_bounds("gap_pp"))


def clear_decimals(v: float | None, decimals: int, bounds: Sequence[float]) -> int:
    """``decimals``, or one more where ``v`` shown with ``decimals`` would read as one of ``bounds``
    (the bounds of the rules a figure is judged by: 0 and -1 points of a rate's gap, a goal score's
    90 and 70) that it is not: a figure beside its status never reads as on the other side of the
    rule that gave it. Below the extra place a difference is nil (-0.004 points reads 0.0)."""
    if v is None:
        return decimals
    for b in bounds:
        if rounded(v, decimals) == rounded(b, decimals) and rounded(v, decimals + 1) != rounded(b, decimals + 1):
            return decimals + 1
    return decimals


def _rule_bounds(measure: str) -> tuple[float, ...]:
    """The bounds of the status rules in force (data/status_rules.yaml) a figure is judged by:
    ``gap_pp`` — a rate's gap in points (0 and the 关注 band's -1); ``score`` — a goal's score (the
    roll-up bands, 90 and 70); 0 always (a difference that is there is never nil)."""
    from analytics.rules.progress import load_rules  # the rules layer: read once, cached there

    rules = load_rules()
    if measure == "score":
        found = [b.get("min") for b in (rules.get("rollup") or {}).get("bands") or []]
    else:
        found = [r.get("min") for r in rules.get("rules") or [] if r.get("measure") == measure]
    return tuple(dict.fromkeys([0.0, *(float(x) for x in found if x is not None)]))


def fmt_score(x: Any, lang: str = "zh") -> str:
    """A goal's roll-up score (0–100, the mean of its indicators' points), the same on every page,
    form, slide and chart: one decimal, a whole score whole (``62.5``, ``80``, ``66.7``), and a second
    decimal where one would read as a band's bound it is not on (``89.96`` beside 关注, never ``90``)."""
    del lang  # the same in both languages; kept for a uniform call shape
    v = _finite(x)
    if v is None:
        return DASH
    nd = clear_decimals(v, 1, _rule_bounds("score"))
    shown = fmt_number(v, nd)
    return shown.rstrip("0").rstrip(".") if nd == 1 else shown


def shown_score(x: Any) -> float | None:
    """The number :func:`fmt_score` shows (a chart's bar, a spreadsheet cell)."""
    shown = fmt_score(x)
    return None if shown == DASH else float(shown.replace(",", ""))


DERIVED_WHOLE_FROM = 100.0  # a worked-out count this large reads whole: a tenth of a household is noise beside it


def fmt_derived(x: Any, unit: str | None = "", lang: str = "zh", *, with_unit: bool = True, cap: bool = False) -> str:
    """A quantity worked out rather than counted, in its unit: a monthly pace (需月均…, 近期月均…),
    a trajectory's expected value (应达…) or a forecast (预计全年5.3件 against 不超过5件, never a 5件
    that hides the breach). Things counted one by one keep one decimal below
    :data:`DERIVED_WHOLE_FROM` (``0.2个``, ``30.5个``; never ``0个`` for a pace still needed, 5 beside 4
    for 4.6 against 3.6, or 应达 31个 beside 实际 29个 … 95.1% for 30.49), whole from there on
    (``867户``, never ``866.7户``) and when whole (``5个``); other units as :func:`fmt_value`
    (``with_unit=False``: the number alone). ``cap``: the pace of a lower-is-better count is what
    may still happen a month, at most (``≤0.3件``), never a quantity to reach."""
    u = (unit or "").strip()
    v = _finite(x)
    if v is None:
        return DASH
    if not is_count(u):
        said = fmt_value(v, u, lang, with_unit=with_unit)
    else:
        number = fmt_number(v, derived_decimals(v, u))
        said = _with_unit(number, u, lang) if with_unit else number
    return "≤" + said if cap else said


def fmt_gap(x: Any, unit: str | None = "", lang: str = "zh", *, decimals: int | None = None,
            with_unit: bool = True, short: bool = False, derived: bool = False) -> str:
    """A signed difference in the unit of the values compared: ``+0.08万人``, ``-1家``; two
    percentages differ in percentage points: ``-0.5个百分点`` (English ``-0.5 percentage points``,
    or ``-0.5 pts`` with ``short=True`` for a narrow table column); a difference of points that one
    decimal would put on a bound of the status rules it is not on shows its second place
    (``-0.04个百分点``, never a ``0.0`` beside 关注; ``-1.03个百分点``, never ``-1.0`` beside 落后超过1个百分点).
    ``derived``: a difference of worked-out values (a forecast's), counted things to one decimal
    below 100 as :func:`fmt_derived`."""
    u = (unit or "").strip()
    if derived and u != "%" and is_count(u) and _finite(x) is not None:  # a forecast's gap: +1.6次, as 3.6次 beside it
        number = fmt_number(_finite(x), derived_decimals(x, u), sign=True)
        return _with_unit(number, u, lang) if with_unit else number
    if u != "%":
        return fmt_value(x, u, lang, decimals=decimals, sign=True, with_unit=with_unit)
    number = fmt_number(x, _points_decimals(_finite(x)) if decimals is None else decimals, sign=True)
    if number == DASH or not with_unit:
        return number
    return text("units.points_short" if short else "units.points", lang, n=number)


fmt_change = fmt_gap  # a year-on-year change is a difference like a gap


def gap_sign(x: Any, unit: str | None = "") -> int:
    """-1, 0 or +1: the sign of a difference as :func:`fmt_gap` shows it in ``unit`` (``0.004``
    percentage points reads ``0.0``: 0, no arrow, neither ahead nor behind; ``0.04`` reads
    ``+0.04``: ahead); 0 for no number."""
    v = _finite(x)
    if v is None:
        return 0
    u = (unit or "").strip()
    d = rounded(v, _points_decimals(v) if u == "%" else decimals_for(u))
    return (d > 0) - (d < 0)


def fmt_pct(x: Any, lang: str = "zh", decimals: int = 1, *, fraction: bool = False, sign: bool = False,
            toward_zero: bool = False) -> str:
    """A percentage: ``fmt_pct(95.25)`` → ``95.3%``; ``fraction=True`` takes 0.953 for 95.3%.
    ``toward_zero=True`` never rounds up (99.96 → ``99.9%``, not a false ``100.0%``)."""
    del lang  # the same in both languages; kept for a uniform call shape
    v = _finite(x)
    if v is None:
        return DASH
    v = v * 100 if fraction else v
    return fmt_number(v, decimals, sign=sign, toward_zero=toward_zero or _below_100(v, decimals)) + "%"


def fmt_prob(p: Any, lang: str = "zh") -> str:
    """A probability (0–1) in whole percent for readers: ``<1%``, ``83%``, ``>99%``; exactly 0
    or 1 (a milestone achieved or overdue) shows ``0%`` / ``100%``. Whole percents are taken toward
    zero, so a probability never reads as reaching a level's bound it is below (0.9459 is ``94%``
    beside 很可能, not ``95%``, the bound of 确定能; 0.6958 is ``69%`` beside 有风险)."""
    del lang
    v = _finite(p)
    if v is None:
        return DASH
    if v <= 0:
        return "0%"
    if v >= 1:
        return "100%"
    if v < 0.01:
        return "<1%"
    if v > 0.99:
        return ">99%"
    pct = int(rounded(v * 100, 0, toward_zero=True))
    return f"{min(max(pct, 1), 99)}%"


def fmt_money(wan: Any, lang: str = "zh", *, decimals: int | None = None, toward_zero: bool = False) -> str:
    """An amount given in 万元, compact for cards: from 1亿 in 亿元 with two decimals
    (``10.34亿元``; English ``1,034.14 million yuan``); from 1,000万元 whole 万元 (``58,301万元``);
    smaller amounts with two decimals (``40.25万元``), so a small shortfall never shows as 0.
    ``decimals`` fixes the places of a 万元 amount (no switch to 亿元)."""
    v = _finite(wan)
    if v is None:
        return DASH
    if decimals is not None:
        return fmt_value(v, "万元", lang, decimals=decimals, toward_zero=toward_zero)
    if abs(v) >= 10000:
        amount = v / 100 if lang == "en" else v / 10000  # million yuan / 亿元
        return text("units.big_money", lang, n=fmt_number(amount, 2, toward_zero=toward_zero))
    nd = 0 if abs(v) >= 1000 else 2
    return fmt_value(v, "万元", lang, decimals=nd, toward_zero=toward_zero)


def _month_word(month: int, lang: str) -> str:
    return text("units.month_names", lang).split(",")[int(month) - 1]


def fmt_month(year: int, month: int, lang: str = "zh") -> str:
    """A month: ``2024年12月`` / ``Dec 2024``."""
    return text("units.month", lang, y=int(year), m=_month_word(month, lang))


def fmt_months(year: int, first: int, last: int, lang: str = "zh") -> str:
    """A run of months of one year (a combined report): ``2024年1-2月`` / ``Jan–Feb 2024``;
    one month as :func:`fmt_month`."""
    if int(first) == int(last):
        return fmt_month(year, last, lang)
    return text("units.months", lang, y=int(year), first=_month_word(first, lang), m=_month_word(last, lang))


def fmt_month_set(months: list[int], lang: str = "zh") -> str:
    """Months of one year as a reader says them: a run ``1—2月`` / ``Jan–Feb``, others listed
    ``4月、6月`` / ``Apr, Jun``; empty for none."""
    months = [int(m) for m in months]
    if not months:
        return ""
    if len(months) > 1 and months == list(range(months[0], months[-1] + 1)):
        return text("units.month_run", lang, first=_month_word(months[0], lang), m=_month_word(months[-1], lang))
    return fmt_list((text("units.month_short", lang, m=_month_word(m, lang)) for m in months), lang)


def fmt_month_short(month: int, lang: str = "zh", first: int | None = None) -> str:
    """A month without its year (a chart's bar label): ``8月``, ``1-2月`` / ``Aug``, ``Jan–Feb``."""
    if first in (None, month):
        return text("units.month_short", lang, m=_month_word(month, lang))
    return text("units.months_short", lang, first=_month_word(int(first), lang), m=_month_word(month, lang))


def fmt_period_key(key: str | None, lang: str = "zh") -> str:
    """A ``YYYY-MM`` key as a month (``2024-12`` → ``2024年12月``); anything else as given."""
    try:
        y, m = str(key).split("-")
        return fmt_month(int(y), int(m), lang)
    except (ValueError, IndexError):
        return DASH if key in (None, "") else str(key)


def fmt_stamp(stamp: str | None) -> str:
    """A stored time stamp in this server's local time, to the minute (``2026-12-07 12:42``);
    ``—`` for none."""
    return local_stamp(stamp) or DASH


def fmt_list(items: Any, lang: str = "zh") -> str:
    """Items of a list in a sentence: ``甲、乙、丙`` / ``A, B, C``."""
    return ("、" if lang == "zh" else ", ").join(str(i) for i in items)


_CMP_SYMBOL = COMPARATOR_SYMBOLS


def fmt_parsed_target(target: Any, lang: str = "zh") -> str:
    """How a target was read (a :class:`~analytics.core.values.ParsedTarget`): ``≥12.4``, ``是`` /
    ``Yes``, ``—`` for no value, 定性目标 / Qualitative for a text with no number; empty for none."""
    if target is None:
        return ""
    if target.no_value:
        return DASH
    if target.is_bool:
        return text("yes" if target.value else "no", lang)
    if target.value is None:
        return text("target_qualitative", lang)
    return f"{_CMP_SYMBOL.get(target.comparator or '', '')}{target_number(target.value)}"


def target_number(x: Any) -> str:
    """A target's number (or its digits as written: ``12.40``) as the target table writes it: as many
    decimals as it has, up to 4, no trailing zeros, no thousands separator (``12.4``, ``100``, ``6800``)."""
    v = _finite(float(x.replace(",", "")) if isinstance(x, str) else x)
    return DASH if v is None else f"{rounded(v, 4):f}".rstrip("0").rstrip(".") if v != int(v) else f"{rounded(v, 0):f}"


def fmt_target_value(x: Any, unit: str | None = "", lang: str = "zh") -> str:
    """A target with its unit as every table, sentence and chart writes it (``12.4万人``, ``100%``,
    ``12.4 (10k persons)``); a worked-out value keeps its unit's precision (:func:`fmt_value`)."""
    return n if (n := target_number(x)) == DASH else _with_unit(n, (unit or "").strip(), lang)


def fmt_target(raw: str | None, unit: str | None = "", lang: str = "zh", comparator: str | None = None, *,
               in_column: bool = False) -> str:
    """A target as written in the table, with the unit added to a bare number (``15.11`` →
    ``15.11万人次`` / ``15.11 (10k person-times)``); ``95%以上`` and ``是`` stay as written in
    Chinese and read ``95%+`` and ``Yes`` in English; a bare number after a comparator gets
    its unit too (``≥100`` → ``≥100公里``), and one written with it reads it in ``lang``
    (``≥60个`` → ``≥60 units``, ``5万元`` → ``5 (10k yuan)``); the full-width ``≧`` / ``≦`` and the typed ``>=`` / ``<=`` read ``≥`` / ``≤``. A bare number read
    as a cap (``comparator`` ``<=``: 登记失业人员规模 | 4.1, lower is better) says so: ``≤4.1万人``.
    ``in_column``: ``unit`` stands in a column of its own beside the target (a table of the pages, the
    CLI): the number is said without it, also where the table wrote it (``≤1000万元`` → ``≤1000``), a
    percentage with its sign. A target in words reads in English as the phrase lexicon
    (``data/target_phrases.yaml``) puts it (``有效提升`` → ``Effectively improved``), else as written,
    said so (``有效提升服务水平和群众获得感 (as written)``, ``≥95%且逐年提高 (as written)``): never half translated."""
    if not raw or not str(raw).strip():
        return DASH
    written = str(raw).strip().replace("≧", "≥").replace("≦", "≤").replace(">=", "≥").replace("<=", "≤")  # one way of writing each sign
    u = (unit or "").strip()
    in_column = in_column and u != "%"  # a percentage keeps its sign, as a gap in points keeps its pp
    bare = re.fullmatch(r"[0-9][0-9,]*(\.[0-9]+)?", written)
    cap = "≤" if bare and comparator in ("<=", "<") else ""  # 4.1 on a lower-is-better name: at most 4.1
    if u and bare and not in_column:  # 90 with % in the unit column: 90%
        return cap + fmt_target_value(written, u, lang)
    if bare:
        return cap + target_number(written)
    compared = re.fullmatch(r"([≥≤><]=?|=)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(\S*)", written)
    if compared and (compared.group(1) or compared.group(3)) and compared.group(3) in ("", u) and (u or in_column):
        # ``≥100`` without its unit (公里 in the unit column), ``≥60个``, ``5万元``, ``96.00%`` → ``96%``
        return (compared.group(1) or "") + (target_number(compared.group(2)) if in_column else fmt_target_value(compared.group(2), u, lang))
    if written in ("是", "否"):
        return text("yes" if written == "是" else "no", lang)
    if lang == "en":  # 不少于800人次, 10及以下, 5万元: the comparator as a sign, the unit in English (never ``10及 or less``)
        said = compared_number(written)
        if said is not None and not _worded(said[2]):
            return COMPARATOR_SYMBOLS[said[0]] + (target_number(said[1]) if in_column and said[2] in ("", u) else fmt_target_value(said[1], said[2] or u, lang))
        if compared and compared.group(3) and not compared.group(1) and f"units.{compared.group(3)}" in CATALOGUE:
            return _with_unit(compared.group(2), compared.group(3), lang)
    out = written.replace("以上", text("units.above", lang)).replace("以下", text("units.below", lang))
    if lang == "en" and _HAN.search(out):  # words (有效提升): the phrase lexicon's English, else as written and said so
        return _words_in_english(written, u, lang, in_column)
    return out


_HAN = re.compile(r"[\u3400-\u9fff]")
_PARTS = re.compile(r"[，；;、]")


def _words_in_english(written: str, unit: str, lang: str, in_column: bool) -> str:
    """A target holding words in English: as the phrase lexicon puts it; a target of several parts
    each said in English (``60家以上，95%以上`` → ``≥60 entities; ≥95%``) with its parts joined;
    else as written followed by the catalogue's marker (``units.as_written``)."""
    english = target_english(written)
    if english:
        return english
    parts = [p for p in _PARTS.split(written) if p.strip()]
    if len(parts) > 1:
        said = [fmt_target(p, unit, lang, in_column=in_column) for p in parts]
        if not any(_HAN.search(s) for s in said):
            return "; ".join(said)
    return text("units.as_written", lang, written=written)


def _worded(unit: str) -> bool:
    """Whether what follows a target's number is words rather than a unit (``≥95%且逐年提高``:
    ``%且逐年提高``; ``%（抽查）``): a percentage sign with more after it, or more than four
    characters whose English the catalogue does not know."""
    return (unit.startswith("%") and len(unit) > 1) or (len(unit) > 4 and bool(_HAN.search(unit_name(unit, "en"))))
