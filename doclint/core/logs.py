"""Changelogs and release notes: documents written release by release, by many hands.

What a log repeats of another document, or under another release, is how it is built
(the duplication rules read it so), and what it wrote in releases long past is history
that nobody edits to match today's spelling (the naming rules leave it alone)."""
from __future__ import annotations

from doclint.core.discovery import path_matches

# The file globs of logs: the default of the rules' `logs` option.
LOGS = ("CHANGELOG*", "ChangeLog*", "changelog*", "CHANGES*", "HISTORY*", "NEWS*", "news.*", "RELEASE-NOTES*",
        "RELEASE_NOTES*", "release-notes/*", "RelNotes/*", "changelog.d/*", "changelogs/*", "changes/*", "news/*",
        "release/*", "releases/*", "whatsnew/*", "whatsnew*")


def is_log(doc, globs) -> bool:
    """Whether `doc` is a file that matches one of `globs`. A record of a corpus never
    is: a JSONL shard under news/ holds articles, not release notes."""
    return bool(globs) and not doc.is_record and path_matches(doc.path, globs)
