"""The official forms as one workbook: 绩效运行监控表 (:mod:`analytics.reports.monitoring`) and
项目支出绩效自评表 (:mod:`analytics.reports.self_eval`), laid out by ``data/report_forms.yaml``."""

from __future__ import annotations

import io
import os

from analytics.reports.context import ReportContext
from analytics.reports.monitoring import write_monitoring
from analytics.reports.self_eval import write_self_eval
from analytics.reports.sheet import load_forms


FORMS = ("monitoring", "self-eval")


def xlsx_bytes(ctx: ReportContext, form: str | None = None, forms_path: str | os.PathLike[str] | None = None) -> bytes:
    """The official forms as one workbook: both sheets (default) or ``form`` =
    ``monitoring`` (绩效运行监控表) / ``self-eval`` (项目支出绩效自评表)."""
    from openpyxl import Workbook

    if form not in (None, "both", *FORMS):
        raise ValueError(f"unknown form {form!r}: monitoring or self-eval / 未知的报表「{form}」：monitoring 或 self-eval")
    cfg = load_forms(forms_path)
    wb = Workbook()
    wb.remove(wb.active)
    if form in (None, "both", "monitoring"):
        write_monitoring(wb, ctx, cfg["monitoring"])
    if form in (None, "both", "self-eval"):
        write_self_eval(wb, ctx, cfg["self_eval"])
    wb.properties.creator = "绩效目标跟踪 / performance-target tracker"
    wb.properties.title = ctx.project.name
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
