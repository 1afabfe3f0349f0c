"""Discovered naming variants (DL401-DL403): case, joining and spelling, with their guards."""
from __future__ import annotations

import dataclasses

from doclint.api import document_from_text, lint_documents
from doclint.core.finding import Applicability
from doclint.families.naming.variants import case_pair_ok, joining_pair_ok, spelling_similar

NEWS = """Iraqi Foreign Minister Fuad Hussein warned against a revival of the group in Syria.
He spoke to the visiting British adviser in Baghdad on Saturday.
The prisoners will be moved to Iraq, according to the Iraqi foreign minister.
The Iraqi Foreign Minister offered support for a political process.
Hussein briefed his guest on his talks with the Syrian foreign minister in Paris.
"""


def test_sentence_case_phrase_tie_reports_the_later_form(lint_text):
    text = NEWS.replace("Iraqi Foreign Minister Fuad Hussein warned", "The Iraqi Foreign Minister warned")
    found = lint_text(text, "DL401")
    assert [f.line for f in found] == [3, 5]
    assert all("'foreign minister' (2x)" in f.message and "'Foreign Minister' (2x)" in f.message
               for f in found)
    assert found[0].related[0].line == 1


def test_title_before_a_name_is_not_a_second_spelling(lint_text):
    # "Foreign Minister Fuad Hussein" is a title before a name; "the foreign minister"
    # without one is lower case: one style. The single "The Iraqi Foreign Minister
    # offered" could be a label, as any title-case phrase used once: not reported.
    assert lint_text(NEWS, "DL401") == []
    text = ("On Monday Prime Minister Jane Doe said the talks would go on, and later Prime "
            "Minister Jane Doe added that the envoy would return. The prime minister said the "
            "plan was ready, and aides to the prime minister agreed.\n")
    assert lint_text(text, "DL401") == []
    # The same use written two ways is still reported.
    text = ("Later the Prime Minister said the plan was ready, and aides to the Prime Minister "
            "agreed. Then the prime minister left, and the prime minister's car was seen.\n")
    assert len(lint_text(text, "DL401")) == 2


def test_titles_before_names_are_compared_with_each_other(lint_text):
    # Capitalised before two names and lower case before a third: the same use written
    # two ways. The lower-case use without a name ("the foreign minister of Jordan") is
    # the document's other style and is not compared with them.
    text = ("Iraqi Foreign Minister Fuad Hussein met the envoy in Baghdad on Saturday.\n"
            "Hussein briefed him on his talks with Syrian foreign minister Asaad al-Shibani "
            "in Paris, and the foreign minister of Jordan joined them later.\n"
            "Then Foreign Minister Ayman Safadi of Jordan spoke.\n")
    found = lint_text(text, "DL401")
    assert [(f.line, f.snippet) for f in found] == [(2, "foreign minister")]
    assert found[0].related[0].line == 1
    assert found[0].fix is not None  # two to one: the majority is known


def test_a_title_written_both_ways_before_names_is_a_title_everywhere(lint_text):
    # Once the document writes the title both ways before names, it is a person's
    # title and not a label, so its single uses without a name are compared too.
    text = NEWS.replace("with the Syrian foreign minister in Paris",
                        "with Syrian foreign minister Asaad al-Shibani in Paris")
    found = lint_text(text, "DL401")
    assert [(f.line, f.snippet) for f in found] == [(4, "Foreign Minister"), (5, "foreign minister")]


def test_headings_quotes_and_section_links_are_mentions(lint_text):
    text = ("## CRLF normalization\n\nEach CR before an LF is dropped. The input may still hold "
            "\"CR CR LF LF\" after that, so the CRLF pass runs once.\n")
    assert lint_text(text, "DL402", fmt="markdown", name="input.md") == []
    text = ("See [Release Manager](#release-manager) for the duties. The release manager tags "
            "each build, and the release manager writes the notes. Ask the Release Manager "
            "first, or mail the Release Manager.\n")
    found = lint_text(text, "DL401", fmt="markdown", name="cycle.md")
    assert [f.snippet for f in found] == ["Release Manager", "Release Manager"]
    assert "(2x)" in found[0].message and "(3x)" not in found[0].message


def test_the_title_case_text_of_a_link_quotes_a_title(lint_text):
    text = ("The command registers a task with a maintenance window. For more information, see "
            "`Register a Task with the Maintenance Window (AWS CLI) <https://example.org/mw>`__.\n\n"
            "The maintenance window runs at night. See `Maintenance Window Tasks`_ and "
            "`Maintenance Window Targets <https://example.org/mwt>`_ in the guide.\n")
    assert lint_text(text, "DL401", fmt="rst", name="tasks.rst") == []
    # Capitals of the name's own, as "ElastiCache", still count in a link's title.
    text = ("See `Backup and Restore for ElastiCache for Redis <https://example.org/b>`__ in the "
            "Elasticache guide.\n")
    assert [f.snippet for f in lint_text(text, "DL401", fmt="rst", name="backup.rst")] == ["Elasticache"]
    text = ("The flow logs go to a bucket. Read [VPC Flow Logs](https://example.org/fl) first, "
            "then turn the flow logs on. The [Flow Logs](https://example.org/f) page lists limits.\n")
    assert lint_text(text, "DL401", fmt="markdown", name="flow.md") == []
    # A reference link quotes its page's title too.
    text = ("If the process is spawned with an IPC channel (see the [Child Process][] documentation), "
            "the child process can exit. See the [Child Process][] page, and when the child process "
            "closes the channel, read the [Child Process][] notes.\n\n"
            "[Child Process]: child_process.md\n")
    assert lint_text(text, "DL401", fmt="markdown", name="process.md") == []


def test_every_minority_occurrence_is_reported_with_counts(lint_text):
    text = ("The API speaks GraphQL and REST. Every GraphQL query is checked, "
            "and the Graphql schema is minified. Old Graphql code is removed, and "
            "GraphQL tests run on each push.\n")
    found = lint_text(text, "DL401")
    assert [f.snippet for f in found] == ["Graphql", "Graphql"]
    assert "'Graphql' (2x) is also written 'GraphQL' (3x)" in found[0].message
    assert found[0].fix.applicability is Applicability.UNSAFE
    assert found[0].fix.edits[0].replacement == "GraphQL"


def test_a_tie_gets_no_fix(lint_text):
    found = lint_text("The API speaks GraphQL. Every Graphql query is checked.\n", "DL401")
    assert [f.snippet for f in found] == ["Graphql"]
    assert "'Graphql' (1x) is also written 'GraphQL' (1x)" in found[0].message
    assert found[0].fix is None


def test_configured_preferred_term_wins_and_is_reported_once(lint_text, all_rules):
    from tests.conftest import rule_by

    # Listed variants are the preferred-term rule's: DL401 stays quiet about them.
    text = "Host the code on GitHub. Later Github mirrors it, and Github builds it.\n"
    assert lint_text(text, "DL401") == []
    assert [f.snippet for f in lint_text(text, "DL420")] == ["Github", "Github"]
    # An unlisted variant is DL401's, and it never points away from the configured term,
    # even where that term is the less used form.
    text = "Open the GITHub page, then the GITHub wiki, and log in to GitHub.\n"
    found = lint_text(text, "DL401")
    assert [f.snippet for f in found] == ["GITHub", "GITHub"]
    assert found[0].fix.edits[0].replacement == "GitHub"
    assert rule_by(all_rules, "DL401").options.preferred_forms >= {"GitHub", "Node.js", "macOS"}


def test_acronym_against_word_and_first_capital_are_not_case_variants(lint_text):
    text = ("Write to us about the US office. The US team answers us quickly. "
            "The Government acted, and the people trusted the government. "
            "The Project Leader of the day met the project leader of next year.\n")
    assert lint_text(text, "DL401") == []
    assert not case_pair_ok("US", "us")
    assert not case_pair_ok("Government", "government")
    assert not case_pair_ok("Decision-Making", "decision-making")
    assert case_pair_ok("Nasa", "NASA") and case_pair_ok("Github", "GitHub")


def test_headings_sentence_starts_and_mentions_do_not_count(lint_text):
    text = ("# Open A Pull Request\n\nFirst open a pull request. Pull requests are reviewed. "
            "Write \"pull request\", not \"Pull Request\", in the docs.\n")
    assert lint_text(text, "DL401", fmt="markdown", name="doc.md") == []


def test_caps_emphasis_is_not_a_second_name(lint_text):
    text = "SPECIAL SESSION OF THE CONGRESS\n\nI shall ask the Congress to meet. The Congress agreed.\n"
    assert lint_text(text, "DL401") == []


def test_joining_variants_of_names(lint_text):
    text = ("The API runs on Node.js 20. Upgrade Node.js before a deploy, because NodeJS 18 "
            "is out of support. The U.S. team ships first and the US office follows; the "
            "U.S. customers get it last.\n")
    found = lint_text(text, "DL402")
    assert sorted(f.snippet for f in found) == ["NodeJS", "US"]
    assert not joining_pair_ok("U.S.", "us")
    assert not joining_pair_ok("command-line", "command line")
    assert joining_pair_ok("e-mail", "email")


def test_joining_words_only_on_request(lint_text):
    text = "Send an email to the team. The e-mail lists failing builds, and each email gets a reply.\n"
    assert lint_text(text, "DL402") == []
    found = lint_text(text, "DL402", words=True)
    assert [f.snippet for f in found] == ["e-mail"]


def test_joining_ignores_particles_and_function_words(lint_text):
    text = ("Set up the runner first; the setup takes a minute. Anyone may ask, and any one "
            "of us can answer. Log in with the login you were given.\n")
    assert lint_text(text, "DL402", words=True) == []


def test_spelling_variants_of_names(lint_text):
    text = ("Hezbollah denied the report on Monday. Officials of Hezbollah said the fighting had "
            "stopped, but Hizbullah fighters were seen near the border. Asaad al-Shibani met "
            "the envoy; al-Shaibani and al-Shaibani's aides then left.\n")
    found = lint_text(text, "DL403")
    assert sorted(f.snippet for f in found) == ["Hizbullah", "al-Shibani"]
    assert "'Hizbullah' (1x) looks like a misspelling of 'Hezbollah' (2x)" in \
        next(f.message for f in found if f.snippet == "Hizbullah")


def test_spelling_guards_keep_distinct_names_apart(lint_text):
    text = ("Talks between Iran and Iraq resumed in Geneva. Visitors from Austria and Australia "
            "joined the Syrian delegation from Syria. The Capitol stands in the Capital district.\n")
    assert lint_text(text, "DL403") == []
    for a, b in [("Iran", "Iraq"), ("Austria", "Australia"), ("Syria", "Syrian"), ("Maria", "Mario"),
                 ("Gaddafi", "Qadhafi")]:
        assert not spelling_similar(a, b), (a, b)
    for a, b in [("BigInt", "BigUInt"), ("BigInt64Array", "BigUint64Array")]:
        assert not spelling_similar(a, b), (a, b)  # identifiers, not misspelt names
    for a, b in [("Grafana", "Graffana"), ("Homebrew", "Homebraw"), ("Hizbullah", "Hezbollah")]:
        assert spelling_similar(a, b), (a, b)


def test_spelling_tells_people_apart_by_their_other_names(lint_text):
    text = ("Thanks to Brian Fox, Brian Fox and Bryan Cantrill for their support.\n"
            "Also to Jeremy D. Frens and to Frans van Camp.\n")
    assert lint_text(text, "DL403") == []


def test_spelling_minority_used_often_is_another_name(lint_text):
    text = ("Stephen wrote the parser and Stephan wrote the tests. Later Stephen and Stephan "
            "met; Stephen paid and Stephan left.\n")
    assert lint_text(text, "DL403") == []


def test_corpus_scope_compares_documents(all_rules):
    rule = next(r for r in all_rules if r.id == "DL401")
    from doclint.core.options import build_options
    from doclint.registry import KINDS

    options = build_options(KINDS[rule.kind].Options, dict(rule.raw_options, scope="corpus"), "t", rule.id)
    corpus_rule = dataclasses.replace(rule, options=options, enabled=True)
    docs = [document_from_text("a.txt", "We query it with GraphQL. Releases use GraphQL too.\n"),
            document_from_text("b.txt", "Mirror the data with GraphQL and with Graphql.\n")]
    found = lint_documents(docs, [corpus_rule]).findings
    assert [(f.path, f.snippet) for f in found] == [("b.txt", "Graphql")]
    assert found[0].related[0].path == "a.txt"
    # The same two documents in document scope: b.txt has a tie of its own.
    doc_rule = dataclasses.replace(rule, enabled=True)
    assert [(f.path, f.snippet) for f in lint_documents(docs, [doc_rule]).findings] == [("b.txt", "Graphql")]


def test_corpus_scope_over_jsonl_records(tmp_path, all_rules):
    import json

    from doclint.core.loader import load
    from doclint.core.options import build_options
    from doclint.registry import KINDS

    path = tmp_path / "corpus.jsonl"
    records = [{"id": "a", "text": "Ask Hezbollah.\nOfficials of Hezbollah spoke to Hezbollah aides."},
               {"id": "b", "text": "A statement came later.\nThe statement by Hizbullah was short."}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    rule = next(r for r in all_rules if r.id == "DL403")
    options = build_options(KINDS[rule.kind].Options, dict(rule.raw_options, scope="corpus"), "t", rule.id)
    corpus_rule = dataclasses.replace(rule, options=options, enabled=True)
    docs = load(str(path), str(path), "text").documents
    found = lint_documents(docs, [corpus_rule]).findings
    assert [(f.line, f.record, f.text_line, f.snippet) for f in found] == [(2, "b", 2, "Hizbullah")]
    assert found[0].related[0].record == "a"


def test_lower_case_identifiers_and_shouted_names_are_not_case_variants(lint_text):
    text = ("Update OpenSSL to 3.0. The openssl binary moved, and openssl tests pass. "
            "Thanks to Antoine du Hamel and to ANTOINE DU HAMEL, who wrote this.\n")
    assert lint_text(text, "DL401") == []


def test_offsets_inside_any_of_overlapping_spans():
    from doclint.families.naming.spans import SpanSet

    spans = SpanSet([(40, 45), (0, 100), (10, 20)])
    assert [x in spans for x in (0, 15, 50, 99, 100, 120)] == [True] * 4 + [False] * 2
    assert 3 not in SpanSet([(5, 9)]) and not SpanSet([])


def test_acronym_expansions_do_not_count_as_phrase_forms(lint_text):
    text = ("Use a Key Derivation Function (KDF) here. A key derivation step follows. The "
            "HMAC-based Key Derivation Function (HKDF) is one key derivation choice.\n")
    assert lint_text(text, "DL401") == []


def test_repeated_form_beside_other_names_is_another_person(lint_text):
    text = ("Reviewed by ZiJian He. Fixed by ZiJian He. Approved by Zijian Liu. "
            "Landed by Zijian Liu.\n")
    assert lint_text(text, "DL401") == []
    slip = "Reviewed by ZiJian He. Fixed by ZiJian He. Approved by Zijian He.\n"
    assert [f.snippet for f in lint_text(slip, "DL401")] == ["Zijian"]


def test_member_access_is_not_a_dotted_name(lint_text):
    text = ("Use Symbol.iterator for the loop. SymbolIterator support landed in the same "
            "release, and Symbol.iterator is documented.\n")
    assert lint_text(text, "DL402") == []


def test_prose_words_cut_each_sentence_like_the_token_pattern():
    from doclint.families.naming.words import TOKEN, prose_words

    text = ("# Open A Pull Request\n\nYou're running Node.js 20 in the U.S. office. "
            "Ask ZiJian He about 'homebrew' and e-mail.\n\n| Cell One | cell two |\n|---|---|\n"
            "| Tab Le | x1 |\n")
    doc = document_from_text("doc.md", text, "markdown")
    words = prose_words(doc)
    expected = [(m.group(), m.start(), i == 0, s.block.kind in ("heading", "table-cell"))
                for s in doc.sentences
                for i, m in enumerate(TOKEN.finditer(doc.masked, s.start, s.end))]
    assert words.texts == [e[0] for e in expected]
    assert words.starts == [e[1] for e in expected]
    assert words.inner == [not (first or heading) for _, _, first, heading in expected]
    assert words.cased == [i for i, w in enumerate(words.texts) if not w.islower()]
    capital = [w[:1].isupper() for w in words.texts]
    assert words.capital == [i for i, c in enumerate(capital) if c]
    assert words.capital_pairs == [i for i in range(1, len(capital)) if capital[i - 1] and capital[i]]
    assert sorted(words.texts[i] for i in words.after) == ["homebrew", "re"]
    assert "Node.js" in words.texts and "U.S." in words.texts and "e-mail" in words.texts
    assert prose_words(doc) is words  # shared by the three checks


def test_prose_words_around_inline_code_and_letters_outside_ascii():
    from doclint.families.naming.words import TOKEN, prose_words

    # Mostly inline code: masked, it is no word, and the names beside it keep their letters.
    text = ("Call `a.b()`, `c.d()`, `e.f()`, `g.h()` and `i.j()` as Jürgen Müller did in "
            "`k.l()`.\nThe Ærø office runs `m.n()` and `o.p()` with `q.r()`.\n")
    doc = document_from_text("doc.md", text, "markdown")
    expected = [m.group() for s in doc.sentences for m in TOKEN.finditer(doc.masked, s.start, s.end)]
    assert prose_words(doc).texts == expected
    assert "Müller" in expected and "Ærø" in expected and "a.b" not in expected


def test_prose_words_cut_a_sentence_alone_when_a_token_runs_over_its_edge():
    from doclint.families.naming.words import prose_words

    class Doc:  # a sentence split inside "Node.js" and one starting inside "Homebrew"
        text = masked = "Run Node.js now. Homebrew too."
        block = dataclasses.make_dataclass("Block", ["kind"])("paragraph")
        sentences = [dataclasses.make_dataclass("S", ["start", "end", "block"])(0, 8, block),
                     dataclasses.make_dataclass("S", ["start", "end", "block"])(8, 16, block),
                     dataclasses.make_dataclass("S", ["start", "end", "block"])(20, 30, block)]

    words = prose_words(Doc())
    assert list(zip(words.texts, words.starts)) == [("Run", 0), ("Node", 4), ("js", 9), ("now", 12),
                                                    ("ebrew", 20), ("too", 26)]
    assert words.inner == [False, True, False, True, False, True]


def test_joining_pairs_fold_a_final_sigma():
    # lower() makes a capital sigma final at a word's end only: "ΛΟΓΟΣ" + "Net" is one key.
    from doclint.families.naming.variantcollect import _fold

    assert ("ΛΟΓΟΣ" + "Net").lower() != "ΛΟΓΟΣ".lower() + "net"
    assert _fold("ΛΟΓΟΣ" + "Net") == _fold("ΛΟΓΟΣ") + _fold("Net")


def test_sentence_definitions_match_every_sentence_read_alone():
    from doclint.families.naming.acronyms import find_definitions, sentence_definitions

    text = ("AGM: Annual General Meeting of the members.\n\nThe Project Leadership Committee "
            "(PLC) meets monthly. The PLC (Project Leadership Committee) decides. No acronym "
            "here (really). KDF - Key Derivation Function.\n")
    doc = document_from_text("doc.txt", text)
    expected = [(s, find_definitions(doc.masked, s.start, s.end)) for s in doc.sentences]
    assert sentence_definitions(doc) == [(s, found) for s, found in expected if found]
    assert [d.short for _, found in sentence_definitions(doc) for d in found] == ["AGM", "PLC", "PLC", "KDF"]


def test_prose_words_of_a_document_without_words():
    from doclint.families.naming.words import prose_words

    for text in ("", "```\ncode only\n```\n", "42 -- 7\n"):
        words = prose_words(document_from_text("doc.md", text, "markdown"))
        assert (words.texts, words.starts, words.inner, words.cased, words.capital_pairs) == ([], [], [], [], [])


def test_split_with_ascii_stand_ins_cuts_like_the_token_pattern():
    from doclint.families.naming.words import _PIECES, _split

    for text in ("Run Node.js on the U.S. servers, not e-mail.",
                 "Café au lait: naïve Zürich-based résumé² and the É.U. office \u2014 “quoted” ½ ٣x.",
                 "ΟΔΟΣ and Δρόμος, 漢字 and x\u0301y and İstanbul \U0001F600 ok.",
                 "plain ascii only", ""):
        pieces, spots = _split(text)
        tokens, position = [], 0
        for k, piece in enumerate(pieces):
            if k % 2:
                tokens.append(text[position:position + len(piece)])
                assert piece == tokens[-1] or any(position <= s < position + len(piece) for s in spots)
            position += len(piece)
        assert tokens == _PIECES.split(text)[1::2]
        assert [len(p) for p in pieces] == [len(p) for p in _PIECES.split(text)]


def test_a_sentence_initial_word_is_no_neighbour_of_a_name(lint_text):
    # "Because" is capitalised by the sentence, not part of a name beside "Pytthon".
    text = ("Write a Python application with plugins. Because Pytthon packages ship apart, "
            "each Python Package can be found later, and Python tools load them.\n")
    assert [f.snippet for f in lint_text(text, "DL403")] == ["Pytthon"]
    # A word the document also writes in lower case is capitalised by the sentence too.
    text = ("Write a Python application with plugins. Several Pytthon packages ship apart; "
            "several Python Package tools load them, and Python checks run.\n")
    assert [f.snippet for f in lint_text(text, "DL403")] == ["Pytthon"]


def test_first_names_in_a_list_of_people_still_tell_people_apart(lint_text):
    text = ("Thanks to our supporters:\n\n- Mark Mayer\n- Hans Maier\n- Grace Hopper\n"
            "- Mark Mayer and Grace Hopper again\n")
    assert lint_text(text, "DL403", fmt="markdown", name="thanks.md") == []


def test_plural_neighbours_are_the_same_name(lint_text):
    text = ("Patches go to the Release Manager first. Later the Release Manager signs them, "
            "and the Releasse Managers decide on the date.\n")
    assert [f.snippet for f in lint_text(text, "DL403")] == ["Releasse"]


def test_on_a_tie_the_acronym_capitals_win(lint_text):
    text = ("The record must be serializable to Json for the index. The following JSON schema "
            "can check it.\n")
    found = lint_text(text, "DL401")
    assert [f.snippet for f in found] == ["Json"]


def test_a_stray_capital_beside_a_keyword_in_capitals(lint_text):
    text = ("The name and version MUST match the file name. The strings Must contain valid "
            "patterns, and the field MUST be set.\n")
    assert [f.snippet for f in lint_text(text, "DL401")] == ["Must"]
    # A capitalised word inside a name beside its shouted copy stays quiet.
    text = ("He gave the Farewell Address in 1796. THE ADDRESS WAS PRINTED, and the ADDRESS "
            "was read aloud.\n")
    assert lint_text(text, "DL401") == []


def test_a_month_before_a_year_is_no_stray_capital(lint_text):
    text = ("Approved in May 2026. Tools MAY cache the file, and servers MAY refuse it.\n")
    assert lint_text(text, "DL401") == []


def test_cross_reference_titles_are_mentions(lint_text):
    text = ("virtualenv creates isolated Python :term:`Virtual Environments <venv>` for you. "
            "Tools make virtual environments fast, and virtual environments stay small. "
            "See also :term:`Virtual Environments <venv>`.\n")
    assert lint_text(text, "DL401", fmt="rst", name="tools.rst") == []


def test_handles_and_foreign_cousins_are_not_misspellings(lint_text):
    text = ("Thanks to @JohnSmith for the review. John Smith and @Johnsmith also fixed the "
            "build, and JohnSmith's notes are in the wiki.\n")
    assert lint_text(text, "DL401") == []
    text = ("The Direktor of the Berlin office met the Director of the London office. The "
            "Director signed, and the Director left. Stefan Weber and Stephan Kraus joined.\n")
    assert lint_text(text, "DL403") == []


def test_the_case_check_of_one_document_collects_only_what_can_clash():
    from doclint.families.naming.variantcollect import NEAR, collect

    text = ("Ask the Release Manager first. The Release Manager signs the tags. Later the "
            "Prime Minister spoke, and the prime minister left. Every OpenSSL call and "
            "each OpenSsl call is logged by Jane Doe.\n")
    doc = document_from_text("doc.md", text, "markdown")
    mine = collect(doc, "case", 4, corpus=False)
    assert "prime minister" in mine and "openssl" in mine
    assert set(mine["openssl"]) == {"OpenSSL", "OpenSsl"}
    # Written one way only here: it can clash only with another document's spelling.
    assert "release manager" not in mine and NEAR + "Jane" not in mine
    travelling = collect(doc, "case", 4, corpus=True)
    assert "release manager" in travelling and NEAR + "Jane" in travelling


def test_the_spelling_check_of_one_document_collects_only_names_with_a_possible_rival():
    from doclint.families.naming.variantcollect import MID, collect

    text = ("Hizbullah fighters crossed the border. Hezbollah denied it, and Hezbollah "
            "officials met Ambassador Peterson in Geneva on Monday.\n")
    doc = document_from_text("doc.md", text, "markdown")
    mine = collect(doc, "spelling", 5, corpus=False)
    assert {"Hizbullah", "Hezbollah", MID + "Hezbollah"} <= set(mine)
    # No other name here starts with its letter and ends with its last one.
    assert "Geneva" not in mine and "Peterson" not in mine
    assert "Geneva" in collect(doc, "spelling", 5, corpus=True)
