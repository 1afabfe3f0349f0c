"""The claim rules skip work that cannot change a report: each shortcut gives what the
full reading gives, and is taken where it should be."""
from __future__ import annotations

import random

import pytest

from doclint.families.claims import cues as cc
from doclint.families.claims.text import _CUT, cut_ends


def full_scan(text: str) -> list[int]:
    return [m.end() for m in _CUT.finditer(text)]


@pytest.mark.parametrize("text", [
    "The dam burst.[3] Critics said the warnings were ignored.[4][5] Nobody resigned.",
    "It rained.\"[7] Then it stopped!Then it rained? Again.The end.",
    # A terminator inside a marker cuts nothing of its own: one scan skips over it.
    "The harbour silted up![see p.Smith] Trade moved south.",
    "Was it sold?[cf. p.Smith and p.Jones] Nobody knows.",
    "Was it sold?[who?] Nobody knows.[a] [b] It was.",
    "Version 2.0 shipped in 2023.At the end of the year, 3.1 followed.",
    "",
])
def test_cuts_per_terminator_are_those_of_one_scan(text):
    assert cut_ends(text) == full_scan(text)


def test_cuts_match_one_scan_on_random_text():
    rng = random.Random(7)
    pieces = [".", "!", "?", "[", "]", " ", "\"", "\u201d", ")", "a", "Z", "b", "9", "\n",
              "[12]", "[see p.Smith]", "[who?]", "p.Sm", ".\"[3]", "x.Ya"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert cut_ends(text) == full_scan(text), repr(text)


def reads(lint_text, monkeypatch, text: str) -> tuple[list[str], int]:
    """The DL301 findings' cues on `text`, and how many subjects were read."""
    calls = []
    real = cc.subject_before

    def spy(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(cc, "subject_before", spy)
    return [f.message for f in lint_text(text, "DL301")], len(calls)


def test_an_evidence_verb_without_its_complement_and_no_evidence_noun_is_not_read(lint_text, monkeypatch):
    # "shows" lacks a that-clause and nothing before it is unnamed evidence: no reading
    # of its subject can report it.
    found, read = reads(lint_text, monkeypatch, "The second table shows a sharp rise in rents.")
    assert (found, read) == ([], 0)


def test_an_evidence_verb_after_an_evidence_noun_is_still_read(lint_text, monkeypatch):
    found, read = reads(lint_text, monkeypatch, "Data indicate a sharp rise in rents.")
    assert read == 1
    assert len(found) == 1 and "Data indicate" in found[0]
