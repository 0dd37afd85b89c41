"""The levers of a budget scenario, each defined once (in the style of datasette's settings).

A :class:`Lever` holds its name, its neutral value (the one that changes nothing and is dropped
from the canonical document), the catalogue keys of its label and help text
(:mod:`analytics.present.strings.budget`), how a value is validated and put in canonical form
(``check``), how it changes the projection (``apply``, in the order of ``stage``), and a hint for
the widget that edits it (:class:`Widget`). :data:`REGISTRY` lists them in the order of the
canonical document; the scenario checker, the projection, the 预算情景 page and ``docs/budget.md``
all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from analytics.budget.checker import Checker, month_key, parse_month, planned
from analytics.budget.results import Notice
from analytics.core.reporting import spend_month
from analytics.core.series import Budget
from analytics.forecast.spending import SpendingBase

__all__ = ["Field", "Widget", "Lever", "Work", "REGISTRY", "LEVERS", "lever", "plan_months", "spending_reported"]


# -- widget hints ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One input of an item lever (a one-off payment, a freeze, a transfer).

    ``kind``: ``month`` (a month the scenario plans, :func:`plan_months`), ``months`` (a range; writes ``from`` and
    ``to``), ``number``, ``source`` (one source or all), ``sources`` (several; none = all),
    ``goal``, ``toggle`` (switches the item on; not written to the document)."""

    key: str
    kind: str
    label: str  # catalogue key
    min: float | None = None
    max: float | None = None
    step: float | None = None
    unit: str = ""
    default: Any = None
    index: int = 0  # default choice of a ``goal`` picker
    width: int = 1  # relative column width


@dataclass(frozen=True)
class Widget:
    """How a lever is edited on the page.

    ``kind``: ``slider`` or ``number`` (one value, or one per member with ``per`` = ``source`` /
    ``goal`` / ``indicator`` — the spend-driven indicators), or ``item`` (one item of a list
    lever, made of ``fields``). ``label`` is the catalogue key of each input's label (filled with
    ``member``). An item counts when its ``switch`` field is on (if any), every ``required`` field
    differs from its default, and the two ``distinct`` fields differ."""

    kind: str
    label: str = ""
    per: str | None = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    unit: str = ""
    default: Any = None
    fields: tuple[Field, ...] = ()
    primary: bool = False  # shown first, outside the "more levers" section
    switch: str | None = None
    required: tuple[str, ...] = ()
    distinct: tuple[str, str] | None = None


@dataclass(frozen=True)
class Lever:
    name: str
    neutral: Any  # the document value that changes nothing
    label: str  # catalogue key (budget.lever_<name>)
    help: str  # catalogue key (budget.lever_<name>_help)
    check: Callable[[Checker, Any, str], Any]  # (checker, raw value, where) -> canonical value, or None = neutral
    apply: Callable[["Work", Any], None] | None  # changes the projection; None: read elsewhere (unit_costs)
    stage: int | None  # order of application (lower first)
    widget: Widget


# -- the projection state the levers change --------------------------------------------------


def spending_reported(budget: Budget, as_of: tuple[int, int]) -> tuple[int, int]:
    """(year, month) of the last month of ``as_of``'s year with spending reported by the as-of
    month (:func:`analytics.core.reporting.spend_month`; month 0 with none this year): a scenario
    plans the months after it (:func:`plan_months`)."""
    year = int(as_of[0])
    return year, spend_month(budget, year, (year, int(as_of[1])))


def plan_months(budget: Budget, as_of: tuple[int, int]) -> list[str]:
    """The months (``YYYY-MM``) of ``as_of``'s year a scenario plans: those after the last month
    with spending reported by the as-of month (:meth:`Budget.data_month
    <analytics.core.series.Budget.data_month>`), not after the as-of month — as of December with
    spending to October, November and December; none once December's spending is in. The levers
    change these months (:class:`Work`) and the 预算情景 page offers them."""
    reported = spending_reported(budget, as_of)
    return [month_key((reported[0], m)) for m in range(1, 13) if planned((reported[0], m), reported)]


class Work:
    """The projection of the months a scenario plans (after the month spending runs to,
    ``base.data_month``; :func:`plan_months`) while the levers are applied.

    ``mult`` (sources × goals) collects the pace multipliers; they are applied to the pattern
    once, the first time ``pattern`` is read (every multiplier lever has the first stage)."""

    def __init__(self, base: SpendingBase) -> None:
        S, G = len(base.sources), len(base.goals)
        self.base = base
        self.sidx = {s: i for i, s in enumerate(base.sources)}
        self.gidx = {g: j for j, g in enumerate(base.goals)}
        self.months = np.zeros(12, dtype=bool)
        self.months[base.data_month:] = True  # months after the spending's last month (0-based index ≥ d)
        self._pattern = base.rest[:, None, :] * base.mix[:, :, None]  # (S, G, 12)
        self._scaled = False
        self.mult = np.ones((S, G))
        self.transferred = np.zeros(G)
        self.oneoff = np.zeros((S, G, 12))
        self.adj = np.zeros(S)
        self.warnings: list[Notice] = []

    @property
    def pattern(self) -> np.ndarray:
        if not self._scaled:
            self._pattern[:, :, self.months] *= self.mult[:, :, None]
            self._scaled = True
        return self._pattern

    @property
    def caps(self) -> np.ndarray:
        return self.base.budgets + self.adj

    def warn(self, code: str, **params: Any) -> None:
        self.warnings.append(Notice(code, params))


# -- pace -----------------------------------------------------------------------------------


def _check_pace(c: Checker, value: Any, where: str) -> float | None:
    x = c.rate(value, where)
    return x if x is not None and x != 1.0 else None


def _check_pace_by(kind: str) -> Callable[[Checker, Any, str], dict[str, float] | None]:
    def check(c: Checker, value: Any, where: str) -> dict[str, float] | None:
        m = c.mapping(value, where)
        if m is None:
            return None
        res: dict[str, float] = {}
        for k, v in m.items():
            ident: Any = c.source(k, f"{where}.{k}") if kind == "source" else c.goal(k, f"{where}.{k}")
            x = c.rate(v, f"{where}.{k}")
            if ident is not None and x is not None:
                sk = str(ident)
                res[sk] = res.get(sk, 1.0) * x
        res = {k: v for k, v in res.items() if v != 1.0}
        return dict(sorted(res.items(), key=lambda kv: (kv[0].zfill(6) if kind == "goal" else kv[0]))) or None

    return check


def _apply_pace(w: Work, x: float) -> None:
    w.mult *= float(x)


def _apply_pace_by_source(w: Work, by: dict[str, float]) -> None:
    for s, x in by.items():
        if s in w.sidx:
            w.mult[w.sidx[s], :] *= x


def _apply_pace_by_goal(w: Work, by: dict[str, float]) -> None:
    for g, x in by.items():
        if int(g) in w.gidx:
            w.mult[:, w.gidx[int(g)]] *= x


# -- one-off payments -----------------------------------------------------------------------


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _check_one_off(c: Checker, value: Any, where: str) -> list[dict[str, Any]] | None:
    out = []
    for i, item in enumerate(_items(value)):
        w = f"{where}[{i}]"
        m = c.fields(item, w, ("month", "amount", "source", "goal", "note"), ("month", "amount"), "missing_one_off")
        if m is None:
            continue
        ym = c.month(m["month"], f"{w}.month")
        amt = c.amount(m["amount"], f"{w}.amount")
        src = c.source(m["source"], f"{w}.source") if m.get("source") not in (None, "") else None
        goal = c.goal(m["goal"], f"{w}.goal") if m.get("goal") not in (None, "") else None
        if ym is None or amt is None:
            continue
        out.append({"month": month_key(ym), "amount": amt, "source": src, "goal": goal})
    return sorted(out, key=lambda d: (d["month"], d["source"] or "", d["goal"] or 0, d["amount"])) or None


def _apply_one_off(w: Work, items: list[dict[str, Any]]) -> None:
    base = w.base
    S = len(base.sources)
    caps = w.caps
    for item in items:
        y, m = int(item["month"][:4]), int(item["month"][5:7])
        if not planned((y, m), (base.year, base.data_month)):  # a month with spending reported is not planned
            w.warn("one_off_ignored", month=item["month"], year=base.year)
            continue
        if item["source"] is not None:
            sw = np.zeros(S)
            sw[w.sidx[item["source"]]] = 1.0
        else:
            head = np.where(np.isfinite(caps), np.clip(caps - base.before - base.observed.sum(axis=(1, 2)), 0, None), 0.0)
            sw = head / head.sum() if head.sum() > 0 else np.full(S, 1.0 / S)
        if item["goal"] is not None and item["goal"] in w.gidx:
            gw = np.zeros(len(base.goals))
            gw[w.gidx[item["goal"]]] = 1.0
        else:
            gw = base.shares
        w.oneoff[:, :, m - 1] += float(item["amount"]) * sw[:, None] * gw[None, :]


# -- freeze ---------------------------------------------------------------------------------


def _freeze_months(c: Checker, m: dict[str, Any], w: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    start = parse_month(m["from"])
    end = parse_month(m["to"]) if m.get("to") not in (None, "") else (start[0], 12) if start else None
    if start is None:
        c.add("bad_month", f"{w}.from", "bad_month_from", value=m["from"])
    if end is None and m.get("to") not in (None, ""):
        c.add("bad_month", f"{w}.to", "bad_month_to", value=m["to"])
    if start is None or end is None:
        return None
    if end < start:
        c.add("bad_range", w, start=month_key(start), end=month_key(end))
        return None
    years = {start[0], end[0]} | ({c.reported[0]} if c.reported and start[0] <= c.reported[0] <= end[0] else set())
    months = [(y, m) for y in sorted(years) for m in range(1, 13) if start <= (y, m) <= end]
    c.not_planned(w, "freeze", start=month_key(start), end=month_key(end), months=months)
    return start, end


def _check_freeze(c: Checker, value: Any, where: str) -> list[dict[str, Any]] | None:
    out = []
    for i, item in enumerate(_items(value)):
        w = where if not isinstance(value, list) else f"{where}[{i}]"
        m = c.fields(item, w, ("from", "to", "sources", "note"), ("from",), "missing_freeze")
        span = _freeze_months(c, m, w) if m is not None else None
        if m is None or span is None:
            continue
        srcs_raw = m.get("sources")
        if srcs_raw in (None, "", []):
            srcs = sorted(c.source_keys)
        else:
            found = [c.source(x, f"{w}.sources[{j}]") for j, x in enumerate(_items(srcs_raw))]
            srcs = sorted({x for x in found if x is not None})
        out.append({"from": month_key(span[0]), "to": month_key(span[1]), "sources": srcs})
    return sorted(out, key=lambda d: (d["from"], d["to"], d["sources"])) or None


def _apply_freeze(w: Work, items: list[dict[str, Any]]) -> None:
    base = w.base
    frozen = np.zeros((len(base.sources), 12), dtype=bool)
    for fr in items:
        a, b = (int(fr["from"][:4]), int(fr["from"][5:7])), (int(fr["to"][:4]), int(fr["to"][5:7]))
        for m in range(1, 13):
            if a <= (base.year, m) <= b and w.months[m - 1]:
                for s in fr["sources"]:
                    if s in w.sidx:
                        frozen[w.sidx[s], m - 1] = True
    if frozen.any():
        blocked = float((w.oneoff * frozen[:, None, :]).sum())
        if blocked > 0:
            w.warn("one_off_frozen", amount=blocked)
        mask = frozen[:, None, :].repeat(len(base.goals), axis=1)
        w.pattern[mask] = 0.0
        w.oneoff[mask] = 0.0


# -- budget adjustment (调减/追加) -------------------------------------------------------------


def _check_budget_adjustment(c: Checker, value: Any, where: str) -> dict[str, float] | None:
    m = c.mapping(value, where)
    if m is None:
        return None
    res: dict[str, float] = {}
    for k, v in m.items():
        src = c.source(k, f"{where}.{k}")
        x = c.amount(v, f"{where}.{k}", allow_negative=True)
        if src is None or x is None:
            continue
        res[src] = res.get(src, 0.0) + x
    for src, x in res.items():
        base = next(s.amount for s in c.project.funding_sources if s.key == src)
        if base + x < 0:
            c.add("budget_below_zero", f"{where}.{src}", cut=-x, budget=base)
    return {k: v for k, v in sorted(res.items()) if v != 0} or None


def _apply_budget_adjustment(w: Work, by: dict[str, float]) -> None:
    for s, x in by.items():
        if s in w.sidx:
            w.adj[w.sidx[s]] += x


# -- transfers between goals (调剂) ----------------------------------------------------------


def _check_transfers(c: Checker, value: Any, where: str) -> list[dict[str, Any]] | None:
    out = []
    for i, item in enumerate(_items(value)):
        w = f"{where}[{i}]"
        m = c.fields(item, w, ("from_goal", "to_goal", "amount", "note"), ("from_goal", "to_goal", "amount"), "missing_transfers")
        if m is None:
            continue
        g1, g2 = c.goal(m["from_goal"], f"{w}.from_goal"), c.goal(m["to_goal"], f"{w}.to_goal")
        amt = c.amount(m["amount"], f"{w}.amount")
        if g1 is not None and g1 == g2:
            c.add("same_goal", w)
            continue
        if g1 is None or g2 is None or amt is None:
            continue
        out.append({"from_goal": g1, "to_goal": g2, "amount": amt})
    return out or None  # order matters (each moves what is left)


def _apply_transfers(w: Work, items: list[dict[str, Any]]) -> None:
    pattern, months = w.pattern, w.months
    for t in items:
        j1, j2 = w.gidx.get(t["from_goal"]), w.gidx.get(t["to_goal"])
        if j1 is None or j2 is None:
            continue
        avail = float(pattern[:, j1, months].sum())
        move = min(float(t["amount"]), avail)
        if move < float(t["amount"]) - 1e-9:
            w.warn("transfer_partial", goal=t["from_goal"], available=avail, amount=t["amount"], moved=move)
        if avail > 0 and move > 0:
            delta = pattern[:, j1, :] * months[None, :] * (move / avail)
            pattern[:, j1, :] -= delta
            pattern[:, j2, :] += delta
        w.transferred[j1] -= float(t["amount"])
        w.transferred[j2] += float(t["amount"])


# -- unit costs -----------------------------------------------------------------------------


def _check_unit_costs(c: Checker, value: Any, where: str) -> dict[str, float] | None:
    m = c.mapping(value, where)
    if m is None:
        return None
    res = {}
    for k, v in m.items():
        if k not in c.spend_driven:
            c.add("unknown_indicator", f"{where}.{k}", value=k, indicators=list(c.spend_driven))
            continue
        x = c.amount(v, f"{where}.{k}")
        if x is not None:
            res[k] = x
    return dict(sorted(res.items())) or None


# -- the registry ---------------------------------------------------------------------------

_PACE = dict(min=0.0, max=5.0, step=0.05, unit="×", default=1.0)
_AMOUNT = dict(step=100.0, unit="万元")

REGISTRY: tuple[Lever, ...] = (
    Lever("pace", 1.0, "budget.lever_pace", "budget.lever_pace_help", _check_pace, _apply_pace, 0,
          Widget("slider", "budget.lever_pace", min=0.0, max=3.0, step=0.05, unit="×", default=1.0, primary=True)),
    Lever("pace_by_source", {}, "budget.lever_pace_by_source", "budget.lever_pace_by_source_help", _check_pace_by("source"),
          _apply_pace_by_source, 0, Widget("number", "budget.lever_pace_by_source_input", per="source", **_PACE)),
    Lever("pace_by_goal", {}, "budget.lever_pace_by_goal", "budget.lever_pace_by_goal_help", _check_pace_by("goal"),
          _apply_pace_by_goal, 0, Widget("number", "budget.lever_pace_by_goal_input", per="goal", **_PACE)),
    Lever("one_off", [], "budget.lever_one_off", "budget.lever_one_off_help", _check_one_off, _apply_one_off, 3,
          Widget("item", required=("month", "amount"), fields=(
              Field("month", "month", "budget.field_month"),
              Field("amount", "number", "budget.field_amount", min=0.0, max=200000.0, default=0.0, **_AMOUNT),
              Field("source", "source", "budget.field_source")))),
    Lever("freeze", [], "budget.lever_freeze", "budget.lever_freeze_help", _check_freeze, _apply_freeze, 4,
          Widget("item", switch="on", required=("range",), fields=(
              Field("on", "toggle", "budget.field_freeze_on", default=False),
              Field("range", "months", "budget.field_freeze_range", width=2),
              Field("sources", "sources", "budget.field_source", width=2)))),
    Lever("budget_adjustment", {}, "budget.lever_budget_adjustment", "budget.lever_budget_adjustment_help", _check_budget_adjustment,
          _apply_budget_adjustment, 2, Widget("number", "budget.lever_budget_adjustment_input", per="source", min=-200000.0,
                                              max=200000.0, default=0.0, **_AMOUNT)),
    Lever("transfers", [], "budget.lever_transfers", "budget.lever_transfers_help", _check_transfers, _apply_transfers, 1,
          Widget("item", required=("amount",), distinct=("from_goal", "to_goal"), fields=(
              Field("from_goal", "goal", "budget.field_from_goal"),
              Field("to_goal", "goal", "budget.field_to_goal", index=1),
              Field("amount", "number", "budget.field_amount", min=0.0, max=100000.0, default=0.0, **_AMOUNT)))),
    Lever("unit_costs", {}, "budget.lever_unit_costs", "budget.lever_unit_costs_help", _check_unit_costs, None, None,
          Widget("number", "budget.lever_unit_costs_input", per="indicator", min=0.0, max=10000.0, step=0.01, unit="万元",
                 default=0.0)),
)

LEVERS: tuple[str, ...] = tuple(lv.name for lv in REGISTRY)
_BY_NAME = {lv.name: lv for lv in REGISTRY}


def lever(name: str) -> Lever:
    return _BY_NAME[name]


def apply_levers(base: SpendingBase, levers: dict[str, Any]) -> Work:
    """The projection state after every lever of a canonical ``levers`` mapping, by stage."""
    w = Work(base)
    for lv in sorted((lv for lv in REGISTRY if lv.apply is not None and lv.name in levers), key=lambda lv: lv.stage or 0):
        assert lv.apply is not None
        lv.apply(w, levers[lv.name])
    return w
