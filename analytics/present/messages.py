"""Sentences for the ingest gate's problems (Chinese by default, English available).

A :class:`~analytics.ingest.problems.Problem` carries a code, where it is and parameters; this
module renders it at the edge (:func:`render_problem`, :func:`problem_dict`, :func:`result_json`,
:func:`result_report`). The templates are in the one catalogue, ``analytics/present/strings/ingest.py``
(keys ``"ingest.<code>"``). :func:`render` prepares the derived placeholders so that each message
names the file, the sheet (for Excel), the row and column (when known) and the offending value,
and says how to fix the problem:

``{loc}``        "文件「a.csv」第 7 行「数值」列" / 'File "a.csv", row 7, column "数值"'
``{loc_file}``   the file (and sheet) only
``{loc_rows}``   the file (and sheet) and every row in ``rows`` ("第 3、7 行")
``{value}``      the value as written, "（空）"/"(blank)" when empty

List parameters are joined ("、" / ", "); basis, source, field and period keys are
translated. Pure functions, no I/O, no Streamlit.
"""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING, Any, Mapping

from analytics.core.model import STANDARD_SOURCES
from analytics.present import catalogue
from analytics.present.format import fmt_month_set

if TYPE_CHECKING:  # pragma: no cover - types only
    from analytics.ingest.problems import IngestResult, Problem

__all__ = ["CODES", "LANGS", "render", "render_problem", "problem_dict", "result_json", "result_report",
           "missing_fields", "period_label", "basis_label", "field_label"]

LANGS = ("zh", "en")

CODES: tuple[str, ...] = tuple(sorted(k[len("ingest."):] for k in catalogue.CATALOGUE if k.startswith("ingest.")))
"""Every problem code of the ingest gate that has a template (``analytics/present/strings/ingest.py``)."""

_FALLBACK = {
    "zh": "{loc}：数据有问题（{code}），值「{value}」。请核对后重新上传。",
    "en": "{loc}: problem in the data ({code}), value \"{value}\". Check it and upload again.",
}

_BASIS = {
    "zh": {"month": "当月", "ytd": "累计", "level": "期末/水平"},
    "en": {"month": "month", "ytd": "year-to-date", "level": "level"},
}
_FIELDS = {
    "zh": {
        "indicator_id": "指标编号（或指标名称）",
        "period": "月份",
        "value": "数值",
        "basis": "口径",
        "note": "备注",
        "source": "资金来源",
        "amount": "金额",
        "total": "合计",
        "unit": "单位",
        "name": "指标名称",
        "months": "月份列（如「2024-01」）",
    },
    "en": {
        "indicator_id": "indicator_id (or indicator name)",
        "period": "period",
        "value": "value",
        "basis": "basis",
        "note": "note",
        "source": "source",
        "amount": "amount",
        "total": "total",
        "unit": "unit",
        "name": "indicator name",
        "months": "month columns (e.g. \"2024-01\")",
    },
}
_SOURCES = {"zh": {key: zh for key, zh, _en in STANDARD_SOURCES}, "en": {key: en for key, _zh, en in STANDARD_SOURCES}}


def _source_text(key: str, names: Mapping[str, str], lang: str) -> str:
    """A funding source a file may name, as the message lists it: its name and key (省级资金（provincial）,
    中央补助（central）), the key alone when it has no other name."""
    name = names.get(key) or _SOURCES.get(lang, _SOURCES["zh"]).get(key, key)
    if name == key:
        return key
    return f"{name}（{key}）" if lang == "zh" else f"{name} ({key})"


_EXAMPLES = {
    "zh": {
        "actuals": "指标编号、月份、数值、口径、备注",
        "actuals_wide": "指标编号、指标名称、2024-01、2024-02……",
        "actuals_months": "月份、各指标的名称或编号（一行一个月、一列一个指标）；或 指标编号、月份、数值",
        "budget": "月份、资金来源、金额、口径、备注",
        "budget_wide": "月份、中央补助、地方资金、其他资金、合计",
    },
    "en": {
        "actuals": "indicator_id, period, value, basis, note",
        "actuals_wide": "indicator_id, name, 2024-01, 2024-02, …",
        "actuals_months": "period, then each indicator's name or id (a month a row, an indicator a column); or indicator_id, period, value",
        "budget": "period, source, amount, basis, note",
        "budget_wide": "period, central, local, other, total",
    },
}
_PERIOD_RE = re.compile(r"^(\d{4})-(\d{2})(?:~(\d{2}))?$")
_SEP = {"zh": "、", "en": ", "}
_BLANK = {"zh": "（空）", "en": "(blank)"}


def period_label(key: str, lang: str = "zh") -> str:
    """``"2024-06"`` → ``"2024年6月"``; ``"2024-01~02"`` → ``"2024年1-2月"`` (en keeps the key)."""
    m = _PERIOD_RE.match(str(key))
    if not m:
        return str(key)
    year, first, last = m.group(1), int(m.group(2)), m.group(3)
    if lang == "zh":
        return f"{year}年{first}-{int(last)}月" if last else f"{year}年{first}月"
    return f"{year}-{first:02d}–{int(last):02d}" if last else f"{year}-{first:02d}"


def basis_label(basis: str, lang: str = "zh") -> str:
    return _BASIS.get(lang, _BASIS["zh"]).get(str(basis), str(basis))


def field_label(name: str, lang: str = "zh") -> str:
    return _FIELDS.get(lang, _FIELDS["zh"]).get(str(name), str(name))


def _fmt_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return f"{value:.15g}"
    return "" if value is None else str(value)


def _join(values: Any, lang: str, mapper: Any = None) -> str:
    if not isinstance(values, (list, tuple)):
        values = [values]
    items = [mapper(v) if mapper else _fmt_scalar(v) for v in values]
    if lang == "zh":
        return _SEP[lang].join(f"「{v}」" if mapper is None else v for v in items) if items else "（无）"
    return _SEP[lang].join(f'"{v}"' if mapper is None else v for v in items) if items else "(none)"


def _more(lang: str, count: Any) -> str:
    """The tail of a list cut to ``limits.max_listed`` items: "……等（另有 698 项）" / ", … (698 more)"."""
    if not count:
        return ""
    return f"……（另有 {count} 项）" if lang == "zh" else f", … ({count} more)"


def _location(lang: str, file: str, sheet: str | None, row: Any, column: Any, rows: Any = None,
              rows_more: Any = None) -> str:
    row_text = ""
    if rows:
        row_list = rows if isinstance(rows, (list, tuple)) else [rows]
        row_text = _SEP[lang].join(str(r) for r in row_list) + _more(lang, rows_more)
    elif row is not None and row != "":
        row_text = str(row)
    if lang == "zh":
        text = f"文件「{file}」"
        if sheet:
            text += f"工作表「{sheet}」"
        if row_text:
            text += f"第 {row_text} 行"
        if column not in (None, ""):
            text += f"「{column}」列"
        return text
    text = f'File "{file}"'
    if sheet:
        text += f', sheet "{sheet}"'
    if row_text:
        text += f", row{'s' if rows and len(row_list) > 1 else ''} {row_text}"
    if column not in (None, ""):
        text += f', column "{column}"'
    return text


class _Safe(dict):
    def __missing__(self, key: str) -> str:  # a template never fails on a missing parameter
        return "?"


def _what(lang: str, params: dict[str, Any]) -> str:
    """Subject of the sentence: the indicator, the funding source or "the value"."""
    indicator, name, source = params.get("indicator"), params.get("name"), params.get("source")
    if params.get("subject") == "budget":
        return "预算支出金额" if lang == "zh" else "budget spending"
    if indicator:
        if lang == "zh":
            return f"指标「{name or indicator}」"
        return f'"{indicator}" ({name})' if name and name != indicator else f'"{indicator}"'
    if source:  # the project's name of it (省级资金), else the standard one (中央补助, Central subsidy), else its key
        standard = _SOURCES.get(lang, _SOURCES["zh"]).get(str(source))
        if lang == "en" and params.get("source_name_en"):  # the project's English name of it: Fiscal appropriation
            return f'the funding source "{params["source_name_en"]}"'
        own = params.get("source_name") if not (lang == "en" and standard) else None
        label = own or standard or str(source)
        if lang == "en" and own and own != str(source):
            return f'the funding source "{own}" ({source})'
        return f"资金来源「{label}」" if lang == "zh" else f'the funding source "{label}"'
    return "该数值" if lang == "zh" else "The value"


def render(code: str, lang: str = "zh", **params: Any) -> str:
    """Render the message for ``code`` in ``lang`` ("zh" default, "en").

    Accepts the :class:`~analytics.ingest.validate.Problem` fields (``file``, ``row``, ``column``,
    ``value``) and its ``params``. Unknown codes get a generic, still located, message;
    unknown languages fall back to Chinese. Never raises on missing parameters (a missing
    one shows as "?"; :func:`missing_fields` lists them).
    """
    lang = lang if lang in LANGS else "zh"
    template, fields = _prepare(code, lang, params)
    try:
        return template.format_map(_Safe(fields))
    except (ValueError, IndexError, KeyError, AttributeError):  # a malformed template must not crash
        return _FALLBACK[lang].format_map(_Safe(fields))


def missing_fields(code: str, lang: str = "zh", **params: Any) -> list[str]:
    """The placeholders of ``code``'s template that these ``params`` leave unfilled."""
    lang = lang if lang in LANGS else "zh"
    template, fields = _prepare(code, lang, params)
    names = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
    return sorted(n for n in names if n not in fields)


def _prepare(code: str, lang: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    entry = catalogue.CATALOGUE.get(f"ingest.{code}", _FALLBACK)
    template = entry.get(lang) or entry["zh"]
    file = _fmt_scalar(params.get("file")) or ("上传的文件" if lang == "zh" else "uploaded file")
    sheet = params.get("sheet")
    fields: dict[str, Any] = {}
    for key, val in params.items():
        if key in ("rows",):
            continue
        fields[key] = _fmt_scalar(val) if not isinstance(val, (list, tuple, dict)) else val
    fields["code"] = code
    fields["file"] = file
    fields["loc"] = _location(lang, file, sheet, params.get("row"), params.get("column"))
    fields["loc_file"] = _location(lang, file, sheet, None, None)
    fields["loc_rows"] = _location(lang, file, sheet, params.get("row"), params.get("column"), params.get("rows"),
                                   params.get("rows_more"))
    value = params.get("value")
    fields["value"] = _BLANK[lang] if value is None or _fmt_scalar(value) == "" else _fmt_scalar(value)
    where = str(params.get("where") or "")
    fields["where_zh"] = {"title": "表格标题", "sheet": "工作表名", "file": "文件名"}.get(where, "文件")
    fields["where_en"] = {"title": "the table's title", "sheet": "the sheet's name", "file": "the file's name"}.get(where, "the file")
    fields["what_zh"] = _what("zh", params)
    fields["what_en"] = _what("en", params)
    fields["what_en_cap"] = fields["what_en"][:1].upper() + fields["what_en"][1:]
    if fields["what_en"] == "The value":
        fields["what_en"] = "the value"

    def basis_text(b: Any) -> str:
        return basis_label(str(b), lang)

    for key in ("basis", "default"):
        if key in params and params[key] not in (None, ""):
            fields[key] = basis_text(params[key])
    if "allowed" in params:
        allowed = params["allowed"]
        if params.get("allowed_kind") == "source":  # each by the project's name of it (省级资金), else the standard one
            names = dict(zip(map(str, allowed), map(str, params.get("allowed_names") or [])))
            fields["allowed"] = _join(allowed, lang, lambda s: _source_text(str(s), names, lang))
            if allowed:  # a column a file could head with the first source: its Chinese name (中央补助)
                fields["source_example"] = names.get(str(allowed[0])) or _SOURCES["zh"].get(str(allowed[0]), str(allowed[0]))
        else:
            fields["allowed"] = _join(allowed, lang, lambda b: f"{basis_label(str(b), lang)}（{b}）"
                                      if lang == "zh" else basis_text(b))
    for key in ("period", "prev_period"):
        if key in params:
            fields[key] = period_label(str(params[key]), lang)
    if "periods" in params:
        fields["periods"] = _join(params["periods"], lang, lambda p: period_label(str(p), lang))
    if "missing" in params:
        fields["missing"] = _join(params["missing"], lang, lambda f: field_label(str(f), lang))
    for key in ("found", "columns", "sheets", "ranges", "written", "names"):
        if key in params:
            fields[key] = _join(params[key], lang)
    if "field" in params:
        fields["field"] = field_label(str(params["field"]), lang)
    for key in ("found", "columns", "sheets", "ranges", "written", "periods", "missing", "allowed", "names"):
        if params.get(f"{key}_more") and key in fields:
            fields[key] = str(fields[key]) + _more(lang, params[f"{key}_more"])
    fields["example"] = _EXAMPLES[lang].get(str(params.get("example", "actuals")), _EXAMPLES[lang]["actuals"])
    fields.update(_fragments(params))
    if "unit" in params and params["unit"] in (None, ""):
        fields["unit"] = ""
    return template, fields


def _fragments(params: dict[str, Any]) -> dict[str, Any]:
    """Optional parts of a sentence, in both languages: what was detected, a suggestion, a dash,
    the reason a basis was refused, the kind of key of a duplicate."""
    fields: dict[str, Any] = {}
    detected = params.get("detected")
    fields["detected_zh"] = f"（看起来是 {detected}）" if detected else ""
    fields["detected_en"] = f" (it looks like {detected})" if detected else ""
    suggestion = params.get("suggestion")
    fields["suggestion_zh"] = f"，是否应为「{suggestion}」" if suggestion else ""
    fields["suggestion_en"] = f' (did you mean "{suggestion}"?)' if suggestion else ""
    doc_kind = str(params.get("detected") or "")  # a file that is no table: a PDF, a Word document
    fields["doc_kind_zh"] = {"pdf": "PDF 文件", "word": "Word 文档"}.get(doc_kind, "Word 或 PDF 文档")
    fields["doc_kind_en"] = {"pdf": "a PDF file", "word": "a Word document"}.get(doc_kind, "a document")
    unpacked = params.get("unpacked")  # an .xlsx is a zip: its size once unpacked, not on disk
    fields["unpacked_zh"] = "解压后" if unpacked else ""
    fields["unpacked_en"] = " once unpacked (an .xlsx is a zip)" if unpacked else ""
    dash = params.get("dash")
    fields["dash_zh"] = f"（填的是「{dash}」）" if dash else ""
    fields["dash_en"] = f' (it holds "{dash}")' if dash else ""
    stated = str(params.get("where") or "header")  # where a unit was stated apart from the numbers
    fields["stated_zh"] = {"title": "的表格标题", "note": "的备注", "unit_column": "", "name": "的指标名称"}.get(stated, "的表头")
    fields["stated_en"] = {"title": "the table's title", "note": "the note", "unit_column": "the unit column",
                           "name": "the indicator's name"}.get(stated, "the header")
    several = len(params.get("rows") or []) > 1  # 单位 cells of several rows (a spending table's), said once
    fields["scope_zh"] = {"title": "表中未写单位的数值", "note": "这些行的数值", "unit_column": "这些行的数值" if several
                          else "这一行的数值", "name": "这一行的数值"}.get(stated, "这一列的数值")
    fields["scope_en"] = {"title": "the table's numbers written without a unit", "note": "these rows' numbers",
                          "unit_column": "these rows' numbers" if several else "the row's numbers",
                          "name": "the row's numbers"}.get(stated, "the column's numbers")
    for key in ("gap_months", "later_months"):  # months of a year: 3月, 4—6月 / March, April–June
        months = [int(m) for m in params.get(key) or [] if str(m).isdigit()]
        fields[f"{key}_zh"] = fmt_month_set(months, "zh")
        fields[f"{key}_en"] = fmt_month_set(months, "en")
    diffs = params.get("diffs") or []  # a 合计 row checked against the rows above it
    fields["total_check_zh"] = (f"；其中 {'、'.join(map(str, diffs))} 与上面各行之和不符，请核对" if diffs
                                else "（与上面各行之和相符）" if params.get("checked") else "")
    fields["total_check_en"] = (f"; of it, {', '.join(map(str, diffs))} differ from the sum of the rows above: check them"
                                if diffs else " (it matches the sum of the rows above)" if params.get("checked") else "")
    fields.update(_few_rows(params.get("rows") or [], params.get("row_count")))
    fields.update(_mixed(params))
    fields.update(_hidden(params, fields))
    reason = params.get("reason")
    fields["reason_zh"] = {"not_allowed": "不适用于该指标", "unknown": "无法识别"}.get(str(reason), "无法识别")
    fields["reason_en"] = {"not_allowed": "does not apply to this indicator",
                           "unknown": "is not recognised"}.get(str(reason), "is not recognised")
    if "key" in params:
        fields["key_zh"] = {"indicator": "指标", "source": "资金来源"}.get(str(params["key"]), "项目")
        fields["key_en"] = {"indicator": "indicator", "source": "funding source"}.get(str(params["key"]), "item")
    else:
        fields["key_zh"], fields["key_en"] = "项目", "item"
    return fields


_FEW = 5  # rows a message about many rows names before it counts the rest


def _few_rows(rows: Any, count: Any) -> dict[str, str]:
    """The first few of many rows and how many there are: 第 2、3、4、5、6 行等 18 行 / rows 2, 3, 4, 5, 6
    and 13 more (18 rows); 第 2、3 行 / rows 2, 3 when they are few."""
    listed = [str(r) for r in (rows if isinstance(rows, (list, tuple)) else [rows])][:_FEW]
    total = int(count) if isinstance(count, int) and count >= len(listed) else len(listed)
    if not listed:
        return {"few_rows_zh": "", "few_rows_en": ""}
    more = total - len(listed)
    zh = f"第 {'、'.join(listed)} 行" + (f"等 {total} 行" if more else "")
    en = f"row{'s' if total > 1 else ''} {', '.join(listed)}" + (f" and {more} more ({total} rows)" if more else "")
    return {"few_rows_zh": zh, "few_rows_en": en}


def _hidden(params: dict[str, Any], fields: dict[str, Any]) -> dict[str, str]:
    """The rows and columns a sheet hides that were read (``hidden_read``): 第 5、9 行、「C」列 /
    rows 5, 9 and column "C" are."""
    cols = [str(c) for c in params.get("columns") or []]
    zh = [fields["few_rows_zh"]] if params.get("rows") else []
    en = [fields["few_rows_en"]] if params.get("rows") else []
    if cols:
        zh.append("、".join(f"「{c}」" for c in cols) + "列")
        en.append(f"column{'s' if len(cols) > 1 else ''} " + ", ".join(f'"{c}"' for c in cols))
    plural = len(cols) + (params.get("row_count") or len(params.get("rows") or [])) > 1
    return {"hidden_zh": "、".join(zh), "hidden_en": " and ".join(en) + (" are" if plural else " is")}


def _mixed(params: dict[str, Any]) -> dict[str, str]:
    """Where a source's monthly amounts and year-to-date totals disagree (``mixed_basis``), and how
    many monthly amounts that agree with the totals were left out (``basis_converted``)."""
    row, value, expected = params.get("row"), _fmt_scalar(params.get("value")), params.get("expected")
    zh_period, en_period = (period_label(str(params["period"]), lang) if params.get("period") else "" for lang in LANGS)
    conflict = params.get("conflict")
    zh = {"below": f"第 {row} 行（{zh_period}）的累计数 {value} 小于此前各月之和 {expected}",
          "inside": f"第 {row} 行（{zh_period}）的当月数 {value} 从累计数合在一起的月份中间开始，无法拆分",
          "overlap": f"第 {row} 行（{zh_period}）的当月数 {value} 所含月份已计入累计数"
                     + (f"，按累计数应为 {expected}" if expected else "，与累计数不符")}.get(str(conflict), "")
    en = {"below": f"row {row} ({en_period}) gives a year-to-date total of {value}, below the {expected} of the months "
                   "before it",
          "inside": f"row {row} ({en_period}) gives a monthly amount of {value} that begins inside months a year-to-date "
                    "total holds together, which cannot be split",
          "overlap": f"row {row} ({en_period}) gives a monthly amount of {value} for months a year-to-date total "
                     "already holds" + (f", where the totals make {expected}" if expected else
                                        ", and it does not agree with them")}.get(str(conflict), "")
    agreed = params.get("agreed")
    return {"conflict_zh": zh, "conflict_en": en,
            "agreed_zh": f"；与累计数相符的 {agreed} 个当月数不再重复计入" if agreed else "",
            "agreed_en": f"; monthly amounts that agree with the totals ({agreed}) were not counted twice" if agreed else ""}


# ---------------------------------------------------------------------------- problems and results
def render_problem(problem: "Problem", lang: str = "zh") -> str:
    """The sentence for one problem of the ingest gate."""
    fields = dict(problem.params)
    fields.update(file=problem.file, row=problem.row, column=problem.column, value=problem.value)
    return render(problem.code, lang, **fields)


def problem_dict(problem: "Problem") -> dict[str, Any]:
    """A problem as the CLI's JSON gives it: its fields, ``message_zh``/``message_en`` and params."""
    return {
        "code": problem.code,
        "file": problem.file,
        "row": problem.row,
        "column": problem.column,
        "value": problem.value,
        "severity": problem.severity,
        "message_zh": render_problem(problem, "zh"),
        "message_en": render_problem(problem, "en"),
        "params": dict(problem.params),
    }


def result_json(result: "IngestResult") -> dict[str, Any]:
    """The validator's result as JSON (``ok``, ``kind``, ``layout``, ``rows``, ``problems``)."""
    return {
        "ok": result.ok,
        "kind": result.kind,
        "layout": result.layout,
        "rows": int(len(result.data)),
        "problems": [problem_dict(p) for p in result.problems],
    }


def result_report(result: "IngestResult", lang: str = "zh") -> str:
    """One line per problem, prefixed 错误/警告 (Error/Warning); a one-line summary when clean."""
    if not result.problems:
        if lang == "en":
            return f"No problems found; {len(result.data)} rows ready to import."
        return f"检查通过，共 {len(result.data)} 条数据可以导入。"
    prefix = {"zh": {"error": "错误：", "warning": "警告："}, "en": {"error": "Error: ", "warning": "Warning: "}}
    pre = prefix.get(lang, prefix["zh"])
    return "\n".join(pre.get(p.severity, pre["warning"]) + render_problem(p, lang) for p in result.problems)
