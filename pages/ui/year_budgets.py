"""数据管理 › 年度预算指标: the year budgets by funding source (万元) as a year × source grid.

The grid starts from the table in force (stored > the project folder's year_budgets.csv > the
derived rule, :mod:`analytics.budget.year_table`); years whose figures are derived are marked.
Editors save (checked first: numbers ≥ 0, each year's sum within the project total; a warning when
the years do not add up to the total) or reset to the derived values. Both are audited settings
writes, so ``data_version()`` changes and every cached page recomputes.

Test hook: the current editor key is kept in ``st.session_state["_year_budgets_key"]``.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import pandas as pd
import streamlit as st

from analytics.budget.year_table import YearBudgetIssue, table_in_force
from analytics.present.i18n import t
from analytics.storage.year_budgets import reset_year_budgets, save_year_budgets
from pages.ui.common import esc, invalidate_data

__all__ = ["year_budget_section"]

NONCE = "_year_budgets_nonce"


def _issue_text(issue: YearBudgetIssue, names: dict[str, str], lang: str) -> str:
    params = dict(issue.params)
    if "source" in params:
        params["source"] = names.get(str(params["source"]), params["source"])
    return t(f"year_budgets.{issue.code}", lang, **params)


def _frame(ds: Any, lang: str, names: dict[str, str]) -> tuple[pd.DataFrame, str]:
    table = table_in_force(ds.project, ds.budget)
    year_col = t("year_budgets.col_year", lang)
    rows = []
    for y in ds.project.years:
        cells = [c for c in table.cells if c.year == y]
        derived = any(c.basis in ("target", "none") for c in cells)
        row: dict[str, Any] = {year_col: f"{y}{t('year_budgets.derived_mark', lang) if derived else ''}"}
        for c in cells:
            row[names[c.source]] = None if c.amount is None else round(c.amount, 2)
        rows.append(row)
    return pd.DataFrame(rows), table.origin


def year_budget_section(db: Any, ds: Any, user: Any, lang: str, flash: Callable[[str, str], None]) -> None:
    """The section; ``flash(kind, text)`` queues a message shown after the rerun."""
    project = ds.project
    names = {s.key: s.display_name(lang) for s in project.budget_sources}
    frame, origin = _frame(ds, lang, names)
    st.subheader(t("year_budgets.title", lang))
    st.caption(t("year_budgets.help", lang))
    if not project.table_funded:  # the table names no money: these budgets are the project's funding
        st.caption(t("year_budgets.funds_the_project", lang))
    st.caption(t("year_budgets.in_force", lang, origin=t(f"year_budgets.origin_{origin}", lang)))
    if frame[t("year_budgets.col_year", lang)].str.len().gt(4).any():
        st.caption(t("year_budgets.derived_note", lang))
    year_col = t("year_budgets.col_year", lang)
    config: dict[str, Any] = {n: st.column_config.NumberColumn(n, min_value=0.0, format="%.2f") for n in names.values()}
    if not user.can_edit:
        st.dataframe(frame, hide_index=True, column_config=config, width="stretch", placeholder="")
        return
    key = f"year_budgets_{st.session_state.setdefault(NONCE, 0)}"
    st.session_state["_year_budgets_key"] = key
    edited = st.data_editor(frame, key=key, hide_index=True, disabled=[year_col], column_config=config,
                            num_rows="fixed", width="stretch", placeholder="")  # a year nothing derives: blank, not None
    left, right = st.columns([1, 4])
    save = left.button(t("year_budgets.save", lang), key="year_budgets_save", type="primary", icon=":material/save:")
    reset = right.button(t("year_budgets.reset", lang), key="year_budgets_reset", icon=":material/restart_alt:")
    if reset:
        done = reset_year_budgets(db, user.name)
        _after_write(flash, t("year_budgets.reset_done" if done else "year_budgets.no_changes", lang))
    if save:
        _save(db, project, edited, names, user, lang, flash)


def _save(db: Any, project: Any, edited: pd.DataFrame, names: dict[str, str], user: Any, lang: str,
          flash: Callable[[str, str], None]) -> None:
    amounts: dict[tuple[int, str], float] = {}
    missing: list[YearBudgetIssue] = []
    for y, (_, row) in zip(project.years, edited.iterrows()):
        for s in project.budget_sources:
            v = row.get(names[s.key])
            if v is None or (isinstance(v, float) and math.isnan(v)):
                if project.table_funded:  # a table naming no money: a source left blank has none
                    missing.append(YearBudgetIssue("empty_cell", {"year": y, "source": s.key}))
            else:
                amounts[(int(y), s.key)] = float(v)
    check = None if missing else save_year_budgets(db, project, amounts, user.name)
    errors = missing if check is None else check.errors
    if errors:
        st.error("\n".join(f"- {esc(_issue_text(i, names, lang))}" for i in errors), icon=":material/error:")
        return
    assert check is not None
    for w in check.warnings:
        flash("warning", esc(_issue_text(w, names, lang)))
    _after_write(flash, t("year_budgets.saved", lang))


def _after_write(flash: Callable[[str, str], None], message: str) -> None:
    invalidate_data()
    st.session_state[NONCE] = st.session_state.get(NONCE, 0) + 1  # the grid starts fresh from the store
    flash("success", message)
    st.rerun()
