"""总览: counts by status, the five goals, budget execution vs time progress, worst-lagging
indicators, changes since last month and the data-quality notes."""

from __future__ import annotations


import streamlit as st

from analytics.budget.scoring import implied_level1
from analytics.core.calendar import data_month, year_ahead, year_over
from analytics.core.reporting import spend_month
from analytics.forecast.outlook import risk_order
from analytics.present import chart_data
from analytics.present.budget_text import spending_to, unbudgeted_spending
from analytics.present.forecast_table import OUTCOME_CODES, level_counts, year_answer
from analytics.present.format import fmt_derived, fmt_gap, fmt_money, fmt_month, fmt_number, fmt_pct, fmt_score, fmt_value, gap_sign, text_width
from analytics.present.i18n import t
from analytics.present.labels import (
    category_name,
    expected_said,
    project_name,
    rules_help,
    status_color,
    status_help,
    status_label,
    status_name,
    status_order,
    target_said,
    value_said,
)
from analytics.present.progress_text import changes
from analytics.present.quality_text import note_text
from analytics.rules.progress import count_by_status, execution_time_progress, load_rules
from pages.ui.common import dataset, esc, forecast_view, goal_label, goal_rollup, metric_columns, outlooks, progress, sample_banner, show_chart
from pages.ui.shell import page_context

state = page_context()
lang = state.lang
ds = dataset()
project = ds.project
rules = load_rules()

st.title(t("overview_title", lang))
st.caption(t("overview_caption", lang, project=esc(project_name(project, lang)), as_of=state.month_label(), year=state.year))
sample_banner(state)

rows = progress(state.year, state.as_of)
counts = count_by_status(rows)
by_id = project.by_id

outlook = outlooks(state.year, state.as_of)


view = forecast_view(state.year, state.as_of, lang)  # the levels 年末预测 shows (待下次测评 between surveys)


def likelihood_parts(ids: list[str]) -> list[str]:
    """``很可能完成 5 项`` … for the levels of ``ids`` as 年末预测 shows them, most likely first."""
    return level_counts([view[i] for i in ids if i in view], lang)


# -- the answer: will this year's targets be met? ----------------------------------------------
answer = year_answer([view[i] for i in outlook if i in view], state.year, year_over(state.year, state.as_of), lang)
if year_ahead(state.year, state.as_of):  # a table for a coming year: nothing to judge or forecast yet
    st.markdown("#### " + t("year_answer_ahead", lang, year=state.year, n=len(rows)))
elif answer:
    st.markdown("#### " + answer)

# -- counts by status: chips in the status colours, each a filter into 目标进展 ------------------
st.subheader(t("counts_title", lang))
order = status_order(rules)
shown = [k for k in order if counts.get(k)]
st.html("<style>" + "".join(  # colours from data/status_rules.yaml (static data, not user text)
    f".st-key-status_chip_{k} {{border-left: 6px solid {status_color(k, rules)} !important;}}"
    f" .st-key-status_chip_{k} a p {{color: {status_color(k, rules)} !important; font-size: 1.15rem;"
    " white-space: normal !important; overflow: visible !important; text-overflow: clip !important;}"  # a narrow window: the count wraps, never cut
    for k in shown) + "</style>")
per_row = -(-len(shown) // -(-len(shown) // 5)) if shown else 1  # at most 5 a row, rows even (6 → 3 + 3): counts never cut
chips = [(col, key) for i in range(0, len(shown), per_row) for col, key in zip(st.columns(per_row), shown[i:i + per_row])]
for col, key in chips:
    with col.container(border=True, key=f"status_chip_{key}"):
        st.page_link("pages/goals.py", label=t("status_chip", lang, label=status_label(key, lang, rules), n=counts[key]),
                     query_params={"status": key, "goal": "-1"}, help=t("status_chip_help", lang, name=status_name(key, lang, rules)),
                     width="stretch")
st.caption(t("status_chips_caption", lang))

with st.expander(t("status_rules_title", lang), icon=":material/info:"):
    for key in order:
        st.markdown(t("status_rule_line", lang, label=status_label(key, lang, rules), help=status_help(key, lang, rules)))
    st.markdown(rules_help("trajectory", lang, rules))

# -- goals (a table without goals: its indicators by level-1 group) -------------------------
goal_ids = [g.id for g in project.goals]
CARD_NAME_WIDTH = 40  # text_width columns of a name on one line of a card (a third of the page at 1440 px)


def indicators_by_group() -> None:
    """A project whose table has no goals: every indicator with its status and target, grouped
    by 一级指标 as the table groups them."""
    st.subheader(t("project_pages.indicators_title", lang, n=len(rows)))
    levelled = any(implied_level1(by_id[r.indicator_id]) for r in rows)  # a list without 一级指标: one group, 全部指标
    st.caption(t("project_pages.indicators_caption" if levelled else "project_pages.indicators_caption_list", lang))
    groups: dict[str, list] = {}
    other = t("project_pages.group_other" if levelled else "reports.group_all", lang)
    for r in rows:  # no 一级指标 written: the one its 二级指标 names (服务对象满意度 → 满意度指标), as the score places it
        groups.setdefault(implied_level1(by_id[r.indicator_id]) or other, []).append(r)
    cards = list(groups.items())
    if len(cards) == 1 and len(rows) > 8:  # one long group: spread over three cards, in order
        group, members = cards[0]
        per = -(-len(members) // 3)
        cards = [(t("project_pages.group_range", lang, group=category_name(group, lang), first=k + 1, last=min(k + per, len(members))),
                  members[k:k + per]) for k in range(0, len(members), per)]
    cols = st.columns(min(3, max(1, len(cards))))
    for i, (group, members) in enumerate(cards):
        with cols[i % len(cols)].container(border=True):
            st.markdown(f"**{esc(category_name(group, lang))}**")
            for r in members:
                ind = by_id[r.indicator_id]
                name = ind.display_name(lang)  # a name wider than the card is cut: the whole of it on hover
                st.page_link("pages/indicator.py", label=esc(name), query_params={"indicator": ind.id},
                             help=esc(name) if text_width(name) > CARD_NAME_WIDTH else None)
                st.caption(t("project_pages.indicator_line", lang, status=status_label(r.status, lang, rules),
                             target=esc(target_said(ind, r, lang))))


if not goal_ids:
    indicators_by_group()
else:
    st.subheader(t("goals_title", lang, n=len(goal_ids)))
rolls = {g.goal: g for g in goal_rollup(state.year, state.as_of)}
gcols = st.columns(min(5, len(goal_ids))) if goal_ids else []
for i, gid in enumerate(goal_ids):
    roll = rolls.get(gid)
    with gcols[i % len(gcols)].container(border=True):
        st.markdown(f"**{esc(goal_label(gid, lang))}**")
        if roll is None or roll.score is None:
            st.caption(t("no_data", lang))
            continue
        st.metric(t("goal_score", lang), fmt_score(roll.score, lang), help=rules_help("rollup", lang, rules))
        color = status_color(roll.status, rules)
        st.html(f'<span style="color:{color};font-weight:600">{status_label(roll.status, lang, rules)}</span>')
        gparts = [f"{status_label(k, lang, rules)} {roll.counts[k]}" for k in order if roll.counts.get(k)]
        st.caption(t("goal_status_counts", lang, n=roll.n, parts=t("list_sep", lang).join(gparts)))
        fparts = likelihood_parts([iid for iid in outlook if by_id[iid].goal == gid])
        if fparts:
            st.caption(t("goal_outlook", lang, parts=t("list_sep", lang).join(fparts)))
        st.page_link("pages/goals.py", label=t("goal_open", lang, g=gid), icon=":material/arrow_forward:", query_params={"goal": str(gid)})

# -- budget execution ----------------------------------------------------------------------
st.subheader(t("budget_title", lang))
b = ds.budget
if not b.executable:
    st.caption(unbudgeted_spending(b, state.as_of, lang) or t("budget_none", lang))
else:
    shown_to = data_month(state.year, state.as_of)
    month = spend_month(b, state.year, state.as_of)  # the month spending runs to (0: none this year): rate and 序时进度 there
    exec_row = next((r for r in rows if r.indicator_id == project.execution_indicator), None)
    rate = b.execution_rate(state.year, month)
    target = project.execution_targets.get(state.year)
    # 序时进度: the execution indicator's (its own target path), else from the project's execution target;
    # none to compare with while none of the year's spending is reported
    expected = None if not month else exec_row.expected if exec_row else execution_time_progress(project, b, state.year, month)
    c1, c2, c3, c4 = metric_columns("budget", [1.0, 1.0, 1.0, 1.3])
    start = fmt_month(*project.execution_start, lang) if project.execution_start else "—"
    gap = None if expected is None or rate is None else fmt_gap(rate - expected, "%", lang)
    level = expected is not None and rate is not None and gap_sign(rate - expected, "%") == 0  # 0.0: no arrow, no colour
    c1.metric(t("budget_rate", lang), fmt_value(rate, "%", lang), delta=gap, help=t("budget_explain", lang, start=start), border=True,
              delta_color="off" if level else "normal", delta_arrow="off" if level else "auto")
    c2.metric(t("budget_time", lang), fmt_value(expected, "%", lang), border=True)
    c3.metric(t("budget_target", lang), fmt_pct(target, lang, decimals=0), border=True)
    c4.metric(t("budget_spent", lang), fmt_money(b.spent_by(state.year, month), lang),
              help=t("budget_total_help", lang, total=fmt_money(b.total, lang, decimals=2)), border=True)
    if not month:  # never the as-of month's 序时进度 beside a year without spending
        st.caption(t("budget_none_this_year", lang, year=state.year, said=spending_to(None, lang)))
    chart = chart_data.budget_execution(ds, state.year, shown_to, lang)
    if not chart.empty:
        show_chart("budget_execution", chart, lang)

# -- the indicators most at risk (the order of 年末预测) + changes ------------------------------
left, right = st.columns(2)
with left:
    st.subheader(t("lagging_title", lang))
    st.caption(t("watch_caption", lang))
    by_row = {r.indicator_id: r for r in rows}
    risky = [o for o in sorted(outlook.values(), key=risk_order)
             if o.p_attain is not None and view[o.indicator_id].level_code not in ("met", "certain", "await")][:8]  # the met are no worry
    if not risky:  # nothing at risk, every outcome met, or nothing that could be forecast at all (no actuals yet)
        judged = {view[o.indicator_id].level_code for o in outlook.values() if o.p_attain is not None}
        st.caption(t("watch_all_met" if judged == {"met"} else "watch_none" if judged else "project_pages.watch_no_forecast", lang))
    for o in risky:
        ind, r = by_id[o.indicator_id], by_row.get(o.indicator_id)
        with st.container(key=f"watch_{ind.id}"):
            st.page_link("pages/indicator.py", label=f"**{esc(ind.display_name(lang))}**", query_params={"indicator": ind.id}, icon=":material/query_stats:")
            known = view[ind.id].level_code in OUTCOME_CODES  # an outcome (未达到目标): no chance, no forecast
            bits = [view[ind.id].level if known else t("watch_likelihood", lang, level=view[ind.id].level, p=view[ind.id].prob)]
            if ind.kind != "milestone" and o.point is not None:
                bits.append(t("watch_final" if known else "watch_forecast", lang, point=(fmt_value if known else fmt_derived)(o.point, ind.unit, lang), target=target_said(ind, r, lang)))
            if r is not None and ind.kind != "milestone" and r.actual is not None:
                bits.append(t("watch_now", lang, actual=value_said(ind, r.actual, lang), expected=expected_said(ind, r.expected, lang)))
            status = status_label(r.status, lang, rules) if r else ""
            st.caption(esc(status + " · " + t("list_sep", lang).join(bits)))
with right:
    st.subheader(t("changes_title", lang))
    lines = changes(project, rows, lang, rules)
    if not lines:
        st.caption(t("changes_none", lang))
    for line in lines:
        st.markdown("- " + esc(line))

# -- data quality --------------------------------------------------------------------------
st.subheader(t("quality_title", lang))
notes = ds.quality()
if not notes:
    st.caption(t("project_pages.quality_none", lang))
icons = {"mismatch": ":material/error:", "note": ":material/info:", "passed": ":material/check:", "unresolved": ":material/help:"}
for n in notes:
    label = t(f"quality_status_{n.status}", lang)
    text = note_text(n, lang)
    fix = n.fix_en if lang == "en" else n.fix_zh
    line = t("quality_line", lang, label=label, goal=esc(goal_label(n.goal, lang)), text=esc(text)) + (f" {esc(fix)}" if fix else "")
    if n.status == "mismatch":
        st.warning(line, icon=icons[n.status])
    elif n.status == "note":
        st.markdown(f"- {line}")
if notes:
    with st.expander(t("quality_passed_n", lang, n=sum(1 for n in notes if n.status == "passed"))):
        for n in notes:
            if n.status == "passed":
                st.markdown(f"- :material/check: {esc(note_text(n, lang))}")
