"""Vale `spelling` rules with a style's own Hunspell dictionaries (through chunspell):
dictionaries, `append`, `filters` and Vale's default filters, `ignore` files, the
accepted vocabulary, and clear errors for a dictionary that is not there."""
from __future__ import annotations

import sys
import textwrap

import pytest

from doclint.api import lint_paths
from doclint.engine.config import Config, LoadedConfig

pytest.importorskip("hunspell", reason="the spelling extra (chunspell) is not installed")

# A small house dictionary: plural -s by an affix rule, as real .aff files do it.
AFF = "SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n\nSFX S Y 1\nSFX S 0 s .\n"
DIC = ["dashboard/S", "panel/S", "query/S", "add", "a", "to", "the", "each", "open", "and", "Grafana", "Loki"]


def lint(tmp_path, rule: str, text: str, accept: str = ""):
    styles = tmp_path / "styles"
    (styles / "House").mkdir(parents=True)
    (styles / "House" / "Spelling.yml").write_text(rule, encoding="utf-8")
    dicts = styles / "config" / "dictionaries"
    dicts.mkdir(parents=True)
    (dicts / "house.aff").write_text(AFF, encoding="utf-8")
    (dicts / "house.dic").write_text(f"{len(DIC)}\n" + "\n".join(DIC) + "\n", encoding="utf-8")
    (styles / "config" / "ignore.txt").write_text("# product words\nTempo\n", encoding="utf-8")
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\n"
    if accept:
        vocab = styles / "config" / "vocabularies" / "House"
        vocab.mkdir(parents=True)
        (vocab / "accept.txt").write_text(accept, encoding="utf-8")
        ini += "Vocab = House\n"
    (tmp_path / ".vale.ini").write_text(ini + "[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    doc = tmp_path / "guide.md"
    doc.write_text(textwrap.dedent(text), encoding="utf-8")
    return lint_paths([str(doc)], LoadedConfig(Config(vale=str(tmp_path / ".vale.ini")), None, str(tmp_path)))


def found(result):
    return [(f.line, f.column, f.message) for f in result.findings if f.rule_id == "House.Spelling"]


HOUSE_ONLY = textwrap.dedent("""\
    extends: spelling
    message: "'%s' is not in the house dictionary."
    level: error
    dicpath: config/dictionaries
    dictionaries:
      - house
""")


def test_words_the_style_dictionary_lacks_are_reported_where_they_stand(tmp_path):
    result = lint(tmp_path, HOUSE_ONLY, """\
        # Dashboards

        Open the dashboard and add a panle to each of the panels.
        """)
    # "Dashboards" and "panels" come from the affix rule; "of" is not in the small dictionary.
    assert found(result) == [(3, 30, "'panle' is not in the house dictionary."),
                             (3, 44, "'of' is not in the house dictionary.")]


def test_default_filters_skip_acronyms_code_like_words_and_numbers(tmp_path):
    result = lint(tmp_path, HOUSE_ONLY, """\
        Add the API to PanelConfig and the v1.2 panel to e-mail and to café and to x86.
        """)
    assert found(result) == []


def test_custom_turns_the_default_filters_off_and_user_filters_apply(tmp_path):
    rule = HOUSE_ONLY + "custom: true\nfilters:\n  - '[Kk]ubectl'\n"
    result = lint(tmp_path, rule, "Add the API and kubectl to the dashboard.\n")
    assert [m for _, _, m in found(result)] == ["'API' is not in the house dictionary."]


def test_ignore_files_and_the_accepted_vocabulary_add_words(tmp_path):
    rule = HOUSE_ONLY + "ignore:\n  - config/ignore.txt\n"
    result = lint(tmp_path, rule, "Add Tempo and Mimir to the dashboard.\n", accept="Mimir\n")
    assert found(result) == []


def test_append_checks_against_the_default_english_dictionary_too(tmp_path):
    rule = HOUSE_ONLY + "append: true\n"
    result = lint(tmp_path, rule, "Grafana reads every query quickly, but Grafanna does not.\n")
    # "every", "reads", "quickly", "but", "does", "not" come from the default en_US.
    assert [m for _, _, m in found(result)] == ["'Grafanna' is not in the house dictionary."]


def test_a_missing_dictionary_is_an_error_naming_the_rule_file_and_others_run(tmp_path):
    rule = HOUSE_ONLY + "  - places\n"
    result = lint(tmp_path, rule, "Open the dashbord.\n")
    errors = [p for p in result.problems if p.level == "error"]
    assert len(errors) == 1 and errors[0].path.endswith("Spelling.yml") and "'places' not found" in errors[0].message
    assert found(result) == []


def test_without_the_hunspell_reader_the_rule_gets_a_note(tmp_path, monkeypatch):
    from doclint.vale import setup, speller

    monkeypatch.setitem(sys.modules, "hunspell", None)  # import hunspell now fails
    speller.speller.cache_clear()
    setup.load_setup.cache_clear()
    try:
        result = lint(tmp_path, HOUSE_ONLY, "Open the dashbord.\n")
    finally:
        speller.speller.cache_clear()
        setup.load_setup.cache_clear()
    notes = [p for p in result.problems if "House.Spelling" in p.message]
    assert len(notes) == 1 and notes[0].level == "note" and "doclint[spelling]" in notes[0].message
    assert found(result) == []


# What a spelling rule remembers between files must never change a verdict.

def lint_files(folder, rule: str, texts: dict[str, str], accept: str = ""):
    """Like `lint`, on several files in one run (the rule's verdicts carry over)."""
    folder.mkdir()
    first, *rest = texts.items()
    result = lint(folder, rule, first[1], accept)  # writes the style, the config and guide.md
    paths = [folder / "guide.md"]
    for name, text in rest:
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
        paths.append(folder / name)
    config = LoadedConfig(Config(vale=str(folder / ".vale.ini")), None, str(folder))
    result = lint_paths([str(p) for p in paths], config)
    return [(f.path.rsplit("/", 1)[-1], f.line, f.column, f.message) for f in result.findings
            if f.rule_id == "House.Spelling"]


def test_a_word_one_configurations_vocabulary_accepts_is_still_reported_under_another(tmp_path):
    text = "Add Mimir to the dashboard.\n"
    assert lint_files(tmp_path / "a", HOUSE_ONLY, {"guide.md": text}, accept="Mimir\n") == []
    # The same style read through another configuration, in the same process, whose
    # vocabulary lacks the word: its verdict is this configuration's own.
    assert lint_files(tmp_path / "b", HOUSE_ONLY, {"guide.md": text}) == [
        ("guide.md", 1, 5, "'Mimir' is not in the house dictionary.")]
    assert lint_files(tmp_path / "c", HOUSE_ONLY, {"guide.md": text}, accept="Mimir\n") == []


def test_case_variants_and_punctuation_get_their_own_verdicts_across_files(tmp_path):
    # The dictionary has "Grafana" (a capital only) and "dashboard": Hunspell takes
    # "Dashboard" but not "grafana". The second file meets the words in another order
    # and with punctuation around them, after the first file's verdicts.
    findings = lint_files(tmp_path / "a", HOUSE_ONLY, {
        "guide.md": "Open Grafana and the dashboard, and grafana.\n",
        "notes.md": "Open grafana, Grafana and the Dashboard (grafana).\n",
    })
    assert findings == [
        ("guide.md", 1, 37, "'grafana' is not in the house dictionary."),
        ("notes.md", 1, 6, "'grafana' is not in the house dictionary."),
        ("notes.md", 1, 42, "'grafana' is not in the house dictionary."),
    ]


def test_every_place_of_a_misspelled_word_is_reported_and_only_whole_words(tmp_path):
    findings = lint_files(tmp_path / "a", HOUSE_ONLY, {
        "guide.md": "# The panle\n\nOpen the panle, add a panle to xpanle and the panle.\n"})
    assert [(line, column, message.split("'")[1]) for _, line, column, message in findings] == [
        (1, 7, "panle"), (3, 10, "panle"), (3, 23, "panle"), (3, 32, "xpanle"), (3, 47, "panle")]


def test_verdicts_are_judged_once_and_stay_bounded():
    from doclint.vale.checks.verdicts import Verdicts

    judged: list[set[str]] = []

    def judge(words):
        judged.append(set(words))
        return {w for w in words if w.startswith("x")}

    verdicts = Verdicts("(", ").,", limit=12)
    assert verdicts.bad({"(xa)", "b,", "xa."}, judge) == {"(xa)", "xa."}
    assert judged == [{"xa", "b"}]  # one word from two runs, each judged once
    assert verdicts.bad({"xa", "b", "b."}, judge) == {"xa"}
    assert len(judged) == 1  # nothing new: no judging
    for n in range(20):  # many new words: the memory starts afresh, never past its limit
        runs = {f"w{n}a", f"x{n}b", f"w{n}c"}
        assert verdicts.bad(runs, judge) == {f"x{n}b"}
        assert len(verdicts) <= 12
    assert verdicts.bad({"(xa)"}, judge) == {"(xa)"}  # forgotten, judged again, same verdict


def test_misspelled_runs_are_placed_the_same_with_or_without_the_automaton(monkeypatch):
    from doclint.vale.checks import spelling

    # More text and runs than str.find handles: an Aho-Corasick pass finds every hit,
    # and only whole runs (spaces or the text's ends around them) are kept.
    text = "teh panle\nxpanle panle. panlex (panle) teh\nteh"
    runs = {"teh", "panle", "xpanle", "panle.", "panlex", "(panle)"}
    monkeypatch.setattr(spelling, "_FIND_LIMIT", len(runs) * len(text) - 1)
    assert spelling._automata() is not None
    with_automaton = sorted(spelling._places(text, runs))
    monkeypatch.setattr(spelling, "_automata", lambda: None)
    assert sorted(spelling._places(text, runs)) == with_automaton == [
        (0, "teh"), (4, "panle"), (10, "xpanle"), (17, "panle."), (24, "panlex"), (31, "(panle)"),
        (39, "teh"), (43, "teh")]


def test_the_written_out_spaces_are_what_the_regex_takes_for_spaces():
    import regex

    from doclint.vale.checks import spelling

    assert spelling._SPACES == frozenset(regex.findall(r"\s", "".join(map(chr, range(0x110000)))))


# A capitalised word whose lower case form the dictionary accepted is accepted without
# asking it, where the affix file allows nothing that could tell the two apart.

class Asked:
    """A checker that records the words it is asked about."""

    def __init__(self, checker, asked: list[str]) -> None:
        self.checker, self.asked = checker, asked

    def spell(self, word: str) -> bool:
        self.asked.append(word)
        return self.checker.spell(word)


def asked_while(monkeypatch, run) -> list[str]:
    from doclint.vale.checks import spelling

    asked: list[str] = []
    real = spelling.speller
    monkeypatch.setattr(spelling, "speller", lambda *key: Asked(real(*key), asked))
    return run(), asked


def test_a_capitalised_word_takes_its_lower_case_forms_verdict_without_asking(tmp_path, monkeypatch):
    findings, asked = asked_while(monkeypatch, lambda: lint_files(tmp_path / "a", HOUSE_ONLY, {
        "guide.md": "Add the dashboard, add panels and open a panle.\n",
        "notes.md": "# Dashboards\n\nOpen Grafana. Panle dashboards, Panels and Panle.\n"}))
    assert findings == [("guide.md", 1, 42, "'panle' is not in the house dictionary."),
                        ("notes.md", 3, 15, "'Panle' is not in the house dictionary."),
                        ("notes.md", 3, 44, "'Panle' is not in the house dictionary.")]
    # "Add" after "add" in the same file, the others after the first file.
    assert not {"Add", "Dashboards", "Open", "Panels"} & set(asked)
    assert {"Grafana", "Panle"} <= set(asked)  # no lower case form accepted: asked


def test_with_keepcase_a_capitalised_word_is_asked_and_can_fail(tmp_path, monkeypatch):
    # KEEPCASE: "loki" is accepted as written only, and "Loki" refused.
    monkeypatch.setattr(sys.modules[__name__], "AFF", AFF + "KEEPCASE K\n")
    monkeypatch.setattr(sys.modules[__name__], "DIC", [*DIC[:-1], "loki/K"])
    findings, asked = asked_while(monkeypatch, lambda: lint_files(tmp_path / "a", HOUSE_ONLY, {
        "guide.md": "Open loki and Loki.\n"}))
    assert findings == [("guide.md", 1, 15, "'Loki' is not in the house dictionary.")]
    assert "Loki" in asked and "Open" in asked


def test_the_affix_keywords_that_keep_a_capitalised_word_from_following_its_lower_case_form(tmp_path):
    from doclint.vale.capitals import follow_lower_case

    def follows(aff: str) -> bool:
        path = tmp_path / f"{abs(hash(aff))}.aff"
        path.write_text(aff, encoding="utf-8")
        return follow_lower_case(str(path))

    assert follows(AFF) and follows(AFF + "ICONV 1\nICONV ’ '\nBREAK 2\nBREAK -\nBREAK ^-\nCOMPOUNDMIN 1\n")
    for line in ("KEEPCASE K", "FORBIDDENWORD X", "FORBIDWARN", "WARN W", "LANG tr_TR", "CHECKSHARPS", "FLAG long",
                 "COMPLEXPREFIXES", "IGNORE a", "ICONV 1\nICONV A a", "BREAK 1\nBREAK ss"):
        assert not follows(AFF + line + "\n"), line
    assert not follow_lower_case(None) and not follow_lower_case(str(tmp_path / "missing.aff"))


def test_the_message_of_a_misspelled_word_is_made_once_for_every_document(tmp_path, monkeypatch):
    from doclint.vale.checks import spelling

    made = []
    real = spelling.format_message

    def counting(message, *subs):
        made.append(subs)
        return real(message, *subs)

    monkeypatch.setattr(spelling, "format_message", counting)
    lint(tmp_path, HOUSE_ONLY, "Add a panel to each dashboard.\n")  # writes the style
    (tmp_path / "guide.md").write_text("Add a dashbord to each panel.\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("Open the dashbord and the panel.\n", encoding="utf-8")
    both = lint_paths([str(tmp_path / "guide.md"), str(tmp_path / "other.md")],
                      LoadedConfig(Config(vale=str(tmp_path / ".vale.ini")), None, str(tmp_path)))
    assert [f.message for f in both.findings] == ["'dashbord' is not in the house dictionary."] * 2
    assert made.count(("dashbord",)) == 1
