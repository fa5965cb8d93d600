"""Generate a realistic data set of events into a migrated database, streamed in batches.

    .venv/bin/python bench/generate.py --events 100000            # into DATABASE_URL
    .venv/bin/python bench/generate.py --events 1000000 --seed 7 --batch 5000

The world: thousands of organizations (groups with subsidiaries up to three levels deep,
governments, legislatures, courts, regulators and NGOs of the jurisdictions in the table, some
with other names such as a rename), hundreds of laws with their milestones (passed, signed, in
force, some struck down) as events, and sources published near the events they support.

The events: most answer a law (``responds_to`` one of its milestones, dated days to months after
it, so dates crowd as they do in life), the rest are spread over 2000-2025 with more of them in
recent years. Dates are written as a source would write them ("Monday, July 6, 2020", "early July
2020", "Q3 2020", "summer 2019", "the 2010s", "c. 2015") and ``date_start``/``date_end``/
``date_precision``/``date_approximate`` are what ``timeline.dates.normalize_date`` makes of that
text (mostly day, some week/month/quarter/season/year/decade, some approximate). Statuses: mostly
published, some drafts, some retracted with a note. Every published event cites 1-2 sources;
some involve other organizations; the search document is filled as ``Event.save`` would.

Memory stays bounded: events are built and written ``--batch`` at a time and only ids of the
world (organizations, laws, milestones, a reservoir of recent sources) are kept. The same
``--seed`` on an empty database gives the same data. Run again with a larger ``--events`` on the
same database to top it up (the world is found again by its slugs, event numbering continues).

From Python (the page and API benchmarks use it)::

    generator = Generator(seed=7)
    generator.fill(100_000)          # the world, then events up to 100,000 in all
    generator.add_events(5_000)      # 5,000 more
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days
# A word every search document holds somewhere, for a benchmark's "q" filter.
SEARCH_WORD = "requests"
# A word in the names of about one company in forty, for a selective "q" filter.
COMMON_NAME_WORD = "Falcon"

_ADJECTIVES = [
    "Blue",
    "Bright",
    "North",
    "Silver",
    "Open",
    "Red",
    "Swift",
    "Clear",
    "Deep",
    "Prime",
    "Quiet",
    "Bold",
    "Green",
    "Grand",
    "Iron",
    "Nova",
    "Polar",
    "Rapid",
    "Solar",
    "True",
    "Vast",
    "Amber",
    "Cedar",
    "Crystal",
    "Delta",
    "Echo",
    "Falcon",
    "Golden",
    "Harbor",
    "Indigo",
    "Jade",
    "Keystone",
    "Lunar",
    "Maple",
    "Nimbus",
    "Orbit",
    "Pioneer",
    "Quartz",
    "Summit",
]
_NOUNS = [
    "Harbor",
    "River",
    "Peak",
    "Signal",
    "Bridge",
    "Field",
    "Stone",
    "Wave",
    "Cloud",
    "Forge",
    "Line",
    "Path",
    "Point",
    "Gate",
    "Tower",
    "Grid",
    "Link",
    "Spark",
    "Vector",
    "Circle",
    "Beacon",
    "Canyon",
    "Compass",
    "Crest",
    "Frontier",
    "Horizon",
    "Lantern",
    "Meadow",
    "Nexus",
    "Ridge",
]
_SUFFIXES = (
    "Networks",
    "Technologies",
    "Media",
    "Telecom",
    "Messaging",
    "Search",
    "Cloud",
    "Payments",
    "Social",
    "Labs",
    "Systems",
    "Mobile",
)
_TOPICS = (
    "National Security",
    "Online Safety",
    "Data Protection",
    "Digital Services",
    "Cybersecurity",
    "Telecommunications Interception",
    "Content Moderation",
    "Encryption Access",
    "Platform Accountability",
    "Critical Infrastructure",
    "Personal Information",
    "Foreign Agents",
    "Digital Markets",
    "Misinformation",
    "Lawful Access",
)
_LAW_WORDS = ("Act", "Law", "Bill", "Ordinance", "Regulation", "Decree")
_OUTLETS = (
    "Reuters",
    "AP",
    "BBC",
    "The Verge",
    "SCMP",
    "Le Monde",
    "Der Spiegel",
    "NHK",
    "El País",
    "The Hindu",
    "Folha",
    "ABC News",
)
_QUOTES = (
    "We have paused reviewing government data requests while we assess the law.",
    "We will comply with the law as required.",
    "We believe freedom of expression is a fundamental human right.",
    "The service is no longer available in this country.",
    "We have filed a legal challenge against the order.",
)
# (action type, weight, phrase used in titles)
_RESPONSES = (
    ("data_request_policy", 22, "changes its handling of government data requests under"),
    ("statement", 20, "comments on"),
    ("compliance", 14, "says it will comply with"),
    ("service_withdrawn", 8, "withdraws a service over"),
    ("service_blocked", 8, "is blocked under"),
    ("content_blocked", 8, "blocks content under"),
    ("lawsuit_filed", 6, "files a lawsuit against"),
    ("service_restored", 4, "restores a service after"),
    ("government_order", 6, "receives a government order under"),
    ("other", 4, "acts on"),
)
_RESPONSE_TYPES = [name for name, _, _ in _RESPONSES]
_RESPONSE_WEIGHTS = [weight for _, weight, _ in _RESPONSES]
_RESPONSE_PHRASE = {name: phrase for name, _, phrase in _RESPONSES}
_MILESTONES = ("law_passed", "law_signed", "law_in_force", "law_struck_down")


def _day_text(rng, day):
    shape = rng.random()
    if shape < 0.45:
        return day.isoformat()
    if shape < 0.7:
        return f"{day:%B} {day.day}, {day.year}"
    if shape < 0.88:
        return f"{day.day} {day:%B} {day.year}"
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def date_text(rng, day):
    """Text a source could have written for an event on ``day``: mostly a day, some coarser."""
    roll = rng.random()
    if roll < 0.76:
        return _day_text(rng, day)
    if roll < 0.79:
        return f"{rng.choice(('about', 'around'))} {day:%B} {day.day}, {day.year}"
    if roll < 0.81:
        return f"week of {day:%B} {day.day}, {day.year}"
    if roll < 0.87:
        return f"{day:%B} {day.year}"
    if roll < 0.90:
        return f"{rng.choice(('early ', 'mid-', 'late '))}{day:%B} {day.year}"
    if roll < 0.93:
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if roll < 0.95:
        season = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring"}
        season.update({6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"})
        year = day.year - 1 if day.month < 3 else day.year
        return f"{season[day.month]} {year}"
    if roll < 0.985:
        return f"{'c. ' if roll > 0.975 else ''}{day.year}"
    if roll < 0.995:
        return f"{rng.choice(('early ', 'mid-', 'late '))}{day.year}"
    return f"the {day.year - day.year % 10}s"


class _Dates:
    """``normalize_date`` memoized: a text is parsed once however many events share it."""

    def __init__(self):
        from timeline import dates

        self.dates = dates
        self.cache = {}

    def __call__(self, text):
        found = self.cache.get(text)
        if found is None:
            try:
                result = self.dates.normalize_date(text)
            except self.dates.DateNormalizationError as error:  # a shape above the normalizer refuses
                raise SystemExit(f"generator bug: {text!r} does not normalize: {error}") from error
            found = (result.start, result.end, result.precision, result.approximate)
            if len(self.cache) < 200_000:
                self.cache[text] = found
        return found


class _Named:
    """What ``Event.compose_search_document`` reads of an organization, law or jurisdiction."""

    __slots__ = ("id", "jurisdiction_id", "name", "other_names", "parent_id", "short_title", "title")

    def __init__(self, id, name="", title="", short_title="", jurisdiction_id=None, parent_id=None):
        self.id = id
        self.name = name
        self.title = title
        self.short_title = short_title
        self.jurisdiction_id = jurisdiction_id
        self.parent_id = parent_id
        self.other_names = []


class Generator:
    def __init__(self, seed=7, organizations=3000, laws=300, batch=5000, progress=None):
        self.seed = seed
        self.organization_count = organizations
        self.law_count = laws
        self.batch = batch
        self.progress = progress or (lambda message: None)
        self.built = False
        self.reservoir = []  # ids of recent sources, cited again now and then
        self._dates = _Dates()

    # --- the world ---

    def _world_specs(self):
        """Organizations and laws as plain tuples, the same for the same seed and sizes."""
        from timeline.jurisdictions import DEFAULT_JURISDICTIONS

        rng = random.Random(f"{self.seed}-world")
        codes = [row[0] for row in DEFAULT_JURISDICTIONS]
        names = {row[0]: row[1] for row in DEFAULT_JURISDICTIONS}
        orgs = []  # (slug, name, kind, parent slug, jurisdiction code, other names)
        for code in codes:
            where = names[code]
            orgs.append(
                (f"government-of-{code.lower()}", f"Government of {where}", "government", None, code, [])
            )
            orgs.append(
                (f"legislature-of-{code.lower()}", f"Legislature of {where}", "legislature", None, code, [])
            )
            orgs.append((f"high-court-of-{code.lower()}", f"High Court of {where}", "court", None, code, []))
            orgs.append(
                (
                    f"regulator-{code.lower()}",
                    f"{where} Communications Authority",
                    "regulator",
                    None,
                    code,
                    [],
                )
            )
        for n in range(20):
            orgs.append((f"ngo-{n}", f"Digital Rights Watch {n}", "ngo", None, rng.choice(codes), []))
        combos = [(a, b, c) for a in _ADJECTIVES for b in _NOUNS for c in _SUFFIXES]
        rng.shuffle(combos)
        companies = max(self.organization_count - len(orgs), 1)
        groups, used = [], set()
        for adjective, noun, suffix in combos[:companies]:
            name = f"{adjective} {noun} {suffix}"
            slug = name.lower().replace(" ", "-")
            roll = rng.random()
            parent = None
            if groups and roll < 0.45:  # a subsidiary, of a big group more often than not
                parent = groups[int(len(groups) * rng.random() ** 2)]
            other = []
            short = f"{adjective}{noun}"
            if rng.random() < 0.08 and short not in used:  # renamed (Facebook -> Meta) or a short name
                used.add(short)
                other.append(short)
            orgs.append((slug, name, "company", parent, rng.choice(codes), other))
            if parent is None or rng.random() < 0.1:
                groups.append(slug)
        laws = []  # (slug, title, short title, jurisdiction code, status, milestone count)
        for n in range(self.law_count):
            code = rng.choice(codes)
            year = 2000 + int(26 * rng.random() ** 0.6)
            topic = rng.choice(_TOPICS)
            title = f"{topic} {rng.choice(_LAW_WORDS)} {year} ({names[code]}, no. {n})"
            short = f"{''.join(word[0] for word in topic.split())}{rng.choice(_LAW_WORDS)[0]} {n}"
            milestones = 1 + int(rng.random() * 3.3)  # passed, signed, in force, (struck down)
            status = ("passed", "passed", "in_force", "struck_down")[min(milestones, 4) - 1]
            laws.append(
                (f"{short.lower().replace(' ', '-')}-{code.lower()}", title, short, code, status, milestones)
            )
        return orgs, laws

    def build_world(self):
        """Create (or find again) the organizations, laws, law milestones; returns the events made."""
        from django.db import transaction

        from timeline.matching import match_key
        from timeline.models import Event, Jurisdiction, Law, Organization, OrganizationName

        self.jurisdictions = {
            code: _Named(pk, name=name)
            for pk, code, name in Jurisdiction.objects.values_list("id", "code", "name")
        }
        org_specs, law_specs = self._world_specs()
        existing = Organization.objects.filter(slug=org_specs[-1][0]).exists()
        with transaction.atomic():
            if not existing:
                by_slug = {}
                for level in range(4):  # parents before subsidiaries: at most 3 levels below a group
                    todo = [s for s in org_specs if s[0] not in by_slug and (s[3] is None or s[3] in by_slug)]
                    if not todo:
                        break
                    rows = [
                        Organization(
                            name=name,
                            slug=slug,
                            match_key=match_key(name),
                            kind=kind,
                            parent_id=by_slug[parent] if parent else None,
                            jurisdiction_id=self.jurisdictions[code].id
                            if code in self.jurisdictions
                            else None,
                            website=f"https://{slug}.example.com" if kind == "company" else "",
                        )
                        for slug, name, kind, parent, code, _ in todo
                    ]
                    for org in Organization.objects.bulk_create(rows, batch_size=1000):
                        by_slug[org.slug] = org.pk
                    if level == 3 and len(by_slug) < len(org_specs):
                        raise SystemExit("generator bug: organization tree deeper than expected")
                OrganizationName.objects.bulk_create(
                    [
                        OrganizationName(
                            organization_id=by_slug[slug],
                            name=other,
                            match_key=match_key(other),
                            valid_from=datetime.date(2018, 1, 1) + datetime.timedelta(days=n % 1500),
                        )
                        for n, (slug, _, _, _, _, others) in enumerate(org_specs)
                        for other in others
                    ],
                    batch_size=1000,
                )
                legislatures = {
                    code: by_slug[f"legislature-of-{code.lower()}"] for code in self.jurisdictions
                }
                Law.objects.bulk_create(
                    [
                        Law(
                            title=title,
                            short_title=short,
                            slug=slug,
                            match_key=match_key(title),
                            jurisdiction_id=self.jurisdictions[code].id,
                            enacting_body_id=legislatures.get(code),
                            status=status,
                            official_url=f"https://laws.example.org/{code.lower()}/{slug}",
                        )
                        for slug, title, short, code, status, _ in law_specs
                    ],
                    batch_size=1000,
                )
            rows = Organization.objects.filter(slug__in=[s[0] for s in org_specs]).values_list(
                "id", "slug", "name", "jurisdiction_id", "parent_id"
            )
            self.organizations = {
                slug: _Named(pk, name=name, jurisdiction_id=j, parent_id=p) for pk, slug, name, j, p in rows
            }
            by_id = {org.id: org for org in self.organizations.values()}
            other_names = OrganizationName.objects.filter(organization_id__in=list(by_id))
            for organization_id, name in other_names.order_by("name").values_list("organization_id", "name"):
                by_id[organization_id].other_names.append(name)
            self.actor_list = [self.organizations[s[0]] for s in org_specs]
            self.companies = [self.organizations[s[0]] for s in org_specs if s[2] == "company"]
            self.ngos = [self.organizations[s[0]] for s in org_specs if s[2] == "ngo"]
            by_code = {s[4]: [] for s in org_specs}
            for slug, _, kind, _, code, _ in org_specs:
                by_code[code].append((kind, self.organizations[slug]))
            self.state_orgs = {code: dict(rows) for code, rows in by_code.items()}
            law_rows = Law.objects.filter(slug__in=[s[0] for s in law_specs]).values_list(
                "id", "slug", "title", "short_title", "jurisdiction_id"
            )
            laws = {
                slug: _Named(pk, title=title, short_title=short, jurisdiction_id=j)
                for pk, slug, title, short, j in law_rows
            }
            self.laws = [laws[s[0]] for s in law_specs]
            self.law_by_id = {law.id: law for law in self.laws}
            self.jurisdiction_list = list(self.jurisdictions.values())
            self.jurisdiction_by_id = {j.id: (code, j) for code, j in self.jurisdictions.items()}
            made = 0
            if not existing:
                made = self._add_milestones(law_specs)
            self.milestones = list(
                Event.objects.filter(external_id__startswith=f"gen{self.seed}-law-")
                .order_by("id")
                .values_list("id", "law_id", "date_start")
            )
        self.built = True
        self.progress(
            f"world: {len(self.organizations):,} organizations, {len(self.laws):,} laws, "
            f"{len(self.milestones):,} law milestones{'' if made else ' (found again)'}"
        )
        return made

    def _add_milestones(self, law_specs):
        rng = random.Random(f"{self.seed}-milestones")
        rows = []
        for law, (slug, title, _, code, _, count) in zip(self.laws, law_specs, strict=True):
            year = int(title.split(" (")[0].rsplit(" ", 1)[1])
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
            legislature = self.state_orgs[code].get("legislature")
            for step, action in enumerate(_MILESTONES[:count]):
                actor = (
                    legislature
                    if action == "law_passed"
                    else self.state_orgs[code].get("court" if action == "law_struck_down" else "government")
                )
                what = {
                    "law_passed": "passes",
                    "law_signed": "signs",
                    "law_in_force": "brings into force",
                    "law_struck_down": "strikes down",
                }[action]
                rows.append(
                    self._event(
                        rng,
                        f"gen{self.seed}-law-{slug}-{step}",
                        action,
                        f"{actor.name} {what} the {title}",
                        actor,
                        law,
                        self.jurisdictions[code],
                        min(day, LAST_DAY),
                        None,
                    )
                )
                day += datetime.timedelta(days=rng.choice((1, 7, 30, 180, 365)) + rng.randrange(30))
        self._write(rng, rows)
        return len(rows)

    # --- events ---

    def _event(self, rng, external_id, action, title, actor, law, jurisdiction, day, responds_to):
        from timeline.models import Event

        text = date_text(rng, day)
        start, end, precision, approximate = self.normalize(text)
        roll = rng.random()
        status = "published" if roll < 0.93 else ("draft" if roll < 0.98 else "retracted")
        where = jurisdiction.name if jurisdiction else "several places"
        summary = (
            f"{actor.name} {_RESPONSE_PHRASE.get(action, 'acts on')} "
            f"{law.title if law else 'new rules'} in {where}, "
            f"according to reports; it concerns government {SEARCH_WORD} and user data."
        )
        event = Event(
            title=title[:300],
            summary=summary,
            action_type=action,
            actor_id=actor.id,
            jurisdiction_id=jurisdiction.id if jurisdiction else None,
            law_id=law.id if law else None,
            responds_to_id=responds_to,
            date_text=text,
            date_start=start,
            date_end=end,
            date_precision=precision,
            date_approximate=approximate,
            status=status,
            retraction_note="The source was wrong about the date and the actor."
            if status == "retracted"
            else "",
            external_id=external_id,
        )
        event.fingerprint = event.compute_fingerprint()
        if hasattr(Event, "compose_search_document"):
            event.search_document = Event.compose_search_document(
                title=event.title,
                summary=summary,
                actor=actor,
                actor_other_names=actor.other_names,
                law=law,
                jurisdiction=jurisdiction,
            )
        return event

    def _response(self, rng, n):
        action = rng.choices(_RESPONSE_TYPES, _RESPONSE_WEIGHTS)[0]
        if action == "government_order":
            code = rng.choice(list(self.jurisdictions))
            actor = self.state_orgs[code].get("government") or rng.choice(self.companies)
        elif rng.random() < 0.03:
            actor = rng.choice(self.ngos)
        else:  # a few big companies act very often, most rarely
            actor = self.companies[int(len(self.companies) * rng.random() ** 3)]
        law = milestone = None
        if self.milestones and rng.random() < 0.55:
            milestone, law_id, law_day = self.milestones[int(len(self.milestones) * rng.random())]
            law = self.law_by_id[law_id]
            day = law_day + datetime.timedelta(days=int(rng.expovariate(1 / 40)))
            jurisdiction = self.jurisdiction_by_id[law.jurisdiction_id][1]
        else:
            day = FIRST_DAY + datetime.timedelta(days=int(SPAN_DAYS * rng.random() ** 0.5))
            home = self.jurisdiction_by_id.get(actor.jurisdiction_id)
            if self.laws and rng.random() < 0.2:
                law = rng.choice(self.laws)
                jurisdiction = self.jurisdiction_by_id[law.jurisdiction_id][1]
            elif home and rng.random() < 0.7:
                jurisdiction = home[1]
            else:
                jurisdiction = rng.choice(self.jurisdiction_list)
        day = min(day, LAST_DAY)
        title = f"{actor.name} {_RESPONSE_PHRASE[action]} {law.short_title if law else 'new rules'}"
        if jurisdiction:
            title += f" in {jurisdiction.name}"
        return self._event(
            rng,
            f"gen{self.seed}-{n}",
            action,
            title,
            actor,
            law,
            jurisdiction,
            day,
            milestone if law else None,
        )

    def _write(self, rng, events):
        """Write one batch: events, their citations and sources, the organizations involved."""
        from django.db import transaction

        from timeline.matching import normalize_url
        from timeline.models import Citation, Event, Source

        with transaction.atomic():
            Event.objects.bulk_create(events, batch_size=1000)
            # About one new story per three events, published a few days after the event starts.
            sources = []
            for n, event in enumerate(events[::3]):
                outlet = rng.choice(_OUTLETS)
                host = outlet.lower().replace(" ", "").replace("í", "i")
                url = f"https://{host}.example.com/{event.date_start:%Y/%m}/story-{event.pk}-{n}"
                sources.append(
                    Source(
                        url=url,
                        normalized_url=normalize_url(url),
                        outlet=outlet,
                        title=f"{event.title[:200]} - {outlet}",
                        published=event.date_start + datetime.timedelta(days=rng.randrange(0, 5)),
                    )
                )
            sources = Source.objects.bulk_create(sources, batch_size=1000)
            fresh = [source.pk for source in sources]
            citations, links = [], []
            through = Event.organizations.through
            for event in events:
                if event.status != "published" and rng.random() < 0.5:
                    continue  # drafts may have no source yet
                chosen = {rng.choice(fresh)}
                if self.reservoir and rng.random() < 0.3:
                    chosen.add(rng.choice(self.reservoir))
                for source_id in chosen:
                    quoted = rng.random() < 0.3
                    citations.append(
                        Citation(
                            event_id=event.pk,
                            source_id=source_id,
                            quote=rng.choice(_QUOTES) if quoted else "",
                            speaker="a spokesperson" if quoted else "",
                        )
                    )
                if rng.random() < 0.2:
                    others = {rng.choice(self.companies).id for _ in range(rng.randint(1, 2))} - {
                        event.actor_id
                    }
                    links.extend(through(event_id=event.pk, organization_id=other) for other in others)
            Citation.objects.bulk_create(citations, batch_size=2000)
            through.objects.bulk_create(links, batch_size=2000)
        self.reservoir = (self.reservoir + fresh)[-5000:]

    def generated_count(self):
        from timeline.models import Event

        return Event.objects.filter(external_id__startswith=f"gen{self.seed}-").count()

    def add_events(self, count):
        """``count`` more events (answers to laws and other actions), ``batch`` at a time."""
        if not self.built:
            self.build_world()
        from timeline.models import Event

        first = (
            Event.objects.filter(external_id__startswith=f"gen{self.seed}-")
            .exclude(external_id__startswith=f"gen{self.seed}-law-")
            .count()
        )
        rng = random.Random(f"{self.seed}-events-{first}")
        started = time.perf_counter()
        for offset in range(first, first + count, self.batch):
            events = [self._response(rng, n) for n in range(offset, min(offset + self.batch, first + count))]
            self._write(rng, events)
            done = offset + len(events) - first
            if done % (self.batch * 20) == 0 or done == count:
                rate = done / (time.perf_counter() - started)
                self.progress(f"  {done:,} / {count:,} events ({rate:,.0f} events/s)")

    def fill(self, total):
        """The world, then events until the database holds ``total`` generated events."""
        if not self.built:
            self.build_world()
        missing = total - self.generated_count()
        if missing > 0:
            self.add_events(missing)
        analyze()

    def normalize(self, text):
        return self._dates(text)

    def parent_with_subsidiaries(self):
        """The organization with the most direct subsidiaries (a filter that takes a tree)."""
        from django.db.models import Count

        from timeline.models import Organization

        ids = [org.id for org in self.organizations.values()]
        return (
            Organization.objects.filter(id__in=ids, parent__isnull=True)
            .annotate(children=Count("subsidiaries"))
            .order_by("-children", "id")
            .first()
        )


def analyze():
    """Planner statistics and visibility maps, as a database in service has them (autovacuum;
    SQLite's optimize): without the visibility map PostgreSQL's index-only scans read the table."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--events", type=int, default=100_000, help="generated events in all (default 100,000)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--organizations", type=int, default=3000)
    parser.add_argument("--laws", type=int, default=300)
    parser.add_argument("--batch", type=int, default=5000, help="events built and written at a time")
    parser.add_argument("--migrate", action="store_true", help="run migrate first")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL to the (migrated) database to fill")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if args.migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    import resource

    started = time.perf_counter()
    generator = Generator(args.seed, args.organizations, args.laws, args.batch, progress=print)
    generator.fill(args.events)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{generator.generated_count():,} generated events in the database; "
        f"this run took {elapsed:.1f} s, peak memory {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
