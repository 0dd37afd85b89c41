"""The share of the budget going to each goal (``budget_allocation.csv`` of the project folder)."""

from __future__ import annotations

import math
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analytics.core.model import Project
from analytics.core.values import normalize_text
from analytics.forecast.spending import goal_id

__all__ = ["ALLOCATION_FILE", "load_allocation"]

ALLOCATION_FILE = "budget_allocation.csv"


def load_allocation(project: Project, path: str | os.PathLike[str] | None = None) -> dict[int, float]:
    """Share of the budget going to each goal (sums to 1).

    Read from ``path`` or ``<project folder>/budget_allocation.csv`` (columns ``goal,share,note``;
    lines starting with ``#`` are comments). Without a file every goal gets an equal share.
    Shares are normalised to sum to 1; goals missing from the file get 0. Raises ``ValueError``
    for an unknown goal, a negative or non-numeric share, or shares summing to 0.
    """
    goals = [g.id for g in project.goals] or [0]
    file: Path | None = Path(path) if path else None
    if file is None and project.source:
        candidate = Path(project.source)
        if candidate.is_file():
            candidate = candidate.parent
        if (candidate / ALLOCATION_FILE).exists():
            file = candidate / ALLOCATION_FILE
    if file is None:
        return {g: 1.0 / len(goals) for g in goals}
    return dict(_read_allocation(str(file), tuple(goals), file.stat().st_mtime_ns if file.exists() else 0))


@lru_cache(maxsize=16)
def _read_allocation(file: str, goals: tuple[int, ...], mtime: int) -> dict[int, float]:  # mtime: re-read when edited
    df = pd.read_csv(file, dtype=str, keep_default_na=False, comment="#", encoding="utf-8-sig")
    cols = {normalize_text(c).lower(): c for c in df.columns}
    if "goal" not in cols or "share" not in cols:
        raise ValueError(f"{file}: columns goal and share are required / 需要 goal 和 share 两列")
    shares = {g: 0.0 for g in goals}
    for i, row in enumerate(df.to_dict("records")):
        graw, sraw = normalize_text(row[cols["goal"]]), normalize_text(row[cols["share"]])
        gid = goal_id(graw)
        if gid is None or gid not in shares:
            raise ValueError(f"{file} row {i + 2}: unknown goal {graw!r} / 第 {i + 2} 行目标编号「{graw}」不存在")
        try:
            share = float(sraw.rstrip("%")) / (100.0 if sraw.endswith("%") else 1.0)
        except ValueError:
            raise ValueError(f"{file} row {i + 2}: share {sraw!r} is not a number / 第 {i + 2} 行占比「{sraw}」不是数字") from None
        if not math.isfinite(share) or share < 0:
            raise ValueError(f"{file} row {i + 2}: share must be ≥ 0 / 第 {i + 2} 行占比不能为负")
        shares[gid] += share
    total = sum(shares.values())
    if total <= 0:
        raise ValueError(f"{file}: shares sum to 0 / 占比合计为 0")
    return {g: v / total for g, v in shares.items()}
