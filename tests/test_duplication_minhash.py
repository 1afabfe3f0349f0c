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
