"""Named budget scenarios, kept in the data store with the other data (audited like every
change). The budget page talks to this small interface only."""

from __future__ import annotations

from typing import Any

from pages.ui.common import current_user, store


class StoreRepo:
    def __init__(self) -> None:
        self._store = store()
        self._who = current_user().name

    def list(self) -> list[str]:
        return [s.name for s in self._store.list_scenarios()]

    def get(self, name: str) -> dict[str, Any]:
        doc = self._store.get_scenario(name)
        if doc is None:
            raise KeyError(name)
        return doc

    def save(self, name: str, doc: dict[str, Any]) -> None:
        self._store.save_scenario(name, {**doc, "name": name}, self._who)

    def rename(self, old: str, new: str) -> None:
        self._store.rename_scenario(old, new, self._who)

    def duplicate(self, name: str, new: str) -> None:
        self._store.duplicate_scenario(name, new, self._who)

    def delete(self, name: str) -> None:
        self._store.delete_scenario(name, self._who)


def repo() -> StoreRepo:
    return StoreRepo()
