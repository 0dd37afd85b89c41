"""What a 自评表 says was spent: its budget block (预算执行情况), read above the indicator rows or
below them (a 监控表 that puts its funds last).

A self-evaluation form states the year's budget and spending in a small block of its own::

    项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
    年度资金总额     | 329.77     | 329.77     | 338.31     | 10   | 102.59% | 10
    其中：当年财政拨款 | 329.77   | 329.77     | 338.31     | —    | 102.59% | —

The header names the block's columns (lexicon ``facts.budget_columns``); the values of a row are
taken in the header's order after the row's label (a copy often drops the header's first cell, so
places are not trusted). A row's spending is kept only when it is an amount (not a share) and,
where the block gives a rate and a budget, agrees with them (within ``facts.rate_tolerance``
points): a block whose cells slid under the wrong headers is left unread rather than misread.
A label written before its amount on one row (``预算数： | 312 | 执行数： | 312``) is read too.
"""

from __future__ import annotations

import re
from typing import Any

from analytics.core.values import normalize_text
from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["amount_wan", "block_header", "read_spent"]

_AMOUNT = re.compile(r"^-?\d+(,\d{3})*(\.\d+)?$")
_RATE = re.compile(r"^(\d+(?:\.\d+)?)%$")


def amount_wan(text: str) -> float | None:
    """An amount in 万元 — ``103414.18``, ``3359.62万``, ``854万元``, ``854万(高标准农田建设400万元,…)``
    (the breakdown in brackets after it left out); a share or words are none. The one reader of a
    project's money, for its facts and its budget block."""
    t = re.sub(r"[(（].*$", "", normalize_text(text)).strip()
    t = re.sub(r"\s+(?=[万元])", "", t).replace("万元", "").removesuffix("万").replace("元", "")
    return float(t.replace(",", "")) if _AMOUNT.match(t) else None



def _rate(text: str) -> float | None:
    m = _RATE.match(normalize_text(text).replace(" ", ""))
    return float(m.group(1)) if m else None


def _share(values: dict[str, str], tolerance: float) -> float | None:
    """The 执行率 a row's rate cell states, in percent: ``20%``, or a bare number under the column
    (``20``; ``0.2`` as a fraction) when the row's spending and budget bear it out (within
    ``tolerance`` points, the lexicon's ``facts.rate_tolerance``); None otherwise."""
    cell = values.get("rate", "")
    if (rate := _rate(cell)) is not None:
        return rate
    bare, spent = amount_wan(cell), amount_wan(values.get("executed", ""))
    budget = amount_wan(values.get("budget", "")) or amount_wan(values.get("initial", ""))
    if bare is None or spent is None or not budget:
        return None
    ratio = spent / budget * 100
    return next((r for r in (bare, bare * 100) if abs(ratio - r) <= tolerance), None)


def _role(cell: str, lex: Lexicon) -> str | None:
    """The budget block's column a header cell names (``executed``, ``budget``, ``initial``,
    ``rate``, ``projected``, ``arrived``, ``points``, ``score``), else None."""
    t = re.sub(r"[(（][^)）]*[)）]?", "", normalize_text(cell)).replace(" ", "").rstrip(":：")
    if not t or len(t) > 12:
        return None
    for role, pattern in lex.facts["budget_columns"].items():
        if re.search(pattern, t):
            return str(role)
    return None


def block_header(cells: list[str], lex: Lexicon) -> list[str] | None:
    """The roles of a budget block's header row, in order; None when the row is none (no
    执行数 column, or amounts among its cells: labels beside their values)."""
    if any(amount_wan(c) is not None or _rate(c) is not None for c in cells):
        return None
    named = [_role(c, lex) for c in cells]
    first = next((i for i, r in enumerate(named) if r is not None), len(named))
    roles = [r or "other" for r in named[first:]]  # a column of no role (项目总预算) keeps its place
    return roles if "executed" in roles and len(roles) - roles.count("other") >= 2 else None


_RUN_INTO = re.compile(r"(预算|执行|到位)(数|金额)?\s*([(（][^)）]*[)）]?)?$")  # …临河全年预算数(A)
_AMOUNT_ROLES = ("executed", "budget", "initial", "arrived")
_BLANK = re.compile(r"^[-—/／\\－]*$")


def _check(values: dict[str, str], tolerance: float) -> float | None:
    """The spending of a row whose cells sit under ``values``' roles: every cell what its column
    holds (an amount under an amount, a share under 执行率, or blank), and the spending in line
    with the row's budget and rate where both are given; None otherwise (cells slid)."""
    for role, cell in values.items():
        blank = bool(_BLANK.match(normalize_text(cell).replace(" ", "")))
        if role in _AMOUNT_ROLES and not blank and amount_wan(cell) is None:
            return None
        if role == "rate" and not blank and _rate(cell) is None and amount_wan(cell) is None:
            return None
        if role in ("points", "score") and _rate(cell) is not None:
            return None  # a share under 分值 or 得分
    spent = amount_wan(values.get("executed", ""))
    if spent is None:
        return None
    rate = _rate(values.get("rate", ""))
    budget = amount_wan(values.get("budget", "")) or amount_wan(values.get("initial", ""))
    if rate is not None and (not budget or abs(spent / budget * 100 - rate) > tolerance):
        return None
    if rate is None and amount_wan(values.get("rate", "")) is not None and _share(values, tolerance) is None:
        return None  # a bare number under 执行率 the spending and budget do not bear out
    return spent


def _under(roles: list[str], cells: list[str]) -> dict[str, str]:
    """Each role's cell, the first under it (a second 执行率 — 累计执行率 — is another figure's)."""
    values: dict[str, str] = {}
    for role, cell in zip(roles, cells):
        values.setdefault(role, cell)
    return values


def _aligned(roles: list[str], cells: list[str], tolerance: float) -> tuple[dict[str, str], float] | None:
    """The row's values under the header's roles and its spending: in the header's order, or
    else with the header's first column left out (a group heading over the block, 年度预算数（万元）
    above 年初预算 | 调整后预算数) when the row's rate then bears it out."""
    for skip in (0, 1):
        values = _under(roles[skip:], cells)
        spent = _check(values, tolerance)
        if spent is not None and (skip == 0 or _share(values, tolerance) is not None):
            return values, spent
    if "rate" in roles and len([c for c in cells if c.strip()]) == len(roles) - 1:
        values = _under([r for r in roles if r != "rate"], [c for c in cells if c.strip()])
        spent = _check(values, tolerance)  # 880 880 880 10 10 under six headers: the 执行率 left out of the copy
        if spent is not None and _scored(values, spent, tolerance):
            return values, spent
    return None


def _scored(values: dict[str, str], spent: float, tolerance: float) -> bool:
    """Whether a row's 得分 is its 分值 times its execution rate (capped at 100%), within the
    tolerance's share of the points: what says, when the 执行率 is missing, that the amounts before
    it are in place."""
    budget = amount_wan(values.get("budget", "")) or amount_wan(values.get("initial", ""))
    points, score = amount_wan(values.get("points", "")), amount_wan(values.get("score", ""))
    if not budget or points is None or score is None or points <= 0:
        return False
    return abs(points * min(spent / budget, 1.0) - score) <= max(0.05 * points, tolerance / 100 * points)


def _month(cells: list[str], lex: Lexicon) -> int | None:
    """The month the header's spending column runs to (``1-7月执行数`` → 7), None for the year's."""
    for c in cells:
        if _role(c, lex) == "executed":
            m = re.search(r"(\d{1,2})\s*月", normalize_text(c))
            return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 12 else None
    return None


def _labelled(cells: list[str], lex: Lexicon, tolerance: float) -> tuple[dict[str, str], float] | None:
    """Labels written before their amounts on one row — each before its own (``预算数： | 312 |
    执行数： | 312``) or several before as many (``全年预算数(A) 全年执行数(B) 7165.32 6992.95``):
    the values under their labels and the spending, else None."""
    values: dict[str, str] = {}
    i = 0
    while i < len(cells):
        labels = []
        while i < len(cells) and amount_wan(cells[i]) is None and _rate(cells[i]) is None:
            labels.append(_role(cells[i], lex))
            i += 1
        figures = []
        while i < len(cells) and (amount_wan(cells[i]) is not None or _rate(cells[i]) is not None):
            figures.append(cells[i])
            i += 1
        k = len(labels)
        while k > 0 and labels[k - 1] is not None:
            k -= 1
        run = labels[k:]  # the labels right before the figures
        before = normalize_text(cells[i - len(figures) - len(run) - 1]) if k > 0 else ""
        if run and not _RUN_INTO.search(before):  # not a label run into the text before it
            for role, figure in zip(run, figures):
                values.setdefault(role, figure)
    if "executed" not in values:
        return None
    spent = _check(values, tolerance)
    return (values, spent) if spent is not None else None


def read_spent(rows: list[list[str]], lex: Lexicon, label_kind: Any) -> dict[str, Any] | None:
    """The spending a form's budget block states, or None: ``{"amount", "label", "budget",
    "rate", "month", "sources": [{"name", "amount", "budget"}]}`` — amounts in 万元; ``budget``
    the amount the rate is against (全年预算数 where the block has one, else 年初预算数; None when
    not given); ``month`` the month a 监控表's ``1-7月执行数`` runs to (None: the year's).
    ``label_kind(text, lex)`` tells a row's label (``total`` / ``sources``); a label alone on its
    row takes the values of the row below it."""
    tolerance = float(lex.facts.get("rate_tolerance", 1.5))
    roles: list[str] | None = None
    found: dict[str, Any] | None = None
    pending: tuple[str, str] | None = None  # a label alone on its row: (kind, label)
    month: int | None = None  # the month a 监控表's 1-7月执行数 runs to (None: the whole year)
    for raw in rows:
        cells = [c for c in raw if c.strip()]
        if not cells:
            continue
        header = block_header(cells, lex)
        if header is not None:
            if found is not None:
                break  # a second block (another form's): the first one's figures stand
            roles, pending = header, None
            month = _month(cells, lex)
            continue
        if roles is None:
            labelled = _labelled(cells, lex, tolerance)
            if labelled is not None:
                values, spent = labelled
                budget = amount_wan(values.get("budget", "")) or amount_wan(values.get("initial", ""))
                return {"amount": spent, "label": "执行数", "budget": budget, "rate": _share(values, tolerance),
                        "sources": [], "month": None}
            continue
        lead = 0  # the row's label is the last cell before its figures (项目资金（万元） merged down before it)
        while lead < len(cells) and amount_wan(cells[lead]) is None and _rate(cells[lead]) is None \
                and not _BLANK.match(normalize_text(cells[lead]).replace(" ", "")):
            lead += 1
        label = re.sub(r"[:：]$", "", normalize_text(cells[max(lead - 1, 0)]))
        kind = label_kind(label, lex) if lead and "其中" not in label[1:] else None  # 年度资金总额其中… : two rows run together
        if kind in ("total", "sources") and lead == len(cells):
            pending = (kind, label)
            continue
        if kind in ("total", "sources"):
            row = cells[lead:]
        elif pending is not None and amount_wan(cells[0]) is not None:
            (kind, label), row = pending, cells
        elif found is not None:
            break  # the block has ended
        else:
            continue
        pending = None
        if kind == "total" and found is None and _unfilled(roles, row):
            found = {"amount": 0.0, "label": label, "budget": None, "rate": None, "sources": [], "month": month,
                     "unfilled": True}
            continue
        read = _aligned(roles, row, tolerance)
        if read is None:
            continue
        values, spent = read
        budget = amount_wan(values.get("budget", "")) or amount_wan(values.get("initial", ""))
        if kind == "total" and found is None:
            found = {"amount": spent, "label": label, "budget": budget, "rate": _share(values, tolerance),
                     "sources": [], "month": month}
        elif kind == "sources" and found is not None:
            name = re.sub(r"[(（].*?[)）]", "", re.sub(r"^其中[:：]?", "", label))
            found["sources"].append({"name": name, "amount": spent, "budget": budget})
    if found is not None and found.pop("unfilled", False):  # a total row left at 0: the sum of its sources
        if not found["sources"]:
            return None
        budgets = [x["budget"] for x in found["sources"]]
        found["amount"] = round(sum(x["amount"] for x in found["sources"]), 6)
        found["budget"] = round(sum(budgets), 6) if None not in budgets else None
    return found


def _unfilled(roles: list[str], row: list[str]) -> bool:
    """A total row the office left at 0 (``年度资金总额 | 0 | 0 | 0 | 10 | 0 | 0``): every amount and
    the rate 0 or a dash, at least one 0 (its sources' rows below carry the figures)."""
    values = _under(roles, row)
    cells = [normalize_text(values[r]).replace(" ", "") for r in (*_AMOUNT_ROLES, "rate") if r in values]
    zero = [c for c in cells if not _BLANK.match(c)]
    return bool(zero) and all(amount_wan(c) == 0 or _rate(c) == 0 for c in zero)
