"""The names one target in a sentence is written for: several measures sharing it (``早孕建册率和
产后访视率分别达到…``), a measure shared by several groups (``传染病、突发公共卫生事件报告率分别…``),
by the groups listed in a bracket (``目标人群(辖区内65岁及以上居民和0-36个月儿童)中医药健康管理率
分别…``), or by the people the part of the sentence before it names (``高血压、2型糖尿病患者管理人数
稳步提高,规范管理率分别达到60%以上`` → 高血压患者规范管理率, 2型糖尿病患者规范管理率): the wording
of the yearly 基本公共卫生服务 targets and of other notices that set targets in sentences.
"""

from __future__ import annotations

import re

from analytics.ingest.tables.cells import ends_like_name

__all__ = ["SHARED", "shared_names"]

#: one target for several names: …分别达到, …均为
SHARED = re.compile(r"(分别|均|都)(?:为|是|达到?)?$")
_MEASURE_TAIL = 3  # characters of a measure shared with 分别 (传染病、突发公共卫生事件报告率 → 传染病报告率)
_SHORT_MEASURE = 8  # characters of a measure that names no one (规范管理率): whose, the part before says
#: the people a part of a sentence is about, before what it says of them: 高血压、2型糖尿病患者管理人数稳步提高
_PEOPLE = re.compile(r"^(?:以[^,，]{1,6}为单位)?(?P<who>[^,，:：()（）]{2,30}?(?P<noun>患者|人群|儿童|老年人|孕产妇|居民|学生|人员|家庭))"
                     r"(?:健康)?(?:管理|服务|登记|签约)?(?:人数|数量|人次|工作)?[^\d]{0,8}$")
#: groups listed in a bracket before the measure they share: 目标人群(辖区内A和B)中医药健康管理率
_LISTED = re.compile(r"^[^()（）]*[(（](?:辖区内|其中|包括|即)?(?P<items>[^()（）]+?)[)）](?P<measure>[^()（）]{2,20})$")


def _split(text: str, also_and: bool) -> list[str]:
    """``text`` cut at 、 and 和 (and 及 with ``also_and``) outside brackets."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "(（"
        depth -= ch in ")）"
        if depth == 0 and (ch in "、和" or (also_and and ch == "及")):
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return parts + [cur]


def _by_people(measure: str, before: str) -> list[str] | None:
    """Each group of people ``before`` names, with ``measure`` (see the module's help), or ``None``."""
    m = _PEOPLE.match(before)
    if not m or len(measure) > _SHORT_MEASURE or not ends_like_name(measure):
        return None
    noun = m.group("noun")
    who = [w for w in _split(m.group("who"), False) if w]
    return [(w if w.endswith(noun) else w + noun) + measure for w in who]


def shared_names(name: str, before: str = "") -> list[str]:
    """The names ``name`` (a row's name as written, 分别 and all) stands for; ``before``: the part
    of the sentence before it, when the name is a measure alone (规范管理率分别). A name whose
    parts do not each name a measure (``高血压、2型糖尿病患者管理人数``) stays whole; nothing inside
    brackets is split, unless the bracket lists the groups the measure after it is for."""
    shared = SHARED.search(name)
    base = SHARED.sub("", name).strip() or name
    people = _by_people(base, before) if before else None
    if people:
        return people
    listed = _LISTED.match(base) if shared else None
    if listed and ends_like_name(listed.group("measure")):
        items = [i for i in _split(listed.group("items"), False) if len(i) >= 2]  # 65岁及以上居民: one group
        if len(items) >= 2:
            return [i + listed.group("measure") for i in items]
    parts = _split(base, bool(shared))
    if len(parts) < 2 or any(len(p) < 2 for p in parts):
        return [base]
    if all(ends_like_name(p) for p in parts):
        return parts
    if shared and ends_like_name(parts[-1]) and len(parts[-1]) > _MEASURE_TAIL and \
            not any(ends_like_name(p) for p in parts[:-1]):
        tail = parts[-1][-_MEASURE_TAIL:]
        return [p + tail for p in parts[:-1]] + [parts[-1]]
    if shared and ends_like_name(parts[-1]):  # …人畜分离、卫生厕所等…的比例、改造后入住率均: a 、 inside a name
        merged: list[str] = []
        for p in parts:
            if merged and not ends_like_name(merged[-1]):
                merged[-1] += "、" + p
            else:
                merged.append(p)
        if sum(ends_like_name(p) for p in merged[:-1]) >= 2:  # three measures or more: a list, not one name cut
            return merged
    return [base]
