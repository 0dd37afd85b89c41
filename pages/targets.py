"""目标表: the official target table as written, with the parsed meaning of every value."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.core.exports import csv_bytes
from analytics.present.format import fmt_pct, fmt_value
from analytics.present.labels import department_lines, project_name
from analytics.present.target_table import target_records
from pages.ui.common import dataset, esc
from pages.ui.shell import page_context
from analytics.present.i18n import t

state = page_context()
lang = state.lang
project = dataset().project

st.title(t("targets_title", lang))
st.caption(t("targets_caption", lang))

c1, c2 = st.columns(2)
with c1.container(border=True):
    st.markdown(f"**{esc(project_name(project, lang))}**")
    departments = department_lines(project, lang)
    if departments:  # a table that names none: no empty heading
        st.markdown(f"**{t('departments', lang)}**")
    for label, name in departments:
        st.markdown("- " + t("label_value", lang, label=esc(label), value=esc(name)))
with c2.container(border=True):
    st.markdown(t("label_value", lang, label=f"**{t('funding', lang)}**", value=fmt_value(project.funding_total, "万元", lang)))
    for s in project.funding_sources:
        source = s.display_name(lang)
        st.markdown("- " + t("label_value", lang, label=esc(source), value=fmt_value(s.amount, "万元", lang)))
    if project.funding_from_year_budgets:  # the table names no money: the year budgets entered on 数据管理
        st.caption(t("funding_from_year_budgets", lang))
    if project.execution_targets:
        st.caption(t("execution_targets", lang, items=t("list_sep_long", lang).join(
            t("label_value", lang, label=y, value=fmt_pct(v, lang, decimals=0)) for y, v in sorted(project.execution_targets.items()))))

with st.expander(t("overall_goal", lang), expanded=True):
    st.markdown(esc(project.overall_goal) if (project.overall_goal or "").strip() or project.goals else t("no_overall_goal", lang))
    for g in project.goals:
        st.markdown(f"**{esc(g.label(lang))}**")
        if g.text_span:
            st.caption(t("label_value", lang, label=t("project_pages.goal_text_span", lang, first=project.years[0], last=project.years[-1]), value=esc(g.text_span)))
        if g.text_2023:
            st.caption(t("label_value", lang, label=t("project_pages.goal_text_first", lang, year=project.years[0]), value=esc(g.text_2023)))

df = pd.DataFrame(target_records(project, lang))
st.dataframe(df, hide_index=True, width="stretch", height=min(38 * (len(df) + 1), 900))
st.download_button(t("download_csv", lang), lambda: csv_bytes(df), t("targets_file", lang), "text/csv", icon=":material/download:", on_click="ignore", key="dl_targets")
