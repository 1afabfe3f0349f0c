"""DL501 on whole translated pages: tables, lists and English product names included."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from doclint.api import document_from_text, lint_documents
from doclint.families.language.detect import detect_text, language_of

DATA = Path(__file__).resolve().parent / "data"
TRANSLATED = sorted((DATA / "translated").iterdir())
ENGLISH = sorted((DATA / "english").iterdir())


def _rule(all_rules, rule_id):
    return dataclasses.replace(next(r for r in all_rules if r.id == rule_id), enabled=True)


def _flagged(path: Path, rule) -> bool:
    doc = document_from_text(path.name, path.read_text(encoding="utf-8"))
    return bool(lint_documents([doc], [rule]).findings)


def test_translated_pages_are_flagged_under_english(all_rules):
    # Pages of installation guides, option tables, alert how-tos and FAQs translated
    # into ten languages in five scripts, each with 20+ words of prose.
    languages = {path.name.split("-")[0] for path in TRANSLATED}
    assert len(TRANSLATED) >= 40 and len(languages) >= 8
    rule = _rule(all_rules, "DL501")
    missed = [path.name for path in TRANSLATED if not _flagged(path, rule)]
    assert len(missed) <= 0.03 * len(TRANSLATED), missed


def test_english_pages_are_not_flagged(all_rules):
    rule = _rule(all_rules, "DL501")
    assert [path.name for path in ENGLISH if _flagged(path, rule)] == []


def test_product_names_and_tables_do_not_hide_the_language():
    for name, code in (("ko-products.md", "ko"), ("zh-products.md", "zh-cn"), ("ko-table-intro.md", "ko")):
        text = (DATA / "translated" / name).read_text(encoding="utf-8")
        found = language_of(document_from_text(name, text))
        assert found is not None and found.code == code, (name, found)


def test_script_decided_probability_is_on_langdetects_scale():
    text = (DATA / "translated" / "ko-products.md").read_text(encoding="utf-8")
    found = language_of(document_from_text("ko-products.md", text))
    assert found.source == "script" and found.probability >= 0.99


def test_short_files_get_no_language_and_no_gating(all_rules):
    assert detect_text("설치가 끝나면 서비스를 시작하고 브라우저에서 주소로 접속합니다.") is None
    assert detect_text("Установите пакет и перезапустите сервер после обновления.") is None
    assert detect_text("安装完成后，启动服务并在浏览器中打开地址。") is None
    doc = document_from_text("short.md", "# 설치\n\n설치가 끝나면 서비스를 시작하고 브라우저에서 접속합니다.\n")
    assert lint_documents([doc], [_rule(all_rules, "DL501")]).findings == []
    placeholder = next(r for r in all_rules if r.id == "DL901")
    english_only = dataclasses.replace(placeholder, languages=("en",), enabled=True)
    short = "TODO: 설치가 끝나면 서비스를 시작하고 브라우저에서 접속합니다.\n"
    assert len(lint_documents([document_from_text("short.txt", short)], [english_only]).findings) == 1
