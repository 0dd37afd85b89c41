"""会议汇报: the review meeting as a slide sequence for a 1920×1080 projector, with exports.

Thin: everything shown comes from :mod:`analytics.reports` — the slides of
:func:`analytics.reports.report.slides` (the same list the .pptx deck is written from), their
chart specs and every export; this page only lays them out. The slide number lives in the URL
(``?slide=3``). Navigation: the 上一页/下一页 buttons (keys ``slide_prev`` / ``slide_next``,
ordinary focusable buttons: Tab + Enter work) carry Streamlit's built-in keyboard shortcuts
PageUp / PageDown — what presenter remotes send — and two hidden buttons bind ← / →; no custom
component is needed.

The sidebar is hidden on this page with a static style block written here (no user text is
ever put into it); ``st.set_page_config`` lives in app.py and cannot collapse the sidebar for one
page only. As-of month, year and language come from the session or the URL
(``/meeting?as_of=2024-06&lang=en&slide=2``) — set them on any other page before presenting.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st

from analytics.present.labels import status_color
from analytics.reports import report
from pages.ui.common import dataset, esc
from pages.ui.shell import page_context
from analytics.present.i18n import t

# Static CSS (written here, never built from data): hide the sidebar and its toggle, big type
# for a projector, a compact page frame, the hidden arrow-key buttons.
_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 1.5rem 3.5rem 1.5rem 3.5rem !important; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.9rem !important; line-height: 1.2 !important; padding: 0.1rem 0 0.2rem 0 !important; }
.st-key-slide_body [data-testid="stMarkdownContainer"] p,
.st-key-slide_body [data-testid="stMarkdownContainer"] li { font-size: 1.65rem !important; line-height: 1.5 !important; }
.st-key-slide_body [data-testid="stCaptionContainer"] p { font-size: 1.15rem !important; }
.st-key-slide_body [data-testid="stMetricValue"] p { font-size: 3.2rem !important; line-height: 1.15 !important; font-weight: 600 !important; }
.st-key-slide_body [data-testid="stMetricLabel"] p { font-size: 1.4rem !important; }
.st-key-slide_body [data-testid="stMetricDelta"] p, .st-key-slide_body [data-testid="stMetricDelta"] div { font-size: 1.2rem !important; }
.st-key-slide_body table th, .st-key-slide_body table td { font-size: 1.45rem !important; padding: 0.45rem 0.75rem !important; line-height: 1.35 !important; }
.st-key-slide_title_block h1 { font-size: 3.8rem !important; margin-top: 10vh !important; }
.st-key-slide_title_block [data-testid="stMarkdownContainer"] p { font-size: 1.9rem !important; }
.st-key-slide_subtitle [data-testid="stMarkdownContainer"] p { font-size: 1.35rem !important; color: #555 !important; }
.st-key-slide_nav button p { font-size: 1.3rem !important; }
.st-key-slide_nav button { min-height: 3rem !important; }
.st-key-slide_nav [data-testid="stMarkdownContainer"] p { font-size: 1.3rem !important; text-align: center; }
.st-key-slide_body .stMarkdownBadge { font-size: 1.4rem !important; padding: 0.2rem 0.7rem !important; }
.st-key-slide_prev_arrow, .st-key-slide_next_arrow { display: none !important; }
</style>
"""

state = page_context()
lang = state.lang
ds = dataset()
st.html(_CSS)


def _scenario_doc() -> tuple[dict[str, Any] | None, str]:
    """The budget scenario chosen on the 预算情景 page (by name), or None for the baseline."""
    pick = st.session_state.get("scenario_pick")
    if not pick:
        return None, ""
    if isinstance(pick, dict):
        return pick, ""
    try:
        from pages.ui import scenarios_repo

        return scenarios_repo.repo().get(str(pick)), ""
    except Exception:  # noqa: BLE001 - a missing or unreadable scenario falls back to the baseline
        return None, t("meet_scenario_missing", lang, name=esc(str(pick)))


def _actions() -> list[dict[str, Any]] | None:
    """Deviation causes and measures entered by users on the 数据管理 page (the data store),
    for the target year or not tied to a year; none when the store does not offer them."""
    try:
        from pages.ui.common import store

        rows = store().list_actions()
    except Exception:  # noqa: BLE001 - the store is optional here: no actions rather than no meeting
        return None
    return report.actions_of_year(rows, state.year) or None


@st.cache_resource(show_spinner=False, max_entries=16)
def _context(version: tuple[Any, ...], as_of: tuple[int, int], year: int, lang: str, scenario_json: str, actions_json: str) -> report.ReportContext:
    ds = dataset()  # the dataset of ``version`` (the cache key: new data mean a new context)
    scenario = json.loads(scenario_json) if scenario_json else None
    actions = json.loads(actions_json) if actions_json else None
    return report.build_context(ds, as_of, year, lang, scenario=scenario, actions=actions)


scenario, scenario_note = _scenario_doc()
acts = _actions()
ctx = _context(state.version, state.as_of, state.year, lang, json.dumps(scenario, ensure_ascii=False, sort_keys=True) if scenario else "",
               json.dumps(acts, ensure_ascii=False, sort_keys=True, default=str) if acts else "")
deck = report.slides(ctx)
n = len(deck)


def _current() -> int:
    raw = st.query_params.get("slide")
    if raw is not None and str(raw).isdigit():
        return min(max(1, int(raw)), n)
    return min(max(1, int(st.session_state.get("_slide", 1))), n)


def _go(delta: int) -> None:
    i = min(max(1, _current() + delta), n)
    st.session_state["_slide"] = i
    st.query_params["slide"] = str(i)


i = _current()
st.session_state["_slide"] = i
st.query_params["slide"] = str(i)
slide = deck[i - 1]


def _table(s: report.Slide) -> None:
    # st.table renders every cell and header as Markdown: user text (names, causes) is escaped
    columns = [esc(c) for c in s.columns]
    df = pd.DataFrame([[esc(v) if isinstance(v, str) else v for v in row] for row in s.table], columns=columns)
    status_col = s.status_column
    if status_col is not None:
        colors = [status_color(k) if k else "inherit" for k in s.row_status]
        styler = df.style.apply(lambda col: [f"color: {c}; font-weight: 600" for c in colors] if col.name == columns[status_col] else [""] * len(col), axis=0)
        st.table(styler.hide(axis="index"))
    else:
        st.table(df.style.hide(axis="index"))


def _chart(name: str, height: int | None = None) -> None:
    # theme=None: keep the charts module's fonts (CJK family) at the slide's bigger sizes
    spec = report.chart_spec(ctx, name, font_scale=1.6, height=height)
    st.vega_lite_chart(spec=spec, width="stretch", theme=None)


with st.container(key="slide_body"):
    if slide.key == "title":
        with st.container(key="slide_title_block"):
            st.title(esc(slide.title), anchor=False)
            st.markdown(f"**{esc(slide.subtitle)}**")
            for b in slide.bullets:
                st.markdown(esc(b))
            if slide.badge:
                st.markdown(f":orange-badge[{esc(slide.badge)}]")
    else:
        head, badge = st.columns([6, 1], vertical_alignment="center")
        head.title(esc(slide.title), anchor=False)
        if slide.badge:
            badge.markdown(f":orange-badge[{esc(slide.badge)}]")
        if slide.subtitle:
            with st.container(key="slide_subtitle"):
                st.markdown(esc(slide.subtitle))
        if scenario_note and slide.key == "budget":
            st.warning(scenario_note, icon=":material/warning:")
        if slide.metrics:
            cols = st.columns(len(slide.metrics))
            for col, m in zip(cols, slide.metrics):
                col.metric(esc(m.label), m.value, delta=m.note or None, delta_color="off", delta_arrow="off", border=True)
        if slide.charts and slide.table:
            left, right = st.columns([1, 1], gap="large")
            with left:
                for name in slide.charts:
                    _chart(name, height=380)
            with right:
                _table(slide)
        elif slide.charts:
            cols = st.columns(len(slide.charts), gap="large")
            for col, name in zip(cols, slide.charts):
                with col:
                    _chart(name, height=420)
        elif slide.table:
            _table(slide)
        if slide.bullets:
            st.markdown("\n".join(f"- {esc(b)}" for b in slide.bullets))
        for note in slide.notes:
            st.caption(esc(note))

# -- navigation -------------------------------------------------------------------------------
# One row under the slide: previous / counter / next, the exports behind a small menu, leave.
# The keys (PageDown / PageUp, → / ←) are in the counter's tooltip, not on the slide.
with st.container(key="slide_nav"):
    c1, c2, c3, c4, c5 = st.columns([1, 2, 1, 0.6, 0.8], vertical_alignment="center")
    c1.button(t("meet_prev", lang), key="slide_prev", icon=":material/chevron_left:", on_click=_go, args=(-1,),
              disabled=i <= 1, shortcut="PageUp", width="stretch")
    c2.markdown(t("meet_counter", lang, i=i, n=n), help=t("meet_keys_help", lang))
    c3.button(t("meet_next", lang), key="slide_next", icon=":material/chevron_right:", on_click=_go, args=(1,),
              disabled=i >= n, shortcut="PageDown", width="stretch")
    exports = c4.popover(t("meet_export", lang), icon=":material/download:", width="stretch")
    c5.page_link("pages/overview.py", label=t("meet_exit", lang), icon=":material/close_fullscreen:")
st.button("←", key="slide_prev_arrow", on_click=_go, args=(-1,), shortcut="Left")
st.button("→", key="slide_next_arrow", on_click=_go, args=(1,), shortcut="Right")

# -- exports (in the small menu of the navigation row: nothing of it on the slide) -------------
with exports:
    warning = report.cjk_font_warning(lang)
    if warning:
        st.warning(warning, icon=":material/font_download:")
    stamp = ctx.as_of_key
    xlsx_mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    st.download_button(t("meet_dl_both", lang), lambda: report.xlsx_bytes(ctx), f"{t('meet_file_forms', lang)}_{stamp}.xlsx", xlsx_mime,
                       key="dl_forms", icon=":material/table_view:", on_click="ignore", width="stretch")
    st.download_button(t("meet_dl_monitoring", lang), lambda: report.xlsx_bytes(ctx, "monitoring"), f"{t('meet_file_monitoring', lang)}_{stamp}.xlsx",
                       xlsx_mime, key="dl_monitoring", icon=":material/table_view:", on_click="ignore", width="stretch")
    st.download_button(t("meet_dl_self_eval", lang), lambda: report.xlsx_bytes(ctx, "self-eval"), f"{t('meet_file_self_eval', lang)}_{stamp}.xlsx",
                       xlsx_mime, key="dl_self_eval", icon=":material/table_view:", on_click="ignore", width="stretch")
    st.download_button(t("meet_dl_pptx", lang), lambda: report.pptx_bytes(ctx, report.deck_chart_png(ctx)),
                       f"{t('meet_file_deck', lang)}_{stamp}.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       key="dl_pptx", icon=":material/slideshow:", on_click="ignore", width="stretch")
    st.download_button(t("written.dl_button", lang), lambda: report.docx_bytes(ctx), f"{t('written.file_name', lang)}_{stamp}.docx",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document", key="dl_docx",
                       icon=":material/description:", on_click="ignore", width="stretch")
    names = report.chart_names(ctx)
    by_id = ctx.project.by_id

    def _chart_label(name: str) -> str:
        if name.startswith("indicator:"):
            return t("label_value", lang, label=t("nav_indicator", lang), value=by_id[name.split(":", 1)[1]].display_name(lang))
        return t(f"meet_chart_{name}", lang)

    pick = st.selectbox(t("meet_chart_pick", lang), names, format_func=_chart_label, key="meet_chart")
    safe_name = pick.replace(":", "_")
    p2, p3 = st.columns(2)
    p2.download_button(t("meet_dl_png", lang), lambda: report.chart_image(ctx, pick, "png"), f"{safe_name}_{stamp}.png", "image/png",
                       key="dl_png", icon=":material/image:", on_click="ignore", width="stretch")
    p3.download_button(t("meet_dl_svg", lang), lambda: report.chart_image(ctx, pick, "svg"), f"{safe_name}_{stamp}.svg", "image/svg+xml",
                       key="dl_svg", icon=":material/image:", on_click="ignore", width="stretch")
