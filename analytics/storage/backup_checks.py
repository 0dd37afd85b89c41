"""Row-by-row checks of a backup's content and history before a restore writes anything.

Every row of every known table is checked for its types and ranges (a crafted backup may
declare its tables without the constraints this store's schema has), target-file names are
plain names, data rows fit the backup's own target table, and the history's audit rows hold
rows that pass the same checks (an undo of a merged batch writes them back). Each problem
is a located :class:`RestoreProblem`.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import math
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping

from analytics.core.values import printable
from analytics.ingest.limits import LIMITS_FILE, default_limits
from analytics.storage.errors import RestoreProblem
from analytics.storage.rows import CAUSE_CATEGORIES, sha, source_keys
from analytics.storage.schema import DEFAULT_PROJECT, SPECS, project_id_ok
from analytics.storage.targets import target_name_ok

__all__ = ["check_content", "check_history", "BATCH_KINDS_KNOWN"]

Rows = list[dict[str, Any]]
P = RestoreProblem
#: Batch kinds a store writes; a backup's batch of another kind is refused.
BATCH_KINDS_KNOWN = frozenset({"seed", "import", "grid", "restore", "undo", "clear_sample", "scenario", "action",
                               "setting", "targets", "project", "archive"})
_ORIGINS = frozenset({"sample", "import", "grid", "restore"})
_MAX_ERRORS = 200


def _int(v: Any, lo: int | None = None, hi: int | None = None) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and (lo is None or v >= lo) and (hi is None or v <= hi)


def _str(v: Any, limit: int = 1_000_000) -> bool:
    """Text an import could have stored: not too long, no control character (NUL, a bell, an
    escape: no export could hold it)."""
    return isinstance(v, str) and len(v) <= limit and printable(v) == v


def _opt_str(v: Any) -> bool:
    return v is None or _str(v)


def _finite_nonneg(v: Any) -> bool:
    """A number an import could have stored: finite, not negative, not above the largest value
    an import accepts in any unit (data/limits.yaml; 1e308 made every page fail)."""
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(float(v)) and 0 <= float(v) <= _largest()


def _largest() -> float:
    try:
        stamp = LIMITS_FILE.stat().st_mtime_ns
    except OSError:
        stamp = 0
    return _largest_of(stamp)


@functools.lru_cache(maxsize=2)
def _largest_of(stamp: int) -> float:
    """The largest plausible value of any unit in data/limits.yaml (read again when it changes)."""
    del stamp
    lim = default_limits()
    return max([lim.plausible_default, *lim.plausible_units.values()])


def _stamps_ok(r: Mapping[str, Any]) -> bool:
    return _int(r.get("version"), 0) and _when(r.get("updated_at")) and _str(r.get("updated_by"), 200)


def _when(v: Any) -> bool:
    """A time stamp this app writes (ISO 8601): ``not a date`` was restored and shown as one."""
    if not _str(v, 64):
        return False
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def shown(v: Any, limit: int = 60) -> str:
    """A value from the backup as it may appear in a message: control characters escaped, clipped."""
    text = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in str(v))
    return text if len(text) <= limit else text[:limit] + "…"


def _row_key(table: str, r: Mapping[str, Any]) -> str:
    return " ".join(shown(r.get(k)) for k in SPECS[table].key)


def row_problems(table: str, r: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Type and range problems of one row of a content table: (code, params) pairs."""
    out: list[tuple[str, dict[str, Any]]] = []
    if table == "actuals":
        if not (_str(r["indicator_id"], 200) and _int(r["year"], 1900, 2200) and _int(r["month"], 1, 12)
                and _int(r["first_month"], 1) and r["first_month"] <= r["month"]
                and r["basis"] in ("month", "ytd", "level") and _str(r["note"]) and _str(r["source"])
                and r["origin"] in _ORIGINS and _opt_str(r["batch_id"])):
            out.append(("bad_key", {}))
        if not _finite_nonneg(r["value"]):
            out.append(("bad_value", {"value": shown(r["value"])}))
    elif table == "spending":
        if not (_int(r["year"], 1900, 2200) and _int(r["month"], 1, 12) and _int(r["first_month"], 1)
                and r["first_month"] <= r["month"] and _str(r["source"], 200) and _str(r["note"])
                and r["origin"] in _ORIGINS and _opt_str(r["batch_id"])):
            out.append(("bad_key", {}))
        if not _finite_nonneg(r["amount"]):
            out.append(("bad_value", {"value": shown(r["amount"])}))
    elif table == "target_files":
        if not target_name_ok(r["name"]):
            out.append(("bad_target_name", {"name": shown(r["name"], 80)}))
        elif not isinstance(r["content"], bytes) or not _str(r["sha256"], 64) or sha(r["content"]) != r["sha256"]:
            out.append(("target_hash", {}))
    elif table == "scenarios":
        if not (_str(r["name"], 100) and r["name"].strip() and _str(r["created_at"], 64) and _str(r["created_by"], 200)):
            out.append(("bad_key", {}))
        elif not _json_object(r["json"]):
            out.append(("bad_scenario", {}))
    elif table == "actions":
        if not (_int(r["year"], 0, 2200) and _int(r["goal"]) and _str(r["indicator_id"], 200)
                and _str(r["cause_text"]) and _str(r["measure_text"])):
            out.append(("bad_key", {}))
        elif r["cause_category"] not in CAUSE_CATEGORIES:
            out.append(("bad_cause", {"cause": shown(r["cause_category"])}))
    elif table == "settings":
        if not (_str(r["key"], 200) and _str(r["value"], 100_000)):
            out.append(("bad_key", {}))
    elif table == "projects":
        if not (project_id_ok(r["id"]) and _str(r["name"], 1000) and r["status"] in ("active", "archived")):
            out.append(("bad_key", {}))
    if SPECS[table].scoped and not project_id_ok(r.get("project", DEFAULT_PROJECT)):
        out.append(("bad_key", {}))
    if not _stamps_ok(r):
        out.append(("bad_row", {}))
    return out


def _json_object(text: Any) -> bool:
    try:
        return isinstance(text, str) and isinstance(json.loads(text), dict)
    except ValueError:
        return False


def check_content(content: Mapping[str, Rows], project_of: Callable[[dict[str, bytes]], tuple[Any, list[P]]]
                  ) -> list[P]:
    """Every content row; data rows against the backup's own target table."""
    problems: list[P] = []
    for table, rows in content.items():
        for r in rows:
            problems.extend(P(code, params, table, _row_key(table, r)) for code, params in row_problems(table, r))
    def of(r: Mapping[str, Any]) -> str:
        return str(r.get("project", DEFAULT_PROJECT))

    pids = {of(r) for t in ("target_files", "actuals", "spending") for r in content[t]} | {DEFAULT_PROJECT}
    for pid in sorted(pids):
        if not any(of(r) == pid for r in content["target_files"]):
            problems.append(P("no_targets", {}, "target_files"))
    if problems:
        return problems[:_MAX_ERRORS]
    for pid in sorted(pids):
        project, found = project_of({str(r["name"]): bytes(r["content"]) for r in content["target_files"] if of(r) == pid})
        if project is None:
            return found
        known, sources = set(project.by_id), set(source_keys(project))
        for r in (r for r in content["actuals"] if of(r) == pid):
            if r["indicator_id"] not in known:
                problems.append(P("unknown_indicator", {"indicator_id": shown(r["indicator_id"])}, "actuals",
                                  _row_key("actuals", r)))
        for r in (r for r in content["spending"] if of(r) == pid):
            if r["source"] not in sources:
                problems.append(P("unknown_source", {"source": shown(r["source"])}, "spending", _row_key("spending", r)))
    return problems[:_MAX_ERRORS]


def _audit_row(table: str, text: Any) -> dict[str, Any] | None | bool:
    """An audit row's old/new JSON as a row (``None`` = no row), ``False`` when invalid."""
    if text is None:
        return None
    try:
        raw = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return False
    if not isinstance(raw, dict):
        return False
    row = {}
    for c in SPECS[table].cols:
        v = raw.get(c)
        if isinstance(v, dict):
            try:
                v = base64.b64decode(str(v.get("b64", "")), validate=True)
            except (binascii.Error, ValueError):
                return False
        row[c] = v
    return row


def _audit_ok(a: Mapping[str, Any]) -> bool:
    table = a["tbl"]
    if table not in SPECS or not (_str(a["at"], 64) and _str(a["who"], 200) and _str(a["source"], 10_000)
                                  and _opt_str(a["indicator_id"]) and _opt_str(a["batch_id"])
                                  and project_id_ok(a.get("project", DEFAULT_PROJECT))):
        return False
    try:
        key = json.loads(a["key"]) if isinstance(a["key"], str) else None
    except ValueError:
        return False
    if not isinstance(key, dict) or any(k not in key for k in SPECS[table].key):
        return False
    for side in ("old", "new"):
        row = _audit_row(table, a[side])
        if row is False or (row is not None and row_problems(table, row)):  # type: ignore[arg-type]
            return False
    return True


def _batch_ok(b: Mapping[str, Any]) -> bool:
    return (_str(b["batch_id"], 200) and bool(b["batch_id"]) and b["kind"] in BATCH_KINDS_KNOWN
            and _str(b["filename"], 10_000) and _str(b["at"], 64) and _str(b["who"], 200)
            and all(_int(b[c], 0) for c in ("added", "changed", "unchanged", "removed"))
            and _opt_str(b["undone_at"]) and _opt_str(b["undone_by"]) and _opt_str(b["undo_of"])
            and project_id_ok(b.get("project", DEFAULT_PROJECT)))


def check_history(imports: Iterable[Mapping[str, Any]], audit: Iterable[Mapping[str, Any]]) -> list[P]:
    """The batches and audit rows a restore merges in."""
    imports = list(imports)
    problems = [P("bad_batch", {}, "imports", shown(b.get("batch_id"))) for b in imports if not _batch_ok(b)]
    seen: set[Any] = set()
    for b in imports:  # a crafted table may lack its primary key
        if b["batch_id"] in seen:
            problems.append(P("bad_batch", {}, "imports", shown(b["batch_id"])))
        seen.add(b["batch_id"])
    problems += [P("bad_audit", {}, "audit", shown(a.get("id"), 20)) for a in audit if not _audit_ok(a)]
    return problems[:_MAX_ERRORS]
