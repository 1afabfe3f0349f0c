"""`truncation` kind: sentences and paragraphs that stop mid-way, with the evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from doclint.core.document import Document
from doclint.core.finding import Applicability, Edit, Fix, Hit
from doclint.core.kind import Kind
from doclint.core.logs import LOGS, is_log
from doclint.core.restatement import RESTATEMENT_THRESHOLD, restatement_score
from doclint.families.truncation.endings import (
    Ending,
    closed,
    ends_in_code,
    iter_endings,
    last_word,
    trailing_markup,
    trim_end,
    words,
)
from doclint.families.truncation.introducers import announces, carried_on_after, continues_around_block, introduces
from doclint.families.truncation.notcut import (
    emphasised_aside,
    emphasised_paragraph,
    letter_name,
    salutation,
    series,
    signed_off,
)
from doclint.families.truncation.openings import Openings
from doclint.families.truncation.prose import prose_like
from doclint.families.truncation.shape import punctuating, sentence_at, sentence_like, word_share

REPORTS = ("cut", "unterminated")
MARKS = ("comma", "bracket", "hyphen", "quote", "parenthesis")  # evidence besides end-words
_OPENERS = "([{\u201c\u2018"
# A frown ("... while uploading packages :(") opens nothing: it is no open bracket at
# the end, and its "(" is no open parenthesis anywhere.
_FROWN = re.compile(r"[:;]-?\(")
# Issue or pull request numbers after a finished sentence, or alone ("... loaded after the
# default one.  #4698", "(#123, #124)"): a reference, not a cut sentence.
_REF = r"[(\[]?(?:#|GH-|gh-)\d+[)\]]?"
_REFERENCES = re.compile(rf"(?:\A|[.!?][\"')\]]*\s+){_REF}(?:[,;]?\s+{_REF})*\Z")
_REFERENCE_REACH = 64
# What such an ending ends in: most endings end otherwise, and the test is made inline
# for them. (A cut's evidence, a comma or a function word, never ends in these.)
_REFERENCE_ENDS = frozenset("0123456789)]")


def _ends_on_references(tail: str) -> bool:
    """Whether `tail` (which ends in a digit or a closing bracket) ends on issue numbers
    after a finished sentence, or is only those. Most such endings hold no "#" or "GH-"
    near their end, and are not searched."""
    end = tail[-_REFERENCE_REACH:]
    if "#" not in end and "H-" not in end and "h-" not in end:
        return False
    return _REFERENCES.search(tail, max(0, len(tail) - _REFERENCE_REACH)) is not None
_LEAD_IN_CLASSES = ("preposition",)  # word classes that may lead into a code block
# ... and into a displayed formula: "defined as", "the expansion is", "such that", "where",
# and a conjunction that joins the formula to the sentence ("you can also add inline
# math and" + a displayed formula).
_MATH_LEAD_IN_CLASSES = ("preposition", "auxiliary-verb", "relative-word", "conjunction")
# A sentence that opens with one of these and has no comma never reached its main
# clause: "If the version depends on multiple header fields".
_SUBORDINATE = re.compile(r"(?:if|although|though|because|unless|whereas|whenever)\s", re.I)


@dataclass(frozen=True)
class Verdict:
    report: str      # "cut" or "unterminated"
    reason: str      # why it looks cut, for the message
    word: str        # the last word (or character)
    cls: str = ""    # the evidence: a word class or a mark (MARKS); "" for none


class TruncationKind(Kind):
    """Reports prose that stops without terminal punctuation where a sentence should end:
    at the end of a paragraph or record, or at a line break before a new sentence in a
    document written one sentence per line. `report: cut` yields the endings with
    evidence of a cut (a last word from `end-words`, a comma, an open bracket, an
    unclosed quote or parenthesis, a word split by a hyphen); `report: unterminated`
    yields the paragraphs that read as prose but simply stop, without such evidence."""

    name = "truncation"

    @dataclass(frozen=True)
    class Options:
        report: str = "cut"
        # word class (used in the message, "-" read as a space) -> words
        end_words: dict[str, list[str]] = field(default_factory=dict)
        # classes strong enough to report headings, list items and table cells
        strong: tuple[str, ...] = ("article", "possessive")
        caption_prefixes: tuple[str, ...] = ()
        min_words: int = 5
        line_breaks: bool = True
        line_starters: tuple[str, ...] = ()
        # Changelogs and release notes (see doclint.core.logs): their entries are
        # fragments more often than sentences ("Added matcharg()", "Tutor in
        # Portuguese"), so `report: unterminated` leaves them alone; a cut is still cut.
        logs: tuple[str, ...] = LOGS

        def __post_init__(self) -> None:
            if self.report not in REPORTS:
                raise ValueError(f"'report' must be one of {', '.join(REPORTS)}")
            if self.min_words < 1:
                raise ValueError("'min-words' must be at least 1")
            lookup: dict[str, str] = {}
            for cls, items in self.end_words.items():
                for word in items:
                    lookup[word.lower()] = cls
            unknown = set(self.strong) - set(self.end_words) - set(MARKS)
            if self.end_words and unknown:
                raise ValueError(f"'strong' names unknown word classes: {', '.join(sorted(unknown))}")
            caption = None
            if self.caption_prefixes:
                alternatives = "|".join(re.escape(p) for p in self.caption_prefixes)
                caption = re.compile(rf"\W*(?:{alternatives})(?:\s*[\dIVXivx]+[\w.]*)?\s*[:.\u2013\u2014-]", re.I)
            object.__setattr__(self, "lookup", lookup)
            object.__setattr__(self, "starters", frozenset(w.lower() for w in self.line_starters))
            object.__setattr__(self, "caption", caption)

    def check(self, doc: Document) -> Iterable[Hit]:
        opts = self.options
        want = opts.report
        if want == "unterminated" and (is_log(doc, opts.logs) or not punctuating(doc, opts.min_words)):
            return
        openings = Openings(doc, opts.starters)
        for ending in iter_endings(doc, opts.line_breaks):
            verdict = self.judge(doc, ending, openings)
            if verdict is None:
                continue
            yield Hit(ending.stop, ending.stop, {"reason": verdict.reason, "word": verdict.word},
                      fix=_restated_fix(doc, ending))

    def judge(self, doc: Document, e: Ending, openings: Openings) -> Verdict | None:
        """This rule's verdict on the prose stopping at `e`: cut off ("cut"), merely
        unpunctuated ("unterminated"), or None (ended, not a sentence, or the other
        rule's case). Cheap tests on the last words come first, context tests last."""
        opts = self.options
        masked = doc.masked
        tail = masked[e.start:e.stop].strip()
        if not tail or closed(tail) or tail[-1] in ":;" or ends_in_code(tail):
            return None
        kind = e.block.kind
        if e.wrapped and (last_word(tail) or "")[:1].isupper():
            return None  # a name may go on over the break ("a Readable" + "Stream that")
        # Quotes and brackets are paired over the block, or over the sentence at a line
        # break (which also keeps a paragraph of many lines linear).
        scope = e.block.start if e.where == "block" else e.start
        evidence = self.evidence(masked[scope:e.stop], tail)
        if kind in ("list-item", "table-cell") or self.label(doc, e, tail):
            # Labels, not sentences: only a last word that can never end one counts.
            if evidence is None or evidence[2] not in opts.strong or len(words(tail)) < 3 \
                    or letter_name(doc, tail, evidence[1]):
                return None
            verdict = Verdict("cut", *evidence)
        elif evidence is not None:
            if evidence[2] == "comma" and salutation(doc, e, tail):
                return None
            if e.where == "line" and not openings.at(e.next_start):
                return None  # "using a" + "Node installer": one sentence over two lines
            if evidence[2] == "conjunction" and series(tail, evidence[1]):
                return None  # "...; and" before the next point of a series
            verdict = Verdict("cut", *evidence)
        else:
            word = last_word(tail)
            if word is None or kind in ("heading", "blockquote") \
                    or (tail[-1] in _REFERENCE_ENDS and _ends_on_references(tail)):
                return None  # no word, a title or a quote, or issue numbers ("... one.  #4698")
            if e.wrapped and not openings.at(e.next_start) or announces(tail) \
                    or emphasised_aside(doc, e) or emphasised_paragraph(doc, e) or signed_off(doc, e):
                # No sentence opens next; "as follows" introduces; an aside or a caption; a signature.
                return None
            verdict = Verdict("unterminated", f"ends on '{word}' without terminal punctuation", word)
        if verdict.report != opts.report:
            return None
        if trailing_markup(doc, e):
            return None  # a link line or a tag
        intro = introduces(doc, e)
        if intro is not None and (announces(tail) or not self.cut_before(doc, e, verdict, intro)):
            return None  # text that introduces code or a list ("such that" + the condition)
        unit = masked[e.block.start:e.stop] if e.where == "block" else tail
        if opts.caption is not None and opts.caption.match(unit):
            return None
        if verdict.report == "unterminated" and not prose_like(doc, unit, tail, e, opts.min_words):
            return None
        return verdict

    @staticmethod
    def cut_before(doc: Document, e: Ending, verdict: Verdict, intro: str) -> bool:
        """Whether prose that stops right before a block was cut rather than introducing
        it. A lead-in to a list may run on into the items, a comma introduces, a
        preposition may lead into code, and a complete sentence without a colon is
        only unpunctuated; any other function word, or a sentence with no main
        clause, before code or a directive is a cut."""
        if verdict.report != "cut" or verdict.cls in MARKS or continues_around_block(doc, e):
            return False
        if intro in ("code", "math", "directive") and carried_on_after(doc, e):
            return False  # "a variable named" + the name as code + "will be set to ..."
        if intro == "math":
            return verdict.cls not in _MATH_LEAD_IN_CLASSES
        if intro == "directive":
            return True  # a directive or link target never completes a sentence
        # Code may: "Assuming a module with" + the module's source.
        return intro == "code" and verdict.cls not in _LEAD_IN_CLASSES

    @staticmethod
    def label(doc: Document, e: Ending, tail: str) -> bool:
        """A heading, a title guessed at the top of a text, or a bold line used as one."""
        if e.block.kind == "heading":
            return e.explicit_heading or e.block is doc.blocks[0] or not sentence_like(tail, 4)
        text = doc.text
        end = text.find("\n", e.stop)
        raw = text[text.rfind("\n", 0, e.start) + 1:len(text) if end == -1 else end].strip()
        return raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and "\n" not in raw

    def evidence(self, block_text: str, tail: str) -> tuple[str, str, str] | None:
        """(reason, last word or mark, word class) when the ending shows a cut."""
        last = tail[-1]
        if last == ",":
            # "My countrymen," is a salutation and "For instance," introduces an example.
            return ("ends on a comma", ",", "comma") if len(words(tail)) >= 4 else None
        if last in _OPENERS and not _FROWN.search(tail, max(0, len(tail) - 3)):
            return f"ends on an open bracket or quote '{last}'", last, "bracket"
        if last == "-" and tail[-2:-1].isalpha():
            word = tail.rsplit(None, 1)[-1]
            return f"ends on a word split by a hyphen ('{word}')", word, "hyphen"
        word = last_word(tail)
        if word is not None and word.islower():  # "N/A" and "Plan A" end on a letter
            cls = self.options.lookup.get(word)
            if cls is not None:
                return f"ends on the {cls.replace('-', ' ')} '{word}'", word, cls
        if word is not None and _SUBORDINATE.match(tail) and "," not in tail \
                and len(words(tail)) >= 4:
            return "is a subordinate clause with no main clause", word, "subordinate-clause"
        if block_text.count("\u201c") > block_text.count("\u201d") or block_text.count('"') % 2:
            found = "has an unclosed quotation mark", word or last, "quote"
        elif block_text.count("(") - len(_FROWN.findall(block_text)) > block_text.count(")"):
            found = "has an unclosed parenthesis", word or last, "parenthesis"
        else:
            return None
        # In a command or an expression quotes and brackets need not pair.
        return found if word_share(tail) >= 0.6 else None


def _restated_fix(doc: Document, e: Ending) -> Fix | None:
    """Deleting the fragment, when the sentence that follows says the same thing."""
    if e.next_start is None:
        return None
    following = sentence_at(doc, e.next_start)
    if following is None:
        return None
    masked = doc.masked
    if restatement_score(masked[e.start:e.stop], masked[following.start:following.end]) \
            < RESTATEMENT_THRESHOLD:
        return None
    text = doc.text
    left = text.rfind("\n", 0, e.start) + 1
    if not masked[left:e.start].strip():
        # The fragment starts its line: delete whole lines up to the next prose line.
        edit = Edit(left, text.rfind("\n", 0, following.start) + 1)
    else:
        edit = Edit(trim_end(text, 0, e.start), e.stop)
    return Fix("Delete the cut-off sentence (the next sentence restates it)", (edit,),
               Applicability.UNSAFE)
