"""Data-quality notes on the target table: the sentence that gives a check's two figures and
whether they agree (keys reached as ``quality.<key>``). The note itself (what was checked, how
to fix it) is written in the project's ``checks.yaml``."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "figures": {"zh": "{note} 数值：{left} 对 {right}，{verdict}。", "en": "{note} Figures: {left} vs {right} — {verdict}."},
    "agree": {"zh": "一致", "en": "agree"},
    "disagree": {"zh": "不一致", "en": "DISAGREE"},
}
