"""Find or create the entities an import row names: jurisdictions, organizations, laws, sources.

One ``Resolver`` serves one chunk: it fetches what exists in a few queries and remembers what
it found or created, so repeated names cost nothing. Creation runs in a savepoint; when another
worker created the same thing first, the unique constraint refuses ours and we read theirs.
"""

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from ..jurisdictions.lookup import find_jurisdiction
from ..matching import match_key
from ..models import Law, Organization, OrganizationKind, OrganizationName, Source


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
    def __init__(self):
        self._jurisdictions = {}  # as written -> Jurisdiction or None
        self.organizations = {}
        self.laws = {}
        self.sources = {}
        # Keys already looked up in bulk: a miss there need not be asked again before creating.
        self._looked_up = set()

    # Jurisdictions are never created by an import: an unknown one is a question for a person.
    def jurisdiction(self, text):
        """The jurisdiction a code or a name in any language names (see ``jurisdictions.names``)."""
        text = (text or "").strip()
        if text not in self._jurisdictions:
            self._jurisdictions[text] = find_jurisdiction(text)
        return self._jurisdictions[text]

    def prefetch_sources(self, normalized_urls):
        wanted = set(normalized_urls) - set(self.sources)
        if wanted:
            for source in Source.objects.filter(normalized_url__in=wanted):
                self.sources[source.normalized_url] = source
            self._looked_up |= {("source", url) for url in wanted}

    def create_sources(self, specs):
        """Create at once the sources of ``specs`` ({normalized_url: {url, outlet, title, published}})
        that do not exist; a concurrent insert of the same URL is ignored and read back."""
        missing = [
            Source(normalized_url=key, **spec) for key, spec in specs.items() if key not in self.sources
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
