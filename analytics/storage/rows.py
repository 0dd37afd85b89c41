"""Row helpers shared by the store's modules: keys, the JSON form of a row (audit trail), data
frames in the validator's shape, names and cause categories, cell checks and labels."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import pandas as pd

from analytics.storage.errors import CellKey, StoreError
from analytics.storage.schema import Spec

if TYPE_CHECKING:  # pragma: no cover
    from analytics.core.model import Project
    from analytics.ingest.problems import IngestResult

__all__ = ["CAUSE_CATEGORIES", "CellKey", "actual_key", "cause_key", "cell_label", "spending_key"]

#: Deviation-cause categories of the self-evaluation forms: key → (中文, English).
CAUSE_CATEGORIES: dict[str, tuple[str, str]] = {
    "funding": ("经费保障", "Funding"),
    "institution": ("制度保障", "Rules and institutions"),
    "staff": ("人员保障", "Staffing"),
    "hardware": ("硬件条件保障", "Facilities and equipment"),
    "other": ("其他", "Other"),
}


def actual_key(indicator_id: str, year: int, month: int, basis: str) -> CellKey:
    return ("actuals", str(indicator_id), int(year), int(month), str(basis))


def spending_key(year: int, month: int, source: str) -> CellKey:
    return ("spending", int(year), int(month), str(source))


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def to_json(obj: Any) -> str:
    return _ENCODER.encode(obj)


def row_json(spec: Spec, row: Mapping[str, Any] | None) -> str | None:
    if row is None:
        return None
    out = {c: row.get(c) for c in spec.cols}
    if spec.name == "target_files":
        for c, v in out.items():
            if isinstance(v, (bytes, bytearray, memoryview)):
                out[c] = {"b64": base64.b64encode(bytes(v)).decode("ascii")}
    return to_json(out)


def row_from_json(spec: Spec, text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    raw = json.loads(text)
    out = {}
    for c in spec.cols:
        v = raw.get(c)
        if isinstance(v, dict) and "b64" in v:
            v = base64.b64decode(v["b64"])
        out[c] = v
    return out


def key_of(spec: Spec, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[k] for k in spec.key)


def key_dict(spec: Spec, key: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(spec.key, key))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def period_text(year: int, month: int, first_month: int) -> str:
    if first_month != month:
        return f"{year}年{first_month}-{month}月"
    return f"{year:04d}-{month:02d}"


#: The ingest gate's problem (not a store error) for spending with no source, refused for a project
#: whose target table lists no funding sources (its spending is kept under the standard three).
UNSPLIT_UNLISTED = "spending_unsplit_unlisted"


def source_keys(project: "Project") -> tuple[str, ...]:
    return project.budget_source_keys


def source_names(project: "Project") -> dict[str, str]:
    """Each funding source's key → the project's name of it (中央补助): a file may head a column, or
    fill its 资金来源 column, with either."""
    return {s.key: s.name for s in project.budget_sources}


def as_project_sees(result: "IngestResult", project: "Project", filename: str = "") -> "IngestResult":
    """A data file's result as the project sees it: spending dated before its funds start being
    spent said (:func:`analytics.ingest.checks.before_start`), and each message about a funding
    source carrying the project's English name of it too (``source_name_en``: 财政拨款 → Fiscal
    appropriation, not its key's standard Local funds), and spending with no source refused for a
    project whose table lists no sources said so (``spending_unsplit_unlisted``), never as a
    project of several sources."""
    from analytics.ingest.checks import before_start

    result = before_start(result, project.execution_start, filename)
    if not project.table_funded:  # the sources are the standard ones spending is kept under, not the project's own several
        result.problems[:] = [replace(p, code=UNSPLIT_UNLISTED) if p.code == "spending_unsplit" else p for p in result.problems]
    english = {s.key: s.name_en for s in project.budget_sources if s.name_en}
    for problem in result.problems:
        key = str(problem.params.get("source"))
        if key in english:
            problem.params.setdefault("source_name_en", english[key])
    return result


def source_budgets(project: "Project") -> dict[str, float]:
    """Each funding source's key → its whole budget (万元) as the target table states it (none when
    it states none): no amount of spending can pass it unless written in 元."""
    return {s.key: float(s.amount) for s in project.budget_sources if s.amount and s.amount > 0}


def blank_text(v: Any) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def _col(df: pd.DataFrame, name: str, default: Any = "") -> list[Any]:
    return df[name].tolist() if name in df.columns else [default] * len(df)


def actual_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {"indicator_id": str(i), "year": int(y), "month": int(m), "first_month": int(f), "value": float(v),
         "basis": str(b), "note": blank_text(n), "source": blank_text(s)}
        for i, y, m, f, v, b, n, s in zip(_col(df, "indicator_id"), _col(df, "year"), _col(df, "month"),
                                          _col(df, "first_month"), _col(df, "value"), _col(df, "basis"),
                                          _col(df, "note"), _col(df, "source"))
    ]


def spending_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {"year": int(y), "month": int(m), "first_month": int(f), "source": str(s), "amount": float(a), "note": blank_text(n)}
        for y, m, f, s, a, n in zip(_col(df, "year"), _col(df, "month"), _col(df, "first_month"), _col(df, "source"),
                                    _col(df, "amount"), _col(df, "note"))
    ]


_DTYPES = {"indicator_id": "str", "year": "int64", "month": "int64", "first_month": "int64", "value": "float64",
           "basis": "str", "note": "str", "source": "str", "amount": "float64", "origin": "str", "batch_id": "object",
           "version": "int64", "updated_at": "str", "updated_by": "str"}


def frame(rows: Sequence[Sequence[Any]], cols: Sequence[str]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=list(cols))
    return df.astype({c: _DTYPES.get(c, "object") for c in cols})


def dict_rows(con: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = con.execute(sql, tuple(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def clip(text: Any, limit: int = 32000) -> Any:
    if isinstance(text, str) and len(text) > limit:
        return text[:limit] + "…（已截断，完整内容见备份文件 / truncated, see the backup）"
    return text


def clean_name(name: str) -> str:
    text = " ".join(str(name or "").split())
    if not text:
        raise StoreError("名称不能为空。", "The name cannot be blank.")
    if len(text) > 100:
        raise StoreError("名称最多 100 个字符。", "The name can be at most 100 characters.")
    return text


def scenario_json(doc: Mapping[str, Any]) -> str:
    if not isinstance(doc, Mapping):
        raise StoreError("情景必须是一个 JSON 对象。", "A scenario must be a JSON object.")
    try:
        return json.dumps(doc, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"情景无法保存为 JSON（{exc}）。", f"The scenario cannot be stored as JSON ({exc}).") from None


def cause_key(value: str) -> str:
    """A cause category as its key: accepts the key, the Chinese or the English label."""
    text = " ".join(str(value or "").split())
    for key, (zh, en) in CAUSE_CATEGORIES.items():
        if text in (key, zh, en) or text.lower() in (key, en.lower()):
            return key
    raise StoreError(f"偏差原因类别「{text}」无法识别，应为：{'、'.join(v[0] for v in CAUSE_CATEGORIES.values())}。",
                     f"Unknown cause category {text!r}; use one of: {', '.join(CAUSE_CATEGORIES)}.")


def check_cell(key: CellKey, value: Any, catalogue: Mapping[str, Mapping[str, Any]], sources: set[str]) -> None:
    bad = StoreError(f"无效的单元格：{key}", f"Invalid cell: {key}")
    if not isinstance(key, tuple) or not key or key[0] not in ("actuals", "spending"):
        raise bad
    if key[0] == "actuals":
        if len(key) != 5 or key[1] not in catalogue or key[4] not in ("month", "ytd", "level"):
            raise bad
        _, _, year, month, _ = key
    else:
        if len(key) != 4 or key[3] not in sources:
            raise bad
        _, year, month, _ = key
    if not (isinstance(year, int) and 1900 <= year <= 2200 and isinstance(month, int) and 1 <= month <= 12):
        raise bad
    if value is not None:
        v = float(value)
        if not math.isfinite(v) or v < 0:
            raise StoreError(f"单元格 {key} 的值 {value} 无效（须为非负数）。", f"Cell {key}: {value} is not a non-negative number.")


def cell_label(project: "Project", key: CellKey) -> tuple[str, str]:
    """A cell as people name it: "城镇新增就业人员规模 2024年3月（累计）" / "… 2024-03 (ytd)"."""
    basis_zh = {"month": "当月", "ytd": "累计", "level": "期末"}
    if key[0] == "actuals":
        _, iid, year, month, basis = key
        try:
            ind = project.indicator(iid)
            zh, en = ind.name, ind.display_name("en")
        except KeyError:
            zh = en = str(iid)
        return f"{zh} {year}年{month}月（{basis_zh.get(basis, basis)}）", f"{en} {year}-{month:02d} ({basis})"
    _, year, month, source = key
    names = {s.key: (s.name, s.name_en or s.key) for s in project.budget_sources}
    zh, en = names.get(source, (source, source))
    return f"支出 {zh} {year}年{month}月", f"Spending {en} {year}-{month:02d}"

