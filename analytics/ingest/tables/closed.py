"""A web copy with one cell a line, each cell closed by ``|`` and each empty cell a ``|`` line of its
own (``促进社会和谐 |`` / ``20 |`` / ``|`` / ``定性 |`` / ``|``): the empty cells are in the copy, so
the rows are the header's width of cells each, counted, not guessed from what the cells hold. A
general word first in the header (``绩效指标`` before ``指标``) is a label merged down the rows' left:
it is in the header's line only.

A cell covered by a merged level label is left out of such a copy (the label sits on its block's
first row only), so a level column takes a cell only when it holds a level word. A form's title,
its facts and the next form's header after the rows end one block of rows; the next header starts
the next. ``None`` when the copy is not of this kind, or when a counted row does not read as a row
(its name a number, its target a name): then the cells were not all in the copy, and the other ways
read it.
"""

from __future__ import annotations

from analytics.core.values import normalize_text
from analytics.ingest.tables.cells import GENERIC_NAMES, header_role, is_numberish, is_value_like
from analytics.ingest.tables.ends import FORM_TITLE, TABLE_NUMBER
from analytics.ingest.tables.facts import is_sign_off, label_kind
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.lines import header_cells
from analytics.ingest.tables.raw import RawTable

__all__ = ["closed_cells"]

_EMPTIES = 1  # lone | lines (empty cells) a copy of this kind shows at least (a form below the first may show few)
_CLOSED_SHARE = 0.8  # of its filled lines, the share that are one cell closed by |
_ROWS_SOUND = 0.8  # of the counted rows, the share whose name and target read as such


def _cells(lines: list[str]) -> tuple[list[str], list[str]] | None:
    """Each cell of the copy (empty ones as "") with its line, or None when the copy is not one
    cell closed by | a line, with empty cells of their own."""
    filled = [ln.strip() for ln in lines if ln.strip()]
    filled = filled[next((k for k, ln in enumerate(filled) if ln.endswith("|")), len(filled)):]  # a page's head above
    closed = sum(1 for ln in filled if ln.endswith("|") and ln.count("|") == 1)
    if sum(1 for ln in filled if ln == "|") < _EMPTIES or closed < _CLOSED_SHARE * len(filled):
        return None
    cells, refs = [], []
    for i, ln in enumerate(lines, start=1):
        s = ln.strip()
        if s:
            cells.append(s[:-1].strip() if s.endswith("|") and s.count("|") == 1 else s)
            refs.append(f"L{i}")
    return cells, refs


def _row(cells: list[str], k: int, roles: list[str | None], lex: Lexicon) -> tuple[list[str], int]:
    """The row starting at cell ``k``: a level column takes a cell only when it holds a level word
    (a merged label's covered cells are not in the copy); every other column takes the next cell."""
    row: list[str] = []
    for role in roles:
        if role in ("level1", "level2") and k < len(cells) and not lex.level_word(cells[k]):
            row.append("")
            continue
        row.append(cells[k] if k < len(cells) else "")
        k += 1
    return row, k


def _ends(name: str, lex: Lexicon) -> bool:
    """A cell that cannot open a row: a form's title, its facts, a closing line, a header word."""
    t = normalize_text(name)
    return not t or bool(FORM_TITLE.search(t) or TABLE_NUMBER.fullmatch(t)) or is_sign_off(t, lex) \
        or label_kind(t, lex) is not None or header_role(t, lex) is not None


def _facts(cells: list[str], refs: list[str], lex: Lexicon, rows: list[list[str]], out_refs: list[str]) -> None:
    """The title and facts above a header, a row each: a label with the cells after it up to the
    next label (专项资金名称 | 在职村村干部补助), any other cell alone."""
    k = 0
    while k < len(cells):
        if not cells[k]:
            k += 1
            continue
        row, ref = [cells[k]], refs[k]
        k += 1
        if label_kind(row[0], lex) and not FORM_TITLE.search(row[0]):  # a form's title alone on its row
            while k < len(cells) and not label_kind(cells[k], lex) and not FORM_TITLE.search(cells[k]):
                if cells[k]:
                    row.append(cells[k])
                k += 1
        rows.append(row)
        out_refs.append(ref)


def _rows_left(cells: list[str], lex: Lexicon) -> bool:
    """Cells after the last counted row, before any title, facts or closing line, that hold a value:
    rows the count lost (a cell left out of the copy ended the rows early)."""
    filled = [c for c in cells if c]
    end = next((k for k, c in enumerate(filled) if _ends(c, lex)), len(filled))
    return any(is_value_like(normalize_text(c), lex) for c in filled[:end])


def closed_cells(table: RawTable, lex: Lexicon) -> RawTable | None:
    """The grid of a copy of this kind (see the module's help), or None."""
    found = _cells(table.lines)
    if found is None:
        return None
    cells, refs = found
    rows: list[list[str]] = []
    out_refs: list[str] = []
    counted = sound = 0
    p = 0
    while p < len(cells):
        head = header_cells([c or "|" for c in cells[p:]], lex)  # an empty cell is never a header word
        if head is None:
            break
        h, header, end = p + head[0], head[1], p + head[2]
        _facts(cells[p:h], refs[p:h], lex, rows, out_refs)
        roles = [header_role(c, lex) for c in header]
        if normalize_text(header[0]) in GENERIC_NAMES and "name" in roles[1:]:
            header, roles = header[1:], roles[1:]  # 绩效指标 | 指标 | …: a label merged down the rows' left, in no row
        rows.append(header)
        out_refs.append(refs[h])
        if "name" not in roles or "value" not in roles:
            return None
        name_col, value_col = max(i for i, r in enumerate(roles) if r == "name"), roles.index("value")
        k = end
        while k < len(cells):
            row, nxt = _row(cells, k, roles, lex)
            if _ends(row[name_col], lex) or lex.level_word(row[name_col]):
                break
            counted += 1
            target = normalize_text(row[value_col])
            unit = normalize_text(row[roles.index("unit")]) if "unit" in roles else ""
            sound += not is_value_like(normalize_text(row[name_col]), lex) and not is_numberish(unit) and (
                not target or is_value_like(target, lex) or header_role(target, lex) is None)
            rows.append(row)
            out_refs.append(refs[k])
            k = nxt
        p = k
        while p < len(cells) and not cells[p]:
            p += 1  # the empty cells after a block
    if not counted or sound < _ROWS_SOUND * counted or _rows_left(cells[p:], lex):
        return None
    rows += [[c] for c in cells[p:] if c]
    out_refs += [r for c, r in zip(cells[p:], refs[p:]) if c]
    return RawTable("text-lines", rows, out_refs, table.sheet, False, list(table.sheets))
