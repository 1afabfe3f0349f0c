"""The claim rules skip work that cannot change a report: each shortcut gives what the
full reading gives, and is taken where it should be."""
from __future__ import annotations

import random

import pytest

from doclint.families.claims import cues as cc
from doclint.families.claims.text import _CUT, cut_ends


def full_scan(text: str) -> list[int]:
    return [m.end() for m in _CUT.finditer(text)]


@pytest.mark.parametrize("text", [
    "The dam burst.[3] Critics said the warnings were ignored.[4][5] Nobody resigned.",
    "It rained.\"[7] Then it stopped!Then it rained? Again.The end.",
    # A terminator inside a marker cuts nothing of its own: one scan skips over it.
    "The harbour silted up![see p.Smith] Trade moved south.",
    "Was it sold?[cf. p.Smith and p.Jones] Nobody knows.",
    "Was it sold?[who?] Nobody knows.[a] [b] It was.",
    "Version 2.0 shipped in 2023.At the end of the year, 3.1 followed.",
    "",
])
def test_cuts_per_terminator_are_those_of_one_scan(text):
    assert cut_ends(text) == full_scan(text)


def test_cuts_match_one_scan_on_random_text():
    rng = random.Random(7)
    pieces = [".", "!", "?", "[", "]", " ", "\"", "\u201d", ")", "a", "Z", "b", "9", "\n",
              "[12]", "[see p.Smith]", "[who?]", "p.Sm", ".\"[3]", "x.Ya"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert cut_ends(text) == full_scan(text), repr(text)


def reads(lint_text, monkeypatch, text: str) -> tuple[list[str], int]:
    """The DL301 findings' cues on `text`, and how many subjects were read."""
    calls = []
    real = cc.subject_before

    def spy(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(cc, "subject_before", spy)
    return [f.message for f in lint_text(text, "DL301")], len(calls)


def test_an_evidence_verb_without_its_complement_and_no_evidence_noun_is_not_read(lint_text, monkeypatch):
    # "shows" lacks a that-clause and nothing before it is unnamed evidence: no reading
    # of its subject can report it.
    found, read = reads(lint_text, monkeypatch, "The second table shows a sharp rise in rents.")
    assert (found, read) == ([], 0)


def test_an_evidence_verb_after_an_evidence_noun_is_still_read(lint_text, monkeypatch):
    found, read = reads(lint_text, monkeypatch, "Data indicate a sharp rise in rents.")
    assert read == 1
    assert len(found) == 1 and "Data indicate" in found[0]


def subjects_read(lint_text, monkeypatch, text: str) -> list[str]:
    """The verbs whose subjects DL301 read on `text` (by the text that follows them)."""
    read = []
    real = cc.subject_before

    def spy(masked, sent_start, pos, *args, **kwargs):
        read.append(masked[pos:pos + 12].split()[0])
        return real(masked, sent_start, pos, *args, **kwargs)

    monkeypatch.setattr(cc, "subject_before", spy)
    lint_text(text, "DL301")
    return read


def test_a_subject_without_a_word_for_a_source_is_not_read_where_no_source_is_in_play(lint_text, monkeypatch):
    # Nothing before "said" can head a vague source, and no source is in play: only a
    # vague reading could change a report, and none is possible.
    assert subjects_read(lint_text, monkeypatch, "The committee said on Monday that the budget was fair.") == []


def test_the_same_subject_is_read_where_a_source_is_in_play(lint_text, monkeypatch):
    # After a vague source, the sentence may end it ("The committee" names no one, but
    # a named subject would): every reading counts, so the subject is read.
    text = "Critics said the budget was unfair. The committee said on Monday that the budget was fair."
    assert subjects_read(lint_text, monkeypatch, text) == ["said", "said"]


def test_a_subject_with_a_word_for_a_source_is_read(lint_text, monkeypatch):
    text = "Several board members said on Monday that the budget was unfair."
    assert subjects_read(lint_text, monkeypatch, text) == ["said"]
    assert len(lint_text(text, "DL301")) == 1


_VOCABULARY = ("the a an one two some many several most few critics analysts officials experts people fans "
               "members residents farmers economists historian archivist teacher reporter director "
               "Smith Reuters BBC local retired senior former Western American Americans board city state "
               "council committee report study studies data survey they he she it its their our "
               "also have had long privately however , and of at from in").split()


def test_head_words_find_every_phrase_classify_reads_as_vague_or_an_anaphor(all_rules):
    # The search that lets a subject go unread must never miss a phrase that would read
    # as vague or as an anaphor, in either tense.
    reader = next(r for r in all_rules if r.id == "DL301").options.reader
    rng = random.Random(11)
    seen = 0
    for _ in range(4000):
        text = " ".join(rng.choice(_VOCABULARY) for _ in range(rng.randint(1, 7)))
        toks = cc.words(text, 0, len(text))
        for past in (False, True):
            phrase = cc.classify(toks, reader.lexicon, 0, strong=True, past=past)
            if phrase.kind in ("vague", "anaphor"):
                seen += 1
                assert reader.head_words.held(text.casefold(), 0, len(text), past), (text, past)
    assert seen > 1000  # the vocabulary makes such phrases often


def test_verb_hits_leave_out_a_capitalised_verb_inside_its_sentence(all_rules):
    from doclint.api import document_from_text
    from doclint.families.claims.prefilter import shared_trigger
    from doclint.families.claims.verbhits import verb_hits
    from doclint.families.claims.text import ClaimText

    reader = next(r for r in all_rules if r.id == "DL301").options.reader
    doc = document_from_text("a.txt", "Delegates of the Southern States Said little. Said the clerk: no.\n", "text")
    ct = ClaimText.of(doc)
    every = [(i, m.start()) for i, m in verb_hits(reader, ct, shared_trigger())]
    kept = [(i, m.start()) for i, m in verb_hits(reader, ct, shared_trigger(), doc.masked)]
    assert every == [(0, 26), (0, 33), (1, 46)]  # "States" and "Said"
    # The first two are names (they report nothing whatever surrounds them); the last opens its sentence.
    assert kept == [(1, 46)]
    assert all(reader.reports_nothing(doc.masked, ct.sentences[i], m)
               for i, m in verb_hits(reader, ct, shared_trigger()) if (i, m.start()) not in kept)


def citation_questions(lint_text, monkeypatch, text: str) -> tuple[list[str], list[str]]:
    """DL301's findings on `text`, and the sentences (their first word) asked whether they cite."""
    from doclint.families.claims.citations import Citations

    asked = []
    real = Citations.__call__

    def spy(self, doc, start, end):
        asked.append(doc.text[start:end].split()[0])
        return real(self, doc, start, end)

    monkeypatch.setattr(Citations, "__call__", spy)
    found = [f.message.split("'")[1] for f in lint_text(text, "DL301")]
    return found, asked


_CITING = ("Critics said the plan would fail (Smith, 2019). The committee said on Monday that it "
           "would vote. Observers noted that the vote was close.")


def test_without_brackets_only_a_reading_that_would_be_kept_asks_whether_its_sentence_cites(lint_text, monkeypatch):
    found, asked = citation_questions(lint_text, monkeypatch, _CITING)
    assert found == ["Observers noted"]  # the first is cited, the second names no one vaguely
    assert "The" not in asked  # "The committee said" is read as nothing: whether it cites never matters
    assert asked[:2] == ["Critics", "Observers"]


def test_with_brackets_a_sentence_holding_one_is_asked_first_and_finds_the_same(lint_text, monkeypatch):
    # A "[" in the document: the sentence with one is asked before its verbs are read
    # (its reading, nothing, would not have asked); the others only of a kept reading.
    text = ("Our council said on Friday that it had voted. Critics said the plan would fail (Smith, "
            "2019). The committee said on Monday that it would vote (see [the minutes](minutes.md)). "
            "Observers noted that the vote was close.")
    found, asked = citation_questions(lint_text, monkeypatch, text)
    assert found == ["Observers noted"]
    assert asked[:3] == ["Critics", "The", "Observers"]
    assert "Our" not in asked  # no "[" in it, and read as nothing: whether it cites never matters


def test_a_sharp_s_keeps_the_folded_text_aligned():
    from doclint.families.claims.prefilter import lowered

    assert lowered("Die Stra\u00dfe, said Critics") == ("die stra\u00dfe, said critics", True, False)
    assert lowered("STRA\u1e9eE") == ("stra\u00dfe", True, False)
    assert lowered("Critics said") == ("critics said", True, True)
    assert lowered("Die Stra\u00dfe \ufb01nds")[1] is False  # a ligature still folds to two letters


_SHARP = ("The meeting was held in the Stra\u00dfenbahnhalle. Critics said the plan was a failure. "
          "The local officers tell us that the road will close. It is widely believed that the "
          "mayor knew. Several board members told reporters that the vote had been rigged. "
          "They also said that the audit was late. Schlie\u00dflich the council voted.")


def test_a_document_with_a_sharp_s_finds_what_a_full_scan_finds(lint_text, monkeypatch):
    # Such a document gets the pre-filters now; before, its folded text was longer than
    # it and every cue and verb was scanned for in full. The findings are the same.
    from doclint.families.claims import prefilter, text

    ids = ("DL301", "DL302", "DL303", "DL304")
    filtered = [(f.rule_id, f.line, f.column, f.message) for rule in ids for f in lint_text(_SHARP, rule)]

    def unaligned(masked: str):
        return masked.casefold(), False, True  # as before: offsets off, no pre-filter

    monkeypatch.setattr(text, "lowered", unaligned)
    full = [(f.rule_id, f.line, f.column, f.message) for rule in ids for f in lint_text(_SHARP, rule)]
    assert filtered == full
    assert {"DL301", "DL303"} <= {rule for rule, *_ in filtered}
    assert prefilter.lowered(_SHARP)[1]


_VERB_TEXT = ("Critics said that the plan failed. The state held. Officials noted, however, that "
              "it rained. Data linked the outbreak to the dam. The study showed a rise. Reports "
              "indicate that rents rose. The Southern States Said little. He held a view that it "
              "was \"fine\". They added: no. Residents noted as well the cost. The judge held "
              "court. Experts linked rents with wages. Fans put the cost at $3m. Data indicate a "
              "sharp rise. The state of the art.")


def test_reporting_hits_are_the_verb_hits_reports_nothing_lets_through(all_rules):
    # The one walk over the trigger hits drops what `reports_nothing` drops, no more.
    from doclint.api import document_from_text
    from doclint.families.claims.prefilter import shared_trigger
    from doclint.families.claims.verbhits import reporting_hits, verb_hits
    from doclint.families.claims.text import ClaimText

    reader = next(r for r in all_rules if r.id == "DL301").options.reader
    rng = random.Random(5)
    words = _VERB_TEXT.replace(".", " .").split()
    texts = [_VERB_TEXT] + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    dropped = kept = 0
    for text in texts:
        doc = document_from_text("a.txt", text + "\n", "text")
        ct = ClaimText.of(doc)
        assert ct.lower_ok
        slow = [(i, m.start(), m.group()) for i, m in verb_hits(reader, ct, shared_trigger())
                if not reader.reports_nothing(doc.masked, ct.sentences[i], m)]
        fast = [(i, m.start(), m.group()) for i, m in reporting_hits(reader, ct, shared_trigger(), doc.masked)]
        assert fast == slow, text
        kept += len(fast)
        dropped += len(list(verb_hits(reader, ct, shared_trigger()))) - len(fast)
    assert kept > 500 and dropped > 500  # both ways are taken often


def test_case_folded_text_matches_ascii_as_ignorecase_does():
    # A search of lower-case ASCII in the case-folded text (where its offsets hold) finds
    # the places a case-insensitive search of the original finds: every character that
    # `re.IGNORECASE` takes for an ASCII character folds to it, and only those.
    import re
    import sys

    from doclint.families.claims.prefilter import lowered

    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    folded = []
    for c in chars:
        low, same, _ = lowered(c)
        folded.append(low if same else None)  # a character that folds to two turns the search off
    text = "".join(chars)
    for code in range(0x20, 0x7F):
        x = chr(code).lower()
        if x != chr(code):
            continue
        found = {m.start() for m in re.finditer(re.escape(x), text, re.I)}
        assert {k for k in found if folded[k] is not None} == {k for k, low in enumerate(folded) if low == x}, x


def test_evidence_nouns_are_found_in_the_folded_text_where_the_text_has_them(all_rules):
    from doclint.families.claims.prefilter import lowered

    reader = next(r for r in all_rules if r.id == "DL301").options.reader
    assert reader.evidence_folded is not None
    rng = random.Random(9)
    pieces = ["Data", "DATA", "data", "stud", "ies", "Stud", "IES", "poll", "\u017furvey", "survey",
              "S\u0131x", "\u212a", "findings", "FINDINGS", "Estimates", " ", "-", ",", "x", "\u00df", "a"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        low, same, _ = lowered(text)
        if not same:
            continue
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert reader._may_report_bare(text, start, end, "weak", False, low) \
            == reader._may_report_bare(text, start, end, "weak", False), (text, start, end)


@pytest.mark.parametrize("window", [None, 1, 2, 3, 5, 4096])
def test_anchored_finds_what_a_scan_finds(window):
    import re

    import regex

    from doclint.families.claims.prefilter import anchored, lowered

    rng = random.Random(4)
    patterns = [(re.compile(r"(?<![\w\]])\[\d+\]|<ref\b|\{\{\s*[Cc]it"), ("[", "<ref", "{{")),
                (re.compile(r"\bit\s+is\s+(?:said|thought)\b", re.I), ("it",)),
                (regex.compile(r"\b(?:is|was)\s+(?:\w+ly\s+)?seen\s+as\b", regex.I), ("is", "was")),
                (re.compile(r"\[\^\w+\]|\[\d+\]"), ("[^", "["))]  # two leads at one place
    pieces = ["[12]", "[", "]", "x[3]", "<ref>", "<references", "{{cite", "{{ Cit", "{{", " ", "it",
              "It", "with", " is ", " was ", "said", "thought", "seen", " as", "widely ", "Is", "[^1]", "[^"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        low = lowered(text)[0]
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for part, leads in patterns:
            timed = isinstance(part, regex.Pattern)
            found = [m.span() for m in anchored(part, timed, leads, text, low, start, end, 1.0, window)]
            assert found == [m.span() for m in part.finditer(text, start, end)], (text, part.pattern)


def _quote_spans_per_block(doc):
    """Quotations as found before: every block scanned from its first opening mark."""
    from bisect import bisect_left

    from doclint.families.claims.text import _OPENERS, _QUOTES, _marks

    spans = []
    opens = _marks(doc.text, _OPENERS)
    for block in doc.blocks:
        k = bisect_left(opens, block.start)
        if k == len(opens) or opens[k] >= block.end:
            continue
        for m in _QUOTES.finditer(doc.text, opens[k], block.end):
            if m.group()[0] == "\u2018" and m.start() > 0 and doc.text[m.start() - 1].isalnum():
                continue
            spans.append((m.start(), m.end()))
    return spans


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_quotations_tried_at_their_marks_are_those_of_a_scan_per_block(fmt):
    from doclint.api import document_from_text
    from doclint.families.claims.text import quote_spans

    rng = random.Random(12 if fmt == "text" else 13)
    pieces = ["\"", "\u201c", "\u201d", "\u2018", "\u2019", "it\u2019s", "a\u2018b", " ", "word", "\n",
              "\n\n", "\n\n# Title \"x\"\n\n", "\n- item \"", "\n\n```\n\"code\"\n```\n\n", "`\"`", ".",
              "\u2018quoted\u2019 ", "\u201chalf"]
    seen = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        doc = document_from_text("a.md" if fmt == "markdown" else "a.txt", text, fmt)
        found = quote_spans(doc)
        assert found == _quote_spans_per_block(doc), repr(text)
        seen += len(found)
    assert seen > 1000


_CITED_TEXT = ["Critics said the plan failed.", "Critics said the plan failed.[3]", "They added that it cost more.",
               "They added that it cost more.[4]", "Some experts argue that rents will rise (Smith, 2019).",
               "Officials said [citation needed] that it rained.", "The mayor said the budget was fair.",
               "Analysts expect a rise in rents. See https://example.org for more.", "It rained.",
               "A survey suggests that voters are unhappy.[a]", "He said that it was fine.",
               "Fans praised the band.[^1]", "The sources continued that the rebels were near."]


@pytest.mark.parametrize("ask", ["first", "late"])
def test_asking_whether_a_sentence_cites_first_or_late_finds_the_same(all_rules, monkeypatch, ask):
    # Where a sentence is asked whether it cites, before its verbs are read or only of a
    # reading that would be kept, changes no status of any sentence.
    from doclint.api import document_from_text
    from doclint.families.claims.kinds import AttributionKind
    from doclint.families.claims.text import ClaimText
    from doclint.registry import KINDS

    rule = next(r for r in all_rules if r.id == "DL301")
    rng = random.Random(21)
    texts = [" ".join(rng.choice(_CITED_TEXT) for _ in range(rng.randint(1, 12))) for _ in range(300)]
    kind = KINDS[rule.kind](rule)

    def analyse(text):
        doc = document_from_text("a.txt", text + "\n", "text")
        return kind._analyse(doc, ClaimText.of(doc))

    chosen = [analyse(t) for t in texts]
    monkeypatch.setattr(AttributionKind, "_ask_first", staticmethod(lambda text, start, end: ask == "first"))
    assert [analyse(t) for t in texts] == chosen
    assert sum(len(found) for found in chosen) > 1000


_CARRIED = ["Informed sources speaking on condition of anonymity said the rebels were regrouping.",
            "The sources continued that most of their weapons came from abroad.",
            "They also asserted that the army was doing nothing to stop them.",
            "Ms Hewitt told the BBC that the plan was unworkable.", "She added that the council had not consulted residents.",
            "Critics said the plan failed.[3]", "It rained.", "Some experts argue that rents will rise.",
            "He said that it was fine."]


def test_vague_and_carried_sources_reported_together_are_those_reported_apart(all_rules):
    # DL301 and DL303 share one walk over a document's statuses: run together, each
    # reports what it reports alone.
    import dataclasses

    from doclint.api import document_from_text, lint_documents

    rules = {r.id: dataclasses.replace(r, enabled=True) for r in all_rules if r.id in ("DL301", "DL303")}
    rng = random.Random(17)
    texts = [" ".join(rng.choice(_CARRIED) for _ in range(rng.randint(1, 10))) for _ in range(200)]

    def findings(rule_list):
        out = []
        for n, text in enumerate(texts):
            found = lint_documents([document_from_text(f"d{n}.txt", text + "\n", "text")], rule_list).findings
            out += [(f.path, f.rule_id, f.line, f.column, f.end_column, f.message,
                     [(r.line, r.column) for r in f.related]) for f in found]
        return sorted(out)

    together = findings([rules["DL301"], rules["DL303"]])
    apart = findings([rules["DL301"]]) + findings([rules["DL303"]])
    assert together == sorted(apart)
    assert {"DL301", "DL303"} <= {rule for _, rule, *_ in together}
    assert sum(rule == "DL303" for _, rule, *_ in together) > 50


_CUE_WORDS = ("it is was has been widely often believed thought said reported claimed alleged to be have "
              "that who there are were those some many people say argue considered one of the most "
              "greatest finest regarded as seen viewed speculation grew reports rumours of about "
              "allegedly reportedly according sources close anonymity on condition beautiful "
              "made argument claim is well known we all know . , \n\n").split(" ")


def test_runs_not_searched_for_the_words_they_were_found_by_give_the_same_matches(all_rules, monkeypatch):
    # A run of candidate sentences holds a word of the set it was found by: that set is
    # not searched for again. Searching for it too finds the same matches.
    from doclint.api import document_from_text
    from doclint.families.claims.text import ClaimText, cue_matches

    by_id = {r.id: r for r in all_rules}
    sets = [by_id["DL301"].options.cues, by_id["DL302"].options.all_cues, by_id["DL304"].options.all_cues]
    rng = random.Random(23)
    texts = [" ".join(rng.choice(_CUE_WORDS) for _ in range(rng.randint(1, 60))) for _ in range(400)]

    def matches():
        out = []
        for text in texts:
            doc = document_from_text("a.txt", text + "\n", "text")
            ct = ClaimText.of(doc)
            out.append([[m.span() for m in cue_matches(cues, doc, ct, 1.0)] for cues in sets])
        return out

    found = matches()
    for cues in sets:
        assert cues.run_required != cues.required  # something is left out
        monkeypatch.setattr(cues, "run_required", cues.required)
    assert matches() == found
    assert sum(len(m) for per_text in found for m in per_text) > 300
