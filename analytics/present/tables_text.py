"""Messages about reading a target table and saving it as a project, for the CLI (``parse-table``,
``new-project``) and the 新建项目 page alike: why no table was found, a row that could not be read,
a value rewritten or left out when saved, and a correction the review step could not use."""

from __future__ import annotations

from typing import Any, Mapping

from analytics.present.catalogue import text
from analytics.present.format import fmt_money, fmt_pct, fmt_period_key
from analytics.present.messages import render

__all__ = ["forms_message", "no_table_message", "note_message", "problem_message", "row_message", "spent_preview", "spent_words",
           "year_message"]


def no_table_message(result: Any, file: str, lang: str) -> str:
    """A :class:`~analytics.ingest.tables.reading.NoTable`: what was looked for, what was there."""
    sheets = text("tables.sheets", lang, names="、".join(result.sheets)) if len(result.sheets) > 1 else ""
    sample = " / ".join(result.sample) or "—"
    return text(f"tables.{result.code}", lang, file=file, rows=result.rows, sheets=sheets, sample=sample,
                detail=result.detail)


def forms_message(reading: Mapping[str, Any], file: str, lang: str) -> str | None:
    """A file with several forms read together: how many, which (each project's name and its
    indicators), and how to take one; else ``None``."""
    forms = reading.get("source", {}).get("forms") or []
    if len(forms) < 2 or all("form" not in i for i in reading.get("indicators", [])):
        return None
    names = ("、" if lang == "zh" else "; ").join(
        text("tables.forms_found_one", lang, k=f["form"], name=f.get("name") or f["where"], n=f["indicators"])
        for f in forms[:8]) + ("…" if len(forms) > 8 else "")  # each project and its rows, to tell which to take
    return text("tables.forms_found", lang, file=file, n=len(forms), names=names)


def year_message(reading: Mapping[str, Any], lang: str) -> str | None:
    """Where the year of value columns that name none was taken from (the title, the sheet's or
    the file's name …: ``source.year_from``), so the reviewer can check it; ``None`` when the table
    or ``--year`` named it, or no year was found."""
    source = reading.get("source", {})
    where, year = source.get("year_from"), source.get("year")
    if not where or where == "argument" or year is None:
        return None
    return text("tables.year_from_note", lang, year=year, where=text(f"tables.year_from_{where}", lang))


def advice_message(reading: Mapping[str, Any], lang: str) -> str | None:
    """What a reading advises the person who reviews it (``source.advice``), else ``None``."""
    advice = reading.get("source", {}).get("advice")
    if not advice:
        return None
    hidden = reading.get("source", {}).get("hidden") or {}
    return text(f"tables.advice_{advice}", lang, unread=len(reading.get("unread") or []),
                n=len(reading.get("indicators") or []), rows=hidden.get("rows", 0), columns=hidden.get("columns", 0))


def _cell_problem(cell: str, lang: str) -> str:
    """``2022:292%→percent_over_100`` → ``2022:292%：比率超过100%，疑为录入错误``; unknown codes as written."""
    head, _, code = cell.rpartition("→")
    if not head:
        return cell
    key = f"tables.cell_error_{code}"
    why = text(key, lang)
    if why == key:
        return cell
    return f"{head}：{why}" if lang == "zh" else f"{head}: {why}"


def row_message(item: Mapping[str, Any], lang: str) -> str:
    """A row of the table that could not be read (an item of ``unread``), located; each unreadable
    cell with the reason in words."""
    return text(f"tables.row_{item['reason']}", lang, where=item["where"], text=item["text"],
                cells="; ".join(_cell_problem(c, lang) for c in item.get("cells") or []))


def _column(column: str, lang: str) -> str:
    """``target_2024`` → 2024年目标 / 2024 target; ``actual_2022`` and ``actuals_2022`` → 2022年实际."""
    head, _, year = column.partition("_")
    if head == "target" and year not in ("span", "?"):
        return text("projects.col_target", lang, year=year)
    if head in ("actual", "actuals") and year != "?":
        return text("projects.col_actual", lang, year=year)
    return column


def note_message(note: Mapping[str, Any], lang: str) -> str:
    """A value rewritten or left out when the reading was written as target files; a value of the
    form the import check refused, with the check's reason."""
    if note.get("code") == "funding_unallocated":  # the reading's own words, in the language asked for
        return funding_message({"project": {"funding": note.get("funding") or {}}}, lang) or ""
    if note.get("problem"):
        problem: Any = note["problem"]
        return text(f"projects.note_{note['code']}", lang, why=render(problem["code"], lang, **problem["params"]))
    return text(f"projects.note_{note['code']}", lang, id=note["id"], column=_column(note["column"], lang), raw=note["raw"])


def problem_message(problem: Any, name: str, lang: str) -> str:
    """A correction of the review grid that cannot be used (a
    :class:`~analytics.ingest.tables.review.ReviewProblem`), with the indicator's name."""
    column = problem.field
    if column.startswith("target_"):
        column = text("projects.col_target", lang, year=column.removeprefix("target_"))
    else:
        column = text(f"projects.col_{column}", lang)
    return text(f"projects.problem_{problem.code}", lang, name=name, column=column, text=problem.text)


def funding_message(reading: Mapping[str, Any], lang: str) -> str | None:
    """That the sources a table lists do not add up to its total (``funding.unallocated``), said by
    parse-table, before saving on 新建项目 and in new-project's notes; None when they agree."""
    funding = (reading.get("project") or {}).get("funding") or {}
    gap = funding.get("unallocated")
    if gap is None:
        return None
    sources = funding.get("sources") or []
    sep = "、" if lang == "zh" else ", "
    words = text("tables.funding_unlisted" if gap > 0 else "tables.funding_over", lang, gap=fmt_money(abs(gap), lang))
    return text("tables.funding_unallocated", lang, total=fmt_money(float(funding["total"]), lang),
                sources=sep.join(f"{s['name']} {fmt_money(float(s['amount']), lang)}" for s in sources),
                listed=fmt_money(sum(float(s["amount"]) for s in sources), lang), gap_words=words)


def funding_text_message(reading: Mapping[str, Any], lang: str) -> str | None:
    """That the funding was read from the words above the table, not from a money block of its
    own (``project.inferred.funding``), with the words and their line, for the reader to check; said
    by parse-table and before saving on 新建项目. None when the table has its own."""
    found = ((reading.get("project") or {}).get("inferred") or {}).get("funding")
    if not found:
        return None
    reason = str(found.get("reason" if lang == "zh" else "reason_en") or found.get("reason") or "").rstrip("。.")
    return text("tables.funding_from_text", lang, where=found.get("where") or "", reason=reason)


def spent_preview(reading: Mapping[str, Any], lang: str) -> str | None:
    """What the table says was spent, said before saving (the 新建项目 page's project facts):
    ``表中的预算执行数 30.00万元（执行率 10.8%），保存时作为 2022年12月 的支出导入。``; None without."""
    from analytics.ingest.forms import spending_period

    project = reading.get("project") or {}
    spent = (project.get("funding") or {}).get("spent") or {}
    period = spending_period(project, list(reading.get("indicators") or []))
    if period is None:
        return None
    rate = text("new_project.spent_rate", lang, rate=fmt_pct(spent["rate"], lang)) if spent.get("rate") is not None else ""
    return text("new_project.spent_preview", lang, amount=fmt_money(spent["amount"], lang), rate=rate,
                period=fmt_period_key(period, lang))


def spent_words(saved: Any, lang: str) -> tuple[str, str] | None:
    """The month and amount of the spending a saved form brought (a
    :class:`~analytics.storage.project_files.SavedProject`), as the page says them."""
    spent = saved.spent()
    if spent is None:
        return None
    return fmt_period_key(spent[0], lang), fmt_money(spent[1], lang)
