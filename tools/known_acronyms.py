"""Build the shipped list of acronyms that need no definition from a body of real docs.

usage: python tools/known_acronyms.py OUT.yaml DIR [DIR ...] [--min-files 4]

An acronym belongs on the list when technical writers treat it as a word of its own:
it is used without a definition in at least `--min-files` documents, and left
undefined in at least `--ratio` times as many documents as define it. Uses are counted the
way the acronym rules count them (prose only, no headings, code or shouted passages),
and definitions the way they find them. Documents are read with doclint's own readers,
so any format it checks can serve as the source."""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter

from doclint.families.naming.acronyms import sentence_definitions
from doclint.api import iter_documents
from doclint.core.discovery import discover
from doclint.families.naming.acronym_kind import acronym_uses

MAX_LENGTH = 8  # longer runs of capitals are identifiers or shouted words
HEADER = """\
# Acronyms that need no definition: built by tools/known_acronyms.py from {source}
# ({files} documents). An acronym is listed when it is used undefined in at least
# {min_files} documents and left undefined in at least {ratio} times as many documents as
# define it.
# Regenerate rather than edit; add project-specific ones to a rule's `known` option.
"""


def count(paths: list[str]) -> tuple[Counter, Counter, int]:
    """(documents using each acronym undefined, documents defining it, documents read)."""
    found = discover(paths, ["**/*.md", "**/*.rst", "**/*.txt"], [], False, os.getcwd())
    undefined: Counter = Counter()
    defined: Counter = Counter()
    files = 0
    for doc in iter_documents(found.files, "text", []):
        files += 1
        definitions = [d for _, ds in sentence_definitions(doc) for d in ds]
        shorts = {d.short for d in definitions}
        spans = [(d.start, d.end) for d in definitions]
        used = {u.short for u in acronym_uses(doc, frozenset(), spans)}
        defined.update(shorts)
        undefined.update(used - shorts)
    return undefined, defined, files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--min-files", type=int, default=4)
    parser.add_argument("--ratio", type=int, default=2)
    parser.add_argument("--source", default="technical documentation")
    args = parser.parse_args(argv)
    undefined, defined, files = count(args.dirs)
    # Sample identifiers in examples (AKIAIOSFODNN7EXAMPLE) are no acronyms.
    chosen = sorted(a for a, n in undefined.items()
                    if n >= args.min_files and n >= args.ratio * defined[a]
                    and len(a) <= MAX_LENGTH and "EXAMPLE" not in a)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(HEADER.format(source=args.source, files=files, min_files=args.min_files, ratio=args.ratio))
        out.write("known:\n")
        for acronym in chosen:
            out.write(f"  - {acronym}  # undefined in {undefined[acronym]}, defined in {defined[acronym]}\n")
    print(f"{len(chosen)} acronyms from {files} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
