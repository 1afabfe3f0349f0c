"""Changelogs and release notes: documents written release by release, by many hands.

What a log repeats of another document, or under another release, is how it is built
(the duplication rules read it so), and what it wrote in releases long past is history
that nobody edits to match today's spelling or to name its sources (the naming and
claim rules leave it alone), written in fragments more often than in sentences
(unterminated-paragraph leaves it alone)."""
from __future__ import annotations

from doclint.core.discovery import path_matches

# A docs page of release notes ("docs/source/release-notes.rst"); a plain-text file of
# that name may be one release's announcement, read as any other text.
_NOTES_PAGES = tuple(f"{name}.{ext}" for name in ("release-notes", "release_notes", "releasenotes", "ReleaseNotes")
                     for ext in ("rst", "md"))
# The file globs of logs: the default of the rules' `logs` option. A file named after a
# release ("version9.txt", Vim's notes on what each version changed; "release-2.4.0.rst")
# is one too, and so are release announcements ("announce/release-2.4.0.rst").
LOGS = ("CHANGELOG*", "ChangeLog*", "changelog*", "CHANGES*", "changes.*", "HISTORY*", "history.*", "NEWS*",
        "news.*", "RELEASE-NOTES*", "RELEASE_NOTES*", "release-notes/*", "release_notes/*", "releasenotes/*",
        "RelNotes/*", "relnotes/*", *_NOTES_PAGES, "changelog.d/*", "changelogs/*", "changes/*", "news/*",
        "release/*", "releases/*", "whatsnew/*", "whatsnew*", "whats-new*", "whats_new*", "version[0-9]*",
        "release-[0-9]*", "release_[0-9]*", "announce/*", "announcements/*")


def is_log(doc, globs) -> bool:
    """Whether `doc` is a file that matches one of `globs`. A record of a corpus never
    is: a JSONL shard under news/ holds articles, not release notes. Kept on the
    document: every naming rule asks, and matching a path costs more than the answer."""
    if not globs or doc.is_record:
        return False
    key = ("log", tuple(globs))
    found = doc.attributes.get(key)
    if found is None:
        found = doc.attributes[key] = path_matches(doc.path, globs)
    return found
