"""The facts of documents around some of their sentences: what the exact mode's
findings read of a clustered sentence and of its neighbours, and nothing else.

On a cluster the corpus phase keeps fingerprints, not whole DocFacts
(doclint.families.duplication.ranges). Once it knows which sentences repeat, it asks
each partition for their surroundings: the structure tests of parallel_text read a
sentence's block, section and flags, and the fingerprints and words of up to
NEIGHBOURS sentences on each side (a copied run of three, and a sentence left out
of it); a finding reads the sentence's offsets, lines and deletion span. A partition
returns those rows as one set of columns (Rows, flat arrays, so that the coordinator
holds a few bytes per row and few objects per document); Windows then gives, for each document number, a view
that reads like its DocFacts (the same code reads both), whose arrays answer only
for the rows kept and keep the length of the whole: any other index is a KeyError,
never a wrong value."""
from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Iterable

from doclint.core.finding import TextRef
from doclint.families.duplication.facts import DocFacts
from doclint.families.duplication.copied_passages import RUN

# How far from a clustered sentence the structure tests read (in_copied_run looks
# RUN - 1 sentences each way, and one more past a sentence left out; in_parallel_section one).
NEIGHBOURS = RUN

# Per-sentence fields of DocFacts, one value per comparable sentence, and their types.
_COLUMNS = {"fingerprints": "Q", "ended": "B", "marked": "B", "entries": "B", "blocks": "I",
            "sections": "I", "slots": "B", "tails": "B", "pointers": "B", "leads": "B",
            "alone": "B", "code_slots": "B", "shapes": "Q"}
_LENGTHS = ("spans", "starts", *_COLUMNS)


@dataclass
class Rows:
    """Rows of some documents' facts (a row: one sentence), documents in order and each
    one's rows by index, as flat columns; `docs` holds per document its number, rows
    [lo, hi), and what is kept whole: path, record, record line, row group, whether
    it is a log, the lengths of its arrays, the outline titles read, the deletion
    spans and the line positions of the offsets findings name."""

    index: array = field(default_factory=lambda: array("I"))
    columns: dict[str, array] = field(default_factory=lambda: {name: array(code) for name, code in _COLUMNS.items()})
    spans: array = field(default_factory=lambda: array("I"))    # 2 per row: start, end
    starts: array = field(default_factory=lambda: array("I"))   # 2 per row: starts[j], starts[j + 1]
    tokens: array = field(default_factory=lambda: array("I"))   # every row's word codes, end to end
    token_ends: array = field(default_factory=lambda: array("Q"))  # per row: the end of its codes
    docs: list[tuple] = field(default_factory=list)

    def add(self, number: int, doc: DocFacts, chosen: Iterable[int]) -> None:
        """Document `number`'s rows around its sentences `chosen`, or all its rows when
        the tests read the whole document: a file (across_files.at_home counts its
        words) or copies in two of its sections (in_parallel_sections compares them)."""
        chosen = sorted(set(chosen))
        count = len(doc.fingerprints)
        if whole(doc, chosen):
            near = list(range(count))
        else:
            near = sorted({j for i in chosen for j in range(max(0, i - NEIGHBOURS), min(count, i + NEIGHBOURS + 1))})
        lo = len(self.index)
        self.index.extend(near)
        for name, column in self.columns.items():
            values = getattr(doc, name)
            if len(values):
                column.extend(values[j] for j in near)
            else:  # an array the document leaves empty reads as empty (see lengths)
                column.extend(0 for _ in near)
        for j in near:
            self.spans.extend((doc.spans[2 * j], doc.spans[2 * j + 1]))
            first, last = doc.starts[j], doc.starts[j + 1]
            self.starts.extend((first, last))
            self.tokens.extend(doc.tokens[first:last])
            self.token_ends.append(len(self.tokens))
        lengths = tuple(len(getattr(doc, name)) for name in _LENGTHS)
        sections = {doc.sections[j] for j in near} if len(doc.sections) else set()
        titles = sorted({0} | {s - 1 for s in sections if s}) if doc.outline else []
        offsets = {doc.spans[k] for i in chosen for k in (2 * i, 2 * i + 1)}
        self.docs.append((number, lo, len(self.index), doc.path, doc.record, doc.record_line, doc.row_group,
                          doc.log, lengths, {t: doc.outline[t] for t in titles},
                          {i: doc.deletions[i] for i in chosen if i in doc.deletions},
                          {offset: doc.lines.position(offset) for offset in offsets}))


def whole(doc: DocFacts, chosen: list[int]) -> bool:
    """Whether the findings may read any sentence of `doc` (see Rows.add)."""
    return doc.record_line is None or (len(doc.sections) > 0 and len({doc.sections[i] for i in chosen}) > 1)


def quoted(doc: DocFacts, chosen: Iterable[int]) -> list[TextRef]:
    """The sentences `chosen` as a finding names them for its quote."""
    return [TextRef(doc.path, doc.record_line, doc.spans[2 * i], doc.spans[2 * i + 1], bool(doc.marked[i]))
            for i in chosen]


class _Column:
    """A per-sentence array of one document, read through its rows."""

    __slots__ = ("rows", "values", "lo", "hi", "length")

    def __init__(self, rows: Rows, values, lo: int, hi: int, length: int) -> None:
        self.rows, self.values, self.lo, self.hi, self.length = rows, values, lo, hi, length

    def row(self, index: int) -> int:
        at = bisect_left(self.rows.index, index, self.lo, self.hi)
        if at == self.hi or self.rows.index[at] != index:
            raise KeyError(index)
        return at

    def __getitem__(self, index: int) -> Any:
        return self.values[self.row(index)]

    def __len__(self) -> int:
        return self.length

    def __bool__(self) -> bool:
        return self.length > 0

    def __iter__(self):
        if self.hi - self.lo != self.length:  # only a whole document reads as a whole
            raise KeyError("a window of a document is not the whole of it")
        return iter(self.values[self.lo:self.hi])


class _Pairs(_Column):
    """`spans` (start and end of sentence j at 2j and 2j + 1), read through rows."""

    __slots__ = ()

    def __getitem__(self, index: int) -> int:
        return self.values[2 * self.row(index // 2) + index % 2]


class _Starts(_Column):
    """`starts` (where each sentence's word codes begin; j + 1 gives j's end)."""

    __slots__ = ()

    def __getitem__(self, index: int) -> int:
        try:
            return self.values[2 * self.row(index)]
        except KeyError:
            return self.values[2 * self.row(index - 1) + 1]


class _FirstStarts:
    """The first start of each row (where its word codes begin), for bisect."""

    __slots__ = ("starts",)

    def __init__(self, starts: array) -> None:
        self.starts = starts

    def __getitem__(self, row: int) -> int:
        return self.starts[2 * row]

    def __len__(self) -> int:
        return len(self.starts) // 2


class _Tokens(_Column):
    """`tokens`, sliced by the bounds `starts` gives for a kept sentence (and read
    whole for a whole document)."""

    __slots__ = ()

    def __getitem__(self, bounds: slice) -> array:
        starts = self.rows.starts
        at = bisect_left(_FirstStarts(starts), bounds.start, self.lo, self.hi)
        if at == self.hi or (starts[2 * at], starts[2 * at + 1]) != (bounds.start, bounds.stop):
            raise KeyError((bounds.start, bounds.stop))
        return self.values[self._begin(at):self.rows.token_ends[at]]

    def _begin(self, row: int) -> int:
        return self.rows.token_ends[row - 1] if row else 0

    def __iter__(self):
        if self.hi - self.lo != self.length:
            raise KeyError("a window of a document is not the whole of it")
        return iter(self.values[self._begin(self.lo):self._begin(self.hi)])


class _Positions:
    """LineIndex.position() for the offsets a finding names, worked out beforehand."""

    __slots__ = ("positions",)

    def __init__(self, positions: dict[int, tuple[int, int]]) -> None:
        self.positions = positions

    def position(self, offset: int) -> tuple[int, int]:
        return self.positions[offset]


class _Outline:
    """The outline titles read, by number, with the length of the whole outline."""

    __slots__ = ("titles", "length")

    def __init__(self, titles: dict[int, tuple], length: int) -> None:
        self.titles, self.length = titles, length

    def __getitem__(self, index: int) -> tuple:
        return self.titles[index]

    def __len__(self) -> int:
        return self.length

    def __bool__(self) -> bool:
        return self.length > 0


class WindowFacts:
    """One document's rows, read as its DocFacts (attributes and methods alike)."""

    __slots__ = ("rows", "lo", "hi", "path", "record", "record_line", "row_group", "log", "lengths", "outline",
                 "deletions", "lines")

    location = DocFacts.location
    where = DocFacts.where

    def __init__(self, rows: Rows, entry: tuple) -> None:
        (_, self.lo, self.hi, self.path, self.record, self.record_line, self.row_group, self.log, self.lengths,
         titles, self.deletions, positions) = entry
        self.rows = rows
        self.outline = _Outline(titles, 1 if titles else 0)
        self.lines = _Positions(positions)

    def __getattr__(self, name: str) -> _Column:
        # Per-sentence arrays are made when read: a view holds no object per array.
        rows = self.rows
        if name == "spans":
            return _Pairs(rows, rows.spans, self.lo, self.hi, self.lengths[0])
        if name == "starts":
            return _Starts(rows, rows.starts, self.lo, self.hi, self.lengths[1])
        if name == "tokens":  # its length: the sentences it holds the words of, for __iter__
            return _Tokens(rows, rows.tokens, self.lo, self.hi, self.lengths[1] - 1 if self.lengths[1] else 0)
        if name in _COLUMNS:
            return _Column(rows, rows.columns[name], self.lo, self.hi, self.lengths[_LENGTHS.index(name)])
        raise AttributeError(name)


class Windows:
    """The rows of every partition, as DocFacts views by document number (one view per
    document, so that `docs[a] is docs[b]` tells one document as it does for DocFacts)."""

    def __init__(self, parts: Iterable[Rows]) -> None:
        self.entries: dict[int, tuple[Rows, tuple]] = {}
        for rows in parts:
            for entry in rows.docs:
                self.entries[entry[0]] = (rows, entry)
        self.views: dict[int, WindowFacts] = {}

    def __getitem__(self, number: int) -> WindowFacts:
        view = self.views.get(number)
        if view is None:
            view = self.views[number] = WindowFacts(*self.entries[number])
        return view
