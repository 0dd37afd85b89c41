"""Scenario documents: validation against a project, the canonical form, and reading files.

A document is ``{"name", "description"?, "levers": {...}}`` (or a bare lever mapping); every
lever is checked by its entry in :data:`analytics.budget.levers.REGISTRY`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Mapping

from analytics.budget.checker import Checker
from analytics.budget.levers import LEVERS, REGISTRY, spending_reported
from analytics.budget.problems import ScenarioError, ScenarioProblem
from analytics.core.model import Project
from analytics.core.series import Budget

__all__ = [
    "levers_key",
    "scenario_problems",
    "normalise_scenario",
    "scenario_to_dict",
    "scenario_from_file",
    "scenario_arg",
]

_TOP_KEYS = ("name", "description", "levers", "note", "notes", "id", "created", "updated", "author")
_CHECKS = {lv.name: lv.check for lv in REGISTRY}


def levers_key(levers: Mapping[str, Any]) -> str:
    """A short hash of canonical levers (the name is not part of it): a cache key."""
    return hashlib.sha1(json.dumps(levers, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _levers_of(doc: Mapping[str, Any]) -> tuple[dict[str, Any] | None, list[ScenarioProblem]]:
    problems: list[ScenarioProblem] = []
    if "levers" in doc:
        lev = doc["levers"]
        if lev is None:
            return {}, problems
        if not isinstance(lev, Mapping):
            problems.append(ScenarioProblem("not_mapping", "levers", "levers_not_mapping"))
            return None, problems
        extra = [k for k in doc if k not in _TOP_KEYS]
        if extra:
            problems.append(ScenarioProblem("unknown_key", ", ".join(map(str, extra)), "unknown_top_keys", {"fields": [str(k) for k in extra]}))
        return {str(k): v for k, v in lev.items()}, problems
    # a bare lever mapping is accepted too
    return {str(k): v for k, v in doc.items() if k not in _TOP_KEYS}, problems


def _check(doc: Any, project: Project, reported: tuple[int, int] | None) -> tuple[dict[str, Any] | None, list[ScenarioProblem]]:
    """Validate and normalise (with ``reported``, the months a scenario plans too: see
    :class:`~analytics.budget.checker.Checker`); returns (canonical document or None, problems)."""
    if doc is None:
        return {"name": "", "levers": {}}, []
    if not isinstance(doc, Mapping):
        return None, [ScenarioProblem("not_mapping", "", "doc_not_mapping")]
    c = Checker(project, reported)
    name = doc.get("name", "")
    if name is not None and not isinstance(name, (str, int, float)):
        c.add("bad_name", "name")
    levers, problems = _levers_of(doc)
    c.problems.extend(problems)
    if levers is None:
        return None, c.problems
    out: dict[str, Any] = {}
    for key, value in levers.items():
        where = f"levers.{key}"
        check = _CHECKS.get(key)
        if check is None:
            c.add("unknown_lever", where, lever=key, levers=list(LEVERS))
            continue
        if value is None:
            continue
        canon_value = check(c, value, where)
        if canon_value is not None:
            out[key] = canon_value
    if c.problems:
        return None, c.problems
    canon: dict[str, Any] = {"name": "" if name is None else str(name), "levers": {k: out[k] for k in LEVERS if k in out}}
    if doc.get("description"):
        canon["description"] = str(doc["description"])
    return canon, []


def scenario_problems(doc: Any, project: Project, as_of: tuple[int, int] | None = None,
                      budget: Budget | None = None) -> list[ScenarioProblem]:
    """All the problems of a scenario document for ``project`` (empty when it can be used); with
    ``as_of`` and its ``budget``, also a one-off or a freeze in no month the scenario plans — the
    months after the last month of spending reported (:func:`~analytics.budget.levers.plan_months`),
    not after the as-of month: as of December with spending to October, November is planned."""
    if as_of is not None and budget is None:
        raise TypeError("scenario_problems: as_of needs the budget (the months planned follow the spending reported)")
    return _check(doc, project, spending_reported(budget, as_of) if as_of is not None and budget is not None else None)[1]


def normalise_scenario(doc: Any, project: Project) -> dict[str, Any]:
    """Canonical form: ``{"name", "levers"}`` with sources as keys, goals as numbers, months as
    ``YYYY-MM``, neutral settings (pace 1, adjustment 0) dropped and lists sorted where order does
    not matter. Two documents with the same canonical levers give identical numbers.
    Raises :class:`ScenarioError`."""
    canon, problems = _check(doc, project, None)
    if problems or canon is None:
        raise ScenarioError(problems)
    return canon


def scenario_to_dict(doc: Any, project: Project) -> dict[str, Any]:
    """JSON-friendly canonical document (same as :func:`normalise_scenario`)."""
    return normalise_scenario(doc, project)


def _read(p: Path) -> Any:
    """The parsed JSON/YAML of a scenario file (located problems otherwise)."""
    if not p.exists():
        raise ScenarioError([ScenarioProblem("file_not_found", str(p), "file_not_found")])
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError([ScenarioProblem("bad_encoding", str(p), "bad_encoding")]) from None
    if not text.strip():
        raise ScenarioError([ScenarioProblem("empty_file", str(p), "empty_file")])
    suffix = p.suffix.lower()
    if suffix == ".json" or (suffix not in (".yaml", ".yml") and text.lstrip().startswith("{")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScenarioError([ScenarioProblem("bad_json", str(p), "bad_json", {"line": exc.lineno, "column": exc.colno, "error": exc.msg})]) from None
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        error = str(getattr(exc, "problem", exc))
        if mark:
            raise ScenarioError([ScenarioProblem("bad_yaml", str(p), "bad_yaml_at", {"line": mark.line + 1, "column": mark.column + 1, "error": error})]) from None
        raise ScenarioError([ScenarioProblem("bad_yaml", str(p), "bad_yaml", {"error": error})]) from None


def scenario_from_file(path: str | os.PathLike[str], project: Project) -> dict[str, Any]:
    """Read a scenario from a JSON or YAML file and return its canonical form.
    Raises :class:`ScenarioError` with located messages (missing file, syntax error, bad levers)."""
    p = Path(path)
    canon, problems = _check(_read(p), project, None)
    if problems or canon is None:
        raise ScenarioError([q.located(p.name) for q in problems])
    return canon


def scenario_arg(scenario: Any, project: Project) -> dict[str, Any] | None:
    """A scenario given as a document, a path to a JSON/YAML file, or ``None``."""
    if scenario is None:
        return None
    if isinstance(scenario, (str, os.PathLike)):
        return scenario_from_file(scenario, project)
    return dict(scenario)
