"""The app shell: what runs before every page. app.py calls :func:`run`.

Order of one run: page setup, the navigation (registered first so the page list is drawn even
under the sign-in screen), the shared sidebar (language, as-of month, year), the sign-in gate,
then the page — all inside the error boundary. A page reads what it needs from
:func:`page_context` instead of repeating that opening.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from analytics.present.i18n import t
from analytics.storage.access import DEFAULT_USER, User
from pages.ui import errors, router
from pages.ui.common import ViewState, current_user, data_version, sidebar

# (file, address, title key, icon): addresses equal file names, see pages/ui/router.py
PAGES: list[tuple[str, str, str, str]] = [
    ("pages/overview.py", "overview", "nav_overview", ":material/dashboard:"),
    ("pages/goals.py", "goals", "nav_goals", ":material/flag:"),
    ("pages/indicator.py", "indicator", "nav_indicator", ":material/query_stats:"),
    ("pages/targets.py", "targets", "nav_targets", ":material/table_chart:"),
    ("pages/forecast.py", "forecast", "nav_forecast", ":material/trending_up:"),
    ("pages/budget.py", "budget", "nav_budget", ":material/account_balance:"),
    ("pages/data.py", "data", "nav_data", ":material/database:"),
    ("pages/meeting.py", "meeting", "nav_meeting", ":material/co_present:"),
    ("pages/new_project.py", "new_project", "new_project.nav", ":material/add_circle:"),
]


@dataclass(frozen=True)
class PageContext(ViewState):
    """What every page gets: the sidebar's choices (``lang``, ``year``, ``as_of``), the signed-in
    user, and the data version (pass it to every cached function, so caches follow the data)."""

    user: User = DEFAULT_USER
    version: tuple[Any, ...] = field(default=())


def _initial_lang() -> str:
    lang = st.session_state.get("lang", st.query_params.get("lang", "zh"))
    return lang if lang in ("zh", "en") else "zh"


def run() -> None:
    """The whole app for one script run."""
    st.set_page_config(page_title="绩效目标跟踪 · Performance targets", page_icon=":material/monitoring:", layout="wide")
    lang = _initial_lang()
    pages = [st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=i == 0)
             for i, (path, url, title, icon) in enumerate(PAGES)]
    page = st.navigation(pages)
    with errors.boundary(lang, page.url_path or "overview"):
        view = sidebar()
        user = current_user(render=True)  # sign-in gate: the sign-in screen and st.stop() when needed
        context = PageContext(view.lang, view.year, view.as_of, user=user, version=data_version())
        with router.serving(context):
            page.run()


def page_context() -> PageContext:
    """The context app.py made for this page (in a stray page-alone run: run the app instead)."""
    context = router.current()
    if context is None:
        router.reroute(run)
    assert isinstance(context, PageContext)
    return context
