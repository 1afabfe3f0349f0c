"""Unsupported-claim rules: what they report, what they leave alone, and carried sources."""
from __future__ import annotations

import pytest

from doclint.api import document_from_text
from doclint.families.claims.text import claim_sentences, quote_spans

RULES = ("DL301", "DL302", "DL303")


def claims(lint_text, text: str, fmt: str = "text") -> list:
    name = {"markdown": "doc.md", "rst": "doc.rst"}.get(fmt, "doc.txt")
    found = []
    for rule in RULES:
        found += lint_text(text, rule, fmt=fmt, name=name)
    return sorted(found, key=lambda f: (f.line, f.rule_id))


@pytest.mark.parametrize("text", [
    "Officials said the bridge would reopen in the spring.",
    "Analysts say the merger is unlikely to be approved before the election.",
    "Many believe the tax was never meant to be temporary.",
    "Several diplomats, speaking on condition of anonymity, said the talks had stalled.",
    "A source close to the negotiations told reporters that a deal was near.",
    "It is thought that the chapel was built around 1150.",
    "The castle is said to be haunted by a former owner.",
    "According to an official, the train was travelling at full speed.",
    "The singer reportedly turned down the role twice.",
    "Some critics felt that the album lacked coherence.",
    "Studies show that children who read at home do better at school.",
    "The merger, which many commentators viewed as a mistake, went ahead in May.",
    "Since then the festival has long been recognized by scholars as a turning point.",
    "The suspect was alleged to have taken part in an assault in 2019.",
    "\u201cThe talks are over,\u201d said a senior diplomat.",
    "\"We will not back down,\" said one official.",
    "U.S. officials said the strike killed three militants.",
    "Senior government sources told the newspaper that the budget would be cut.",
    "The fort is thought to date from the 12th century.",
    "Many consider him the finest painter of his generation.",
    "Many Americans believe that the tax will never be repealed.",
    "Some residents were angered and accused the council of hiding the report.",
    "The painting was later attributed to his workshop.[by whom?]",
    "Many historians regard the treaty as a failure.",
    "There are those who say the election was stolen.",
    "Some sources state that the king died in battle.",
    "Critics have pointed out that the figures do not add up.",
    "I am told that the bill will pass.",
    "The group has been described as a cult.",
    "Reports indicate the ship sank within minutes.",
    "Officials said efforts to reach survivors continued through the night.",
])
def test_vague_attribution_is_reported(lint_text, text):
    assert [f.rule_id for f in lint_text(text, "DL301")] == ["DL301"]


@pytest.mark.parametrize("text", [
    "The village is widely regarded as the birthplace of the sport.",
    "She is arguably the most influential designer of her generation.",
    "It is well known that the harbour silted up in the 15th century.",
    "There can be little doubt that the reforms came too late.",
    "Sharma is considered one of the greatest climbers in the history of the sport.",
    "The bridge has been called one of the most beautiful in Europe.",
])
def test_weasel_wording_is_reported(lint_text, text):
    assert [f.rule_id for f in lint_text(text, "DL302")] == ["DL302"]


def test_sample_article_sources_are_carried_on(lint_text):
    with open("examples/news-article.txt", encoding="utf-8") as handle:
        text = handle.read()
    found = claims(lint_text, text)
    lines = {f.line: f for f in found}
    assert {13, 14, 15} <= set(lines)
    assert 16 not in lines and 19 not in lines
    for line in (14, 15):
        assert lines[line].rule_id == "DL303"
        assert [r.line for r in lines[line].related] == [13]


def test_carried_source_points_back_to_the_first_sentence(lint_text):
    text = ("Two senior officials said on Tuesday that the ceasefire was holding.\n"
            "The officials added that aid convoys would resume within days.\n"
            "They also claimed that the border crossing had been reopened.\n")
    found = lint_text(text, "DL303")
    assert [f.line for f in found] == [2, 3]
    assert all(f.related[0].line == 1 for f in found)
    assert [f.line for f in lint_text(text, "DL301")] == [1]


# Named sources: a person, an organisation, "Police", "the government".
@pytest.mark.parametrize("text", [
    "The Syrian Observatory for Human Rights said that at least 105 people died this year.",
    "According to the IMF, growth will slow to 2% next year.",
    "Ms Hewitt told the BBC that the plan was unworkable.",
    "Police said the driver had been arrested at the scene.",
    "The government said the new rules would take effect in April.",
    "The HTS has always claimed that it would respect the rights of all sects.",
    "Officials at the Ministry of Health said the outbreak was under control.",
    "Dr Amara Osei, who led the survey, said the results surprised the team.",
    "Battersbee's parents had argued that treatment should continue.",
    "A spokesman for the ministry said the report was inaccurate.",
    "\u201cThe talks are over,\u201d said Jane Doe, the foreign minister.",
    "A 2019 study by the University of Leeds found that the drug worked.",
    "Jane Doe resigned and said she had been misled.",
    "The ministry rejected the reports and said they were false.",
])
def test_named_sources_are_not_reported(lint_text, text):
    assert claims(lint_text, text) == []


def test_pronoun_after_a_named_speaker_is_not_carried(lint_text):
    text = ("Ms Hewitt told the BBC that the plan was unworkable.\n"
            "She added that the council had not consulted residents.\n")
    assert claims(lint_text, text) == []


def test_named_speaker_ends_a_carried_source(lint_text):
    text = ("Sources said the plant would close.\n"
            "The company said that no decision had been made.\n"
            "It also said that it would keep talking to the unions.\n")
    assert [(f.line, f.rule_id) for f in claims(lint_text, text)] == [(1, "DL301")]


# Citations in the sentence.
@pytest.mark.parametrize("text", [
    "Critics argue that the stadium will never pay for itself.[12]",
    "Critics argue that the stadium will never pay for itself [12] [13].",
    "The route is widely regarded as the hardest in the valley.[8] It opened in 1998.",
    "It is believed that the painting was sold in 1962.<ref>Art Review, 2004</ref>",
    "It is believed that the painting was sold in 1962.{{cite web |title=Sale}}",
    "Researchers have found that sleep improves recall (Walker, 2017).",
    "Researchers have found that sleep improves recall (Walker and Stickgold, 2004).",
    "As Walker et al. (2017) showed, studies show that sleep improves recall.",
    "Studies show that sleep improves recall (see https://example.org/sleep).",
    "Studies show that sleep improves recall (doi:10.1000/182).",
    "Studies show that sleep improves recall [Walker2017]_.",
])
def test_cited_sentences_are_not_reported(lint_text, text):
    assert claims(lint_text, text) == []


def test_markdown_footnote_and_link_count_as_citations(lint_text):
    text = ("Experts believe the glacier will be gone by 2050.[^1]\n\n"
            "Experts believe the reef [is recovering](https://example.org/reef-report).\n\n"
            "[^1]: Alpine survey, 2021.\n")
    assert claims(lint_text, text, fmt="markdown") == []


def test_markdown_without_citation_is_reported(lint_text):
    text = "# Outlook\n\nExperts believe the glacier will be gone by 2050.\n"
    assert [f.line for f in claims(lint_text, text, fmt="markdown")] == [3]


def test_citation_after_one_sentence_does_not_cover_the_next(lint_text):
    text = "The route opened in 1998.[8] Critics argue that it is far too dangerous."
    assert [f.rule_id for f in claims(lint_text, text)] == ["DL301"]


# Quotations attributed to a named speaker.
@pytest.mark.parametrize("text", [
    "\u201cSome people say we are finished, but they are wrong,\u201d the mayor, Lisa Grant, told reporters.",
    "The minister said: \"It is widely believed that the plan will fail, and it will not.\"",
    "Coach Rivera said, \u201cEveryone knows this team can win the league.\u201d",
])
def test_words_inside_a_quotation_are_not_reported(lint_text, text):
    assert claims(lint_text, text) == []


# Ordinary factual sentences, technical prose and first-person opinion.
@pytest.mark.parametrize("text", [
    "Shares rose 3% on Monday.",
    "The bridge was completed in 1932 and carries four lanes of traffic.",
    "Error messages tell the user what went wrong and how to fix it.",
    "Run `brew update` before you report a bug; maintainers will ask for the output.",
    "A missing field is considered an error.",
    "For unrelated applications, the more widely recognised name keeps the token.",
    "I believe that we can balance the budget this year.",
    "We think the new layout is easier to read.",
    "Some files are generated and some maintained by hand.",
    "The new artists were revealed at the festival in June.",
    "When my term ends, people might say that we kept our promises.",
    "Investigators questioned the driver for two hours.",
    "Patients admitted to the hospital were treated for burns.",
    "A graph is said to be connected if every pair of vertices is joined by a path.",
    "When creating placeholders, consider how they will look in the output.",
    "The callback has been called the first time the page loads.",
    "Set the state that the widget should start in.",
    "Officials told residents to evacuate before noon.",
    "Experts warned people not to travel.",
    "The API states that the value must be positive.",
    "We considered several designs before choosing this one.",
])
def test_ordinary_sentences_are_not_reported(lint_text, text):
    assert claims(lint_text, text) == []


def test_sentences_are_cut_after_reference_markers():
    doc = document_from_text("a.txt", "He won the title.[12] Critics said it was luck.[3][4] It rained.")
    spans = [doc.text[s:e] for s, e in claim_sentences(doc)]
    assert spans == ["He won the title.[12]", "Critics said it was luck.[3][4]", "It rained."]


def test_uncut_sentences_around_cut_ones_keep_their_spans():
    # Sentences without a marker are taken whole; the ones after a cut are still cut.
    text = ("The port opened in 1820. Trade grew.[1] Ships came.[2][3] Nobody minded.\n\n"
            "A second paragraph follows. It won.[4] Critics said it was luck.")
    doc = document_from_text("a.txt", text)
    spans = [doc.text[s:e] for s, e in claim_sentences(doc)]
    assert spans == ["The port opened in 1820.", "Trade grew.[1]", "Ships came.[2][3]", "Nobody minded.",
                     "A second paragraph follows.", "It won.[4]", "Critics said it was luck."]


def test_quotations_are_found_per_block_from_their_opening_mark():
    text = ("Nothing is quoted here.\n\n"
            "The mayor said \u201cit is fine\u201d and left. Rock \u2018n\u2019 roll is \"loud\".\n\n"
            "An open \" mark never closes in this block.\n\nNor here.")
    doc = document_from_text("a.txt", text)
    assert [doc.text[s:e] for s, e in quote_spans(doc)] == [
        "\u201cit is fine\u201d", "\u2018n\u2019", "\"loud\""]


def test_one_finding_per_sentence_at_the_sentence_start(lint_text):
    text = "Shares fell.\nSources said, reportedly on condition of anonymity, that the bank would fail."
    found = lint_text(text, "DL301")
    assert [(f.line, f.column) for f in found] == [(2, 1)]


def test_pronoun_after_an_anonymous_witness_is_carried(lint_text):
    text = "\"It was chaos,\" a witness told reporters. \"Nobody knew where to go,\" she said."
    found = lint_text(text, "DL303")
    assert len(found) == 1 and found[0].column > 1
    assert found[0].related[0].column == 1


def test_pronoun_after_a_newly_named_person_is_not_carried(lint_text):
    text = ("Analysts say the takeover is risky. John Smith, the chief executive, disagrees.\n"
            "He said that the deal would pay for itself within two years.\n")
    assert lint_text(text, "DL303") == []


def test_headings_are_not_claims(lint_text):
    text = "# Why experts believe the reef will recover\n\nThe reef covers 300 square km.\n"
    assert claims(lint_text, text, fmt="markdown") == []


def test_considered_is_a_weasel_only_in_a_referenced_document(lint_text):
    claim = "The nave is considered a masterpiece of the early Gothic style."
    referenced = "The chapel was built in 1150.[1] It grew in 1320.[2] The tower fell in 1703.[3]\n"
    assert [f.line for f in lint_text(referenced + claim, "DL302")] == [2]
    manual = "See [the guide](https://example.org/a) and [the FAQ](https://example.org/b).\n"
    assert lint_text(manual * 3 + "A missing field is considered an error.", "DL302", fmt="markdown") == []
    assert lint_text(claim, "DL302") == []


def test_a_hedge_of_the_writers_own_is_a_weasel_only_in_a_referenced_document(lint_text):
    hedges = ("This is arguably a sub-case of the iterable flag values shown above.\n\n"
              "The result block is generally expected to contain another code block.\n")
    assert lint_text(hedges, "DL302") == []
    referenced = "The chapel was built in 1150.[1] It grew in 1320.[2] The tower fell in 1703.[3]\n"
    assert [f.line for f in lint_text(referenced + hedges, "DL302")] == [2, 4]
    # A rank is a judgement in any document; a wide expectation is somebody's.
    judgements = ("She is arguably the most influential designer of her generation.\n\n"
                  "The minister is widely expected to resign.\n")
    assert [f.line for f in lint_text(judgements, "DL302")] == [1, 3]


def test_a_consensus_said_to_be_missing_or_set_as_a_goal_is_asserted_by_nobody(lint_text):
    unasserted = ("There is no clear and generally agreed upon definition of a public API.\n\n"
                  "There is no other generally accepted way to pin a dependency.\n\n"
                  "Make sure that everyone knows when a proposal is close to acceptance.\n")
    assert lint_text(unasserted, "DL302") == []
    asserted = ("It is generally agreed that the reforms failed.\n\n"
                "Nobody can deny it: everyone knows the reforms failed.\n\n"
                "The reform is not widely considered a success.\n")
    assert [f.line for f in lint_text(asserted, "DL302")] == [1, 3, 5]


def test_a_noun_for_people_after_of_is_a_source_only_when_a_group_of_them_is_meant(lint_text):
    criteria = ("Those candidates are ranked by an ordered tuple of integers.\n\n"
                "The wives of several officials said the money was gone.\n")
    assert lint_text(criteria, "DL301") == []
    groups = ("A group of engineers said the bridge was unsafe.\n\n"
              "Dozens of protesters claimed the vote was rigged.\n")
    assert [f.line for f in lint_text(groups, "DL301")] == [1, 3]


def test_how_anyone_speaks_of_a_thing_is_usage_not_a_claim(lint_text):
    usage = "Often people speak of MVC when developing web applications.\n"
    assert lint_text(usage, "DL301") == []
    claims = ("Some sources speak of a second bishop, while others mention only one.\n\n"
              "People often speak of the harbour as the finest on the coast.\n")
    assert [f.line for f in lint_text(claims, "DL301")] == [1, 3]


def test_a_singular_source_noun_without_a_determiner_is_no_subject(lint_text):
    assert lint_text("It adds source links to GitHub to each top-level class or function.\n", "DL301") == []
    sources = ("A source close to the talks said the deal was near.\n\n"
               "One senior official said the deal was near.\n\n"
               "Local legend says the well never runs dry.\n")
    assert [f.line for f in lint_text(sources, "DL301")] == [1, 3, 5]


def test_a_word_quoted_after_a_reporting_verb_is_a_word_said(lint_text):
    assert lint_text("Calming them down after someone said \"mattress\" is a lot of work.\n", "DL301") == []
    quoted = "Some residents said \"the plant is unsafe\" and left the town.\n"
    assert [f.line for f in lint_text(quoted, "DL301")] == [1]


def test_importance_is_a_weasel_only_in_a_referenced_document_and_fame_anywhere(lint_text):
    importance = "Pillar is one of the most important systems when using the tool.\n"
    assert lint_text(importance, "DL302") == []
    referenced = "The chapel was built in 1150.[1] It grew in 1320.[2] The tower fell in 1703.[3]\n"
    assert [f.line for f in lint_text(referenced + importance, "DL302")] == [2]
    assert [f.line for f in lint_text("The bridge is one of the most famous landmarks in the city.\n",
                                      "DL302")] == [1]


def test_a_reporting_verb_joined_to_a_noun_before_a_be_verb_is_a_noun(lint_text):
    assert lint_text("Some thought and attention is still required when using the library.\n", "DL301") == []
    assert [f.line for f in lint_text("Some thought the plan would fail, and others agreed.\n", "DL301")] == [1]


def test_a_cue_word_in_emphasis_is_stressed_not_reported(lint_text):
    stressed = ("The identity policy only establishes who someone is *claimed* to\n"
                "be. It does not verify whether that person is actually who they say\nthey are.\n")
    assert [f for rule in ("DL301", "DL303") for f in lint_text(stressed, rule, fmt="markdown", name="a.md")] == []
    plain = stressed.replace("*claimed*", "claimed")
    assert [f.rule_id for f in lint_text(plain, "DL301", fmt="markdown", name="a.md")] == ["DL301"]


def test_often_considered_as_frames_and_often_considered_best_practice_is_a_view(lint_text):
    framing = ("Functions are often considered as transformations of input arguments to output values.\n\n"
               "Tasks are often considered to be submitted at the same time.\n")
    assert lint_text(framing, "DL302") == []
    assert [f.line for f in lint_text("It is often considered best practice to write both kinds of test.\n",
                                      "DL302")] == [1]


def test_things_suggested_are_proposals_and_a_clause_suggested_is_a_claim(lint_text):
    proposals = ("Reviewers sometimes suggest package names that don't exist on the index.\n\n"
                 "Several experts suggested ways for the city to save money.\n")
    assert lint_text(proposals, "DL301") == []
    claims = ("Analysts suggest prices will rise next year.\n\n"
              "Studies suggest a link between sleep and memory.\n")
    assert [f.line for f in lint_text(claims, "DL301")] == [1, 3]


def test_expecting_to_do_something_is_an_intention_not_a_forecast(lint_text):
    intentions = ("These supervisors expect to manage the direct child process.\n\n"
                  "Officials expect to announce the results on Monday.\n")
    assert lint_text(intentions, "DL301") == []
    forecasts = ("Analysts expect prices to rise next year.\n\n"
                 "Analysts expect that prices will rise next year.\n")
    assert [f.line for f in lint_text(forecasts, "DL301")] == [1, 3]


def test_advice_is_not_talk_with_no_speaker(lint_text):
    advice = ("If you prefer another name, it is suggested that you create a symbolic link.\n\n"
              "It is suggested that a preprocessor or a third party extension be used instead.\n\n"
              "It is suggested that the user call the QColor methods directly.\n\n"
              "It is strongly suggested that all modules have documentation added.\n\n"
              "It is suggested that the version is specified in a YYYYMM format.\n")
    assert lint_text(advice, "DL301") == []
    talk = ("It is suggested that the minister knew of the plan.\n\n"
            "It was suggested that the archive be moved, and it was.\n\n"
            "It is suggested that the painting was stolen in 1962.\n")
    assert [f.line for f in lint_text(talk, "DL301")] == [1, 3, 5]


def test_a_source_of_something_is_an_origin_not_an_informant(lint_text):
    assert lint_text("One common source of confusion is expecting the hook to run on every change.\n",
                     "DL301") == []
    assert [f.line for f in lint_text("A source close to the talks said the deal was near.\n", "DL301")] == [1]


def test_definitions_and_exposition_are_no_claims(lint_text):
    text = ("A conservative vector field is also said to be 'irrotational', since its curl is zero.\n\n"
            "A header that inherits its definition is said to be \"linked to previous\".\n\n"
            "A joint is generally described as shown in the image below.\n\n"
            "If `a` and `b` are in `P`, `q` is called the quotient. Moreover, it is said that\n\n"
            ".. math::\n\n   b | a\n")
    assert claims(lint_text, text, fmt="rst") == []
    reported = ("The minister is said to be \"deeply upset\" by the vote.\n\n"
                "The field is widely described as a failure.\n\n"
                "Moreover, it is said that the quotient was found by a monk.\n")
    assert [(f.rule_id, f.line) for f in claims(lint_text, reported, fmt="rst")] == [("DL301", 1), ("DL302", 3), ("DL301", 5)]


def test_words_that_do_not_say_how_or_by_whom_end_the_cue(lint_text):
    assert lint_text("The alleged behavior needs to be confirmed by a maintainer.", "DL301") == []
    assert lint_text("Two lines later it is reported with an error message that starts with foo.h.", "DL301") == []
    reports = ("The tower is believed by many to be the oldest in the county.\n\nIt was said locally to have burned.\n\n"
               "It was widely reported in the press that the bridge had closed.\n")
    assert [f.line for f in lint_text(reports, "DL301")] == [1, 3, 5]


def test_words_read_as_reporting_verbs_that_do_not_report(lint_text):
    text = ("Websites tell regular visitors and crawlers apart by how their traffic looks.\n\n"
            "It is always acceptable, whether someone has claimed it or not, to link a proposal.\n\n"
            "No need to quote RFCs or market penetration statistics in error reports, please.\n\n"
            "Use only mixins or views from one of the groups of generic class-based views: detail, list.\n\n"
            "Names that begin with an underscore are generally considered private.\n\n"
            "These methods are commonly considered \"safe\" because they change nothing.\n\n"
            "It goes without saying that you should measure before you optimise.\n\n"
            "Some people have suggested using \"they\", but that is not regular English.\n\n"
            "It is a generally accepted convention that such variables are temporary.\n\n"
            "Typed arrays are generally accepted in all core APIs where buffers are.\n\n"
            "This output format is useful, since it is recognized by most editors.\n\n"
            "If the loop is shut down, it cancels every task, the supposedly shielded one too.\n\n"
            "The licence keeps the author from being considered responsible for changes made by others.\n\n"
            "When an object is created, it is said to be in an *unsaved* state.\n")
    assert claims(lint_text, text) == []
    reports = ("Critics tell us the bridge will never pay for itself.\n\n"
               "Some residents claimed the council had hidden the report.\n\n"
               "At least two officials said the talks had failed.\n\n"
               "The minister had supposedly left the country.\n\n"
               "The sequel was generally considered an improvement over its predecessor.\n")
    assert [(f.rule_id, f.line) for f in claims(lint_text, reports)] == [("DL301", 1), ("DL301", 3), ("DL301", 5), ("DL301", 7), ("DL302", 9)]


def test_a_hard_wrapped_quotation_is_still_a_quotation(lint_text):
    text = ('The mayor, Lisa Grant, said: "Some people say we are\n'
            'finished, but they are wrong."\n')
    assert claims(lint_text, text, fmt="markdown") == []


def test_changelogs_and_release_notes_are_history_not_claims(lint_text):
    entry = ("* It is reported that open() on some platforms fails on a FIFO.\n"
             "* The new default is widely regarded as the better one for most projects.\n")
    for name in ("CHANGELOG.md", "RelNotes/2.31.0.txt", "docs/releases/3.2.txt"):
        assert [f for rule in ("DL301", "DL302") for f in lint_text(entry, rule, name=name)] == [], name
    assert [f.rule_id for rule in ("DL301", "DL302") for f in lint_text(entry, rule, name="guide.txt")] \
        == ["DL301", "DL302"]
    # `logs: []` checks them.
    assert len(lint_text(entry, "DL301", name="CHANGELOG.md", logs=[])) == 1


def test_comparison_and_invocation_are_no_reports(lint_text):
    text = ("Each person's relevance is computed by counting how many commits mentioned that person "
            "compared with the total number of commits.\n\n"
            "This method should only be called by resource providers that need to obtain file names.\n")
    assert lint_text(text, "DL301") == []
    # With their object first they report.
    reports = "Critics compared the new bridge to a wreck.\n\nThe plan was called a failure by many.\n"
    assert len(lint_text(reports, "DL301")) == 2
    # Before inline code "called" names a thing: no member of anything said a word.
    named = "However, `CompletionError` has a member called `apply_style`. Set this False to drop the style.\n"
    assert lint_text(named, "DL301", fmt="markdown", name="doc.md") == []
    assert len(lint_text("A member called the plan a failure.\n", "DL301")) == 1
    # So does one before a quoted identifier; a quoted title may still be judged.
    quoted = ("The reveal template inherits from the lab template, exports text/html, and enables "
              "two preprocessors called \"100-pygments\" and \"500-reveal\".\n")
    assert lint_text(quoted, "DL301") == []
    assert len(lint_text("Critics called \"Ulysses\" a failure.\n", "DL301")) == 1


def test_a_word_joined_to_another_by_a_slash_is_a_noun(lint_text):
    text = ("Dynamic documents work as documents do, but any data / attributes set to them "
            "will also be saved.\n\nSome reports/logs show the last run.\n")
    assert lint_text(text, "DL301") == []
    # Without the slash the verb reads as ever.
    assert len(lint_text("Some critics attributed the failure to the budget.\n", "DL301")) == 1


def test_a_value_in_code_after_the_verb_is_output_not_a_claim(lint_text):
    text = "Every plus sign looks like an escape. Both detectors report `ascii`.\n"
    assert lint_text(text, "DL301", fmt="markdown", name="performance.md") == []
    # Code that opens a clause going on is what the source claims of it.
    claim = "Critics say `foo` is broken beyond repair.\n"
    assert len(lint_text(claim, "DL301", fmt="markdown", name="performance.md")) == 1


def test_an_occurrence_reported_is_no_statement(lint_text):
    faq = ("People usually report this when they are trying to control SSH or some other login.\n\n"
           "Users often report it after an upgrade of the terminal library.\n")
    assert lint_text(faq, "DL301") == []
    # What is reported about it is a statement again.
    assert len(lint_text("People usually report that the login hangs for a minute.\n", "DL301")) == 1
