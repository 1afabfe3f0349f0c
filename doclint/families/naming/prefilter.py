"""What the variant checks of one document can pass over: words and pairs of words that
cannot meet another form of themselves in that document."""
from __future__ import annotations

from collections import Counter
from itertools import compress, repeat
from operator import and_, sub


def useful_pairs(texts: list[str], pairs: list[int], low_pairs: list[int], rivals: set[str]) -> list[int]:
    """The pairs (by second token) that the case or spelling check of one document
    reads: lower-case pairs, pairs beside a word with a rival form, and capitalised
    pairs whose words the lower-case pairs hold in the same places. In C-level passes."""
    keep = set(low_pairs)
    before = list(map(sub, pairs, repeat(1)))
    keep.update(compress(pairs, map(rivals.__contains__, map(texts.__getitem__, pairs))))
    keep.update(compress(pairs, map(rivals.__contains__, map(texts.__getitem__, before))))
    if low_pairs:
        firsts = {texts[k - 1] for k in low_pairs}
        seconds = {texts[k] for k in low_pairs}
        keep.update(compress(pairs, map(and_, map(firsts.__contains__, map(str.lower, map(texts.__getitem__, before))),
                                        map(seconds.__contains__, map(str.lower, map(texts.__getitem__, pairs))))))
    return sorted(keep)


def bucket_mates(names: set[str]) -> set[str]:
    """The names that share their first letter (in any case) and last character with
    another name: only such names can be spellings of one another."""
    buckets = Counter((name.lower()[0], name[-1]) for name in names)
    return {name for name in names if buckets[(name.lower()[0], name[-1])] > 1}


def rival_forms(forms: set[str]) -> set[str]:
    """The forms that share their lower-case spelling with another form."""
    spellings = Counter(map(str.lower, forms))
    return set(compress(forms, map((1).__lt__, map(spellings.__getitem__, map(str.lower, forms)))))
