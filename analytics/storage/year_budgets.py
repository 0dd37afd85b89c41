"""Keep the year budgets (年度预算指标) in the data store: one setting (``year_budgets``, JSON rows
year/source/amount in 万元), written through the store's audited, undoable settings API, so
every save changes ``data_version()`` and the app's caches rebuild. Checked before writing
(:func:`analytics.budget.year_table.check_year_budgets`); an empty value means "reset to derived"."""

from __future__ import annotations

from typing import Mapping, Protocol

from analytics.budget.year_table import YearBudgetCheck, amounts_from_json, amounts_json, check_year_budgets
from analytics.core.model import Project
from analytics.storage.dataset import YEAR_BUDGETS_SETTING

__all__ = ["reset_year_budgets", "save_year_budgets", "stored_year_budgets"]


class _Settings(Protocol):
    def get_setting(self, key: str, default: str | None = None) -> str | None: ...

    def set_setting(self, key: str, value: str, who: str) -> None: ...


def stored_year_budgets(store: _Settings) -> dict[tuple[int, str], float] | None:
    """The stored table as saved (None when none is stored)."""
    return amounts_from_json(store.get_setting(YEAR_BUDGETS_SETTING))


def save_year_budgets(store: _Settings, project: Project, amounts: Mapping[tuple[int, str], float],
                      who: str) -> YearBudgetCheck:
    """Check ``amounts`` and store them when there is no error (warnings do not stop the save)."""
    check = check_year_budgets(project, amounts)
    if check.ok:
        store.set_setting(YEAR_BUDGETS_SETTING, amounts_json(amounts), who)
    return check


def reset_year_budgets(store: _Settings, who: str) -> bool:
    """Forget the stored table (the file or the derived rule applies again); False if none was stored."""
    if not (store.get_setting(YEAR_BUDGETS_SETTING) or "").strip():
        return False
    store.set_setting(YEAR_BUDGETS_SETTING, "", who)
    return True
