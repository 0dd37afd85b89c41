"""``users add|list|remove``: the local sign-in users file (``users_file`` in .streamlit/secrets.toml)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

from analytics.present.catalogue import text
from analytics.cli.common import emit


def cmd_users(args: argparse.Namespace) -> int:
    import getpass
    import os

    from analytics.storage.access import (ENV_USERS_FILE, SigninGuard, UsersFileError, add_user, guard_file, load_users,
                                          remove_user)
    from analytics.storage.store import resolve_data_dir

    path = Path(args.file or os.environ.get(ENV_USERS_FILE) or resolve_data_dir() / "users.toml")
    try:
        if args.action == "list":
            users = load_users(path) if path.exists() else {}
            emit({"file": str(path), "users": [{"name": u.name, "role": u.role} for u in users.values()]}, args.format,
                  lambda p: [["name", "role"]] + [[u["name"], u["role"]] for u in p["users"]])
            return 0
        if args.action == "log":
            events = SigninGuard(guard_file(path)).events(args.limit) if guard_file(path).exists() else []
            emit({"file": str(guard_file(path)), "events": [vars(e) for e in events]}, args.format,
                  lambda p: [["at", "who", "client", "outcome", "detail"]]
                  + [[e["at"], e["who"], e["client"], e["outcome"], e["detail"]] for e in p["events"]])
            return 0
        if not args.name:
            print("give a user name / 请给出用户名", file=sys.stderr)
            return 2
        if args.action == "unlock":
            unlocked = guard_file(path).exists() and SigninGuard(guard_file(path)).unlock(args.name)
            emit({"file": str(guard_file(path)), "unlocked": unlocked, "name": args.name}, args.format,
                  lambda p: [[("unlocked " if p["unlocked"] else "not locked: ") + p["name"]]])
            return 0
        if args.action == "remove":
            removed = remove_user(path, args.name)
            emit({"file": str(path), "removed": removed, "name": args.name}, args.format,
                  lambda p: [[("removed " if p["removed"] else "not found: ") + p["name"]]])
            return 0 if removed else 1
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass("password / 密码: ")
            if getpass.getpass("again / 再输一次: ") != password:
                print("the passwords differ / 两次输入的密码不一致", file=sys.stderr)
                return 2
        entry, created = add_user(path, args.name, args.role, password)
    except UsersFileError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    hint = text("cli.users_hint", args.lang, path=path)
    emit({"file": str(path), "name": entry.name, "role": entry.role, "created": created, "hint": hint}, args.format,
          lambda p: [[("created " if p["created"] else "updated ") + f"{p['name']} ({p['role']})"], [p["hint"]]])
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    p = sub.add_parser("users", help="local sign-in users (users_file in .streamlit/secrets.toml)")
    p.add_argument("action", choices=["add", "list", "remove", "unlock", "log"],
                   help="unlock NAME: forget failed sign-ins and a lockout; log: the newest sign-in events")
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=["viewer", "editor", "admin"], default="viewer")
    p.add_argument("--file", help="users file, TOML or JSON (default: $PT_USERS_FILE, else var/users.toml)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--limit", type=int, default=50, help="log: how many events (newest first)")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.set_defaults(func=cmd_users)
