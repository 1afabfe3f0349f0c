"""The grammar of attribution: who is the source, in any tense and voice, and when is it named."""
from __future__ import annotations

import re

import pytest

from doclint.api import document_from_text
from doclint.core.textmatch import compile_alternation
from doclint.families.claims.prefilter import CueSet, held_phrases, phrase_words
from doclint.families.claims.regexread import leading_words, required_marks, required_sets, required_words
from doclint.families.claims.text import ClaimText, cue_matchers
from doclint.families.claims.verbs import expand, forms, particles

CLAIM_RULES = ("DL301", "DL302", "DL303", "DL304")


def rule_ids(lint_text, text: str) -> list[str]:
    found = []
    for rule in CLAIM_RULES:
        found += [f.rule_id for f in lint_text(text, rule)]
    return sorted(found)


@pytest.mark.parametrize("text", [
    # Quantified or indefinite sources.
    "Several board members told reporters that the vote had been rigged.",
    "One local archivist said the ledger was a forgery.",
    "A few commentators called it the worst budget in a decade.",
    "Two former employees alleged that the audits were falsified.",
    "A number of fans complained that the tickets sold out within minutes.",
    "Many in the party privately questioned whether the plan could work.",
    # Bare plural or collective sources, any reporting verb.
    "Analysts expect the bank to cut rates again in June.",
    "Reports show that the minister knew of the payments.",
    "According to some, the plan had failed long before the vote.",
    "Critics point out that the bridge was never inspected.",
    "The video of the speech was widely seen as a snub.",
    "Critics most often said the bridge was unsafe.",
    "Insurers estimate the damage at more than $2 billion.",
    "Observers noted that turnout was unusually low.",
    "Fans praised the new kit as a return to form.",
    "Popular blogs claimed the recall was a cover-up.",
    "Skeptics dismissed the findings as a fluke.",
    "Commentators have compared the campaign to that of 1968.",
    # Passives: a vague agent, or none at all.
    "The album was applauded by reviewers for its production.",
    "The project was labelled a failure by some.",
    "The striker has been tipped for a move to Madrid.",
    "The decision was widely criticised.",
    "The film was panned on release.",
    "The move was seen as a snub to the president.",
    "Halloween night in the town has been termed the Mardi Gras of the Pacific.",
    # Talk and evidence with nobody behind them.
    "Speculation grew that the minister would resign.",
    "Rumours circulated that the club was for sale.",
    "There were reports that the convoy had been attacked.",
    "Regional papers ran pieces saying that the mine would close.",
    "Data indicate a sharp rise in rents.",
    "Initial accounts suggested that the pilot had lost control.",
    "The film received mixed reviews, with critics praising the score.",
    "The plan drew protests, with many claiming that it favoured the rich.",
    "The claims were disputed by historians.",
    "Many fans felt the ending was rushed.",
    "Allegations surfaced that the referee had been bribed.",
    "Environmental groups warned that the pipeline would leak.",
    "Studies have linked the chemical to cancer.",
    "The goalkeeper was blamed for the defeat.",
])
def test_vague_sources_in_any_form_are_reported(lint_text, text):
    assert [f.rule_id for f in lint_text(text, "DL301")] == ["DL301"]


@pytest.mark.parametrize("text", [
    # A verb that needs its particle after the object: link ... to, attribute ... to.
    "Critics linked the outbreak to the new factory.",
    "Some scholars attribute the poem to a later author.",
    "Biographers portray him as a lonely man.",
    "Some sources speak of a second bishop, while others mention only one.",
    "Initial estimates put the damage at $3 billion.",
    "Some members of the community expressed concern that the school would close.",
    "Tradition holds that the church was founded by a saint.",
    # The source as a noun phrase after a judgement, or a judgement nobody holds.
    "The album drew praise from several critics for its arrangements.",
    "The law faced criticism from some lawmakers.",
    "The move drew condemnation from human rights groups.",
    "A particular focus of praise from some reviews was the score.",
    "The show received negative reviews from critics.",
    "Her performance earned widespread acclaim.",
    # Indefinite people in the past tense, -ing clauses, generic definites.
    "One retired teacher said the school had been neglected for years.",
    "Some fans were disappointed, saying the show was too long.",
    "Cutting more police will not help, and the local officers tell us why every week.",
    "Critics noted, however, that the bridge was never finished.",
    # Present-tense tips, perfect comparisons, talk with no speaker.
    "The team is tipped to win the league.",
    "The singer has been compared to a young Dylan.",
    "There has been speculation that the mayor will run again.",
    "Theories abound that the letter was forged.",
    "Local newspapers ran stories alleging corruption at the port.",
    "Locals were quoted as saying the water was unsafe.",
    "Several reports have since suggested that the fire was arson.",
    "Social media posts claimed that the dam had burst.",
])
def test_sources_read_by_their_grammar_are_reported(lint_text, text):
    assert [f.rule_id for f in lint_text(text, "DL301")] == ["DL301"]


@pytest.mark.parametrize("text", [
    # The same grammar in manuals: things, not people, and nouns that look like verbs.
    "This change silences warnings from older compilers.",
    "Other parsers mention this behaviour in their docs.",
    "Some loggers put the timestamp at the end of the line.",
    "The speakers speak of their work at the conference each year.",
    "The script links each page to its parent.",
    "If the page is moved, relative links continue to work.",
    "Other behavior deemed unprofessional is not allowed.",
    "Raw pointers are written as `*const T` or `*mut T`.",
    "Triggers all pending mocked timers immediately.",
    "That is an easy way to start using scripts written by others.",
    "Markers in the text tell where folds start and end.",
    "Two lists are considered equal if they have the same length.",
    "The module can be used to extract data from text reports with complicated format.",
    "Calling this only flushes data from the internal state, and does not flush the stream.",
    "Old headers are supported. Newer headers continue to be supported as well.",
    "Collaborators indicate that they have reviewed the changes with an approval.",
    "If you want to fix the open reports consider requesting access to the project.",
    "The tribunal settled the matters of dispute within a month.",
    "Fear seems to exist among the people of the Southern States that their peace is in danger.",
    "In this way the victims of disaster are given hope.",
    "You will receive warnings when a file is missing.",
    "Pull requests drew complaints from users about the new layout.",
    # Named holders of a judgement, and a definite group introduced before.
    "It drew criticism from Linus Torvalds on the mailing list.",
    "The plan attracted criticism from Greenpeace.",
    "Officers from the county patrol the park. The officers say it is quiet at night.",
])
def test_grammar_of_new_sources_spares_manuals_and_named_holders(lint_text, text):
    assert rule_ids(lint_text, text) == []


@pytest.mark.parametrize("text", [
    # Preconditions and the author's own analysis.
    "It is assumed that the database is already configured.",
    "In this section it is assumed that callers hold the lock.",
    "A read-only transaction can be viewed as a special case of a snapshot.",
    "The old interface could be considered obsolete once the new API ships.",
    "In this way, the engine and its pool can be said to have a lazy initialization behavior.",
    "At the moment, our two objects are said to be in a state called transient.",
    "The operator renders the SQL for x IS y, most often seen as an IS NULL test.",
    "URLs such as /howdy/amy/smith assign amy to first. We can then use this data in our view:",
    "Decode at the boundaries: utf-8 should be generally considered the default encoding.",
    # A program's reports, a noun before a modal or after a determiner, an occurrence.
    "HTML reports show modules from other directories.",
    "Reports show the number of partial branches, which are the lines executed in part.",
    "Since each source link must match up to a target, the variable needs no markup.",
    "Many lexers need multiple states to work as expected.",
    "The transition element is commonly seen in novels and short fiction.",
    # "data points" is a noun, and a pointer points to something.
    "For an example, let's say we have some data points that consist of a key and a value.",
    "The offset has been added, so that data points to the first element of the array.",
    # The writer's own hope.
    "To make a clone of the repository, press Fork. I hope everybody knows how to work with git nowadays.",
    # A condition, and "some" before a noun.
    "New algorithms are more likely to be included if they have been published and are cited by others.",
    "A new method masks the objects according to some criteria.",
    "The GET method is called in the test. An assertion is made that the returned page holds the title.",
    # Named sources, titles before names, and a name one sentence away.
    "Party chairman Anna Lee said the budget was fair.",
    "Voters are unhappy, a survey suggests. The Gallup poll of 2,000 voters found that 60% disapprove.",
    "Researchers say the drag is lower. Engineers at the Delft lab measured it in 2021.",
    "The module was criticised in PEP 594 as unmaintained.",
    # Manuals: the audience, objects, conditions and nouns that look like verbs.
    "Users expect the command to print nothing on success.",
    "This helps a reviewer confirm that your alias works.",
    "Being accepted as a core team member indicates that others trust your judgement.",
    "An exception is possible when clear evidence shows that the fork is widely used.",
    "We need to answer some questions about the design first.",
    "Many projects call this function at startup.",
    "Others never linked their accounts.",
    "The function is called once per request.",
    "Labels are either set by bots, or added by humans to trigger specific bot behaviors.",
    "Submitted formulae should be expected to be used by a large number of people.",
    "If this is too cumbersome, consider using raw pointers.",
    "Many culprits have been condemned to suffer death.",
    "There are many suggestions that have been made and rejected in the past.",
    "Investigators questioned the driver for two hours.",
    # Conditions, named holders and someone's own people.
    "If in any of the States the public security is thought to be threatened, the remedy is education.",
    "She will not be able to do so if it is understood that she never intends to act.",
    "It was recognized as the best means of settling disputes by the Forty-ninth Congress in 1886.",
    "In my judgment the paper currency is one of the greatest obstacles to recovery.",
    "Out of the collapse of a prosperity whose builders boasted their practicality came a new creed.",
    "A poll by a radio host found that 60% of respondents believed the plane was shot down.",
    "Users reporting bugs should include a traceback.",
    "Developers saying the API is slow should profile first.",
    "With the release of version 2, the plugin warns about deprecated options.",
    "The following example passes user data in a file called my_script.txt that holds a script.",
    "The people or organizations considered to be the authors of the project.",
    "Data links let a panel open another dashboard.",
])
def test_named_sources_and_manual_prose_are_not_reported(lint_text, text):
    assert rule_ids(lint_text, text) == []


@pytest.mark.parametrize("text", [
    # A definition: the term set apart in emphasis.
    "When a class subclasses another, it is said to *inherit* all of its behaviour.\n",
    "An object with a ``__parent__`` attribute is said\nto be *location-aware*.\n",
    # A study linked where it is mentioned.
    "Keep pull requests small. `Studies have shown`_ that review quality falls off as patches grow.\n\n"
    ".. _`Studies have shown`: https://example.org/review-study.pdf\n",
    # A survey's counted results.
    "We received 415 responses to the survey.\n\nAn overwhelming majority (>70%) of respondents indicated "
    "that they want an override.\n\nOver half of the respondents said that the new syntax was clearer.\n",
    # A study's subjects: their answers are its results.
    "We asked participants to describe their work.\n\nMost respondents suggested that the "
    "latest version is safer. Participants noted that pinning is slow.\n",
])
def test_definitions_links_and_counted_shares_in_rest_are_not_reported(lint_text, text):
    found = [f.rule_id for rule in CLAIM_RULES for f in lint_text(text, rule, fmt="rst", name="doc.rst")]
    assert found == []


def test_a_vague_source_in_rest_without_link_or_term_is_still_reported(lint_text):
    text = "Keep pull requests small. Studies have shown that review quality falls off as patches grow.\n"
    assert [f.rule_id for f in lint_text(text, "DL301", fmt="rst", name="doc.rst")] == ["DL301"]
    text = "The old mill is said to be haunted, and the tower is said to have been a prison.\n"
    assert [f.rule_id for f in lint_text(text, "DL301", fmt="rst", name="doc.rst")] == ["DL301"]


def test_he_after_a_plural_vague_source_is_someone_else(lint_text):
    text = "Critics said the plan was dead. But he said the cuts were painful."
    assert [f.line for f in lint_text(text, "DL303")] == []


def test_a_surname_named_since_the_source_ends_the_chain(lint_text):
    text = "A source said the plan was dead. Lee defended it on Monday. But he said the cuts hurt."
    assert lint_text(text, "DL303") == []


def test_he_carries_a_singular_vague_source(lint_text):
    text = "A source said the plan was dead. Later he said the cuts were painful."
    found = lint_text(text, "DL303")
    assert [f.rule_id for f in found] == ["DL303"]
    assert "he said" in found[0].message


REFERENCED = "The port was rebuilt in 1820.[1] A lighthouse followed in 1851.[2] Trade grew.[3]\n"


@pytest.mark.parametrize("sentence", [
    "The bay is the finest harbour on the whole coast.",
    "It is a beautiful modern city with soft sand and chalets.",
    "The cathedral is one of the most admired buildings in the region.",
])
def test_peacock_wording_in_a_referenced_article(lint_text, sentence):
    found = lint_text(REFERENCED + sentence, "DL304")
    assert [(f.rule_id, f.line) for f in found] == [("DL304", 2)]


@pytest.mark.parametrize("text", [
    "We have the greatest opportunity for progress of any people in history.",
    REFERENCED + "The bay is the finest harbour on the whole coast.[4]",
    REFERENCED + 'Critics called it "the finest harbour on the whole coast".',
])
def test_peacock_wording_needs_a_referenced_article_and_no_citation(lint_text, text):
    assert lint_text(text, "DL304") == []


@pytest.mark.parametrize("entry, expected", [
    ("argue", ["argue", "argues", "argued", "arguing"]),
    ("tell/told", ["tell", "tells", "told", "telling"]),
    ("dub", ["dub", "dubs", "dubbed", "dubbing"]),
    ("label", ["label", "labels", "labelled", "labeled", "labelling"]),
    ("deny", ["deny", "denies", "denied", "denying"]),
    ("criticise", ["criticise", "criticises", "criticised", "criticising"]),
    ("discuss", ["discuss", "discusses", "discussed", "discussing"]),
    ("labelled", ["labelled"]),
    ("speak/spoke/spoken ... of|about", ["speak", "speaks", "spoke", "spoken", "speaking"]),
])
def test_verb_forms(entry, expected):
    assert forms(entry) == expected


def test_particles_belong_to_every_form_of_their_verb():
    assert particles(["say/said", "link ... to|with"]) == {
        "link": ("to", "with"), "links": ("to", "with"), "linked": ("to", "with"), "linking": ("to", "with")}


def test_expand_keeps_each_form_once():
    assert expand(["say/said", "say/said", "hint"]) == ["say", "says", "said", "saying", "hint", "hints", "hinted", "hinting"]


@pytest.mark.parametrize("pattern, needed", [
    (r"\bit\s+(?:is|was)\s+(?:believed|thought)\s+that\b", {"believed", "thought"}),
    (r"\b(?:has|have)\s+been\s+labell?ed\s+as\b", {"label"}),
    (r"\bconsidered\s+one\s+of\b", {"considered"}),
    (r"\w+ly\s+said|\bnoted", {"said", "noted"}),
])
def test_required_words_are_read_from_the_regex(pattern, needed):
    assert required_words(pattern, re.IGNORECASE) == needed


@pytest.mark.parametrize("pattern", [r"\w+ly\s+\w+|\bnoted", r"(?:a|b)\s+\w+", r"\bthe\s+\w+",
                                     r"\bstraße\b"])
def test_no_useful_word_means_no_prefilter(pattern):
    assert required_words(pattern, re.IGNORECASE) is None


def test_prefiltered_cues_find_what_a_full_scan_finds():
    text = ("The tower is said to be haunted. Shares rose 3% on Monday. It is believed that\n"
            "the chapel dates from 1150. The fund has been labelled as a failure. Nothing here.\n\n"
            "A graph is said to be connected if every pair is joined. Rumours aside, sales grew.")
    doc = document_from_text("doc.txt", text)
    patterns = [r"\b(?:said|believed)\s+to\s+be\b", r"\bit\s+is\s+believed\s+that\b",
                r"\bhas\s+been\s+labell?ed\s+as\b", r"\b\w+ly\s+grew\b"]
    matchers = [compile_alternation([], [p], True) for p in patterns]
    full = sorted((m.start(), m.end()) for matcher in matchers
                  for m in matcher.finditer(doc.masked, 0, len(doc.masked)))
    filtered = sorted((m.start(), m.end()) for m in CueSet(matchers).finditer(doc.masked, ClaimText.of(doc), 1.0))
    assert filtered == full
    assert len(full) == 4


@pytest.mark.parametrize("pattern, sets", [
    (r"\b(?:said|believed)\s+(?:(?:\w|-)+\s+){0,4}?to\s+(?:be|have)\b",
     [{"said", "believed"}, {"to"}, {"be", "have"}]),
    (r"(?<=\bwas\s)rumou?red\s+that\b", [{"rumo"}, {"red"}, {"that"}]),  # look-behinds need nothing
    (r"\bit\s+is(?:\s+widely)?\s+known", [{"it"}, {"is"}, {"known"}]),   # an optional group neither
    (r"\w+ly\s+\w+", [{"ly"}]),
    (r"(?:\w|-)+\s+\w+", []),
])
def test_required_sets_are_read_from_the_regex(pattern, sets):
    assert [set(s) for s in required_sets(pattern, re.IGNORECASE)] == sets


def test_a_run_lacking_a_word_every_match_needs_is_not_tried(monkeypatch):
    from doclint.families.claims import prefilter

    # Each sentence holds "said" (where a match would start); only the first holds
    # "to" and "be" as well.
    text = ("The tower is said to be haunted.\n\nShe said nothing at the meeting.\n\n"
            "Nobody said much; the vote was close.\n\nHe SAID that it was TO BE sold.")
    doc = document_from_text("doc.txt", text)
    matcher = compile_alternation([], [r"\bsaid\s+(?:(?:\w|-)+\s+){0,4}?to\s+(?:be|have)\b"], True)
    tried = []
    anchored = prefilter.anchored

    def spy(part, timed, leads, masked, low, start, end, timeout):
        tried.append(masked[start:end].split(".")[0])
        return anchored(part, timed, leads, masked, low, start, end, timeout)

    monkeypatch.setattr(prefilter, "_GAP", 0)  # one run per sentence, to see which are tried
    monkeypatch.setattr(prefilter, "anchored", spy)
    found = [m.group() for m in CueSet([matcher]).finditer(doc.masked, ClaimText.of(doc), 1.0)]
    full = [m.group() for m in matcher.finditer(doc.masked, 0, len(doc.masked))]
    assert found == full == ["said to be", "SAID that it was TO BE"]
    assert tried == ["The tower is said to be haunted", "He SAID that it was TO BE sold"]


def cue_scans(text: str, phrases: list[str]):
    """The document of `text`, the cue set of `phrases`, and the spans its pre-filtered
    scan finds beside those a full scan of its regex finds."""
    doc = document_from_text("doc.txt", text)
    cues = cue_matchers(phrases, ())
    found = [(m.start(), m.end()) for m in cues.finditer(doc.masked, ClaimText.of(doc), 1.0)]
    full = [(m.start(), m.end()) for m in cues.matchers[0].finditer(doc.masked, 0, len(doc.masked))]
    return doc, cues, found, full


def test_phrases_are_looked_for_only_where_a_word_they_need_was_hit():
    # "without a doubt" needs "without", "people say" needs "people", "it is widely
    # known" needs "widely": a run is searched only for the phrases whose word it holds.
    text = ("People gathered. Without a doubt the mill closed, the people say.\n\n"
            "The doubt remained without an answer for years. It is known that the mill closed.\n\n"
            "It is widely known that people say it was without doubt the best.")
    doc, cues, found, full = cue_scans(text, ["people say", "without a doubt", "it is widely known"])
    ct = ClaimText.of(doc)
    assert found == full
    assert [doc.masked[s:e] for s, e in found] == ["Without a doubt", "people say", "It is widely known", "people say"]
    from doclint.families.claims.prefilter import shared_trigger

    hits = ct.trigger_hits(*shared_trigger())
    second = doc.text.index("The doubt")
    second_end = doc.text.index("It is widely")
    assert cues._phrases_hit(0, hits, second, second_end) == [1]  # "without" only
    assert cues._phrases_hit(0, hits, second_end, len(doc.text)) == [0, 1, 2]


@pytest.mark.parametrize("pattern, leads", [
    (r"\b(?:said|believed|rumou?red)\s+to\s+be\b", {"said", "believed", "rumo"}),
    (r"(?<=\b(?:is|was)\s)(?:said|saw)\s+to", {"said", "saw"}),
    (r"\bit\s+is", {"it"}),
    (r"(?<![\w-])(?:according\s+to|reportedly)|\[who\?\]", {"according", "reportedly", "[who?]"}),
])
def test_leading_words_are_read_from_the_regex(pattern, leads):
    assert leading_words(pattern, re.IGNORECASE) == leads


@pytest.mark.parametrize("pattern", [r"\w+ly\s+said", r"(?:a|)said", r"(?:the\s+)?police", r"\bstra\u00dfe\b",
                                     r"[Ss]aid"])
def test_no_leading_word_means_a_scan(pattern):
    assert leading_words(pattern, re.IGNORECASE) is None


@pytest.mark.parametrize("pattern", [
    r"(?<=\bwas\s)said",               # a look-behind reads the text before the span
    r"\bsaid\s+(?:(?:\w|-)+\s+){0,2}?to\s+be\b",
    r"(?:said|aid)\s+\w+",              # one leading word inside another
    r"\bnoted(?:\s+\w+)*",             # a match runs on past the next place a lead stands
    r"(?<![\w-])said\s+\w+",           # a lead inside a word ("Unsaid") is no place to try
    r"(?<!\bwas\s)\bsaid\s+\w+",
])
def test_a_cue_tried_where_its_leading_words_stand_finds_what_a_scan_finds(pattern):
    from doclint.families.claims.prefilter import anchored, matcher_leads

    text = ("It was said to be haunted, she SAID; it was Said to be old. The aid was said noted\n"
            "noted once, said to be noted to be. Unsaid words were said by few to be true.")
    matcher = compile_alternation([], [pattern], True)
    part, timed, leads = matcher_leads(matcher)
    low = text.casefold()
    for start, end in [(0, len(text)), (7, 60), (12, len(text) - 5)]:
        scanned = [(m.start(), m.end()) for m in matcher.finditer(text, start, end)]
        tried = [(m.start(), m.end()) for m in anchored(part, timed, leads, text, low, start, end, 1.0)]
        assert tried == scanned
    assert scanned


@pytest.mark.parametrize("pattern, starts", [
    (r"\bsaid\s+to", True),
    (r"(?<![\w-])(?:said|told)\b", True),
    (r"(?<!\b(?:more|most)\s)\b(?:widely|generally)\s+held", True),
    (r"(?<=\bwas\s)said", False),      # a look-behind that is no boundary test
    (r"said\b", False),
    (r"\[who\?\]|\bsaid", False),      # a boundary in one alternative only
])
def test_a_regex_that_starts_a_word_is_read_as_such(pattern, starts):
    from doclint.families.claims.regexread import starts_a_word

    assert starts_a_word(pattern, re.IGNORECASE) is starts


def test_the_pre_filters_find_what_a_full_scan_finds_past_a_dotless_i():
    # `re` with IGNORECASE matches "ı" for "i"; the case-folded text the pre-filters
    # read must hold the same "i", or the cue is never tried there.
    text = ("The mill on the river closed in the spring.\n\n"
            "\u0131t is widely known that the mill was the oldest in the county.\n")
    _, _, found, full = cue_scans(text, ["it is widely known"])
    assert found == full and len(found) == 1


def test_phrases_run_only_where_all_their_words_stand_and_find_what_a_full_scan_finds():
    # "people" and "say" each stand in the first paragraph, never together in a sentence.
    text = ("The people met at noon. Some say it rained. Many PEOPLE   SAY the bridge is old.\n\n"
            "Without a doubt the mill closed. It is widely known that the mill closed.\n\n"
            "The doubt remained without an answer for years.")
    doc, cues, found, full = cue_scans(text, ["people say", "without a doubt", "it is widely known"])
    assert found == full
    assert [doc.masked[s:e] for s, e in found] == ["PEOPLE   SAY", "Without a doubt", "It is widely known"]
    ct = ClaimText.of(doc)
    runs = [doc.text[s:e] for s, e in ct.sentences if held_phrases(ct.lower[s:e], cues.phrases[0])]
    assert runs == ["Many PEOPLE   SAY the bridge is old.", "Without a doubt the mill closed.",
                    "It is widely known that the mill closed.", "The doubt remained without an answer for years."]
    assert held_phrases("with people who say it is widely known", cues.phrases[0]) == ("people", "it")


def test_a_phrase_with_a_word_outside_ascii_is_not_prefiltered_by_its_words():
    assert phrase_words(["people say", "stra\u00dfe names"]) is None
    assert phrase_words(["people  say", "", "It is Well known"]) == (
        ("people", ("people", "say")), ("it", ("known", "well", "is", "it")))


@pytest.mark.parametrize("pattern, marks", [
    (r"\[\s*\d+\s*\]", {"["}),
    (r"https?://|\bwww\.", {"://", "www."}),
    (r"\b[A-Z]\w+\s+et\s+al\.?\s+\(\d{4}\)", {"("}),
])
def test_citation_marks_prefer_punctuation(pattern, marks):
    assert required_marks(pattern) == marks


def test_citation_precheck_agrees_with_the_full_search():
    from doclint.families.claims.citations import Citations

    patterns = [r"\[\s*\d+\s*\]", r"\([A-Z]\w+,\s+(?:19|20)\d\d\)", r"https?://"]
    text = ("Critics said so.[4] Critics said so (Smith, 2019). Critics said so.\n\n"
            "See https://example.org for more. Nothing (here) cites.")
    doc = document_from_text("doc.txt", text)
    citations = Citations(patterns)
    full = compile_alternation([], patterns, False)
    for start, end in ClaimText.of(doc).sentences:
        assert citations(doc, start, end) == (full.search(doc.text, start, end) is not None)
    assert [citations(doc, s, e) for s, e in ClaimText.of(doc).sentences] == [True, True, False, True, False]


@pytest.mark.parametrize("automaton", [True, False])
def test_word_scanner_finds_what_the_trigger_regex_finds(monkeypatch, automaton):
    from doclint.families.claims import prefilter

    if not automaton:  # the fallback when ahocorasick-rs is not installed
        monkeypatch.setattr(prefilter, "_ahocorasick", None)
    words = ["said", "say", "reported", "reportedly", "ipped", "who?]", "well-known", "claim"]
    # Characters outside ASCII and outside the BMP before a hit must not shift its offset.
    text = ("it was reportedly said, and unsaid; say what you claim.\nthe tipped boat [who?] "
            "is well-known, says the na\u00efve reporter \U0001f600 who reported it.")
    scanner = prefilter.WordScanner(words)
    regex = prefilter.trigger_regex(words)
    for start, end in [(0, len(text)), (10, 60)]:
        expected = [(m.start(), m.group()) for m in regex.finditer(text, start, end)]
        assert list(scanner.hits(text, start, end)) == expected
    assert ("reportedly" in [w for _, w in scanner.hits(text, 0, len(text))])


def test_rules_sent_to_another_process_join_its_trigger_scan(monkeypatch, all_rules):
    import dataclasses
    import pickle

    from doclint.api import lint_documents
    from doclint.families.claims import prefilter

    rules = [dataclasses.replace(r, enabled=True) for r in all_rules if r.id in CLAIM_RULES]
    text = "Critics argue that the stadium will never pay for itself. It is believed that it was sold."
    here = lint_documents([document_from_text("doc.txt", text)], rules).findings
    # A fresh worker process knows no trigger words until the rules arrive there.
    monkeypatch.setattr(prefilter, "_ALL_WORDS", set())
    monkeypatch.setattr(prefilter, "_SHARED", {})
    arrived = pickle.loads(pickle.dumps(rules))
    there = lint_documents([document_from_text("doc.txt", text)], arrived).findings
    assert [f.rule_id for f in there] == [f.rule_id for f in here] == ["DL301", "DL301"]


@pytest.mark.parametrize("text, expected", [
    # A complement verb reports only with its complement, whatever its subject.
    ("Some officials noted the delay at the meeting.", []),
    ("Some officials noted that the delay was deliberate.", ["DL301"]),
    ("Several residents have long doubted the figures.", []),
    ("Several residents have long doubted whether the figures were right.", ["DL301"]),
    # ... or with its particle: "linked X to".
    ("Some critics linked the new road and the school.", []),
    ("Some critics linked the outbreak to the new road.", ["DL301"]),
])
def test_complement_verbs_report_only_with_their_complement(lint_text, text, expected):
    assert rule_ids(lint_text, text) == expected


@pytest.mark.parametrize("text, referenced", [
    ("The port was rebuilt.[1] A lighthouse followed.[2] Trade grew.[3] It is lovely.", True),
    ("The port was rebuilt.[1] A lighthouse followed.[2] Trade grew. It is lovely.", False),
    ("The list m[0] and m[1] and x[2] holds three.<ref>one</ref>", False),
    ("A speech with no marker at all. We shall go on to the end.", False),
    ("The mill was built by the river in 1820.<ref>Smith 1990</ref> It was rebuilt after the "
     "flood of 1851.{{cite web|title=Mills}} It closed in 1960.[4]", True),
])
def test_references_count_the_markers_in_the_prose(text, referenced):
    from doclint.families.claims.citations import References

    markers = [r"(?<![\w\]])\[\d+\]", r"<ref\b", r"\{\{\s*[Cc]it"]
    doc = document_from_text("doc.txt", text)
    found = References(markers, 3)(doc, ClaimText.of(doc))
    scanned = sum(1 for _ in compile_alternation([], markers, False).finditer(doc.masked)) >= 3
    assert found == scanned == referenced


@pytest.mark.parametrize("patterns, joined", [
    ([r"(?i:^the\s+police$)", r"\b(?:at|for)\s+the\s+[A-Z]"], True),
    ([r"(?i)^police$", r"\bat\s+[A-Z]"], False),   # a global flag opens only a whole regex
    ([r"(\w+) and \1", r"\bat\s+[A-Z]"], False),   # a back-reference counts its groups
    ([r"\bat\s+[A-Z]"], False),
])
def test_named_source_regexes_are_searched_as_one_where_that_finds_the_same(patterns, joined):
    from doclint.families.claims.source import any_of

    found = any_of(patterns)
    assert (len(found) == 1 and len(patterns) > 1) == joined
    for text in ["the police", "The Police", "officials at the IMF", "rock and rock", "at noon", "police"]:
        assert any(p.search(text) for p in found) == any(re.search(p, text) for p in patterns)


@pytest.mark.parametrize("text, expected", [
    ("The Stra\u00dfe was built in 1820 by the town council.[4]", True),   # folds to a longer text
    ("The Stra\u00dfe was built in 1820 by the town council.", False),
    ("The bridge was built in 1820 (Smith, 2019) by the council.", True),  # no marker at the end
    ("The bridge was built in 1820 by the council, see DOI:10.1000/182.", True),
    ("The bridge (the old one) was built in 1820 by the council.", False),
])
def test_a_citation_is_found_where_a_pattern_can_start_as_a_search_finds_it(text, expected):
    from doclint.families.claims.citations import Citations

    patterns = [r"\[\s*\d+\s*\]", r"\([A-Z]\w+,\s+(?:19|20)\d\d\)", r"\b10\.\d{4,9}/"]
    doc = document_from_text("doc.txt", text)
    (start, end), = ClaimText.of(doc).sentences
    full = compile_alternation([], patterns, False).search(doc.text, start, end) is not None
    assert Citations(patterns)(doc, start, end) == full == expected


@pytest.mark.parametrize("text, expected", [
    # A cited sentence right after a vague source is still read: it ends the chain, so
    # the pronoun after it carries nothing on.
    ("Critics said that the dam was unsafe.\nThey also claimed that it leaked.[4]\n"
     "They added that it was cracked.", [("DL301", 1)]),
    # Without the citation the chain runs on.
    ("Critics said that the dam was unsafe.\nThey also claimed that it leaked.\n"
     "They added that it was cracked.", [("DL301", 1), ("DL303", 2), ("DL303", 3)]),
    # A cited vague source with nothing in play before it starts no chain, read or not.
    ("The dam opened in 1950.[1]\nCritics said that it was unsafe.[2]\n"
     "They added that it leaked.", []),
])
def test_cited_sentences_end_a_chain_of_carried_sources(lint_text, text, expected):
    found = [(f.rule_id, f.line) for rule in ("DL301", "DL303") for f in lint_text(text, rule)]
    assert found == expected


def test_verbs_that_report_nothing_are_dropped_before_the_sentence_is_read(monkeypatch, lint_text):
    from doclint.families.claims import kinds

    looked = []
    cited = kinds.cited

    def spy(citations, doc, start, end):
        looked.append(doc.text[start:end])
        return cited(citations, doc, start, end)

    monkeypatch.setattr(kinds, "cited", spy)
    text = ("The state continued to grow, and the Southern States pointed the way.[4]\n\n"
            "Critics noted that the title was never held.[5]\n\n"
            "Some analysts expect a recovery.")
    found = lint_text(text, "DL301", "markdown", "doc.md")
    # The first sentence's verb hits ("state", "continued", "States", "pointed") report nothing whatever
    # the sentence says: its citation is never looked for. The second is cited: no report.
    assert not any(s.startswith("The state") for s in looked)
    assert any(s.startswith("Critics noted") for s in looked)
    assert [f.line for f in found] == [5]
