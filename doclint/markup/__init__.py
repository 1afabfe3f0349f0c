"""Markup readers: pick the reader for a file and turn its text into prose blocks."""
from __future__ import annotations

import os
from typing import Callable

from . import markdown, rst, text
from .base import BLOCK_KINDS, CODE_MASK, Block, Parsed

__all__ = ["BLOCK_KINDS", "CODE_MASK", "Block", "Parsed", "READERS", "reader_for"]

READERS: dict[str, Callable[[str], Parsed]] = {
    "markdown": markdown.parse,
    "rst": rst.parse,
    "text": text.parse,
}

_BY_EXTENSION = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".rst": "rst"}


def reader_for(path: str) -> Callable[[str], Parsed]:
    """The parse function for a file path, by extension; unknown extensions are text."""
    ext = os.path.splitext(path)[1].lower()
    return READERS[_BY_EXTENSION.get(ext, "text")]
