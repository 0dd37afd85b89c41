"""Hand-checked readings of a held-out set, tests/tables/heldout26/: real published tables from sources used nowhere else
in tests/tables/ (written by reading each table, before the reader was run on it). ``make_expected()`` writes one
``<fixture>.expected.json`` beside each.

Fields: veterans' affairs (春节走访慰问), religious affairs / heritage site (忠烈祠 免费开放), a media centre's 部门整体
self-evaluation, a city hospital's building subsidy, statistics (经济普查 / 人口普查), ecology (大气污染防治 monitoring
stations), drug control (公安 禁毒), animal epidemic control (畜牧). Places: 云南 保山, 湖南 南岳 and 永兴, 重庆 (西部科学城),
湖北 襄阳, 咸宁 and 武汉 青山, 安徽 宣城. Every copy is a stored page excerpt; where it is cut the rows before the cut are
kept and the cut row is left out, unless its target is complete (same conventions as ``expected_corpus.py`` and the
held-out sets before: a bare number reads as ``>=`` for a higher-is-better indicator and as ``<=`` for a cost or a rate
where lower is better; ``小于5次`` is ``("<", 5)``; a worded target is qualitative, its numeric actual kept, a worded
actual ``None``; a 控制率 of 100% has its value scored only; staff counts have no kind and no direction; a row with a
name and no value has empty targets; mirror copies in traditional characters keep their names as stored, notes
included, their units given in simplified characters).

- 保山 退役军人事务局 春节走访慰问经费 自评表 (a cell a line, a | line after each): the 数量指标 row has no name but the
  list of visits to make (``慰问伤残军人50人;…边海防官兵320人``, kept whole as its name; the sentence stop ending the
  cell is not part of it, as in held-out 3) and
  ``100%`` / ``100%``: the share of those visits made, a rate. ``春节前完成走访慰问`` ``按时限完成`` is a worded target (not
  a deadline: 春节 is no month), its actual ``100%`` kept. The 社会效益 row's ``小于5次`` is a cap on incidents; its
  actual ``无上访`` is worded (and counts another thing): ``None``.
- 南岳 民族宗教事务局 忠烈祠免费开放经费 部门整体支出绩效自评表 (a traditional-character mirror, |-separated): ``=230畝``
  is the site's area under care, a stock with ``=`` and no direction (the site does not grow); ``=365天`` open days a
  flow, higher; ``32人`` hired guides, guards and property staff is a staff count, value only. The 时效 row is named
  by its deadline (``2020年12月完成``) but valued ``=95%``: a rate, not a deadline (as held-out 10). The 成本指标 row is
  cut inside its name: left out.
- 西部(重庆)科学城 融媒体中心 部门整体绩效自评表 (a document-share copy, everything run together; year from the text,
  ``中心2021年…``, given as ``year``): the columns are 计量单位 / 指标性质 / 年初指标值 / 调整指标值 / 全年完成值 / 得分系数
  / 权重 / 得分 / 是否核心指标; 调整指标值 is empty on every row and 得分系数 is ``100%`` on every row, so a row with one
  ``%`` before its weights (``“三公经费变动率%100%22否``, ``“三公经费控制率``) has neither target nor actual (empty
  targets; the names keep their lone opening quote). ``管理制度健全性性标定指高高`` is the name, 指标性质 定性指标 scrambled
  (``性标定指``) and 高 / 高: qualitative. The page marker ``绩效指标`` / ``3、`` between two rows is no part of a name.
  财政供养人员控制率 and 公用经费控制率 ``100%`` are read like 成本控制率 (value only, no direction), although their
  actuals (92%, 97%) scored in full: the coefficient is 100% on every row, 政府采购执行率 72.74% against 100% included,
  so it tells nothing. 预算调整率 ``3%`` and 结转结余率 ``2%`` are caps. The four counts' targets are OCR slips: ``26次``
  against an actual of 12次 at full score can only be ``≥6次`` misread; ``到0次`` and ``第O份`` cannot be read;
  ``2200篇`` may be 2200 or the same slip (``≥200篇``): all four ``ERR``, their actuals kept. ``tot扁`` is the unit 篇
  misread (the values say 篇). The copy stops at ``公共服务``: left out.
- 襄阳市中心医院 东津院区建设补助 自评表 (a .docx run together): each row is 三级指标 | 年初目标值 | 实际完成值 | 得分. Under
  数量指标 the row ``成本控制`` ``不超过预算`` is worded: qualitative. ``每年财政补助1000万元`` holds the amount in its name
  and again as target and actual; under 成本 it is read as a cap. The 时效 row's name is its own value (``1年`` / ``1年``
  / ``1年``): named ``1年``, a period with its value scored only. The 经济效益 row's name is wrapped with a blank (``医院东
  津``), read without it; ``5亿元`` is a floor on income, actual 6.47. The 可持续性 row is cut: left out.
- 青山 统计局 大型普查经费 目标表 (a cell a paragraph; long-term and annual halves side by side, both holding the same row):
  ``6篇`` 经济普查资料开发文章 is read from the annual half. The second row is cut in its name: left out.
- 咸宁 生态环境局 中央大气污染防治资金 自评表 (a cell a paragraph): the 全年完成值 cell repeats the name before its number
  (``建设环境空气质量自动监测子站`` / ``0``): the actual is 0. The copy stops inside the row's reason cell; the row's
  target and actual are whole, so it is kept.
- 宣城 公安局 禁毒经费 自评表 (a row a line, cells one blank apart): ``指标1:`` is not part of a name. The 质量指标 row
  (经费支出合规性) is cut inside its actual, after a whole worded target: kept as qualitative, its (worded) actual ``None``.
- 永兴 畜牧兽医水产局 重大动物疫病防控 专项资金绩效目标表 (a PDF copy, labels a word a line, then the cells): the name
  ``各种强制免率、屠宰率`` / ``100%`` / ``及检疫率`` is one cell wrapped around its value: ``各种强制免率、屠宰率及检疫率``
  (the missing 疫 kept as written), ``100%``. The 2020 death rates in the 长期目标 prose are no rows. The 质量指标 row is
  cut (``…得到保`` / ``操``): left out.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import expected_corpus as corpus  # noqa: E402
from expected_corpus import ERR, Q  # noqa: E402

HERE = Path(__file__).resolve().parent / "heldout26"
Y17, Y20, Y21, Y22 = "2017", "2020", "2021", "2022"


def _rate(name: str, year: str, value: float, actual: float | None = None) -> tuple[Any, ...]:
    return (name, "%", "rate", "higher", {year: (">=", value)}, None if actual is None else {year: actual})


def _qual(name: str, year: str, actual: bool = False) -> tuple[Any, ...]:
    """A worded target; ``actual``: the form has an actual column (a worded actual is ``None``)."""
    return (name, "", "qualitative", None, {year: Q}, {year: None} if actual else None)


# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "baoshan_tuiyijunren_chunjie_weiwen_ziping_2022.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-lines (a cell a line, a | line after each; runs of | for merged cells, empty | rows between "
                  "blocks; 年初目标值(A) / 实际完成值(B) / 得分)",
        "rows": [
            _rate("慰问伤残军人50人;革命烈士遗属50人;因公牺牲和病故军人家属、在乡老复员军人等重点优抚对象50人;烈士家庭6户;"
                  "市直企业军转干部101人;驻保部队8家;边海防官兵320人", Y22, 100, 100),
            _rate("补助经费足额拨付率", Y22, 100, 100),
            ("春节前完成走访慰问", "", "qualitative", None, {Y22: Q}, {Y22: 100}),  # 按时限完成 / 100%
            ("全市重点优抚对象、企业军转干部总体保持稳定,年内无群体性事件发生", "次", "flow", "lower", {Y22: ("<", 5)},
             {Y22: None}),  # 小于5次 / 无上访
            _rate("重点优抚对象、企业军转干部、驻保部队、边海防官兵满意率", Y22, 100, 100),
        ],
        "unread": [],
    },
    "nanyue_minzong_zhonglieci_zhengti_ziping_2020.txt": {
        "kind": "部门整体支出绩效自评表", "year": None,
        "layout": "text-pipe (a traditional-character mirror with pinyin notes; |-separated, merged cells left out; "
                  "指标值 / 全年实际完成值; cut in the 成本指标 row's name)",
        "rows": [
            ("管理忠烈祠面積", "亩", "stock", None, {Y20: ("=", 230)}, {Y20: 230}),
            ("忠烈祠免費開放", "天", "flow", "higher", {Y20: ("=", 365)}, {Y20: 365}),
            ("聘用講解員,、綜治隊員以及物業(yè)管理人員", "人", None, None, {Y20: (None, 32)}, {Y20: 32}),  # staff
            ("忠烈祠保護(hù)合格率", "%", "rate", "higher", {Y20: ("=", 100)}, {Y20: 100}),
            ("2020年12月完成", "%", "rate", "higher", {Y20: ("=", 95)}, {Y20: 95}),  # a 时效 row valued =95%
        ],
        "unread": [],
    },
    "chongqing_kexuecheng_rongmeiti_zhengti_ziping_2021.txt": {
        "kind": "部门整体绩效自评表", "year": Y21,
        "layout": "text-run (a document-share copy run together in page chunks; 计量单位 / 指标性质 / 年初指标值 / 全年完成值 / "
                  "得分系数 / 权重 / 得分 / 核心 glued; OCR slips in values and a unit)",
        "rows": [
            ("财政供养人员控制率", "%", "rate", None, {Y21: (None, 100)}, {Y21: 92}),
            ("“三公经费变动率", "%", None, None, {}, None),  # no target, no actual: only 得分系数 100%
            _rate("基础信息完善", Y21, 100, 100),
            _rate("预算完成率", Y21, 70, 76),
            ("预算调整率", "%", "rate", "lower", {Y21: ("<=", 3)}, {Y21: 0}),
            ("结转结余率", "%", "rate", "lower", {Y21: ("<=", 2)}, {Y21: 0}),
            ("公用经费控制率", "%", "rate", None, {Y21: (None, 100)}, {Y21: 97}),
            ("“三公经费控制率", "%", None, None, {}, None),
            _rate("政府采购执行率", Y21, 100, 72.74),
            _qual("管理制度健全性", Y21, actual=True),  # 性标定指 (定性指标) 高 / 高
            _qual("资金使用合规性", Y21, actual=True),  # 好 / 好
            _qual("预决算信息公开性", Y21, actual=True),  # 高 / 高
            _qual("资产管理安全", Y21, actual=True),  # 好 / 好
            _rate("固定资产利用率", Y21, 90, 100),
            ("党性教育培训次数", "次", "flow", "higher", {Y21: ERR}, {Y21: 12}),  # 26次: ≥6次 misread
            ("组织宣传活动次数", "次", "flow", "higher", {Y21: ERR}, {Y21: 43}),  # 到0次
            ("制作宣传品数量", "份", "flow", "higher", {Y21: ERR}, {Y21: 20}),  # 第O份
            ("播发稿件数量", "篇", "flow", "higher", {Y21: ERR}, {Y21: 2859}),  # tot扁 2200篇
            _rate("业务保障能力提升", Y21, 90, 95),
        ],
        "unread": [],
    },
    "xiangyang_zhongxinyiyuan_dongjin_ziping_2021.txt": {
        "kind": "财政项目绩效自评表", "year": None,
        "layout": "text-run (a .docx run into one stream; names holding their values; OCR slips in the headers)",
        "rows": [
            _qual("成本控制", Y21, actual=True),  # 不超过预算 / 不超过预算
            _qual("保证财政建设补助专款专用", Y21, actual=True),  # 专款专用 / 专款专用
            ("每年财政补助1000万元", "万元", "flow", "lower", {Y21: ("<=", 1000)}, {Y21: 1000}),
            ("1年", "年", None, None, {Y21: (None, 1)}, {Y21: 1}),  # 时效: a period, value only
            ("完成东津院区建设,医院东津医疗收入达到5亿元", "亿元", "flow", "higher", {Y21: (">=", 5)}, {Y21: 6.47}),
        ],
        "unread": [],
    },
    "qingshan_tongjiju_pucha_mubiao_2020.txt": {
        "kind": "项目支出绩效目标表（长期与年度两组指标）", "year": None,
        "layout": "text-lines (index lines above; a cell a paragraph; long-term and annual halves side by side; "
                  "cut in the second row's name)",
        "rows": [
            ("经济普查资料开发文章", "篇", "flow", "higher", {Y20: (">=", 6)}, None),
        ],
        "unread": [],
    },
    "xianning_shengtai_daqi_fangzhi_ziping_2021.txt": {
        "kind": "转移支付区域(项目)绩效目标自评表", "year": None,
        "layout": "text-lines (index lines above; a cell a paragraph; the 完成值 cell repeats the name before its number; "
                  "cut inside the reason cell)",
        "rows": [
            ("建设环境空气质量自动监测子站", "个", "flow", "higher", {Y21: (">=", 11)}, {Y21: 0}),
        ],
        "unread": [],
    },
    "xuancheng_gonganju_jindu_ziping_2021.txt": {
        "kind": "项目支出绩效自评表", "year": None,
        "layout": "text-space (index lines above; a row a line, cells one blank apart; 指标1: slots; 一级 labels lost "
                  "to blank lines; cut inside the third row's actual)",
        "rows": [
            ("禁毒舞台剧宣传的场次", "场", "flow", "higher", {Y21: (">=", 1)}, {Y21: 1}),
            ("毛发检查试剂数量", "份", "flow", "higher", {Y21: (">=", 2400)}, {Y21: 3200}),
            _qual("经费支出合规性", Y21, actual=True),  # 严格执行相关财经法规制度 / (cut)
        ],
        "unread": [],
    },
    "yongxing_xumu_dongyi_fangkong_mubiao_2017.txt": {
        "kind": "专项资金绩效目标表", "year": None,
        "layout": "text-lines (a PDF copy: left-hand labels a word a line, then the cells; a name wrapped around its "
                  "value; cut in the second row)",
        "rows": [
            _rate("各种强制免率、屠宰率及检疫率", Y17, 100),
        ],
        "unread": [],
    },
}


def make_expected() -> None:
    """Write the ``*.expected.json`` beside each fixture (the corpus's writer, over this set)."""
    corpus.make_expected(TABLES, HERE)


if __name__ == "__main__":
    make_expected()
