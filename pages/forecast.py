"""年末预测: will this year's targets be met? Risk table, per-indicator fan chart, method and its
own backtest error, and the track record of a past year. Numbers from analytics.forecast.outlook."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from analytics.core.exports import csv_bytes, xlsx_bytes
from analytics.forecast.outlook import Outlook, TrackPoint, forecast_all, risk_order, track_record, track_summary
from analytics.rules.progress import expected_path
from analytics.present.catalogue import text
from analytics.present.chart_data import unit_axis_title
from analytics.present.forecast_table import EXPORT_COLUMNS, SCREEN_COLUMNS, column_title, forecast_rows, table
from analytics.present.forecast_text import method_desc, method_name, reason_name
from analytics.present.format import fmt_pct, fmt_value
from analytics.present.judgement_text import thresholds_params
from analytics.present.labels import project_name
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
st.caption(t("fc_caption", lang, project=esc(project_name(ds.project, lang)), as_of=state.month_label(), year=year))
sample_banner(state)
st.warning(t("fc_estimate", lang), icon=":material/info:")

rows = sorted(_rows(sig, year, as_of), key=risk_order)
by_id = project.by_id
prog = {p.indicator_id: p for p in progress(year, as_of)}
view = forecast_rows(ds, rows, prog, lang)
df = pd.DataFrame(table(view, (*SCREEN_COLUMNS, "id"), lang))
col = lambda c: column_title(c, lang)  # noqa: E731 - a column's title
wide = (210, 88, 84, 70) if lang == "zh" else (180, 112, 96, 84)  # English units are longer ("10k person-times")
event = st.dataframe(
    df, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="fc_table",
    column_order=[col(c) for c in SCREEN_COLUMNS],  # decision columns only; the id stays hidden
    column_config={
        col("indicator"): st.column_config.TextColumn(width=wide[0]),
        col("target"): st.column_config.TextColumn(width=wide[1]),
        col("forecast"): st.column_config.TextColumn(width=wide[1]),
        col("prob"): st.column_config.TextColumn(width=60, help=t("fc_p_help", lang)),
        col("level"): st.column_config.TextColumn(width=wide[2], help=text("manager.level_help", lang, **thresholds_params())),
        col("status"): st.column_config.TextColumn(width=wide[3]),
        col("gap"): st.column_config.TextColumn(width=wide[1], help=text("manager.gap_help", lang)),
        col("reason"): st.column_config.TextColumn(width=200 if lang == "zh" else 150),  # all fit at 1440 px: no sideways scrolling
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
st.markdown(f"**{col('reason')}**：{esc(shown.reason)}")
if shown.basis != "—":
    st.caption(esc(shown.basis))
waiting = shown.level_code == "await"  # a survey between two measurements: not extrapolated
fan = () if waiting else r.path
if not waiting:
    st.markdown(f"**{t('fc_method', lang)}**：{esc(method_name(r.method, lang))} — {esc(method_desc(r.method, lang))}")
if r.backtest_mape is not None and not waiting:
    st.caption(t("fc_own_backtest", lang, mape=r.backtest_mape))
if r.point is None and r.reason:
    st.info(t("fc_no_forecast", lang, reason=esc(reason_name(r.reason, lang) or r.reason)), icon=":material/block:")

if ind.kind not in ("milestone", "qualitative") and r.data_month:  # a check-in is a word, not a line
    src = project.indicator(ind.derived_from) if ind.derived_from else ind
    lines: list[dict[str, Any]] = []
    if ind.id == project.execution_indicator:
        obs = {m: v for m, v in ds.budget.execution_levels(year).items() if m <= r.data_month}
        prior = {}
    else:
        base = 0.0
        if ind.derived_from and ind.span_years:
            base = sum(ds.actuals.year_end(src, y) or 0.0 for y in range(ind.span_years[0], year))
        obs = {m: v + base for m, v in ds.actuals.obs(src.id, year).values.items() if m <= r.data_month}
        prior = {y: ds.actuals.obs(src.id, y).values for y in ds.actuals.years(src.id) if y < year} if not ind.derived_from else {}
    for py in sorted(prior)[-3:]:
        for m, v in sorted(prior[py].items()):
            lines.append({"month": m, "value": v, "series": t("ind_prior_year", lang, y=py), "kind": "prior"})
    for m, v in sorted(obs.items()):
        lines.append({"month": m, "value": v, "series": t("fc_series_actual", lang, y=year), "kind": "actual"})
    band = pd.DataFrame([{"month": int(p[0]), "lower": p[2], "upper": p[3]} for p in fan], columns=["month", "lower", "upper"])
    if fan and obs:
        last = max(obs)
        lines.append({"month": last, "value": obs[last], "series": t("fc_series_forecast", lang), "kind": "projection"})
        for p in fan:
            lines.append({"month": int(p[0]), "value": p[1], "series": t("fc_series_forecast", lang), "kind": "projection"})
    traj = expected_path(project, ind, ds.actuals, ds.budget, year)
    if traj is not None:
        for m in range(1, 13):
            lines.append({"month": m, "value": traj.at(m), "series": t("ind_expected_line", lang), "kind": "expected"})
    unit_title = unit_axis_title(ind.display_name(lang), ind.unit, lang, ind.kind == "flow")
    show_chart("forecast_fan", pd.DataFrame(lines), band, unit_title, lang, r.target, ind.kind == "flow" or ind.id == project.execution_indicator,
               target_unit=ind.unit)
    st.caption(t("fc_fan_caption", lang))

# -- track record ----------------------------------------------------------------------------
st.subheader(t("fc_track", lang))
past = [y for y in sorted({y for y in ds.actuals.years(ind.derived_from or ind.id)} | ({y for (y, _m) in ds.budget.monthly} if ind.id == project.execution_indicator else set())) if y < as_of[0] and ind.target(y) is not None]
if not past or ind.kind == "milestone" or ind.derived_from:
    st.caption(t("fc_track_none", lang))
else:
    ty = st.selectbox(t("fc_track_year", lang), past, index=len(past) - 1, key="fc_track_year")
    rec = _track(sig, iid, ty)
    final = rec[0].final if rec else None
    if final is None:
        st.caption(t("fc_track_none", lang))
    else:
        tl = [{"month": x.month, "value": x.point, "series": t("fc_track_point", lang), "kind": "projection"} for x in rec if x.point is not None]
        tl += [{"month": m, "value": final, "series": t("fc_track_final", lang), "kind": "actual"} for m in range(1, 12)]
        tb = pd.DataFrame([{"month": x.month, "lower": x.lower, "upper": x.upper} for x in rec if x.lower is not None], columns=["month", "lower", "upper"])
        show_chart("forecast_fan", pd.DataFrame(tl), tb, unit_axis_title(ind.display_name(lang), ind.unit, lang, False), lang,
                   ind.target(ty).value if ind.target(ty) else None, target_unit=ind.unit)
        mape, cover = track_summary(rec)
        st.caption(t("fc_track_summary", lang, year=ty, mape=fmt_pct(mape, lang, fraction=True), cover=fmt_pct(cover, lang, 0, fraction=True),
                     final=esc(fmt_value(final, ind.unit, lang))))
