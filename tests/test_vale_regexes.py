"""How imported word lists are compiled and searched: the same matches, found faster."""
from __future__ import annotations

import re
import string

import pytest

from doclint.vale import regexes
from doclint.vale.checks.base import WORD_TEMPLATE
from doclint.vale.regexes import (
    Scanner,
    alternation,
    first_chars,
    lookahead,
    prefiltered,
    union,
)

# A substitution list as styles write them: keys sharing first letters ("log in",
# "login", "Log-in") in an order that matters, among keys that start otherwise.
KEYS = ["(?:log|sign) in to", "Log-in", "web site", "login", "log in", "(?<!Data )Firehose",
        "e-mail", "sign on", "email address", "kill", "log on", "Web-site"]
TEXT = """\
Log in to the web site with your e-mail address, then sign in to Kinesis Firehose.
Use Data Firehose, not the Web-site login; log on, kill the job, and sign on again.
email address: login
log in to
"""


def ordered_pattern(ignore_case: bool) -> re.Pattern:
    """The keys as one alternation, each behind its own lookahead, in their order."""
    pieces = [f"(?P<k{i}>{k})" for i, k in enumerate(KEYS)]
    firsts = [first_chars(k, ignore_case) for k in KEYS]
    body = "|".join(prefiltered(p, chars=f) for p, f in zip(pieces, firsts))
    return re.compile(lookahead(union(firsts)) + WORD_TEMPLATE % body,
                      re.MULTILINE | (re.IGNORECASE if ignore_case else 0))


def grouped_pattern(ignore_case: bool) -> re.Pattern:
    pieces = [f"(?P<k{i}>{k})" for i, k in enumerate(KEYS)]
    firsts = [first_chars(k, ignore_case) for k in KEYS]
    return re.compile(lookahead(union(firsts)) + WORD_TEMPLATE % alternation(pieces, firsts),
                      re.MULTILINE | (re.IGNORECASE if ignore_case else 0))


def found(matches) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]


@pytest.mark.parametrize("ignore_case", [False, True])
def test_grouped_alternation_matches_the_keys_in_their_order(ignore_case):
    grouped = grouped_pattern(ignore_case)
    assert found(grouped.finditer(TEXT)) == found(ordered_pattern(ignore_case).finditer(TEXT))
    # The keys starting with l/L (and s, e, w, k, F) each share one lookahead.
    assert grouped.pattern.count("(?=[") < ordered_pattern(ignore_case).pattern.count("(?=[")
    assert ("k3", "login") in [(m.lastgroup, m.group()) for m in grouped.finditer(TEXT)]


def test_alternation_keeps_each_key_in_place_when_a_first_character_is_unknown():
    pieces = ["login", r"\w+-in", "log in"]
    firsts = [first_chars(p) for p in pieces]
    assert firsts[1] is None
    assert alternation(pieces, firsts) == "(?=[l])(?:login)|\\w+-in|(?=[l])(?:log in)"


@pytest.mark.parametrize("ignore_case", [False, True])
def test_scanner_finds_what_finditer_finds(monkeypatch, ignore_case):
    monkeypatch.setattr(regexes, "_SCAN_AFTER", 0)
    pattern = grouped_pattern(ignore_case)
    chars = union([first_chars(k, ignore_case) for k in KEYS])
    scanner = Scanner(pattern, chars)
    for text in (TEXT, TEXT * 3, "login", "loginlogin log in", ""):
        assert found(scanner.finditer(text)) == found(pattern.finditer(text))
    assert scanner.fast is not None


def test_scanner_searches_plainly_until_it_has_read_enough(monkeypatch):
    monkeypatch.setattr(regexes, "_SCAN_AFTER", len(TEXT) * 2)
    pattern = grouped_pattern(False)
    scanner = Scanner(pattern, union([first_chars(k) for k in KEYS]))
    for _ in range(2):
        assert found(scanner.finditer(TEXT)) == found(pattern.finditer(TEXT))
    assert scanner.fast is None
    assert found(scanner.finditer(TEXT)) == found(pattern.finditer(TEXT))
    assert scanner.fast is not None


def test_scanner_stays_plain_for_many_lower_case_letters_or_a_regex_module_pattern(monkeypatch):
    monkeypatch.setattr(regexes, "_SCAN_AFTER", 0)
    words = re.compile(r"\b(?:" + "|".join(string.ascii_lowercase) + r")\w*")
    plain = Scanner(words, frozenset(string.ascii_lowercase))
    assert found(plain.finditer(TEXT)) == found(words.finditer(TEXT))
    assert plain.fast is None and plain.chars is None
    import regex

    assert Scanner(regex.compile(r"(?=[l])login"), frozenset("l")).chars is None


def test_a_word_list_rule_reports_the_same_on_a_long_file_as_on_a_short_one(tmp_path):
    """The scanner takes over once a rule has read enough text: the findings in the
    last copy of a paragraph are those in the first."""
    from doclint.api import lint_paths
    from doclint.engine.config import Config, LoadedConfig

    styles = tmp_path / "styles" / "House"
    styles.mkdir(parents=True)
    (styles / "Terms.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
        "ignorecase: true\nswap:\n" + "".join(f"  '{k}': X\n" for k in KEYS), encoding="utf-8")
    (styles / "Words.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens:\n"
        "  - simply\n  - Firehose\n  - log on\n", encoding="utf-8")
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\n[*]\nBasedOnStyles = House\n", encoding="utf-8")
    paragraph = TEXT.replace("\n", " ") + "Simply log on.\n\n"
    copies = 2 * (regexes._SCAN_AFTER // len(paragraph)) + 2  # the second half scanned
    doc = tmp_path / "long.md"
    doc.write_text(paragraph * copies, encoding="utf-8")
    result = lint_paths([str(doc)], LoadedConfig(Config(vale=str(ini)), None, str(tmp_path)),
                        select=("House",))
    by_line: dict[int, list] = {}
    for f in result.findings:
        by_line.setdefault(f.line, []).append((f.column, f.rule_id, f.message))
    first = sorted(by_line[1])
    assert len(first) >= 10
    assert all(sorted(by_line[line]) == first for line in range(1, 2 * copies, 2))


def test_first_characters_of_a_token_with_an_inline_case_flag_include_every_case():
    assert first_chars("(?i)simply") == frozenset("sS")
    assert first_chars("(?i:log) in") == frozenset("lL")
    assert first_chars("simply") == frozenset("s")


def test_first_characters_of_times_and_dates_are_any_digit():
    assert first_chars(r"\d{1,2} ?[ap]m\b") == frozenset({regexes.DIGIT})
    assert first_chars(r"\d{1,2}(?:\.|/)\d{4}|(?:Jan|Feb)\b", True) == frozenset({regexes.DIGIT, *"jJfF"})
    assert lookahead(frozenset({regexes.DIGIT, "J"})) == r"(?=[J\d])"


def test_digit_first_tokens_find_times_in_any_script_of_digits(monkeypatch):
    monkeypatch.setattr(regexes, "_SCAN_AFTER", 0)
    tokens = [r"\d{1,2}[AP]M\b", r"\d{1,2} ?[ap]m\b"]
    firsts = [first_chars(t) for t in tokens]
    pattern = re.compile(lookahead(union(firsts)) + WORD_TEMPLATE % alternation(tokens, firsts))
    text = "The job runs at 9AM and 10 pm, or at ٣PM (Arabic-Indic three); 2024 is a year."
    plain = re.compile(WORD_TEMPLATE % "|".join(tokens))
    scanner = Scanner(pattern, union(firsts))
    assert found(scanner.finditer(text)) == found(plain.finditer(text))
    assert [m.group() for m in scanner.finditer(text)] == ["9AM", "10 pm", "٣PM"]
    assert scanner.fast is not None


def write_style(tmp_path, rule: str) -> str:
    styles = tmp_path / "styles" / "House"
    styles.mkdir(parents=True)
    (styles / "Rule.yml").write_text(rule, encoding="utf-8")
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\n[*]\nBasedOnStyles = House\n", encoding="utf-8")
    return str(ini)


def vale_findings(tmp_path, ini: str, text: str) -> list[tuple[int, int, str]]:
    from doclint.api import lint_paths
    from doclint.engine.config import Config, LoadedConfig

    doc = tmp_path / "doc.md"
    doc.write_text(text, encoding="utf-8")
    result = lint_paths([str(doc)], LoadedConfig(Config(vale=ini), None, str(tmp_path)), select=("House",))
    return [(f.line, f.column, f.message) for f in result.findings]


def test_a_token_with_an_inline_case_flag_matches_a_capital(tmp_path):
    ini = write_style(tmp_path, "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\n"
                                "tokens:\n  - '(?i)simply'\n")
    assert vale_findings(tmp_path, ini, "Simply run it. Or simply stop.\n") == [
        (1, 1, "Avoid 'Simply'."), (1, 19, "Avoid 'simply'.")]


def test_a_raw_pattern_before_tokens_finds_every_passive(tmp_path):
    ini = write_style(tmp_path, "extends: existence\nmessage: \"Passive: '%s'.\"\nlevel: warning\n"
                                "ignorecase: true\nraw:\n  - '\\b(am|are|was|be)\\b\\s*'\n"
                                "tokens:\n  - '[\\w]+ed'\n  - 'built'\n")
    text = "The file was deleted. Are built images kept? It was fine, and they are logged.\n"
    assert vale_findings(tmp_path, ini, text) == [
        (1, 10, "Passive: 'was deleted'."), (1, 23, "Passive: 'Are built'."),
        (1, 68, "Passive: 'are logged'.")]


def test_first_characters_look_past_what_can_be_empty():
    assert first_chars(r"(?:^|\s)I\s", True) == frozenset({regexes.SPACE, "I", "i"})
    assert first_chars(r"(?:an?|the)? ?cloud") == frozenset("at c")
    assert first_chars(r"\b(?:e-?)?mail\b") == frozenset("em")
    assert first_chars(r"(?:log)?") is None  # can match nothing: a match may start anywhere
    assert first_chars(r"\w+!") is None


def test_a_first_person_token_that_starts_at_a_line_or_a_space_is_found_at_both(tmp_path):
    ini = write_style(tmp_path, "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\n"
                                "ignorecase: true\nnonword: true\n"
                                "tokens:\n  - '(?:^|\\s)I\\s'\n  - '\\bmy\\b'\n")
    text = "I think so.\n\nThen I saw my error.\n"
    assert vale_findings(tmp_path, ini, text) == [
        (1, 1, "Avoid 'I '."), (3, 5, "Avoid ' I '."), (3, 12, "Avoid 'my'.")]


def test_a_conditional_rule_finds_the_same_in_every_copy_once_its_scanner_takes_over(tmp_path, monkeypatch):
    monkeypatch.setattr(regexes, "_SCAN_AFTER", 200)
    ini = write_style(tmp_path, "extends: conditional\nmessage: \"Spell out '%s'.\"\nlevel: warning\n"
                                "first: '\\b([A-Z]{3,5})\\b'\n"
                                "second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\nexceptions:\n  - JSON\n")
    paragraph = "Run the CLI, the Command Line Interface (CLI). The API returns JSON to the SDK.\n\n"
    findings = vale_findings(tmp_path, ini, paragraph * 12)
    assert findings[:2] == [(1, 52, "Spell out 'API'."), (1, 76, "Spell out 'SDK'.")]
    assert findings == [(line, column, message) for line in range(1, 24, 2)
                        for _, column, message in findings[:2]]
