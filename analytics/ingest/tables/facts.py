"""Project facts written above the indicator rows: the project's name, departments, funding by
source (and what a 自评表 says was spent, :mod:`analytics.ingest.tables.spent`) and the goal texts. A label's value is the next cell of its row that is not a label; a
row whose label cell is blank continues the label above it (a merged label)."""

from __future__ import annotations

import re
from typing import Any

from analytics.core.model import funding_gap
from analytics.core.values import normalize_text
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.spent import amount_wan, read_spent

__all__ = ["read_facts", "facts_in_line", "is_sign_off", "keyed_sources", "label_kind", "projected_noted", "sample_marked",
           "source_key", "unique_keys"]


def _dedupe(row: list[str]) -> list[str]:
    """Cells of a row with the repeats of a merged cell (filled across) removed."""
    out: list[str] = []
    for c in row:
        t = c.strip()
        if out and normalize_text(out[-1]) == normalize_text(t):
            continue
        out.append(t)
    return out


_NUMBERED = re.compile(r"^([(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．])\s*")


def is_sign_off(text: str, lex: Lexicon) -> bool:
    """A sign-off, note or closing line (also numbered: ``(三)存在的问题和原因``)."""
    t = normalize_text(text)
    return bool(re.search(lex.facts["sign_off"], t) or re.search(lex.facts["sign_off"], _NUMBERED.sub("", t)))


def sample_marked(rows: list[list[str]], lex: Lexicon) -> bool:
    """Whether a cell of ``rows`` marks the form's figures as invented (【示例数据】, [SAMPLE DATA]:
    the lexicon's ``facts.sample_mark``)."""
    mark = re.compile(lex.facts["sample_mark"], re.I)
    return any(c and mark.search(normalize_text(c)) for row in rows for c in row)


def projected_noted(rows: list[list[str]], lex: Lexicon) -> bool:
    """Whether a note in ``rows`` says the form's 实际完成值 are estimates (年中测算：实际完成值……为
    预计的年末值: the lexicon's ``facts.projected_note``), in a cell of more than 8 characters."""
    note = re.compile(lex.facts["projected_note"], re.I)
    return any(c and len(c) > 8 and note.search(c) for row in rows for c in row)


_HEADING = re.compile(r"^([(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*")


def is_section_heading(text: str, lex: Lexicon) -> bool:
    """A report's numbered heading (``二、项目资金申报及使用情况``, ``(三)项目自评步骤及方法``): the
    report goes on after its table. A numbered level label (``一、产出指标``) is none."""
    t = normalize_text(text)
    m = _HEADING.match(t)
    rest = t[m.end():] if m else ""
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 4 and not lex.level_word(rest) \
        and not lex.level_word(re.sub(r"[(（].*$", "", rest))



def source_key(name: str, lex: Lexicon, default: str | None = "other") -> str | None:
    """The key a funding source of this name is kept under (lexicon ``facts.source_keys``: 省级资金 →
    ``provincial``, 县级配套 → ``county``); ``default`` (``other``) for a name no pattern matches."""
    label = normalize_text(name)
    for key, pattern in lex.facts["source_keys"].items():
        if re.search(pattern, label):
            return str(key)
    return default


def unique_keys(keys: list[str]) -> list[str]:
    """``keys`` with a repeat told apart by a number (``county``, ``county_2``): one key a source."""
    out: list[str] = []
    for key in keys:
        new, n = key, 2
        while new in out:
            new, n = f"{key}_{n}", n + 1
        out.append(new)
    return out


def keyed_sources(sources: list[dict[str, Any]], lex: Lexicon) -> list[dict[str, Any]]:
    """``sources`` (``[{name, amount, …}]``) each with its own key: the one it has, else its
    name's (:func:`source_key`), made unique (:func:`unique_keys`)."""
    keys = unique_keys([str(s.get("key") or source_key(str(s.get("name") or ""), lex)) for s in sources])
    return [{"key": k, **{f: v for f, v in s.items() if f != "key"}} for s, k in zip(sources, keys)]


_SOURCE_NAME = re.compile(r"^(其中[:：]?)?[\u4e00-\u9fff][\u4e00-\u9fff()（）]{1,15}$")


def _unlabelled_source(cells: list[str], lex: Lexicon) -> tuple[str, str] | None:
    """(name, figure) of a row continuing a money block under its total whose source is a name the
    lexicon does not know (``项目资金（万元） | 水利建设基金 | 300``: the cells after the block's label):
    a short name, no label and no figure, then a figure; None for any other row."""
    cells = [c for c in cells if c.strip()]
    if len(cells) < 2 or amount_wan(cells[1]) is None:
        return None
    name = normalize_text(cells[0])
    if not _SOURCE_NAME.match(name) or label_kind(name, lex) is not None or amount_wan(name) is not None:
        return None
    return name, cells[1]


def facts_in_line(rows: list[list[str]], refs: list[str], header: int, i: int, levels: list[int], lex: Lexicon) -> bool:
    """Row ``i`` holds the project's facts of a line cut into rows (a text set out one cell a line):
    the header's own line begins with fact labels, set above it as rows of their own with no value
    (项目名称 | 项目单位 | 项目类别 | 预算数 | 年度绩效目标 | 一级指标 …), and the row, on a line of the
    body, with no level of its own, comes before the row of its line that holds the levels (业务装备经费 … 32-专项资金项目 | 1,030,700.00 |
    保障… before 满意度指标 | 服务对象满意度 | 使用人员满意度 …). ``levels``: the level columns."""
    def levelled(row: list[str]) -> bool:
        return any(k < len(row) and row[k].strip() for k in levels)

    def label_alone(row: list[str]) -> bool:  # a fact's label with no value beside it
        cells = [c for c in row if c.strip()]
        return len(cells) == 1 and label_kind(cells[0], lex) is not None

    if not levels or refs[i] == refs[header] or levelled(rows[i]) \
            or not any(refs[j] == refs[header] and label_alone(rows[j]) for j in range(header)):
        return False
    j = i + 1
    while j < len(rows) and refs[j] == refs[i] and not levelled(rows[j]):
        j += 1
    return j < len(rows) and refs[j] == refs[i]


def label_kind(text: str, lex: Lexicon) -> str | None:
    t = normalize_text(text)
    f = lex.facts
    if not t or len(t) > 24 or re.search(r"表[)）]?$|表[(（][^()（）]*[)）]$", t):  # a form's title (…绩效目标表（2024年度）)
        return None
    if _DOCUMENT_TITLE.search(t):  # 关于下达…绩效目标的通知: a letter's title, no label of the facts
        return None
    for kind in ("name", "sources", "total", "departments", "goal"):
        if re.search(f[kind], t):
            return kind
    return None


#: A letter's or a document's title (关于下达2024年…绩效目标的通知, …的批复): it names a 绩效目标 and labels
#: nothing.
_DOCUMENT_TITLE = re.compile(r"^关于|的(通知|批复|函|报告|决定|意见)$")
_INLINE = re.compile(r"^(?P<label>(其中[:：])?[^:：]{2,16})[:：]\s*(?P<value>\S.*)$", re.S)


def _inline(cell: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(kind, label, value) of a cell holding a label and its value (项目名称：农村公路养护工程,
    主管部门：某县交通运输局), else None."""
    m = _INLINE.match(cell.strip())
    if m is None:
        return None
    kind = label_kind(m["label"], lex)
    if kind is None or label_kind(m["value"], lex) is not None:
        return None
    return kind, normalize_text(m["label"]), m["value"].strip()


_GAP = re.compile(r"(\n|\u3000+|[ \t]{2,})")
_NOTE = re.compile(r"^[【\[].*[】\]]$")  # 【示例数据】, [草稿]: a note beside the facts, none of their values


def _fields(cell: str, lex: Lexicon) -> list[tuple[str, str, str]]:
    """Every (kind, label, value) of a cell holding labels and their values, several in one cell
    as forms print them (``项目名称：X项目　　截至：2024年8月\n主管部门：Y局　　实施单位：Z中心``):
    a piece after a gap that is no ``label：value`` of its own continues the value before it (a
    name wrapped onto a next line), except a bracketed note; a label the lexicon does not know
    (截至) ends the value before it and is left out. One field, or none, for other cells."""
    whole = _inline(cell, lex)
    parts = _GAP.split(cell.strip())
    first = _inline(parts[0], lex) if parts else None
    if first is None or len(parts) == 1:
        return [whole] if whole is not None else []
    pieces: list[str] = [parts[0]]
    for gap, part in zip(parts[1::2], parts[2::2]):
        if _INLINE.match(part.strip()):
            pieces.append(part)
        elif not _NOTE.match(normalize_text(part)):
            pieces[-1] += ("" if gap == "\n" else " ") + part
    return [f for f in (_inline(p, lex) for p in pieces) if f is not None]


def _header_facts(rows: list[list[str]], r: int, lex: Lexicon) -> list[tuple[str, str, str]] | None:
    """(kind, label, value) of a header row whose values stand in the row(s) below, under their
    labels (整体支出绩效目标表: ``单位编码 | 单位名称 | 资金总额 | 按收入性质分 …`` above ``058003 |
    衡阳市社会福利院 | 1,752.48 | …``): each label's value is the first cell below it (within two
    rows, past a second header line) that is no label. None for any other row: one with a figure,
    a text (a cell of more than 15 characters) or a ``label：value`` cell of its own, fewer than
    two labels, a first label with a value beside it, or nothing below its labels."""
    row = rows[r]
    if any(amount_wan(c) is not None or _fields(c, lex) or (len(normalize_text(c)) > 15 and label_kind(c, lex) is None)
           for c in row if c.strip()):
        return None  # a figure, a text or a label with its value in its own cell (项目名称：…): labels beside values
    labelled = [(i, kind) for i, c in enumerate(row) if (kind := label_kind(c, lex)) is not None]
    if len(labelled) < 2 or any(row[k].strip() for k in range(labelled[0][0] + 1, labelled[1][0])):
        return None  # the first label has a value beside it (中央主管部门 | 人力资源社会保障部): no header
    out = []
    for i, kind in labelled:
        below = (rows[k][i] for k in range(r + 1, min(r + 3, len(rows))) if i < len(rows[k]) and rows[k][i].strip())
        value = next((c for c in below if label_kind(c, lex) is None), None)
        if value is not None:
            out.append((kind, normalize_text(row[i]), value))
    return out or None


#: the columns of a 区域绩效目标表's money block: the whole period's and the year's (the year is tracked)
_SPAN_MONEY = re.compile(r"实施期.{0,4}(资金|金额|总额)")
_YEAR_MONEY = re.compile(r"^(年度|本年|当年).{0,4}(资金|金额|总额)")
_RESULT_HEAD = re.compile(r"^实际完成")
#: a heading of a goal row's column, not a goal: 实施期目标（2024-2026年）, 年度目标, 预期目标, 实际完成情况
_GOAL_HEAD = re.compile(r"^(?:实施期|年度|中期|预期|全年|本年)?(?:绩效|总体)?目标(?:[(（][^()（）]{0,20}[)）])?$|^实际完成情况$")


def _goal_heads(row: list[str], lex: Lexicon) -> list[tuple[int, str]]:
    """(column, heading) of a goal row whose cells after its label are headings, not goals
    (``总体目标 | 实施期目标（2024-2026年） | 年度目标``, ``年度总体目标 | 预期目标 | 实际完成情况``); [] else."""
    cells = [c for c in row if c]
    if not row or label_kind(row[0], lex) != "goal" or len(cells) < 2 \
            or not all(_GOAL_HEAD.match(normalize_text(c)) for c in cells[1:]):
        return []
    return [(k, c.strip()) for k, c in enumerate(row) if k and c.strip()]


def _goals_under(row: list[str], heads: list[tuple[int, str]]) -> list[dict[str, str]]:
    """The goals of the row under a goal row's headings, each labelled by its column's heading;
    never the text under 实际完成情况 (what was reached is no goal)."""
    out = []
    for k, c in enumerate(row):
        head = [h for i, h in heads if i <= k]
        if k and c.strip() and head and not _RESULT_HEAD.match(normalize_text(head[-1])):
            out.append({"label": head[-1], "text": c.strip()})
    return out


def _year_money_column(row: list[str], raw: list[str]) -> int | None:
    """The column of the year's money in a money block's header that has the whole period's too
    (``资金情况（万元） | 实施期资金总额 | 年度资金总额``), counted as the sheet has its columns (a merged
    cell's repeats kept, so the figures below line up); None for any other row."""
    texts = [normalize_text(c) for c in row]
    if not row or not re.search(r"资金|金额|预算", row[0]) or not any(_SPAN_MONEY.search(t) for t in texts) \
            or any(amount_wan(c) is not None for c in row):
        return None
    return next((k for k, c in enumerate(raw) if _YEAR_MONEY.search(normalize_text(c))), None)


def _year_money(raw: list[str], col: int) -> tuple[str, str, str]:
    """(kind, label, the year's figure) of a row of such a block (``其中：中央补助 | 360000 | 120000``)."""
    label = next((c for c in raw[1:col] if c.strip() and amount_wan(c) is None), "")
    return ("total" if re.search(r"总额|合计|总计", label) else "sources"), normalize_text(label), raw[col]


def year_goal(goals: list[dict[str, Any]]) -> str | None:
    """The goal the year is tracked against: the one headed as the year's (年度目标 beside a 实施期目标
    of a 区域绩效目标表), else the first; None without."""
    yearly = [g for g in goals if re.match(r"^(年度|全年|本年)", normalize_text(str(g.get("label") or "")))]
    return str((yearly or goals)[0]["text"]) if goals else None


def note_forms(forms: list[dict[str, Any]], tables: list[Any], lex: Lexicon) -> None:
    """Each form of a workbook (``source.forms``) marked ``projected_actuals`` by the note of its own
    sheet: a 自评表 made mid-year (年中测算) says nothing of the 监控表 beside it."""
    by_sheet = {t.sheet: t for t in tables if t.sheet}
    for f in forms:
        sheet = str(f.get("where") or "").rpartition("!")[0]
        if sheet in by_sheet:
            f["projected_actuals"] = projected_noted(by_sheet[sheet].rows, lex)


def _money_header(rows: list[list[str]], r: int, lex: Lexicon) -> list[tuple[str, str, str]] | None:
    """The funding of a header of money labels over their figures (部门整体支出: ``年度预算申请（万元） |
    资金总额 | 财政拨款 | 其他资金`` above ``… | 2860 | 2600 | 260``): :func:`_header_facts` when the
    row holds a total's or a source's label and the row below a figure under one of them; None else."""
    fields = _header_facts(rows, r, lex) if r + 1 < len(rows) else None
    if not fields or not any(kind in ("total", "sources") and amount_wan(value) is not None for kind, _, value in fields):
        return None
    return fields


def read_facts(rows: list[list[str]], lex: Lexicon, after: list[list[str]] | None = None) -> dict[str, Any]:
    """Name, departments, funding (万元 unless written otherwise) and goal texts of ``rows``;
    ``after``: the rows that follow (the indicator table's header and first rows), where the
    values of the last row, a header of labels over both tables, may stand."""
    facts: dict[str, Any] = {"name": None, "departments": {}, "funding": None, "goals": []}
    sources: list[dict[str, Any]] = []
    total: float | None = None
    last_label: tuple[str, str] | None = None
    pending_goal: str | None = None
    heads: list[tuple[int, str]] = []  # the headings of a goal row's columns (实施期目标（2024-2026年） | 年度目标)
    money: tuple[str, int] | None = None  # a money block's label and its year's column (实施期资金总额 | 年度资金总额)
    for r, raw in enumerate(rows):
        row = _dedupe(raw)
        cells = [c for c in row if c]
        if not cells:
            continue
        if found := _goal_heads(row, lex):  # 总体目标 | 实施期目标（2024-2026年） | 年度目标
            heads, last_label, pending_goal = found, ("goal", normalize_text(row[0])), None
            continue
        if heads and normalize_text(row[0]) in ("", last_label[1] if last_label else ""):  # the texts under them
            facts["goals"] += _goals_under(row, heads)
            heads = []
            continue
        heads = []
        if (col := _year_money_column(row, raw)) is not None:  # 资金情况 | 实施期资金总额 | 年度资金总额
            money = (normalize_text(row[0]), col)
            continue
        if money is not None and normalize_text(row[0]) in ("", money[0]) and money[1] < len(raw):
            total, pending_goal = _take(facts, sources, total, *_year_money(raw, money[1]), pending_goal, lex)
            continue
        money = None
        # the row right above the indicator table's header may be the header of a facts row below it
        header = _header_facts([*rows, *after], r, lex) if after and r == len(rows) - 1 else _money_header(rows, r, lex)
        if header is not None:  # labels above their values (单位名称 over the unit's name)
            for field in header:
                total, pending_goal = _take(facts, sources, total, *field, pending_goal, lex)
            continue
        if pending_goal and len(cells) == 1 and len(normalize_text(cells[0])) > 15 and not _fields(cells[0], lex) \
                and not re.search(r"[:：]$", cells[0].strip()):  # 各县（市、区）财政局：a letter's addressee, no goal
            facts["goals"].append({"label": pending_goal, "text": cells[0].strip()})
            pending_goal = None
            continue
        first_blank = not normalize_text(row[0]) if row else True
        i = 0
        consumed = False
        if first_blank and last_label and last_label[0] == "departments" and label_kind(cells[0], lex) is None:
            total, pending_goal = _take(facts, sources, total, *last_label, cells[0], pending_goal, lex)
            i = row.index(cells[0]) + 1
            consumed = True
        while i < len(row):
            fields = _fields(row[i], lex)
            if fields:  # 项目名称：农村公路养护工程 in one cell (and more labels after it)
                for field in fields:
                    total, pending_goal = _take(facts, sources, total, *field, pending_goal, lex)
                consumed = True
                i += 1
                continue
            kind = label_kind(row[i], lex)
            if kind is None:
                i += 1
                continue
            label = normalize_text(row[i])
            value = next((c for c in row[i + 1:] if c and label_kind(c, lex) is None), "")
            consumed = True
            if row[i] == cells[0]:  # a merged label in the first column continues on rows below
                last_label = (kind, label)
            named = _unlabelled_source(row[i + 1:], lex) if kind == "total" and (total is not None or sources) else None
            if named is not None:  # 项目资金（万元） | 水利建设基金 | 300: a source of the block under its total
                kind, label, value = "sources", *named
            total, pending_goal = _take(facts, sources, total, kind, label, value, pending_goal, lex)
            i += 1
        named = _unlabelled_source(cells, lex) if last_label and last_label[0] in ("total", "sources") \
            and (total is not None or sources) else None
        if not consumed and first_blank and named is not None:  # | 水利建设基金 | 300 under the block's merged label
            total, pending_goal = _take(facts, sources, total, "sources", *named, pending_goal, lex)
        elif not consumed and first_blank and last_label and cells:
            kind, label = last_label
            value = cells[0] if kind in ("departments", "goal") else cells[-1]  # a goal before its 实际完成情况
            total, pending_goal = _take(facts, sources, total, kind, label, value, pending_goal, lex)
            rest = row[row.index(cells[0]) + 1:]
            j = 0
            while j < len(rest):  # further pairs on the continued row (…｜市级财政部门｜东莞市财政局)
                k2 = label_kind(rest[j], lex)
                if k2 == "departments" and j + 1 < len(rest):
                    _take(facts, sources, total, k2, normalize_text(rest[j]), rest[j + 1], None, lex)
                    j += 1
                j += 1
    if after:  # the indicator table's own header may name the facts of the row below it (单位名称 | 资金总额 | 一级指标 …)
        for field in _header_facts([*rows, *after], len(rows), lex) or []:
            total, pending_goal = _take(facts, sources, total, *field, pending_goal, lex)
    spent = read_spent(rows, lex, label_kind)
    if spent is not None and spent["budget"] is not None:
        total = spent["budget"]  # the year's budget the form's 执行率 is against (全年预算数 over 年初预算数)
        for s in sources:
            s["amount"] = next((x["budget"] for x in spent["sources"] if x["name"] == s["name"] and x["budget"] is not None),
                               s["amount"])
    sources[:] = keyed_sources(sources, lex)
    if total is not None or sources:
        facts["funding"] = {"total": total if total is not None else round(sum(s["amount"] for s in sources), 2),
                            "unit": "万元", "sources": sources}
        gap = funding_gap(total, [s["amount"] for s in sources])
        if gap is not None:  # 资金总额 3860 over 中央补助 2000 + 省级资金 1200: said, the total stays the budget
            facts["funding"]["unallocated"] = gap
        if spent is not None:
            facts["funding"]["spent"] = {
                "amount": spent["amount"], "label": spent["label"], "rate": spent["rate"], "month": spent["month"],
                "sources": [{"key": next((s["key"] for s in sources if s["name"] == x["name"]), source_key(x["name"], lex)),
                             "name": x["name"], "amount": x["amount"]} for x in spent["sources"]]}
    facts.pop("name_from_unit", None)
    facts.pop("source_names", None)
    return facts


def _take(facts: dict[str, Any], sources: list[dict[str, Any]], total: float | None, kind: str, label: str,
          value: str, pending_goal: str | None, lex: Lexicon) -> tuple[float | None, str | None]:
    value_n = normalize_text(value)
    if kind == "name" and re.search(r"[\u4e00-\u9fff]{2}", value_n) \
            and (facts["name"] is None or (facts.get("name_from_unit") and "单位" not in label)):
        facts["name"] = " ".join(value.split())  # a project's own name over its office's (单位名称 above 项目名称)
        facts["name_from_unit"] = "单位" in label
    elif kind == "departments" and value_n and amount_wan(value) is None \
            and not re.fullmatch(r"[(（]?(万|亿|千|百)?元[)）]?", value_n.replace(" ", "")):  # 金额单位：万元 names no office
        deps = facts["departments"]
        key = re.sub(r"[(（].*?[)）]", "", label)
        deps[key] = f"{deps[key]}；{value.strip()}" if key in deps and value.strip() not in deps[key] else value.strip()
    elif kind == "sources":
        amount = amount_wan(value)
        name = re.sub(r"[(（].*?[)）]", "", re.sub(r"^其中[:：]?", "", label))
        seen = facts.setdefault("source_names", set())
        if amount is not None and name not in seen:
            # the same source again is its figure of another column (到位数, 执行数): the budget's stands
            seen.add(name)
            sources.append({"name": name, "amount": amount})
    elif kind == "total":
        amount = amount_wan(value) if "其中" not in label[1:] else None  # 年度资金总额其中… : two rows run together
        if amount is not None and total is None:
            total = amount
    elif kind == "goal":
        if len(value_n) > 15:
            facts["goals"].append({"label": label, "text": value.strip()})
        else:
            pending_goal = label
    return total, pending_goal
