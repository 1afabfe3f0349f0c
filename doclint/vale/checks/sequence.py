"""`sequence`: a run of words that each match a token pattern, in a sentence.

Only rules whose tokens have a `pattern` run: a token with `tag:` matches a part of
speech, which needs a tagger doclint does not have, so such a rule gets a note.

Vale's semantics, kept here: a token with `skip: N` stands for N optional copies of
itself followed by the token; the first token with a (non-negated) pattern is the
anchor; for each match of the anchor in the sentence, the first word that matches it
and has not anchored before is taken, and the tokens before it are checked leftwards
and the tokens after it rightwards. A required token that does not match ends the
attempt; an optional token that matches ends that side early, as in Vale. The
message's `%s` take the matched words in order."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress, count, islice

import regex

from doclint.vale.checks.base import WORD_TEMPLATE, Check, Unsupported, as_list
from doclint.vale.view import Scope

# Words as Vale's tokenizer yields them, nearly: runs of word characters joined by
# inner apostrophes, hyphens or dots ("don't", "e-mail", "v1.2"), else one symbol.
_WORD = regex.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]")
# In ASCII text the stdlib's `re` reads `\w` and `\s` as `regex` does but for the
# separators \x1c-\x1f (whitespace to `re` only), and finds the same words faster.
_ASCII_WORD = re.compile(_WORD.pattern)
_SEPARATORS = re.compile(r"[\x1c-\x1f]")
_PLAIN_WORD = re.compile(r"[A-Za-z]+")


@dataclass
class _Token:
    pattern: regex.Pattern | None
    negate: bool
    skip: int
    optional: bool = False
    start: bool = False
    end: bool = False
    # The pattern's plain word (lowered with ignorecase), when it is one in the default
    # word template: a word it matches holds it.
    literal: str | None = None

    seen: dict[str, bool] = field(default_factory=dict)  # word -> verdict: words repeat

    def matches(self, word: str) -> bool:
        # A token without a pattern (a bare `skip`) matches any word.
        if self.pattern is None:
            return True
        verdict = self.seen.get(word)
        if verdict is None:
            if len(self.seen) > 50_000:  # a bounded memory: start afresh
                self.seen.clear()
            verdict = self.seen[word] = (self.pattern.search(word) is not None) != self.negate
        return verdict


class Sequence(Check):
    KEYS = frozenset({"tokens", "ignorecase"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        # Vale always reads a sequence rule sentence by sentence, whatever `scope` says.
        self.scope = Scope.parse("sentence")
        raw = data.get("tokens")
        if not isinstance(raw, list) or not raw:
            raise ValueError("'tokens' must be a list of mappings with 'pattern', 'negate' or 'skip'")
        if any(isinstance(t, dict) and t.get("tag") for t in raw):
            raise Unsupported("its tokens match parts of speech (`tag`), which need a tagger doclint does not have")
        ignore_case = bool(data.get("ignorecase"))
        self.tokens: list[_Token] = []
        for item in raw:
            if not isinstance(item, dict):
                raise ValueError(f"each token must be a mapping, got {item!r}")
            pattern = "".join(as_list(item.get("pattern")))
            compiled = self.compile(self.template(pattern, False), "tokens", ignore_case) if pattern else None
            skip = int(item.get("skip") or 0)
            negate = bool(item.get("negate"))
            literal = None
            if _PLAIN_WORD.fullmatch(pattern) and self.word_template == WORD_TEMPLATE:
                literal = pattern.lower() if ignore_case else pattern
            for i in range(skip, 0, -1):
                self.tokens.append(_Token(compiled, negate, skip, optional=True, start=i == skip, literal=literal))
            if pattern:
                self.tokens.append(_Token(compiled, negate, skip, end=True, literal=literal))
        self.anchor = next((i for i, t in enumerate(self.tokens) if t.pattern is not None and not t.negate), None)
        if self.anchor is None:
            raise ValueError("'tokens' need at least one token with a 'pattern' that is not negated")
        # An anchor that is one plain word, in the default word template, cannot match
        # a text without that word.
        self.ignore_case = ignore_case
        self.literal = None
        word = "".join(as_list(next(t for t in raw if isinstance(t, dict) and t.get("pattern")
                                    and not t.get("negate")).get("pattern")))
        if _PLAIN_WORD.fullmatch(word) and self.word_template == WORD_TEMPLATE:
            self.literal = word.lower() if ignore_case else word
        # The plain words every match holds: the anchor's, and those of the tokens a
        # match must hit whatever else matches (see needed_words).
        self.needed = needed_words(self.tokens, self.anchor, self.literal)

    def _lacks(self, text: str) -> bool:
        """Whether `text` lacks a word every match needs, so no sentence in it can match:
        a token's word stands in each word the token matches (in ASCII text, case folds
        as `str.lower` does; other text is left to the regexes)."""
        if self.ignore_case:
            if not text.isascii():
                return False
            text = text.lower()
        return any(word not in text for word in self.needed)

    def run(self, view, state):
        for seg in self._candidates(view):
            yield from self._sentence(seg)

    def _candidates(self, view):
        """The sentences that may hold a match. A match needs each of the words
        `needed` in its sentence, so in the sentence's block; and a plain-word anchor
        can only match in a sentence whose block it matches in: sentences are cut at
        whitespace, so a word at a sentence's edge stands at a word boundary in its
        block too. Blocks that cannot hold a match are passed over unsplit (most blocks,
        for most rules); when another rule has had every sentence made already, they are
        read as they are."""
        if not self.needed or view.has_segments(self.scope):
            yield from view.segments(self.scope)
            return
        lacks = self._lacks
        # A plain-word anchor that matches in a sentence matches in its block too (see
        # above); another (`^[A-Z]\w*`) may match at a sentence's start and nowhere in
        # the block, so its blocks are kept.
        pattern = self.tokens[self.anchor].pattern if self.literal is not None else None
        for index, block in enumerate(view.blocks):
            text = block.segment.text
            if lacks(text):
                continue
            if pattern is not None and pattern.search(text) is None:
                continue
            yield from view.sentences_of(index)

    def _sentence(self, seg):
        """The alerts of one sentence."""
        anchor = self.tokens[self.anchor]
        text = seg.text
        # Most sentences have no anchor: a plain-word anchor needs its word in the text
        # (in ASCII text, case folds as `str.lower` does), and so does each plain-word
        # token a match must hit, which `in` tells several times faster than the regex;
        # words are split only where they all stand.
        if self.needed and self._lacks(text):
            return
        anchors = len(anchor.pattern.findall(text))
        if not anchors:
            return
        tokenizer = _words_of(text)
        words = tokenizer.findall(text)
        # Each match of the anchor in the sentence takes the next word the anchor
        # matches (Vale's walk from the first word, skipping those used before); the
        # words' verdicts are read from what the anchor remembers, in C, and only a
        # sentence with a word never seen asks the pattern.
        verdicts = list(map(anchor.seen.get, words))
        if None in verdicts:
            verdicts = list(map(anchor.matches, words))
        for jdx in islice(compress(count(), verdicts), anchors):
            span = self._match(words, jdx)
            if span is None:
                continue
            first, last = span
            # Where the words stand, found again only for a sequence that matched.
            spans = [m.span() for m in islice(tokenizer.finditer(text), last + 1)]
            a, b = spans[first][0], spans[last][1]
            yield self.alert(seg.start(a), seg.end(b), *words[first:last + 1])

    def _match(self, words: list[str], jdx: int) -> tuple[int, int] | None:
        """The first and last word of the sequence anchored at word `jdx`, or None."""
        idx, toks = self.anchor, self.tokens
        first = last = jdx
        for i in range(1, idx + 1):  # leftwards from the anchor
            if jdx - i < 0:
                return None
            tok = toks[idx - i]
            # Seen from the right, a skipped run reads required-then-optional.
            optional = (tok.optional or tok.end) and not tok.start if tok.skip else tok.optional
            hit = tok.matches(words[jdx - i])
            first = jdx - i
            if not hit and not optional:
                return None
            if hit and optional:
                break
        for i in range(len(toks) - idx):  # rightwards, the anchor included
            if jdx + i >= len(words):
                return None
            tok = toks[idx + i]
            hit = tok.matches(words[jdx + i])
            last = jdx + i
            if not hit and not tok.optional:
                return None
            if hit and tok.optional:
                break
        return first, last


def needed_words(tokens: list[_Token], anchor: int, literal: str | None) -> tuple[str, ...]:
    """The plain words of the tokens every match hits, as `Sequence._match` walks them:
    the anchor, and from it rightwards the tokens up to the first optional one (an
    optional token that hits ends the walk; after one that misses, the next ones may
    or may not be tried). The tokens left of the anchor, the first token with a pattern
    that is not negated, are negated or have no pattern: a negated token hits a word
    without its pattern, and one without a pattern hits any word, so neither needs a
    word."""
    needed = {literal} if literal is not None else set()
    for tok in tokens[anchor:]:
        if tok.optional:
            break
        if tok.literal is not None and tok.pattern is not None and not tok.negate:
            needed.add(tok.literal)
    return tuple(sorted(needed))


def _words_of(text: str):
    """The word pattern for `text`: the stdlib twin where it finds the same words."""
    return _ASCII_WORD if text.isascii() and _SEPARATORS.search(text) is None else _WORD
