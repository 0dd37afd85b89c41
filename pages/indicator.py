"""指标详情: monthly bars and cumulative line against the target and the expected trajectory,
prior years overlaid, year-on-year change, raw data with notes and sources. Linkable via URL."""

from __future__ import annotations

import datetime as _dt

import pandas as pd
import streamlit as st

from analytics.core.calendar import data_month, year_over
from analytics.present import chart_data
from analytics.present.catalogue import text
from analytics.present.forecast_text import reason_name
from analytics.present.forecast_table import OUTCOME_CODES
from analytics.present.goal_table import likelihood_cell
from analytics.present.format import DASH, fmt_change, fmt_month, fmt_months, fmt_pct, fmt_value, unit_name
from analytics.present.i18n import t
from analytics.present.judgement_text import thresholds_params
from analytics.present.labels import (
    CAUSE_KEYS,
    basis_name,
    category_name,
    cause_label,
    expected_said,
    indicator_direction,
    kind_name,
    origin_name,
    status_help,
    status_label,
    target_said,
    value_said,
)
from analytics.present.messages import render_problem
from analytics.present.progress_text import explain
from analytics.present.strings.storage import render as store_text
from analytics.rules.progress import load_rules
from analytics.storage import grid as grids
from analytics.storage.store import StaleEditError, StoreError
from pages.ui.common import (
    dataset,
    esc,
    forecast_view,
    goal_label,
    invalidate_data,
    metric_columns,
    outlooks,
    progress,
    sample_banner,
    show_chart,
    store,
)
from pages.ui.shell import page_context

state = page_context()
lang = state.lang
ds = dataset()
project = ds.project
rules = load_rules()
ids = [ind.id for ind in project.indicators]

wanted = st.query_params.get("indicator")  # a link (?indicator=…) picks the indicator; the selectbox rules until the next link
if wanted in ids and st.session_state.get("_link_indicator") != wanted:
    st.session_state["indicator_pick"] = wanted
if st.session_state.get("indicator_pick") not in ids:
    st.session_state["indicator_pick"] = ids[0]
iid = st.selectbox(
    t("ind_pick", lang),
    ids,
    format_func=lambda i: f"{project.indicator(i).seq:02d} · {project.indicator(i).display_name(lang)}",
    key="indicator_pick",
)
st.query_params["indicator"] = iid
st.session_state["_link_indicator"] = iid
ind = project.indicator(iid)

st.title(esc(ind.display_name(lang)))
st.caption(
    " · ".join(
        x
        for x in (
            esc(goal_label(ind.goal, lang)),
            esc(category_name(ind.level1, lang)),
            esc(category_name(ind.level2, lang)),
            kind_name(ind.kind, lang),
            indicator_direction(ind, lang),
            "" if ind.kind == "rate" and ind.unit == "%" else esc(unit_name(ind.unit, lang)),  # 比率（%） says it
            origin_name(ind.origin, lang),
        )
        if x
    )
)
sample_banner(state)

row = next(r for r in progress(state.year, state.as_of) if r.indicator_id == iid)
unit = ind.unit
c1, c2, c3, c4 = metric_columns("indicator", [1.1, 1.2, 1.2, 1.0])
c1.metric(t("col_target", lang), esc(target_said(ind, row, lang, unit=unit)), border=True)
if ind.kind == "milestone":
    c2.metric(t("col_actual", lang), value_said(ind, row.actual, lang), border=True)
else:
    data_month_text = fmt_month(state.year, row.data_month, lang) if row.data_month else "—"
    c2.metric(t("col_actual", lang), esc(value_said(ind, row.actual, lang)), border=True,
              help=t("label_value", lang, label=t("col_data_month", lang), value=data_month_text))
c3.metric(t("col_expected", lang), esc(expected_said(ind, row.expected, lang)), border=True)
c4.metric(t("col_status", lang), status_label(row.status, lang, rules), help=status_help(row.status, lang, rules), border=True)
st.info(esc(explain(ind, row, lang)), icon=":material/lightbulb:")

# -- the year-end outlook (analytics.forecast.outlook, as on 年末预测) --------------------------
fc = outlooks(state.year, state.as_of).get(iid)
if fc is not None and (fc.point is not None or fc.likelihood is not None):
    view = forecast_view(state.year, state.as_of, lang)[iid]  # the 年末预测 page's own row: the same words and numbers
    if year_over(state.year, state.as_of) and view.level_code in OUTCOME_CODES:  # an outcome: no forecast, interval or chance
        f1, f2 = metric_columns("indicator_outlook", [1.1, 2.6])
        f1.metric(t("ind_outcome", lang), esc(view.level), help=text("manager.level_help", lang, **thresholds_params()), border=True)
    else:
        f1, f2, f3 = metric_columns("indicator_outlook", [1.1, 1.4, 1.0])
        f1.metric(t("ind_forecast", lang), esc(view.forecast), help=t("ind_forecast_help", lang), border=True)
        f2.metric(t("ind_interval", lang), esc(view.interval), border=True)
        f3.metric(t("ind_likelihood", lang), esc(likelihood_cell(view)),
                  help=text("manager.level_help", lang, **thresholds_params()), border=True)
    if view.level_code == "await":  # why no year-end yet: 每季度测评，最近 6月：94.7%，下次 9月
        st.caption(esc(view.reason))
    elif view.basis != DASH:
        st.caption(esc(t("label_value", lang, label=text("manager.col_basis", lang), value=view.basis)))
elif fc is not None and fc.reason:
    view = forecast_view(state.year, state.as_of, lang)[iid]
    if view.level_code == "await":  # reviewed each half-year: 待下次测评, as on 年末预测 (每半年测评，最近 6月：部分达成，下次 12月)
        st.caption(esc(t("label_value", lang, label=view.level, value=view.reason)))
    else:
        st.caption(t("ind_forecast_none", lang, reason=reason_name(fc.reason, lang)))

# -- chart (the same data as the exported chart: analytics/present/chart_data.py) ------------
year = state.year
src = project.indicator(ind.derived_from) if ind.derived_from else ind
if ind.kind == "qualitative":  # check-ins are words, not a line: they are listed under 原始数据
    st.caption(t("ind_checkins_caption", lang))
else:
    chart = chart_data.indicator_progress(ds, ind.id, year, data_month(year, state.as_of), lang, row.target)
    show_chart("indicator_progress", *chart.args(lang), title=f"{year}", **chart.kwargs())
    if chart.bars and not chart.monthly.empty:
        st.caption(t("ind_bars_caption", lang))

# -- record a check-in (qualitative or yes/no): one month's result and note, through the one gate ---
choices = grids.checkin_choices(ind)
if choices and state.user.can_edit and not ind.derived_from:
    with st.expander(t("ck_title", lang), icon=":material/edit_note:", expanded=ind.kind == "qualitative"):
        today = _dt.date.today()
        last = data_month(year, (today.year, today.month))  # no month after this one
        if last == 0:
            st.caption(t("ck_not_started", lang, y=year))
        else:
            for msg in st.session_state.pop("_ck_flash", []):
                st.success(msg, icon=":material/check_circle:")
            m1, m2 = st.columns([1, 3])
            ck_month = m1.selectbox(t("ck_month", lang), list(range(last, 0, -1)), key=f"ck_month_{iid}_{year}",
                                    format_func=lambda m: fmt_month(year, m, lang))
            key = grids.checkin_key(ind, year, ck_month)
            seen_key = f"_ck_seen_{iid}_{year}_{ck_month}"
            if seen_key not in st.session_state:  # the cell as first shown: a change by someone else meanwhile is refused
                st.session_state[seen_key] = store().cell_versions([key])[key][0]
            held_value, held_note = grids.checkin_held(ds.actuals.notes(iid, year), ind, year, ck_month)
            ck_value = m2.radio(t("ck_value", lang), list(choices), horizontal=True, key=f"ck_value_{iid}_{year}_{ck_month}",
                                index=choices.index(held_value) if held_value in choices else None,
                                format_func=lambda v: value_said(ind, v, lang))
            ck_note = st.text_input(t("ck_note", lang), value=held_note,
                                    key=f"ck_note_{iid}_{year}_{ck_month}", max_chars=500, help=t("ck_note_help", lang))
            keep = False
            if ds.is_sample:  # the first real data take the sample out (one undoable batch) unless kept
                keep = st.checkbox(t("storage.keep_sample", lang), key=f"ck_keep_sample_{iid}")
            if st.button(t("ck_save", lang), key=f"ck_save_{iid}", type="primary", icon=":material/save:"):
                if ck_value is None:
                    st.warning(t("ck_pick", lang), icon=":material/warning:")
                else:
                    checked = grids.checkin_check(project, iid, year, ck_month, ck_value, ck_note, lang)
                    if not checked.ok:
                        st.error("\n".join(f"- {esc(render_problem(p, lang))}" for p in checked.errors), icon=":material/error:")
                    else:
                        try:
                            done = store().save_checkin(iid, year, ck_month, ck_value, ck_note, state.user.name,
                                                        st.session_state[seen_key], keep_sample=keep)
                        except (StaleEditError, StoreError) as exc:
                            st.error(esc(store_text(exc, lang)), icon=":material/error:")
                            if isinstance(exc, StaleEditError):  # the newer value is said: a second save is a choice made knowing it
                                st.session_state.pop(seen_key, None)
                        else:
                            said = dict(month=fmt_month(year, ck_month, lang), value=value_said(ind, ck_value, lang))
                            st.session_state["_ck_flash"] = [t("ck_saved" if done.added or done.changed else "ck_unchanged", lang, **said)]
                            st.session_state.pop(seen_key, None)
                            invalidate_data()
                            st.rerun()
            st.caption(t("ck_help", lang))

# -- year on year ---------------------------------------------------------------------------
if row.actual is not None and row.data_month and ind.kind not in ("milestone", "qualitative"):
    prev_obs = ds.actuals.obs(src.id, year - 1).values if ind.id != project.execution_indicator else ds.budget.execution_levels(year - 1)
    prev_val = prev_obs.get(row.data_month)
    if prev_val is not None and not ind.derived_from:
        diff = row.actual - prev_val
        rel = fmt_pct(diff / prev_val, lang, fraction=True, sign=True) if prev_val else "—"
        st.metric(
            esc(t("ind_yoy_label", lang, month=fmt_month(year - 1, row.data_month, lang), value=fmt_value(prev_val, unit, lang))),
            esc(fmt_value(row.actual, unit, lang)),
            delta=esc(t("ind_yoy_delta", lang, change=fmt_change(diff, unit, lang), rel=rel)),
            delta_color="inverse" if ind.direction == "lower" else "normal",
            help=t("ind_yoy_help", lang),
        )

# -- deviation cause and corrective measure (read by the meeting page and the forms) ----------
with st.expander(t("act_title", lang), icon=":material/assignment:", expanded=row.status in ("lagging", "watch", "missed")):
    saved_action = store().get_action(ind.goal, ind.id, state.year) or {}
    user = state.user
    cat_saved = saved_action.get("cause_category") if saved_action.get("cause_category") in CAUSE_KEYS else None  # nothing chosen: 请选择

    def _cat_label(key: str) -> str:
        return cause_label(key, lang)

    if not user.can_edit:
        if saved_action:
            st.markdown(t("label_value", lang, label=f"**{esc(_cat_label(cat_saved))}**", value=esc(saved_action.get("cause_text", ""))))
            st.markdown(t("label_value", lang, label=t("act_measure", lang), value=esc(saved_action.get("measure_text", ""))))
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
            cat = st.selectbox(t("act_category", lang), list(CAUSE_KEYS), format_func=_cat_label, key=f"act_cat_{ind.id}",
                               index=None, placeholder=t("act_choose", lang))
            cause = st.text_area(t("act_cause", lang), key=f"act_cause_{ind.id}", max_chars=1000)
            measure = st.text_area(t("act_measure", lang), key=f"act_measure_{ind.id}", max_chars=1000)
            submitted = st.form_submit_button(t("act_save", lang), icon=":material/save:")
            if submitted and cat is None:  # a cause nobody chose never reaches the forms
                st.warning(t("act_category_needed", lang), icon=":material/warning:")
            elif submitted:
                try:
                    store().set_action(ind.goal, ind.id, cat, cause, measure, user.name, year=state.year)
                    st.success(t("act_saved", lang), icon=":material/check:")
                except StoreError as exc:
                    st.error(esc(exc.message(lang)), icon=":material/error:")
        st.caption(t("act_help", lang))

# -- raw data and metadata -----------------------------------------------------------------
with st.expander(t("ind_raw_data", lang), expanded=ind.kind == "qualitative", icon=":material/table:"):
    raw = ds.actuals.notes(src.id)
    if raw.empty:
        st.caption(t("no_data", lang))
    else:
        view = pd.DataFrame(
            {
                t("ind_month", lang): [fmt_months(y, f, m, lang) for y, m, f in zip(raw["year"], raw["month"], raw["first_month"])],
                t("ind_value", lang): [value_said(src, float(v), lang, with_unit=False) for v in raw["value"]],
                t("ind_basis", lang): [basis_name(b, lang) for b in raw["basis"]],
                t("ind_note", lang): raw["note"],
                t("ind_source", lang): raw["source"],
            }
        )
        st.dataframe(view, hide_index=True, width="stretch")
with st.expander(t("ind_meta", lang), icon=":material/info:"):
    st.markdown(t("label_value", lang, label=f"**{t('raw_text', lang)}**", value=esc(ind.name_raw)))
    vals = [t("label_value", lang, label=y, value=esc(tg.raw)) for y, tg in sorted(ind.baseline.items())]
    vals += [t("label_value", lang, label=y, value=esc(tg.raw)) for y, tg in sorted(ind.targets.items())]
    if ind.span_years and ind.span_target:
        vals.append(t("label_value", lang, label=f"{ind.span_years[0]}-{ind.span_years[1]}", value=esc(ind.span_target.raw)))
    st.markdown(t("list_sep_long", lang).join(vals))
    if ind.mapping_note:
        st.markdown(t("label_value", lang, label=f"**{t('ind_mapping_note', lang)}**", value=esc(ind.mapping_note)))
    link = f"`?indicator={iid}&as_of={state.as_of_key}&year={state.year}&lang={lang}`"
    st.caption(t("label_value", lang, label=t("ind_link", lang), value=link))
