"""What a line of a text with one cell per line can be, for :mod:`.lines`: a cell of a column
(:func:`line_fits`, :func:`starts_value`), and the pieces of a cell its copy wrapped over lines. A
copy of a table with narrow columns holds each cell's lines one after the other: a name cut mid-word
(经费支 / 出合规性, 课程数 / 量达标率) or over three lines, a sign above its number (≥ / 50个), a
value's unit or date cut (71.86元/平方 / 米, 2021年12月31 / 日), a worded value whose sentence runs
on, a header cell (偏差原因分析及改 / 进措施) or a level word (可持续影 / 响指标) wrapped. A piece is
joined only when the text it goes on does not read complete and the joined text does, the line
after it holds what comes next (a value, the row's explanation), and no later piece is wider than
the first (a wrapped cell's first line is its widest): a note before a longer name stays the note.
"""

from __future__ import annotations

import dataclasses
import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import (SIGN_ONLY, TYPE_WORDS, ends_like_name, fits, header_role, is_figure,
                                           is_numberish, is_placeholder, is_qualitative_text, is_value_like, read_value,
                                           unit_only)
from analytics.ingest.tables.facts import is_sign_off, label_kind
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.raw import RawTable
from analytics.ingest.tables.wrapped import BOUND_END, LONGEST_PIECE, MOST_LINES, WIDER, reads_complete

__all__ = ["COMPUTED", "NOTE", "UNIT_NOTE", "WORD_RE", "closes", "cut_word", "dangles", "described_value", "description_goes_on", "ends_name",
           "goes_on", "header_goes_on", "level_ahead", "line_fits", "marks_joined", "names_property", "narrower", "note_goes_on", "runs_to_value", "sentence_rest",
           "signs_joined", "starts_value", "unit_bracket_end", "worded_before_level", "wraps_to_name"]

WORD_RE = re.compile(r"[\u4e00-\u9fff]{2}")  # a name has at least two Chinese characters together
COMPUTED = re.compile(r"(完成率|得分|分值|权重|偏差率)")  # ignored columns that hold a number
NOTE = re.compile(r"(原因|措施|说明|备注)")  # a note column, often left empty
_NONE_NOTE = re.compile(r"(无|暂无|没有|无偏差|未偏离)[。.]?")  # a note saying there is nothing to note


# marks that end what stands before them, and marks that start what follows them (quotation marks, which a
# copy in drawing order sets apart from their words, are not put back: “ / 项目 四项 / ” / 制度)
_CLOSE_MARKS = re.compile(r"[)）\]】」』:：,，、;；。!！?？]+")
_OPEN_MARKS = re.compile(r"[(（\[【「『]+")


def marks_joined(table: RawTable, lex: Lexicon) -> RawTable:
    """A one-cell-a-line text with the pieces a PDF viewer's copy broke off at a change of font put
    back (the copy starts a new line where the font changes, so a half-width mark or a number's
    Chinese unit set in another font than the text before it stands on a line of its own): a line
    that is only a closing mark (``)``, ``:``, ``,``) ends the line before it, a line that is only an
    opening mark (``(``, ``【``) starts the line after it (``(2022 年度`` / ``)``, ``(工程`` / ``)``),
    and a unit that starts a line of figures goes back onto the number that ends the line before it
    (``10 ≥266`` / ``米 ≥266`` / ``米 10``: ``10 ≥266米`` / ``≥266米`` / ``10``); a unit alone on its line
    stays (``100`` / ``个``: a value and its 计量单位 cell; ``…10 10`` / ``次``: a centred name's last
    line), and so does one before words (``本 定 标``: the wrapped cells' next lines, in a copy line by
    line), but ``(70`` / ``分`` is a level's score."""
    if table.fmt != "text-lines":
        return table
    rows: list[list[str]] = []
    refs: list[str] = []
    opening = ""
    for row, ref in zip(table.rows, table.refs):
        cell = row[0] if row else ""
        if _CLOSE_MARKS.fullmatch(cell) and rows and not opening:
            rows[-1] = [rows[-1][0] + cell]
            continue
        if _OPEN_MARKS.fullmatch(cell):
            opening += cell
            continue
        first, _, rest = cell.partition(" ")
        if rows and not opening and re.search(r"\d$", rows[-1][0]) and (first == "分" or unit_only(first, lex)) \
                and not re.search(r"\d", first) \
                and (is_figure(rest.split()[0], lex) if rest.strip() else first == "分" and re.search(r"[(（]\d+$", rows[-1][0])):
            rows[-1] = [rows[-1][0] + first]
            if not rest.strip():
                continue
            cell = rest.strip()
        rows.append([opening + cell] + list(row[1:]))
        refs.append(ref)
        opening = ""
    if opening:
        rows.append([opening])
        refs.append(table.refs[-1])
    if rows == table.rows:
        return table
    return dataclasses.replace(table, rows=rows, refs=refs)


def header_goes_on(cell: str, piece: str, lex: Lexicon) -> bool:
    """``piece`` is the rest of the header cell ``cell`` wrapped: with it, the cell is (or begins)
    one of a form's header words (偏差原因分析及改 / 进措施), which the cell alone is not."""
    both = cell + piece
    return cell not in lex.run_words and not lex.level_word(piece) \
        and any(w == both or (len(both) >= 4 and w.startswith(both)) for w in lex.run_words)


def line_fits(line: str, role: str | None, lex: Lexicon, nxt: str | None = None, header: str = "") -> bool:
    """``line`` fits a column of ``role`` headed ``header``, the line after it being ``nxt``: a value
    (a number, a target in words, a unit left alone, a dash for none), a note or explanation of an
    ignored column (never the next row's name before its value or explanation), a description."""
    t = normalize_text(line)
    if role == "value" and t and fits(t, "value", lex) and is_placeholder(t):
        return True  # "—": no value for this column (a 2022年数据 the table leaves out), not a template line
    if is_sign_off(t, lex) or lex.level_word(t) or is_placeholder(t):
        return False
    if role == "ignore":
        t = normalize_text(line)
        if re.fullmatch(r"\d+(\.\d+)?分?", t) or (NOTE.search(header) and _NONE_NOTE.fullmatch(t)):
            return True  # (无 under 偏差原因分析及改进措施: the note, not the next row's name's start)
        if COMPUTED.search(header) and is_value_like(t, lex) and (nxt is None or not is_value_like(normalize_text(nxt), lex)):
            return True  # 累计完成率 / 得分 after the values: 143% before the next row's name
        if lex.explanation and lex.explanation.match(t) and not is_value_like(t, lex):
            return True  # 反映…情况 / 达到预计值: this row's explanation
        if NOTE.search(header) and (ends_like_name(t) or nxt is not None and line_fits(nxt, "value", lex)
                                    and not (lex.scoring_rule and lex.scoring_rule.search(normalize_text(nxt)))):
            return False  # a line ending like a name, or followed by a value (not a scoring rule), is the next row's name
        if nxt is not None and lex.explanation and lex.explanation.match(normalize_text(nxt)) \
                and not lex.explanation.match(t) and not (lex.scoring_rule and lex.scoring_rule.search(t)):
            return False  # 资金支出率 / 反映资金支出率情况: the next row's name, before its explanation
        return not is_value_like(t, lex) and (nxt is None or not is_value_like(normalize_text(nxt), lex))
    if role == "name":  # a second name column after the row's name (指标内容): its description, before the value
        return not is_value_like(t, lex) and nxt is not None and line_fits(nxt, "value", lex)
    if role == "value":
        t = normalize_text(line)
        if lex.scoring_rule and lex.scoring_rule.search(t) and not _DIGIT.search(t):
            return False  # 完成得满分，未完: a scoring rule's words, never a target
        return is_value_like(t, lex) or (is_qualitative_text(t, lex) and not ends_like_name(t) and not names_property(t)) \
            or is_numberish(t) \
            or bool(lex.fragment and lex.fragment.match(t)) \
            or bool(unit_only(t, lex)) \
            or read_value(t, "higher", lex, sentence=True).form == "number" \
            or worded_before_level(t, nxt, lex) or bool(BOUND_END.search(t)) \
            or (nxt is not None and len(normalize_text(nxt)) >= 8 and fits(t, "value", lex)
                and bool(lex.explanation and lex.explanation.match(normalize_text(nxt))))  # 按月安排 / 该指标主要考察…:
    # a target in words before the row's explanation (whole: a piece cut at a blank, 反映办公大, may follow a name's piece)
    return fits(line, role, lex)


def starts_value(line: str, lex: Lexicon) -> bool:
    """``line`` is a value, or the sign or nature word its own column puts before one (``≥``, 定量)."""
    t = normalize_text(line)
    return line_fits(line, "value", lex) or t in TYPE_WORDS or bool(SIGN_ONLY.fullmatch(t))


#: a sentence (完成得满分，未完成按比例扣分), or a line ending in a list's or a label's mark: no piece of a name
_PIECE_END = re.compile(r"[、:：]$|[。；;，,]")


def names_property(text: str) -> bool:
    """A text ending in a property's word (…合规性, …及时性): a name's end, never a target in words,
    even when it holds a target's word (出合规性, the rest of a wrapped 经费支出合规性)."""
    t = normalize_text(text)
    return t.endswith("性") and reads_complete(t)


def _piece(text: str, lex: Lexicon) -> bool:
    """``text`` may be a wrapped line of a name: no sentence, no explanation, no scoring rule."""
    t = normalize_text(text)
    return not _PIECE_END.search(t) and not (lex.explanation and lex.explanation.match(t)) \
        and not (lex.scoring_rule and lex.scoring_rule.search(t))


def narrower(name: str, piece: str, lex: Lexicon) -> bool:
    """``piece`` may be the next line of ``name`` wrapped: ``name`` may be a wrapped line and
    ``piece`` is no wider (a wrapped cell's first line is its widest)."""
    return _piece(name, lex) and len(normalize_text(piece)) <= len(normalize_text(name)) + WIDER


_DIGIT = re.compile(r"\d")
#: 2021年12月31 / 日, 2020年1月--2 / 020年11月, 2020.1.1-202 / 0.12.31
_DATE_CUT = re.compile(r"([年月]|(19|20)\d{2}[.\-/]\d{1,2}).*[\d\-—~～至.]$")
_DATE_REST = re.compile(r"^[\d年月日号底末前\-—~～至.]{1,12}$")
_SENTENCE_ON = re.compile(r"[,，、;；]$")  # a worded target whose sentence goes on below
_SENTENCE_END = re.compile(r"[。.!！]$")


def goes_on(value: str, nxt: str, lex: Lexicon, unit_column: bool) -> bool:
    """``nxt`` is the rest of the value ``value`` wrapped in its cell: a unit cut (≥100百分 / 比,
    1346.0088万 / 平方米; not with a unit column after the value), a date cut (2021年12月31 / 日), or
    a worded target whose sentence goes on (提高森林覆盖率, / 促进生物多样性保护。)."""
    v, n = normalize_text(value), normalize_text(nxt)
    if not n or len(n) > LONGEST_PIECE or lex.level_word(n) or is_sign_off(n, lex) or _SENTENCE_END.search(v):
        return False
    if _DATE_CUT.search(v) and _DATE_REST.match(n):
        return True
    if _DIGIT.search(v) and not unit_column and not _DIGIT.search(n) and len(n) <= 4:
        both, alone = read_value(v + n, "higher", lex), read_value(v, "higher", lex)
        known = both.form == "number" and bool(both.unit) \
            and all(u in lex.units or u == "%" for u in both.unit.split("/"))  # (元/平方米: each part a unit)
        return known and both.unit != alone.unit  # (≥100百分 / 比: 百分 is no unit, 百分比 is %)
    if lex.explanation and lex.explanation.match(n) or v in lex.qualitative_words:
        return False  # 减少 / 反映…: the row's explanation after a whole target in words
    return not _DIGIT.search(v) and not is_value_like(n, lex) and (
        bool(_SENTENCE_ON.search(v)) or bool(_SENTENCE_ON.search(n)) or bool(_SENTENCE_END.search(n)) and not ends_like_name(n)
        or _worded_cut(v, n, lex))


def _ends_worded(text: str, lex: Lexicon) -> bool:
    """``text`` ends the way a target in words does (…规定, …完成, …明显: lexicon ``qualitative``)."""
    return text.endswith(lex.qualitative_words) or text.endswith(lex.qualitative_ends)


def _worded_cut(v: str, n: str, lex: Lexicon) -> bool:
    """A target in words cut where its cell wrapped (严格执行相关 / 制度规定, 在项目计划完 / 成时间内完成):
    it does not end the way such a target does, and with the next line, no wider, it does."""
    return len(v) >= 3 and not is_value_like(v, lex) and not _ends_worded(v, lex) and _ends_worded(v + n, lex) \
        and len(n) <= len(v) + WIDER and not reads_complete(n) and not ends_like_name(v + n)


_EXPLAINED_END = re.compile(r"的?(情况|程度|效果|水平)[。.]?")  # an explanation's last words, wrapped
_RULE_END = re.compile(r"[分。.]$")  # a scoring rule's end (…扣分, …不得分。)


def note_goes_on(note: str, nxt: str, lex: Lexicon) -> bool:
    """``nxt`` is the rest of an explanation or a scoring rule wrapped in its cell (反映提交报告及时 /
    情况, 完成得满分，未完 / 成按比例扣分): the cell does not read complete and, for an explanation, does
    with it; never a value, a level word, a label or the next explanation."""
    v, n = normalize_text(note), normalize_text(nxt)
    if not n or len(n) > LONGEST_PIECE or _SENTENCE_END.search(v) or starts_value(n, lex) or lex.level_word(n) \
            or is_sign_off(n, lex) or label_kind(n, lex) is not None or (lex.explanation and lex.explanation.match(n)):
        return False
    if lex.explanation and lex.explanation.match(v) and (not reads_complete(v) or _EXPLAINED_END.fullmatch(n)):
        return reads_complete(v + n) or bool(_SENTENCE_END.search(n))  # (反映单项业务成本 / 情况)
    return bool(lex.scoring_rule and lex.scoring_rule.search(v)) and not _RULE_END.search(v) \
        and not reads_complete(n) and not is_qualitative_text(n, lex)


def description_goes_on(text: str, piece: str, nxt: str, lex: Lexicon) -> bool:
    """``piece`` is the rest of a name's description (指标内容) wrapped in its cell, the row's figure
    next (各项工作按计划进 / 度及时完成 / 100%, 解困工资提标补差 / 标准 / 143元/月/人): words no wider than the
    description's first line, with no figure, sign or nature word, that read as a target only by their
    words, before a value with a figure."""
    t, n = normalize_text(piece), normalize_text(nxt)
    return bool(t) and _words_only(t, lex) and not lex.level_word(t) and not is_sign_off(t, lex) \
        and len(t) <= len(normalize_text(text)) + WIDER and bool(_DIGIT.search(n)) and starts_value(n, lex)


def sentence_rest(value: str, lines: list[str], at: int, lex: Lexicon) -> int:
    """How many lines from ``at`` end the sentence a worded value begins (显著提升了疫 / 情期间对民办
    幼儿园的扶持 / 力度,大力支 / 持了民办幼儿园的发展。): the lines up to one ending in 。, each
    plain words (no value, level word, or name's end), or 0."""
    v = normalize_text(value)
    if not v or _DIGIT.search(v) or _SENTENCE_END.search(v) or ends_like_name(v) or v in lex.qualitative_words:
        return 0
    for j in range(at, min(at + 2 * MOST_LINES, len(lines))):
        t = normalize_text(lines[j])
        if not t or len(t) > 2 * LONGEST_PIECE or lex.level_word(t) or is_value_like(t, lex) or is_sign_off(t, lex) \
                or header_role(t, lex) is not None or (lex.explanation and lex.explanation.match(t)):
            return 0
        if _SENTENCE_END.search(t):
            return j - at + 1
        if ends_like_name(t):
            return 0
    return 0


def wraps_to_name(lines: list[str], at: int, lex: Lexicon, described: bool = False) -> bool:
    """Line ``at`` is the first piece of a name wrapped over the lines after it, the value next
    (县级储备粮库 / 存成本核算率 / 100%; ``described``: or after the name's description): a piece that
    is no value, no target in words and no sentence, that with the pieces after it, none wider than
    it, ends the way a name does (a note before a longer name is the note: 特困人员实行动态管理 /
    扶贫临时救助人数(按月平均)(≥**人))."""
    if at + 2 >= len(lines):
        return False
    t = normalize_text(lines[at])
    if len(t) > LONGEST_PIECE or not WORD_RE.search(t) or t[0] in _CLOSING or not _piece(t, lex) \
            or (reads_complete(t) and not cut_word(t, lines[at + 1])) or is_value_like(t, lex) \
            or (is_qualitative_text(t, lex) and _ends_worded(t, lex) and not _opens(t) and not ends_name(t, lines[at + 1], lex)) \
            or lex.level_word(t) or is_sign_off(t, lex):
        return False  # (及时(按 / 期)完工率: a bracket left open, 达标 / 率: a name's end, no note's)
    width = len(t) + WIDER  # a wrapped cell's first line is its widest
    for j in range(at + 1, min(at + MOST_LINES, len(lines) - 1)):
        piece = normalize_text(lines[j])
        if starts_value(piece, lex) and not _worded_piece(piece, lex) and not closes(t, piece) \
                or lex.level_word(piece) or len(piece) > width:
            return False  # (贫困人口收入(≥** / 万元): a piece closing the bracket the name left open goes on)
        if j == at + 1 and starts_value(lines[j + 1], lex) \
                and (cut_word(t, piece) or len(piece) == 1 or bool(_DANGLING.search(t))):
            return True  # 烟感、温感控制设 / 备 / 160个, 气体灭火控制器及 / 报警主机 / 4台: a word cut by the break,
            # or a line ending on a joining word, no note's end and the next name
        t += piece
        if reads_complete(t):
            return starts_value(lines[j + 1], lex) or described and described_value(lines, j + 1, lex)
    return False


#: words of names a wrapped line may cut in two (课程数 / 量达标率)
_CUT_WORDS = frozenset({"数量", "人数", "次数", "个数", "户数", "人次", "比例", "比重", "占比", "时间", "成本", "金额", "面积",
                        "水平", "情况", "状况", "周期", "批次", "经费", "指标", "达标", "合格", "完成", "及时", "覆盖", "满意", "知晓", "使用",
                        "制度", "管理", "建设", "服务", "培训", "项目", "工程", "资金", "设施", "设备", "人员", "信息", "保障",
                        "考核", "验收", "群众", "对象", "执行", "维护", "运行", "发放", "补贴", "补助", "支出", "预算"})


def unit_bracket_end(name: str, lex: Lexicon) -> bool:
    """``name`` reads complete only by a bracket that holds no unit (受益脱贫(含监测对象)): the name may
    go on below it (户人口数), unlike one ending in its unit (培训人数(人))."""
    t = normalize_text(name)
    m = re.search(r"\(([^()]*)\)$", t)
    return bool(m) and bool(WORD_RE.search(t[:m.start()])) and not ends_like_name(t[:m.start()]) \
        and not (m.group(1) in lex.units or m.group(1) == "%" or unit_only(m.group(1), lex))


#: a line starting with one character before a list's mark or a joining word (钮、指示灯, 器及报警主机):
#: the end of a word the break cut, as no item of a list is one character
_WORD_END_FIRST = re.compile(r"^[\u4e00-\u9fff](、|及|和|与|或)")


def cut_word(name: str, piece: str) -> bool:
    """The line break between ``name`` and ``piece`` cuts one of a name's words (课程数 / 量达标率,
    紧急按 / 钮、指示灯)."""
    n, t = normalize_text(name), normalize_text(piece)
    return bool(n) and bool(t) and (n[-1] + t[0] in _CUT_WORDS
                                    or bool(_WORD_END_FIRST.match(t)) and "\u4e00" <= n[-1] <= "\u9fff"
                                    and not _DANGLING.search(n))


def described_value(lines: list[str], at: int, lex: Lexicon) -> bool:
    """Line ``at`` is a name's description and the line after it a value (科技活动 / 周举办次数 /
    科技活动周举办次数 / 1次, from ``at - 1``): the piece before ``at`` ends the name."""
    return at + 1 < len(lines) and not starts_value(lines[at], lex) and starts_value(lines[at + 1], lex)


def worded_before_level(t: str, nxt: str | None, lex: Lexicon) -> bool:
    """A target in words with none of the lexicon's qualitative words (参照政府采购成本控制) right
    before the next block's level word: the row's value, as no name ends a block without one. A list
    (名师、领导授课) is a name's wrapped piece."""
    return nxt is not None and bool(lex.level_word(normalize_text(nxt))) and not re.search(r"[\d、，,；;:：]", t) \
        and len(WORD_RE.findall(t)) >= 2 and not ends_like_name(t) and header_role(t, lex) is None \
        and label_kind(t, lex) is None


_NUMBER_FIRST = re.compile(r"^\d")
_PAIRS = ("()", "“”", "《》", "「」")
_CLOSING = frozenset(b for _, b in _PAIRS)  # no name starts so


def _opens(text: str) -> bool:
    """``text`` leaves a bracket or quote open (及时(按)."""
    t = normalize_text(text)
    return any(t.count(a) > t.count(b) for a, b in _PAIRS)


def level_ahead(lines: list[str], at: int, lex: Lexicon) -> int:
    """How many lines from ``at`` make one level word wrapped (可持续影 / 响指标, 服务对象 / 满意度指 / 标,
    可持续性发展影响 / 指标), or 0."""
    for n in (3, 2):
        word = "".join(normalize_text(x) for x in lines[at:at + n]) if at + n <= len(lines) else ""
        if word in lex.level1 or word in lex.level2:
            return n
    if at + 2 <= len(lines) and normalize_text(lines[at + 1]) == "指标" and lex.level_word(normalize_text(lines[at]) + "指标"):
        return 2  # 可持续性发展影响 / 指标: a level word the lexicon reads by its ending, its 指标 alone below
    return 0


_BRACKET_END = re.compile(r"[(（][^()（）]*[)）]$")


def runs_to_value(name: str, lines: list[str], at: int, lex: Lexicon, explains: bool = False) -> bool:
    """Lines ``at`` and after are the rest of ``name`` wrapped over three lines or more, the value
    next (因粮食市场波动引 / 起的粮食安全事 / 件发生数 / 0起; ``explains``: or the row's explanation,
    反映…): a name that does not read complete, pieces no wider than its first line, and the whole
    ending the way a name does."""
    if reads_complete(name) or not _piece(name, lex) or label_kind(name, lex) is not None:
        return False  # (预算规模及资金用途 / 预算数 / 20.00: the next form's facts)
    text, width = normalize_text(name), len(normalize_text(name)) + WIDER
    for j in range(at, min(at + MOST_LINES - 1, len(lines) - 1)):
        piece = normalize_text(lines[j])
        if j > at and len(_BRACKET_END.sub("", piece)) > len(normalize_text(lines[j - 1])) + WIDER:
            return False  # 对当地文物保护、文化传承影响 / 长远 / 提升博物馆绿化水平: a short line before a longer one
            # ends its cell (each line of a wrapped cell but its last fills the column; a note in brackets
            # ending the name, 人口收入 / (≥**万元), may run past it)
        if not piece or len(piece) > width or starts_value(piece, lex) and not _worded_piece(piece, lex) \
                or lex.level_word(piece) or not _piece(piece, lex) \
                or (piece[0] in _CLOSING and not closes(text, piece)) or label_kind(piece, lex) is not None:
            return False  # (”制度 after 四项: a quotation closed that the name never opened, text out of order)
        text += piece
        if reads_complete(text):
            after = normalize_text(lines[j + 1])  # (two lines: the rule for the next line's value)
            return j > at and (starts_value(after, lex) or explains and bool(lex.explanation and lex.explanation.match(after)))
    return False


def _words_only(t: str, lex: Lexicon) -> bool:
    """``t`` (normalised) is words only: no figure, value, unit, sign or nature word (定量)."""
    return not _DIGIT.search(t) and not is_value_like(t, lex) and not unit_only(t, lex) and t not in TYPE_WORDS \
        and not SIGN_ONLY.fullmatch(t)


def _worded_piece(piece: str, lex: Lexicon) -> bool:
    """``piece`` reads as a value only by holding a target's word (起的粮食安全事): words only, not ending
    the way a target in words does, so it may be a name's middle line."""
    t = normalize_text(piece)
    return _words_only(t, lex) and not _ends_worded(t, lex) and not ends_like_name(t) and not names_property(t)


def ends_name(name: str, piece: str, lex: Lexicon) -> bool:
    """``piece`` is a name's last character or two wrapped onto a line of its own (生均补助标准达标 /
    率): the name does not read complete without it and does with it."""
    t = normalize_text(piece)
    return len(t) <= 2 and not _DIGIT.search(t) and not reads_complete(name) and reads_complete(name + t) \
        and not is_value_like(t, lex)


_DANGLING = re.compile(r"[和与及或的对在为向把被将从、“《(]$")  # a name never ends so: it goes on below


UNIT_NOTE = re.compile(r"[(（][^()（）\d]{1,6}[)）]")  # (人), (万元): a name's unit in brackets


def dangles(name: str, piece: str, lex: Lexicon) -> bool:
    """``name`` ends on a word that never ends one (…健全和, …的, an open quotation): ``piece``, no value
    or level word, goes on with it (对推动基建项目“四项制度”健全和 / 落实的持续性影响); and a name's unit
    in brackets wrapped onto a line of its own (保障在职职工人数 / (人)) goes on with any name."""
    t = normalize_text(piece)
    if UNIT_NOTE.fullmatch(t) and not UNIT_NOTE.search(normalize_text(name)):
        return True
    return bool(_DANGLING.search(normalize_text(name))) and bool(t) and not is_value_like(t, lex) \
        and not lex.level_word(t) and not (lex.explanation and lex.explanation.match(t))


def closes(name: str, piece: str) -> bool:
    """``piece`` closes a bracket or quote ``name`` left open (对推动“四项制度 / ”健全和落实的持续性影响,
    对推动基建项目“ / 四项制度”健全和): the rest of the name, whatever it holds."""
    t, n = normalize_text(piece), normalize_text(name)
    return any(b in t and n.count(a) > n.count(b) for a, b in _PAIRS)


def signs_joined(table: RawTable, start: int) -> RawTable:
    """``table`` with a sign wrapped onto its own line above its number (``≥`` / ``50个``, a narrow
    value cell's copy) joined to it from line ``start`` on; for a table with no column of signs."""
    rows: list[list[str]] = []
    refs: list[str] = []
    skip = False
    for k, (row, ref) in enumerate(zip(table.rows, table.refs)):
        if skip:
            skip = False
            continue
        nxt = normalize_text(table.rows[k + 1][0]) if k + 1 < len(table.rows) else ""
        if k >= start and SIGN_ONLY.fullmatch(normalize_text(row[0])) and _NUMBER_FIRST.match(nxt):
            rows.append([row[0].strip() + table.rows[k + 1][0].strip()])
            skip = True
        else:
            rows.append(row)
        refs.append(ref)
    return table if len(rows) == len(table.rows) else dataclasses.replace(table, rows=rows, refs=refs)
