"""The meeting as an editable 16:9 deck (.pptx): one slide per entry of
:func:`analytics.reports.slides.slides` — text boxes and tables, charts as PNG pictures — with
every run in Microsoft YaHei (East Asian font) so that PowerPoint and WPS draw Chinese."""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, replace
from typing import Any, Callable

from analytics.present.format import text_width
from analytics.reports.context import ReportContext
from analytics.reports.slides import Slide, slides

W, M, BOTTOM = 13.333, 0.5, 6.85  # slide width, margin, bottom of the content area (inches)
MIN_TABLE_PT = 16  # the smallest table text of the deck
LAST_RESORT_PT = 12  # smaller still only for a table whose rows wrapped more than planned: never past the slide
LONG_TEXT_COLUMN = 2.2  # inches: a column wanting more than this holds text in words (a target), not a number or a status
MIN_TEXT_COLUMN = 1.2  # inches: a column of words cut to less than this is no better than every column narrowed


EA_FONT = "Microsoft YaHei"  # East Asian font set on every run of the deck (PowerPoint / WPS)


_STATUS_RGB = {"done": "1B7F3B", "on_track": "2E7DD7", "watch": "B07D00", "lagging": "D32F2F", "missed": "7B1F1F"}


def _ea(run: Any, font: str = EA_FONT) -> None:
    """Set the Latin and East Asian typefaces of a run so PowerPoint/WPS draw Chinese properly."""
    from pptx.oxml.ns import qn

    rpr = run._r.get_or_add_rPr()
    for tag in ("a:latin", "a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = rpr.makeelement(qn(tag), {})
            rpr.append(el)
        el.set("typeface", font)


# Dingbats (✔ ✖) are missing from Microsoft YaHei / SimSun and WPS's fallbacks: use √ and ×,
# which every Chinese font has. The page keeps the rule file's symbols (browsers fall back).
_DECK_GLYPHS = str.maketrans({"✔": "√", "✖": "×"})


def _para(tf: Any, text: str, size: float, *, bold: bool = False, color: str | None = None, first: bool = False, space: int = 6) -> Any:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    p = tf.paragraphs[0] if first else tf.add_paragraph()
    run = p.add_run()
    run.text = str(text).translate(_DECK_GLYPHS)
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    _ea(run)
    p.space_after = Pt(space)
    return p


def _textbox(slide: Any, x: float, y: float, w: float, h: float) -> Any:
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    tf = box.text_frame
    tf.word_wrap = True
    return tf


def _wide(ch: str) -> bool:
    """A character drawn a full em: CJK, the status symbols (▲ ■ ● √ ×) and quotes."""
    o = ord(ch)
    return o > 0x2E80 or 0x2500 <= o <= 0x27BF or 0x2018 <= o <= 0x201F or ch in "√×"


def _cell_width(text: str) -> float:
    """Like :func:`analytics.present.format.text_width`, in half-em units, on the safe side of what
    PowerPoint, WPS and LibreOffice draw: a character of :func:`_wide` counts two, and each change
    between Chinese and Latin text half a unit more (a quarter em), for the space renderers put between the two scripts
    (``≤1000元/人`` is drawn ``≤1000 元 / 人``: a cap's row planned on one line ran over two, past
    the slide's plan)."""
    chars = [ch for ch in str(text).translate(_DECK_GLYPHS)]
    wide = [_wide(ch) for ch in chars]
    turns = sum(1 for i in range(1, len(chars)) if wide[i] != wide[i - 1] and not chars[i].isspace() and not chars[i - 1].isspace())
    return sum(2 if w else 1 for w in wide) + turns / 2  # the space between scripts: a quarter em


def _head_width(text: str) -> float:
    """:func:`_cell_width` of a heading, set bold: a Latin letter a fifth wider (Budget, Likelihood)."""
    return sum(_cell_width(ch) * (1.0 if _cell_width(ch) == 2 else 1.2) for ch in str(text))


def _word_width(text: str, width: Callable[[str], float] = _cell_width) -> float:
    """The width of the longest piece of ``text`` a line cannot break (a Latin word, up to a hyphen:
    ``Year-`` ``end``; a CJK character alone), in :func:`_cell_width` units."""
    return max([0.0] + [width(w) for w in re.findall(r"[^\s\u2e80-\uffff]+?-|[^\s\u2e80-\uffff]+|\S", str(text))])


def _cell_lines(text: str, width_in: float, size_pt: float) -> int:
    """Wrapped line count of a table cell, on the safe side: words wrap whole and renderers
    (PowerPoint, WPS, LibreOffice) differ, so a line is taken as 80 % full."""
    per_line = max(1.0, width_in * 72 / size_pt * 2 * 0.8)  # in half-em units
    return max(1, math.ceil(_cell_width(text) / per_line))


def _lines(text: str, width_in: float, size_pt: float) -> int:
    """Wrapped line count of ``text`` in a box ``width_in`` wide at ``size_pt`` (CJK char ≈ 1 em)."""
    per_line = max(1.0, width_in * 72 / size_pt * 2 * 0.95)  # in half-em units
    return max(1, math.ceil(text_width(text) / per_line))


def _title_slide(slide: Any, s: Slide) -> None:
    tf = _textbox(slide, 0.8, 1.9, W - 1.6, 1.8)
    _para(tf, s.title, 38, bold=True, color="1F3864", first=True)
    _para(tf, s.subtitle, 26, color="404040")
    tf = _textbox(slide, 0.8, 4.2, W - 1.6, 2.4)
    for j, b in enumerate(s.bullets):
        _para(tf, b, 20, first=j == 0, color="404040")


def _head(slide: Any, s: Slide) -> float:
    """Title, subtitle and metric boxes; returns the top of the content area."""
    tf = _textbox(slide, M, 0.3, W - 2.9, 0.8)
    size = next((pt for pt in (28, 24, 20) if _lines(s.title, W - 2.9, pt * 1.1) == 1), 18)  # one line (bold)
    _para(tf, s.title, size, bold=True, color="1F3864", first=True)
    y = 1.05
    if s.subtitle:
        tf = _textbox(slide, M, y, W - 2 * M, 0.45)
        _para(tf, s.subtitle, 14, color="595959", first=True)
        y += 0.5
    if s.metrics:
        wbox = (W - 2 * M) / len(s.metrics)
        for j, mt in enumerate(s.metrics):
            tf = _textbox(slide, M + j * wbox, y, wbox - 0.1, 1.2)
            _para(tf, mt.label, 13, color="595959", first=True, space=2)
            _para(tf, mt.value, 28, bold=True, color="1F3864", space=2)
            if mt.note:
                _para(tf, mt.note, 11, color="7F7F7F", space=0)
        y += 1.3
    return y


@dataclass(frozen=True)
class _Bullets:
    size: float
    height: float


def _bullet_box(s: Slide, y: float) -> _Bullets:
    """Bullets sit at the bottom: their type size and the height they need (reserved first)."""
    size = 16 if len(s.bullets) <= 4 and sum(text_width(b) for b in s.bullets) < 420 else 13
    lines = sum(_lines("• " + b, W - 2 * M, size) for b in s.bullets)
    height = 0.0 if not s.bullets else min(BOTTOM - y, lines * size * 1.45 / 72 + 0.15)
    return _Bullets(size, height)


def _pictures(slide: Any, s: Slide, images: list[bytes], y: float, area_bottom: float) -> float:
    """Chart pictures from the left (one beside a table, else up to two); returns where the
    table may start (x). Beside a table the picture leaves the table the width its 16 pt text
    needs (at least 3 inches of picture)."""
    from pptx.util import Inches

    per = _picture_width(s, len(images))
    cx = M
    for png in images[: (1 if s.table else 2)]:
        pic = slide.shapes.add_picture(io.BytesIO(png), Inches(cx), Inches(y), width=Inches(per))
        max_h = Inches(max(0.5, area_bottom - y))
        if pic.height > max_h:
            ratio = max_h / pic.height
            pic.height = int(max_h)
            pic.width = int(pic.width * ratio)
        cx += per + 0.3
    return M + per + 0.3


def _picture_width(s: Slide, n_images: int) -> float:
    """A picture beside a table takes what the table leaves at its own type size (its columns
    as wide as their text, headings on up to two lines), at least 3 inches and at most half."""
    per = (W - 2 * M) / 2 - 0.15 if (s.table or n_images > 1) else min(W - 2 * M, 9.0)
    if s.table:
        wanted = sum(_needs(s, _table_size(s), two_line_heads=True))
        per = max(3.0, min(per, W - 2 * M - 0.3 - wanted))
    return per


def _table_size(s: Slide) -> int:
    """The type size a slide table starts at (never under 16 pt: read from the back of the room)."""
    return 18 if len(s.table) <= 6 else 16


def _needs(s: Slide, size: float, *, two_line_heads: bool) -> list[float]:
    """The width (inches) each column's longest text needs at ``size``; ``two_line_heads``: a
    heading of more than three characters may take two lines (``预算数（万元）``), the cells one."""
    em = size / 72 * 1.2  # inches per CJK character (bold, with a little room)
    cells = [max([0] + [_cell_width(r[c]) for r in s.table]) for c in range(len(s.columns))]
    heads = [max(math.ceil(_head_width(h) / 2), _word_width(h, _head_width)) if two_line_heads and _head_width(h) > 6
             else _head_width(h) for h in s.columns]  # a word of a heading is never cut (Likeliho|od)
    return [max(c, h) / 2 * em + 0.3 for c, h in zip(cells, heads)]


def _column_widths(s: Slide, table_w: float, size: float, name_share: float = 1 / 3) -> list[float]:
    """Every column but the first as wide as its longest text at ``size`` (so numbers and
    statuses never wrap), the first (names) the rest; narrower columns only when the names would
    get less than a third of the table — the columns of words first (a target in words wraps
    anyway; a status or a number that wrapped would double every row's height), then the same
    with headings on two lines, all of them alike only when that is not enough."""
    em = size / 72 * 1.2  # inches per CJK character (bold, with a little room)
    for two_line_heads in (False, True):
        need = _needs(s, size, two_line_heads=two_line_heads)
        name_w = min(need[0], max(table_w * name_share, 2.6))
        room = table_w - name_w
        rest = [min(w, table_w * 0.3) for w in need[1:]]  # a long text (a two-year target) wraps in its column
        if sum(rest) <= room:
            return [table_w - sum(rest), *rest]
        # columns of words (a target in words wraps anyway), by their cells, not their heading
        worded = [max([0] + [_cell_width(r[c]) for r in s.table]) / 2 * em + 0.3 > LONG_TEXT_COLUMN for c in range(1, len(need))]
        left = room - sum(w for w, x in zip(rest, worded) if not x)
        cap = _water_level([w for w, x in zip(rest, worded) if x], left) if any(worded) and left > 0 else 0.0
        if cap >= MIN_TEXT_COLUMN:
            rest = [min(w, cap) if x else w for w, x in zip(rest, worded)]
            return [table_w - sum(rest), *rest]
    least = max(table_w * 0.2, _word_width(s.columns[0]) / 2 * em + 0.3,
                max([0.0] + [_word_width(r[0]) for r in s.table]) / 2 * em + 0.3)  # names on more lines, no word cut
    if sum(rest) <= table_w - least:  # the names give way before a number, a status or a heading's word is cut
        return [table_w - sum(rest), *rest]
    rest = [w * room / sum(rest) for w in rest]
    return [table_w - sum(rest), *rest]


def _water_level(widths: list[float], room: float) -> float:
    """The width ``c`` at which ``sum(min(w, c) for w in widths) == room`` (the widest columns
    cut down to a common width, the others kept); ``widths`` must not fit ``room``."""
    ws = sorted(widths, reverse=True)
    for k in range(1, len(ws) + 1):
        c = (room - sum(ws[k:])) / k
        if k == len(ws) or c >= ws[k]:
            return c
    return room / len(ws)


def _table_layout(s: Slide, table_w: float, avail: float, last_resort: bool = True) -> tuple[int, list[float], list[float]]:
    """(type size, column widths, row heights) of a slide table: columns by content (CJK counts
    double), rows by wrapped lines, a smaller size when the rows do not fit (under
    :data:`MIN_TABLE_PT` only with ``last_resort``)."""
    ncols = len(s.columns)
    size = _table_size(s)
    if s.key.startswith("actions"):
        widths = [table_w * f for f in [0.22, 0.12, 0.33, 0.33][:ncols]]
    else:
        widths = _column_widths(s, table_w, size)
    row_lines = [max(_cell_lines(str(v), max(0.3, widths[c] - 0.15), size) for c, v in enumerate(r)) for r in s.table]
    head_lines = max(_cell_lines(h, max(0.3, widths[c] - 0.15), size) for c, h in enumerate(s.columns))
    pad = 0.12
    heights = [(n_ * size * 1.35 / 72 + pad) for n_ in [head_lines, *row_lines]]
    if sum(heights) > avail and size > MIN_TABLE_PT:
        size, widths, heights = _table_layout_at(s, widths, MIN_TABLE_PT)
    if sum(heights) > avail and not s.key.startswith("actions"):  # names narrower before type smaller (long English units)
        narrow = _table_layout_at(s, _column_widths(s, table_w, MIN_TABLE_PT, name_share=1 / 4), MIN_TABLE_PT)
        if sum(narrow[2]) <= avail:
            size, widths, heights = narrow
    while last_resort and sum(heights) > avail and size > LAST_RESORT_PT:  # rows that wrapped more than the slide's plan: smaller, never cut off
        size, widths, heights = _table_layout_at(s, _column_widths(s, table_w, size - 1), size - 1)
    return size, widths, heights


def _table_layout_at(s: Slide, widths: list[float], size: float) -> tuple[int, list[float], list[float]]:
    row_lines = [max(_cell_lines(str(v), max(0.3, widths[c] - 0.15), size) for c, v in enumerate(r)) for r in s.table]
    head_lines = max(_cell_lines(h, max(0.3, widths[c] - 0.15), size) for c, h in enumerate(s.columns))
    return int(size), widths, [(n_ * size * 1.35 / 72 + 0.1) for n_ in [head_lines, *row_lines]]


def _table(slide: Any, s: Slide, x: float, y: float, table_w: float, avail: float) -> None:
    from pptx.util import Inches, Pt

    size, widths, heights = _table_layout(s, table_w, avail)
    shape = slide.shapes.add_table(len(s.table) + 1, len(s.columns), Inches(x), Inches(y), Inches(table_w), Inches(sum(heights)))
    table = shape.table
    for c, w in enumerate(widths):
        table.columns[c].width = Inches(w)
    for r_, h_ in enumerate(heights):
        table.rows[r_].height = Inches(h_)
    rows = [(s.columns, None, True)] + [(values, s.row_status[i] if i < len(s.row_status) else "", False)
                                        for i, values in enumerate(s.table)]
    for r_, (values, st_key, head) in enumerate(rows):
        for c, v in enumerate(values):
            cell = table.cell(r_, c)
            cell.text = ""
            cell.margin_top = cell.margin_bottom = Pt(2)
            color = _STATUS_RGB.get(st_key or "") if c == s.status_column else None
            _para(cell.text_frame, str(v), size, bold=head or color is not None, first=True, space=0, color=color)


def _content_slide(slide: Any, s: Slide, chart_png: Callable[[str], bytes | None] | None) -> None:
    y = _head(slide, s)
    bullets = _bullet_box(s, y)
    area_bottom = BOTTOM - bullets.height - (0.1 if bullets.height else 0.0)
    images = [png for png in (chart_png(name) for name in s.charts)] if chart_png else []
    images = [png for png in images if png]
    if s.table and s.bullets:  # a table never runs into the bullets: they go to the speaker notes
        x = M + _picture_width(s, len(images)) + 0.3 if images else M
        if sum(_table_layout(s, W - M - x, area_bottom - y, last_resort=False)[2]) > area_bottom - y:  # bullets yield before the type does
            slide.notes_slide.notes_text_frame.text = "\n".join("• " + b for b in s.bullets)
            s = replace(s, bullets=[])
            bullets, area_bottom = _Bullets(bullets.size, 0.0), BOTTOM
    table_x = _pictures(slide, s, images, y, area_bottom) if images else M
    if s.table:
        _table(slide, s, table_x, y, W - M - table_x, area_bottom - y)
    if s.bullets:
        top = BOTTOM - bullets.height if (images or s.table) else y + 0.1  # under the content, or at the top of an empty slide
        tf = _textbox(slide, M, top, W - 2 * M, bullets.height)
        for j, b in enumerate(s.bullets):
            _para(tf, "• " + b, bullets.size, first=j == 0, color="262626", space=3)
    if s.notes:
        tf = _textbox(slide, M, 6.95, W - 2.2, 0.45)
        _para(tf, " ".join(s.notes), 10, color="7F7F7F", first=True)


def pptx_bytes(ctx: ReportContext, chart_png: Callable[[str], bytes | None] | None = None) -> bytes:
    """The presentation as a 16:9 deck mirroring the 会议汇报 page: one slide per
    :func:`slides` entry, editable text boxes and tables, charts as PNG pictures (rendered by
    ``chart_png(name)``, e.g. :func:`analytics.reports.images.deck_chart_png`; without it the
    slides carry no pictures). Every run carries the East Asian font (Microsoft YaHei) so
    PowerPoint/WPS draw Chinese."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(W), Inches(7.5)
    blank = prs.slide_layouts[6]
    prs.core_properties.title = ctx.project.name
    prs.core_properties.author = "绩效目标跟踪"
    deck = slides(ctx)
    for i, s in enumerate(deck, start=1):
        slide = prs.slides.add_slide(blank)
        tf = _textbox(slide, W - 1.3, 7.0, 1.0, 0.4)
        _para(tf, f"{i}/{len(deck)}", 11, color="7F7F7F", first=True)
        if s.badge:
            tf = _textbox(slide, W - 2.2, 0.35, 1.8, 0.5)
            _para(tf, s.badge, 16, bold=True, color="C55A11", first=True)
        if s.key == "title":
            _title_slide(slide, s)
        else:
            _content_slide(slide, s, chart_png)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
