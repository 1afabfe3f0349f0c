"""Fingerprints, token codes, MinHash band keys, candidate pairs and verification."""
from __future__ import annotations

import random
from array import array

from doclint import fingerprint as fp
from doclint import minhash as mh


def codes(sentence: str) -> array:
    return fp.hashes(fp.tokens(sentence, sentence))


def test_fingerprint_is_64_bit_and_normalised():
    a = fp.fingerprint(fp.tokens("It\u2019s done \u2014 really.", ""))
    b = fp.fingerprint(fp.tokens("it's done - REALLY!", ""))
    assert a == b and 0 <= a < 2 ** 64


def test_token_codes_flag_function_words_numbers_code_and_negation():
    the, nums, not_, word = codes("the 42 not server")
    assert the & fp.STOP and nums & fp.NUMBER and not_ & fp.NEGATION and not word & fp.STOP
    [code] = fp.hashes(["`make"])
    assert code & fp.CODE


def test_lane_min_matches_elementwise_minimum():
    rng = random.Random(1)
    for _ in range(200):
        tokens = [rng.getrandbits(28) for _ in range(rng.randint(2, 8))]
        packed = [mh._packed(t) for t in tokens]
        low = packed[0]
        for p in packed[1:]:
            low = mh.lane_min(low, p)
        lanes = [[(p >> (mh.LANE * j)) & 0xFFFF for j in range(mh.WIDTH)] for p in packed]
        assert [(low >> (mh.LANE * j)) & 0xFFFF for j in range(mh.WIDTH)] == list(map(min, zip(*lanes)))


def test_same_content_words_give_same_band_keys():
    assert mh.band_keys(codes("the cat sat on a mat")) == mh.band_keys(codes("a cat sat on the mat"))


def test_candidate_pairs_find_planted_copy_among_random_sentences():
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(5000)]
    sentences = [" ".join(rng.choices(vocabulary, k=12)) for _ in range(3000)]
    sentences.append(sentences[100] + " extra")
    keys = array("Q")
    for s in sentences:
        keys.extend(mh.band_keys(codes(s)))
    pairs = mh.candidate_pairs(keys, len(sentences))
    assert (100 << 32) | 3000 in pairs
    assert len(pairs) < 100  # unrelated random sentences almost never collide


def test_similarity_counts_word_edits_and_swaps():
    a = codes("we are not the less americans on that account")
    assert mh.similarity(a, codes("we not are the less americans on that account")) == 1 - 1 / 9
    assert mh.similarity(a, codes("we are the less americans on that account")) == 1 - 1 / 9
    assert mh.similarity(a, codes("something else entirely"), 0.8) == 0.0


def test_changes_content_allows_variants_and_function_words_only():
    base = codes("open the homebrew tap settings page")
    assert not mh.changes_content(base, codes("open a homebraw tap settings page"))
    assert mh.changes_content(base, codes("open the cask tap settings page"))
    assert mh.is_cut_copy(codes("open the homebrew tap"), base)


def test_band_keys_are_three_lane_minima_side_by_side():
    words = codes("the installer checks every signature before unpacking archives")
    content = [mh._packed(t) for t in set(words) if not t & (fp.STOP | fp.NUMBER)]
    minima = [min((p >> (mh.LANE * j)) & 0xFFFF for p in content) for j in range(mh.WIDTH)]
    expected = [sum(minima[b * mh.ROWS + r] << (mh.LANE * r) for r in range(mh.ROWS))
                for b in range(mh.BANDS)]
    assert mh.band_keys(words) == expected


def test_frequent_tokens_less_later_copies_equals_counting_the_rest():
    rng = random.Random(3)
    sentences = [array("I", rng.choices(range(1, 40), k=12)) for _ in range(400)]
    later = sentences[300:]
    assert mh.frequent_tokens(sentences, 300, later) == mh.frequent_tokens(sentences[:300], 300)


def test_tokens_of_matches_tokens_at_per_sentence():
    text = "Run `make` first. Then open the app! It's “ready” \u2014 really."
    masked = text.replace("`make`", "\ue000" * 6)
    low = fp.fold(masked)
    spans = [(0, 17), (18, 36), (37, len(text))]
    assert fp.tokens_of(low, text, spans) == [fp.tokens_at(low, text, s, e) for s, e in spans]
    plain = fp.fold(text[18:])
    assert fp.tokens_of(plain, text[18:], [(0, 18)]) == [fp.tokens_at(plain, text[18:], 0, 18)]
