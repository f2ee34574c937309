"""Stock sumy methods over our sentences, with our tokenizer (no NLTK data) and language tools."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from summarizers.extract.languages import LanguageTools, language_tools
from summarizers.models import Sentence
from summarizers.sentences import SumyTokenizer, words

# How many of the article's most frequent content words Edmundson's key method rewards.
_EDMUNDSON_KEY_WORDS = 10

SumyFactory = Callable[[LanguageTools, list[Sentence]], AbstractSummarizer]


def _plain(cls: type[AbstractSummarizer]) -> SumyFactory:
    def build(tools: LanguageTools, sentences: list[Sentence]) -> AbstractSummarizer:
        summarizer = cls(tools.stem)
        # Every stock method but LSA and TextRank reads `stop_words`; all of them accept it.
        summarizer.stop_words = tools.stop_words
        return summarizer

    return build


def _edmundson(tools: LanguageTools, sentences: list[Sentence]) -> AbstractSummarizer:
    # Without a cue dictionary or a title, Edmundson (1969) reduces to its key method (the
    # article's most frequent content words) plus its location method.
    summarizer = EdmundsonSummarizer(
        tools.stem, cue_weight=0.0, key_weight=1.0, title_weight=0.0, location_weight=1.0
    )
    counts = Counter(
        w.lower() for s in sentences for w in words(s.text) if w.lower() not in tools.stop_words
    )
    summarizer.bonus_words = [w for w, _n in counts.most_common(_EDMUNDSON_KEY_WORDS)]
    summarizer.null_words = tools.stop_words
    return summarizer


SUMY_FACTORIES: dict[str, SumyFactory] = {
    "lexrank": _plain(LexRankSummarizer),
    "lsa": _plain(LsaSummarizer),
    "luhn": _plain(LuhnSummarizer),
    "textrank": _plain(TextRankSummarizer),
    "kl": _plain(KLSummarizer),
    "sumbasic": _plain(SumBasicSummarizer),
    "reduction": _plain(ReductionSummarizer),
    "edmundson": _edmundson,
}


def run_sumy(name: str, sentences: list[Sentence], count: int, language: str) -> list[Sentence]:
    """The `count` sentences sumy's method `name` rates best, in article order."""
    tools = language_tools(language)
    tokenizer = SumyTokenizer(language)
    # One sumy sentence per ours; paragraphs kept so that location-aware methods see them.
    by_paragraph: dict[int, list[tuple[Sentence, SumySentence]]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph, []).append((s, SumySentence(s.text, tokenizer)))
    ours = {id(sumy): s for pairs in by_paragraph.values() for s, sumy in pairs}
    document = ObjectDocumentModel(
        [Paragraph([sumy for _s, sumy in pairs]) for pairs in by_paragraph.values()]
    )
    summarizer = SUMY_FACTORIES[name](tools, sentences)
    chosen = summarizer(document, count)
    return sorted((ours[id(c)] for c in chosen), key=lambda s: s.index)
