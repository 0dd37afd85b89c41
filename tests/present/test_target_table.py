"""analytics.present.target_table: 目标表's rows, one column pair a year for every indicator."""

from __future__ import annotations

from pathlib import Path

from analytics.ingest.targets import load_project
from analytics.ingest.tables import parse_table
from analytics.present.target_table import target_records, year_columns
from analytics.storage.project_files import write_folder

LIST = ("1.适龄儿童国家免疫规划疫苗接种率≥90%\n2.7岁以下儿童健康服务率≥90%\n"
        "3.社区在册居家严重精神障碍患者健康管理率≥95%(2022年:90%)\n4.居民健康素养水平不断提高\n")


def test_a_baseline_some_rows_have_is_one_column_for_every_row(tmp_path: Path) -> None:
    # before, the one row with a 2022 value got a column of its own and the others showed None
    src = tmp_path / "list.txt"
    src.write_text(LIST, encoding="utf-8")
    write_folder(parse_table(src, year=2023).to_json(), tmp_path / "p")
    project = load_project(tmp_path / "p")
    assert year_columns(project) == [(2022, False), (2023, True)]
    records = target_records(project, "zh")
    assert len({tuple(r) for r in records}) == 1  # every record has the same columns
    assert [r["2022（数据） 原文"] for r in records] == ["", "", "90%", ""]
    assert records[2]["2023 原文"] == "≥95%"
    assert all(v is not None and "None" not in str(v) for r in records for v in r.values())
    assert list(target_records(project, "en")[0])[:1] == ["Indicator id"]


def test_a_qualitative_indicator_or_a_yes_no_has_no_direction(tmp_path: Path) -> None:
    # 对控制基建项目成本影响程度 | 效果明显: 成本 would read as lower-is-better, but a check-in is met at 达成 (higher) and shows no direction
    src = Path(__file__).resolve().parents[1] / "tables" / "generated" / "chizhou_weituo_ziping_2022.docx"
    write_folder(parse_table(src).to_json(), tmp_path / "p")
    project = load_project(tmp_path / "p")
    kinds = {i.name: (i.kind, i.direction) for i in project.indicators}
    assert kinds["对控制基建项目成本影响程度"] == ("qualitative", "higher") and kinds["项目总成本"] == ("flow", "lower")
    for lang, column, name, lower in (("zh", "方向", "三级指标", "越低越好"), ("en", "Direction", "Indicator", "Lower is better")):
        shown = {r[name]: r[column] for r in target_records(project, lang)}
        assert shown["对控制基建项目成本影响程度"] == "—" and shown["项目总成本"] == lower, lang
    # nor a yes/no: its target (是 or 否) says which answer meets it
    milestone = next(i for i in load_project().indicators if i.kind == "milestone")
    assert next(r for r in target_records(load_project(), "zh") if r["指标编号"] == milestone.id)["方向"] == "—"


def test_the_tables_points_are_a_column_only_when_it_gives_them(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "tables" / "corpus"
    write_folder(parse_table(root / "chizhou_weituo_ziping_2022.tsv").to_json(), tmp_path / "cz")
    records = target_records(load_project(tmp_path / "cz"), "zh")
    assert [r["分值"] for r in records][:6] == ["8.00分"] * 5 + ["10.00分"]
    assert target_records(load_project(tmp_path / "cz"), "en")[0]["Points"] == "8.00 points"
    src = tmp_path / "list.txt"
    src.write_text(LIST, encoding="utf-8")
    write_folder(parse_table(src, year=2023).to_json(), tmp_path / "p")
    assert "分值" not in target_records(load_project(tmp_path / "p"), "zh")[0]
