"""A copy that runs every cell of a row together (one row a line, nothing between the cells)."""

from __future__ import annotations

import pytest

from analytics.ingest.tables import TableReading, parse_table
from analytics.ingest.tables.lexicon import load_lexicon
from analytics.ingest.tables.runbounds import said_twice
from analytics.ingest.tables.runs import _cut_header, _cutter, _header_in, run_rows
from analytics.ingest.tables.sources import split_text

LEX = load_lexicon()


def _read(text: str, year: int | None = None) -> dict:
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=year)
    assert isinstance(result, TableReading), result
    return result.to_json()


WEIGHTED = "\n".join([
    "2022年部门(单位)整体绩效目标表",
    "绩效指标指标名称指标权重计量单位指标性质指标值",
    "预算执行率10%=100",
    "基层组织建设保障有效性10有效保障",
    "农村公路养护里程10公里=125",
    "开展各种文艺活动场次1020",
    "服务对象满意度5%95",
])


def test_the_header_line_is_cut_into_header_words() -> None:
    assert _cut_header("绩效指标指标名称指标权重计量单位指标性质指标值", LEX) == \
        ["绩效指标", "指标名称", "指标权重", "计量单位", "指标性质", "指标值"]
    assert _cut_header("一级指标二级指标三级指标2023年目标值实际完成值备注", LEX) == \
        ["一级指标", "二级指标", "三级指标", "2023年目标值", "实际完成值", "备注"]
    # a sentence that merely names an indicator is no header
    assert _cut_header("根据指标名称和指标值的要求完成本年度的各项工作任务并按时报送", LEX) is None


def test_each_row_is_cut_by_what_its_columns_can_hold() -> None:
    grid = run_rows(split_text(WEIGHTED), LEX)
    assert grid is not None and grid.fmt == "text-run"
    body = grid.rows[2:]
    assert body == [
        ["", "预算执行率", "10", "%", "=", "100"],
        ["", "基层组织建设保障有效性", "10", "", "", "有效保障"],
        ["", "农村公路养护里程", "10", "公里", "=", "125"],
        ["", "开展各种文艺活动场次", "10", "", "", "20"],  # 1020: the weight 10, the target 20
        ["", "服务对象满意度", "5", "%", "", "95"],
    ]


def test_a_cut_never_splits_a_number_from_its_percent_or_unit() -> None:
    kinds = ["name", "value", "text", "text", "unit", "sign", "text"]
    cells = _cutter("伙食补助资金到位率90%以上实际收到伙食补助金额/预算90%得10分,每减少1%扣1分-定量", kinds, LEX)
    assert cells is not None and cells[:2] == ["伙食补助资金到位率", "90%以上"] and cells[4:6] == ["-", "定量"]
    cells = _cutter("残疾学生家庭负担率有所减轻对家庭负担减轻情况较大得10分,一般得6分-定性", kinds, LEX)
    assert cells is not None and cells[:2] == ["残疾学生家庭负担率", "有所减轻"]


def test_a_run_together_table_is_read_with_its_year_from_the_title() -> None:
    data = _read(WEIGHTED)
    assert data["source"]["format"] == "text-run"
    got = {i["name"]: (i["unit"], i["kind"], i["targets"]["2022"]["comparator"], i["targets"]["2022"]["value"])
           for i in data["indicators"]}
    assert got["预算执行率"] == ("%", "rate", "=", 100.0)
    assert got["农村公路养护里程"] == ("公里", "flow", "=", 125.0)
    assert got["开展各种文艺活动场次"][2:] == (">=", 20.0)
    assert got["基层组织建设保障有效性"][1] == "qualitative"


def test_levels_run_into_names_and_labels_alone_on_their_lines() -> None:
    text = "\n".join([
        "2023年项目支出绩效目标表公开",
        "一级指标二级指标三级指标指标值指标值内容评(扣分标准)度量单位指标值类型备注",
        "成本指标经济成本指标学生补助标准17元/人反映学生每天用餐标准按标准发放得10分-定量",
        "生态环境成本指标",
        "-定性",
        "产出指标数量指标补助学生数量168反映补助学生人数发放到位得10分-定量",
        "时效指标任务完成时间2023年12月31日反映该项目完成时间按期完成得10分-定量",
        "效益指标经济效益指标",
        "社会效益指标残疾学生生活质量有所提升残疾学生生活质量良好得10分,一般得8分-定性",
        "满意度指标服务对象满意度指标学生对学校伙食的满意度95%以上学生满意程度95%以上得10分-定性",
    ])
    data = _read(text)
    got = {i["name"]: (i["level1"], i["level2"], i["kind"], i["targets"]["2023"]) for i in data["indicators"]}
    assert list(got) == ["学生补助标准", "补助学生数量", "任务完成时间", "残疾学生生活质量", "学生对学校伙食的满意度"]
    assert got["学生补助标准"][:2] == ("成本指标", "经济成本指标") and got["学生补助标准"][3]["value"] == 17.0
    assert got["补助学生数量"][:2] == ("产出指标", "数量指标")
    assert got["任务完成时间"][2] == "milestone" and got["任务完成时间"][3]["due"] == "2023-12"
    assert got["残疾学生生活质量"][:3] == ("效益指标", "社会效益指标", "qualitative")
    # 定性 in the type column beside a number: the number is the target, the kind is marked for review
    sat = next(i for i in data["indicators"] if i["name"] == "学生对学校伙食的满意度")
    assert sat["kind"] == "rate" and sat["targets"]["2023"]["value"] == 95.0
    assert sat["inferred"]["kind"]["confidence"] == "low"


def test_the_next_form_on_the_page_ends_the_table() -> None:
    text = WEIGHTED + "\n" + "\n".join(["2022年区级一般性项目绩效目标表", "单位:万元", "项目名称办公经费",
                                        "运行保障率10%=100"])
    names = [i["name"] for i in _read(text)["indicators"]]
    assert names == ["预算执行率", "基层组织建设保障有效性", "农村公路养护里程", "开展各种文艺活动场次", "服务对象满意度"]


def test_a_line_that_cannot_be_cut_but_names_an_indicator_is_listed_not_dropped() -> None:
    text = WEIGHTED + "\n" + "群众对公共文化服务的认可程度"
    data = _read(text)
    assert "群众对公共文化服务的认可程度" not in [i["name"] for i in data["indicators"]]
    assert any("群众对公共文化服务的认可程度" in u["text"] for u in data["unread"])


# a document-sharing page's text: the whole form run together, rows and cells with nothing between them
STREAM = ("下载本文档\n文档简介\n"
          "2023年度农村饮水安全维修养护项目绩效自评表单位名称:某县水利局填报日期:2024年3月5日项目名称农村饮水安全维修养护"
          "一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
          "产出指标数量指标维修供水工程处数不低于40处42处达成预期指标水质检测合格率95%96%达成预期指标"
          "质量指标工程验收合格率100%100%达成预期指标成本指标维修养护经费控制数120万元118万元达成预期指标"
          "效益指标社会效益指标受益人口不低于3万人3.2万人达成预期指标满意度指标群众满意度不低于90%93%达成预期指标\n"
          "2、点击查看更多\n")


def test_a_whole_form_run_together_is_cut_into_its_rows() -> None:
    data = _read(STREAM)
    assert data["source"]["format"] == "text-stream" and data["source"]["year"] == 2023
    got = [(i["level1"], i["level2"], i["name"], i["targets"]["2023"]["raw"], i["actuals"]["2023"]["raw"])
           for i in data["indicators"]]
    assert got == [
        ("产出指标", "数量指标", "维修供水工程处数", "不低于40处", "42处"),
        ("产出指标", "数量指标", "水质检测合格率", "95%", "96%"),
        ("产出指标", "质量指标", "工程验收合格率", "100%", "100%"),
        ("产出指标", "成本指标", "维修养护经费控制数", "120万元", "118万元"),
        ("效益指标", "社会效益指标", "受益人口", "不低于3万人", "3.2万人"),
        ("满意度指标", "", "群众满意度", "不低于90%", "93%"),
    ]


def test_a_stream_whose_cut_gives_fragments_as_names_is_no_table() -> None:
    text = "一级指标二级指标三级指标年度指标值全年实际值产出指标(20分)万粒50万粒8万粒0万粒5万粒3\n"
    result = parse_table(text.encode("utf-8"), filename="t.txt")
    assert not isinstance(result, TableReading) or not result.indicators


def test_a_long_stream_is_cut_in_a_worker_thread_without_touching_the_recursion_limit(monkeypatch) -> None:
    # the page's server reads uploads in worker threads: the cut is a loop, not a recursion as deep as the text
    import sys
    import threading
    rows = "".join(f"开展第{'一二三四五六七八九十'[k % 10]}类培训班次数不低于{10 + k}次{11 + k}次达成预期指标" for k in range(24))
    text = ("2023年度培训项目绩效自评表一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
            "产出指标数量指标" + rows + "\n")
    limits: list[int] = []
    monkeypatch.setattr(sys, "setrecursionlimit", limits.append)
    out: list[dict] = []
    worker = threading.Thread(target=lambda: out.append(_read(text)))
    worker.start()
    worker.join()
    assert limits == []
    names = [i["name"] for i in out[0]["indicators"]]
    assert len(names) >= 20 and all(n.startswith("开展第") and n.endswith("培训班次数") for n in names)


# a sample form on a document-sharing page: spaces here and there, cells run together, 指标 | 指标内容 | 指标值, the
# page's part marker inside a name (split at its spaces, the first line gives one row: a later way reads the whole form)
SAMPLE = ("申报表填写样例.DOC\n\n上传人:国*** 文档编号:1167617 上传时间:2018-12-15 格式:DOC 页数:16 大小:187.50KB\n"
          "下载 相关 举报\n申报表填写样例.DOC_第1页\n第1页 / 共16页\n点击查看更多>>\n资源描述\n\n"
          "1、附件 3:样例项目支出绩效目标申报表项 目 名 称 某某监测补助经费主管部门及代码169某局 实施单位某司"
          "项目绩效目标全面掌握年度监测信息;编发年度趋势预报。指标 指标内容 指标值产出指标 年度、半年趋势报告次数 各 1 次"
          "发生动态\n\n2、报告次数 2000 次趋势会商会次数 1 次测报员培训人次 200 人次上报月报数据的有害生物种次2000 种次"
          "测报准确率 85%预报发布率85%效益指标 森林资源因害损失量 有效减少通过预警信息的发布,让人们了解有害生物信息,"
          "减少因恐慌情绪蔓延而导致可能产生的不稳定因素。对促进\n")


def test_a_sample_form_run_together_after_a_short_header_word() -> None:
    data = _read(SAMPLE, year=2018)
    assert data["source"]["format"] == "text-stream"
    got = [(i["level1"], i["name"], i["targets"]["2018"]["raw"], i["unit"]) for i in data["indicators"]]
    assert got[:7] == [
        ("产出指标", "年度、半年趋势报告次数", "各1次", "次"),  # 各: each of the two
        ("产出指标", "发生动态报告次数", "2000次", "次"),
        ("产出指标", "趋势会商会次数", "1次", "次"),
        ("产出指标", "测报员培训人次", "200人次", "人次"),
        ("产出指标", "上报月报数据的有害生物种次", "2000种次", "种次"),
        ("产出指标", "测报准确率", "85%", "%"),
        ("产出指标", "预报发布率", "85%", "%"),
    ]
    assert data["indicators"][0]["targets"]["2018"]["value"] == 1.0
    assert ("效益指标", "森林资源因害损失量", "有效减少", "") in got
    # the sentence after it is no indicator: no cell of a stream starts or ends in a sentence's stop
    assert not any(n.endswith((",", "。")) or "。" in n for _, n, _, _ in got)


def test_a_stream_with_a_templates_slots_doubled_values_and_a_total_row() -> None:
    """A 自评表 run together: empty numbered slots (指标2:) are left out, a filled one (指标1:) starts
    its row; a target written twice (合格合格, 3万元3万元) is a target and its actual; a value word
    (合格) or a unit (万元) is never the next row's name; the table ends at its total row (总分)."""
    text = ("2021年度项目支出绩效自评表一级指标二级指标三级指标年度指标值实际完成值分值得分"
            "产出指标数量指标指标1:维修水渠长度12公里12公里2020指标2:质量指标工程设备质量等合格合格2018"
            "时效指标指标1:指标2:成本指标维修经费3万元3万元2020满意度指标服务对象满意度指标群众满意度90%95%2020"
            "总分10098填报人:\n")
    data = _read(text)
    got = [(i["name"], i["targets"]["2021"]["raw"], i["actuals"]["2021"]["raw"]) for i in data["indicators"]]
    assert got == [("维修水渠长度", "12公里", "12公里"), ("工程设备质量等", "合格", "合格"),
                   ("维修经费", "3万元", "3万元"), ("群众满意度", "90%", "95%")]


def test_rows_copied_without_their_header_are_read_under_the_usual_one() -> None:
    """The last rows of a form, their header not copied: level words and signed targets run together
    are read as 一级 | 二级 | 三级 | 指标值 | 分值; a name keeps its bracket whole (超支率(…/…), as written in
    name_raw; the bracket explains it, so the name is 超支率 and the bracket its note); nothing after the total
    row is an indicator."""
    text = ("产出指标质量指标资料归档率=100% 25 档案查阅次数≥20次 25 时效指标按时归档率=100% 25 "
            "效益指标经济效益指标超支率(计算方法:超支数/预算数)≤3% 25 合计100 存在问题暂无改进措施暂无\n")
    data = _read(text, year=2024)
    got = [(i["level2"], i["name"], i["unit"], i["direction"], i["targets"]["2024"]["raw"]) for i in data["indicators"]]
    assert got == [("质量指标", "资料归档率", "%", "higher", "=100%"), ("质量指标", "档案查阅次数", "次", "higher", "≥20次"),
                   ("时效指标", "按时归档率", "%", "higher", "=100%"),
                   ("经济效益指标", "超支率", "%", "lower", "≤3%")]
    assert data["indicators"][-1]["name_raw"] == "超支率(计算方法:超支数/预算数)"
    assert data["indicators"][-1]["inferred"]["name"]["note"] == "计算方法:超支数/预算数"


def test_sentences_with_level_words_are_not_taken_for_rows_without_a_header() -> None:
    """Targets set in sentences (产出指标:…,≥…) are read as prose, never cut as a headerless stream."""
    text = "产出指标:数量指标,完成培训≥200人次;质量指标,培训合格率≥95%;满意度指标,学员满意度≥90%。\n"
    result = parse_table(text.encode("utf-8"), filename="t.txt", year=2024)
    assert not isinstance(result, TableReading) or result.source["format"] != "text-stream"


def test_a_value_written_twice_is_told_from_a_number_ending_in_repeated_digits() -> None:
    from analytics.ingest.tables.runs import _DOUBLED

    assert all(_DOUBLED.search(t) for t in ("合格合格", "50件50件", "100%100%", "工程质量等合格合格"))
    assert not any(_DOUBLED.search(t) for t in ("80000", "2020", "1010", "30000"))


def test_a_form_run_together_on_one_line_with_commas_and_weights_as_shares() -> None:
    """A 自评表 run together on a single line whose goal sentences hold commas is no CSV; its 权重 column
    holds shares (20%) run into the score (20), and each row's target and actual stay apart; the facts
    above the header are cut at their labels (专项名称, 省级主管部门, 年度金额, 年度总体目标)."""
    text = ("专项名称普惠金融发展专项资金省级主管部门四川省财政厅资金情况(万元)年度金额(提前下达):208万元"
            "年度总体目标目标1:支持农村金融组织体系建设,扩大农村金融服务覆盖面,"
            "目标2:支持小微企业融资发展,完成情况1:已支持,绩效目标完成情况一级指标二级指标三级指标指标值完成值权重得分"
            "产出指标数量指标创业担保贷款发放额增长率≥10%115.25%20%20质量指标创业担保贷款回收率≥90%98.70%20%20"
            "资金足额拨付率100%100%10%10效益指标经济效益指标创业担保基金放大倍数≥2倍10倍10%10"
            "满意度指标服务对象满意度指标贴息个人满意度≥80%100%5%5得分合计100。\n")
    data = _read(text, year=2021)
    got = [(i["name"], i["targets"]["2021"]["raw"], i["actuals"]["2021"]["raw"]) for i in data["indicators"]]
    assert got == [("创业担保贷款发放额增长率", "≥10%", "115.25%"), ("创业担保贷款回收率", "≥90%", "98.70%"),
                   ("资金足额拨付率", "100%", "100%"), ("创业担保基金放大倍数", "≥2倍", "10倍"),
                   ("贴息个人满意度", "≥80%", "100%")]
    # the facts run together above the header, cut at their labels
    project = data["project"]
    assert project["name"] == "普惠金融发展专项资金"
    assert project["departments"] == {"省级主管部门": "四川省财政厅"}
    assert project["funding"]["total"] == 208.0
    assert project["goals"][0]["text"] == "目标1:支持农村金融组织体系建设,扩大农村金融服务覆盖面,目标2:支持小微企业融资发展"


def test_a_header_run_together_ending_in_a_value_and_unit_word_and_no_name_starting_with_a_bound() -> None:
    """年度绩效指标一级指标二级指标三级指标指标值及单位: 指标值及单位 is one header word (the targets' column);
    rows below run their name and target together; 以上,艾滋病人检测 (the bound of the value before it and
    the next words) never starts a name."""
    text = "\n".join([
        "2024年祁东县部门整体支出绩效目标表",
        "部门整体支出 年度绩效指标一级指标二级指标三级指标指标值及单位",
        "产出指标数量指标全年检测次数自愿咨询检测1000人次以上,艾滋病人检测600人次以上",
        "免疫规划知识培训次数2次以上",
        "免疫规划知识培训人次200人以上",
    ])
    data = _read(text)
    names = [i["name"] for i in data["indicators"]]
    assert names[-2:] == ["免疫规划知识培训次数", "免疫规划知识培训人次"]
    assert [i["targets"]["2024"]["raw"] for i in data["indicators"][-2:]] == ["2次以上", "200人以上"]
    assert not any(n.startswith("以上") for n in names)


def test_a_stream_whose_header_words_carry_column_letters() -> None:
    """年初目标值(A) | 实际完成值(B) | 得分(分), run together in a stream: the letters belong to their header
    words, so the header goes on past them to the actuals and the scores."""
    text = ("2021年度财政项目绩效自评表项目名称培训补助主管部门某局一级指标二级指标三级指标年初目标值(A)实际完成值(B)"
            "得分(分)产出指标数量指标培训人数100人120人10质量指标培训合格率95%98%10时效指标完成及时率100%100%10"
            "满意度指标服务对象满意度指标学员满意度90%95%10总分100")
    data = _read(text)
    got = [(i["level2"], i["name"], i["targets"]["2021"]["raw"], i["actuals"]["2021"]["value"]) for i in data["indicators"]]
    assert got == [("数量指标", "培训人数", "100人", 120), ("质量指标", "培训合格率", "95%", 98),
                   ("时效指标", "完成及时率", "100%", 100), ("服务对象满意度指标", "学员满意度", "90%", 95)]


def test_a_change_on_the_year_before_is_the_target_not_the_names_end() -> None:
    """效益指标经济效益指标拓展彩票销售渠道同比2022年销量显著提高显著提高: 同比 opens the target (a change
    on 2022, in words), it never ends a name, and 2022年 is no value."""
    kinds = ["level", "level", "name", "value", "value"]
    cut = _cutter("效益指标经济效益指标拓展彩票销售渠道,提升彩票销售量同比2022年销量显著提高显著提高", kinds, LEX)
    assert cut == ["效益指标", "经济效益指标", "拓展彩票销售渠道,提升彩票销售量", "同比2022年销量显著提高", "显著提高"]


def test_a_stream_whose_header_words_carry_required_marks_and_one_row_under_them() -> None:
    """A notice run into one stream with its target table at the end: header words marked required
    (一级指标*, 绩效指标性质*, 绩效度量单位*) and one row, cut off after it, are read."""
    stream = ("现下达你单位项目资金,请做好绩效监控。附件2项目绩效目标表主管部门:省商务厅资金总额:2430.30"
              "一级指标*二级指标*三级指标*绩效指标性质*绩效指标值*绩效度量单位*指标方向性*"
              "产出指标数量指标举办展会场次≥12场正向指标\n")
    data = _read(stream, year=2022)
    [ind] = data["indicators"]
    assert (ind["level1"], ind["level2"], ind["name"], ind["unit"]) == ("产出指标", "数量指标", "举办展会场次", "场")
    assert ind["targets"]["2022"]["value"] == 12


def test_a_streams_project_cells_before_its_first_level_are_listed_and_its_rows_read() -> None:
    """部门预算项目绩效目标申报表 run together: the project's cells (unit, amount, name, goal) stand
    between the header and the first level word; they are listed as unread, the rows after them read,
    and the last header word 指标方向性 takes each row's 正向指标."""
    stream = ("部门预算项目绩效目标申报表(2023年度)单位名称项目名称预算数年度目标"
              "一级指标二级指标三级指标指标性质指标值度量单位权重指标方向性"
              "820-马踏镇部门8,827,620.53村组干部报酬3,309,840.00按时发放村组干部报酬"
              "效益指标社会效益指标维护社会稳定≥95%10正向指标"
              "产出指标时效指标报酬发放及时率≥95%20正向指标"
              "满意度指标服务对象满意度指标人民群众满意度≥95%10正向指标\n")
    data = _read(stream)
    assert [i["name"] for i in data["indicators"]] == ["维护社会稳定", "报酬发放及时率", "人民群众满意度"]
    assert all(i["targets"]["2023"]["value"] == 95 for i in data["indicators"])
    assert any("马踏镇部门" in u["text"] for u in data["unread"])


def test_a_streams_numbered_slots_without_colon_and_units_of_ten_thousands_of_a_counting_word() -> None:
    """指标1免费发放原原种8550万粒550万粒8: the template's slot 指标1 lost its colon and the 分值 8 runs
    into the target; the slot opens the row's name (never a name of its own, 指标 | 1), 万粒 (ten
    thousands of a counting word the lexicon does not list) is the value's unit, not the next name."""
    stream = ("马铃薯原种繁育示范推广项目绩效目标自评表(2022年度)"
              "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施"
              "产出指标(40分)数量指标指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒200万粒8"
              "质量指标指标1种薯发芽率8≥90%92%8\n")
    data = _read(stream)
    got = [(i["name"], i["unit"], i["targets"]["2022"]["value"]) for i in data["indicators"]]
    assert got == [("免费发放原原种", "万粒", 550), ("企业自行采购", "万粒", 200), ("种薯发芽率", "%", 90)]
    assert [i["actuals"]["2022"]["value"] for i in data["indicators"]] == [550, 200, 92]


def test_a_stream_headed_with_the_whole_year_s_actual_and_the_deviation_s_causes() -> None:
    """全年完成值 and 偏差及原因分析 (a 部门整体支出绩效自评表's words for 实际完成值 and 偏差原因分析) are
    header cells of a stream run together, as 指标得分 is beside 指标权重."""
    stream = ("某县卫生院2021年度部门整体支出绩效自评表"
              "一级指标二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析"
              "产出指标数量指标门诊住院人次≥5000人次5372人次1010质量指标诊断准确率≥95%97%1010"
              "效益指标社会效益指标健康档案管理率100%100%1010\n")
    data = _read(stream)
    got = [(i["name"], i["unit"], i["targets"]["2021"]["value"], i["actuals"]["2021"]["value"]) for i in data["indicators"]]
    assert got == [("门诊住院人次", "人次", 5000, 5372), ("诊断准确率", "%", 95, 97), ("健康档案管理率", "%", 100, 100)]


def test_a_stream_headed_with_another_form_s_target_word_and_a_level_s_end_not_in_the_name() -> None:
    """绩效目标值 heads a column as 指标值 does; 社会效益指标就业率 is the level 社会效益指标 and the
    name 就业率 (no name of a stream starts with 指标 unless a numbered slot: 社会效益 | 指标就业率 is
    the level cut short)."""
    stream = ("某中心2022年度项目支出绩效自评表一级指标二级指标三级指标绩效目标值实际完成值未完成原因及改进措施"
              "产出指标数量指标培训人次≥500人次520人次质量指标培训合格率≥95%98%效益指标社会效益指标就业率≥80%85%\n")
    data = _read(stream)
    got = [(i["name"], i["level2"], i["targets"]["2022"]["value"], i["actuals"]["2022"]["value"]) for i in data["indicators"]]
    assert got == [("培训人次", "数量指标", 500, 520), ("培训合格率", "质量指标", 95, 98), ("就业率", "社会效益指标", 80, 85)]


def test_a_department_self_evaluation_stream_with_adjusted_targets_scores_and_core_marks() -> None:
    """A 部门整体绩效自评表 run together (指标名称 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 |
    全年完成值 | 得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标), its 全年完成值 scrambled by a
    scan (年成值全完值): the header is read, the empty 调整指标值 takes no value (the year's actual
    stays under 全年完成值), 得分系数 keeps its 100%, the weight and score run together (22) are two
    numbers, 是/否 ends its row (never the next name's start), 定量指标 and a scrambled 性标定指 are
    the type, and 高 / 好 are targets in words (高 reached as written: 达成)."""
    stream = ("某中心部门整体绩效自评表"
              "指标名称计量单位指标性质年初指标值调整指标值年成值全完值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
              "财政供养人员控制率%定量指标100%92%100%22否预算完成率%70%76%100%22是"
              "预算调整率%3%0100%22否管理制度健全性性标定指高高100%33否"
              "固定资产利用率%定量指标90%100%100%22否\n")
    data = _read(stream, year=2021)
    got = [(i["name"], i["unit"], i["targets"]["2021"].get("value"), (i.get("actuals") or {}).get("2021", {}).get("value"))
           for i in data["indicators"]]
    assert got == [("财政供养人员控制率", "%", 100, 92), ("预算完成率", "%", 70, 76), ("预算调整率", "%", 3, 0),
                   ("管理制度健全性", "", None, 1.0), ("固定资产利用率", "%", 90, 100)]  # 高 beside the target 高: 达成
    assert data["indicators"][3]["actuals"]["2021"]["checkin"] == "achieved"
    assert data["indicators"][2]["direction"] == "lower"  # 预算调整率: a budget adjusted is better rare
    assert data["indicators"][3]["kind"] == "qualitative"


def test_an_empty_stream_after_the_header_cuts_into_nothing() -> None:
    """A copy cut right after its header words leaves nothing to cut: no row, no error."""
    kinds = ["level", "level", "name", "value", "value", "number"]
    assert _cutter("", kinds, LEX, stream=True) is None
    data = parse_table("年度绩效目标 一级 指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分\n".encode("utf-8"), filename="t.txt")
    assert not isinstance(data, TableReading) or not data.indicators


def test_the_label_merged_down_a_streams_left_is_no_part_of_the_name_it_lands_on() -> None:
    """项目绩效指标, the label merged down the rows' left, is drawn in its block's middle: run together
    it lands before that row's name (…种次项目绩效指标汇总发生情况月报表次数12次), and goes; a name that
    speaks of the targets themselves (绩效指标设置合理性) keeps its words."""
    stream = ("某局2018年项目支出绩效目标申报表指标指标内容指标值"
              "产出指标测报员培训人次200人次上报月报数据种次2000种次项目绩效指标汇总发生情况月报表次数12次"
              "测报准确率85%效益指标绩效指标设置合理性合理\n")
    data = _read(stream)
    assert [i["name"] for i in data["indicators"]] == ["测报员培训人次", "上报月报数据种次", "汇总发生情况月报表次数",
                                                       "测报准确率", "绩效指标设置合理性"]


def test_a_streams_points_are_never_cut_into_points_and_a_score_above_them() -> None:
    # 22.5 under 分值 | 得分 was read as points 2 and a score 2.5 (a score above its points)
    text = "\n".join([
        "2024年度项目支出绩效自评表",
        "项目名称 社会保险缴费经费",
        "一级指标 二级指标 三级指标 年度指标值 分值 得分",
        "产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 "
        "效益指标经济效益指标结余率≤5% 22.5 合计100",
    ])
    got = _read(text)
    assert [(i["name"], i.get("points")) for i in got["indicators"]] == [
        ("足额保障率", 22.5), ("科目调整次数", 22.5), ("按时发放率", 22.5), ("结余率", 22.5)]
    # points and a score run together still part where the score is no more than the points
    assert _read(text.replace(" 22.5", " 1010"))["indicators"][0].get("points") == 10.0
    # a 0 right after the points is their own last digit, no score of 0 (30 was points 3, score 0)
    assert [i.get("points") for i in _read(text.replace(" 22.5", " 30"))["indicators"]] == [30.0] * 4


def test_a_stream_wrapped_over_lines_is_read_as_one_when_every_row_cut_at_blanks_is_wrong() -> None:
    # the same form as the one-line stream above, wrapped over three lines: cut at its blanks, every
    # row came out wrong (产出指标数量指标足额保障率, 科目调整次数≤10次 with 22.5 as its target, 发放率=100%)
    text = "\n".join([
        "2024年度项目支出绩效自评表",
        "一级指标 二级指标 三级指标 年度指标值 分值 得分",
        "产出指标数量指标足额保障率=100% 22.5",
        "科目调整次数≤10次 22.5 时效指标按时",
        "发放率=100% 22.5 效益指标经济效益指标结余率≤5% 22.5 合计100",
    ])
    got = _read(text)
    assert [(i["name"], i["targets"]["2024"]["raw"], i.get("points")) for i in got["indicators"]] == [
        ("足额保障率", "=100%", 22.5), ("科目调整次数", "≤10次", 22.5), ("按时发放率", "=100%", 22.5), ("结余率", "≤5%", 22.5)]


def test_a_time_limit_inside_a_name_stays_in_the_name() -> None:
    # 突发事件2小时内处置率 was cut into 突发事件 (target 2小时) and a next row 内处置率, in a stream and
    # in a copy a row a line alike
    rows = ["产出指标产出数量巡查设备配备率100%98%达成预期指标",
            "产出时效突发事件2小时内处置率不低于90%95%达成预期指标",
            "投诉3个工作日内办结率100%100%达成预期指标",
            "产出成本成本控制数(万元)40达成预期指标"]
    header = "一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
    want = [("巡查设备配备率", "100%"), ("突发事件2小时内处置率", "不低于90%"), ("投诉3个工作日内办结率", "100%"),
            ("成本控制数", "40")]
    for text in ("2022年度项目绩效自评表" + header + "".join(rows), "\n".join(["2022年度项目绩效自评表", header, *rows])):
        got = _read(text)
        assert [(i["name"], i["targets"]["2022"]["raw"]) for i in got["indicators"]] == want
    # a next row's name that starts with 内部 after a value counted in days is no time limit
    s = "时效指标整改完成时限15个工作日内部控制制度健全性健全"
    assert _cutter(s, ["level", "name", "value"], LEX, stream=True)[:3] == ["时效指标", "整改完成时限", "15个工作日"]


def test_a_rate_whose_name_ends_in_a_qualitative_word_and_率_keeps_its_target() -> None:
    # 监控设备的合格率 90% with no actual was cut into a name 监控设备的, a target in words 合格率 and an actual 90%
    header = "一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
    stream = (header + "产出指标数量指标灭火设备配备数量100套100套达成预期指标质量指标监控设备的合格率90%达成预期指标"
              "巡护道路有效率95%达成预期指标满意度指标服务对象满意度指标群众满意度90%达成预期指标")
    got = _read("2022年度项目绩效自评表" + stream)
    assert [(i["name"], i["targets"]["2022"]["raw"]) for i in got["indicators"]] == [
        ("灭火设备配备数量", "100套"), ("监控设备的合格率", "90%"), ("巡护道路有效率", "95%"), ("群众满意度", "90%")]


def test_a_target_ending_in_0_with_no_actual_beside_it_is_not_cut_before_its_0() -> None:
    # a row a line, the actual left empty: 90% was read as the target 9 and the actual 0%
    text = "\n".join(["2022年度项目绩效自评表", "一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施",
                      "产出指标数量指标灭火设备配备数量100套100套", "质量指标巡护设备有效率90%达成预期指标",
                      "时效指标资金支付及时率100%达成预期指标"])
    got = _read(text)
    assert [(i["name"], i["targets"]["2022"]["raw"]) for i in got["indicators"]] == [
        ("灭火设备配备数量", "100套"), ("巡护设备有效率", "90%"), ("资金支付及时率", "100%")]


@pytest.mark.parametrize("points", ["22.5", "30", "12.5分"])
def test_a_streams_points_are_read_whole_and_its_total_row_is_no_indicator(points: str) -> None:
    """Rows copied without their header, a weight after each target (=100% 22.5): the weight whole, not
    22 | .5 with the half run into the next cell; a template slot before the total (指标2:总分) ends it."""
    text = ("项目支出绩效自评表（2023年度）\n"
            f"产出指标数量指标足额保障率=100% {points} 科目调整次数≤10次 {points} 指标2:总分 100\n")
    reading = parse_table(text.encode("utf-8"), filename="stream.txt").to_json()  # type: ignore[union-attr]
    want = float(points.rstrip("分"))
    assert [(i["name"], i["points"]) for i in reading["indicators"]] == [("足额保障率", want), ("科目调整次数", want)]


SELF_EVALUATED = ("一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
                  ["产出指标数量指标资助学生人数2500250050", "补贴渔船数8830", "质量指标资金发放准确率100%100%20"])
WEIGHED = ("绩效指标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)",
           ["新增造林面积万亩4510810", "森林抚育面积万亩3210110", "病虫害成灾率%0.510010", "管护任务完成率%901010010"])


@pytest.mark.parametrize("header, rows, want", [
    (*SELF_EVALUATED, [("资助学生人数", "2500", 50), ("补贴渔船数", "8", 30), ("资金发放准确率", "100%", None)]),
    (*WEIGHED, [("新增造林面积", "45", 10), ("森林抚育面积", "32", 10), ("病虫害成灾率", "0.5", 10), ("管护任务完成率", "90", 10)]),
], ids=["target-actual-points", "target-weight-actual-score"])
@pytest.mark.parametrize("joined", [True, False], ids=["stream", "row-a-line"])
def test_a_target_its_actual_and_their_points_run_together_as_digits_are_cut_apart(
        header: str, rows: list[str], want: list[tuple[str, str, int | None]], joined: bool) -> None:
    """2500250050 is the target 2500 repeated as its actual and 50 points; 4510810 under 指标值 | 权重 |
    完成值 | 得分 is 45 | 10 | 8 | 10 (the score equal to the points): the target was read as the whole run."""
    title = "2023年度项目支出绩效自评表"
    got = _read(title + header + "".join(rows) if joined else "\n".join([title, header, *rows]))["indicators"]
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in got] == [(n, t) for n, t, _ in want]
    assert [i["points"] for i, (_, _, p) in zip(got, want) if p is not None] == [p for _, _, p in want if p is not None]


def test_a_run_of_digits_nothing_shows_how_to_cut_stays_whole() -> None:
    # no target repeated, no score equal to its points: one number (8000), not 80 | 00 or 8 | 0 | 00
    got = _read("2023年度项目支出绩效自评表\n一级指标二级指标三级指标年度指标值实际完成值分值得分\n"
                "产出指标数量指标培训人次8000人次7900人次\n质量指标培训合格率100%100%")
    assert [i["targets"]["2023"]["raw"] for i in got["indicators"]] == ["8000人次", "100%"]


@pytest.mark.parametrize("joined", [True, False], ids=["stream", "row-a-line"])
def test_a_note_column_after_the_score_takes_no_part_of_the_next_name(joined: bool) -> None:
    # 说明 was read into the first name; then the empty note took the next name's start: 森林抚育( | 营林)面积, 天 | 然林…
    header = "绩效指标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明"
    rows = ["国家级公益林管护面积万亩2810810", "森林抚育(营林)面积万亩2110110", "天然林保护面积万亩3510810",
            "森林火灾受害率%0.910010"]
    title = "2023年度部门整体绩效自评表"
    got = _read(title + header + "".join(rows) if joined else "\n".join([title, header, *rows]))
    assert [(i["name"], i["targets"]["2023"]["raw"]) for i in got["indicators"]] == [
        ("国家级公益林管护面积", "28"), ("森林抚育(营林)面积", "21"), ("天然林保护面积", "35"), ("森林火灾受害率", "0.9")]


def test_a_scanned_streams_header_words_out_of_order_and_their_column_letters_as_read() -> None:
    # 参考分值 scrambled as 考值参分, (A) read as (八), 未完成原因分析及改进措施 whole: the header stopped at 三级指标
    s = "一级指标二级指标三级指标考值参分指标值(八)全年实际值(B)得分未完成原因分析及改进措施项目决策(10分)"
    found = _header_in(s, LEX)
    assert found is not None and found[2] == ["一级指标", "二级指标", "三级指标", "参考分值", "指标值(八)", "全年实际值(B)",
                                              "得分", "未完成原因分析及改进措施"]


def test_words_said_twice_before_the_points_are_the_target_and_its_actual() -> None:
    """不超过预算不超过预算10: a target in words, its actual the same words and the points; 专款专用 said a third
    time ends the name before them (no name of its own), and 2021年12月完成 twice is a deadline and its actual.
    The target was cut with a piece of the name (成本控制不 | 超过预算…) or not at all (专款专用 has no
    qualitative word)."""
    text = ("2021年度财政项目绩效自评表一级指标二级指标三级指标年初目标值实际完成值得分"
            "产出指标数量指标成本控制不超过预算不超过预算10质量指标保证资金专款专用专款专用专款专用10"
            "时效指标资金拨付时间2021年12月完成2021年12月完成10效益指标社会效益指标群众满意度90%95%10")
    got = _read(text)
    assert [(i["name"], i["targets"]["2021"]["raw"]) for i in got["indicators"]] == [
        ("成本控制", "不超过预算"), ("保证资金专款专用", "专款专用"), ("资金拨付时间", "2021年12月完成"), ("群众满意度", "90%")]


def test_words_said_twice_after_the_points_are_cut_whole() -> None:
    """分值 before the target: 15改善学校的办学条件改善学校的办学条件13 is the points 15, the target and its actual
    the same words, the score 13 (the target was read as the 5 of 15, its words cut into 改善学校 | 的办学条件
    as a next row's name)."""
    text = ("2021年度项目支出绩效自评表一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因分析及改进措施"
            "产出指标数量指标保障人数102370人2370人10质量指标公用经费标准5符合相关文件要求符合相关文件要求5"
            "效益指标社会效益指标效果显著15改善学校的办学条件改善学校的办学条件13生态效益指标指标1:指标2:可持续影响指标"
            "使学生和老师有更好的学习环境10社会认可的办学环境.社会认可的办学环境.8满意度指标")
    got = _read(text)["indicators"]
    assert [(i["level2"], i["name"], i["targets"]["2021"]["raw"], i["points"]) for i in got] == [
        ("数量指标", "保障人数", "2370人", 10), ("质量指标", "公用经费标准", "符合相关文件要求", 5),
        ("社会效益指标", "效果显著", "改善学校的办学条件", 15),
        ("可持续影响指标", "使学生和老师有更好的学习环境", "社会认可的办学环境.", 10)]


@pytest.mark.parametrize("text, cells", [
    ("保证资金专款专用专款专用专款专用10质量", ["专款专用"] * 3),
    ("完成时间52021年12月完成2021年12月完成4指标", ["2021年12月完成"] * 2),  # after the points 5
    ("社会认可的办学环境.社会认可的办学环境.", ["社会认可的办学环境."] * 2),  # at the text's end
    ("数量指标指标1免费发放原原种8", []),  # a level's end and a template's slot
    ("医疗收入达到5亿元5亿元6.47亿元10", []),  # the name's end and the target, then another figure: no points
    ("放大倍数≥2倍10倍10%10", []),  # a figure's tail, no words said twice
])
def test_words_said_twice_are_found_only_right_before_a_rows_points(text: str, cells: list[str]) -> None:
    assert [text[a:b] for a, b in sorted(said_twice(text, set(LEX.units)))] == cells
