"""Language detection for a document's prose: script counts, function words, then langdetect."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import regex

from doclint.markup.base import CODE_MASK

if TYPE_CHECKING:
    from doclint.core.document import Document

SAMPLE_CHARS = 1500     # langdetect's cost grows with the text; 1,500 characters decide a page
PIECE_CHARS = 250       # ... taken as pieces of several paragraphs, not just the first one
PIECES = 10
SCRIPT_SAMPLE = 600     # Russian vs Ukrainian, Arabic vs Persian: a short sample suffices
MIN_LETTERS = 40        # below this there is too little prose to tell
MIN_WORDS = 20          # ... or below this many words (a CJK character counts as half a word)
LATIN_LETTERS = 150     # langdetect misnames one short Latin sentence in ~200; two or three are safe
LATIN_WORDS = 25        # ... and a page of identifiers and numbers is not prose in any language
# Table cells count: a translated reference page keeps most of its prose in tables.
SAMPLE_KINDS = ("paragraph", "list-item", "blockquote", "table-cell")
ENGLISH_RATIO = 0.15    # English prose runs 0.2-0.5 function words per word; other languages ~0


@dataclass(frozen=True)
class Language:
    """A detected language: ISO 639-1 code as langdetect spells it ("en", "zh-cn"), the
    probability, the dominant script of the letters, and how it was decided: "script"
    (letter counts alone; probability = share of letters in that script), "words"
    (English function words; probability = their share of function-word evidence) or
    "langdetect" (its probability)."""

    code: str
    probability: float
    script: str = "Latin"
    source: str = "langdetect"

    @property
    def name(self) -> str:
        return language_name(self.code)

    def matches(self, codes) -> bool:
        """Whether this language is one of `codes` ("zh" matches "zh-cn", "en-US" matches "en")."""
        return primary(self.code) in {primary(c) for c in codes}


def primary(code: str) -> str:
    return code.lower().replace("_", "-").split("-")[0]


# Scripts that name one language (in what doclint reads), and scripts shared by several,
# which langdetect tells apart on a short sample. Kana counts with Han as Japanese.
SCRIPTS = ("Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Bengali", "Thai",
           "Hangul", "Han", "Kana", "Georgian", "Armenian", "Gujarati", "Gurmukhi", "Tamil",
           "Telugu", "Kannada", "Malayalam")
SINGLE_LANGUAGE = {"Greek": "el", "Hebrew": "he", "Thai": "th", "Hangul": "ko", "Kana": "ja",
                   "Georgian": "ka", "Armenian": "hy", "Bengali": "bn", "Gujarati": "gu",
                   "Gurmukhi": "pa", "Tamil": "ta", "Telugu": "te", "Kannada": "kn", "Malayalam": "ml"}
# Letters are counted by deleting everything else (bytes.translate, then `sub` on what is
# left): collecting matches one by one would cost ten times more.
# Compiled when a text first holds letters outside ASCII: most English runs never need
# them, and twenty patterns cost a small run's start-up several milliseconds.
@cache
def _not_script() -> dict[str, regex.Pattern]:
    return {name: regex.compile(r"[^\p{Hiragana}\p{Katakana}]+" if name == "Kana" else rf"\P{{{name}}}+")
            for name in SCRIPTS}


@cache
def _not_writing() -> dict[str, regex.Pattern]:
    # A Japanese text's own letters are Kana and Han together.
    return dict(_not_script(), Kana=regex.compile(r"[^\p{Han}\p{Hiragana}\p{Katakana}]+"))


@cache
def _not_letter() -> regex.Pattern:
    return regex.compile(r"\P{L}+")


_ASCII_LETTERS = bytes(c for c in range(128) if chr(c).isalpha())
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())

# Frequent function words: cheap evidence of a language. English ones decide an English
# page without langdetect; all of them pick the paragraphs worth a closer look.
FUNCTION_WORDS = {
    "en": "the and of to that with for this are is was be by from have has had which it not or as "
          "at an will can their they there been were would should you your we our but if when "
          "all more into about than its these those also only such how what who",
    "de": "der die das und ist nicht mit den dem des ein eine einen einem einer auch auf für von "
          "zu sich werden wird wurde sind bei nach oder aber wenn wie noch nur über durch dass "
          "kann können diese dieser sie es im zum zur vom",
    "fr": "le la les des du un une et est que qui dans pour pas sur au aux avec ce cette ces "
          "sont par plus ne se il elle ils nous vous leur mais ou où été être fait comme",
    "es": "el la los las del un una y es que en por para con no se su sus al lo como más pero "
          "sobre este esta ser está son también fue entre",
    "it": "il lo la gli le di del della che è e per non con un una sono più anche come ma nel "
          "nella alla questo questa essere stato",
    "pt": "o a os as do da dos das um uma e é que em no na para com não por se mais como mas "
          "ao também foi ser são pelo pela",
    "nl": "de het een en van is dat die niet op te zijn voor met als er maar om aan ook bij door "
          "naar wordt worden kan deze dit uit wat",
    "sv": "och att det som är på för med har av till den inte om ett var jag så men från eller "
          "också kan",
    "da": "og det som er på for med har af til den ikke om et var jeg så men fra eller også kan",
    "pl": "w na z się nie do że to jest jak ale po co tak przez dla od są jego jej które który "
          "była było",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ada adalah atau "
          "oleh karena sudah bisa",
    "ru": "и в не на что с как это по но из у за от для же все был была было так его она они "
          "или уже еще ещё только также который которые при",
    "uk": "і й та що на не до як це з у в за від для але або був була було які який яка ще вже "
          "також його її їх вони він вона при",
}
# Words that are also common English ("a", "as", "do", "is") would make every English
# text look a little Portuguese or Dutch: they count for English only.
_ENGLISH = frozenset(FUNCTION_WORDS["en"].split()) | {"a", "do", "no", "so", "in", "on", "me", "he", "i"}
_WORDS_BY_LANG = {lang: frozenset(w for w in words.split() if lang == "en" or w not in _ENGLISH)
                  for lang, words in FUNCTION_WORDS.items()}
_LANGS_OF_WORD: dict[str, tuple[str, ...]] = {}
for _lang, _words in _WORDS_BY_LANG.items():
    for _word in _words:
        _LANGS_OF_WORD[_word] = _LANGS_OF_WORD.get(_word, ()) + (_lang,)
_PUNCTUATION = "()[]{}\"'“”‘’«»„‹›.,;:!?…"

_NAMES = (
    "af Afrikaans|ar Arabic|bg Bulgarian|bn Bengali|ca Catalan|cs Czech|cy Welsh|da Danish|"
    "de German|el Greek|en English|es Spanish|et Estonian|fa Persian|fi Finnish|fr French|"
    "gu Gujarati|he Hebrew|hi Hindi|hr Croatian|hu Hungarian|hy Armenian|id Indonesian|"
    "it Italian|ja Japanese|ka Georgian|kn Kannada|ko Korean|lt Lithuanian|lv Latvian|"
    "mk Macedonian|ml Malayalam|mr Marathi|ne Nepali|nl Dutch|no Norwegian|pa Punjabi|"
    "pl Polish|pt Portuguese|ro Romanian|ru Russian|sk Slovak|sl Slovenian|so Somali|"
    "sq Albanian|sv Swedish|sw Swahili|ta Tamil|te Telugu|th Thai|tl Tagalog|tr Turkish|"
    "uk Ukrainian|ur Urdu|vi Vietnamese|zh-cn Chinese (simplified)|zh-tw Chinese (traditional)|zh Chinese")
NAMES = dict(item.split(" ", 1) for item in _NAMES.split("|"))


def language_name(code: str) -> str:
    return NAMES.get(code.lower()) or NAMES.get(primary(code)) or code


def tokens(text: str) -> list[str]:
    """Lower-cased space-separated tokens of `text`, without surrounding punctuation."""
    return [token.strip(_PUNCTUATION) for token in text.lower().split()]


def _is_word(token: str) -> bool:
    return token.isalpha() or token.replace("-", "").replace("'", "").replace("’", "").isalpha()


def function_words(code: str) -> frozenset[str] | None:
    """The function words listed for a language, None when it has no list."""
    return _WORDS_BY_LANG.get(primary(code))


def count_function_words(words: list[str]) -> dict[str, int]:
    """How many of `words` (from tokens()) are function words, per listed language."""
    counts: dict[str, int] = {}
    for word in words:
        for lang in _LANGS_OF_WORD.get(word, ()):
            counts[lang] = counts.get(lang, 0) + 1
    return counts


def word_stats(text: str) -> tuple[int, dict[str, int]]:
    """(prose words, function words per listed language) of `text`: numbers and
    identifiers are not prose words."""
    words = tokens(text)
    return sum(map(_is_word, words)), count_function_words(words)


def _split_letters(text: str) -> tuple[int, str]:
    """(number of ASCII letters, the non-ASCII letters) of `text`."""
    letters_bytes = text.encode("utf-8").translate(None, _ASCII_NON_LETTERS)
    rest = letters_bytes.translate(None, _ASCII_LETTERS)
    others = _not_letter().sub("", rest.decode("utf-8")) if rest else ""
    return len(letters_bytes) - len(rest), others


def accented_share(text: str) -> float:
    """Share of the letters of `text` that are accented Latin letters (0 for no letters):
    about 1% in English with a few names, 5-30% in Polish, Czech, Turkish, Vietnamese."""
    ascii_letters, others = _split_letters(text)
    accented = len(_not_script()["Latin"].sub("", others)) if others else 0
    letters = ascii_letters + len(others)
    return accented / letters if letters else 0.0


def script_counts(text: str) -> dict[str, int]:
    """Letters of `text` per script; "Other" for letters of scripts not listed."""
    ascii_letters, others = _split_letters(text)
    if not others:  # the common case: plain ASCII prose
        return {"Latin": ascii_letters} if ascii_letters else {}
    latin = ascii_letters + len(_not_script()["Latin"].sub("", others))
    letters = ascii_letters + len(others)
    if latin >= 0.9 * letters:  # no need to count the other scripts
        counts = {"Latin": latin, "Other": letters - latin}
    else:
        counts = {name: len(_not_script()[name].sub("", others)) for name in SCRIPTS}
        counts["Latin"] = latin
        counts["Other"] = letters - sum(counts.values())
    return {name: n for name, n in counts.items() if n > 0}


def script_share(text: str, script: str) -> float:
    """Share of the letters of `text` written in `script` (1.0 when there are no letters
    or the script is not one doclint counts: it cannot tell, so it assumes the same)."""
    counts = script_counts(text)
    letters = sum(counts.values())
    if not letters or script not in SCRIPTS:
        return 1.0
    own = counts.get(script, 0) + (counts.get("Han", 0) if script == "Kana" else 0)
    return own / letters


def dominant_script(counts: dict[str, int]) -> str | None:
    if not counts:
        return None
    if "Kana" in counts:  # Japanese writes with Han and Kana together
        counts = dict(counts, Kana=counts["Kana"] + counts.get("Han", 0), Han=0)
    counts = {name: n for name, n in counts.items() if name != "Other"} or counts
    return max(counts, key=counts.get)


_FACTORY = None


def _factory():
    """langdetect's profiles, loaded on first use only (0.3 s): importing doclint stays fast."""
    global _FACTORY
    if _FACTORY is None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.set_seed(0)  # langdetect samples n-grams at random: fix it, same text -> same answer
        _FACTORY = factory
    return _FACTORY


def langdetect(text: str) -> tuple[str, float] | None:
    """langdetect's best guess for `text` and its probability; None when it finds no features."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        best = detector.get_probabilities()
    except LangDetectException:
        return None
    return (best[0].lang, best[0].prob) if best else None


def prose_sample(doc: "Document", limit: int = SAMPLE_CHARS) -> str:
    """Up to `limit` characters of prose taken from blocks spread over the document, with
    inline code and URLs removed."""
    blocks = [b for b in doc.blocks if b.kind in SAMPLE_KINDS] or list(doc.blocks)
    masked = doc.masked
    step = max(1, len(blocks) // PIECES)
    pieces, size = [], 0
    for block in blocks[::step]:
        end = min(block.end, block.start + PIECE_CHARS)
        if end < block.end:  # cut at a space, not inside a word
            end = max(masked.rfind(" ", block.start, end), block.start + PIECE_CHARS // 2)
        piece = " ".join(masked[block.start:end].replace(CODE_MASK, " ").split())
        if piece:
            pieces.append(piece)
            size += len(piece) + 1
            if size >= limit:
                break
    return " ".join(pieces)[:limit]


# Latin words that name things rather than say them: capitalised words, and tokens with
# digits, dots or underscores (Grafana, Prometheus, http_port, v1.2). In a page in another
# script they are product names and identifiers, not its language.
_LATIN_NAME = regex.compile(r"(?<![\p{Latin}\d_])(?:\p{Lu}|[\p{Latin}\d_.+#-]*[\d_.+#])[\p{Latin}\d_.+#-]*")
_CJK_CHARS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
_SPACED_WORD = regex.compile(r"[^\s\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]*\p{L}"
                             r"[^\s\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]*")


def prose_words(text: str) -> float:
    """Words of `text`, with a CJK, Hangul or Thai character as half a word (those scripts
    put no spaces between words, or few)."""
    cjk = len(_CJK_CHARS.findall(text))
    return len(_SPACED_WORD.findall(_CJK_CHARS.sub(" ", text))) + cjk / 2 if cjk else \
        len(_SPACED_WORD.findall(text))


def _script_probability(sample: str, script: str, share: float) -> float:
    """How sure a script-decided language is, on langdetect's scale: langdetect's own
    probability for the text in that script (a clearly Korean page is 0.99+, not the
    share of its letters that are Hangul). The share stands in when langdetect names
    another language or finds nothing."""
    own = _not_writing()[script].sub(" ", sample)[:SCRIPT_SAMPLE]
    found = langdetect(own)
    if found is None or primary(found[0]) != primary(SINGLE_LANGUAGE[script]):
        return round(share, 3)
    return round(found[1], 3)


def detect_text(sample: str, cheap: bool = True) -> Language | None:
    """The language of a prose sample: script counts first, then English function words
    (when `cheap`), then langdetect. None when there is too little prose to tell (under
    MIN_LETTERS letters or MIN_WORDS words): a rule that trusts the answer (skipping
    English-only rules, say) must be able to."""
    counts = script_counts(sample)
    letters = sum(counts.values())
    if letters < MIN_LETTERS or prose_words(sample) < MIN_WORDS:
        return None
    if set(counts) - {"Latin", "Other"}:
        # A translated page keeps product names and identifiers in Latin letters: they
        # do not count towards its script (nor go to langdetect with its text). Only
        # pages with a tenth or more of other letters get here (see script_counts).
        named = _LATIN_NAME.sub(" ", sample)
        if named != sample and sum(script_counts(named).values()) >= MIN_LETTERS:
            sample = named
            counts = script_counts(sample)
            letters = sum(counts.values())
    script = dominant_script(counts)
    share = (counts.get(script, 0) + (counts.get("Han", 0) if script == "Kana" else 0)) / letters
    if script in SINGLE_LANGUAGE and share >= 0.5:
        probability = _script_probability(sample, script, share)
        return Language(SINGLE_LANGUAGE[script], probability, script, "script")
    if script == "Latin":
        words, found = word_stats(sample)
        if letters < LATIN_LETTERS or words < LATIN_WORDS:
            return None
        english = found.get("en", 0)
        other = max((n for lang, n in found.items() if lang != "en"), default=0)
        if cheap and english >= ENGLISH_RATIO * words and english >= 4 * other:
            return Language("en", round(english / (english + other), 3), script, "words")
    text = sample if script == "Latin" else sample[:SCRIPT_SAMPLE]
    found_lang = langdetect(text)
    if found_lang is None:
        return None
    return Language(found_lang[0], round(found_lang[1], 3), script or "Latin", "langdetect")


def detect_document(doc: "Document", cheap: bool = True) -> Language | None:
    """The main language of a document's prose (code, URLs and markup never count)."""
    return detect_text(prose_sample(doc), cheap)


_CACHE_KEY = "detected-language"  # in Document.attributes


def language_of(doc: "Document") -> Language | None:
    """detect_document(doc), worked out once per document: the engine (for rules that
    declare `languages`) and both language kinds ask for it."""
    if _CACHE_KEY not in doc.attributes:
        doc.attributes[_CACHE_KEY] = detect_document(doc)
    return doc.attributes[_CACHE_KEY]
