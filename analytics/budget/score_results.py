"""The self-evaluation score's results (:mod:`analytics.budget.scoring` makes them): one line per
indicator (its points and why), one part per 一级指标 group, and the whole score. Plain data with
the few questions the readers ask of it (is a part left out, was anything scored)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ScoreLine", "ScorePart", "ScoreResult"]


@dataclass(frozen=True)
class ScoreLine:
    indicator_id: str
    name: str
    name_en: str
    level: str  # level-1 category (or 预算执行率)
    part: str  # part key
    rule: str  # "execution" | "higher" | "lower" | "zero_target" | "milestone" | "qualitative"
    status: str  # "scored" | "excluded" | "zero"
    weight: float  # relative weight inside the part
    points_max: float  # points this indicator is worth after redistribution
    actual: float | None
    target: float | None
    attainment: float | None  # completion ratio (uncapped)
    points: float
    lost: float
    reason: str  # why these points: catalogue code budget.score_<reason> (rendered by analytics.present.score_text)
    reason_params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out = {k: _clean(getattr(self, k)) for k in self.__dataclass_fields__}
        out["reason_params"] = {k: _clean(v) for k, v in self.reason_params.items()}
        return out


@dataclass(frozen=True)
class ScorePart:
    key: str
    name_zh: str
    name_en: str
    points_max: float
    points: float
    n_indicators: int
    n_scored: int
    empty: bool
    table_points: float | None = None  # the table's 分值 of its indicators added up, when the part is shared by them

    def as_dict(self) -> dict[str, Any]:
        return {k: _clean(getattr(self, k)) for k in self.__dataclass_fields__}


@dataclass
class ScoreResult:
    year: int
    execution_rate: float | None
    execution_target: float | None
    parts: list[ScorePart]
    lines: list[ScoreLine]
    total: float
    total_max: float
    grade: str
    grade_en: str
    grade_key: str
    what_costs_points: list[ScoreLine]
    options: dict[str, Any]
    basis: str = "as_given"  # "as_given" | "projected"
    projections: dict[str, dict[str, Any]] = field(default_factory=dict)
    scenario: dict[str, Any] | None = None
    execution_rule: str = "cumulative_target"  # the rule actually used (see scoring_rules.yaml)

    def left_out(self, part: ScorePart) -> bool:
        """Whether ``part`` is left out of the total (no indicator could be scored and the total was
        rescaled, ``empty_part: rescale``): its points are then no points lost."""
        return part.empty and self.options.get("empty_part", "rescale") == "rescale"

    @property
    def scored(self) -> bool:
        """Whether a part of indicators could be scored: a table whose indicators name no 一级指标
        (产出 / 效益 / 满意度), or whose indicators have no data yet, has no score at all — never
        0 分 “差”, and never the budget execution part alone rescaled to 100 (9.5 of 10 points
        made 95 分 “优” of a project whose indicators were not scored)."""
        return any(not p.empty for p in self.parts if p.key != "execution")

    def coverage(self) -> dict[str, int]:
        """How many indicators the score rests on: ``scored`` (a value judged against its target),
        ``no_data`` (nothing reported: left out, their points shared, or 0 by rule) and ``all`` (the
        indicators of the scored parts, the budget execution aside)."""
        lines = [ln for ln in self.lines if ln.part != "execution" and ln.reason not in ("no_part", "no_level")]
        no_data = ("no_data_shared", "no_data_zero", "gap_shared", "gap_zero")  # months given after a gap settle nothing: no figure
        missing = sum(1 for ln in lines if ln.reason in no_data)
        scored = sum(1 for ln in lines if ln.status in ("scored", "zero") and ln.reason not in no_data)
        return {"scored": scored, "no_data": missing, "all": len(lines)}

    def part_rows(self) -> list[dict[str, Any]]:
        """The parts as the CLI's JSON and the budget page give them: key, names, points, points_max,
        left_out; the execution part left out also ``reason`` and ``reason_params``, its line's (no
        spending recorded, or none of the year's: why it is left out, not that no indicator could be)."""
        rows = []
        for p in self.parts:
            row = {"key": p.key, "name_zh": p.name_zh, "name_en": p.name_en, "points": _clean(p.points),
                   "points_max": _clean(p.points_max), "left_out": self.left_out(p)}
            line = next((ln for ln in self.lines if ln.part == p.key), None) if p.key == "execution" and row["left_out"] else None
            if line is not None:
                row.update(reason=line.reason, reason_params={k: _clean(v) for k, v in line.reason_params.items()})
            rows.append(row)
        return rows

    def part(self, key: str) -> ScorePart:
        for p in self.parts:
            if p.key == key:
                return p
        raise KeyError(key)

    def line(self, indicator_id: str) -> ScoreLine:
        for ln in self.lines:
            if ln.indicator_id == indicator_id:
                return ln
        raise KeyError(indicator_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "execution_rate": _clean(self.execution_rate),
            "execution_target": _clean(self.execution_target),
            "parts": [p.as_dict() for p in self.parts],
            "lines": [ln.as_dict() for ln in self.lines],
            "total": _clean(self.total),
            "total_max": self.total_max,
            "grade": self.grade,
            "grade_en": self.grade_en,
            "grade_key": self.grade_key,
            "what_costs_points": [ln.as_dict() for ln in self.what_costs_points],
            "options": self.options,
            "basis": self.basis,
            "projections": {k: {kk: _clean(vv) for kk, vv in v.items()} for k, v in self.projections.items()},
            "scenario": self.scenario,
            "execution_rule": self.execution_rule,
        }


def _clean(x: Any) -> Any:
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x
