"""Tests for doclint.core.segment.split_sentences."""
from __future__ import annotations

import pytest

from doclint.core.segment import split_sentences
from doclint.markup.base import CODE_MASK

M = CODE_MASK


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, start, end)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The build passed. Then we shipped it.", ["The build passed.", "Then we shipped it."]),
    ("Is it ready? Yes! Ship it.", ["Is it ready?", "Yes!", "Ship it."]),
    ("We tested it in 2019. 2020 was worse.", ["We tested it in 2019.", "2020 was worse."]),
    ("Really?! No way.", ["Really?!", "No way."]),
    ("We wait. (Nothing happens.) We leave.", ["We wait.", "(Nothing happens.)", "We leave."]),
    ("The rule says so. “Quoted” text starts here.",
     ["The rule says so.", "“Quoted” text starts here."]),
    ("See the docs. [1] lists them.", ["See the docs.", "[1] lists them."]),
])
def test_basic_terminators(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I met Mr. Smith and Mrs. Jones today. They were late.",
     ["I met Mr. Smith and Mrs. Jones today.", "They were late."]),
    ("Dr. Who and Prof. Xavier met St. Peter at Mt. Everest.",
     ["Dr. Who and Prof. Xavier met St. Peter at Mt. Everest."]),
    ("Use tools, e.g. Black or Ruff. Then commit.", ["Use tools, e.g. Black or Ruff.", "Then commit."]),
    ("Pick one, i.e. The best one.", ["Pick one, i.e. The best one."]),
    ("Smith vs. Jones was decided (cf. Fig. 3 and No. 7).",
     ["Smith vs. Jones was decided (cf. Fig. 3 and No. 7)."]),
    ("See Vol. 2, pp. 10-12, approx. 5 pages.", ["See Vol. 2, pp. 10-12, approx. 5 pages."]),
    ("Acme Inc. Sales rose. Acme Ltd. The board agreed.",
     ["Acme Inc. Sales rose.", "Acme Ltd.", "The board agreed."]),
    ("Gen. Patton, Capt. Kirk and Sen. Warren spoke. Lt. Dan did not.",
     ["Gen. Patton, Capt. Kirk and Sen. Warren spoke.", "Lt. Dan did not."]),
    ("It opened on Jan. 5 and closed in Dec. 2020.", ["It opened on Jan. 5 and closed in Dec. 2020."]),
    ("The meeting is at 9 a.m. Coffee is served.", ["The meeting is at 9 a.m. Coffee is served."]),
    ("The meeting is at 9 a.m. It ends at 5 p.m. We go home.",
     ["The meeting is at 9 a.m.", "It ends at 5 p.m.", "We go home."]),
    ("She earned a Ph.D. in physics.", ["She earned a Ph.D. in physics."]),
    ("Apples, pears, etc. are fruit.", ["Apples, pears, etc. are fruit."]),
    ("Apples, pears, etc. The rest is veg.", ["Apples, pears, etc.", "The rest is veg."]),
    ("Smith et al. (2019) disagree.", ["Smith et al. (2019) disagree."]),
    ("Words like no. Then others.", ["Words like no.", "Then others."]),
    ('The detection of a "feat. X" part now matches brackets.',
     ['The detection of a "feat. X" part now matches brackets.']),
])
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. Army arrived.", ["The U.S. Army arrived."]),
    ("He moved to the U.S. The weather was better.", ["He moved to the U.S.", "The weather was better."]),
    ("He moved to the U.S. It was cold.", ["He moved to the U.S.", "It was cold."]),
    # Ambiguous: "Congress" is no common sentence starter, so we prefer not to split.
    ("He moved to the U.S. Congress voted.", ["He moved to the U.S. Congress voted."]),
    ("The U.K. and the U.N. agreed.", ["The U.K. and the U.N. agreed."]),
    ("Made in the U.S.A. We sell it abroad.", ["Made in the U.S.A.", "We sell it abroad."]),
])
def test_us_ambiguity(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("J. R. R. Tolkien wrote it. It sold well.", ["J. R. R. Tolkien wrote it.", "It sold well."]),
    ("George W. Bush spoke.", ["George W. Bush spoke."]),
    ("The book is by A. A. Milne.", ["The book is by A. A. Milne."]),
    ("Take vitamin C. The rest is optional.", ["Take vitamin C.", "The rest is optional."]),
    ("Let x. Then x is zero.", ["Let x.", "Then x is zero."]),
])
def test_initials(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Pi is 3.14 exactly. It is not.", ["Pi is 3.14 exactly.", "It is not."]),
    ("Upgrade to v2.0.1 now. Version 2.0. Done.", ["Upgrade to v2.0.1 now.", "Version 2.0.", "Done."]),
    ("It costs $1.50. That is cheap.", ["It costs $1.50.", "That is cheap."]),
])
def test_decimals_and_versions(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Wait... and then nothing. Fine.", ["Wait... and then nothing.", "Fine."]),
    ("Wait... Then it broke.", ["Wait...", "Then it broke."]),
    ("Wait\u2026 then nothing. Wait\u2026 Then it broke.",
     ["Wait\u2026 then nothing.", "Wait\u2026", "Then it broke."]),
    ("It trails off...", ["It trails off..."]),
])
def test_ellipses(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
    ('"Stop." he said.', ['"Stop." he said.']),
    ("He said \u201cStop!\u201d Then he left.", ["He said \u201cStop!\u201d", "Then he left."]),
    ("She asked \u2018Why?\u2019 Nobody knew.", ["She asked \u2018Why?\u2019", "Nobody knew."]),
    ("\u00abC\u2019est fini.\u00bb Next one.", ["\u00abC\u2019est fini.\u00bb", "Next one."]),
    ("Read the guide (it is short.) and go.", ["Read the guide (it is short.) and go."]),
    ("Read the guide (it is short.) Then go.", ["Read the guide (it is short.)", "Then go."]),
    ('He wrote "Done.") Then stopped.', ['He wrote "Done.")', "Then stopped."]),
    ("See [the list.] It is long.", ["See [the list.]", "It is long."]),
    ('He said "Mr. Smith left." Then silence.', ['He said "Mr. Smith left."', "Then silence."]),
])
def test_quotes_and_brackets(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (f"Run {M}{M}{M}. {M}{M} prints the result.", [f"Run {M}{M}{M}.", f"{M}{M} prints the result."]),
    # A masked span right before the period is a word, not the abbreviation before it.
    (f"Ask Mr{M}{M}. The bot replies.", [f"Ask Mr{M}{M}.", "The bot replies."]),
    (f"Open {M}{M}{M}.{M}{M} now. Done.", [f"Open {M}{M}{M}.{M}{M} now.", "Done."]),
    (f"Call it, e.g. {M}{M} works.", [f"Call it, e.g. {M}{M} works."]),
])
def test_code_mask(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("This has no final stop", ["This has no final stop"]),
    ("First one. second has no capital", ["First one. second has no capital"]),
    ("One sentence. And a fragment", ["One sentence.", "And a fragment"]),
    ("   \n  Padded sentence.  \n ", ["Padded sentence."]),
    ("A hard-wrapped\nparagraph ends here.\nThe next line\nstarts a sentence.",
     ["A hard-wrapped\nparagraph ends here.", "The next line\nstarts a sentence."]),
    ("Tabs too.\t\tAnd more.", ["Tabs too.", "And more."]),
    ("", []),
    ("   \n\t ", []),
    (".", ["."]),
])
def test_whitespace_and_trailing_text(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_start_end_offsets_are_honoured() -> None:
    doc = "# Title\n\nFirst block. It has two.\n\nSecond block. Stays apart.\n"
    start = doc.index("First")
    end = doc.index("\n\nSecond")
    spans = split_sentences(doc, start, end)
    assert [doc[s:e] for s, e in spans] == ["First block.", "It has two."]
    assert all(start <= s < e <= end for s, e in spans)


def test_end_cuts_mid_sentence_and_lookahead_stays_inside() -> None:
    doc = "Ends with Mr. Smith. The rest"
    # The block stops after "Mr. " so the "S" after it is invisible: no boundary there.
    end = doc.index("Smith")
    assert sentences(doc, 0, end) == ["Ends with Mr."]
    assert sentences(doc, doc.index("Smith")) == ["Smith.", "The rest"]
    assert sentences(doc, 0, 9999) == ["Ends with Mr. Smith.", "The rest"]


def test_abbreviation_lookback_does_not_cross_start() -> None:
    # "Mr" lies outside the block, so the period is not read as the abbreviation "Mr.".
    doc = "Mr. Then more."
    assert sentences(doc, 2) == [".", "Then more."]
    assert sentences(doc) == ["Mr. Then more."]


def test_offsets_are_absolute() -> None:
    doc = "xxxx  Alpha one. Beta two.  yyyy"
    assert split_sentences(doc, 4, 28) == [(6, 16), (17, 26)]


def test_counting_joined_texts_gives_the_sum_of_their_splits():
    # count_sentences reads trimmed texts joined by line breaks in one pass: a
    # boundary at a break is not counted, and abbreviations, initials and starters at
    # a text's edges are judged as in the text alone.
    import random

    from doclint.core.segment import count_sentences

    pieces = ["The", "service", "restarts.", "Dr.", "Lee", "U.S.", "Army", "e.g.", "etc.", "It", "works\u2026",
              "Is", "it?", "Yes!", "\u201cstop.\u201d", "Then", "(See", "above.)", "J.", "R.", "Tolkien", "a.m.",
              "end.", "3.14", "v2.0.", "\u00dcn\u00efcode.", "\u00e7a", CODE_MASK, "*", '"Quoted."', "'single.'",
              "...", ".", "?", "!", "\u00bb", "(", "[", "x.", "A.", "I.", "No.", "5", "Fig."]
    rng = random.Random(4)
    for _ in range(5000):
        texts = []
        for _ in range(rng.randint(0, 6)):
            words = [rng.choice(pieces) for _ in range(rng.randint(1, 8))]
            texts.append(rng.choice([" ", "  ", "\n", " \t"]).join(words).strip())
        assert count_sentences(texts) == sum(len(split_sentences(t)) for t in texts), texts


@pytest.mark.parametrize(("text", "expected"), [
    # The credit that closes a changelog entry's line belongs to the entry, and the
    # next line is the next entry, capital or not.
    ("mailcap ftplugin file. (Nikolai Weibull)\nmanconf syntax file. (Nikolai Weibull)",
     ["mailcap ftplugin file. (Nikolai Weibull)", "manconf syntax file. (Nikolai Weibull)"]),
    ("Fixed some typos. (#620)", ["Fixed some typos. (#620)"]),
    ("Fixed some typos. (#620)  \nUpdated Sphinx.", ["Fixed some typos. (#620)", "Updated Sphinx."]),
    # A parenthesis that holds a sentence, or goes on along the line, opens the next one.
    ("It failed. (See below.)\nNext.", ["It failed.", "(See below.)", "Next."]),
    ("It failed. (Twice) Then it ran.", ["It failed.", "(Twice) Then it ran."]),
])
def test_a_parenthesis_that_closes_the_line_ends_the_sentence_before_it(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
