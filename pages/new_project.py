"""新建项目: bring a real target table (upload or paste) → the table beside what was read → an
editable grid of the inferred fields with their reasons (uncertain ones in orange) → project facts
→ save as a new project of the store, then look at it. Below: the store's projects (archive, bring
back). Thin view: reading is ``analytics.ingest.tables`` (the same as ``parse-table``), corrections
``analytics.ingest.tables.review``, saving ``analytics.storage.project_files`` (the same as
``new-project``); every string is in ``analytics/present/strings/new_project.py``.

Test hooks: the review grid's widget key is ``st.session_state["_np_grid_key"]``.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import streamlit as st

from analytics.ingest.tables import TABLE_FILE_TYPES, NoTable, parse_table, source_grid
from analytics.ingest.tables.review import DIRECTIONS, KINDS, apply_facts, apply_review, review_rows, target_years
from analytics.ingest.targets import TargetFileError
from analytics.present.format import fmt_list
from analytics.present.labels import direction_name, kind_name
from analytics.present.tables_text import (advice_message, funding_message, funding_text_message, no_table_message, note_message,
                                           problem_message, row_message, spent_preview, spent_words, year_message)
from analytics.present.strings.storage import render as store_text
from analytics.storage.connection import IMPORT_MAX_BYTES, upload_mb
from analytics.storage.errors import StoreError
from analytics.ingest.forms import project_years
from analytics.storage.project_files import NoYearError, name_source, project_id_for, save_to_store
from analytics.storage.project_files import default_name as table_name
from analytics.storage.schema import DEFAULT_PROJECT, project_id_ok
from analytics.present.i18n import t
from pages.ui.common import base_store, esc, invalidate_data, projects, switch_project
from pages.ui.shell import page_context

state = page_context()
lang = state.lang
user = state.user
SAVED = "_np_saved"
FLASH = "_np_flash"
GENERATION = "_np_generation"


def tx(key: str, **params: Any) -> str:
    return t(f"new_project.{key}", lang, **params)


st.title(tx("title"))
st.caption(tx("caption"))

saved = st.session_state.pop(SAVED, None)
if saved:
    with st.container(border=True, key="np_saved_box"):
        st.success(tx("saved", name=esc(saved["name"]), id=esc(saved["id"]), n=saved["n"]), icon=":material/check_circle:")
        if saved.get("actuals"):
            st.caption(tx("saved_actuals", n=saved["actuals"]))
        if saved.get("spending"):
            st.caption(tx("saved_spending", period=esc(saved["spending"][0]), amount=esc(saved["spending"][1])))
        if saved.get("notes"):
            st.caption(tx("saved_notes"))
            for line in saved["notes"]:
                st.caption(f"- {esc(line)}")
        c1, c2, _ = st.columns([1, 1, 3])
        c1.page_link("pages/overview.py", label=tx("go_overview"), icon=":material/dashboard:")
        c2.page_link("pages/data.py", label=tx("go_data"), icon=":material/database:")
for kind, line in st.session_state.pop(FLASH, []):
    (st.success if kind == "success" else st.error)(line)


@st.cache_data(show_spinner=False, max_entries=8)
def _read(digest: str, _data: bytes, filename: str, sheet: str, year: int | None, form: int | None = None) -> dict[str, Any]:
    """The reading (``parse-table`` JSON) or ``{"no_table": NoTable fields}``; cached on the bytes' digest."""
    del digest
    result = parse_table(_data, filename=filename, sheet=sheet or None, year=year, form=form)
    if isinstance(result, NoTable):
        return {"no_table": result}
    return result.to_json()


@st.cache_data(show_spinner=False, max_entries=8)
def _source(digest: str, _data: bytes, filename: str, sheet: str | None) -> pd.DataFrame:
    del digest
    refs, rows = source_grid(_data, filename=filename, sheet=sheet)
    width = max((len(r) for r in rows), default=0)
    frame = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=[str(i + 1) for i in range(width)])
    frame.index = refs
    return frame


def _projects_section() -> None:
    """The store's projects: archive an added one, or bring an archived one back (undoes the archiving)."""
    st.subheader(tx("manage"))
    db = base_store()
    for p in projects(archived=True):
        c1, c2, c3 = st.columns([4, 2, 1.4], vertical_alignment="center")
        c1.markdown(f"**{esc(p.name or p.id)}**")
        c1.caption(t("label_value", lang, label=tx("col_id"), value=esc(p.id)))
        c2.caption(tx(f"status_{p.status}"))
        if p.id == DEFAULT_PROJECT:
            c3.caption(tx("default_project"))
        elif user.can_edit:
            archive = p.status == "active"
            if c3.button(tx("archive" if archive else "unarchive"), key=f"np_arch_{p.id}",
                         icon=":material/archive:" if archive else ":material/unarchive:"):
                try:
                    db.archive_project(p.id, user.name, archived=archive)
                except StoreError as exc:
                    st.error(esc(store_text(exc, lang)), icon=":material/error:")
                    return
                invalidate_data()
                st.session_state.setdefault(FLASH, []).append(("success", tx("archived" if archive else "unarchived", name=esc(p.name or p.id))))
                st.rerun()


if not user.can_edit:
    st.info(tx("viewer"), icon=":material/visibility:")
    _projects_section()
    st.stop()

# -- ① the table ---------------------------------------------------------------------------------
st.subheader(tx("step_source"))
generation = st.session_state.get(GENERATION, 0)  # a new one after a save: the uploader and text box start empty
kind = st.radio(tx("source_kind"), ["file", "text"], format_func=lambda k: tx(f"source_{k}"), horizontal=True, key="np_kind")
data, filename = b"", ""
if kind == "file":
    up = st.file_uploader(tx("file_label"), type=list(TABLE_FILE_TYPES), key=f"np_file_{generation}",
                          help=tx("file_help"), max_upload_size=upload_mb(IMPORT_MAX_BYTES))
    if up is not None:
        data, filename = up.getvalue(), up.name
else:
    pasted = st.text_area(tx("text_label"), key=f"np_text_{generation}", height=180, help=tx("text_help"))
    if pasted.strip():
        data, filename = pasted.encode("utf-8"), tx("pasted_name") + ".txt"
o1, o2, _ = st.columns([1, 1, 2])
sheet = o1.text_input(tx("sheet"), key="np_sheet", help=tx("sheet_help"))
year = o2.number_input(tx("year"), min_value=1990, max_value=2100, value=None, step=1, key="np_year", help=tx("year_help"))
if not data:
    st.info(tx("waiting"), icon=":material/upload_file:")
    _projects_section()
    st.stop()

digest = hashlib.sha256(data).hexdigest()[:16] + f"/{len(data)}"
reading = _read(digest, data, filename, sheet.strip(), int(year) if year else None)
forms = reading.get("source", {}).get("forms") or []
if len(forms) > 1:  # several forms one below another, one a project: all together or one of them
    labels = {0: tx("form_all", n=len(forms)),
              **{f["form"]: tx("form_one", k=f["form"], name=f.get("name") or f["where"], n=f["indicators"]) for f in forms}}
    form = st.selectbox(tx("form"), list(labels), format_func=labels.__getitem__, key=f"np_form_{digest}", help=tx("form_help"))
    if form:
        reading = _read(digest, data, filename, sheet.strip(), int(year) if year else None, form)
        digest = f"{digest}#{form}"  # the review grid and project facts of each form are kept apart
if "no_table" in reading:
    st.error(esc(no_table_message(reading["no_table"], filename, lang)), icon=":material/error:")
    _projects_section()
    st.stop()

indicators = reading["indicators"]
years_read = project_years(reading)
keys = target_years(reading)
rows = review_rows(reading, lang)
st.markdown(tx("summary", file=esc(filename), n=len(indicators), years=fmt_list(years_read, lang) if years_read else tx("no_years"),
               review=sum(1 for r in rows if r["review"]), skipped=len(reading["skipped"]), unread=len(reading["unread"])))
if "?" in keys or not years_read:
    st.warning(tx("need_year"), icon=":material/event:")
elif year_note := year_message(reading, lang):
    st.info(esc(year_note), icon=":material/event:")
advice = advice_message(reading, lang)
if advice:
    st.warning(esc(advice), icon=":material/content_paste_off:")
if reading["source"].get("projected_actuals"):
    st.warning(tx("projected_form"), icon=":material/online_prediction:")
elif reading["source"].get("sample_data"):
    st.warning(tx("sample_form"), icon=":material/science:")
converted = reading["source"].get("converted") or []
if "traditional" in converted:
    st.info(tx("converted", pinyin=tx("converted_pinyin") if "pinyin_notes" in converted else ""), icon=":material/translate:")
elif "pinyin_notes" in converted:
    st.info(tx("pinyin_only"), icon=":material/translate:")
if reading["unread"]:
    with st.expander(tx("unread_title", n=len(reading["unread"])), icon=":material/warning:", expanded=True):
        for item in reading["unread"]:
            st.caption(esc(row_message(item, lang)))
if reading["skipped"]:
    with st.expander(tx("skipped_title", n=len(reading["skipped"]))):
        for item in reading["skipped"]:
            st.caption(tx("skipped_line", where=esc(item.get("where", "")), text=esc(item.get("text", "")),
                          reason=t("tables.skipped_" + str(item.get("reason")), lang)))


def _target_col(key: str) -> str:
    return tx("col_target", year=key) if key != "?" else tx("col_target_noyear")


# -- ② the table beside what was read --------------------------------------------------------------
st.subheader(tx("step_compare"))
left, right = st.columns(2)
with left:
    st.caption(tx("source_grid"))
    st.dataframe(_source(digest, data, filename, reading["source"].get("sheet")), height=420, width="stretch")
base_years = sorted({str(y) for i in indicators for y in (i.get("baseline") or {})})  # last year's values, read as the baseline
actual_years = sorted({str(y) for i in indicators for y in (i.get("actuals") or {})})  # a 自评表's actual values, imported on saving
has_points = any(i.get("points") is not None for i in indicators)  # a 分值 column: the self-evaluation's weights
with right:
    st.caption(tx("read_grid"))
    read = pd.DataFrame([{**({tx("col_form"): i["form"]} if "form" in i else {}),
                          tx("col_where"): i.get("where", ""), tx("col_level1"): i["level1"], tx("col_level2"): i["level2"],
                          tx("col_name"): i["name_raw"] or i["name"],
                          **{tx("col_baseline", year=y): ((i.get("baseline") or {}).get(y) or {}).get("raw", "") for y in base_years},
                          **{_target_col(k): ((i.get("targets") or {}).get(k) or {}).get("raw", "") for k in keys},
                          **{tx("col_actual", year=y): ((i.get("actuals") or {}).get(y) or {}).get("raw", "") for y in actual_years},
                          **({tx("col_points"): i.get("points")} if has_points else {})}
                         for i in indicators])
    st.dataframe(read, height=420, width="stretch", hide_index=True, placeholder="")  # a row without 分值: blank

# -- ③ the inferred fields, editable -------------------------------------------------------------
st.subheader(tx("step_review"))
st.caption(tx("review_help"))
FIELDS = ("unit", "kind", "direction")
kind_labels = {k: kind_name(k, lang) for k in KINDS}
dir_labels = {d: direction_name(d, lang) for d in DIRECTIONS}
field_names = {**{f: tx(f"col_{f}") for f in FIELDS}, "target": tx("col_target_any"), "name": tx("col_name"),
               "actual": tx("col_actual_any")}


grid = pd.DataFrame([{
    "id": r["id"], "seq": r["seq"], "level2": r["level2"], "name": r["name"], "reason_name": r["reason_name"],
    "unit": r["unit"], "reason_unit": r["reason_unit"],
    "kind": kind_labels.get(r["kind"], r["kind"]), "reason_kind": r["reason_kind"],
    "direction": dir_labels.get(r["direction"], r["direction"]), "reason_direction": r["reason_direction"],
    **{f"target_{k}": r[f"target_{k}"] for k in keys}, "reason_target": r["reason_target"], "points": r["points"],
    "review": fmt_list((field_names.get(f, f) for f in r["review"]), lang),
} for r in rows])
target_read = any(r["reason_target"] for r in rows)  # a target read other than written: its reason shown
name_read = any(r["reason_name"] for r in rows)  # a name whose bracket explained it: what was taken off
low = {(i, f) for i, r in enumerate(rows) for f in (*FIELDS, "target") if r[f"confidence_{f}"] == "low" or f in r["review"]}


def _style(frame: pd.DataFrame) -> pd.DataFrame:
    """Orange behind the reason of an uncertain inference and behind the rows' 需核对 cell."""
    out = pd.DataFrame("", index=frame.index, columns=frame.columns)
    for i, f in low:
        out.loc[i, f"reason_{f}"] = "background-color: #fde2c4; color: #7a3d00"
    for i, r in enumerate(rows):
        if r["review"]:
            out.loc[i, "review"] = "background-color: #fde2c4; color: #7a3d00"
        if "name" in r["review"]:  # a value read as a name (25 人次)
            out.loc[i, "name"] = "background-color: #fde2c4; color: #7a3d00"
        if "target" in r["review"]:  # a target taken from the name: every target cell of the row
            for k in keys:
                out.loc[i, f"target_{k}"] = "background-color: #fde2c4; color: #7a3d00"
    return out


config: dict[str, Any] = {
    "id": None,
    "seq": st.column_config.NumberColumn(tx("col_seq"), disabled=True, width="small"),
    "level2": st.column_config.TextColumn(tx("col_level2"), disabled=True),
    "name": st.column_config.TextColumn(tx("col_name"), required=True, width="large"),
    "unit": st.column_config.TextColumn(tx("col_unit"), width="small"),
    "kind": st.column_config.SelectboxColumn(tx("col_kind"), options=list(kind_labels.values()), required=True),
    "direction": st.column_config.SelectboxColumn(tx("col_direction"), options=list(dir_labels.values()), required=True),
    "review": st.column_config.TextColumn(tx("col_review"), disabled=True, width="small"),
    "points": st.column_config.NumberColumn(tx("col_points"), help=tx("col_points_help"), min_value=0, width="small"),
}
for f in (*FIELDS, "target"):
    config[f"reason_{f}"] = st.column_config.TextColumn(tx("col_reason", field=field_names[f]), disabled=True, width="medium")
config["reason_name"] = st.column_config.TextColumn(tx("col_reason_name"), disabled=True, width="medium")
for k in keys:
    config[f"target_{k}"] = st.column_config.TextColumn(_target_col(k))
grid_key = f"np_grid_{digest}_{year or ''}_{sheet.strip()}"
st.session_state["_np_grid_key"] = grid_key
edited = st.data_editor(grid.style.apply(_style, axis=None), column_config=config, hide_index=True, width="stretch", placeholder="",
                        num_rows="fixed", key=grid_key, height=min(38 * (len(grid) + 1) + 4, 640),
                        column_order=["seq", "level2", "name", *(["reason_name"] if name_read else []), "review", "unit", "reason_unit", "kind", "reason_kind", "direction",
                                      "reason_direction", *[f"target_{k}" for k in keys],
                                      *(["reason_target"] if target_read else []), *(["points"] if has_points else [])])

# -- ④ project facts ---------------------------------------------------------------------------------
st.subheader(tx("step_facts"))
facts = reading["project"]
default_name = table_name(reading, filename)
f1, f2 = st.columns([3, 1])
name = f1.text_input(tx("name"), value=default_name, key=f"np_name_{digest}")
pid = f2.text_input(tx("project_id"), value="", placeholder=project_id_for(name or default_name), key=f"np_id_{digest}",
                    help=tx("project_id_help"))
named_from = name_source(reading, filename)
if named_from != "table" and name == default_name:
    f1.caption(tx(f"name_from_{named_from}"))
choices = sorted(set(range(2015, 2036)) | set(years_read) | ({int(year)} if year else set()))
chosen_years = st.multiselect(tx("years"), choices, default=years_read or ([int(year)] if year else []), key=f"np_years_{digest}_{year or ''}",
                              placeholder=t("pick_placeholder", lang))
c1, c2 = st.columns(2)
with c1:
    st.caption(tx("funding"), help=tx("funding_help"))
    funding = facts.get("funding") or {}
    sources = funding.get("sources") or ([{"name": tx("funding_total_row"), "amount": funding["total"]}]
                                         if funding.get("total") else [])  # a total without sources: one row
    money = st.data_editor(pd.DataFrame({"name": [s["name"] for s in sources], "amount": [s["amount"] for s in sources]},
                                        columns=["name", "amount"]).astype({"name": "string", "amount": "float"}),
                           column_config={"name": st.column_config.TextColumn(tx("col_source")),
                                          "amount": st.column_config.NumberColumn(tx("col_amount"), min_value=0, format="%.2f")},
                           num_rows="dynamic", hide_index=True, width="stretch", key=f"np_money_{digest}")
    for money_note in (funding_text_message(reading, lang), funding_message(reading, lang)):
        if money_note:  # read from the words above the table; the sources do not add up to the table's total
            st.warning(esc(money_note), icon=":material/warning:")
    spent_note = spent_preview(reading, lang)
    if spent_note:
        st.caption(esc(spent_note))
with c2:
    st.caption(tx("departments"))
    deps = facts.get("departments") or {}
    people = st.data_editor(pd.DataFrame({"role": list(deps), "name": list(deps.values())}, columns=["role", "name"]).astype("string"),
                            column_config={"role": st.column_config.TextColumn(tx("col_role")),
                                           "name": st.column_config.TextColumn(tx("col_department"))},
                            num_rows="dynamic", hide_index=True, width="stretch", key=f"np_deps_{digest}")


def _edits(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The grid's rows in the shape of ``review_rows`` (labels back to codes)."""
    kinds = {v: k for k, v in kind_labels.items()}
    dirs = {v: k for k, v in dir_labels.items()}
    out = []
    for rec in frame.to_dict("records"):
        row = {"id": rec["id"], "name": str(rec.get("name") or ""), "unit": str(rec.get("unit") or ""),
               "kind": kinds.get(rec.get("kind"), str(rec.get("kind") or "")),
               "direction": dirs.get(rec.get("direction"), str(rec.get("direction") or ""))}
        row.update({f"target_{k}": str(rec.get(f"target_{k}") or "") for k in keys})
        if has_points:
            row["points"] = rec.get("points")
        out.append(row)
    return out


def _save() -> None:
    """Apply the corrections and facts, save through the same code as ``new-project``, switch to it."""
    if not chosen_years:
        st.error(tx("save_needs_year"), icon=":material/event:")
        return
    wanted = pid.strip() or project_id_for(name or default_name)
    if not project_id_ok(wanted):
        st.error(tx("bad_id", id=esc(wanted)), icon=":material/error:")
        return
    result = apply_review(reading, _edits(edited))
    if not result.ok:
        st.error(tx("problems", n=len(result.problems)), icon=":material/error:")
        names = {i["id"]: i["name"] or str(i["seq"]) for i in indicators}
        for p in result.problems:
            st.markdown(f"- {esc(problem_message(p, names.get(p.indicator, p.indicator), lang))}")
        return
    money_rows = [{"name": r["name"], "amount": r["amount"]} for r in money.to_dict("records")
                  if not pd.isna(r.get("name")) and not pd.isna(r.get("amount"))]
    dep_rows = {str(r["role"]): str(r["name"]) for r in people.to_dict("records") if not pd.isna(r.get("role")) and not pd.isna(r.get("name"))}
    final = apply_facts(result.reading, name=name, years=chosen_years, sources=money_rows, departments=dep_rows)
    try:
        done = save_to_store(base_store(), final, wanted, user.name, filename)
    except TargetFileError as exc:
        st.error(tx("target_file_problem"), icon=":material/error:")
        for p in exc.problems[:20]:
            st.markdown(f"- {esc(p.message(lang))}")
        return
    except NoYearError:
        st.error(tx("save_needs_year"), icon=":material/event:")
        return
    except StoreError as exc:
        st.error(esc(store_text(exc, lang)), icon=":material/error:")
        return
    invalidate_data()
    generation_now = st.session_state.get(GENERATION, 0)
    switch_project(done.files.project_id)
    st.session_state[GENERATION] = generation_now + 1
    st.session_state[SAVED] = {"id": done.files.project_id, "name": final["project"]["name"], "n": len(indicators),
                               "actuals": (done.imported.added if done.imported is not None else 0),
                               "spending": spent_words(done, lang),
                               "notes": [note_message(n, lang) for n in done.files.notes]}
    st.rerun()


if st.button(tx("save"), type="primary", icon=":material/save:", key="np_save", disabled=not chosen_years,
             help=None if chosen_years else tx("save_needs_year")):
    _save()

st.divider()
_projects_section()
