"""Sentences of the data-quality notes (:mod:`analytics.rules.quality`), made from the catalogue
(``quality.*`` keys): a note with its figures, and the CLI's JSON of a note (``text_zh`` /
``text_en``)."""

from __future__ import annotations

from typing import Any

from analytics.present.catalogue import text
from analytics.rules.quality import QualityNote

__all__ = ["note_text", "note_json"]


def _figure(x: float) -> str:
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def note_text(note: QualityNote, lang: str = "zh") -> str:
    """The note as written in ``checks.yaml``, with the two figures compared and the verdict."""
    lang = "en" if lang == "en" else "zh"
    base = note.en if lang == "en" else note.zh
    if note.left is None or note.right is None:
        return base
    verdict = text("quality.agree" if note.status == "passed" else "quality.disagree", lang)
    return text("quality.figures", lang, note=base, left=_figure(note.left), right=_figure(note.right), verdict=verdict)


def note_json(note: QualityNote) -> dict[str, Any]:
    """One note of the CLI's ``quality`` and ``targets`` output (field names are the contract)."""
    return {
        "id": note.id,
        "goal": note.goal,
        "status": note.status,
        "left": note.left,
        "right": note.right,
        "text_zh": note_text(note, "zh"),
        "text_en": note_text(note, "en"),
        "fix_zh": note.fix_zh,
        "fix_en": note.fix_en,
    }
