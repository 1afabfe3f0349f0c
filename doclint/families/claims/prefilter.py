"""Pre-filters for the claim cues: one trigger scan per document finds the words each cue
cannot match without (see regexread), so a cue runs only on the few sentences holding
one, and only where a match can start."""
from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter
from typing import Iterable

from doclint.families.claims.regexread import leading_words, required_sets, required_words, starts_a_word

# The Aho-Corasick library for the trigger scan, imported when the first scan is built
# (a run that checks no English prose never needs it); None where it is not installed.
_UNSET = object()
_ahocorasick = _UNSET


def _library():  # noqa: ANN202 - a module or None
    global _ahocorasick
    if _ahocorasick is _UNSET:
        try:  # optional speed-up of the trigger scan; the regex scan gives the same hits
            import ahocorasick_rs as library
        except ImportError:  # pragma: no cover - a platform without the wheel
            library = None
        _ahocorasick = library
    return _ahocorasick


def word_trie(words: Iterable[str]) -> str:
    """A regex for a set of lower-case words shaped as a trie ("claim(?:ed|s)?"): `re`
    scans it several times faster than a flat alternation of the same words, and about
    twenty times faster than a case-insensitive one (measured)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # Optional tails after a shorter word: the longest match is tried first.
        if "" in node:
            return (body if len(alts) == 1 and len(body) == 1 else f"(?:{body})") + "?"
        return body

    return emit(root)


def trigger_regex(words: Iterable[str]) -> re.Pattern:
    """One scan for any of `words` in lower-cased text (a hit that holds a shorter word
    is mapped to it by the caller)."""
    return re.compile(word_trie(words))


def lowered(text: str) -> tuple[str, bool, bool]:
    """`text` case-folded, whether its offsets still match `text`, and whether every
    character was folded in full. A few characters change length when folded ("ß" to
    "ss", a ligature, a dotted capital I); in a text without them `regex`'s full case
    folding cannot match where the folded text does not. Only "ß" (and its capital) is
    common in real documents, in a name or a German passage: it is kept as "ß", so the
    offsets hold and the pre-filters still serve the document (a document of some
    hundred KB with one "ß" in it was otherwise scanned by every cue regex in full, and
    took most of the claim rules' time on installed documentation). What that leaves
    out is a cue word spelled with "ß" for "ss" ("aßured"), which `regex`'s full case
    folding would match and the `re` scans do not."""
    low = text.casefold()
    folded = True
    if len(low) != len(text) and ("\u00df" in text or "\u1e9e" in text):
        low = "\u00df".join(part.casefold() for part in text.replace("\u1e9e", "\u00df").split("\u00df"))
        folded = False
    if "\u0131" in low:
        # `re` with IGNORECASE matches a dotless "ı" for "i" ("ıt is believed"), which
        # case folding keeps as it is: the pre-filter must see the "i" the regex sees.
        low = low.replace("\u0131", "i")
    return low, len(low) == len(text), folded


# Every trigger word of every cue set built in this process: one scan of a document
# for all of them serves every claim rule (DL301-DL304 each had its own scan).
_ALL_WORDS: set[str] = set()
_SHARED: dict[frozenset, "WordScanner"] = {}
_LAST: tuple | None = None  # (word set, its size, words, scanner) of the last shared_trigger


class WordScanner:
    """Finds the longest of a set of lower-case words at each place, left to right,
    without overlaps, as `trigger_regex(words).finditer` does: with an Aho-Corasick DFA
    (ahocorasick-rs) when it is installed, about ten times faster on prose (measured:
    0.008 s against 0.095 s for 2 MB; pyahocorasick took 0.041 s), else with the regex."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = sorted(set(words))
        self.automaton = None
        self.regex = None
        library = _library() if self.words else None
        if library is not None:
            self.automaton = _automaton(library, self.words)
        elif self.words:
            self.regex = trigger_regex(self.words)

    def hits(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        """(offset, word) of each hit in text[start:end]."""
        if self.automaton is not None:
            words = self.words
            return [(at + start, words[k])
                    for k, at, _ in self.automaton.find_matches_as_indexes(text[start:end])]
        if self.regex is not None:
            return [(m.start(), m.group()) for m in self.regex.finditer(text, start, end)]
        return []


def _automaton(library, words: list[str]):
    kind = library.MatchKind.LeftmostLongest
    try:  # a DFA scans fastest; a word list too large for one gets the library's choice
        return library.AhoCorasick(words, matchkind=kind, implementation=library.Implementation.DFA)
    except Exception:  # noqa: BLE001 - the library reports a DFA over its size limit
        return library.AhoCorasick(words, matchkind=kind)


def share(words: Iterable[str]) -> None:
    """Add words to the one trigger scan (the reporting verbs of an attribution rule)."""
    _ALL_WORDS.update(w.lower() for w in words)


def shared_trigger() -> tuple[frozenset, WordScanner]:
    """The trigger words of all cue sets so far, and one scanner that finds any of them."""
    global _LAST
    # Words are only ever added, so the set is unchanged while its size is: no new
    # frozenset of some 500 words to build, hash and compare on every call.
    if _LAST is not None and _LAST[0] is _ALL_WORDS and _LAST[1] == len(_ALL_WORDS):
        return _LAST[2], _LAST[3]
    words = frozenset(_ALL_WORDS)
    found = _SHARED.get(words)
    if found is None:
        _SHARED.clear()
        found = _SHARED[words] = WordScanner(words)
    _LAST = (_ALL_WORDS, len(words), words, found)
    return words, found


class CueSet:
    """Cue matchers with one shared pre-filter scan: each matcher runs only on the
    sentences that hold a word it cannot match without (or on all text when no such
    word could be read from it)."""

    def __init__(self, matchers: Iterable, phrases: Iterable | None = None) -> None:
        self.matchers = tuple(matchers)
        # Per matcher, the lower-case words of each literal phrase it matches (None: not
        # a phrase matcher, or a phrase with a word this check cannot read).
        self.phrases: tuple = tuple(phrases) if phrases is not None else (None,) * len(self.matchers)
        self.needs: list[frozenset[str] | None] = [_matcher_words(m) for m in self.matchers]
        # Where a cue's matches start, when every match starts with one of a few words:
        # it is then tried only where they stand, not scanned for (see `anchored`).
        self.leads: list[tuple | None] = [matcher_leads(m) for m in self.matchers]
        # Of such a cue, every set of words one of which each match holds: a run of
        # sentences lacking one set holds no match ("said ... to be" needs "to").
        # The sets of one word come first: a run lacking that word is dropped at one search.
        self.required: list[tuple] = [tuple(sorted(required_sets(lead[0].pattern, re.IGNORECASE), key=len))
                                      if lead else () for lead in self.leads]
        # The same, less the set the cue's candidate sentences were found by (`needs`): a
        # run of them holds one of its words, hit by the trigger scan, so the search
        # for them is left out. (Leaving out a search only lets more runs through to
        # the regex, which finds what it finds in them.)
        self.run_required: list[tuple] = [tuple(r for r in required if r != need)
                                          for required, need in zip(self.required, self.needs)]
        # The matchers that need each word; a set without any runs every matcher on all text.
        self.needed_by: dict[str, list[int]] = {}
        for k, need in enumerate(self.needs):
            for word in sorted(need or ()):
                self.needed_by.setdefault(word, []).append(k)
        self.words = frozenset(self.needed_by)
        # The matchers each hit word is for, filled as words are hit (see `_users_of`).
        self.users: dict[str, list[int]] = {}
        # Per phrase matcher, the words it needs that each phrase holds (see
        # `_phrases_hit`), and the phrases each hit word is for, filled as words are hit.
        self.phrase_needs: list[tuple | None] = [_phrase_needs(p, need) if p and need else None
                                                 for p, need in zip(self.phrases, self.needs)]
        self.phrase_users: list[dict[str, tuple[int, ...]]] = [{} for _ in self.matchers]
        _ALL_WORDS.update(self.words)

    def __setstate__(self, state: dict) -> None:
        # A cue set sent to another process (a pool or distributed worker) joins that
        # process's one trigger scan, as it did where it was built.
        self.__dict__.update(state)
        _ALL_WORDS.update(self.words)

    def _users_of(self, hit: str) -> list[int]:
        """The matchers a hit word is for: a hit may be a longer word that holds a
        shorter trigger ("reportedly" holds "reported"), and each matcher that needs
        a part of it is given its sentence."""
        found = self.users.get(hit)
        if found is None:
            ks: set[int] = set()
            for word, users in self.needed_by.items():
                if word in hit:
                    ks.update(users)
            found = self.users[hit] = sorted(ks)
        return found

    def _wanted(self, ct) -> list[set[int]]:
        """The sentences each matcher must run on, from the document's one trigger scan
        for all cue sets. A hit is the longest trigger word at its place, and each
        matcher needing a part of it is given its sentence. As with one set's own scan,
        a trigger word that starts inside another one's hit ("claimsaid") is not seen:
        words in prose are apart."""
        wanted: list[set[int]] = [set() for _ in self.matchers]
        users = self.users
        for word, sentences in ct.trigger_sentences(*shared_trigger()).items():
            ks = users.get(word)
            if ks is None:
                ks = self._users_of(word)
            for k in ks:  # most hit words are reporting verbs no cue of this set needs
                wanted[k] |= sentences
        return wanted

    def __add__(self, other: "CueSet") -> "CueSet":
        return CueSet(self.matchers + other.matchers, self.phrases + other.phrases)

    def _phrases_hit(self, k: int, hits: list, start: int, end: int) -> list[int]:
        """The phrases of phrase matcher `k` that may match in text[start:end]: those
        holding a needed word that the trigger scan hit there. Every match holds a word
        the matcher needs, inside one of its words (the words stand apart, the needed
        words hold no space): a phrase none of whose needed words was hit is not looked
        for, which spares searching a long run for each word of each phrase."""
        users = self.phrase_users[k]
        found: set[int] = set()
        at = bisect_left(hits, start, key=_OFFSET)
        while at < len(hits) and hits[at][1] < end:
            word = hits[at][2]
            js = users.get(word)
            if js is None:
                js = users[word] = tuple(j for j, need in enumerate(self.phrase_needs[k])
                                         if any(w in word for w in need))
            found.update(js)
            at += 1
        return sorted(found)

    def __bool__(self) -> bool:
        return bool(self.matchers)

    def finditer(self, masked: str, ct, timeout: float) -> Iterable:
        """Matches of every matcher, matcher by matcher, in the prose of `ct`."""
        wanted: list[set[int]] = [set() for _ in self.matchers]
        if self.words and not ct.lower_ok:
            wanted = [set(range(len(ct.sentences))) for _ in self.matchers]  # no pre-filter
        elif self.words:
            wanted = self._wanted(ct)
        for k, matcher in enumerate(self.matchers):
            spans = ct.chunks if self.needs[k] is None else _runs(ct.sentences, wanted[k])
            required = self.required[k] if self.needs[k] is None else self.run_required[k]
            phrases = self.phrases[k] if ct.lower_ok else None
            lead = self.leads[k] if ct.lower_ok else None
            hits = ct.trigger_hits(*shared_trigger()) if self.phrase_needs[k] is not None else None
            for start, end in spans:
                if phrases is not None:
                    if hits is not None:  # only the phrases whose needed words were hit here
                        candidates = tuple(phrases[j] for j in self._phrases_hit(k, hits, start, end))
                    else:
                        candidates = phrases
                    held = held_phrases(ct.lower[start:end], candidates) if candidates else ()
                    if not held:
                        continue  # a run holding one word of a phrase but not all of them
                    if lead is not None:
                        # A phrase match starts with the first word of a phrase held here.
                        yield from anchored(lead[0], lead[1], held, masked, ct.lower, start, end, timeout)
                        continue
                if lead is not None:
                    if holds_all(ct.lower, start, end, required):
                        yield from anchored(*lead, masked, ct.lower, start, end, timeout)
                else:
                    yield from matcher.finditer(masked, start, end, timeout=timeout)


def phrase_words(phrases: Iterable[str]) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """For each phrase, its first word and its words longest first (all lower case), for
    `held_phrases`; None when a word is not ASCII (`regex` may fold its case to other
    lengths)."""
    out = []
    for phrase in phrases:
        words = phrase.lower().split()
        if not words:
            continue
        if not all(w.isascii() for w in words):
            return None
        out.append((words[0], tuple(sorted(set(words), key=lambda w: (-len(w), w)))))
    return tuple(out)


def _phrase_needs(phrases: tuple, need: frozenset[str]) -> tuple[frozenset[str], ...] | None:
    """For each phrase (as `phrase_words` gives them), the words of `need` inside one of
    its words; None when a phrase holds none (then phrases are not told apart by them)."""
    out = []
    for _, words in phrases:
        held = frozenset(w for w in need if any(w in word for word in words))
        if not held:
            return None
        out.append(held)
    return tuple(out)


def held_phrases(low: str, phrases: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The first words of the phrases that could match in this lower-cased run. A phrase
    match holds every word of the phrase (they are literals joined by whitespace), so
    a run lacking one word of a phrase holds no match of it. The run's trigger words
    are only one word of a phrase: "people" and "say" both let a sentence through,
    "people say" needs the two."""
    held = []
    for first, words in phrases:
        for word in words:
            if word not in low:
                break
        else:
            held.append(first)
    return tuple(held)


def holds_all(low: str, start: int, end: int, required: tuple) -> bool:
    """Does low[start:end] hold a string of each set in `required`?"""
    for options in required:
        for word in options:
            if low.find(word, start, end) != -1:
                break
        else:
            return False
    return True


# Two ASCII word characters in a row: a word goes on across the place between them.
_INWORD = re.compile(r"[A-Za-z0-9_]{2}").match
_OFFSET = itemgetter(1)  # of a trigger hit (sentence, offset, word)


# Candidate sentences this close share one call: a `regex` call with a timeout costs
# about as much as scanning a few sentences.
_GAP = 4


def _runs(sentences: list, indices: set[int]) -> list[tuple[int, int]]:
    """Spans of candidate sentences, neighbours (up to `_GAP` apart) joined in one."""
    runs: list[tuple[int, int]] = []
    last = -_GAP - 1
    for i in sorted(indices):
        start, end = sentences[i]
        if i - last <= _GAP and runs:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
        last = i
    return runs


def matcher_leads(matcher) -> tuple | None:
    """(compiled regex, whether it takes a timeout, its leading words) for a matcher of
    one regex whose matches all start with one of a few words; else None."""
    literal, custom = getattr(matcher, "literal", None), getattr(matcher, "custom", None)
    if (literal is None) == (custom is None):
        return None  # both (merged in text order by the matcher) or neither
    part = literal if custom is None else custom
    leads = leading_words(part.pattern, re.IGNORECASE)
    return (part, custom is not None, tuple(sorted(leads))) if leads else None


def anchored(part, timed: bool, leads: tuple[str, ...], masked: str, low: str,
              start: int, end: int, timeout: float, window: int | None = None) -> Iterable:
    """What `part.finditer(masked, start, end)` finds, found by trying the regex only
    where one of its leading words stands in the lower-cased text `low` (offsets as in
    `masked`): a match can start nowhere else. Trying from the left and going on after
    each match's end gives the same leftmost, non-overlapping matches. The regex sees
    the whole text, so its look-behinds and word boundaries read as in a scan. With a
    `window`, the places in the first `window` characters are found and tried before
    those in the rest, for a caller that stops after a few matches (see
    `citations.References`): a leading word that stands nowhere near the start ("<ref"
    in a text cited with "[12]") is then not looked for through the whole text."""
    after = start
    # A regex that starts a word cannot match inside one: a lead found there ("it" in
    # "with") is skipped without a call. (ASCII word characters are word characters to
    # `re` and `regex` alike.)
    inword = _INWORD if starts_a_word(part.pattern, re.IGNORECASE) else None
    if window is None:
        stretches: tuple = ((start, end),)
    else:  # a place belongs to the stretch it starts in
        stretches = ((start, min(end, start + window)), (min(end, start + window), end))
    for lo, hi in stretches:
        if len(leads) == 1 and hi == end:
            places: Iterable[int] = _found(low, leads[0], lo, end)  # in order as found: no set, no sort
        else:
            found: set[int] = set()  # two leads may stand at one place: "[" and "[^"
            for lead in leads:
                stop = min(end, hi + len(lead) - 1)  # a place before `hi` may run past it
                at = low.find(lead, lo, stop)
                while at != -1:
                    found.add(at)
                    at = low.find(lead, at + 1, stop)
            places = sorted(found)
        for at in places:
            if at < after:
                continue
            if inword is not None and at and inword(masked, at - 1):
                continue
            m = part.match(masked, at, end, timeout=timeout) if timed else part.match(masked, at, end)
            if m is not None:
                yield m
                after = m.end()


def _found(low: str, lead: str, start: int, end: int) -> Iterable[int]:
    """The places of `lead` in low[start:end], in order, found one at a time."""
    find = low.find
    at = find(lead, start, end)
    while at != -1:
        yield at
        at = find(lead, at + 1, end)


def _matcher_words(matcher) -> frozenset[str] | None:
    # A Matcher holds literal phrases (`re`) and/or custom regexes (`regex`); a match of
    # either needs one of its words, so the union of both sets is required.
    parts = [p for p in (getattr(matcher, "literal", None), getattr(matcher, "custom", None)) if p is not None]
    found: set[str] = set()
    for part in parts:
        words = required_words(part.pattern, re.IGNORECASE)
        if words is None:
            return None
        found |= words
    return frozenset(found) if found else None
