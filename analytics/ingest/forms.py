"""A filled 绩效运行监控表 or 项目支出绩效自评表 brought as actual values of a project that exists.

A manager sends the form out and gets it back filled (1-8月执行情况 of a 监控表, 实际完成值 of a
自评表): the import gate (:mod:`analytics.ingest.validate`) reads such a file, when it is no data
table of its own, as :func:`analytics.ingest.tables.parse_table` reads a target table, and turns
the actual values it holds into the long layout — one row per indicator, at the month the form's
column covers (December for a 自评表), year to date for a flow and the level for the rest — which
then passes the same checks as any file.

An indicator of the form is the project's when its name (as read, or as written) is one of the
project's indicator names, spaces and full-width forms aside; the others are listed (a warning),
never guessed. A form whose values are no actuals — estimates of the year's end (年中测算,
``source.projected_actuals``) or the sample's invented figures (``source.sample_data``) — and a
file holding no target beside its values (a data table with errors of its own) are not read so.

Brought as spending, the same form gives what its funds block says was spent (:func:`form_spending`:
1-8月执行数 of a 监控表, 全年执行数 of a 自评表), by the project's funding sources, year to date at the
month it names — the rule a new project made from such a form follows too (:func:`spent_by_source`,
:func:`spending_period`).
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Collection, Mapping

from analytics.core.values import normalize_text, number_text
from analytics.ingest.readers import source_bytes

__all__ = ["FormActuals", "actual_row", "checkin_fits", "form_actuals", "form_spending", "long_actuals_csv", "long_spending_csv", "project_years",
           "spending_period", "spent_by_source"]

_YEAR = re.compile(r"^\d{4}$")
_PLACE = re.compile(r"^(?:(?P<sheet>.+)!)?[A-Z]{0,3}(?P<row>\d+)$")


@dataclass
class FormActuals:
    """The actual values of a filled form as a long actuals table (``csv``), the form's
    indicators not in the project (``unmatched``: names) and each row's place in the form."""

    csv: bytes
    unmatched: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # each row's place in the form (``Sheet!5``, ``L71``)

    def place(self, row: int | None) -> tuple[str | None, int | None]:
        """(sheet, row) in the form of the long table's ``row`` (its header is row 1), else (None, None)."""
        if row is None or not 2 <= row < len(self.places) + 2:
            return None, None
        m = _PLACE.match(self.places[row - 2])
        return (m["sheet"], int(m["row"])) if m else (None, None)


def actual_row(indicator_id: str, year: Any, actual: Mapping[str, Any], kind: str | None, note: str) -> list[str]:
    """A form's actual value of ``year`` as a row of the long layout: at the month its column
    covers (December for a 自评表), year to date for a flow and the level for the rest."""
    return [indicator_id, f"{year}-{int(actual.get('month') or 12):02d}", number_text(float(actual["value"])),
            "ytd" if kind == "flow" else "level", note]


def checkin_fits(actual: Mapping[str, Any], kind: str | None) -> bool:
    """Whether a form's actual value can be the actual of an indicator of ``kind``: a check-in read
    from words (达成预期指标 → 达成, ``checkin``) only of a qualitative one, never a number of another."""
    return not actual.get("checkin") or kind == "qualitative"


def long_actuals_csv(rows: list[list[str]]) -> str:
    """Rows of :func:`actual_row` as a long actuals file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["indicator_id", "period", "value", "basis", "note"])
    writer.writerows(rows)
    return buf.getvalue()


def _key(text: Any) -> str:
    return normalize_text(str(text or "")).lower()


def form_actuals(source: str | os.PathLike[str] | bytes | BinaryIO, indicators: Mapping[str, Mapping[str, Any]],
                 filename: str, max_bytes: int, sheet: str | None = None, computed: Collection[str] = ()
                 ) -> FormActuals | None:
    """The actual values of a filled form in ``source`` for the project whose import catalogue is
    ``indicators`` (id → name, kind, …), or None when the file is no such form (see the module's help).
    Indicators named in ``computed`` (derived ones, the budget execution rate) are left out unsaid."""
    from analytics.ingest.tables import TableReading, parse_table

    data = source_bytes(source, max_bytes)
    if not data:
        return None
    reading = parse_table(data, filename=filename, sheet=sheet)
    if not isinstance(reading, TableReading):
        return None
    estimates = {f.get("form") for f in reading.source.get("forms") or [] if f.get("projected_actuals")}
    forms = {f.get("form") for f in reading.source.get("forms") or []}
    if reading.source.get("sample_data") or (reading.source.get("projected_actuals") and (not forms or estimates >= forms)):
        return None  # (a workbook's form of estimates is left out below; the others are read)
    by_name = {_key(meta.get("name")): str(iid) for iid, meta in indicators.items() if _key(meta.get("name"))}
    left_out = {_key(n) for n in computed}
    out: list[list[str]] = []
    unmatched: list[str] = []
    places: list[str] = []
    for ind in reading.indicators:
        if ind.get("form") in estimates:
            continue
        values = {y: a for y, a in (ind.get("actuals") or {}).items() if _YEAR.match(str(y)) and a.get("value") is not None}
        if not values or not ind.get("targets"):  # a form holds its targets beside its values
            continue
        iid = by_name.get(_key(ind.get("name"))) or by_name.get(_key(ind.get("name_raw")))
        if iid is None and (_key(ind.get("name")) in left_out or _key(ind.get("name_raw")) in left_out):
            continue
        if iid is None:
            unmatched.append(str(ind.get("name") or ind.get("name_raw") or ""))
            continue
        where = f"{ind['where']}：" if ind.get("where") else ""
        values = {y: a for y, a in values.items() if checkin_fits(a, indicators[iid].get("kind"))}
        for year, a in sorted(values.items()):
            out.append(actual_row(iid, year, a, indicators[iid].get("kind"), f"{where}{a.get('raw', '')}"))
            places.append(str(ind.get("where") or ""))
    if not out:
        return None
    return FormActuals(long_actuals_csv(out).encode("utf-8"), unmatched, places)


def project_years(reading: Mapping[str, Any]) -> list[int]:
    """The project's target years: those the table's facts name, else the years of its target columns."""
    project = reading.get("project") or {}
    return [int(y) for y in project.get("years") or []] or sorted(
        {int(y) for ind in reading.get("indicators") or [] for y in (ind.get("targets") or {}) if _YEAR.match(str(y))})



def spending_period(project: Mapping[str, Any], indicators: list[Mapping[str, Any]]) -> str | None:
    """The month (``YYYY-MM``) a form's stated spending is kept at: the month its 执行数 column
    names (a 监控表's 1-7月执行数) of the year of its actual values, else that of its actual values
    (a 自评表's year, at December or the month its columns cover), else December of its last
    target year; None without a year or without spending."""
    spent = (project.get("funding") or {}).get("spent") or {}
    if spent.get("amount") is None:
        return None
    at = _values_period(project, indicators)
    if at is not None and spent.get("month"):  # a 监控表's 1-7月执行数: to July of the form's year
        return f"{at[:4]}-{int(spent['month']):02d}"
    return at


def _values_period(project: Mapping[str, Any], indicators: list[Mapping[str, Any]]) -> str | None:
    """The month of a form's actual values (the latest), else December of its last target year."""
    periods = {(int(y), int(a.get("month") or 12)) for ind in indicators
               for y, a in (ind.get("actuals") or {}).items() if _YEAR.match(str(y)) and a.get("value") is not None}
    if len(periods) > 1:
        periods = {max(periods)}
    if periods:
        (year, month), = periods
        return f"{year}-{month:02d}"
    years = project_years({"project": project, "indicators": indicators})
    return f"{years[-1]}-12" if years else None


def spent_by_source(spent: Mapping[str, Any], sources: list[Mapping[str, Any]]) -> dict[str, float] | None:
    """What a form's funds block says was spent (``funding.spent`` of its reading), by the key of
    ``sources`` (``[{key, name}]``, in order): the sources the form splits it into (by name, else
    by key); the rest of the total to the one source left; None when a total no source can take
    remains (a total of several sources with no split)."""
    by_name = {str(s["name"]): str(s["key"]) for s in sources}
    keys = {str(s["key"]) for s in sources}
    amounts: dict[str, float] = {}
    for x in spent.get("sources") or []:
        key = by_name.get(str(x.get("name"))) or (str(x.get("key")) if str(x.get("key")) in keys else None)
        if key is not None and x.get("amount") is not None:
            amounts[key] = amounts.get(key, 0.0) + float(x["amount"])
    rest = round(float(spent["amount"]) - sum(amounts.values()), 6)
    left = [str(s["key"]) for s in sources if str(s["key"]) not in amounts]
    if len(left) == 1 and rest >= 0:
        amounts[left[0]] = rest
    elif abs(rest) > 0.005:
        return None
    return {str(s["key"]): amounts[str(s["key"])] for s in sources if str(s["key"]) in amounts}


def long_spending_csv(period: str, amounts: Mapping[str, float], label: str) -> str:
    """Spending of the year to date at ``period`` by source key, as a long spending file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["period", "source", "amount", "basis", "note"])
    for key, amount in amounts.items():
        writer.writerow([period, key, number_text(amount), "ytd", f"目标表：{label}"])
    return buf.getvalue()


def form_spending(source: str | os.PathLike[str] | bytes | BinaryIO, sources: list[Mapping[str, Any]],
                  filename: str, max_bytes: int, sheet: str | None = None) -> tuple[bytes | None, str | None]:
    """(long spending CSV, None) of what a filled form's funds block says was spent to date (a
    监控表's 1-8月执行数 at August, a 自评表's 全年执行数 at its year's end), by the project's
    ``sources`` (``[{key, name}]``); (None, the total as written) when it is a total of several
    sources with no split; (None, None) when the file is no such form (see the module's help)."""
    from analytics.ingest.tables import TableReading, parse_table

    data = source_bytes(source, max_bytes)
    if not data:
        return None, None
    reading = parse_table(data, filename=filename, sheet=sheet)
    if not isinstance(reading, TableReading) or reading.source.get("projected_actuals") or reading.source.get("sample_data"):
        return None, None
    project = reading.project
    spent = (project.get("funding") or {}).get("spent") or {}
    period = spending_period(project, reading.indicators)
    if period is None:
        return None, None
    label = str(spent.get("label") or "执行数")
    amounts = spent_by_source(spent, sources)
    if amounts is None:
        return None, f"{label} {number_text(float(spent['amount']))}"
    return long_spending_csv(period, amounts, label).encode("utf-8"), None
