"""Shared view helpers: cached data access, sidebar state, formatting. No business rules here:
everything numeric comes from ``analytics``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from analytics.dataset import Dataset, load_dataset
from analytics.progress import GoalRollup, IndicatorProgress, load_rules, rollup
from pages.i18n import t

PAGES = {
    "overview": "pages/overview.py",
    "goals": "pages/goals.py",
    "indicator": "pages/indicator.py",
    "targets": "pages/targets.py",
}


def _data_signature() -> tuple[Any, ...]:
    """Files the dataset is built from, with their modification times (cache key)."""
    targets = os.environ.get("PT_TARGETS")
    actuals = os.environ.get("PT_ACTUALS")
    budget = os.environ.get("PT_BUDGET")
    sig = []
    for p in (targets, actuals, budget):
        if p and Path(p).exists():
            sig.append((p, Path(p).stat().st_mtime_ns))
        else:
            sig.append((p, None))
    from analytics.dataset import SAMPLE_ACTUALS, SAMPLE_BUDGET

    for p in (SAMPLE_ACTUALS, SAMPLE_BUDGET):
        sig.append((str(p), p.stat().st_mtime_ns if p.exists() else None))
    return tuple(sig)


@st.cache_resource(show_spinner=False)
def _dataset(signature: tuple[Any, ...]) -> Dataset:
    del signature
    return load_dataset(os.environ.get("PT_TARGETS"), os.environ.get("PT_ACTUALS"), os.environ.get("PT_BUDGET"))


def dataset() -> Dataset:
    return _dataset(_data_signature())


@st.cache_data(show_spinner=False, max_entries=64)
def _progress(signature: tuple[Any, ...], year: int, as_of: tuple[int, int]) -> list[IndicatorProgress]:
    return _dataset(signature).progress(year, as_of)


def progress(year: int, as_of: tuple[int, int]) -> list[IndicatorProgress]:
    return _progress(_data_signature(), year, as_of)


def goal_rollup(year: int, as_of: tuple[int, int]) -> list[GoalRollup]:
    return rollup(dataset().project, progress(year, as_of))


@dataclass(frozen=True)
class ViewState:
    lang: str
    year: int
    as_of: tuple[int, int]

    @property
    def as_of_key(self) -> str:
        return f"{self.as_of[0]:04d}-{self.as_of[1]:02d}"

    def month_label(self, year: int | None = None, month: int | None = None) -> str:
        return t("month_fmt", self.lang, y=year or self.as_of[0], m=month or self.as_of[1])


def _parse_key(text: str | None) -> tuple[int, int] | None:
    try:
        y, m = str(text).split("-")
        return int(y), int(m)
    except (ValueError, AttributeError):
        return None


def _remember(key: str) -> None:
    st.session_state[f"_{key}"] = st.session_state[key]


def sidebar() -> ViewState:
    """Language, as-of month and year: in the sidebar, kept in the session and the URL."""
    from pages.router import ensure_routed

    ensure_routed()
    ds = dataset()
    qp = st.query_params
    # Widget state is dropped when the user switches pages; keep the choices in plain keys
    # ("_lang", "_as_of", "_year") and hand them back to the widgets on every page.
    for key in ("lang", "as_of", "year"):
        if f"_{key}" in st.session_state:
            st.session_state[key] = st.session_state[f"_{key}"]
    if "lang" not in st.session_state:
        st.session_state["lang"] = qp.get("lang", "zh") if qp.get("lang") in ("zh", "en") else "zh"
    lang = st.sidebar.radio(
        t("sidebar_lang", st.session_state["lang"]),
        ["zh", "en"],
        format_func=lambda x: "中文" if x == "zh" else "English",
        horizontal=True,
        key="lang",
        on_change=_remember,
        args=("lang",),
    )
    periods = ds.periods()
    latest = ds.latest_period or (ds.project.years[0], 12)
    if not periods:
        periods = [latest]
    keys = [f"{y:04d}-{m:02d}" for y, m in periods]
    if "as_of" not in st.session_state:
        wanted = qp.get("as_of")
        st.session_state["as_of"] = wanted if wanted in keys else keys[-1]
    elif st.session_state["as_of"] not in keys:
        st.session_state["as_of"] = keys[-1]
    as_of_key = st.sidebar.selectbox(
        t("sidebar_as_of", lang),
        keys,
        format_func=lambda k: t("month_fmt", lang, y=int(k[:4]), m=int(k[5:])),
        key="as_of",
        help=t("sidebar_as_of_help", lang),
        on_change=_remember,
        args=("as_of",),
    )
    as_of = _parse_key(as_of_key) or latest
    years = ds.years() or [as_of[0]]
    default_year = as_of[0] if as_of[0] in years else max([y for y in years if y <= as_of[0]] or years)
    if "year" not in st.session_state or st.session_state.get("_year_for") != as_of_key:
        qy = qp.get("year")
        st.session_state["year"] = int(qy) if qy and qy.isdigit() and int(qy) in years and "_year_for" not in st.session_state else default_year
        st.session_state["_year_for"] = as_of_key
    year = st.sidebar.selectbox(t("sidebar_year", lang), years, key="year", on_change=_remember, args=("year",))
    st.session_state["_lang"], st.session_state["_as_of"], st.session_state["_year"] = lang, as_of_key, year
    qp["as_of"] = as_of_key
    qp["year"] = str(year)
    qp["lang"] = lang
    if ds.is_sample:
        st.sidebar.caption(f":orange-badge[{t('sample_tag', lang)}]")
    return ViewState(lang=lang, year=int(year), as_of=as_of)


def sample_banner(state: ViewState) -> None:
    if dataset().is_sample:
        st.info(t("sample_banner", state.lang), icon=":material/science:")


def status_label(status: str, lang: str) -> str:
    info = load_rules()["statuses"][status]
    return f"{info['symbol']} {info['en' if lang == 'en' else 'zh']}"


def status_help(status: str, lang: str) -> str:
    info = load_rules()["statuses"][status]
    return info["help_en" if lang == "en" else "help_zh"]


def status_color(status: str) -> str:
    return str(load_rules()["statuses"][status]["color"])


def fmt_value(x: float | None, unit: str = "", nd: int | None = None) -> str:
    if x is None:
        return "—"
    if nd is None:
        ax = abs(x)
        nd = 0 if ax >= 1000 or float(x).is_integer() else (1 if ax >= 100 else (2 if ax >= 1 else 4))
    s = f"{x:,.{nd}f}"
    if unit == "%":
        return f"{s}%"
    return f"{s} {unit}".strip()


def fmt_money(wan: float | None, lang: str = "zh") -> str:
    """An amount in 万元, shortened for metric cards: ≥ 1亿 shown in 亿元."""
    if wan is None:
        return "—"
    if abs(wan) >= 10000:
        return f"{wan / 10000:,.2f} 亿元"
    return f"{wan:,.0f} 万元"


def fmt_pct(x: float | None, nd: int = 1) -> str:
    return "—" if x is None else f"{x * 100:.{nd}f}%"


_MD_SPECIAL = set("\\`*_[]<>#|~$")


def esc(text: object) -> str:
    """Neutralise Markdown/HTML syntax in user-supplied text before it goes into st.markdown
    (raw HTML is never enabled; this also stops links, emphasis and LaTeX from file contents)."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))


def indicator_label(ind_id: str, lang: str) -> str:
    ind = dataset().project.indicator(ind_id)
    return ind.display_name(lang)


def goal_label(goal_id: int, lang: str) -> str:
    if goal_id == 0:
        return t("project_wide", lang)
    g = dataset().project.goal(goal_id)
    return g.label(lang) if g else str(goal_id)


@st.cache_data(show_spinner=False, max_entries=512)
def _chart_spec(builder: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    from pages import charts

    return getattr(charts, builder)(*args, **kwargs).to_dict(validate=False)


def show_chart(builder: str, *args: Any, **kwargs: Any) -> None:
    """Render a chart from pages/charts.py. Building an Altair chart costs ~100 ms, so the
    finished Vega-Lite spec is cached on the chart's inputs (same inputs, same chart)."""
    st.vega_lite_chart(spec=_chart_spec(builder, *args, **kwargs), width="stretch")
