"""指标详情: monthly bars and cumulative line against the target and the expected trajectory,
prior years overlaid, year-on-year change, raw data with notes and sources. Linkable via URL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.rules.progress import expected_path, load_rules
from pages.ui.common import dataset, esc, fmt_value, goal_label, metric_columns, progress, target_text, sample_banner, show_chart, sidebar, status_help, status_label
from analytics.present.i18n import t

state = sidebar()
lang = state.lang
ds = dataset()
project = ds.project
rules = load_rules()
ids = [ind.id for ind in project.indicators]

if "indicator_pick" not in st.session_state or st.session_state["indicator_pick"] not in ids:
    wanted = st.query_params.get("indicator")
    st.session_state["indicator_pick"] = wanted if wanted in ids else ids[0]
iid = st.selectbox(
    t("ind_pick", lang),
    ids,
    format_func=lambda i: f"{project.indicator(i).seq:02d} · {project.indicator(i).display_name(lang)}",
    key="indicator_pick",
)
st.query_params["indicator"] = iid
ind = project.indicator(iid)

st.title(ind.display_name(lang))
st.caption(
    " · ".join(
        x
        for x in (
            goal_label(ind.goal, lang),
            ind.level1,
            ind.level2,
            t(f"kind_{ind.kind}", lang),
            t(f"dir_{ind.direction}", lang),
            ind.unit or "",
            t(f"origin_{ind.origin}", lang),
        )
        if x
    )
)
sample_banner(state)

row = next(r for r in progress(state.year, state.as_of) if r.indicator_id == iid)
unit = ind.unit
c1, c2, c3, c4 = metric_columns("indicator", [1.1, 1.2, 1.2, 1.0])
c1.metric(t("col_target", lang), target_text(row.target_raw, unit), border=True)
if ind.kind == "milestone":
    c2.metric(t("col_actual", lang), "—" if row.actual is None else (t("ind_milestone_done", lang) if row.actual >= 0.5 else t("ind_milestone_open", lang)), border=True)
else:
    c2.metric(t("col_actual", lang), fmt_value(row.actual, unit), border=True, help=f"{t('col_data_month', lang)}: {row.data_month or '—'}")
c3.metric(t("col_expected", lang), "—" if ind.kind == "milestone" else fmt_value(row.expected, unit), border=True)
c4.metric(t("col_status", lang), status_label(row.status, lang), help=status_help(row.status, lang), border=True)
st.info(row.explain_en if lang == "en" else row.explain_zh, icon=":material/lightbulb:")

# -- chart data -----------------------------------------------------------------------------
year = state.year
src = project.indicator(ind.derived_from) if ind.derived_from else ind
series_actual = t("ind_cum_line", lang) if ind.kind == "flow" else t("ind_level_line", lang)
lines: list[dict] = []
monthly: list[dict] = []
last_month = 12 if year < state.as_of[0] else (state.as_of[1] if year == state.as_of[0] else 0)
if ind.id == project.execution_indicator:
    obs_values = {m: v for m, v in ds.budget.execution_levels(year).items() if m <= last_month}
else:
    obs = ds.actuals.obs(src.id, year)
    obs_values = {m: v for m, v in obs.values.items() if m <= last_month}
    if ind.kind == "flow" and not ind.derived_from:
        for m, (first, amount) in obs.monthly_amounts().items():
            if m <= last_month:
                label = f"{first}-{m}月" if first != m else f"{m}月"
                monthly.append({"month": m, "value": amount, "label": label if lang == "zh" else label.replace("月", "")})
for m, v in sorted(obs_values.items()):
    lines.append({"month": m, "value": v, "series": f"{year} {series_actual}", "kind": "actual"})
traj = expected_path(project, ind, ds.actuals, ds.budget, year)
if traj is not None and ind.kind != "milestone":
    for m in range(1, 13):
        lines.append({"month": m, "value": traj.at(m), "series": t("ind_expected_line", lang), "kind": "expected"})
if not ind.derived_from and ind.id != project.execution_indicator:
    for py in [y for y in ds.actuals.years(ind.id) if y < year][-2:]:
        for m, v in sorted(ds.actuals.obs(ind.id, py).values.items()):
            lines.append({"month": m, "value": v, "series": t("ind_prior_year", lang, y=py), "kind": "prior"})

unit_title = f"{ind.display_name(lang)}（{unit}）" if unit else ind.display_name(lang)
if ind.kind == "flow":
    unit_title = t("ch_cum_axis", lang, unit=unit) if unit else t("ch_cum_axis_nounit", lang)
show_chart("indicator_progress", pd.DataFrame(monthly), pd.DataFrame(lines), unit_title, lang, row.target, title=f"{year}", bars=ind.kind == "flow")
if ind.kind == "flow" and monthly:
    st.caption(t("ind_bars_caption", lang))

# -- year on year ---------------------------------------------------------------------------
if row.actual is not None and row.data_month and ind.kind != "milestone":
    prev_obs = ds.actuals.obs(src.id, year - 1).values if ind.id != project.execution_indicator else ds.budget.execution_levels(year - 1)
    prev_val = prev_obs.get(row.data_month)
    if prev_val is not None and not ind.derived_from:
        diff = row.actual - prev_val
        rel = f"{diff / prev_val:+.1%}" if prev_val else "—"
        st.metric(
            f"{t('ind_yoy', lang)}（{t('month_fmt', lang, y=year - 1, m=row.data_month)}：{fmt_value(prev_val, unit)}）",
            fmt_value(row.actual, unit),
            delta=f"{diff:+,.4g} ({rel})",
            delta_color="inverse" if ind.direction == "lower" else "normal",
            help=t("ind_yoy_help", lang),
        )

# -- deviation cause and corrective measure (read by the meeting page and the forms) ----------
with st.expander(t("act_title", lang), icon=":material/assignment:", expanded=row.status in ("lagging", "watch", "missed")):
    from analytics.storage.store import CAUSE_CATEGORIES, StoreError
    from pages.ui.common import current_user, store

    saved_action = store().get_action(ind.goal, ind.id, state.year) or {}
    user = current_user()
    cat_saved = saved_action.get("cause_category") if saved_action.get("cause_category") in CAUSE_CATEGORIES else next(iter(CAUSE_CATEGORIES))

    def _cat_label(key: str) -> str:
        zh, en = CAUSE_CATEGORIES[key]
        return en if lang == "en" else zh

    if not user.can_edit:
        if saved_action:
            st.markdown(f"**{esc(_cat_label(cat_saved))}**：{esc(saved_action.get('cause_text', ''))}")
            st.markdown(f"{t('act_measure', lang)}：{esc(saved_action.get('measure_text', ''))}")
        else:
            st.caption(t("act_none", lang))
    else:
        form_key = f"{ind.id}_{state.year}"
        if st.session_state.get("_act_loaded") != form_key:  # fill the form from the store once per indicator/year
            st.session_state[f"act_cat_{ind.id}"] = cat_saved
            st.session_state[f"act_cause_{ind.id}"] = saved_action.get("cause_text", "")
            st.session_state[f"act_measure_{ind.id}"] = saved_action.get("measure_text", "")
            st.session_state["_act_loaded"] = form_key
        with st.form(f"act_form_{form_key}"):
            cat = st.selectbox(t("act_category", lang), list(CAUSE_CATEGORIES), format_func=_cat_label, key=f"act_cat_{ind.id}")
            cause = st.text_area(t("act_cause", lang), key=f"act_cause_{ind.id}", max_chars=1000)
            measure = st.text_area(t("act_measure", lang), key=f"act_measure_{ind.id}", max_chars=1000)
            if st.form_submit_button(t("act_save", lang), icon=":material/save:"):
                try:
                    store().set_action(ind.goal, ind.id, cat, cause, measure, user.name, year=state.year)
                    st.success(t("act_saved", lang), icon=":material/check:")
                except StoreError as exc:
                    st.error(exc.message(lang), icon=":material/error:")
        st.caption(t("act_help", lang))

# -- raw data and metadata -----------------------------------------------------------------
with st.expander(t("ind_raw_data", lang), expanded=False, icon=":material/table:"):
    raw = ds.actuals.notes(src.id)
    if raw.empty:
        st.caption(t("no_data", lang))
    else:
        view = pd.DataFrame(
            {
                t("ind_month", lang): [
                    (f"{y}年{f}-{m}月" if f != m else f"{y}年{m}月") if lang == "zh" else (f"{y}-{f:02d}..{m:02d}" if f != m else f"{y}-{m:02d}")
                    for y, m, f in zip(raw["year"], raw["month"], raw["first_month"])
                ],
                t("ind_value", lang): raw["value"].astype(float),
                t("ind_basis", lang): raw["basis"],
                t("ind_note", lang): raw["note"],
                t("ind_source", lang): raw["source"],
            }
        )
        st.dataframe(view, hide_index=True, width="stretch")
with st.expander(t("ind_meta", lang), icon=":material/info:"):
    st.markdown(f"**{t('raw_text', lang)}**：{esc(ind.name_raw)}")
    vals = [f"{y}：{esc(tg.raw)}" for y, tg in sorted(ind.baseline.items())] + [f"{y}：{esc(tg.raw)}" for y, tg in sorted(ind.targets.items())]
    if ind.span_years and ind.span_target:
        vals.append(f"{ind.span_years[0]}-{ind.span_years[1]}：{esc(ind.span_target.raw)}")
    st.markdown("；".join(vals))
    if ind.mapping_note:
        st.markdown(f"**{t('ind_mapping_note', lang)}**：{esc(ind.mapping_note)}")
    st.caption(f"{t('ind_link', lang)}：`?indicator={iid}&as_of={state.as_of_key}&year={state.year}&lang={lang}`")
