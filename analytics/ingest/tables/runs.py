"""A web copy that runs every cell of a row together, one row a line, nothing between the cells:

    绩效指标指标名称指标权重计量单位指标性质指标值
    预算执行率10%=100
    基层组织建设办公阵地和干部人才保障有效性10有效保障
    开展各种文艺活动场次1020

The header line is cut into the header words of the lexicon (``headers.run_words``); each line
below is then cut into the same columns by what each column can hold: a level word (产出指标,
数量指标(20分)), a name, a number (权重, 分值, 得分), a unit (公里, %), a sign or nature (=, ≥,
正向, 定量), a value (100, 95%以上, 2023年12月31日, 有所提升) or free text (explanations, scoring
standards). Empty cells vanish in such a copy, so every column but the name and the target may be
missing; of all the ways to cut a line, the one whose cells best fit their columns wins. A line
that cannot be cut but reads like an indicator's name is kept as a row without a value, so that
it is listed as unread rather than dropped.
"""

from __future__ import annotations

import functools
import re
from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import (MAGNITUDES, SCORE_CELL, SIGN_WORDS, TYPE_WORDS, column_sign,
                                           ends_like_name, header_role, is_total, read_value)
from analytics.ingest.tables.ends import FORM_TITLE
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.placed import row_places
from analytics.ingest.tables.runbounds import CJK as _CJK, QUALITY_NAME as _QUALITY_NAME, boundaries as _boundaries, \
    digit_cuts as _digit_cuts, holds_type as _holds_type, said_twice as _said_twice, typed as _typed
from analytics.ingest.tables.sources import RawTable

__all__ = ["run_rows", "stream_rows"]

_MAX_LINE = 240  # characters: an indicator's row is short; longer lines are not cut
_MAX_LINES = 3000
_MAX_ROWS = 200  # lines cut below the header
_MAX_CUT = 24000  # characters cut in all (each cut is a search over the line's cells)
_POINTS_BEFORE = re.compile(r"\d{1,3}(?:\.\d{1,2})?$")  # the most a number ending where a score (得分) starts may be
_YEAR_WORD = re.compile(r"(19|20)\d{2}年度?")
_WEIGHT = re.compile(r"\d{1,3}(?:\.\d{1,2})?[分%]?")  # a 权重 / 分值 / 得分 cell (a weight may be a share: 20%)
_LONGEST = {"level": 24, "name": 60, "value": 30, "adjusted": 30}  # characters a cell of such a column may hold
_ADJUSTED = 3.5  # a cell's fit taken off under 调整指标值 (the year's targets as adjusted: mostly none)
_TWICE = 5.0  # what words said twice before a row's points add to a target or an actual cut there
_ROW_COST = 4.0  # what a row of a stream must fit beyond its cells' fit (no name and value cut out of one row's name)
_LONGEST_TEXT = 40  # characters of a free-text cell inside a stream of rows
_MAX_STREAM = 1200  # characters of a stream cut into rows (a target table's body run together)
_FACTS_BEFORE = 600  # characters above a stream's header read for its title and facts
_MAX_STREAM_TEXT = 200_000  # characters of a text searched for a form run together (a page is far shorter)
_HEADLESS = ("一级指标", "二级指标", "三级指标", "指标值", "分值", "备注")  # a stream copied without its header
_DOUBLED = re.compile(r"(?=.*\D)(.{2,})\1$|([\u4e00-\u9fff])\2$")  # a cell ending in the same text twice (合格合格, 50件50件, 高高; not 80000)
_SCORES = re.compile(r"(19|20)\d\d")
_SIGNED = re.compile(r"[≥≤=<>≧≦]\d")
_STOPS = ",，。;；、:："  # a stream's value cell neither starts nor ends with these
_BOUND_TAILS = ("以上", "以下", "以内", "及以上", "及以下")  # a bound written after its number: no name starts so
_JOINERS = "等的及与和或"  # nor starts with a word that ends or joins a name (服装质量等 | 合格)
_PAGE_MARK = re.compile(r"^\d{1,2}、")  # a document-sharing page's marker at the start of a line
_SLOT = re.compile(r"指标[1-9一二三四五六七八九十][:：]")  # a template's numbered slot (指标1:)
_NUMBERED_SLOT = re.compile(r"^指标\d{1,2}[:：]?(?=[^\W\d_])")
_MAGNITUDE_UNIT = re.compile("(?:" + "|".join(MAGNITUDES) + r")[^\W\d_a-zA-Z]")  # 万粒, 千株
_LEVEL_END = re.compile(r"指标([(（][^()（）]*[)）])?$")
_FULL_HEADER = 5  # header words found in a stream that make it a table even with one row under them (the copy's end)
_LEAD_WORDS = 4  # Chinese characters of a project's cells before a stream's first level word, at least
_LEFT_OVER = 10  # characters a stream's cut may leave at its end and still be the copy's end
_COMPARED = re.compile(r"^(同比|环比)|(同比|环比)$")  # a change compared with the year (month) before
_COLUMN_MARK = re.compile(r"[(（](?:[A-Z](?:/[A-Z])?|[^()（）])[)）]|\*")  # after a header word: its column letter (A),
# (B/A), one character (分), (%), a letter as a scan read it (八 for A), or a required mark *
_LEFT_LABEL = re.compile(r"^(项目|年度)?绩效指标(?!设置|设定|明确|合理|完整|完成|达成|编制|填报|申报|的|值)(?=[\u4e00-\u9fff]{4})")  # the
# label merged down the rows' left (项目绩效指标), drawn in its block's middle: glued before that row's name
_NEW_TABLE = re.compile(FORM_TITLE.pattern + r"|单位[:：]\s*万元")


def _cut_header(line: str, lex: Lexicon) -> list[str] | None:
    """The header words ``line`` is made of (a year may lead a word: 2023年目标值), or ``None``
    when more than a few characters are left over."""
    s = re.sub(r"\s+", "", normalize_text(line))
    if not 8 <= len(s) <= 200 or sum(1 for w in ("指标", "名称", "单位", "值") if w in s) < 2:
        return None  # quick: a header line names several of these
    best: list[tuple[int, list[str]] | None] = [None] * (len(s) + 1)  # (characters left over, words)
    best[0] = (0, [])
    for i in range(len(s)):
        here = best[i]
        if here is None:
            continue
        year = _YEAR_WORD.match(s, i)
        starts = [i, year.end()] if year else [i]
        for j in starts:
            for w in lex.run_words:
                if s.startswith(w, j):
                    cand = (here[0], here[1] + [s[i:j + len(w)]])
                    k = j + len(w)
                    if best[k] is None or cand[0] < best[k][0] or (cand[0] == best[k][0] and len(cand[1]) < len(best[k][1])):
                        best[k] = cand
        skip = (here[0] + 1, here[1])  # a character no word starts with
        if best[i + 1] is None or skip[0] < best[i + 1][0]:
            best[i + 1] = skip
    found = best[len(s)]
    if found is None or found[0] > max(2, len(s) // 10) or len(found[1]) < 4:
        return None
    roles = [header_role(w, lex) for w in found[1]]
    if "name" not in roles or "value" not in roles:
        return None
    return found[1]


def _column_kinds(words: list[str], roles: list[str | None], lex: Lexicon) -> list[str]:
    """What each header word's column holds (``roles``: their header roles): level | name | number |
    unit | sign | value | adjusted (a second target column, of targets as adjusted) | yesno | text;
    ``scored`` for a score given (得分) right after the points (分值): a number no greater than them."""
    last_name = max(i for i, r in enumerate(roles) if r == "name")
    kinds = []
    for i, (w, role) in enumerate(zip(words, roles)):
        if role in ("level1", "level2") or (role == "name" and i < last_name):
            kinds.append("level")  # 绩效指标 over 指标名称: the block's merged label
        elif role == "name":
            kinds.append("name")
        elif role == "unit":
            kinds.append("unit")
        elif role == "comparator":
            kinds.append("sign")
        elif role == "value":
            kinds.append("adjusted" if "调整" in w and "value" in kinds else "value")  # 年初指标值 | 调整指标值
        elif role == "ignore" and lex.score_header.search(w) and not re.search("(标准|原因|说明)", w):
            kinds.append("scored" if kinds and kinds[-1] == "number" and lex.scored_header.search(w) else "number")
        elif w.startswith("是否"):
            kinds.append("yesno")  # 是否核心指标: 是 or 否
        else:
            kinds.append("text")
    return kinds


def _prefixes(pattern: re.Pattern[str], s: str, i: int) -> list[str]:
    """Every prefix of the text at ``i`` that ``pattern`` matches whole (1, 10, 102 of 1020)."""
    return [s[i:j] for j in range(i + 1, min(len(s), i + 8) + 1) if pattern.fullmatch(s, i, j)]


_ROW_BREAK = "\x00"  # between the rows of a stream's cut


def _cutter(s: str, kinds: list[str], lex: Lexicon, stream: bool = False,
            levels: list[str | None] | None = None) -> list[str] | None:
    """The best cut of ``s`` into cells of ``kinds`` (see the module's help), or ``None``. With
    ``stream`` the text holds many rows run together: after the last column a new row starts
    (``_ROW_BREAK`` between them), and the cut may stop where no further row fits; ``levels`` (the
    header role of each column) then keeps a level word to its own level's column, and of two
    equal cuts the one with the shorter names wins (a note left in its column, not in the next name).

    One function with its scoring on purpose: the fit of each cell and the search over cuts are
    read together."""
    first_value = kinds.index("value")
    tail = next((kinds[first_value:k] for k in range(first_value, len(kinds)) if kinds[k] not in ("value", "number", "scored")),
                kinds[first_value:])  # the numbers from the target on (target, weight, actual, score), cut where run together
    cut, whole = _digit_cuts(s, tail, set(lex.units) | {"%"}) if len(tail) >= 2 else ({}, set())
    digits = {j: first_value + k for j, k in cut.items()}
    bounds = sorted(set(_boundaries(s, lex)) | set(digits))
    limits = [m.span() for m in lex.time_limit.finditer(s)] if lex.time_limit else []  # 6小时内 in a name: no cell ends inside
    units = [u for u in set(lex.units) | set(lex.unit_aliases) | {"-", "—", "/"} if u and u in s]
    signs = [w for w in SIGN_WORDS if w in s]
    known_units = set(lex.units) | set(lex.unit_aliases)
    twice = _said_twice(s, known_units)
    if stream:
        whole = whole | {k for a, b in twice for k in range(a + 1, b)}  # 改善学校 | 的办学条件: words said twice are cut whole

    def counted(unit: str) -> bool:
        """``unit`` is the lexicon's, or so many thousands or ten thousands of a counting word (万粒, 千株)."""
        return unit in known_units or bool(_MAGNITUDE_UNIT.fullmatch(unit))
    level_words = tuple(w for w in lex.level1 | lex.level2 if len(w) >= 4 and w.endswith("指标"))

    @functools.lru_cache(maxsize=None)
    def fit(kind: str, i: int, j: int) -> float | None:
        """How well ``s[i:j]`` fits a cell of ``kind`` (``None``: it cannot be such a cell)."""
        cell = s[i:j]
        if not cell:
            return 0.0 if kind != "name" else None
        if kind == "level":
            word = lex.level_word(cell)
            if word and stream and word[1] not in lex.level1 | lex.level2:
                return None  # in a stream only the lexicon's own words: 达成预期指标效益指标 is a note and a level
            return 2.0 + 0.05 * len(cell) if word else None
        if kind == "name":
            if cell.startswith("指标") and not _NUMBERED_SLOT.match(cell) and (re.match(r"指标[\d:：]|指标$", cell) or stream):
                return None  # 指标 | 1: a template's numbered slot is no name of its own; 社会效益 | 指标就业率: the level's end
            cell = _NUMBERED_SLOT.sub("", cell)  # 指标1免费发放原原种: the slot's colon lost
            if len(_CJK.findall(cell)) < 2 or cell[0].isdigit() or (lex.level_word(cell) and _LEVEL_END.search(cell)):
                return None  # 服务对象满意度 may be a name, 服务对象满意度指标 is a level
            if cell.startswith(_BOUND_TAILS):
                return None  # 以上,艾滋病人检测: the end of the value before it, not a name's start
            if _COMPARED.search(cell):
                return None  # …销售量同比: the comparison opens the target (同比2022年显著提高), no name ends in it
            if stream and (cell[0] in _STOPS + "(" or cell[-1] in _STOPS or re.search("[。;；]", cell)):
                return None  # a sentence's piece, or sentences
            if stream and (cell.endswith("指标") or re.match(r"[(（][\d.]+分?[)）]", cell)
                           or re.match(r"[^\W\d_]{1,3}\d", cell) and counted(re.match(r"\D+", cell).group(0))):
                return None  # 万粒8指标: a value's unit, a score and the next row's slot; (20分)…: a level's points
            if stream and (re.fullmatch(r"(\S{1,3})\1", cell) or _DOUBLED.search(cell) or (i, j) in twice):
                return None  # 是是, 合格合格: a target and its actual in words; 健全性性: a name and its type's first character;
                # 专款专用 | 专款专用 | 专款专用 | 10: words said again before the points, no name
            if stream and (_holds_type(cell) or _typed(cell)):
                return None  # …性标定指高: the row's type and targets
            if stream and (cell in lex.qualitative_words or counted(cell) or _unbalanced(cell)
                           or any(w in cell for w in level_words)):
                return None  # 合格 after 合格, 万元 after 2: a row's value or unit, not the next row's name;
                # 结余率(计算方法为:结余数 goes on to its closing bracket, 营林)面积 started before it; 成本指标维修经费
                # is a level and a name
            digits = re.search(r"\d", lex.time_limit.sub("", cell) if lex.time_limit else cell)  # not those of 6小时内
            return 1.0 + (0.5 if ends_like_name(cell) or (stream and _QUALITY_NAME.search(cell)) else 0.0) - (1.0 if digits else 0.0) \
                - 0.1 * max(0, len(cell) - 16) \
                + ((0.3 if len(_CJK.findall(cell)) >= 4 else 0.0) - 0.02 * len(cell) if stream else 0.0)  # ran on
        if kind in ("number", "scored"):
            if not _WEIGHT.fullmatch(cell) or re.match(r"0\d", cell):
                return None
            return 1.0 - (3.0 if float(cell.rstrip("分%")) > 100 else 0.0) - (0.01 if kind == "scored" else 0.0) \
                + 0.001 * len(cell)  # one number: the points, whole (22.5, not 22 | .5 in the next cell)
        if kind == "unit":
            return 1.5 if cell in units else None
        if kind == "yesno":
            return 1.5 if cell in ("是", "否") else None
        if kind == "sign":
            return 2.0 if column_sign(cell) or cell in TYPE_WORDS or _typed(cell) else None
        if kind == "adjusted":  # a column of adjusted targets is mostly left empty: filled when nothing else fits
            base = fit("value", i, j)
            return None if base is None else base - _ADJUSTED
        if kind == "value":
            if stream and (cell[0] in _STOPS or cell[-1] in _STOPS or cell[0] in _JOINERS + ")）"):
                return None  # ,减少因恐 | 。对促进 | 等合格: a sentence or a name cut in pieces, no target
            if stream and (_DOUBLED.search(cell) or _holds_type(cell)):
                return None  # 合格合格, 50件50件: a target and its actual, two cells; 健全性性标定指: a name and its type
            read = read_value(cell, "higher", lex)
            if re.match(r"0\d", cell):
                return None
            if stream and _SCORES.fullmatch(cell):
                return 1.0  # 2020 alone in a stream: a year, or a score and its points run together
            if read.form in ("number", "deadline") and (not read.unit or all(counted(u) for u in read.unit.split("/"))):
                score = 4.0 + 0.05 * min(len(cell), 12)  # the longer of two readings (90%以上 over 90%)
                return score - (2.0 if read.unit == "分" else 0.0)  # 得10分: a scoring rule's words
            if read.form in ("bool", "range"):
                return 3.0
            if read.form == "none":
                return 1.0
            if read.form == "qualitative" and _COMPARED.match(cell) and len(cell) <= 20 and \
                    cell.endswith(tuple(w for w in lex.qualitative_words if len(w) >= 2)):
                return 1.2 + 0.02 * len(cell)  # 同比2022年销量显著提高: a change on a year before, in words
            if read.form == "qualitative" and len(cell) <= 12 and not re.search(r"\d", cell) and \
                    (any(w in cell for w in lex.qualitative_words if len(w) >= 2) or cell in lex.qualitative_words
                     or stream and (i, j) in twice):
                # 专款专用 | 专款专用: words the actual repeats are the target, whatever they say
                if stream and re.search(r"[\u4e00-\u9fff]{2}性.", cell):
                    return None  # 合规性好: a quality's name (合规性) and its target (好)
                if cell.endswith("率") and cell[:-1].endswith(tuple(w for w in lex.qualitative_words if len(w) >= 2)):
                    return None  # 合格率, 有效率 | 90%: a rate's name ends so (设备的合格率), no target in words
                opens = stream and len(cell) <= 4 and cell.startswith(tuple(w for w in lex.qualitative_words if len(w) >= 2))
                return 1.0 + 0.1 * min(len(cell), 4) + (0.3 if opens else 0.0)  # 合格, not 设备质量等合格
            return None
        return None if stream and (SCORE_CELL.fullmatch(cell) or _unbalanced(cell) or cell in known_units) else 0.0
        # free text, not a number's end (22.5) nor a next name's start: 森林抚育( | 营林)面积, 天 | 保工程区 (a unit alone)

    def options(i: int, k: int) -> list[tuple[int, float]]:
        """The cells column ``k`` may take from ``i``: (where it ends, how well it fits)."""
        ends: list[int] = [i] + [b for b in bounds if i < b <= i + _LONGEST.get(kinds[k], _LONGEST_TEXT if stream else len(s))]
        if kinds[k] in ("number", "scored"):  # 1020 under 权重 | 指标值: the weight 10, the target 20
            ends = [i] + [i + len(m) for m in _prefixes(_WEIGHT, s, i)]
            points = _POINTS_BEFORE.search(s, max(0, i - 6), i) if kinds[k] == "scored" and i and s[i - 1].isdigit() else None
            if points is not None:  # 22.5 under 分值 | 得分: not 2 | 2.5, a score above its points
                ends = [j for j in ends if j == i or float(s[i:j].rstrip("分%")) <= float(points.group(0))]
        elif kinds[k] == "yesno":
            ends = [i] + ([i + 1] if i < len(s) else [])
        elif kinds[k] in ("unit", "sign"):
            ends = [i] + [i + len(w) for w in (units if kinds[k] == "unit" else signs) if s.startswith(w, i)]
            ends += [i + 4] if kinds[k] == "sign" and _typed(s[i:i + 4]) else []
        elif kinds[k] == "text" and all(x == "text" for x in kinds[k:]) and not stream:
            ends = [len(s)]  # the trailing free-text columns take the rest
        out: list[tuple[int, float]] = []
        for j in ends:
            if kinds[k] == "value" and k == first_value and j == i or any(a < j < b for a, b in limits) or j in whole:
                continue  # the target's cell cannot be missing; nor a cell end inside a name's time limit (6小时 | 内扑灭率)
            score = fit(kinds[k], i, j)
            if score is None:
                continue
            if stream and levels and j > i and kinds[k] == "level" and levels[k] in ("level1", "level2") \
                    and (lex.level_word(s[i:j]) or ("", ""))[0] != levels[k]:
                continue  # 效益指标 under 一级指标, 社会效益 under 二级指标
            if stream and kinds[k] in ("name", "value") and i + 1 < j < len(s) and s[j] == s[j - 1] \
                    and s[j] in lex.qualitative_words:
                continue  # 合规性好 | 好, 安全好 | 好: the cell ends before a target and its actual in one word (好 | 好)
            if stream and kinds[k] == "value" and (i, j) in twice:
                score += _TWICE  # 不超过预算 | 不超过预算 | 10: words said twice before the points, the target and its actual
            if kinds[k] in ("number", "scored") and 0 < i < j and s[i - 1].isdigit() and s[i] == "0" \
                    and (j > i + 1 or kinds[k] == "scored" and digits.get(j) is None):
                score -= 8.0  # 10 | 0%: a number's tail (100% cut after 10), no weight of its own; 3 | 0: the points 30
            zero = i < j and s[j - 1] == "0" and (j - 1 == i or not (s[j - 2].isdigit() or s[j - 2] == "."))  # 0 | 100%: no number starts with 0
            if i < j < len(s) and kinds[k] not in ("number", "scored") and s[j - 1].isdigit() and not zero and digits.get(j) != k and \
                    (s[j].isdigit() or s[j] in "%." or any(s.startswith(u, j) for u in units if u not in "-—/")):
                score -= 8.0 if stream or s[j] == "0" else 3.0  # a cut inside a number (9 | 0%以上: no number starts
                # with 0) or between a number and its unit (10 | 分)
            out.append((j, score))
        return out

    Best = tuple[float, tuple[str, ...]] | None
    memo: dict[tuple[int, int], Best] = {}
    choices: dict[tuple[int, int], list[tuple[int, float]]] = {}

    def needs(i: int, k: int) -> list[tuple[int, int]]:
        """The states the best cut from (``i``, ``k``) is made of."""
        if k == len(kinds):
            return [] if not stream or i == len(s) else [(i, 0)]  # the next row, or the rest left as it is
        if (i, k) not in choices:
            choices[(i, k)] = options(i, k)
        return [(j, k + 1) for j, _ in choices[(i, k)]]

    def settle(i: int, k: int) -> Best:
        """The best cut from (``i``, ``k``), the states it needs being settled."""
        if k == len(kinds):
            if not stream or i == len(s):
                return (0.0, ()) if i == len(s) else None
            more = memo.get((i, 0))  # the next row, or the rest left as it is (the page's footer)
            return (more[0] - _ROW_COST, (_ROW_BREAK,) + more[1]) if more is not None and more[0] > _ROW_COST else (0.0, ())
        found: Best = None
        for j, score in choices[(i, k)]:
            rest = memo.get((j, k + 1))
            if rest is None:
                continue
            total = score + rest[0]
            if found is None or total > found[0] + 1e-9:
                found = (total, (s[i:j],) + rest[1])
        return found

    # the search over cuts, one state a step on a stack of its own (a stream holds hundreds of cells:
    # no recursion as deep as the text is long)
    open_: set[tuple[int, int]] = set()
    stack = [(0, 0)]
    while stack:
        state = stack[-1]
        if state in memo:
            stack.pop()
            continue
        waiting = [d for d in needs(*state) if d not in memo and d not in open_]
        if waiting and state not in open_:
            open_.add(state)
            stack.extend(waiting)
            continue
        memo[state] = settle(*state)  # a state met again while open (no cut loops back) counts as no cut
        open_.discard(state)
        stack.pop()
    result = memo[(0, 0)]
    return list(result[1]) if result else None


def _two_levels(s: str, lex: Lexicon) -> tuple[str, str] | None:
    """(level1 word, level2 word) when ``s`` is the two run together (效益指标经济效益指标)."""
    for cut in range(2, len(s) - 1):
        a, b = lex.level_word(s[:cut]), lex.level_word(s[cut:])
        if a and b and a[0] == "level1" and b[0] == "level2" and _LEVEL_END.search(s[:cut]):
            return s[:cut], s[cut:]
    return None


def _uncut(s: str, roles: list[str | None], kinds: list[str], lex: Lexicon) -> list[str] | None:
    """The row of a line no cut fits: level labels alone on their line (生态效益指标, or 效益指标经济效益指标
    run together) in their columns; a line that reads like a name, as a name without a value (listed as
    unread); else ``None`` (not a row)."""
    two = _two_levels(s, lex)
    if two is not None:  # both labels of a block with no indicator
        return [two[0] if r == "level1" else two[1] if r == "level2" else "" for r in roles]
    level = lex.level_word(s)
    if level:
        at = next((i for i, r in enumerate(roles) if r == level[0]), kinds.index("level") if "level" in kinds else -1)
        return [s if i == at else "" for i in range(len(kinds))] if at >= 0 else None
    if len(_CJK.findall(s)) >= 4 and ends_like_name(s) and len(s) <= 60:
        return [s if kind == "name" else "" for kind in kinds]
    return None


def _scrambled(s: str, j: int, lex: Lexicon) -> tuple[str | None, int]:
    """(header word, end) when the characters at ``j`` are a header word of four characters or more
    with its characters out of order (one more character may have slipped in: 年成值全完值 for
    全年完成值) and another header word follows them; else ``(None, j)``."""
    for w in lex.run_words:
        if len(w) < 4:
            continue
        for n in (len(w), len(w) + 1):
            chunk = s[j:j + n]
            if len(chunk) == n and all(chunk.count(c) >= w.count(c) for c in set(w)) \
                    and any(s.startswith(v, j + n) for v in lex.run_words):
                return w, j + n
    return None, j


def _header_in(s: str, lex: Lexicon) -> tuple[int, int, list[str]] | None:
    """(start, end, words) of the first run of header words inside ``s`` (at least three, with a name
    and a value among them; each the longest word that fits, a year before it kept), else ``None``."""
    starts = sorted({m.start() for w in lex.run_words if len(w) >= 4 for m in re.finditer(re.escape(w), s)})
    for p in starts[:200]:
        words: list[str] = []
        i = p
        while len(words) < 16:
            year = _YEAR_WORD.match(s, i)
            j = year.end() if year else i
            w = next((w for w in lex.run_words if s.startswith(w, j)), None)
            end = j + len(w) if w else j
            if w is None and words:  # 年成值全完值: a scanned copy's word, its characters out of order
                w, end = _scrambled(s, j, lex)
            if w is None:
                break
            mark = _COLUMN_MARK.match(s, end)  # 年初目标值(A) | 实际完成值(B): the column's letter
            k = mark.end() if mark else end
            words.append(s[i:j] + w + s[end:k])
            i = k
        while words and len(words) < 16:  # 指标 | 指标内容 | 指标值: a short word before the first long one
            w = next((w for w in lex.run_words if len(w) < 4 and s.endswith(w, 0, p)), None)
            if w is None:
                break
            words.insert(0, w)
            p -= len(w)
        roles = [header_role(w, lex) for w in words]
        if len(words) >= 3 and "name" in roles and "value" in roles:
            return p, i, words
    return None


def _unbalanced(text: str) -> bool:
    """``text`` opens a bracket it does not close, or closes one it did not open."""
    depth = 0
    for ch in text:
        depth += 1 if ch in "(（" else -1 if ch in ")）" else 0
        if depth < 0:
            return True
    return depth > 0


def _empties_out(s: str, lex: Lexicon) -> str:
    """``s`` without a template's empty numbered slots (指标2: before another slot, a level word or
    the end: 时效指标指标1:指标2:成本指标; a filled one, 指标1:全县参合人数, starts its row and stays),
    then without the level words of empty blocks (时效指标 right before 成本指标, 经济效益指标 right
    before 社会效益指标; 效益指标 before 经济效益指标 stays)."""
    levels = tuple(w for w in lex.level1 | lex.level2 if len(w) >= 4)

    def empty(m: re.Match[str]) -> str:
        at = m.end()  # looked at in place: a text of many slots is not copied once per slot
        return "" if at == len(s) or _SLOT.match(s, at) or s.startswith(levels, at) else m.group(0)
    s = _SLOT.sub(empty, s)
    words = sorted((w for w in levels if w.endswith("指标")), key=len, reverse=True)
    if not words:
        return s
    found = [(m.start(), m.end(), (lex.level_word(m.group(0)) or ("", ""))[0])
             for m in re.finditer("|".join(map(re.escape, words)), s)]
    drop = [(a, b) for (a, b, kind), (c, _, after) in zip(found, found[1:])
            if b == c and kind and after and not (kind == "level1" and after == "level2")]
    if not drop:
        return s
    kept, at = [], 0
    for a, b in drop:
        kept.append(s[at:a])
        at = b
    return "".join(kept) + s[at:]


def _headless(s: str, lex: Lexicon) -> tuple[int, int, list[str]] | None:
    """(start, start, the usual header) for a stream of rows copied without their header (the rows
    of a form's last part: 产出指标数量指标足额保障率=100%22.5科目调整次数≤10次…): from the first
    level word of the lexicon, when at least two of them and two targets with a sign stand in it;
    else ``None``."""
    levels = sorted({w for w in lex.level1 | lex.level2 if len(w) >= 4 and w in s}, key=s.find)
    signed = list(_SIGNED.finditer(s))
    if len(levels) < 2 or len(signed) < 2:
        return None
    start = s.find(levels[0])
    if start > signed[0].start() or re.search("[,，。;；]", s[start:signed[-1].end()]):
        return None  # prose (targets set in sentences) is read as prose
    return start, start, list(_HEADLESS)


def _facts_above(text: str, lex: Lexicon) -> list[list[str]]:
    """The title and project facts run together above a stream's header, as rows: the text cut at
    the lexicon's fact labels (``facts.run_labels``), each label with the text up to the next one
    (``专项名称 | 普惠金融发展专项资金``; a bracket right after a label stays with it:
    ``年度金额(提前下达) | 208万元``); the text before the first label cut after 表 (a form's title)."""
    labels = sorted((str(w) for w in lex.facts.get("run_labels") or []), key=len, reverse=True)
    found = list(re.finditer("|".join(map(re.escape, labels)), text)) if labels else []
    head = text[:found[0].start()] if found else text
    rows = [[t] for t in re.split(r"(?<=表)|(?<=[:：])(?=\S{2,8}[:：])", head) if t]
    for m, nxt in zip(found, [*found[1:], None]):
        value = text[m.end():nxt.start() if nxt else len(text)]
        note = re.match(r"[(（][^()（）]{0,8}[)）]", value)
        label = m.group(0) + (note.group(0) if note else "")
        rows.append([label, value[note.end() if note else 0:].lstrip(":：").rstrip(",，;；")])
    return rows


def stream_rows(table: RawTable, lex: Lexicon, headless: bool = False) -> RawTable | None:
    """A whole form run together into one stream (a document-sharing page's text: the cells of every
    row and the rows themselves with nothing between them): the header words found inside it, the
    text after them cut into rows of the same columns (see :func:`_cutter` with ``stream``). ``None``
    when no header is found or fewer than two rows with a target are cut (one, under a header of five
    words or more, when the copy ends with it). With ``headless``, only a
    stream without header words is read, as rows copied without their header under the usual one
    (:func:`_headless`; a last resort, tried when no other way of cutting the text found a table)."""
    lines = [re.sub(r"\s+", "", normalize_text(" ".join(c for c in row if c.strip()))) for row in table.rows[:_MAX_LINES]]
    pieces = [_PAGE_MARK.sub("", ln) if k else ln for k, ln in enumerate(lines)]
    s = _empties_out("".join(pieces)[:_MAX_STREAM_TEXT], lex)
    found = _header_in(s, lex)
    if headless:
        found = None if found is not None else _headless(s, lex)
    if found is None:
        return None
    start, end, words = found
    text = s[end:end + _MAX_STREAM]
    roles = [header_role(w, lex) for w in words]
    kinds = _column_kinds(words, roles, lex)
    cells = _cutter(text, kinds, lex, stream=True, levels=roles)
    lead = ""
    if not cells:  # 820-马踏镇部门8,827,620.53…按时发放村组干部报酬效益指标…: a project's cells before the first level
        k = min((i for i in (text.find(w) for w in lex.level1 | lex.level2 if len(w) >= 4) if i > 0), default=0)
        k = k if len(_CJK.findall(text[:k])) >= _LEAD_WORDS else 0  # a project's words, not a stray score (50)
        lead, cells = text[:k], _cutter(text[k:], kinds, lex, stream=True, levels=roles) if k else None
    if not cells:
        return None
    above = _facts_above(s[max(0, start - _FACTS_BEFORE):start], lex)
    rows: list[list[str]] = above + [words] + ([[lead] + [""] * (len(words) - 1)] if lead else [])  # the title and facts above (a title ends in 表: its year)
    row: list[str] = []
    for c in cells + [_ROW_BREAK]:
        if c == _ROW_BREAK:
            if row:
                rows.append(row)
            row = []
        else:
            row.append(c)
    name_at = kinds.index("name")
    for r in rows[len(above) + 1:]:
        if len(r) > name_at:
            r[name_at] = _LEFT_LABEL.sub("", r[name_at])
    total = next((k for k, r in enumerate(rows) if k > len(above) and is_total(r[name_at])), None)
    rows = rows if total is None else rows[:total + 1]  # the table ends at its total row (合计, 总分)
    body = rows[len(above) + 1 + bool(lead):]
    cut_after = len(text) - len(lead) - sum(len(c) for c in cells if c != _ROW_BREAK) <= _LEFT_OVER  # the copy ends there
    if sum(1 for r in body if any(c for c, k in zip(r, kinds) if k == "value")) < (1 if len(words) >= _FULL_HEADER and cut_after else 2):
        return None  # one row is enough under a whole header when the copy ends with it (cut after its first row)
    odd = sum(1 for r in body if len(_CJK.findall(r[name_at])) < 3 or r[name_at] in lex.units
              or r[name_at].count("(") + r[name_at].count("（") != r[name_at].count(")") + r[name_at].count("）"))
    if odd * 3 > len(body):
        return None  # a cut that gives units and fragments as names: the stream is no table it can read
    refs = row_places(rows, pieces, table.refs[:len(pieces)])  # each row at its own line
    return RawTable("text-stream", rows, refs, table.sheet, False, list(table.sheets))


def run_rows(table: RawTable, lex: Lexicon) -> RawTable | None:
    """The grid of a one-row-a-line text whose cells run together (see the module's help), or
    ``None`` when no line of ``table`` is such a header or fewer than two rows can be cut."""
    lines = [" ".join(c for c in row if c.strip()) for row in table.rows[:_MAX_LINES]]
    for h, line in enumerate(lines):
        words = _cut_header(line, lex)
        if words is not None:
            break
    else:
        return None
    roles = [header_role(w, lex) for w in words]
    kinds = _column_kinds(words, roles, lex)
    above = max(0, h - 40)  # the title and facts above the header (the year, the project's name)
    rows: list[list[str]] = [[ln] for ln in lines[above:h]] + [words]
    refs: list[str] = list(table.refs[above:h + 1])
    top = len(rows)
    budget = _MAX_CUT
    for line, ref in zip(lines[h + 1:h + 1 + _MAX_ROWS], table.refs[h + 1:h + 1 + _MAX_ROWS]):
        s = re.sub(r"\s+", "", normalize_text(line))
        budget -= len(s)
        if budget < 0:
            break  # a table far longer than any target table: the rest is not cut
        if len(rows) > top and _NEW_TABLE.search(s):
            break  # the next form on the page
        cells = (_cutter(s, kinds, lex) if len(s) <= _MAX_LINE else None) or _uncut(s, roles, kinds, lex)
        if cells is None:
            continue
        rows.append(cells)
        refs.append(ref)
    if sum(1 for r in rows[top:] if any(c for c, k in zip(r, kinds) if k == "value")) < 2:
        return None
    return RawTable("text-run", rows, refs, table.sheet, False, list(table.sheets))
