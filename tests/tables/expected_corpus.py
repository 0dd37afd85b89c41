"""Hand-checked readings of the real tables in tests/tables/corpus/ (written by reading each table,
not by running the reader). ``make_expected()`` writes one ``<fixture>.expected.json`` beside each.

Per indicator: name, unit, kind, direction and targets {year: (comparator, value)}; ``Q`` marks a
qualitative target, ``("due", "2024-01")`` a deadline, ``ERR`` a cell nobody can read (OCR slip).
``None`` marks a field only a person who knows the project could fill (not scored); a comparator
of ``None`` means only the value is scored (成本控制率 100%: ≤ or ≥ depends on how the office
defines the rate). ``unread``: texts of rows that must be listed as unreadable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "corpus"
Q = "Q"
ERR = "ERR"

# name, unit, kind, direction, targets, actuals
TABLES: dict[str, dict[str, Any]] = {
    "chizhou_weituo_ziping_2022.tsv": {
        "kind": "项目支出绩效自评表", "layout": "text-tab", "year": None,
        "rows": [
            ("基建工程委托业务项目数量", "个", "flow", "higher", {"2022": (">=", 50)}, {"2022": 50}),
            ("委托业务报告合格率", "%", "rate", "higher", {"2022": (">=", 100)}, {"2022": 100}),
            ("经费支出合规性", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("提交报告及时性", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("项目总成本", "万元", "flow", "lower", {"2022": ("<=", 90)}, {"2022": 90}),
            ("单项业务成本", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("对维护基建市场公平的影响程度", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("对控制基建项目成本影响程度", "", "qualitative", None, {"2022": Q}, {"2022": None}),
            ("对推动基建项目“四项制度”健全和落实的持续性影响", "", "qualitative", None, {"2022": Q}, {"2022": None}),
        ],
        "unread": [],
    },
    "huangshi_pifu_2022.txt": {
        "kind": "项目支出绩效目标批复表", "layout": "text-pipe (compacted, label mid-block)", "year": None,
        "rows": [
            ("主体班培训人次", "人次", "flow", "higher", {"2022": (">=", 280)}, None),
            ("邀请校外名师、领导授课人次", "人次", "flow", "higher", {"2022": (">=", 25)}, None),
            ("情景教学或外训批次", "次", "flow", "higher", {"2022": (">=", 6)}, None),
            ("理论教育和党性教育课时比例", "%", "rate", "higher", {"2022": (">=", 70)}, None),
            ("开设课程数量", None, "flow", "higher", {"2022": (">=", 220)}, None),  # 门 only in the goal text
            ("培训完成率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("邀请校外名师、领导授课完成率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("情景教学或外训完成率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("理论教育和党性教育课时比例完成率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("课程数量达标率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("及时完成率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("成本控制率", "%", "rate", None, {"2022": (None, 100)}, None),
            ("培训学员对培训效果满意度", "%", "rate", "higher", {"2022": (">=", 95)}, None),
        ],
        "unread": [],
    },
    "jiayuguan_bowuguan_2023.tsv": {
        "kind": "省级部门预算项目支出绩效目标表", "layout": "text-tab (OCR)", "year": None,
        "rows": [
            ("免费开放天数", "天", "flow", "higher", {"2023": ("=", 300)}, None),
            ("博物馆绩效考核指标完成率", "%", "rate", "higher", {"2023": ("=", 100)}, None),
            ("各项工作完成及时率%", "%", "rate", "higher", {"2023": ("=", 99)}, None),
            ("资金使用效率", "%", "rate", "higher", {"2023": ERR}, None),
            ("对当地文物保护、文化传承影响", "", "qualitative", None, {"2023": Q}, None),
            ("提升博物馆绿化水平", "", "qualitative", None, {"2023": Q}, None),
            ("为当地提供就业LJUI,冈位", "", "qualitative", None, {"2023": Q}, None),
            ("免费开放接待观众人数", "人次", "flow", "higher", {"2023": ("=", 30000)}, None),
            ("历史文化传承环保意识", "", "qualitative", None, {"2023": Q}, None),
            ("服务对象满意度%", "%", "rate", "higher", {"2023": ("=", 99)}, None),
        ],
        "unread": ["资金使用效率"],
    },
    "langfang_zipingbiao_2019.txt": {
        "kind": "项目支出绩效自评表", "layout": "text-lines (one cell per line, wrapped headers)", "year": None,
        "rows": [
            ("工程资金金额", None, "flow", "higher", {"2019": (">=", 43.2)}, {"2019": 37.24}),
            ("工程完工率", "%", "rate", "higher", {"2019": (">=", 100)}, {"2019": 100}),
            ("工程验收合格率", "%", "rate", "higher", {"2019": (">=", 100)}, {"2019": 100}),
            ("项目完成及时率", "%", "rate", "higher", {"2019": (">=", 100)}, {"2019": 100}),
            ("成本控制率", "%", "rate", None, {"2019": (None, 100)}, {"2019": 100}),
            ("安全率", "%", "rate", "higher", {"2019": (">=", 100)}, {"2019": 100}),
            ("学校发展能力", None, None, "higher", {"2019": (">=", 100)}, {"2019": 100}),
            ("长期使用性", None, None, "higher", {"2019": (">=", 100)}, {"2019": 100}),
            ("学生满意度", "%", "rate", "higher", {"2019": (">=", 100)}, {"2019": 100}),
        ],
        "unread": [],
    },
    "nanyue_fupin_2018.tsv": {
        "kind": "绩效目标申报表（扶贫）", "layout": "text-tab (Excel copy, merged cells blank)", "year": None,
        "rows": [
            ("贫困地区旅游基础设施建设工程", "平方米", "flow", "higher", {"2018": (">=", 20)}, None),
            ("贫困地区旅游景点开发数量", "个", "flow", "higher", {"2018": (">=", 4)}, None),
            ("流转土地", "亩", "flow", "higher", {"2018": (">=", 60)}, None),
            ("贫困地区旅游基础设施建设质量达标率100%", "%", "rate", "higher", {"2018": (">=", 98)}, None),
            ("贫困地区基础设施建设按期完成率", "%", "rate", "higher", {"2018": (">=", 95)}, None),
            ("流转土地补助标准", "元/亩", "level", "lower", {"2018": ("<=", 475)}, None),
            ("景观建设成本", "元/个", "level", "lower", {"2018": ("<=", 2875)}, None),
            ("贫困地区旅游基础设施建设工程建设成本", "元/平方米", "level", "lower", {"2018": ("<=", 3000)}, None),
            ("乡村旅游带动增加贫困村收入", "万元", "flow", "higher", {"2018": (">=", 6)}, None),
            ("乡村旅游带动增加贫困人口收入", "万元", "flow", "higher", {"2018": (">=", 2.61)}, None),
            ("贫困地区乡村旅游开发景点接待游客数量", "人", "flow", "higher", {"2018": (">=", 60000)}, None),
            ("受益建档立卡贫困人口数", "人", "flow", "higher", {"2018": (">=", 29)}, None),
            ("旅游行业经营主体满意度", "%", "rate", "higher", {"2018": (">=", 90)}, None),
            ("参与旅游扶贫项目贫困群众满意度", "%", "rate", "higher", {"2018": (">=", 90)}, None),
            ("旅游区居民满意度", "%", "rate", "higher", {"2018": (">=", 90)}, None),
            ("游客满意度", "%", "rate", "higher", {"2018": (">=", 90)}, None),
        ],
        "unread": [],
    },
    "ningde_rencaiyizhan_2023.tsv": {
        "kind": "项目年度绩效目标（自评）", "layout": "text-tab (no level header, no year)", "year": 2023,
        "rows": [
            ("当年获得宁德市级以上确认的人才驿站数量", "个", "flow", "higher", {"2023": (">=", 2)}, {"2023": 0}),
            ("当年人才驿站组织活动数量", "次", "flow", "higher", {"2023": (">=", 28)}, {"2023": 40}),
            ("每年人才驿站服务人次", "人", "flow", "higher", {"2023": (">=", 500)}, {"2023": 1700}),
            ("各类人才对我市人才政策的知晓率", "%", "rate", "higher", {"2023": (">=", 95)}, {"2023": 98}),
            ("人才驿站补助资金到位率", "%", "rate", "higher", {"2023": (">=", 100)}, {"2023": 100}),
        ],
        "unread": [],
    },
    "ningjin_zhuxuejin_2019.tsv": {
        "kind": "项目绩效评价指标表", "layout": "text-tab (评价内容 column, 指标说明, 分值)", "year": None,
        "rows": [
            ("享受资助人数", "人", "flow", "higher", {"2019": (">=", 2100)}, None),
            ("资金支出率", "%", "rate", "higher", {"2019": (">=", 95)}, None),
            ("建档立卡学生全面覆盖", "%", "rate", "higher", {"2019": (">=", 100)}, None),
            ("资助对象满意度", "%", "rate", "higher", {"2019": (">=", 95)}, None),
            ("及时发放率", "%", "rate", "higher", {"2019": (">=", 100)}, None),
            ("资助标准达标率", "%", "rate", "higher", {"2019": (">=", 100)}, None),
        ],
        "unread": ["规章制度建立与否"],
    },
    "qingjian_guoyuanlu_2021.txt": {
        "kind": "绩效目标申报表（扶贫）", "layout": "text-lines (cell per line ending in |)", "year": None,
        "rows": [
            ("寨山石坪村新建水泥路1条", "km", "flow", "higher", {"2021": (">=", 2)}, None),
            ("呼家河至鲍家沟新建水泥路1条", "km", "flow", "higher", {"2021": (">=", 2)}, None),
            ("项目(工程)验收合格率", "%", "rate", "higher", {"2021": (">=", 100)}, None),
            ("项目(工程)完成及时率", "%", "rate", "higher", {"2021": (">=", 100)}, None),
            ("硬化水泥砼公路补助标准", "万元", "level", "lower", {"2021": ("<=", 120)}, None),
        ],
        "unread": [],
    },
    "qingshan_jiaoyu_2020.txt": {
        "kind": "绩效目标表（转移支付）", "layout": "text-lines (one cell per line)", "year": None,
        "rows": [
            ("农村义务教育学校改造覆盖率", "%", "rate", "higher", {"2020": (">=", 100)}, None),
            ("校舍维修改造质量合格率", "%", "rate", "higher", {"2020": (">=", 100)}, None),
            ("购置设施设备质量合格率", "%", "rate", "higher", {"2020": (">=", 100)}, None),
            ("预算资金当年下达率", "%", "rate", "higher", {"2020": (">=", 100)}, None),
            ("项目按计划完成率", "%", "rate", "higher", {"2020": (">=", 100)}, None),
            ("建设项目成本控制率", "%", "rate", None, {"2020": (None, 100)}, None),
            ("义务教育优质均衡发展情况", "", "qualitative", None, {"2020": Q}, None),
            ("学生家长满意度", "%", "rate", "higher", {"2020": (">=", 90)}, None),
            ("学校满意度", "%", "rate", "higher", {"2020": (">=", 90)}, None),
        ],
        "unread": [],
    },
    "xiangtan_wupaoche_2023.txt": {
        "kind": "项目支出绩效目标申报表", "layout": "text-lines (cell per line ending in |, 绩效标准 column)", "year": None,
        "rows": [
            ("雾炮车降尘抑尘服务配备车辆数", "辆", "level", "higher", {"2023": (">=", 10)}, None),
            ("雾炮车风炮射程", "M", "level", "higher", {"2023": (">=", 80)}, None),
            ("服务周期内空气质量", "", "qualitative", None, {"2023": Q}, None),
            ("服务周期", "", "milestone", None, {"2023": ("due", "2024-01")}, None),
            ("控制在预算成本内", "万元", "flow", "lower", {"2023": ("<=", 250)}, None),
            ("服务周期内,市民对空气质量改善的满意程度", "%", "rate", "higher", {"2023": (">=", 85)}, None),
            ("市民满意度", "%", "rate", "higher", {"2023": (">=", 90)}, None),
        ],
        "unread": [],
    },
    "yueyang_xian_nongtian_2022.txt": {
        "kind": "绩效目标申报表（衔接资金）", "layout": "text-lines (blank lines, wrapped level labels)", "year": None,
        "rows": [
            ("脱贫村村内道路硬化里程", "公里", "flow", "higher", {"2022": (">=", 100)}, None),
            ("脱贫户供水设施数量", "座", "flow", "higher", {"2022": (">=", 20)}, None),
            ("项目(工程)验收合格率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("项目(工程)完成及时率", "%", "rate", "higher", {"2022": (">=", 100)}, None),
            ("财政资金补助", "元/亩", "level", "lower", {"2022": ("<=", 1600)}, None),
            ("年增粮食", "公斤", "flow", "higher", {"2022": (">=", 3500)}, None),
            ("受益脱贫(监测)人口数", "人", "flow", "higher", {"2022": (">=", 500)}, None),
            ("解决脱贫(监测)饮水安全问题人数", "人", "flow", "higher", {"2022": (">=", 1000)}, None),
            ("新增和改善灌溉达标面积", "亩", "flow", "higher", {"2022": (">=", 500)}, None),
            ("新增和改善排水达标面积", "亩", "flow", "higher", {"2022": (">=", 200)}, None),
            ("工程设计使用年限", "年", "level", "higher", {"2022": (">=", 20)}, None),
            ("受益脱贫(监测)户满意度", "%", "rate", "higher", {"2022": (">=", 95)}, None),
        ],
        "unread": [],
    },
    "yueyanglou_jiage_2023.txt": {
        "kind": "部门整体绩效目标表", "layout": "text-pipe (compacted, merged cells left out)", "year": None,
        "rows": [
            ("业务工作支出安排金额", "万元", "flow", "higher", {"2023": (">=", 28.8)}, None),
            ("业务工作支出到位率", "%", "rate", "higher", {"2023": (">=", 100)}, None),
            ("工作安排时间", "", "qualitative", None, {"2023": Q}, None),
            ("社会成本指标", "%", "rate", None, {"2023": (None, 100)}, None),
            ("保证单位正常运转", "", "qualitative", None, {"2023": Q}, None),
        ],
        "unread": ["未达指标值酌情扣分"],
    },
}


def _target(t: Any) -> dict[str, Any]:
    if t == Q:
        return {"qualitative": True}
    if t == ERR:
        return {"unreadable": True}
    if t[0] == "due":
        return {"due": t[1]}
    out: dict[str, Any] = {"value": float(t[1])}
    if t[0] is not None:
        out["comparator"] = t[0]
    return out


def expected(name: str, tables: dict[str, dict[str, Any]] | None = None, here: Path = HERE) -> dict[str, Any]:
    """The expected reading of fixture ``name`` of ``tables`` (default: this corpus) in folder ``here``."""
    spec = (TABLES if tables is None else tables)[name]
    source = next(ln[len("# source: "):].split()[0] for ln in (here / name).read_text(encoding="utf-8").splitlines()
                  if ln.startswith("# source: "))
    inds = []
    for n, unit, kind, direction, targets, actuals in spec["rows"]:
        ind: dict[str, Any] = {"name": n, "unit": unit, "kind": kind, "direction": direction,
                               "targets": {y: _target(t) for y, t in targets.items()}}
        if actuals is not None:
            ind["actuals"] = actuals
        inds.append(ind)
    return {"file": name, "source": source, "table": spec["kind"], "layout": spec["layout"],
            "args": {"year": spec["year"]} if spec["year"] else {}, "indicators": inds, "unread": spec["unread"]}


def make_expected(tables: dict[str, dict[str, Any]] | None = None, here: Path = HERE) -> None:
    """Write ``<fixture>.expected.json`` beside every fixture of ``tables`` (default: this corpus)."""
    for name in (TABLES if tables is None else tables):
        (here / (name.rsplit(".", 1)[0] + ".expected.json")).write_text(
            json.dumps(expected(name, tables, here), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    make_expected()
