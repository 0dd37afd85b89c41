"""Loading target files (绩效目标表) into a :class:`~analytics.core.model.Project`.

Three layouts are accepted (see README, "目标文件格式"):

1. A project folder: ``project.yaml`` (facts, funding, goals) + ``indicators.csv`` (one row per
   indicator, year columns ``actual_YYYY`` / ``target_YYYY``) + optional ``checks.yaml``.
2. The same as one Excel workbook: sheets ``indicators`` (or ``指标``), optional ``project``
   (``项目``: two columns key/value) and ``goals`` (``目标``).
3. A minimal flat CSV/XLSX: ``indicator_id,name,unit,kind,direction,year,target`` (one row per
   indicator and year), so any series can be checked from the command line.
"""

from __future__ import annotations

import io
import os
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import pandas as pd
import yaml

from analytics.core.paths import DEFAULT_PROJECT_DIR
from analytics.core.model import BASES, DIRECTIONS, KINDS, FundingSource, Goal, Indicator, Project
from analytics.core.values import ParsedTarget, ValueParseError, normalize_text, parse_target



_FLAT_COLUMNS = ("indicator_id", "name", "unit", "kind", "direction", "year", "target")
_TARGET_COL = re.compile(r"^target_(\d{4})$")
_ACTUAL_COL = re.compile(r"^actual_(\d{4})$")


@dataclass(frozen=True)
class TargetProblem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        where_zh = f"文件「{self.file}」" + (f"第 {self.row} 行" if self.row else "") + (
            f"「{self.column}」列" if self.column else ""
        )
        where_en = f"File '{self.file}'" + (f", row {self.row}" if self.row else "") + (
            f", column '{self.column}'" if self.column else ""
        )
        val_zh = f"的值「{self.value}」" if self.value not in (None, "") else ""
        val_en = f" value '{self.value}'" if self.value not in (None, "") else ""
        if lang == "en":
            return f"{where_en}{val_en}: {self.en}"
        return f"{where_zh}{val_zh}：{self.zh}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message_zh": self.message("zh"),
            "message_en": self.message("en"),
        }


class TargetFileError(ValueError):
    def __init__(self, problems: list[TargetProblem]) -> None:
        super().__init__("; ".join(p.message("en") for p in problems[:5]))
        self.problems = problems


def _s(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return str(value).strip()


def _read_csv_text(path: Path) -> pd.DataFrame:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise TargetFileError(
            [TargetProblem(path.name, None, None, None, "无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV。", "Unknown encoding: save as UTF-8 or GBK CSV.")]
        )
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def _read_sheet(path: Path, names: Iterable[str]) -> pd.DataFrame | None:
    xls = pd.ExcelFile(path)
    for name in names:
        if name in xls.sheet_names:
            return pd.read_excel(xls, sheet_name=name, dtype=str, keep_default_na=False)
    return None


def load_project(path: str | os.PathLike[str] | None = None) -> Project:
    """Load a target file or folder. Raises :class:`TargetFileError` with located problems."""
    p = Path(path) if path else DEFAULT_PROJECT_DIR
    if p.is_dir():
        return _load_folder(p)
    if not p.exists():
        raise TargetFileError([TargetProblem(str(p), None, None, None, "文件不存在，请检查路径。", "File not found: check the path.")])
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        sheet = _read_sheet(p, ("indicators", "指标"))
        if sheet is None:
            first = pd.read_excel(p, sheet_name=0, dtype=str, keep_default_na=False)
            return _from_table(first, p.name, meta={}, checks=[])
        meta_df = _read_sheet(p, ("project", "项目"))
        goals_df = _read_sheet(p, ("goals", "目标"))
        meta: dict[str, Any] = {}
        if meta_df is not None and meta_df.shape[1] >= 2:
            meta = {_s(k): _s(v) for k, v in zip(meta_df.iloc[:, 0], meta_df.iloc[:, 1]) if _s(k)}
        if goals_df is not None:
            meta["goals"] = goals_df.to_dict("records")
        return _from_table(sheet, p.name, meta=meta, checks=[])
    if suffix in (".csv", ".txt"):
        return _from_table(_read_csv_text(p), p.name, meta={}, checks=[])
    raise TargetFileError(
        [TargetProblem(p.name, None, None, None, "不支持的文件类型，请使用 CSV 或 XLSX。", "Unsupported file type: use CSV or XLSX.")]
    )


def _load_folder(folder: Path) -> Project:
    meta: dict[str, Any] = {}
    project_file = folder / "project.yaml"
    if project_file.exists():
        meta = yaml.safe_load(project_file.read_text(encoding="utf-8")) or {}
    checks: list[dict[str, Any]] = []
    checks_file = folder / "checks.yaml"
    if checks_file.exists():
        checks = (yaml.safe_load(checks_file.read_text(encoding="utf-8")) or {}).get("checks", [])
    indicators_file = folder / "indicators.csv"
    if not indicators_file.exists():
        xlsx = folder / "indicators.xlsx"
        if xlsx.exists():
            table = pd.read_excel(xlsx, dtype=str, keep_default_na=False)
            return _from_table(table, xlsx.name, meta, checks, source=str(folder))
        raise TargetFileError(
            [TargetProblem(str(folder), None, None, None, "目录中缺少 indicators.csv。", "indicators.csv is missing in the folder.")]
        )
    return _from_table(_read_csv_text(indicators_file), indicators_file.name, meta, checks, source=str(folder))


def _from_table(
    table: pd.DataFrame,
    filename: str,
    meta: dict[str, Any],
    checks: list[dict[str, Any]],
    source: str = "",
) -> Project:
    table = table.rename(columns=lambda c: normalize_text(c))
    cols = set(table.columns)
    if {"indicator_id", "year", "target"} <= cols:
        table = _flat_to_wide(table, filename)
        cols = set(table.columns)
    if "id" not in cols or "name" not in cols:
        missing = [c for c in ("id", "name") if c not in cols]
        raise TargetFileError(
            [
                TargetProblem(
                    filename, 1, None, None,
                    f"缺少必需的列：{'、'.join(missing)}。目标文件需要 id、name 和 target_年份 列（或扁平格式 indicator_id,name,unit,kind,direction,year,target）；已有列：{'、'.join(map(str, table.columns))}。",
                    f"Missing required columns: {', '.join(missing)}. A target file needs id, name and target_YYYY columns (or the flat layout indicator_id,name,unit,kind,direction,year,target); found: {', '.join(map(str, table.columns))}.",
                )
            ]
        )
    problems: list[TargetProblem] = []
    indicators: list[Indicator] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(table.to_dict("records")):
        line = i + 2
        ind = _indicator_from_row(row, line, filename, problems)
        if ind is None:
            continue
        if ind.id in seen:
            problems.append(
                TargetProblem(filename, line, "id", ind.id, f"指标编号重复（与第 {seen[ind.id]} 行相同），请保留一行。", f"Duplicate indicator id (same as row {seen[ind.id]}); keep one row.")
            )
            continue
        seen[ind.id] = line
        indicators.append(ind)
    if not indicators and not problems:
        problems.append(TargetProblem(filename, None, None, None, "文件中没有指标行。", "The file has no indicator rows."))
    if problems:
        raise TargetFileError(problems)
    return _project_from_meta(meta, tuple(indicators), tuple(checks), source or filename)


def _flat_to_wide(table: pd.DataFrame, filename: str) -> pd.DataFrame:
    problems: list[TargetProblem] = []
    for col in _FLAT_COLUMNS:
        if col not in table.columns and col not in ("unit", "kind", "direction", "name"):
            problems.append(TargetProblem(filename, 1, col, None, f"缺少必需的列「{col}」。", f"Missing required column '{col}'."))
    if problems:
        raise TargetFileError(problems)
    rows: dict[str, dict[str, Any]] = {}
    for i, rec in enumerate(table.to_dict("records")):
        iid = _s(rec.get("indicator_id"))
        year = _s(rec.get("year"))
        if not iid:
            problems.append(TargetProblem(filename, i + 2, "indicator_id", "", "指标编号为空。", "Empty indicator id."))
            continue
        if not re.fullmatch(r"\d{4}", year):
            problems.append(TargetProblem(filename, i + 2, "year", year, "年份应为四位数字，例如 2024。", "Year must be four digits, e.g. 2024."))
            continue
        row = rows.setdefault(
            iid,
            {
                "id": iid,
                "seq": len(rows) + 1,
                "name": _s(rec.get("name")) or iid,
                "unit": _s(rec.get("unit")),
                "kind": _s(rec.get("kind")) or "flow",
                "direction": _s(rec.get("direction")) or "higher",
                "_line": i + 2,
            },
        )
        key = f"target_{year}"
        if key in row:
            problems.append(TargetProblem(filename, i + 2, "year", year, f"指标「{iid}」的 {year} 年目标重复。", f"Duplicate {year} target for '{iid}'."))
        row[key] = _s(rec.get("target"))
    if problems:
        raise TargetFileError(problems)
    return pd.DataFrame(list(rows.values())).fillna("")


def _kind_direction_basis(row: dict[str, Any], line: int, filename: str, problems: list[TargetProblem]
                          ) -> tuple[str, str, str, bool]:
    """(kind, direction, default basis, all valid); blanks take the defaults flow / higher / the kind's basis."""
    kind = _s(row.get("kind")) or "flow"
    direction = _s(row.get("direction")) or "higher"
    basis_default = {"flow": "ytd", "stock": "level", "level": "level", "rate": "level", "milestone": "level"}
    ok = True
    if kind not in KINDS:
        problems.append(TargetProblem(filename, line, "kind", kind, f"指标类型应为 {'/'.join(KINDS)} 之一。", f"kind must be one of {'/'.join(KINDS)}."))
        ok = False
    if direction not in DIRECTIONS:
        problems.append(TargetProblem(filename, line, "direction", direction, "方向应为 higher（越高越好）或 lower（越低越好）。", "direction must be higher or lower."))
        ok = False
    basis = _s(row.get("default_basis")) or basis_default.get(kind, "level")
    if basis not in BASES:
        problems.append(TargetProblem(filename, line, "default_basis", basis, "口径应为 month、ytd 或 level。", "default_basis must be month, ytd or level."))
        ok = False
    return kind, direction, basis, ok


def _year_targets(row: dict[str, Any], direction: str, line: int, filename: str, problems: list[TargetProblem]
                  ) -> tuple[dict[int, ParsedTarget], dict[int, ParsedTarget], bool]:
    """(targets by year from ``target_YYYY``, baseline by year from ``actual_YYYY``, all readable)."""
    targets: dict[int, ParsedTarget] = {}
    baseline: dict[int, ParsedTarget] = {}
    ok = True
    for col, val in row.items():
        col = str(col)
        for pattern, store in ((_TARGET_COL, targets), (_ACTUAL_COL, baseline)):
            m = pattern.match(col)
            text = _s(val) if m else ""
            if not text:
                continue
            try:
                store[int(m.group(1))] = parse_target(text, direction)  # type: ignore[union-attr]
            except ValueParseError:
                if _s(row.get("kind")) == "qualitative":  # a 定性 target is kept as written (效果明显, 优良)
                    store[int(m.group(1))] = ParsedTarget(text, None, None)  # type: ignore[union-attr]
                    continue
                problems.append(
                    TargetProblem(filename, line, col, text, "无法识别的目标值。可写数字（12.4）、百分比（30%）、带“以上/以下”的门槛（90%以上）、是/否，或“—”表示无值。", "Unreadable target. Use a number (12.4), a percentage (30%), a threshold (90%以上), 是/否, or — for no value.")
                )
                ok = False
    return targets, baseline, ok


def _span(row: dict[str, Any], direction: str, line: int, filename: str, problems: list[TargetProblem]
          ) -> tuple[tuple[int, int] | None, ParsedTarget | None, bool]:
    """(years, target, readable) of a multi-year target (``span_years`` 2023-2024, ``target_span``)."""
    span_text = _s(row.get("span_years"))
    if not span_text:
        return None, None, True
    m = re.fullmatch(r"(\d{4})\s*[-~–至]\s*(\d{4})", span_text)
    if not m:
        problems.append(TargetProblem(filename, line, "span_years", span_text, "跨年度区间应写作 2023-2024。", "span_years must look like 2023-2024."))
        return None, None, False
    try:
        return (int(m.group(1)), int(m.group(2))), parse_target(_s(row.get("target_span")), direction), True
    except ValueParseError:
        problems.append(TargetProblem(filename, line, "target_span", _s(row.get("target_span")), "无法识别的跨年度目标值。", "Unreadable multi-year target."))
        return None, None, False


def _indicator_from_row(row: dict[str, Any], line: int, filename: str, problems: list[TargetProblem]) -> Indicator | None:
    """One row of ``indicators.csv`` as an :class:`Indicator`, or ``None`` with its problems
    recorded. A little over 60 lines: one field after the other, each checked where it is read,
    so a message names the field the row got wrong."""
    iid = _s(row.get("id"))
    if not iid:
        problems.append(TargetProblem(filename, line, "id", "", "指标编号为空，请填写（字母、数字、下划线）。", "Empty indicator id: fill it in (letters, digits, underscore)."))
        return None
    if not re.fullmatch(r"[A-Za-z0-9_\-.]+", iid):
        problems.append(TargetProblem(filename, line, "id", iid, "指标编号只能包含字母、数字、下划线、连字符和点。", "An indicator id may hold only letters, digits, _, - and ."))
        return None
    kind, direction, basis, ok = _kind_direction_basis(row, line, filename, problems)
    targets, baseline, targets_ok = _year_targets(row, direction, line, filename, problems)
    span_years, span_target, span_ok = _span(row, direction, line, filename, problems)
    ok = ok and targets_ok and span_ok

    def _num(name: str) -> float | None:
        text = _s(row.get(name))
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            problems.append(TargetProblem(filename, line, name, text, "应为数字。", "Must be a number."))
            return None

    max_value = _num("max_value")
    if max_value is None and kind == "rate":
        max_value = 100.0
    due = _num("due_month")
    points = _num("points")
    if points is not None and not (math.isfinite(points) and points >= 0):
        problems.append(TargetProblem(filename, line, "points", _s(row.get("points")), "分值应为不小于0的数。", "points must be a number of 0 or more."))
        ok = False
    goal_text = _s(row.get("goal")) or "0"
    try:
        goal = int(float(goal_text))
    except ValueError:
        problems.append(TargetProblem(filename, line, "goal", goal_text, "目标编号应为整数（0 表示服务全部目标）。", "goal must be an integer (0 = the project as a whole)."))
        ok = False
        goal = 0
    if not ok:
        return None
    seq_text = _s(row.get("seq"))
    name = _s(row.get("name"))
    return Indicator(
        id=iid,
        seq=int(float(seq_text)) if re.fullmatch(r"\d+(\.0)?", seq_text) else line - 1,
        origin=_s(row.get("origin")) or "table",
        level1=_s(row.get("level1")),
        level2=_s(row.get("level2")),
        name=normalize_text(name) if name else iid,
        name_raw=_s(row.get("name_raw")) or name or iid,
        name_en=_s(row.get("name_en")),
        unit=_s(row.get("unit")),
        kind=kind,
        direction=direction,
        goal=goal,
        default_basis=basis,
        max_value=max_value,
        due_month=int(due) if due else (12 if kind == "milestone" else None),
        derived_from=_s(row.get("derived_from")) or None,
        spend_driven=_s(row.get("spend_driven")).lower() in ("yes", "true", "1", "是"),
        baseline=baseline,
        targets=targets,
        span_years=span_years,
        span_target=span_target,
        mapping_note=_s(row.get("mapping_note")),
        points=points,
    )


def _project_from_meta(meta: dict[str, Any], indicators: tuple[Indicator, ...], checks: tuple[dict[str, Any], ...], source: str) -> Project:
    funding = meta.get("funding") or {}
    sources = tuple(
        FundingSource(str(s["key"]), str(s.get("name", s["key"])), str(s.get("name_en", s["key"])), float(s.get("amount", 0) or 0))
        for s in funding.get("sources", []) or []
    )
    if not sources and meta.get("funding_total"):
        sources = ()
    goals_raw = meta.get("goals") or []
    goals = tuple(
        Goal(
            id=int(float(g.get("id"))),
            name=_s(g.get("name")),
            name_en=_s(g.get("name_en")),
            text_span=_s(g.get("text_span")),
            text_2023=_s(g.get("text_2023")),
        )
        for g in goals_raw
        if _s(g.get("id"))
    )
    goal_ids = {g.id for g in goals}
    missing_goals = sorted({i.goal for i in indicators if i.goal and i.goal not in goal_ids})
    goals = goals + tuple(Goal(id=gid, name=f"目标{gid}", name_en=f"Goal {gid}") for gid in missing_goals)
    years = meta.get("years")
    if not years:
        years = sorted({y for ind in indicators for y in ind.targets})
    exec_targets = {int(k): float(v) for k, v in (funding.get("execution_targets") or {}).items()}
    start = funding.get("execution_start")
    exec_start = None
    if start:
        y, m = str(start).split("-")[:2]
        exec_start = (int(y), int(m))
    elif years:  # none said (a table stating no funding): the project's money is spent from its first January, as new-project writes it
        exec_start = (int(min(int(y) for y in years)), 1)
    total = funding.get("total", meta.get("funding_total"))
    return Project(
        id=_s(meta.get("id")) or "project",
        name=_s(meta.get("name")) or "未命名项目",
        name_en=_s(meta.get("name_en")) or _s(meta.get("name")) or "Untitled project",
        years=tuple(int(y) for y in years),
        baseline_year=int(meta["baseline_year"]) if meta.get("baseline_year") else None,
        departments={str(k): _s(v) for k, v in (meta.get("departments") or {}).items()},
        funding_total=float(total) if total not in (None, "") else None,
        funding_sources=sources,
        execution_targets=exec_targets,
        execution_indicator=_s(funding.get("execution_indicator")) or None,
        execution_start=exec_start,
        overall_goal=_s(meta.get("overall_goal")),
        goals=goals,
        indicators=indicators,
        checks=checks,
        source=source,
    )
