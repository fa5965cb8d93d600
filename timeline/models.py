"""The timeline's data: who acted (``Organization``), under which law (``Law``), where
(``Jurisdiction``), what they did and when (``Event``), said where (``Source`` through ``Citation``),
and how files of events arrive (``ImportBatch``, ``ImportRow``).

Rules that must hold whoever writes are constraints here (a date range that ends after it starts,
one event per external id or per fingerprint, a retraction with its note); the rules about who may
write what are in ``timeline.services.editorial``. History of every change is kept by
simple_history; derived columns (the date's precision rank and span bucket, the search vector) are
computed by the database.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import date_display_i18n, date_spans, dates, search
from .jurisdictions.standards import JurisdictionKind
from .matching import match_key, normalize_url


class DateOrder(models.TextChoices):
    DMY = "DMY", "day-month-year"
    MDY = "MDY", "month-day-year"
    YMD = "YMD", "year-month-day"


class Jurisdiction(models.Model):
    """A country, territory or subdivision by its ISO 3166 code, with how dates are written there.

    ``date_order`` and ``languages`` tell the date engine how to read "05/07/2020" and month names
    in text about the place (``timeline.jurisdictions.date_context``); blank values are taken from
    the parent (US-MT from US).
    """

    code = models.CharField(
        max_length=12,
        unique=True,
        help_text="ISO 3166 code: HK, CN, US, US-MT; EU or UN, or a body's acronym: COE, ASEAN, G20.",
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=13, choices=JurisdictionKind.choices, default=JurisdictionKind.COUNTRY)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    date_order = models.CharField(
        max_length=3,
        choices=DateOrder.choices,
        blank=True,
        help_text="How numeric dates such as 05/07/2020 are written here; blank = ask the parent.",
    )
    languages = models.JSONField(
        default=list, blank=True, help_text='ISO 639-1 codes, most used first: ["zh", "en"].'
    )
    standard = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="What ISO 3166 and CLDR gave at the last refresh (name, date_order, languages). "
        "A value that differs from it is an editor's override, and refreshes keep it.",
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^([A-Z]{2}(-[A-Z0-9]{1,3})?|[A-Z][A-Z0-9]{1,11})$"),
                name="jurisdiction_code_iso_or_body",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def get_absolute_url(self):
        return reverse("timeline:jurisdiction", args=[self.code])


class OrganizationKind(models.TextChoices):
    COMPANY = "company", _("company")
    GOVERNMENT = "government", _("government")
    LEGISLATURE = "legislature", _("legislature")
    COURT = "court", _("court")
    REGULATOR = "regulator", _("regulator")
    NGO = "ngo", _("NGO")
    OTHER = "other", _("other")


def _changed(instance, update_fields, *names):
    """Whether saving ``instance`` changes one of the fields ``names`` of its stored row."""
    if instance._state.adding or instance.pk is None:
        return False
    if update_fields is not None:
        names = [name for name in names if name in update_fields]
        if not names:
            return False
    stored = type(instance)._default_manager.filter(pk=instance.pk).values(*names).first()
    return stored is not None and any(stored[name] != getattr(instance, name) for name in names)


class Organization(models.Model):
    """A company, government body, court or group that acts in events; ``parent`` is its owner.

    ``match_key`` (the name folded for matching) makes "Facebook, Inc." and "facebook inc" one
    organization when files are imported; other names are ``OrganizationName`` rows.
    """

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    match_key = models.CharField(max_length=200, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=OrganizationKind.choices, default="other")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subsidiaries",
        help_text="The owning organization: WhatsApp's parent is Facebook.",
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, null=True, blank=True, on_delete=models.PROTECT, related_name="organizations"
    )
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="organization_not_own_parent")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.match_key = match_key(self.name)
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=False)[:200] or f"org-{self.match_key[:20]}"
        renamed = _changed(self, kwargs.get("update_fields"), "name")
        super().save(*args, **kwargs)
        if renamed:
            Event.refresh_search_documents(Event.objects.filter(actor=self))

    def get_absolute_url(self):
        return reverse("timeline:organization", args=[self.slug])


class OrganizationName(models.Model):
    """Another name an organization is or was known by (Facebook -> Meta), used to match imports."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(max_length=200)
    match_key = models.CharField(max_length=200, unique=True, editable=False)
    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="organization_name_valid_range",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.match_key = match_key(self.name)
        super().save(*args, **kwargs)


class LawStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    PASSED = "passed", _("passed")
    IN_FORCE = "in_force", _("in force")
    STRUCK_DOWN = "struck_down", _("struck down")
    REPEALED = "repealed", _("repealed")


class Law(models.Model):
    """A law or regulation events happen under; its milestones are events of the law's action types
    (passed, signed, in force, struck down), and the responses to it are events linked to it."""

    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=120, blank=True)
    slug = models.SlugField(max_length=220, unique=True)
    match_key = models.CharField(max_length=300, unique=True, editable=False)
    jurisdiction = models.ForeignKey(
        Jurisdiction, null=True, blank=True, on_delete=models.PROTECT, related_name="laws"
    )
    enacting_body = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="laws_enacted"
    )
    status = models.CharField(max_length=20, choices=LawStatus.choices, blank=True)
    official_url = models.URLField(blank=True, max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.short_title or self.title

    def save(self, *args, **kwargs):
        self.match_key = match_key(self.title)
        if not self.slug:
            self.slug = slugify(self.short_title or self.title)[:200] or f"law-{self.match_key[:20]}"
        renamed = _changed(self, kwargs.get("update_fields"), "title", "short_title")
        super().save(*args, **kwargs)
        if renamed:
            Event.refresh_search_documents(Event.objects.filter(law=self))

    def get_absolute_url(self):
        return reverse("timeline:law", args=[self.slug])


class Source(models.Model):
    """A published page an event is cited from, one row per normalized URL (tracking parameters and
    other differences that do not change the page are dropped: ``timeline.matching.normalize_url``)."""

    url = models.URLField(max_length=1000, help_text="The link as given.")
    normalized_url = models.CharField(max_length=1000, unique=True, editable=False)
    outlet = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True, help_text="The date the source was published.")
    archive_url = models.URLField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published", "outlet"]

    def __str__(self):
        return self.title or self.normalized_url

    def save(self, *args, **kwargs):
        self.normalized_url = normalize_url(self.url)
        super().save(*args, **kwargs)

    def clean(self):
        try:
            normalized = normalize_url(self.url)
        except ValueError as error:
            raise ValidationError({"url": str(error)}) from error
        duplicate = Source.objects.filter(normalized_url=normalized).exclude(pk=self.pk)
        if duplicate.exists():
            raise ValidationError({"url": f"This page is already a source: {duplicate.first()}"})


class ActionType(models.TextChoices):
    LAW_PASSED = "law_passed", _("law passed")
    LAW_SIGNED = "law_signed", _("law signed")
    LAW_IN_FORCE = "law_in_force", _("law in force")
    LAW_STRUCK_DOWN = "law_struck_down", _("law struck down")
    GOVERNMENT_ORDER = "government_order", _("government order")
    DATA_REQUEST_POLICY = "data_request_policy", _("data request policy")
    SERVICE_WITHDRAWN = "service_withdrawn", _("service withdrawn")
    SERVICE_BLOCKED = "service_blocked", _("service blocked")
    SERVICE_RESTORED = "service_restored", _("service restored")
    LAWSUIT_FILED = "lawsuit_filed", _("lawsuit filed")
    CONTENT_BLOCKED = "content_blocked", _("content blocked")
    COMPLIANCE = "compliance", _("compliance")
    STATEMENT = "statement", _("statement")
    OTHER = "other", _("other")


# Coarse to fine, as the date normalizer defines them: the timeline puts a coarser date before a
# finer one that starts the same day.
Precision = models.TextChoices("Precision", [(name.upper(), (name, name)) for name in dates.PRECISIONS])
PRECISION_RANK = dates.PRECISION_RANK


class EventStatus(models.TextChoices):
    DRAFT = "draft", "draft"
    PUBLISHED = "published", "published"
    RETRACTED = "retracted", "retracted"


# Fields whose change alters an event's search document.
SEARCH_DOCUMENT_SOURCES = frozenset(
    {"title", "summary", "actor", "actor_id", "law", "law_id", "jurisdiction", "jurisdiction_id"}
)


IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "avif"]

# The timeline's total order: by start, a coarser date before a finer one starting the same day.
TIMELINE_KEY = ("date_start", "date_precision_rank", "id")
NEWEST_FIRST_KEY = tuple(f"-{name}" for name in TIMELINE_KEY)


class EventQuerySet(models.QuerySet):
    def public(self):
        """What the public, feeds, exports and anonymous API readers may see: defined only here."""
        return self.filter(status=EventStatus.PUBLISHED)

    def chronological(self):
        return self.order_by(*TIMELINE_KEY)

    def with_external_ids(self, external_ids):
        """The events imported under one of ``external_ids``. The query says the id is not blank:
        the unique index of external ids holds only those, and SQLite uses a partial index only
        for a query that repeats its condition (it would scan the table otherwise)."""
        return self.filter(external_id__in=external_ids).exclude(external_id="")

    def newest_first(self):
        return self.order_by(*NEWEST_FIRST_KEY)

    def head(self, limit):
        """``list(self[:limit])``, also fast when the events must reach a day in timeline order.

        A ``date_end >= day`` condition (the ``date_after`` filter) in timeline order (either
        way) leaves no index to seek with, so the first events are found as two parts (see
        ``timeline.date_spans``): the events starting on that day or later (the first ``limit``
        of them in order) and those straddling it (a few index ranges, read unordered: for an
        ordered read both planners would rather walk the timeline). Newest first, straddlers come
        last: the events starting on the day or later are read whole, and straddlers only when
        they do not fill the page. Oldest first, straddlers come first: the keys of both parts are
        merged here and the chosen events read by id, with every filter again. One query (plus the
        prefetches) when the first part fills the page, up to three otherwise.
        """
        day = date_spans.reached_day(self.query)
        ordering = tuple(self.query.order_by)
        if day is None or ordering not in (TIMELINE_KEY, NEWEST_FIRST_KEY) or self.query.is_sliced:
            return list(self[:limit])
        keys = self.prefetch_related(None)

        def started(count):
            return list(keys.filter(date_start__gte=day).values_list(*TIMELINE_KEY)[:count])

        def straddling():
            return sorted(keys.order_by().filter(date_spans.straddling(day)).values_list(*TIMELINE_KEY))

        def rows(chosen):
            if not chosen:
                return []
            found = {event.pk: event for event in self.order_by().filter(pk__in=[key[-1] for key in chosen])}
            return [found[key[-1]] for key in chosen if key[-1] in found]

        if ordering == NEWEST_FIRST_KEY:
            # Newest first, the events starting on the day or later come first: read them whole.
            page = list(self.filter(date_start__gte=day)[:limit])
            if len(page) < limit:
                page += rows(list(reversed(straddling()))[: limit - len(page)])
            return page
        chosen = straddling()[:limit]
        if len(chosen) < limit:
            chosen += started(limit - len(chosen))
        return rows(chosen)

    def for_reading(self):
        """Without the search fields: only the database reads them, and they are large."""
        return self.defer("search_document", "search_vector")

    def with_relations(self, *, citations=True, organizations=True):
        """Events with what a page, feed, export or API representation shows of them, in a fixed
        number of queries: the actor and its parent, jurisdiction, law and the event responded to
        are joined; the citations (with their sources) and the other organizations (with their
        parents) are prefetched unless left out by a surface that does not show them (each costs
        a query per page); the search fields are left out. The one definition of "events with
        their relations"."""
        queryset = (
            self.for_reading()
            .select_related("actor__parent", "jurisdiction", "law", "responds_to")
            .defer("responds_to__search_document", "responds_to__search_vector")
        )
        if citations:
            queryset = queryset.prefetch_related(
                models.Prefetch("citations", queryset=Citation.objects.select_related("source"))
            )
        if organizations:
            queryset = queryset.prefetch_related(
                models.Prefetch("organizations", queryset=Organization.objects.select_related("parent"))
            )
        return queryset


class Event(models.Model):
    """Something an organization did, or that happened to a law, on a date as precise as its source.

    The date is kept as written (``date_text``) and as read: a range ``date_start``..``date_end``
    at a ``date_precision`` (day, week, month, quarter, season, year, decade), ``approximate`` for
    "c. 2016" or "around July", ``ambiguous`` when the text can be read two ways (it then waits for a
    reviewer). ``date_display`` and ``date_edtf`` give it as text; ``TIMELINE_KEY`` orders events,
    a coarser date before a finer one starting the same day.

    ``status``: a draft is for editors; published is public; retracted stays at its permalink with
    ``retraction_note`` saying why. Events from files are matched by ``external_id``, else by
    ``fingerprint`` (actor, action, law, jurisdiction, date): importing a file twice changes nothing.
    """

    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    action_type = models.CharField(max_length=32, choices=ActionType.choices)
    # The foreign keys below are indexed by the composite indexes in Meta, which lead with them.
    actor = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="events", db_index=False)
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="involved_in", help_text="Other organizations involved."
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, null=True, blank=True, on_delete=models.PROTECT, related_name="events", db_index=False
    )
    law = models.ForeignKey(
        Law, null=True, blank=True, on_delete=models.PROTECT, related_name="events", db_index=False
    )
    responds_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses",
        help_text="The event (usually a law's milestone) this action answers.",
    )
    date_text = models.CharField(
        "date as written", max_length=200, help_text='As the source wrote it: "early July 2020".'
    )
    date_start = models.DateField()
    date_end = models.DateField()
    date_precision = models.CharField(max_length=10, choices=Precision.choices)
    date_precision_rank = models.GeneratedField(
        expression=Case(
            *[When(date_precision=value, then=Value(rank)) for value, rank in PRECISION_RANK.items()],
            default=Value(len(PRECISION_RANK)),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    date_span_bound = models.GeneratedField(
        expression=date_spans.span_bound_expression(),
        output_field=models.PositiveIntegerField(),
        db_persist=True,
        help_text="The bucket of date_end - date_start in days (timeline.date_spans).",
    )
    date_approximate = models.BooleanField(default=False)
    date_ambiguous = models.BooleanField(
        default=False, help_text="The date could be read two ways; it needs review before publishing."
    )
    date_reference = models.DateField(
        null=True, blank=True, help_text="The date relative text was read against (the source's date)."
    )
    status = models.CharField(max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT)
    retraction_note = models.TextField(
        blank=True,
        help_text="Shown to the public on a retracted event: what was wrong and why it was retracted.",
    )
    external_id = models.CharField(max_length=200, blank=True, help_text="The id in the file it came from.")
    fingerprint = models.CharField(max_length=64, editable=False)
    search_document = models.TextField(
        blank=True,
        editable=False,
        help_text="What full-text search reads: title, summary, actor and law names, jurisdiction.",
    )
    search_vector = models.GeneratedField(
        expression=search.DocumentVector("search_document"),
        output_field=search.SearchVectorField(),
        db_persist=True,
        help_text="PostgreSQL's text search vector of the search document (timeline.search).",
    )
    # An optional picture: a link to one (the source's) or an upload; alt text whenever either is set.
    image_url = models.URLField(max_length=1000, blank=True, help_text="A picture's address (https).")
    image = models.FileField(
        upload_to="events/%Y/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS)],
        help_text="Or upload a picture; it is shown instead of the address.",
    )
    image_alt = models.CharField(
        max_length=300, blank=True, help_text="What the picture shows, for readers who cannot see it."
    )
    image_credit = models.CharField(max_length=300, blank=True, help_text="Who made or owns the picture.")
    image_caption = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_default=Now())
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = EventQuerySet.as_manager()
    # Derived fields: the database computes the generated ones, the search document follows the names.
    history = HistoricalRecords(
        excluded_fields=["date_precision_rank", "date_span_bound", "search_document", "search_vector"],
        # History is read by event (its id) and in time order, never by actor, law or the others:
        # an index each would only be written, once per record.
        no_db_index=["actor", "jurisdiction", "law", "responds_to", "updated_at"],
    )

    class Meta:
        ordering = list(TIMELINE_KEY)
        permissions = [("publish_event", "Can publish and retract events")]
        indexes = [
            models.Index(fields=list(TIMELINE_KEY), name="event_timeline_idx"),
            models.Index(fields=["status", *TIMELINE_KEY], name="event_public_timeline_idx"),
            # One filter and the timeline order: a filtered page walks its own index in order.
            *[
                models.Index(fields=[field, *TIMELINE_KEY], name=f"event_{field}_time_idx")
                for field in ("actor", "jurisdiction", "law", "action_type")
            ],
            # The timeline's counts per action type and year (timeline.time_strip) read only this.
            models.Index(fields=["status", "action_type", "date_start"], name="event_public_type_start_idx"),
            # Events still running on a day (timeline.date_spans.straddling).
            models.Index(fields=["date_span_bound", "date_start"], name="event_span_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_end__gte=models.F("date_start")), name="event_date_range"
            ),
            models.CheckConstraint(condition=Q(status__in=EventStatus.values), name="event_status_valid"),
            models.CheckConstraint(condition=Q(action_type__in=ActionType.values), name="event_action_valid"),
            models.CheckConstraint(
                condition=Q(date_precision__in=Precision.values), name="event_precision_valid"
            ),
            models.CheckConstraint(condition=~Q(responds_to=models.F("id")), name="event_not_own_response"),
            models.CheckConstraint(
                condition=(Q(image_url="") & Q(image="")) | ~Q(image_alt=""),
                name="event_image_has_alt",
                violation_error_message="An image needs its alt text: what it shows.",
            ),
            models.CheckConstraint(
                condition=~Q(status=EventStatus.RETRACTED) | ~Q(retraction_note=""),
                name="event_retraction_has_note",
                violation_error_message="A retracted event needs a public note saying why.",
            ),
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~Q(external_id=""),
                name="event_unique_external_id",
                violation_error_message="Another event already has this external id.",
            ),
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=Q(external_id=""),
                name="event_unique_fingerprint",
                violation_error_message=(
                    "An event with the same actor, action type, law, jurisdiction and date already exists."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fingerprint = self.compute_fingerprint()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or SEARCH_DOCUMENT_SOURCES.intersection(update_fields):
            self.search_document = self.build_search_document()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_document"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("timeline:event", args=[self.pk])

    @property
    def date_display(self):
        """The date for people in the reader's language, never more precise than the source:
        "6 July 2020", "c. 2016", "2020年7月6日".

        The one spelling of an event's date as text: pages, feeds, exports and the admin read it.
        """
        return self.date_display_in(None)

    def date_display_in(self, language):
        """``date_display`` in ``language`` ("en", "zh-hant"; None: the active language)."""
        return date_display_i18n.display_date(
            self.date_start, self.date_end, self.date_precision, self.date_approximate, language
        )

    @property
    def date_edtf(self):
        """The date as ISO 8601 / EDTF at its precision ("2020-07", "2020-07-06~", a range
        "2020-06-30/2020-07-06"): the one spelling the exports and the API give."""
        return dates.edtf(self.date_start, self.date_end, self.date_precision, self.date_approximate)

    @property
    def image_src(self):
        """The picture to show: the upload, else the linked address when it is http(s); or ""."""
        if self.image:
            return self.image.url
        url = (self.image_url or "").strip()
        return url if url.lower().startswith(("https://", "http://")) else ""

    @staticmethod
    def compose_search_document(*, title, summary, actor, actor_other_names=(), law=None, jurisdiction=None):
        """The text full-text search reads for an event; one line per part, empty parts left out."""
        parts = [title, summary]
        if actor is not None:
            parts += [actor.name, *actor_other_names]
        if law is not None:
            parts += [law.title, law.short_title]
        if jurisdiction is not None:
            parts.append(jurisdiction.name)
        return "\n".join(part for part in parts if part)

    def build_search_document(self):
        actor = self.actor if self.actor_id else None
        other_names = list(actor.other_names.values_list("name", flat=True)) if actor and actor.pk else []
        return self.compose_search_document(
            title=self.title,
            summary=self.summary,
            actor=actor,
            actor_other_names=other_names,
            law=self.law if self.law_id else None,
            jurisdiction=self.jurisdiction if self.jurisdiction_id else None,
        )

    @classmethod
    def refresh_search_documents(cls, queryset, batch_size=1000):
        """Rewrite the stored search documents of ``queryset``'s events (after a rename)."""
        events = queryset.order_by("pk").select_related("actor", "law", "jurisdiction")
        last = 0
        while True:
            page = list(events.filter(pk__gt=last)[:batch_size])
            if not page:
                return
            other_names = {}
            rows = OrganizationName.objects.filter(organization_id__in={e.actor_id for e in page})
            for organization_id, name in rows.order_by("name").values_list("organization_id", "name"):
                other_names.setdefault(organization_id, []).append(name)
            stale = []
            for event in page:
                document = cls.compose_search_document(
                    title=event.title,
                    summary=event.summary,
                    actor=event.actor,
                    actor_other_names=other_names.get(event.actor_id, ()),
                    law=event.law,
                    jurisdiction=event.jurisdiction,
                )
                if document != event.search_document:
                    event.search_document = document
                    stale.append(event)
            if stale:
                cls.objects.bulk_update(stale, ["search_document"])
            last = page[-1].pk

    def compute_fingerprint(self):
        """The natural key of an event without an external id."""
        parts = [
            self.actor_id,
            self.action_type,
            self.law_id,
            self.jurisdiction_id,
            self.date_start,
            self.date_end,
            self.date_precision,
        ]
        return hashlib.sha256("|".join("" if p is None else str(p) for p in parts).encode()).hexdigest()


class Citation(models.Model):
    """An event's source, with the quote that supports it and who said it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(blank=True)
    speaker = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.source} ({self.event_id})"


class ImportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    JSON = "json", "JSON"
    NDJSON = "ndjson", "NDJSON"


class ImportBatchStatus(models.TextChoices):
    STAGING = "staging", "staging (reading the file)"
    STAGED = "staged", "staged"
    PROCESSING = "processing", "processing"
    DONE = "done", "done"
    FAILED = "failed", "failed"


class ImportBatch(models.Model):
    """One uploaded file of events (CSV, JSON or NDJSON) and its progress.

    Staging stores every row as an ``ImportRow`` (raw values kept), then workers process the rows
    in chunks; ``status`` goes staged -> processing -> done (or failed), ``messages`` holds what
    concerns the whole file (unknown columns, a header problem). An upload (admin, API) starts as
    ``staging``: the file is kept in the private ``imports`` storage (``stored_file``) until a
    worker has read it into rows (``bytes_staged`` of ``file_size`` so far), then deleted.
    """

    file_name = models.CharField(max_length=255)
    format = models.CharField(max_length=10, choices=ImportFormat.choices)
    status = models.CharField(
        max_length=12, choices=ImportBatchStatus.choices, default=ImportBatchStatus.STAGED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    total_rows = models.PositiveIntegerField(default=0)
    progress_at = models.DateTimeField(
        "last progress",
        default=timezone.now,
        help_text="When rows of this batch were last processed or sent to the workers: the sweep sends "
        "its pending rows again after IMPORT_STALL_SECONDS without progress.",
    )
    messages = models.JSONField(
        default=list, blank=True, help_text="File-level notes, such as columns that were not recognized."
    )
    stored_file = models.CharField(
        max_length=255,
        blank=True,
        help_text="The uploaded file's name in the imports storage, while it is read.",
    )
    file_size = models.PositiveBigIntegerField(default=0, help_text="Bytes of the uploaded file.")
    bytes_staged = models.PositiveBigIntegerField(
        default=0, help_text="Bytes of the uploaded file read into rows so far."
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"


class ImportRowStatus(models.TextChoices):
    PENDING = "pending", "pending"
    CREATED = "created", "created"
    UPDATED = "updated", "updated"
    UNCHANGED = "unchanged", "unchanged"
    NEEDS_REVIEW = "needs_review", "needs review"
    FAILED = "failed", "failed"


class ImportRow(models.Model):
    """One row of an imported file: its raw values exactly as given, and what became of it.

    ``status`` says whether it created, updated or left an event unchanged, needs review (with
    ``messages`` naming each problem and its column) or failed; a row is re-run after it is fixed,
    with the rights of ``run_by``.
    """

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    row_number = models.PositiveIntegerField(help_text="1 = the first data row of the file.")
    raw = models.JSONField(help_text="The row exactly as the file gave it.")
    status = models.CharField(max_length=12, choices=ImportRowStatus.choices, default=ImportRowStatus.PENDING)
    messages = models.JSONField(default=list, blank=True)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_rows"
    )
    processed_at = models.DateTimeField(null=True, blank=True)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="Whose rights the row is processed with and whom its history names: the person who "
        "uploaded it or last re-ran it (empty: the command line).",
    )
    pending_responds_to = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="The external id this row's event responds to, while no event has it yet.",
    )

    class Meta:
        ordering = ["batch", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "row_number"], name="import_row_unique_number"),
        ]
        indexes = [
            models.Index(fields=["batch", "status"], name="import_row_batch_status_idx"),
            models.Index(
                fields=["pending_responds_to"],
                condition=~Q(pending_responds_to=""),
                name="import_row_pending_link_idx",
            ),
        ]

    def __str__(self):
        return f"row {self.row_number} of {self.batch}"


class EventTombstone(models.Model):
    """An event that was deleted, kept as its id so API mirrors can drop it (the sync feed).

    Written by ``timeline.signals.record_event_deletion`` for every deletion (admin, shell, API), bulk
    queryset deletes included; events that are retracted or unpublished stay in Event and are
    found there by status and ``updated_at``.
    """

    event_id = models.BigIntegerField(unique=True)
    external_id = models.CharField(max_length=200, blank=True)
    deleted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["deleted_at", "event_id"]
        indexes = [models.Index(fields=["deleted_at", "event_id"], name="event_tombstone_sync_idx")]

    def __str__(self):
        return f"event {self.event_id} deleted {self.deleted_at:%Y-%m-%d %H:%M}"
