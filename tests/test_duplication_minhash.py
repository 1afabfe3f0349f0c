"""Fingerprints, token codes, MinHash signatures and band keys, candidate pairs and verification."""
from __future__ import annotations

import random
from array import array

import numpy as np

from doclint.api import document_from_text
from doclint.families.duplication import fingerprint as fp
from doclint.families.duplication import lsh, nearmatch, smallgroups
from doclint.families.duplication import minhash as mh


def codes(sentence: str) -> array:
    return fp.hashes(fp.tokens(sentence, sentence))


def test_fingerprint_is_64_bit_and_normalised():
    a, b, c = fp.fingerprints([fp.tokens("It\u2019s done \u2014 really.", ""),
                               fp.tokens("it's done - REALLY!", ""), fp.tokens("It's done, maybe.", "")])
    assert a == b != c and 0 <= a < 2 ** 64


def test_token_codes_flag_function_words_numbers_code_and_negation():
    the, nums, not_, word = codes("the 42 not server")
    assert the & fp.STOP and nums & fp.NUMBER and not_ & fp.NEGATION and not word & fp.STOP
    [code] = fp.hashes(["`make"])
    assert code & fp.CODE


def signatures_of(*sentences: str):
    """MinHash signatures of the sentences, as the corpus phase computes them."""
    token_lists = [codes(s) for s in sentences]
    tokens = np.concatenate([np.array(t, np.uint32) for t in token_lists])
    starts = np.concatenate(([0], np.cumsum([len(t) for t in token_lists])))
    return mh.signatures(tokens, starts)[0]


def brute_force_signature(tokens: list[int], demoted: set[int] = frozenset()) -> list[int]:
    content = {t for t in tokens if not t & (fp.STOP | fp.NUMBER)}
    if len(content) < 2:
        content = set(tokens)
    rows = []
    for token in content:
        values = mh.token_values(np.array([token], np.uint32))[0].tolist()
        rows.append([0xC000 + v // 4 for v in values] if token in demoted else values)
    return [min(column) for column in zip(*rows)]


def test_signatures_are_lane_minima_over_content_words():
    rng = random.Random(1)
    words = [f"word{i}" for i in range(60)] + ["the", "of", "42", "1999"]
    sentences = [" ".join(rng.choices(words, k=rng.randint(1, 12))) for _ in range(300)]
    sentences += ["the of the 42", "the word1 of word1"]  # fewer than two content words
    signature = signatures_of(*sentences)
    assert signature.shape == (lsh.WIDTH, len(sentences))
    for k, sentence in enumerate(sentences):
        assert signature[:, k].tolist() == brute_force_signature(list(codes(sentence)))


def test_frequent_words_are_demoted_in_signatures():
    rng = random.Random(5)
    vocabulary = [f"term{i}" for i in range(4000)]
    sentences = [" ".join(["common"] + rng.choices(vocabulary, k=6)) for _ in range(1000)]
    [common] = codes("common")
    signature = signatures_of(*sentences)
    for k in (0, 500, 999):
        assert signature[:, k].tolist() == brute_force_signature(list(codes(sentences[k])), {common})
    # Demoted, "common" holds a minimum only where all six other words hash high.
    without = signatures_of(*(s.replace("common ", "") for s in sentences))
    assert (signature == without).mean() > 0.99


def test_a_sentence_with_one_rare_word_also_pairs_with_a_copy_that_dropped_it():
    rng = random.Random(9)
    frequent = ["following", "applies", "require", "data", "source"]
    filler = ["".join(rng.choices("bcdfgklmnprstvz", k=7)) for _ in range(3000)]
    # Make the five words frequent: each is in far more than FREQUENT_SHARE of the run.
    sentences = [" ".join(rng.sample(frequent, 2) + rng.choices(filler, k=4)) for _ in range(2000)]
    original = "The following applies to visualizations that require a data source."
    copy = "The following applies to that require a data source."
    sentences += [original, copy]
    token_lists = [codes(s) for s in sentences]
    tokens = np.concatenate([np.array(t, np.uint32) for t in token_lists])
    starts = np.concatenate(([0], np.cumsum([len(t) for t in token_lists])))
    demoted, plain, few = mh.signatures(tokens, starts)
    n = len(sentences)
    assert few[n - 2] and few[n - 1] and few[:n - 2].sum() == 0
    # Demoted, the original's one rare word holds every minimum: no band in common...
    shared = mh.band_keys(demoted)[:, n - 2] == mh.band_keys(demoted)[:, n - 1]
    assert not shared.any()
    # ...but the signatures without demotion pair them.
    left, right = mh.unpack_pairs(mh.plain_pairs(plain, few))
    assert (n - 2, n - 1) in set(zip(left.tolist(), right.tolist()))


def test_same_content_words_give_same_band_keys():
    keys = mh.band_keys(signatures_of("the cat sat on a mat", "a cat sat on the mat", "a dog sat on the mat"))
    assert keys.shape == (lsh.BANDS, 3)
    assert (keys[:, 0] == keys[:, 1]).all() and not (keys[:, 0] == keys[:, 2]).all()


def test_band_keys_are_three_lane_minima_side_by_side():
    signature = signatures_of("the installer checks every signature before unpacking archives")
    minima = signature[:, 0].tolist()
    expected = [sum(minima[b * lsh.ROWS + r] << (lsh.LANE * r) for r in range(lsh.ROWS)) for b in range(lsh.BANDS)]
    assert mh.band_keys(signature)[:, 0].tolist() == expected


def test_candidate_pairs_find_planted_copy_among_random_sentences():
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(5000)]
    sentences = [" ".join(rng.choices(vocabulary, k=12)) for _ in range(3000)]
    sentences.append(sentences[100] + " extra")
    pairs = mh.candidate_pairs(mh.band_keys(signatures_of(*sentences))).tolist()
    assert (100 << 32) | 3000 in pairs
    assert pairs == sorted(set(pairs))
    assert len(pairs) < 100  # unrelated random sentences almost never collide


def test_pairs_sharing_key_pairs_every_member_of_small_groups_only():
    keys = np.array([5, 7, 5, 9, 5, 7] + [3] * (lsh.MAX_BUCKET + 1), np.uint64)
    pairs = mh.pairs_sharing_key(*mh.grouped(keys))
    left, right = mh.unpack_pairs(np.unique(pairs))
    assert list(zip(left.tolist(), right.tolist())) == [(0, 2), (0, 4), (1, 5), (2, 4)]
    rows = np.array([[1, 2], [1, 3], [1, 2], [0, 2], [2, 1]], np.uint32)
    assert mh.pairs_sharing_key(*mh.grouped(mh.row_keys(rows))).tolist() == [(0 << 32) | 2]


def test_shared_in_order_keeps_repeated_keys_in_row_order():
    keys = np.array([9, 4, 7, 4, 9, 1, 4], np.uint64)
    order, new = mh.shared_in_order(keys)
    assert order.tolist() == [1, 3, 6, 0, 4] and new.tolist() == [True, False, False, True, False]


def test_similarity_counts_word_edits_and_swaps():
    a = codes("we are not the less americans on that account")
    assert nearmatch.similarity(a, codes("we not are the less americans on that account")) == 1 - 1 / 9
    assert nearmatch.similarity(a, codes("we are the less americans on that account")) == 1 - 1 / 9
    assert nearmatch.similarity(a, codes("something else entirely"), 0.8) == 0.0


def test_changes_content_allows_variants_and_function_words_only():
    base = codes("open the homebrew tap settings page")
    assert not nearmatch.changes_content(base, codes("open a homebraw tap settings page"))
    assert nearmatch.changes_content(base, codes("open the cask tap settings page"))
    assert nearmatch.is_cut_copy(codes("open the homebrew tap"), base)


def test_changes_content_counts_added_qualifiers_numbers_and_contrasts():
    base = codes("line breaks are allowed in string literals of the language")
    assert nearmatch.changes_content(base, codes("line breaks are allowed in byte string literals of the language"))
    assert not nearmatch.changes_content(base, codes("line breaks are allowed in literals of the language"))
    assert not nearmatch.changes_content(base, codes("line breaks are also allowed in string literals of the language"))
    assert nearmatch.changes_content(codes("keep the sentence length below 8 words"),
                                     codes("keep the sentence length below 9 words"))
    assert nearmatch.changes_content(codes("this is rendered before the ignore comment"),
                                     codes("this is rendered after the ignore comment"))
    assert nearmatch.changes_content(codes("tools must raise an error for this key"),
                                     codes("tools may raise an error for this key"))


def test_document_tokens_read_each_sentence_as_tokens_at_does():
    doc = document_from_text("run.md", "Run `make` first. Then open the app! It's “ready” — really.\n")
    every = fp.document_tokens(doc)
    words = doc.folded_words
    assert every is fp.document_tokens(doc)  # read once per document
    for sentence in doc.sentences:
        first, last = words.span(sentence.start, sentence.end)
        assert every[first:last] == fp.tokens_at(words.low, doc.text, sentence.start, sentence.end)
    assert "``make`" in every and "it's" in every and '"ready"' not in every
    assert "`" not in "".join(words.tokens)  # the shared cut itself keeps the mask


def test_ascii_token_pattern_finds_the_same_tokens_as_the_unicode_one():
    rng = random.Random(11)
    alphabet = "abz09 _-'.,:/\"()!?\t\n`#"
    texts = ["e.g. it's v1.2.3 at 10:30, see a/b - x_y", "__init__ don't-stop 3,000.50"]
    texts += ["".join(rng.choices(alphabet, k=60)) for _ in range(2000)]
    for text in texts:
        assert fp._ASCII_TOKEN.findall(text) == fp._TOKEN.findall(text)


def quick_tests_pass(first: list[int], second: list[int], cutoff: float) -> bool:
    """The two early exits of nearmatch.similarity(), written out per pair."""
    n, m = len(first), len(second)
    longest = max(n, m)
    budget = int((1.0 - cutoff) * longest + 1e-9)
    shorter = first if n <= m else second
    shared = len(set(first) & set(second)) + len(shorter) - len(set(shorter))
    return abs(n - m) <= budget and longest - shared <= budget


def test_may_reach_applies_the_similarity_quick_tests_to_every_pair_at_once():
    rng = random.Random(13)
    base = [rng.choices(range(1, 30), k=rng.randint(3, 14)) for _ in range(60)]
    # Edited copies (a word dropped, changed, repeated) beside unrelated sentences.
    sentences = base + [s[:-1] + [rng.randint(1, 30), s[0]] for s in base]
    tokens = np.array([t for s in sentences for t in s], np.uint32)
    starts = np.concatenate(([0], np.cumsum([len(s) for s in sentences])))
    left, right = map(np.array, zip(*[(i, j) for i in range(len(sentences)) for j in range(i + 1, len(sentences))]))
    for cutoff in (0.6, 0.8):
        reach = mh.may_reach(tokens, starts, left, right, cutoff)
        expected = [quick_tests_pass(sentences[i], sentences[j], cutoff) for i, j in zip(left, right)]
        assert reach.tolist() == expected
        assert 0 < sum(expected) < len(expected) // 4
        for i, j in zip(left[~reach][:500], right[~reach][:500]):
            assert nearmatch.similarity(sentences[i], sentences[j], cutoff) < cutoff


def test_small_run_pairs_skip_groups_over_the_bucket_limit():
    keyed = [(i, "big") for i in range(lsh.MAX_BUCKET + 1)] + [(30, "a"), (31, "b"), (32, "a")]
    assert smallgroups._pairs_sharing_key(keyed) == {(30, 32)}


def test_quote_never_cuts_an_identifier():
    # Quotes read at most twice the limit (the corpus phase keeps no more): an
    # identifier that ends within it is quoted whole.
    sentence = "Set `PYTHON_CONFIGURE_OPTS_FRAMEWORK` before building."
    assert fp.quote(sentence, 24) == "Set `PYTHON_CONFIGURE_OPTS_FRAMEWORK`\u2026"
    assert fp.quote("Run the installer from a terminal before you unpack it.", 24) == "Run the installer from\u2026"
    assert fp.quote("Short sentence.", 24) == "Short sentence."


def test_token_offsets_match_token_spans():
    text = "Run `make test` first, then open the app. It's ready."
    masked = text.replace("`make test`", "\ue000" * 11)
    low = fp.fold(masked)
    for source in (low, fp.fold(text)):
        words, spans = fp.token_offsets(source, text, 0, len(text))
        assert list(zip(words, *zip(*spans))) == fp.token_spans(source, text, 0, len(text))
