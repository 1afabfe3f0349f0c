"""Title case as Vale's `$title` expects it (AP or Chicago small words stay lower case)."""
from __future__ import annotations

import re

_AP_SMALL = frozenset(["a", "an", "and", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "so", "the", "to", "up", "yet"])
_CHICAGO_SMALL = _AP_SMALL | frozenset(["as", "en", "if", "per", "v", "vs", "via", "from", "into", "onto", "over", "with"])
_TOKEN = re.compile(r"\S+")


def title_case(text: str, style: str = "AP") -> str:
    small = _CHICAGO_SMALL if style.lower() == "chicago" else _AP_SMALL
    tokens = list(_TOKEN.finditer(text))
    out, last = [], 0
    for i, m in enumerate(tokens):
        word = m.group()
        out.append(text[last:m.start()])
        edge = i == 0 or i == len(tokens) - 1 or tokens[i - 1].group().endswith(":")
        if word.lower() in small and not edge:
            out.append(word.lower())
        elif word[:1].isalpha() and word[1:] == word[1:].lower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)  # mixed case (iPhone, OAuth) is left as written
        last = m.end()
    out.append(text[last:])
    return "".join(out)
