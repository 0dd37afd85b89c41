"""Review-meeting reports (会议汇报): the public face of :mod:`analytics.reports`.

Engine package: plain Python, no Streamlit and no ``pages`` import, deterministic (the same data
gives the same bytes apart from the timestamps python-pptx/openpyxl write into file metadata).
One module per concern:

* :mod:`~analytics.reports.context` — :func:`build_context` computes everything once (progress,
  goal roll-up, year-end forecasts, the budget projection under the chosen scenario, the
  self-evaluation score, data-quality notes, the users' deviation causes and measures from
  :mod:`~analytics.reports.actions`);
* :mod:`~analytics.reports.slides` — the slide sequence shown by the 会议汇报 page and written to
  the deck by :mod:`~analytics.reports.deck` (:func:`pptx_bytes`): the two stay the same by
  construction;
* :mod:`~analytics.reports.forms` — :func:`xlsx_bytes`, the 绩效运行监控表
  (:mod:`~analytics.reports.monitoring`) and the 项目支出绩效自评表
  (:mod:`~analytics.reports.self_eval`), laid out by ``data/report_forms.yaml``
  (:mod:`~analytics.reports.sheet`);
* :mod:`~analytics.reports.written` — :func:`~analytics.reports.written.docx_bytes`, the written
  绩效运行监控报告 (.docx; laid out by :mod:`~analytics.reports.written_docx`), its numbers from
  the forms' cells (:mod:`~analytics.reports.funds` for the budget figures);
* :mod:`~analytics.reports.images` — chart names, specs and PNG/SVG images, built by the one
  charts module :mod:`analytics.present.charts` from :mod:`analytics.present.chart_data`;
* :mod:`~analytics.reports.fonts` — :func:`find_cjk_font` / :func:`cjk_font_warning`;
* :mod:`~analytics.reports.wording` — how values are written, sentences from the catalogue
  (``reports.*`` in :mod:`analytics.present.strings.reports`).

:func:`write_report` writes any of them by file suffix (the CLI's ``report`` command).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from analytics.reports.actions import CAUSE_CATEGORIES, Action, actions_of_year, deviation_actions
from analytics.reports.context import FORM_LIKELIHOOD, ReportContext, build_context, form_likelihood
from analytics.reports.deck import EA_FONT, pptx_bytes
from analytics.reports.fonts import cjk_font_warning, find_cjk_font
from analytics.reports.forms import FORMS, xlsx_bytes
from analytics.reports.images import (
    CHART_NAMES,
    ChartRequest,
    chart_image,
    chart_names,
    chart_request,
    chart_spec,
    deck_chart_png,
)
from analytics.reports.sheet import FORMS_FILE, load_forms


def docx_bytes(ctx: ReportContext, charts_module: ModuleType | None = None) -> bytes:
    """The written 绩效运行监控报告 as .docx bytes (:mod:`analytics.reports.written`)."""
    from analytics.reports.written import docx_bytes as _docx

    return _docx(ctx, charts_module)
from analytics.reports.slides import ROWS_PER_SLIDE, Metric, Slide, slides

__all__ = [
    "CAUSE_CATEGORIES",
    "FORM_LIKELIHOOD",
    "FORMS",
    "FORMS_FILE",
    "CHART_NAMES",
    "EA_FONT",
    "ROWS_PER_SLIDE",
    "Action",
    "actions_of_year",
    "ReportContext",
    "Metric",
    "Slide",
    "ChartRequest",
    "deviation_actions",
    "build_context",
    "slides",
    "form_likelihood",
    "load_forms",
    "xlsx_bytes",
    "pptx_bytes",
    "docx_bytes",
    "deck_chart_png",
    "chart_names",
    "chart_request",
    "chart_spec",
    "chart_image",
    "find_cjk_font",
    "cjk_font_warning",
    "write_report",
]


def write_report(ctx: ReportContext, out: str | os.PathLike[str], *, form: str | None = None, chart: str | None = None,
                 charts_module: ModuleType | None = None) -> dict[str, Any]:
    """Write ``out`` by its suffix: ``.xlsx`` (both forms, or ``form``), ``.pptx`` (the deck with
    its chart pictures), ``.docx`` (the written 绩效运行监控报告, :mod:`analytics.reports.written`),
    ``.png`` / ``.svg`` (the chart ``chart``). ``charts_module`` replaces
    :mod:`analytics.present.charts` (tests). Returns a JSON-friendly summary. ``ValueError`` for
    usage problems."""
    path = Path(out)
    suffix = path.suffix.lower()
    summary: dict[str, Any] = {"out": str(path), "kind": suffix.lstrip("."), "as_of": ctx.as_of_key, "year": ctx.year,
                               "sample_data": ctx.is_sample}
    if form is not None and suffix != ".xlsx":
        raise ValueError("--form applies to .xlsx only / --form 只用于 .xlsx")
    if chart is not None and suffix not in (".png", ".svg"):
        raise ValueError("--chart applies to .png/.svg only / --chart 只用于 .png/.svg")
    if suffix == ".xlsx":
        data = xlsx_bytes(ctx, form)
        from openpyxl import load_workbook

        summary["sheets"] = load_workbook(io.BytesIO(data), read_only=True).sheetnames
    elif suffix == ".pptx":
        data = pptx_bytes(ctx, deck_chart_png(ctx, charts_module))
        summary["slides"] = len(slides(ctx))
    elif suffix == ".docx":
        from analytics.reports.written import docx_bytes

        data = docx_bytes(ctx, charts_module)
    elif suffix in (".png", ".svg"):
        if not chart:
            raise ValueError(f"give --chart NAME: {', '.join(CHART_NAMES)}, indicator:<id> / 请用 --chart 指定图表")
        data = chart_image(ctx, chart, suffix.lstrip("."), charts_module)
        summary["chart"] = chart
    else:
        raise ValueError(f"unknown output type {suffix or '(none)'!r}: .xlsx, .pptx, .docx, .png or .svg / "
                         "不支持的文件类型，请用 .xlsx、.pptx、.docx、.png 或 .svg")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    summary["bytes"] = len(data)
    return summary
