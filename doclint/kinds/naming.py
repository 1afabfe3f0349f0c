"""`naming-variants` kind: one name written several ways (case, joining, spelling)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from doclint.finding import Applicability, Edit, Fix, Hit
from doclint.kinds.base import CorpusHit, Kind
from doclint.kinds.textmatch import keep_case
from doclint.variants import (
    LOWER,
    MID,
    NEAR,
    case_pair_ok,
    collect,
    deletions,
    is_acronym,
    is_english_word,
    joining_pair_ok,
    spelling_similar,
)

CHECKS = ("case", "joining", "spelling")
SCOPES = ("document", "corpus")
MAX_PLACES = 50  # occurrences kept per form and document in corpus facts


@dataclass(frozen=True)
class Place:
    order: tuple[int, int]
    start: int
    end: int
    text: str
    where: tuple = ()  # corpus scope: (Location, end_line, end_column)


class NamingVariantsKind(Kind):
    """Finds the competing forms of a name in a document (or the corpus) and reports each
    occurrence of the minority form, naming the majority form and both counts."""

    name = "naming-variants"

    @dataclass(frozen=True)
    class Options:
        check: str = "case"
        scope: str = "document"
        min_length: int = 4
        min_ratio: float = 1.0
        phrase_min_count: int = 2
        words: bool = False
        word_count: int = 100
        distinct: tuple[list[str], ...] = ()
        ignore: tuple[str, ...] = ()

        def __post_init__(self) -> None:
            if self.check not in CHECKS:
                raise ValueError(f"'check' must be one of {', '.join(CHECKS)}")
            if self.scope not in SCOPES:
                raise ValueError(f"'scope' must be one of {', '.join(SCOPES)}")
            if self.min_length < 2 or self.min_ratio < 1:
                raise ValueError("'min-length' must be at least 2 and 'min-ratio' at least 1")
            pairs = {frozenset(w.lower() for w in group) for group in self.distinct}
            object.__setattr__(self, "distinct_pairs", pairs)
            object.__setattr__(self, "ignored", frozenset(w.lower() for w in self.ignore))

    def check(self, doc) -> Iterable[Hit]:
        if self.options.scope != "document":
            return
        groups = self._groups([(0, doc, self._collect(doc))])
        for place, majority, args in self._decide(groups):
            yield Hit(place.start, place.end, args, (doc.location(majority.start),),
                      self._fix(place, majority))

    def facts(self, doc):
        if self.options.scope != "corpus":
            return None
        found = self._collect(doc)
        out = {}
        for key, forms in found.items():
            out[key] = {form: (len(spans), tuple(self._where(doc, s, e) for s, e in spans[:MAX_PLACES]))
                        for form, spans in forms.items()}
        return out

    def _collect(self, doc):
        opts = self.options
        return collect(doc, opts.check, opts.min_length, opts.words, opts.scope == "corpus")

    @staticmethod
    def _where(doc, start: int, end: int) -> tuple:
        loc = doc.location(start)
        end_line, end_column = (loc.line, loc.column) if doc.is_record else doc.position(end)
        return (start, end, doc.text[start:end], loc, end_line, end_column)

    def check_corpus(self, facts: list) -> Iterable[CorpusHit]:
        groups: dict[str, dict[str, list]] = {}
        for index, fact in enumerate(facts):
            for key, forms in (fact or {}).items():
                for form, (count, places) in forms.items():
                    entry = groups.setdefault(key, {}).setdefault(form, [0, []])
                    entry[0] += count
                    entry[1].extend(Place((index, s), s, e, t, (loc, el, ec)) for s, e, t, loc, el, ec in places)
        for place, majority, args in self._decide(groups):
            loc, end_line, end_column = place.where
            yield CorpusHit(loc, end_line, end_column, args, (majority.where[0],),
                            self._fix(place, majority), None, place.start, place.end, place.text)

    def _groups(self, docs) -> dict[str, dict[str, list]]:
        groups: dict[str, dict[str, list]] = {}
        for index, doc, found in docs:
            for key, forms in found.items():
                for form, spans in forms.items():
                    places = [Place((index, s), s, e, doc.text[s:e]) for s, e in spans]
                    groups.setdefault(key, {})[form] = [len(spans), places]
        return groups

    def _decide(self, groups: dict[str, dict[str, list]]) -> Iterable[tuple[Place, Place, dict]]:
        """(minority place, majority's first place, message args) for every reported place."""
        opts = self.options
        rank = {}  # form -> (count, first order): more uses win, then the earlier form
        forms: dict[str, tuple[int, list]] = {}
        for key, by_form in groups.items():
            for form, (count, places) in by_form.items():
                places.sort(key=lambda p: p.order)
                forms[(key, form)] = (count, places)
                rank[(key, form)] = (count, tuple(-x for x in places[0].order))
        for (key, form), majority in self._pairs(groups, rank):
            count, places = forms[(key, form)]
            major_count, major_places = forms[majority]
            if count > 1 and major_count < opts.min_ratio * count:
                continue
            args = {"form": places[0].text, "count": count, "majority": major_places[0].text,
                    "majority_count": major_count}
            for place in places:
                yield place, major_places[0], args

    def _pairs(self, groups, rank) -> Iterable[tuple[tuple[str, str], tuple[str, str]]]:
        """Each minority form with the majority form it loses to."""
        opts = self.options
        if opts.check == "spelling":
            yield from self._spelling_pairs(groups, rank)
            return
        ok = case_pair_ok if opts.check == "case" else joining_pair_ok
        for key, by_form in groups.items():
            if key in opts.ignored:
                continue
            if " " in key and opts.check == "case":
                # A title-case phrase used once is usually a title or a label ("see How
                # to Open a Pull Request"): both forms must recur to be a naming choice.
                by_form = {f: v for f, v in by_form.items() if v[0] >= opts.phrase_min_count}
                if len(by_form) < 2:
                    continue
            best = max(by_form, key=lambda f: rank[(key, f)])
            for form in by_form:
                if form != best and ok(form, best) and not self._shouted(form, best):
                    yield (key, form), (key, best)

    def _shouted(self, form: str, best: str) -> bool:
        """An all-caps form beside a usual spelling is emphasis or a constant (CONGRESS in
        a caps heading, HOMEBREW_PREFIX), not a second name; so is a capitalised word
        beside its shouted copy (Address/ADDRESS). NASA/Nasa and JSON/Json stay."""
        if is_acronym(form) and not is_acronym(best):
            return True
        return is_acronym(best) and is_english_word(best, self.options.word_count)

    def _spelling_pairs(self, groups, rank) -> Iterable[tuple[tuple[str, str], tuple[str, str]]]:
        opts = self.options
        names = [k for k in groups if k[0] not in (LOWER, NEAR, MID)]
        near = {k[1:]: set(v) for k, v in groups.items() if k[0] == NEAR}
        index: dict[str, list[str]] = {}
        for key in names:
            for variant in deletions(key.lower()):
                index.setdefault(variant, []).append(key)
        for key in names:
            if LOWER + key.lower() in groups or key.lower() in opts.ignored:
                continue  # also written in lower case: an ordinary word (These/Those)
            if is_english_word(key, opts.word_count):
                continue  # a word of its own (Capital beside Capitol)
            rivals = set()
            for variant in deletions(key.lower()):
                rivals.update(index.get(variant, ()))
            rivals = [o for o in rivals if rank[(o, o)] > rank[(key, key)] and spelling_similar(key, o)
                      and MID + o in groups  # the majority is a name, not just a sentence start
                      and frozenset((key.lower(), o.lower())) not in opts.distinct_pairs
                      and not self._different_people(near.get(key), near.get(o))]
            if rivals:
                yield (key, key), (max(rivals, key=lambda o: rank[(o, o)]), ) * 2

    @staticmethod
    def _different_people(mine: set | None, theirs: set | None) -> bool:
        return bool(mine) and bool(theirs) and not (mine & theirs)

    def _fix(self, place: Place, majority: Place) -> Fix:
        target = majority.text if self.options.check == "case" else keep_case(place.text, majority.text)
        return Fix(f"Replace with '{target}'", (Edit(place.start, place.end, target),), Applicability.UNSAFE)
