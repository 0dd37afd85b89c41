"""Data-quality notes: consistency between goal text and indicator table.

Checks are data (``checks.yaml`` beside the indicator file); this module only evaluates them.
A result is never an error: it is a note with status ``passed``, ``mismatch``, ``note`` or
``unresolved``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from analytics.core.model import Project

TOLERANCE = 1e-6


@dataclass(frozen=True)
class QualityNote:
    """One check of ``checks.yaml`` evaluated: its texts as written there, and the two figures
    compared (the sentence with the figures is made by :mod:`analytics.present.quality_text`)."""

    id: str
    goal: int
    status: str  # "passed" | "mismatch" | "note" | "unresolved"
    zh: str
    en: str
    left: float | None = None
    right: float | None = None
    fix_zh: str = ""
    fix_en: str = ""


def _resolve(project: Project, ref: Any) -> float | None:
    if isinstance(ref, (int, float)):
        return float(ref)
    text = str(ref)
    if "@" not in text:
        try:
            return float(text)
        except ValueError:
            return None
    iid, when = text.split("@", 1)
    try:
        ind = project.indicator(iid)
    except KeyError:
        return None
    if when == "span":
        return ind.span_target.value if ind.span_target else None
    year = int(when)
    t = ind.targets.get(year) or ind.baseline.get(year)
    return t.value if t is not None else None


def evaluate(project: Project) -> list[QualityNote]:
    notes: list[QualityNote] = []
    for chk in project.checks:
        kind = chk.get("kind", "note")
        cid = str(chk.get("id", ""))
        goal = int(chk.get("goal", 0) or 0)
        zh, en = str(chk.get("zh", "")), str(chk.get("en", ""))
        fix_zh, fix_en = str(chk.get("zh_fix", "")), str(chk.get("en_fix", ""))
        left = right = None
        if kind == "sum":
            parts = [_resolve(project, r) for r in chk.get("parts", [])]
            right = _resolve(project, chk.get("expected"))
            left = None if any(p is None for p in parts) else round(float(sum(parts)), 9)  # type: ignore[arg-type]
        elif kind == "equals":
            left, right = _resolve(project, chk.get("left")), _resolve(project, chk.get("right"))
        elif kind == "funding_sum":
            if project.funding_sources and project.funding_total is not None:
                left = float(sum(s.amount for s in project.funding_sources))
                right = project.funding_total
        else:
            notes.append(QualityNote(cid, goal, "note", zh, en, fix_zh=fix_zh, fix_en=fix_en))
            continue
        if left is None or right is None:
            status = "unresolved"
        else:
            status = "passed" if math.isclose(left, right, rel_tol=0, abs_tol=max(TOLERANCE, 1e-9 * abs(right))) else "mismatch"
        notes.append(QualityNote(cid, goal, status, zh, en, left, right, fix_zh, fix_en))
    order = {"mismatch": 0, "note": 1, "unresolved": 2, "passed": 3}
    return sorted(notes, key=lambda n: (order.get(n.status, 9), n.goal))
