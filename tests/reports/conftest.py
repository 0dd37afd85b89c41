"""Fixtures of the report tests: a small project made from a pasted target table with funding
(实训项目, 1000万元, 2025), its two indicators reported to December, and its spending either to
October (December's spending not yet in) or to December."""

from __future__ import annotations

from typing import Any, Callable

import pytest

TABLE = ("项目支出绩效目标表（2025年度）\n项目名称\t实训项目\n项目资金（万元）\t年度资金总额\t1000\n\t其中：财政拨款\t1000\n"
         "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥1200人次\n"
         "满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n")
ACTUALS = "indicator_id,period,value,basis\n" + "".join(f"t01,2025-{m:02d},110,month\nt02,2025-{m:02d},92,level\n" for m in range(1, 13))
SPENDING_TO_OCTOBER = "period,source,amount,basis\n" + "".join(f"2025-{m:02d},财政拨款,80,month\n" for m in range(1, 11))
SPENDING_TO_DECEMBER = SPENDING_TO_OCTOBER + "2025-11,财政拨款,70,month\n2025-12,财政拨款,80,month\n"  # 950 of 1000
SPENDING_NONE_THIS_YEAR = "period,source,amount,basis\n2026-01,财政拨款,50,month\n"  # none of 2025's reported


@pytest.fixture(scope="module")
def december_dataset(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Any]:
    """The 实训项目 dataset with its spending to ``"october"`` or ``"december"``, or ``"none"`` of
    2025 (a row of 2026 only) (made once each)."""
    from analytics.cli.main import main
    from analytics.storage.store import Store

    made: dict[str, Any] = {}

    def load(spending_to: str) -> Any:
        if spending_to not in made:
            d = tmp_path_factory.mktemp(f"shixun_{spending_to}")
            (d / "t.txt").write_text(TABLE, encoding="utf-8")
            (d / "a.csv").write_text(ACTUALS, encoding="utf-8")
            (d / "b.csv").write_text({"december": SPENDING_TO_DECEMBER, "none": SPENDING_NONE_THIS_YEAR}.get(spending_to, SPENDING_TO_OCTOBER), encoding="utf-8")
            assert main(["new-project", str(d / "t.txt"), "--store", str(d / "s"), "--id", "p"]) == 0
            for f, kind in (("a.csv", "actuals"), ("b.csv", "budget")):
                assert main(["import", str(d / f), "--kind", kind, "--store", str(d / "s"), "--project", "p"]) == 0
            made[spending_to] = Store(d / "s", create=False).with_project("p").load_dataset()
        return made[spending_to]

    return load
