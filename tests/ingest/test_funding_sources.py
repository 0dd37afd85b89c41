"""Every funding source a target table lists is kept as its own source, under a key of its own
(lexicon ``facts.source_keys``), through parse-table, the 新建项目 review, new-project and the
spending files that name the sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.ingest.tables import parse_table
from analytics.ingest.tables.facts import read_facts, source_key, unique_keys
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.review import apply_facts

LEX = load_lexicon()

TABLE = """2026年度项目支出绩效目标表
项目名称\t高标准农田建设项目
主管部门\t某县农业农村局\t实施单位\t某县农田建设服务中心
项目资金（万元）\t年度资金总额\t3860
项目资金（万元）\t其中：中央补助\t2000
项目资金（万元）\t{second}\t1200
项目资金（万元）\t{third}\t660
年度总体目标\t新建高标准农田2.5万亩，其中高效节水灌溉0.8万亩；受益农户满意度达到90%以上。
一级指标\t二级指标\t三级指标\t单位\t指标值
产出指标\t数量指标\t新建高标准农田面积\t万亩\t≥2.5
产出指标\t数量指标\t高效节水灌溉面积\t万亩\t≥0.8
成本指标\t经济成本指标\t工程建设成本控制\t\t有效控制
满意度指标\t服务对象满意度指标\t受益农户满意度\t%\t≥90
"""


def _funding(second: str = "省级资金", third: str = "县级配套") -> dict:
    reading = parse_table(TABLE.format(second=second, third=third).encode("utf-8"), filename="nongtian.txt")
    return reading.to_json()["project"]["funding"]  # type: ignore[union-attr]


@pytest.mark.parametrize("second, third, keys", [
    ("省级资金", "县级配套", ["central", "provincial", "county"]),
    ("地方资金", "县级配套", ["central", "local", "county"]),
    ("省级资金", "其他资金", ["central", "provincial", "other"]),
    ("市级财政资金", "社会资本", ["central", "municipal", "social"]),
    ("乡镇自筹", "上年结转资金", ["central", "township", "carryover"]),
])
def test_every_source_the_table_lists_is_kept_under_its_own_key(second: str, third: str, keys: list[str]) -> None:
    funding = _funding(second, third)
    assert funding["total"] == 3860.0
    assert [(s["key"], s["name"], s["amount"]) for s in funding["sources"]] == list(
        zip(keys, ["中央补助", second, third], [2000.0, 1200.0, 660.0]))


def test_a_source_the_lexicon_does_not_know_is_read_from_its_place_in_the_money_block() -> None:
    """A row under the block's total (its label merged down, or blank) names a source whatever its name."""
    for label in ("项目资金（万元）", ""):
        rows = [["项目名称", "某项目"], ["项目资金（万元）", "年度资金总额", "500"], [label, "其中：中央补助", "200"],
                [label, "水利建设基金", "300"]]
        sources = read_facts(rows, LEX)["funding"]["sources"]
        assert [(s["key"], s["name"], s["amount"]) for s in sources] == [("central", "中央补助", 200.0),
                                                                      ("other", "水利建设基金", 300.0)], label


def test_source_keys_are_stable_and_unique() -> None:
    names = ["中央补助", "省级资金", "市级资金", "县级配套", "区级资金", "乡镇配套", "自筹资金", "社会资金",
             "其他资金", "地方资金", "上年结转"]
    assert [source_key(n, LEX) for n in names] == ["central", "provincial", "municipal", "county", "county",
                                                   "township", "self_raised", "social", "other", "local", "carryover"]
    # an autonomous region is a province's level (自治区财政资金 is no 区级 money)
    assert [source_key(n, LEX) for n in ["自治区财政补助资金", "其中：自治区配套", "区财政资金"]] == ["provincial", "provincial", "county"]
    assert unique_keys(["county", "county", "other", "county"]) == ["county", "county_2", "other", "county_3"]
    funding = read_facts([["资金总额", "300"], ["其中：县级资金", "100"], ["区级资金", "100"], ["其他资金", "100"]], LEX)["funding"]
    assert [s["key"] for s in funding["sources"]] == ["county", "county_2", "other"]


def test_the_review_page_keys_the_sources_it_is_given_by_their_names() -> None:
    """新建项目 hands over names and amounts only: the same keys as parse-table's."""
    reading = {"project": {"name": "x", "funding": _funding()}, "indicators": []}
    rows = [{"name": s["name"], "amount": s["amount"]} for s in reading["project"]["funding"]["sources"]]
    final = apply_facts(reading, sources=rows)
    assert [s["key"] for s in final["project"]["funding"]["sources"]] == ["central", "provincial", "county"]


def test_a_project_keeps_its_sources_and_takes_a_spending_file_naming_each(tmp_path: Path) -> None:
    from analytics.ingest.targets import load_project
    from analytics.storage.dataset import read_budget
    from analytics.storage.project_files import write_folder

    reading = parse_table(TABLE.format(second="省级资金", third="县级配套").encode("utf-8"), filename="nongtian.txt")
    write_folder(reading.to_json(), tmp_path / "p", "nt")  # type: ignore[union-attr]
    project = load_project(tmp_path / "p")
    assert [(s.key, s.name, s.name_en, s.amount) for s in project.funding_sources] == [
        ("central", "中央补助", "Central subsidy", 2000.0), ("provincial", "省级资金", "Provincial funds", 1200.0),
        ("county", "县级配套", "County funds", 660.0)]
    assert sum(s.amount for s in project.funding_sources) == project.funding_total == 3860.0
    spending = tmp_path / "spending.csv"
    spending.write_text("period,source,amount,basis\n2026-01,中央补助,10,month\n2026-01,省级资金,5,month\n"
                        "2026-01,县级配套,2,month\n", encoding="utf-8")
    data = read_budget(project, spending)
    assert sorted(zip(data["source"], data["amount"])) == [("central", 10.0), ("county", 2.0), ("provincial", 5.0)]


def test_a_source_a_spending_file_names_wrongly_is_answered_with_the_projects_own_sources() -> None:
    from analytics.ingest.validate import ingest_budget
    from analytics.present.messages import render_problem

    names = {"central": "中央补助", "provincial": "省级资金", "county": "县级配套"}
    result = ingest_budget("period,source,amount\n2026-01,市级资金,5\n".encode("utf-8"), sources=names, filename="s.csv")
    problem = next(p for p in result.problems if p.code == "bad_source")
    zh, en = render_problem(problem, "zh"), render_problem(problem, "en")
    assert "中央补助（central）、省级资金（provincial）、县级配套（county）" in zh and "地方资金" not in zh
    assert "省级资金 (provincial)" in en


# ---------------------------------------------------------------- sources that do not add up to the total
SHORT = TABLE.replace("项目资金（万元）\t{third}\t660\n", "")  # 3860 stated, 2000 + 1200 listed


def _short_reading() -> dict:
    return parse_table(SHORT.format(second="省级资金").encode("utf-8"), filename="nongtian.txt").to_json()  # type: ignore[union-attr]


def test_sources_short_of_the_total_are_said_and_the_total_stays() -> None:
    from analytics.present.tables_text import funding_message

    reading = _short_reading()
    funding = reading["project"]["funding"]
    assert funding["total"] == 3860.0 and funding["unallocated"] == 660.0
    zh, en = funding_message(reading, "zh"), funding_message(reading, "en")
    assert zh is not None and "3,860" in zh and "3,200" in zh and "660" in zh and "未列明来源" in zh
    assert en is not None and "add up to" in en
    assert "unallocated" not in _funding()  # they add up: nothing said
    assert funding_message({"project": {"funding": _funding()}}, "zh") is None


def test_parse_table_and_new_project_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from analytics.cli.main import main

    table = tmp_path / "nongtian.txt"
    table.write_text(SHORT.format(second="省级资金"), encoding="utf-8")
    assert main(["parse-table", str(table)]) == 0
    assert "未列明来源" in capsys.readouterr().err
    assert main(["new-project", str(table), "--out", str(tmp_path / "p")]) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert [n["code"] for n in notes] == ["funding_unallocated"] and "660" in notes[0]["message"]


def test_the_review_page_keeps_the_tables_total_with_its_own_sources() -> None:
    reading = _short_reading()
    rows = [{"name": s["name"], "amount": s["amount"]} for s in reading["project"]["funding"]["sources"]]
    kept = apply_facts(reading, sources=rows)["project"]["funding"]
    assert (kept["total"], kept["unallocated"]) == (3860.0, 660.0)
    changed = apply_facts(reading, sources=[*rows, {"name": "县级配套", "amount": 660}])["project"]["funding"]
    assert changed["total"] == 3860.0 and "unallocated" not in changed and changed["sources"][-1]["key"] == "county"


def test_every_output_divides_by_the_projects_total(tmp_path: Path) -> None:
    """Status (Budget.total), the year's budget and the forms' 年度资金总额 row: one denominator."""
    from analytics.budget.year_budget import year_budget
    from analytics.reports.context import build_context
    from analytics.reports.funds import fund_rows
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import write_folder

    write_folder(_short_reading(), tmp_path / "p", "nt")
    spending = tmp_path / "spending.csv"
    spending.write_text("period,source,amount,basis\n2026-01,中央补助,100,month\n2026-02,省级资金,50,month\n", encoding="utf-8")
    ds = load_dataset(tmp_path / "p", budget=spending)
    assert ds.project.funding_gap == 660.0 and ds.budget.total == 3860.0
    assert year_budget(ds.project, ds.budget, 2026).amount == pytest.approx(3860.0)
    total = fund_rows(build_context(ds, (2026, 2), 2026))[0]
    assert (total.total_budget, total.year_budget) == (3860.0, 3860.0)
    assert total.cum_rate == pytest.approx(150 / 3860)


def test_the_quality_slide_of_a_project_from_a_table_says_its_goal_text_is_kept(tmp_path: Path) -> None:
    """The 年度总体目标 is kept as the project's goal; with no checks of it set up the slide says
    so, never that there is no goal text."""
    from analytics.reports.context import build_context
    from analytics.reports.slides import slides
    from analytics.storage.dataset import load_dataset
    from analytics.storage.project_files import write_folder

    write_folder(_short_reading(), tmp_path / "p", "nt")
    ds = load_dataset(tmp_path / "p")
    assert ds.project.overall_goal.startswith("新建高标准农田2.5万亩")
    for lang in ("zh", "en"):
        quality = next(s for s in slides(build_context(ds, (2026, 2), 2026, lang)) if s.key == "quality")
        assert "新建高标准农田2.5万亩" in quality.subtitle and "checks.yaml" in quality.subtitle
