"""(Re)generate the ingest test corpus: tests/data/broken/* and tests/data/good/*.

Run from the repository root::

    .venv/bin/python tests/make_broken_corpus.py

Every broken file is broken in exactly one way (its name says how); the expected problem
codes live in tests/test_ingest.py. The output is byte-for-byte deterministic (fixed
workbook timestamps, fixed zip entry dates, seeded random bytes), so re-running it on an
unchanged script leaves git clean.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path
from typing import Any, Callable

import openpyxl

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "data" / "broken"
GOOD = HERE / "data" / "good"

FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------------------- helpers
def _csv(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _xlsx_bytes(wb: openpyxl.Workbook) -> bytes:
    """Save a workbook with fixed timestamps so the bytes do not change between runs."""
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "make_broken_corpus"
    raw = io.BytesIO()
    wb.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "now" on save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2024-01-01T00:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, data)
    return out.getvalue()


def _sheet(rows: list[list[Any]], title: str = "Sheet1", formats: dict[str, str] | None = None,
           merges: list[str] | None = None) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for coord, fmt in (formats or {}).items():
        ws[coord].number_format = fmt
    for rng in merges or []:
        ws.merge_cells(rng)
    return wb


# ---------------------------------------------------------------------------- broken CSV
LONG_HEAD = "indicator_id,period,value"
ZH_HEAD = "指标编号,月份,数值"

BROKEN_CSV: dict[str, list[str]] = {
    "bad_month_13.csv": [LONG_HEAD, "new_urban_jobs,2024-01,100", "new_urban_jobs,2024-13,110"],
    "impossible_day.csv": [ZH_HEAD, "registered_unemployed,2024/5/31,190", "registered_unemployed,2024/6/31,188"],
    "chinese_month.csv": [ZH_HEAD, "registered_unemployed,六月,188"],
    "text_in_value.csv": [
        ZH_HEAD,
        "new_urban_jobs,2024-01,100",
        "new_urban_jobs,2024-02,180",
        "new_urban_jobs,2024-03,260",
        "new_urban_jobs,2024-04,340",
        "new_urban_jobs,2024-05,430",
        "new_urban_jobs,2024-06,abc",
    ],
    "formula_in_value.csv": [ZH_HEAD, "new_urban_jobs,2024-01,100", "new_urban_jobs,2024-02,=A1+1"],
    "at_formula_in_value.csv": [ZH_HEAD, "vocational_training,2024-01,@SUM(C1:C3)"],
    "negative_count.csv": [ZH_HEAD, "mass_incidents,2024-01,0", "mass_incidents,2024-02,-1"],
    "duplicate_rows.csv": [
        ZH_HEAD,
        "registered_unemployed,2024-02,190",
        "registered_unemployed,2024-03,189",
        "registered_unemployed,2024-04,187",
        "registered_unemployed,2024-03,188",
    ],
    "unknown_id.csv": [LONG_HEAD, "new_urban_jobs,2024-01,100", "new_urban_job,2024-02,180"],
    "ytd_decreasing.csv": [
        "indicator_id,period,value,basis",
        "new_urban_jobs,2024-01,100,累计",
        "new_urban_jobs,2024-02,180,累计",
        "new_urban_jobs,2024-03,150,累计",
    ],
    "pct_over_100.csv": [ZH_HEAD, "graduate_placement_rate,2024-06,92.5", "graduate_placement_rate,2024-07,105"],
    "header_only.csv": [ZH_HEAD],
    "missing_columns.csv": ["指标编号,备注", "new_urban_jobs,一月"],
    "wide_bad_month_header.csv": ["指标编号,2024-01,2024-13", "registered_unemployed,190,188"],
    "bad_basis.csv": ["指标编号,月份,数值,口径", "new_urban_jobs,2024-03,260,季度"],
    "basis_not_allowed.csv": ["指标编号,月份,数值,口径", "registered_unemployed,2024-03,188,累计"],
    "milestone_bad_value.csv": [ZH_HEAD, "unified_platform,2024-05,否", "unified_platform,2024-06,进行中"],
    "blank_period.csv": [ZH_HEAD, "registered_unemployed,2024-01,190", "registered_unemployed,,189"],
    "blank_indicator.csv": [ZH_HEAD, "registered_unemployed,2024-01,190", ",2024-02,189"],
    "duplicate_column.csv": ["指标编号,月份,数值,完成值", "registered_unemployed,2024-01,190,190"],
    "wide_duplicate_rows.csv": [
        "指标编号,2024-01,2024-02",
        "registered_unemployed,190,189",
        "graduate_placement_rate,80,81",
        "registered_unemployed,190,188",
    ],
    "wide_duplicate_period_header.csv": ["指标编号,2024-01,2024年1月", "registered_unemployed,190,191"],
    "combined_overlap.csv": ["指标编号,月份,数值,口径", "mass_incidents,2024年1-2月,0,当月", "mass_incidents,2024-02,1,当月"],
    "budget_negative.csv": ["月份,资金来源,金额", "2024-01,中央补助,120", "2024-01,地方资金,-5"],
    "budget_unknown_source.csv": ["月份,资金来源,金额", "2024-01,中央补助,120", "2024-01,省级补助,30"],
    "budget_ytd_decrease.csv": ["月份,资金来源,金额,口径", "2024-01,中央,100,累计", "2024-02,中央,90,累计"],
    "budget_duplicate.csv": ["月份,资金来源,金额", "2024-01,中央补助,120", "2024-02,中央补助,80", "2024/1,中央,120"],
    "budget_text_amount.csv": ["月份,资金来源,支出金额", "2024-01,地方资金,一百万"],
    "budget_bad_period.csv": ["月份,资金来源,金额", "2024-00,中央补助,120"],
    "budget_mixed_basis.csv": [  # February's 当月 is not what the 累计 to February makes (250 − 100)
        "月份,资金来源,金额,口径",
        "2024-01,中央补助,100,当月",
        "2024-02,中央补助,250,累计",
        "2024-02,中央补助,200,当月",
    ],
    "budget_missing_columns.csv": ["月份,金额", "2024-01,120"],
    "budget_wide_text.csv": ["月份,中央补助,地方资金,合计", "2024-01,100,50,150", "2024-02,待定,60,60"],
}


def _broken_special() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    out["empty.csv"] = b""
    out["blank_lines_only.csv"] = b"\n \n\r\n   \n"
    out["gbk_text_in_value.csv"] = _csv(
        ["指标名称,月份,数值", "城镇新增就业人员规模,2024年1月,100", "城镇新增就业人员规模,2024年2月,暂无数据"]
    ).encode("gbk")
    out["bom_unknown_id.csv"] = "\ufeff".encode("utf-8") + _csv(
        [LONG_HEAD, "new_urban_jobs,2024-01,100", "jobs_total,2024-01,5"]
    ).encode("utf-8")
    out["utf16.csv"] = _csv([ZH_HEAD, "new_urban_jobs,2024-01,100"]).encode("utf-16-le")  # no byte-order mark: no telling its encoding
    rng = random.Random(20240601)
    out["binary_garbage.csv"] = b"\x89\x00\xff\xfe" + bytes(rng.randrange(256) for _ in range(2044))
    return out


# ---------------------------------------------------------------------------- broken XLSX
def _wide_merged_rows(unknown: bool) -> tuple[list[list[Any]], list[str]]:
    rows = [
        ["2024年就业指标完成情况", None, None, None, None, None, None],
        ["指标编号", "指标名称", "单位", "口径", "2024年", None, None],
        [None, None, None, None, "1月", "2月", "3月"],
        ["new_urban_jobs", "城镇新增就业人员规模", "万人", "累计", 100, 180, 260],
        ["registered_unemployment" if unknown else "registered_unemployed", "登记失业人员规模", "万人", "期末",
         190, 188.5, None],
        ["graduate_placement_rate", "高校毕业生去向落实率", "%", None, None, None, 0.925],
        ["mass_incidents", "因就业问题发生重大群体性事件数量", "件", "当月", 0, 0, 1],
    ]
    merges = ["A1:G1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2"]
    return rows, merges


def _good_long_wb() -> openpyxl.Workbook:
    rows = [
        ["指标编号", "月份", "数值", "口径", "备注"],
        ["new_urban_jobs", dt.datetime(2024, 1, 1), 100, "累计", "一月"],
        ["new_urban_jobs", dt.datetime(2024, 2, 1), 180.5, "累计", None],
        ["graduate_placement_rate", "2024年6月", 0.925, None, None],
        ["unified_platform", 202406, "是", None, None],
        ["mass_incidents", "2024-03", 0, "当月", None],
    ]
    return _sheet(rows, title="实际值", formats={"B2": "yyyy-mm", "B3": "yyyy-mm", "C4": "0.0%"})


def _broken_xlsx() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    good = _xlsx_bytes(_good_long_wb())
    out["truncated.xlsx"] = good[: len(good) // 2]
    rows, merges = _wide_merged_rows(unknown=True)
    out["merged_header_unknown.xlsx"] = _xlsx_bytes(
        _sheet(rows, title="完成情况", formats={"G6": "0.0%"}, merges=merges))
    out["merged_header_ambiguous.xlsx"] = _xlsx_bytes(_sheet(
        [["项目", "完成情况", None, None], [None, "本期", "累计", "同比"], ["城镇新增就业", 10, 100, "5%"]],
        title="汇总", merges=["A1:A2", "B1:D1"]))
    wb = _good_long_wb()
    notes = wb.create_sheet("说明")
    notes["A1"] = "本表为示例。"
    out["wrong_sheet.xlsx"] = _xlsx_bytes(wb)
    out["wide_text_value.xlsx"] = _xlsx_bytes(_sheet(
        [["指标编号", "2024-01", "2024-02"], ["new_urban_jobs", 100, 180], ["registered_unemployed", 190, "待补充"]]))
    out["formula_in_value.xlsx"] = _xlsx_bytes(_sheet(
        [["指标编号", "月份", "数值"], ["new_urban_jobs", "2024-01", 100], ["new_urban_jobs", "2024-02", "=C2+80"]]))
    out["pct_over_100.xlsx"] = _xlsx_bytes(_sheet(
        [["指标编号", "月份", "数值"], ["graduate_placement_rate", "2024-06", 1.05]], formats={"C2": "0%"}))
    empty = openpyxl.Workbook()
    empty.active.title = "Sheet1"
    out["empty_sheet.xlsx"] = _xlsx_bytes(empty)
    out["csv_named_xlsx.xlsx"] = _csv([ZH_HEAD, "new_urban_jobs,2024-01,100"]).encode("utf-8")
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as zf:
        zi = zipfile.ZipInfo("readme.txt", date_time=(2024, 1, 1, 0, 0, 0))
        zf.writestr(zi, "not a workbook")
    out["zip_not_excel.xlsx"] = zbuf.getvalue()
    # an OLE2 compound file header, as written by Excel 97-2003
    out["old_format.xls"] = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
                             + b"\x09\x00\x06\x00" + b"\x00" * 482)
    return out


# ---------------------------------------------------------------------------- good files
def _good() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    out["utf8_long.csv"] = _csv([
        "indicator_id,period,value,basis,note,source",
        'new_urban_jobs,2024-01,"1,234",累计,一月,人社厅',
        "new_urban_jobs,2024/2,2345,ytd,,",
        "graduate_placement_rate,2024年6月,12.5%,,,",
        "vocational_training,2024-03,１２,1-3月累计,,",
        "unified_platform,2024-05,否,,,",
        "unified_platform,2024-06,是,,,",
        "registered_unemployed,2024-06-30,188.5,期末,,",
        "mass_incidents,202403,0,当月,,",
    ]).encode("utf-8")
    out["bom_long.csv"] = "\ufeff".encode("utf-8") + _csv([
        "指标编号,月份,数值,口径",
        "registered_unemployed,2024-01,190,期末",
        "registered_unemployed,2024-02,189.5,",
    ]).encode("utf-8")
    out["gbk_long.csv"] = _csv([
        "指标名称,统计期,完成值,口径,备注",
        "城镇新增就业人员规模,2024年1月,100,累计,初步数",
        "城镇新增就业人员规模,2024年2月,180,累计,",
        "高校毕业生去向落实率,2024年6月,９１．５,,",
    ]).encode("gbk")
    out["wide_combined.csv"] = _csv([
        "指标编号,指标名称,单位,口径,2024年1-2月,2024-03,2024年4月",
        "mass_incidents,因就业问题发生重大群体性事件数量,件,当月,0,1,",
        "new_urban_jobs,城镇新增就业人员规模,万人,累计,180,260,340",
    ]).encode("utf-8")
    out["title_rows.csv"] = _csv([
        "2024年就业指标完成情况,,",
        "单位：万人,,",
        ",,",
        " 指标名称 , 时间 , 实际值 ",
        "登记失业人员规模,2024-05,190",
        "登记失业人员规模,2024-06,188",
        "注：数据为初步统计。,,",
    ]).encode("utf-8")
    out["tab_delimited.csv"] = "指标编号\t月份\t数值\nregistered_unemployed\t2024-01\t190\n".encode("utf-8")
    out["blank_values.csv"] = _csv([
        ZH_HEAD,
        "registered_unemployed,2024-01,190",
        "registered_unemployed,2024-02,",
        "registered_unemployed,2024-03,—",
    ]).encode("utf-8")
    out["future_period.csv"] = _csv([ZH_HEAD, "registered_unemployed,2024-06,188", "registered_unemployed,2024-07,187"]
                                    ).encode("utf-8")
    out["budget_long.csv"] = _csv([
        "月份,资金来源,金额,备注",
        "2024-01,中央补助,120,",
        "2024-01,地方资金,\"1,050.5\",",
        "2024-02,其他资金,3,捐赠",
    ]).encode("utf-8")
    out["budget_wide.csv"] = _csv([
        "月份,中央补助（万元）,地方资金（万元）,其他资金（万元）,合计",
        "2024-01,100,50,,150",
        "2024-02,80,40.5,2,122.5",
    ]).encode("utf-8")
    out["budget_ytd.csv"] = _csv([
        "月份,资金来源,金额,口径",
        "2024-01,central,100,累计",
        "2024-02,central,250,累计",
        "2024-04,central,400,累计",
    ]).encode("utf-8")
    out["budget_total_mismatch.csv"] = _csv([
        "月份,中央补助,地方资金,合计",
        "2024-01,100,50,151",
    ]).encode("utf-8")
    out["long.xlsx"] = _xlsx_bytes(_good_long_wb())
    rows, merges = _wide_merged_rows(unknown=False)
    out["wide_title_merged.xlsx"] = _xlsx_bytes(
        _sheet(rows, title="完成情况", formats={"G6": "0.0%"}, merges=merges))
    out["wide_date_headers.xlsx"] = _xlsx_bytes(_sheet(
        [["指标编号", dt.datetime(2024, 1, 1), dt.datetime(2024, 2, 1), 202403],
         ["registered_unemployed", 190, 189, 188]],
        formats={"B1": "yyyy-mm", "C1": "yyyy-mm"}))
    out["merged_id_cells.xlsx"] = _xlsx_bytes(_sheet(
        [["指标编号", "月份", "数值"], ["registered_unemployed", "2024-01", 190], [None, "2024-02", 189],
         [None, "2024-03", 188]], merges=["A2:A4"]))
    return out


def build() -> dict[Path, bytes]:
    files: dict[Path, bytes] = {}
    for name, lines in BROKEN_CSV.items():
        files[BROKEN / name] = _csv(lines).encode("utf-8")
    for name, data in {**_broken_special(), **_broken_xlsx()}.items():
        files[BROKEN / name] = data
    for name, data in _good().items():
        files[GOOD / name] = data
    return files


def main(write: Callable[[Path, bytes], None] = _write) -> None:
    files = build()
    for path, data in sorted(files.items()):
        write(path, data)
    print(f"wrote {len(files)} files to {BROKEN.relative_to(HERE.parent)} and {GOOD.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
