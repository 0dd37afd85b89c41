"""Where named budget scenarios are kept. Uses the data store when it offers scenario storage;
otherwise the browser session (lost when the session ends)."""

from __future__ import annotations

import copy
from typing import Any, Protocol

import streamlit as st


class ScenarioRepo(Protocol):
    def list(self) -> list[str]: ...
    def get(self, name: str) -> dict[str, Any]: ...
    def save(self, name: str, doc: dict[str, Any]) -> None: ...
    def rename(self, old: str, new: str) -> None: ...
    def duplicate(self, name: str, new: str) -> None: ...
    def delete(self, name: str) -> None: ...


class SessionRepo:
    def __init__(self) -> None:
        self._d: dict[str, dict[str, Any]] = st.session_state.setdefault("_scenarios", {})

    def list(self) -> list[str]:
        return sorted(self._d)

    def get(self, name: str) -> dict[str, Any]:
        return copy.deepcopy(self._d[name])

    def save(self, name: str, doc: dict[str, Any]) -> None:
        self._d[name] = {**copy.deepcopy(doc), "name": name}

    def rename(self, old: str, new: str) -> None:
        if old in self._d and new not in self._d:
            self._d[new] = {**self._d.pop(old), "name": new}

    def duplicate(self, name: str, new: str) -> None:
        base, i = new, 2
        while new in self._d:
            new = f"{base} {i}"
            i += 1
        self._d[new] = {**copy.deepcopy(self._d[name]), "name": new}

    def delete(self, name: str) -> None:
        self._d.pop(name, None)


def repo() -> ScenarioRepo:
    return SessionRepo()
