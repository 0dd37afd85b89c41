"""Targets published as prose instead of a table (a notice that sets a project's targets:
``数量指标:黄金蜜(葡萄)种植数量(≥**株)>=17600株;种植作物成活率(≥**%)>=85;时效指标:…``):
each clause with a comparator and a number becomes a row of a small grid (一级指标 | 二级指标 |
三级指标 | 指标值, the value written with its unit) that the table reader then reads like any other table. Level words
before a colon or comma (``效益指标:经济效益指标:``) set the levels of the clauses after them;
clauses without a number of their own (``生态修复功能提高``) are not indicators. A numbered list of
indicators (``6.高血压患者管理人数142万人``, ``9.…管理率≥95%(2022:90%)``: three or more lines numbered
1, 2, 3 … in turn) is read item by item: the number taken off, a note in brackets after the target
no part of it (``(新增)`` left out; last year's value ``(2022年:61%)`` the baseline, in a column of its
own, and never the year the targets are for), a bare number with its unit a target, and an item in words
(``23.城乡居民公共卫生差距不断缩小``) a qualitative target named by its words. Used only when no
table header was found in a text.
"""

from __future__ import annotations

import re
from collections import Counter

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import BOUND_STATED, COMPARATOR_WORDS, REACH_WORDS, ends_like_name, is_qualitative_text
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.shared import shared_names
from analytics.ingest.tables.sources import RawTable

__all__ = ["prose_rows", "prose_year"]

HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]
ACTUAL_HEADER = "实际完成值"
COMPARED_HEADER = "{year}年实际值"  # last year's value noted after a target: an actual before the target year, the baseline

_CLAUSE_SPLIT = re.compile(r"[;；。\n]")
_PART_SPLIT = re.compile(r"[,，]")
_LABEL = re.compile(r"^\s*([^:：,，]{2,14}?(指标|目标|效益))\s*[:：\-—－]\s*")  # 数量指标:… or 数量指标-…
#: a template's placeholder ``(≥**株)`` (its unit kept) before the value
_PLACEHOLDER = re.compile(r"[(（]\s*[≥≤<>=]*\s*\*+\s*(?P<unit>[^()（）\s]{0,6})\s*[)）]")
_CMP_WORDS = (">=", "<=", "≥", "≤", "≧", "≦", "＞", "＜", "=", *(w for w in COMPARATOR_WORDS if not w.endswith(("以上", "以下", "以内"))),
              *REACH_WORDS, "达", "至少达到", "最少达到", "至少为")
_VALUE = re.compile("(?P<cmp>" + "|".join(map(re.escape, sorted(_CMP_WORDS, key=len, reverse=True))) + r")(?:\s*(?P=cmp))?\s*"
                    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|％|[^\d\s,，;；。(（)）]{0,4}(?:[(（][^\d\s()（）]{1,2}[)）])?)\s*$")
#: a number that ends a clause under a level (数量指标:资助建档立卡贫困子女1966人, 资助标准100%达标)
#: a unit per one thing and a time (元/生.年, 元/人·月), longer than the four characters a unit is read to
_PER_UNIT = r"[^\W\d_]{1,2}/[^\W\d_]{1,2}[.．·/][^\W\d_]"
_BARE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|％|" + _PER_UNIT + r"|"
                   r"[^\d\s,，;；。:：(（)）]{0,4}?)\s*"
                   r"(?P<tail>及以上|以上|及以下|以下|以内)?(?:达标)?\s*$")
_MAX_CLAUSES = 400
#: the numbering before a heading: 三、 / (二) / 2.
_HEADING_NO = r"(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])"
#: a heading over the results (三、完成情况, (二)项目实施情况): a measure named again below it gives its result
_DONE_HEADING = re.compile(r"^\s*" + _HEADING_NO + r"?\s*[^\d,，。;；:：]{0,10}(?:完成|实施|执行)(?:情况|结果)\s*[:：。]?\s*$")
#: a rate and its share, or a growth and its size, in a sentence with no verb between (水质达标率100%, 收入增长8.1%)
_RATE_SAID = re.compile(r"^\S{2,40}?(?:率(?:为|是)?|增长|增速|下降)\d+(?:\.\d+)?[%％](?:以上)?$")
#: the target set for a row whose result was just written: 完成市目标任务数2000人的120%, 控制在4.5%以内
_TASK_SET = re.compile(r"^(?:完成\S{0,6}?(?:目标)?任务(?:数|人数)?(?P<t>\d+(?:\.\d+)?\s*[^\d\s的]{0,3})的\d+(?:\.\d+)?[%％]|"
                       r"(?P<cap>控制在)(?P<t2>\d+(?:\.\d+)?\s*(?:%|％|[^\d\s]{0,3}?))(?:以内|以下))$")
_TARGET_SAID = re.compile(r"(?:绩效|年度|计划)目标(?:值|数|任务)?(?:为|是)?\s*(?=\d+(?:\.\d+)?(?![\d.])(?!\s*[个项条]))")
_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}(?:是|[,，、:：])?)\s*")
#: two measures with their figures listed with 、 (油茶示范项目0.3万亩、油茶低效林改造0.36万亩): two parts
_LISTED = re.compile(r"(\d(?:\.\d+)?(?:[%％‰]|[^\W\d_]{1,3}))、(?=[^\W\d_]{2,20}?\d)")
_DEEDS = "建设|新建|建成|培育|打造|创建|举办|开展|组织|召开|实施|改造|新增|扶持|评选|选树|表彰|慰问|帮扶|资助|救助|建立|设立|成立|编印|制作|发放"
#: a deed, how many, a measure word and what is made (建设2个省级森林乡村, 举办3场招聘会): a count as its target
_COUNTED_OBJECT = re.compile(r"^(?P<verb>[^\d\s,，:：]{0,6}?(?:" + _DEEDS + r"))(?P<num>\d+(?:\.\d+)?)"
                             r"(?P<unit>个|处|场|次|期|批|项|家|所|座|条|套|台|名|户|本|册|部)(?P<obj>[^\W\d_]{2,16})$")
_LABEL_CELLS = re.compile(r"^\s*(?:[^\s\d,，:：]{2,10}指标\s+)+(?=\S)")  # cells of a row's labels before its clause
_BRACKETED = re.compile(r"[(（]\s*(?P<v>(?:≥|≤|>=|<=|≧|≦)\s*\d+(?:\.\d+)?\s*(?:%|％)?)\s*[)）]\s*$")
#: a heading or label naming the targets (三、项目建设目标 / …康复项目目标:): the figures after it are targets
_GOAL_HEADING = re.compile(r"^\s*" + _HEADING_NO + r"\s*[^\d,，。;；:：]{0,12}目标\s*[:：。]?\s*$")
_GOAL_LABEL = re.compile(r"^\s*(?P<lab>[^:：,，。]{0,30}目标(?:任务)?)\s*(?:[:：]|(?:主要|具体|分别)?(?:为|是|包括)(?!否))\s*")
#: the actuals listed after the targets, under the same names: …实际完成:资助…230人,辅具适配230人
_DONE_LIST = re.compile(r"(?<=\S)(?=(?:实际完成|完成情况)\s*[:：])")
_DONE_LABEL = re.compile(r"^\s*(?:实际完成|完成情况)\s*[:：]\s*")
_GLUED_LABEL = re.compile(r"^\s*(?P<w>[^\d\s:：,，]{2,8}?指标)(?=[^\d\s:：,，]{4})")  # a level's label run into the name
#: a value said with 为 run on into the next words (…发放指标为100%实际完成值为100%义务兵…): a clause ends there
_RUN_ON = re.compile(r"(?:为|是|率)\s*\d+(?:\.\d+)?\s*[%％](?=[\u4e00-\u9fff])(?!以|及|左右|的|之|和|或|[(（])")
#: the sentence's own words around a name: 要求…个数≥300个, …比例年初指标值为不低于85%
_NAME_LEAD = re.compile(r"^(要求|确保|力争|争取|其中|该项目|已|完成(?!率|时限|时间|及时|情况|进度|数|值|任务)|全(?:省|市|县|区|镇|乡)|[我本](?:校|院|县|市|区|镇|乡|局|单位)|"
                        r"(?:[^\d\s,，。]{1,8}?(?:省|市|县|区|镇|乡|街道))?(?:19|20)\d{2}年度?)(?=\S{2})")
_NAME_LABEL = re.compile(r"(?<=\S{2})(?:(?:年初|年度|全年|计划|绩效)(?:指标值|目标值|目标|任务数?)(?:为|是|:|：)?|"
                         r"(?:指标值|目标值)(?:为|是|:|：)?|指标(?:为|是|:|：)|(?<=\S{3})(?<!行)为|(?<=\S{3})(?:大约|约|共计|共))$")
#: a deed done so many times in a sentence of targets: 检查旅游企业370家次, 开展旅游市场暗访检查55批次
_TIMES_DEEDS = _DEEDS + "|检查|抽查|排查|巡查|走访|督查|督导|指导|培训|宣传|接待"
_DEED_TIMES = re.compile(rf"^(?:[^\d,，:：]{{0,12}}?等)?(?:{_TIMES_DEEDS})[^\d,，:：;；]{{2,20}}?\d+(?:家次|个次|批次|人次|场次|次|批)$")
_HOW_FIRST = re.compile(rf"^[^\d,，:：]{{1,12}}?等(?=(?:{_TIMES_DEEDS}))")
#: a result report's labelled line that counts what was done, no target set: 名称:一个季度开展…一次,共4次
_COUNT_DONE = re.compile(r"^(?P<name>[^\d:：,，。;；]{2,20})[:：][^:：]*?[,，](?:全年)?共计?(?P<n>\d+(?:\.\d+)?)(?P<unit>[^\W\d_]{1,3})$")
_SAID_AGAIN = re.compile(r"^(?P<l>[^:：]{2,20})\s*[:：]\s*(?P=l)$")  # a name before its colon, said again after it
_ITEM = re.compile(r"^\s*[(（]?(?P<n>\d{1,2})\s*[.．、)）]\s*")  # 6. / 6、 / (6) before a list item
#: a note after an item's target: (新增), (2022:90%), (2022年:61%) – last year's value, read as the baseline
_NOTE_TAIL = re.compile(r"\s*[(（](?:新增|调整|(?P<year>(?:19|20)\d{2})年?\s*[:：]\s*(?P<was>[^()（）]{0,12}?))\s*[)）]\s*$")
_MIN_ITEMS = 3  # lines numbered 1, 2, 3 … in turn that make a list
#: an item's number inside a paragraph (…全面完成。2、以乡镇为单位…): at the start or after a stop
_INLINE_ITEM = re.compile(r"(?:^|(?<=[。；;:：\s]))[(（]?(?P<n>\d{1,2})[、．)）](?!\d)")
#: a measure named with a worded aim, inside a list item: 进一步提高档案使用率, 管理人数稳步提高
_AIM = r"(?:进一步|不断|持续|逐步|逐年|稳步|明显|显著|有所)?(?:提高|提升|增加|增长|降低|减少|下降|改善|增强|扩大|缩小)"
_AIM_BEFORE = re.compile(rf"^{_AIM}(?P<name>\S{{2,30}})$")
_AIM_AFTER = re.compile(rf"^(?P<name>\S{{2,30}}?){_AIM}$")
_ADVERB = re.compile(r"^(进一步|不断|持续|逐步|逐年|稳步|明显|显著|有所)")  # an aim said with how it goes: a target
#: a measure named by the way its name ends, then its aim: 基本公共文化服务水平稳步提升, 参与率逐年提升
_AIMED_AFTER = re.compile(rf"^(?P<name>[^\d:：,，]{{4,30}}?(率|水平|指数|程度|效能|满意度|覆盖面|氛围)){_AIM}$")
#: names sharing one target: 早孕建册率和产后访视率分别达到…, 3岁以下儿童系统管理率、0-6岁儿童健康管理率保持在…
_LONGEST_WORDED_ITEM = 40
_SAID_MIN, _LONGEST_SAID = 6, 80  # characters of a level's aim in words read as one row
_MAX_CHARS = 200_000  # a notice is a few pages; the rest of a huge text is not read as sentences
#: an actual written after its row's target in the same sentence: 当年实际完成9人, 实际完成值为100%, 实际布防6架
_ACTUAL = re.compile(r"^(?:当年|全年|本年|年度|年末)?(?:实际[^\d\s,，;；。≥≤≧≦<>=]{0,8}?|(?:实际)?完成(?:值|数|情况)?)"
                     r"(?:为|是|:|：)?\s*"
                     r"(?P<v>[≥≤≧≦<>=]?\s*\d+(?:\.\d+)?\s*(?:%|％|" + _PER_UNIT + r"|"
                     r"[^\d\s,，;；。]{0,4}))\s*$")
#: the share of a row's target done, written after it (…数量4次,指标完成率100%): no indicator of its own
_DONE_SHARE = re.compile(r"^(?:该)?指标(?:完成|达成|实现)率(?:为|是|:|：)?\s*\d+(?:\.\d+)?\s*[%％]$")
#: a name ending in 完成 before a bare number (慰问对象满意度完成90%): in a text that writes actuals, the result
_DONE_ONLY = re.compile(r"^(?P<name>\S{2,40}?)(?:当年|全年)?(?:实际)?完成$")
#: a numbered line (1、… / (1)… / 一、…): its style and number
_NUMBERED = re.compile(r"^\s*(?P<open>[(（]?)(?P<n>\d{1,2}|[一二三四五六七八九十])(?P<close>[、.．)）])")


def _joined(row: list[str], lex: Lexicon) -> str:
    """A row's cells as one line: a level word in a cell of its own and the cell before it are
    labels of what follows (年度绩效总目标 | 产出指标 | 开展…8次;… → 年度绩效总目标:产出指标:开展…8次;…)."""
    cells = [c.strip() for c in row if c.strip()]
    out = ""
    for k, c in enumerate(cells):
        sep = ":" if k + 1 < len(cells) and (_level(c, lex) or _level(cells[k + 1], lex)) else " "
        out += c + (sep if k + 1 < len(cells) else "")
    return out


def _level(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """A level word, also when written with 目标 for 指标 (社会效益目标) or with a numbering."""
    t = re.sub(r"^(?:[一二三四五六七八九十\d]+\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）])\s*", "", normalize_text(text))
    t = re.sub(r"(?<=指标)(完成|实现|达成)?情况$", "", t)  # 2.效益指标完成情况: a report's heading for the level
    return lex.level_word(t) or lex.level_word(re.sub("目标$", "指标", t))


def _glued_levels(text: str, lex: Lexicon) -> list[tuple[str, str]] | None:
    """The two levels of a label that runs a first level and a second together (产出指标数量指标),
    else ``None``."""
    t = normalize_text(text)
    for k in (m.end() for m in re.finditer("指标", t)):
        first, second = _level(t[:k], lex), _level(t[k:], lex)
        if first and second and first[0] == "level1" and second[0] == "level2":
            return [first, second]
    return None


def prose_rows(table: RawTable, lex: Lexicon, single: bool = False) -> tuple[RawTable, list[dict[str, str]]] | None:
    """The grid of the clauses of ``table``'s text (see the module's help) and the clauses under a
    level that hold no target (listed as skipped), or ``None`` when fewer than two clauses hold a
    target (with ``single``, one is enough when a level label sets it and a comparator word states it:
    数量指标:…大于等于10157.6平方米 — a last resort, after every other way)."""
    lines, line_refs = _inline_items([_joined(row, lex) for row in table.rows], table.refs)
    items = _list_items(lines)
    lines = [_ITEM.sub("", ln, count=1) if k in items else ln for k, ln in enumerate(lines)]
    text = _RUN_ON.sub(r"\g<0>，", "\n".join(lines)[:_MAX_CHARS])
    rows: list[list[str]] = [list(HEADER)]
    refs: list[str] = ["L0"]
    levels = {"level1": "", "level2": ""}
    skipped: list[dict[str, str]] = []
    line_of = _line_starts(lines, line_refs)
    item_at = {start for k, (start, _) in enumerate(line_of) if k in items}
    item_spans = [(start, start + len(lines[k])) for k, (start, _) in enumerate(line_of) if k in items]
    worded: list[int] = []  # rows of items in words, kept only in a list that also sets numbers
    actuals: dict[int, str] = {}  # row -> the actual written after its target (…=9人,当年实际完成9人)
    compared: dict[int, tuple[int, str]] = {}  # row -> (year, value) of last year noted after it: ≥62%(2022年:61%)
    heading_at = {line_of[k][0] for k in _headings(lines, lex)}  # where the list's next items start
    goal_spans = _goal_spans(lines, line_of)
    done_from = next((line_of[k][0] for k, ln in enumerate(lines) if _DONE_HEADING.match(ln)), 1 << 30)
    done_row = 0
    valued = 0
    pos = 0
    for n, clause in enumerate(_CLAUSE_SPLIT.split(text)):
        start, pos = pos, pos + len(clause) + 1
        if n >= _MAX_CLAUSES:
            break
        if start in heading_at:  # 2、…运营补助45万元: the next item of the list the targets sit in
            levels = {"level1": "", "level2": ""}
        parts = _PART_SPLIT.split(_LISTED.sub(r"\1,", _DONE_LIST.sub(",", clause)))
        done_row = len(rows) if start < done_from else done_row  # the rows set before the results
        before = len(rows)  # rows of this clause so far: an actual after them is theirs
        goal = any(a <= start < b for a, b in goal_spans)
        done_list = False
        counted = _COUNT_DONE.match(normalize_text(clause).strip())
        if counted and not _level(counted.group("name"), lex):  # 开展工作督导:一个季度开展…一次,共4次: done, no target
            rows.append([levels["level1"], levels["level2"], counted.group("name"), ""])
            actuals[len(rows) - 1] = counted.group("n") + counted.group("unit")
            refs.append(_ref(line_of, start))
            continue
        worded_pair = _worded_pair(parts, levels, lex)
        if worded_pair is not None:  # 完成时限,2025年10月底前 / 学员种植技术水平,提高: a name, its target in words
            rows.append(worded_pair)
            refs.append(_ref(line_of, start))
            continue
        said = _said_under_label(clause, levels, lex)
        if said is not None:  # 时效指标:按时完成教学任务,顺利完成中考: the level's aim in words, one row
            rows.append(said)
            refs.append(_ref(line_of, start))
            continue
        for at, part in enumerate(parts):
            body = part
            if _DONE_LABEL.match(body) and len(rows) > before:
                done_list, body = True, _DONE_LABEL.sub("", body)
            if done_list:  # 资助精神病患者服药230人 after 实际完成: the actual of the row of that name
                listed = _clause_row(body, levels, bare=True)
                k = next((k for k in range(len(rows) - 1, before - 1, -1) if listed and rows[k][2] == listed[2]), None)
                if k is not None:
                    actuals[k] = listed[3]  # type: ignore[index]
                continue
            label = _GOAL_LABEL.match(body)
            if label and not _level(label.group("lab"), lex):
                goal, body = True, body[label.end():]  # …康复项目目标:资助精神病患者服药230人
            done = _ACTUAL.match(normalize_text(part).strip())
            if done and len(rows) > before:  # 当年实际完成9人 after the target: the row's actual
                for k in range(before, len(rows)):
                    actuals[k] = done.group("v")
                continue
            task = _TASK_SET.match(normalize_text(part).strip())
            if task and len(rows) > before and len(rows[-1]) == 4 and re.search(r"\d", rows[-1][3]):
                k = len(rows) - 1  # 培训2399人,完成市目标任务数2000人的120%: 2399 was done, 2000 was set
                actuals[k] = rows[k][3]
                rows[k] = rows[k][:3] + ["≤" + task.group("t2") if task.group("cap") else task.group("t")]
                continue
            if _DONE_SHARE.match(normalize_text(part).strip()):
                continue  # 指标完成率100% after a row: how much of it was done, a note on that row
            body = _ORDINAL.sub("", body)  # 一是数量指标:… / 第一,…: the report's counting, no part of a label
            while True:  # 效益指标:经济效益指标: … – each label sets its level
                m = _LABEL.match(body)
                word = _level(m.group(1), lex) if m else None
                pair = _glued_levels(m.group(1), lex) if m else None
                if pair:  # 1、产出指标数量指标: both levels run together
                    for w in pair:
                        _set(levels, w)
                    body = body[m.end():]
                    continue
                if m and not word:  # 阶段性目标:数量指标-…: a heading's label before the level's
                    inner = _LABEL.match(body[m.end():])
                    if inner and _level(inner.group(1), lex):
                        body = body[m.end():]
                        continue
                if not m or not word:
                    break
                _set(levels, word)
                body = body[m.end():]
            glued = _GLUED_LABEL.match(body)
            if glued and _level(glued.group("w"), lex):  # 成本指标国家规定标准发放…: the label, no colon after it
                _set(levels, _level(glued.group("w"), lex))
                body = body[glued.end():]
            word = _level(body, lex)
            if word:  # 服务对象满意度指标, … – a level word alone before a comma
                _set(levels, word)
                continue
            item = start in item_at and body is part
            note = _NOTE_TAIL.search(body) if item else None
            if note:
                body = body[:note.start()]
            row = _clause_row(body, levels, bare=item or goal or bool(levels["level1"] or levels["level2"]))
            figured = row is not None  # a target in figures, not in words
            words = normalize_text(body)
            if row is None and item and part == clause and len(words) <= _LONGEST_WORDED_ITEM \
                    and not re.search(r"\d", words) and is_qualitative_text(words, lex):
                row = [levels["level1"], levels["level2"], words, words]  # 居民健康素养水平不断提高
                worded.append(len(rows))
            elif row is None and not re.search(r"\d\s*[%％]", words) and any(a <= start < b for a, b in item_spans) \
                    and not (_aimed(words) and (levels["level1"] or levels["level2"])):  # under a level: stated
                named = _aimed_measure(words)  # 进一步提高档案使用率: the measure, its target in words
                if named:
                    row = [levels["level1"], levels["level2"], named, words]
                    worded.append(len(rows))
            if row is None and (body is not part or _aimed(words)) and (levels["level1"] or levels["level2"]):
                stated = _stated_rows(words, lex)  # 质量指标-修复后的地质环境稳定程度提升: no number
                for name, target in stated:
                    rows.append([levels["level1"], levels["level2"], name, target])
                    refs.append(_ref(line_of, start))
                if stated:
                    continue  # read: not listed as skipped
            if figured and item:
                valued += 1
            if row:
                for name in shared_names(row[2], normalize_text(parts[at - 1]) if at else ""):
                    k = next((k for k in range(1, done_row) if rows[k][2] == name), None) if start >= done_from else None
                    if k is not None and k not in actuals:
                        actuals[k] = row[3]  # 婚检率为94.99% under 三、完成情况: the result of the target set above
                        continue
                    rows.append(row[:2] + [name] + row[3:])
                    refs.append(_ref(line_of, start))
                    if note and note.group("year") and figured:
                        compared[len(rows) - 1] = (int(note.group("year")), note.group("was"))
            elif body.strip() and body is not part and levels["level1"]:
                skipped.append({"where": _ref(line_of, start), "text": body.strip()[:200], "reason": "prose"})
    if valued < 2 and worded:  # a numbered list of duties, no list of targets
        drop = set(worded)
        actuals = {k - sum(1 for d in drop if d < k): v for k, v in actuals.items() if k not in drop}
        compared = {k - sum(1 for d in drop if d < k): v for k, v in compared.items() if k not in drop}
        rows = [r for k, r in enumerate(rows) if k not in drop]
        refs = [r for k, r in enumerate(refs) if k not in drop]
    if len(rows) < 3 and not (single and len(rows) == 2 and (rows[1][0] or rows[1][1]) and _VALUE.search(rows[1][3])):
        return None  # one clause only when a level label sets it and a comparator word states its target
    refs[0] = refs[1]  # the grid's header stands where the first target is written
    for k, r in enumerate(rows[1:], start=1):
        done = _DONE_ONLY.match(r[2]) if actuals and k not in actuals else None
        if done and not _VALUE.search(r[3]):  # 慰问对象满意度完成90% beside actuals: a result, no target
            rows[k] = r[:2] + [done.group("name"), ""]
            actuals[k] = r[3]
    if actuals:  # a self-evaluation's actuals written after the targets: a column of their own
        rows = [r + ([ACTUAL_HEADER] if k == 0 else [actuals.get(k, "")]) for k, r in enumerate(rows)]
    if len({y for y, _ in compared.values()}) == 1:  # last year's values, one year named: a baseline column
        year = next(iter(compared.values()))[0]
        rows = [r + ([COMPARED_HEADER.format(year=year)] if k == 0 else [compared[k][1] if k in compared else ""]) for k, r in enumerate(rows)]
    return RawTable("text-prose", rows, refs, table.sheet, True, list(table.sheets)), skipped


_PAIR_NAME = re.compile(r"^[^\d:：≥≤≧≦<>=]{2,30}$")
_AIM_ONLY = re.compile(_AIM)  # a target that is an aim and nothing else: 提高, 持续提高, 有所增加
_PAIR_TARGET_LEN = 12  # characters of a worded target after its name's comma (持续提高, 2025年10月底前)


def _headings(lines: list[str], lex: Lexicon) -> set[int]:
    """The lines that go on a numbered list begun before the text's first level label (``1、2024年
    百岁老人慰问费…`` / (its targets under 数量指标: …) / ``2、2024年…运营补助45万元``): each starts the
    next item, outside the levels set for the item before it."""
    first = next((k for k, ln in enumerate(lines) if _LABEL.match(ln) and _level(_LABEL.match(ln).group(1), lex)), None)
    if first is None:
        return set()
    seen: set[tuple[str, int]] = set()
    out: set[int] = set()
    for k, ln in enumerate(lines):
        m = _NUMBERED.match(ln)
        if m is None:
            continue
        style = m.group("open") + m.group("close")
        n = int(m.group("n")) if m.group("n").isdigit() else "一二三四五六七八九十".index(m.group("n")) + 1
        if k < first:
            seen.add((style, n))
        elif (style, n - 1) in seen and not _level(ln, lex):
            out.add(k)
            seen.add((style, n))
    return out


def _said_under_label(clause: str, levels: dict[str, str], lex: Lexicon) -> list[str] | None:
    """The row of a clause that is a level's label and, after it, words with no figure and no
    other label (``时效指标:按时完成教学任务,顺利完成中考``): a qualitative target named by its
    words; ``None`` for other clauses (several measures with their aims are read one by one)."""
    m = _LABEL.match(_ORDINAL.sub("", _ITEM.sub("", clause)))
    word = _level(m.group(1), lex) if m else None
    if word is None:
        return None
    rest = normalize_text(_ORDINAL.sub("", _ITEM.sub("", clause))[m.end():]).strip(" 。.,，、")
    if not (_SAID_MIN <= len(rest) <= _LONGEST_SAID) or re.search(r"\d|[:：【】\[\]]", rest) or _level(rest, lex) \
            or any(_STATED.match(p) or _aimed(p) for p in _PART_SPLIT.split(rest)):  # a change: read (or not) as such
        return None
    _set(levels, word)
    return [levels["level1"], levels["level2"], rest, rest]


def _style(line: str) -> tuple[str, str, bool] | None:
    """How a numbered line is numbered (its brackets and whether in Chinese numerals), else ``None``."""
    m = _NUMBERED.match(line)
    return (m.group("open"), m.group("close"), m.group("n").isdigit()) if m else None


def _goal_spans(lines: list[str], line_of: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Where the text under a heading naming the targets (三、项目建设目标) runs: from the line after
    it to the next line numbered the same way (四、…; its own items 1. 2. stay under it)."""
    spans = []
    for k, line in enumerate(lines):
        if _GOAL_HEADING.match(line) and not _LABEL.match(line):
            style = _style(line)  # 一、… ends at 二、, not at its own items 1. 2.
            end = next((line_of[j][0] for j in range(k + 1, len(lines)) if _style(lines[j]) == style), None)
            spans.append((line_of[k][0] + len(line), end if end is not None else 1 << 30))
    return spans


def _worded_pair(parts: list[str], levels: dict[str, str], lex: Lexicon) -> list[str] | None:
    """The row of a clause under a level written as a name, a comma and a target in words or a
    deadline (``完成时限,2025年10月底前``, ``学员素质素养和种植技术水平,提高``), else ``None``."""
    if len(parts) != 2 or not (levels["level1"] or levels["level2"]):
        return None
    name, target = (normalize_text(p).strip(" 。.") for p in parts)
    if not _PAIR_NAME.match(name) or _level(name, lex) or not target or len(target) > _PAIR_TARGET_LEN:
        return None
    if lex.due(target) is None and not _AIM_ONLY.fullmatch(target):
        return None
    return [levels["level1"], levels["level2"], re.sub(r"^[★*\s]+", "", name), target]


#: a clause under a level label that states the change wanted, no number: 实施区域矿山生态状况改善
_STATED = re.compile(rf"^[^\d:：≥≤≧≦<>=%％]{{2,40}}?{_AIM}$")
_STATED_LEN = 10  # characters: a shorter clause (生态修复功能提高) names no measure of its own
#: a clause that sets a year for a piece of work: 2022年完成《…实施方案》编制工作
_DUE_WORK = re.compile(r"^(?P<y>(?:19|20)\d{2})年(?:底前|内|前)?(?P<name>完成\S{4,60})$")
#: a deadline set for a named time: 项目完成时间年初指标值为2023年12月底, 资金拨付时限为2023年6月前
_DUE_NAMED = re.compile(r"^(?P<name>[^\d,，:：]{2,30}?(?:时间|时限|日期|期限))(?:(?:年初|年度|全年|计划)?(?:指标值|目标值))?"
                        r"(?:为|是|:|：)?(?P<due>(?:19|20)\d{2}年[^,，;；。]{0,10})$")


def _aimed(words: str) -> re.Match[str] | None:
    """A measure named by the way its name ends and its aim said with how it goes (…参与率逐年提升,
    …服务水平稳步提升), else ``None`` (a bare 提升 after a name may be part of it)."""
    m = _AIMED_AFTER.match(words)
    return m if m and _ADVERB.match(words[m.end("name"):]) else None


def _stated_rows(words: str, lex: Lexicon) -> list[list[str]]:
    """The name and target of each change a clause under a level label states with no number
    (``实施区域矿山地质灾害隐患下降、实施区域群众生命财产安全保障提升``: qualitative targets, each
    named by its words), or of the piece of work it sets a year for (``2022年完成《…》编制工作``: a
    deadline at that year's end, named without the year); none for a clause too short to name
    what is measured (``生态修复功能提高``) or one that is no such statement."""
    m = _DUE_WORK.match(words)
    if m:
        return [[m.group("name"), f"{m.group('y')}年底前"]]
    m = _DUE_NAMED.match(words)
    if m and lex.due(m.group("due")) is not None:  # 项目完成时间年初指标值为2023年12月底: a deadline
        return [[m.group("name"), m.group("due")]]
    parts = [p.strip() for p in words.split("、")]
    whole = _aimed(words)
    if whole and not all(_STATED.match(p) for p in parts):  # 关心、理解、支持残疾人的社会氛围有所改善: one measure
        return [[whole.group("name"), words[whole.end("name"):]]]
    if all(len(p) >= _STATED_LEN and _STATED.match(p) for p in parts):
        named = [(_aimed(p), p) for p in parts]  # 公共数字文化服务参与率逐年提升: the measure, its aim (…稳定程度提升: whole)
        return [[m.group("name"), p[m.end("name"):]] if m else [p, p] for m, p in named]
    return []


def _inline_items(lines: list[str], refs: list[str]) -> tuple[list[str], list[str]]:
    """Lines with a numbered list run together inside them (``目标任务:1、…。2、…。3、…``: items
    numbered 1, 2, 3 … in turn, at least ``_MIN_ITEMS``) split into one line per item, each with its
    line's reference; other lines as they are."""
    out_lines: list[str] = []
    out_refs: list[str] = []
    for line, ref in zip(lines, refs):
        cuts: list[int] = []
        for m in _INLINE_ITEM.finditer(line):
            if int(m.group("n")) == len(cuts) + 1:
                cuts.append(m.start())
        if len(cuts) < _MIN_ITEMS:
            out_lines.append(line)
            out_refs.append(ref)
            continue
        for a, b in zip([0] + cuts, cuts + [len(line)]):
            if line[a:b].strip():
                out_lines.append(line[a:b].strip())
                out_refs.append(ref)
    return out_lines, out_refs


def _aimed_measure(words: str) -> str | None:
    """The measure a worded aim names (``进一步提高档案使用率``, ``…管理人数稳步提高`` → the name),
    when it ends the way an indicator's name does; ``None`` for other words (进一步加强…工作)."""
    for pattern in (_AIM_BEFORE, _AIM_AFTER):
        m = pattern.match(words)
        if m and ends_like_name(m.group("name")) and not _AIM_BEFORE.match(m.group("name")):
            return m.group("name")
    return None


def _set(levels: dict[str, str], word: tuple[str, str]) -> None:
    levels[word[0]] = word[1].replace("目标", "指标") if word[1].endswith("目标") else word[1]
    if word[0] == "level1":
        levels["level2"] = ""


def _clause_row(body: str, levels: dict[str, str], bare: bool = False) -> list[str] | None:
    """``黄金蜜(葡萄)种植数量(≥**株)>=17600株`` → [levels…, name, ≥17600株]; with ``bare`` (the
    clause stands under a level word) also a number without comparator that ends the clause:
    ``资助建档立卡贫困子女1966人`` → [levels…, name, 1966人]."""
    unit = ""
    m = _PLACEHOLDER.search(body)
    if m:
        unit = m.group("unit")
        body = body[: m.start()] + body[m.end():]
    if bare:  # under a level: 支出控制在批复预算范围内(≥100%), the target in brackets at the end
        body = _BRACKETED.sub(r"\g<v>", body)
    body = _LABEL_CELLS.sub("", body)  # 绩效指标 关键指标 主要发展指标 旅游外汇收入增长8.1%: a row's label cells
    v = _VALUE.search(body)
    said = None if v or bare else (_TARGET_SAID.search(body) or _RATE_SAID.search(body) or _DEED_TIMES.match(body))
    # …绩效目标14户, …达标率100%, 检查旅游企业370家次
    found = v or (_BARE.search(body) if bare or said else None)
    counted = _COUNTED_OBJECT.match(body) if found is None and bare else None
    if counted:  # 建设2个省级森林乡村: the deed and what it makes, so many of them
        name = _NAME_LEAD.sub("", _ITEM.sub("", counted.group("verb").strip(), count=1)) + counted.group("obj")
        return [levels["level1"], levels["level2"], name, counted.group("num") + counted.group("unit")]
    if found is None:
        return None
    name = _NAME_LABEL.sub("", _NAME_LEAD.sub("", _ITEM.sub("", re.sub(r"^[★*\s]+", "", body[:found.start()]).strip(), count=1)))
    name = _SAID_AGAIN.sub(r"\g<l>", name)  # 服务对象满意度:服务对象满意度≥80%: the label said again
    name = _HOW_FIRST.sub("", name)  # 组建“市民暗访团”等开展…检查55批次: how it is done, before the deed counted
    if len(name) < 2 or not re.search(r"[^\W\d_]", name) or (not v and re.search(r"(\d[年月日]?|[.:：-])$", name)):
        return None
    if BOUND_STATED.search(name):
        return None  # 除…年限不低于5年因…不到1年时间: a sentence about a target stated before, no name
    if v is None:  # a bare number: its comparator comes from the direction, a 以上/以下 stays written
        return [levels["level1"], levels["level2"], name,
                f"{found.group('num')}{unit or found.group('unit')}{found.group('tail') or ''}"]
    unit = unit or v.group("unit").lstrip("/")  # the placeholder's 元/株 over the value's /株
    cmp = normalize_text(v.group("cmp")).replace(">=", "≥").replace("<=", "≤")
    return [levels["level1"], levels["level2"], name, f"{cmp}{v.group('num')}{unit}"]


def _line_starts(lines: list[str], refs: list[str]) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line, ref in zip(lines, refs):
        out.append((pos, ref))
        pos += len(line) + 1
    return out


def _list_items(lines: list[str]) -> set[int]:
    """Indexes of the lines of numbered lists: runs of lines numbered 1, 2, 3 … in turn (blank lines
    between them allowed), at least ``_MIN_ITEMS`` long."""
    out: set[int] = set()
    run: list[int] = []
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        m = _ITEM.match(line)
        n = int(m.group("n")) if m and line[m.end():].strip() else None
        if n is not None and run and n == len(run) + 1:
            run.append(k)
            continue
        if len(run) >= _MIN_ITEMS:
            out.update(run)
        run = [k] if n == 1 else []
    if len(run) >= _MIN_ITEMS:
        out.update(run)
    return out


def _ref(line_of: list[tuple[int, str]], pos: int) -> str:
    ref = line_of[0][1] if line_of else "L1"
    for start, r in line_of:
        if start > pos:
            break
        ref = r
    return ref


def prose_year(table: RawTable) -> int | None:
    """The year most often named in the text (``2023年``), the year the targets are set for; the
    date a form was filled in (``填报日期:2025年4月28日``) and a cover's year alone on its line
    (``2025年``) say when the report was written, not what year it is about."""
    counts = Counter(int(m.group(1)) for row in table.rows for c in row
                     for m in re.finditer(r"(?<!\d)((?:19|20)\d{2})年", _COMPARED.sub("", _FILED.sub("", c))))
    return counts.most_common(1)[0][0] if counts else None


_FILED = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*$|(?:填报|填表|报送|编制|报告|制表|打印)(?:日期|时间)\s*[:：]?\s*(?:19|20)\d{2}\s*年")
#: last year's value noted beside a target (``≥62%(2022年:61%)``): a year compared with, not the targets'
_COMPARED = re.compile(r"[(（]\s*(?:19|20)\d{2}\s*年?\s*[:：][^()（）]{0,20}[)）]")
