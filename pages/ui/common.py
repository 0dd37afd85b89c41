"""Shared view helpers: cached data access, sidebar state, value-card rows, charts. No business
rules and no formatting here: numbers, units and dates come from ``analytics.present.format``,
names of statuses, goals and other codes from ``analytics.present.labels``."""

from __future__ import annotations

import os
import time
from collections import Counter
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
    SigninGuard,
    UsersFileError,
    auth_mode,
    guard_file,
    load_policy,
    load_users,
    oidc_role,
    sign_in,
)
from analytics.storage.projects import ProjectInfo
from analytics.storage.schema import DEFAULT_PROJECT
from analytics.storage.store import ENV_DATA_DIR, SeedSpec, Store, seed_sample_default, store_location
from analytics.core.calendar import Month, default_year as year_to_show
from analytics.core.reporting import REPORTING_RULES, MonthCoverage, later_partial, month_coverage
from analytics.rules.progress import GoalRollup, IndicatorProgress, rollup
from analytics.present import labels
from analytics.present.format import fmt_list, fmt_month, fmt_period_key
from analytics.present.i18n import t
from pages.ui.markup import esc  # noqa: F401 - the one escaping helper, used by every page

def _secret(key: str, default: Any = None) -> Any:
    """A value from ``.streamlit/secrets.toml`` (the default when there is no secrets file)."""
    try:
        return st.secrets.get(key, default)
    except Exception:  # noqa: BLE001 - no secrets file, or an unreadable one: behave as unset
        return default


def database_url() -> str | None:
    """``database_url`` from the secrets (a ``postgresql://`` URL: the store is that database,
    shared by every app server); else the engine uses ``$PT_DATABASE_URL``, else SQLite."""
    value = _secret("database_url")
    return str(value) if value else None


def data_dir() -> str | None:
    """``data_dir`` from the secrets; else the engine uses ``$PT_DATA_DIR``, else ``var/``."""
    value = _secret("data_dir")
    return str(value) if value else None


def seed_sample() -> bool:
    """``seed_sample`` from the secrets (``false`` = a new store starts empty, without the
    示例数据); else ``$PT_SEED_SAMPLE`` (``0`` = empty); default true."""
    value = _secret("seed_sample")
    if value is None:
        return seed_sample_default()
    return str(value).strip().lower() not in ("0", "false", "no", "off")


@st.cache_resource(show_spinner=False, max_entries=16)
def _store(db_file: str, seed: tuple[str | None, ...] | None, sample: bool = True) -> Store:
    return Store(db_file, seed=SeedSpec(*seed, sample=sample) if seed else SeedSpec(sample=sample))


def base_store() -> Store:
    """The data store of this app, on its default project (created and seeded on first use;
    PT_TARGETS / PT_ACTUALS / PT_BUDGET, when set, seed a fresh one — see
    ``analytics.storage.store.store_location``; ``seed_sample = false`` starts a new one without
    the 示例数据). Pages use :func:`store`, which reads and writes the chosen project."""
    loc = store_location(data_dir(), url=database_url())
    seed = (loc.seed.targets, loc.seed.actuals, loc.seed.budget) if loc.seed else None
    return _store(loc.target, seed, seed_sample())


_scoped: dict[tuple[int, str], Store] = {}


def _store_for(project: str) -> Store:
    """The store facade of ``project`` (kept: building one checks the id in the database)."""
    base = base_store()
    if project == DEFAULT_PROJECT:
        return base
    key = (id(base), project)
    if key not in _scoped:
        _scoped[key] = base.with_project(project)
    return _scoped[key]


def store() -> Store:
    """The data store, reading and writing the project chosen in the sidebar (:func:`current_project`)."""
    return _store_for(current_project())


# -- the chosen project (sidebar switcher, ``project=`` in the URL) ---------------------------
PROJECT_KEY = "project"
# session keys that stay when the project changes: the language and who is signed in; every
# other choice (as-of month, year, picked indicator, scenario, slide…) belongs to one project
_KEEP_ON_SWITCH = ("lang", "_lang", "_auth_user", "_want_signin", PROJECT_KEY, f"_{PROJECT_KEY}")


@st.cache_data(show_spinner=False, max_entries=8)
def _projects(signature: tuple[Any, ...], archived: bool) -> list[ProjectInfo]:
    del signature  # cache key: the store and its version (adding or archiving a project changes it)
    return base_store().list_projects(archived=archived)


def projects(archived: bool = False) -> list[ProjectInfo]:
    """The store's active projects (``archived=True``: archived ones too), the default one first."""
    return _projects(_base_signature(), archived)


def current_project() -> str:
    """The project this session looks at: the sidebar's choice, else ``project=`` in the URL,
    else the default project. An unknown or archived id falls back to the default project."""
    wanted = st.session_state.get(f"_{PROJECT_KEY}") or st.query_params.get(PROJECT_KEY) or DEFAULT_PROJECT
    if wanted == DEFAULT_PROJECT:
        return DEFAULT_PROJECT
    return wanted if any(p.id == wanted for p in projects()) else DEFAULT_PROJECT


def switch_project(project: str) -> None:
    """Look at ``project`` from the next run on: the choices of the previous project (month, year,
    picked indicator, scenario, slide…) are dropped, and the URL keeps only the language."""
    for key in list(st.session_state.keys()):
        if key not in _KEEP_ON_SWITCH:
            del st.session_state[key]
    for key in list(st.query_params.keys()):
        if key != "lang":
            del st.query_params[key]
    st.session_state[f"_{PROJECT_KEY}"] = project  # the switcher shows it from the next run on (_project_picker sets
    if project != DEFAULT_PROJECT:                  # its box before drawing it: a save that ran below a drawn box may not)
        st.query_params[PROJECT_KEY] = project


def _on_project_change() -> None:
    switch_project(str(st.session_state[PROJECT_KEY]))


def _project_picker(lang: str) -> str:
    """The project switcher at the top of the sidebar (only when the store holds more than one)."""
    current = current_project()
    listed = projects()
    asked = st.query_params.get(PROJECT_KEY)
    if asked and asked != current and not st.session_state.get(f"_{PROJECT_KEY}"):  # ?project=nosuch: said, not hidden
        st.warning(t("project_unknown", lang, id=asked), icon=":material/link_off:")
    if current != DEFAULT_PROJECT:
        st.query_params[PROJECT_KEY] = current
    elif PROJECT_KEY in st.query_params:
        del st.query_params[PROJECT_KEY]
    if len(listed) < 2:
        return current
    counts = Counter(p.name for p in listed)
    # a name shared by two projects (the same table added twice) is told apart by the id
    names = {p.id: (p.name or p.id) if counts[p.name] == 1 and p.name else t("name_and_id", lang, name=p.name or p.id, id=p.id) for p in listed}
    st.session_state[PROJECT_KEY] = current
    st.sidebar.selectbox(t("sidebar_project", lang), list(names), format_func=lambda pid: names.get(pid, pid),
                         key=PROJECT_KEY, help=t("sidebar_project_help", lang), on_change=_on_project_change)
    return current


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


def _base_signature() -> tuple[Any, ...]:
    """The store file and its data version (one counter for every project of the store)."""
    where = (data_dir(), database_url(), os.environ.get(ENV_DATA_DIR), os.environ.get("PT_DATABASE_URL"),
             *(os.environ.get(k) for k in ("PT_TARGETS", "PT_ACTUALS", "PT_BUDGET")))
    now = time.monotonic()
    hit = _sig_memo.get(where)
    if hit is not None and hit[1] == _generation[0] and now - hit[0] < _SIG_TTL:
        return hit[2]
    s = base_store()
    s.sync_targets()
    sig = (str(s.file), s.data_version())
    _sig_memo[where] = (now, _generation[0], sig)
    return sig


def _data_signature() -> tuple[Any, ...]:
    """The store file, the chosen project and the data version (cache key of the dataset and
    the progress: two projects never share a cached result)."""
    file, version = _base_signature()
    return (file, current_project(), version)


@st.cache_resource(show_spinner=False, max_entries=8)
def _dataset(signature: tuple[Any, ...]) -> Dataset:
    return _store_for(str(signature[1])).load_dataset()


def dataset() -> Dataset:
    return _dataset(_data_signature())


def data_version() -> tuple[Any, ...]:
    """The store file and its data version: give it, as an ordinary (hashed) argument, to every
    cached function whose result depends on the data (``st.cache_data`` skips ``_``-parameters)."""
    return _data_signature()


@st.cache_data(show_spinner=False, max_entries=64)
def _progress(signature: tuple[Any, ...], year: int, as_of: tuple[int, int]) -> list[IndicatorProgress]:
    return _dataset(signature).progress(year, as_of)


def progress(year: int, as_of: tuple[int, int]) -> list[IndicatorProgress]:
    return _progress(_data_signature(), year, as_of)


def goal_rollup(year: int, as_of: tuple[int, int]) -> list[GoalRollup]:
    return rollup(dataset().project, progress(year, as_of))


@st.cache_data(show_spinner=False, max_entries=32)
def _outlooks(signature: tuple[Any, ...], year: int, as_of: tuple[int, int]) -> dict[str, Any]:
    from analytics.forecast.outlook import forecast_all

    return {o.indicator_id: o for o in forecast_all(_dataset(signature), year, as_of)}


def outlooks(year: int, as_of: tuple[int, int]) -> dict[str, Any]:
    """The year-end outlook of every indicator by id (analytics.forecast.outlook), cached on the data."""
    return _outlooks(_data_signature(), year, as_of)


@st.cache_data(show_spinner=False, max_entries=32)
def _forecast_view(signature: tuple[Any, ...], year: int, as_of: tuple[int, int], lang: str) -> dict[str, Any]:
    from analytics.present.forecast_table import forecast_rows

    prog = {p.indicator_id: p for p in _progress(signature, year, as_of)}
    return {r.id: r for r in forecast_rows(_dataset(signature), list(_outlooks(signature, year, as_of).values()), prog, lang)}


def forecast_view(year: int, as_of: tuple[int, int], lang: str) -> dict[str, Any]:
    """Every indicator's outlook as 年末预测 shows it, by id (:class:`analytics.present.forecast_table.ForecastRow`:
    level, chance, forecast, basis; 待下次测评 between two surveys), so that no page tells another story."""
    return _forecast_view(_data_signature(), year, as_of, lang)


@dataclass(frozen=True)
class ViewState:
    lang: str
    year: int
    as_of: tuple[int, int]

    @property
    def as_of_key(self) -> str:
        return f"{self.as_of[0]:04d}-{self.as_of[1]:02d}"

    def month_label(self, year: int | None = None, month: int | None = None) -> str:
        return fmt_month(year or self.as_of[0], month or self.as_of[1], self.lang)


def _parse_key(text: str | None) -> tuple[int, int] | None:
    try:
        return Month.parse(str(text))
    except ValueError:
        return None


def _remember(key: str) -> None:
    st.session_state[f"_{key}"] = st.session_state[key]


def sidebar() -> ViewState:
    """Language, as-of month and year: in the sidebar, kept in the session and the URL (run by
    the app shell before every page, see :mod:`pages.ui.shell`)."""
    ds = dataset()
    qp = st.query_params
    # Widget state is dropped when the user switches pages; keep the choices in plain keys
    # ("_lang", "_as_of", "_year") and hand them back to the widgets on every page.
    for key in ("lang", "as_of", "year"):
        if f"_{key}" in st.session_state:
            st.session_state[key] = st.session_state[f"_{key}"]
    if "lang" not in st.session_state:
        st.session_state["lang"] = qp.get("lang", "zh") if qp.get("lang") in ("zh", "en") else "zh"
    _project_picker(st.session_state["lang"])
    lang = st.sidebar.radio(
        t("sidebar_lang", st.session_state["lang"]),
        ["zh", "en"],
        format_func=lambda x: "中文" if x == "zh" else "English",
        horizontal=True,
        key="lang",
        on_change=_remember,
        args=("lang",),
    )
    if not ds.project.years:  # a project whose table named no year: nothing can be judged
        st.error(t("project_no_years", lang, project=esc(ds.project.name)), icon=":material/event_busy:")
        st.stop()
    opening = reporting_default(data_version())  # the latest month most have reported (no data: this month, or the last December)
    keys = [f"{y:04d}-{m:02d}" for y, m in ds.periods() or [opening]]
    default_key = f"{opening[0]:04d}-{opening[1]:02d}"
    if "as_of" not in st.session_state:
        wanted = qp.get("as_of")
        st.session_state["as_of"] = wanted if wanted in keys else default_key
    elif st.session_state["as_of"] not in keys:
        st.session_state["as_of"] = default_key
    as_of_key = st.sidebar.selectbox(
        t("sidebar_as_of", lang),
        keys,
        format_func=lambda k: fmt_period_key(k, lang),
        key="as_of",
        help=t("sidebar_as_of_help", lang),
        on_change=_remember,
        args=("as_of",),
    )
    as_of = _parse_key(as_of_key) or opening
    _later_month_badge(opening, lang)
    years = ds.years() or [as_of[0]]
    default_year = year_to_show(years, as_of)
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
    st.sidebar.markdown(_METRIC_ROW_CSS, unsafe_allow_html=True)  # here, so no gap in the page
    if lang == "zh":  # Streamlit's own English in widgets that have no parameter for it
        st.sidebar.markdown(_ZH_WIDGET_CSS, unsafe_allow_html=True)
    return ViewState(lang=lang, year=int(year), as_of=as_of)


@st.cache_data(show_spinner=False, max_entries=8)
def reporting_default(signature: tuple[Any, ...]) -> tuple[int, int]:
    """The as-of month the app opens on (:meth:`analytics.storage.dataset.Dataset.opening_as_of`)."""
    del signature  # cache key: the data version
    return dataset().opening_as_of()


@st.cache_data(show_spinner=False, max_entries=64)
def _coverage(signature: tuple[Any, ...], year: int, month: int) -> MonthCoverage:
    del signature
    ds = dataset()
    return month_coverage(ds.project, ds.actuals, ds.budget, year, month)


def _later_month_badge(opening: tuple[int, int] | None, lang: str) -> None:
    """Under the as-of month: a later month that only some have reported (``9月已报 2/40``)."""
    ds = dataset()
    if opening is None:
        return
    cov = later_partial(ds.project, ds.actuals, ds.budget, ds.periods(), opening)
    if cov is None:
        return
    st.sidebar.caption(f":orange-badge[{t('manager.reported_banner', lang, month=fmt_month(cov.year, cov.month, lang), n=len(cov.reported), total=len(cov.expected))}]",
                       help=t("manager.reported_banner_help", lang, share=float(REPORTING_RULES["reported_share"])))


def partial_month_warning(state: ViewState) -> None:
    """When the chosen month is reported by only some indicators (or spending is not in yet), say
    so and name the missing ones: their scores still use earlier months' values."""
    cov = _coverage(data_version(), *state.as_of)
    if cov.complete():
        return
    if not cov.missing:  # every indicator reported; only the month's spending is missing
        st.warning(t("manager.partial_spending_only", state.lang, month=state.month_label()), icon=":material/hourglass_top:")
        return
    project = dataset().project
    names = [project.indicator(i).display_name(state.lang) for i in cov.missing]
    shown = fmt_list(names[:6], state.lang)
    if len(names) > 6:
        shown += (" " if state.lang == "en" else "") + t("manager.and_more", state.lang, n=len(names))
    st.warning(t("manager.partial_month", state.lang, month=state.month_label(), n=len(cov.reported), total=len(cov.expected),
                 spending=t("manager.partial_spending", state.lang) if cov.spending is False else "", missing=esc(shown)),
               icon=":material/hourglass_top:")


def sample_banner(state: ViewState) -> None:
    """The page's data notes: the sample-data banner, and a half-reported as-of month."""
    if dataset().is_sample:
        st.info(t("sample_banner", state.lang), icon=":material/science:")
    partial_month_warning(state)


# Static CSS (never built from data): value cards in a row made with ``metric_columns`` size
# their value font to the row's width, one size for every card of the row however narrow its own
# card (a container query on the row: at most 1.75rem, at least 1.05rem; a card's own width made a
# narrow card's 53% smaller than its neighbours' values), and a value longer than its card (in any row)
# wraps at its spaces instead of being cut with "…" — English values with units ("583.01 million
# yuan", "12.40 10k persons") are twice as long as Chinese —, and so does a card's label (目标得分 in a
# narrow window).
_METRIC_ROW_CSS = (
    "<style>[class*='st-key-metric_row_'] { container-type: inline-size; }"
    " [class*='st-key-metric_row_'] [data-testid='stMetricValue'] p"
    " { font-size: clamp(1.05rem, 2.7cqi, 1.75rem) !important; line-height: 1.25; }"
    " [data-testid='stMetricValue'], [data-testid='stMetricValue'] *, [data-testid='stMetricLabel'] p"
    " { white-space: normal !important; overflow: visible !important; text-overflow: clip !important;"
    " overflow-wrap: break-word; }</style>"
)

# The file uploader's button ("Upload") and hint ("20MB per file • CSV…") have no parameter: in
# the Chinese UI they are replaced by static catalogue text (the limit is .streamlit/config.toml's).
_ZH_WIDGET_CSS = (
    "<style>[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] { display: none; }"
    f" [data-testid='stFileUploaderDropzone'] button > div::after {{ content: '{t('uploader_button', 'zh')}'; }}"
    " [data-testid='stFileUploaderDropzoneInstructions'] span { display: none; }"
    f" [data-testid='stFileUploaderDropzoneInstructions'] > div::after {{ content: '{t('uploader_hint', 'zh')}';"
    " font-size: 0.875rem; opacity: 0.7; }</style>"
)


def metric_columns(key: str, spec: list[float]) -> list[Any]:
    """A row of columns for ``st.metric`` value cards (relative widths ``spec``); the style
    itself is added once per page by :func:`sidebar`."""
    return list(st.container(key=f"metric_row_{key}").columns(spec))


def goal_label(goal_id: int, lang: str) -> str:
    """The goal's label in ``lang`` (see :func:`analytics.present.labels.goal_label`)."""
    return labels.goal_label(dataset().project, goal_id, lang)


@st.cache_data(show_spinner=False, max_entries=512)
def _chart_spec(builder: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    from analytics.present import charts

    return charts.spec(builder, *args, **kwargs)


def show_chart(builder: str, *args: Any, **kwargs: Any) -> None:
    """Render a chart from analytics/present/charts.py. Building an Altair chart costs ~100 ms, so the
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


def _client_address(header: str) -> str:
    """Who is trying to sign in, for the guard: the address a trusted proxy passes in ``header``
    (its last entry), else the connection's address ("local" for localhost)."""
    if header:
        value = str(st.context.headers.get(header) or "").split(",")[-1].strip()
        if value:
            return value
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "local"


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
        path = users_file() or ""
        try:
            policy = load_policy(path)
            guard = SigninGuard(guard_file(path), policy)
            result = sign_in(path, users or {}, name, password, _client_address(policy.client_header), guard)
        except UsersFileError as exc:
            st.error(esc(exc.message(lang)), icon=":material/error:")
            return
        if result.user is None:
            if result.outcome == "locked":
                st.error(t("signin.locked", lang, minutes=max(1, -(-result.retry_after // 60))), icon=":material/lock:")
            elif result.outcome == "throttled":
                st.warning(t("signin.throttled", lang, seconds=max(1, result.retry_after)), icon=":material/timer:")
            else:
                st.error(t("signin_failed", lang), icon=":material/error:")
            return
        user = result.user
        st.session_state[_AUTH_KEY] = user.name
        st.session_state.pop(_WANT_SIGNIN, None)
        st.rerun()


def current_user(render: bool = False) -> User:
    """Who is using the app, with their role (viewer / editor / admin).

    Without ``[auth]`` or ``users_file`` in the secrets: the local user "local" (editor), no
    sign-in. With ``[auth]``: OIDC through ``st.login`` / ``st.user`` (roles from ``[access]``).
    With ``users_file``: a name/password form against the local users file. When an admin has
    turned on presentation mode, people who are not signed in see the app as viewers.
    ``render=True`` (called once per run by the app shell, after the sidebar) shows the user in the
    sidebar and, when nobody is signed in, the sign-in screen instead of the page."""
    lang = st.session_state.get("lang", "zh")
    mode = auth_mode(_has_oidc(), users_file())
    if mode == "none":
        return DEFAULT_USER
    presentation = base_store().get_setting(PRESENTATION_SETTING) == "on"
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

