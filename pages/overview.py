"""总览: counts by status, the five goals, budget execution vs time progress, worst-lagging
indicators, changes since last month and the data-quality notes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.rules.progress import count_by_status, load_rules
from pages.ui.common import (
    show_chart,
    dataset,
    esc,
    metric_columns,
    fmt_value,
    goal_label,
    goal_rollup,
    progress,
    sample_banner,
    sidebar,
    status_help,
    status_label,
)
from analytics.present.i18n import t

state = sidebar()
lang = state.lang
ds = dataset()
project = ds.project
rules = load_rules()

st.title(t("overview_title", lang))
st.caption(t("overview_caption", lang, project=project.name_en if lang == "en" else project.name, as_of=state.month_label(), year=state.year))
sample_banner(state)

rows = progress(state.year, state.as_of)
counts = count_by_status(rows)
by_id = project.by_id

# -- counts by status ----------------------------------------------------------------------
st.subheader(t("counts_title", lang))
order = sorted(rules["statuses"], key=lambda k: -rules["statuses"][k]["rank"])
shown = [k for k in order if counts.get(k)]
cols = metric_columns("status", [1.0] * max(1, len(shown)))
for col, key in zip(cols, shown):
    col.metric(status_label(key, lang), f"{counts[key]}", help=status_help(key, lang), border=True)

with st.expander(t("status_rules_title", lang), icon=":material/info:"):
    for key in order:
        info = rules["statuses"][key]
        st.markdown(f"- **{info['symbol']} {info['en' if lang == 'en' else 'zh']}**：{info['help_en' if lang == 'en' else 'help_zh']}")
    st.markdown(rules["trajectory"]["help_en" if lang == "en" else "help_zh"])

# -- goals ---------------------------------------------------------------------------------
st.subheader(t("goals_title", lang))
rolls = {g.goal: g for g in goal_rollup(state.year, state.as_of)}
goal_ids = [g.id for g in project.goals]
gcols = st.columns(min(5, max(1, len(goal_ids))))
for i, gid in enumerate(goal_ids):
    roll = rolls.get(gid)
    with gcols[i % len(gcols)].container(border=True):
        st.markdown(f"**{esc(goal_label(gid, lang))}**")
        if roll is None or roll.score is None:
            st.caption(t("no_data", lang))
            continue
        st.metric(t("goal_score", lang), f"{roll.score:.0f}", help=rules["rollup"]["help_en" if lang == "en" else "help_zh"])
        st.markdown(status_label(roll.status, lang))
        parts = [f"{status_label(k, lang)} {v}" for k, v in sorted(roll.counts.items(), key=lambda kv: -rules["statuses"][kv[0]]["rank"])]
        st.caption(t("goal_indicators", lang, n=roll.n) + "：" + "，".join(parts))
        if st.button(t("open_indicator", lang) if False else t("nav_goals", lang), key=f"goal_btn_{gid}", icon=":material/arrow_forward:"):
            st.session_state["goal_pick"] = gid
            st.switch_page("pages/goals.py")

# -- budget execution ----------------------------------------------------------------------
st.subheader(t("budget_title", lang))
b = ds.budget
if not b.has_data or not b.total:
    st.caption(t("budget_none", lang))
else:
    month = 12 if state.year < state.as_of[0] else state.as_of[1]
    exec_row = next((r for r in rows if r.indicator_id == project.execution_indicator), None)
    rate = b.execution_rate(state.year, month)
    target = project.execution_targets.get(state.year)
    expected = exec_row.expected if exec_row else None
    c1, c2, c3, c4 = metric_columns("budget", [1.0, 1.0, 1.0, 1.3])
    c1.metric(t("budget_rate", lang), fmt_value(rate, "%", 1), delta=None if expected is None or rate is None else f"{rate - expected:+.1f} pp", help=t("budget_explain", lang, start=f"{project.execution_start[0]}-{project.execution_start[1]:02d}" if project.execution_start else "—"), border=True)
    c2.metric(t("budget_time", lang), fmt_value(expected, "%", 1), border=True)
    c3.metric(t("budget_target", lang), fmt_value(target, "%", 0), border=True)
    c4.metric(t("budget_spent", lang), f"{b.spent_by(state.year, month):,.0f} 万元", help=f"{t('budget_total', lang)} {b.total:,.2f} 万元", border=True)
    levels = b.execution_levels(state.year)
    recs = []
    for m, v in sorted(levels.items()):
        if m <= month:
            recs.append({"month": m, "value": v, "series": t("budget_rate", lang), "kind": "actual"})
    prev = 0.0 if project.execution_start and state.year <= project.execution_start[0] else b.execution_rate(state.year - 1, 12)
    if target is not None and prev is not None:
        for m in range(1, 13):
            recs.append({"month": m, "value": prev + (target - prev) * m / 12, "series": t("budget_time", lang), "kind": "expected"})
    if recs:
        show_chart("budget_execution", pd.DataFrame(recs), lang)

# -- worst lagging + changes ---------------------------------------------------------------
left, right = st.columns(2)
with left:
    st.subheader(t("lagging_title", lang))
    judged = [r for r in rows if r.status in ("lagging", "watch", "missed")]
    judged.sort(key=lambda r: (rules["statuses"][r.status]["rank"], (r.ratio if r.ratio is not None else 1.0) if r.gap_pp is None else 1 + r.gap_pp / 100))
    if not judged:
        st.caption("—")
    for r in judged[:8]:
        ind = by_id[r.indicator_id]
        st.markdown(f"**{status_label(r.status, lang)}** · {esc(ind.display_name(lang))}")
        st.caption(r.explain_en if lang == "en" else r.explain_zh)
with right:
    st.subheader(t("changes_title", lang))
    changed = [r for r in rows if r.previous_status and r.previous_status != r.status]
    if not changed:
        st.caption(t("changes_none", lang))
    for r in changed:
        st.markdown(
            "- " + t("changes_from_to", lang, name=esc(by_id[r.indicator_id].display_name(lang)), old=status_label(r.previous_status, lang), new=status_label(r.status, lang))
        )

# -- data quality --------------------------------------------------------------------------
st.subheader(t("quality_title", lang))
notes = ds.quality()
icons = {"mismatch": ":material/error:", "note": ":material/info:", "passed": ":material/check:", "unresolved": ":material/help:"}
for n in notes:
    label = t(f"quality_status_{n.status}", lang)
    text = n.text(lang)
    fix = n.fix_en if lang == "en" else n.fix_zh
    line = f"**{label}**（{goal_label(n.goal, lang)}）：{esc(text)}" + (f" {esc(fix)}" if fix else "")
    if n.status == "mismatch":
        st.warning(line, icon=icons[n.status])
    elif n.status == "note":
        st.markdown(f"- {line}")
with st.expander(f"{t('quality_status_passed', lang)}（{sum(1 for n in notes if n.status == 'passed')}）"):
    for n in notes:
        if n.status == "passed":
            st.markdown(f"- :material/check: {esc(n.text(lang))}")
