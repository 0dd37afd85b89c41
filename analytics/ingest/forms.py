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

__all__ = ["FormActuals", "actual_row", "form_actuals", "long_actuals_csv"]

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
    if reading.source.get("projected_actuals") or reading.source.get("sample_data"):
        return None
    by_name = {_key(meta.get("name")): str(iid) for iid, meta in indicators.items() if _key(meta.get("name"))}
    left_out = {_key(n) for n in computed}
    out: list[list[str]] = []
    unmatched: list[str] = []
    places: list[str] = []
    for ind in reading.indicators:
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
        for year, a in sorted(values.items()):
            out.append(actual_row(iid, year, a, indicators[iid].get("kind"), f"{where}{a.get('raw', '')}"))
            places.append(str(ind.get("where") or ""))
    if not out:
        return None
    return FormActuals(long_actuals_csv(out).encode("utf-8"), unmatched, places)
