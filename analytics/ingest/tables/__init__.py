"""Reading any real target table (绩效目标表, 区域绩效目标表, 自评表, 整体支出绩效目标表) as
people hold it: :func:`parse_table` gives a :class:`~analytics.ingest.tables.reading.TableReading`
(indicators with targets, units, kinds, directions and what was inferred and why; project facts;
every skipped or unread row) or a :class:`~analytics.ingest.tables.reading.NoTable` saying what was
looked for and what was found. Inference rules live in ``data/lexicon.yaml``.
"""

from __future__ import annotations

import dataclasses
import functools

import os
import re

from analytics.ingest.tables.bars import bars_apart
from analytics.ingest.tables.blocks import column_blocks
from analytics.ingest.tables.breaks import split_run_on_rows
from analytics.ingest.tables.centred import centred_rows
from analytics.ingest.tables.cells import is_value_like
from analytics.ingest.tables.columns import column_rows
from analytics.ingest.tables.closed import closed_cells
from analytics.ingest.tables.drawn import join_drawn_pieces
from analytics.ingest.tables.facts import note_forms, projected_noted, sample_marked
from analytics.ingest.tables.headerlines import join_header_lines
from analytics.ingest.tables.several import merge_forms
from analytics.ingest.tables.freelines import line_rows
from analytics.ingest.tables.fundtext import text_funding
from analytics.ingest.tables.layout import title_year, year_above
from analytics.ingest.tables.labelled import labelled_rows
from analytics.ingest.tables.lexicon import Lexicon, load_lexicon
from analytics.ingest.tables.linecells import marks_joined
from analytics.ingest.tables.lines import join_wrapped_words, rebuild_rows
from analytics.ingest.tables.measures import (apart_better, filled, left, ran_on, rank, sound, stated_in_names, whole,
                                              worth)
from analytics.ingest.tables.names import names_only
from analytics.ingest.tables.prose import prose_rows, prose_year
from analytics.ingest.tables.reading import NoTable, TableReading, read_grid
from analytics.ingest.tables.review import advise
from analytics.ingest.tables.runs import run_rows, stream_rows
from analytics.ingest.tables.script import simplified
from analytics.ingest.tables.sidebyside import stacked_halves
from analytics.ingest.tables.starts import form_parts
from analytics.ingest.tables.titles import project_name, prose_title
from analytics.ingest.tables.wrapped import cell_per_line, join_cell_lines, join_fragments, join_split_words
from analytics.ingest.tables.sources import TABLE_FILE_TYPES, RawTable, ReadFailure, read_source, split_spaces

__all__ = ["parse_table", "source_grid", "TableReading", "NoTable", "TABLE_FILE_TYPES"]


def parse_table(path: str | os.PathLike[str] | bytes, *, filename: str | None = None, sheet: str | None = None,
                year: int | None = None, lexicon: Lexicon | None = None, form: int | None = None
                ) -> TableReading | NoTable:
    """Read the target table in ``path`` (a file, or its bytes with ``filename``). Never raises
    for a bad file: the answer is then a :class:`NoTable`. Each table (sheet) is tried as laid
    out (a text with one cell per line: rebuilt from its header, else split at blanks); a text in
    which no reading finds an indicator is then read as sentences (:mod:`.prose`), and last, line
    by line (:mod:`.freelines`). The first reading with indicators wins.

    A file with several forms one below the other (one a project), or a workbook with a form on
    each of several sheets, is read form by form: all of them together, each indicator with its
    ``form``, or only form ``form`` (1, 2 …); the forms found are listed in ``source.forms``. A
    text one cell a line is cut where a next form begins (:mod:`.starts`) before it is cut into rows.
    A text copied partly as rows in cells and partly one cell a line is also read with its rows in
    cells set out one cell a line (:mod:`.bars`), the better reading kept."""
    lex = lexicon or load_lexicon()
    if isinstance(year, str):  # a year given as text (a form field, a JSON argument): its number
        year = int(year) if year.strip().isdigit() else None
    result = _parse(path, filename, sheet, year, lex, form)
    if isinstance(result, TableReading):
        advise(result, lex)
    return result


def _marked(result: TableReading | NoTable, tables: list[RawTable], lex: Lexicon) -> TableReading | NoTable:
    """``result`` with ``source.sample_data``: whether a cell of the file marks its figures as
    invented (【示例数据】, lexicon ``facts.sample_mark``), and ``source.projected_actuals``: whether
    a note says its 实际完成值 are estimates (年中测算, lexicon ``facts.projected_note``); and the
    project's name from a line above the table or its title when no cell named it (:mod:`.titles`)."""
    if isinstance(result, TableReading):
        shown = next((t for t in tables if t.sheet == result.source.get("sheet")), tables[0] if tables else None)
        if not result.project.get("name") and shown is not None:  # read another way than by its header: its title
            _named(result, simplified(shown)[0], lex)
        if shown is not None and not result.project.get("funding") and not result.source.get("forms"):
            _funded_in_words(result, shown, lex)
        result.source["sample_data"] = any(sample_marked(t.rows, lex) for t in tables)
        result.source["projected_actuals"] = any(projected_noted(t.rows, lex) for t in tables)
        note_forms(result.source.get("forms") or [], tables, lex)
    return result


def _funded_in_words(result: TableReading, table: RawTable, lex: Lexicon) -> None:
    """``result``'s funding from the words above its table (:mod:`.fundtext`) when the table has no
    money block: a cover letter's or a 项目概况 paragraph's 项目总投资…万元，其中…, said in
    ``project.inferred.funding``. Above the table: the lines before its header, else before its first
    indicator."""
    ends = [result.source.get("header_row"), *(ind.get("where") for ind in result.indicators[:1])]
    upto = next((table.refs.index(r) for r in ends if r in table.refs), None)
    found = text_funding(table.rows[:upto], table.refs[:upto], lex) if upto else None
    if found is not None:
        result.project["funding"] = found[0]
        result.project.setdefault("inferred", {})["funding"] = found[1]


def _named(result: TableReading, table: RawTable, lex: Lexicon) -> None:
    """``result``'s project named by a label run with its value in a line of ``table`` or by its
    title (:func:`.titles.project_name`), and ``source.name_from`` saying which, for the review."""
    name, where = project_name(table, result.source.get("title"), lex)
    if name:
        result.project["name"], result.source["name_from"] = name, where


def _parse(path: str | os.PathLike[str] | bytes, filename: str | None, sheet: str | None, year: int | None,
           lex: Lexicon, form: int | None) -> TableReading | NoTable:
    name = os.path.basename(filename or (os.fspath(path) if not isinstance(path, bytes) else "")) or "table"
    tables = read_source(path, filename, sheet)
    if isinstance(tables, ReadFailure):
        return NoTable(tables.code, tables.detail)
    if sheet is None and len(tables) > 1 and all(t.sheet for t in tables):  # a workbook: a form a sheet, perhaps
        named = [t for t in tables if any("指标" in c or "目标" in c for row in t.rows for c in row)][:MAX_FORMS]
        readings = [r for r in (_parse_tables([t], name, year, lex, None) for t in named)
                    if isinstance(r, TableReading) and r.indicators]  # (a sheet naming no 指标 / 目标 holds none)
        if len(readings) > 1 and not any(r.source.get("forms") for r in readings):
            return _marked(merge_forms(readings, form), tables, lex)  # each sheet's form, as the forms one below the other
        if len(readings) == 1 and form is None and not readings[0].source.get("forms"):
            return _marked(readings[0], tables, lex)  # the one sheet with a form: not read again
    result = _apart(tables, _parse_tables(tables, name, year, lex, form), name, year, lex, form)
    if isinstance(result, NoTable) and result.code == "no_header" and any(t.pictures for t in tables):
        result = dataclasses.replace(result, code="sheet_table_picture")  # pictures and no table: a table pasted as a screenshot
    if isinstance(result, TableReading) and any(t.ocr for t in tables):
        result.source["ocr"] = True  # text read from pictures (a scan): see review.advise
    if isinstance(result, TableReading):  # rows and columns the sheet hides, left out: see review.advise
        shown = next((t for t in tables if t.sheet == result.source.get("sheet")), tables[0] if tables else None)
        if shown is not None and any(shown.left_out):
            result.source["hidden"] = {"rows": shown.left_out[0], "columns": shown.left_out[1]}
    return _marked(result, tables, lex)


def _apart(tables: list[RawTable], result: TableReading | NoTable, name: str, year: int | None, lex: Lexicon,
           form: int | None) -> TableReading | NoTable:
    """``result``, or, for a text copied partly as rows in cells and partly one cell a line, the text
    with its rows in cells set out one cell a line (:func:`.bars.bars_apart`) read as a text one
    cell a line, when that reading finds indicators where ``result`` found none or is the better
    one (:func:`.measures.apart_better`)."""
    apart = bars_apart(tables[0], lex) if len(tables) == 1 else None
    if apart is None:
        return result
    again = _parse_tables([apart], name, year, lex, form)
    if not isinstance(again, TableReading) or not again.indicators:
        return result
    if isinstance(result, TableReading) and result.indicators and not apart_better(again, result):
        return result
    return again


def _parse_tables(tables: list[RawTable], name: str, year: int | None, lex: Lexicon, form: int | None
                  ) -> TableReading | NoTable:
    """The first of ``tables`` (a file's sheets) read with indicators (see :func:`parse_table`)."""
    first: TableReading | NoTable | None = None
    for table in tables:
        parts = _parts_read(table, name, year, lex, form)
        if parts is not None:  # forms run one after the other in a text one cell a line: each read on its own
            return parts
        table, converted = simplified(table)  # a mirror copy in traditional characters is read in simplified
        if table.fmt == "text-lines":  # 绩 / 效 / 指 / 标, 一级 / 指标: a label broken over lines, joined
            table = join_wrapped_words(marks_joined(table, lex), lex)
        given = table  # the text as given, its title lines each on their own
        result = _laid_out(table, lex, year, name, converted)
        if isinstance(result, TableReading) and table.fmt.startswith("text") \
                and (stated_in_names(result) or result.source.get("format") == "text-prose" and ran_on(result)):
            said = _prose(prose_rows(table, lex), table, lex, year, name, converted)
            if said is not None and sound(said) > sound(result):  # 考核内容: several targets worded in one cell;
                result = said  # a report's labelled lines run across its sentences: read as sentences
        laid = _by_place(table, lex)
        if laid is not None:  # a text keeping its columns by place (a PDF converted with its layout)
            laid, laid_converted = simplified(laid)
            by_place = _read(split_run_on_rows(laid, lex), lex, year, name, laid_converted)
            if isinstance(by_place, TableReading) and by_place.indicators \
                    and (filled(by_place) or not isinstance(result, TableReading) or not filled(result)):
                table, result, converted = laid, by_place, laid_converted
        if isinstance(result, TableReading) and result.indicators:
            if year is None:
                result = _with_title_year(table, given, result, lex, name, converted)
            if not result.project.get("name"):  # no 项目名称 cell: a run's, the title's
                _named(result, given, lex)
            projects = _by_project(table, result, lex)
            if projects is not None:  # a system's export: many projects in one sheet
                return merge_forms(projects, form)
            return _with_next_forms(table, result, lex, year, name, converted, form)
        if first is None or (isinstance(result, TableReading) and isinstance(first, NoTable)):
            first = result
        text = table.fmt.startswith("text")
        clauses = functools.cache(functools.partial(prose_rows, table, lex, True))  # cut once, read by two rules
        free = line_rows(table, lex) if _in_cells(table) else None  # rows without a header: their cells first
        if not text and free is None:
            continue  # a workbook or CSV with no header: only rows of names and targets are read, never sentences
        prose = None if free is not None or not text else _prose(clauses(), table, lex, year, name, converted)
        if prose is not None:  # no table: targets written as sentences
            return prose
        free = free or line_rows(table, lex)
        if free is not None:  # no header fits: a name and its values on each line
            titled = title_year(table.rows, len(table.rows), lex)
            result = _read(free[0], lex, year or titled, name, converted)
            if isinstance(result, TableReading) and result.indicators:
                if year is None:
                    result.source["year_from"] = "title" if titled else None
                result.unread.extend(free[1])
                result.unread.sort(key=lambda u: int(u["where"][1:]) if u["where"][1:].isdigit() else 0)
                return result
            prose = _prose(clauses(), table, lex, year, name, converted) if text else None
            if prose is not None:  # a notice's head in cells (索引号 | …), its targets in sentences below
                return prose
        headless = stream_rows(table, lex, headless=True) if text else None
        if headless is not None:  # rows run together, copied without their header: the last resort
            result = _read(headless, lex, year, name, converted)
            if isinstance(result, TableReading) and result.indicators:
                return result
        prose = _prose(clauses(), table, lex, year, name, converted, single=True) if text else None
        if prose is not None:  # one target in a sentence under its level label (a notice cut after it)
            return prose
        named = names_only(table, lex) if text else None
        if named is not None:  # a copy cut before its values: the names, their targets left to fill in
            result = _read(named, lex, year, name, converted)
            if isinstance(result, TableReading) and result.indicators:
                result.source["advice"] = "names_only"
                return result
        if table.fmt == "text-docx":  # a Word document without a table and without targets in its text
            return NoTable("word_table_picture" if table.pictures else "no_word_table", str(len(table.rows)))
    if isinstance(first, TableReading) and not first.indicators:  # a header with no indicator under it
        below = [u["text"][:80] for u in first.unread] + [s["text"][:80] for s in first.skipped]
        return NoTable("no_rows", str(first.source.get("header_row") or ""), rows=len(below), sample=below[:4])
    return first or NoTable("empty")


def _prose(prose: tuple[RawTable, list[dict[str, str]]] | None, table: RawTable, lex: Lexicon, year: int | None,
           name: str, converted: list[str], single: bool = False) -> TableReading | None:
    """The reading of ``prose`` (:func:`.prose_rows` of ``table``, cut with ``single``): targets
    written as sentences, two or more, or with ``single`` also one sentence under a level label;
    None when it holds none."""
    if prose is None or (not single and len(prose[0].rows) < 3):
        return None
    result = _read(prose[0], lex, year or prose_year(table), name, converted)
    if not isinstance(result, TableReading) or not result.indicators:
        return None
    result.skipped.extend(prose[1])
    titled = None if result.project.get("name") else prose_title(table)
    if titled:  # a notice's or report's title names its project
        result.project["name"], result.source["name_from"] = titled, "title"
    if year is None:
        result.source["year_from"] = "text"
    return result


def _in_cells(table: RawTable) -> bool:
    """Most lines of ``table`` hold two cells or more (tab-, comma- or |-separated rows): rows of a
    table without its header rather than sentences."""
    cells = [sum(1 for c in row if c.strip()) for row in table.rows[:200] if any(c.strip() for c in row)]
    return bool(cells) and sum(1 for n in cells if n >= 2) * 2 > len(cells)


def _with_title_year(table: RawTable, given: RawTable, result: TableReading, lex: Lexicon, name: str,
                     converted: list[str]) -> TableReading:
    """``result``, or, when it left its value columns without a year (the way that cut the text
    dropped the lines above the header, or ran a wrapped title into other lines) and the first
    lines of the text as ``given`` name one (（2023年度）, …2022年 / …绩效目标表), ``table`` read
    again with that year."""
    if result.source.get("year") is not None \
            or not any(c.get("key") == "?" for c in result.source.get("value_columns") or []):
        return result
    titled, where = year_above(given.rows[:_TITLE_LINES], table.sheet, name, lex)  # (else the sheet's or file's name)
    if titled is None:
        return result
    again = _laid_out(table, lex, titled, name, converted)
    if not isinstance(again, TableReading) or len(again.indicators) < len(result.indicators):
        return result
    again.source["year_from"] = where
    return again


_TITLE_LINES = 40  # the lines of a text looked at for its title's year


def _by_place(table: RawTable, lex: Lexicon) -> RawTable | None:
    """The rows of a text that keeps its columns by place (:mod:`.columns`), or ``None``."""
    if table.fmt != "text-lines" or not table.lines:
        return None
    try:
        laid = column_rows(table.lines, lex)
    except Exception:  # noqa: BLE001 - a layout this way cannot cut is read the other ways
        return None
    if laid is None:
        return None
    # its rows are placed by line number; a line of a PDF is named by its page (p2 L7)
    numbers = [i for i, line in enumerate(table.lines, start=1) if line.strip()]
    if len(numbers) != len(table.refs):
        return laid
    place = {f"L{i}": ref for i, ref in zip(numbers, table.refs)}
    return dataclasses.replace(laid, refs=[place.get(r, r) for r in laid.refs])


MAX_FORMS = 60
_CENTRED_SHARE = 0.8  # a reading around middle lines wins with fewer unread rows, and most of the sound indicators
_CENTRED_WHOLE = 0.5  # … and half of the whole-named ones at least (not pieces of cells cut around the wrong lines)
_THIN = 2  # indicators: a one-cell-per-line text read with no more goes on to the other ways of cutting it
_DRAWN = 3  # pieces of wrapped cells joined that make a text a PDF viewer's copy, read cell by cell early
_LEFT = 3  # unread rows (and half the indicators) that let the other ways of cutting a text try


def _laid_out(table: RawTable, lex: Lexicon, year: int | None, name: str, converted: list[str]
              ) -> TableReading | NoTable:
    """The first reading of ``table`` as laid out that finds indicators; else the most telling
    failure. A text with one cell per line is read as columns set one after the other (:mod:`.blocks`),
    else rebuilt from its header, else split at blanks (a PDF copy), else cut where its cells run
    together, else read cell by cell in the order a PDF draws them (:mod:`.wrapped`). A reading
    with few indicators, or one that left many rows unread, lets the later ways try; the one with
    the most sound indicators (:func:`.measures.sound`) wins. After the split at blanks, the text is
    also read around each row's middle line (:mod:`.centred`, a copy of a form whose cells are
    centred): that reading becomes the best when it leaves fewer rows unread (:func:`.measures.worth`)
    and keeps most of the sound indicators and half of the whole-named ones, and a later way then
    replaces it only with more whole-named ones (:func:`.measures.whole`). Last, a text whose lines
    hold cells run together at blanks is also read set out one cell a line (:func:`_cells_apart`)."""
    # each way is cut only when the ways before it found too little (cutting a long stream costs seconds)
    cell_lines = functools.cache(lambda: join_cell_lines(table, lex))  # joined once, read two ways

    def centred() -> RawTable | None:
        return _centred(join_split_words(split_spaces(table), lex), lex)

    by_cell = functools.cache(lambda: _cell_by_cell(cell_lines(), lex))

    def drawn() -> RawTable | None:  # a PDF viewer's copy, cells wrapped in pieces: read cell by cell first
        found = by_cell()
        return found[0] if found is not None and found[1] >= _DRAWN else None

    def cell_by_cell() -> RawTable | None:  # else after the ways for rows run together
        found = by_cell()
        return found[0] if found is not None and found[1] < _DRAWN else None

    streamed = [False]  # whether the way for a form run together was tried

    def streamed_rows() -> RawTable | None:
        streamed[0] = True
        return stream_rows(table, lex)

    def columns_by_word() -> RawTable | None:  # a PDF's text drawn a column at a time, a few cells a line
        cells = cell_per_line(table)  # (三级指标 新建高校(校区) 工程质量达标率(%) / 年度目标值 / 7 100% 100%)
        return None if cells is None else column_blocks(cells, lex)

    tries = [lambda: column_blocks(table, lex), lambda: closed_cells(table, lex), lambda: rebuild_rows(cell_lines(), lex),
             lambda: split_run_on_rows(join_fragments(join_header_lines(join_split_words(split_spaces(table), lex), lex),
                                                      lex), lex),
             centred, drawn,
             lambda: run_rows(table, lex), streamed_rows, cell_by_cell,
             columns_by_word] \
        if table.fmt == "text-lines" else [lambda: split_run_on_rows(table, lex)]
    if table.fmt in ("text-lines", "text-docx", "csv"):  # 名称(单位),目标值2,完成值2,分值6: a report's labelled sentences
        tries.insert(0, lambda: labelled_rows(table, lex))
    elif table.fmt in ("text-pipe", "text-tab"):  # … also below a head in cells, when no table is found in them
        tries.append(lambda: labelled_rows(table, lex))
    if table.fmt == "csv" and not table.merged:  # a few lines of prose with commas, no real CSV: split at blanks
        tries.append(lambda: split_run_on_rows(split_spaces(table), lex))
    first: TableReading | NoTable | None = None
    best: TableReading | None = None  # the fullest reading; one of only a row or two lets the later ways try
    around: TableReading | None = None  # the reading around middle lines, while it is the best
    for cut in tries:
        attempt = cut()
        if attempt is None:
            continue
        result = _read(attempt, lex, year, name, converted)
        if isinstance(result, TableReading) and result.indicators:
            if cut is centred:
                if best is None or (worth(result) > worth(best) and sound(result) >= _CENTRED_SHARE * sound(best)
                                    and whole(result) >= _CENTRED_WHOLE * whole(best)):
                    best = around = result
                continue  # the later ways may still find more sound indicators
            if best is None or ((whole(result) - left(result) / 2 > whole(best) - left(best) / 2) if best is around
                                else rank(result) > rank(best)):
                best = result  # over the reading around middle lines, only one with more whole indicators
            if best is not around and filled(best) > _THIN and left(best) < max(_LEFT, len(best.indicators) / 2):
                break  # a reading that left many rows unread lets the later ways try
        elif first is None or (isinstance(result, TableReading) and isinstance(first, NoTable)):
            first = result
    if best is not None and table.fmt == "text-lines" and not sound(best) and not streamed[0]:
        attempt = stream_rows(table, lex)  # every row cut wrong (名称 产出指标数量指标足额保障率, 科目调整次数≤10次):
        result = _read(attempt, lex, year, name, converted) if attempt is not None else None  # a form run together
        if isinstance(result, TableReading) and rank(result) > rank(best):  # over lines, as one stream
            best = result
    if best is not None and table.fmt == "text-lines":
        best = _cells_apart(table, best, lex, year, name, converted)
    return best or first or NoTable("empty")


def _cells_apart(table: RawTable, best: TableReading, lex: Lexicon, year: int | None, name: str,
                 converted: list[str]) -> TableReading:
    """``best``, or the text set out one cell a line at its blanks (:func:`.cell_per_line`: the
    cells of a row at one height run together by a PDF viewer's copy in the order the PDF draws
    them, each wrapped cell's later lines below) and read as one cell a line, wrapped cells put back
    (:func:`.join_cell_lines`, :func:`.rebuild_rows`), when that reading is the better one
    (:func:`.measures.apart_better`), with the project's facts ``best`` read where it read none."""
    cells = cell_per_line(table)
    if cells is None or cells is table:
        return best
    apart = _read(rebuild_rows(join_cell_lines(cells, lex, apart=True), lex), lex, year, name, converted)
    if not isinstance(apart, TableReading) or not apart_better(apart, best):
        return best
    for key in _FACTS:  # the facts of a header line cut short (项目名称 | 项目单位 … before its levels): as read whole
        apart.project[key] = apart.project.get(key) or best.project.get(key)
    return apart


_FACTS = ("name", "departments", "funding", "overall_goal", "goals")  # a project's facts, as a reading holds them


def _centred(words: RawTable, lex: Lexicon) -> RawTable | None:
    """A copy split at blanks read as a table whose text stands in the middle of its cells
    (:mod:`.centred`), or ``None``."""
    rows = centred_rows(words, lex)
    return None if rows is None else split_run_on_rows(rows, lex)


def _cell_by_cell(joined: RawTable, lex: Lexicon) -> tuple[RawTable, int] | None:
    """A text in the order a PDF draws its cells, its wrapped cells already joined
    (:func:`~analytics.ingest.tables.wrapped.join_cell_lines`), rebuilt one cell a line
    (:func:`~analytics.ingest.tables.wrapped.cell_per_line`) with the pieces of cells wrapped at one
    height joined (:mod:`.drawn`), and how many pieces were joined so; ``None`` for a text too big."""
    cells = cell_per_line(joined)
    if cells is None:
        return None
    pieces = join_drawn_pieces(cells, lex)
    return rebuild_rows(join_wrapped_words(pieces, lex), lex), len(cells.rows) - len(pieces.rows)


def _parts_read(table: RawTable, name: str, year: int | None, lex: Lexicon, form: int | None
                ) -> TableReading | NoTable | None:
    """The forms of a text one cell a line that runs several one after the other, cut where each
    begins (:func:`.starts.form_parts`) and read each on its own (a form naming no year takes the
    year of the form above): merged, each indicator with its ``form``, or only form ``form``;
    ``None`` when no later form begins, or a part reads no indicators or several forms, or two
    forms in a row name one project (its facts said again on a new page)."""
    parts = form_parts(table, lex)
    if parts is None:
        return None
    readings: list[TableReading] = []
    for part in parts:
        reading = _parse_tables([part], name, year, lex, None)
        above = readings[-1] if readings else None
        if isinstance(reading, TableReading) and above is not None and reading.source.get("year") is None \
                and above.source.get("year"):
            again = _parse_tables([part], name, above.source["year"], lex, None)
            if isinstance(again, TableReading) and again.indicators:
                reading = again
                reading.source["year_from"] = "form_above"
        if not isinstance(reading, TableReading) or not reading.indicators or reading.source.get("forms"):
            return None
        if above is not None and reading.project.get("name") and reading.project.get("name") == above.project.get("name"):
            return None
        readings.append(reading)
    return merge_forms(readings, form)


def _with_next_forms(table: RawTable, first: TableReading, lex: Lexicon, year: int | None, name: str,
                     converted: list[str], form: int | None) -> TableReading | NoTable:
    """``first`` and the forms below it (from the first row it skipped as ``after_table``, the
    file's rows read again as a table of their own): merged, each indicator with its ``form``, or
    only form ``form``."""
    readings, current_table = [first], table
    while len(readings) < MAX_FORMS:
        current = readings[-1]
        after = next((s for s in current.skipped if s["reason"] == "after_table"), None)
        if after is None or after["where"] not in current_table.refs:
            break
        i = current_table.refs.index(after["where"])
        if i == 0:  # rows sharing one place (a stream cut from one line): no way past them
            break
        line = re.fullmatch(r"L(\d+)", after["where"])
        lines = [""] * (int(line.group(1)) - 1) + current_table.lines[int(line.group(1)) - 1:] \
            if line and current_table.lines else []  # the text's lines from the next form on, numbered as in the file
        current_table = RawTable(current_table.fmt, current_table.rows[i:], current_table.refs[i:], current_table.sheet,
                                 current_table.merged, list(current_table.sheets), lines)
        nxt = _laid_out(current_table, lex, year, name, converted)
        if isinstance(nxt, TableReading) and nxt.source.get("year") is None and current.source.get("year"):
            nxt = _laid_out(current_table, lex, current.source["year"], name, converted)  # the year of the form above
            if isinstance(nxt, TableReading):
                nxt.source["year_from"] = "form_above"
        if not isinstance(nxt, TableReading) or not nxt.indicators:
            break
        readings.append(nxt)
    return merge_forms(readings, form)


_HEADER_ROWS = 3  # rows of a header the project column's header is looked for in


def _by_project(table: RawTable, reading: TableReading, lex: Lexicon) -> list[TableReading] | None:
    """One reading per project of a table with a project column (项目名称 on every row, a
    finance system's export of many projects), in the order they first appear; None when the
    table has no such column, names one project only, or an indicator's row holds no project
    name in that column (a level word or a number: a copy whose cells moved), or when ``table``
    is not cut into the reading's columns (a text read split at its blanks: its header row holds
    more than the column's header in that cell). A blank project cell is the project above it (a
    merged cell)."""
    column = next((c for c in reading.source.get("columns") or [] if c["role"] == "project"), None)
    if column is None:
        return None
    col, place = column["index"], {ref: i for i, ref in enumerate(table.refs)}
    head = place.get(reading.source.get("header_row"), len(table.rows))
    if not any(col < len(row) and row[col].split() and "".join(row[col].split()) in "".join(column["header"].split())
               for row in table.rows[head:head + _HEADER_ROWS]):
        return None
    names: list[str] = []
    last = ""
    for row in table.rows:
        cell = " ".join(row[col].split()) if col < len(row) else ""
        last = cell or last
        names.append(last)

    def of(where: str) -> str:
        i = place.get(where)
        return names[i] if i is not None else ""

    order = list(dict.fromkeys(of(ind["where"]) for ind in reading.indicators))
    if len(order) < 2 or any(not p or lex.level_word(p) or is_value_like(p, lex) for p in order):
        return None
    readings = []
    for project in order:
        inds = [dict(ind) for ind in reading.indicators if of(ind["where"]) == project]
        for n, ind in enumerate(inds, start=1):
            ind["seq"], ind["id"] = n, f"t{n:02d}"
        first = next(i for i, name in enumerate(names) if name == project)
        source = {**reading.source, "header_row": table.refs[first]}
        readings.append(TableReading(source, {**reading.project, "name": project}, inds,
                                     [s for s in reading.skipped
                                      if of(s["where"]) == project or (not of(s["where"]) and project == order[0])],
                                     [u for u in reading.unread if of(u["where"]) == project]))
    return readings


def _read(table: RawTable, lex: Lexicon, year: int | None, name: str,
          converted: list[str]) -> TableReading | NoTable:
    try:
        result = read_grid(stacked_halves(table, lex) or table, lex, year, name)  # two blocks side by side: one below the other
        if isinstance(result, TableReading):
            result.source["converted"] = converted  # traditional -> simplified, pinyin notes taken out
        return result
    except Exception as exc:  # noqa: BLE001 - a layout the reader does not know is reported, not raised
        return NoTable("unreadable", type(exc).__name__, len(table.rows))


def source_grid(path: str | os.PathLike[str] | bytes, *, filename: str | None = None,
                sheet: str | None = None) -> tuple[list[str], list[list[str]]]:
    """The source as the reader saw it, to show beside the reading: (row places such as ``A3``
    or ``L12``, rows of cell texts) of ``sheet`` (default: the first table); empty when unreadable."""
    tables = read_source(path, filename, sheet)
    if isinstance(tables, ReadFailure) or not tables:
        return [], []
    table = next((t for t in tables if sheet is None or t.sheet == sheet), tables[0])
    return list(table.refs), [list(r) for r in table.rows]
