"""Who may do what: roles, the optional local users file, password hashing. Pure (no
Streamlit); the sign-in screen lives in :func:`pages.ui.common.current_user`. Password hashing is
:mod:`analytics.storage.passwords`.

How a user is known (first that applies):

1. **OIDC** — an ``[auth]`` section in ``.streamlit/secrets.toml`` (Streamlit's ``st.login``).
   The role comes from ``[access]``: ``admins``, ``editors``, ``viewers`` (lists of e-mail
   addresses, or ``@domain`` for a whole domain) and ``default_role`` (default ``viewer``).
2. **Local users file** — ``users_file = "path"`` in the secrets (or ``$PT_USERS_FILE``): a
   TOML or JSON file of users with salted ``scrypt`` password hashes and roles, written by
   ``python -m analytics users add NAME --role editor``.
3. **Nobody configured** (the default): one local user ``local`` with role ``editor``, no
   sign-in screen.

Roles: ``viewer`` (sees everything, changes nothing), ``editor`` (enters, imports, undoes,
restores), ``admin`` (also the settings, e.g. presentation mode: viewing without sign-in).

Guessing is bounded (local users file only; an OIDC provider has its own rules): every try is
checked by a :class:`SigninGuard` — exponential back-off between failed tries and a lockout
window, both per user name and per client address — whose state and event log live in a small
SQLite file beside the users file (``users.signin.sqlite`` for ``users.toml``), so several app
servers sharing the users file share them too. The rules are settings with defaults and help
text (:data:`SIGNIN_SETTINGS`), read from an optional ``[signin]`` table of the users file.
Passwords are hashed with scrypt at N=2^17, r=8, p=1; a hash made with weaker parameters still
verifies and is replaced on the next successful sign-in (:func:`sign_in`).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sqlite3
import tempfile
import time
import tomllib
from dataclasses import dataclass, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Mapping

from analytics.storage.passwords import _dummy_hash, hash_password, needs_rehash, verify_password

__all__ = [
    "DEFAULT_USER", "PRESENTATION_SETTING", "ROLES", "SIGNIN_SETTINGS", "add_user", "auth_mode", "authenticate",
    "can_edit", "check_password", "guard_file", "hash_password", "is_admin", "load_policy", "load_users",
    "needs_rehash", "normalise_role", "oidc_role", "rehash_user", "remove_user", "role_at_least", "save_users",
    "sign_in", "SigninEvent", "SigninGuard", "SigninPolicy", "SigninResult", "User", "UserEntry", "UsersFileError",
    "Verdict", "verify_password",
]

ROLES = ("viewer", "editor", "admin")
PRESENTATION_SETTING = "presentation_mode"
ENV_USERS_FILE = "PT_USERS_FILE"
_NAME_RE = re.compile(r"^[\w.@+\-\u4e00-\u9fff]{1,64}$")


@dataclass(frozen=True)
class User:
    name: str
    role: str
    method: str  # "default" | "password" | "oidc" | "guest"
    email: str = ""

    @property
    def can_edit(self) -> bool:
        return can_edit(self.role)

    @property
    def is_admin(self) -> bool:
        return is_admin(self.role)

    @property
    def signed_in(self) -> bool:
        return self.method in ("password", "oidc")


DEFAULT_USER = User("local", "editor", "default")
GUEST = User("guest", "viewer", "guest")


def normalise_role(role: Any) -> str:
    text = str(role or "").strip().lower()
    aliases = {"查看": "viewer", "只读": "viewer", "编辑": "editor", "管理员": "admin", "administrator": "admin",
               "read": "viewer", "readonly": "viewer", "write": "editor"}
    text = aliases.get(text, text)
    if text not in ROLES:
        raise ValueError(f"unknown role {role!r}: use one of {', '.join(ROLES)} / 角色应为 viewer、editor 或 admin")
    return text


def role_at_least(role: str, needed: str) -> bool:
    try:
        return ROLES.index(normalise_role(role)) >= ROLES.index(normalise_role(needed))
    except ValueError:
        return False


def can_edit(role: str) -> bool:
    return role_at_least(role, "editor")


def is_admin(role: str) -> bool:
    return role_at_least(role, "admin")


# ---------------------------------------------------------------------------- users file
class UsersFileError(ValueError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class UserEntry:
    name: str
    role: str
    password: str  # the scrypt hash


def _is_json(path: Path, text: str) -> bool:
    return path.suffix.lower() == ".json" or text.lstrip().startswith("{")


def _read_doc(p: Path) -> dict[str, Any]:
    """The parsed users file (TOML or JSON)."""
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsersFileError(f"找不到用户文件「{p}」。请用 python -m analytics users add 创建，或检查 secrets 中 users_file 的路径。",
                             f"Users file {str(p)!r} not found: create it with python -m analytics users add, "
                             "or check users_file in the secrets.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsersFileError(f"用户文件「{p}」无法读取（{type(exc).__name__}）。",
                             f"Users file {str(p)!r} cannot be read ({type(exc).__name__}).") from None
    try:
        doc = json.loads(text) if _is_json(p, text) else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise UsersFileError(f"用户文件「{p}」格式错误：{exc}", f"Users file {str(p)!r} is malformed: {exc}") from None
    if not isinstance(doc, dict):
        raise UsersFileError(f"用户文件「{p}」中没有 users 表。", f"Users file {str(p)!r} has no users table.")
    return doc


def load_users(path: str | os.PathLike[str]) -> dict[str, UserEntry]:
    """Read a users file (TOML ``[users.NAME] role=… password=…`` or the same as JSON)."""
    p = Path(path).expanduser()
    users = _read_doc(p).get("users", {})
    if not isinstance(users, dict):
        raise UsersFileError(f"用户文件「{p}」中没有 users 表。", f"Users file {str(p)!r} has no users table.")
    out: dict[str, UserEntry] = {}
    for name, entry in users.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("password"), str):
            raise UsersFileError(f"用户文件中「{name}」缺少 password。", f"User {name!r} has no password hash.")
        try:
            role = normalise_role(entry.get("role", "viewer"))
        except ValueError:
            raise UsersFileError(f"用户「{name}」的角色「{entry.get('role')}」无效，应为 viewer、editor 或 admin。",
                                 f"User {name!r} has an invalid role {entry.get('role')!r}.") from None
        out[str(name)] = UserEntry(str(name), role, entry["password"])
    return out


def _toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _signin_table(p: Path) -> dict[str, Any]:
    """The ``[signin]`` table of an existing users file (kept when the file is rewritten)."""
    if not p.exists():
        return {}
    table = _read_doc(p).get("signin", {})
    return dict(table) if isinstance(table, dict) else {}


def save_users(path: str | os.PathLike[str], users: Mapping[str, UserEntry]) -> None:
    """Write the users file atomically (TOML, or JSON for a ``.json`` path), readable only by its
    owner; its ``[signin]`` settings table is kept as it is."""
    p = Path(path).expanduser()
    p.parent.mkdir(parents=True, exist_ok=True)
    signin = _signin_table(p)
    if p.suffix.lower() == ".json":
        doc: dict[str, Any] = {"signin": signin} if signin else {}
        doc["users"] = {u.name: {"role": u.role, "password": u.password} for u in users.values()}
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    else:
        lines = ["# 本地用户 / local users — written by `python -m analytics users add`.",
                 "# Passwords are salted scrypt hashes; roles: viewer, editor, admin.", ""]
        if signin:
            lines += ["[signin]"] + [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in signin.items()] + [""]
        for u in users.values():
            lines += [f"[users.{_toml_str(u.name)}]", f"role = {_toml_str(u.role)}", f"password = {_toml_str(u.password)}", ""]
        text = "\n".join(lines)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".users-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, p)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def validate_name(name: str) -> str:
    text = str(name or "").strip()
    if not _NAME_RE.match(text):
        raise ValueError("a user name is 1–64 letters, digits, Chinese characters or . _ @ + - / "
                         "用户名为 1–64 个字母、数字、汉字或 . _ @ + -")
    return text


def add_user(path: str | os.PathLike[str], name: str, role: str, password: str) -> tuple[UserEntry, bool]:
    """Create or update a user → (entry, created?). The password must have at least
    ``min_password_length`` characters (the users file's ``[signin]`` setting, default 10)."""
    name = validate_name(name)
    role = normalise_role(role)
    p = Path(path).expanduser()
    check_password(password, load_policy(p))
    users = load_users(p) if p.exists() else {}
    created = name not in users
    entry = UserEntry(name, role, hash_password(password))
    users[name] = entry
    save_users(p, users)
    return entry, created


def rehash_user(path: str | os.PathLike[str], name: str, old_hash: str, password: str) -> bool:
    """Replace a user's outdated hash by one at today's parameters — only when the file still
    holds ``old_hash`` for them (an administrator may have changed it meanwhile)."""
    p = Path(path).expanduser()
    users = load_users(p)
    entry = users.get(name)
    if entry is None or entry.password != old_hash:
        return False
    users[name] = UserEntry(name, entry.role, hash_password(password))
    save_users(p, users)
    return True


def remove_user(path: str | os.PathLike[str], name: str) -> bool:
    p = Path(path).expanduser()
    users = load_users(p)
    if name not in users:
        return False
    del users[name]
    save_users(p, users)
    return True


def authenticate(users: Mapping[str, UserEntry], name: str, password: str) -> User | None:
    """The user when name and password match; ``None`` otherwise (same work either way)."""
    entry = users.get(str(name or "").strip())
    if entry is None:
        verify_password(password, _dummy_hash())  # do not reveal which names exist
        return None
    if not verify_password(password, entry.password):
        return None
    return User(entry.name, entry.role, "password")


# ---------------------------------------------------------------------------- guessing
# name: (default, help). Read from the ``[signin]`` table of the users file; see SigninPolicy.
SIGNIN_SETTINGS: dict[str, tuple[Any, str]] = {
    "max_failures": (5, "Failed tries of one user name, without a success in between, before that name is locked "
                        "out for lockout_minutes (unknown names are counted the same way)."),
    "client_max_failures": (20, "Failed tries from one client address (any names) before that address is locked out "
                                "for lockout_minutes. Higher than max_failures: an office may share one address."),
    "lockout_minutes": (15.0, "Length of a lockout; failures older than this (with no failure since) are forgotten."),
    "backoff_seconds": (1.0, "Wait after the first failure before the next try of that name or address; it doubles "
                             "with each further failure (1, 2, 4, 8 s …). A try inside the wait is refused unchecked."),
    "backoff_max_seconds": (60.0, "Longest wait between two tries (the doubling stops here)."),
    "min_password_length": (10, "Fewest characters of a new password (users add); existing passwords keep working."),
    "client_header": ("", "Name of the request header in which a trusted reverse proxy passes the client's address "
                          "(e.g. X-Real-IP); empty = the address of the connection. Never set it without such a proxy: "
                          "clients could then choose their own address."),
}


@dataclass(frozen=True)
class SigninPolicy:
    """The rules against guessing; defaults and help text in :data:`SIGNIN_SETTINGS`."""

    max_failures: int = 5
    client_max_failures: int = 20
    lockout_minutes: float = 15.0
    backoff_seconds: float = 1.0
    backoff_max_seconds: float = 60.0
    min_password_length: int = 10
    client_header: str = ""

    def backoff(self, failures: int) -> float:
        """Seconds to wait after ``failures`` consecutive failures (0 for none)."""
        if failures <= 0:
            return 0.0
        return min(self.backoff_max_seconds, self.backoff_seconds * 2.0 ** min(failures - 1, 60))


def load_policy(path: str | os.PathLike[str] | None) -> SigninPolicy:
    """The ``[signin]`` table of the users file over the defaults (defaults when there is no file)."""
    p = Path(path).expanduser() if path else None
    table = _signin_table(p) if p is not None else {}
    values: dict[str, Any] = {}
    for f in fields(SigninPolicy):
        if f.name not in table:
            continue
        raw, kind = table[f.name], type(SIGNIN_SETTINGS[f.name][0])
        ok = isinstance(raw, str) if kind is str else (isinstance(raw, (int, float)) and not isinstance(raw, bool)
                                                      and raw >= 0 and (kind is float or float(raw).is_integer()))
        if not ok:
            raise UsersFileError(f"用户文件 [signin] 中的 {f.name} 无效：{raw!r}。",
                                 f"Invalid {f.name} in the users file's [signin] table: {raw!r}.")
        values[f.name] = kind(raw)
    unknown = sorted(set(table) - set(SIGNIN_SETTINGS))
    if unknown:
        raise UsersFileError(f"用户文件 [signin] 中有未知设置：{', '.join(unknown)}。",
                             f"Unknown setting(s) in the users file's [signin] table: {', '.join(unknown)}.")
    return replace(SigninPolicy(), **values)


def check_password(password: str, policy: SigninPolicy) -> None:
    """Refuse a new password shorter than the policy's minimum (characters, not bytes)."""
    need = max(1, policy.min_password_length)
    if not isinstance(password, str) or len(password) < need:
        raise UsersFileError(f"密码太短：至少需要 {need} 个字符。", f"The password is too short: at least {need} characters.")


@dataclass(frozen=True)
class Verdict:
    """May a try go ahead? ``reason`` is ``locked`` or ``throttled`` when not; ``retry_after`` in seconds."""

    allowed: bool
    reason: str = ""
    retry_after: float = 0.0


@dataclass(frozen=True)
class SigninEvent:
    at: str  # ISO 8601, UTC
    who: str  # the name typed (at most 64 characters)
    client: str
    outcome: str  # ok | failed | locked | throttled
    detail: str  # unknown_user | rehashed | locked_now | ""


def guard_file(users_path: str | os.PathLike[str]) -> Path:
    """Where the guard keeps its state: ``users.signin.sqlite`` beside ``users.toml``."""
    p = Path(users_path).expanduser()
    return p.with_name(p.stem + ".signin.sqlite")


_EVENTS_KEPT, _PRUNE_EVERY = 100_000, 1000  # newest sign-in events kept in the log; pruned every 1000th
_GUARD_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS throttle (subject TEXT PRIMARY KEY, failures INTEGER NOT NULL, "
    "last_at REAL NOT NULL, locked_until REAL NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, "
    "client TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')",
)


class SigninGuard:
    """Back-off and lockout per user name and per client, shared by every process using the same
    file (one ``BEGIN IMMEDIATE`` transaction per step), plus the sign-in event log.

    A try is counted as failed when it starts (:meth:`begin`) and forgiven when it succeeds
    (:meth:`finish`), so simultaneous tries cannot slip past the back-off. ``clock`` returns
    seconds since the epoch (injectable for tests)."""

    def __init__(self, path: str | os.PathLike[str], policy: SigninPolicy | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.policy = policy or SigninPolicy()
        self.clock = clock

    def _tx(self) -> "_Tx":
        """One ``BEGIN IMMEDIATE`` transaction on the file (created, readable by its owner only, on first use)."""
        new = not self.path.exists()
        con = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        con.execute("PRAGMA busy_timeout = 10000")
        if new:
            os.chmod(self.path, 0o600)
            with contextlib.suppress(sqlite3.OperationalError):  # a simultaneous first try is setting it
                con.execute("PRAGMA journal_mode = WAL")  # as the store: readers never wait, one fsync per step
        con.execute("PRAGMA synchronous = NORMAL")
        con.execute("BEGIN IMMEDIATE")
        for stmt in _GUARD_SCHEMA:
            con.execute(stmt)
        return _Tx(con)

    def _subjects(self, name: str, client: str) -> list[tuple[str, int]]:
        return [("user:" + _short(name).casefold(), self.policy.max_failures),
                ("client:" + _short(client), self.policy.client_max_failures)]

    def _log(self, con: sqlite3.Connection, now: float, name: str, client: str, outcome: str, detail: str = "") -> None:
        at = datetime.fromtimestamp(now, timezone.utc).isoformat(timespec="seconds")
        cur = con.execute("INSERT INTO events (at, who, client, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                          (at, _short(name), _short(client), outcome, detail))
        if cur.lastrowid and cur.lastrowid % _PRUNE_EVERY == 0:  # a bounded log, whatever the rate of tries
            con.execute("DELETE FROM events WHERE id <= ?", (cur.lastrowid - _EVENTS_KEPT,))

    def begin(self, name: str, client: str) -> Verdict:
        """May this try go ahead? If so it is counted as failed until :meth:`finish` says otherwise;
        if not, the refusal is logged."""
        now, window = self.clock(), self.policy.lockout_minutes * 60
        with self._tx() as con:
            con.execute("DELETE FROM throttle WHERE last_at < ? AND locked_until < ?", (now - window, now))
            subjects = self._subjects(name, client)
            verdict = Verdict(True)
            for subject, _limit in subjects:
                row = con.execute("SELECT failures, last_at, locked_until FROM throttle WHERE subject = ?",
                                  (subject,)).fetchone()
                if row is None:
                    continue
                failures, last_at, locked_until = row
                if locked_until > now:
                    verdict = Verdict(False, "locked", max(verdict.retry_after, locked_until - now))
                elif locked_until:  # a lockout that has ended: start again
                    con.execute("DELETE FROM throttle WHERE subject = ?", (subject,))
                elif now < last_at + self.policy.backoff(failures) and verdict.reason != "locked":
                    verdict = Verdict(False, "throttled", max(verdict.retry_after, last_at + self.policy.backoff(failures) - now))
            if not verdict.allowed:
                self._log(con, now, name, client, verdict.reason)
                return verdict
            for subject, _limit in subjects:
                con.execute("INSERT INTO throttle (subject, failures, last_at) VALUES (?, 1, ?) ON CONFLICT(subject) "
                            "DO UPDATE SET failures = failures + 1, last_at = excluded.last_at", (subject, now))
        return verdict

    def finish(self, name: str, client: str, ok: bool, detail: str = "") -> Verdict:
        """Record the outcome of a try :meth:`begin` let through → the lockout it caused, if any."""
        now = self.clock()
        (user_subject, _), (client_subject, client_limit) = self._subjects(name, client)
        with self._tx() as con:
            if ok:
                con.execute("DELETE FROM throttle WHERE subject = ?", (user_subject,))
                con.execute("UPDATE throttle SET failures = MAX(failures - 1, 0) WHERE subject = ?", (client_subject,))
                self._log(con, now, name, client, "ok", detail)
                return Verdict(True)
            until = now + self.policy.lockout_minutes * 60
            locked = False
            for subject, limit in ((user_subject, self.policy.max_failures), (client_subject, client_limit)):
                cur = con.execute("UPDATE throttle SET locked_until = ? WHERE subject = ? AND failures >= ?",
                                  (until, subject, max(limit, 1)))
                locked = locked or cur.rowcount > 0
            self._log(con, now, name, client, "failed", ",".join(x for x in (detail, "locked_now" if locked else "") if x))
        return Verdict(False, "locked", until - now) if locked else Verdict(False)

    def unlock(self, name_or_client: str) -> bool:
        """Forget the failures and lockout of a user name or a client address (an administrator's command)."""
        with self._tx() as con:
            cur = con.execute("DELETE FROM throttle WHERE subject IN (?, ?)",
                              ("user:" + _short(name_or_client).casefold(), "client:" + _short(name_or_client)))
            return cur.rowcount > 0

    def events(self, limit: int = 100) -> list[SigninEvent]:
        """The newest sign-in events first."""
        with self._tx() as con:
            rows = con.execute("SELECT at, who, client, outcome, detail FROM events ORDER BY id DESC LIMIT ?",
                               (int(limit),)).fetchall()
        return [SigninEvent(*row) for row in rows]


class _Tx:
    """``with`` a connection in ``BEGIN IMMEDIATE``: commit on success, roll back on error, close."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def __enter__(self) -> sqlite3.Connection:
        return self.con

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        try:
            self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self.con.close()


def _short(text: Any) -> str:
    return str(text or "").strip()[:64] or "-"


@dataclass(frozen=True)
class SigninResult:
    """``user`` when signed in; ``outcome`` ok | failed | locked | throttled; ``retry_after`` seconds."""

    user: User | None
    outcome: str
    retry_after: float = 0.0


def sign_in(users_path: str | os.PathLike[str], users: Mapping[str, UserEntry], name: str, password: str,
            client: str, guard: SigninGuard) -> SigninResult:
    """One try of the sign-in form: the guard's verdict, the password check, the outcome logged,
    and an outdated hash replaced by one at today's parameters on success."""
    name = str(name or "").strip()
    try:
        verdict = guard.begin(name, client)
        if not verdict.allowed:
            return SigninResult(None, verdict.reason, math.ceil(verdict.retry_after))
        user = authenticate(users, name, password)
        if user is None:
            after = guard.finish(name, client, False, "" if name in users else "unknown_user")
            return SigninResult(None, after.reason or "failed", math.ceil(after.retry_after))
        detail = ""
        if needs_rehash(users[name].password):
            try:
                detail = "rehashed" if rehash_user(users_path, name, users[name].password, password) else ""
            except (OSError, UsersFileError):  # a read-only users file: the old hash keeps working
                detail = "rehash_failed"
        guard.finish(name, client, True, detail)
    except (sqlite3.Error, OSError) as exc:  # no record of tries, no sign-in (fail closed)
        raise UsersFileError(f"登录记录文件「{guard.path}」无法写入（{type(exc).__name__}），暂时无法登录。",
                             f"The sign-in record {str(guard.path)!r} cannot be written ({type(exc).__name__}): "
                             "no sign-in until it can.") from None
    return SigninResult(user, "ok")


# ---------------------------------------------------------------------------- configuration
def auth_mode(has_auth: bool, users_file: str | None) -> str:
    """"oidc" when an [auth] section is configured, "local" with a users file, else "none"."""
    if has_auth:
        return "oidc"
    if users_file:
        return "local"
    return "none"


def oidc_role(email: str | None, access: Mapping[str, Any] | None) -> str:
    """The role of a signed-in OIDC user from the ``[access]`` secrets section."""
    cfg = dict(access or {})
    addr = str(email or "").strip().lower()
    domain = "@" + addr.split("@", 1)[1] if "@" in addr else None

    def listed(key: str) -> bool:
        entries = [str(x).strip().lower() for x in (cfg.get(key) or [])]
        return bool(addr) and (addr in entries or (domain is not None and domain in entries))

    for role in ("admin", "editor", "viewer"):
        if listed(role + "s"):
            return role
    try:
        return normalise_role(cfg.get("default_role", "viewer"))
    except ValueError:
        return "viewer"
