"""`naming-variants` kind: one name written several ways (case, joining, spelling)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from doclint.core.finding import Applicability, CorpusHit, Edit, Fix, Hit
from doclint.core.kind import Kind
from doclint.core.logs import LOGS, is_log
from doclint.core.textmatch import keep_case
from doclint.families.naming.variantcollect import BEFORE_NAME, LOWER, MID, NEAR, collect, title_sibling
from doclint.families.naming.variants import (
    case_pair_ok,
    deletions,
    is_acronym,
    is_english_word,
    joining_pair_ok,
    spelling_similar,
)

CHECKS = ("case", "joining", "spelling")
SCOPES = ("document", "corpus")
MAX_PLACES = 50  # occurrences kept per form and document in corpus facts


def _neighbour(word: str) -> str:
    return word.lower().removesuffix("s")


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
        preferred: dict[str, list[str]] | None = None
        # Changelogs and release notes are history (see doclint.core.logs): their past
        # entries are not rewritten to today's spelling. `[]` checks them.
        logs: tuple[str, ...] = LOGS

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
            # The configured terms (the preferred-term rule's map): their spelling always
            # wins, and their listed variants are that rule's to report.
            preferred = self.preferred or {}
            object.__setattr__(self, "preferred_forms", frozenset(preferred))
            object.__setattr__(self, "listed_variants",
                               frozenset(v for variants in preferred.values() for v in variants))

    def check(self, doc) -> Iterable[Hit]:
        if self.options.scope != "document" or is_log(doc, self.options.logs):
            return
        # Prefixed keys (neighbours, lower-case and mid-sentence uses) are only looked
        # up by key and form, so they keep their spans as they are.
        groups = {key: forms if key[0] in (LOWER, NEAR, MID) else
                  {form: [len(spans), spans] for form, spans in forms.items()}
                  for key, forms in self._collect(doc).items()}
        text = doc.text
        # Places are (start, end) spans here, in document order.
        for (start, end), (m_start, m_end), args, sure in self._decide(groups, lambda p: (0, p[0]),
                                                                         lambda p: text[p[0]:p[1]]):
            fix = self._fix(start, end, text[start:end], text[m_start:m_end]) if sure else None
            yield Hit(start, end, args, (doc.location(m_start),), fix)

    def facts(self, doc):
        if self.options.scope != "corpus" or is_log(doc, self.options.logs):
            return None
        out = {}
        for key, forms in self._collect(doc).items():
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
                    entry[1].extend((index, *place) for place in places)
        # Places are (document index, start, end, text, location, end line, end column).
        for place, majority, args, sure in self._decide(groups, lambda p: (p[0], p[1]), lambda p: p[3]):
            _, start, end, text, loc, end_line, end_column = place
            fix = self._fix(start, end, text, majority[3]) if sure else None
            yield CorpusHit(loc, end_line, end_column, args, (majority[4],), fix, None, start, end, text)

    def _decide(self, groups: dict[str, dict[str, list]], order_of, text_of) -> Iterable[tuple]:
        """(minority place, majority's first place, message args, sure) for every reported
        place; `sure` is False on a tie, where neither form is known to be the wrong one
        (no fix is offered then). Each form's places are in run order; `order_of` and
        `text_of` read a place."""
        opts = self.options
        ranks: dict[tuple[str, str], tuple] = {}

        def rank(key: str, form: str) -> tuple:
            # A configured preferred term wins; then more uses; on a tie an acronym's
            # own capitals (JSON over Json), then the earlier form: the later is reported.
            if (key, form) not in ranks:
                count, places = groups[key][form]
                ranks[(key, form)] = (form in opts.preferred_forms, count, self._canonical(form),
                                      tuple(-x for x in order_of(places[0])))
            return ranks[(key, form)]

        for (key, form), (m_key, m_form) in self._pairs(groups, rank):
            count, places = groups[key][form]
            major_count, major_places = groups[m_key][m_form]
            if count > 1 and major_count < opts.min_ratio * count and m_form not in opts.preferred_forms:
                continue
            args = {"form": text_of(places[0]), "count": count, "majority": text_of(major_places[0]),
                    "majority_count": major_count}
            sure = count < major_count or m_form in opts.preferred_forms
            for place in places:
                yield place, major_places[0], args, sure

    def _pairs(self, groups, rank) -> Iterable[tuple[tuple[str, str], tuple[str, str]]]:
        """Each minority form with the majority form it loses to."""
        opts = self.options
        if opts.check == "spelling":
            yield from self._spelling_pairs(groups, rank)
            return
        ok = case_pair_ok if opts.check == "case" else joining_pair_ok
        for key, by_form in groups.items():
            if key in opts.ignored or key[0] == NEAR:
                continue
            if " " in key and opts.check == "case":
                # A title-case phrase used once is usually a title or a label ("see How
                # to Open a Pull Request"): both forms must recur to be a naming choice.
                # A phrase written both ways before names is a person's title, not a
                # label: then its uses before a name and elsewhere count together.
                other = self._title_uses(groups, key)
                by_form = {f: v for f, v in by_form.items()
                           if v[0] + other.get(f, (0,))[0] >= opts.phrase_min_count}
                if len(by_form) < 2:
                    continue
            best = max(by_form, key=lambda f: rank(key, f))
            for form in by_form:
                if form in opts.listed_variants:
                    continue  # the preferred-term rule reports it, with a safe fix
                # A slip happens once; a form used again beside other names is another
                # person (ZiJian He, Zijian Liu), not a second spelling.
                if form == best or not ok(form, best) or self._shouted(form, best, groups.get(NEAR + form)):
                    continue
                if not (by_form[form][0] > 1
                        and self._different_people(groups.get(NEAR + form), groups.get(NEAR + best))):
                    yield (key, form), (key, best)

    @staticmethod
    def _title_uses(groups: dict, key: str) -> dict:
        """The forms of `key`'s sibling (its uses before a name, or elsewhere) when the
        phrase is written in both cases before names, else nothing."""
        before = key if key.endswith(BEFORE_NAME) else title_sibling(key)
        if len(groups.get(before, ())) < 2:
            return {}
        return groups.get(title_sibling(key), {})

    def _canonical(self, form: str) -> bool:
        """An acronym that is no English word in capitals (JSON, NASA, not ADDRESS)."""
        return self.options.check == "case" and is_acronym(form) and not is_english_word(
            form, self.options.word_count)

    def _shouted(self, form: str, best: str, neighbours: dict | None) -> bool:
        """An all-caps form beside a usual spelling is emphasis or a constant (CONGRESS in
        a caps heading, HOMEBREW_PREFIX), not a second name; so is a capitalised word in
        a name beside its shouted copy (Farewell Address/ADDRESS). NASA/Nasa and
        JSON/Json stay, and so does a capitalised word with no capitalised neighbour
        beside a keyword in capitals ("the strings Must match" where MUST is the rule)."""
        if is_acronym(form) and not is_acronym(best):
            return True
        if not (is_acronym(best) and is_english_word(best, self.options.word_count)):
            return False
        return bool(neighbours) or not (form[:1].isupper() and form[1:].islower())

    def _spelling_pairs(self, groups, rank) -> Iterable[tuple[tuple[str, str], tuple[str, str]]]:
        opts = self.options
        names = [k for k in groups if k[0] not in (LOWER, NEAR, MID)]
        # The majority must be a name used inside sentences (not only a sentence start)
        # with the same first and last letter (spelling_similar asks that): names are
        # bucketed by those, and a pair must share a deletion variant, which every pair
        # within spelling_similar's edits does.
        majors: dict[tuple[str, str], list[str]] = {}
        for name in names:
            if MID + name in groups:
                majors.setdefault((name.lower()[0], name[-1]), []).append(name)
        for key in names:
            low = key.lower()
            # The minority must not be an ordinary word: written in lower case too
            # (These/Those), or an English word of its own (Capital beside Capitol).
            if LOWER + low in groups or low in opts.ignored or key in opts.listed_variants:
                continue
            bucket = majors.get((low[0], key[-1]))
            if not bucket:
                continue
            # Cheap tests first: spelling_similar allows at most two edits.
            rivals = [o for o in bucket if o != key and rank(o, o) > rank(key, key)
                      and abs(len(o.lower()) - len(low)) <= 2
                      and not deletions(low).isdisjoint(deletions(o.lower())) and spelling_similar(key, o)]
            if not rivals or is_english_word(key, opts.word_count):
                continue
            rivals = [o for o in rivals if frozenset((low, o.lower())) not in opts.distinct_pairs
                      and not self._different_people(groups.get(NEAR + key), groups.get(NEAR + o))]
            if rivals:
                yield (key, key), (max(rivals, key=lambda o: rank(o, o)), ) * 2

    @staticmethod
    def _different_people(mine: dict | None, theirs: dict | None) -> bool:
        """Both forms stand beside other capitalised words, and never the same one (a
        plural is the same word: "Release Manager" and "Releasse Managers")."""
        if not mine or not theirs:
            return False
        return not ({_neighbour(w) for w in mine} & {_neighbour(w) for w in theirs})

    def _fix(self, start: int, end: int, text: str, majority: str) -> Fix:
        target = majority if self.options.check == "case" else keep_case(text, majority)
        return Fix(f"Replace with '{target}'", (Edit(start, end, target),), Applicability.UNSAFE)
