"""预算情景: budget execution on the current pace and under other plans, the outputs money buys and
the self-evaluation score each plan leads to. All numbers come from analytics.budget.scenario/scoring."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st

from analytics.core.exports import xlsx_bytes
from analytics.budget.scenario import ScenarioError, load_allocation, normalise_scenario, project_scenario, spend_driven
from analytics.budget.scoring import score_scenario
from analytics.storage.store import StoreError
from pages.ui import scenarios_repo
from pages.ui.common import current_user, dataset, esc, fmt_money, fmt_value, goal_label, progress, sample_banner, show_chart, sidebar
from analytics.present.i18n import t

state = sidebar()
lang = state.lang
ds = dataset()
project = ds.project
as_of = state.as_of
year = as_of[0]
src_keys = [s.key for s in project.funding_sources]
src_name = {s.key: (s.name_en if lang == "en" else s.name) for s in project.funding_sources}
goal_ids = [g.id for g in project.goals]

st.title(t("bud_title", lang))
st.caption(t("bud_caption", lang, as_of=state.month_label(), year=year))
sample_banner(state)
if state.year != year:
    st.caption(t("bud_year_note", lang, year=year))
if not ds.budget.has_data:
    st.warning(t("budget_none", lang))
    st.stop()

alloc = load_allocation(project)
st.info(t("bud_alloc_note", lang, split="，".join(f"{goal_label(g, lang)} {alloc.get(g, 0):.0%}" for g in goal_ids)), icon=":material/info:")

# -- levers ----------------------------------------------------------------------------------
months_left = [f"{year}-{m:02d}" for m in range(as_of[1] + 1, 13)]


def levers_from_widgets() -> dict[str, Any]:
    lv: dict[str, Any] = {}
    ss = st.session_state
    if ss.get("lv_pace", 1.0) != 1.0:
        lv["pace"] = float(ss["lv_pace"])
    by_src = {k: float(ss[f"lv_pace_{k}"]) for k in src_keys if ss.get(f"lv_pace_{k}", 1.0) != 1.0}
    if by_src:
        lv["pace_by_source"] = by_src
    by_goal = {str(g): float(ss[f"lv_pace_g{g}"]) for g in goal_ids if ss.get(f"lv_pace_g{g}", 1.0) != 1.0}
    if by_goal:
        lv["pace_by_goal"] = by_goal
    if ss.get("lv_oneoff_amount", 0.0) and ss.get("lv_oneoff_month"):
        item = {"month": ss["lv_oneoff_month"], "amount": float(ss["lv_oneoff_amount"])}
        if ss.get("lv_oneoff_source") in src_keys:
            item["source"] = ss["lv_oneoff_source"]
        lv["one_off"] = [item]
    if ss.get("lv_freeze_on") and ss.get("lv_freeze_range"):
        rng = ss["lv_freeze_range"]
        a, b = (rng, rng) if isinstance(rng, str) else (rng[0], rng[-1])
        fr: dict[str, Any] = {"from": a, "to": b}
        if ss.get("lv_freeze_sources"):
            fr["sources"] = list(ss["lv_freeze_sources"])
        lv["freeze"] = fr
    adj = {k: float(ss[f"lv_adj_{k}"]) for k in src_keys if ss.get(f"lv_adj_{k}", 0.0)}
    if adj:
        lv["budget_adjustment"] = adj
    if ss.get("lv_tr_amount", 0.0) and ss.get("lv_tr_from") != ss.get("lv_tr_to"):
        lv["transfers"] = [{"from_goal": int(ss["lv_tr_from"]), "to_goal": int(ss["lv_tr_to"]), "amount": float(ss["lv_tr_amount"])}]
    costs = {i.id: float(ss[f"lv_cost_{i.id}"]) for i in spend_driven(project) if ss.get(f"lv_cost_{i.id}", 0.0)}
    if costs:
        lv["unit_costs"] = costs
    return lv


def load_into_widgets(doc: dict[str, Any]) -> None:
    """Put a saved scenario's levers into the widgets (before they are drawn)."""
    lv = normalise_scenario(doc, project).get("levers", {})
    ss = st.session_state
    ss["lv_pace"] = float(lv.get("pace", 1.0))
    for k in src_keys:
        ss[f"lv_pace_{k}"] = float(lv.get("pace_by_source", {}).get(k, 1.0))
        ss[f"lv_adj_{k}"] = float(lv.get("budget_adjustment", {}).get(k, 0.0))
    for g in goal_ids:
        ss[f"lv_pace_g{g}"] = float(lv.get("pace_by_goal", {}).get(str(g), lv.get("pace_by_goal", {}).get(g, 1.0)))
    one = (lv.get("one_off") or [{}])[0]
    ss["lv_oneoff_amount"] = float(one.get("amount", 0.0))
    if one.get("month") in months_left:
        ss["lv_oneoff_month"] = one["month"]
    ss["lv_oneoff_source"] = one.get("source", "all")
    fr = (lv.get("freeze") or [None])[0]
    ss["lv_freeze_on"] = bool(fr)
    if fr and months_left:
        a = fr.get("from") if fr.get("from") in months_left else months_left[0]
        b = fr.get("to") if fr.get("to") in months_left else months_left[-1]
        ss["lv_freeze_range"] = (a, b)
        ss["lv_freeze_sources"] = list(fr.get("sources") or [])
    tr = (lv.get("transfers") or [{}])[0]
    ss["lv_tr_amount"] = float(tr.get("amount", 0.0))
    if tr:
        ss["lv_tr_from"], ss["lv_tr_to"] = int(tr["from_goal"]), int(tr["to_goal"])
    for i in spend_driven(project):
        ss[f"lv_cost_{i.id}"] = float(lv.get("unit_costs", {}).get(i.id, 0.0))


if "_load_scenario" in st.session_state:
    load_into_widgets(st.session_state.pop("_load_scenario"))

with st.container(border=True):
    st.subheader(t("bud_levers", lang))
    if not months_left:
        st.caption(t("bud_no_months_left", lang))
    c1, c2 = st.columns([2, 1])
    c1.slider(t("bud_pace", lang), 0.0, 3.0, 1.0, 0.05, key="lv_pace", help=t("bud_pace_help", lang))
    c2.button(t("bud_reset", lang), icon=":material/restart_alt:", key="lv_reset", on_click=lambda: load_into_widgets({"levers": {}}))
    with st.expander(t("bud_more_levers", lang), icon=":material/tune:"):
        cols = st.columns(len(src_keys) or 1)
        for col, k in zip(cols, src_keys):
            col.number_input(t("bud_pace_source", lang, src=src_name[k]), 0.0, 5.0, 1.0, 0.05, key=f"lv_pace_{k}")
        cols = st.columns(len(goal_ids) or 1)
        for col, g in zip(cols, goal_ids):
            col.number_input(t("bud_pace_goal", lang, goal=g), 0.0, 5.0, 1.0, 0.05, key=f"lv_pace_g{g}")
        st.markdown(f"**{t('bud_oneoff', lang)}**")
        o1, o2, o3 = st.columns(3)
        if months_left:
            o1.selectbox(t("ind_month", lang), months_left, key="lv_oneoff_month")
        o2.number_input(t("bud_amount", lang), 0.0, 200000.0, 0.0, 100.0, key="lv_oneoff_amount")
        o3.selectbox(t("bud_source", lang), ["all"] + src_keys, format_func=lambda k: t("bud_all_sources", lang) if k == "all" else src_name[k], key="lv_oneoff_source")
        st.markdown(f"**{t('bud_freeze', lang)}**")
        f1, f2, f3 = st.columns([1, 2, 2])
        f1.toggle(t("bud_freeze_on", lang), key="lv_freeze_on")
        if len(months_left) >= 1:
            if "lv_freeze_range" not in st.session_state:
                st.session_state["lv_freeze_range"] = (months_left[0], months_left[-1])
            if len(months_left) > 1:
                f2.select_slider(t("bud_freeze_range", lang), months_left, key="lv_freeze_range")
            else:
                st.session_state["lv_freeze_range"] = (months_left[0], months_left[0])
        f3.multiselect(t("bud_source", lang), src_keys, format_func=lambda k: src_name[k], key="lv_freeze_sources", placeholder=t("bud_all_sources", lang))
        st.markdown(f"**{t('bud_adjust', lang)}**")
        cols = st.columns(len(src_keys) or 1)
        for col, k in zip(cols, src_keys):
            col.number_input(t("bud_adjust_source", lang, src=src_name[k]), -200000.0, 200000.0, 0.0, 100.0, key=f"lv_adj_{k}")
        st.markdown(f"**{t('bud_transfer', lang)}**")
        t1, t2, t3 = st.columns(3)
        t1.selectbox(t("bud_from_goal", lang), goal_ids, format_func=lambda g: goal_label(g, lang), key="lv_tr_from")
        t2.selectbox(t("bud_to_goal", lang), goal_ids, index=min(1, len(goal_ids) - 1), format_func=lambda g: goal_label(g, lang), key="lv_tr_to")
        t3.number_input(t("bud_amount", lang), 0.0, 100000.0, 0.0, 100.0, key="lv_tr_amount")
        st.markdown(f"**{t('bud_unit_costs', lang)}**")
        drivers = spend_driven(project)
        cols = st.columns(max(1, len(drivers)))
        for col, ind in zip(cols, drivers):
            col.number_input(t("bud_unit_cost_of", lang, name=ind.display_name(lang)), 0.0, 10000.0, 0.0, 0.01, key=f"lv_cost_{ind.id}", help=t("bud_unit_cost_help", lang))

levers = levers_from_widgets()
doc = {"name": st.session_state.get("scn_name") or t("bud_current", lang), "levers": levers}
try:
    result = project_scenario(project, ds.budget, as_of, doc, actuals=ds.actuals)
except ScenarioError as exc:
    for line in exc.messages(lang):
        st.error(esc(line), icon=":material/error:")
    st.stop()
rows = progress(year, as_of)
scored = score_scenario(project, ds.actuals, ds.budget, as_of, doc, progress_rows=rows, result=result)

# -- results ---------------------------------------------------------------------------------
st.subheader(t("bud_results", lang))
lo, hi = result.year_end_interval
m1, m2, m3, m4 = st.columns(4)
m1.metric(t("bud_year_end", lang), fmt_value(result.year_end_rate, "%", 1), delta=f"{result.year_end_rate - result.baseline_year_end_rate:+.1f} pp" if levers else None,
          help=t("bud_year_end_help", lang, lo=lo, hi=hi, base=result.baseline_year_end_rate), border=True)
target = project.execution_targets.get(year)
if result.target_period:
    m2.metric(t("bud_target_month", lang), result.target_period, border=True)
else:
    m2.metric(t("bud_shortfall", lang), fmt_money(result.shortfall, lang), help=t("bud_shortfall_help", lang, target=target or 0), border=True)
m3.metric(t("bud_score", lang), f"{scored.total:.1f}", help=t("bud_score_help", lang), border=True)
m4.metric(t("bud_grade", lang), scored.grade_en if lang == "en" else scored.grade, border=True)
for w in (result.warnings_en if lang == "en" else result.warnings_zh):
    st.warning(esc(w), icon=":material/warning:")
if result.central_at_risk:
    st.error(t("bud_central_risk", lang) + " " + " ".join(esc(r) for r in (result.risk_reasons_en if lang == "en" else result.risk_reasons_zh)), icon=":material/report:")

line_rows, band_rows = [], []
for p in result.path:
    kind = "actual" if p.observed else "projection"
    line_rows.append({"month": p.month, "value": p.execution_rate, "series": t("bud_series_actual", lang) if p.observed else t("bud_series_projection", lang), "kind": kind})
    if p.time_progress is not None:
        line_rows.append({"month": p.month, "value": p.time_progress, "series": t("budget_time", lang), "kind": "expected"})
    if not p.observed and p.lower is not None:
        band_rows.append({"month": p.month, "lower": p.lower, "upper": p.upper})
last_obs = max((p.month for p in result.path if p.observed), default=None)
if last_obs:  # join the projection to the last actual month
    obs_rate = next(p.execution_rate for p in result.path if p.month == last_obs)
    line_rows.append({"month": last_obs, "value": obs_rate, "series": t("bud_series_projection", lang), "kind": "projection"})
show_chart("execution_projection", pd.DataFrame(line_rows), pd.DataFrame(band_rows, columns=["month", "lower", "upper"]), lang, target)
st.caption(t("bud_chart_caption", lang))

left, right = st.columns(2)
with left:
    st.markdown(f"**{t('bud_by_source', lang)}**")
    st.dataframe(
        pd.DataFrame([
            {t("bud_source", lang): src_name.get(s.source, s.name), t("bud_budget", lang): s.adjusted_budget, t("bud_spent_ytd", lang): s.spent_before_year + s.spent_ytd,
             t("bud_projected_rest", lang): s.projected_rest, t("bud_unspent", lang): s.unspent, t("budget_rate", lang): s.execution_rate}
            for s in result.sources
        ]),
        hide_index=True, width="stretch",
        column_config={c: st.column_config.NumberColumn(format="%,.0f") for c in (t("bud_budget", lang), t("bud_spent_ytd", lang), t("bud_projected_rest", lang), t("bud_unspent", lang))}
        | {t("budget_rate", lang): st.column_config.NumberColumn(format="%.1f%%")},
    )
    st.caption(t("bud_unit_note", lang))
with right:
    st.markdown(f"**{t('bud_linked', lang)}**")
    if result.linked_outputs:
        st.dataframe(
            pd.DataFrame([
                {t("col_name", lang): lo_.name, t("col_unit", lang): lo_.unit, t("bud_ytd", lang): lo_.ytd, t("bud_unit_cost", lang): lo_.unit_cost,
                 t("bud_projected", lang): lo_.projected, t("col_target", lang): lo_.target, t("col_attain", lang): None if lo_.attainment is None else lo_.attainment * 100}
                for lo_ in result.linked_outputs
            ]),
            hide_index=True, width="stretch",
            column_config={t("col_attain", lang): st.column_config.NumberColumn(format="%.1f%%"), t("bud_unit_cost", lang): st.column_config.NumberColumn(format="%.4f", help=t("bud_unit_cost_help", lang))},
        )
    else:
        st.caption(t("no_data", lang))

st.subheader(t("bud_score_title", lang))
s1, s2 = st.columns([1, 1])
with s1:
    parts = pd.DataFrame([{"part": p.name_en if lang == "en" else p.name_zh, "points": p.points, "lost": max(0.0, p.points_max - p.points)} for p in scored.parts])
    show_chart("score_parts", parts, lang)
    st.caption(t("bud_score_rules", lang))
with s2:
    st.markdown(f"**{t('bud_costs_points', lang)}**")
    losses = [ln for ln in scored.what_costs_points if ln.lost > 0.005][:8]
    if not losses:
        st.caption(t("bud_no_losses", lang))
    for ln in losses:
        st.markdown(f"- **−{ln.lost:.2f}** {esc(ln.name_en if lang == 'en' else ln.name)}：{esc(ln.reason_en if lang == 'en' else ln.reason_zh)}")

# -- saved scenarios -------------------------------------------------------------------------
st.subheader(t("bud_saved", lang))
repo = scenarios_repo.repo()
can_edit = current_user().can_edit
saved = repo.list()


def _do(action, *args) -> bool:
    """Run a scenario-store action; show its message instead of failing."""
    try:
        action(*args)
        return True
    except StoreError as exc:
        st.error(exc.message(lang), icon=":material/error:")
        return False


if can_edit:
    a1, a2 = st.columns([2, 1])
    a1.text_input(t("bud_name", lang), key="scn_name", placeholder=t("bud_name_ph", lang))
    if a2.button(t("bud_save", lang), icon=":material/save:", key="scn_save"):
        name = (st.session_state.get("scn_name") or "").strip()
        if not name:
            st.warning(t("bud_name_needed", lang))
        elif _do(repo.save, name, {"name": name, "levers": levers}):
            st.toast(t("bud_saved_ok", lang, name=name))
            saved = repo.list()
if saved:
    b1, b2, b3, b4, b5 = st.columns([2, 1, 1, 1, 1])
    pick = b1.selectbox(t("bud_pick", lang), saved, key="scn_pick")
    if b2.button(t("bud_load", lang), icon=":material/upload:", key="scn_load"):
        st.session_state["_load_scenario"] = repo.get(pick)
        st.session_state["scenario_pick"] = pick
        st.rerun()
    if can_edit:
        if b3.button(t("bud_duplicate", lang), icon=":material/content_copy:", key="scn_dup") and _do(repo.duplicate, pick, t("bud_copy_of", lang, name=pick)):
            st.rerun()
        new_name = b4.text_input(t("bud_new_name", lang), key="scn_new_name", label_visibility="collapsed", placeholder=t("bud_new_name", lang))
        if b4.button(t("bud_rename", lang), icon=":material/edit:", key="scn_rename") and new_name.strip() and _do(repo.rename, pick, new_name.strip()):
            st.rerun()
        if b5.button(t("bud_delete", lang), icon=":material/delete:", key="scn_delete") and _do(repo.delete, pick):
            st.rerun()

    st.markdown(f"**{t('bud_compare', lang)}**")
    chosen = st.multiselect(t("bud_compare_pick", lang), saved, max_selections=4, key="scn_compare")
    if len(chosen) >= 2:
        comp_rows, comp_lines = [], []
        for name in chosen:
            sdoc = repo.get(name)
            res = project_scenario(project, ds.budget, as_of, sdoc, actuals=ds.actuals)
            sc = score_scenario(project, ds.actuals, ds.budget, as_of, sdoc, progress_rows=rows, result=res)
            comp_rows.append({
                t("bud_name", lang): name,
                t("bud_year_end", lang): round(res.year_end_rate, 2),
                t("bud_interval", lang): f"{res.year_end_interval[0]:.1f}–{res.year_end_interval[1]:.1f}%",
                t("bud_target_month", lang): res.target_period or "—",
                t("bud_shortfall", lang): round(res.shortfall, 0),
                t("bud_score", lang): round(sc.total, 2),
                t("bud_grade", lang): sc.grade_en if lang == "en" else sc.grade,
                t("bud_levers", lang): json.dumps(normalise_scenario(sdoc, project).get("levers", {}), ensure_ascii=False),
            })
            for p in res.path:
                comp_lines.append({"month": p.month, "value": p.execution_rate, "series": name, "kind": "scenario"})
        comp = pd.DataFrame(comp_rows)
        st.dataframe(comp, hide_index=True, width="stretch")
        show_chart("execution_projection", pd.DataFrame(comp_lines), pd.DataFrame(columns=["month", "lower", "upper"]), lang, target)
        st.download_button(t("download_xlsx", lang), lambda: xlsx_bytes({"scenarios": comp, "paths": pd.DataFrame(comp_lines).pivot(index="month", columns="series", values="value").reset_index()}),
                           t("bud_file", lang, as_of=state.as_of_key),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:", key="scn_export", on_click="ignore")
    else:
        st.caption(t("bud_compare_hint", lang))
else:
    st.caption(t("bud_none_saved", lang))
