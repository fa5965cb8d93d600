"""From an article's text to candidate events: one per actor and dated action.

The steps, each in its own module: sentences (``sentences``), date expressions (``dates``),
names (``names``), quotations (``quotes``), the action vocabulary (``vocabulary``). Here they
are put together:

1. An action is a vocabulary phrase outside quotations, not denied ("did not block") nor hedged
   ("could block", "threatened to block"), whose cue is in the sentence ("halted" + "data
   requests"). Its actor is the subject: the nearest organization before it (with those joined to
   it by "and" or commas), the one after "by" in the passive, or after the verb that follows a
   quotation ("…,” said the Facebook spokesperson).
2. Its date: the date expression of its sentence nearest to it; else an anchored date ("a week
   after the parliament passed the law": the anchored event's date, given elsewhere in the
   article, plus the offset); else the nearest date of its paragraph, then the nearest date of the
   article that no event took, then the publication date: those are approximate and marked for
   review.
3. Statements join the other event of the same actor as its quotes; a statement with no other
   event of its actor and no quotation is not kept. Two candidates of one actor and action type
   are one event unless each has a date of its own and the dates differ.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .. import dates as date_engine
from ..matching import match_key
from . import quotes as quoting
from . import vocabulary
from .article import Article
from .dates import DateMention, dates_in
from .language import detect
from .names import (
    Knowledge,
    Mention,
    coverage,
    find_jurisdictions,
    find_laws,
    find_organizations,
    law_group_key,
    law_references,
    propose_organizations,
)
from .sentences import Sentence, split

DATE_FROM_SENTENCE = "sentence"
DATE_ANCHORED = "anchored"
DATE_FROM_ARTICLE = "article"  # another sentence of the article: the anchored event's own date
DATE_INHERITED = "inherited"
DATE_PUBLISHED = "published"


@dataclass
class Candidate:
    actor: str
    actor_known: bool
    actor_kind: str
    action_type: str
    evidence: str
    evidence_span: tuple[int, int]
    sentence_index: int
    action_text: str
    date_text: str = ""
    date: date_engine.NormalizedDate | None = None
    date_source: str = ""
    raw_date: str = ""
    law: str = ""
    law_known: bool = False
    jurisdiction: str = ""
    parent: str = ""
    title: str = ""
    summary: str = ""
    quotes: list[tuple[str, str]] = field(default_factory=list)
    responds_to: int | None = None  # index in the candidate list
    notes: list[str] = field(default_factory=list)
    key: str = ""
    # The action phrase found in the text (its span and sentence), for dating and describing.
    found_as: _Action | None = field(default=None, repr=False, compare=False)

    @property
    def quote(self) -> str:
        return self.quotes[0][0] if self.quotes else ""

    @property
    def quote_speaker(self) -> str:
        return self.quotes[0][1] if self.quotes else ""

    @property
    def approximate(self) -> bool:
        return self.date is not None and self.date.approximate

    @property
    def needs_review(self) -> bool:
        return bool(self.notes)


@dataclass
class Extraction:
    article: Article
    language: str
    sentences: list[Sentence]
    dates: list[DateMention]
    organizations: list[Mention]
    laws: list[Mention]
    jurisdictions: list[Mention]
    candidates: list[Candidate]


class _Action(NamedTuple):
    start: int
    end: int
    action_type: str
    sentence: Sentence


class _Anchor(NamedTuple):
    start: int  # the phrase "a week after"
    end: int
    clause_end: int
    days: int
    before: bool
    approximate: bool
    later: bool = False  # "a week later", "le lendemain": counted from the date before it


def extract(article: Article, knowledge: Knowledge | None = None) -> Extraction:
    """Candidate events of ``article``; reads nothing but its arguments."""
    knowledge = knowledge or Knowledge()
    text = article.text
    language = detect(text, article.language)
    sentences = split(text)
    quotations = quoting.find_quotes(text)
    mentions = [
        m
        for m in dates_in(text, article.published, _date_languages(language))
        if not _inside(m.span, quotations)
    ]
    organizations = find_organizations(text, knowledge, language)
    laws = find_laws(text, knowledge, language)
    jurisdictions = find_jurisdictions(text, knowledge, language, organizations + laws)
    date_spans = [Mention(m.span[0], m.span[1], "date", m.text, False) for m in mentions]
    proposed = [
        m
        for m in propose_organizations(text, organizations + laws + date_spans, language)
        if not vocabulary.cue(language, "law").fullmatch(m.name)
    ]
    by_proposed = coverage(text, proposed)
    jurisdictions = [j for j in jurisdictions if not by_proposed[j.start]]
    by_place = coverage(text, jurisdictions)
    proposed = [p for p in proposed if not by_place[p.start]]
    # A country (not a region: "Central", "Georgia" are too often other things) can act: "China passed".
    countries = [j for j in jurisdictions if "-" not in j.detail]
    actors = sorted(
        [
            *organizations,
            *proposed,
            *[j._replace(kind="organization", known=False, detail="government") for j in countries],
        ]
    )
    context = _Context(
        article, knowledge, language, text, sentences, quotations, mentions, actors, laws, jurisdictions
    )
    candidates = context.candidates()
    return Extraction(
        article, language, sentences, mentions, [*organizations, *proposed], laws, jurisdictions, candidates
    )


def _date_languages(language: str) -> list[str]:
    return [language] if language == "en" else [language, "en"]


def _inside(span, ranges) -> bool:
    return any(r.start <= span[0] and span[1] <= r.end for r in ranges)


class _Context:
    def __init__(
        self, article, knowledge, language, text, sentences, quotations, mentions, actors, laws, jurisdictions
    ):
        self.article = article
        self.knowledge = knowledge
        self.language = language
        self.text = text
        self.sentences = sentences
        self.quotations = quotations
        self.mentions = mentions
        self.actors = actors
        self.laws = laws
        self.jurisdictions = jurisdictions
        self.references = law_references(text, language)
        self.laws = list(laws)
        self.main_law = self._main_law()
        self.used_dates: set[tuple[int, int]] = set()
        # "LONDON, Feb 21 (Newswire) - ", "Luxemburg (dpa) - ": the place and agency of a dateline
        # are not who acts.
        self.datelines = [m.span() for m in _DATELINE.finditer(text)]
        self.actors = [a for a in self.actors if not any(s <= a.start < e for s, e in self.datelines)]
        # Per sentence, what it holds: every step asks about one sentence at a time.
        self.starts = [sentence.start for sentence in sentences]
        self.actors_in = self._by_sentence(self.actors, lambda m: m.start)
        self.laws_in = self._by_sentence(self.laws, lambda m: m.start)
        self.quotes_in = self._by_sentence(quotations, lambda q: q.start)
        self.mentions_in = self._by_sentence(mentions, lambda m: m.span[0])
        self.references_in = self._by_sentence(self.references, lambda r: r[0])
        self.jurisdictions_in = self._by_sentence(jurisdictions, lambda m: m.start)
        self._actions_cache: dict[int, list[_Action]] = {}

    def _by_sentence(self, items, position) -> list[list]:
        grouped = [[] for _ in self.sentences]
        for item in items:
            sentence = self._sentence_at(position(item))
            if sentence is not None:
                grouped[sentence.index].append(item)
        return grouped

    def _sentence_at(self, position: int) -> Sentence | None:
        index = bisect.bisect_right(self.starts, position) - 1
        if index < 0 or position >= self.sentences[index].end:
            return None
        return self.sentences[index]

    # --- finding ---

    def candidates(self) -> list[Candidate]:
        found: list[Candidate] = []
        anchors: dict[int, _Anchor] = {}
        for sentence in self.sentences:
            if self._headline(sentence):
                continue
            anchor = self._anchor(sentence)
            if anchor is not None:
                anchors[sentence.index] = anchor
            for action in self._actions(sentence):
                in_anchor = anchor is not None and anchor.end <= action.start < anchor.clause_end
                for actor in self._subjects(action):
                    found.append(self._candidate(actor, action, in_anchor=in_anchor))
        for candidate in found:
            self._date_from_sentence(candidate, anchors.get(candidate.sentence_index))
        anchored_dates = {}
        for index, anchor in anchors.items():
            resolved = self._resolve_anchor(anchor, self.sentences[index], found)
            if resolved is not None:
                anchored_dates[index] = resolved
        for candidate in found:
            self._date(candidate, anchored_dates)
        found = self._merge(found)
        for candidate in found:
            self._describe(candidate)
        self._link_responses(found)
        return found

    def _headline(self, sentence: Sentence) -> bool:
        """A title line (one sentence, no closing punctuation, first of the text) restates the story:
        its events are in the body, with their dates."""
        if sentence.paragraph != 0:
            return False
        line = self.text[sentence.start : sentence.end]
        alone = all(other.paragraph != 0 or other.index == sentence.index for other in self.sentences[:3])
        return alone and not re.search(r"[.!?。！？]$", line) and len(self.sentences) > 1

    def _actions(self, sentence: Sentence) -> list[_Action]:
        if sentence.index not in self._actions_cache:
            self._actions_cache[sentence.index] = self._find_actions(sentence)
        return self._actions_cache[sentence.index]

    def _find_actions(self, sentence: Sentence) -> list[_Action]:
        text = self.text
        found: list[_Action] = []
        segment = text[sentence.start : sentence.end]
        plain = self._without_quotes(sentence)
        cues = {
            name: bool(vocabulary.cue(self.language, name).search(plain))
            for name in ("data", "service", "content")
        }
        has_law = bool(vocabulary.cue(self.language, "law").search(plain) or self.laws_in[sentence.index])
        cues["law"] = has_law or self._law_carried_over(sentence)
        for action in vocabulary.actions(self.language):
            if action.cue and not cues[action.cue]:
                continue
            for match in action.pattern.finditer(segment):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if _inside((start, end), self.quotes_in[sentence.index]) or any(
                    a.start < end and start < a.end for a in found
                ):
                    continue
                if self._denied_or_hedged(sentence, start, end):
                    continue
                if self._inside_name(sentence, start, end) or self._noun(sentence, start):
                    continue
                if self._reduced_passive(sentence, start, end):
                    continue
                found.append(_Action(start, end, action.action_type, sentence))
        return sorted(found)

    def _reduced_passive(self, sentence: Sentence, start: int, end: int) -> bool:
        """ "a law signed by the governor": a participle describing a thing, not a clause's verb."""
        if not re.match(r"\s+by\b", self.text[end : end + 4]) or self.language != "en":
            return False
        return not vocabulary.passive_auxiliary(self.language).search(self.text[sentence.start : start])

    def _noun(self, sentence: Sentence, start: int) -> bool:
        """ "the fine", "a ban": the word after a determiner names a thing, it is not an act."""
        words = re.findall(r"[^\W\d_]+", self.text[max(sentence.start, start - 12) : start])
        return bool(words) and words[-1].lower() in vocabulary.determiners(self.language)

    def _law_carried_over(self, sentence: Sentence) -> bool:
        """ "The legislature passed the ban in April. The governor signed it in May.": "it" is the law."""
        if sentence.index == 0 or not vocabulary.pronoun_object(self.language).search(
            self.text[sentence.start : sentence.end]
        ):
            return False
        previous = self.sentences[sentence.index - 1]
        if previous.paragraph != sentence.paragraph:
            return False
        return bool(vocabulary.cue(self.language, "law").search(self.text[previous.start : previous.end]))

    def _inside_name(self, sentence: Sentence, start, end) -> bool:
        names = (*self.actors_in[sentence.index], *self.laws_in[sentence.index])
        return any(m.start <= start and end <= m.end for m in names)

    def _without_quotes(self, sentence: Sentence) -> str:
        text = self.text
        pieces, position = [], sentence.start
        for quote in self.quotes_in[sentence.index]:
            if sentence.start <= quote.start < sentence.end:
                pieces.append(text[position : quote.start])
                position = max(position, quote.end)
        pieces.append(text[position : sentence.end])
        return " ".join(pieces)

    def _denied_or_hedged(self, sentence: Sentence, start: int, end: int) -> bool:
        before = self.text[max(sentence.start, start - 40) : start]
        after = self.text[end : min(sentence.end, end + 12)]
        if vocabulary.negation_before(self.language).search(before):
            return True
        negation_after = vocabulary.negation_after(self.language)
        if negation_after is not None and negation_after.search(after):
            return True
        return bool(vocabulary.hedge_before(self.language).search(before))

    def _subjects(self, action: _Action) -> list[Mention]:
        sentence, text = action.sentence, self.text
        quotes = self.quotes_in[sentence.index]
        before = [
            m
            for m in self.actors_in[sentence.index]
            if sentence.start <= m.start
            and m.end <= action.start
            and (not m.possessive or quoting.role_after(text, m.end))
            and not _inside((m.start, m.end), quotes)
            and not self._after_preposition(m)
        ]
        spaceless = self.language in vocabulary.SPACELESS
        if before and self.language in vocabulary.SUBJECT_FIRST:
            clause_start = max(
                [sentence.start]
                + [
                    m.end() + sentence.start
                    for m in re.finditer(r"[;:]|,\s(?:dass|weil|wenn)\b", text[sentence.start : action.start])
                ]
            )
            before = [m for m in before if m.start >= clause_start][:1]
        passive = bool(
            vocabulary.passive_auxiliary(self.language).search(text[sentence.start : action.start])
        )
        if passive and self.language != "de":
            before = []  # "ChatHub was fined": the name before a passive verb is who it happened to
        if before:
            nearest = before[-1]
            gap = text[nearest.end : action.start]
            if self._modal(gap):
                return []  # "… would force the sale of the app or ban it": not (yet) an act
            if self._close(gap, spaceless):
                group = [nearest]
                for other in reversed(before[:-1]):
                    joint = text[other.end : group[0].start]
                    if _JOINED.fullmatch(joint):
                        group.insert(0, other)
                    else:
                        break
                return group
        after = [
            m
            for m in self.actors_in[sentence.index]
            if action.end <= m.start and m.end <= sentence.end and not _inside((m.start, m.end), quotes)
        ]
        if after:
            first = after[0]
            gap = text[action.end : first.start]
            # The passive needs its auxiliary: "was blocked by the court", not "a law signed by X".
            auxiliary = vocabulary.passive_auxiliary(self.language).search(
                text[sentence.start : action.start]
            )
            passive = auxiliary and (
                re.fullmatch(r"\s+(?:\w+\s+){0,3}by\s+(?:the\s+)?", gap)
                or re.fullmatch(r"\s*(?:par|von|por|da|от)\s+(?:l[ae']\s*|der\s+|dem\s+|el\s+|la\s+)?", gap)
            )
            quoted = re.search(r"[”“\"»」』],?\s*$", text[sentence.start : action.start])
            if passive or (quoted and re.fullmatch(r"\s+(?:the\s+|a\s+)?", gap)):
                return [first]
        return []

    def _modal(self, gap: str) -> bool:
        """A modal or a denial between the subject and its verb scopes over the verb."""
        words = vocabulary.hedge_words(self.language)
        negations = vocabulary.negation_words(self.language)
        for word in re.findall(r"[^\W\d_]+(?:['’]t)?", gap.lower()):
            if word in words or word in negations or word.endswith(("n't", "n’t")):
                return True
        return False

    def _after_preposition(self, mention: Mention) -> bool:
        words = re.findall(r"[^\W\d_]+", self.text[max(0, mention.start - 20) : mention.start])
        if words and words[-1].lower() in (
            "the",
            "a",
            "an",
            "le",
            "la",
            "les",
            "der",
            "die",
            "das",
            "el",
            "il",
            "o",
            "a",
        ):
            words = words[:-1]
        return bool(words) and words[-1].lower() in vocabulary.prepositions(self.language)

    def _close(self, gap: str, spaceless: bool) -> bool:
        gap = _QUOTED_NAME.sub(" ", gap)  # „Privacy Shield“ is a name, not a quotation
        if re.search(r"[;:“”\"«»「」]", gap) or "\n" in gap:
            return False
        if vocabulary.clause_break(self.language).search(gap):
            return False
        if spaceless:
            return len(gap) <= 40 and "。" not in gap
        words = re.findall(r"[^\W\d_]+", gap)
        dated = sum(len(re.findall(r"[^\W\d_]+", m.text)) for m in self.mentions if m.text in gap)
        return len(words) - dated <= (20 if self.language in vocabulary.SUBJECT_FIRST else 10)

    def _candidate(self, actor: Mention, action: _Action, *, in_anchor: bool) -> Candidate:
        sentence = action.sentence
        law = self._law_for(action)
        candidate = Candidate(
            actor=actor.name,
            actor_known=actor.known,
            actor_kind=actor.detail if actor.kind == "organization" else "",
            action_type=action.action_type,
            evidence=self.text[sentence.start : sentence.end],
            evidence_span=(sentence.start, sentence.end),
            sentence_index=sentence.index,
            action_text=self.text[action.start : action.end],
        )
        if law is not None:
            candidate.law, candidate.law_known = law.name, law.known
            if law.known and law.detail:
                candidate.jurisdiction = law.detail
        if in_anchor:
            candidate.notes.append("anchor")
        for quote in self.quotes_in[sentence.index]:
            if sentence.start <= quote.start < sentence.end:
                candidate.quotes.append(
                    (quote.text, quoting.speaker(self._without_quotes(sentence), actor.name))
                )
        if not candidate.quotes and action.action_type == "statement":
            candidate.quotes.extend(self._quote_that_follows(sentence, actor))
        candidate.found_as = action
        return candidate

    def _quote_that_follows(self, sentence: Sentence, actor: Mention) -> list[tuple[str, str]]:
        """ "Bitkom criticized the law. "It endangers free speech," a spokesman said.": the quote of the
        next sentence, when that sentence names no one else, is the statement's."""
        if sentence.index + 1 >= len(self.sentences):
            return []
        following = self.sentences[sentence.index + 1]
        if following.paragraph != sentence.paragraph:
            return []
        others = [
            m
            for m in self.actors_in[following.index]
            if m.name != actor.name
            and not _inside((m.start, m.end), self.quotes_in[following.index])
            and not quoting.is_role(m.name)
        ]
        if others:
            return []
        rest = self._without_quotes(following)
        return [(quote.text, quoting.speaker(rest, actor.name)) for quote in self.quotes_in[following.index]]

    def _law_for(self, action: _Action) -> Mention | None:
        sentence = action.sentence
        in_sentence = self.laws_in[sentence.index]
        if in_sentence:
            return min(in_sentence, key=lambda law: abs(law.start - action.end))
        return self.main_law

    def _law_groups(self) -> list[list[Mention]]:
        """The article's law mentions, those naming one law together ("the national security law",
        "the national security act", "the security law"), most mentioned first."""
        groups: dict[frozenset, list[Mention]] = {}
        for law in self.laws:
            key = frozenset({law.name}) if law.known else law_group_key(law.name)
            for existing in groups:
                if key <= existing or existing <= key:
                    groups[existing].append(law)
                    break
            else:
                groups[key] = [law]
        return sorted(groups.values(), key=len, reverse=True)

    def _main_law(self) -> Mention | None:
        """The most mentioned law; each mention renamed to its group's name (the known law's title,
        else the longest name the article gives it)."""
        groups = self._law_groups()
        named = {}
        for group in groups:
            known = [law for law in group if law.known]
            name = known[0] if known else max(group, key=lambda law: len(law.name))
            for law in group:
                named[law] = law._replace(name=name.name, known=name.known, detail=name.detail)
        self.laws = [named.get(law, law) for law in self.laws]
        return named[groups[0][0]] if groups else None

    # --- anchored dates ---

    def _anchor(self, sentence: Sentence) -> _Anchor | None:
        pattern = vocabulary.anchors(self.language)
        if pattern is None:
            return None
        segment = self.text[sentence.start : sentence.end]
        match = pattern.search(segment)
        if match is None or _inside(
            (sentence.start + match.start(), sentence.start + match.end()), self.quotations
        ):
            return None
        groups = match.groupdict()
        if groups.get("the") or groups.get("the3"):
            count, unit = 1, groups.get("unit2") or groups.get("unit3") or "lendemain"
            direction = groups.get("dir2") or ""
            approximate = False
        else:
            word = (groups.get("count") or "1").lower()
            count = int(word) if word.isdigit() else vocabulary.NUMBER_VALUES.get(word, 1)
            unit, direction = groups["unit"], groups["dir"]
            approximate = word in vocabulary.VAGUE_COUNT_WORDS or vocabulary.unit_days(unit) > 1
        direction = direction.strip().lower()
        later = bool(groups.get("the3")) or direction in vocabulary.LATER_WORDS
        if later:
            clause_end = sentence.start + match.end()
        else:
            clause = re.search(r"[,;:]|\s[–—]\s", segment[match.end() :])
            clause_end = (
                sentence.start + match.end() + (clause.start() if clause else len(segment) - match.end())
            )
        return _Anchor(
            sentence.start + match.start(),
            sentence.start + match.end(),
            clause_end,
            count * vocabulary.unit_days(unit),
            direction in vocabulary.BEFORE_WORDS,
            approximate,
            later,
        )

    def _resolve_anchor(self, anchor: _Anchor, sentence: Sentence, found: list[Candidate]):
        """The date "a week after <event>" names: from a date right after it, else the event's date."""
        base = None
        if anchor.later:
            earlier = [m for m in self.mentions if m.span[1] <= anchor.start]
            if not earlier:
                return None
            base = earlier[-1].value
        for mention in self.mentions:
            if base is None and anchor.end <= mention.span[0] <= anchor.end + 2:
                base = mention.value
                self.used_dates.add(mention.span)
        if base is None:
            base = self._date_of_clause_action(anchor, sentence, found)
        if base is None:
            events = [c for c in found if c.sentence_index == sentence.index and "anchor" in c.notes]
            for event in events:
                dated = self._date_of_event_elsewhere(event)
                if dated is not None:
                    event.date, event.date_text, event.date_source = dated[0], dated[1], DATE_FROM_ARTICLE
                    event.notes.append(f"date from another sentence of the article: {dated[2]}")
                    base = dated[0]
                    break
        if base is None:
            return None
        shift = _dt.timedelta(days=-anchor.days if anchor.before else anchor.days)
        start = base.start + shift
        end = start if base.precision == "day" else base.end + shift
        value = date_engine.NormalizedDate(
            text=self.text[anchor.start : anchor.clause_end],
            start=start,
            end=end,
            precision=base.precision,
            approximate=anchor.approximate or base.approximate,
        )
        return value, self.text[anchor.start : anchor.clause_end].strip().rstrip(".。"), anchor

    def _date_of_clause_action(self, anchor: _Anchor, sentence: Sentence, found: list[Candidate]):
        """The date of the event the anchor's clause names, when another sentence dated it: "two
        weeks after the parliament adopted the Online Content Act" is the dated law_passed of that law."""
        for action in self._actions(sentence):
            if not anchor.end <= action.start < anchor.clause_end:
                continue
            law = self._law_for(action)
            actors = {m.name for m in self._subjects(action)}
            for candidate in found:
                same = candidate.action_type == action.action_type and (
                    candidate.actor in actors or (law is not None and candidate.law == law.name)
                )
                if (
                    same
                    and candidate.date_source == DATE_FROM_SENTENCE
                    and candidate.sentence_index != sentence.index
                ):
                    return candidate.date
        return self._date_of_named_actor(anchor, sentence, found)

    def _date_of_named_actor(self, anchor: _Anchor, sentence: Sentence, found: list[Candidate]):
        """ "the day after the court ruled": the latest dated act, before this sentence, of an actor the
        clause names by one of its words ("court" of "Supreme Court")."""
        words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", self.text[anchor.end : anchor.clause_end])}
        earlier = [
            c
            for c in found
            if c.date_source == DATE_FROM_SENTENCE
            and c.sentence_index < sentence.index
            and words & {w.lower() for w in re.findall(r"[^\W\d_]{4,}", c.actor)}
        ]
        return earlier[-1].date if earlier else None

    def _date_of_event_elsewhere(self, event: Candidate):
        """The date another sentence gives the same law's milestone or the same actor's action."""
        best = None
        for mention in self.mentions:
            sentence = self._sentence_at(mention.span[0])
            if sentence is None or sentence.index == event.sentence_index or mention.span in self.used_dates:
                continue
            if self._dates_own_event(sentence, mention):
                continue
            speaks_of_law = event.law and (
                any(law.name == event.law for law in self.laws_in[sentence.index])
                or bool(self.references_in[sentence.index])
            )
            same_actor = any(m.name == event.actor for m in self.actors_in[sentence.index])
            if not (speaks_of_law if event.action_type in vocabulary.LAW_ACTIONS else same_actor):
                continue
            distance = abs(sentence.index - event.sentence_index)
            if best is None or distance < best[0]:
                best = (distance, mention, sentence)
        if best is None:
            return None
        _, mention, sentence = best
        self.used_dates.add(mention.span)
        return mention.value, mention.text, self.text[sentence.start : sentence.end]

    def _dates_own_event(self, sentence: Sentence, mention: DateMention) -> bool:
        """Whether the date belongs to an event of its own sentence (another actor's act)."""
        return any(
            self._subjects(action) for action in self._actions(sentence) if action.action_type != "statement"
        )

    # --- dating ---

    def _date_from_sentence(self, candidate: Candidate, anchor: _Anchor | None) -> None:
        if "anchor" in candidate.notes:
            return
        action = candidate.found_as
        sentence = action.sentence
        own = [
            m
            for m in self.mentions
            if sentence.start <= m.span[0] < sentence.end
            and not (anchor and anchor.start <= m.span[0] < anchor.clause_end)
        ]
        if own:
            mention = min(own, key=lambda m: (abs(m.span[0] - action.end), m.span[0]))
            candidate.date, candidate.date_text = self._in_the_past(mention, candidate), mention.text
            candidate.date_source = DATE_FROM_SENTENCE
            self.used_dates.add(mention.span)

    def _in_the_past(self, mention: DateMention, candidate: Candidate):
        """A date without a year read as after the publication date ("in April", in December) is
        last year's: an article reports what has happened."""
        value, published = mention.value, self.article.published
        if published is None or value.start <= published or re.search(r"\d{4}|年", mention.text):
            return value
        try:
            start, end = (
                value.start.replace(year=value.start.year - 1),
                value.end.replace(year=value.end.year - 1),
            )
        except ValueError:  # 29 February
            return value
        candidate.notes.append("no year given: taken as the last such date before publication")
        return replace(value, start=start, end=end)

    def _date(self, candidate: Candidate, anchored_dates) -> None:
        if candidate.date is not None:
            return
        anchor = anchored_dates.get(candidate.sentence_index)
        if "anchor" in candidate.notes:
            candidate.notes.append("the anchored event's date is not in the article")
            return
        if anchor is not None and candidate.action_type != "statement":
            candidate.date, candidate.date_text, candidate.date_source = anchor[0], anchor[1], DATE_ANCHORED
            return
        self._inherit(candidate, anchored_dates)

    def _inherit(self, candidate: Candidate, anchored_dates) -> None:
        index = candidate.sentence_index
        paragraph = self.sentences[index].paragraph
        dated = []  # (scope, distance, value, text)
        for mention in self.mentions:
            sentence = self._sentence_at(mention.span[0])
            if sentence is None:
                continue
            distance = abs(sentence.index - index)
            if sentence.paragraph == paragraph:
                dated.append((0, distance, mention.value, mention.text))
            elif mention.span not in self.used_dates and candidate.action_type != "statement":
                # An act with no date of its own is dated by the article's other, unclaimed dates; a
                # statement is what was said when the article was written.
                dated.append((1, distance, mention.value, mention.text))
        for sentence_index, (value, phrase, _) in anchored_dates.items():
            same = self.sentences[sentence_index].paragraph == paragraph
            if same or candidate.action_type != "statement":
                dated.append((0 if same else 1, abs(sentence_index - index), value, phrase))
        if dated:
            scope, _, value, phrase = min(dated, key=lambda d: (d[0], d[1]))
            candidate.date = replace(value, approximate=True)
            candidate.date_text = phrase
            candidate.date_source = DATE_INHERITED
            where = "its paragraph" if scope == 0 else "the article"
            candidate.notes.append(f"no date in its sentence: the nearest date of {where}, approximate")
        elif self.article.published is not None:
            day = self.article.published
            candidate.date = date_engine.NormalizedDate(
                text=day.isoformat(), start=day, end=day, precision="day", approximate=True
            )
            candidate.date_text = day.isoformat()
            candidate.date_source = DATE_PUBLISHED
            candidate.notes.append("no date in the article near it: the publication date, approximate")
        else:
            candidate.notes.append("no date: give the article's publication date")

    # --- merging and describing ---

    def _merge(self, found: list[Candidate]) -> list[Candidate]:
        found = [c for c in found if c.date is not None or "anchor" not in c.notes]
        acts = [c for c in found if c.action_type != "statement"]
        kept: list[Candidate] = []
        for candidate in acts:
            twin = next((k for k in kept if _same_event(k, candidate)), None)
            if twin is None:
                kept.append(candidate)
                continue
            better, other = (twin, candidate) if _rank(twin) <= _rank(candidate) else (candidate, twin)
            better.quotes.extend(q for q in other.quotes if q not in better.quotes)
            if better is candidate:
                kept[kept.index(twin)] = candidate
        for statement in (c for c in found if c.action_type == "statement"):
            same_actor = [k for k in kept if k.actor == statement.actor]
            if same_actor:
                target = min(same_actor, key=lambda k: abs(k.sentence_index - statement.sentence_index))
                target.quotes.extend(q for q in statement.quotes if q not in target.quotes)
            elif statement.quotes:
                twin = next((k for k in kept if _same_event(k, statement)), None)
                if twin is None:
                    kept.append(statement)
                else:
                    twin.quotes.extend(q for q in statement.quotes if q not in twin.quotes)
        kept.sort(key=lambda c: (c.sentence_index, c.evidence_span))
        return kept

    def _describe(self, candidate: Candidate) -> None:
        action = candidate.found_as
        candidate.notes = [note for note in candidate.notes if note != "anchor"]
        if not candidate.jurisdiction:
            candidate.jurisdiction = self._jurisdiction_near(action.sentence)
        candidate.summary = candidate.evidence
        clause = self.text[action.start : action.sentence.end]
        clause = re.split(r"[,;:“”\"«»]|\s[–—]\s", clause)[0].strip().rstrip(".")
        words = clause.split()
        candidate.title = f"{candidate.actor}: {' '.join(words[:14])}"[:300]
        if candidate.date is not None:
            candidate.raw_date = self._importable(candidate)
        if candidate.actor_known:
            organization = self.knowledge.organization_keys.get(_name_key(candidate.actor))
            if organization is not None:
                candidate.parent = organization.parent
                candidate.actor_kind = candidate.actor_kind or organization.kind

    def _importable(self, candidate: Candidate) -> str:
        """The date as the importer will read it again: the words as written when they read the
        same, else the resolved value ("about 2020-07-07" when approximate)."""
        value = candidate.date
        try:
            again = date_engine.normalize_date(
                candidate.date_text,
                reference=self.article.published,
                languages=_date_languages(self.language),
            )
        except date_engine.DateNormalizationError:
            again = None
        if again is not None and (again.start, again.end, again.approximate) == (
            value.start,
            value.end,
            value.approximate,
        ):
            return candidate.date_text
        point = date_engine.edtf(value.start, value.end, value.precision)
        return f"about {point}" if value.approximate else point

    def _jurisdiction_near(self, sentence: Sentence) -> str:
        here = [j.detail for j in self.jurisdictions_in[sentence.index]]
        if here:
            return here[0]
        counts: dict[str, int] = {}
        for j in self.jurisdictions:
            counts[j.detail] = counts.get(j.detail, 0) + 1
        return max(counts, key=lambda code: (counts[code], -list(counts).index(code))) if counts else ""

    def _link_responses(self, found: list[Candidate]) -> None:
        milestones = [
            i for i, c in enumerate(found) if c.action_type in ("law_passed", "law_signed", "law_in_force")
        ]
        for candidate in found:
            if candidate.action_type in vocabulary.LAW_ACTIONS or not candidate.law:
                continue
            same_law = [i for i in milestones if found[i].law == candidate.law]
            if same_law:
                candidate.responds_to = same_law[0]
        for index, candidate in enumerate(found):
            candidate.key = f"{index + 1}"


_DATELINE = re.compile(r"^[^\W\d_][^\n()–—]{0,60}?(?:\s\((?:[^()\n]{1,40})\))?\s*[-–—]{1,2}\s", re.MULTILINE)
_QUOTED_NAME = re.compile(r"[„“\"«「](?:\s*[^\s„“”\"«»「」]+){1,3}\s*[“”\"»」]")
# What may stand between two actors of one subject: "Facebook and WhatsApp", "Twitter, Google,".
_JOINED = re.compile(
    r"\s*(?:,|&|and|or|as well as|et|und|y|e|и|ve|و|、|和|与|與|及|と|과|와)?\s*(?:,\s*)?(?:and\s+)?"
)


def _name_key(name: str) -> str:
    return match_key(name.replace("’", "'"))


def _same_event(a: Candidate, b: Candidate) -> bool:
    if a.actor != b.actor or a.action_type != b.action_type:
        return False
    if a.date is None or b.date is None:
        return True
    own = (DATE_FROM_SENTENCE, DATE_ANCHORED, DATE_FROM_ARTICLE)
    if a.date_source in own and b.date_source in own:
        return a.date.start <= b.date.end and b.date.start <= a.date.end
    return True


def _rank(candidate: Candidate) -> tuple:
    order = (DATE_FROM_SENTENCE, DATE_ANCHORED, DATE_FROM_ARTICLE, DATE_INHERITED, DATE_PUBLISHED, "")
    return (order.index(candidate.date_source), candidate.sentence_index)
