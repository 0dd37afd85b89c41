"""Funding stated only in words above the table: a cover letter (``现下达你区补助资金772万元``) or a
项目概况 paragraph (``项目总投资1200万元，其中中央补助800万元、市级配套400万元``) where the table
itself has no money block. Read only then, and said: ``project.inferred.funding`` holds the rule,
the reason with the sentence it was taken from and its place, for the reviewer to check. The words
are the lexicon's ``facts.text_funding``."""

from __future__ import annotations

import re
from typing import Any

from analytics.core.model import funding_gap
from analytics.core.values import normalize_text
from analytics.ingest.tables.facts import keyed_sources, label_kind, source_key
from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["text_funding", "has_money_block"]

#: an amount with its unit; 万 alone only before a sign or the end (never 万人, 万亩)
_AMOUNT = re.compile(r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<unit>亿元|万元|亿(?![\u4e00-\u9fff])|万(?![\u4e00-\u9fff])|元)")
_SCALE = {"亿元": 10000.0, "亿": 10000.0, "万元": 1.0, "万": 1.0, "元": 0.0001}
#: what ends the words naming an amount: a clause's punctuation (after NFKC: , ; : ( ) …)
_BREAK = re.compile(r"[,，;；。:：、()（）\[\]【】\n!?！？]")
_BRACKET = re.compile(r"[(（][^()（）]*[)）]")
_SENTENCE = re.compile(r"(?<=[。;；!?！？\n])")
_PROSE = 8  # characters a cell of words holds at least (a label cell is shorter)
#: what a money label alone never holds: a figure, a sentence's marks, a title's words (关于下达项目资金的通知)
_NOT_LABEL = re.compile(r"\d|[。,，;；]|关于|通知|公告|批复|的")
_SHOWN = 80  # characters of the words quoted in the reason


def has_money_block(rows: list[list[str]], lex: Lexicon) -> bool:
    """Whether ``rows`` (the rows above the table's header) hold a money block: a cell that is a
    funding label alone (资金总额, 其中：中央补助, 项目资金（万元）), filled in or not; a title or a
    sentence naming money (关于下达项目资金的通知) is none."""
    return any(label_kind(c, lex) in ("total", "sources") and not _NOT_LABEL.search(normalize_text(c))
               for row in rows for c in row if c.strip())


def _paragraphs(rows: list[list[str]], refs: list[str]) -> list[list[tuple[str, str]]]:
    """The runs of words in ``rows``, each as its pieces (text, place): a cell of words on its own,
    and consecutive lines of one cell each joined (a paragraph wrapped over lines)."""
    out: list[list[tuple[str, str]]] = []
    joined = False  # the last paragraph may go on on the next one-cell line
    for row, ref in zip(rows, refs):
        cells = [normalize_text(c) for c in row if c.strip()]
        if len(cells) == 1 and joined and not re.search(r"[。;；!?！？:：]$", out[-1][-1][0]):
            out[-1].append((cells[0], ref))
            continue
        out.extend([(c, ref)] for c in cells if len(c) >= _PROSE and re.search(r"[\u4e00-\u9fff]", c))
        joined = len(cells) == 1 and bool(out) and out[-1][-1][0] == cells[0]
    return out


def _sentences(rows: list[list[str]], refs: list[str]) -> list[tuple[str, list[tuple[int, str]]]]:
    """The sentences of the words in ``rows``, each with the places its characters start at
    ((offset, place), …); an amount's breakdown in brackets left out, and a sentence opening with
    其中 joined to the one before it (also across lines)."""
    out: list[tuple[str, list[tuple[int, str]]]] = []
    for pieces in _paragraphs(rows, refs):
        text, starts = "", []
        for piece, ref in pieces:
            starts.append((len(text), ref))
            text += piece
        text = _BRACKET.sub(lambda m: "\u3000" * len(m.group()) if _AMOUNT.search(m.group()) else m.group(), text)
        at = 0
        for s in _SENTENCE.split(text):
            places = [(o - at, r) for o, r in starts if o < at + len(s)]  # a line begun before the sentence: below 0
            at += len(s)
            if not s.strip():
                continue
            if out and s.startswith("其中"):
                base, old = out[-1]
                out[-1] = (base + s, old + [(len(base) + o, r) for o, r in places])
            else:
                out.append((s, places))
    return out


def _amounts(sentence: str, lex: Lexicon) -> tuple[float | None, list[dict[str, Any]], int | None]:
    """(total, sources, offset of the first amount taken) a sentence states: each amount with the
    words before it back to the last break; see the lexicon's help (zero amounts and rates left out)."""
    words = lex.facts["text_funding"]
    total: float | None = None
    sources: list[dict[str, Any]] = []
    first: int | None = None
    start = 0
    for m in _AMOUNT.finditer(sentence):
        before = re.sub(r"[(（][^()（）]*[)）]$", "", re.sub(r"[:：为是\s\u3000]+$", "", sentence[start:m.start()]))
        head = _BREAK.split(before)[-1]  # 其他资金(包括结转结余资金) 551万元: the words before the note
        start = m.end()
        after = sentence[m.end():m.end() + 1]
        if re.search(words["not_money"], head) or after in ("/", "每"):
            continue  # 每亩补助200元, 补助标准500元/人: a rate; 分别74万元、14万元: parts
        amount = round(float(m["num"].replace(",", "")) * _SCALE[m["unit"]], 6)
        name = re.sub(words["lead"], "", re.sub(r"(19|20)\d{2}年度?", "", head))
        if total is None and re.search(words["total"], head) and not head.startswith("其中"):
            total = amount  # 项目总投资1200万元, 现下达你区补助资金772万元
        elif name and len(name) <= int(words["source_length"]) and source_key(name, lex, default=None) is not None:
            if amount <= 0:
                continue
            sources.append({"name": name, "amount": amount})  # 其中中央补助800万元, 申请中央预算内投资2.71亿元
        elif total is None and re.search(words["total_weak"], head):
            total = amount  # 补助资金56.3万元, 项目经费20万元
        else:
            continue
        first = m.start() if first is None else first
    return total, sources, first


def text_funding(rows: list[list[str]], refs: list[str], lex: Lexicon) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(funding, inferred) stated in words in ``rows`` (those above the table, with their places
    ``refs``): the first sentence that states a total, with the sources it names (a sentence opening
    with 其中 goes with the one before it), else the first that names sources, their sum the total;
    None when no sentence states any, or when ``rows`` hold a money block of their own."""
    if has_money_block(rows, lex):
        return None
    found: list[tuple[float | None, list[dict[str, Any]], str, str]] = []
    for sentence, places in _sentences(rows, refs):
        total, sources, first = _amounts(sentence, lex)
        if first is not None:
            ref = [r for o, r in places if o <= first][-1]
            clause = max(sentence.rfind(c, 0, first) for c in ",，;；。") + 1  # the words from the clause of the amount
            found.append((total, sources, sentence[clause:].replace("\u3000", "").strip().rstrip("。;；"), ref))
    pick = next((f for f in found if f[0] is not None), None) or next(iter(found), None)
    if pick is None:
        return None
    total, sources, sentence, ref = pick
    keyed = keyed_sources(sources, lex)
    value = total if total is not None else round(sum(s["amount"] for s in keyed), 6)
    funding: dict[str, Any] = {"total": value, "unit": "万元", "sources": keyed}
    gap = funding_gap(value, [s["amount"] for s in keyed]) if total is not None and keyed else None
    if gap is not None:
        funding["unallocated"] = gap
    words = lex.facts["text_funding"]
    shown = sentence if len(sentence) <= _SHOWN else sentence[:_SHOWN - 1] + "…"
    inferred = {"value": value, "rule": "funding_in_text", "reason": words["reason_zh"].format(text=shown),
                "reason_en": words["reason_en"].format(text=shown), "confidence": words["confidence"], "where": ref}
    return funding, inferred
