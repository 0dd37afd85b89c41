"""The values of the lever widgets ↔ a lever document, from the widget hints of
:data:`analytics.budget.levers.REGISTRY` (no Streamlit: the page draws the widgets, this module
reads and fills their values, keyed by :func:`input_key`)."""

from __future__ import annotations

from typing import Any, Mapping

from analytics.budget.levers import REGISTRY, Lever
from analytics.core.model import Project

__all__ = ["input_key", "members", "levers_from_inputs", "inputs_for"]

PREFIX = "lv_"


def input_key(name: str, part: str | None = None) -> str:
    """The widget key of a lever (``lv_pace``), of one member (``lv_budget_adjustment.local``)
    or of one field of an item lever (``lv_freeze.on``)."""
    return f"{PREFIX}{name}" if part is None else f"{PREFIX}{name}.{part}"


def members(per: str, project: Project) -> list[str]:
    """The members a per-member lever has one input for: source keys, goal numbers (as text) or
    spend-driven indicator ids."""
    if per == "source":
        return [s.key for s in project.funding_sources]
    if per == "goal":
        return [str(g.id) for g in project.goals]
    if per == "indicator":
        return [i.id for i in project.indicators if i.spend_driven]
    raise ValueError(f"unknown member kind {per!r}")


def _unset(value: Any, default: Any) -> bool:
    return value is None or value == default or value in ("", ())


def _item_from_inputs(lv: Lever, values: Mapping[str, Any], project: Project) -> dict[str, Any] | None:
    wd = lv.widget
    get = lambda part: values.get(input_key(lv.name, part))  # noqa: E731
    if wd.switch and not get(wd.switch):
        return None
    fields = {f.key: f for f in wd.fields}
    if any(_unset(get(k), fields[k].default) for k in wd.required):
        return None
    if wd.distinct and get(wd.distinct[0]) == get(wd.distinct[1]):
        return None
    sources = {s.key for s in project.funding_sources}
    item: dict[str, Any] = {}
    for f in wd.fields:
        v = get(f.key)
        if f.kind == "toggle" or v is None:
            continue
        if f.kind == "months":
            a, b = (v, v) if isinstance(v, str) else (v[0], v[-1])
            item.update({"from": a, "to": b})
        elif f.kind == "number":
            item[f.key] = float(v)
        elif f.kind == "goal":
            item[f.key] = int(v)
        elif f.kind == "source":
            if v in sources:  # "all" = split by the remaining budget: no source in the document
                item[f.key] = v
        elif f.kind == "sources":
            if v:
                item[f.key] = list(v)
        elif v:
            item[f.key] = v
    return item


def levers_from_inputs(values: Mapping[str, Any], project: Project) -> dict[str, Any]:
    """The lever document the widgets show (inputs at their defaults are left out)."""
    out: dict[str, Any] = {}
    for lv in REGISTRY:
        wd = lv.widget
        if wd.kind == "item":
            item = _item_from_inputs(lv, values, project)
            if item is not None:
                out[lv.name] = [item]
        elif wd.per:
            by = {m: float(values[input_key(lv.name, m)]) for m in members(wd.per, project)
                  if not _unset(values.get(input_key(lv.name, m)), wd.default)}
            if by:
                out[lv.name] = by
        elif not _unset(values.get(input_key(lv.name)), wd.default):
            out[lv.name] = float(values[input_key(lv.name)])
    return out


def _item_inputs(lv: Lever, first: Mapping[str, Any], months: list[str]) -> dict[str, Any]:
    vals: dict[str, Any] = {}
    for f in lv.widget.fields:
        k = input_key(lv.name, f.key)
        if f.kind == "toggle":
            vals[k] = bool(first)
        elif f.kind == "month":
            if first.get(f.key) in months:
                vals[k] = first[f.key]
        elif f.kind == "months":
            if first and months:
                vals[k] = (first["from"] if first.get("from") in months else months[0], first["to"] if first.get("to") in months else months[-1])
        elif f.kind == "number":
            vals[k] = float(first.get(f.key, f.default or 0.0))
        elif f.kind == "source":
            vals[k] = first.get(f.key) or "all"
        elif f.kind == "sources":
            if first and months:
                vals[k] = list(first.get(f.key) or [])
        elif f.kind == "goal":
            if first:
                vals[k] = int(first[f.key])
    return vals


def inputs_for(levers: Mapping[str, Any], project: Project, months: list[str]) -> dict[str, Any]:
    """Widget values showing canonical ``levers`` (the first item of a list lever; months that
    cannot be chosen any more are left as they are). ``{}`` resets every widget."""
    vals: dict[str, Any] = {}
    for lv in REGISTRY:
        wd, v = lv.widget, levers.get(lv.name)
        if wd.kind == "item":
            vals.update(_item_inputs(lv, (v or [{}])[0], months))
        elif wd.per:
            for m in members(wd.per, project):
                vals[input_key(lv.name, m)] = float((v or {}).get(m, wd.default))
        else:
            vals[input_key(lv.name)] = float(v if v is not None else wd.default)
    return vals
