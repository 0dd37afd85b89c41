"""What ``parse-table`` read, written in the folder format of a target file (README, "目标文件格式"):
``project.yaml`` + ``indicators.csv`` (+ ``actuals.csv`` when a 自评表 holds actual values, and
``spending.csv`` when it states what was spent), so that ``--targets DIR`` and
:func:`analytics.ingest.targets.load_project` load it. A form marked as invented (【示例数据】,
``source.sample_data``) gives ``sample_actuals.csv`` and ``sample_budget.csv`` instead: the folder's
示例数据, loaded and labelled as such when no data file is given, as the shipped project's.

The reading is the JSON payload of :meth:`TableReading.to_json` (possibly corrected by a person:
the 新建项目 page edits unit, kind, direction and target text in it). A target is written as it
was in the table whenever the target-file parser reads it the same way; otherwise (units the
parser does not strip such as ``≥80M``, ``=300天``, a deadline ``2023.07-2024.01``) a canonical form
(``≥80``, ``300``, ``是``) is written and the text as written is kept in ``mapping_note``. Every such
rewrite, and every value that could not be carried over, is listed in :attr:`FolderFiles.notes`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from analytics.core.model import funding_gap
from analytics.core.values import COMPARATOR_SYMBOLS, ValueParseError, normalize_text, number_text, parse_target, written_unit
from analytics.ingest.forms import actual_row, checkin_fits, long_actuals_csv, long_spending_csv, project_years, spending_period, spent_by_source
from analytics.ingest.tables.titles import title_name
from analytics.storage.connection import SAMPLE_ORIGIN
from analytics.storage.seeding import SAMPLE_ACTUALS, SAMPLE_BUDGET

__all__ = ["DATA_FILES", "SAMPLE_FILES", "FolderFiles", "NoYearError", "SavedProject", "default_name", "folder_files", "name_source", "is_sample",
           "project_id_for", "project_years", "save_to_store", "write_folder"]

_ID_RE = re.compile(r"[^A-Za-z0-9_\-]+")
_YEAR_RE = re.compile(r"^\d{4}$")
_BASE_COLUMNS = ("id", "seq", "origin", "level1", "level2", "name_raw", "name", "name_en", "unit", "kind",
                 "direction", "goal", "default_basis", "max_value", "due_month")
_TAIL_COLUMNS = ("span_years", "target_span", "points", "mapping_note")
_FIELD_WORDS = {"name": "名称", "unit": "单位", "kind": "类型", "direction": "方向", "target": "目标"}  # inferred fields named in mapping_note


class NoYearError(ValueError):
    """The reading names no target year (neither the title nor a column header has one, and none
    was given): a project without years cannot be judged, so it is not written."""

    code = "no_year"


@dataclass
class FolderFiles:
    """The text of each file of the folder, and what had to be rewritten or left out."""

    project_id: str
    files: dict[str, str]
    notes: list[dict[str, Any]] = field(default_factory=list)


def project_id_for(name: str) -> str:
    """A stable id for a project name: its ASCII letters and digits, else ``p_`` + a short hash."""
    ascii_part = _ID_RE.sub("_", name).strip("_").lower()
    if len(ascii_part) >= 3 and re.search(r"[a-z]", ascii_part):
        return ascii_part[:40]
    return "p_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def _cell_text(t: Mapping[str, Any], kind: str, direction: str, unit: str) -> tuple[str, str | None]:
    """(text for ``target_YYYY``, why it differs from the table's text or None)."""
    raw = str(t.get("raw") or "").strip()
    if t.get("no_value"):
        return "—", None
    if kind == "qualitative" or t.get("qualitative"):
        return raw, None
    comparator, value = t.get("comparator"), t.get("value")
    if comparator == "between" and t.get("low") is not None and t.get("high") is not None:
        # a range (80-90, ≥95%，≤100%) is tracked by the bound the direction makes the bar: reaching
        # 80 is meeting 80-90 when higher is better (90 a ceiling), staying under 90 when lower is
        comparator, value = ("<=", t["high"]) if direction == "lower" else (">=", t["low"])
        return _with_unit(COMPARATOR_SYMBOLS[comparator] + number_text(float(value)), unit, comparator, value,
                          direction), "range"
    if value is None:
        return "", "unreadable"
    try:
        parsed = parse_target(raw, direction)
        if parsed.comparator == comparator and parsed.value == value and parsed.is_bool == bool(t.get("is_bool")) \
                and written_unit(raw) in ("", unit):  # ≥48次 kept as written; ≥100百分比 for % rewritten ≥100%
            return raw, None
    except ValueParseError:
        pass
    if kind == "milestone" or t.get("is_bool"):
        return ("是" if value else "否"), "rewritten"
    if comparator == "=":
        return number_text(float(value)), "exact"
    text = COMPARATOR_SYMBOLS.get(str(comparator), "≥") + number_text(float(value))
    return _with_unit(text, unit, comparator, value, direction), "rewritten"


def _with_unit(text: str, unit: str, comparator: Any, value: Any, direction: str) -> str:
    """``text`` followed by the indicator's unit (``≥100%`` rather than ``≥100`` for ``≥100百分比``) when the
    target file reads it back as the same target; else ``text``."""
    if not unit:
        return text
    try:
        parsed = parse_target(text + unit, direction)
    except ValueParseError:
        return text
    return text + unit if (parsed.comparator, parsed.value) == (comparator, value) else text


def _due_month(ind: Mapping[str, Any]) -> str:
    for year, t in sorted((ind.get("targets") or {}).items()):
        due = str(t.get("due") or "")
        m = re.fullmatch(r"(\d{4})-(\d{1,2})", due)
        if m:
            return m.group(2).lstrip("0") if m.group(1) == year else "12"
    return ""


def _row(ind: Mapping[str, Any], notes: list[dict[str, str]]) -> dict[str, str]:
    """One ``indicators.csv`` row of a read indicator; rewrites and losses go to ``notes``."""
    kind, direction = str(ind.get("kind") or "flow"), str(ind.get("direction") or "higher")
    iid = str(ind["id"])
    row = {"id": iid, "seq": str(ind.get("seq") or ""), "origin": str(ind.get("origin") or "table"),
           "level1": ind.get("level1") or "", "level2": ind.get("level2") or "", "name_raw": ind.get("name_raw") or "",
           "name": ind.get("name") or "", "name_en": ind.get("name_en") or "", "unit": ind.get("unit") or "",
           "kind": kind, "direction": direction, "goal": str(ind.get("goal") or 0), "default_basis": "",
           "max_value": "", "due_month": _due_month(ind) if kind == "milestone" else ""}
    remarks = [f"{_FIELD_WORDS[k]}：{v.get('reason')}" for k, v in (ind.get("inferred") or {}).items()
               if k in _FIELD_WORDS and v.get("reason")]
    for section, prefix in (("baseline", "actual"), ("targets", "target")):
        for year, t in sorted((ind.get(section) or {}).items()):
            if not _YEAR_RE.match(str(year)):
                notes.append({"id": iid, "column": f"{prefix}_?", "raw": str(t.get("raw", "")), "code": "no_year"})
                continue
            value, why = _cell_text(t, kind, direction, row["unit"])
            if why:
                notes.append({"id": iid, "column": f"{prefix}_{year}", "raw": str(t.get("raw", "")), "code": why})
                remarks.append(f"{year}年原文：{t.get('raw', '')}")
            if value:
                row[f"{prefix}_{year}"] = value
    span = ind.get("span")
    if span and span.get("years"):
        years = span["years"]
        text, why = _cell_text(span, kind, direction, row["unit"])
        if text and not why:
            row["span_years"], row["target_span"] = f"{years[0]}-{years[-1]}", text
        else:
            notes.append({"id": iid, "column": "target_span", "raw": str(span.get("raw", "")), "code": why or "unreadable"})
    if ind.get("points") is not None:
        row["points"] = number_text(float(ind["points"]))
    row["mapping_note"] = "；".join(remarks)
    return row


def _indicators_csv(rows: list[dict[str, str]]) -> str:
    years = sorted({c for r in rows for c in r if c.startswith(("actual_", "target_"))},
                   key=lambda c: (c.split("_")[1], c.startswith("target_")))
    columns = list(_BASE_COLUMNS) + years + list(_TAIL_COLUMNS)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: r.get(c, "") for c in columns})
    return buf.getvalue()


def _actuals_csv(indicators: list[Mapping[str, Any]], notes: list[dict[str, str]]) -> str | None:
    """The actual values of a 自评表 as a long actuals file (one row per indicator and year, at December,
    or at the month a 监控表's column covers: 1-7月执行情况 → July); a check-in (达成预期指标) only for a
    qualitative indicator (one set to another kind at review has it to fill in)."""
    out: list[list[str]] = []
    for ind in indicators:
        for year, a in sorted((ind.get("actuals") or {}).items()):
            if not _YEAR_RE.match(str(year)) or a.get("value") is None or not checkin_fits(a, ind.get("kind")):
                notes.append({"id": str(ind["id"]), "column": f"actuals_{year}", "raw": str(a.get("raw", "")),
                              "code": "no_year" if not _YEAR_RE.match(str(year)) else "unreadable"})
                continue
            out.append(actual_row(str(ind["id"]), year, a, ind.get("kind"), str(a.get("raw", ""))))
    return long_actuals_csv(out) if out else None


def _sources(project: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The funding sources of project.yaml, each under its own key (its name's, lexicon
    ``facts.source_keys``; two of one key told apart: ``county``, ``county_2``); a form that states
    its spending but no source gets one source, the whole budget (``all``, 全部资金), so the
    spending has a source to be kept under."""
    from analytics.ingest.tables.facts import keyed_sources
    from analytics.ingest.tables.lexicon import load_lexicon

    lex = load_lexicon()
    funding = project.get("funding") or {}
    raw = list(funding.get("sources") or [])
    if not raw and funding.get("spent") and funding.get("total") is not None:
        raw = [{"key": "all", "name": "全部资金", "amount": funding["total"]}]
    named = lex.facts.get("source_names_en") or {}
    phrases = lex.facts.get("source_phrases_en") or {}  # 财政拨款 → Fiscal appropriation, not its key's Local funds
    out: list[dict[str, Any]] = []
    for s in keyed_sources([dict(s) for s in raw], lex):
        base = re.sub(r"_\d+$", "", s["key"])
        own = phrases.get(re.sub(r"^其中[:：]?", "", str(s.get("name") or "").strip()))
        out.append({"key": s["key"], "name": str(s.get("name") or s["key"]),
                    "name_en": str(s.get("name_en") or own or named.get(base) or base or s.get("name")),
                    "amount": float(s.get("amount") or 0)})
    return out


def _spending_csv(project: Mapping[str, Any], indicators: list[Mapping[str, Any]], notes: list[dict[str, str]]) -> str | None:
    """What a 自评表 says was spent (its 全年执行数), as the spending of its year to date at the
    month of its actual values, by source (:func:`analytics.ingest.forms.spent_by_source`); a total
    no source can take is left out, with a note."""
    spent = (project.get("funding") or {}).get("spent") or {}
    period = spending_period(project, indicators)
    if period is None:
        return None
    sources = _sources(project)
    amounts = spent_by_source(spent, sources)
    if amounts is None:
        notes.append({"id": "", "column": "spending", "raw": f"{spent.get('label') or '执行数'} {number_text(float(spent['amount']))}",
                      "code": "spending_unsplit"})
        return None
    return long_spending_csv(period, amounts, str(spent.get("label") or "执行数"))


def _project_yaml(project: Mapping[str, Any], project_id: str, indicators: list[Mapping[str, Any]]) -> str:
    years = project_years({"project": project, "indicators": indicators})
    meta: dict[str, Any] = {"id": project_id, "name": project.get("name") or project_id, "years": years}
    if project.get("name_en"):
        meta["name_en"] = project["name_en"]
    if project.get("baseline_year"):
        meta["baseline_year"] = int(project["baseline_year"])
    if project.get("departments"):
        meta["departments"] = {str(k): str(v) for k, v in project["departments"].items()}
    funding = project.get("funding") or {}
    if funding.get("total") is not None or funding.get("sources"):
        meta["funding"] = {"total": funding.get("total"), "unit": funding.get("unit") or "万元", "sources": _sources(project)}
        if years:  # the budget is to be spent by the end of the project (财政: 100% executed), from its first January
            meta["funding"]["execution_targets"] = {int(years[-1]): 100}
            meta["funding"]["execution_start"] = f"{int(years[0])}-01"
            linked = execution_indicator(indicators, years)
            if linked is not None:
                meta["funding"]["execution_indicator"], meta["funding"]["execution_targets"] = linked
    if project.get("overall_goal"):
        meta["overall_goal"] = str(project["overall_goal"])
    if project.get("goals"):
        meta["goal_texts"] = [{"label": str(g.get("label", "")), "text": str(g.get("text", ""))} for g in project["goals"]]
    head = "# Read from a target table by parse-table; format: README.md, \"目标文件格式 / Target file format\".\n"
    return head + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)


def execution_indicator(indicators: list[Mapping[str, Any]], years: list[int]) -> tuple[str, dict[int, float]] | None:
    """(id, execution targets by year) of the indicator that is the project's budget execution
    (lexicon ``execution_rate``: 项目预算执行率 in %), computed from the spending once linked; None
    when there is none, or two, or its targets are no shares of the whole budget (a table of
    several years whose targets do not rise to the end: each year's own execution, 90% and 90%)."""
    from analytics.ingest.tables.lexicon import load_lexicon

    pattern = load_lexicon().execution_rate
    found = [i for i in indicators if pattern is not None and pattern.search(normalize_text(str(i.get("name") or "")))
             and str(i.get("unit") or "") == "%" and i.get("kind") == "rate"]
    if len(found) != 1:
        return None
    targets = {int(y): float(t["value"]) for y, t in (found[0].get("targets") or {}).items()
               if _YEAR_RE.match(str(y)) and t.get("value") is not None and t.get("comparator") in (">=", ">", "=")}
    values = [targets[y] for y in sorted(targets)]
    if not targets or set(targets) - set(years) or any(v <= 0 or v > 100 for v in values):
        return None
    if len(values) > 1 and not (all(a < b for a, b in zip(values, values[1:])) and values[-1] >= 95):
        return None
    return str(found[0]["id"]), targets


def default_name(reading: Mapping[str, Any], filename: str = "") -> str:
    """The name a project read from a table gets unless one is given: the table's (its 项目名称, else
    its title's), else the project a file named as a title names (``2024年培训项目绩效目标表.xlsx`` →
    培训项目), else the name of its file without the extension (``filename``, else the one the
    reading names), else 未命名项目."""
    named = str((reading.get("project") or {}).get("name") or "").strip()
    if named:
        return named
    stem = _file_stem(reading, filename)
    return title_name(stem) or stem or "未命名项目"


def _file_stem(reading: Mapping[str, Any], filename: str) -> str:
    """The name of the table's file without its extension (``filename``, else the one the reading names)."""
    file = Path(filename or str((reading.get("source") or {}).get("file") or "")).name
    return (file.rsplit(".", 1)[0] if "." in file else file).strip()


def name_source(reading: Mapping[str, Any], filename: str = "") -> str:
    """Where :func:`default_name` found the name: ``table`` (a 项目名称 cell or label), ``title``
    (the table's title), ``file_title`` (a file named as a title), ``file`` (the file's name) or
    ``none`` (未命名项目) — said beside the name for the review."""
    if str((reading.get("project") or {}).get("name") or "").strip():
        return "title" if (reading.get("source") or {}).get("name_from") == "title" else "table"
    stem = _file_stem(reading, filename)
    return "file_title" if title_name(stem) else "file" if stem else "none"


def folder_files(reading: Mapping[str, Any], project_id: str | None = None) -> FolderFiles:
    """The folder-format files of a reading (the payload of ``parse-table``)."""
    project = dict(reading.get("project") or {})
    project["name"] = default_name(reading)
    pid = project_id or str(project.get("id") or "") or project_id_for(str(project.get("name") or "project"))
    indicators = list(reading.get("indicators") or [])
    if not project_years(reading):
        raise NoYearError(pid)
    notes: list[dict[str, Any]] = []
    rows = [_row(ind, notes) for ind in indicators]
    funding = project.get("funding") or {}
    listed = [{"name": s["name"], "amount": s["amount"]} for s in _sources(project)] if funding.get("sources") else []
    gap = funding_gap(funding.get("total"), [s["amount"] for s in listed])
    if gap is not None:  # the total stays the budget; said, so a source left out is seen
        notes.append({"id": "", "column": "funding", "raw": number_text(float(funding["total"])), "code": "funding_unallocated",
                      "funding": {"total": float(funding["total"]), "sources": listed, "unallocated": gap}})
    files = {"project.yaml": _project_yaml(project, pid, indicators), "indicators.csv": _indicators_csv(rows)}
    names = SAMPLE_FILES if is_sample(reading) else DATA_FILES
    projected = bool((reading.get("source") or {}).get("projected_actuals"))
    actuals = _actuals_csv(indicators, notes)
    spending = _spending_csv(project, indicators, notes)
    if projected and (actuals or spending):  # estimates of the year's end, never figures reached
        notes.append({"id": "", "column": "projected_actuals", "raw": "", "code": "projected_actuals"})
        actuals = spending = None
    if actuals:
        files[names["actuals"]] = actuals
    if spending:
        files[names["budget"]] = spending
    if is_sample(reading) and (actuals or spending):
        notes.append({"id": "", "column": "sample_data", "raw": "", "code": "sample_data"})
    return FolderFiles(pid, files, notes)


#: The data files of a reading, by kind: the user's own, or (a form marked 【示例数据】) the folder's sample.
DATA_FILES = {"actuals": "actuals.csv", "budget": "spending.csv"}
SAMPLE_FILES = {"actuals": SAMPLE_ACTUALS.name, "budget": SAMPLE_BUDGET.name}  # the names the shipped project's sample has


def is_sample(reading: Mapping[str, Any]) -> bool:
    """Whether the form read marks its figures as invented (【示例数据】: ``source.sample_data``)."""
    return bool((reading.get("source") or {}).get("sample_data"))


def write_folder(reading: Mapping[str, Any], out_dir: str | Path, project_id: str | None = None) -> FolderFiles:
    """Write :func:`folder_files` into ``out_dir`` (created when missing; files of the same names replaced)."""
    result = folder_files(reading, project_id)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, body in result.files.items():
        (out / name).write_text(body, encoding="utf-8")
    return result


@dataclass
class SavedProject:
    """What :func:`save_to_store` did: the files written, the project's batch, the import of a
    自评表's actual values (``None`` when the table holds none) and its validation report, and
    the same for the spending it states."""

    files: FolderFiles
    batch_id: str | None
    imported: Any = None
    import_result: Any = None
    spending: Any = None  # the import of what the form says was spent (its 全年执行数), if any
    spending_result: Any = None

    def spent(self) -> tuple[str, float] | None:
        """(period, 万元) of the spending imported from the form, None when none was."""
        body = self.files.files.get(DATA_FILES["budget"]) or self.files.files.get(SAMPLE_FILES["budget"])
        if self.spending is None or not body:
            return None
        rows = list(csv.DictReader(io.StringIO(body)))
        return (rows[0]["period"], round(sum(float(r["amount"]) for r in rows), 6)) if rows else None




def save_to_store(store: Any, reading: Mapping[str, Any], project_id: str | None = None, who: str = "system",
                  filename: str = "") -> SavedProject:
    """Add what was read as a new project of ``store`` (a :class:`~analytics.storage.store.Store`):
    its target files kept in the store; the actual values of a 自评表 and the spending it states
    imported into it as further batches (when they pass the import checks) — as 示例数据 when the
    form is marked so (labelled on every page, removed by the first real import)."""
    files = folder_files(reading, project_id)
    names = SAMPLE_FILES if is_sample(reading) else DATA_FILES
    targets = {n: body.encode("utf-8") for n, body in files.files.items() if n not in names.values()}
    summary = store.add_project(files.project_id, default_name(reading), targets, who, filename)
    saved = SavedProject(files, summary.batch_id)
    scoped = store.with_project(files.project_id)
    for kind, data_file in names.items():
        body = files.files.get(data_file)
        if not body:
            continue
        result, left = _checked_part(scoped, body, data_file, kind)
        files.notes.extend(_left_note(p, kind, filename or data_file, imported=result.ok) for p in left)
        files.notes.extend(_left_note(p, kind, filename or data_file, imported=True, remark="checked")
                           for p in (result.warnings if result.ok else ()))
        if kind == "actuals":
            saved.import_result = result
        else:
            saved.spending_result = result
        if result.ok:
            imported = scoped.apply_import(result, filename or data_file, who, keep_sample=True,
                                           origin=SAMPLE_ORIGIN if is_sample(reading) else "import")
            if kind == "actuals":
                saved.imported = imported
            else:
                saved.spending = imported
    return saved


def _checked_part(scoped: Any, body: str, data_file: str, kind: str) -> tuple[Any, list[Any]]:
    """(the import check of the form's ``body``, the errors of the rows left out of it): a row the
    check refuses (a negative deviation where none may be negative, a check-in of the wrong kind) is
    left out and said, and the rest is imported — one value never costs the form all its others.
    When an error is not a row's, nothing is imported and every error is said."""
    result = scoped.validate_file(body.encode("utf-8"), filename=data_file, kind=kind)
    if result.ok:
        return result, []
    bad = {p.row for p in result.errors}
    records = list(csv.reader(io.StringIO(body)))
    if None in bad or not bad <= set(range(2, len(records) + 1)) or len(bad) >= len(records) - 1:
        return result, result.errors
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(r for k, r in enumerate(records, start=1) if k not in bad)
    rest = scoped.validate_file(buf.getvalue().encode("utf-8"), filename=data_file, kind=kind)
    return (rest, result.errors) if rest.ok else (result, result.errors)


def _left_note(problem: Any, kind: str, filename: str, imported: bool, remark: str | None = None) -> dict[str, Any]:
    """A note saying a value of the form was not imported (or was, with a ``remark``: checked),
    and why: the check's own problem, located in the form rather than in the file written from it."""
    params = {**problem.params, "file": filename, "value": problem.value}
    return {"id": str(problem.params.get("indicator") or ""), "column": kind, "raw": str(problem.value or ""),
            "code": remark or f"{'left_out' if imported else 'not_imported'}_{'actuals' if kind == 'actuals' else 'spending'}",
            "problem": {"code": problem.code, "params": params}}
