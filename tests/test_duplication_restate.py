"""restatement_score: a reworded sentence scores high, a neighbouring one low."""
from __future__ import annotations

from doclint.core.restatement import RESTATEMENT_THRESHOLD, restatement_score

CUT = "They exchanged viewpoints concerning the complicated political situation in Syria and the"
RESTATED = ("The two sides exchanged viewpoints about the complexities of the political scene "
            "in Syria, and leadership challenges.")
NEXT = ("They also discussed the role of regional and international initiatives to restore "
        "peace and stability in Syria and across West Asia.")
EARLIER = ("The Iraqi Foreign Minister reiterated his country's preparedness to give support and "
           "assistance in order to get all Syrian political parties participative in the "
           "restoration of the country and avoid totalitarianism.")
INCLUSIVE = ("Hussein also stressed the need for a political process in Syria that is inclusive of "
             "all strata of the society and political currents steering the country in a set "
             "direction, far away from marginalization of any party.")


def test_reworded_cut_off_sentence_passes_threshold():
    assert restatement_score(CUT, RESTATED) >= RESTATEMENT_THRESHOLD


def test_unrelated_neighbours_stay_below_threshold():
    pairs = [(RESTATED, NEXT), (INCLUSIVE, EARLIER), (EARLIER, CUT), (NEXT, RESTATED)]
    for first, second in pairs:
        assert restatement_score(first, second) < RESTATEMENT_THRESHOLD / 2


def test_score_range_and_edge_cases():
    assert restatement_score("", "anything at all") == 0.0
    assert restatement_score("of the and", "the of") == 0.0
    assert restatement_score(RESTATED, RESTATED) == 1.0
    # Very short sentences are shrunk: two shared words are not a restatement.
    assert restatement_score("Prices rose.", "Prices rose again sharply today.") < RESTATEMENT_THRESHOLD


def test_set_bound_is_never_below_the_score():
    import random

    from doclint.families.duplication.restate import _bound, _score, _Seen

    rng = random.Random(5)
    vocabulary = ["political", "politics", "politician", "situation", "situations", "complicated",
                  "complexity", "region", "regional", "viewpoints", "views", "exchange", "exchanged",
                  "syria", "peace", "stability", "minister", "ministers", "assistance", "support",
                  "process", "country", "countries"]
    for _ in range(300):
        first = _Seen(0, 1, rng.choices(vocabulary, k=rng.randint(1, 12)), 0)
        second = _Seen(2, 3, rng.choices(vocabulary, k=rng.randint(1, 12)), 0)
        assert _bound(first, second) >= _score(first.stems, second.stem_set, second.prefixes)
