"""Find or create the entities import rows name: jurisdictions, organizations, laws, sources.

A ``Resolver`` serves one batch in one worker process (``Resolver.for_batch``): each chunk asks
the database once per table for the names it has not met yet (``prefetch``), and what was found
or created is kept for the next chunks of the same batch. Only what exists is kept: a name that
was missing is asked again by the next chunk, since another worker may have created it meanwhile.
Creation runs in a savepoint; when another worker created the same thing first, the unique
constraint refuses ours and we read theirs. A chunk that fails drops the batch's resolver
(``forget``), so nothing it created in a rolled-back transaction is used again, and a resolver
serves at most ``MAX_AGE_SECONDS``: an entity an editor renamed or merged meanwhile is read afresh
soon (a batch's rows re-run after a fix in the admin always are).
"""

import functools
import time

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from .. import matching
from ..jurisdictions.lookup import find_jurisdiction
from ..models import Law, Organization, OrganizationKind, OrganizationName, Source
from ..services import date_context_for

MAX_AGE_SECONDS = 60.0
# At most this many organizations, laws and sources kept between chunks: a file that names a
# hundred thousand sources must not keep them all in the worker's memory.
MAX_KEPT = 20_000
# Rows repeat the same names: the key of each is worked out once per process.
match_key = functools.lru_cache(maxsize=100_000)(matching.match_key)


def _unique_slug(model, text, fallback):
    base = slugify(text)[:200] or fallback[:200]
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _create(build, lookup, attempts=3):
    for attempt in range(attempts):
        obj = build()
        try:
            with transaction.atomic():
                obj.save()
            return obj
        except IntegrityError:
            existing = lookup()
            if existing is not None:
                return existing
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


class Resolver:
    # The resolver of the batch this worker process works on: (batch key, Resolver).
    _current = (None, None)

    @classmethod
    def for_batch(cls, batch):
        """The resolver kept for ``batch`` in this process; a new one for another batch.

        The batch's creation time is part of the key: an id alone can come back (a rolled-back
        test, a restored database) and must not bring back the entities of another batch.
        """
        key = (batch.pk, batch.created_at)
        current = cls._current[1]
        if cls._current[0] != key or time.monotonic() - current.born > MAX_AGE_SECONDS:
            cls._current = (key, cls())
        return cls._current[1]

    @classmethod
    def forget(cls):
        cls._current = (None, None)

    def __init__(self):
        self.born = time.monotonic()
        self._jurisdictions = {}  # as written -> Jurisdiction
        self._contexts = {}
        self.organizations = {}
        self.other_names = {}
        self.laws = {}
        self.sources = {}
        # Keys this chunk already asked the database for: a miss there need not be asked again
        # before creating. Cleared for every chunk (``begin_chunk``).
        self._looked_up = set()

    def begin_chunk(self):
        self._looked_up = set()
        if len(self.organizations) + len(self.laws) + len(self.sources) > MAX_KEPT:
            self.organizations, self.other_names, self.laws, self.sources = {}, {}, {}, {}

    # Jurisdictions are never created by an import: an unknown one is a question for a person.
    def jurisdiction(self, text):
        """The jurisdiction a code or a name in any language names (see ``jurisdictions.names``)."""
        text = (text or "").strip()
        found = self._jurisdictions.get(text)
        # A miss is asked again in the next chunk: the jurisdiction may have been added meanwhile
        # (before the rows that need it are re-run).
        if found is None and ("jurisdiction", text) not in self._looked_up:
            self._looked_up.add(("jurisdiction", text))
            found = find_jurisdiction(text)
            if found is not None:
                self._jurisdictions[text] = found
        return found

    def context_for(self, code, language):
        """(languages, date order) for text about ``code`` in ``language``, once per pair."""
        key = (code, language)
        if key not in self._contexts:
            context = date_context_for(code, language)
            self._contexts[key] = (tuple(context.languages or ()), context.date_order)
        return self._contexts[key]

    def prefetch_sources(self, normalized_urls):
        wanted = set(normalized_urls) - set(self.sources)
        if wanted:
            for source in Source.objects.filter(normalized_url__in=wanted):
                self.sources[source.normalized_url] = source
            self._looked_up |= {("source", url) for url in wanted}

    def create_sources(self, specs):
        """Create at once the sources of ``specs`` ({normalized_url: {url, outlet, title, published}})
        that do not exist; a concurrent insert of the same URL is ignored and read back."""
        # In key order: two workers inserting overlapping sets lock them in the same order.
        missing = [
            Source(normalized_url=key, **specs[key]) for key in sorted(specs) if key not in self.sources
        ]
        if not missing:
            return
        with transaction.atomic():
            Source.objects.bulk_create(missing, ignore_conflicts=True)
        for source in Source.objects.filter(normalized_url__in=[m.normalized_url for m in missing]):
            self.sources[source.normalized_url] = source

    def prefetch(self, organization_names=(), law_titles=()):
        keys = {match_key(name) for name in organization_names if name} - set(self.organizations)
        if keys:
            for organization in Organization.objects.filter(match_key__in=keys):
                self.organizations[organization.match_key] = organization
            others = OrganizationName.objects.filter(match_key__in=keys - set(self.organizations))
            for other in others.select_related("organization"):
                self.organizations[other.match_key] = other.organization
            self._looked_up |= {("organization", key) for key in keys}
        keys = {match_key(title) for title in law_titles if title} - set(self.laws)
        if keys:
            for law in Law.objects.filter(match_key__in=keys):
                self.laws[law.match_key] = law
            self._looked_up |= {("law", key) for key in keys}

    def prefetch_other_names(self, organization_ids):
        """The other names of each organization (its search document lists them), in one query."""
        wanted = set(organization_ids) - set(self.other_names)
        if wanted:
            rows = OrganizationName.objects.filter(organization_id__in=wanted).order_by("name")
            found = {pk: [] for pk in wanted}
            for organization_id, name in rows.values_list("organization_id", "name"):
                found[organization_id].append(name)
            self.other_names.update(found)

    def _cached(self, kind, cache, key, lookup):
        found = cache.get(key)
        if found is None and (kind, key) not in self._looked_up:
            found = lookup()
        return found

    def _find_organization(self, key):
        found = Organization.objects.filter(match_key=key).first()
        if found is None:
            other = OrganizationName.objects.filter(match_key=key).select_related("organization").first()
            found = other.organization if other else None
        return found

    def organization(self, name, kind=None, parent=None, notes=None):
        """The organization called ``name`` (or known by it), created when new."""
        key = match_key(name)
        found = self._cached("organization", self.organizations, key, lambda: self._find_organization(key))
        if found is None:
            found = _create(
                lambda: Organization(
                    name=name,
                    kind=kind or OrganizationKind.OTHER,
                    parent=parent,
                    slug=_unique_slug(Organization, name, f"org-{key}"),
                ),
                lambda: self._find_organization(key),
            )
        elif parent is not None and found.parent_id != parent.pk and found.pk != parent.pk:
            if found.parent_id is None:
                found.parent = parent
                found.save(update_fields=["parent", "match_key", "updated_at"])
            elif notes is not None:
                notes.append(f"{found.name} already belongs to another parent organization; kept it")
        self.organizations[key] = found
        return found

    def law(self, title, jurisdiction=None):
        key = match_key(title)
        found = self._cached("law", self.laws, key, lambda: Law.objects.filter(match_key=key).first())
        if found is None:
            found = _create(
                lambda: Law(
                    title=title, jurisdiction=jurisdiction, slug=_unique_slug(Law, title, f"law-{key}")
                ),
                lambda: Law.objects.filter(match_key=key).first(),
            )
        self.laws[key] = found
        return found

    def source(self, url, normalized_url, *, outlet="", title="", published=None):
        found = self._cached(
            "source",
            self.sources,
            normalized_url,
            lambda: Source.objects.filter(normalized_url=normalized_url).first(),
        )
        if found is None:
            found = _create(
                lambda: Source(url=url, outlet=outlet, title=title, published=published),
                lambda: Source.objects.filter(normalized_url=normalized_url).first(),
            )
        else:
            missing = {
                name: value
                for name, value in (("outlet", outlet), ("title", title), ("published", published))
                if value and not getattr(found, name)
            }
            if missing:
                for name, value in missing.items():
                    setattr(found, name, value)
                found.save(update_fields=[*missing, "normalized_url", "updated_at"])
        self.sources[normalized_url] = found
        return found
