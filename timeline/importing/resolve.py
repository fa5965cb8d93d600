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

from django.db import DatabaseError, IntegrityError, OperationalError, transaction
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .. import cache, matching
from ..control_characters import clean_text_fields
from ..jurisdictions.lookup import find_jurisdiction
from ..models import Law, Organization, OrganizationKind, OrganizationName, Source
from ..services import date_context_for

MAX_AGE_SECONDS = 60.0
# At most this many organizations and laws kept between chunks (model instances, a few KB each).
MAX_KEPT = 20_000
# At most this many sources: a file names a new page every few rows, so a million-row file names
# a hundred thousand; each is kept as a ``KeptSource`` (about 230 bytes with its key), 46 MB at most.
MAX_KEPT_SOURCES = 200_000


class KeptSource:
    """What an import reads of a source: its id and publication date, and whether it has an outlet
    and a title (a row fills in those it lacks). Not their text: nothing else reads it, and it
    was a third of what 100,000 kept sources took (33 -> 22 MB, measured with tracemalloc)."""

    __slots__ = ("has_outlet", "has_title", "pk", "published")

    def __init__(self, pk, published, outlet, title):
        self.pk, self.published = pk, published
        self.has_outlet, self.has_title = bool(outlet), bool(title)

    @classmethod
    def of(cls, source):
        return cls(source.pk, source.published, source.outlet, source.title)

    def lacks(self, name):
        """Whether the source has no ``name`` (outlet, title or published) yet."""
        if name == "published":
            return self.published is None
        return not (self.has_outlet if name == "outlet" else self.has_title)


def _kept_sources(normalized_urls):
    """{normalized url: KeptSource} of the sources stored under ``normalized_urls``."""
    rows = Source.objects.filter(normalized_url__in=normalized_urls).values_list(
        "normalized_url", "pk", "published", "outlet", "title"
    )
    return {url: KeptSource(*values) for url, *values in rows}


# Rows repeat the same names: the key of each is worked out once per process.
match_key = functools.lru_cache(maxsize=100_000)(matching.match_key)


def _unique_slug(model, text, fallback):
    return _free_slugs(model, [(text, fallback)])[0]


def _free_slugs(model, candidates):
    """A free slug for each of ``candidates`` ([(text, fallback)]), as they would get created one
    after another, in order: one query for all, one per slug already taken."""
    bases = [slugify(text)[:200] or fallback[:200] for text, fallback in candidates]
    taken = set(model.objects.filter(slug__in=set(bases)).values_list("slug", flat=True))
    used, slugs = set(), []
    for base in bases:
        slug, number = base, 2
        while slug in used or slug in taken or (slug != base and model.objects.filter(slug=slug).exists()):
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        slugs.append(slug)
    return slugs


def _history_user():
    """Whom simple_history's own save would name: the signed-in user of the current request."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _bulk_create(model, objs):
    """Insert ``objs`` (new, in order) with the history records their own ``save`` would write, in
    one savepoint; returns whether they went in (a conflict with another worker's insert: no, and
    nothing was written)."""
    for obj in objs:
        clean_text_fields(model, obj)
    try:
        with transaction.atomic():
            model.objects.bulk_create(objs)
            model.history.bulk_history_create(objs, default_user=_history_user(), default_change_reason=None)
    except OperationalError:
        raise
    except DatabaseError:
        for obj in objs:
            obj.pk = None
        return False
    cache.content_changed()
    return True


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
        if len(self.organizations) + len(self.laws) > MAX_KEPT:
            self.organizations, self.other_names, self.laws = {}, {}, {}
        if len(self.sources) > MAX_KEPT_SOURCES:
            self.sources = {}

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
        # Not ``set(self.sources)``: a copy of every kept source per chunk grows with the file.
        wanted = {url for url in normalized_urls if url not in self.sources}
        if wanted:
            self.sources.update(_kept_sources(wanted))
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
        self.sources.update(_kept_sources([m.normalized_url for m in missing]))

    def prefetch(self, organization_names=(), law_titles=()):
        keys = {
            key for key in map(match_key, filter(None, organization_names)) if key not in self.organizations
        }
        if keys:
            for organization in Organization.objects.filter(match_key__in=keys):
                self.organizations[organization.match_key] = organization
            others = OrganizationName.objects.filter(match_key__in=keys - set(self.organizations))
            for other in others.select_related("organization"):
                self.organizations[other.match_key] = other.organization
            self._looked_up |= {("organization", key) for key in keys}
        keys = {key for key in map(match_key, filter(None, law_titles)) if key not in self.laws}
        if keys:
            for law in Law.objects.filter(match_key__in=keys):
                self.laws[law.match_key] = law
            self._looked_up |= {("law", key) for key in keys}

    def create_organizations(self, named):
        """Create at once the organizations that ``named`` ([(name, kind, parent name)], in row
        order: a row's parent before its actor) names for the first time, as ``organization``
        would one by one: the first row naming one gives its spelling, kind and parent. New
        parents go in before the organizations they own. Whatever cannot go in this way is left
        to ``organization``."""
        new = {}  # key -> (name, kind, parent key)
        for name, kind, parent in named:
            key = match_key(name)
            if key and key not in self.organizations and key not in new:
                parent_key = match_key(parent) if parent else None
                new[key] = (name, kind, parent_key)
        if not new:
            return
        slugs = _free_slugs(Organization, [(name, f"org-{key}") for key, (name, _, _) in new.items()])
        run = []
        for (key, (name, kind, parent_key)), slug in zip(new.items(), slugs, strict=True):
            if parent_key is not None and any(other.match_key == parent_key for other in run):
                if not self._insert_organizations(run):
                    return
                run = []
            parent = self.organizations.get(parent_key) if parent_key else None
            if parent_key and parent is None:
                # A parent that could not be created here: ``organization`` makes both.
                continue
            run.append(
                Organization(
                    name=name,
                    kind=kind or OrganizationKind.OTHER,
                    parent=parent,
                    slug=slug,
                    match_key=key,
                )
            )
        self._insert_organizations(run)

    def _insert_organizations(self, objs):
        if not objs or not _bulk_create(Organization, objs):
            return False
        for obj in objs:
            self.organizations[obj.match_key] = obj
        return True

    def create_laws(self, named):
        """Create at once the laws ``named`` ([(title, jurisdiction)], in row order) names for the
        first time, as ``law`` would one by one; a conflict leaves them to ``law``."""
        new = {}
        for title, jurisdiction in named:
            key = match_key(title)
            if key and key not in self.laws and key not in new:
                new[key] = (title, jurisdiction)
        if not new:
            return
        slugs = _free_slugs(Law, [(title, f"law-{key}") for key, (title, _) in new.items()])
        objs = [
            Law(title=title, jurisdiction=jurisdiction, slug=slug, match_key=key)
            for (key, (title, jurisdiction)), slug in zip(new.items(), slugs, strict=True)
        ]
        if _bulk_create(Law, objs):
            for obj in objs:
                self.laws[obj.match_key] = obj

    def prefetch_other_names(self, organization_ids):
        """The other names of each organization (its search document lists them), in one query."""
        wanted = {pk for pk in organization_ids if pk not in self.other_names}
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
        """The source stored under ``normalized_url`` (a ``KeptSource``), created when new; the
        outlet, title and publication date the row gives fill those the source lacks."""
        found = self._cached(
            "source",
            self.sources,
            normalized_url,
            lambda: _kept_sources([normalized_url]).get(normalized_url),
        )
        if found is None:
            found = KeptSource.of(
                _create(
                    lambda: Source(url=url, outlet=outlet, title=title, published=published),
                    lambda: Source.objects.filter(normalized_url=normalized_url).first(),
                )
            )
        else:
            missing = {
                name: value
                for name, value in (("outlet", outlet), ("title", title), ("published", published))
                if value and found.lacks(name)
            }
            if missing:
                source = Source.objects.get(pk=found.pk)
                for name, value in missing.items():
                    setattr(source, name, value)
                source.save(update_fields=[*missing, "normalized_url", "updated_at"])
                found = KeptSource.of(source)
        self.sources[normalized_url] = found
        return found
