"""Charts of the reports: which charts exist, their data, their Vega-Lite specs and images.

The one charts module is :mod:`analytics.present.charts` (pure Altair); the chart data comes
from :mod:`analytics.present.chart_data`, the same the pages use. This module names the charts
(``status_counts``, ``goal_scores``, ``budget_execution``, ``indicator:<id>``), makes their
specs readable on a projector (CJK font family, bigger type) and converts them with vl-convert
to PNG or SVG. A ``charts_module`` argument replaces the charts module (tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable

import pandas as pd

from analytics.present import chart_data
from analytics.reports.context import ReportContext
from analytics.reports.wording import t


def _charts() -> ModuleType:
    """The charts module, imported on first use (Altair takes a while to load; the forms do
    not need it)."""
    from analytics.present import charts

    return charts


CHART_NAMES: tuple[str, ...] = ("status_counts", "goal_scores", "budget_execution")  # + "indicator:<id>"


@dataclass(frozen=True)
class ChartRequest:
    """Which builder of the charts module to call, and with what."""

    name: str
    builder: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    title: str


def has_chart(ctx: ReportContext, name: str) -> bool:
    if name == "goal_scores":
        return any(r.goal != 0 and r.score is not None for r in ctx.rollups)
    if name == "budget_execution":  # execution is spending ÷ the budget: none drawn without a total
        return ctx.ds.budget.executable and bool(ctx.month)
    return True


def chart_names(ctx: ReportContext) -> list[str]:
    """Every chart that can be exported by name: status_counts, goal_scores (with goals),
    budget_execution (with spending data and a budget) and indicator:<id> for each indicator but a qualitative
    one (its check-ins are words, not a line: the pages draw none either)."""
    return [n for n in CHART_NAMES if has_chart(ctx, n)] + [f"indicator:{ind.id}" for ind in ctx.project.indicators
                                                           if ind.kind != "qualitative"]


def chart_data_status_counts(ctx: ReportContext) -> dict[str, int]:
    return dict(ctx.counts)


def chart_data_goal_scores(ctx: ReportContext) -> pd.DataFrame:
    return chart_data.goal_scores(ctx.project, ctx.rollups, ctx.lang)


def chart_data_budget_execution(ctx: ReportContext) -> pd.DataFrame:
    """month, series, value (%), kind ∈ actual / expected / projection (the chosen scenario's path)."""
    return chart_data.budget_execution(ctx.ds, ctx.year, ctx.month or 0, ctx.lang, ctx.scenario, ctx.scenario_name)


def chart_data_indicator(ctx: ReportContext, indicator_id: str) -> chart_data.IndicatorChart:
    """The inputs of one indicator's chart, as on the 指标详情 page."""
    row = ctx.row(indicator_id)
    return chart_data.indicator_progress(ctx.ds, indicator_id, ctx.year, ctx.month, ctx.lang, row.target if row else None)


def chart_request(ctx: ReportContext, name: str) -> ChartRequest:
    """The builder call for a chart name; ``ValueError`` (listing the names) for an unknown one."""
    lang = ctx.lang
    if name in CHART_NAMES and not has_chart(ctx, name):
        raise ValueError(f"chart {name!r} has no data here (no goals / no spending data) / 图表「{name}」没有数据")
    if name == "status_counts":
        title = t("chart_status_counts", lang)
        return ChartRequest(name, "status_counts", (chart_data_status_counts(ctx), lang), {"title": title}, title)
    if name == "goal_scores":
        return ChartRequest(name, "goal_scores", (chart_data_goal_scores(ctx), lang), {}, t("chart_goal_scores", lang))
    if name == "budget_execution":
        title = t("chart_budget_execution", lang)
        return ChartRequest(name, "budget_execution", (chart_data_budget_execution(ctx), lang), {"title": title}, title)
    if name.startswith("indicator:"):
        iid = name.split(":", 1)[1]
        if iid in ctx.project.by_id and ctx.project.indicator(iid).kind == "qualitative":
            raise ValueError(f"chart {name!r}: a qualitative indicator is tracked by check-ins, not drawn as a line / "
                             f"图表「{name}」：定性指标按评价跟踪，不画数值曲线")
        if iid in ctx.project.by_id:
            c = chart_data_indicator(ctx, iid)
            title = f"{ctx.project.indicator(iid).display_name(lang)} · {ctx.year}"
            return ChartRequest(name, "indicator_progress", c.args(lang), {"title": title, **c.kwargs()}, title)
    raise ValueError(
        f"unknown chart {name!r}; names: {', '.join(CHART_NAMES)}, indicator:<id> (e.g. indicator:new_urban_jobs) / "
        f"未知的图表「{name}」，可用：{'、'.join(CHART_NAMES)}、indicator:<指标编号>"
    )


def _scale_fonts(node: Any, factor: float) -> None:
    if isinstance(node, dict):
        for k, v in list(node.items()):
            if isinstance(v, (int, float)) and not isinstance(v, bool) and (k == "fontSize" or k.endswith("FontSize")):
                node[k] = round(v * factor, 1)
            else:
                _scale_fonts(v, factor)
    elif isinstance(node, list):
        for v in node:
            _scale_fonts(v, factor)


def chart_spec(ctx: ReportContext, name: str, charts_module: ModuleType | None = None, *, font_scale: float = 1.0,
               width: int | None = None, height: int | None = None) -> dict[str, Any]:
    """The Vega-Lite spec of a chart, built by the charts module (analytics/present/charts.py),
    with the CJK font family guaranteed and, for slides/images, bigger type and a fixed width."""
    req = chart_request(ctx, name)
    charts_module = charts_module or _charts()
    chart = getattr(charts_module, req.builder)(*req.args, **req.kwargs)
    spec: dict[str, Any] = chart.to_dict()
    font = getattr(charts_module, "FONT", "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif")
    cfg = spec.setdefault("config", {})
    cfg.setdefault("font", font)
    axis = cfg.setdefault("axis", {})
    for k, v in (("labelFont", font), ("titleFont", font), ("labelFontSize", 12), ("titleFontSize", 13), ("labelAngle", 0)):
        axis.setdefault(k, v)
    legend = cfg.setdefault("legend", {})
    for k, v in (("labelFont", font), ("titleFont", font), ("labelFontSize", 12)):
        legend.setdefault(k, v)
    axis.setdefault("labelLimit", 0)  # 0 = no limit: a long goal name is never cut with "…" on a slide
    title = cfg.setdefault("title", {})
    title.setdefault("font", font)
    title.setdefault("fontSize", 15)
    cfg.setdefault("text", {}).setdefault("fontSize", 12)
    if font_scale != 1.0:
        _scale_fonts(spec, font_scale)
        if isinstance(spec.get("height"), (int, float)):
            spec["height"] = int(spec["height"] * font_scale)
    if height is not None:
        spec["height"] = height
    if not spec.get("title") and req.title:
        spec["title"] = {"text": req.title, "anchor": "start", "font": font, "fontSize": round(15 * font_scale, 1)}
    if width is not None:
        spec["width"] = width
    return spec


def chart_image(ctx: ReportContext, name: str, fmt: str, charts_module: ModuleType | None = None, *, scale: float = 2.0,
                width: int = 900, font_scale: float = 1.3, height: int | None = None) -> bytes:
    """PNG or SVG bytes of a chart (vl-convert). Chinese renders only with a CJK font installed
    (see :func:`cjk_font_warning`)."""
    import vl_convert as vlc

    spec = chart_spec(ctx, name, charts_module, font_scale=font_scale, width=width, height=height)
    spec.setdefault("background", "white")
    if fmt == "png":
        return bytes(vlc.vegalite_to_png(spec, scale=scale))
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec).encode("utf-8")
    raise ValueError(f"unknown image format {fmt!r} (png or svg)")


def deck_chart_png(ctx: ReportContext, charts_module: ModuleType | None = None) -> Callable[[str], bytes]:
    """The chart renderer the deck uses: narrower images with bigger type, so that a chart
    placed at half the slide width still reads at ~12 pt."""
    def render(name: str) -> bytes:
        wide = name == "budget_execution" or name.startswith("indicator:")
        return chart_image(ctx, name, "png", charts_module, width=620, font_scale=1.55, scale=2.0, height=260 if wide else None)

    return render
