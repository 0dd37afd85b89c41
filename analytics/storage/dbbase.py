"""What both store backends share: the clock, read snapshots and the ``meta`` table. A backend
gives ``connect()`` (a connection whose ``execute`` takes ``?`` placeholders) and ``_clock``."""

from __future__ import annotations

import contextlib
import datetime as _dt
from typing import Any, Callable, Iterator


class DbBase:
    _clock: Callable[[], _dt.datetime]
    connect: Callable[[], Any]  # each backend defines it

    def now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    @contextlib.contextmanager
    def read(self) -> Iterator[Any]:
        """A consistent snapshot: one read transaction, always rolled back."""
        con = self.connect()
        try:
            con.execute("BEGIN")
            yield con
        finally:
            try:
                con.execute("ROLLBACK")
            finally:
                con.close()

    def meta(self, key: str) -> str | None:
        with self.read() as con:
            r = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if r is None else str(r[0])
