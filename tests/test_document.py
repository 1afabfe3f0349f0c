"""Document model: line index, decoding, newline styles, sentences inside prose blocks."""
from __future__ import annotations

from doclint.api import document_from_text
from doclint.core.document import LineIndex
from doclint.core.loader import decode, normalise_newlines


def test_line_index_positions():
    index = LineIndex("ab\ncd\n\nef")
    assert [index.position(i) for i in (0, 1, 3, 6, 7, 8)] == [(1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (4, 2)]
    assert index.line_count == 4 and index.line_start(4) == 7


def test_decode_bom_and_fallback():
    assert decode(b"\xef\xbb\xbfHello", "a.txt")[:3] == ("Hello", "utf-8", True)
    text, encoding, bom, lossy, warning = decode("Café".encode("cp1252"), "a.txt")
    assert (text, encoding, lossy) == ("Café", "cp1252", True) and "a.txt" in str(warning)


def test_newline_styles_keep_line_count():
    assert normalise_newlines("a\r\nb\r\n") == ("a\nb\n", "\r\n")
    assert normalise_newlines("a\rb\r") == ("a\nb\n", "\r")
    assert normalise_newlines("a\nb") == ("a\nb", "\n")


def test_sentences_stay_in_prose_and_map_to_lines():
    text = ("# Install the tool\n\nRun the installer. It asks for a folder\nand a name.\n\n"
            "```sh\nmake install. Then run it.\n```\n\nDone.\n")
    doc = document_from_text("a.md", text)
    found = [(doc.position(s.start)[0], text[s.start:s.end], s.block.kind) for s in doc.sentences]
    assert found == [
        (1, "Install the tool", "heading"),
        (3, "Run the installer.", "paragraph"),
        (3, "It asks for a folder\nand a name.", "paragraph"),
        (10, "Done.", "paragraph"),
    ]


def test_jsonl_record_location():
    doc = document_from_text("c.txt", "one\ntwo words")
    doc.record, doc.record_line = "r7", 12
    loc = doc.location(6)
    assert (loc.line, loc.column, loc.record, loc.text_line, loc.text_column) == (12, 1, "r7", 2, 3)
