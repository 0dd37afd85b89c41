"""年末预测: will this year's targets be met? Risk table, per-indicator fan chart, method and its
own backtest error, and the track record of a past year. Numbers from analytics.forecast.outlook."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from analytics.core.calendar import year_over
from analytics.core.exports import csv_bytes, xlsx_bytes
from analytics.forecast.outlook import Outlook, TrackPoint, forecast_all, risk_order, track_record, track_summary
from analytics.present.catalogue import text
from analytics.present import chart_data
from analytics.present.forecast_table import EXPORT_COLUMNS, SCREEN_COLUMNS, column_title, forecast_rows, table
from analytics.present.forecast_text import method_desc, method_name, reason_name
from analytics.present.format import fmt_pct, fmt_value
from analytics.present.judgement_text import thresholds_params
from analytics.present.labels import project_name
from analytics.present.table_layout import fit_columns
from pages.ui.common import dataset, esc, metric_columns, progress, sample_banner, show_chart
from pages.ui.shell import page_context
from analytics.present.i18n import t

state = page_context()
lang = state.lang
ds = dataset()
project = ds.project
year, as_of = state.year, state.as_of


@st.cache_data(show_spinner=False, max_entries=32)
def _rows(version: tuple[Any, ...], year: int, as_of: tuple[int, int]) -> list[Outlook]:
    del version  # cache key: the data version (a hashed argument, so new data mean new rows)
    return forecast_all(dataset(), year, as_of)


@st.cache_data(show_spinner=False, max_entries=128)
def _track(version: tuple[Any, ...], indicator_id: str, year: int) -> list[TrackPoint]:
    del version  # cache key, as above
    return track_record(dataset(), indicator_id, year)


sig = state.version
st.title(t("fc_title", lang))
over = year_over(year, as_of)  # results, not forecasts, where December is in
st.caption(t("fc_caption_final" if over else "fc_caption", lang, project=esc(project_name(ds.project, lang)), as_of=state.month_label(), year=year))
sample_banner(state)
st.warning(t("fc_estimate_final" if over else "fc_estimate", lang, year=year), icon=":material/info:")

rows = sorted(_rows(sig, year, as_of), key=risk_order)
by_id = project.by_id
prog = {p.indicator_id: p for p in progress(year, as_of)}
view = forecast_rows(ds, rows, prog, lang)
df = pd.DataFrame(table(view, (*SCREEN_COLUMNS, "id"), lang))
col = lambda c: column_title(c, lang)  # noqa: E731 - a column's title
layout = fit_columns({col(c): df[col(c)] for c in SCREEN_COLUMNS})  # 1440 px: no sideways scrolling
w = layout.widths
event = st.dataframe(
    layout.wrapped(df), hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="fc_table",
    row_height=layout.row_height, height=layout.height or "auto",
    column_order=[col(c) for c in SCREEN_COLUMNS],  # decision columns only; the id stays hidden
    column_config={
        col("indicator"): st.column_config.TextColumn(width=w[col("indicator")]),
        col("target"): st.column_config.TextColumn(width=w[col("target")]),
        col("forecast"): st.column_config.TextColumn(width=w[col("forecast")]),
        col("prob"): st.column_config.TextColumn(width=w[col("prob")], help=t("fc_p_help", lang)),
        col("level"): st.column_config.TextColumn(width=w[col("level")], help=text("manager.level_help", lang, **thresholds_params())),
        col("status"): st.column_config.TextColumn(width=w[col("status")]),
        col("gap"): st.column_config.TextColumn(width=w[col("gap")], help=text("manager.gap_help", lang)),
        col("reason"): st.column_config.TextColumn(width=w[col("reason")]),
    },
)
with st.expander(t("fc_how", lang), icon=":material/help:"):
    st.markdown(t("fc_how_text", lang))
    st.markdown(text("manager.level_help", lang, **thresholds_params()))
export = pd.DataFrame(table(view, EXPORT_COLUMNS, lang))
c1, c2 = st.columns(2)
name = t("fc_file", lang, as_of=state.as_of_key)
c1.download_button(t("download_csv", lang), lambda: csv_bytes(export), f"{name}.csv", "text/csv", icon=":material/download:", on_click="ignore", key="fc_dl_csv")
c2.download_button(t("download_xlsx", lang), lambda: xlsx_bytes({text("manager.sheet_forecast", lang): export}), f"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:", on_click="ignore", key="fc_dl_xlsx")

# -- one indicator ---------------------------------------------------------------------------
ids = [r.indicator_id for r in rows]
sel = event.selection.rows if event is not None and hasattr(event, "selection") else []
if sel:
    st.session_state["fc_pick"] = df.iloc[sel[0]][col("id")]
if st.session_state.get("fc_pick") not in ids:
    wanted = st.query_params.get("indicator")
    st.session_state["fc_pick"] = wanted if wanted in ids else ids[0]
iid = st.selectbox(t("ind_pick", lang), ids, format_func=lambda i: by_id[i].display_name(lang), key="fc_pick")
st.query_params["indicator"] = iid
ind = by_id[iid]
r = next(x for x in rows if x.indicator_id == iid)
shown = next(x for x in view if x.id == iid)
st.subheader(esc(ind.display_name(lang)))
m1, m2, m3, m4 = metric_columns("forecast", [1.2, 1.2, 0.8, 1.1])
m1.metric(col("target"), esc(shown.target), border=True)
m2.metric(col("forecast"), esc(shown.forecast), border=True,
          help=None if shown.interval == "—" else t("label_value", lang, label=col("interval"), value=esc(shown.interval)))
m3.metric(col("prob"), shown.prob, border=True, help=t("fc_p_help", lang))
m4.metric(col("level"), esc(shown.level), border=True, help=text("manager.level_help", lang, **thresholds_params()))
none_said = t("fc_no_forecast", lang, reason=reason_name(r.reason, lang) or r.reason) if r.point is None and r.reason else ""
if shown.reason.rstrip("。.") != none_said.rstrip("。."):  # the box below says it already: said once
    st.markdown(t("label_value", lang, label=f"**{col('reason')}**", value=esc(shown.reason)))
if shown.basis != "—":
    st.caption(esc(shown.basis))
waiting = shown.level_code == "await"  # a survey between two measurements: not extrapolated
fan = () if waiting else r.path
if not waiting and not (none_said and r.method == "none"):  # "无法预测 — 数据不足" beside the box: said once
    st.markdown(t("label_value", lang, label=f"**{t('fc_method', lang)}**",
                  value=f"{esc(method_name(r.method, lang))} — {esc(method_desc(r.method, lang))}"))
if r.backtest_mape is not None and not waiting:
    st.caption(t("fc_own_backtest", lang, mape=r.backtest_mape))
if none_said:
    st.info(esc(none_said), icon=":material/block:")

if ind.kind not in ("milestone", "qualitative") and r.data_month:  # a check-in is a word, not a line
    chart = chart_data.forecast_fan(ds, iid, year, r.data_month, fan, r.target, lang)
    show_chart("forecast_fan", *chart.args(lang), **chart.kwargs())
    st.caption(t("fc_fan_caption", lang))

# -- track record ----------------------------------------------------------------------------
st.subheader(t("fc_track", lang))
past = [y for y in sorted({y for y in ds.actuals.years(ind.derived_from or ind.id)} | ({y for (y, _m) in ds.budget.monthly} if ind.id == project.execution_indicator else set())) if y < as_of[0] and ind.target(y) is not None]
if not past or ind.kind in ("milestone", "qualitative") or ind.derived_from:
    st.caption(t("fc_track_none", lang))
else:
    ty = st.selectbox(t("fc_track_year", lang), past, index=len(past) - 1, key="fc_track_year")
    rec = _track(sig, iid, ty)
    chart = chart_data.track_fan(ind, rec, ty, lang)
    if chart is None:
        st.caption(t("fc_track_none", lang))
    else:
        final = rec[0].final
        show_chart("forecast_fan", *chart.args(lang), **chart.kwargs())
        mape, cover = track_summary(rec)
        st.caption(t("fc_track_summary", lang, year=ty, mape=fmt_pct(mape, lang, fraction=True), cover=fmt_pct(cover, lang, 0, fraction=True),
                     final=esc(fmt_value(final, ind.unit, lang))))
