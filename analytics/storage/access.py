"""Who may do what: roles, the optional local users file, password hashing. Pure (no
Streamlit); the sign-in screen lives in :func:`pages.ui.common.current_user`.

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
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

__all__ = [
    "ROLES",
    "DEFAULT_USER",
    "PRESENTATION_SETTING",
    "User",
    "UserEntry",
    "UsersFileError",
    "add_user",
    "auth_mode",
    "authenticate",
    "can_edit",
    "hash_password",
    "is_admin",
    "load_users",
    "normalise_role",
    "oidc_role",
    "remove_user",
    "role_at_least",
    "save_users",
    "verify_password",
]

ROLES = ("viewer", "editor", "admin")
PRESENTATION_SETTING = "presentation_mode"
ENV_USERS_FILE = "PT_USERS_FILE"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
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


# ---------------------------------------------------------------------------- passwords
def hash_password(password: str, *, salt: bytes | None = None, n: int = _SCRYPT["n"], r: int = _SCRYPT["r"],
                  p: int = _SCRYPT["p"]) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64), salted with 16 random bytes."""
    if not isinstance(password, str) or not password:
        raise ValueError("the password cannot be empty / 密码不能为空")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${n}${r}${p}${b64(salt)}${b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    """Constant-time check of a password against :func:`hash_password` output."""
    try:
        scheme, n, r, p, salt, digest = str(encoded).split("$")
        if scheme != "scrypt":
            return False
        n_i, r_i, p_i = int(n), int(r), int(p)
        if n_i > 2**20 or r_i > 32 or p_i > 16:
            return False
        want = base64.b64decode(digest)
        got = hashlib.scrypt(str(password).encode("utf-8"), salt=base64.b64decode(salt), n=n_i, r=r_i, p=p_i,
                             dklen=len(want), maxmem=256 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


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


def load_users(path: str | os.PathLike[str]) -> dict[str, UserEntry]:
    """Read a users file (TOML ``[users.NAME] role=… password=…`` or the same as JSON)."""
    p = Path(path).expanduser()
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
    users = doc.get("users", {}) if isinstance(doc, dict) else None
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


def save_users(path: str | os.PathLike[str], users: Mapping[str, UserEntry]) -> None:
    """Write the users file atomically (TOML, or JSON for a ``.json`` path), readable only by its owner."""
    p = Path(path).expanduser()
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.suffix.lower() == ".json":
        text = json.dumps({"users": {u.name: {"role": u.role, "password": u.password} for u in users.values()}},
                          ensure_ascii=False, indent=2) + "\n"
    else:
        lines = ["# 本地用户 / local users — written by `python -m analytics users add`.",
                 "# Passwords are salted scrypt hashes; roles: viewer, editor, admin.", ""]
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
    """Create or update a user → (entry, created?)."""
    name = validate_name(name)
    role = normalise_role(role)
    p = Path(path).expanduser()
    users = load_users(p) if p.exists() else {}
    created = name not in users
    entry = UserEntry(name, role, hash_password(password))
    users[name] = entry
    save_users(p, users)
    return entry, created


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
        verify_password(password, hash_password("x", salt=b"\0" * 16))  # do not reveal which names exist
        return None
    if not verify_password(password, entry.password):
        return None
    return User(entry.name, entry.role, "password")


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
