"""Where a cell may end in a text whose cells run together (:mod:`.runs`): where the kind of
character changes, after a name's usual ending, around qualitative and comparator words, and an
indicator's type written out (定量指标) or scrambled as a scan shows it (性标定指).
"""

from __future__ import annotations

import re

from analytics.ingest.tables.cells import COMPARATOR_WORDS, SIGN_WORDS, TYPE_WORDS, ends_like_name
from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["CJK", "QUALITY_NAME", "boundaries", "digit_cuts", "holds_type", "said_twice", "typed"]

CJK = re.compile(r"[\u4e00-\u9fff]")
QUALITY_NAME = re.compile(r"[\u4e00-\u9fff]{2}性$")  # 健全性, 合规性, 公开性: a quality judged in words
_TWICE = re.compile(r"([\u4e00-\u9fff\d.%]{1,15}[\u4e00-\u9fff][.。]?)\1+(?![\u4e00-\u9fff])")  # words said twice
# or more over (a figure among them: 2021年12月完成), ending in a word (and its full stop), before no further word
_POINTS_AFTER = re.compile(r"\d{1,3}(?:\.\d{1,2})?(?![\d.%])")  # a row's points or score after its target and actual
TYPED_SORTED = frozenset("".join(sorted(w + "指标")) for w in TYPE_WORDS)  # 定量指标, 定性指标, their characters sorted


def typed(cell: str) -> bool:
    """``cell`` is an indicator's type written out (定量指标, 定性指标), or with its characters out of
    order as a scanned copy shows them (性标定指)."""
    return len(cell) == 4 and "指" in cell and "".join(sorted(cell)) in TYPED_SORTED


def holds_type(cell: str) -> bool:
    """``cell`` holds an indicator's type (定量指标, or scrambled: 性标定指) with more around it."""
    return len(cell) > 4 and "指" in cell and "标" in cell and any(typed(cell[k:k + 4]) for k in range(len(cell) - 3))


def said_twice(s: str, units: set[str]) -> set[tuple[int, int]]:
    """The cells (start, end) of words said twice or more over right before a row's points or the
    text's end (专款专用专款专用10: a target in words, its actual and the points): each time they are
    said. Not before a figure in ``units`` (达到5亿元 | 5亿元 | 6.47亿元: the name's end, then the target
    and another actual), nor a level's end and a template's slot (数量指标指标1)."""
    out: set[tuple[int, int]] = set()
    for m in _TWICE.finditer(s):
        n = len(m.group(1))
        points = _POINTS_AFTER.match(s, m.end())
        if "指标" in m.group(0) or m.end() < len(s) and (points is None or any(s.startswith(u, points.end()) for u in units)):
            continue
        out.update((k, k + n) for k in range(m.start(), m.end(), n))
    return out


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
    for a, b in said_twice(s, set(lex.units)):  # 专款专用 | 专款专用: a target in words and its actual, alike
        out.update((a, b))
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


_RUN = re.compile(r"(?<![\d.,])\d[\d.]{2,23}(?![\d.,])")  # the digits of a row's numbers run together (3018301850)
_PIECE = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")  # one number: no leading 0 but in 0 and 0.5
_POINTS = re.compile(r"(?:[1-9]\d{0,2}|0)(?:\.\d{1,2})?")  # a weight, points or a score: 10, 22.5, 0
_LONGEST_PIECE = 12  # digits of one number in such a run
_MAX_STEPS = 3000  # cuts of one run tried, at most
_YEAR_TWICE = re.compile(r"(19|20)\1")  # 2020, 1919: a year, not a target and its actual (20 | 20)


def digit_cuts(s: str, tail: list[str], units: set[str]) -> tuple[dict[int, int], set[int]]:
    """Where to cut runs of digits in ``s`` that hold a row's numbers run together, the target's
    among them: ``3018301850`` under 年度指标值 | 实际完成值 | 分值 is 3018 | 3018 | 50, and ``2810810``
    under 指标值 | 权重 | 完成值 | 得分 is 28 | 10 | 8 | 10. ``tail`` is the kinds of the columns from
    the target on (value: a target or an actual; number or scored: a weight, points or a score).
    A run is cut only when the cut shows itself: the target repeated as its actual, or a score equal
    to the points before it (a score never above them); of such cuts, the one whose actual is nearest
    its target, then the one of fewer cells; none when two cuts are as good. A run right before a
    unit is cut only after a weight or score (an actual's unit would stand after the actual alone).
    Returns ({position: index in ``tail`` of the cell ending there}, the positions inside the runs
    so cut where no cell ends: 50 after 3018 | 3018 is the points, not 5 | 0)."""
    out: dict[int, int] = {}
    inside: set[int] = set()
    for m in _RUN.finditer(s):
        run, at = m.group(0), m.start()
        before_unit = any(s.startswith(u, m.end()) for u in units)
        found: list[tuple[tuple[float, int], list[str]]] = []
        steps = [_MAX_STEPS]

        def walk(pos: int, pieces: list[str]) -> None:
            steps[0] -= 1
            if steps[0] < 0:
                return
            if pos == len(run):
                if len(pieces) >= 2:
                    rank = _rank(pieces, tail)
                    if rank is not None and not (before_unit and tail[len(pieces) - 1] == "value"):
                        found.append(((rank, -len(pieces)), list(pieces)))
                return
            if len(pieces) == len(tail):
                return
            kind = tail[len(pieces)]
            for end in range(pos + 1, min(len(run), pos + _LONGEST_PIECE) + 1):
                piece = run[pos:end]
                if not (_POINTS if kind != "value" else _PIECE).fullmatch(piece):
                    continue
                if kind != "value" and float(piece) > 100:
                    break
                walk(end, pieces + [piece])
        walk(0, [])
        if not found or steps[0] < 0:  # too many ways to cut it: left whole
            continue
        found.sort(key=lambda f: f[0], reverse=True)
        if len(found) > 1 and found[1][0] == found[0][0]:
            continue  # two cuts as good: the run is left whole
        pos = at
        for k, piece in enumerate(found[0][1][:-1]):
            pos += len(piece)
            out[pos] = k
        inside.update(j for j in range(at + 1, m.end()) if j not in out)
    return out, inside


def _rank(pieces: list[str], tail: list[str]) -> float | None:
    """How well ``pieces`` read as the cells of ``tail`` (see :func:`digit_cuts`), or ``None`` when
    nothing shows the cut: no target repeated, no score equal to its points."""
    values = [float(p) for p, k in zip(pieces, tail) if k == "value"]
    points = [float(p) for p, k in zip(pieces, tail) if k != "value"]
    if len(points) >= 2 and points[1] > points[0] or points and points[0] == 0:
        return None  # a score above its points; no weight of 0
    twice = len(values) >= 2 and values[0] == values[1] and not (len(pieces[0]) == 2 and _YEAR_TWICE.fullmatch(pieces[0] * 2))
    equal = len(points) >= 2 and points[0] == points[1]
    if not (twice or equal):
        return None
    near = len(values) >= 2 and values[0] > 0 and values[1] > 0 and 0.5 <= values[1] / values[0] <= 2
    return 2.0 * twice + 2.0 * equal + near
