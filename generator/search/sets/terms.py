"""The terms a page is found by, and a query's: Chinese as single characters and overlapping pairs, other text as
lower-cased runs of letters and digits.

Pairs need no dictionary, so the page side and the query side can never cut a word differently (the trouble
Pagefind has: jieba at build time, the browser's Intl.Segmenter at query time). A word of three or more characters
is found as all of its pairs. sets.js cuts queries with the same rules (queryTerms).
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{HAN}]+")
_NOT_HAN = re.compile(f"[^{HAN}]+")
_OTHER_RUN = re.compile(r"[0-9a-z]+")
_CUT = "|"


def page_terms(text: str) -> set[str]:
    """Every term of `text`: each Chinese character, each pair of neighbours, each run of letters/digits."""
    text = text.lower()
    han = _NOT_HAN.sub(_CUT, text)
    # All slices at once, then the few that cross a cut dropped: far quicker than pairing run by run.
    found = {han[i:i + 2] for i in range(len(han) - 1)}
    found.update(han)
    found = {term for term in found if _CUT not in term}
    found.update(_OTHER_RUN.findall(text))
    return found


def word_terms(word: str) -> list[str]:
    """The terms a page must hold to match one query word: its pairs (or its one character), its letter runs."""
    word = word.lower()
    terms: list[str] = _OTHER_RUN.findall(word)
    for run in _HAN_RUN.findall(word):
        terms += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
    return list(dict.fromkeys(terms))
