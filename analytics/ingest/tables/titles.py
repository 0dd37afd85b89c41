"""The project a table is about when no cell of its own names it (no ``项目名称`` label with its
value in the next cell): a name label run together with its value in a line of text
(``专项名称 残疾人事业发展补助资金 主管部门 省残联``, a copy that kept only spaces between the cells),
else the title. A title names its project before the form's words (``…项目2024年绩效目标表``,
``…补助资金2022年度绩效自评报告``, ``…项目自评结果``), or in brackets after them
(``2024年度市级预算项目绩效自评报告(标准化工作专项补助经费)``), or in a notice's words
(``关于…项目绩效目标设定的公示``). A title that names only a kind of project (``2022年区级一般性项目
绩效目标表``, ``部门整体支出绩效自评表``) names none, and the file's name is used instead.
"""

from __future__ import annotations

import re

from analytics.core.values import normalize_text
from analytics.ingest.tables.facts import label_kind
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.sources import RawTable

__all__ = ["project_name", "prose_title", "title_name"]

_ROWS = 40  # the lines a title or the facts above the table may stand in
_LONGEST_TITLE = 90
_LONGEST_NAME = 50
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: the words of a title that name a kind of project, not one (2022年区级一般性项目, 部门预算项目)
_GENERIC_NAME = re.compile(r"(19|20)\d{2}年?度?|部门预算|预算|中央对地方|转移支付|区级|市级|县级|省级|一般性|专项|部门|项目"
                           r"|整体|支出|区域|财政|资金|单位|目录|公开|第[一二三四五六七八九十\d]+部分|部分")
#: what no project's name holds: a site's or a copy's marks, a list of topics (…依据、实施主体、预算安排及)
_NOT_NAME = re.compile(r"[|•#`<>=@\\/]|、.*、|[、及和与或]$|^[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[(（][一二三四五六七八九十]{1,3}[)）]")
#: a notice's title: 关于“…项目”预算绩效评价结果的公示, 关于…种植项目绩效目标设定的公示, 关于下达…项目绩效目标的通知
#: (the letter's verb, 下达 / 印发 …, is no part of the name)
_NOTICE = re.compile(r"关于(?:下达|印发|批复|核定|分配|拨付|预拨|提前下达)?[“\"]?(?P<name>.{4,60}?项目)[”\"]?(的)?(预算绩效评价结果|绩效评价结果|绩效目标|绩效)?(设定|申报|批复)?"
                     r"(情况)?的?(公示|通知|公告|批复)")
#: the form's words ending a title, and a bracket after them: …绩效目标表（2024年度）, …绩效自评报告(…经费), …自评结果
_FORM = re.compile(r"^(?P<head>.*?)(?P<form>(?:绩效|自评|评价)(?:(?!指标(?!表))[^()（）]){0,12}?(?:表|报告|结果|公示|情况|自评|目标)(?:公开|公示)?)"
                   r"\s*(?:[(（](?P<note>[^()（）]{1,40})[)）])?$")
#: what comes before a title on its line: 附件2, 标题:, 关于, a site's path (首页 > 财政资金 > …)
_LEAD = re.compile(r"^(?:.*[>＞»]|(?:附件\s*\d*\s*[:：]?|附表\s*\d*\s*[:：]?|标题\s*[:：]|关于)+)")
#: a budget system's code before a project's name (51092322T000000431595-城乡居民监管工作经费)
_CODE = re.compile(r"^[0-9A-Z]{6,}\s*[-－—_]\s*")
#: the words of an indicator table's header: the rows above it (and its own) may hold the title and facts
_HEADER_WORDS = re.compile(r"^\s*(?:[一二三]级指标|指标名称|绩效指标|指标内容|(?:年度)?指标值|绩效目标)\s*$")
#: the words of a form's kind at the end of what a title names (…项目支出预算, …区域(项目), 部门整体支出)
_KIND_TAIL = re.compile(r"(?:(?:部门)?整体支出|支出|预算|区域|转移支付|[(（]项目[)）]|的|年度|度)+$")
_YEAR = re.compile(r"[(（]\s*(?:19|20)\d{2}\s*年?度?\s*[)）]|(?:19|20)\d{2}\s*(?:年度?|(?=项目))")
#: a note in brackets that is the form's, not a name: (定量目标), (2024年度)
_FORM_NOTE = re.compile(r"目标|指标|定量|定性|年度|(19|20)\d{2}")
#: the second line of a title wrapped onto two (…林业和草原局2021年度 / 项目绩效自评报告)
_WRAPPED = re.compile(r"^(?:项目|绩效|自评|评价|支出|预算|专项|部门|整体|年度|[(（]?\s*(?:19|20)\d{2})")


def _named(text: str) -> bool:
    """Whether ``text`` names a project: four Chinese characters or more besides the words of a kind."""
    return len(text) <= _LONGEST_NAME and len(_CJK.findall(_GENERIC_NAME.sub("", text))) >= 4 \
        and not _NOT_NAME.search(text) and _balanced(text)


def _balanced(text: str) -> bool:
    """Whether every bracket and book-title mark opened in ``text`` is closed in it."""
    t = text.replace("（", "(").replace("）", ")")
    return t.count("(") == t.count(")") and text.count("《") == text.count("》")


def title_name(title: str | None) -> str | None:
    """The project a form's or report's title names (see the module), else None."""
    text = re.sub(r"\s+", "", normalize_text(title or ""))
    if not text or len(text) > _LONGEST_TITLE:
        return None
    for piece in re.split(r"(?<=表)(?=\S{4})", text):  # two titles run together (…绩效目标表项目支出绩效目标申报表): each
        found = _form_title_name(piece)
        if found:
            return found
    return None


def _form_title_name(text: str) -> str | None:
    m = _FORM.match(text)
    if m is None:
        return None
    note = m.group("note") or ""
    if note and not _FORM_NOTE.search(note) and _named(note):
        return note  # …绩效自评报告(标准化工作专项补助经费)
    head = _LEAD.sub("", m.group("head"))
    if re.search(r"[:：；;。，,]", head):
        return None  # a sentence, or a label and its value: no title
    for piece in reversed(_YEAR.split(head)):  # …局2024年农产品质检…项目: the words after the year name the project
        piece = _KIND_TAIL.sub("", piece.strip("“”\"-—_ "))
        if _named(piece) and not re.search("绩效|自评|评价", piece):
            return piece
    return None


def prose_title(table: RawTable) -> str | None:
    """The project a notice or report is about, from its title: ``关于…种植项目绩效目标设定的公示``,
    ``关于“…建设项目”预算绩效评价结果的公示``, ``…经费项目2017年度绩效自评报告`` → the project
    (a title on one line or two)."""
    rows = table.rows[:_ROWS]
    for k, row in enumerate(rows):
        below = normalize_text(rows[k + 1][0]) if k + 1 < len(rows) and rows[k + 1] else ""
        cells = {normalize_text(c) for c in row if c.strip()}
        for text in cells if len(cells) == 1 else ():  # a title stands alone in its row
            m = _NOTICE.search(text) or _NOTICE.search(text + below)
            if m and _named(m.group("name")):
                return m.group("name")
            found = title_name(text) or (title_name(text + below) if _WRAPPED.match(below) and len(text) < 30 else None)
            if found:
                return found
    return None


def _name_labels(lex: Lexicon) -> tuple[list[str], list[str]]:
    """(the labels a run is cut at, longest first; those of them naming the project)."""
    labels = sorted((str(w) for w in lex.facts.get("run_labels") or []), key=len, reverse=True)
    return labels, [w for w in labels if re.search(lex.facts["name"], w)]


def named_in_run(rows: list[list[str]], lex: Lexicon) -> str | None:
    """The value of a name label run together with it in a line (``专项名称 残疾人事业发展补助资金
    主管部门 省残联``): the text after the label up to the next label of the lexicon's
    ``facts.run_labels``; a project's label (项目名称, 专项名称 …) before an office's (单位名称)."""
    labels, names = _name_labels(lex)
    if not names:
        return None
    cut = re.compile("|".join(map(re.escape, labels)))
    found: list[tuple[int, int, str]] = []
    for row in rows[:_ROWS]:
        text = re.sub(r"\s+", "", normalize_text(" ".join(c for c in row if c.strip())))
        marks = list(cut.finditer(text))
        for m, nxt in zip(marks, [*marks[1:], None]):
            if m.group(0) not in names:
                continue
            value = _CODE.sub("", text[m.end():nxt.start() if nxt else len(text)].lstrip(":：").rstrip(",，;；。"))
            if _named(value) and not re.search(r"指标|主管部|[:：]", value) and label_kind(value, lex) is None:
                found.append((1 if re.search(r"(单位|部门)名称", m.group(0)) else 0, len(found), value))
    return min(found)[2] if found else None


def project_name(table: RawTable, title: str | None, lex: Lexicon) -> tuple[str | None, str | None]:
    """(name, where it was found: ``label`` or ``title``) of the project ``table`` is about when no
    label cell named it: a name label in a line of the rows down to its header (the first row naming
    一级指标, 指标名称 …; a table's own rows never name it), else the form's ``title``, else a title
    line of those rows (see the module); (None, None) when none names it."""
    upto = next((k + 1 for k, row in enumerate(table.rows[:_ROWS]) if any(_HEADER_WORDS.search(c) for c in row)), _ROWS)
    above = RawTable(table.fmt, table.rows[:upto], table.refs[:upto])
    labelled = named_in_run(above.rows, lex)
    if labelled:
        return labelled, "label"
    titled = title_name(title) or prose_title(above)
    return (titled, "title") if titled else (None, None)
