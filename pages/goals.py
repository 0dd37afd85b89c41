"""目标进展: indicators of one goal (or all), grouped by 一级/二级指标, filterable, downloadable."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.core.exports import csv_bytes, xlsx_bytes
from analytics.rules.progress import load_rules
from pages.ui.common import dataset, esc, goal_label, goal_rollup, progress, sample_banner, sidebar, status_label
from analytics.present.i18n import t

state = sidebar()
lang = state.lang
ds = dataset()
project = ds.project
rules = load_rules()

st.title(t("goals_page_title", lang))
st.caption(t("overview_caption", lang, project=project.name_en if lang == "en" else project.name, as_of=state.month_label(), year=state.year))
sample_banner(state)

goal_ids = [0] + [g.id for g in project.goals]
qp_goal = st.query_params.get("goal")
if "goal_pick" not in st.session_state:
    st.session_state["goal_pick"] = int(qp_goal) if qp_goal and qp_goal.lstrip("-").isdigit() and int(qp_goal) in goal_ids + [-1] else -1
options = [-1] + goal_ids
goal = st.segmented_control(
    t("goal_pick", lang),
    options,
    format_func=lambda g: t("goal_all", lang) if g == -1 else (t("project_wide", lang) if g == 0 else t("goal_short", lang, g=g)),
    key="goal_pick",
)
if goal is None:
    goal = -1
st.query_params["goal"] = str(goal)

if goal > 0:
    g = project.goal(goal)
    roll = next((r for r in goal_rollup(state.year, state.as_of) if r.goal == goal), None)
    with st.container(border=True):
        st.markdown(f"#### {esc(goal_label(goal, lang))}")
        if roll and roll.score is not None:
            st.markdown(f"{t('goal_score', lang)}：**{roll.score:.0f}** · {status_label(roll.status, lang)}")
        if g is not None:
            if g.text_span:
                st.caption(f"{t('goal_text_span', lang)}：{esc(g.text_span)}")
            if g.text_2023:
                st.caption(f"{t('goal_text_2023', lang)}：{esc(g.text_2023)}")

rows = progress(state.year, state.as_of)
by_id = project.by_id
records = []
for r in rows:
    ind = by_id[r.indicator_id]
    if goal != -1 and ind.goal != goal:
        continue
    unit = ind.unit
    records.append(
        {
            "id": ind.id,
            t("col_goal", lang): goal_label(ind.goal, lang),
            t("col_level1", lang): ind.level1,
            t("col_level2", lang): ind.level2,
            t("col_name", lang): ind.display_name(lang),
            t("col_unit", lang): unit or "—",
            t("col_target", lang): r.target_raw or "—",
            t("col_actual", lang): r.actual,
            t("col_expected", lang): r.expected,
            t("col_attain", lang): None if r.attainment is None else r.attainment * 100,
            t("col_gap", lang): r.gap,
            t("col_status", lang): status_label(r.status, lang),
            t("col_data_month", lang): r.data_month,
            t("col_origin", lang): t(f"origin_{ind.origin}", lang),
            t("col_why", lang): r.explain_en if lang == "en" else r.explain_zh,
            "_status": r.status,
        }
    )
df = pd.DataFrame(records)
if not df.empty:  # grouped by 一级/二级指标 in the table's own order, then by indicator order
    l1_order = {v: i for i, v in enumerate(dict.fromkeys(ind.level1 for ind in project.indicators))}
    l2_order = {v: i for i, v in enumerate(dict.fromkeys(ind.level2 for ind in project.indicators))}
    df = df.assign(_k1=df[t("col_level1", lang)].map(l1_order), _k2=df[t("col_level2", lang)].map(l2_order), _k3=df["id"].map(lambda i: by_id[i].seq))
    df = df.sort_values(["_k1", "_k2", "_k3"]).drop(columns=["_k1", "_k2", "_k3"]).reset_index(drop=True)

f1, f2, f3 = st.columns([1, 1, 2])
levels = sorted({ind.level1 for ind in project.indicators if ind.level1})
level_pick = f1.multiselect(t("filter_level1", lang), levels, key="f_level1")
status_keys = [k for k in rules["statuses"] if not df.empty and k in set(df["_status"])]
status_pick = f2.multiselect(t("filter_status", lang), status_keys, format_func=lambda k: status_label(k, lang), key="f_status")
search = f3.text_input(t("filter_search", lang), key="f_search")
if not df.empty:
    if level_pick:
        df = df[df[t("col_level1", lang)].isin(level_pick)]
    if status_pick:
        df = df[df["_status"].isin(status_pick)]
    if search:
        s = search.strip().lower()
        df = df[df[t("col_name", lang)].str.lower().str.contains(s, regex=False) | df["id"].str.lower().str.contains(s, regex=False)]

st.caption(t("n_shown", lang, n=len(df)))
view = df.drop(columns=["_status"]) if not df.empty else df
colcfg = {
    t("col_actual", lang): st.column_config.NumberColumn(format="%.4g"),
    t("col_expected", lang): st.column_config.NumberColumn(format="%.4g"),
    t("col_attain", lang): st.column_config.NumberColumn(format="%.1f%%", help=t("col_attain_help", lang)),
    t("col_gap", lang): st.column_config.NumberColumn(format="%+.4g", help=t("col_gap_help", lang)),
    t("col_why", lang): st.column_config.TextColumn(width="large"),
}
event = st.dataframe(view, hide_index=True, width="stretch", column_config=colcfg, on_select="rerun", selection_mode="single-row", key="goal_table")
sel = event.selection.rows if event and hasattr(event, "selection") else []
if sel:
    picked = view.iloc[sel[0]]["id"]
    if st.button(f"{t('open_indicator', lang)}：{view.iloc[sel[0]][t('col_name', lang)]}", icon=":material/query_stats:", key="open_selected"):
        st.session_state["indicator_pick"] = picked
        st.switch_page("pages/indicator.py")

if not view.empty:
    c1, c2 = st.columns(2)
    name = t("goals_file", lang, as_of=state.as_of_key)
    c1.download_button(t("download_csv", lang), lambda: csv_bytes(view), f"{name}.csv", "text/csv", icon=":material/download:", key="dl_csv", on_click="ignore")
    c2.download_button(t("download_xlsx", lang), lambda: xlsx_bytes({"progress": view}), f"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:", key="dl_xlsx", on_click="ignore")
