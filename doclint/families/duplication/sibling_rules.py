"""A sentence that several sections of one level state: the rule they share, not a slip."""
from __future__ import annotations

from itertools import combinations

from doclint.families.duplication.across_files import AT_HOME, content_codes
from doclint.families.duplication.facts import LOW, SHIFT, DocFacts, section_rows, sentence_tokens
from doclint.families.duplication.parallel_text import reused


def rule_of_sibling_sections(docs: list[DocFacts], cluster: list[int], gid: int, earlier: list[int],
                             homes: dict | None) -> bool:
    """Whether copy `gid` of a sentence (whose copies are `cluster`), with the `earlier`
    copies it does not reuse all in other sections of its own level in its document,
    is the rule those sections share: it restates another copy in a parallel section
    (`reused`: the rule each operator of a specification shares, stated in its first
    section and closing the next two, "Local version identifiers are NOT permitted
    in this version specifier."), or two other copies restate each other so and its
    own section speaks of what it says (a policy that tells under each kind of grant
    whom to ask: "You can contact a Lead Maintainer ... before submitting a
    request." under a section on hardware that Lead Maintainers reimburse on
    request). A copy in a section that holds an earlier one or of another level, or
    one pasted under a section on something else ("## Headings"), is still a slip."""
    doc = docs[gid >> SHIFT]
    index = gid & LOW
    if len(cluster) < 3 or not (doc.slots and doc.sections[index]):
        return False
    own = doc.sections[index]
    level = doc.outline[own - 1][0]
    for g in earlier:
        section = doc.sections[g & LOW] if g >> SHIFT == gid >> SHIFT else 0
        if not section or section == own or doc.outline[section - 1][0] != level:
            return False
    # At most `template-from` - 1 copies (3 by default): more in one document are a template.
    mine = [g for g in cluster if g >> SHIFT == gid >> SHIFT]

    def restate(g: int, h: int) -> bool:
        return reused(docs, min(g, h), max(g, h), homes=homes)

    if any(g != gid and g not in earlier and restate(g, gid) for g in mine):
        return True
    return any(restate(g, h) for g, h in combinations([g for g in mine if g != gid], 2)) \
        and _speaks_of(doc, docs, gid)


def _speaks_of(doc: DocFacts, docs: list[DocFacts], gid: int) -> bool:
    """Whether the other sentences of the section of `gid` hold AT_HOME or more of its
    content words."""
    index = gid & LOW
    tokens, starts = doc.tokens, doc.starts
    own = set(content_codes(sentence_tokens(docs, gid)))
    if not own:
        return False
    elsewhere = {code for j in section_rows(doc, index) if j != index for code in tokens[starts[j]:starts[j + 1]]}
    return len(own & elsewhere) >= AT_HOME * len(own)
