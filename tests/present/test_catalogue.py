"""The one message catalogue (analytics/present/catalogue.py): every entry in both languages with
the same placeholders, and every key the code asks for exists."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from analytics.present import catalogue
from analytics.present.catalogue import CATALOGUE, LANGS, placeholders, text

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(ROOT / "analytics").rglob("*.py"), *(ROOT / "pages").rglob("*.py"), ROOT / "app.py"])
# where the catalogue's lookup is imported from (the function and its short alias)
_LOOKUPS = {("analytics.present.catalogue", "text"), ("analytics.present.i18n", "t"), ("analytics.present.i18n", "text")}


# Entries whose languages take different parameters today (each is a question for its domain:
# a field only one language shows, or two names for one value). Listed so that no new one
# appears; an entry fixed in its domain's table can simply be deleted here.
KNOWN_PLACEHOLDER_DIFFS = {
    "budget.score_zero_target_met", "budget.score_zero_target_missed",  # zh {unit}, en {unit_spaced}: fmt_value spaces units by language
    "ingest.not_a_bool", "ingest.pct_over_100", "ingest.percent_unit",  # en also names the {indicator}
    "ingest.negative",  # en {what_en_cap}
    "reports.monitoring_info", "reports.self_eval_info",  # en leaves out the department / amounts
}


def _fields(template: str) -> set[str]:
    """The template's parameters, a per-language parameter (``what_zh`` / ``what_en``) as one."""
    names = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
    names = {"m" if n == "m_name" else n for n in names}  # the month by its name: filled from {m} by catalogue.text
    return {re.sub(r"_(zh|en)(?=_|$)", "_<lang>", n) for n in names}


def test_every_entry_has_both_languages():
    bad = [key for key, entry in CATALOGUE.items()
           if set(entry) != set(LANGS) or not all(isinstance(entry[lang], str) and entry[lang].strip() for lang in LANGS)]
    assert bad == [], f"entries without a Chinese and an English text: {bad}"


def test_placeholders_of_both_languages_agree():
    bad = {key: (sorted(_fields(e["zh"])), sorted(_fields(e["en"]))) for key, e in CATALOGUE.items()
           if _fields(e["zh"]) != _fields(e["en"]) and key not in KNOWN_PLACEHOLDER_DIFFS}
    assert bad == {}, f"zh and en use different placeholders: {bad}"


def test_every_template_parses():
    for key, entry in CATALOGUE.items():
        for lang in LANGS:
            list(string.Formatter().parse(entry[lang]))  # raises on a stray brace
    assert placeholders("ind_yoy_label", "en") == {"month", "value"}


def test_text_fills_and_falls_back():
    assert text("month_unknown_key_for_test", "en") == "month_unknown_key_for_test"
    assert text("label_value", "zh", label="甲", value="1") == "甲：1"
    assert text("label_value", "en", label="A", value="1") == "A: 1"
    assert text("label_value", "fr", label="甲", value="1") == "甲：1"  # unknown language: Chinese


def _calls(path: Path) -> list[tuple[int, ast.expr]]:
    """(line, first argument) of every call of the catalogue's lookup in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                if (node.module, a.name) in _LOOKUPS:
                    names.add(a.asname or a.name)
                if node.module == "analytics.present" and a.name in ("catalogue", "i18n"):
                    modules.add(a.asname or a.name)
    if path == ROOT / "analytics" / "present" / "catalogue.py":
        names.add("text")
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        if (isinstance(f, ast.Name) and f.id in names) or (
            isinstance(f, ast.Attribute) and f.attr in ("text", "t") and isinstance(f.value, ast.Name) and f.value.id in modules
        ):
            found.append((node.lineno, node.args[0]))
    return found


def _literal_and_prefix_keys() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    literal: dict[str, list[str]] = {}
    prefixes: dict[str, list[str]] = {}
    for path in SOURCES:
        for line, arg in _calls(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            branches = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]  # t("yes" if x else "no")
            for b in branches:
                if isinstance(b, ast.Constant) and isinstance(b.value, str):
                    literal.setdefault(b.value, []).append(where)
            if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
                prefixes.setdefault(str(arg.values[0].value), []).append(where)
    return literal, prefixes


def test_the_scan_finds_the_pages_calls():
    literal, prefixes = _literal_and_prefix_keys()
    assert "overview_title" in literal and "goals_page_title" in literal
    assert any(p.startswith("labels.") for p in prefixes) or "kind_" in prefixes


def test_every_literal_key_used_in_code_exists():
    literal, _ = _literal_and_prefix_keys()
    missing = {key: where for key, where in literal.items() if key not in CATALOGUE}
    assert missing == {}, f"keys used in code but not in the catalogue: {missing}"


def test_every_key_prefix_used_in_code_has_entries():
    """``t(f"kind_{ind.kind}")``: at least one key starts with the literal prefix."""
    _, prefixes = _literal_and_prefix_keys()
    missing = {p: where for p, where in prefixes.items() if not any(k.startswith(p) for k in CATALOGUE)}
    assert missing == {}, f"key prefixes with no entry: {missing}"


@pytest.mark.parametrize("prefix, codes", [
    ("kind_", ("flow", "stock", "level", "rate", "milestone")),
    ("dir_", ("higher", "lower")),
    ("origin_", ("table", "goal_text")),
    ("labels.cause_", ("funding", "institution", "staff", "hardware", "other")),
    ("labels.likelihood_", ("certain", "likely", "possible", "impossible")),
])
def test_codes_have_names(prefix, codes):
    for code in codes:
        assert f"{prefix}{code}" in CATALOGUE


def test_one_catalogue_module():
    assert catalogue.text is text


# -- labels (analytics/present/labels.py): names of codes, from the rule files and the catalogue --

from analytics.present import labels  # noqa: E402


def test_status_names_and_colours_come_from_the_rules_file():
    from analytics.rules.progress import load_rules

    rules = load_rules()
    for key, info in rules["statuses"].items():
        assert labels.status_name(key, "zh") == info["zh"] and labels.status_name(key, "en") == info["en"]
        assert labels.status_label(key, "en") == f"{info['symbol']} {info['en']}"
        assert labels.status_color(key) == info["color"] and labels.status_help(key, "en") == info["help_en"]
    assert labels.status_order()[0] == "done"


def test_cause_categories_are_defined_once():
    from analytics.storage.store import CAUSE_CATEGORIES

    assert labels.CAUSE_KEYS == tuple(CAUSE_CATEGORIES)
    for key, (zh, en) in CAUSE_CATEGORIES.items():
        assert labels.cause_label(key, "zh") == zh and labels.cause_label(key, "en") == en
    assert labels.cause_label(None) == "—" and labels.cause_label("经费保障") == "经费保障"


def test_every_likelihood_level_has_a_name():
    from analytics.forecast.outlook import LIKELIHOOD

    codes = {row[1] for row in LIKELIHOOD}
    assert codes == set(labels.LIKELIHOOD_KEYS)
    for code in codes:
        assert labels.likelihood_name(code, "en") != f"labels.likelihood_{code}"
    assert labels.likelihood_name(None) == "—"


def test_goal_labels_and_other_codes():
    from analytics.storage.dataset import load_dataset

    project = load_dataset().project
    for g in project.goals:
        assert labels.goal_label(project, g.id, "zh") == g.label("zh")
        assert labels.goal_label(project, g.id, "en") == g.label("en")
    assert labels.goal_label(project, 0, "en") == "Project as a whole"
    assert labels.kind_name("flow", "zh") == "流量（全年累加）" and labels.direction_name("lower", "en") == "Lower is better"
    assert labels.milestone_value(1.0, "zh") == "已实现" and labels.milestone_value(0.0, "en") == "Not achieved"
    assert labels.milestone_value(None) == "—" and labels.basis_name("ytd", "zh") == "累计"
    assert labels.unit_name("万人", "en") == "10k persons"
    # the standard levels of the target tables in English; any other as written
    assert labels.category_name("产出指标", "en") == "Outputs" and labels.category_name("数量指标", "en") == "Quantity"
    assert labels.category_name("产出指标", "zh") == "产出指标" and labels.category_name("履职效能", "en") == "履职效能"
    # a standard level written without its 指标 (嘉峪关's 满意度指标 | 服务对象满意度) is named as the standard one
    assert labels.category_name("服务对象满意度", "en") == "Beneficiary satisfaction"
    assert labels.category_name("社会效益", "en") == "Social benefits" and labels.category_name("服务对象满意度", "zh") == "服务对象满意度"


# The likelihood levels' words in both languages; a text naming them states their thresholds through
# placeholders ({certain}, {likely}, {cut}: data/judgement_rules.yaml), never as figures of its own.
_LEVEL_WORDS = re.compile(r"确定能|基本确定|很可能|完全不可能|\bcertain\b|\blikely\b|impossible")


def test_likelihood_thresholds_come_from_the_rules():
    figures = re.compile(r"[≥<>≤]\s*\d+(\.\d+)?\s*%|\d+%\s*[–-]\s*\d+%")
    stated = [key for key, langs in CATALOGUE.items() for s in langs.values()
              if _LEVEL_WORDS.search(s) and figures.search(s)]
    assert stated == [], stated


def test_an_english_count_of_one_is_singular():
    """``1 rows could not be read`` → ``1 row``; other counts, Chinese and a goal's number untouched."""
    from analytics.present.catalogue import text

    en = text("new_project.summary", "en", file="t.xlsx", n=1, years="2022", review=0, skipped=21, unread=1)
    assert "**1** indicator from" in en and "1 row could not be read" in en and "21 rows skipped" in en
    assert text("new_project.summary", "en", file="t.xlsx", n=11, years="2022", review=0, skipped=1, unread=0).count("rows") == 1
    assert "1 行无法读取" in text("new_project.summary", "zh", file="t", n=1, years="2022", review=0, skipped=2, unread=1)
    coverage = text("budget.score_coverage", "en", scored=10, all=11, no_data=1, rule="…")
    assert "1 indicator has no data yet" in coverage and "1 have" not in coverage  # the verb agrees
    assert "2 indicators have" in text("budget.score_coverage", "en", scored=9, all=11, no_data=2, rule="…")
    assert text("written.overall_risks", "en", k=1).strip() == "1 indicator needs attention; see section 4."


def test_a_month_is_named_in_english_sentences():
    """“January to month 8 of 2018”, “Jan-8”: the English sentences name the month (Jan–Aug 2018)."""
    from analytics.present.catalogue import text

    assert text("written.period", "en", year=2018, m=8) == "(Monitoring period: Jan–Aug 2018)"
    assert text("reports.col_to_month", "en", m=8) == "Jan–Aug" and text("reports.col_to_month", "zh", m=8) == "1-8月"
    assert not [k for k, e in CATALOGUE.items() if "month {m}" in e["en"]]
