"""Language detection and the language rules on real multilingual pages."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from doclint.api import document_from_text, lint_documents
from doclint.engine.config import Config
from doclint.families.language.detect import Language, detect_text, language_of, primary, prose_sample
from doclint.families.language.kinds import strip_foreign_matter, word_count

ROOT = Path(__file__).resolve().parent.parent

GERMAN_PAGE = """\
Installation unter Linux

Die Anwendung läuft auf allen aktuellen Distributionen. Laden Sie das Archiv von der
Projektseite herunter und entpacken Sie es in einen Ordner Ihrer Wahl.

Danach öffnen Sie ein Terminal, wechseln in den entpackten Ordner und starten das
Installationsprogramm. Es fragt nach dem Zielverzeichnis und legt dort alle Dateien ab.

Wenn beim Start eine Fehlermeldung erscheint, prüfen Sie bitte zuerst, ob die benötigten
Bibliotheken installiert sind. Eine Liste finden Sie im Anhang dieser Anleitung.
"""

UKRAINIAN_PAGE = """\
Як долучитися до проєкту

Ми раді кожному, хто хоче допомогти. Перш ніж надсилати зміни, прочитайте цей посібник
до кінця: він пояснює, як ми працюємо і чого очікуємо від учасників.

Усі зміни проходять рецензування. Зазвичай відповідь приходить протягом кількох днів,
але іноді це займає більше часу, тому просимо вас бути терплячими.

Before you open a pull request, make sure that the test suite passes on your machine and
that every new function has a short docstring that explains what it does and why.

Переклади документації ми зберігаємо в окремому каталозі. Якщо ви помітили помилку в
перекладі, повідомте нам про неї або одразу виправте її.

If you are not sure whether a change is welcome, open an issue first and describe the
problem you want to solve, so that we can discuss it before you spend time on the code.

Дякуємо, що допомагаєте зробити проєкт кращим для всіх.
"""

JAPANESE_PAGE = """\
はじめに

このツールは Markdown と reStructuredText の文書を読み込み、重複した文や途中で切れた行を
見つけます。設定ファイルは YAML 形式で、プロジェクトのルートに置きます。

インストールには Python 3.11 以降が必要です。pip を使ってインストールしたあと、
pre-commit のフックとして登録すると、コミットのたびに自動でチェックが走ります。

結果は text、JSON、SARIF の三つの形式で出力できます。CI で使う場合は JSON か SARIF を
おすすめします。GitHub Actions での設定例は付録を見てください。
"""

ENGLISH_WITH_QUOTE = """\
A week in Lyon

Our guide met us at the station and greeted the whole group with a short speech. "Nous
sommes très heureux de vous accueillir dans notre ville, et nous espérons que vous
passerez un excellent séjour," she said, before walking us to the hotel by the river.

The next morning we visited the old town and the cathedral on the hill, and in the
afternoon we took the funicular back down to the market for lunch.
"""

FRENCH_PARAGRAPH = """\
Nous sommes très heureux de vous accueillir dans notre ville, et nous espérons que
vous passerez un excellent séjour parmi nous pendant toute la semaine.
"""

RUSSIAN_PAGE = """\
Как принять участие в проекте

Мы рады всем, кто хочет помочь. Прежде чем отправлять изменения, прочитайте это
руководство до конца: оно объясняет, как мы работаем и чего ожидаем от участников.
Все изменения проходят рецензирование, и обычно ответ приходит в течение нескольких дней.
"""

GREEK_PAGE = """\
Οδηγός εγκατάστασης

Κατεβάστε το πακέτο από τη σελίδα του έργου και αποσυμπιέστε το σε έναν φάκελο της
επιλογής σας. Στη συνέχεια ξεκινήστε το πρόγραμμα και ακολουθήστε τις οδηγίες.
"""


def doc(text: str, name: str = "page.txt"):
    return document_from_text(name, text)


def language_rules(all_rules, *ids):
    return [dataclasses.replace(r, enabled=True) for r in all_rules if r.id in ids]


def run(all_rules, text, *ids, name="page.txt", config=None):
    return lint_documents([doc(text, name)], language_rules(all_rules, *ids), config).findings


@pytest.mark.parametrize("text,code", [
    (GERMAN_PAGE, "de"), (UKRAINIAN_PAGE, "uk"), (JAPANESE_PAGE, "ja"), (ENGLISH_WITH_QUOTE, "en"),
    (RUSSIAN_PAGE, "ru"), (GREEK_PAGE, "el"),
])
def test_main_language(text, code):
    found = language_of(doc(text))
    assert found is not None and found.code == code, found


def test_scripts_that_name_one_language_need_no_langdetect():
    assert language_of(doc(GREEK_PAGE)).source == "script"
    assert language_of(doc(JAPANESE_PAGE)).source == "script"


def test_too_little_prose_is_not_judged():
    assert language_of(doc("Kurz: Danke!")) is None
    assert language_of(doc("```\nprint('hello world, this is code and not prose at all')\n```\n", "a.md")) is None


def test_code_and_urls_do_not_count():
    page = GERMAN_PAGE + "\n```python\n" + "def install(path):\n    return copy_all_files(path)\n" * 40 + "```\n"
    page += "\nSiehe https://example.com/the/english/documentation/for/the/installer/and/more/pages\n"
    assert language_of(doc(page, "page.md")).code == "de"


def test_sample_is_bounded_and_spread_over_the_document():
    english = "The exporter now writes one file per chapter and keeps the old names.\n\n"
    german = "Der Exporter schreibt jetzt eine Datei pro Kapitel und behält die alten Namen.\n\n"
    sample = prose_sample(doc(english * 200 + german * 200))
    assert len(sample) <= 1500
    assert "exporter now" in sample and "Exporter schreibt" in sample


def test_detection_is_deterministic():
    text = "Eine kurze Notiz über den neuen Export nach PDF und EPUB."
    results = {detect_text(text * 2, cheap=False) for _ in range(3)}
    assert len(results) == 1


def test_language_matches_primary_subtags():
    assert Language("zh-cn", 0.99).matches(["zh"])
    assert Language("en", 0.99).matches(["en-US", "de"])
    assert not Language("de", 0.99).matches(["en"])
    assert primary("pt_BR") == "pt"


def test_unexpected_language_defaults_to_english(all_rules):
    findings = run(all_rules, GERMAN_PAGE, "DL501")
    assert [(f.line, f.rule_id) for f in findings] == [(1, "DL501")]
    assert "German (de, probability" in findings[0].message


def test_configured_languages_are_expected(all_rules):
    assert run(all_rules, GERMAN_PAGE, "DL501", config=Config(languages=("de", "en"))) == []
    findings = run(all_rules, ENGLISH_WITH_QUOTE, "DL501", config=Config(languages=("de",)))
    assert len(findings) == 1 and "English (en, probability" in findings[0].message


def test_german_page_is_not_mixed(all_rules):
    assert run(all_rules, GERMAN_PAGE, "DL502") == []


def test_english_paragraphs_in_a_ukrainian_page(all_rules):
    findings = run(all_rules, UKRAINIAN_PAGE, "DL502")
    assert [f.line for f in findings] == [9, 15]
    assert all("English (en" in f.message and "Ukrainian" in f.message for f in findings)


def test_japanese_page_with_english_terms_is_not_reported(all_rules):
    assert run(all_rules, JAPANESE_PAGE, "DL501", "DL502", config=Config(languages=("ja",))) == []


def test_quoted_french_sentence_is_not_reported(all_rules):
    assert run(all_rules, ENGLISH_WITH_QUOTE, "DL501", "DL502") == []


def test_french_paragraph_of_its_own_is_reported(all_rules):
    head, tail = ENGLISH_WITH_QUOTE.split("\n\nThe next morning")
    page = head + "\n\n" + FRENCH_PARAGRAPH + "\nThe next morning" + tail
    findings = run(all_rules, page, "DL502")
    assert [f.line for f in findings] == [7]
    assert "French (fr" in findings[0].message


GUIDE = """\
Getting started

This guide explains how to install the command-line tool and how to run it on your own
documents. It assumes that you have a recent version of Python and a terminal at hand.

%s

When you are done, commit the configuration file together with your documents so that
everybody on the team runs the same checks.
"""


@pytest.mark.parametrize("paragraph,code", [
    ("Narzędzie czyta każdy plik w podanym katalogu i zgłasza problemy razem z numerem wiersza "
     "i kolumny, dzięki czemu można je szybko poprawić przed publikacją.", "pl"),
    ("La herramienta lee todos los archivos de la carpeta indicada y señala los problemas con el "
     "número de línea y de columna, para que pueda corregirlos rápidamente.", "es"),
    ("该工具会读取指定文件夹中的每个文件，并报告问题所在的行号和列号，以便您在发布之前迅速修复这些问题。", "zh-cn"),
    ("We thank Jürgen Müller, Łukasz Wróbel, Søren Kierkegaard, François Hollande and José Álvarez "
     "for the translations, and also the team at Zürich.", None),
    ("Run `doclint check --format json docs/` and then `doclint fix --unsafe docs/index.md` to "
     "apply the fixes; see https://example.com/docs for more details about it.", None),
])
def test_paragraph_in_another_language(all_rules, paragraph, code):
    findings = run(all_rules, GUIDE % paragraph, "DL502", name="guide.md")
    assert [f.line for f in findings] == ([6] if code else [])
    if code:
        assert f"({code}, probability" in findings[0].message


def test_names_and_code_are_stripped():
    text = 'Yesterday Jean-Pierre Dupont and Le Monde met at Café de Flore, see `x.y` or v2.0 "mot"'
    stripped = strip_foreign_matter(text)
    assert "Dupont" not in stripped and "Monde" not in stripped and "v2.0" not in stripped
    assert "mot" not in stripped and stripped.startswith("Yesterday")
    assert word_count("ref link ref link ref link") == (2, 6)
    assert word_count("日本語の文") == (2.5, 2.5)
    assert word_count("a s d f g h j k") == (0, 0)


def test_sample_article_is_english_and_clean(all_rules):
    text = (ROOT / "examples" / "news-article.txt").read_text(encoding="utf-8")
    assert language_of(doc(text)).code == "en"
    assert run(all_rules, text, "DL501", "DL502") == []


def test_release_notes_german_paragraph_is_reported(all_rules):
    text = (ROOT / "examples" / "release-notes.txt").read_text(encoding="utf-8")
    findings = run(all_rules, text, "DL501", "DL502")
    assert [(f.rule_id, f.line) for f in findings] == [("DL502", 9)]


def test_rules_declaring_languages_skip_other_languages(all_rules):
    placeholder = next(r for r in all_rules if r.id == "DL901")
    english_only = dataclasses.replace(placeholder, languages=("en",), enabled=True)
    german = GERMAN_PAGE + "\nTODO: Abschnitt über die Deinstallation ergänzen.\n"
    english = ENGLISH_WITH_QUOTE + "\nTODO: add the section about the last day of the trip.\n"
    assert lint_documents([doc(german)], [english_only]).findings == []
    assert len(lint_documents([doc(english)], [english_only]).findings) == 1
    # Too little prose to tell: the rule runs.
    assert len(lint_documents([doc("TODO: write this.")], [english_only]).findings) == 1


def test_importing_doclint_does_not_load_langdetect():
    code = "import sys, doclint.cli, doclint.engine.phases, doclint.registry; print('langdetect' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
