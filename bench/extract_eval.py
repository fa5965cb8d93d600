"""Benchmark: candidate events of articles against an annotated set, and the speed of a long article.

    python bench/extract_eval.py [--set bench/extraction_set/articles.json] [--runs N] [--verbose]

Quality: every candidate (actor, action type, date) of every article of the set is compared with
the events annotated by hand. A candidate matches an annotated event when the action type is the
same, the actors name the same organization (equal after the importer's ``match_key``, or one
name inside the other: "Irish Data Protection Commission" / "The Irish Data Protection
Commission") and the annotated day lies inside the candidate's dates. Prints precision (matched
candidates / candidates) and recall (matched events / events), overall and per language. The
extraction reads the text alone (no database: every organization is unknown), the hardest case.
Other annotated sets in the same JSON shape can be given with --set.

Speed: a 1,000-word English article (the set's English articles, then the seed article, repeated
to 1,000 words) through ``extract``, against ``dateparser.search.search_dates`` on the same text
in the same run (the baseline the issue names: it finds date strings, not events). Target: under
0.5 s per 1,000-word article.
"""

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
import warnings
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
warnings.filterwarnings("ignore", category=DeprecationWarning)

import django  # noqa: E402

django.setup()

from timeline.extraction import extract, read_article  # noqa: E402
from timeline.matching import match_key  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SET = os.path.join(HERE, "extraction_set", "articles.json")
SEED = os.path.join(os.path.dirname(HERE), "..", "shared", "seeds", "hong-kong-2020-article.txt")
TARGET_SECONDS = 0.5


def same_actor(found, annotated):
    a, b = match_key(found).removeprefix("the "), match_key(annotated).removeprefix("the ")
    return a == b or (len(a) >= 3 and a in b) or (len(b) >= 3 and b in a)


def matches(candidate, event):
    actor, action_type, day = event
    day = dt.date.fromisoformat(day)
    return (
        candidate.action_type == action_type
        and same_actor(candidate.actor, actor)
        and candidate.date is not None
        and candidate.date.start <= day <= candidate.date.end
    )


def evaluate(articles, verbose=False):
    totals = defaultdict(
        lambda: [0, 0, 0, 0]
    )  # language: matched candidates, candidates, matched events, events
    for item in articles:
        article = read_article(
            item["text"],
            published=dt.date.fromisoformat(item["published"]),
            language=item.get("language", ""),
        )
        candidates = extract(article).candidates
        events = [tuple(event) for event in item["events"]]
        good = [c for c in candidates if any(matches(c, e) for e in events)]
        found = [e for e in events if any(matches(c, e) for c in candidates)]
        for key in (item.get("language", "?"), "all"):
            row = totals[key]
            row[0] += len(good)
            row[1] += len(candidates)
            row[2] += len(found)
            row[3] += len(events)
        if verbose and (len(good) != len(candidates) or len(found) != len(events)):
            print(f"-- {item['name']}")
            for c in candidates:
                mark = "ok " if c in good else "XX "
                print(f"   {mark}{c.actor} | {c.action_type} | {c.date and c.date.start} | {c.date_text!r}")
            for e in events:
                if e not in found:
                    print(f"   missed {e}")
    return totals


def long_article(articles, words=1000):
    parts = [a["text"] for a in articles if a.get("language") == "en"]
    if os.path.exists(SEED):
        with open(SEED, encoding="utf-8") as handle:
            parts.append(handle.read())
    text, count = [], 0
    while count < words:
        for part in parts:
            text.append(part)
            count += len(part.split())
            if count >= words:
                break
    return "\n".join(text)


def timed(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=DEFAULT_SET, help="An annotated set (JSON list of articles).")
    parser.add_argument("--runs", type=int, default=7, help="Timed runs of the long article (median).")
    parser.add_argument("--verbose", action="store_true", help="Show the articles with a miss.")
    args = parser.parse_args()
    with open(args.set, encoding="utf-8") as handle:
        articles = json.load(handle)

    totals = evaluate(articles, verbose=args.verbose)
    print(f"annotated set: {args.set} ({len(articles)} articles, {totals['all'][3]} events)")
    print(f"{'language':<10}{'candidates':>11}{'events':>8}{'precision':>11}{'recall':>9}")
    for language in sorted(totals, key=lambda key: (key == "all", key)):
        good, found_n, matched, events = totals[language]
        precision = good / found_n if found_n else 1.0
        recall = matched / events if events else 1.0
        print(f"{language:<10}{found_n:>11}{events:>8}{precision:>11.1%}{recall:>9.1%}")

    text = long_article(articles)
    article = read_article(text, published=dt.date(2024, 1, 1), language="en")
    extract(article)  # warm: vocabularies compiled, date engine loaded
    from dateparser.search import search_dates

    search_dates("warm up on 3 May 2020", languages=["en"])
    ours = timed(lambda: extract(article), args.runs)
    baseline = timed(lambda: search_dates(text, languages=["en"]), args.runs)
    print(f"long article: {len(text.split())} words, {len(extract(article).candidates)} candidates")
    print(f"extract                      {ours * 1000:8.1f} ms")
    print(f"dateparser search_dates      {baseline * 1000:8.1f} ms (baseline: dates only, no events)")
    print(f"ratio search_dates / extract: {baseline / ours:6.2f}x")
    print(
        f"target (< {TARGET_SECONDS} s per 1,000-word article):",
        "met" if ours < TARGET_SECONDS else "NOT met",
    )


if __name__ == "__main__":
    main()
