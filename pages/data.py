"""数据管理: enter monthly data in a grid, import files (validation report → summary →
confirm), download templates, export everything, back up and restore, see who changed what
and undo it. Thin view: every rule lives in ``analytics.storage.store`` / ``analytics.storage.grid`` /
``analytics.ingest.validate``; every string in ``pages/i18n.py``.

Test hooks (documented for tests/test_data_page.py): the current editor widget keys are kept
in ``st.session_state["_grid_actuals_key"]`` / ``["_grid_budget_key"]`` (they change after a
save or a reload so the browser grid starts fresh); uploads use ``st.file_uploader``, which
AppTest can fill (``at.file_uploader[0].set_value((name, bytes, mime))``).
"""

from __future__ import annotations

import hashlib
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from analytics.storage import grid as grids
from analytics.ingest.validate import IngestResult, Problem
from analytics.storage.store import (
    IMPORT_MAX_BYTES,
    ImportRejected,
    RestoreError,
    StaleEditError,
    StoreError,
)
from analytics.storage.access import PRESENTATION_SETTING
from analytics.storage.connection import BACKUP_MAX_BYTES, upload_mb
from analytics.present.catalogue import CATALOGUE, text as mtext
from analytics.present.format import DASH, fmt_month, fmt_stamp, fmt_value, unit_name
from analytics.present.labels import value_said
from pages.ui.common import dataset, esc, invalidate_data, sample_banner, store
from pages.ui.shell import page_context
from pages.ui.year_budgets import year_budget_section
from analytics.present.i18n import t
from analytics.present.strings.storage import render as store_text
from analytics.present.messages import render_problem

state = page_context()
lang = state.lang
user = state.user
db = store()
ds = dataset()
project = ds.project
FLASH = "_data_flash"
SEP = " " if lang == "en" else ""  # between two sentences

st.title(t("data_title", lang))
st.caption(t("shell.data_caption_public", lang))
if user.is_admin:  # where the store lives on the server is for administrators only
    with st.expander(t("shell.admin_details", lang), icon=":material/admin_panel_settings:"):
        st.caption(t("shell.store_details", lang, path=esc(db.file), schema=db.schema_version(), version=db.version()))
sample_banner(state)
if not user.can_edit:
    st.info(t("data_readonly", lang), icon=":material/visibility:")

for kind, text in st.session_state.pop(FLASH, []):
    (st.success if kind == "success" else st.warning)(text, icon=":material/check_circle:" if kind == "success" else ":material/warning:")


def flash(kind: str, text: str) -> None:
    st.session_state.setdefault(FLASH, []).append((kind, text))


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    return pd.DataFrame({
        t("prob_severity", lang): [t("prob_error" if p.severity == "error" else "prob_warning", lang) for p in problems],
        t("prob_file", lang): [p.file for p in problems],
        t("prob_row", lang): [p.row for p in problems],
        t("prob_column", lang): [p.column or "" for p in problems],
        t("prob_value", lang): [p.value or "" for p in problems],
        t("prob_message", lang): [render_problem(p, lang) for p in problems],
    })


def show_report(result: IngestResult) -> None:
    """Every problem, located: file, row, column, value and how to fix it."""
    errors, warnings = result.errors, result.warnings
    if errors:
        st.error(t("report_errors", lang, n=len(errors), file=esc(errors[0].file)) + "\n\n"
                 + "\n".join(f"- {esc(render_problem(p, lang))}" for p in errors[:5]), icon=":material/error:")
    if warnings:  # said in full, as the errors are (the table's column cuts them at its width)
        st.warning(t("report_warnings", lang, n=len(warnings)) + "\n\n"
                   + "\n".join(f"- {esc(render_problem(p, lang))}" for p in warnings[:5]), icon=":material/warning:")
    if result.problems:
        st.dataframe(problems_frame(result.problems), hide_index=True, width="stretch")


def _value_text(table: str, key: dict[str, Any], value: Any) -> str:
    """A stored value for people: in the indicator's unit (spending in 万元), ``—`` for none."""
    if value is None or value == "":
        return DASH
    if table != "actuals":
        return fmt_value(value, "万元", lang)
    ind = project.by_id.get(str(key.get("indicator_id")))
    if ind is not None:
        return value_said(ind, float(value), lang)
    return fmt_value(value, "", lang)


def _row_name(table: str, key: dict[str, Any]) -> str:
    """What a stored row is about: the indicator's name, or the funding source of a spending row."""
    if table == "actuals":
        ind = project.by_id.get(str(key.get("indicator_id")))
        return ind.display_name(lang) if ind is not None else str(key.get("indicator_id"))
    src = next((f for f in project.budget_sources if f.key == key.get("source")), None)
    name = src.display_name(lang) if src is not None else key.get("source")
    return mtext("manager.spending_row", lang, name=name or DASH)


def who_name(who: str | None) -> str:
    """Who made a change, for people (the loader and the local user by name)."""
    if not who:
        return DASH
    key = f"manager.who_{who}"
    return mtext(key, lang) if key in CATALOGUE else str(who)


def _month_text(key: dict[str, Any]) -> str:
    try:
        return fmt_month(int(key["year"]), int(key["month"]), lang)
    except (KeyError, TypeError, ValueError):
        return DASH


def changes_frame(changes: Any) -> pd.DataFrame:
    """Changes of an import as people read them: 指标 / 月份 / 原值 / 新值."""
    return pd.DataFrame([{
        mtext("manager.preview_indicator", lang): _row_name(c.table, c.key),
        mtext("manager.preview_month", lang): _month_text(c.key),
        mtext("manager.preview_old", lang): _value_text(c.table, c.key, c.old),
        mtext("manager.preview_new", lang): _value_text(c.table, c.key, c.new),
    } for c in changes], columns=[mtext(f"manager.preview_{k}", lang) for k in ("indicator", "month", "old", "new")])


def summary_text(s: Any) -> str:
    return t("summary_counts", lang, added=s.added, changed=s.changed, unchanged=s.unchanged, removed=s.removed)


def year_options() -> list[int]:
    years = set(ds.years()) | {state.year} | {y for y, _ in ds.periods()}
    return sorted(years)


years = year_options()
year = st.selectbox(t("data_year", lang), years, index=years.index(state.year) if state.year in years else len(years) - 1,
                    key="data_year")
tab_names = [t("tab_entry", lang), t("tab_import", lang), t("tab_files", lang), t("tab_audit", lang)]
if user.is_admin:
    tab_names.append(t("tab_settings", lang))
tabs = st.tabs(tab_names, key="data_tab", on_change="rerun")  # keyed: stays on the tab in use after a rerun


# -- 1. grids ---------------------------------------------------------------------------------
def grid_section(kind: str) -> None:
    snap_key, nonce_key = f"_grid_{kind}_{year}_{lang}", f"_grid_{kind}_nonce"
    nonce = st.session_state.setdefault(nonce_key, 0)
    editor_key = f"grid_{kind}_{year}_{nonce}"
    st.session_state[f"_grid_{kind}_key"] = editor_key
    current = db.dataset_version()
    grid: grids.Grid | None = st.session_state.get(snap_key)
    dirty = bool((st.session_state.get(editor_key) or {}).get("edited_rows"))
    if grid is None or (grid.store_version != current and not dirty):
        units = partial(unit_name, lang=lang)  # the units as the other pages name them (days, 10k yuan)
        if kind == "actuals":
            grid = grids.actuals_grid(project, db.actuals_frame(year, with_meta=True), year, lang, current, units)
        else:
            grid = grids.budget_grid(project, db.spending_frame(year, with_meta=True), year, lang, current, units)
        st.session_state[snap_key] = grid

    def reload() -> None:
        st.session_state.pop(snap_key, None)
        st.session_state[nonce_key] = nonce + 1

    st.subheader(t("grid_actuals_title" if kind == "actuals" else "grid_budget_title", lang, y=year))
    st.caption(t("grid_actuals_help" if kind == "actuals" else "grid_budget_help", lang))
    config: dict[str, Any] = {c: st.column_config.NumberColumn(c) for c in grid.value_columns}
    config[grid.label_columns[0]] = st.column_config.TextColumn(grid.label_columns[0], pinned=True,
                                                                width="medium" if kind == "actuals" else None)
    height = min(38 + 35 * len(grid.frame), 560)
    if not user.can_edit:
        st.dataframe(grid.frame, column_config=config, width="stretch", height=height, placeholder="")
        return
    edited = st.data_editor(grid.frame, key=editor_key, disabled=grid.label_columns, column_config=config,
                            num_rows="fixed", width="stretch", height=height, placeholder="")
    if grid.store_version != current:
        st.warning(t("grid_newer", lang), icon=":material/sync_problem:")
    keep_sample = False
    if ds.is_sample:  # the first real data take the sample out (one undoable batch) unless kept
        keep_sample = st.checkbox(t("storage.keep_sample", lang), key=f"grid_keep_sample_{kind}")
        if not keep_sample:
            st.caption(t("storage.sample_will_go", lang, n=db.sample_count()))
    left, right = st.columns([1, 4])
    save = left.button(t("grid_save", lang), key=f"save_{kind}", type="primary", icon=":material/save:")
    right.button(t("grid_reload", lang), key=f"reload_{kind}", icon=":material/refresh:", on_click=reload)
    if not save:
        return
    edits = grid.edits(edited)
    if not edits:
        st.info(t("grid_no_changes", lang), icon=":material/info:")
        return
    result = grid.validate(edited, project)
    if not result.ok:
        show_report(result)
        return
    try:
        summary = db.save_grid_edits(edits, grid.expected_versions(edits), user.name,
                                     first_months=grid.first_months_for(edits), keep_sample=keep_sample)
    except StaleEditError as exc:
        st.error(esc(store_text(exc, lang)).replace("\n", "\n\n"), icon=":material/sync_problem:")
        return
    except StoreError as exc:
        st.error(esc(store_text(exc, lang)), icon=":material/error:")
        return
    invalidate_data()
    reload()
    saved = t("grid_saved", lang, n=summary.added + summary.changed + summary.removed - summary.sample_removed)
    if summary.sample_removed:
        saved += SEP + t("sample_cleared", lang, n=summary.sample_removed)
    flash("success", saved)
    st.rerun()


with tabs[0]:
    grid_section("actuals")
    grid_section("budget")
    year_budget_section(db, ds, user, lang, flash)  # 年度预算指标 (pages/ui/year_budgets.py)


# -- 2. import a file ---------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=8)
def _validate(digest: str, _data: bytes, name: str, kind: str, sheet: str, version: tuple[Any, ...], targets: str) -> IngestResult:
    del digest, version, targets  # cache key only (_data is not hashed: the digest stands for it)
    return store().validate_file(_data, filename=name, kind=kind, sheet=sheet or None)


with tabs[1]:
    st.subheader(t("import_title", lang))
    st.caption(t("import_help", lang, mb=IMPORT_MAX_BYTES // (1024 * 1024)))
    if not user.can_edit:
        st.caption(t("editors_only", lang))
    else:
        up_nonce = st.session_state.setdefault("_upload_nonce", 0)
        c1, c2 = st.columns([3, 2])
        upload = c1.file_uploader(t("import_file", lang), type=["csv", "txt", "xlsx", "xlsm", "xls"], key=f"upload_{up_nonce}",
                                  max_upload_size=upload_mb(IMPORT_MAX_BYTES))
        kind = c2.radio(t("import_kind", lang), ["auto", "actuals", "budget"], horizontal=True, key="import_kind",
                        format_func=lambda k: t(f"import_kind_{k}", lang))
        sheet = c2.text_input(t("import_sheet", lang), key="import_sheet", help=t("import_sheet_help", lang))
        if upload is not None:
            data = upload.getvalue()
            digest = hashlib.sha256(data).hexdigest()
            result = _validate(digest, data, upload.name, kind, sheet.strip(), state.version, ds.sources.get("targets", ""))
            show_report(result)
            if result.ok:
                st.success(t("import_ok", lang, n=len(result.data), file=esc(upload.name),
                             kind=t(f"import_kind_{result.kind}", lang),
                             how=t("import_how_form" if result.kind == "actuals" else "import_how_form_budget", lang)
                             if result.layout == "form" else ""),
                           icon=":material/task_alt:")
                keep = False
                if ds.is_sample:  # the first real import takes the sample out (one undoable batch) unless kept
                    keep = st.checkbox(t("storage.keep_sample", lang), key="import_keep_sample")
                preview_key = (digest, kind, sheet, keep, db.data_version())
                try:
                    cached = st.session_state.get("_import_preview")
                    if cached is not None and cached[0] == preview_key:
                        preview = cached[1]
                    else:
                        preview = db.apply_import(result, upload.name, user.name, dry_run=True, keep_sample=keep)
                        st.session_state["_import_preview"] = (preview_key, preview)
                except ImportRejected as exc:
                    st.error(esc(store_text(exc, lang)), icon=":material/error:")
                else:
                    if preview.sample_removed:
                        st.warning(t("storage.sample_will_go", lang, n=preview.sample_removed),
                                   icon=":material/delete_sweep:")
                    st.markdown(f"**{t('import_summary', lang)}**")
                    m1, m2, m3, m4 = st.columns(4)
                    m1.metric(t("sum_added", lang), preview.added, border=True)
                    m2.metric(t("sum_changed", lang), preview.changed, border=True)
                    m3.metric(t("sum_unchanged", lang), preview.unchanged, border=True)
                    m4.metric(t("sum_removed", lang), preview.removed, border=True)
                    changed = [c for c in preview.changes if c.change in ("changed", "removed")]
                    if changed:
                        with st.expander(t("import_changed_rows", lang, n=len(changed)), icon=":material/difference:"):
                            st.dataframe(changes_frame(changed[:500]), hide_index=True, width="stretch")
                    with st.expander(t("import_preview", lang), icon=":material/preview:"):
                        st.dataframe(changes_frame(preview.changes[:500]), hide_index=True, width="stretch")
                    if st.button(t("import_confirm", lang), key="import_confirm", type="primary", icon=":material/upload:"):
                        try:
                            done = db.apply_import(result, upload.name, user.name, keep_sample=keep)
                        except ImportRejected as exc:
                            st.error(esc(store_text(exc, lang)), icon=":material/error:")
                        else:
                            invalidate_data()
                            st.session_state["_upload_nonce"] = up_nonce + 1
                            flash("success", t("import_done", lang, file=esc(upload.name)) + SEP + summary_text(done))
                            st.rerun()
        if ds.is_sample:
            st.divider()
            st.caption(t("sample_clear_help", lang))
            if st.button(t("sample_clear", lang), key="clear_sample", icon=":material/delete_sweep:"):
                done = db.clear_sample(user.name)
                invalidate_data()
                flash("success", t("sample_cleared", lang, n=done.removed))
                st.rerun()


# -- 3. templates, export, backup, restore ---------------------------------------------------
with tabs[2]:
    st.subheader(t("templates_title", lang))
    st.caption(t("templates_help", lang, y=year))
    t1, t2, t3, t4 = st.columns(4)
    a_tpl = grids.actuals_template(project, year, lang)
    b_tpl = grids.budget_template(project, year, lang)
    t1.download_button(t("tpl_actuals_xlsx", lang), data=lambda: grids.template_bytes(a_tpl, "xlsx", "actuals"),
                       file_name=f"actuals_template_{year}.xlsx", key="tpl_a_xlsx", icon=":material/download:",
                       on_click="ignore", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    t2.download_button(t("tpl_actuals_csv", lang), data=lambda: grids.template_bytes(a_tpl, "csv"),
                       file_name=f"actuals_template_{year}.csv", key="tpl_a_csv", icon=":material/download:",
                       on_click="ignore", mime="text/csv")
    t3.download_button(t("tpl_budget_xlsx", lang), data=lambda: grids.template_bytes(b_tpl, "xlsx", "spending"),
                       file_name=f"spending_template_{year}.xlsx", key="tpl_b_xlsx", icon=":material/download:",
                       on_click="ignore", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    t4.download_button(t("tpl_budget_csv", lang), data=lambda: grids.template_bytes(b_tpl, "csv"),
                       file_name=f"spending_template_{year}.csv", key="tpl_b_csv", icon=":material/download:",
                       on_click="ignore", mime="text/csv")

    st.subheader(t("export_title", lang))
    st.caption(t("export_help", lang))
    e1, e2, _ = st.columns([1, 1, 2])
    e1.download_button(t("export_xlsx", lang), data=db.export_workbook, file_name="performance_tracker_export.xlsx",
                       key="export_xlsx", icon=":material/table_view:", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if user.can_edit:
        e2.download_button(t("backup_download", lang), data=db.backup, file_name="performance_tracker_backup.sqlite",
                           key="backup_download", icon=":material/backup:", on_click="ignore",
                           mime="application/vnd.sqlite3")
        st.subheader(t("restore_title", lang))
        st.caption(t("restore_help", lang, mb=upload_mb(BACKUP_MAX_BYTES)))
        r_nonce = st.session_state.setdefault("_restore_nonce", 0)
        backup_file = st.file_uploader(t("restore_file", lang), type=["sqlite", "sqlite3", "db", "zip"],
                                       key=f"restore_{r_nonce}", max_upload_size=upload_mb(BACKUP_MAX_BYTES))
        with_settings = user.is_admin and st.checkbox(t("storage.restore_settings", lang), key="restore_settings")
        if backup_file is not None and st.button(t("restore_confirm", lang), key="restore_confirm",
                                                 icon=":material/settings_backup_restore:"):
            try:
                res = db.restore(backup_file, user.name, filename=backup_file.name,
                                 restore_settings=bool(with_settings))
            except RestoreError as exc:
                st.error(esc(store_text(exc, lang)).replace("\n", "\n\n"), icon=":material/error:")
            else:
                invalidate_data()
                st.session_state["_restore_nonce"] = r_nonce + 1
                done = t("restore_done", lang, added=res.added, changed=res.changed, removed=res.removed)
                if res.settings_skipped:
                    done += SEP + t("storage.restore_settings_kept", lang, n=res.settings_skipped)
                flash("success", done)
                st.rerun()


# -- 4. audit: history per indicator, batches with undo ----------------------------------------
KIND_LABELS = {k: t(f"batch_{k}", lang) for k in
               ("seed", "import", "grid", "restore", "undo", "clear_sample", "scenario", "action", "setting", "targets")}
KIND_LABELS.update({k: t(f"project_pages.batch_{k}", lang) for k in ("project", "archive")})


UNDO_ASK = "_undo_ask"


def ask_undo(batch_id: str) -> None:
    st.session_state[UNDO_ASK] = batch_id


def cancel_undo() -> None:
    st.session_state.pop(UNDO_ASK, None)


def confirm_undo(b: Any) -> None:
    """Undo asks first, saying how many stored values it will change."""
    with st.container(border=True, key=f"undo_confirm_box_{b.batch_id}"):
        st.warning(mtext("manager.undo_confirm", lang, n=b.added + b.changed + b.removed), icon=":material/undo:")
        c1, c2, _ = st.columns([1, 1, 3])
        go = c1.button(mtext("manager.undo_confirm_button", lang), key=f"undo_yes_{b.batch_id}", type="primary")
        c2.button(mtext("manager.undo_cancel", lang), key=f"undo_no_{b.batch_id}", on_click=cancel_undo)
    if not go:
        return
    st.session_state.pop(UNDO_ASK, None)
    try:
        res = db.undo_import(b.batch_id, user.name)
    except StoreError as exc:
        st.error(esc(store_text(exc, lang)).replace("\n", "\n\n"), icon=":material/error:")
    else:
        invalidate_data()
        flash("success", t("undo_done", lang, file=esc(b.filename or DASH)) + SEP + summary_text(res))
        st.rerun()


with tabs[3]:
    st.subheader(t("history_title", lang))
    ids = [ind.id for ind in project.indicators if ind.id in project.ingest_catalogue()]
    pick = st.selectbox(t("ind_pick", lang), ids, key="history_indicator",
                        format_func=lambda i: project.indicator(i).display_name(lang))
    entries = db.history(pick)
    if not entries:
        st.caption(t("history_none", lang))
    else:
        st.dataframe(pd.DataFrame([{
            t("col_at", lang): fmt_stamp(e.at),
            t("col_who", lang): who_name(e.who),
            t("ind_month", lang): _month_text(e.key),
            t("ind_basis", lang): grids.basis_label(str(e.key.get("basis")), lang),
            t("col_old", lang): _value_text("actuals", e.key, e.field("value", "old")),
            t("col_new", lang): _value_text("actuals", e.key, e.field("value", "new")),
            t("col_source", lang): e.source or DASH,
        } for e in entries[:500]]), hide_index=True, width="stretch")

    st.subheader(t("batches_title", lang))
    batches = db.batches(limit=50)
    st.dataframe(pd.DataFrame([{
        t("col_at", lang): fmt_stamp(b.at), t("col_kind", lang): KIND_LABELS.get(b.kind, b.kind), t("col_file", lang): b.filename or DASH,
        t("col_who", lang): who_name(b.who), t("sum_added", lang): b.added, t("sum_changed", lang): b.changed,
        t("sum_unchanged", lang): b.unchanged, t("sum_removed", lang): b.removed,
        t("col_undone", lang): fmt_stamp(b.undone_at),
    } for b in batches]), hide_index=True, width="stretch")
    if user.can_edit:
        undoable = [b for b in batches if not b.undone and b.kind not in ("targets",)][:12]
        if undoable:
            st.caption(t("undo_help", lang))
        for b in undoable:
            c1, c2 = st.columns([5, 1])
            c1.markdown(f"{fmt_stamp(b.at)} · **{KIND_LABELS.get(b.kind, b.kind)}** · {esc(b.filename or DASH)} · {esc(who_name(b.who))} · "
                        + summary_text(b))
            c2.button(t("redo" if b.kind == "undo" else "undo", lang), key=f"undo_{b.batch_id}", icon=":material/undo:",
                      on_click=ask_undo, args=(b.batch_id,))
            if st.session_state.get(UNDO_ASK) == b.batch_id:
                confirm_undo(b)


# -- 5. settings (admins) -------------------------------------------------------------------
if user.is_admin:
    with tabs[4]:
        st.subheader(t("settings_title", lang))
        on = db.get_setting(PRESENTATION_SETTING) == "on"
        new = st.toggle(t("presentation_mode", lang), value=on, key="presentation_mode",
                        help=t("presentation_mode_help", lang))
        if new != on:
            db.set_setting(PRESENTATION_SETTING, "on" if new else "off", user.name)
            flash("success", t("settings_saved", lang))
            st.rerun()
