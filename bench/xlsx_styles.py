"""Reading an .xlsx that carries a huge number of cell styles, against the same workbook
without them, in the same process.

A small target table (merged cells, a percent and a ``0"人次"`` format) is saved twice: as it is,
and with ``--styles`` extra cell styles (each with its own font) added to ``xl/styles.xml``, as
tools that copy between workbooks pile them up. For each, the time of one sheet read
(``read_excel``), of ``parse-table`` and of a data file's check (``validate``), each from cold
(the styles reading kept for a next read is cleared first), and the ratio of the styled
workbook's time to the plain one's; the readings must be the same. The reference line times
openpyxl's reading of the styles part (``apply_stylesheet``, what every read of such a file
cost before).

Run: .venv/bin/python bench/xlsx_styles.py [--styles 200000] [--max-share 0.25]
Exit 1 when a reading differs, or when one read of the styled workbook takes more than
``--max-share`` of the time openpyxl took for its styles part alone.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.ingest import xlsx_styles  # noqa: E402
from analytics.ingest.problems import Collector  # noqa: E402
from analytics.ingest.tables import parse_table  # noqa: E402
from analytics.ingest.targets import load_project  # noqa: E402
from analytics.ingest.validate import ingest_any  # noqa: E402
from analytics.ingest.xlsx import read_excel  # noqa: E402
from tests.ingest.styled_workbooks import openpyxl_styles, restyled  # noqa: E402


def plain_workbook() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    ws.append(["产出指标", "数量指标", "新增城镇就业人数", "≥ 8万人"])
    ws.append(["", "", "职业技能培训", 500])
    ws["D3"].number_format = '0"人次"'
    ws.append(["", "质量指标", "培训后就业率", 0.95])
    ws["D4"].number_format = "0%"
    ws.append(["效益指标", "社会效益指标", "服务对象满意度", 0.9])
    ws["D5"].number_format = "0.0%"
    ws.merge_cells("A2:A4")
    ws.merge_cells("B2:B3")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def with_styles(data: bytes, n: int) -> bytes:
    """``data`` with ``n`` more cell styles, each with a font of its own, after the ones it has
    (the cells keep their styles)."""
    def add(text: str) -> str:
        fonts = "".join(f'<font><sz val="{10 + i % 7}"/><color rgb="FF{i % 0xFFFFFF:06X}"/>'
                        f'<name val="Calibri"/></font>' for i in range(n))
        text = re.sub(r'<fonts count="(\d+)"', lambda m: f'<fonts count="{int(m.group(1)) + n}"', text)
        text = text.replace("</fonts>", fonts + "</fonts>")
        xfs = "".join(f'<xf numFmtId="{i % 50}" fontId="{i + 1}" fillId="0" borderId="0" applyFont="1">'
                      f'<alignment horizontal="center"/></xf>' for i in range(n))
        text = re.sub(r'<cellXfs count="(\d+)"', lambda m: f'<cellXfs count="{int(m.group(1)) + n}"', text)
        return text.replace("</cellXfs>", xfs + "</cellXfs>")

    return restyled(data, add)


def timed(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeats):
        xlsx_styles._kept.clear()  # from cold: each check of a new upload reads the styles once
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def reading(kind: str, result: Any) -> Any:
    """What a case read, to compare the two workbooks' readings (file names and times left out)."""
    if kind == "read_excel":
        return result.cells, result.merges
    if kind == "parse-table":
        return json.dumps(result.indicators, sort_keys=True, default=str, ensure_ascii=False)
    return result.ok, result.kind, result.layout, [p.to_dict() for p in result.problems], result.data.to_csv()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--styles", type=int, default=200_000, help="cell styles added (default 200,000)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--max-share", type=float, default=0.25,
                    help="largest accepted time of one styled read, as a share of openpyxl's styles reading")
    args = ap.parse_args()
    plain = plain_workbook()
    styled = with_styles(plain, args.styles)
    part = zipfile.ZipFile(io.BytesIO(styled)).read("xl/styles.xml")
    print(f"styled workbook: {len(styled) / 2**20:.1f} MB, styles part {len(part) / 2**20:.1f} MB, "
          f"{args.styles:,} cell styles added")
    catalogue = load_project().ingest_catalogue()
    cases: dict[str, Callable[[bytes], Any]] = {
        "read_excel": lambda d: read_excel(d, Collector("t.xlsx"), None, 20 * 2**20, words=True, shown=True),
        "parse-table": lambda d: parse_table(d, filename="t.xlsx"),
        "validate": lambda d: ingest_any(d, catalogue, filename="t.xlsx"),
    }
    failed, share = False, 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref, _ = timed(lambda: openpyxl_styles(styled), 1)
        print(f"reference: openpyxl reads the styles part once in {ref:.2f} s")
        print(f"{'case':<12} {'plain s':>8} {'styled s':>9} {'ratio':>7}  same reading")
        for name, fn in cases.items():
            t_plain, r_plain = timed(lambda: fn(plain), args.repeats)
            t_styled, r_styled = timed(lambda: fn(styled), args.repeats)
            same = reading(name, r_plain) == reading(name, r_styled)
            print(f"{name:<12} {t_plain:>8.2f} {t_styled:>9.2f} {t_styled / t_plain:>7.1f}  {'yes' if same else 'NO'}")
            failed |= not same
            if name == "read_excel":
                share = t_styled / ref
        print(f"one read of the styled workbook takes {share:.2f} of openpyxl's styles reading alone "
              f"(limit {args.max_share:.2f})")
    return 1 if failed or share > args.max_share else 0


if __name__ == "__main__":
    sys.exit(main())
