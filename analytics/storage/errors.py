"""What the store's operations return and raise.

Errors carry a ``code`` and ``params`` (rendered at the edge by
:func:`analytics.present.strings.storage.render` from the one catalogue); errors written
before codes existed also carry their own zh/en sentence, which :meth:`StoreError.message`
returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from analytics.core.calendar import local_stamp

if TYPE_CHECKING:  # pragma: no cover
    from analytics.ingest.validate import IngestResult

__all__ = ["AuditEntry", "BatchInfo", "Conflict", "ImportRejected", "ImportSummary", "RestoreError", "RestoreProblem",
           "RestoreSummary", "RowChange", "ScenarioInfo", "StaleEditError", "StoreError", "UndoConflictError", "fmt_num"]

CellKey = tuple[Any, ...]  # ("actuals", indicator_id, year, month, basis) | ("spending", year, month, source)


def fmt_num(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:.10g}"
    return str(x)


class StoreError(Exception):
    """Base class of the store's own errors: a ``code`` with ``params`` and, for the older
    ones, a Chinese and an English sentence."""

    def __init__(self, zh: str = "", en: str = "", *, code: str = "", params: Mapping[str, Any] | None = None) -> None:
        super().__init__(en or code)
        self.zh, self.en = zh, en
        self.code = code
        self.params: dict[str, Any] = dict(params or {})

    def message(self, lang: str = "zh") -> str:
        text = self.en if lang == "en" else self.zh
        return text or self.en or self.zh or self.code


class ImportRejected(StoreError):
    """``apply_import`` was given a result that did not pass validation (or does not fit this
    store's targets). ``result`` is the validator's report when there is one."""

    def __init__(self, zh: str, en: str, result: IngestResult | None = None) -> None:
        super().__init__(zh, en)
        self.result = result


@dataclass(frozen=True)
class Conflict:
    """A cell that changed since it was read: what the user wanted and what is there now."""

    key: CellKey
    label_zh: str
    label_en: str
    expected_version: int
    current_version: int
    mine: Any
    current: Any
    updated_by: str | None
    updated_at: str | None

    def message(self, lang: str = "zh") -> str:
        cur = "（空）" if self.current is None else fmt_num(self.current)
        mine = "（空）" if self.mine is None else fmt_num(self.mine)
        who = self.updated_by or "?"
        at = local_stamp(self.updated_at) or "?"  # this server's local time, never a raw UTC stamp
        if lang == "en":
            cur = "(blank)" if self.current is None else fmt_num(self.current)
            mine = "(blank)" if self.mine is None else fmt_num(self.mine)
            return (f"{self.label_en}: changed by {who} at {at} to {cur} after you opened the table "
                    f"(your value: {mine}).")
        return f"{self.label_zh}：在您打开表格之后已被 {who} 于 {at} 改为 {cur}（您填写的是 {mine}）。"


class StaleEditError(StoreError):
    """Some edited cells changed since the grid was read; nothing was written."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = list(conflicts)
        zh = "以下单元格在您编辑期间已被他人修改，本次保存未写入任何数据。请重新载入表格后再改：\n" + "\n".join(
            c.message("zh") for c in self.conflicts)
        en = ("These cells were changed by someone else while you were editing; nothing was saved. "
              "Reload the table and edit again:\n" + "\n".join(c.message("en") for c in self.conflicts))
        super().__init__(zh, en)


class UndoConflictError(StaleEditError):
    """An undo would overwrite changes made after the batch; nothing was written."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        super().__init__(conflicts)
        self.zh = "这批更改之后，以下数据又被修改过，撤销会覆盖这些后来的修改，因此未撤销。请先撤销后来的更改：\n" + "\n".join(
            c.message("zh") for c in self.conflicts)
        self.en = ("These rows were changed again after this batch; undoing it would overwrite the later changes, so "
                   "nothing was undone. Undo the later changes first:\n" + "\n".join(c.message("en") for c in self.conflicts))
        self.args = (self.en,)


@dataclass(frozen=True)
class RestoreProblem:
    """One reason a backup was refused: a code (catalogue key ``storage.restore_<code>``), its
    parameters and where it is (table, key)."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    table: str | None = None
    key: str | None = None

    @property
    def catalogue_key(self) -> str:
        return f"restore_{self.code}"

    def message(self, lang: str = "zh") -> str:
        """A plain fallback (code, parameters, place); the sentence comes from the catalogue."""
        del lang
        where = f" [{self.table}{': ' + self.key if self.key else ''}]" if self.table else ""
        params = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code}{' (' + params + ')' if params else ''}{where}"


class RestoreError(StoreError):
    """The backup is not usable; nothing was changed."""

    def __init__(self, problems: Sequence[RestoreProblem]) -> None:
        self.problems = list(problems)
        super().__init__(code="restore_failed", params={"n": len(self.problems)})

    def message(self, lang: str = "zh") -> str:
        return "\n".join(p.message(lang) for p in self.problems[:20])


@dataclass(frozen=True)
class RowChange:
    table: str
    key: dict[str, Any]
    change: str  # "added" | "changed" | "unchanged" | "removed"
    old: Any = None
    new: Any = None


@dataclass(frozen=True)
class ImportSummary:
    added: int
    changed: int
    unchanged: int
    batch_id: str | None
    removed: int = 0
    kind: str = "actuals"
    rows: int = 0
    dry_run: bool = False
    changes: tuple[RowChange, ...] = ()
    sample_removed: int = 0  # of ``removed``: 示例数据 rows taken out with this batch

    def as_dict(self) -> dict[str, Any]:
        return {"added": self.added, "changed": self.changed, "unchanged": self.unchanged, "removed": self.removed,
                "batch_id": self.batch_id, "kind": self.kind, "rows": self.rows, "dry_run": self.dry_run,
                "sample_removed": self.sample_removed}


@dataclass(frozen=True)
class RestoreSummary:
    batch_id: str | None
    added: int
    changed: int
    removed: int
    unchanged: int
    merged_batches: int
    settings_skipped: int = 0  # settings rows of the backup left out (the current settings stay)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    who: str
    table: str
    key: dict[str, Any]
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    source: str
    batch_id: str | None
    indicator_id: str | None = None

    def field(self, name: str, which: str = "new") -> Any:
        row = self.new if which == "new" else self.old
        return None if row is None else row.get(name)


@dataclass(frozen=True)
class BatchInfo:
    batch_id: str
    kind: str
    filename: str
    at: str
    who: str
    added: int
    changed: int
    unchanged: int
    removed: int
    undone_at: str | None
    undone_by: str | None
    undo_of: str | None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass(frozen=True)
class ScenarioInfo:
    name: str
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    version: int


class DataFileError(ValueError):
    """A data file failed validation; ``result`` is the validator's report."""

    def __init__(self, result: object) -> None:
        self.result = result
        text = result.summary() if hasattr(result, "summary") else str(result)
        super().__init__(text)
