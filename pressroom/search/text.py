"""Words for the search index and for queries, the same way on every database.

Wagtail's database backends split text on spaces and punctuation only, so a run of Chinese
characters is one long "word" and ``朝鲜`` never matches "日本与朝鲜举行秘密会谈". Indexed text
therefore also carries every pair of neighbouring CJK characters (a bigram), and a query's CJK
run becomes its bigrams, all required: any word of two or more characters is found wherever it
stands. English words also carry their Snowball stem, so "pumps" finds "pump" on SQLite as on
PostgreSQL. See docs/search.md and docs/decisions/0008-cjk-bigram-search.md.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Han (with extensions and compatibility forms), kana and Hangul: scripts written without
# spaces between words.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RUN = re.compile(f"([{CJK_CHARS}]+)")
_WORD = re.compile(r"[^\W_]+")  # letters and digits, in any script
_CJK_ONLY = re.compile(f"^[{CJK_CHARS}]+$")

# A query of more words than this is cut: every term must match, so more add nothing useful.
MAX_QUERY_TERMS = 32

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The English stem of a lower-case Latin word; other words unchanged."""
    if word.isascii() and word.isalpha() and len(word) > 2:
        return _stemmer.stemWord(word)
    return word


def is_cjk(token: str) -> bool:
    return bool(_CJK_ONLY.match(token))


def tokens(text: str):
    """Yield the words of ``text``: runs of CJK characters, and lower-cased other words."""
    for word in _WORD.findall(text):
        for part in _CJK_RUN.split(word):
            if part:
                yield part if is_cjk(part) else part.lower()


def bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a CJK run; a single character stands for itself."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_terms(text: str) -> str:
    """Extra words to index beside ``text``: what the database's own splitting misses.

    That is the bigrams of CJK runs longer than two characters, the stems of English words,
    and the parts of words that mix scripts ("QH系列" is one word to the database).
    """
    extra = []
    for word in _WORD.findall(text):
        parts = [part for part in _CJK_RUN.split(word) if part]
        mixed = len(parts) > 1
        for part in parts:
            if is_cjk(part):
                if len(part) > 2:
                    extra.extend(bigrams(part))
                elif mixed:
                    extra.append(part)
            else:
                part = part.lower()
                if mixed:
                    extra.append(part)
                root = stem(part)
                if root != part:
                    extra.append(root)
    return " ".join(extra)


def autocomplete_terms(text: str) -> str:
    """Extra words for the autocomplete column (titles): ``index_terms`` and, for CJK runs,
    their bigrams and single characters too, so an editor's "泵" or "泵站" typed into the
    admin's search finds "离心水泵" and "智能泵站远程运维" by their titles."""
    extra = index_terms(text).split()
    for word in _WORD.findall(unicodedata.normalize("NFKC", text)):
        for part in _CJK_RUN.split(word):
            if is_cjk(part):
                if len(part) == 2:
                    extra.append(part)
                extra.extend(part)
    return " ".join(dict.fromkeys(extra))


def backend_query(query: str) -> str:
    """A query for Wagtail's search backends (the admin's searches): each CJK run as its
    bigrams, so a word of any length inside a longer run is found, as the index holds it."""
    words = []
    for token in tokens(unicodedata.normalize("NFKC", query)):
        words.extend(bigrams(token) if is_cjk(token) else [token])
    return " ".join(dict.fromkeys(words[:MAX_QUERY_TERMS]))


def query_terms(query: str) -> list[str]:
    """The index words a visitor's query must all match, in order, without repeats."""
    query = unicodedata.normalize("NFKC", query)  # full-width Ｌａｔｉｎ and digits
    terms: dict[str, None] = {}
    for token in tokens(query):
        for term in bigrams(token) if is_cjk(token) else [stem(token)]:
            terms.setdefault(term, None)
    return list(terms)[:MAX_QUERY_TERMS]


def highlight_words(query: str) -> list[str]:
    """What to mark in a result: the query's CJK runs (and their bigrams) and English stems."""
    query = unicodedata.normalize("NFKC", query)
    words: dict[str, None] = {}
    for token in tokens(query):
        if is_cjk(token):
            words.setdefault(token, None)
            if len(token) > 2:
                for pair in bigrams(token):
                    words.setdefault(pair, None)
        else:
            words.setdefault(stem(token), None)
    return list(words)[: MAX_QUERY_TERMS * 2]


def index_words(text: str) -> str:
    """The words the site search index holds for ``text``, space-separated: each CJK run as
    its bigrams (a run of one or two characters as itself), each other word lower-cased and
    followed by its stem when that differs. Every term ``query_terms`` can ask for is here
    exactly when the text has it."""
    text = unicodedata.normalize("NFKC", text)
    words = []
    for token in tokens(text):
        if is_cjk(token):
            words.extend(bigrams(token))
        else:
            words.append(token)
            root = stem(token)
            if root != token:
                words.append(root)
    return " ".join(words)
