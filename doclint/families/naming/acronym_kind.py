"""`acronyms` kind: acronyms used without a definition, before it, or defined twice."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from doclint.core.finding import Hit
from doclint.core.kind import Kind
from doclint.core.logs import LOGS, is_log
from doclint.families.naming.acronyms import Definition, sentence_definitions
from doclint.families.naming.knownacronyms import shipped_known
from doclint.families.naming.phrases import initials_of, phrase_initials
from doclint.families.naming.spans import SpanSet
from doclint.families.naming.variants import is_english_word
from doclint.families.naming.words import in_quotes_or_section_link

CHECKS = ("undefined", "early", "redefined")
# Two or more capitals (digits allowed, "COVID19"), an optional plural "s" ("APIs"); not
# part of an identifier, path or file name (HOMEBREW_PREFIX, docs/API.md).
ACRONYM = re.compile(r"(?<![\w\-/.@#$])([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)(s?)(?![\w/@]|-\w|\.\w)")
ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
SKIPPED_BLOCKS = ("heading", "table-cell")
WORD_COUNT = 1000  # pyspellchecker count above which a capitalised word is a word
_USES: WeakKeyDictionary = WeakKeyDictionary()  # doc -> known set -> uses


@dataclass(frozen=True)
class Use:
    short: str
    start: int
    end: int


# Two-letter words are left out of the English-word test (IT, US, ID and OS are
# acronyms as often as words); these function words in capitals are a value ("Mandatory
# : NO") or emphasis ("do it ONLY IF"), and no acronym a reader needs spelt out.
CAPITAL_FUNCTION_WORDS = frozenset("NO OR IF ON OF TO BY SO BE WE HE ME MY AN DO IN".split())

# A run of capitals that every ACRONYM match contains: sentences without one are skipped.
CAPITALS = re.compile(r"[A-Z][A-Z0-9&]*[A-Z]")


def acronym_uses(doc, known: frozenset[str], defined_spans: list[tuple[int, int]]) -> list[Use]:
    """Acronyms used in prose sentences, minus known ones, roman numerals, words in an
    all-capitals passage (a shouted heading line) and the definitions themselves."""
    masked = doc.masked
    # Any ACRONYM match inside a sentence overlaps some CAPITALS match of the whole text.
    runs = [m.span() for m in CAPITALS.finditer(masked)]
    run_ends = [e for _, e in runs]
    defined = SpanSet(defined_spans)
    out = []
    for sentence in doc.sentences:
        if sentence.block.kind in SKIPPED_BLOCKS:
            continue
        k = bisect_right(run_ends, sentence.start)
        if k == len(runs) or runs[k][0] >= sentence.end:
            continue
        for match in ACRONYM.finditer(masked, sentence.start, sentence.end):
            short = match.group(1)
            if short in known or _version_of_known(short, known) or ROMAN.match(short) \
                    or _shouted(masked, match):
                continue
            if (len(short) > 2 and is_english_word(short, WORD_COUNT)) or short in CAPITAL_FUNCTION_WORDS:
                continue  # a word in capitals (ERROR, NOTE, a value NO), not an acronym
            if match.start() in defined:
                continue
            if in_quotes_or_section_link(doc.text, match.start(), match.end()):
                continue  # a quoted name or a link to its section ("see `PDM <pdm>`")
            out.append(Use(short, match.start(), match.end(1)))
    return out


def _version_of_known(short: str, known: frozenset[str]) -> bool:
    """A known acronym with a version number (HTML5, CSS3) is as known as the acronym."""
    stem = short.rstrip("0123456789")
    return stem != short and len(stem) >= 2 and stem in known


def _shouted(text: str, match: re.Match) -> bool:
    """An acronym beside another all-capitals word is probably a shouted phrase."""
    left = text[max(0, match.start() - 40):match.start()].split()
    right = text[match.end():match.end() + 40].split()
    near = [w.strip(".,;:!?\"'()") for w in left[-1:] + right[:1]]
    return any(len(w) >= 3 and w.isalpha() and w.isupper() for w in near)


def _normal(long: str) -> str:
    """Expansions that differ only in word endings are one expansion: "Personal
    identifiable information" and "Personally Identifiable Information"; so do the
    singular and the plural ("dynamically sized type", "Dynamically Sized Types"); so
    do a name joined with a hyphen and without ("Open-ID Connect", "OpenID Connect")."""
    return " ".join(w.removesuffix("s")[:5] for w in re.findall(r"[a-z0-9]+", long.lower().replace("-", "")))


def _named_before(doc, short: str, start: int) -> bool:
    """News style: an earlier capitalised phrase whose initials spell the acronym ("the
    European Space Agency ... the ESA") defines it. Looked up only for an acronym that
    would be reported, since finding the phrases reads every sentence."""
    return phrase_initials(doc).get(initials_of(short), start) < start


class AcronymsKind(Kind):
    """`check: undefined` reports an acronym used `min-uses` times or more that the
    document never defines (only in documents that define at least `min-defined-share`
    of their acronyms); `early` one used before its definition; `redefined` a second
    definition with another expansion. `known` acronyms need no definition."""

    name = "acronyms"

    @dataclass(frozen=True)
    class Options:
        check: str = "undefined"
        known: tuple[str, ...] = ()
        min_uses: int = 2
        max_length: int = 5
        min_defined_share: float = 0.5
        shipped_known: bool = True
        # Changelogs and release notes are history (see doclint.core.logs): their past
        # entries are not rewritten to today's spelling. `[]` checks them.
        logs: tuple[str, ...] = LOGS

        def __post_init__(self) -> None:
            if self.check not in CHECKS:
                raise ValueError(f"'check' must be one of {', '.join(CHECKS)}")
            if self.min_uses < 1 or self.max_length < 2:
                raise ValueError("'min-uses' must be at least 1 and 'max-length' at least 2")
            if not 0 <= self.min_defined_share <= 1:
                raise ValueError("'min-defined-share' must be between 0 and 1")
            object.__setattr__(self, "known_set", frozenset(self.known))
            object.__setattr__(self, "shipped_set", shipped_known() if self.shipped_known else frozenset())

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        if is_log(doc, opts.logs):
            return
        definitions = self._definitions(doc)
        spans = [(d.start, d.end) for d in definitions]
        if opts.check == "redefined":
            yield from self._redefined(doc, definitions)
            return
        uses: dict[str, list[Use]] = {}
        for use in self._uses(doc, spans):
            if len(use.short) <= opts.max_length:
                uses.setdefault(use.short, []).append(use)
        # A document that defines few of its acronyms follows another convention
        # (reference pages for readers who know the jargon): asking it would flood.
        # Only spelled-out definitions say that the document follows the convention:
        # "U+000A (LF)" names a character, and a capitalised phrase may match the
        # initials by chance.
        defined = {d.short for d in definitions if d.spelled}
        used = {short for short, found in uses.items() if len(found) >= opts.min_uses} | defined
        convention = opts.min_defined_share == 0 or (
            bool(used) and len(defined & used) / len(used) >= opts.min_defined_share)
        first_definition: dict[str, Definition] = {}
        first_spelled: dict[str, Definition] = {}
        for d in definitions:
            first_definition.setdefault(d.short, d)
            if d.spelled:
                first_spelled.setdefault(d.short, d)
        sentence_start = {id(d): sentence.start
                          for sentence, found in sentence_definitions(doc) for d in found}
        for short, found in uses.items():
            # The shipped list exempts an acronym from reports only: counted in the
            # share above, it keeps reference pages that define little out of reach.
            if short in opts.shipped_set:
                continue
            definition = first_definition.get(short)
            first = found[0]
            if opts.check == "undefined" and definition is None and convention and len(found) >= opts.min_uses:
                if not _named_before(doc, short, first.start):
                    yield Hit(first.start, first.end, {"acronym": short, "count": len(found)})
            elif opts.check == "early" and short in first_spelled and \
                    first.start < sentence_start[id(definition := first_spelled[short])] and \
                    not _named_before(doc, short, first.start):
                # A use in the defining sentence itself ("the MCP Server is the official
                # MCP (Model Context Protocol) server") is read with its definition.
                line = doc.location(definition.short_start).line
                yield Hit(first.start, first.end, {"acronym": short, "long": definition.long, "line": line},
                          (doc.location(definition.short_start),))

    def _definitions(self, doc) -> list[Definition]:
        return [d for _, found in sentence_definitions(doc) for d in found]

    def _uses(self, doc, spans: list[tuple[int, int]]) -> list[Use]:
        """acronym_uses(), shared by the rules of this kind with the same `known` list."""
        by_known = _USES.setdefault(doc, {})
        known = self.options.known_set
        if known not in by_known:
            by_known[known] = acronym_uses(doc, known, spans)
        return by_known[known]

    def _redefined(self, doc, definitions: list[Definition]) -> Iterable[Hit]:
        first: dict[str, Definition] = {}
        for d in definitions:
            if not d.spelled:
                continue  # "the French news agency (AFP)" names no expansion to compare
            earlier = first.setdefault(d.short, d)
            if earlier is not d and _normal(earlier.long) != _normal(d.long):
                yield Hit(d.short_start, d.short_end,
                          {"acronym": d.short, "long": d.long, "first": earlier.long,
                           "line": doc.location(earlier.short_start).line},
                          (doc.location(earlier.short_start),))
