"""Sets of text spans that answer "is this offset inside any of them?" by bisection."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


class SpanSet:
    """Offsets covered by any of some (start, end) spans, which may overlap: `offset in
    spans` bisects the sorted starts and compares with the furthest end so far. A scan
    of every span for every candidate took seconds on a long glossary (every candidate
    word times every definition)."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.ends = list(accumulate((e for _, e in spans), max))

    def __bool__(self) -> bool:
        return bool(self.starts)

    def __contains__(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]
