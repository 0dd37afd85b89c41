"""Entry point: ``streamlit run app.py``. Navigation over the pages in ``pages/``."""

from __future__ import annotations

import streamlit as st

from pages.ui import router
from analytics.present.i18n import t

st.set_page_config(page_title="绩效目标跟踪 · Performance targets", page_icon=":material/monitoring:", layout="wide")

lang = st.session_state.get("lang", st.query_params.get("lang", "zh"))
if lang not in ("zh", "en"):
    lang = "zh"

pages = [
    st.Page("pages/overview.py", title=t("nav_overview", lang), icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/goals.py", title=t("nav_goals", lang), icon=":material/flag:", url_path="goals"),
    st.Page("pages/indicator.py", title=t("nav_indicator", lang), icon=":material/query_stats:", url_path="indicator"),
    st.Page("pages/targets.py", title=t("nav_targets", lang), icon=":material/table_chart:", url_path="targets"),
    st.Page("pages/forecast.py", title=t("nav_forecast", lang), icon=":material/trending_up:", url_path="forecast"),
    st.Page("pages/budget.py", title=t("nav_budget", lang), icon=":material/account_balance:", url_path="budget"),
    # --- more pages ---
    st.Page("pages/data.py", title=t("nav_data", lang), icon=":material/database:", url_path="data"),
    st.Page("pages/meeting.py", title=t("nav_meeting", lang), icon=":material/co_present:", url_path="meeting"),
]
with router.routing():
    st.navigation(pages).run()
