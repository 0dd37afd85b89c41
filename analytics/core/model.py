"""Domain model: a project, its goals and its indicators with yearly targets."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from analytics.core.calendar import wants_no
from analytics.core.values import ParsedTarget, unit_scale

KINDS = ("flow", "stock", "level", "rate", "milestone", "qualitative")  # qualitative: analytics/core/qualitative.py
DIRECTIONS = ("higher", "lower")
BASES = ("month", "ytd", "level")
#: The funding sources of a project whose target table names none: spending and year budgets are
#: recorded under these (key, 中文, English).
STANDARD_SOURCES = (("central", "中央补助", "Central subsidy"), ("local", "地方资金", "Local funds"),
                    ("other", "其他资金", "Other funds"))


#: 万元 by which a total and its sources' sum may differ and still agree (rounding in the table)
FUNDING_TOLERANCE = 0.005


def funding_gap(total: float | None, amounts: list[float] | tuple[float, ...]) -> float | None:
    """The part of a stated total no listed source holds (3860 with sources 2000 + 1200 → 660;
    negative when the sources add up to more), None when they agree, or there is no total (or one
    written as 0) or no source."""
    if not total or not amounts:
        return None
    gap = round(float(total) - float(sum(amounts)), 6)
    return gap if abs(gap) > FUNDING_TOLERANCE else None


@dataclass(frozen=True)
class FundingSource:
    key: str
    name: str
    name_en: str
    amount: float

    def display_name(self, lang: str = "zh") -> str:
        """The source as readers of ``lang`` name it (its Chinese name when it has no English one)."""
        return self.name_en if lang == "en" and self.name_en else self.name


@dataclass(frozen=True)
class Goal:
    id: int
    name: str
    name_en: str = ""
    text_span: str = ""
    text_2023: str = ""

    def label(self, lang: str = "zh") -> str:
        name = self.name_en if lang == "en" and self.name_en else self.name
        return f"Goal {self.id} {name}" if lang == "en" else f"目标{self.id} {name}"


@dataclass(frozen=True)
class Indicator:
    id: str
    seq: int
    origin: str  # "table" (from the indicator table) or "goal_text" (only in the goal text)
    level1: str
    level2: str
    name: str
    name_raw: str
    name_en: str
    unit: str
    kind: str
    direction: str
    goal: int  # 0 = the project as a whole
    default_basis: str
    max_value: float | None
    due_month: int | None
    derived_from: str | None
    spend_driven: bool
    baseline: dict[int, ParsedTarget]  # e.g. {2022: 11.09}: data, not targets
    targets: dict[int, ParsedTarget]
    span_years: tuple[int, int] | None
    span_target: ParsedTarget | None
    mapping_note: str = ""
    points: float | None = None  # the table's weight of the indicator (分值 / 权重), None when it gives none

    @property
    def scale(self) -> float:
        return unit_scale(self.unit)[0]

    @property
    def reference(self) -> float | None:
        """The size of the indicator's figures: its largest target or earlier figure above zero (a
        value far above it is in another scale; see data/limits.yaml ``scale_ratio``), None without."""
        sizes = [float(t.value) for t in [*self.targets.values(), *self.baseline.values(), self.span_target]
                 if t is not None and not t.no_value and not t.is_bool and t.value is not None and t.value > 0]
        return max(sizes) if sizes else None

    @property
    def is_cumulative_year(self) -> bool:
        """Values add up over the months of a year (flows)."""
        return self.kind == "flow"

    def display_name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    @property
    def wants_no(self) -> bool:
        """A yes/no milestone whose target is 否 in every year that sets one (``是否存在质量问题 | 否``):
        its values read 是 / 否, not 已实现 / 未实现."""
        ts = [t.value for t in self.targets.values() if not t.no_value and t.value is not None]
        return self.kind == "milestone" and bool(ts) and all(wants_no(v) for v in ts)

    def target(self, year: int) -> ParsedTarget | None:
        t = self.targets.get(year)
        if t is None or t.no_value:
            return None
        if self.kind == "qualitative":  # the target of a 定性 indicator is 达成 (code 1.0), its text kept as written
            return ParsedTarget(t.raw, ">=", 1.0)
        return t

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "seq": self.seq,
            "origin": self.origin,
            "name": self.name,
            "name_raw": self.name_raw,
            "name_en": self.name_en,
            "level1": self.level1,
            "level2": self.level2,
            "goal": self.goal,
            "unit": self.unit,
            "kind": self.kind,
            "direction": self.direction,
            "default_basis": self.default_basis,
            "max_value": self.max_value,
            "due_month": self.due_month,
            "derived_from": self.derived_from,
            "spend_driven": self.spend_driven,
            "baseline": {str(y): t.as_dict() for y, t in sorted(self.baseline.items())},
            "targets": {str(y): t.as_dict() for y, t in sorted(self.targets.items())},
            "span": (
                {
                    "years": list(self.span_years),
                    **self.span_target.as_dict(),
                }
                if self.span_years and self.span_target
                else None
            ),
            "mapping_note": self.mapping_note,
            "points": self.points,
        }


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    name_en: str
    years: tuple[int, ...]
    baseline_year: int | None
    departments: dict[str, str]
    funding_total: float | None
    funding_sources: tuple[FundingSource, ...]
    execution_targets: dict[int, float]
    execution_indicator: str | None
    execution_start: tuple[int, int] | None
    overall_goal: str
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]
    checks: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    source: str = ""
    #: True when the table names no money and the funding is the year budgets a manager entered
    #: (:meth:`funded_by_year_budgets`).
    funding_from_year_budgets: bool = False

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    @property
    def by_id(self) -> dict[str, Indicator]:
        return {ind.id: ind for ind in self.indicators}

    @property
    def funding_amount(self) -> float:
        """The project's money (万元): the table's total, else (a total written as 0 or left out)
        the sum of its funding sources; 0 when the table gives no funding."""
        return float(self.funding_total or sum(s.amount for s in self.funding_sources) or 0.0)

    @property
    def funding_gap(self) -> float | None:
        """The part of the table's total its listed sources do not hold (:func:`funding_gap`); the
        total stays the project's budget (:attr:`funding_amount`) every output divides by."""
        return funding_gap(self.funding_total, [s.amount for s in self.funding_sources])

    @property
    def table_funded(self) -> bool:
        """The target table names the project's money (a total or sources), not year budgets entered later."""
        return bool(self.funding_sources or self.funding_total) and not self.funding_from_year_budgets

    @property
    def budget_sources(self) -> tuple[FundingSource, ...]:
        """The sources spending and year budgets are recorded under: the table's, else (a table
        that names no money, or funding entered as year budgets) the three standard ones."""
        if self.funding_sources and not self.funding_from_year_budgets:
            return self.funding_sources
        return tuple(FundingSource(k, zh, en, 0.0) for k, zh, en in STANDARD_SOURCES)

    @property
    def budget_source_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.budget_sources)

    def funded_by_year_budgets(self, amounts: dict[tuple[int, str], float]) -> Project:
        """A project whose table names no money, funded by the year budgets its manager entered
        (year, source) → 万元: each source the sum over the project's years, the total their sum.
        ``self`` when the table names money or nothing was entered."""
        if self.funding_sources or self.funding_total or not amounts:
            return self
        sums: dict[str, float] = {}
        for (year, key), amount in amounts.items():
            if year in self.years and amount:
                sums[key] = sums.get(key, 0.0) + float(amount)
        sources = tuple(FundingSource(s.key, s.name, s.name_en, round(sums[s.key], 6)) for s in self.budget_sources if s.key in sums)
        if not sources:
            return self
        return replace(self, funding_sources=sources, funding_total=round(sum(s.amount for s in sources), 6),
                       funding_from_year_budgets=True)

    def goal(self, goal_id: int) -> Goal | None:
        for g in self.goals:
            if g.id == goal_id:
                return g
        return None

    @property
    def target_years(self) -> list[int]:
        years = set(self.years)
        for ind in self.indicators:
            years.update(ind.targets)
        return sorted(years)

    def computed_names(self) -> frozenset[str]:
        """Names of the indicators no data file brings: derived ones and the budget execution
        rate (computed from the spending) — a filled form's values for them are left out unsaid."""
        return frozenset(ind.name for ind in self.indicators if ind.derived_from or ind.id == self.execution_indicator)

    def ingest_catalogue(self) -> dict[str, dict[str, Any]]:
        """The mapping the import validator needs (id → name, unit, kind, …)."""
        return {
            ind.id: {
                "name": ind.name,
                "unit": ind.unit,
                "kind": ind.kind,
                "direction": ind.direction,
                "default_basis": ind.default_basis,
                "max_value": ind.max_value,
                "reference": ind.reference,
            }
            for ind in self.indicators
            if not ind.derived_from and ind.id != self.execution_indicator
        }
