"""Shared view helpers: cached data access, sidebar state, formatting. No business rules here:
everything numeric comes from ``analytics``."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from analytics.storage.dataset import Dataset
from analytics.storage.access import (
    DEFAULT_USER,
    ENV_USERS_FILE,
    GUEST,
    PRESENTATION_SETTING,
    User,
    UserEntry,
    UsersFileError,
    authenticate,
    auth_mode,
    load_users,
    oidc_role,
)
from analytics.storage.store import ENV_DATA_DIR, SeedSpec, Store, store_location
from analytics.rules.progress import GoalRollup, IndicatorProgress, load_rules, rollup
from analytics.present.i18n import t

PAGES = {
    "overview": "pages/overview.py",
    "goals": "pages/goals.py",
    "indicator": "pages/indicator.py",
    "targets": "pages/targets.py",
}


def _secret(key: str, default: Any = None) -> Any:
    """A value from ``.streamlit/secrets.toml`` (the default when there is no secrets file)."""
    try:
        return st.secrets.get(key, default)
    except Exception:  # noqa: BLE001 - no secrets file, or an unreadable one: behave as unset
        return default


def data_dir() -> str | None:
    """``data_dir`` from the secrets; else the engine uses ``$PT_DATA_DIR``, else ``var/``."""
    value = _secret("data_dir")
    return str(value) if value else None


@st.cache_resource(show_spinner=False, max_entries=16)
def _store(db_file: str, seed: tuple[str | None, ...] | None) -> Store:
    return Store(db_file, seed=SeedSpec(*seed) if seed else None)


def store() -> Store:
    """The data store of this app (created and seeded on first use; PT_TARGETS / PT_ACTUALS /
    PT_BUDGET, when set, seed a fresh one — see ``analytics.storage.store.store_location``)."""
    loc = store_location(data_dir())
    seed = (loc.seed.targets, loc.seed.actuals, loc.seed.budget) if loc.seed else None
    return _store(str(loc.file), seed)


# The signature (store file, data version) is looked up at most once a second per store
# location (dataset() is called many times in one run); writes made through this process call
# invalidate_data() so the next run sees them at once. Writes by another process (the CLI)
# show within a second.
_SIG_TTL = 1.0
_sig_memo: dict[tuple[Any, ...], tuple[float, int, tuple[Any, ...]]] = {}
_generation = [0]


def invalidate_data() -> None:
    """Call after writing to the store."""
    _generation[0] += 1


def _data_signature() -> tuple[Any, ...]:
    """The store file and its data version (cache key of the dataset and the progress)."""
    where = (data_dir(), os.environ.get(ENV_DATA_DIR), *(os.environ.get(k) for k in ("PT_TARGETS", "PT_ACTUALS", "PT_BUDGET")))
    now = time.monotonic()
    hit = _sig_memo.get(where)
    if hit is not None and hit[1] == _generation[0] and now - hit[0] < _SIG_TTL:
        return hit[2]
    s = store()
    s.sync_targets()
    sig = (str(s.file), s.data_version())
    _sig_memo[where] = (now, _generation[0], sig)
    return sig


@st.cache_resource(show_spinner=False, max_entries=8)
def _dataset(signature: tuple[Any, ...]) -> Dataset:
    del signature
    return store().load_dataset()


def dataset() -> Dataset:
    return _dataset(_data_signature())


@st.cache_data(show_spinner=False, max_entries=64)
def _progress(signature: tuple[Any, ...], year: int, as_of: tuple[int, int]) -> list[IndicatorProgress]:
    return _dataset(signature).progress(year, as_of)


def progress(year: int, as_of: tuple[int, int]) -> list[IndicatorProgress]:
    return _progress(_data_signature(), year, as_of)


def goal_rollup(year: int, as_of: tuple[int, int]) -> list[GoalRollup]:
    return rollup(dataset().project, progress(year, as_of))


@dataclass(frozen=True)
class ViewState:
    lang: str
    year: int
    as_of: tuple[int, int]

    @property
    def as_of_key(self) -> str:
        return f"{self.as_of[0]:04d}-{self.as_of[1]:02d}"

    def month_label(self, year: int | None = None, month: int | None = None) -> str:
        return t("month_fmt", self.lang, y=year or self.as_of[0], m=month or self.as_of[1])


def _parse_key(text: str | None) -> tuple[int, int] | None:
    try:
        y, m = str(text).split("-")
        return int(y), int(m)
    except (ValueError, AttributeError):
        return None


def _remember(key: str) -> None:
    st.session_state[f"_{key}"] = st.session_state[key]


def sidebar() -> ViewState:
    """Language, as-of month and year: in the sidebar, kept in the session and the URL."""
    from pages.ui.router import ensure_routed

    ensure_routed()
    ds = dataset()
    qp = st.query_params
    # Widget state is dropped when the user switches pages; keep the choices in plain keys
    # ("_lang", "_as_of", "_year") and hand them back to the widgets on every page.
    for key in ("lang", "as_of", "year"):
        if f"_{key}" in st.session_state:
            st.session_state[key] = st.session_state[f"_{key}"]
    if "lang" not in st.session_state:
        st.session_state["lang"] = qp.get("lang", "zh") if qp.get("lang") in ("zh", "en") else "zh"
    lang = st.sidebar.radio(
        t("sidebar_lang", st.session_state["lang"]),
        ["zh", "en"],
        format_func=lambda x: "中文" if x == "zh" else "English",
        horizontal=True,
        key="lang",
        on_change=_remember,
        args=("lang",),
    )
    periods = ds.periods()
    latest = ds.latest_period or (ds.project.years[0], 12)
    if not periods:
        periods = [latest]
    keys = [f"{y:04d}-{m:02d}" for y, m in periods]
    if "as_of" not in st.session_state:
        wanted = qp.get("as_of")
        st.session_state["as_of"] = wanted if wanted in keys else keys[-1]
    elif st.session_state["as_of"] not in keys:
        st.session_state["as_of"] = keys[-1]
    as_of_key = st.sidebar.selectbox(
        t("sidebar_as_of", lang),
        keys,
        format_func=lambda k: t("month_fmt", lang, y=int(k[:4]), m=int(k[5:])),
        key="as_of",
        help=t("sidebar_as_of_help", lang),
        on_change=_remember,
        args=("as_of",),
    )
    as_of = _parse_key(as_of_key) or latest
    years = ds.years() or [as_of[0]]
    default_year = as_of[0] if as_of[0] in years else max([y for y in years if y <= as_of[0]] or years)
    if "year" not in st.session_state or st.session_state.get("_year_for") != as_of_key:
        qy = qp.get("year")
        st.session_state["year"] = int(qy) if qy and qy.isdigit() and int(qy) in years and "_year_for" not in st.session_state else default_year
        st.session_state["_year_for"] = as_of_key
    year = st.sidebar.selectbox(t("sidebar_year", lang), years, key="year", on_change=_remember, args=("year",))
    st.session_state["_lang"], st.session_state["_as_of"], st.session_state["_year"] = lang, as_of_key, year
    qp["as_of"] = as_of_key
    qp["year"] = str(year)
    qp["lang"] = lang
    if ds.is_sample:
        st.sidebar.caption(f":orange-badge[{t('sample_tag', lang)}]")
    current_user(render=True)  # sign-in gate (no-op without [auth] / users_file in the secrets)
    st.sidebar.markdown(_METRIC_ROW_CSS, unsafe_allow_html=True)  # here, so no gap in the page
    return ViewState(lang=lang, year=int(year), as_of=as_of)


def sample_banner(state: ViewState) -> None:
    if dataset().is_sample:
        st.info(t("sample_banner", state.lang), icon=":material/science:")


def status_label(status: str, lang: str) -> str:
    info = load_rules()["statuses"][status]
    return f"{info['symbol']} {info['en' if lang == 'en' else 'zh']}"


def status_help(status: str, lang: str) -> str:
    info = load_rules()["statuses"][status]
    return info["help_en" if lang == "en" else "help_zh"]


def status_color(status: str) -> str:
    return str(load_rules()["statuses"][status]["color"])


# Static CSS (never built from data): value cards in a row made with ``metric_columns`` use a
# slightly smaller value font, so that values with units ("58,301 万元", "完全不可能") fit
# four to a row at 1280 px.
_METRIC_ROW_CSS = (
    "<style>[class*='st-key-metric_row_'] [data-testid='stMetricValue'] p "
    "{ font-size: 1.75rem !important; }</style>"
)


def metric_columns(key: str, spec: list[float]) -> list[Any]:
    """A row of columns for ``st.metric`` value cards (relative widths ``spec``); the style
    itself is added once per page by :func:`sidebar`."""
    return list(st.container(key=f"metric_row_{key}").columns(spec))


def target_text(raw: str | None, unit: str) -> str:
    """The target as written in the table, with the unit added when it is a bare number
    ("15.11" -> "15.11 万人次"; "95%以上", "是" stay as written)."""
    if not raw:
        return "—"
    text = raw.strip()
    if unit and unit != "%" and re.fullmatch(r"[0-9][0-9,]*(\.[0-9]+)?", text):
        return f"{text} {unit}"
    return text


def fmt_value(x: float | None, unit: str = "", nd: int | None = None) -> str:
    if x is None:
        return "—"
    if nd is None:
        ax = abs(x)
        nd = 0 if ax >= 1000 or float(x).is_integer() else (1 if ax >= 100 else (2 if ax >= 1 else 4))
    s = f"{x:,.{nd}f}"
    if unit == "%":
        return f"{s}%"
    return f"{s} {unit}".strip()


def fmt_money(wan: float | None, lang: str = "zh") -> str:
    """An amount in 万元, shortened for metric cards: ≥ 1亿 shown in 亿元."""
    if wan is None:
        return "—"
    if abs(wan) >= 10000:
        return f"{wan / 10000:,.2f} 亿元"
    return f"{wan:,.0f} 万元"


def fmt_pct(x: float | None, nd: int = 1) -> str:
    return "—" if x is None else f"{x * 100:.{nd}f}%"


_MD_SPECIAL = set("\\`*_[]<>#|~$")


def esc(text: object) -> str:
    """Neutralise Markdown/HTML syntax in user-supplied text before it goes into st.markdown
    (raw HTML is never enabled; this also stops links, emphasis and LaTeX from file contents)."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))


def indicator_label(ind_id: str, lang: str) -> str:
    ind = dataset().project.indicator(ind_id)
    return ind.display_name(lang)


def goal_label(goal_id: int, lang: str) -> str:
    if goal_id == 0:
        return t("project_wide", lang)
    g = dataset().project.goal(goal_id)
    return g.label(lang) if g else str(goal_id)


@st.cache_data(show_spinner=False, max_entries=512)
def _chart_spec(builder: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    from analytics.present import charts

    return charts.spec(builder, *args, **kwargs)


def show_chart(builder: str, *args: Any, **kwargs: Any) -> None:
    """Render a chart from pages/charts.py. Building an Altair chart costs ~100 ms, so the
    finished Vega-Lite spec is cached on the chart's inputs (same inputs, same chart)."""
    st.vega_lite_chart(spec=_chart_spec(builder, *args, **kwargs), width="stretch")


# --- access: who is using the app (analytics/access.py holds the rules) ---------------------
_AUTH_KEY = "_auth_user"
_WANT_SIGNIN = "_want_signin"


def _has_oidc() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file
        return False


def users_file() -> str | None:
    value = _secret("users_file") or os.environ.get(ENV_USERS_FILE)
    return str(value) if value else None


@st.cache_data(show_spinner=False, max_entries=4)
def _users(path: str, mtime: int) -> dict[str, UserEntry]:
    del mtime
    return load_users(path)


def _role_label(role: str, lang: str) -> str:
    return t(f"role_{role}", lang)


def _sign_out() -> None:
    st.session_state.pop(_AUTH_KEY, None)
    st.session_state.pop(_WANT_SIGNIN, None)


def _want_signin() -> None:
    st.session_state[_WANT_SIGNIN] = True


def _user_box(user: User, lang: str, sign_out: Any = None) -> None:
    st.sidebar.caption(f":material/person: {esc(user.name)} · {_role_label(user.role, lang)}")
    if sign_out is not None:
        st.sidebar.button(t("signout", lang), key="signout", icon=":material/logout:", on_click=sign_out)


def _guest_box(lang: str) -> None:
    st.sidebar.caption(f":material/visibility: {t('guest', lang)} · {_role_label('viewer', lang)}")
    st.sidebar.button(t("signin_button", lang), key="signin_open", icon=":material/login:", on_click=_want_signin)


def _signin_screen(lang: str, mode: str, users: dict[str, UserEntry] | None) -> None:
    st.title(t("signin_title", lang))
    if mode == "oidc":
        st.caption(t("signin_caption_oidc", lang))
        if st.button(t("signin_oidc", lang), key="signin_oidc", icon=":material/login:", type="primary"):
            provider = _secret("login_provider")
            try:
                st.login(provider) if provider else st.login()
            except Exception as exc:  # noqa: BLE001 - e.g. Authlib missing, provider misconfigured
                st.error(t("signin_oidc_failed", lang, error=esc(type(exc).__name__)), icon=":material/error:")
        return
    st.caption(t("signin_caption_local", lang))
    with st.form("signin_form"):
        name = st.text_input(t("signin_name", lang), key="signin_name")
        password = st.text_input(t("signin_password", lang), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin_button", lang), icon=":material/login:", type="primary")
    if submitted:
        user = authenticate(users or {}, name, password)
        if user is None:
            st.error(t("signin_failed", lang), icon=":material/error:")
            return
        st.session_state[_AUTH_KEY] = user.name
        st.session_state.pop(_WANT_SIGNIN, None)
        st.rerun()


def current_user(render: bool = False) -> User:
    """Who is using the app, with their role (viewer / editor / admin).

    Without ``[auth]`` or ``users_file`` in the secrets: the local user "local" (editor), no
    sign-in. With ``[auth]``: OIDC through ``st.login`` / ``st.user`` (roles from ``[access]``).
    With ``users_file``: a name/password form against the local users file. When an admin has
    turned on presentation mode, people who are not signed in see the app as viewers.
    ``render=True`` (called once per run, at the end of ``sidebar()``) shows the user in the
    sidebar and, when nobody is signed in, the sign-in screen instead of the page."""
    lang = st.session_state.get("lang", "zh")
    mode = auth_mode(_has_oidc(), users_file())
    if mode == "none":
        return DEFAULT_USER
    presentation = store().get_setting(PRESENTATION_SETTING) == "on"
    users: dict[str, UserEntry] | None = None
    if mode == "oidc":
        info = st.user
        if info.get("is_logged_in"):
            email = str(info.get("email") or "")
            user = User(str(info.get("name") or email or "user"), oidc_role(email, _secret("access", {})), "oidc", email)
            if render:
                _user_box(user, lang, st.logout)
            return user
    else:
        path = users_file() or ""
        try:
            users = _users(path, Path(path).stat().st_mtime_ns if Path(path).exists() else 0)
        except UsersFileError as exc:
            if render:
                st.error(esc(exc.message(lang)), icon=":material/error:")
                st.stop()
            return GUEST
        name = st.session_state.get(_AUTH_KEY)
        if name and name in users:
            user = User(name, users[name].role, "password")
            if render:
                _user_box(user, lang, _sign_out)
            return user
    if presentation and not st.session_state.get(_WANT_SIGNIN):
        if render:
            _guest_box(lang)
        return GUEST
    if render:
        _signin_screen(lang, mode, users)
        st.stop()
    return GUEST

