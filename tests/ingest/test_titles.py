"""The project a table is about when no 项目名称 cell names it: a name label run with its value in a
line, else the title (analytics/ingest/tables/titles.py)."""

from __future__ import annotations

import pytest

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.raw import RawTable
from analytics.ingest.tables.titles import named_in_run, project_name, title_name


@pytest.mark.parametrize("title, name", [
    ("湖北省残疾人事业宣传文化经费项目2017年度绩效自评报告", "湖北省残疾人事业宣传文化经费项目"),
    ("2021年妇女儿童健康水平提升民生工程绩效自评报告", "妇女儿童健康水平提升民生工程"),
    ("2022年度校园维修改造与设备购置项目自评结果", "校园维修改造与设备购置项目"),  # no 绩效 in it
    ("标题:锡林郭勒盟城乡居民基本养老保险补助资金2022年度绩效自评报告", "锡林郭勒盟城乡居民基本养老保险补助资金"),
    ("关于2021年度政法纪检监察转移支付资金绩效的自评报告", "政法纪检监察转移支付资金"),
    ("2024年度市级预算项目绩效自评报告(标准化工作专项补助经费)", "标准化工作专项补助经费"),  # the name in brackets after
    ("镜湖区残联中央转移支付2023年度绩效自评报告（残疾人事业发展补助资金）", "残疾人事业发展补助资金"),
    ("桃源县科学技术局2021年度部门整体支出绩效目标申报表", "桃源县科学技术局"),  # a department's whole spending
    ("石嘴山市疾病预防控制中心2020年项目支出预算绩效目标公开情况", "石嘴山市疾病预防控制中心"),
    ("六安市农业农村局 2024 年农产品质检体系建设和“三品一标”发展项目支出预算绩效目标表",
     "农产品质检体系建设和“三品一标”发展项目"),  # after the year: the project, not the office
    ("附件1 就业补助资金绩效目标自评表 (2022年度)", "就业补助资金"),
    ("当前位置:首页 财政资金 > 旺苍县卫生健康局基本药物制度补助资金转移支付区域(项目)绩效目标自评表",
     "旺苍县卫生健康局基本药物制度补助资金"),
    ("2019年度宁晋县高中助学金项目绩效评价指标表", "宁晋县高中助学金项目"),
    ("六安市某局2024年某某发展项目支出预算绩效目标表项目支出绩效目标申报表(2024年度)", "某某发展项目"),  # two titles run on
])
def test_a_title_names_its_project(title: str, name: str) -> None:
    assert title_name(title) == name


@pytest.mark.parametrize("title", [
    "2022年区级一般性项目绩效目标表", "部门预算项目绩效目标申报表(2023年度)", "部门整体支出绩效自评表",
    "财政项目支出绩效自评表 (2022 年度)", "专项资金绩效目标表", "转移支付区域(项目)绩效目标自评表 (2021)",
    "2022年部门(单位)整体绩效目标表", "项目年度绩效目标(定量目标)",  # a form's note in brackets, no name
    "一、绩效目标完成情况分析", "七、意见建议绩效评价报告",  # a report's headings
    "章贡区2019年林业有害生防治项目立项依据、实施主体、预算安排及绩效目标情况公示",  # a list of topics
    "保障道路交通执法工作顺利开展绩效指标完成情况",  # a goal above the indicators' heading
    "",
])
def test_a_title_naming_a_kind_of_project_or_no_title_names_none(title: str) -> None:
    assert title_name(title) is None


def test_a_name_label_run_with_its_value_in_a_line_of_text() -> None:
    lex = load_lexicon()
    rows = [["附件 2 残疾人事业发展补助资金区域绩效目标表 ( 2019 年度) 专项名称 残疾人事业发展补助资金 主管部门 省残联 资金额度 4623 万"]]
    assert named_in_run(rows, lex) == "残疾人事业发展补助资金"
    assert named_in_run([["单位名称 某区林业局 项目名称 森林防火经费 主管部门 某区林业局"]], lex) == "森林防火经费"  # the project's first
    assert named_in_run([["项目名称 51092322T000000431595-城乡居民监管工作经费 主管部门 某局"]], lex) == "城乡居民监管工作经费"
    assert named_in_run([["项目名称 科技特派员创业行动经费"], ["项目名称 地震经费"]], lex) == "科技特派员创业行动经费"  # the first form's
    assert named_in_run([["资金名称 省级业务主管部"]], lex) is None  # a template's blank: the next label, cut
    assert named_in_run([["项目名称:"], ["主管部门: 某局"]], lex) is None


def test_only_the_lines_above_the_header_name_the_project() -> None:
    """An indicator whose words end like a title (完成项目绩效自评报告) names no project."""
    lex = load_lexicon()
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "某某乡镇绩效自评报告", "1份"]]
    assert project_name(RawTable("text-tab", rows, ["L1", "L2"]), None, lex) == (None, None)
    titled = RawTable("text-tab", [["某某乡镇道路养护项目绩效目标表"], *rows], ["L0", "L1", "L2"])
    assert project_name(titled, None, lex) == ("某某乡镇道路养护项目", "title")


@pytest.mark.parametrize("text, name", [
    # a copy with spaces between the cells: the label's value, before the title's words
    ("稷山县项目支出绩效自评表 (2021年度) 项目名称 国家基本公共卫生服务 主管部门 稷山县卫生健康和体育局\n"
     "一级指标 二级指标 三级指标 年度指标值\n产出指标 数量指标 建档人数 ≥5000人\n产出指标 质量指标 规范管理率 ≥90%\n",
     "国家基本公共卫生服务"),
    # a title on its own line above a tab-separated table
    ("某县2023年农村饮水安全维修养护项目绩效目标表\n一级指标\t二级指标\t三级指标\t指标值\n"
     "产出指标\t数量指标\t维修工程处数\t≥12处\n产出指标\t质量指标\t工程验收合格率\t100%\n", "农村饮水安全维修养护项目"),
])
def test_parse_table_names_the_project_from_a_run_or_the_title(text: str, name: str) -> None:
    result = parse_table(text.encode("utf-8"), filename="t.txt")
    assert isinstance(result, TableReading) and result.indicators and result.project["name"] == name
    assert result.source.get("name_from") in ((None, "label") if "项目名称" in text else ("title",))
