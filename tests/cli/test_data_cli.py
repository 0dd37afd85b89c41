"""`python -m analytics import / export / restore` and reading the store from the CLI."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from analytics.cli.main import main
from analytics.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "projects" / "dongguan" / "sample_actuals.csv"


def run(capsys, *argv) -> tuple[int, dict | str]:
    code = main(list(argv))
    out = capsys.readouterr()
    try:
        return code, json.loads(out.out)
    except json.JSONDecodeError:
        return code, out.out + out.err


def test_import_dry_run_then_import(tmp_path, capsys):
    f = tmp_path / "a.csv"
    f.write_text("indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\nnew_urban_jobs,2024-08,8.6,ytd\n",
                 encoding="utf-8")
    store = tmp_path / "store"
    code, out = run(capsys, "import", str(f), "--store", str(store), "--dry-run")
    assert code == 0 and out["ok"] and out["summary"]["dry_run"] and out["summary"]["batch_id"] is None
    assert (out["summary"]["added"], out["summary"]["changed"]) == (1, 1)
    assert [b.kind for b in Store(store).batches()] == ["seed"]
    code, out = run(capsys, "import", str(f), "--store", str(store), "--who", "alice")
    # the first real import removes the remaining sample in the same batch
    assert code == 0 and out["summary"]["batch_id"] and out["sample_data"] is False
    assert out["summary"]["sample_removed"] > 1000 and out["summary"]["removed"] == out["summary"]["sample_removed"]
    b = Store(store).batches()[0]
    assert (b.kind, b.who, b.filename) == ("import", "alice", "a.csv")
    code, text = run(capsys, "import", str(f), "--store", str(store), "--format", "table", "--lang", "en")
    assert code == 0 and "2 unchanged" in text


def test_import_broken_file_exit_1_nothing_written(tmp_path, capsys):
    store = tmp_path / "store"
    code, out = run(capsys, "import", str(ROOT / "tests/data/broken/negative_count.csv"), "--store", str(store))
    assert code == 1 and not out["ok"] and out["summary"] is None
    assert out["problems"][0]["row"] == 3 and "负数" in out["problems"][0]["message_zh"]
    assert [b.kind for b in Store(store).batches()] == ["seed"]
    code, _ = run(capsys, "import", str(tmp_path / "missing.csv"), "--store", str(store))
    assert code == 2


def test_status_reads_the_store_unless_files_are_given(tmp_path, capsys, monkeypatch):
    store = tmp_path / "store"
    f = tmp_path / "a.csv"
    f.write_text("indicator_id,period,value,basis\nnew_urban_jobs,2024-09,13,ytd\n", encoding="utf-8")
    assert main(["import", str(f), "--store", str(store)]) == 0
    capsys.readouterr()
    code, out = run(capsys, "status", "--store", str(store), "--as-of", "2024-09")
    row = next(r for r in out["indicators"] if r["indicator_id"] == "new_urban_jobs")
    assert code == 0 and row["actual"] == 13 and row["status"] == "done"
    monkeypatch.setenv("PT_DATA_DIR", str(store))
    code, out = run(capsys, "status", "--as-of", "2024-09")
    assert next(r for r in out["indicators"] if r["indicator_id"] == "new_urban_jobs")["actual"] == 13
    # flat files keep working exactly as before, whatever the store says
    code, out = run(capsys, "status", "--as-of", "2024-09", "--actuals", str(SAMPLE))
    assert next(r for r in out["indicators"] if r["indicator_id"] == "new_urban_jobs")["actual"] != 13
    monkeypatch.setenv("PT_DATA_DIR", str(tmp_path / "new-here"))
    code, out = run(capsys, "status", "--as-of", "2024-08")
    assert code == 0 and out["sample_data"] is True  # a new store there, seeded with the sample as in the app
    assert (tmp_path / "new-here" / "tracker.sqlite").exists()
    code, text = run(capsys, "status", "--store", str(tmp_path / "nothing-here"))
    assert code == 2 and "no data store" in text  # an explicit --store must hold a store


def test_export_workbook_and_backups_and_restore(tmp_path, capsys):
    store = tmp_path / "store"
    code, text = run(capsys, "export", "--out", str(tmp_path / "x.xlsx"), "--store", str(store))
    assert code == 2  # no store yet
    Store(store).save_scenario("基线", {"levers": {}}, "a")
    code, out = run(capsys, "export", "--out", str(tmp_path / "all.xlsx"), "--store", str(store))
    assert code == 0 and out["kind"] == "workbook"
    wb = openpyxl.load_workbook(tmp_path / "all.xlsx", read_only=True)
    assert {"targets", "actuals", "spending", "scenarios", "actions", "audit"} <= set(wb.sheetnames)
    code, out = run(capsys, "export", "--out", str(tmp_path / "b.sqlite"), "--store", str(store))
    assert code == 0 and (tmp_path / "b.sqlite").read_bytes().startswith(b"SQLite format 3")
    code, out = run(capsys, "export", "--out", str(tmp_path / "b.zip"), "--store", str(store))
    assert code == 0 and zipfile.ZipFile(io.BytesIO((tmp_path / "b.zip").read_bytes())).namelist() == ["tracker.sqlite"]
    code, _ = run(capsys, "export", "--out", str(tmp_path / "b.txt"), "--store", str(store))
    assert code == 2
    other = tmp_path / "other"
    code, out = run(capsys, "restore", str(tmp_path / "b.zip"), "--store", str(other))
    assert code == 0 and out["ok"] and Store(other).get_scenario("基线") == {"levers": {}}
    (tmp_path / "bad.sqlite").write_bytes(b"nope")
    code, out = run(capsys, "restore", str(tmp_path / "bad.sqlite"), "--store", str(other))
    assert code == 1 and not out["ok"] and out["problems"][0]["code"] == "not_sqlite"


def test_import_keep_sample_and_the_old_replace_flag(tmp_path, capsys):
    f = tmp_path / "a.csv"
    f.write_text("indicator_id,period,value,basis\nnew_urban_jobs,2024-09,9.7,ytd\n", encoding="utf-8")
    store = tmp_path / "store"
    code, out = run(capsys, "import", str(f), "--store", str(store), "--keep-sample")
    assert code == 0 and out["sample_data"] is True and out["summary"]["sample_removed"] == 0
    code, out = run(capsys, "import", str(f), "--store", str(store), "--replace-sample")
    assert code == 0 and out["sample_data"] is False and out["summary"]["sample_removed"] > 1000


def test_export_xlsx_after_the_first_import_into_a_new_store(tmp_path, capsys):
    f = tmp_path / "b.csv"
    f.write_text("indicator_id,period,value,basis\nnew_urban_jobs,2024-08,9.7,ytd\n", encoding="utf-8")
    store = tmp_path / "DIR"
    assert run(capsys, "import", str(f), "--store", str(store))[0] == 0
    code, out = run(capsys, "export", "--out", str(tmp_path / "x.xlsx"), "--store", str(store))
    assert code == 0 and out["kind"] == "workbook" and (tmp_path / "x.xlsx").stat().st_size > 1000



def _water_project(tmp_path: Path, capsys) -> tuple[Path, str]:
    """A store holding one 2025 project made by new-project from an .xlsx whose 项目资金 block is
    35万元 of 财政拨款 (read in English as Fiscal appropriation): (the store, the project's id)."""
    book = openpyxl.Workbook()
    for row in (["2025年度项目支出绩效目标表"], ["项目名称", "水利修复项目"], ["项目资金（万元）", "年度资金总额", 35],
                [None, "其中：财政拨款", 35], ["一级指标", "二级指标", "三级指标", "2025年指标值"],
                ["产出指标", "数量指标", "开展修复工程", "≥1个"]):
        book.active.append(row)
    book.save(tmp_path / "t.xlsx")
    store = tmp_path / "store"
    code, out = run(capsys, "new-project", str(tmp_path / "t.xlsx"), "--store", str(store))
    assert code == 0, out
    return store, Store(store).list_projects()[-1].id


def test_a_spending_message_names_the_source_in_the_projects_english(tmp_path, capsys):
    """A project whose 项目资金 block says 财政拨款 reads it in English as Fiscal appropriation on its
    pages; a refused spending file's English message called the source by its key's standard name
    (Local funds) and wrote amounts as 万元 (now in 10k yuan, as the pages write amounts), on
    `import` and on `validate` alike."""
    store, project = _water_project(tmp_path, capsys)
    spending = tmp_path / "s.csv"
    spending.write_text("month,source,amount\n" + "".join(f"2025-{m:02d},财政拨款,{2 + m * 0.3:.1f}\n" for m in range(1, 11)),
                        encoding="utf-8")
    for command in ("import", "validate"):
        code, out = run(capsys, command, str(spending), "--store", str(store), "--project", project, "--kind", "budget")
        assert code == 1 and isinstance(out, dict)
        message = out["problems"][0]["message_en"]
        assert 'the funding source "Fiscal appropriation"' in message and "Local funds" not in message, message
        assert "万元" not in message and "35 (10k yuan)" in message, message


def test_spending_before_the_projects_start_is_said_and_not_counted(tmp_path, capsys):
    """A 2025 project's spending file holding 2024's November and December: they were imported
    without a word and counted in its execution (42.5 of 35万元 spent, 121%), and the projection,
    learning from a year that spent nothing by October, projected nothing more. They are said
    (spending_before_start, naming the rows) and left out of the execution; the year's projection
    goes on from the project's own months."""
    store, project = _water_project(tmp_path, capsys)
    spending = tmp_path / "s.csv"
    spending.write_text("month,source,amount\n2024-11,财政拨款,5\n2024-12,财政拨款,6\n" + "".join(
        f"2025-{m:02d},财政拨款,{1.5 + m * 0.3:.1f}\n" for m in range(1, 11)), encoding="utf-8")
    code, out = run(capsys, "import", str(spending), "--store", str(store), "--project", project)
    assert code == 0 and isinstance(out, dict), out
    said = [p for p in out["problems"] if p["code"] == "spending_before_start"]
    assert len(said) == 1 and said[0]["severity"] == "warning" and said[0]["params"]["rows"] == [2, 3]
    assert "早于项目资金开始执行的月份（2025年1月）" in said[0]["message_zh"] and "11万元" in said[0]["message_zh"]
    code, status = run(capsys, "status", "--store", str(store), "--project", project, "--as-of", "2025-12")
    assert code == 0 and status["budget_execution"]["spent_to_date"] == 31.5, status["budget_execution"]
    code, scenario = run(capsys, "scenario", "--store", str(store), "--project", project, "--as-of", "2025-12")
    assert code == 0 and scenario["year_end"]["execution_rate"] > 90.0, scenario["year_end"]


def test_status_of_a_year_with_no_spending_reported_names_no_month(tmp_path, capsys):
    """As of December 2025 with only 2026's spending reported, ``status`` said its budget_execution
    ran to month 12 with a 序时进度 of 100% beside 0% spent; the month is null (none of the year's
    spending reported, the reports' ``spend_month`` 0) and so is the 序时进度 to compare with. With
    spending to September it is 9, not the as-of month."""
    book = openpyxl.Workbook()
    for row in (["2025年度项目支出绩效目标表"], ["项目名称", "X"], ["项目资金（万元）", "年度资金总额", 800],
                [None, "其中：财政拨款", 800], ["一级指标", "二级指标", "三级指标", "2025年指标值"],
                ["产出指标", "数量指标", "培训人次", "≥500人次"]):
        book.active.append(row)
    book.save(tmp_path / "t.xlsx")
    store = tmp_path / "store"
    assert run(capsys, "new-project", str(tmp_path / "t.xlsx"), "--store", str(store), "--id", "x")[0] == 0
    (tmp_path / "s.csv").write_text("month,source,amount\n2026-01,财政拨款,50\n", encoding="utf-8")
    assert run(capsys, "import", str(tmp_path / "s.csv"), "--store", str(store), "--project", "x")[0] == 0
    code, status = run(capsys, "status", "--store", str(store), "--project", "x", "--as-of", "2025-12", "--year", "2025")
    assert code == 0 and status["year"] == 2025, status
    assert status["budget_execution"] == {"total_budget": 800.0, "spent_to_date": 0.0, "execution_rate": 0.0, "target": 100.0,
                                          "time_progress": None, "month": None}
    (tmp_path / "s.csv").write_text("month,source,amount\n" + "".join(f"2025-{m:02d},财政拨款,60\n" for m in range(1, 10)), encoding="utf-8")
    assert run(capsys, "import", str(tmp_path / "s.csv"), "--store", str(store), "--project", "x")[0] == 0
    code, status = run(capsys, "status", "--store", str(store), "--project", "x", "--as-of", "2025-12", "--year", "2025")
    assert status["budget_execution"]["month"] == 9 and status["budget_execution"]["time_progress"] == pytest.approx(75.0)


def test_a_folder_given_for_a_file_is_said_to_be_one_in_the_users_language(tmp_path, capsys):
    """import / restore of a folder said "file not found / 文件不存在" in both languages at once, and
    validate "could not be read (IsADirectoryError)": each says it is not a file, in --lang."""
    folder = tmp_path / "data"
    folder.mkdir()
    store = tmp_path / "store"
    for command in ("import", "restore"):
        assert main([command, str(folder), "--store", str(store), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert "is not a file (a folder or a special file)" in err and "文件不存在" not in err, err
    assert main(["import", str(tmp_path / "missing.csv"), "--store", str(store)]) == 2
    assert "文件「" in capsys.readouterr().err
    code, out = run(capsys, "validate", str(folder), "--targets", str(ROOT / "data" / "projects" / "dongguan"))
    assert code == 1 and "不是文件" in out["problems"][0]["message_zh"] and "IsADirectoryError" not in json.dumps(out)


def test_spending_with_no_source_for_a_project_whose_table_lists_none_is_not_said_to_have_several(tmp_path, capsys):
    """A total spent with no 资金来源 column, for a project whose target table states no funding:
    refused (the store keeps spending by source), but the message said “本项目有多个资金来源（中央补助、
    地方资金、其他资金）” of a project that lists none; it says the table lists none and how to name one."""
    (tmp_path / "t.txt").write_text("1.适龄儿童国家免疫规划疫苗接种率≥90%\n2.孕产妇系统服务率≥90%\n", encoding="utf-8")
    store = ["--store", str(tmp_path / "s")]
    assert main(["new-project", str(tmp_path / "t.txt"), "--year", "2025", *store, "--id", "p"]) == 0
    (tmp_path / "b.csv").write_text("period,支出金额\n2025-03,1.8\n2025-04,2.1\n", encoding="utf-8")
    capsys.readouterr()
    code, out = run(capsys, "validate", str(tmp_path / "b.csv"), "--kind", "budget", *store, "--project", "p")
    said = out["problems"][0]["message_zh"]
    assert code == 1 and out["problems"][0]["code"] == "spending_unsplit_unlisted", out
    assert "本项目有多个资金来源" not in said and "目标表没有列出本项目的资金来源" in said and "资金来源" in said, said
