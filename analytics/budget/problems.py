"""What can be wrong with a scenario document: a code, the place (``levers.pace``) and the
numbers and names of the message. The sentence is made from the catalogue at the edge
(``budget.problem_<key>``, :func:`analytics.present.budget_text.problem_messages`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ScenarioProblem", "ScenarioError"]


@dataclass(frozen=True)
class ScenarioProblem:
    """One thing wrong with a scenario document: what (``code``), where (``levers.pace``), the
    message (catalogue key ``budget.problem_<key>``) and what fills it (``params``)."""

    code: str
    where: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def located(self, prefix: str) -> "ScenarioProblem":
        """The same problem with ``prefix`` (a file name) before its place."""
        return ScenarioProblem(self.code, f"{prefix} {self.where}".strip(), self.key, self.params)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "where": self.where, "key": self.key, "params": dict(self.params)}


class ScenarioError(ValueError):
    """A scenario document (or file) that cannot be used; ``problems`` says why."""

    def __init__(self, problems: list[ScenarioProblem]) -> None:
        super().__init__("; ".join(f"{p.where}: {p.code}" if p.where else p.code for p in problems[:5]))
        self.problems = problems
