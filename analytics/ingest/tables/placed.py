"""The line each row stands on when a text's lines were joined and cut into rows anew (a form run
together into one stream, a copy cut before its values): every row is placed at the line where its
first cell is found, as the rows of other layouts are, so ``where`` and the unread rows name their
own line rather than the text's first."""

from __future__ import annotations

import bisect
import itertools
import re

__all__ = ["row_places"]

_REACH = 30  # characters between two cells of a row, at most, for the later cell to be taken as found (a row is cut
# from one run of text: a cell found further on is another row's)


def row_places(rows: list[list[str]], pieces: list[str], refs: list[str]) -> list[str]:
    """The place (of ``refs``) of each of ``rows``, cut from ``pieces`` joined one after the other
    (each piece the text of the line ``refs`` names, as the cutting saw it, without blanks; a cell's
    blanks are left out too): the line of the row's
    first cell found after the row before it, its other cells then passed over (each within
    ``_REACH`` characters of the one before); a row none of whose cells is found there (a cell rewritten) takes the
    place of the row before it."""
    text = "".join(pieces)
    ends = list(itertools.accumulate(len(p) for p in pieces))
    last = refs[0] if refs else "L1"
    at = 0
    out: list[str] = []
    for row in rows:
        first: int | None = None
        pos = at
        for cell in (re.sub(r"\s+", "", c) for c in row):
            k = text.find(cell, pos) if cell else -1
            if k < 0 or (first is not None and k - pos > _REACH):
                continue
            first = k if first is None else first
            pos = k + len(cell)
        if first is not None:
            at = pos
            last = refs[min(bisect.bisect_right(ends, first), len(refs) - 1)]
        out.append(last)
    return out
