"""Text copied out of a PDF, a web page or a sheet split into rows and cells (:func:`split_text`):
tab-separated, ``|``-separated (a web copy that drops merged cells, a row wrapped over lines joined
again), Word's "one cell per tab-led line, blank line between rows", comma-separated records, or one
cell per line; and a row a line with its cells set apart by blanks (:func:`split_spaces`, what a PDF
viewer copies). Split out of :mod:`.sources`, which reads every kind of file and gives a text here."""

from __future__ import annotations

import csv
import io
import re

from analytics.ingest.tables.raw import RawTable

__all__ = ["split_spaces", "split_text"]


_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")  # blanks other than the space (no-break, thin, …)
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")  # zero-width characters a web copy carries
_LONGEST_FIELD = 20  # characters of a comma-separated export's middle field, at most (a form run together: far more)
_RULE = re.compile(r"^(?=.*[-─━═]{3})(?=.*[|│┃+├┤┼┬┴┌┐└┘╔╗╚╝╠╣╦╩╬])[\s|│┃+:\-─━═├┤┼┬┴┌┐└┘╔╗╚╝╠╣╦╩╬]+$")  # ├──┼──┤, +---+: no row


def split_text(text: str, csv_hint: bool = False) -> RawTable:
    """Rows of a pasted or exported text, by its layout (see the module's help)."""
    text = _ODD_SPACE.sub(" ", _ZERO_WIDTH.sub("", text)).replace("\u3000", "  ")  # a web page's &nbsp;, a full-width blank
    lines = [_RULE.sub("", ln) for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    joined = _join_continued(lines)
    if joined is not None:
        return _pipes([ln for ln, _ in joined], [i for _, i in joined])
    filled = [ln for ln in lines if ln.strip()]
    led = sum(1 for ln in filled if ln.startswith("\t") and ln.count("\t") == 1)
    multi_tab = sum(1 for ln in filled if ln.strip("\t ").count("\t") >= 1)
    pipes = sum(1 for ln in filled if ln.count("|") >= 2 and ln.strip("| \t") and "|" in ln.strip().strip("|"))
    commas = sum(1 for ln in filled if ln.count(",") >= 2)
    n = max(1, len(filled))
    if led >= 0.3 * n and led > multi_tab:
        return _tab_led(lines)
    if multi_tab >= 0.3 * n:
        if _excel_quoted(lines):  # Excel's copy: a cell written on several lines is quoted
            return _delimited(lines, "\t", "text-tab")
        wrapped = _join_wrapped(lines, "\t")
        if wrapped is not None:
            return RawTable("text-tab", [[c.strip() for c in ln.split("\t")] for ln, _ in wrapped],
                            [f"L{i}" for _, i in wrapped])
        return _delimited(lines, "\t", "text-tab")
    if pipes >= 0.3 * n:
        return _pipes(lines)
    if csv_hint or (commas >= 0.5 * n and _even_fields(lines)):
        return _delimited(lines, ",", "csv")
    # one cell per line; a web copy may end each cell with | and mark empty cells with runs of |
    rows, refs = [], []
    for i, ln in enumerate(lines, start=1):
        parts = [p.strip() for p in ln.strip().strip("|").split("|")]
        # a cell and its closing |, or a cell followed by the empty cells of its row (3500 | ||)
        alone = ln.count("|") <= 1 or not ln.strip("| \t") or not any(parts[1:])
        cell = parts[0] if alone and ln.strip("| \t") else ("" if alone else ln.strip())
        if cell:
            rows.append([cell])
            refs.append(f"L{i}")
    return RawTable("text-lines", rows, refs, lines=lines)


def _even_fields(lines: list[str]) -> bool:
    """``lines`` read as comma-separated records have the same number of fields, three or more, on
    most of them (an export), not sentences with commas (a pasted paragraph, a form run together)."""
    records = [r for r in csv.reader(io.StringIO("\n".join(lines[:2000]))) if any(c.strip() for c in r)]
    widths = [len(r) for r in records]
    if len(widths) < 2:
        return False
    width = max(set(widths), key=widths.count)
    sentences = sum(1 for ln in lines if "。" in ln)
    fields = sorted(len(c.strip()) for r in records for c in r if c.strip())
    return width >= 3 and widths.count(width) >= 0.6 * len(widths) and sentences * 2 < len(widths) \
        and fields[len(fields) // 2] <= _LONGEST_FIELD  # a record's fields are short, a paragraph's pieces long


def _tab_led(lines: list[str]) -> RawTable:
    """Word's plain-text copy of a table: each cell starts a line with a tab, a cell may wrap onto
    lines without a tab, a blank line ends the row."""
    rows: list[list[str]] = []
    refs: list[str] = []
    row: list[str] = []
    start = 0
    led = False  # the row has a tab-led cell (else it is a title line above the table)
    for i, ln in enumerate(lines, start=1):
        if not ln.strip() and not ln.startswith("\t"):
            if row:
                rows.append([c.strip() for c in row])
                refs.append(f"L{start}")
                row, led = [], False
            continue
        if ln.startswith("\t") and row and not led:
            rows.append([c.strip() for c in row])
            refs.append(f"L{start}")
            row = []
        if not row:
            start = i
        if ln.startswith("\t"):
            led = True
            row.append(ln[1:])
        elif row:
            row[-1] = row[-1].rstrip() + "\n" + ln.strip()
        else:
            row.append(ln.strip())
    if row:
        rows.append([c.strip() for c in row])
        refs.append(f"L{start}")
    return RawTable("text-word", rows, refs)


def _delimited(lines: list[str], delim: str, fmt: str) -> RawTable:
    text = "\n".join(lines)
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    rows, refs = [], []
    for record in reader:
        if any(c.strip() for c in record):
            rows.append([c.strip() for c in record])
            refs.append(f"L{reader.line_num}")
    if delim == "," and not rows:
        return RawTable(fmt, [], [])
    return RawTable(fmt, rows, refs)


_QUOTED_START = re.compile(r'(^|\t)"[^"\t]')


def _excel_quoted(lines: list[str]) -> bool:
    """Whether the tab-separated text is Excel's (or WPS's) copy of cells: a cell holding a line
    break or a quote is written in quotes (``"2022年`` / ``数据"``), so a line opens a quote it does
    not close."""
    return any(ln.count('"') % 2 and _QUOTED_START.search(ln) for ln in lines)


_WRAP_TAIL = re.compile(r"^(指标|[(（][^()（）]{1,6}[)）])$")
#: a row ending in a value (95%, 500人, 0.72) is complete: 指标 below it starts a header, a short line a row
_ENDS_VALUE = re.compile(r"\d[%％‰]?([^\W\d_]{0,3}|[^\W\d_]{1,3}(/[^\W\d_]{1,3}){1,2})$")  # (also 元/亩, 次/月)


def _join_wrapped(lines: list[str], delim: str) -> list[tuple[str, int]] | None:
    """A browser's copy of a web table, where a cell written on several lines (一级 / 指标,
    群众满意度 / （%）) breaks its row over those lines: from the first line naming 指标 on, a line
    that starts with such a tail joins the line above, and consecutive short lines whose cells add
    up to exactly one full row are joined into it. The rows (non-empty lines) with their first
    line's number; ``None`` when no row was broken."""
    start = next((k for k, ln in enumerate(lines) if "指标" in ln), len(lines))
    merged = [[ln, k + 1] for k, ln in enumerate(lines[:start + 1])]  # [text, number of its first line]
    for k in range(start + 1, len(lines)):  # a line that starts with a cell's tail: 效益 / 指标, 满意度 / （%）
        above = merged[-1][0].rstrip(" " + delim)
        if _WRAP_TAIL.match(lines[k].split(delim)[0].strip()) and above and not _ENDS_VALUE.search(above):
            merged[-1][0] = merged[-1][0].rstrip(" ") + lines[k].strip(" ")
        else:
            merged.append([lines[k], k + 1])
    tails = len(lines) - len(merged)
    counts = [ln.count(delim) for ln, _ in merged]
    full = [c for c in counts if c >= 2]  # a full row: the most common width (the wider on a tie)
    width = max(set(full), key=lambda c: (full.count(c), c)) if full else 0
    if (width < 2 or full.count(width) < 2) and not tails:
        return None
    out: list[tuple[str, int]] = []
    changed, i = tails > 0, 0
    while i < len(merged):
        j, total = i, 0
        while i >= start and j < len(merged) and j - i < 6 and merged[j][0].strip() and counts[j] < width \
                and total + counts[j] <= width \
                and not (j > i and _ENDS_VALUE.search(merged[j - 1][0].rstrip(" " + delim))):  # a value ends its cell
            total += counts[j]
            j += 1
            if total == width:
                break
        if j - i >= 2 and total == width:
            out.append(("".join(ln.strip(" ") if k else ln.rstrip(" ") for k, (ln, _) in enumerate(merged[i:j])),
                        merged[i][1]))
            changed, i = True, j
            continue
        if merged[i][0].strip():
            out.append((merged[i][0], merged[i][1]))
        i += 1
    return out if changed else None


_END_PAD = re.compile(r"\|\s*\|\s*$")  # the line ends with an empty cell: the row is complete
_END_OPEN = re.compile(r"[^|\s]\s*\|\s*$")  # text and one closing |: the row goes on below


_ONE_CELL_LINES = 0.8  # share of |-lines holding one cell at most that makes a text a cell a line
_ROW_START = re.compile(r"^(一级指标|产出指标|效益指标|满意度指标)\s*\|")  # the header's or a block's first cell


def _filled(line: str) -> int:
    return sum(1 for c in line.split("|") if c.strip())


def _join_continued(lines: list[str]) -> list[tuple[str, int]] | None:
    """A web copy whose rows end with a run of empty cells (``… | ≥90% | |||``) and whose long rows
    are broken after a cell (``一级指标 | 二级指标 |`` / ``实际 完成值 |`` / ``分值 | |||``): the
    broken lines joined into their row, each with the number of its first line; ``None`` when the
    text is not written that way."""
    piped = [ln for ln in lines if "|" in ln]
    padded = sum(1 for ln in piped if _END_PAD.search(ln))
    open_ = sum(1 for ln in piped if _END_OPEN.search(ln) and not ln.strip().startswith("|"))
    if padded < 3 or open_ < 3 or padded < 0.3 * len(piped) or sum(1 for ln in piped if ln.strip().startswith("|")) > 0.5 * len(piped):
        return None
    if sum(1 for ln in piped if _filled(ln) <= 1) >= _ONE_CELL_LINES * len(piped):
        return None  # a cell a line (一级指标 | / 产出指标 | / 3500 | ||): no row broken after several cells
    width = max(ln.count("|") for ln in piped if _END_PAD.search(ln))  # cells of a complete row
    out: list[tuple[str, int]] = []
    buf, start = "", 0
    for i, ln in enumerate(lines, start=1):
        text = ln.strip()
        if buf and buf.count("|") >= width:  # a full row (a header): not broken
            out.append((buf, start))
            buf = ""
        if buf and (_filled(text) >= 3 and _filled(buf) >= 3 and buf.count("|") + text.count("|") > width
                    or _filled(buf) >= 2 and _ROW_START.match(text)):
            out.append((buf, start))  # two lines that are each most of a row, together more than one: two rows
            buf = ""
        if buf:
            if not text:
                continue
            buf += " " + text
            if not _END_OPEN.search(text) or "|" not in text:
                out.append((buf, start))
                buf = ""
            continue
        if "|" in text and _END_OPEN.search(text) and not _END_PAD.search(text):
            buf, start = text, i
            continue
        out.append((ln, i))
    if buf:
        out.append((buf, start))
    return out


def _pipes(lines: list[str], numbers: list[int] | None = None) -> RawTable:
    """``|``-separated rows. A leading (trailing) ``|`` is a border when most rows have one, else
    it stands after (before) an empty cell. ``numbers``: the line number of each line (when
    broken lines were joined first)."""
    piped = [ln.strip() for ln in lines if ln.count("|") >= 2 and not _SEP_RE.match(ln)]
    lead = sum(1 for ln in piped if ln.startswith("|")) >= 0.6 * max(1, len(piped))
    trail = sum(1 for ln in piped if ln.endswith("|")) >= 0.6 * max(1, len(piped))
    rows, refs = [], []
    for i, ln in enumerate(lines, start=1):
        if not ln.strip() or _SEP_RE.match(ln):
            continue
        cells = ln.strip().split("|") if "|" in ln else [ln.strip()]
        if len(cells) > 1 and lead and ln.strip().startswith("|"):
            cells = cells[1:]
        if len(cells) > 1 and trail and ln.strip().endswith("|"):
            cells = cells[:-1]
        rows.append([c.strip() for c in cells])
        refs.append(f"L{numbers[i - 1] if numbers else i}")
    return RawTable("text-pipe", rows, refs)


_CMP_ONLY = re.compile(r"^[≥≤<>=＞＜≧≦]+$")
_BAR_ONLY = re.compile(r"^[|｜│┃]+$")
_BRACKET_TAIL = re.compile(r"^[(（][^()（）]{0,8}[)）]$")
_BRACKET_REACH = 3  # tokens after an open bracket that may still close it on the same line


def _open_bracket(cell: str) -> bool:
    """A cell that opened a bracket it has not closed (``收益率(`` before ``≥**%`` and ``)``): the
    blanks inside the bracket do not end the cell."""
    opened = cell.count("(") + cell.count("（")
    return opened > cell.count(")") + cell.count("）") and len(cell) <= 40


def _inside_bracket(cell: str, tokens: list[str], n: int) -> bool:
    """Token ``n`` of a line goes inside the bracket ``cell`` left open: the bracket closes within
    the next few tokens of the line, or the token starts the bracket's inside (数量( ≥**个, closed on
    a lower line). Else the bracket closes on a lower line and the token is a cell of its own."""
    return any(re.search(r"[)）]", t) for t in tokens[n:n + _BRACKET_REACH]) \
        or (cell.endswith(("(", "（")) and bool(re.match(r"[≥≤<>=≧≦＞＜*]", tokens[n])))


def split_spaces(table: RawTable) -> RawTable:
    """A text whose cells are separated by spaces on one line per row (a copy out of a PDF
    viewer): each line split at runs of blanks. A lone comparator (``≥ 95%``) joins the cell after
    it, a short bracket (``人次 （万）``) the cell before it, and a bracket's inside written with
    blanks (``收益率( ≥**% )``) stays in its cell. The positions of cells cannot be
    trusted (merged cells appear once), so the rows are read as compacted. A bar standing alone
    (``| 名称 | 95%``, from a pipe copy read here) separates cells and is no cell itself."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        tokens = " ".join(row).split()
        for n, token in enumerate(tokens):
            if _BAR_ONLY.match(token):
                continue
            if cells and (_CMP_ONLY.match(cells[-1]) or _BRACKET_TAIL.match(token)
                          or (_open_bracket(cells[-1]) and _inside_bracket(cells[-1], tokens, n))):
                cells[-1] += token  # ≥ 95%, 人次 （万）, 收益率( ≥**% ): one cell
            else:
                cells.append(token)
        rows.append(cells)
    return RawTable("text-space", rows, list(table.refs), table.sheet, False, list(table.sheets))
