"""Runs of plain-text lines that are no prose: an example after a colon (a command, a
call, a session at a prompt) and records of data (fields, paths, word lists)."""
from __future__ import annotations

import re

# "[12]" marks a source, not a field.
CITATION = re.compile(r"\[(?:\d+|[a-z]|note \d+|citation needed)\]")
# How much deeper than the prose before it a block introduced by a colon is indented
# when it is an example rather than text.
CODE_STEP = 4
# A shell or interpreter prompt that opens a session ("$ git log -1", ">>> import os").
PROMPT = re.compile(r"[ \t]*(?:\$|%|>>>|#)[ \t]+[\w./~-]")


# A command line: a lower-case program name, then arguments, one an option ("-out",
# "--prepare") or a path, and no sentence punctuation at its end.
_COMMAND = re.compile(r"[ \t]*[a-z][\w.-]*(?:[ \t]+\S+)*?[ \t]+(?:--?[A-Za-z]|[./~]?[\w.-]*/)\S*(?:[ \t]+\S+)*"
                      r"(?<![.!?:,;])[ \t]*")


# A line of code that is one call: a name, maybe dotted, its parenthesis right after it
# and the line ending on the call's close ("f.addStep(ShellCommand, command="ls")").
_CALL = re.compile(r"[ \t]*[A-Za-z_][\w.]*\(.*\)[ \t]*;?[ \t]*")


def commands(texts: list[str]) -> bool:
    """Whether every line of a run is a command line or a call (see _COMMAND, _CALL)."""
    return all(_COMMAND.fullmatch(line) or _CALL.fullmatch(line) for line in texts)


# Field separators and brackets: three or more on a line mark a record of data or a
# row of a table ("U+00DF; ss; [P1, V6]; xn--zca;", "| | "Key" = {...}"), not prose.
_FIELD_MARKS = re.compile(r"[;|={}\[\]]")
_DATA_SHARE = 0.6
_DATA_WORD = re.compile(r"[^\W\d_]{2,}")


# "Problem:    Crash when ..." / "Files:      src/main.c": a field name whose value is
# aligned in a column, as in patch logs and mail-header style records; or a field name
# in capitals without the colon, as flat-file databases write them ("ENTRY       EC
# 5.4.2.2", "GENES       HSA: 5236(PGM1)").
_ALIGNED_FIELD = re.compile(r"[A-Z][\w-]{0,30}:[ \t]{2,}\S|[A-Z][A-Z0-9_]{1,30}[ \t]{2,}\S")


# Lines of one word each, at least this many in a run: a list of words, not prose.
_WORD_LIST_LINES = 3
# A line that is one long path or key and nothing else ("[HKEY_CLASSES_ROOT\\.htm\\gvim.exe]").
_ONE_PATH = re.compile(r"(?=\S{20,}$)\S*[\\/]\S*")


def is_data(texts: list[str]) -> bool:
    """Whether most lines of a run are records of data rather than prose: three or more
    field marks, and at least one for every two words; a record of fields whose values
    are aligned in a column (their continuation lines indented); or lines that are
    each one long path or key, or each one word."""
    fields = sum(1 for line in texts if _ALIGNED_FIELD.match(line))
    if fields >= 2:  # a record: fields and their continuations, under one title line at most
        continued = sum(1 for line in texts if line[:1].isspace())
        if fields + continued >= len(texts) - 1:
            return True
    if all(_ONE_PATH.fullmatch(line.strip()) for line in texts):
        return True
    if len(texts) >= _WORD_LIST_LINES and all(len(line.split()) == 1 for line in texts):
        return True  # a word list (a spelling dictionary's accepted words, one a line)
    data = 0
    for line in texts:
        marks = len(_FIELD_MARKS.findall(CITATION.sub("", line)))
        if marks >= 3 and 2 * marks >= len(_DATA_WORD.findall(line)):
            data += 1
    return data >= _DATA_SHARE * len(texts)
