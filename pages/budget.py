"""预算情景: budget execution on the current pace and under other plans, the outputs money buys and
the self-evaluation score each plan leads to. All numbers come from analytics.budget.scenario/scoring."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from analytics.core.calendar import year_over
from analytics.core.reporting import spending_closed
from analytics.budget.levers import REGISTRY, Field, Lever, plan_months
from analytics.budget.required import required_pace
from analytics.budget.scenario import ScenarioError, load_allocation, normalise_scenario, project_scenario
from analytics.budget.widgets import input_key, inputs_for, levers_from_inputs, members
from analytics.present import budget_text
from analytics.reports.scenario_compare import comparison_workbook
from analytics.present.labels import project_name
from analytics.present.score_text import coverage_text, over_budget_text, score_parts, score_reason, total_said, unscored_reason
from analytics.budget.self_eval import self_evaluation
from analytics.storage.store import StoreError
from pages.ui import scenarios_repo
from analytics.present.format import DASH, fmt_gap, fmt_money, fmt_month, fmt_pct, fmt_period_key, fmt_value, rounded, target_number, unit_name
from pages.ui.common import dataset, esc, goal_label, metric_columns, progress, sample_banner, show_chart
from pages.ui.shell import page_context
from analytics.present.i18n import t

state = page_context()
lang = state.lang
ds = dataset()
project = ds.project
as_of = state.as_of
year = as_of[0]
src_keys = [s.key for s in project.funding_sources]
src_name = {s.key: s.display_name(lang) for s in project.funding_sources}
goal_ids = [g.id for g in project.goals]

st.title(t("bud_title", lang))
st.caption(t("bud_caption", lang, project=esc(project_name(ds.project, lang)), as_of=state.month_label(), year=year))
sample_banner(state)
if state.year != year:
    st.caption(t("bud_year_note", lang, year=year))


def funding_facts() -> None:
    """No spending yet: what the target table says about the money (total and sources), or
    plainly that it says nothing (a table whose funding cell could not be read)."""
    sources = [s for s in project.funding_sources if s.amount]
    total = project.funding_amount
    if not total:
        st.info(t("project_pages.funding_none", lang), icon=":material/info:")
        return
    st.subheader(t("project_pages.funding_title", lang))
    cols = metric_columns("funding", [1.0] * min(4, 1 + len(sources)))
    cols[0].metric(t("project_pages.funding_total", lang), fmt_money(total, lang, decimals=2), border=True)
    for col, s in zip(cols[1:], sources):
        col.metric(esc(src_name[s.key]), fmt_money(s.amount, lang, decimals=2), border=True)
    if not project.funding_total:
        st.caption(t("project_pages.funding_total_zero_note", lang, sum=fmt_money(total, lang, decimals=2)))
    st.warning(t("project_pages.funding_no_spending", lang), icon=":material/hourglass_empty:")


if not ds.budget.has_data:
    funding_facts()
    st.stop()
if (unbudgeted := budget_text.unbudgeted_spending(ds.budget, as_of, lang)):  # no execution rate, projection or score to show
    st.warning(unbudgeted, icon=":material/info:")
    st.stop()

alloc = load_allocation(project)
if goal_ids:  # a table without goals has no split of its money by goal
    st.info(t("bud_alloc_note", lang, split=t("list_sep", lang).join(f"{esc(goal_label(g, lang))} {fmt_pct(alloc.get(g, 0), lang, decimals=0, fraction=True)}" for g in goal_ids)), icon=":material/info:")

# -- levers (drawn from the lever registry: analytics.budget.levers.REGISTRY) ----------------
months_left = plan_months(ds.budget, as_of)  # after the month spending runs to: none once December's is in


def load_into_widgets(doc: dict[str, Any]) -> None:
    """Put a saved scenario's levers into the widgets (before they are drawn)."""
    st.session_state.update(inputs_for(normalise_scenario(doc, project).get("levers", {}), project, months_left))


def member_label(per: str, member: str) -> str:
    if per == "source":
        return esc(src_name[member])
    if per == "indicator":
        return esc(project.indicator(member).display_name(lang))
    return member


def draw_field(lv: Lever, f: Field, col: Any) -> None:
    """One input of an item lever, by its kind (see analytics.budget.levers.Field)."""
    key, label = input_key(lv.name, f.key), t(f.label, lang)
    if f.kind == "month" and months_left:
        if st.session_state.get(key, months_left[0]) not in months_left:  # the as-of month moved on
            del st.session_state[key]
        col.selectbox(label, months_left, key=key, format_func=lambda k: fmt_period_key(k, lang))
    elif f.kind == "months" and months_left:
        kept = st.session_state.get(key)
        if not kept or any(m not in months_left for m in kept) or len(months_left) == 1:
            st.session_state[key] = (months_left[0], months_left[-1])
        if len(months_left) > 1:
            col.select_slider(label, months_left, key=key, format_func=lambda k: fmt_period_key(k, lang))
    elif f.kind == "number":
        col.number_input(label, f.min, f.max, f.default, f.step, key=key)
    elif f.kind == "source":
        col.selectbox(label, ["all"] + src_keys, format_func=lambda k: t("budget.field_all_sources", lang) if k == "all" else src_name[k], key=key)
    elif f.kind == "sources":
        col.multiselect(label, src_keys, format_func=lambda k: src_name[k], key=key, placeholder=t("budget.field_all_sources", lang), select_all=False)
    elif f.kind == "goal":
        col.selectbox(label, goal_ids, index=min(f.index, len(goal_ids) - 1), format_func=lambda g: goal_label(g, lang), key=key)
    elif f.kind == "toggle":
        col.toggle(label, key=key)


def draw_lever(lv: Lever, where: Any) -> None:
    """The widgets of one lever from its hint: one input, one per member, or an item's fields
    (those have their lever's help on the section title)."""
    wd, help_ = lv.widget, t(lv.help, lang)
    if wd.kind == "item":
        for col, f in zip(where.columns([f.width for f in wd.fields]), wd.fields):
            draw_field(lv, f, col)
    elif wd.per:
        ms = members(wd.per, project)
        for col, m in zip(where.columns(len(ms) or 1), ms):
            col.number_input(t(wd.label, lang, member=member_label(wd.per, m)), wd.min, wd.max, wd.default, wd.step, key=input_key(lv.name, m))
    elif wd.kind == "slider":
        where.slider(t(wd.label, lang), wd.min, wd.max, wd.default, wd.step, key=input_key(lv.name), help=help_)
    else:
        where.number_input(t(wd.label, lang), wd.min, wd.max, wd.default, wd.step, key=input_key(lv.name), help=help_)


def usable(lv: Lever) -> bool:
    """Whether the project has what the lever acts on: goals (two to move money between),
    funding sources, spend-driven indicators (a table without goals has no goal levers)."""
    wd = lv.widget
    if wd.per and not members(wd.per, project):
        return False
    goal_fields = [f for f in wd.fields if f.kind == "goal"]
    return len(goal_ids) >= len(goal_fields)


if "_load_scenario" in st.session_state:
    load_into_widgets(st.session_state.pop("_load_scenario"))

with st.container(border=True):
    st.subheader(t("bud_levers", lang))
    if not months_left:  # levers change the months after the spending's last month: none are left to change
        st.caption(t("bud_no_months_left", lang))
    else:
        c1, c2 = st.columns([2, 1])
        for lv in REGISTRY:
            if lv.widget.primary:
                draw_lever(lv, c1)
        c2.button(t("bud_reset", lang), icon=":material/restart_alt:", key="lv_reset", on_click=lambda: load_into_widgets({"levers": {}}))
        with st.expander(t("bud_more_levers", lang), icon=":material/tune:"):
            for lv in REGISTRY:
                if not lv.widget.primary and usable(lv):
                    st.markdown(f"**{t(lv.label, lang)}**", help=t(lv.help, lang))
                    draw_lever(lv, st)

levers = levers_from_inputs({k: v for k, v in st.session_state.items() if str(k).startswith("lv_")}, project)
doc = {"name": st.session_state.get("scn_name") or t("bud_current", lang), "levers": levers}
try:
    result = project_scenario(project, ds.budget, as_of, doc, actuals=ds.actuals)
except ScenarioError as exc:
    for line in budget_text.problem_messages(exc.problems, lang):
        st.error(esc(line), icon=":material/error:")
    st.stop()
rows = progress(year, as_of)
scored, basis = self_evaluation(project, ds.actuals, ds.budget, year, as_of, doc, rows=rows, result=result)  # the 自评表's score

# -- results ---------------------------------------------------------------------------------


def wan(x: float | None) -> str:
    """An amount in 万元, always in 万元 (whole 万元 from 1,000 up, else two decimals)."""
    return fmt_money(x, lang, decimals=budget_text.wan_decimals([x]))


def rate_text(x: float | None) -> str:
    return fmt_value(x, "%", lang)  # a rate under 100 never shows as 100.0% (analytics/present/format.py)


def pct_number(x: float | None) -> float | None:
    """A rate as the number shown (one decimal; under 100 never rounded up to 100), for tables and Excel."""
    shown = fmt_value(x, "%", lang, with_unit=False)
    return None if shown == "—" else float(shown.replace(",", ""))


def use_pace(x: float) -> None:
    st.session_state[input_key("pace")] = min(3.0, max(0.0, float(x)))


st.subheader(t("bud_results", lang))
lo, hi = result.year_end_interval
target = project.execution_targets.get(year)
reached_text = fmt_period_key(result.target_period, lang) if result.target_period else None
over = "_final" if spending_closed(ds.budget, year, as_of) else ""  # December's spending in: results, not projections
if year_over(year, as_of) and not over:  # as of December with spending to October: the year-end is still projected
    spent_to = ds.budget.data_month(year, 12)
    st.info(t("bud_december_pending", lang, spent_to=budget_text.spending_to(fmt_month(year, spent_to, lang) if spent_to else None, lang)), icon=":material/info:")
m1, m2, m3, m4 = st.columns(4)
m1.metric(t("bud_year_end" + over, lang), rate_text(result.year_end_rate),
          delta=fmt_gap(result.year_end_rate - result.baseline_year_end_rate, "%", lang) if levers and result.year_end_rate is not None and result.baseline_year_end_rate is not None else None,
          help=t("bud_year_end_help", lang, lo=lo or 0, hi=hi or 0, base=result.baseline_year_end_rate or 0), border=True)
if target is None:  # the table sets no execution target: no shortfall against one
    m2.metric(t("budget_target", lang), DASH, help=t("bud_no_target_help", lang), border=True)
elif reached_text:
    m2.metric(t("bud_target_month", lang), reached_text, border=True)
else:
    m2.metric(t("bud_shortfall", lang), wan(result.shortfall), help=t("bud_shortfall_help", lang, target=target or 0), border=True)
scored_over = "_final" if basis == "actual" else ""  # projected until every December is in (the 自评表's basis)
m3.metric(t("bud_score" + scored_over, lang), total_said(scored.total if scored.scored else None, lang),
          help=t("bud_score_help", lang), border=True)
m4.metric(t("bud_grade", lang), (scored.grade_en if lang == "en" else scored.grade) if scored.scored else DASH, border=True)

# -- the answer: what pace is needed (analytics.budget.required) ------------------------------
need = required_pace(project, ds.budget, as_of, doc, result=result)
if target is not None:
    with st.container(border=True, key="need_box"):
        st.markdown(f"**{t('budget.need_title', lang, year=year, target=fmt_pct(target, lang, decimals=0))}**")
        if not need.months_left:
            st.caption(t("budget.need_no_months", lang))
        else:
            n1, n2, n3 = metric_columns("need", [1.0, 1.0, 1.0])
            per_month = t("budget.per_month", lang)
            n1.metric(t("budget.need_monthly", lang), f"{wan(need.monthly)}{per_month}", border=True,
                      help=t("budget.need_monthly_help", lang, goal=wan(need.target_amount), month=fmt_month(year, need.month, lang) if need.month else fmt_month(year - 1, 12, lang),
                             spent=wan(need.spent), n=need.months_left))
            n2.metric(t("budget.need_planned", lang), f"{wan(need.planned_monthly)}{per_month}", border=True)
            pace_text = t("budget.need_pace_out_of_reach", lang) if need.pace is None else t("budget.need_pace_value", lang, x=fmt_value(need.pace, "", lang, decimals=2))
            n3.metric(t("budget.need_pace", lang), pace_text, help=t("budget.need_pace_help", lang), border=True)
            if need.pace is not None and not need.reached and need.pace <= 3.0 and months_left:
                st.button(t("budget.need_apply", lang), icon=":material/speed:", key="need_apply", on_click=use_pace, args=(need.pace,))
        st.caption(t("budget.need_reached", lang, month=reached_text) if reached_text
                   else t("budget.need_short" + over, lang, amount=wan(result.shortfall), rate=rate_text(result.year_end_rate)))

for w in budget_text.warnings(result, lang, project):
    st.warning(esc(w), icon=":material/warning:")
risk_codes = {n.code for n in result.risks}
if "central_unspent" in risk_codes:  # money would be reclaimed at year-end under this scenario
    st.error(t("bud_central_risk", lang) + " " + " ".join(esc(r) for r in budget_text.risk_reasons(result, lang, project)), icon=":material/report:")
elif risk_codes:  # behind so far, but this scenario spends it all: a note, not an alarm
    st.info(t("budget.central_behind_fixed", lang) + " " + " ".join(esc(r) for r in budget_text.risk_reasons(result, lang, project)), icon=":material/info:")

line_rows, band_rows = [], []
for p in result.path:
    kind = "actual" if p.observed else "projection"
    line_rows.append({"month": p.month, "value": p.execution_rate, "series": t("bud_series_actual", lang) if p.observed else t("bud_series_projection", lang), "kind": kind})
    if p.time_progress is not None:
        line_rows.append({"month": p.month, "value": p.time_progress, "series": t("budget_time", lang), "kind": "expected"})
    if not p.observed and p.lower is not None:
        band_rows.append({"month": p.month, "lower": p.lower, "upper": p.upper})
last_obs = max((p.month for p in result.path if p.observed), default=None)
if last_obs and any(not p.observed for p in result.path):  # join the projection to the last actual month (none once the year is over)
    obs_rate = next(p.execution_rate for p in result.path if p.month == last_obs)
    line_rows.append({"month": last_obs, "value": obs_rate, "series": t("bud_series_projection", lang), "kind": "projection"})
show_chart("execution_projection", pd.DataFrame(line_rows), pd.DataFrame(band_rows, columns=["month", "lower", "upper"]), lang, target)
st.caption(t("bud_chart_caption" + over + ("" if target is not None else "_no_target"), lang))  # no target: no red line
with st.expander(t("budget.path_title", lang), expanded=bool(result.missing_months)):  # open when a month is not reported
    st.dataframe(pd.DataFrame(budget_text.path_rows(result, lang)), hide_index=True, width="stretch", height="content")  # the 12 months, no scrolling

left, right = st.container(), st.container()  # one above the other: each table full width, no sideways scrolling
with left:
    st.markdown(f"**{t('bud_by_source', lang)}**")  # its unit (万元) said once, here: short column titles
    st.dataframe(pd.DataFrame(budget_text.source_rows(result, src_name, lang)), hide_index=True, width="stretch")
with right:
    st.markdown(f"**{t('bud_linked', lang)}**")
    if result.linked_outputs:
        st.dataframe(
            pd.DataFrame([
                {t("col_name", lang): project.by_id[lo_.indicator_id].display_name(lang) if lo_.indicator_id in project.by_id else lo_.name,
                 t("col_unit", lang): unit_name(lo_.unit, lang), t("bud_ytd", lang): fmt_value(lo_.ytd, lo_.unit, lang, with_unit=False),
                 t("bud_unit_cost_yuan", lang): fmt_value(None if lo_.unit_cost is None else lo_.unit_cost * 10000, "元", lang, decimals=0, with_unit=False),
                 t("bud_projected", lang): fmt_value(lo_.projected, lo_.unit, lang, with_unit=False),
                 t("col_target", lang): target_number(lo_.target),
                 t("col_attain_pct", lang): fmt_pct(lo_.attainment, lang, fraction=True).removesuffix("%")}
                for lo_ in result.linked_outputs
            ]),
            hide_index=True, width="stretch",
            column_config={t("bud_unit_cost_yuan", lang): st.column_config.TextColumn(help=t("bud_unit_cost_help", lang))},
        )
    else:
        st.caption(t("no_data", lang))

st.subheader(t("bud_score_title", lang))
s1, s2 = st.columns([1, 1])
with s1:
    shown = score_parts(scored.part_rows(), lang)
    parts = pd.DataFrame([{k: r[k] for k in ("part", "points", "lost")} for r in shown]).fillna({"points": 0.0})
    show_chart("score_parts", parts, lang)
    st.caption(" ".join([t("bud_score_rules", lang), t(f"reports.execution_rule_{scored.execution_rule}", lang),
                         *((r["why"] for r in shown if r["why"]) if scored.scored else [unscored_reason(scored, lang)])]))
    if scored.scored and scored.coverage()["no_data"]:  # a total resting on part of the indicators: said beside it
        st.info(coverage_text(scored, lang), icon=":material/info:")
with s2:
    st.markdown(f"**{t('bud_costs_points', lang)}**")
    losses = [ln for ln in scored.what_costs_points if ln.lost > 0.005][:8]
    if not losses:
        st.caption(t("bud_no_losses", lang))
    overspend = next((over_budget_text(ln, lang) for ln in scored.lines if ln.part == "execution"), "")
    if overspend:  # spending above the budget costs no points by the rules, but is said
        st.warning(esc(overspend), icon=":material/warning:")
    for ln in losses:
        name = esc(ln.name_en if lang == "en" else ln.name)
        st.markdown("- " + t("label_value", lang, label=f"**−{fmt_value(ln.lost, '', lang, decimals=2)}** {name}", value=esc(score_reason(ln, lang))))

# -- saved scenarios -------------------------------------------------------------------------
st.subheader(t("bud_saved", lang))
repo = scenarios_repo.repo()
can_edit = state.user.can_edit
saved = repo.list()


def _do(action, *args) -> bool:
    """Run a scenario-store action; show its message instead of failing."""
    try:
        action(*args)
        return True
    except StoreError as exc:
        st.error(esc(exc.message(lang)), icon=":material/error:")
        return False


if can_edit:
    a1, a2 = st.columns([2, 1])
    a1.text_input(t("bud_name", lang), key="scn_name", placeholder=t("bud_name_ph", lang))
    if a2.button(t("bud_save", lang), icon=":material/save:", key="scn_save"):
        name = (st.session_state.get("scn_name") or "").strip()
        if not name:
            st.warning(t("bud_name_needed", lang))
        elif _do(repo.save, name, {"name": name, "levers": levers}):
            st.toast(t("bud_saved_ok", lang, name=esc(name)), duration="long")
            saved = repo.list()
            st.session_state["scn_pick"] = name  # the scenario just saved is the one picked below
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
    chosen = st.multiselect(t("bud_compare_pick", lang), saved, max_selections=4, key="scn_compare", placeholder=t("pick_placeholder", lang), select_all=False)
    if len(chosen) >= 2:
        comp_rows, comp_lines, comp_results = [], [], {}
        for name in chosen:
            sdoc = repo.get(name)
            res = comp_results[name] = project_scenario(project, ds.budget, as_of, sdoc, actuals=ds.actuals)
            sc, _basis = self_evaluation(project, ds.actuals, ds.budget, year, as_of, sdoc, rows=rows, result=res)
            lo_, hi_ = res.year_end_interval
            comp_rows.append({  # numbers rounded as shown (a rate under 100 never rounds up to 100); the levers last
                t("bud_name", lang): name,
                t("budget.cmp_year_end", lang): pct_number(res.year_end_rate),
                t("budget.cmp_target_month", lang): fmt_period_key(res.target_period, lang) if res.target_period else "—",
                t("budget.cmp_shortfall", lang): float(rounded(res.shortfall, 0 if res.shortfall >= 1000 else 2)),
                t("budget.cmp_score", lang): float(rounded(sc.total, 2)),
                t("bud_grade", lang): sc.grade_en if lang == "en" else sc.grade,
                t("budget.cmp_interval", lang): f"{fmt_value(lo_, '%', lang, with_unit=False)}–{fmt_value(hi_, '%', lang, with_unit=False)}",
                t("budget.cmp_levers", lang): budget_text.levers_in_words(sdoc, project, lang, year),
            })
            for p in res.path:
                if p.execution_rate is not None:
                    comp_lines.append({"month": p.month, "value": p.execution_rate, "series": name, "kind": "scenario"})
        comp = pd.DataFrame(comp_rows)
        st.dataframe(comp, hide_index=True, width="stretch", column_config={
            t("bud_name", lang): st.column_config.TextColumn(width=110),
            t("budget.cmp_year_end", lang): st.column_config.NumberColumn(format="%.1f", width=105),
            t("budget.cmp_target_month", lang): st.column_config.TextColumn(width=100),
            t("budget.cmp_shortfall", lang): st.column_config.NumberColumn(format="%,.0f", width=110),
            t("budget.cmp_score", lang): st.column_config.NumberColumn(format="%.1f", width=100),
            t("bud_grade", lang): st.column_config.TextColumn(width=50),
            t("budget.cmp_interval", lang): st.column_config.TextColumn(width=100),
            t("budget.cmp_levers", lang): st.column_config.TextColumn(width=260),
        })
        show_chart("execution_projection", pd.DataFrame(comp_lines), pd.DataFrame(columns=["month", "lower", "upper"]), lang, target)
        st.download_button(t("download_xlsx", lang), lambda: comparison_workbook(comp, comp_results, lang),
                           t("bud_file", lang, as_of=state.as_of_key),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:", key="scn_export", on_click="ignore")
    else:
        st.caption(t("bud_compare_hint", lang))
else:
    st.caption(t("bud_none_saved", lang))
