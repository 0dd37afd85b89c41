"""Entry point: ``streamlit run app.py``. Navigation over the pages in ``pages/``."""

from __future__ import annotations

import streamlit as st

from pages.i18n import t

st.set_page_config(page_title="绩效目标跟踪 · Performance targets", page_icon=":material/monitoring:", layout="wide")

lang = st.session_state.get("lang", st.query_params.get("lang", "zh"))
if lang not in ("zh", "en"):
    lang = "zh"

pages = [
    st.Page("pages/overview.py", title=t("nav_overview", lang), icon=":material/dashboard:", url_path="summary", default=True),
    st.Page("pages/goals.py", title=t("nav_goals", lang), icon=":material/flag:", url_path="progress"),
    st.Page("pages/indicator.py", title=t("nav_indicator", lang), icon=":material/query_stats:", url_path="detail"),
    st.Page("pages/targets.py", title=t("nav_targets", lang), icon=":material/table_chart:", url_path="table"),
    # --- more pages ---
]
st.navigation(pages).run()
