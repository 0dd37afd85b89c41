"""Where a cell may end in a text whose cells run together (:mod:`.runs`): where the kind of
character changes, after a name's usual ending, around qualitative and comparator words, and an
indicator's type written out (定量指标) or scrambled as a scan shows it (性标定指).
"""

from __future__ import annotations

import re

from analytics.ingest.tables.cells import COMPARATOR_WORDS, SIGN_WORDS, TYPE_WORDS, ends_like_name
from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["CJK", "QUALITY_NAME", "boundaries", "holds_type", "typed"]

CJK = re.compile(r"[\u4e00-\u9fff]")
QUALITY_NAME = re.compile(r"[\u4e00-\u9fff]{2}性$")  # 健全性, 合规性, 公开性: a quality judged in words
TYPED_SORTED = frozenset("".join(sorted(w + "指标")) for w in TYPE_WORDS)  # 定量指标, 定性指标, their characters sorted


def typed(cell: str) -> bool:
    """``cell`` is an indicator's type written out (定量指标, 定性指标), or with its characters out of
    order as a scanned copy shows them (性标定指)."""
    return len(cell) == 4 and "指" in cell and "".join(sorted(cell)) in TYPED_SORTED


def holds_type(cell: str) -> bool:
    """``cell`` holds an indicator's type (定量指标, or scrambled: 性标定指) with more around it."""
    return len(cell) > 4 and "指" in cell and "标" in cell and any(typed(cell[k:k + 4]) for k in range(len(cell) - 3))


def boundaries(s: str, lex: Lexicon) -> list[int]:
    """Where a cell may end in ``s``: where the kind of character changes (text / digits / signs),
    after a name's usual ending (率, 数量, 情况), around qualitative and comparator words (and 同比), before an
    explanation's first word."""
    def cls(ch: str) -> str:
        if CJK.match(ch):
            return "h"
        if ch.isdigit() or ch in ".,":
            return "d"
        if ch in "%≥≤=<>≧≦":
            return "s"
        return "p" if not ch.isalpha() else "a"

    out = {0, len(s)}
    for i in range(1, len(s)):
        if cls(s[i - 1]) != cls(s[i]) or cls(s[i]) == "s" or ends_like_name(s[:i]) \
                or (s[i - 1] == "性" and QUALITY_NAME.match(s, max(0, i - 3), i)):
            out.add(i)
        elif s[i - 1] == "0" and s[i].isdigit() and (i == 1 or cls(s[i - 2]) != "d"):
            out.add(i)  # 0 | 100%: no number starts with 0 (an actual of 0, then the next cell)
        elif s[i - 1] == s[i] and cls(s[i]) == "h":
            out.add(i)  # 高 | 高: a target in a word and its actual
    words = {w for w in (*lex.qualitative_words, *COMPARATOR_WORDS, *SIGN_WORDS, "同比", "环比") if len(w) >= 2}
    words |= {w for w in lex.level1 | lex.level2 if len(w) >= 4 and w in s}  # 产出时效 | 森林火灾…
    for w in sorted(words):
        for m in re.finditer(re.escape(w), s):
            out.update(k for k in (m.start(), m.end(), m.end() + 2) if k <= len(s))
    for m in re.finditer("(?=[定性量指标]{4})", s):  # 定量指标, or 性标定指 as a scan scrambled it
        if typed(s[m.start():m.start() + 4]):
            out.update((m.start(), m.start() + 4))
    if lex.explanation is not None:
        for m in re.finditer(lex.explanation.pattern.lstrip("^"), s):
            out.add(m.start())
    units = sorted({u for u in lex.units if u and u in s}, key=len, reverse=True)
    if units:  # after a unit that follows a number (0起 | 达成预期指标): a cell may end there
        for m in re.finditer(r"(?<=\d)(?:" + "|".join(map(re.escape, units)) + ")", s):
            out.add(m.end())
    return sorted(out)
