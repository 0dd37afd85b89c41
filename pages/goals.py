"""目标进展: indicators of one goal (or all), grouped by 一级/二级指标, filterable, downloadable."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.core.exports import csv_bytes, xlsx_bytes
from analytics.present.format import fmt_number, fmt_score
from analytics.present.goal_table import COLUMNS, DETAILS, column_title, export_records, goal_rows, records, screen_columns
from analytics.present.i18n import t
from analytics.present.labels import category_name, project_name, status_color, status_label
from analytics.present.table_layout import fit_columns
from analytics.rules.progress import load_rules
from pages.ui.common import dataset, esc, forecast_view, goal_label, goal_rollup, outlooks, progress, sample_banner
from pages.ui.shell import page_context

state = page_context()
lang = state.lang
ds = dataset()
project = ds.project
rules = load_rules()

st.title(t("goals_page_title", lang))
st.caption(t("overview_caption", lang, project=esc(project_name(project, lang)), as_of=state.month_label(), year=state.year))
sample_banner(state)

goal_ids = [0] + [g.id for g in project.goals]


# A link (the overview's goal cards and status chips: ``?goal=2``, ``?status=lagging``) sets the
# widgets; the status is taken from the URL once, so the same link works again later.
qp_goal = st.query_params.get("goal")
if qp_goal and qp_goal.lstrip("-").isdigit() and int(qp_goal) in goal_ids + [-1] and st.session_state.get("_link_goal") != qp_goal:
    st.session_state["goal_pick"] = int(qp_goal)
if "goal_pick" not in st.session_state:
    st.session_state["goal_pick"] = -1
if st.query_params.get("status") in rules["statuses"]:
    st.session_state["f_status"] = [st.query_params["status"]]
if "status" in st.query_params:
    del st.query_params["status"]
options = [-1] + goal_ids
goal = st.segmented_control(
    t("goal_pick", lang),
    options,
    format_func=lambda g: t("goal_all", lang) if g == -1 else (t("project_wide", lang) if g == 0 else t("goal_short", lang, g=g)),
    key="goal_pick",
) if project.goals else -1  # a table without goals: nothing to pick, every indicator serves the whole project
if goal is None:
    goal = -1
st.query_params["goal"] = str(goal)
st.session_state["_link_goal"] = str(goal)

if goal > 0:
    g = project.goal(goal)
    roll = next((r for r in goal_rollup(state.year, state.as_of) if r.goal == goal), None)
    with st.container(border=True):
        st.markdown(f"#### {esc(goal_label(goal, lang))}")
        if roll and roll.score is not None:
            st.markdown(t("goal_score_line", lang, score=fmt_score(roll.score, lang), status=status_label(roll.status, lang, rules)))
        if g is not None:
            if g.text_span:
                st.caption(t("label_value", lang, label=t("project_pages.goal_text_span", lang, first=project.years[0], last=project.years[-1]), value=esc(g.text_span)))
            if g.text_2023:
                st.caption(t("label_value", lang, label=t("project_pages.goal_text_first", lang, year=project.years[0]), value=esc(g.text_2023)))

rows = goal_rows(ds, progress(state.year, state.as_of), outlooks(state.year, state.as_of),
                 forecast_view(state.year, state.as_of, lang),  # level, chance and year-end as 年末预测 shows them
                 state.year, lang, goal, rules)
C = {k: column_title(k, lang) for k in COLUMNS}

f1, f2, f3 = st.columns([1, 1, 2])
levels = sorted({ind.level1 for ind in project.indicators if ind.level1})
level_pick = f1.multiselect(t("filter_level1", lang), levels, format_func=lambda v: category_name(v, lang), key="f_level1",
                            placeholder=t("filter_all", lang), select_all=False)
status_keys = [k for k in rules["statuses"] if k in {r.status for r in rows}]
if any(k not in status_keys for k in st.session_state.get("f_status", [])):  # a link to a status this view has none of
    st.session_state["f_status"] = [k for k in st.session_state["f_status"] if k in status_keys]
status_pick = f2.multiselect(t("filter_status", lang), status_keys, format_func=lambda k: status_label(k, lang, rules), key="f_status",
                             placeholder=t("filter_all", lang), select_all=False)
search = f3.text_input(t("filter_search", lang), key="f_search", placeholder=t("search_placeholder", lang))
needle = search.strip().lower()
rows = [r for r in rows if (not level_pick or r.level1 in level_pick) and (not status_pick or r.status in status_pick)
        and (not needle or needle in r["name"].lower() or needle in r.id.lower())]

st.caption(t("n_shown", lang, n=len(rows)))
view = pd.DataFrame(records(rows, lang), columns=[C[k] for k in COLUMNS])
shown_cols = [C[k] for k in screen_columns(lang)]
layout = fit_columns({c: view[c] for c in shown_cols})  # 1440 px: no sideways scrolling
helps = {"likelihood": t("col_likelihood_help", lang), "gap": t("col_gap_help", lang), "attain": t("col_attain_help", lang)}
colcfg = {C[k]: st.column_config.TextColumn(width=layout.widths[C[k]], help=helps.get(k)) for k in screen_columns(lang)}
status_colors = {status_label(k, lang, rules): status_color(k, rules) for k in rules["statuses"]}
wrapped = layout.wrapped(view)  # line breaks where a reader breaks, never inside a number
shown = wrapped.style.map(lambda v: f"color: {status_colors[v]}; font-weight: 600" if v in status_colors else "", subset=[C["status"]]) if not view.empty else wrapped
event = st.dataframe(shown, hide_index=True, width="stretch", column_order=shown_cols, column_config=colcfg,
                     row_height=layout.row_height, height=layout.height or "auto",
                     on_select="rerun", selection_mode="single-row", key="goal_table")
sel = event.selection.rows if event and hasattr(event, "selection") else []
if sel and sel[0] < len(view):
    picked = view.iloc[sel[0]]
    with st.container(border=True):
        st.markdown(esc(picked[C["why"]]))
        st.caption(esc(t("list_sep", lang).join(t("label_value", lang, label=C[k], value=picked[C[k]]) for k in DETAILS)))
        st.page_link("pages/indicator.py", label=t("label_value", lang, label=t("open_indicator", lang), value=esc(picked[C["name"]])),
                     icon=":material/query_stats:", query_params={"indicator": picked[C["id"]]})

if not view.empty:
    export = pd.DataFrame(export_records(rows, lang))
    c1, c2 = st.columns(2)
    name = t("goals_file", lang, as_of=state.as_of_key)
    sheet = t("goals_page_title", lang)
    c1.download_button(t("download_csv", lang), lambda: csv_bytes(export), f"{name}.csv", "text/csv", icon=":material/download:", key="dl_csv", on_click="ignore")
    c2.download_button(t("download_xlsx", lang), lambda: xlsx_bytes({sheet: export}), f"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:", key="dl_xlsx", on_click="ignore")
