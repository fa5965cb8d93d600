"""Paragraphs and sentences of an article, as character spans of its text.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quote or bracket) followed by space
and a capital, digit or opening quote, or at ``。！？``; never inside a quotation, nor after an
abbreviation or an initial ("U.S.", "Mr.", "Jan."). A line break always ends a paragraph: a
headline is its own paragraph.
"""

from __future__ import annotations

import re
from typing import NamedTuple

OPENING_QUOTES = '“‘«„‚「『"'
CLOSING_QUOTES = '”’»“‘」』"'
_END = re.compile(r"[.!?…]+[\"”’»)\]』」]*(?=\s+[\"“‘«„(\[]?[^\W_a-z])|[。！？]+[」』”]*")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]|[A-Z][a-z]{0,3}|St|Mt|No|Nos|Art|Sec|Inc|Ltd|Corp|Co|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|Jr|Sr|bzw|z\.B|Nr|Abs|S|Mme|Mlle|Sr|Sra|"
    r"Dª|Gob|ул|г|т\.е|им)\.)$"
)
_PARAGRAPH = re.compile(r"[^\n]+")


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int
    index: int

    def text(self, article_text: str) -> str:
        return article_text[self.start : self.end]


def split(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_PARAGRAPH.finditer(text)):
        start = line.start()
        for end in _ends(line.group()):
            _add(sentences, text, line.start() + start - line.start(), line.start() + end, paragraph)
            start = line.start() + end
        _add(sentences, text, start, line.end(), paragraph)
    return sentences


def _add(sentences, text, start, end, paragraph):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, paragraph, len(sentences)))


def _ends(line: str):
    """Offsets in ``line`` where a sentence ends, outside quotations."""
    depth_at = _quote_depths(line)
    for match in _END.finditer(line):
        end = match.end()
        abbreviated = match.group()[0] == "." and _ABBREVIATION.search(
            line[max(0, match.start() - 8) : match.start() + 1]
        )
        if re.search(r"(?<![\d.])\d{1,2}\.$", line[: match.start() + 1]) and match.group() == ".":
            continue  # "am 6. Mai": an ordinal day, not the end of a sentence
        if abbreviated and not re.search(r"\b\d{4}\.$|\b[A-Z]{2,}\.$", line[: match.start() + 1]):
            continue
        if depth_at[min(end, len(line)) - 1] > 0:
            continue
        yield end


def _quote_depths(line: str) -> list[int]:
    """How many quotations are open after each character (straight quotes alternate)."""
    depths, depth, straight_open = [], 0, False
    for char in line:
        if char == '"':
            straight_open = not straight_open
            depth += 1 if straight_open else -1
        elif char in "“«„「『":
            depth += 1
        elif char in "”»」』" and depth > 0:
            depth -= 1
        depths.append(max(depth, 0))
    return depths
